// The group results of the workshop: distributions, means, spread and its order, themes, the
// routekaart cells and the inventarisatie ranges, from fixed answers to exact numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate } from '../../static/js/lib/aggregate.js';
import { mean, median, standardDeviation, round } from '../../static/js/lib/stats.js';
import { disagreement } from '../../static/js/lib/kinds/scored/group.js';
import { CONSENSUS } from '../../static/js/lib/kinds/routekaart/analysis.js';
import { checklist, routekaart, inventarisatie, generated } from './instrument-fixtures.mjs';

const people = (...answers) => answers.map((a, i) => ({ label: `Deelnemer ${i + 1}`, answers: a }));

test('statistics: mean, population deviation and median', () => {
  assert.equal(mean([]), null);
  assert.equal(mean([1, 2, 3, 6]), 3);
  assert.equal(standardDeviation([2, 2, 2]), 0);
  assert.equal(standardDeviation([0, 2]), 1, 'divided by n, not n - 1');
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
});

test('disagreement is 0 for one answer, 100 for a group split at both ends, null below two answers', () => {
  assert.equal(disagreement([2, 2, 2, 2], 2), 0);
  assert.equal(disagreement([2, 0, 2, 0], 2), 100);
  assert.equal(disagreement([2, 1, 2, 1], 2), 50, 'ja against deels is half as far apart as ja against nee');
  assert.equal(disagreement([2], 2), null);
  assert.equal(disagreement([], 2), null);
  assert.equal(disagreement([0, 0], 0), null, 'a scale without points has no spread');
});

const five = people(
  { i1: 'ja', i2: 'ja', i3: 'deels' },
  { i1: 'ja', i2: 'nee', i3: 'deels' },
  { i1: 'ja', i2: 'ja', i3: 'nvt' },
  { i1: 'ja', i2: 'nee', i3: 'nee' },
  { i1: 'ja', i2: 'deels' },
);

test('scored: per item the distribution, the mean as percent of the top and the spread', () => {
  const agg = aggregate(checklist(), five);
  assert.equal(agg.kind, 'scored');
  assert.equal(agg.participants, 5);
  const [i1, i2, i3] = agg.items;
  assert.deepEqual(i1.options.map((o) => o.count), [5, 0, 0]);
  assert.equal(i1.meanPercent, 100);
  assert.equal(i1.disagreement, 0);
  assert.deepEqual(i2.options.map((o) => [o.id, o.count]), [['ja', 2], ['deels', 1], ['nee', 2]]);
  assert.equal(i2.meanPoints, 1);
  assert.equal(i2.meanPercent, 50);
  assert.equal(round(i2.disagreement, 1), 89.4); // sd of 2,0,2,0,1 is √0.8 = 0.894; divided by 1
  assert.deepEqual([i3.options.map((o) => o.count), i3.notApplicable, i3.open, i3.answered], [[0, 2, 1], 1, 1, 3]);
  assert.equal(round(i3.meanPoints, 2), 0.67);
  assert.equal(round(i3.meanPercent, 1), 33.3);
  assert.equal(round(i3.disagreement, 1), 47.1); // sd of 1,1,0 is 0.471
  assert.equal(i1.modalShare, 1);
  assert.equal(i2.modalShare, 0.4);
});

test('scored: items with the most disagreement come first; ties go to more n.v.t., then list order', () => {
  assert.deepEqual(aggregate(checklist(), five).order, ['i2', 'i3', 'i1']);
  const tie = people({ i1: 'ja', i2: 'ja', i3: 'nvt' }, { i1: 'ja', i2: 'ja', i3: 'ja' }, { i1: 'ja', i2: 'ja', i3: 'ja' });
  // All three have spread 0; i3 has a "weet ik niet", so it is talked about first.
  assert.deepEqual(aggregate(checklist(), tie).order, ['i3', 'i1', 'i2']);
  const few = people({ i1: 'ja', i2: 'nee', i3: 'ja' }, { i1: 'nee', i3: 'deels' });
  // i2 has one answer only: no spread, so it goes after every item that has one.
  assert.deepEqual(aggregate(checklist(), few).order, ['i1', 'i3', 'i2']);
});

