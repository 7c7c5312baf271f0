// The workshop in a real browser: five participants' codes (made with share-code.js from known
// answers) pasted at once give the exact spread and order; a damaged line, a code of another
// instrument and a duplicate are named and not counted; files, removing one participant,
// clearing all; the projector view by keyboard alone; the participant page's code; corrupt
// storage; over http under a sub-path and from file://; axe-core (WCAG 2.1 A/AA) on the filled
// page, the projector view and the participant page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, fileBase, axe, openPage, SITE } from './harness.mjs';
// The pasting tests take format 1 codes (still read): they damage a code by its dots.
import { encodeCodeV1 as encodeCode, decodeCode } from '../../static/js/lib/share-code.js';

let browser;
let server;
let tmp;

before(async () => {
  browser = await launch();
  server = await serve();
  tmp = await mkdtemp(join(tmpdir(), 'leerrecht-workshop-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const json = async (id) => JSON.parse(await readFile(join(SITE, 'instrumenten', `${id}.json`), 'utf8'));

const open = (url, options) => openPage(browser, url, options);

async function choose(page, id) {
  await page.check(`#instrument-${id}`);
  await page.click('#kies-knop');
  // The instrument's data loads first; when its view is ready the focus moves to the heading
  // that follows the choice. (Waiting for #codes is not enough on a second choice: the field
  // of the previous instrument is still there.)
  await page.waitForFunction(() => document.activeElement?.id === 'meedoen-kop');
}

/**
 * Five different participants of the 10-point checklist. Item 2 splits the group at both ends
 * (2 ja, 1 deels, 2 nee: spread 89,4 %), item 3 has four ja and one nee (80 %), item 5 has one
 * "weet ik niet" (spread 0, but first among the items without spread); the rest is all ja.
 */
function fiveParticipants(data) {
  const [ja, deels, nee] = data.scale.map((s) => s.id);
  const nvt = data.not_applicable.id;
  const ids = data.items.map((i) => i.id);
  const base = Object.fromEntries(ids.map((id) => [id, ja]));
  const second = [ja, ja, nee, nee, deels];
  const third = [ja, ja, nee, ja, ja];
  return second.map((answer, p) => ({ ...base, [ids[1]]: answer, [ids[2]]: third[p], [ids[4]]: p === 0 ? nvt : ja }));
}

async function codesFor(id = 'tien-punten') {
  const data = await json(id);
  return { data, codes: fiveParticipants(data).map((a) => encodeCode(data, a)) };
}

function damage(code) {
  const i = code.lastIndexOf('.') - 1;
  return code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
}

async function pasteFive(page) {
  const { data, codes } = await codesFor();
  const routekaart = await json('routekaart');
  const other = encodeCode(routekaart, { [`${routekaart.steps[0].id}/${routekaart.partners[0].id}`]: 'regie' });
  const lines = [
    codes[0],
    `Sanne: ${codes[1]}`,
    `${server.base}instrumenten/tien-punten.html#r=${codes[2]}`,
    '',
    codes[3],
    codes[0],
    damage(codes[4]),
    other,
    codes[4],
  ];
  await page.fill('#codes', lines.join('\n'));
  await page.click('#voeg-toe');
  await page.waitForSelector('#workshop-fouten:not([hidden])');
  return { data, codes, lines };
}

const text = (page, selector) => page.innerText(selector).then((t) => t.replace(/\s+/g, ' ').trim());

test('five pasted codes give the exact spread and order; damaged, foreign and double lines are named and skipped', async () => {
  const { context, page, problems } = await open(server.base + 'workshop.html');
  await choose(page, 'tien-punten');
  assert.match(await text(page, '#deelnemers-adres'), /\/handboek\/instrumenten\/tien-punten-deelnemen\.html$/);
  const { data, lines } = await pasteFive(page);

  // The summary at the top names every line that does not count, in line order, and has focus.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'workshop-fouten');
  const summary = await text(page, '#workshop-fouten');
  assert.match(summary, /^Niet alles is meegeteld 5 uitslagen zijn toegevoegd\. 3 uitslagen tellen niet mee:/);
  assert.match(summary, /Regel 6: deze uitslag is al toegevoegd \(Deelnemer 1\).*Regel 7: De code is beschadigd.*Regel 8: Deze code hoort bij een ander instrument \("routekaart"\)/);
  assert.equal(await page.getAttribute('#workshop-fouten a', 'href'), '#codes');
  // Only the lines that could not be read stay in the field, marked as wrong.
  assert.equal(await page.inputValue('#codes'), [lines[6], lines[7]].join('\n'));
  assert.equal(await page.getAttribute('#codes', 'aria-invalid'), 'true');
  assert.match(await text(page, '#codes-fout'), /2 regels zijn niet gelezen/);

  assert.deepEqual(await page.$$eval('#deelnemers tbody th', (ths) => ths.map((t) => t.textContent)), ['Deelnemer 1', 'Sanne', 'Deelnemer 3', 'Deelnemer 4', 'Deelnemer 5']);
  assert.match(await text(page, '#groep'), /^5 deelnemers\. Gemiddelde score/);
  // Items by disagreement: item 2 (89,4 %), item 3 (80 %), then item 5 (spread 0, one n.v.t.), then list order.
  const order = await page.$$eval('.groep__vraagkop', (hs) => hs.map((x) => x.textContent));
  const n = (i) => data.items[i].number;
  assert.deepEqual(order.slice(0, 4).map((t) => Number(/^Vraag (\d+)\./.exec(t)[1])), [n(1), n(2), n(4), n(0)]);
  const first = await text(page, '.groep__vraag:nth-child(1)');
  assert.match(first, /verschil van mening 89,4% · gemiddeld 50% van de punten \(1 van 2\) · 5 antwoorden op de schaal/);
  const rows = await page.$$eval('.groep__vraag:nth-child(1) table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows, [
    [data.scale[0].label, '2', '40%'],
    [data.scale[1].label, '1', '20%'],
    [data.scale[2].label, '2', '40%'],
    [data.unknown.label, '0', '0%'],
    [data.not_applicable.label, '0', '0%'],
    ['Geen antwoord', '0', '0%'],
  ]);
  assert.match(await text(page, '.groep__vraag:nth-child(2)'), /verschil van mening 80% · gemiddeld 80% van de punten \(1,6 van 2\)/);
  assert.match(await text(page, '.groep__vraag:nth-child(3)'), /verschil van mening 0% · gemiddeld 100% van de punten \(2 van 2\) · 4 antwoorden op de schaal/);
  // The bar chart says the same in words.
  assert.match(await page.textContent('.groep__vraag:nth-child(1) svg desc'), new RegExp(`${data.scale[0].label} \\(2\\): 40%`));

  // A reload keeps everything; removing one participant keeps the others' numbers.
  await page.reload();
  await page.waitForSelector('#deelnemers tbody');
  assert.equal(await page.isChecked('#instrument-tien-punten'), true);
  assert.equal((await page.$$('#deelnemers tbody tr')).length, 5);
  await page.click('#deelnemers button:has-text("Deelnemer 3")');
  assert.deepEqual(await page.$$eval('#deelnemers tbody th', (ths) => ths.map((t) => t.textContent)), ['Deelnemer 1', 'Sanne', 'Deelnemer 4', 'Deelnemer 5']);
  // The focus moves to the next row's button once the table is drawn again: wait for it.
  await page.waitForFunction(() => /^Verwijder Deelnemer 4/.test(document.activeElement?.textContent ?? ''), null, { timeout: 10000 });
  await page.waitForFunction(() => /Deelnemer 3 is verwijderd/.test(document.getElementById('workshop-melding').textContent));
  assert.match(await text(page, '#groep'), /^4 deelnemers\./);

  // Clearing asks first; "no" keeps everything, "yes" empties the list and the storage.
  await page.click('#wis-alles');
  await page.click('#wis-nee');
  assert.equal((await page.$$('#deelnemers tbody tr')).length, 4);
  await page.click('#wis-alles');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'wis-nee', 'the safe answer has focus');
  await page.click('#wis-ja');
  // The dialog answers on its 'close' event, which the browser fires a task after the click.
  await page.waitForFunction(() => /nog geen uitslagen/.test(document.getElementById('deelnemers').textContent), null, { timeout: 10000 });
  await page.reload();
  await page.waitForSelector('#deelnemers');
  assert.match(await text(page, '#deelnemers'), /nog geen uitslagen/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the projector view by keyboard alone: open, next, previous, first, last, Escape back to the button', async () => {
  const { context, page, problems } = await open(server.base + 'workshop.html');
  await choose(page, 'tien-punten');
  const { data } = await pasteFive(page);
  await page.focus('#projectie-open');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#projectie:not([hidden])');
  const focused = () => page.evaluate(() => document.activeElement?.id);
  const position = () => page.textContent('#projectie-positie');
  assert.equal(await focused(), 'projectie-kop');
  assert.equal(await position(), `1 van ${data.items.length}`);
  // The heading names the question by its own number; the position is the place in the order.
  assert.match(await page.textContent('#projectie-kop'), new RegExp(`^Vraag ${data.items[1].number}\\. `));
  assert.match(await text(page, '.projectie__oordeel'), /^De groep denkt hier verschillend over\. Verschil van mening 89% · 5 antwoorden$/);
  assert.match(await text(page, '#projectie-dia'), /verschil van mening 89,4%.*Waarom deze vraag/);
  assert.equal(await page.isVisible('.kop'), false, 'the page around it is hidden');
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(), `2 van ${data.items.length}`);
  assert.match(await page.textContent('#projectie-kop'), new RegExp(`^Vraag ${data.items[2].number}\\. `));
  assert.equal(await focused(), 'projectie-kop', 'focus stays on the slide');
  await page.keyboard.press('PageDown');
  assert.equal(await position(), `3 van ${data.items.length}`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await position(), `2 van ${data.items.length}`);
  await page.keyboard.press('End');
  assert.equal(await position(), `${data.items.length} van ${data.items.length}`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(), `${data.items.length} van ${data.items.length}`, 'stays at the last');
  await page.keyboard.press('Home');
  assert.equal(await position(), `1 van ${data.items.length}`);
  // The buttons work by keyboard too, and keep their focus.
  await page.focus('#projectie-volgende');
  await page.keyboard.press('Enter');
  assert.equal(await position(), `2 van ${data.items.length}`);
  assert.equal(await focused(), 'projectie-volgende');
  await page.waitForFunction(() => /^2 van \d+: Vraag \d+\. /.test(document.getElementById('workshop-melding').textContent));
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#projectie'), true);
  assert.equal(await focused(), 'projectie-open');
  assert.equal(await page.isVisible('.kop'), true);
  assert.equal(await page.$$eval('[aria-live]:not(.site-search *)', (els) => els.length), 1, 'one live region besides the search box');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [width, height] of [[1024, 768], [1366, 768]]) {
  test(`the projector at ${width}×${height}: the chart and every bar are on the first screen, large`, async () => {
    const { context, page, problems } = await open(server.base + 'workshop.html', { viewport: { width, height } });
    await choose(page, 'tien-punten');
    const { data } = await pasteFive(page);
    await page.click('#projectie-open');
    await page.waitForSelector('#projectie:not([hidden])');
    for (let slide = 0; slide < 3; slide += 1) {
      const boxes = await page.evaluate(() => {
        const r = (el) => { const b = el.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, height: b.height }; };
        const svg = document.querySelector('.projectie__scherm .grafiek__svg');
        return { svg: r(svg), bars: [...svg.querySelectorAll('.grafiek__spoor, .grafiek__label, .grafiek__waarde')].map(r), scroll: window.scrollY, font: Number.parseFloat(getComputedStyle(svg.querySelector('.grafiek__label')).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) };
      });
      assert.equal(boxes.scroll, 0);
      assert.ok(boxes.svg.top >= 0 && boxes.svg.bottom <= height, `chart ${JSON.stringify(boxes.svg)} within ${height}`);
      assert.ok(boxes.svg.height >= height * 0.4, `the chart is large: ${boxes.svg.height}px`);
      for (const b of boxes.bars) assert.ok(b.top >= 0 && b.bottom <= height && b.left >= 0 && b.right <= width, `bar or label ${JSON.stringify(b)} in the viewport`);
      // A bar per scale answer, "weet ik niet", n.v.t. and no answer; each a track, label and value.
      assert.equal(boxes.bars.filter((b) => b.height > 0).length, 3 * (data.scale.length + 3));
      await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the group result becomes a werkagenda: majority answers as actions, disagreement marked, after a confirmation when one exists', async () => {
  const { context, page, problems } = await open(server.base + 'workshop.html');
  await choose(page, 'tien-punten');
  const { data } = await pasteFive(page);
  // An agenda with one action of its own is already in this browser: asked first, "no" keeps it.
  const key = 'leerrecht:leerrecht:werkagenda';
  await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ format: 'leerrecht-werkagenda/1', site: 'leerrecht', saved: new Date().toISOString(), region: 'Lekstroom', date: '', actions: [{ id: 'a1', theme: null, action: 'Eigen actie', goal: '', owner: '', deadline: '', status: 'gepland', notes: '', origin: null }], ignored: [], examples: [] })), key);
  await page.click('#maak-agenda');
  await page.waitForSelector('#agenda-bevestig[open]');
  assert.match(await text(page, '#agenda-bevestig'), /met 1 actie\. De actie van de groep komt erbij/);
  await page.click('#agenda-nee');
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key)).actions.length, 1);
  await Promise.all([page.waitForURL(/werkagenda\.html$/), (async () => { await page.click('#maak-agenda'); await page.click('#agenda-ja'); })()]);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  // Item 2: 2 ja, 1 deels, 2 nee → a tie, so "nee", marked; item 3: 4 ja and 1 nee → "ja", no action.
  assert.deepEqual(stored.actions.map((a) => a.origin?.key ?? a.action), ['Eigen actie', `tien-punten/${data.items[1].id}`]);
  assert.match(stored.actions[1].notes, /^Let op: de groep denkt hier verschillend over \(verschil van mening 89%/);
  assert.equal(stored.region, 'Lekstroom', 'what was there stays');
  await page.waitForSelector('fieldset.actie');
  assert.match(await text(page, 'main'), /groepsuitslag van 5 deelnemers \(meerderheid\), de groep is het niet eens/);
  assert.ok((await page.$$eval('fieldset.actie textarea', (els) => els.map((e) => e.value))).some((v) => /^Let op: de groep denkt hier verschillend over/.test(v)), 'the note is in the action');
  assert.deepEqual(problems, []);
  await context.close();
});

