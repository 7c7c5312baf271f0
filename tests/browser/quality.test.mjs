// The quality of every page, measured: each page listed in sitemap.html (the site map, not a
// hand list) is checked for WCAG 2.1 A/AA with axe-core, keyboard use (every control reachable,
// focus always visible, no trap), reflow at 320 CSS pixels, a print without navigation chrome,
// a Content-Security-Policy that nothing violates, no request outside the site (over http and
// from file://) and the page weight budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileBase, axe, SITE, browserAndServer } from './harness.mjs';

/** HTML + CSS + JS a page loads before anyone searches, uncompressed. */
const BUDGET = 60 * 1024;
/**
 * Pages that carry an interactive tool (an instrument form, its participant page, the
 * werkagenda, the workshop): their form and its code cannot fit in 60 KB (the toetsvragen
 * form alone is larger). They get a budget of their own so they cannot grow unnoticed; the
 * README's page weight table lists both.
 */
// 210 KB since December 2026: the toetsvragen grew from 33 to 42 questions (issue 13) and every
// instrument page reads share codes of version 2 with their typo check (issue 14). 225 KB since
// issue 12: every question gained the answer "Weet ik niet" and the legal duties their line,
// and the result names duties, sources and why each gap matters, with the report panel (the
// Word writer itself loads only on demand). The toetsvragen page is the heaviest: 221 KB.
const TOOL_BUDGET = 225 * 1024;
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

