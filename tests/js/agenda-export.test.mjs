// The werkagenda as Markdown and CSV: the exact text, markup in the user's words kept as text,
// and a CSV that a Dutch spreadsheet opens (BOM, ;, inert formulas).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown, toAgendaCsv, agendaFileName, groups } from '../../static/js/lib/agenda-export.js';
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
    '| Nr. | Actie | Doel | Eigenaar | Deadline | Status | Notities | Herkomst |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 1 | Maak afspraken \\| met \\*leerplicht\\*. | Eerder hulp | Leerplicht |   | Gepland |   | Checklist, vraag 4 (antwoord: Nee) |',
    '| 2 | =HYPERLINK("x") |   |   | 1 maart 2027 | Bezig | Bespreken; in mei | eigen actie |',
    '',
    '## Nog zonder thema',
    '',
    '| Nr. | Actie | Doel | Eigenaar | Deadline | Status | Notities | Herkomst |',
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
  assert.ok(csv.startsWith('\uFEFFThema;Nr.;Actie;Doel;Eigenaar;Deadline;Status;Notities;Herkomst\r\n'));
  assert.deepEqual(csv.slice(1).split('\r\n'), [
    'Thema;Nr.;Actie;Doel;Eigenaar;Deadline;Status;Notities;Herkomst',
    'Hoe eerder hoe beter;1;Maak afspraken | met *leerplicht*.;"Eerder\nhulp";Leerplicht;;Gepland;;Checklist, vraag 4 (antwoord: Nee)',
    'Hoe eerder hoe beter;2;"\'=HYPERLINK(""x"")";;;2027-03-01;Bezig;"Bespreken; in mei";eigen actie',
    'Nog zonder thema;1;Zonder thema;;;;Gepland;;eigen actie',
    '',
  ]);
});

test('file names carry the region and the day', () => {
  assert.equal(agendaFileName({ region: 'Noord-Kennemerland & Één' }, '2026-11-23', 'md'), 'leerrecht-werkagenda-noord-kennemerland-een-2026-11-23.md');
  assert.equal(agendaFileName({ region: '' }, '2026-11-23', 'csv'), 'leerrecht-werkagenda-2026-11-23.csv');
});

test('groups follow the werkagenda themes, with the loose actions last', () => {
  assert.deepEqual(groups(sample(), THEMES).map((g) => [g.id, g.actions.map((a) => a.id)]), [['kind', []], ['vroeg', ['a1', 'a2']], [null, ['a3']]]);
});
