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
