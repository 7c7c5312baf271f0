// Search in the browser: time from the first keystroke in the search box to the results on
// screen, with the index not yet loaded (first use) and already loaded. For bench/run.sh;
// timings belong here, not in tests/.
//
//   node bench/search-latency.mjs NAME=BUILT_SITE [NAME=BUILT_SITE ...]     (RUNS=10 by default)
//
// Each built site is served over http on 127.0.0.1 (plain Node server, no caching headers) and
// opened in Debian's Chromium (headless, through playwright-core). Per run:
//   first use  a fresh browser context (empty cache) opens a content page; the script clicks in
//              the search box (which starts loading search-index.js, as a user's click does) and
//              types the query straight away (or GAP ms later), so the load is not hidden
//              behind slow typing;
//   loaded     on the same page, after the box is cleared and the index is in memory, the same
//              query is typed again.
// The query is typed in one burst (Playwright's keyboard.type, no delay: the keystrokes still
// arrive some ms apart, reported as "first → last keystroke"), and the pause the search box
// waits after the last keystroke (DELAY in static/js/search.js, 80 ms; 120 ms before 3 December)
// is part of every figure. Measured inside the page: from the first keydown's event.timeStamp
// to (shown) the first result option in #zoekresultaten with the list visible (a
// MutationObserver), to (painted) the next animation frame after that, and to (all) the status
// line announcing the number of results, which the box sets once every result is on screen
// (results appear in rank order as the shards with their texts arrive).
// Sites take turns within each run (the order rotates), so no site always goes first.
// Also reported, for the first use: when search-index.js had arrived (Resource Timing) and when
// it had been parsed and run (a setter on window.leerrechtZoekindex), both from the keystroke
// (negative: before it, since loading starts on the click), and the file's size.
import { stat } from 'node:fs/promises';
import { writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDir, contentPage } from './browser-site.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.RUNS ?? 10);
const QUERY = process.env.QUERY ?? 'leerplicht';
// Milliseconds between the click in the box and the first keystroke: 0 (the default) types at
// once, the worst case for all that starts on the click; a person takes a few hundred.
const GAP = Number(process.env.GAP ?? 0);
// The first query, then nine more (the heap is read after all ten).
const TEN = [QUERY, 'thuiszitters', 'gemeenten', 'verzuim', 'zorgplicht', 'school', 'ouders', 'regie', 'vrijstelling', '2016'];
const sites = process.argv.slice(2).map((a) => {
  const [name, dir] = a.split('=');
  return { name, dir: resolve(dir) };
});
if (!sites.length || sites.some((s) => !s.dir)) {
  console.error('gebruik: node bench/search-latency.mjs NAAM=GEBOUWDE_SITE ...');
  process.exit(2);
}

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
  const median = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  return { median, p90: at(0.9), min: v[0], max: v[v.length - 1] };
}


const INSTRUMENT = () => {
  window.__zoek = { key: null, shown: null, painted: null, all: null, count: 0, defined: null, focus: null };
  document.addEventListener('focusin', (e) => {
    if (window.__zoek.focus === null) window.__zoek.focus = e.timeStamp;
  });
  // search-index.js assigns `window.leerrechtZoekindex` (now from `JSON.parse('…')`): the
  // setter runs once the script has been parsed and its data evaluated
  let data;
  Object.defineProperty(window, 'leerrechtZoekindex', {
    configurable: true,
    get: () => data,
    set: (v) => {
      data = v;
      window.__zoek.defined = performance.now();
    },
  });
  document.addEventListener('keydown', (e) => {
    if (window.__zoek.key === null) window.__zoek.key = e.timeStamp;
    if (window.__zoek.shown === null) window.__zoek.last = e.timeStamp;
  }, true);
  const list = document.querySelector('#zoekresultaten');
  new MutationObserver(() => {
    const m = window.__zoek;
    if (m.key !== null && m.shown === null && !list.hidden && list.querySelector('[role="option"]')) {
      m.shown = performance.now();
      m.count = list.querySelectorAll('[role="option"]').length;
      requestAnimationFrame(() => setTimeout(() => (m.painted = performance.now()), 0));
    }
  }).observe(list, { childList: true, attributes: true, attributeFilter: ['hidden'] });
  const status = document.querySelector('#zoekstatus');
  new MutationObserver(() => {
    const m = window.__zoek;
    if (m.key !== null && m.all === null && /resulta/.test(status.textContent)) m.all = performance.now();
  }).observe(status, { childList: true, characterData: true, subtree: true });
};

