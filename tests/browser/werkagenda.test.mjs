// The werkagenda in a real browser: two instruments filled in through their own pages give their
// gaps as proposals; accept, edit, reload, remove and undo; reorder by keyboard with the focus
// following; Word, CSV, Markdown and JSON out (JSON back in; a hostile file shown as text); the printed
// agenda without chrome; the page without JavaScript; from file://; and axe-core (WCAG 2.1 A/AA)
// on the empty and the filled page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, fileBase, axe, openPage } from './harness.mjs';
import { readZip, text as utf8 } from '../js/zip-read.mjs';

let browser;
let server;
let tmp;
const AGENDA = 'werkagenda.html';

before(async () => {
  browser = await launch();
  server = await serve();
  tmp = await mkdtemp(join(tmpdir(), 'leerrecht-werkagenda-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function json(id) {
  return JSON.parse(await readFile(join(process.env.LEERRECHT_SITE ?? 'public', 'instrumenten', `${id}.json`), 'utf8'));
}

/** A fresh context (own localStorage) on a blank page; problems collects page and console errors. */
const open = (options = {}) => openPage(browser, 'about:blank', options);

async function openAgenda(page, base = server.base) {
  await page.goto(base + AGENDA);
  await page.waitForSelector('.werkagenda-app--actief');
}

/** Answer on an instrument page and wait until the page says it saved. */
async function answer(page, base, id, choices) {
  await page.goto(`${base}instrumenten/${id}.html`);
  await page.waitForSelector('#werkbalk');
  for (const [name, value] of choices) {
    if (value === true) await page.check(`input[name="${name}"]`);
    else await page.check(`input[name="${name}"][value="${value}"]`);
  }
  await page.waitForFunction(() => /Automatisch bewaard/.test(document.getElementById('bewaarstatus').textContent));
}

/** The checklist with two gaps (one "nee", one "deels"), a top answer and an n.v.t. */
const CHECKLIST = [
  ['antwoord-definities', 'nee'],
  ['antwoord-preventie', 'deels'],
  ['antwoord-kind-en-ouders', 'ja'],
  ['antwoord-wachtlijsten', 'nvt'],
];
/** Step 1 with two regies and not written down, step 2 without regie but written down, a partner without role. */
const ROUTEKAART = [
  ['rol-signaal--school', 'regie'],
  ['rol-signaal--swv', 'regie'],
  ['rol-signaal--justitie', 'geen_rol'],
  ['rol-gesprek--school', 'neemt_deel'],
  ['vastgelegd-gesprek', true],
];

async function fillTwo(page, base = server.base) {
  await answer(page, base, 'tien-punten', CHECKLIST);
  await answer(page, base, 'routekaart', ROUTEKAART);
}

const proposalKeys = (page) => page.$$eval('[data-voorstel]', (els) => els.map((el) => `${el.closest('[data-thema]').dataset.thema} ${el.dataset.voorstel}`));
const actionIds = (page, theme) => page.$$eval(`[data-thema="${theme}"] fieldset.actie`, (els) => els.map((el) => el.id));
const text = (page, selector) => page.textContent(selector).then((t) => t.replace(/\s+/g, ' '));

test('empty: the page says which instrument to fill in first and links to it', async () => {
  const { context, page, problems } = await open();
  await openAgenda(page);
  const empty = await text(page, '.agenda-leeg');
  assert.match(empty, /Zo krijg je voorstellen voor acties/);
  const links = await page.$$eval('.agenda-leeg a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['instrumenten/tien-punten.html', 'instrumenten/routekaart.html', 'instrumenten/toetsvragen-verzuimprotocol.html']);
  assert.equal(await page.$$eval('[data-voorstel]', (els) => els.length), 0);
  assert.equal(await page.$$eval('.agenda-thema', (els) => els.length), 5, 'the five themes of the basis-werkagenda');
  // Only the werkagenda's own data script was loaded: no results, no other instruments.
  assert.deepEqual(await page.$$eval('script[src*="instrumenten/"]', (s) => s.map((x) => x.getAttribute('src'))), ['instrumenten/basis-werkagenda.js']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('gaps of the checklist and the routekaart arrive as proposals under their themes; n.v.t. and top answers do not', async () => {
  const tien = await json('tien-punten');
  const { context, page, problems } = await open();
  await fillTwo(page);
  await openAgenda(page);
  // Within a theme the checklist comes first, then the routekaart.
  assert.deepEqual(await proposalKeys(page), [
    'ouders routekaart/geen-regie/gesprek',
    'vroeg tien-punten/preventie',
    'vroeg routekaart/meer-regie/signaal',
    'vroeg routekaart/niet-op-papier/signaal',
    'systeem tien-punten/definities',
    'systeem routekaart/geen-rol/justitie',
  ]);
  const advice = tien.items.find((i) => i.id === 'definities').advice.nee;
  assert.equal(await page.textContent('[data-voorstel="tien-punten/definities"] .voorstel__actie'), advice);
  assert.match(await text(page, '[data-voorstel="tien-punten/preventie"]'), /Uit: 10-punten-checklist .*vraag 4 \(antwoord: Deels/);
  assert.match(await text(page, '[data-voorstel="routekaart/meer-regie/signaal"]'), /School en Samenwerkingsverband/);
  // The sources are listed in the instruments' order (by weight): the checklist first.
  assert.match(await text(page, '.agenda-bronnen'), /10-punten-checklist.*: 2 voorstellen\..*Routekaart.*: 4 voorstellen\./);
  assert.deepEqual(problems, []);
  await context.close();
});

test('accept and edit a proposal, find it back after a reload, remove it and undo', async () => {
  const tien = await json('tien-punten');
  const { context, page, problems } = await open();
  await fillTwo(page);
  await openAgenda(page);
  await page.click('[data-voorstel="tien-punten/preventie"] [data-doe="overnemen"]');
  const [id] = await actionIds(page, 'vroeg');
  assert.equal(id, 'actie-a1');
  assert.equal(await page.inputValue('#veld-a1-action'), tien.items.find((i) => i.id === 'preventie').advice.deels);
  assert.match(await text(page, '#actie-a1 .actie__bron'), /vraag 4/);
  // The focus went to the next proposal of the theme.
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-voorstel]')?.dataset.voorstel), 'routekaart/meer-regie/signaal');
  await page.fill('#veld-a1-action', 'Spreek met de scholen af waar signalen blijven liggen.');
  await page.fill('#veld-a1-owner', 'Samenwerkingsverband');
  await page.fill('#veld-a1-deadline', '2027-03-01');
  await page.selectOption('#veld-a1-status', 'bezig');
  await page.fill('#agenda-regio', 'Lekstroom');
  await page.waitForFunction(() => /Automatisch bewaard/.test(document.getElementById('agenda-bewaard').textContent));

  await page.reload();
  await page.waitForSelector('.werkagenda-app--actief');
  assert.equal(await page.inputValue('#veld-a1-action'), 'Spreek met de scholen af waar signalen blijven liggen.');
  assert.equal(await page.inputValue('#veld-a1-owner'), 'Samenwerkingsverband');
  assert.equal(await page.inputValue('#veld-a1-deadline'), '2027-03-01');
  assert.equal(await page.inputValue('#veld-a1-status'), 'bezig');
  assert.equal(await page.inputValue('#agenda-regio'), 'Lekstroom');
  assert.ok(!(await proposalKeys(page)).includes('vroeg tien-punten/preventie'), 'an accepted proposal is not offered again');
  assert.match(await text(page, '#agenda-bewaard'), /staat weer klaar/);

  await page.click('#actie-a1 [data-doe="verwijder"]');
  assert.deepEqual(await actionIds(page, 'vroeg'), []);
  assert.match(await text(page, '#ongedaan-uitleg'), /Laatste wijziging: Actie verwijderd/);
  await page.click('#ongedaan');
  assert.deepEqual(await actionIds(page, 'vroeg'), ['actie-a1']);
  assert.equal(await page.inputValue('#veld-a1-owner'), 'Samenwerkingsverband');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ongedaan');
  await page.waitForFunction(() => /Ongedaan gemaakt/.test(document.getElementById('agenda-melding').textContent));
  // One step only: a second click says there is nothing left.
  await page.click('#ongedaan');
  await page.waitForFunction(() => /niets om ongedaan te maken/.test(document.getElementById('agenda-melding').textContent));
  assert.deepEqual(await actionIds(page, 'vroeg'), ['actie-a1']);
  // Typing is one change: undo takes the whole word back, not one letter.
  await page.fill('#veld-a1-notes', '');
  await page.type('#veld-a1-notes', 'Mei');
  await page.click('#ongedaan');
  assert.equal(await page.inputValue('#veld-a1-notes'), '');
  assert.equal(await page.$$eval('#werkagenda-app [aria-live], #werkagenda-app [role="status"], #werkagenda-app [role="alert"]', (els) => els.length), 1, 'one live region');
  assert.deepEqual(problems, []);
  await context.close();
});

test('reorder by keyboard alone: the focus follows the moved action, also into the next theme', async () => {
  const { context, page, problems } = await open();
  await openAgenda(page);
  for (const n of [1, 2]) {
    await page.focus('#toevoegen-kind-centraal');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), `veld-a${n}-action`, 'a new action gets the focus');
    await page.keyboard.type(`Actie ${n}`);
  }
  assert.deepEqual(await actionIds(page, 'kind-centraal'), ['actie-a1', 'actie-a2']);
  await page.focus('#actie-a2 [data-doe="omhoog"]');
  await page.keyboard.press('Enter');
  assert.deepEqual(await actionIds(page, 'kind-centraal'), ['actie-a2', 'actie-a1']);
  assert.equal(await page.evaluate(() => document.activeElement.closest('fieldset').id + ' ' + document.activeElement.dataset.doe), 'actie-a2 omhoog');
  await page.focus('#actie-a1 [data-doe="omlaag"]');
  await page.keyboard.press('Enter');
  assert.deepEqual(await actionIds(page, 'ouders'), ['actie-a1']);
  assert.equal(await page.evaluate(() => document.activeElement.closest('fieldset').id + ' ' + document.activeElement.dataset.doe), 'actie-a1 omlaag');
  await page.waitForFunction(() => /plaats 1 bij Samenwerking met ouders/.test(document.getElementById('agenda-melding').textContent));
  await page.focus('#actie-a2 [data-doe="omhoog"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /staat al bovenaan/.test(document.getElementById('agenda-melding').textContent));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an action without text stops the export and the error summary links to it', async () => {
  const { context, page, problems } = await open();
  await openAgenda(page);
  await page.click('#toevoegen-vroeg');
  await page.click('#export-csv');
  await page.waitForSelector('#foutoverzicht');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'foutoverzicht');
  assert.match(await text(page, '#foutoverzicht'), /Er is een probleem.*Actie 1 bij Hoe eerder hoe beter: vul in wat je gaat doen\./);
  assert.equal(await page.getAttribute('#foutoverzicht a', 'href'), '#veld-a1-action');
  assert.equal(await page.getAttribute('#veld-a1-action', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#veld-a1-action', 'aria-describedby'), /veld-a1-action-fout/);
  await page.click('#foutoverzicht a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'veld-a1-action');
  await page.keyboard.type('Nu wel');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => !document.getElementById('foutoverzicht'));
  assert.equal(await page.getAttribute('#veld-a1-action', 'aria-invalid'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

async function exportFile(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const file = join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file, text: await readFile(file, 'utf8') };
}

const unescapeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const wordText = (xml) => unescapeXml([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

/** Download the .docx; its ZIP is read back with every CRC checked. Body paragraphs ([style, text]) and table rows. */
async function exportWord(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-docx')]);
  const file = join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  const xml = utf8(readZip(await readFile(file))['word/document.xml']);
  const tables = [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((t) => [...t[1].matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((r) => [...r[1].matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((c) => wordText(c[1]))));
  const paragraphs = [...xml.replace(/<w:tbl>.*?<\/w:tbl>/g, '').matchAll(/<w:p>(.*?)<\/w:p>/g)]
    .map((m) => [/<w:pStyle w:val="(\w+)"\/>/.exec(m[1])?.[1] ?? 'Normal', wordText(m[1])])
    .filter(([, t]) => t);
  return { name: download.suggestedFilename(), xml, paragraphs, tables };
}

/** A filled agenda: one accepted proposal with owner and deadline, one own action with a formula. */
async function filledAgenda(page) {
  await fillTwo(page);
  await openAgenda(page);
  await page.fill('#agenda-regio', 'Noord-Kennemerland');
  await page.fill('#agenda-datum', '2026-12-10');
  await page.click('[data-voorstel="tien-punten/preventie"] [data-doe="overnemen"]');
  await page.fill('#veld-a1-owner', 'Leerplicht; samen met scholen');
  await page.fill('#veld-a1-deadline', '2027-03-01');
  await page.click('#toevoegen-systeem');
  await page.fill('#veld-a2-action', '=SOM(A1:A9) telt "alles"');
  await page.waitForFunction(() => /Automatisch bewaard/.test(document.getElementById('agenda-bewaard').textContent));
}

test('CSV and Markdown: what is downloaded is the agenda, ready for a Dutch spreadsheet and a document', async () => {
  const tien = await json('tien-punten');
  const advice = tien.items.find((i) => i.id === 'preventie').advice.deels;
  const { context, page, problems } = await open();
  await filledAgenda(page);
  const csv = await exportFile(page, '#export-csv');
  assert.equal(csv.name, 'leerrecht-werkagenda-noord-kennemerland-2026-12-10.csv');
  assert.ok(csv.text.startsWith('\uFEFFRegio;Datum;Thema;Nr.;Actie;Doel;Eigenaar;Deadline;Status;Notities;Bron\r\n'), JSON.stringify(csv.text.slice(0, 80)));
  const rows = csv.text.slice(1).split('\r\n');
  assert.equal(rows.length, 4);
  assert.ok(rows[1].startsWith(`Noord-Kennemerland;2026-12-10;Hoe eerder hoe beter;1;${advice.includes(';') ? `"${advice}"` : advice};;"Leerplicht; samen met scholen";2027-03-01;Gepland;;`), rows[1]);
  assert.equal(rows[2], `Noord-Kennemerland;2026-12-10;Het systeem ondersteunt;1;"'=SOM(A1:A9) telt ""alles""";;;;Gepland;;eigen actie`);
  assert.match(await text(page, '#bestand-melding'), /opgeslagen als tabel voor Excel: "leerrecht-werkagenda-noord-kennemerland-2026-12-10\.csv"/);

  const md = await exportFile(page, '#export-md');
  assert.equal(md.name, 'leerrecht-werkagenda-noord-kennemerland-2026-12-10.md');
  const lines = md.text.split('\n');
  assert.deepEqual(lines.slice(0, 4), ['# Werkagenda', '', '- Regio: Noord-Kennemerland', '- Datum: 10 december 2026']);
  assert.ok(lines.includes('## Hoe eerder hoe beter'));
  assert.ok(lines.includes('| Nr. | Actie | Doel | Eigenaar | Deadline | Status | Notities | Bron |'));
  assert.ok(lines.some((l) => l.startsWith('| 1 | ') && l.includes('| Leerplicht; samen met scholen | 1 maart 2027 | Gepland |')), md.text);
  assert.ok(lines.includes('| 1 | =SOM(A1:A9) telt "alles" |   |   |   | Gepland |   | eigen actie |'));
  assert.equal(lines.filter((l) => l.startsWith('## ')).length, 5);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Word: the .docx is loaded only when asked for, and holds title, region, date and a table per theme', async () => {
  const tien = await json('tien-punten');
  const advice = tien.items.find((i) => i.id === 'preventie').advice.deels;
  const { context, page, problems } = await open();
  await filledAgenda(page);
  assert.equal(await page.$$eval('script[src$="js/word.js"]', (els) => els.length), 0, 'the Word writer waits for the button');
  assert.deepEqual(await page.$$eval('.agenda-bestanden .knoppen button', (els) => els.map((b) => b.textContent)), ['Word (.docx)', 'Tabel voor Excel (.csv)', 'Tekst (.md)', 'Bestand om verder te werken (.json)']);
  const word = await exportWord(page);
  assert.equal(word.name, 'leerrecht-werkagenda-noord-kennemerland-2026-12-10.docx');
  assert.deepEqual(word.paragraphs.slice(0, 3), [
    ['Heading1', 'Werkagenda Noord-Kennemerland'],
    ['Normal', 'Regio: Noord-Kennemerland'],
    ['Normal', 'Datum: 10 december 2026'],
  ]);
  // Per theme a heading, then a table or "Nog geen acties.".
  const themes = word.paragraphs.filter(([style]) => style === 'Heading2').map(([, t]) => t);
  assert.equal(themes.length, 5);
  const withActions = themes.filter((t) => t === 'Hoe eerder hoe beter' || t === 'Het systeem ondersteunt');
  assert.equal(withActions.length, 2);
  assert.equal(word.tables.length, 2);
  const table = Object.fromEntries(withActions.map((t, i) => [t, word.tables[i]]));
  const header = ['Nr.', 'Actie', 'Doel', 'Eigenaar', 'Deadline', 'Status', 'Notities', 'Bron'];
  const vroeg = table['Hoe eerder hoe beter'];
  assert.deepEqual(vroeg[0], header);
  assert.deepEqual([vroeg[1][0], vroeg[1][1], vroeg[1][3], vroeg[1][4], vroeg[1][5]], ['1', advice, 'Leerplicht; samen met scholen', '1 maart 2027', 'Gepland']);
  assert.deepEqual(table['Het systeem ondersteunt'], [header, ['1', '=SOM(A1:A9) telt "alles"', '', '', '', 'Gepland', '', 'eigen actie']]);
  assert.match(vroeg[1][7], /^10-punten-checklist/, 'an action from a gap says where it comes from');
  assert.match(word.xml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  assert.match(await text(page, '#bestand-melding'), /opgeslagen als Word-document: "leerrecht-werkagenda-noord-kennemerland-2026-12-10\.docx"/);
  // Once loaded, the writer serves the next press without loading it again.
  await exportWord(page);
  assert.equal(await page.$$eval('script[src$="js/word.js"]', (els) => els.length), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Word: when the writer cannot be loaded, the page says so instead of doing nothing', async () => {
  const { context, page } = await open();
  await context.route('**/js/word.js', (route) => route.abort());
  await filledAgenda(page);
  await page.click('#export-docx');
  await page.waitForSelector('#bestand-melding .melding--fout');
  assert.match(await text(page, '#bestand-melding'), /Het Word-document kon niet worden gemaakt\. Laad de pagina opnieuw/);
  await context.close();
});

test('JSON out and back in a fresh browser; a hostile file is cut down and shown as text only', async () => {
  const first = await open();
  await filledAgenda(first.page);
  const saved = await exportFile(first.page, '#export-json');
  assert.equal(JSON.parse(saved.text).format, 'leerrecht-werkagenda/1');
  const actionsBefore = await first.page.$$eval('fieldset.actie', (els) => els.length);
  await first.context.close();

  const { context, page, problems } = await open();
  await openAgenda(page);
  await page.setInputFiles('#importeer', saved.file);
  await page.waitForSelector('#bestand-melding .melding--succes');
  assert.equal(await page.$$eval('fieldset.actie', (els) => els.length), actionsBefore);
  assert.equal(await page.inputValue('#agenda-regio'), 'Noord-Kennemerland');
  assert.equal(await page.inputValue('#veld-a2-action'), '=SOM(A1:A9) telt "alles"');

  const evil = '<img src=x onerror="document.title=\'gehackt\'">';
  const hostile = join(tmp, 'kwaad.json');
  await writeFile(hostile, JSON.stringify({ format: 'leerrecht-werkagenda/1', region: evil, actions: [{ id: '"><b>', theme: 'vroeg', action: evil, status: 'weg', [evil]: 1 }] }));
  const title = await page.title();
  await page.setInputFiles('#importeer', hostile);
  await page.waitForSelector('#import-ja');
  await page.click('#import-ja');
  await page.waitForSelector('#bestand-melding .melding--succes');
  assert.equal(await page.inputValue('#veld-a1-action'), evil);
  assert.equal(await page.inputValue('#agenda-regio'), evil);
  const melding = await text(page, '#bestand-melding');
  assert.match(melding, /Niet overgenomen \(2\)/);
  assert.ok(melding.includes('onbekend onderdeel "<img'), 'the unknown key is listed as text');
  assert.equal(await page.title(), title);
  assert.equal(await page.$$eval('#werkagenda-app img, #werkagenda-app b', (els) => els.length), 0);
  // Opening a file is one change: undo brings the earlier agenda back.
  await page.click('#ongedaan');
  assert.equal(await page.inputValue('#agenda-regio'), 'Noord-Kennemerland');

  await page.setInputFiles('#importeer', { name: 'uitslag.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"leerrecht-resultaat/1","instrument":"tien-punten"}') });
  await page.waitForSelector('#importeer-fout:not([hidden])');
  assert.match(await text(page, '#importeer-fout'), /uitslag van een instrument/);
  assert.equal(await page.getAttribute('#importeer', 'aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a corrupt saved agenda is set aside and reported; the page still works', async () => {
  const { context, page, problems } = await open();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('gezet')) {
      localStorage.setItem('leerrecht:leerrecht:werkagenda', '{"format":"leerrecht-werkagenda/1", kapot');
      sessionStorage.setItem('gezet', '1');
    }
  });
  await openAgenda(page);
  assert.match(await text(page, '#agenda-meldingen'), /was beschadigd en is apart gezet/);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.startsWith('leerrecht:leerrecht:werkagenda:beschadigd:')), keys.join(', '));
  await page.click('#toevoegen-maatwerk');
  await page.keyboard.type('Toch verder');
  await page.waitForFunction(() => /"format": ?"leerrecht-werkagenda\/1"/.test(localStorage.getItem('leerrecht:leerrecht:werkagenda') ?? ''));
  assert.deepEqual(problems, []);
  await context.close();
});

test('print: title, region, date and a table per theme; no navigation, no buttons, no fields', async () => {
  const { context, page, problems } = await open();
  await filledAgenda(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['header.kop', '.kruimelpad', 'footer.voet', '.indeling__zij', '#ongedaan', '#export-csv', 'fieldset.actie', '[data-voorstel]', '.agenda-gegevens']) {
    assert.equal(await page.isVisible(chrome), false, `${chrome} is not printed`);
  }
  assert.equal(await page.$$eval('button', (bs) => bs.filter((b) => b.checkVisibility()).length), 0, 'no button on paper');
  assert.equal(await page.isVisible('h1'), true);
  assert.match(await text(page, '.agenda-print__gegevens'), /Regio: Noord-Kennemerland.*Datum: 10 december 2026/);
  assert.deepEqual(await page.$$eval('.agenda-print h2', (hs) => hs.map((x) => x.textContent)), ['Het kind centraal', 'Samenwerking met ouders', 'Maatwerk', 'Hoe eerder hoe beter', 'Het systeem ondersteunt']);
  assert.equal(await page.$$eval('.agenda-print table', (ts) => ts.length), 2);
  const cells = await page.$$eval('.agenda-print table', (ts) => ts.map((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent))));
  assert.deepEqual(cells[0][0], ['Nr.', 'Actie', 'Doel', 'Eigenaar', 'Deadline', 'Status', 'Notities']);
  assert.deepEqual(cells[0][1].slice(2), ['', 'Leerplicht; samen met scholen', '1 maart 2027', 'Gepland', '']);
  assert.deepEqual(cells[1][1], ['1', '=SOM(A1:A9) telt "alles"', '', '', '', 'Gepland', '']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the page says it needs it and points to what reads and prints', async () => {
  const { context, page } = await open({ javaScriptEnabled: false });
  await page.goto(server.base + AGENDA);
  assert.match(await text(page, '.agenda-zonder-js'), /Deze pagina werkt met JavaScript/);
  const links = await page.$$eval('.agenda-zonder-js a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.includes('instrumenten/basis-werkagenda.html'), links.join(' '));
  assert.ok(links.includes('instrumenten/tien-punten.html'));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.agenda-zonder-js'), true);
  assert.equal(await page.isVisible('.tekst'), true, 'the introduction prints too');
  await context.close();
});

test('from file://: an instrument filled in from disk gives its proposals', async () => {
  const { context, page, problems } = await open();
  await answer(page, fileBase(), 'tien-punten', CHECKLIST);
  await openAgenda(page, fileBase());
  assert.deepEqual((await proposalKeys(page)).filter((k) => k.includes('tien-punten')), ['vroeg tien-punten/preventie', 'systeem tien-punten/definities']);
  await page.click('[data-voorstel="tien-punten/definities"] [data-doe="overnemen"]');
  const md = await exportFile(page, '#export-md');
  assert.match(md.text, /## Het systeem ondersteunt\n\n\| Nr\./);
  // The Word writer loads as a classic script, which works from disk too.
  const word = await exportWord(page);
  assert.match(word.name, /^leerrecht-werkagenda-\d{4}-\d\d-\d\d\.docx$/);
  assert.ok(word.paragraphs.some(([style, t]) => style === 'Heading2' && t === 'Het systeem ondersteunt'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('no WCAG 2.1 A/AA violations on the empty page and on the filled page with an error summary', async () => {
  // axe is injected as a script, which the site's CSP rightly refuses; only this context bypasses it.
  const { context, page, problems } = await open({ bypassCSP: true });
  await openAgenda(page);
  assert.deepEqual(await axe(page), [], 'empty');
  await filledAgenda(page);
  await exportWord(page);
  assert.deepEqual(await axe(page), [], 'filled, after saving as Word');
  await page.click('#voorbeelden-vroeg');
  await page.click('[data-voorstel="routekaart/geen-regie/gesprek"] [data-doe="negeren"]');
  await page.click('#toevoegen-maatwerk');
  await page.click('#export-md');
  await page.waitForSelector('#foutoverzicht');
  assert.deepEqual(await axe(page), [], 'filled, with proposals, examples, actions and an error summary');
  await page.setViewportSize({ width: 320, height: 700 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true, 'no sideways scrolling at 320px');
  assert.deepEqual(problems, []);
  await context.close();
});

// ----- the overview table, its dialog and the landscape print (issue 12) ---------------------

/** A saved agenda in this browser before the page loads (once: a reload keeps what the page saved). */
async function seedAgenda(context, actions, { region = 'Zuid', date = '2026-12-10' } = {}) {
  const agenda = {
    format: 'leerrecht-werkagenda/1',
    site: 'leerrecht',
    saved: new Date().toISOString(),
    region,
    date,
    actions: actions.map(([theme, action, owner, deadline, status, extra = {}], i) => ({ id: `a${i + 1}`, theme, action, goal: '', owner, deadline, status, notes: '', origin: null, ...extra })),
    ignored: [],
    examples: [],
  };
  await context.addInitScript((value) => {
    if (!sessionStorage.getItem('gezaaid')) {
      localStorage.setItem('leerrecht:leerrecht:werkagenda', value);
      sessionStorage.setItem('gezaaid', '1');
    }
  }, JSON.stringify(agenda));
}

/** Four actions: one late (a2, deadline long past, bezig), one done with a past deadline (not late). */
const FOUR = [
  ['vroeg', 'Signalen eerder delen', 'Leerplicht', '2099-03-01', 'gepland'],
  ['kind-centraal', 'Kind zelf horen bij elk gesprek', 'Samenwerkingsverband', '2020-12-01', 'bezig'],
  ['ouders', 'Ouders uitnodigen voor het overleg', '', '', 'gepland'],
  ['systeem', 'Protocol herzien', 'Gemeente', '2020-01-14', 'klaar'],
];
const rowIds = (page) => page.$$eval('#agenda-overzicht-tabel tr[data-rij]', (trs) => trs.map((tr) => tr.dataset.rij));
const focused = (page) => page.evaluate(() => document.activeElement.id);
const ariaSort = (page) => page.$$eval('#agenda-overzicht-tabel thead th', (ths) => ths.map((th) => th.getAttribute('aria-sort')));

test('overview: the files come before the themes; sort and filter with the keyboard alone; late said in words', async () => {
  const { context, page, problems } = await open();
  await seedAgenda(context, FOUR);
  await openAgenda(page);
  // Saving and files sit above the overview, the overview above the themes.
  const top = (sel) => page.$eval(sel, (el) => el.getBoundingClientRect().top + window.scrollY);
  assert.ok((await top('#export-docx')) < (await top('#agenda-overzicht-kop')));
  assert.ok((await top('#agenda-overzicht-kop')) < (await top('#agenda-themas')));
  assert.deepEqual(await rowIds(page), ['a2', 'a3', 'a1', 'a4'], 'in the order of the themes');
  assert.equal(await text(page, '#agenda-overzicht-telling'), '4 acties, waarvan 1 te laat.');
  // Late is text in the row, not a colour only; a done action with a past deadline is not late.
  assert.match(await text(page, 'tr[data-rij="a2"]'), /1 december 2020 Te laat/);
  assert.deepEqual(await page.$$eval('.te-laat', (els) => els.map((el) => el.closest('tr').dataset.rij)), ['a2']);

  // From the heading: Tab to the owner filter, choose with the arrow keys.
  await page.focus('#agenda-overzicht-kop');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'filter-eigenaar');
  assert.deepEqual(await page.$$eval('#filter-eigenaar option', (os) => os.map((o) => o.textContent)), ['alle', 'Gemeente', 'Leerplicht', 'Samenwerkingsverband', 'Zonder eigenaar']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelectorAll('#agenda-overzicht-tabel tr[data-rij]').length === 1);
  assert.deepEqual(await rowIds(page), ['a1']);
  assert.match(await text(page, '#agenda-overzicht-telling'), /Je ziet er 1 door het filter\./);
  await page.waitForFunction(() => /Je ziet er 1/.test(document.getElementById('agenda-melding').textContent));
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelectorAll('#agenda-overzicht-tabel tr[data-rij]').length === 4);
  // The status filter: "Te laat" is a choice of its own.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'filter-status');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelectorAll('#agenda-overzicht-tabel tr[data-rij]').length === 1);
  assert.deepEqual(await rowIds(page), ['a2']);
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelectorAll('#agenda-overzicht-tabel tr[data-rij]').length === 4);

  // Tab on into the table: its scroll box, then the sort buttons in the column headers.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('agenda-overzicht__tabel')), true);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'sorteer-theme');
  assert.deepEqual(await ariaSort(page), ['ascending', null, null, null, null, null]);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'sorteer-deadline');
  await page.keyboard.press('Enter');
  assert.deepEqual(await rowIds(page), ['a4', 'a2', 'a1', 'a3'], 'earliest first, no deadline last');
  assert.deepEqual(await ariaSort(page), [null, null, null, null, 'ascending', null]);
  assert.equal(await focused(page), 'sorteer-deadline', 'the focus stays on the button');
  await page.waitForFunction(() => /Gesorteerd op deadline, oplopend/.test(document.getElementById('agenda-melding').textContent));
  await page.keyboard.press('Space');
  assert.deepEqual(await rowIds(page), ['a1', 'a2', 'a4', 'a3'], 'latest first, no deadline still last');
  assert.deepEqual(await ariaSort(page), [null, null, null, null, 'descending', null]);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'sorteer-status');
  assert.deepEqual(await rowIds(page), ['a3', 'a1', 'a2', 'a4'], 'gepland, bezig, klaar');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.deepEqual(await rowIds(page), ['a4', 'a1', 'a2', 'a3'], 'owners A to Z, none last');
  assert.deepEqual(problems, []);
  await context.close();
});

test('overview: change an action in a dialog with the keyboard; errors in the dialog; Escape changes nothing; one undo', async () => {
  const { context, page, problems } = await open();
  await seedAgenda(context, FOUR);
  await openAgenda(page);
  await page.focus('#wijzig-a3');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#wijzig-dialoog[open]');
  assert.equal(await page.evaluate(() => document.getElementById('wijzig-dialoog').matches(':modal')), true);
  assert.equal(await focused(page), 'dialoog-action', 'the focus starts in the first field');
  assert.equal(await text(page, '#wijzig-dialoog-kop'), 'Actie 1 bij Samenwerking met ouders wijzigen');
  // Empty the action and save: the dialog stays, says why, and puts the focus on the field.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.focus('#wijzig-opslaan');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'dialoog-action');
  assert.equal(await page.getAttribute('#dialoog-action', 'aria-invalid'), 'true');
  assert.match(await text(page, '#dialoog-action-fout'), /Fout: Vul in wat je gaat doen\./);
  await page.keyboard.type('Ouders uitnodigen voor elk overleg');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'dialoog-owner');
  await page.keyboard.type('Wethouder');
  await page.focus('#wijzig-opslaan');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#wijzig-dialoog', { state: 'detached' });
  assert.equal(await focused(page), 'wijzig-a3', 'back to the row it came from');
  const cells = await page.$$eval('tr[data-rij="a3"] > *', (cs) => cs.map((c) => c.textContent));
  assert.deepEqual(cells.slice(1, 4), ['Ouders uitnodigen voor elk overleg', 'Wethouder', 'Gepland']);
  assert.equal(await page.inputValue('#veld-a3-owner'), 'Wethouder', 'the form under the theme shows it too');
  assert.ok((await page.$$eval('#filter-eigenaar option', (os) => os.map((o) => o.textContent))).includes('Wethouder'));
  // The dialog's changes are one change.
  await page.click('#ongedaan');
  assert.equal(await page.inputValue('#veld-a3-owner'), '');
  assert.equal(await page.inputValue('#veld-a3-action'), 'Ouders uitnodigen voor het overleg');
  // Escape: closed, nothing changed, focus back.
  await page.focus('#wijzig-a1');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#wijzig-dialoog[open]');
  await page.keyboard.type('weg ermee');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#wijzig-dialoog', { state: 'detached' });
  assert.equal(await focused(page), 'wijzig-a1');
  assert.equal(await page.inputValue('#veld-a1-action'), 'Signalen eerder delen');
  // A change that the filter hides: the focus goes to the overview's heading, and the page says why.
  await page.selectOption('#filter-status', 'gepland');
  await page.click('#wijzig-a1');
  await page.selectOption('#dialoog-status', 'klaar');
  await page.click('#wijzig-opslaan');
  await page.waitForSelector('#wijzig-dialoog', { state: 'detached' });
  assert.equal(await focused(page), 'agenda-overzicht-kop');
  await page.waitForFunction(() => /Door het filter staat hij niet meer in de tabel/.test(document.getElementById('agenda-melding').textContent));
  assert.deepEqual(await rowIds(page), ['a3']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('overview: no WCAG 2.1 A/AA violations on the table (sorted, filtered, empty filter) and the dialog (with an error)', async () => {
  const { context, page, problems } = await open({ bypassCSP: true });
  await seedAgenda(context, FOUR);
  await openAgenda(page);
  assert.deepEqual(await axe(page), [], 'the table');
  await page.click('#sorteer-deadline');
  await page.selectOption('#filter-eigenaar', 'Samenwerkingsverband');
  assert.deepEqual(await axe(page), [], 'sorted and filtered');
  await page.selectOption('#filter-status', 'klaar');
  assert.match(await text(page, '#agenda-overzicht-tabel'), /Geen acties bij dit filter/);
  assert.deepEqual(await axe(page), [], 'nothing left by the filter');
  await page.selectOption('#filter-status', '');
  await page.click('#wijzig-a2');
  await page.waitForSelector('#wijzig-dialoog[open]');
  assert.deepEqual(await axe(page), [], 'the dialog');
  await page.fill('#dialoog-action', '');
  await page.click('#wijzig-opslaan');
  await page.waitForSelector('#dialoog-action-fout');
  assert.deepEqual(await axe(page), [], 'the dialog with an error');
  await page.setViewportSize({ width: 320, height: 700 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true, 'the dialog fits at 320px');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true, 'the table scrolls in its own box at 320px');
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Many actions with long texts and long Dutch words, so the print runs over several pages. Each
 * action starts with Begin<n> and its notes end with Einde<n>: both must be on the same page.
 */
function longAgenda(count) {
  const themes = ['kind-centraal', 'ouders', 'maatwerk', 'vroeg', 'systeem'];
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const action = `Begin${n} Het samenwerkingsverband spreekt met de leerplichtambtenaren en de jeugdhulpaanbieders af wie de regie houdt als een thuiszitter langer dan vier weken thuis is.`;
    const notes = `Bespreken in het overleg met het samenwerkingsverband en de gemeente; terugkoppelen aan de zorgcoördinatoren. Einde${n}`;
    const status = ['gepland', 'bezig', 'klaar'][i % 3];
    return [themes[i % themes.length], action, 'samenwerkingsverband', '2027-03-01', status, { goal: 'Geen kind langer dan drie maanden thuis zonder passend aanbod.', notes }];
  });
}

test('print: landscape A4, whole words only, and no table row split over two pages (PDF read back with pdftotext)', async () => {
  const count = 24;
  const { context, page, problems } = await open();
  await seedAgenda(context, longAgenda(count), { region: 'Samenwerkingsverband Passend Onderwijs Zuid' });
  await openAgenda(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  // Nothing in the printed agenda may break a word: no automatic hyphens, no breaks anywhere.
  const styles = await page.$$eval('.agenda-print, .agenda-print *', (els) => [...new Set(els.map((el) => {
    const s = getComputedStyle(el);
    return `${s.hyphens} ${s.overflowWrap} ${s.wordBreak}`;
  }))]);
  for (const s of styles) assert.doesNotMatch(s, /\bauto\b|anywhere|break-all|break-word/, s);
  assert.deepEqual(await page.$$eval('.agenda-print tr', (trs) => [...new Set(trs.map((tr) => getComputedStyle(tr).breakInside))]), ['avoid']);

  const pdf = join(tmp, 'werkagenda.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts \(A4\)/, 'A4 landscape');
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  assert.ok(pages.length >= 3, `${pages.length} pages: enough to test breaks between them`);
  const all = pages.join('\n');
  // Whole words: every status and every long word as often as the agenda holds it.
  const times = (word) => all.split(word).length - 1;
  assert.equal(times('Gepland'), count / 3);
  assert.equal(times('Klaar'), count / 3);
  assert.equal(times('samenwerkingsverband'), count * 3, 'owner, action and notes of each action');
  assert.equal(times('Samenwerkingsverband Passend Onderwijs Zuid'), 1);
  assert.equal(times('leerplichtambtenaren'), count);
  assert.equal(times('zorgcoördinatoren'), count);
  assert.doesNotMatch(all, /\p{L}-\s*\n/u, 'no hyphen at the end of a line');
  // Each row on one page: its first and its last words on the same page.
  for (let n = 1; n <= count; n++) {
    const begin = pages.findIndex((p) => new RegExp(`\\bBegin${n}\\b`).test(p));
    const end = pages.findIndex((p) => new RegExp(`\\bEinde${n}\\b`).test(p));
    assert.ok(begin >= 0 && begin === end, `action ${n}: starts on page ${begin + 1}, ends on page ${end + 1}`);
  }
  // The header repeats on every page, and a page is not left half empty before a table.
  assert.ok(pages.every((p) => /Nr\.\s+Actie\s+Doel\s+Eigenaar\s+Deadline\s+Status\s+Notities/.test(p)), 'the header on every page');
  assert.match(pages[0], /Datum: 10 december 2026[\s\S]*Begin1\b/, 'the first table starts on the first page');
  assert.deepEqual(problems, []);
  await context.close();
});
