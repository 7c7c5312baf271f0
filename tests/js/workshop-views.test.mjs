// The workshop's views and exports from fixed group results: the order on the page and in the
// projector, the distribution as table and chart, the slides per kind, the explanation as plain
// text, the participants list, and the CSV and JSON files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate } from '../../static/js/lib/aggregate.js';
import { groupView, participantsView, slides, positionText, groupSummary } from '../../static/js/lib/workshop-views.js';
import { plainParagraphs } from '../../static/js/lib/plain-text.js';
import { aggregateCsv, aggregateJson, aggregateFileName, AGGREGATE_FORMAT } from '../../static/js/lib/workshop-export.js';
import { textOf, nodesOf } from '../../static/js/lib/view-tree.js';
import { checklist, routekaart, inventarisatie } from './instrument-fixtures.mjs';

const people = (...answers) => answers.map((a, i) => ({ label: `Deelnemer ${i + 1}`, answers: a }));
const proef = checklist({ items: checklist().items.map((i) => (i.id === 'i2' ? { ...i, explanation: 'Lees [de wet](@/wetgeving/leerplichtwet.md) en **vooral**:\n- artikel 21\n- artikel 22', source: 'Leerplichtwet' } : i)) });
const group = people({ i1: 'ja', i2: 'ja', i3: 'deels' }, { i1: 'ja', i2: 'nee', i3: 'nvt' }, { i1: 'ja', i2: 'deels', i3: 'nee' });
const find = (tree, pred) => nodesOf(tree).filter(pred);

test('explanations become plain paragraphs: link text, no marks, one paragraph per list item', () => {
  assert.deepEqual(plainParagraphs(proef.items[1].explanation), ['Lees de wet en vooral:', 'artikel 21', 'artikel 22']);
  assert.deepEqual(plainParagraphs('Eén *nadruk* en `code`.\n\nTweede alinea\nover twee regels.'), ['Eén nadruk en code.', 'Tweede alinea over twee regels.']);
  assert.deepEqual(plainParagraphs(''), []);
});

