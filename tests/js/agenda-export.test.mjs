// The werkagenda as Markdown, CSV and Word: the exact text, markup in the user's words kept as
// text, a CSV that a Dutch spreadsheet opens (BOM, ;, inert formulas) with region and date on
// every row, the Word model's tables, and file names after the meeting date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown, toAgendaCsv, toDocxModel, agendaFileName, groups, COLUMNS } from '../../static/js/lib/agenda-export.js';
import { emptyAgenda, accept, addOwn, edit } from '../../static/js/lib/agenda.js';

const THEMES = [{ id: 'kind', title: 'Het kind centraal' }, { id: 'vroeg', title: 'Hoe eerder hoe beter' }];
const today = new Date(2026, 10, 23);

function sample() {
  let agenda = { ...emptyAgenda(), region: 'Lekstroom' };
  ({ agenda } = accept(agenda, { key: 'tien-punten/preventie', theme: 'vroeg', action: 'Maak afspraken | met *leerplicht*.', goal: 'Eerder\nhulp', owner: 'Leerplicht', context: '', source: 'Checklist, vraag 4 (antwoord: Nee)', instrument: 'tien-punten' }));
  ({ agenda } = addOwn(agenda, 'vroeg'));
  agenda = edit(agenda, 'a2', 'action', '=HYPERLINK("x")');
  agenda = edit(agenda, 'a2', 'deadline', '2027-03-01');
  agenda = edit(agenda, 'a2', 'status', 'bezig');
  agenda = edit(agenda, 'a2', 'notes', 'Bespreken; in mei');
  ({ agenda } = addOwn(agenda, 'opgeheven'));
  agenda = edit(agenda, 'a3', 'action', 'Zonder thema');
  return agenda;
}

test('Markdown: title, region, date, a table per theme, the user\'s text as text', () => {
  assert.equal(toMarkdown(sample(), THEMES, today), [
    '# Werkagenda',
    '',
    '- Regio: Lekstroom',
    '- Datum: 23 november 2026',
    '',
    '## Het kind centraal',
    '',
    'Nog geen acties.',
    '',
    '## Hoe eerder hoe beter',
    '',
    '| Nr. | Actie | Doel | Eigenaar | Deadline | Status | Notities | Bron |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 1 | Maak afspraken \\| met \\*leerplicht\\*. | Eerder hulp | Leerplicht |   | Gepland |   | Checklist, vraag 4 (antwoord: Nee) |',
    '| 2 | =HYPERLINK("x") |   |   | 1 maart 2027 | Bezig | Bespreken; in mei | eigen actie |',
    '',
    '## Nog zonder thema',
    '',
    '| Nr. | Actie | Doel | Eigenaar | Deadline | Status | Notities | Bron |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 1 | Zonder thema |   |   |   | Gepland |   | eigen actie |',
    '',
  ].join('\n'));
});

test('Markdown uses the date of the agenda when it has one, and says when the region is missing', () => {
  const md = toMarkdown({ ...emptyAgenda(), date: '2027-01-15' }, THEMES, today);
  assert.match(md, /^- Regio: nog niet ingevuld$/m);
  assert.match(md, /^- Datum: 15 januari 2027$/m);
  assert.doesNotMatch(md, /Nog zonder thema/);
});

test('CSV: BOM, ; between cells, a row per action with Dutch columns, formulas made inert', () => {
  const csv = toAgendaCsv(sample(), THEMES);
  assert.ok(csv.startsWith('\uFEFFRegio;Datum;Thema;Nr.;Actie;Doel;Eigenaar;Deadline;Status;Notities;Bron\r\n'));
  assert.deepEqual(csv.slice(1).split('\r\n'), [
    'Regio;Datum;Thema;Nr.;Actie;Doel;Eigenaar;Deadline;Status;Notities;Bron',
    'Lekstroom;;Hoe eerder hoe beter;1;Maak afspraken | met *leerplicht*.;"Eerder\nhulp";Leerplicht;;Gepland;;Checklist, vraag 4 (antwoord: Nee)',
    'Lekstroom;;Hoe eerder hoe beter;2;"\'=HYPERLINK(""x"")";;;2027-03-01;Bezig;"Bespreken; in mei";eigen actie',
    'Lekstroom;;Nog zonder thema;1;Zonder thema;;;;Gepland;;eigen actie',
    '',
  ]);
});