test('result files: several at once, with a name; a wrong file is named', async () => {
  const { data, codes } = await codesFor();
  const answers = decodeCode(codes[1], data).answers;
  const good = join(tmp, 'ali.json');
  await writeFile(good, JSON.stringify({ format: 'leerrecht-resultaat/1', site: 'leerrecht', instrument: data.id, version: data.version, saved: '2026-03-01T10:00:00Z', answers, notes: {}, name: 'Ali <b>B</b>' }));
  const wrong = join(tmp, 'kaart.json');
  await writeFile(wrong, JSON.stringify({ format: 'leerrecht-resultaat/1', instrument: 'routekaart', version: 1, answers: {} }));
  const { context, page, problems } = await open(server.base + 'workshop.html');
  await choose(page, 'tien-punten');
  await page.fill('#codes', codes[0]);
  await page.click('#voeg-toe');
  await page.waitForSelector('#deelnemers tbody');
  await page.setInputFiles('#bestanden', [good, wrong]);
  await page.waitForSelector('#workshop-fouten:not([hidden])');
  const summary = await text(page, '#workshop-fouten');
  assert.match(summary, /Bestand "kaart\.json": Dit bestand hoort bij een ander instrument/);
  assert.doesNotMatch(summary, /al toegevoegd/, 'a file with another name is another participant');
  assert.equal(await page.getAttribute('#workshop-fouten a', 'href'), '#bestanden');
  assert.deepEqual(await page.$$eval('#deelnemers tbody th', (ths) => ths.map((t) => t.textContent)), ['Deelnemer 1', 'Ali <b>B</b>']);
  assert.match(await text(page, '#deelnemers'), /bestand "ali\.json"/);
  assert.equal(await page.$$eval('#workshop b', (els) => els.length), 0, 'a name is text, never markup');
  assert.deepEqual(problems, []);
  await context.close();
});

