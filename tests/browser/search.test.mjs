// Issue 17 in the browser: typed into the site's search box, over http and from file://, a
// plural finds the page on its singular (`protocollen`), and an article number ranks the
// passage that has word and number together first (`artikel 11`). The expected pages are
// fixed here, not computed by the engine under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileBase, browserAndServer } from './harness.mjs';

const FROM = 'index.html';
const CASES = [
  { query: 'protocollen', first: 'regio/rotterdam.html#protocol', also: 'instrumenten/toetsvragen-verzuimprotocol.html' },
  { query: 'artikel 11', first: 'wetgeving/leerplichtwet.html#geldige-redenen' },
];

let browser;
let server;
browserAndServer((env) => ({ browser, server } = env));

/** The addresses of the results the search box shows for `query`, relative to the site. */
async function results(base, query) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + FROM);
  await page.click('#zoekveld');
  await page.keyboard.type(query);
  // Keys may come slowly: wait for the results of the whole query, not of a part of it.
  await page.waitForFunction((q) => document.getElementById('zoekstatus').textContent.includes(`voor ${q}.`), query);
  const hrefs = await page.$$eval('#zoekresultaten [role="option"]', (options) => options.map((o) => o.dataset.href));
  assert.deepEqual(errors, []);
  await page.close();
  return hrefs;
}

for (const [where, base] of [['over http', () => server.base], ['from file://', fileBase]]) {
  test(`protocollen and artikel 11 find their pages ${where}`, async () => {
    for (const { query, first, also } of CASES) {
      const hrefs = await results(base(), query);
      assert.equal(hrefs[0], first, `${query}: ${hrefs.join(', ')}`);
      if (also) assert.ok(hrefs.slice(0, 3).includes(also), `${query}: ${hrefs.join(', ')}`);
    }
  });
}

/**
 * The search box with the result shards (`zoekindex/dN.js`) under control: the first one asked
 * for (the shard of the best result) loads at once, the others wait for `release()` and then
 * load or, with `fail`, do not.
 */
async function withHeldShards({ fail = false } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let first = null;
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/zoekindex/d*.js', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    first ??= name;
    if (name !== first) {
      await released;
      if (fail) return route.abort();
    }
    return route.continue();
  });
  await page.goto(server.base + FROM);
  return { page, errors, release, shown: () => page.$$eval('#zoekresultaten [role="option"]', (o) => o.length), status: () => page.textContent('#zoekstatus') };
}

test('results appear in rank order while later shards still load, and are counted when all are there', async () => {
  const { page, errors, release, shown, status } = await withHeldShards();
  await page.click('#zoekveld');
  await page.keyboard.type('verzuim');
  await page.waitForSelector('#zoekresultaten [role="option"]');
  const early = await shown();
  assert.ok(early >= 1 && early < 10, `${early} results before the other shards loaded`);
  assert.equal(await status(), '', 'the count waits for all results');
  release();
  await page.waitForFunction(() => document.getElementById('zoekstatus').textContent.includes('voor verzuim.'));
  assert.equal(await shown(), 10);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a result shard that does not load: the results above it stay, the box says search failed', async () => {
  const { page, errors, release, shown, status } = await withHeldShards({ fail: true });
  await page.click('#zoekveld');
  await page.keyboard.type('verzuim');
  await page.waitForSelector('#zoekresultaten [role="option"]');
  const early = await shown();
  release();
  await page.waitForFunction(() => document.getElementById('zoekstatus').textContent.includes('lukt nu niet'));
  assert.equal(await shown(), early);
  assert.match(await status(), /zoekindex kon niet worden geladen/);
  assert.deepEqual(errors, []);
  await page.close();
});
