// The generator issue's browser checks: search finds the right page for a Dutch word form
// over http and from file://, by keyboard; the main menu folds on a phone; axe-core finds no WCAG 2.1 A/AA violation on the
// home page and a content page; no page asks for anything outside the site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileBase, axe, openPage, browserAndServer } from './harness.mjs';
import { open } from '../../static/js/lib/search-engine.js';
import { loadManifest, shardLoader } from '../js/site-index.mjs';

let browser;
let server;
// The site's own sharded index, searched in Node as the page searches it.
const index = open(loadManifest(), shardLoader().load);
const CONTENT_PAGE = 'wetgeving/leerplichtwet.html';

browserAndServer((env) => ({ browser, server } = env));

async function searchByKeyboard(base, query) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + CONTENT_PAGE);
  // Keyboard only: the skip link comes first, the search box right after the site name.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'zoekveld');
  await page.keyboard.type(query);
  // On a busy machine the keys come slowly and a half-typed word gets its own results first:
  // wait for the results of the whole word.
  await page.waitForFunction((q) => document.getElementById('zoekstatus').textContent.includes(`voor ${q}.`), query);
  await page.waitForSelector('#zoekresultaten [role="option"]');
  const [expected] = await index.search(query, 1);
  const first = await page.$eval('#zoekresultaten [role="option"]', (o) => o.dataset.href);
  assert.equal(first, '../' + expected.url, `first result for ${query}`);
  assert.match(await page.textContent('#zoekstatus'), /resultaten? voor/);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval('#zoekveld', (i) => i.getAttribute('aria-activedescendant')), 'zoekresultaat-0');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.ok(page.url().endsWith(expected.url), `${page.url()} ends with ${expected.url}`);
  assert.deepEqual(errors, []);
  await page.close();
}

test('a Dutch word form finds its page over http, by keyboard', async () => {
  await searchByKeyboard(server.base, 'leerplichtambtenaren');
});

test('search works from file:// too', async () => {
  await searchByKeyboard(fileBase(), 'thuiszitters');
});

test('on a phone the main menu folds behind a button, by keyboard; wide or without JavaScript it is all there', async () => {
  // bypassCSP only so that axe-core can be injected; the page's own CSP is tested elsewhere.
  const narrow = { viewport: { width: 360, height: 700 }, bypassCSP: true };
  const { context, page, problems } = await openPage(browser, server.base + CONTENT_PAGE, narrow);
  const button = page.locator('.hoofdmenu__knop');
  const link = page.locator('.hoofdmenu a', { hasText: 'Begrippenlijst' });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await link.isVisible(), false);
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await link.isVisible(), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Start');
  await page.keyboard.press('Escape');
  assert.equal(await link.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'hoofdmenu__knop');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  const wide = await openPage(browser, server.base + CONTENT_PAGE, { viewport: { width: 1280, height: 800 } });
  assert.equal(await wide.page.locator('.hoofdmenu__knop').isVisible(), false);
  assert.equal(await wide.page.locator('.hoofdmenu a', { hasText: 'Begrippenlijst' }).isVisible(), true);
  await wide.context.close();

  const plain = await openPage(browser, server.base + CONTENT_PAGE, { ...narrow, javaScriptEnabled: false });
  assert.equal(await plain.page.locator('.hoofdmenu__knop').count(), 0);
  assert.equal(await plain.page.locator('.hoofdmenu a', { hasText: 'Begrippenlijst' }).isVisible(), true);
  await plain.context.close();
});

// search.js builds the box in an empty place in the header. Without JavaScript there is no box
// that could not search; with it, the place has the box's height before the box arrives, so
// building it moves nothing (an exact check: the CLS test only catches shifts of 0.1 or more).
test('the search box: none without JavaScript, and built in a place of its own height', async () => {
  for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 800 }]) {
    const plain = await openPage(browser, server.base + CONTENT_PAGE, { viewport, javaScriptEnabled: false });
    assert.equal(await plain.page.locator('.site-search').isVisible(), false, `${viewport.width} px`);
    assert.equal(await plain.page.locator('#zoekveld').count(), 0);
    await plain.context.close();

    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.route('**/js/search.js', (route) => route.abort());
    await page.goto(server.base + CONTENT_PAGE);
    const place = await page.$eval('.site-search', (b) => ({ height: b.getBoundingClientRect().height, empty: b.childElementCount === 0 }));
    await page.unroute('**/js/search.js');
    await page.goto(server.base + CONTENT_PAGE);
    await page.waitForSelector('#zoekveld');
    const built = await page.$eval('.site-search', (b) => ({ height: b.getBoundingClientRect().height, role: b.getAttribute('role') }));
    assert.ok(place.empty, 'the page itself carries no box');
    assert.ok(place.height > 40, `${viewport.width} px: a place is kept (${place.height} px)`);
    assert.ok(Math.abs(built.height - place.height) < 0.5, `${viewport.width} px: place ${place.height} px, box ${built.height} px`);
    assert.equal(built.role, 'search');
    await context.close();
  }
});

test('Escape closes the result list', async () => {
  const page = await browser.newPage();
  await page.goto(server.base + 'index.html');
  await page.focus('#zoekveld');
  await page.keyboard.type('gemeenten');
  await page.waitForSelector('#zoekresultaten:not([hidden])');
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#zoekresultaten', (l) => l.hidden), true);
  assert.equal(await page.$eval('#zoekveld', (i) => i.getAttribute('aria-expanded')), 'false');
  await page.close();
});

for (const path of ['index.html', CONTENT_PAGE]) {
  test(`no WCAG 2.1 A/AA violations on ${path}, also with results open`, async () => {
    // axe is injected as a script, which the site's CSP rightly refuses; only this test's
    // context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.base + path);
    assert.deepEqual(await axe(page), []);
    await page.focus('#zoekveld');
    await page.keyboard.type('school');
    await page.waitForSelector('#zoekresultaten [role="option"]');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}

test('pages request nothing outside the site', async () => {
  for (const base of [server.base, fileBase()]) {
    const page = await browser.newPage();
    const outside = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    for (const path of ['index.html', CONTENT_PAGE, 'instrumenten/tien-punten.html']) {
      await page.goto(base + path);
      await page.focus('#zoekveld');
      await page.keyboard.type('regie');
      await page.waitForSelector('#zoekresultaten [role="option"]');
    }
    assert.deepEqual(outside, []);
    await page.close();
  }
});
