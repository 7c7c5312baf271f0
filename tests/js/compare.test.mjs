import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checklist, routekaart, inventarisatie, resultOf } from './instrument-fixtures.mjs';

/** Compare through the kind's result facet, as the instrument page does. */
const compare = (instrument, before, after) => resultOf(instrument).compare(instrument, before, after);

test('scored: per theme the scores before and after with the difference, per item what changed', () => {
  const inst = checklist();
  const c = compare(inst, { i1: 'nee', i2: 'deels', i3: 'ja' }, { i1: 'ja', i2: 'nee', i3: 'nvt' });
  // before: a = (0 + 3) / 8 = 37.5, b = 100; after: a = 2/8 = 25, b = null
  assert.deepEqual(c.themes.map((t) => [t.id, t.before, t.after, t.delta]), [['a', 37.5, 25, -12.5], ['b', 100, null, null]]);
  assert.deepEqual(c.items.map((i) => [i.id, i.change]), [['i1', 'beter'], ['i2', 'slechter'], ['i3', 'anders']]);
  assert.deepEqual([c.items[0].before, c.items[0].after], ['Nee', 'Ja']);
  assert.equal(c.overall.before, 50);
  assert.equal(c.overall.after, 25);
  assert.equal(c.overall.delta, -25);
  assert.deepEqual([c.overall.bandBefore, c.overall.bandAfter], ['Midden', 'Laag']);
});

test('scored: newly answered, now open, and unchanged', () => {
  const c = compare(checklist(), { i1: 'ja', i2: 'nee' }, { i2: 'nee', i3: 'deels' });
  assert.deepEqual(c.items.map((i) => i.change), ['open', 'gelijk', 'nieuw']);
  assert.deepEqual(c.changed.map((i) => i.id), ['i1', 'i3']);
});

test('routekaart: coverage and counts before and after, changed cells per step', () => {
  const c = compare(routekaart(), { 's1/school': 'regie', 's1/lp': 'regie' }, { 's1/school': 'regie', 's1/lp': 'neemt_deel', 's1/vastgelegd': true, 's2/gem': 'regie' });
  assert.deepEqual([c.coverage.before, c.coverage.after, c.coverage.delta], [0, 67, 67]);
  assert.deepEqual(c.changed.map((s) => s.id), ['s1', 's2']);
  assert.deepEqual(c.steps[0].changes, [{ partner: 'lp', title: 'Leerplicht', before: 'regie', after: 'neemt deel' }]);
  assert.deepEqual([c.steps[0].writtenBefore, c.steps[0].writtenAfter], [false, true]);
  assert.deepEqual(c.counts.find((x) => x.label.includes('meer dan één')), { label: 'Stappen met meer dan één regie', before: 1, after: 0 });
});

test('inventarisatie: fields and derived values with differences; empty stays empty', () => {
  const c = compare(inventarisatie(), { leerlingen: 1000, kort: 10, lang: 10 }, { leerlingen: 1000, kort: 5, lang: 15 });
  const row = (id) => c.rows.find((r) => r.id === id);
  assert.deepEqual([row('kort').before, row('kort').after, row('kort').delta], [10, 5, -5]);
  assert.deepEqual([row('aandeel-lang').before, row('aandeel-lang').after, row('aandeel-lang').delta, row('aandeel-lang').unit], [50, 75, 25, 'procent']);
  assert.deepEqual([row('vrij').before, row('vrij').after, row('vrij').delta], [null, null, null]);
  assert.deepEqual(c.changed.map((r) => r.id), ['kort', 'lang', 'aandeel-lang']);
});