test('exports: CSV for a Dutch spreadsheet and versioned JSON with the same numbers', async () => {
  const { context, page, problems } = await open(server.base + 'workshop.html');
  await choose(page, 'tien-punten');
  const { data } = await pasteFive(page);
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), body: await readFile(file, 'utf8') };
  };
  const csv = await save('#download-csv');
  assert.match(csv.name, /^leerrecht-workshop-tien-punten-v2-\d{4}-\d\d-\d\d\.csv$/);
  assert.ok(csv.body.startsWith('\uFEFFGroepsuitslag;'));
  assert.match(csv.body, new RegExp(`\\r\\n1;${data.items[1].number};[^\\r]*;2;1;2;0;0;0;50;89,4\\r\\n`));
  const out = await save('#download-json');
  const parsed = JSON.parse(out.body);
  assert.equal(parsed.format, 'leerrecht-workshop-uitslag/1');
  assert.deepEqual(parsed.instrument, { id: data.id, version: data.version, title: data.title, kind: data.kind });
  assert.equal(parsed.aggregate.participants, 5);
  assert.deepEqual(parsed.aggregate.order.slice(0, 2), [data.items[1].id, data.items[2].id]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the participant page: answer, type a name, show the code, and the trainer reads it with that name', async () => {
  const data = await json('tien-punten');
  const { context, page, problems } = await open(server.base + 'instrumenten/tien-punten-deelnemen.html');
  // On a phone the questions come first: no main menu, but the site name leads to the handbook.
  assert.equal(await page.locator('.hoofdmenu').count(), 0);
  assert.equal(await page.getAttribute('.kop__naam', 'href'), '../index.html');
  await page.click('#toon-code');
  assert.match(await page.textContent('#deelnemen-status'), /Vul eerst minstens één vraag in/);
  assert.equal(await page.isHidden('#code-vak'), true);
  await page.check(`input[name="antwoord-${data.items[0].id}"][value="${data.scale[2].id}"]`);
  await page.check(`input[name="antwoord-${data.items[1].id}"][value="${data.scale[0].id}"]`);
  await page.fill('#deelnemer-naam', 'Jan: de Vries');
  await page.click('#toon-code');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'code-tekst');
  const handed = await page.inputValue('#code-tekst');
  assert.match(handed, /^Jan de Vries: 2[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z-]+$/, "a format 2 code, grouped in fours");
  assert.match(await page.textContent('#code-telling'), /2 van de 10 onderdelen ingevuld/);
  // Changing an answer updates the code on the spot.
  await page.check(`input[name="antwoord-${data.items[2].id}"][value="${data.scale[1].id}"]`);
  const updated = await page.inputValue('#code-tekst');
  assert.notEqual(updated, handed);
  assert.deepEqual(decodeCode(updated.split(': ')[1], data).answers, { [data.items[0].id]: data.scale[2].id, [data.items[1].id]: data.scale[0].id, [data.items[2].id]: data.scale[1].id });
  // The answers are kept for the instrument's own page too.
  await page.waitForTimeout(400);
  await page.reload();
  assert.equal(await page.isChecked(`input[name="antwoord-${data.items[2].id}"][value="${data.scale[1].id}"]`), true);
  const [download] = await Promise.all([page.waitForEvent('download'), (async () => { await page.fill('#deelnemer-naam', 'Jan'); await page.click('#toon-code'); await page.click('#bewaar-bestand'); })()]);
  const file = join(tmp, 'jan.json');
  await download.saveAs(file);
  assert.equal(JSON.parse(await readFile(file, 'utf8')).name, 'Jan');
  assert.match(download.suggestedFilename(), /^leerrecht-tien-punten-v\d+-\d{4}-\d\d-\d\d-\d{4}-jan-[0-9A-Z]{8}\.json$/, 'a file name of its own');

  const trainer = await open(server.base + 'workshop.html');
  await choose(trainer.page, 'tien-punten');
  await trainer.page.fill('#codes', updated);
  await trainer.page.click('#voeg-toe');
  await trainer.page.waitForSelector('#deelnemers tbody');
  assert.deepEqual(await trainer.page.$$eval('#deelnemers tbody th', (ths) => ths.map((t) => t.textContent)), ['Jan de Vries']);
  await trainer.page.waitForFunction(() => /1 uitslag toegevoegd/.test(document.getElementById('workshop-melding').textContent));
  assert.deepEqual([...problems, ...trainer.problems], []);
  await trainer.context.close();
  await context.close();
});