test('the group view lists the items by disagreement, each with a table and a chart of the same numbers', () => {
  const agg = aggregate(proef, group);
  const tree = groupView(proef, agg, []);
  const headings = find(tree, (n) => n.tag === 'h4').map(textOf);
  assert.deepEqual(headings, ['Vraag 2. Twee?', 'Vraag 3. Drie?', 'Vraag 1. Een?']);
  const firstItem = find(tree, (n) => n.attrs.class === 'groep__vraag')[0];
  assert.match(textOf(firstItem), /verschil van mening 81,6% · gemiddeld 50% van de punten \(1 van 2\) · 3 antwoorden op de schaal/);
  const rows = find(firstItem, (n) => n.tag === 'tr').slice(1).map((tr) => tr.children.map(textOf));
  assert.deepEqual(rows, [['Ja', '1', '33,3%'], ['Deels', '1', '33,3%'], ['Nee', '1', '33,3%'], ['n.v.t.', '0', '0%'], ['Geen antwoord', '0', '0%']]);
  const desc = find(firstItem, (n) => n.tag === 'desc').map(textOf)[0];
  assert.equal(desc, 'Ja (1): 33,3%. Deels (1): 33,3%. Nee (1): 33,3%. n.v.t. (0): 0%. Geen antwoord (0): 0%.');
  const ids = find(tree, (n) => n.attrs.id).map((n) => n.attrs.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique on the page');
  assert.match(textOf(tree), /Score per thema.*Thema A/);
  assert.equal(groupSummary(proef, agg), `3 deelnemers, gemiddelde score ${textOf(tree).match(/Gemiddelde score ([\d,]+%)/)[1]}.`);
});

test('projector slides follow the same order, with the explanation in words and the position', () => {
  const agg = aggregate(proef, group);
  const list = slides(proef, agg);
  // The heading carries the question's own number; the position is the place in the order.
  assert.deepEqual(list.map((s) => s.heading), ['Vraag 2. Twee?', 'Vraag 3. Drie?', 'Vraag 1. Een?']);
  assert.equal(positionText(list, 0), '1 van 3');
  assert.equal(positionText(list, 2), '3 van 3');
  assert.match(textOf(list[0].lead), /^De groep denkt hier verschillend over\. Verschil van mening \d+%/);
  assert.equal(list[0].chart.tag, 'figure', 'the chart comes first, on its own');
  const first = textOf({ tag: 'div', attrs: {}, children: list[0].body.flat().filter(Boolean) });
  assert.match(first, /Waarom deze vraagLees de wet en vooral:artikel 21artikel 22Bron: Leerplichtwet/);
  assert.doesNotMatch(first, /@\/|\*\*/);
  const kaart = slides(routekaart(), aggregate(routekaart(), people({ 's1/school': 'regie', 's1/lp': 'regie' }, { 's1/school': 'regie' })));
  assert.deepEqual(kaart.map((s) => s.heading), ['Stap 1. Signaal', 'Stap 2. Melding', 'Stap 3. Plan']);
  assert.equal(positionText(kaart, 1), '2 van 3');
  assert.match(textOf({ tag: 'div', attrs: {}, children: kaart[0].body.flat().filter(Boolean) }), /Regie volgens de groep: School \(2\), Leerplicht \(1\)\..*meer dan één: 1/);
  const telling = inventarisatie();
  const counts = slides(telling, aggregate(telling, people({ leerlingen: 10 }, { leerlingen: 30 }, { leerlingen: 20 })));
  assert.equal(counts.length, telling.fields.length + telling.derived.length);
  assert.equal(positionText(counts, 0), '1 van 7');
  assert.match(textOf({ tag: 'div', attrs: {}, children: counts[0].body.flat().filter(Boolean) }), /Laagste 10 · mediaan 20 · hoogste 30 · ingevuld door 3\./);
});

test('the participants list: label, where it came from, how much is filled in, a remove button per person', () => {
  const session = {
    version: 1,
    next: 4,
    participants: [
      { n: 1, name: null, source: 'code', file: null, answers: { i1: 'ja' } },
      { n: 3, name: 'Ali', source: 'bestand', file: 'ali.json', answers: { i1: 'ja', i2: 'nee', i3: 'nvt' } },
    ],
  };
  const tree = participantsView(proef, session);
  const rows = find(tree, (n) => n.tag === 'tr').slice(1).map((tr) => tr.children.map(textOf));
  assert.deepEqual(rows, [['Deelnemer 1', 'deelcode', '1 van 3', 'Verwijder Deelnemer 1'], ['Ali', 'bestand "ali.json"', '3 van 3', 'Verwijder Ali']]);
  assert.deepEqual(find(tree, (n) => n.tag === 'button').map((b) => b.attrs['data-verwijder']), ['1', '3']);
  assert.match(textOf(participantsView(proef, { version: 1, next: 1, participants: [] })), /nog geen uitslagen/);
});

test('routekaart and inventarisatie group views name the cells without consensus and the numbers that fail', () => {
  const kaart = routekaart();
  const tree = groupView(kaart, aggregate(kaart, people({ 's1/school': 'regie' }, { 's1/school': 'geen_rol' })), []);
  assert.match(textOf(tree), /Bij 1 van de 9 cellen is de groep het niet eens\..*Stap 1 \(Signaal\), School1010regie \/ geen rol \(1 van 2\)/);
  const telling = inventarisatie();
  const inv = groupView(telling, aggregate(telling, people({ leerlingen: 5, kort: 9 }, { leerlingen: 100, kort: 2 })), ['Deelnemer 1', 'Deelnemer 2']);
  assert.match(textOf(inv), /Deelnemer 1: Meer thuiszitters dan leerlingen\./);
  assert.match(textOf(inv), /Leerlingen2552,5100/);
});

test('CSV: a Dutch spreadsheet file with the numbers per item in discussion order, formulas made inert', () => {
  const agg = aggregate(proef, group);
  const csv = aggregateCsv(proef, agg);
  assert.ok(csv.startsWith('\uFEFFGroepsuitslag;Proefchecklist\r\nVersie;1\r\nDeelnemers;3\r\n\r\n'));
  const lines = csv.split('\r\n');
  assert.equal(lines[4], 'Volgorde (meeste verschil eerst);Vraag;Thema;Tekst;Ja;Deels;Nee;n.v.t.;Geen antwoord;Gemiddelde (% van de punten);Verschil van mening (%)');
  assert.equal(lines[5], '1;2;Thema A;Twee?;1;1;1;0;0;50;81,6');
  assert.equal(lines[7], '3;1;Thema A;Een?;3;0;0;0;0;100;0');
  assert.match(csv, /\r\nTotaal;[\d,]+;[\d,]+;[\d,]+;[\d,]+;3\r\n$/);
  const telling = inventarisatie();
  const inv = aggregateCsv(telling, aggregate(telling, [{ label: '=HYPERLINK("x")', answers: { leerlingen: 4 } }]), ['=HYPERLINK("x")']);
  assert.match(inv, /Wat;Ingevuld door;Laagste;Mediaan;Hoogste;"'=HYPERLINK\(""x""\)"\r\nLeerlingen;1;4;4;4;4\r\n/);
  const kaart = routekaart();
  const rk = aggregateCsv(kaart, aggregate(kaart, people({ 's1/school': 'regie' }, { 's1/school': 'regie' })));
  assert.match(rk, /\r\n1;Signaal;School;2;0;0;0;regie;100;ja\r\n1;Signaal;Leerplicht;0;0;0;2;;;\r\n/);
});

test('JSON: versioned, with the instrument and exactly the aggregate', () => {
  const agg = aggregate(proef, group);
  const data = JSON.parse(aggregateJson(proef, agg, 'proefsite', new Date('2026-11-23T14:05:00Z')));
  assert.equal(data.format, AGGREGATE_FORMAT);
  assert.equal(AGGREGATE_FORMAT, 'leerrecht-workshop-uitslag/1');
  assert.deepEqual([data.site, data.made], ['proefsite', '2026-11-23T14:05:00.000Z']);
  assert.deepEqual(data.instrument, { id: 'proef', version: 1, title: 'Proefchecklist', kind: 'checklist' });
  assert.deepEqual(data.aggregate, JSON.parse(JSON.stringify(agg)));
  assert.equal(aggregateFileName(proef, '2026-11-23', 'csv'), 'leerrecht-workshop-proef-v1-2026-11-23.csv');
});

test('the agreement of the group in plain words, from the spread', async () => {
  const { agreementWords } = await import('../../static/js/lib/kinds/scored/group.js');
  assert.equal(agreementWords(89.8).text, 'De groep denkt hier verschillend over');
  assert.equal(agreementWords(50).level, 'verschil');
  assert.equal(agreementWords(30).text, 'De groep is het hier deels eens');
  assert.equal(agreementWords(25).text, 'De groep is het hier grotendeels eens');
  assert.equal(agreementWords(0).level, 'eens');
  assert.equal(agreementWords(null).level, 'onbekend');
});