test('scored: per theme and overall the mean, deviation and range of the participants\' scores', () => {
  const agg = aggregate(checklist(), five);
  // Theme A (i1 weight 1, i2 weight 3): scores 100, 25, 100, 25, 62.5.
  const a = agg.themes[0];
  assert.deepEqual([a.n, a.mean, a.min, a.max], [5, 62.5, 25, 100]);
  assert.equal(round(a.sd, 1), 33.5);
  // Theme B (i3): 50, 50, none (n.v.t.), 0, none (open).
  const b = agg.themes[1];
  assert.deepEqual([b.n, round(b.mean, 1), round(b.sd, 1), b.min, b.max], [3, 33.3, 23.6, 0, 50]);
  assert.equal(agg.overall.n, 5);
  assert.equal(agg.overall.band, 'Midden');
});

test('scored: no participants gives empty, not broken, numbers', () => {
  const agg = aggregate(checklist(), []);
  assert.equal(agg.items[0].meanPercent, null);
  assert.equal(agg.items[0].disagreement, null);
  assert.deepEqual([agg.themes[0].n, agg.themes[0].mean, agg.themes[0].min], [0, null, null]);
  assert.equal(agg.overall.band, null);
});

test('routekaart: per cell the roles and consensus, per step who got regie from how many', () => {
  const kaart = routekaart();
  const group = people(
    { 's1/school': 'regie', 's1/lp': 'neemt_deel', 's1/gem': 'geen_rol', 's1/vastgelegd': true, 's2/school': 'regie', 's2/lp': 'regie' },
    { 's1/school': 'regie', 's1/lp': 'neemt_deel', 's1/gem': 'geen_rol', 's2/school': 'neemt_deel', 's2/lp': 'regie' },
    { 's1/school': 'regie', 's1/lp': 'regie', 's1/gem': 'geen_rol', 's1/vastgelegd': true, 's2/lp': 'neemt_deel' },
    { 's1/school': 'regie', 's1/lp': 'neemt_deel', 's2/school': 'geen_rol', 's2/lp': 'regie' },
  );
  const agg = aggregate(kaart, group);
  assert.equal(agg.kind, 'routekaart');
  assert.equal(CONSENSUS, 0.75);
  const [s1, s2, s3] = agg.steps;
  const school1 = s1.cells[0];
  assert.deepEqual(school1.roles.map((r) => r.count), [4, 0, 0]);
  assert.equal(school1.consensus, true);
  const lp1 = s1.cells[1];
  assert.deepEqual([lp1.modal, lp1.modalShare, lp1.consensus], [['neemt_deel'], 0.75, true], 'three of four is enough');
  const gem1 = s1.cells[2];
  assert.deepEqual([gem1.answered, gem1.open, gem1.consensus], [3, 1, true]);
  assert.deepEqual(s1.regie, [{ partner: 'school', title: 'School', count: 4 }, { partner: 'lp', title: 'Leerplicht', count: 1 }]);
  assert.deepEqual([s1.oneRegie, s1.moreRegie, s1.noRegie, s1.written], [3, 1, 0, 2]);
  const school2 = s2.cells[0];
  assert.deepEqual([school2.roles.map((r) => r.count), school2.modal, school2.consensus], [[1, 1, 1], ['regie', 'neemt_deel', 'geen_rol'], false]);
  assert.deepEqual(s2.regie.map((r) => [r.partner, r.count]), [['lp', 3], ['school', 1]]);
  assert.deepEqual([s2.oneRegie, s2.moreRegie, s2.noRegie], [2, 1, 1]);
  assert.equal(s3.notFilled, 4);
  // Cells without consensus: least agreement first. s2/school (1 of 3) before s2/lp (3 of 4 = consensus).
  assert.deepEqual(agg.withoutConsensus.map((c) => `${c.step}/${c.partner}`), ['s2/school']);
  assert.equal(agg.unanswered, 4, 's2/gem and the three cells of s3');
  assert.equal(agg.cells, 9);
});

test('routekaart: a split cell (two against two) has no consensus and lists both roles', () => {
  const agg = aggregate(routekaart(), people({ 's1/school': 'regie' }, { 's1/school': 'regie' }, { 's1/school': 'geen_rol' }, { 's1/school': 'geen_rol' }));
  const cell = agg.steps[0].cells[0];
  assert.deepEqual([cell.modal, cell.modalShare, cell.consensus], [['regie', 'geen_rol'], 0.5, false]);
  assert.equal(agg.coverage.n, 4);
});

