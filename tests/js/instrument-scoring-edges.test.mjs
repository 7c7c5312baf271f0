// Scoring edge cases beyond instrument-score.test.mjs, on the shared fixture and on every
// generated scored instrument.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { score, bandFor, completeness } from '../../static/js/lib/instrument-score.js';
import { checklist, generated } from './instrument-fixtures.mjs';

const inst = checklist();

test('a partial result is provisional and counts only answered, applicable items', () => {
  // i2 ja (2×3) only: 6 of 6 → 100 %, but 1 of 3 answered.
  const r = score(inst, { i2: 'ja' });
  assert.equal(r.score, 100);
  assert.equal(r.provisional, true);
  assert.equal(completeness(r), '1 van 3 beantwoord');
  assert.deepEqual(r.themes.map((t) => [t.score, t.answered, t.total]), [[100, 1, 2], [null, 0, 1]]);
});

test('n.v.t. counts as answered but not in the score', () => {
  const r = score(inst, { i1: 'nvt', i2: 'nee', i3: 'ja' });
  // i2 0×3, i3 2×1: 2 of 8 = 25 %.
  assert.equal(r.score, 25);
  assert.equal(r.answered, 3);
  assert.equal(r.provisional, false);
  assert.equal(r.band.label, 'Laag');
});

test('weights change the score: the heavy item dominates', () => {
  const heavyGood = score(inst, { i1: 'nee', i2: 'ja', i3: 'nee' }).score; // 6 of 10
  const lightGood = score(inst, { i1: 'ja', i2: 'nee', i3: 'ja' }).score; // 4 of 10
  assert.equal(heavyGood, 60);
  assert.equal(lightGood, 40);
});

test('an unknown answer id is treated as open, never as points', () => {
  const r = score(inst, { i1: 'misschien', i2: 'ja' });
  assert.equal(r.answered, 1);
  assert.equal(r.score, 100);
});

test('bands: 39 and 40, 74 and 75 fall on the right side; rounding decides', () => {
  assert.equal(bandFor(inst, 39).label, 'Laag');
  assert.equal(bandFor(inst, 40).label, 'Midden');
  assert.equal(bandFor(inst, 39.49).label, 'Laag');
  assert.equal(bandFor(inst, 74.5).label, 'Hoog');
  assert.equal(bandFor(inst, null), null);
});

test('gaps with equal weight keep question order; top answers and n.v.t. are no gaps', () => {
  const r = score(inst, { i1: 'deels', i2: 'ja', i3: 'nee' });
  assert.deepEqual(r.gaps.map((g) => [g.id, g.advice]), [['i1', 'D1'], ['i3', 'N3']]);
  assert.deepEqual(score(inst, { i1: 'nvt', i2: 'ja', i3: 'ja' }).gaps, []);
});

for (const id of ['tien-punten', 'toetsvragen-verzuimprotocol']) {
  test(`${id}: every n.v.t. gives no score; every band is reachable only at its own range`, (t) => {
    const json = generated(id);
    if (!json) return t.skip('site not built');
    const all = Object.fromEntries(json.items.map((i) => [i.id, json.not_applicable.id]));
    assert.equal(score(json, all).score, null);
    for (const band of json.bands) {
      assert.equal(bandFor(json, band.from).label, band.label);
      assert.equal(bandFor(json, band.to).label, band.label);
    }
  });
}