test('routekaart and inventarisatie: cells without consensus and the ranges of the numbers', async () => {
  const kaart = await json('routekaart');
  const [s1, s2] = kaart.steps.map((s) => s.id);
  const [p1, p2] = kaart.partners.map((p) => p.id);
  const kaartCodes = [
    { [`${s1}/${p1}`]: 'regie', [`${s2}/${p2}`]: 'regie' },
    { [`${s1}/${p1}`]: 'regie', [`${s2}/${p2}`]: 'geen_rol' },
    { [`${s1}/${p1}`]: 'regie', [`${s2}/${p2}`]: 'neemt_deel' },
  ].map((a) => encodeCode(kaart, a));
  const { context, page, problems } = await open(server.base + 'workshop.html');
  await choose(page, 'routekaart');
  await page.fill('#codes', kaartCodes.join('\n'));
  await page.click('#voeg-toe');
  await page.waitForSelector('#groep .groep');
  const cells = (selector) => page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(await cells('#groep .groep > .tabel'), [[`Stap 2 (${kaart.steps[1].title}), ${kaart.partners[1].title}`, '1', '1', '1', '0', 'regie / neemt deel / geen rol (1 van 3)']]);
  assert.match(await text(page, '.groep__stap'), new RegExp(`^Stap 1\\. ${kaart.steps[0].title} Regie volgens de groep: ${kaart.partners[0].title} \\(3\\)\\.`));

  const telling = await json('inventarisatie-verzuim');
  const [leerlingen] = telling.fields.map((f) => f.id);
  const counts = [100, 300, 200].map((v) => encodeCode(telling, { [leerlingen]: v }));
  await choose(page, 'inventarisatie-verzuim');
  assert.match(await text(page, '#deelnemers'), /nog geen uitslagen/, 'each instrument has its own participants');
  await page.fill('#codes', counts.join('\n'));
  await page.click('#voeg-toe');
  // Wait for the numbers' table itself: the routekaart's group view may still be on the page.
  await page.waitForSelector('.groep .tabel[aria-label="Getallen van de groep"]');
  assert.deepEqual((await cells('.groep .tabel[aria-label="Getallen van de groep"]'))[0], [telling.fields[0].label, '3', '100', '200', '300']);
  await choose(page, 'routekaart');
  assert.equal((await page.$$('#deelnemers tbody tr')).length, 3, 'the routekaart participants are still there');
  assert.deepEqual(problems, []);
  await context.close();
});

