// A room of phones against `leerrecht workshop`: N participants (default 200) submit within
// SPREAD seconds (default 10) over loopback, each from its own address (127.0.X.Y, so the
// per-device rate limit treats them as the different phones they stand for), while a trainer
// long-polls /_workshop/stand. Measures
//   submit   from sending a submission to its 200,
//   trainer  from sending a submission to the trainer's long poll returning a state holding it,
// and checks that every submission was stored (the trainer's count, and the data file's lines).
//
//   node bench/workshop-submit.mjs BINARY BUILD [N] [SPREAD]
//
// BUILD is the output of `leerrecht build` (e.g. `cargo run --release -- build --out bench/out/ws-site`).
// The server runs with a fresh data folder in bench/out/workshop-data. Prints a Markdown table
// and writes bench/out/workshop.json. Timings belong here, not in tests/.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const [bin, buildArg, nArg, spreadArg] = process.argv.slice(2);
if (!bin || !buildArg) {
  console.error('gebruik: node bench/workshop-submit.mjs BINARY BUILD [N] [SPREAD]');
  process.exit(2);
}
const N = Number(nArg ?? 200);
const SPREAD = Number(spreadArg ?? 10) * 1000;
const build = resolve(buildArg);
const data = join(here, 'out', 'workshop-data');
rmSync(data, { recursive: true, force: true });
mkdirSync(data, { recursive: true });

// The first checklist-like instrument of the build, and answers for it.
function pickInstrument() {
  for (const file of readdirSync(join(build, 'instrumenten')).filter((f) => f.endsWith('.json')).sort()) {
    const def = JSON.parse(readFileSync(join(build, 'instrumenten', file), 'utf8'));
    if ((def.kind === 'checklist' || def.kind === 'toetsvragen') && def.items.length) return def;
  }
  throw new Error('geen checklist of toetsvragen in de build');
}
const instrument = pickInstrument();
const options = instrument.scale.map((s) => s.id);

const child = spawn(resolve(bin), ['workshop', '--out', build, '--data', data, '--host', '127.0.0.1', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { port, code } = await new Promise((ok, fail) => {
  let text = '';
  child.stdout.on('data', (d) => {
    text += d;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\/\S*\?sessie=([0-9A-Z]+)/.exec(text);
    if (m) ok({ port: Number(m[1]), code: m[2] });
  });
  child.on('exit', (c) => fail(new Error(`workshop stopte (${c}): ${text}`)));
});

function request({ method = 'GET', path, body, localAddress }) {
  return new Promise((ok, fail) => {
    const req = http.request({
      host: '127.0.0.1', port, method, path, localAddress, agent: false,
      headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => ok({ status: res.statusCode, text }));
    });
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

const sent = new Map(); // participant → performance.now() at send
const seenAt = new Map(); // participant → when the trainer first saw it
let polling = true;
async function trainer() {
  let since = null;
  while (polling) {
    const r = await request({ path: '/_workshop/stand' + (since === null ? '' : `?since=${since}`) });
    const now = performance.now();
    const state = JSON.parse(r.text);
    since = state.seq;
    for (const s of state.submissions) if (!seenAt.has(s.participant)) seenAt.set(s.participant, now);
    if (seenAt.size >= N) return;
  }
}
const trainerDone = trainer();

const submitTimes = [];
const failures = [];
const started = performance.now();
await Promise.all(Array.from({ length: N }, (_, i) => new Promise((ok) => {
  setTimeout(async () => {
    const participant = `bench-${String(i).padStart(6, '0')}`;
    const answers = Object.fromEntries(instrument.items.map((item, k) => [item.id, options[(i + k) % options.length]]));
    const body = JSON.stringify({ sessie: code, instrument: instrument.id, version: instrument.version, participant, answers });
    const localAddress = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
    const t0 = performance.now();
    sent.set(participant, t0);
    try {
      const r = await request({ method: 'POST', path: '/_workshop/inzending', body, localAddress });
      if (r.status !== 200) failures.push(`${participant}: ${r.status} ${r.text}`);
      submitTimes.push(performance.now() - t0);
    } catch (e) {
      failures.push(`${participant}: ${e.message}`);
    }
    ok();
  }, (SPREAD * i) / N);
})));
const finished = performance.now();
await Promise.race([trainerDone, new Promise((ok) => setTimeout(ok, 30000))]);
polling = false;

const stand = JSON.parse((await request({ path: '/_workshop/stand' })).text);
const file = readdirSync(join(data, 'sessies')).find((f) => f.endsWith('.jsonl'));
const lines = readFileSync(join(data, 'sessies', file), 'utf8').split('\n').filter(Boolean).length;
child.kill();

const trainerTimes = [...seenAt].map(([p, t]) => t - sent.get(p));
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const row = (name, xs) => `| ${name} | ${xs.length} | ${q(xs, 50).toFixed(1)} | ${q(xs, 95).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
console.log(`${N} deelnemers in ${((finished - started) / 1000).toFixed(1)} s; opgeslagen: ${stand.counts[instrument.id] ?? 0} (trainer), ${lines} regels (bestand); fouten: ${failures.length}`);
console.log('\n| ms | n | median | p95 | max |\n|---|---|---|---|---|');
console.log(row('submit → 200', submitTimes));
console.log(row('submit → trainer sees it', trainerTimes));
if (failures.length) console.log('\n' + failures.slice(0, 10).join('\n'));
writeFileSync(join(here, 'out', 'workshop.json'), JSON.stringify({ n: N, spread_ms: SPREAD, stored: stand.counts[instrument.id] ?? 0, lines, failures, submit_ms: submitTimes, trainer_ms: trainerTimes }, null, 2));
const ok = failures.length === 0 && (stand.counts[instrument.id] ?? 0) === N && lines === N;
process.exit(ok ? 0 : 1);
