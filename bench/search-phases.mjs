// Where the time of a first search goes, in Chromium over http: the same steps as
// bench/search-latency.mjs (a fresh context, a click in the box, the query typed in one burst),
// and per run, from the first keydown: the last keystroke handled, the search box's pause
// ending (its timer firing), the term shards asked for and in, the result shards asked for and
// in, and the first result on screen. Medians over RUNS; sites take turns within each run.
//
//   RUNS=7 node bench/search-phases.mjs BUILT_SITE [BUILT_SITE ...]
//
// With PROFILE=1, V8's sampling profiler (every 100 µs, over the DevTools protocol) runs from
// the first keystroke until the first result shows, and the functions that took the most time
// of their own are listed per site, summed over the runs. The profiler slows the page down:
// read its shares, not its times.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDir, contentPage } from './browser-site.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const PROFILE = process.env.PROFILE === '1';
const GAP = Number(process.env.GAP ?? 0); // ms from the click to the first keystroke, as in search-latency.mjs
const QUERY = process.env.QUERY ?? 'leerplicht';
const sites = process.argv.slice(2).map((dir) => resolve(dir));
if (!sites.length) {
  console.error('gebruik: node bench/search-phases.mjs GEBOUWDE_SITE ...');
  process.exit(2);
}

const INSTRUMENT = () => {
  const m = (window.__fase = { key: null, lastInput: null, pauseEnd: null, shown: null });
  document.addEventListener('keydown', (e) => m.key ?? (m.key = e.timeStamp), true);
  document.addEventListener('input', () => (m.lastInput = performance.now()), true);
  // The box's pause is the only timer of 50 ms or more it sets after a keystroke.
  const setTimer = window.setTimeout;
  window.setTimeout = (f, delay, ...rest) => setTimer(delay >= 50 && m.key !== null ? () => ((m.pauseEnd = performance.now()), f()) : f, delay, ...rest);
  const list = document.querySelector('#zoekresultaten');
  new MutationObserver(() => {
    if (m.shown === null && !list.hidden && list.querySelector('[role="option"]')) m.shown = performance.now();
  }).observe(list, { childList: true, attributes: true });
};

const PHASES = ['lastInput', 'pauseEnd', 'termsAsked', 'termsIn', 'resultsAsked', 'resultsIn', 'shown'];
const args = ['--disable-gpu'];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
const rows = new Map(sites.map((dir) => [dir, []]));
const selfTimes = new Map(sites.map((dir) => [dir, new Map()]));

/** Adds the self time (µs) of each function of a V8 CPU profile to `into`, by name and place. */
function addSelfTimes(profile, into) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const { functionName, url, lineNumber } = byId.get(samples[i]).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + (timeDeltas[i + 1] ?? 0));
  }
}
try {
  const servers = new Map();
  for (const dir of sites) servers.set(dir, await serveDir(dir));
  for (let run = 0; run <= RUNS; run++) {
    for (let k = 0; k < sites.length; k++) {
      const dir = sites[(run + k) % sites.length];
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(servers.get(dir).base + contentPage(dir), { waitUntil: 'load' });
      await page.evaluate(INSTRUMENT);
      await page.click('#zoekveld');
      if (GAP) await page.waitForTimeout(GAP);
      const cdp = PROFILE ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      await page.keyboard.type(QUERY);
      await page.waitForFunction(() => window.__fase.shown !== null);
      if (cdp && run > 0) addSelfTimes((await cdp.send('Profiler.stop')).profile, selfTimes.get(dir));
      const phases = await page.evaluate(() => {
        const m = window.__fase;
        const entries = performance.getEntriesByType('resource');
        const span = (pattern) => {
          const found = entries.filter((e) => pattern.test(e.name));
          return found.length ? [Math.min(...found.map((e) => e.startTime)) - m.key, Math.max(...found.map((e) => e.responseEnd)) - m.key] : [NaN, NaN];
        };
        const [termsAsked, termsIn] = span(/zoekindex\/t\d+\.js/);
        const [resultsAsked, resultsIn] = span(/zoekindex\/d\d+\.js/);
        return { lastInput: m.lastInput - m.key, pauseEnd: m.pauseEnd - m.key, termsAsked, termsIn, resultsAsked, resultsIn, shown: m.shown - m.key };
      });
      await context.close();
      if (run > 0) rows.get(dir).push(phases); // run 0 warms Chromium up
    }
  }
  for (const { close } of servers.values()) close();
} finally {
  await browser.close();
}

const median = (values) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : NaN;
};
console.log(`query "${QUERY}", ${RUNS} runs, first keystroke ${GAP} ms after the click; ms from the first keystroke (medians)\n`);
console.log(`| site | ${PHASES.join(' | ')} |`);
console.log(`|---|${PHASES.map(() => '---:').join('|')}|`);
for (const [dir, list] of rows) console.log(`| ${dir} | ${PHASES.map((p) => median(list.map((r) => r[p])).toFixed(0)).join(' | ')} |`);
if (PROFILE) {
  for (const [dir, times] of selfTimes) {
    const total = [...times.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${dir}: own time per function, ms per run (share of all samples)\n`);
    for (const [key, us] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
      console.log(`${(us / 1000 / RUNS).toFixed(1).padStart(7)}  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
    }
  }
}