test('corrupt saved workshop data is set aside with a message; the page still works', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('gezet')) {
      localStorage.setItem('leerrecht:leerrecht:workshop', '{"format":"leerrecht-workshop/1", kapot');
      sessionStorage.setItem('gezet', '1');
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.base + 'workshop.html');
  await page.waitForSelector('#workshop-meldingen .melding');
  assert.match(await page.textContent('#workshop-meldingen'), /beschadigd\. Ze zijn apart gezet onder "leerrecht:leerrecht:workshop:beschadigd:\d+"/);
  await choose(page, 'tien-punten');
  const { codes } = await codesFor();
  await page.fill('#codes', codes[0]);
  await page.click('#voeg-toe');
  await page.waitForSelector('#deelnemers tbody');
  assert.match(await page.evaluate(() => localStorage.getItem('leerrecht:leerrecht:workshop')), /"format":"leerrecht-workshop\/1"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('from file://: the instrument loads, codes count, and the page says the address only works on this computer', async () => {
  const { context, page, problems } = await open(fileBase() + 'workshop.html');
  await choose(page, 'tien-punten');
  assert.match(await text(page, '#workshop-werk'), /Staat het handboek op een USB-stick\?.*instrumenten\/tien-punten-deelnemen\.html/);
  assert.ok((await page.getAttribute('#deelnemers-adres', 'href')).startsWith('file://'));
  await pasteFive(page);
  assert.equal((await page.$$('#deelnemers tbody tr')).length, 5);
  await page.focus('#projectie-open');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('#projectie-positie'), /^2 van/);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'projectie-open');
  const participant = await open(fileBase() + 'instrumenten/tien-punten-deelnemen.html');
  await participant.page.check('input[name^="antwoord-"]');
  await participant.page.click('#toon-code');
  assert.match(await participant.page.inputValue('#code-tekst'), /^2[0-9A-HJKMNP-TV-Z]{3}-/, 'a format 2 code');
  assert.deepEqual([...problems, ...participant.problems], []);
  await participant.context.close();
  await context.close();
});

