import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeStates, equalStates } from '../../static/js/lib/merge-state.js';

const state = (answers, notes = {}) => ({ answers, notes });

test("the other tab's changes come in where this tab changed nothing", () => {
  const base = state({ a: 'ja', b: 'nee' });
  const ours = state({ a: 'ja', b: 'nee' });
  const theirs = state({ a: 'deels', b: 'nee', c: 'ja' }, { a: 'Uit het andere tabblad' });
  const merged = mergeStates(base, ours, theirs);
  assert.deepEqual(merged.answers, { a: 'deels', b: 'nee', c: 'ja' });
  assert.deepEqual(merged.notes, { a: 'Uit het andere tabblad' });
  assert.deepEqual(merged.conflicts, []);
  assert.equal(merged.changed, true);
});

test("this tab's unsaved changes stay, next to the other tab's", () => {
  const base = state({ a: 'ja', b: 'nee' });
  const ours = state({ a: 'ja', b: 'deels' }, { b: 'hier getypt' });
  const theirs = state({ a: 'nee', b: 'nee' });
  const merged = mergeStates(base, ours, theirs);
  assert.deepEqual(merged.answers, { a: 'nee', b: 'deels' });
  assert.deepEqual(merged.notes, { b: 'hier getypt' });
  assert.deepEqual(merged.conflicts, []);
});

test('a removal counts as a change, on either side', () => {
  const base = state({ a: 'ja', b: 'nee' });
  assert.deepEqual(mergeStates(base, state({ b: 'nee' }), state({ a: 'ja', b: 'nee', c: 'ja' })).answers, { b: 'nee', c: 'ja' });
  assert.deepEqual(mergeStates(base, base, state({})).answers, {});
});

test('both tabs changed the same answer differently: this tab wins and it is listed', () => {
  const base = state({ a: 'ja' }, { a: 'oud' });
  const ours = state({ a: 'deels' }, { a: 'hier' });
  const theirs = state({ a: 'nee' }, { a: 'daar' });
  const merged = mergeStates(base, ours, theirs);
  assert.deepEqual(merged.answers, { a: 'deels' });
  assert.deepEqual(merged.notes, { a: 'hier' });
  assert.deepEqual(merged.conflicts, ['antwoord:a', 'notitie:a']);
  assert.equal(merged.changed, false);
});

test('the same change in both tabs is no conflict', () => {
  const base = state({ a: 'ja' });
  const merged = mergeStates(base, state({ a: 'nee' }), state({ a: 'nee' }));
  assert.deepEqual(merged.conflicts, []);
  assert.equal(merged.changed, false);
  assert.ok(equalStates(merged, state({ a: 'nee' })));
  assert.ok(!equalStates(state({ a: 1 }), state({ a: '1' })));
});
