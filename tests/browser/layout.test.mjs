// The layout on a phone and a laptop (issue 17), measured in Chromium on every page of the
// site map: nothing wider than the box it is in at 320, 375, 1024 and 1366 px (also with the
// instruments filled in and their results shown, and with the phone menu open); wide tables
// scroll only inside a labelled region a keyboard can reach; a phone header of at most 120 px
// with the content before the section menu; the first question of every instrument and the
// home page's three ways in on the first screen at 375×667; no layout shift after the first
// paint; no heading twice at the same level in the same section; a favicon that is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { SITE, browserAndServer } from './harness.mjs';

const sitemap = readFileSync(join(SITE, 'sitemap.html'), 'utf8');
const listed = sitemap.slice(sitemap.indexOf('<main'), sitemap.indexOf('</main>'));
const PAGES = [...new Set([...listed.matchAll(/<a href="([^"#]+)"/g)].map((m) => m[1]))];
PAGES.push('sitemap.html');
const html = (path) => readFileSync(join(SITE, path), 'utf8');
/** Pages with a form to fill in: the instruments and their participant pages (the basis-werkagenda is only read). */
const FORMS = PAGES.filter((p) => html(p).includes('id="instrument-form"'));
const WIDTHS = [320, 375, 1024, 1366];

let browser;
let server;

browserAndServer((env) => ({ browser, server } = env));

/**
 * Runs in the page. Everything that sticks out: the page itself scrolling sideways, an element
 * reaching past the screen or past a box that clips it (overflow hidden), and a box that
 * scrolls sideways without being a labelled region reachable by Tab. Elements hidden for the
 * eye only (clip-path, the visueel-verborgen pattern) are skipped: they are not seen.
 */
function overflowProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) problems.push(`de pagina is ${document.documentElement.scrollWidth} px breed`);
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}`;
  const styles = new Map();
  const style = (el) => {
    if (!styles.has(el)) styles.set(el, getComputedStyle(el));
    return styles.get(el);
  };
  // Per element: the nearest ancestor that clips or scrolls sideways, and whether it is hidden for the eye.
  const box = new Map([[document.body, null]]);
  const unseen = new Map([[document.body, false]]);
  for (const el of document.body.querySelectorAll('*')) {
    const parent = el.parentElement;
    box.set(el, style(parent).overflowX !== 'visible' && parent !== document.body ? parent : box.get(parent));
    const s = style(el);
    unseen.set(el, unseen.get(parent) || s.clipPath !== 'none' || (s.position === 'absolute' && s.clip !== 'auto'));
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (unseen.get(el) || !el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const outer = box.get(el);
    if (!outer) {
      if (r.right > width + 1 || r.left < -1) problems.push(`${name(el)} steekt buiten het scherm (${Math.round(r.left)}–${Math.round(r.right)} px)`);
      continue;
    }
    if (['auto', 'scroll'].includes(style(outer).overflowX)) continue; // scrolls: checked below
    const b = outer.getBoundingClientRect();
    if (r.right > b.right + 1 || r.left < b.left - 1) problems.push(`${name(el)} wordt afgesneden door ${name(outer)}`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (!['auto', 'scroll'].includes(style(el).overflowX) || el.matches('textarea, input, select')) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || !el.checkVisibility()) continue;
    const labelled = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
    if (el.getAttribute('role') !== 'region' || !labelled || el.getAttribute('tabindex') !== '0') problems.push(`${name(el)} scrolt opzij maar is geen benoemd gebied met tabindex=0`);
  }
  return problems;
}

/** Runs in the page: headings (h1–h6, as seen) that repeat one at the same level in the same section. */
function repeatedHeadings() {
  const seen = new Set();
  const repeated = [];
  const path = [];
  for (const el of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!el.checkVisibility()) continue;
    const level = Number(el.tagName[1]);
    const text = el.textContent.replace('#', '').replace(/\s+/g, ' ').trim();
    while (path.length && path.at(-1).level >= level) path.pop();
    const key = `${path.map((p) => p.text).join(' › ')} › h${level} ${text}`;
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
    path.push({ level, text });
  }
  return repeated;
}

/** Runs in the page: answer every question (the second choice where there is one), fill every number and note, open every fold. */
function fillEverything() {
  const form = document.getElementById('instrument-form');
  const groups = new Map();
  for (const input of form.querySelectorAll('input[type="radio"]')) {
    if (!groups.has(input.name)) groups.set(input.name, []);
    groups.get(input.name).push(input);
  }
  for (const options of groups.values()) {
    const input = options[Math.min(1, options.length - 1)];
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const input of form.querySelectorAll('input[type="checkbox"]')) {
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const input of form.querySelectorAll('input[type="number"]')) {
    input.value = '12345';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  for (const area of form.querySelectorAll('textarea')) {
    area.value = 'Een notitie met een lang woord: samenwerkingsverbandsafspraken, en een adres https://example.org/een/heel/lang/pad/zonder/spaties';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

const openFolds = () => document.querySelectorAll('details').forEach((d) => { d.open = true; });

test('at 320, 375, 1024 and 1366 px wide no page sticks out of the screen or of its box, and only labelled regions scroll sideways', async () => {
  const found = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(server.base + path);
      await page.waitForLoadState('load');
      for (const p of await page.evaluate(overflowProblems)) found.push(`${width} px ${path}: ${p}`);
      // The menu opened on a phone.
      if (width < 640 && (await page.$('.hoofdmenu__knop'))) {
        await page.click('.hoofdmenu__knop');
        for (const p of await page.evaluate(overflowProblems)) found.push(`${width} px ${path}, menu open: ${p}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('with every instrument filled in and its result shown, and on the werkagenda and workshop pages they lead to, nothing sticks out', async () => {
  const found = [];
  for (const width of WIDTHS) {
    // One context per width: the werkagenda then proposes actions from the answers given here.
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of FORMS) {
      await page.goto(server.base + path);
      await page.waitForLoadState('load');
      await page.evaluate(fillEverything);
      if (html(path).includes('id="instrument-werkbalk"')) {
        await page.waitForSelector('#resultaat-inhoud .uitslag');
        await page.waitForFunction(() => !/nog geen uitslag/i.test(document.getElementById('resultaat-inhoud').textContent));
      } else {
        await page.waitForTimeout(300); // a participant page: no result, the answers count up
      }
      await page.evaluate(openFolds);
      for (const p of await page.evaluate(overflowProblems)) found.push(`${width} px ${path}, ingevuld: ${p}`);
      const repeated = await page.evaluate(repeatedHeadings);
      if (repeated.length) found.push(`${width} px ${path}, ingevuld: kop dubbel: ${repeated.join('; ')}`);
    }
    await page.goto(server.base + 'werkagenda.html');
    await page.waitForSelector('[data-voorstel]');
    await page.evaluate(openFolds);
    for (const p of await page.evaluate(overflowProblems)) found.push(`${width} px werkagenda.html met voorstellen: ${p}`);
    await page.goto(server.base + 'workshop.html');
    await page.check('#workshop-kies input[type="radio"]');
    await page.click('#kies-knop');
    await page.waitForSelector('#workshop-werk:not([hidden])');
    await page.evaluate(openFolds);
    for (const p of await page.evaluate(overflowProblems)) found.push(`${width} px workshop.html met een instrument gekozen: ${p}`);
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('the routekaart fits without sideways scrolling: cards on a phone, the whole table on a laptop', async () => {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.base + 'instrumenten/routekaart.html');
    const wide = await page.$$eval('.stap .tabel', (boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).length);
    assert.equal(wide, 0, `${width} px: tables that scroll`);
    // Every role choice is on screen, "geen rol" too.
    const right = await page.$$eval('.rollen input[value="geen-rol"]', (inputs) => Math.max(...inputs.map((i) => i.getBoundingClientRect().right)));
    assert.ok(right <= width, `${width} px: a choice ends at ${right} px`);
    await context.close();
  }
});

test('the comparison shows four regions side by side on a laptop and one card per region on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.base + 'regio/vergelijking.html');
  const heads = await page.$$eval('.regio-vergelijking thead th', (ths) => ths.map((t) => t.getBoundingClientRect()));
  assert.ok(heads.length >= 5, `${heads.length} columns`);
  assert.ok(heads.every((r) => r.top === heads[0].top && r.right <= 1366), 'every region in one row, on screen');
  assert.equal(await page.$eval('.regio-vergelijking', (b) => b.scrollWidth <= b.clientWidth), true);
  await page.setViewportSize({ width: 375, height: 667 });
  const cards = await page.$$eval('.regio-vergelijking thead th:not(:first-child)', (ths) => ths.map((t) => t.getBoundingClientRect()));
  // Each region's name stands on its own line, full width, below the one before.
  for (let i = 1; i < cards.length; i += 1) assert.ok(cards[i].top > cards[i - 1].bottom, `region ${i + 1} below region ${i}`);
  assert.ok(cards.every((r) => r.width > 300), 'full width');
  const cells = await page.$$eval('.regio-vergelijking tbody tr:first-child td', (tds) => tds.map((t) => [t.getBoundingClientRect().top, getComputedStyle(t, '::before').content]));
  assert.ok(cells[0][1].includes('Jaar'), 'each value carries the name of its row');
  assert.ok(cells[1][0] > cards[1].top && cells[0][0] < cards[1].top, 'a region\'s values stand under its name');
  await context.close();
});

test('on a phone (375×667) the header is at most 120 px and the content comes before the section menu', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  const found = [];
  for (const path of PAGES) {
    await page.goto(server.base + path);
    const m = await page.evaluate(() => {
      const h1 = document.querySelector('main h1');
      const menu = document.querySelector('.sectiemenu');
      return {
        header: document.querySelector('header.kop').getBoundingClientRect().height,
        h1: h1.getBoundingClientRect().top + scrollY,
        menuAfter: !menu || Boolean(h1.compareDocumentPosition(menu) & Node.DOCUMENT_POSITION_FOLLOWING),
        menuTop: menu ? menu.getBoundingClientRect().top + scrollY : Infinity,
      };
    });
    if (m.header > 120) found.push(`${path}: kop ${m.header} px`);
    if (!m.menuAfter || m.menuTop < m.h1) found.push(`${path}: het sectiemenu staat voor de inhoud`);
    if (m.h1 > 200) found.push(`${path}: de titel begint op ${m.h1} px`);
  }
  assert.deepEqual(found, []);
  await context.close();
});