async function measure(page, timeout = 60_000) {
  await page.waitForFunction(() => window.__zoek.painted !== null && window.__zoek.all !== null, null, { timeout });
  return page.evaluate(() => {
    window.gc?.(); // the timings are taken already; the heap is read after a collection
    const m = window.__zoek;
    const res = performance.getEntriesByType('resource').find((e) => e.name.includes('search-index.js'));
    return {
      shown: m.shown - m.key,
      painted: m.painted - m.key,
      all: m.all === null ? null : m.all - m.key,
      count: document.querySelectorAll('#zoekresultaten [role="option"]').length, // once all are shown
      // from the first keystroke: the index file has arrived / has been parsed and run
      arrived: res ? res.responseEnd - m.key : null,
      evaluated: m.defined === null ? null : m.defined - m.key,
      focus: m.focus === null ? null : m.focus - m.key, // the click, before the keystroke
      typing: m.last - m.key, // first to last keystroke of the burst
      afterLast: m.shown - m.last, // last keystroke to results shown
      // what of the index has been loaded so far (the manifest and every shard), as sent
      indexLoaded: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('search-index.js') || e.name.includes('/zoekindex/'))
        .reduce((n, e) => n + (e.decodedBodySize || 0), 0),
      heap: performance.memory?.usedJSHeapSize ?? null,
    };
  });
}

// --expose-gc: the heap is read after a full collection, so it is what the page keeps, not
// what the collector has not yet got round to.
const args = ['--js-flags=--expose-gc', '--enable-precise-memory-info', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
if (process.getuid?.() === 0) args.push('--no-sandbox');
async function folderBytes(dir) {
  let n = 0;
  for (const f of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile())) n += (await stat(join(dir, f.name))).size;
  return n;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
const all = [];
try {
  for (const site of sites) {
    // FILE=1: open the site from disk (file://), as from a USB stick, instead of over http.
    Object.assign(site, process.env.FILE === '1' ? { base: `file://${site.dir}/`, close: () => {} } : await serveDir(site.dir));
    site.path = contentPage(site.dir);
    site.indexBytes = (await stat(join(site.dir, 'search-index.js'))).size + (await folderBytes(join(site.dir, 'zoekindex')));
    site.cold = [];
    site.warm = [];
  }
  for (let i = 0; i < RUNS + 1; i++) {
    for (let k = 0; k < sites.length; k++) {
      const site = sites[(i + k) % sites.length];
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(site.base + site.path, { waitUntil: 'load' });
      await page.evaluate(INSTRUMENT);
      await page.click('#zoekveld');
      if (GAP) await page.waitForTimeout(GAP);
      await page.keyboard.type(QUERY);
      const c = await measure(page);
      // clear the box, let it close, then the same query with the index in memory
      await page.fill('#zoekveld', '');
      await page.waitForTimeout(400);
      await page.evaluate(() => Object.assign(window.__zoek, { key: null, last: null, shown: null, painted: null, all: null, defined: null }));
      await page.keyboard.type(QUERY);
      const w = await measure(page);
      // ten more queries, then the page's JS heap (issue 16: under 50 MB after 10 queries)
      for (const q of TEN.slice(1)) {
        await page.fill('#zoekveld', '');
        await page.waitForTimeout(200);
        await page.evaluate(() => Object.assign(window.__zoek, { key: null, last: null, shown: null, painted: null, all: null, defined: null }));
        await page.keyboard.type(q);
        // A query without results shows no option: give up on it after a few seconds.
        await measure(page, 5_000).catch(() => null);
      }
      w.heapAfterTen = await page.evaluate(() => {
        window.gc?.();
        return performance.memory?.usedJSHeapSize ?? null;
      });
      w.loadedAfterTen = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('search-index.js') || e.name.includes('/zoekindex/')).reduce((n, e) => n + (e.decodedBodySize || 0), 0));
      await context.close();
      if (i === 0) continue; // warm-up: Chromium's own first-start costs
      site.cold.push(c);
      site.warm.push(w);
      console.log(`  ${site.name} run ${i}: first use ${c.painted.toFixed(0)} ms, all ${c.all?.toFixed(0)} ms (click ${c.focus?.toFixed(0)} ms, index arrived ${c.arrived?.toFixed(0)} ms, parsed and run ${c.evaluated?.toFixed(0)} ms after the keystroke), loaded ${w.painted.toFixed(0)} ms (typing took ${w.typing.toFixed(0)} ms, last keystroke to results ${w.afterLast.toFixed(0)} ms), ${c.count} results`);
    }
  }
  for (const site of sites) {
    site.close();
    all.push({ site: site.name, path: site.path, indexBytes: site.indexBytes, cold: site.cold, warm: site.warm });
  }
} finally {
  await browser.close();
}

