import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeInventory } from '../../static/js/lib/kinds/inventarisatie/analysis.js';
import { parseCount, NEGATIVE, NOT_WHOLE, NOT_A_NUMBER } from '../../static/js/lib/slot-values.js';
import { inventarisatie, generated } from './instrument-fixtures.mjs';

const inst = inventarisatie();
const derived = (r) => Object.fromEntries(r.derived.map((d) => [d.id, d.kind === 'ratio' ? d.percent : d.value]));

test('empty fields stay empty: no 0, no NaN, no messages', () => {
  const r = computeInventory(inst, {});
  assert.deepEqual(derived(r), { totaal: null, 'aandeel-lang': null, 'per-leerling': null });
  assert.ok(r.derived.every((d) => !Number.isNaN(d.value)));
  assert.deepEqual(r.checks, []);
  assert.deepEqual(r.problems, []);
  assert.equal(r.filled, 0);
  assert.equal(r.provisional, true);
});

test('sums and ratios, with a derived value inside another', () => {
  const r = computeInventory(inst, { leerlingen: 1000, kort: 6, lang: 2, vrij: 1 });
  assert.deepEqual(derived(r), { totaal: 8, 'aandeel-lang': 25, 'per-leerling': 0.8 });
  assert.deepEqual(r.checks, []);
  assert.equal(r.provisional, false);
});

test('a sum over partly filled fields is marked incomplete; a ratio over an empty field stays empty', () => {
  const r = computeInventory(inst, { kort: 4 });
  const totaal = r.derived.find((d) => d.id === 'totaal');
  assert.equal(totaal.value, 4);
  assert.deepEqual(totaal.missing, ['Lang']);
  assert.match(totaal.reason, /niet alle/);
  assert.equal(r.derived.find((d) => d.id === 'per-leerling').value, null);
});

test('division by zero is a message, not Infinity', () => {
  const r = computeInventory(inst, { leerlingen: 0, kort: 0, lang: 0 });
  const d = r.derived.find((x) => x.id === 'aandeel-lang');
  assert.equal(d.value, null);
  assert.match(d.reason, /deelt door 0/);
});

test('part larger than whole: the check message with both numbers', () => {
  const r = computeInventory(inst, { leerlingen: 5, kort: 4, lang: 3, vrij: 9 });
  assert.deepEqual(r.checks.map((c) => [c.part, c.partValue, c.wholeValue, c.message]), [
    ['totaal', 7, 5, 'Meer thuiszitters dan leerlingen.'],
    ['vrij', 9, 5, 'Meer vrijstellingen dan leerlingen.'],
  ]);
  // equal is fine
  assert.deepEqual(computeInventory(inst, { leerlingen: 7, kort: 4, lang: 3 }).checks, []);
});

test('negative and non-whole numbers get a message and are left out of every calculation', () => {
  const r = computeInventory(inst, { leerlingen: 100, kort: -2, lang: 2.5 });
  assert.deepEqual(r.problems.map((p) => [p.id, p.problem]), [['kort', NEGATIVE], ['lang', NOT_WHOLE]]);
  assert.equal(r.derived.find((d) => d.id === 'totaal').value, null);
  assert.equal(r.filled, 3);
});

test('a problem from the page (unreadable input) counts as filled, with its message', () => {
  const r = computeInventory(inst, {}, { kort: NOT_A_NUMBER });
  assert.deepEqual(r.problems.map((p) => p.id), ['kort']);
  assert.equal(r.filled, 1);
});

test('parseCount reads what people type', () => {
  assert.deepEqual(parseCount(''), { value: null, problem: null });
  assert.deepEqual(parseCount('  12 '), { value: 12, problem: null });
  assert.deepEqual(parseCount('-3'), { value: -3, problem: NEGATIVE });
  assert.deepEqual(parseCount('2,5'), { value: 2.5, problem: NOT_WHOLE });
  assert.deepEqual(parseCount('12abc'), { value: null, problem: NOT_A_NUMBER });
  assert.deepEqual(parseCount('1e3'), { value: 1000, problem: null });
});

test('the generated inventarisatie: its checks fire on impossible counts', (t) => {
  const json = generated('inventarisatie-verzuim');
  if (!json) return t.skip('site not built');
  // Absolute absence is not set against the enrolled pupils (they are not enrolled): only the
  // enrolled long-term absentees can outnumber the pupils.
  const r = computeInventory(json, { leerlingen: 1, 'relatief-4w-3m': 1, 'relatief-3m': 1, absoluut: 1, 'vrijstelling-5a': 0 });
  assert.equal(r.checks.length, 1);
  assert.equal(r.checks[0].part, 'relatief-totaal');
  assert.equal(r.derived.find((d) => d.id === 'thuiszitters').value, 3);
});