const sitemap = readFileSync(join(SITE, 'sitemap.html'), 'utf8');
const main = sitemap.slice(sitemap.indexOf('<main'), sitemap.indexOf('</main>'));
const PAGES = [...new Set([...main.matchAll(/<a href="([^"#]+)"/g)].map((m) => m[1]))];
PAGES.push('sitemap.html');

let browser;
let server;

browserAndServer((env) => ({ browser, server } = env));

test('the site map lists every page of the site', () => {
  assert.ok(PAGES.length >= 30, `${PAGES.length} pages`);
  for (const required of ['index.html', 'begrippen.html', 'instrumenten/tien-punten.html', 'regio/vergelijking.html']) {
    assert.ok(PAGES.includes(required), required);
  }
});

/** Pages whose scripts (beyond search) make them a tool rather than a page to read. */
const isTool = (html) => /<script src="[^"]*js\/(?!search\.js)[^"]+\.js"/.test(html);

test('every page carries the strict CSP, and nothing on it violates it', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const path of PAGES) {
    const html = readFileSync(join(SITE, path), 'utf8');
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`), `${path}: CSP meta`);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, `${path}: inline script`);
    assert.doesNotMatch(html, /\son[a-z]+="/i, `${path}: inline event handler`);
    assert.doesNotMatch(html, /\sstyle="/i, `${path}: inline style`);
    await page.goto(server.base + path);
    await page.waitForLoadState('load');
    // Use the search box, which loads the engine and the index as scripts.
    await page.focus('#zoekveld');
    await page.keyboard.type('regie');
    await page.waitForSelector('#zoekresultaten [role="option"]');
    assert.deepEqual(await page.evaluate(() => window.__csp), [], path);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const where of ['http', 'file']) {
  test(`no page requests anything outside the site (${where})`, async () => {
    const base = where === 'http' ? server.base : fileBase();
    const context = await browser.newContext();
    const outside = [];
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(`${url} (from ${r.frame().url()})`);
    });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(base + path);
      await page.waitForLoadState('load');
    }
    assert.deepEqual(outside, []);
    await context.close();
  });
}

test('page weight: HTML, CSS and JavaScript before the search index loads', async () => {
  const over = [];
  const weights = [];
  for (const path of PAGES) {
    // A fresh context per page: nothing comes from the cache of the page before.
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = [];
    page.on('response', (r) => {
      if (/\.(html|css|js)$/.test(new URL(r.url()).pathname) && !r.url().endsWith('search-index.js')) {
        sizes.push(r.body().then((b) => b.length, () => 0));
      }
    });
    await page.goto(server.base + path);
    await page.waitForLoadState('networkidle');
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    await context.close();
    const html = readFileSync(join(SITE, path), 'utf8');
    const budget = isTool(html) ? TOOL_BUDGET : BUDGET;
    weights.push(`${path} ${(bytes / 1024).toFixed(1)} KB`);
    // GEWICHT=1 prints every page's weight, for the README table.
    if (process.env.GEWICHT) console.log(`gewicht ${path} ${bytes} ${budget}`);
    if (bytes > budget) over.push(`${path}: ${(bytes / 1024).toFixed(1)} KB > ${budget / 1024} KB`);
  }
  assert.deepEqual(over, [], weights.join('\n'));
});

/** Tab through a page from the top; returns the stops and whether focus left the page. */
async function tabThrough(page, limit) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const stops = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none';
      const path = [];
      for (let n = el; n && n !== document.body; n = n.parentElement) path.unshift(`${n.tagName}${n.id ? '#' + n.id : ''}:${[...(n.parentElement?.children ?? [])].indexOf(n)}`);
      return { key: path.join('>'), name: el.type === 'radio' ? `radio:${el.name}` : null, visible: outline || shadow, label: `${el.tagName} ${el.id || el.name || el.textContent.trim().slice(0, 40)}` };
    });
    if (stop === null) return { stops, left: true };
    // A date field has a Tab stop per part (day, month, year): the same element in a row.
    if (stops.at(-1)?.key === stop.key) continue;
    // Back at the first stop: the browser wrapped around, so focus went through the end.
    if (stops[0]?.key === stop.key) return { stops, left: true };
    stops.push(stop);
  }
  return { stops, left: false };
}

/** Every control a keyboard user must be able to reach, as the same keys tabThrough makes. */
function controls() {
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const out = new Set();
  for (const el of document.querySelectorAll(selector)) {
    // checkVisibility() also knows that the content of a closed <details> is not shown.
    if (el.disabled || el.closest('[inert]') || !el.checkVisibility({ visibilityProperty: true })) continue;
    if (el.type === 'radio') {
      out.add(`radio:${el.name}`);
      continue;
    }
    const path = [];
    for (let n = el; n && n !== document.body; n = n.parentElement) path.unshift(`${n.tagName}${n.id ? '#' + n.id : ''}:${[...(n.parentElement?.children ?? [])].indexOf(n)}`);
    out.add(path.join('>'));
  }
  return [...out];
}

test('keyboard: every control is reachable with Tab, focus is always visible, and there is no trap', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const path of PAGES) {
    await page.goto(server.base + path);
    await page.waitForLoadState('load');
    const wanted = await page.evaluate(controls);
    const { stops, left } = await tabThrough(page, 3 * wanted.length + 20);
    assert.ok(left, `${path}: focus never left the page after ${stops.length} stops (a trap?)`);
    const reached = new Set(stops.map((s) => s.name ?? s.key));
    const missing = wanted.filter((k) => !reached.has(k));
    assert.deepEqual(missing, [], `${path}: not reachable by Tab`);
    const invisible = stops.filter((s) => !s.visible).map((s) => s.label);
    assert.deepEqual(invisible, [], `${path}: focus not visible`);
  }
  await context.close();
});

test('no WCAG 2.1 A/AA violations on any page (axe-core)', async () => {
  // axe is injected as a script, which the site's CSP rightly refuses; only this context bypasses it.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const found = {};
  for (const path of [...PAGES, '404.html']) {
    await page.goto(server.base + path);
    await page.waitForLoadState('load');
    const violations = await axe(page);
    if (violations.length) found[path] = violations;
  }
  assert.deepEqual(found, {});
  await context.close();
});

test('reflow: at 320 CSS pixels wide no page scrolls sideways (WCAG 1.4.10)', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const wide = [];
  for (const path of PAGES) {
    await page.goto(server.base + path);
    await page.waitForLoadState('load');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${path}: ${width}px`);
  }
  assert.deepEqual(wide, []);
  await context.close();
});

test('print: no page prints the navigation, search or footer', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  const chrome = ['.springlink', '.kop', '.hoofdmenu', '.kruimelpad', '.indeling__zij', '.inhoudsopgave', '.voet', '.site-search'];
  for (const path of PAGES) {
    await page.goto(server.base + path);
    await page.waitForLoadState('load');
    for (const selector of chrome) {
      const shown = await page.$$eval(selector, (els) => els.some((el) => el.getClientRects().length > 0));
      assert.equal(shown, false, `${path}: ${selector} prints`);
    }
    assert.ok(await page.isVisible('main h1'), `${path}: the title prints`);
  }
  await context.close();
});