test('inventarisatie: per field the values, lowest, median and highest; failing checks per participant', () => {
  const telling = inventarisatie();
  const group = people(
    { leerlingen: 1000, kort: 4, lang: 2, vrij: 3 },
    { leerlingen: 800, kort: 6, lang: 1 },
    { leerlingen: 5, kort: 4, lang: 3 },
    { leerlingen: 900, kort: -1, lang: 2.5 },
  );
  const agg = aggregate(telling, group);
  assert.equal(agg.kind, 'inventarisatie');
  const [leerlingen, kort, lang, vrij] = agg.fields;
  assert.deepEqual([leerlingen.n, leerlingen.min, leerlingen.median, leerlingen.max], [4, 5, 850, 1000]);
  assert.deepEqual(leerlingen.values.map((v) => v.label), ['Deelnemer 1', 'Deelnemer 2', 'Deelnemer 3', 'Deelnemer 4']);
  assert.deepEqual([kort.n, kort.min, kort.median, kort.max, kort.invalid], [3, 4, 4, 6, ['Deelnemer 4']], 'a negative count is left out and named');
  assert.deepEqual([lang.n, lang.median, lang.invalid], [3, 2, ['Deelnemer 4']]);
  assert.deepEqual([vrij.n, vrij.min, vrij.max], [1, 3, 3]);
  const totaal = agg.derived.find((d) => d.id === 'totaal');
  assert.deepEqual([totaal.min, totaal.median, totaal.max], [6, 7, 7]);
  const perLeerling = agg.derived.find((d) => d.id === 'per-leerling');
  assert.deepEqual(perLeerling.values.map((v) => v.value), [0.6, 0.9, 140], 'ratios in percent');
  assert.deepEqual(agg.flagged.map((f) => f.label), ['Deelnemer 3', 'Deelnemer 4']);
  assert.match(agg.flagged[0].messages.join(' '), /Meer thuiszitters dan leerlingen\. \(Totaal: 7; Leerlingen: 5\)/);
  assert.match(agg.flagged[1].messages.join(' '), /Kort: Een aantal kan niet negatief zijn\..*Lang: Vul een heel getal in/);
});

test('the instruments of the built site aggregate without errors', { skip: !generated('tien-punten') && 'site not built' }, () => {
  for (const id of ['tien-punten', 'toetsvragen-verzuimprotocol', 'routekaart', 'inventarisatie-verzuim']) {
    const instrument = generated(id);
    const agg = aggregate(instrument, []);
    assert.equal(agg.participants, 0, id);
  }
  assert.throws(() => aggregate(generated('basis-werkagenda') ?? { kind: 'werkagenda' }, []), /werkagenda/);
});

test('deviations and means come from unrounded scores; rounding is only for display', async () => {
  const { checklist } = await import('./instrument-fixtures.mjs');
  const { aggregate } = await import('../../static/js/lib/aggregate.js');
  const { standardDeviation, mean } = await import('../../static/js/lib/stats.js');
  const { formatNumber } = await import('../../static/js/lib/nl-format.js');
  // Every participant's score is kept unrounded for the group: the mean and deviation equal
  // those of the exact fractions, not of scores rounded to one decimal.
  const inst = checklist();
  const answers = [
    { i1: 'deels', i2: 'nee', i3: 'ja' },
    { i1: 'ja', i2: 'deels', i3: 'deels' },
    { i1: 'nee', i2: 'ja', i3: 'nvt' },
    { i1: 'deels', i2: 'deels', i3: 'nee' },
  ];
  // Exact overall scores: got/possible over the answered items (weights 1, 3, 1; top 2).
  const exact = [
    (1 + 0 + 2) / 10, (2 + 3 + 1) / 10, (0 + 6) / 8, (1 + 3 + 0) / 10,
  ].map((x) => x * 100);
  const agg = aggregate(inst, answers.map((a, i) => ({ label: `D${i + 1}`, answers: a })));
  assert.ok(Math.abs(agg.overall.mean - mean(exact)) < 1e-9, `mean ${agg.overall.mean}`);
  assert.ok(Math.abs(agg.overall.sd - standardDeviation(exact)) < 1e-9, `sd ${agg.overall.sd}`);
  // The case of the issue: three equal items, scores 100, 100, 83,33…, 83,33…: the deviation of
  // the exact scores is 8,33… ("8,3"); of the scores rounded first (83,3) it would be "8,4".
  const base = checklist();
  const equal = checklist({ items: base.items.map((i) => ({ ...i, weight: 1, theme: 'a' })), themes: [base.themes[0]] });
  const all = { i1: 'ja', i2: 'ja', i3: 'ja' };
  const one = { i1: 'ja', i2: 'ja', i3: 'deels' };
  const t = aggregate(equal, [all, all, one, one].map((a, i) => ({ label: String(i), answers: a })));
  assert.equal(formatNumber(t.themes[0].sd), '8,3');
  assert.equal(formatNumber(t.overall.sd), '8,3');
  assert.equal(formatNumber(t.overall.mean), '91,7');
});