test('CSV: region and meeting date stand on every row', () => {
  const agenda = { ...sample(), region: '  Zuid-Holland Oost ', date: '2026-12-15' };
  const rows = toAgendaCsv(agenda, THEMES).slice(1).split('\r\n').slice(1, -1);
  assert.equal(rows.length, 3);
  for (const row of rows) assert.ok(row.startsWith('Zuid-Holland Oost;2026-12-15;'), row);
  // A date that is not a real day is left out rather than passed on.
  const bad = toAgendaCsv({ ...agenda, date: '2026-02-30' }, THEMES).slice(1).split('\r\n')[1];
  assert.ok(bad.startsWith('Zuid-Holland Oost;;'), bad);
});

test('file names carry the region and the meeting date, or today without one', () => {
  assert.equal(agendaFileName({ region: 'Noord-Kennemerland & Één', date: '' }, '2026-11-23', 'md'), 'leerrecht-werkagenda-noord-kennemerland-een-2026-11-23.md');
  assert.equal(agendaFileName({ region: '', date: '' }, '2026-11-23', 'csv'), 'leerrecht-werkagenda-2026-11-23.csv');
  assert.equal(agendaFileName({ region: 'Lekstroom', date: '2026-12-15' }, '2026-11-23', 'docx'), 'leerrecht-werkagenda-lekstroom-2026-12-15.docx');
  assert.equal(agendaFileName({ region: '../../etc/passwd?*:<>|"', date: '2026-12-15' }, '2026-11-23', 'json'), 'leerrecht-werkagenda-etc-passwd-2026-12-15.json');
  assert.equal(agendaFileName({ region: '', date: 'morgen' }, '2026-11-23', 'csv'), 'leerrecht-werkagenda-2026-11-23.csv');
  assert.match(agendaFileName({ region: 'x'.repeat(80), date: '' }, '2026-11-23', 'csv'), /^leerrecht-werkagenda-x{40}-2026-11-23\.csv$/);
});

test('Word: title, region, date, a landscape table per theme, the loose actions last', () => {
  const model = toDocxModel({ ...sample(), date: '2026-12-15' }, THEMES, today);
  assert.equal(model.title, 'Werkagenda Lekstroom');
  assert.equal(model.landscape, true);
  assert.deepEqual(model.blocks.slice(0, 3), [
    { type: 'heading', level: 1, text: 'Werkagenda Lekstroom' },
    { type: 'paragraph', runs: [{ text: 'Regio: ', bold: true }, { text: 'Lekstroom' }] },
    { type: 'paragraph', runs: [{ text: 'Datum: ', bold: true }, { text: '15 december 2026' }] },
  ]);
  const rest = model.blocks.slice(3);
  assert.deepEqual(rest.map((b) => b.type), ['heading', 'paragraph', 'heading', 'table', 'heading', 'table']);
  assert.deepEqual(rest.filter((b) => b.type === 'heading').map((b) => [b.level, b.text]), [[2, 'Het kind centraal'], [2, 'Hoe eerder hoe beter'], [2, 'Nog zonder thema']]);
  assert.equal(rest[1].runs, 'Nog geen acties.');
  assert.deepEqual(rest[3].header, [...COLUMNS, 'Bron']);
  assert.equal(rest[3].widths.length, COLUMNS.length + 1);
  assert.deepEqual(rest[3].rows, [
    ['1', 'Maak afspraken | met *leerplicht*.', 'Eerder\nhulp', 'Leerplicht', '', 'Gepland', '', 'Checklist, vraag 4 (antwoord: Nee)'],
    ['2', '=HYPERLINK("x")', '', '', '1 maart 2027', 'Bezig', 'Bespreken; in mei', 'eigen actie'],
  ]);
  assert.equal(toDocxModel(emptyAgenda(), THEMES, today).title, 'Werkagenda');
});

test('groups follow the werkagenda themes, with the loose actions last', () => {
  assert.deepEqual(groups(sample(), THEMES).map((g) => [g.id, g.actions.map((a) => a.id)]), [['kind', []], ['vroeg', ['a1', 'a2']], [null, ['a3']]]);
});