test('at 375×667 the first question of every instrument and the home page\'s three ways in are on the first screen', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  const forms = PAGES.filter((p) => /<fieldset class="(vraag|stap|thema)"/.test(html(p)));
  assert.ok(forms.length >= 8, forms.join(' '));
  const found = [];
  for (const path of forms) {
    await page.goto(server.base + path);
    await page.waitForLoadState('load');
    // The whole first line of the first question (its legend, or the label of the first number field).
    const bottom = await page.evaluate(() => {
      const first = document.querySelector('fieldset.vraag legend, fieldset.stap legend, fieldset.thema .veld label');
      const line = parseFloat(getComputedStyle(first).lineHeight);
      return first.getBoundingClientRect().top + scrollY + line;
    });
    if (bottom > 667) found.push(`${path}: de eerste vraag staat op ${Math.round(bottom)} px`);
  }
  assert.deepEqual(found, []);

  await page.goto(server.base + 'index.html');
  const ways = await page.$$eval('.ingangen .kaart > a', (links) => links.map((a) => [a.textContent, a.getBoundingClientRect().bottom, a.getAttribute('href')]));
  assert.equal(ways.length, 3);
  assert.match(ways.map((w) => w[0]).join(' | '), /regio.*school.*training/);
  for (const [text, bottom] of ways) assert.ok(bottom <= 667, `${text} at ${bottom} px`);
  // Before the text with its lists of links; each leads to its steps on the same page.
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('.ingangen').compareDocumentPosition(document.querySelector('main .tekst')) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
  for (const [, , href] of ways) assert.equal(await page.locator(href).count(), 1, href);
  await context.close();
});