console.log(`\nquery "${QUERY}", ${RUNS} runs per site (after one warm-up run), typed in one burst ${GAP} ms after the click; figures include the search box's typing pause\n`);
// "From the last keystroke" leaves out how long the burst took to type, which grows when the
// page is busy while the keys arrive (loading the index, opening it): a person types a word
// in a second or more, so for them the wait that counts starts at the last key.
console.log('| site | search-index.js | index not yet loaded: keystroke → first results shown (median / p90) | … painted | … all results shown | … from the last keystroke: first results shown (median / p90) | click / index arrived / parsed and run, from the keystroke (medians) | index already loaded: shown (median / p90) | … painted | loaded: first → last keystroke / last keystroke → shown (medians) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const table2 = [];
for (const r of all) {
  const cs = stats(r.cold.map((x) => x.shown));
  const cp = stats(r.cold.map((x) => x.painted));
  const ca = stats(r.cold.map((x) => x.all));
  const cl = stats(r.cold.map((x) => x.afterLast));
  const ws = stats(r.warm.map((x) => x.shown));
  const wp = stats(r.warm.map((x) => x.painted));
  const ar = stats(r.cold.map((x) => x.arrived ?? NaN));
  const fo = stats(r.cold.map((x) => x.focus ?? NaN));
  const ev = stats(r.cold.map((x) => x.evaluated ?? NaN));
  const ty = stats(r.warm.map((x) => x.typing));
  const al = stats(r.warm.map((x) => x.afterLast));
  const kb = (r.indexBytes / 1000).toFixed(0);
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const lo = stats(r.cold.map((x) => x.indexLoaded));
  const hp = stats(r.cold.map((x) => x.heap ?? NaN));
  const h10 = stats(r.warm.map((x) => x.heapAfterTen ?? NaN));
  const l10 = stats(r.warm.map((x) => x.loadedAfterTen ?? NaN));
  table2.push(`| ${r.site} | ${mb(r.indexBytes)} | ${(lo.median / 1000).toFixed(0)} kB (${((100 * lo.median) / r.indexBytes).toFixed(1)} %) | ${mb(hp.median)} | ${(l10.median / 1000).toFixed(0)} kB | ${mb(h10.median)} |`);
  console.log(`| ${r.site} | ${kb} kB | ${cs.median.toFixed(0)} / ${cs.p90.toFixed(0)} ms | ${cp.median.toFixed(0)} / ${cp.p90.toFixed(0)} ms | ${ca.median.toFixed(0)} / ${ca.p90.toFixed(0)} ms | ${cl.median.toFixed(0)} / ${cl.p90.toFixed(0)} ms | ${fo.median.toFixed(0)} / ${ar.median.toFixed(0)} / ${ev.median.toFixed(0)} ms | ${ws.median.toFixed(0)} / ${ws.p90.toFixed(0)} ms | ${wp.median.toFixed(0)} / ${wp.p90.toFixed(0)} ms | ${ty.median.toFixed(0)} / ${al.median.toFixed(0)} ms |`);
}
console.log('\n| site | whole index | first query: index loaded (share) | first query: JS heap | after 10 queries: index loaded | after 10 queries: JS heap |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const line of table2) console.log(line);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'search.json'), JSON.stringify(all, null, 1));