test('print: the handout has the group result as tables, without the controls', async () => {
  const { context, page, problems } = await open(server.base + 'workshop.html');
  await choose(page, 'tien-punten');
  await pasteFive(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.kop', '#codes', '#deelnemers', '#uitslag-acties', '#workshop-fouten', '.groep svg']) {
    assert.equal(await page.isVisible(hidden), false, hidden);
  }
  assert.equal(await page.isVisible('.groep__vraag table'), true);
  assert.match(await text(page, '.printkop'), /Versie \d+ · geprint op/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('no WCAG 2.1 A/AA violations: the filled workshop page, the projector view, the participant page', async () => {
  // axe is injected as a script, which the site's CSP rightly refuses; only this context bypasses it.
  const { context, page, problems } = await open(server.base + 'workshop.html', { bypassCSP: true });
  assert.deepEqual(await axe(page), [], 'empty page');
  await choose(page, 'tien-punten');
  await pasteFive(page);
  await page.click('#wis-alles');
  assert.deepEqual(await axe(page), [], 'filled, with the error summary and the confirmation');
  // The confirmation is a modal <dialog>: the page behind it waits for an answer.
  await page.click('#wis-nee');
  await page.click('#projectie-open');
  await page.waitForSelector('#projectie:not([hidden])');
  assert.deepEqual(await axe(page), [], 'projector view');
  await page.keyboard.press('Escape');
  await choose(page, 'routekaart');
  const kaart = await json('routekaart');
  await page.fill('#codes', [encodeCode(kaart, { [`${kaart.steps[0].id}/${kaart.partners[0].id}`]: 'regie' }), encodeCode(kaart, { [`${kaart.steps[0].id}/${kaart.partners[0].id}`]: 'geen_rol' })].join('\n'));
  await page.click('#voeg-toe');
  await page.waitForSelector('#groep .groep');
  assert.deepEqual(await axe(page), [], 'routekaart result');
  await page.setViewportSize({ width: 320, height: 700 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true, 'no sideways scrolling at 320px');
  await page.goto(server.base + 'instrumenten/tien-punten-deelnemen.html');
  assert.deepEqual(await axe(page), [], 'participant page');
  await page.check('input[name^="antwoord-"]');
  await page.click('#toon-code');
  assert.deepEqual(await axe(page), [], 'participant page with the code');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true, 'participant page at 320px');
  assert.deepEqual(problems, []);
  await context.close();
});
