// The result views as data: what the reader gets as text, that foreign strings stay text, and
// the chart's description; plus Dutch number formatting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { score } from '../../static/js/lib/instrument-score.js';
import { analyseRoutekaart } from '../../static/js/lib/kinds/routekaart/analysis.js';
import { computeInventory } from '../../static/js/lib/kinds/inventarisatie/analysis.js';
import { compareView as compareSection } from '../../static/js/lib/instrument-views.js';
import { chartView } from '../../static/js/lib/view-parts.js';
import { barChart, wrap } from '../../static/js/lib/chart.js';
import { textOf, nodesOf } from '../../static/js/lib/view-tree.js';
import { formatNumber, formatPercent, formatDelta, formatDate } from '../../static/js/lib/nl-format.js';
import { checklist, routekaart, inventarisatie, resultOf } from './instrument-fixtures.mjs';

// The views through the kind's result facet, as the instrument page draws them.
const resultView = (inst, analysis, options) => resultOf(inst).resultView(inst, analysis, options);
const resultSummary = (inst, analysis) => resultOf(inst).summary(analysis);
const compare = (inst, before, after) => resultOf(inst).compare(inst, before, after);
const compareView = (inst, cmp, source) => compareSection(resultOf(inst), inst, cmp, source);

test('Dutch numbers and dates', () => {
  assert.equal(formatNumber(1234567.25, 1), '1.234.567,3');
  assert.equal(formatPercent(62.5), '62,5%');
  assert.equal(formatPercent(100), '100%');
  assert.equal(formatPercent(null), 'geen score');
  assert.equal(formatDelta(12.5), '+12,5');
  assert.equal(formatDelta(-3), '-3');
  assert.equal(formatDelta(0), '0');
  assert.equal(formatDate(new Date(2026, 2, 1, 9, 5), true), '1 maart 2026 om 09:05');
});

test('the scored view says score, band, completeness and lists gaps with advice, why and source', () => {
  const inst = checklist();
  const answers = { i1: 'deels', i2: 'ja', i3: 'ja' };
  const r = score(inst, answers);
  const text = textOf(resultView(inst, r, { answers, notes: { i1: 'Bespreken in mei' } }));
  assert.match(text, /Score: 90%/);
  assert.match(text, /Hoog/);
  assert.match(text, /3 van 3 beantwoord/);
  assert.match(text, /Vraag 1\. Een\?/);
  assert.match(text, /Advies: D1/);
  assert.match(text, /Bespreken in mei/);
  assert.equal(resultSummary(inst, r), 'Score 90%: Hoog. 3 van 3 beantwoord.');
});

test('a third open is provisional: a score, but no band and no verdict', () => {
  const inst = checklist();
  const answers = { i1: 'deels', i2: 'ja' };
  const r = score(inst, answers);
  const text = textOf(resultView(inst, r, { answers }));
  assert.equal(r.band, null);
  assert.match(text, /Voorlopige uitslag\. Bij 1 van de 3 vragen die meetellen is het antwoord "weet ik niet" of nog open/);
  assert.doesNotMatch(text, /Hoog/);
  assert.equal(resultSummary(inst, r), 'Voorlopige score 87,5%, nog zonder oordeel. 2 van 3 beantwoord.');
});

test('foreign strings are text children, never elements or attributes that run', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const inst = checklist({ items: checklist().items.map((i) => ({ ...i, question: evil })) });
  const tree = resultView(inst, score(inst, { i1: 'nee' }), { answers: { i1: 'nee' }, notes: { i1: evil } });
  const tags = new Set(nodesOf(tree).map((n) => n.tag));
  assert.ok(!tags.has('img') && !tags.has('script'));
  for (const n of nodesOf(tree)) for (const name of Object.keys(n.attrs)) assert.ok(!/^on/i.test(name), name);
  assert.ok(textOf(tree).includes(evil));
});

test('the chart: a bar per theme in proportion, wrapped titles, a description in words', () => {
  const data = barChart([{ title: 'Een gedeelde basis', score: 50 }, { title: 'Zicht op elk kind en nog een hele lange titel die moet afbreken', score: null }]);
  assert.equal(data.rows[0].bar.w, data.rows[0].track.w / 2);
  assert.equal(data.rows[1].bar.w, 0);
  assert.equal(data.rows[1].labelLines.length, 2);
  assert.ok(data.rows[1].bar.y > data.rows[0].bar.y + data.rows[0].bar.h);
  assert.equal(data.desc, 'Een gedeelde basis: 50%. Zicht op elk kind en nog een hele lange titel die moet afbreken: geen score.');
  const svg = nodesOf(chartView(data, 'g')).find((n) => n.tag === 'svg');
  assert.equal(svg.attrs.role, 'img');
  assert.equal(svg.attrs['aria-labelledby'], 'g-titel g-uitleg');
  assert.deepEqual(svg.children.slice(0, 2).map((c) => c.tag), ['title', 'desc']);
  assert.deepEqual(wrap('a b c', 3), ['a b', 'c']);
  const earlier = barChart([{ title: 'T', score: 80, earlier: 40 }], { withEarlier: true });
  assert.equal(earlier.rows[0].earlier.bar.w, earlier.rows[0].track.w * 0.4);
});

test('the routekaart view names the steps without regie and the partners without role', () => {
  const inst = routekaart();
  const a = analyseRoutekaart(inst, { 's1/school': 'regie', 's1/lp': 'regie', 's2/school': 'neemt_deel', 's2/gem': 'geen_rol', 's3/gem': 'geen_rol' });
  const text = textOf(resultView(inst, a));
  assert.match(text, /Geen regie: bij stap 2 \(Melding\) en stap 3 \(Plan\)/);
  assert.match(text, /bij stap 1 \(Signaal\) denken School en Leerplicht allemaal/);
  assert.match(text, /Gemeente heeft bij geen enkele stap een rol/);
  assert.equal(resultSummary(inst, a), 'Stappen met één regie: 0%. 2 stappen zonder regie. 1 stap met meer dan één regie. 5 van 9 rollen ingevuld.');
});

test('the inventarisatie view summarises the messages with links to the fields', () => {
  const inst = inventarisatie();
  const inv = computeInventory(inst, { leerlingen: 2, kort: 3, lang: -1 });
  const tree = resultView(inst, inv);
  const links = nodesOf(tree).filter((n) => n.tag === 'a').map((a) => [a.attrs.href, textOf(a)]);
  assert.deepEqual(links, [['#veld-lang', 'Lang: Een aantal kan niet negatief zijn.'], ['#veld-leerlingen', 'Meer thuiszitters dan leerlingen.']]);
  assert.equal(resultSummary(inst, inv), '3 van 4 getallen ingevuld. 2 meldingen: controleer je getallen.');
});

test('the comparison view for each kind', () => {
  const c = checklist();
  assert.match(textOf(compareView(c, compare(c, { i1: 'nee' }, { i1: 'ja' }), 'een deelcode')), /Vraag 1: beter\. Eerder: Nee\. Nu: Ja\./);
  const k = routekaart();
  assert.match(textOf(compareView(k, compare(k, {}, { 's1/school': 'regie' }), 'x')), /School: eerder niet ingevuld, nu regie\./);
  const i = inventarisatie();
  assert.match(textOf(compareView(i, compare(i, { kort: 1, lang: 1 }, { kort: 1, lang: 3 }), 'x')), /Aandeel lang50%75%\+25 punten/);
});