test('an instrument\'s folded explanation opens with a click and prints open, without its button', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  await page.goto(server.base + 'instrumenten/tien-punten.html');
  assert.equal(await page.isVisible('.instrument__uitleg .tekst p'), false);
  await page.click('.instrument__uitleg summary');
  assert.equal(await page.isVisible('.instrument__uitleg .tekst p'), true);
  await page.click('.instrument__uitleg summary');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.instrument__uitleg .tekst p'), true);
  assert.equal(await page.isVisible('.instrument__uitleg summary'), false);
  await context.close();
});

test('no layout shift after the first paint (cumulative layout shift < 0.1) on phone and laptop', async () => {
  const pages = ['index.html', 'wetgeving/leerplichtwet.html', 'regio/vergelijking.html', 'instrumenten/tien-punten.html', 'instrumenten/routekaart.html', 'workshop.html'];
  const found = [];
  for (const viewport of [{ width: 375, height: 667 }, { width: 1366, height: 768 }]) {
    for (const path of pages) {
      const context = await browser.newContext({ viewport });
      await context.addInitScript(() => {
        window.__shift = 0;
        window.__moved = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.__shift += entry.value;
            for (const s of entry.sources ?? []) window.__moved.push(s.node?.nodeName + '.' + (s.node?.className ?? ''));
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(server.base + path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(800);
      const { shift, moved } = await page.evaluate(() => ({ shift: window.__shift, moved: window.__moved }));
      if (!(shift < 0.1)) found.push(`${viewport.width} px ${path}: ${shift.toFixed(3)} (${moved.join(', ')})`);
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});

test('no page has the same heading twice at the same level in the same section', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const found = [];
  for (const path of PAGES) {
    await page.goto(server.base + path);
    await page.waitForLoadState('load');
    for (const key of await page.evaluate(repeatedHeadings)) found.push(`${path}: ${key}`);
  }
  assert.deepEqual(found, []);
  await context.close();
});

test('every page links a favicon, SVG and ICO, relatively; both files are there and the ICO is an icon', () => {
  for (const path of [...PAGES, '404.html']) {
    const page = html(path);
    for (const [file, type] of [['favicon.svg', 'type="image/svg+xml"'], ['favicon.ico', 'sizes="32x32"']]) {
      const link = page.match(new RegExp(`<link rel="icon" href="([^"]*${file.replace('.', '\\.')})"[^>]*>`));
      assert.ok(link, `${path}: ${file}`);
      if (path !== '404.html') {
        assert.doesNotMatch(link[1], /^(\/|[a-z]+:)/, `${path}: ${link[1]} is relative`);
        assert.ok(existsSync(join(SITE, dirname(path), link[1])), `${path}: ${link[1]} exists`);
      }
      if (file.endsWith('.svg')) assert.ok(link[0].includes(type), `${path}: ${link[0]}`);
    }
  }
  const ico = readFileSync(join(SITE, 'favicon.ico'));
  assert.deepEqual([...ico.subarray(0, 6)], [0, 0, 1, 0, 1, 0], 'ICO header: one icon');
  assert.equal(ico[6], 32, '32 px wide');
  assert.match(readFileSync(join(SITE, 'favicon.svg'), 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
});
