import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { score, bandFor, completeness } from '../../static/js/lib/instrument-score.js';
import { SITE } from './site-index.mjs';

// A small instrument in the shape the generator writes (scale sorted from most points).
const instrument = {
  scale: [{ id: 'ja', points: 2 }, { id: 'deels', points: 1 }, { id: 'nee', points: 0 }],
  not_applicable: { id: 'nvt', label: 'n.v.t.' },
  themes: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }],
  items: [
    { id: 'i1', number: 1, theme: 'a', question: 'Een?', weight: 1, advice: { deels: 'D1', nee: 'N1' } },
    { id: 'i2', number: 2, theme: 'a', question: 'Twee?', weight: 3, advice: { deels: 'D2', nee: 'N2' } },
    { id: 'i3', number: 3, theme: 'b', question: 'Drie?', weight: 1, advice: { deels: 'D3', nee: 'N3' } },
  ],
  bands: [{ from: 0, to: 39, label: 'Laag' }, { from: 40, to: 74, label: 'Midden' }, { from: 75, to: 100, label: 'Hoog' }],
};

test('nothing answered: no score, no band, provisional', () => {
  const r = score(instrument, {});
  assert.equal(r.score, null);
  assert.equal(r.band, null);
  assert.equal(r.provisional, true);
  assert.equal(completeness(r), '0 van 3 beantwoord');
  assert.deepEqual(r.gaps, []);
});

test('all not applicable: answered but nothing to score', () => {
  const r = score(instrument, { i1: 'nvt', i2: 'nvt', i3: 'nvt' });
  assert.equal(r.score, null);
  assert.equal(r.provisional, false);
  assert.ok(r.themes.every((t) => t.score === null));
});

test('weights count, n.v.t. leaves an item out, gaps come heaviest first with advice', () => {
  // i1 ja (2×1), i2 deels (1×3), i3 n.v.t.: 5 of 8 possible points = 62.5 %.
  const r = score(instrument, { i1: 'ja', i2: 'deels', i3: 'nvt' });
  assert.equal(r.score, 62.5);
  assert.equal(r.band.label, 'Midden');
  assert.deepEqual(r.themes.map((t) => t.score), [62.5, null]);
  assert.deepEqual(r.gaps.map((g) => [g.id, g.advice]), [['i2', 'D2']]);
  const all = score(instrument, { i1: 'nee', i2: 'nee', i3: 'deels' });
  assert.deepEqual(all.gaps.map((g) => g.id), ['i2', 'i1', 'i3']);
});

test('bands at their boundaries use the rounded score', () => {
  assert.equal(bandFor(instrument, 39.4).label, 'Laag');
  assert.equal(bandFor(instrument, 39.5).label, 'Midden');
  assert.equal(bandFor(instrument, 74.4).label, 'Midden');
  assert.equal(bandFor(instrument, 75).label, 'Hoog');
  assert.equal(bandFor(instrument, 0).label, 'Laag');
  assert.equal(bandFor(instrument, 100).label, 'Hoog');
});

test('the generated checklist scores: all top answers give 100 % and the top band', () => {
  const json = JSON.parse(readFileSync(join(SITE, 'instrumenten/tien-punten.json'), 'utf8'));
  const top = json.scale[0].id;
  const r = score(json, Object.fromEntries(json.items.map((i) => [i.id, top])));
  assert.equal(r.score, 100);
  assert.equal(r.band.to, 100);
  assert.equal(r.gaps.length, 0);
  const worst = json.scale[json.scale.length - 1].id;
  const low = score(json, Object.fromEntries(json.items.map((i) => [i.id, worst])));
  assert.equal(low.score, 0);
  assert.ok(low.gaps.every((g) => g.advice.length > 0), 'every gap has advice');
});
