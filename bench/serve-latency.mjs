// Rebuild latency of `leerrecht serve`: from saving one page to the reload signal, as a browser
// sees it. For bench/run.sh; timings belong here, not in tests/.
//
//   node bench/serve-latency.mjs BINARY SITE [RUNS]        (RUNS default 20; PAGE=key.md)
//
// SITE (the 1 000-page corpus) is copied to bench/out/serve-site, so the corpus itself is never
// edited; with SEARCH=off its site.toml gets `search = false` (to see what the index costs),
// with SERVE_OUT=DIR the output goes to DIR instead of bench/out/serve-out (e.g. on a tmpfs, to
// see what writing to disk costs), with EDIT=title the page's title is edited instead of its text.
// The server (`BINARY serve --root COPY --out bench/out/serve-out --port FREE`) is started
// once; Chromium opens the page that will be edited, whose reload script long-polls
// /__leerrecht/wait?v=N. Each run appends a sentence with a new marker word to that page's
// Markdown and measures from just before the write to
//   signal  the answer to a long-poll that Node itself holds open (the reload signal, no browser),
//   page    Chromium's `load` event of the reloaded page, checked to contain the marker,
// and reads what the server printed: `Opnieuw gebouwd: … in N ms` (the build itself, from
// the end of the watcher's settle time to the new output swapped in and the old removed).
// Prints a Markdown table (median, p90, min, max) and writes bench/out/serve.json.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const [bin, siteArg, runsArg] = process.argv.slice(2);
if (!bin || !siteArg) {
  console.error('gebruik: node bench/serve-latency.mjs BINARY SITE [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsArg ?? process.env.RUNS ?? 20);
const outDir = join(here, 'out');
const site = join(outDir, 'serve-site');
const out = process.env.SERVE_OUT ?? join(outDir, 'serve-out');
const TITLE = process.env.EDIT === 'title';
// ms between one edit's reload and the next edit (an editor saves every few seconds at most).
const GAP = Number(process.env.GAP ?? 700);
const variant = [
  process.env.SEARCH === 'off' ? 'search = false' : '',
  process.env.SERVE_OUT ? `output in ${process.env.SERVE_OUT}` : '',
  TITLE ? 'the title edited' : '',
]
  .filter(Boolean)
  .join(', ');
// PAGE=gemeente/p1005.md for the shared corpus (gen_corpus.py), whose names differ.
const PAGE_KEY = process.env.PAGE ?? 'sectie-010/pagina-0500.md';
const PAGE_URL = PAGE_KEY.replace(/\.md$/, '.html');

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

function stats(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
  const median = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  return { median, p90: at(0.9), min: v[0], max: v[v.length - 1] };
}

rmSync(site, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(resolve(siteArg), site, { recursive: true });
if (process.env.SEARCH === 'off') {
  const toml = join(site, 'site.toml');
  writeFileSync(toml, readFileSync(toml, 'utf8').replace(/^search = true$/m, 'search = false'));
}
const pageFile = join(site, 'content', PAGE_KEY);
const original = readFileSync(pageFile, 'utf8');
// With EDIT=title the marker goes into the title, which the section's other pages list, so
// they are rendered again too (a body edit renders one page).
const retitled = (marker) => original.replace(/^title = "(.*)"$/m, `title = "$1 ${marker}"`);
if (TITLE && retitled('x') === original) throw new Error(`${PAGE_KEY} has no title line`);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(resolve(bin), ['serve', '--root', site, '--out', out, '--port', String(port)], {
  stdio: ['ignore', 'ignore', 'pipe'],
});
const builds = []; // {at, ms, line}
let stderrTail = '';
let partial = ''; // Rust's unbuffered stderr writes a line in pieces: a chunk can end mid-line
server.stderr.setEncoding('utf8');
server.stderr.on('data', (chunk) => {
  stderrTail = (stderrTail + chunk).slice(-4000);
  const lines = (partial + chunk).split('\n');
  partial = lines.pop();
  for (const line of lines) {
    const m = /in (\d+) ms/.exec(line);
    if (m) builds.push({ at: performance.now(), ms: Number(m[1]), line: line.trim() });
  }
});
let exited = false;
server.on('exit', () => (exited = true));

let browser;
const results = [];
try {
  // ready: the first build is done and the server answers
  const deadline = Date.now() + 120_000;
  let version = null;
  while (version === null) {
    if (exited) throw new Error(`serve stopped:\n${stderrTail}`);
    if (Date.now() > deadline) throw new Error(`serve not ready after 120 s:\n${stderrTail}`);
    try {
      const r = await fetch(`${base}/__leerrecht/wait`);
      if (r.ok) version = Number(await r.text());
    } catch {
      await sleep(100);
    }
  }
  console.log(`serve ready on ${base} (first build: ${builds.at(-1)?.line ?? '?'})`);

  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
  const page = await browser.newPage();
  const longPoll = () =>
    page.waitForRequest((r) => /\/__leerrecht\/wait\?v=\d+$/.test(r.url()), { timeout: 30_000 });

  let polling = longPoll();
  await page.goto(`${base}/${PAGE_URL}`);
  await polling;

  for (let i = 1; i <= RUNS; i++) {
    await sleep(GAP); // let the machine and the watcher settle between edits
    const marker = `meetwoord${i}x${Date.now() % 100000}`;
    const seen = version;
    const signal = fetch(`${base}/__leerrecht/wait?v=${seen}`).then(async (r) => ({ at: performance.now(), v: Number(await r.text()) }));
    await sleep(50); // the long-poll is open before we write
    const buildsBefore = builds.length;
    const loaded = page.waitForEvent('load', { timeout: 30_000 }).then(() => performance.now());
    polling = longPoll();
    const t0 = performance.now();
    writeFileSync(pageFile, TITLE ? retitled(marker) : `${original}\nDeze zin is gewijzigd: ${marker}.\n`);
    const s = await signal;
    const tLoad = await loaded;
    const text = await page.textContent('main');
    await polling; // the reloaded page waits for the next build again
    // The build's line is written before the signal, but the pipe may hand it over later.
    for (let t = 0; builds.length === buildsBefore && t < 20; t++) await sleep(50);
    version = s.v;
    const build = builds.slice(buildsBefore);
    results.push({
      run: i,
      signal_ms: s.at - t0,
      page_ms: tLoad - t0,
      build_ms: build.at(-1)?.ms ?? NaN,
      builds: build.length,
      marker_shown: text.includes(marker),
    });
    const r = results.at(-1);
    console.log(`  run ${String(i).padStart(2)}: signal ${r.signal_ms.toFixed(0)} ms, reloaded page ${r.page_ms.toFixed(0)} ms, server build ${r.build_ms} ms${r.builds === 1 ? '' : ` (${r.builds} builds)`}${r.marker_shown ? '' : ' — EDIT NOT SHOWN'}`);
  }
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  writeFileSync(pageFile, original);
}

const rows = [
  ['write → reload signal (long-poll answered)', stats(results.map((r) => r.signal_ms))],
  ['write → reloaded page loaded in Chromium', stats(results.map((r) => r.page_ms))],
  ['the build itself (as `serve` reports it)', stats(results.map((r) => r.build_ms))],
  ['signal − build (settle time, watcher, HTTP)', stats(results.map((r) => r.signal_ms - r.build_ms))],
];
console.log(`\n${RUNS} edits of content/${PAGE_KEY}${variant ? ` (${variant})` : ''}; every edit shown after reload: ${results.every((r) => r.marker_shown) ? 'yes' : 'NO'}; one build per edit: ${results.every((r) => r.builds === 1) ? 'yes' : 'no'}\n`);
console.log('| from saving one page | median | p90 | min | max |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, s] of rows) {
  console.log(`| ${name} | ${s.median.toFixed(0)} ms | ${s.p90.toFixed(0)} ms | ${s.min.toFixed(0)} ms | ${s.max.toFixed(0)} ms |`);
}
const tag = (process.env.SEARCH === 'off' ? '-nosearch' : '') + (process.env.SERVE_OUT ? '-out' : '') + (TITLE ? '-title' : '');
writeFileSync(join(outDir, `serve${tag}.json`), JSON.stringify(results, null, 1));
if (process.env.SERVE_OUT) rmSync(out, { recursive: true, force: true });
