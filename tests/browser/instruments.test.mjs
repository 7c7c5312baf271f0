// The instruments in a real browser: a whole checklist by keyboard alone, answers back after a
// reload, export then import in a fresh browser, a share link opened and taken over, corrupt
// storage and hostile files, and axe-core (WCAG 2.1 A/AA) on an empty form, a filled form and the
// results, for each of the four kinds. Over http under a sub-path and from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, fileBase, axe } from './harness.mjs';
import { decodeCode } from '../../static/js/lib/share-code.js';

let browser;
let server;
let tmp;

const KINDS = {
  checklist: 'tien-punten',
  toetsvragen: 'toetsvragen-verzuimprotocol',
  routekaart: 'routekaart',
  inventarisatie: 'inventarisatie-verzuim',
};
const page$ = (id) => `instrumenten/${id}.html`;

before(async () => {
  browser = await launch();
  server = await serve();
  tmp = await mkdtemp(join(tmpdir(), 'leerrecht-instrumenten-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (own localStorage) and page; page errors and dialogs are collected. */
async function open(url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('console', (m) => {
    // The browser's own favicon request outside the site is not the page's doing.
    if (m.type() === 'error' && !/favicon\.ico/.test(m.location()?.url ?? '')) problems.push(`console: ${m.text()} ${m.location()?.url ?? ''}`);
  });
  await page.goto(url);
  await page.waitForSelector('#werkbalk', { state: 'attached' });
  return { context, page, problems };
}

async function json(id) {
  return JSON.parse(await readFile(join(process.env.LEERRECHT_SITE ?? 'public', 'instrumenten', `${id}.json`), 'utf8'));
}

/** Fill a form of any kind with a mix of answers (by clicking; keyboard has its own test). */
async function fillSome(page, kind) {
  if (kind === 'inventarisatie') {
    const inputs = await page.$$('#instrument-form input[type="number"]');
    const values = ['1200', '4', '2', '1', '0'];
    for (const [i, input] of inputs.entries()) await input.fill(values[i % values.length]);
  } else {
    const groups = await page.$$eval('#instrument-form input[type="radio"]', (rs) => [...new Set(rs.map((r) => r.name))]);
    for (const [i, name] of groups.entries()) {
      const radios = await page.$$(`#instrument-form input[name="${name}"]`);
      await radios[i % radios.length].check();
    }
    for (const box of await page.$$('#instrument-form input[type="checkbox"]')) await box.check();
  }
  await page.waitForTimeout(400); // autosave is debounced
}

const resultText = (page) => page.textContent('#resultaat-inhoud').then((t) => t.replace(/\s+/g, ' '));

test('a whole checklist by keyboard alone, then reload finds the answers back', async () => {
  const data = await json(KINDS.checklist);
  const { context, page, problems } = await open(server.base + page$(KINDS.checklist));
  const focusedName = () => page.evaluate(() => document.activeElement?.name ?? document.activeElement?.tagName);
  // Tab from the top of the page to each question's radio group; Space picks the first answer,
  // ArrowDown moves on and picks the next one.
  for (const [i, item] of data.items.entries()) {
    let guard = 0;
    while ((await focusedName()) !== `antwoord-${item.id}`) {
      await page.keyboard.press('Tab');
      assert.ok(++guard < 120, `Tab never reached question ${item.number}`);
    }
    await page.keyboard.press('Space');
    for (let k = 0; k < i % data.scale.length; k += 1) await page.keyboard.press('ArrowDown');
    if (i === 0) {
      // The note of this question is two Tab stops further (after "Waarom deze vraag").
      while ((await focusedName()) !== `notitie-${item.id}`) await page.keyboard.press('Tab');
      await page.keyboard.type('Bespreken met de gemeente');
    }
  }
  const expected = Object.fromEntries(data.items.map((item, i) => [item.id, data.scale[i % data.scale.length].id]));
  for (const [id, value] of Object.entries(expected)) {
    assert.equal(await page.$eval(`input[name="antwoord-${id}"]:checked`, (r) => r.value), value);
  }
  const text = await resultText(page);
  assert.match(text, new RegExp(`${data.items.length} van ${data.items.length} beantwoord`));
  assert.match(text, /Score: \d/);
  assert.match(text, /Waar je aan kunt werken/);
  await page.waitForFunction(() => /bewaard/.test(document.getElementById('bewaarstatus').textContent));
  // The polite region says the new result, and it is the only live region of the instrument.
  await page.waitForFunction(() => /Uitslag bijgewerkt/.test(document.getElementById('instrument-melding').textContent), null, { timeout: 5000 });
  assert.equal(await page.$$eval('#instrument-app [aria-live], #resultaat [aria-live]', (els) => els.length), 1);

  await page.reload();
  await page.waitForSelector('#werkbalk');
  for (const [id, value] of Object.entries(expected)) {
    assert.equal(await page.$eval(`input[name="antwoord-${id}"]:checked`, (r) => r.value), value, `answer ${id} after reload`);
  }
  assert.equal(await page.inputValue(`textarea[name="notitie-${data.items[0].id}"]`), 'Bespreken met de gemeente');
  assert.match(await page.textContent('#bewaarstatus'), /staan weer klaar/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('export then import in a fresh browser context gives the same answers and result', async () => {
  const { context, page, problems } = await open(server.base + page$(KINDS.toetsvragen));
  await fillSome(page, 'toetsvragen');
  await page.fill('textarea[name^="notitie-"]', 'Notitie <b>met</b> tekens & "quotes"');
  await page.waitForTimeout(400);
  const before = await resultText(page);
  await page.click('#paneel-bestand summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#exporteer')]);
  assert.match(download.suggestedFilename(), /^leerrecht-toetsvragen-verzuimprotocol-v2-\d{4}-\d\d-\d\d\.json$/);
  const file = join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.format, 'leerrecht-resultaat/1');
  assert.equal(saved.instrument, 'toetsvragen-verzuimprotocol');
  assert.deepEqual(problems, []);
  await context.close();

  const fresh = await open(server.base + page$(KINDS.toetsvragen));
  assert.match(await resultText(fresh.page), /Er is nog geen score/);
  await fresh.page.click('#paneel-bestand summary');
  await fresh.page.setInputFiles('#importeer', file);
  await fresh.page.waitForSelector('#bestand-melding .melding--succes');
  // The print line carries times ("geprint op …", "laatst bewaard op …") that differ between
  // the two pages and may be there or not yet; the result itself must be the same.
  const withoutTimes = (t) => t.replace(/Versie \d+ · geprint op .*? om \d\d:\d\d( · laatst bewaard op .*? om \d\d:\d\d)?/, '');
  assert.equal(withoutTimes(await resultText(fresh.page)), withoutTimes(before));
  assert.equal(await fresh.page.inputValue('textarea[name^="notitie-"]'), 'Notitie <b>met</b> tekens & "quotes"');
  // Imported answers are saved: a reload keeps them.
  await fresh.page.reload();
  await fresh.page.waitForSelector('#werkbalk');
  assert.equal(await fresh.page.inputValue('textarea[name^="notitie-"]'), 'Notitie <b>met</b> tekens & "quotes"');
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test('a hostile or wrong file is refused or shown as inert text', async () => {
  const data = await json(KINDS.checklist);
  const evil = '<img src=x onerror="document.title=\'gehackt\'"><script>document.title="gehackt"</script>';
  const hostile = join(tmp, 'kwaad.json');
  await writeFile(hostile, JSON.stringify({
    format: 'leerrecht-resultaat/1', site: evil, instrument: data.id, version: data.version, saved: '2026-01-05T10:00:00Z',
    answers: { [data.items[0].id]: data.scale[0].id, [evil]: 'ja', [data.items[1].id]: evil },
    notes: { [data.items[0].id]: evil },
  }));
  const wrong = join(tmp, 'ander.json');
  await writeFile(wrong, JSON.stringify({ format: 'leerrecht-resultaat/1', instrument: 'routekaart', version: 1, answers: {} }));
  const { context, page, problems } = await open(server.base + page$(KINDS.checklist));
  const title = await page.title();
  await page.click('#paneel-bestand summary');
  await page.setInputFiles('#importeer', wrong);
  await page.waitForSelector('#importeer-fout:not([hidden])');
  assert.match(await page.textContent('#importeer-fout'), /ander instrument/);
  assert.equal(await page.getAttribute('#importeer', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#importeer', 'aria-describedby'), /importeer-fout/);

  await page.setInputFiles('#importeer', hostile);
  await page.waitForSelector('#bestand-melding .melding--succes');
  assert.equal(await page.$('#importeer-fout:not([hidden])'), null, 'the earlier error is gone');
  assert.equal(await page.inputValue(`textarea[name="notitie-${data.items[0].id}"]`), evil);
  const melding = await page.textContent('#bestand-melding');
  assert.match(melding, /Niet overgenomen \(2\)/);
  assert.ok(melding.includes('<img'), 'the foreign key is shown as text');
  await page.waitForTimeout(300);
  assert.equal(await page.title(), title);
  assert.equal(await page.$$eval('#instrument-app img, #resultaat img, #instrument-app script, #resultaat script', (els) => els.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

async function makeShareLink(page) {
  await page.click('#paneel-delen summary');
  await page.click('#maak-code');
  const code = await page.inputValue('#deelcode');
  const link = await page.inputValue('#deellink');
  // Share code format 2 (docs/deelcode.md): Crockford base32 in groups of four.
  assert.match(code, /^2[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{1,4})+$/);
  assert.ok(link.endsWith(`#r=${code}`));
  return { code, link };
}

// Issue 14: two people who answer alike on the instrument page are two participants in a
// workshop. Each browser carries its own random id in its codes and result files; one browser
// keeps its id for a second code.
test('codes and result files of the instrument page carry the browser\'s own participant id', async () => {
  const data = await json(KINDS.checklist);
  const ids = [];
  for (const person of [1, 2]) {
    const { context, page } = await open(server.base + page$(KINDS.checklist));
    await fillSome(page, 'checklist');
    const first = decodeCode((await makeShareLink(page)).code, data);
    await page.click('#maak-code');
    const second = decodeCode(await page.inputValue('#deelcode'), data);
    assert.ok(first.ok && second.ok, `person ${person}`);
    assert.match(first.participant ?? '', /^[0-9A-HJKMNP-TV-Z]{8}$/, `person ${person} has an id`);
    assert.equal(second.participant, first.participant, 'a second code of the same browser keeps the id');
    await page.click('#paneel-bestand summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#exporteer')]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.participant, first.participant, 'the result file carries the same id');
    ids.push({ participant: first.participant, answers: JSON.stringify(first.answers) });
    await context.close();
  }
  assert.equal(ids[0].answers, ids[1].answers, 'both filled in the same answers');
  assert.notEqual(ids[0].participant, ids[1].participant, 'and are still two participants');
});

for (const [kind, id] of Object.entries(KINDS)) {
  test(`${kind}: a share link opens read-only and can be taken over`, async () => {
    const { context, page, problems } = await open(server.base + page$(id));
    await fillSome(page, kind);
    const result = await resultText(page);
    const { link } = await makeShareLink(page);
    await context.close();

    const other = await open(link);
    await other.page.waitForSelector('#gedeeld:not([hidden])');
    assert.match(await other.page.textContent('#gedeeld'), /Je bekijkt een gedeelde uitslag/);
    assert.equal(await other.page.$eval('#instrument-form', (f) => [...f.elements].filter((e) => e.name).every((e) => e.disabled)), true);
    assert.equal(await other.page.isHidden('#werkbalk'), true);
    const strip = (t) => t.replace(/Versie \d+ · geprint op .*? om \d\d:\d\d( · laatst bewaard op .*? om \d\d:\d\d)?/, '').replace('Dit is de uitslag van een gedeelde code. Je eigen antwoorden staan er niet in.', '').replace(/Je notities.*$/, '').replace(/Maak van je verbeterpunten acties:.*Zet op de werkagenda$/, '');
    assert.equal(strip(await resultText(other.page)), strip(result));
    // Nothing is saved while only looking.
    assert.equal(await other.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('leerrecht:')).length), 0);
    await other.page.click('#neem-over');
    assert.equal(await other.page.isHidden('#gedeeld'), true);
    assert.equal(await other.page.$eval('#instrument-form', (f) => [...f.elements].some((e) => e.disabled)), false);
    assert.ok(!other.page.url().includes('#r='), 'the code left the address bar');
    assert.equal(await other.page.evaluate(() => document.activeElement?.id), 'werkbalk-kop');
    await other.page.reload();
    await other.page.waitForSelector('#werkbalk');
    assert.equal(strip(await resultText(other.page)), strip(result));
    assert.deepEqual([...problems, ...other.problems], []);
    await other.context.close();
  });
}

test('a damaged share link says what is wrong and keeps your own answers', async () => {
  const { context, page, problems } = await open(server.base + page$(KINDS.checklist));
  await fillSome(page, 'checklist');
  const { link } = await makeShareLink(page);
  const damaged = link.slice(0, -3) + (link.at(-3) === 'A' ? 'B' : 'A') + link.slice(-2);
  await page.goto(damaged);
  await page.reload();
  await page.waitForSelector('#instrument-meldingen .melding--fout');
  assert.match(await page.textContent('#instrument-meldingen'), /beschadigd/);
  assert.equal(await page.isHidden('#gedeeld'), true);
  assert.ok((await page.$$('#instrument-form input:checked')).length > 0, 'own answers still there');
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare with an earlier result given as a code shows what changed per theme and item', async () => {
  const data = await json(KINDS.checklist);
  const { context, page, problems } = await open(server.base + page$(KINDS.checklist));
  const last = data.scale.at(-1).id;
  for (const item of data.items) await page.check(`input[name="antwoord-${item.id}"][value="${last}"]`);
  const { code } = await makeShareLink(page);
  await page.check(`input[name="antwoord-${data.items[0].id}"][value="${data.scale[0].id}"]`);
  await page.click('#paneel-vergelijk summary');
  await page.fill('#vergelijk-code', 'kapotte code');
  await page.click('#vergelijk-knop');
  assert.match(await page.textContent('#vergelijk-code-fout'), /Fout: Dit is geen deelcode/);
  await page.fill('#vergelijk-code', code);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.vergelijking');
  const text = await page.textContent('.vergelijking');
  assert.match(text, new RegExp(`Vraag ${data.items[0].number}: beter`));
  assert.match(text, /Score per thema, eerder en nu/);
  assert.equal(await page.isHidden('#vergelijk-code-fout'), true);
  await page.click('#vergelijk-stop');
  assert.equal(await page.$('.vergelijking'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('corrupt saved answers are reported and set aside; the page still works', async () => {
  const data = await json(KINDS.checklist);
  const context = await browser.newContext();
  const key = `leerrecht:leerrecht:${data.id}:v${data.version}`;
  await context.addInitScript(([k]) => {
    if (!sessionStorage.getItem('gezet')) {
      localStorage.setItem(k, '{"format":"leerrecht-resultaat/1", kapot');
      sessionStorage.setItem('gezet', '1');
    }
  }, [key]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.base + page$(data.id));
  await page.waitForSelector('#instrument-meldingen .melding');
  assert.match(await page.textContent('#instrument-meldingen'), /beschadigd en zijn apart gezet/);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.startsWith(`${key}:beschadigd:`)), keys.join(', '));
  await page.check(`input[name="antwoord-${data.items[0].id}"][value="${data.scale[0].id}"]`);
  await page.waitForTimeout(400);
  assert.match(await page.evaluate((k) => localStorage.getItem(k), key), /"format": ?"leerrecht-resultaat\/1"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('inventarisatie: a wrong number gets a message at the field and in the summary', async () => {
  const { context, page, problems } = await open(server.base + page$(KINDS.inventarisatie));
  await page.fill('#veld-leerlingen', '10');
  await page.fill('#veld-relatief-4w-3m', '-3');
  await page.fill('#veld-relatief-3m', '20');
  await page.waitForSelector('#fout-relatief-4w-3m');
  assert.match(await page.textContent('#fout-relatief-4w-3m'), /niet negatief/);
  assert.equal(await page.getAttribute('#veld-relatief-4w-3m', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#veld-relatief-4w-3m', 'aria-describedby'), /fout-relatief-4w-3m/);
  assert.match(await page.textContent('#foutoverzicht'), /Controleer deze getallen.*niet negatief.*meer thuiszitters dan leerlingen/is);
  assert.equal(await page.getAttribute('#foutoverzicht a', 'href'), '#veld-relatief-4w-3m');
  await page.fill('#veld-relatief-4w-3m', '');
  await page.fill('#veld-relatief-3m', '2');
  await page.waitForFunction(() => !document.getElementById('foutoverzicht'));
  assert.equal(await page.getAttribute('#veld-relatief-4w-3m', 'aria-invalid'), null);
  assert.doesNotMatch(await resultText(page), /NaN|undefined|Infinity/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('start over asks first, then clears the form and the saved answers', async () => {
  const { context, page, problems } = await open(server.base + page$(KINDS.routekaart));
  await fillSome(page, 'routekaart');
  assert.ok((await page.$$('#instrument-form input:checked')).length > 0);
  assert.equal(await page.isVisible('#wis'), false, 'the button is behind the confirmation');
  await page.click('#paneel-opnieuw summary');
  await page.click('#wis');
  assert.equal((await page.$$('#instrument-form input:checked')).length, 0);
  await page.reload();
  await page.waitForSelector('#werkbalk');
  assert.equal((await page.$$('#instrument-form input:checked')).length, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('print: the result with date, version and notes, without the tool bar', async () => {
  const { context, page, problems } = await open(server.base + page$(KINDS.checklist));
  await fillSome(page, 'checklist');
  await page.fill('textarea[name^="notitie-"]', 'Een notitie voor de print');
  await page.waitForTimeout(300);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#werkbalk'), false);
  assert.equal(await page.isVisible('.printkop'), true);
  assert.match(await page.textContent('.printkop'), /Versie \d+ · geprint op \d+ \w+ \d{4} om \d\d:\d\d/);
  assert.equal(await page.isVisible('text=Een notitie voor de print'), true);
  await page.evaluate(() => document.documentElement.classList.add('print-uitslag'));
  assert.equal(await page.isVisible('#instrument-form'), false);
  assert.equal(await page.isVisible('#resultaat'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('from file://: answers survive a reload and a share link opens', async () => {
  const url = fileBase() + page$(KINDS.checklist);
  const { context, page, problems } = await open(url);
  await fillSome(page, 'checklist');
  const result = await resultText(page);
  await page.reload();
  await page.waitForSelector('#werkbalk');
  assert.equal(await resultText(page).then((t) => t.replace(/geprint op .*? om \d\d:\d\d( · laatst bewaard op .*? om \d\d:\d\d)?/, '')), result.replace(/geprint op .*? om \d\d:\d\d( · laatst bewaard op .*? om \d\d:\d\d)?/, ''));
  const { link } = await makeShareLink(page);
  assert.ok(link.startsWith('file://'));
  await page.click('#paneel-bestand summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#exporteer')]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await context.close();
  const other = await open(link);
  await other.page.waitForSelector('#gedeeld:not([hidden])');
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
});

for (const [kind, id] of Object.entries(KINDS)) {
  test(`${kind}: no WCAG 2.1 A/AA violations on the empty form, the filled form, the results and the shared view`, async () => {
    // axe is injected as a script, which the site's CSP rightly refuses; only this context bypasses it.
    const { context, page, problems } = await open(server.base + page$(id), { bypassCSP: true });
    assert.deepEqual(await axe(page), [], 'empty form');
    await fillSome(page, kind);
    for (const summary of await page.$$('#werkbalk summary')) await summary.click();
    await page.click('#maak-code');
    assert.deepEqual(await axe(page), [], 'filled form with results and every panel open');
    if (kind === 'inventarisatie') {
      await page.fill('#veld-leerlingen', '-1');
      await page.waitForSelector('#foutoverzicht');
      assert.deepEqual(await axe(page), [], 'with error messages');
    }
    if (kind === 'checklist') {
      await page.fill('#vergelijk-code', await page.inputValue('#deelcode'));
      await page.click('#vergelijk-knop');
      await page.waitForSelector('.vergelijking');
      assert.deepEqual(await axe(page), [], 'with a comparison');
    }
    const link = await page.inputValue('#deellink');
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForSelector('#gedeeld:not([hidden])');
    assert.deepEqual(await axe(page), [], 'shared view');
    await page.setViewportSize({ width: 320, height: 700 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true, 'no sideways scrolling at 320px');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('opening a file over answers asks first, in a modal dialog: no and Escape keep them, yes replaces them', async () => {
  const data = await json(KINDS.checklist);
  const [first, second] = data.items;
  const file = join(tmp, 'over-antwoorden.json');
  await writeFile(file, JSON.stringify({ format: 'leerrecht-resultaat/1', instrument: data.id, version: data.version, answers: { [second.id]: data.scale[0].id } }));
  const { context, page, problems } = await open(server.base + page$(KINDS.checklist));
  await page.check(`input[name="${first.control}"][value="${data.scale[1].id}"]`);
  await page.click('#paneel-bestand summary');
  const checked = () => page.$$eval('#instrument-form input:checked', (rs) => rs.map((r) => `${r.name}=${r.value}`));
  const mine = await checked();

  await page.setInputFiles('#importeer', file);
  await page.waitForSelector('dialog#import-bevestig[open]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-ja', 'the answer the user came for has focus');
  assert.match(await page.textContent('#import-bevestig'), /vervangt het bestand al je antwoorden en notities/);
  await page.click('#import-nee');
  await page.waitForSelector('#import-bevestig', { state: 'detached' });
  assert.deepEqual(await checked(), mine);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'importeer', 'focus back on the file field');

  await page.setInputFiles('#importeer', file);
  await page.waitForSelector('dialog#import-bevestig[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#import-bevestig', { state: 'detached' });
  assert.deepEqual(await checked(), mine, 'Escape is no');

  await page.setInputFiles('#importeer', file);
  await page.click('#import-ja');
  await page.waitForSelector('#bestand-melding .melding--succes');
  assert.deepEqual(await checked(), [`${second.control}=${data.scale[0].id}`]);
  assert.deepEqual(problems, []);
  await context.close();
});

// Reproduced: importing a result file without `answers` asked to replace, then emptied the form
// and deleted the stored answers. Now it is refused before any question, and a replace that
// did happen can be undone until the page closes.
test('a file without answers is refused before any question; a replace can be undone', async () => {
  const data = await json(KINDS.checklist);
  const { context, page, problems } = await open(server.base + page$(KINDS.checklist));
  const first = data.items[0].id;
  await page.check(`input[name="antwoord-${first}"][value="ja"]`);
  await page.waitForTimeout(400);
  const empty = join(tmp, 'zonder-antwoorden.json');
  await writeFile(empty, JSON.stringify({ format: 'leerrecht-resultaat/1', instrument: data.id, version: data.version }));
  await page.click('#paneel-bestand summary');
  await page.setInputFiles('#importeer', empty);
  await page.waitForFunction(() => /geen antwoorden/.test(document.body.textContent));
  assert.equal(await page.$('dialog[open]'), null, 'no question asked');
  assert.equal(await page.$eval(`input[name="antwoord-${first}"]:checked`, (r) => r.value), 'ja');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('tien-punten')).map((k) => localStorage.getItem(k)).join(''));
  assert.match(stored, /"ja"/, 'the stored answers are still there');

  const other = join(tmp, 'ander.json');
  await writeFile(other, JSON.stringify({ format: 'leerrecht-resultaat/1', instrument: data.id, version: data.version, answers: { [first]: 'nee' } }));
  await page.setInputFiles('#importeer', other);
  await page.click('#import-ja');
  await page.waitForSelector('#import-ongedaan');
  assert.equal(await page.$eval(`input[name="antwoord-${first}"]:checked`, (r) => r.value), 'nee');
  await page.click('#import-ongedaan');
  await page.waitForFunction(() => /vorige antwoorden/.test(document.getElementById('bestand-melding').textContent));
  assert.equal(await page.$eval(`input[name="antwoord-${first}"]:checked`, (r) => r.value), 'ja');
  assert.deepEqual(problems, []);
  await context.close();
});

/** A typical toetsvragen result: mostly "ja", some "deels" and "nee", a few "weet ik niet". */
async function fillTypical(page, inst) {
  const cycle = ['ja', 'ja', 'deels', 'ja', 'nee', 'ja', 'onbekend', 'ja'];
  for (const [k, item] of inst.items.entries()) await page.check(`input[name="${item.control}"][value="${cycle[k % cycle.length]}"]`);
  await page.fill(`#${inst.items[3].note}`, 'Bespreken met de leerplichtambtenaar in januari.');
  await page.waitForTimeout(400);
}

test('the report: missing legal duties lead, gaps carry their source, Word and A4 print of at most 4 pages', async () => {
  const inst = await json(KINDS.toetsvragen);
  const { context, page, problems } = await open(server.base + page$(KINDS.toetsvragen), { bypassCSP: true });
  await fillTypical(page, inst);
  const result = (await page.innerText('#resultaat')).replace(/\s+/g, ' ');
  assert.match(result, /Wettelijke plichten die ontbreken .*Leerplichtwet 1969, artikel 10\. Vraag 5:/);
  assert.match(result, /Bron: Leerplichtwet 1969/);
  assert.match(result, /Waarom dit ertoe doet: /);
  assert.match(result, /Uitzoeken/);
  assert.deepEqual(await axe(page), []);

  // The name goes on the report; the Word file is ours, made in the browser.
  await page.click('#paneel-rapport summary');
  await page.fill('#rapport-naam', 'Basisschool De Vlinder');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rapport-word')]);
  assert.match(download.suggestedFilename(), /^rapport-toetsvragen-verzuimprotocol-basisschool-de-vlinder-\d{4}-\d\d-\d\d\.docx$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a ZIP container');
  assert.match(await page.innerText('#rapport-melding'), /opgeslagen als Word-document/);

  // Printed on A4: the report, at most 4 pages, no word broken over two lines.
  await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    document.documentElement.classList.add('print-uitslag');
  });
  await page.emulateMedia({ media: 'print' });
  const pdf = join(tmp, 'rapport.pdf');
  await writeFile(pdf, await page.pdf({ format: 'A4' }));
  const { execFileSync } = await import('node:child_process');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
  const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Rapport: Toetsvragen voor het verzuimprotocol/);
  assert.match(text, /Regio of school: Basisschool De Vlinder/);
  assert.match(text, /Wettelijke plichten die ontbreken/);
  assert.match(text, /Bespreken met de leerplichtambtenaar in januari\./);
  assert.doesNotMatch(layout, /[a-z]-\n\s*[a-z]/, 'no word hyphenated over two lines');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Zet op de werkagenda" by keyboard: the werkagenda opens at the results it read, with the gaps as proposals', async () => {
  const inst = await json(KINDS.toetsvragen);
  const { context, page, problems } = await open(server.base + page$(KINDS.toetsvragen));
  await fillTypical(page, inst);
  await page.focus('#naar-werkagenda');
  await Promise.all([page.waitForURL(/werkagenda\.html#agenda-bronnen-kop$/), page.keyboard.press('Enter')]);
  await page.waitForSelector('#agenda-bronnen-kop');
  await page.waitForFunction(() => document.activeElement?.id === 'agenda-bronnen-kop');
  assert.match(await page.innerText('.agenda-bronnen'), /Toetsvragen voor het verzuimprotocol.*: \d+ voorstellen/);
  const proposals = await page.innerText('#agenda-themas');
  assert.match(proposals, /Uitzoeken: /, '"weet ik niet" becomes something to find out');
  assert.match(proposals, /wettelijke plicht: Leerplichtwet 1969, artikel 10/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long instrument stays navigable by keyboard: the progress line, the next open question, the result by access key', async () => {
  const inst = await json(KINDS.toetsvragen);
  const { context, page, problems } = await open(server.base + page$(KINDS.toetsvragen), { viewport: { width: 1366, height: 768 }, bypassCSP: true });
  const total = inst.items.length;
  assert.equal(await page.innerText('#voortgang-tekst'), `0 van ${total} beantwoord`);
  // Answer the first two by keyboard: focus the first option, arrow keys choose.
  await page.focus(`input[name="${inst.items[0].control}"]`);
  await page.keyboard.press('Space');
  await page.focus(`input[name="${inst.items[1].control}"]`);
  await page.keyboard.press('Space');
  assert.equal(await page.innerText('#voortgang-tekst'), `2 van ${total} beantwoord`);
  // The line stays in view while the form scrolls.
  const box = await page.locator('.voortgang').boundingBox();
  assert.ok(box && box.y + box.height <= 768 && box.y > 600, `in view at the bottom: ${JSON.stringify(box)}`);
  // "Volgende open vraag" goes to question 3, then (from 3) to question 4.
  await page.focus('#volgende-open');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.name), inst.items[2].control);
  await page.keyboard.press('Space');
  await page.focus('#volgende-open');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.name), inst.items[3].control);
  // From anywhere in the form, one key combination goes to the result.
  await page.focus(`input[name="${inst.items[20].control}"]`);
  await page.keyboard.press('Alt+Shift+KeyU');
  await page.waitForFunction(() => document.activeElement?.id === 'resultaat-kop');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
