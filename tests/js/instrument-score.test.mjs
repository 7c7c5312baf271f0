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

// "Weet ik niet" and legal duties (issue 12): the same small instrument with both.
const withUnknown = {
  ...instrument,
  unknown: { id: 'onbekend', label: 'Weet ik niet' },
  items: instrument.items.map((i) => (i.id === 'i2' ? { ...i, duty: { law: 'Leerplichtwet 1969', article: 'artikel 21a', text: 'Leerplichtwet 1969, artikel 21a' }, source: 'Leerplichtwet 1969, artikel 21a', explanation: 'Dit is de [meldplicht](@/x.md). Meer uitleg.\n\nTweede alinea.' } : i)),
};

test('"weet ik niet" scores as not met, is a gap to find out, and is counted', () => {
  // i1 ja (2×1), i2 unknown (0 of 2×3), i3 ja (2×1): 4 of 10 points.
  const r = score(withUnknown, { i1: 'ja', i2: 'onbekend', i3: 'ja' });
  assert.equal(r.score, 40);
  assert.equal(r.unknown, 1);
  assert.equal(r.provisional, true, '1 of 3 unknown is more than a quarter');
  assert.equal(r.band, null);
  const [gap] = r.gaps;
  assert.equal(gap.id, 'i2');
  assert.equal(gap.unknown, true);
  assert.match(gap.advice, /^Zoek uit/);
  assert.equal(gap.duty, 'Leerplichtwet 1969, artikel 21a');
  assert.equal(gap.source, 'Leerplichtwet 1969, artikel 21a');
  assert.equal(gap.why, 'Dit is de meldplicht. Meer uitleg.', 'the first paragraph, as plain text');
  // N.v.t. instead: the item is left out and nothing is unknown.
  const nvt = score(withUnknown, { i1: 'ja', i2: 'nvt', i3: 'ja' });
  assert.equal(nvt.score, 100);
  assert.equal(nvt.unknown, 0);
  assert.deepEqual(nvt.gaps, []);
});

test('provisional is more than a quarter unknown or open, of the items that count', () => {
  const eight = {
    ...withUnknown,
    items: Array.from({ length: 8 }, (_, k) => ({ id: `q${k}`, number: k + 1, theme: 'a', question: `V${k}?`, weight: 1, advice: { deels: 'd', nee: 'n' } })),
  };
  const answers = (unknown, open) => Object.fromEntries(eight.items.slice(open).map((i, k) => [i.id, k < unknown ? 'onbekend' : 'ja']));
  assert.equal(score(eight, answers(2, 0)).provisional, false, 'exactly a quarter unknown');
  assert.equal(score(eight, answers(1, 1)).provisional, false, 'a quarter unknown or open');
  assert.equal(score(eight, answers(2, 1)).provisional, true);
  assert.equal(score(eight, answers(0, 3)).provisional, true);
  assert.ok(score(eight, answers(2, 0)).band, 'not provisional: a band');
  // n.v.t. shrinks the base: 2 unknown of 6 that count is a third.
  const withNvt = { ...answers(2, 0), q7: 'nvt', q6: 'nvt' };
  assert.equal(score(eight, withNvt).provisional, true);
});

test('a legal duty not fully met is named and keeps the result out of the top band', () => {
  // All top except the duty at "deels": 2 + 3 + 2 = 7 of 10... with i1 and i3 at the top.
  const r = score(withUnknown, { i1: 'ja', i2: 'deels', i3: 'ja' });
  assert.equal(r.score, 70);
  assert.equal(r.band.label, 'Midden');
  assert.equal(r.bandCapped, false, 'Midden is not the top band anyway');
  const high = { ...withUnknown, bands: [{ from: 0, to: 39, label: 'Laag' }, { from: 40, to: 69, label: 'Midden' }, { from: 70, to: 100, label: 'Hoog' }] };
  const capped = score(high, { i1: 'ja', i2: 'deels', i3: 'ja' });
  assert.equal(bandFor(high, capped.score).label, 'Hoog');
  assert.equal(capped.band.label, 'Midden', 'capped one band below the top');
  assert.equal(capped.bandCapped, true);
  assert.deepEqual(capped.duties.missing.map((d) => d.duty), ['Leerplichtwet 1969, artikel 21a']);
  // Met at the top answer: nothing missing, the top band is open.
  const met = score(high, { i1: 'ja', i2: 'ja', i3: 'deels' });
  assert.deepEqual(met.duties.missing, []);
  assert.equal(met.band.label, 'Hoog');
  // Open duty: not missing, but the top band waits for it.
  const open = score(high, { i1: 'ja', i3: 'ja' });
  assert.deepEqual(open.duties.open.map((d) => d.id), ['i2']);
  assert.notEqual(open.band?.label, 'Hoog');
});

// The exact cases of issue 12 on the generated instruments.
const generated = (name) => JSON.parse(readFileSync(join(SITE, `instrumenten/${name}.json`), 'utf8'));

test('10-punten-checklist, one "ja" and nine "weet ik niet": 8 %, provisional, nine things to find out', () => {
  const json = generated('tien-punten');
  const [first, ...rest] = json.items;
  const r = score(json, { [first.id]: 'ja', ...Object.fromEntries(rest.map((i) => [i.id, 'onbekend'])) });
  const weights = json.items.reduce((sum, i) => sum + i.weight, 0);
  assert.equal(r.score, Math.round(((2 * first.weight) / (2 * weights)) * 1000) / 10);
  assert.equal(r.score, 8);
  assert.equal(r.provisional, true);
  assert.equal(r.band, null, 'no "Stevig" for a region that does not know');
  assert.equal(r.unknown, 9);
  assert.equal(r.gaps.filter((g) => g.unknown).length, 9);
  assert.deepEqual(r.duties.missing.map((g) => g.id), ['dekkend-aanbod']);
});

test('toetsvragen all "ja" but the 16-hours duty: a high score, but the duty leads and it is not "Op orde"', () => {
  const json = generated('toetsvragen-verzuimprotocol');
  const answers = Object.fromEntries(json.items.map((i) => [i.id, i.id === 'melding-16-uur' ? 'nee' : 'ja']));
  const r = score(json, answers);
  const weights = json.items.reduce((sum, i) => sum + i.weight, 0);
  const duty = json.items.find((i) => i.id === 'melding-16-uur');
  assert.equal(r.score, Math.round(((weights - duty.weight) / weights) * 1000) / 10);
  assert.ok(r.score > 90, `${r.score}`);
  assert.equal(bandFor(json, r.score).label, 'Op orde');
  assert.equal(r.band.label, 'Grotendeels op orde');
  assert.equal(r.bandCapped, true);
  assert.deepEqual(r.duties.missing.map((g) => [g.id, g.duty]), [['melding-16-uur', 'Leerplichtwet 1969, artikel 21 en 21a']]);
  assert.ok(json.items.filter((i) => i.duty).length >= 5, 'the toetsvragen mark their duty items');
  for (const item of json.items.filter((i) => i.duty)) assert.match(item.duty.text, /artikel \d/);
});
