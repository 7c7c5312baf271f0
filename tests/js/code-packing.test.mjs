// The two codecs of the share code, on slots alone (docs/deelcode.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packChoices, unpackChoices, packNumbers, unpackNumbers } from '../../static/js/lib/code-packing.js';

const slots = [
  { key: 'a', type: 'choice', options: ['x', 'y'], label: 'vraag 1' },
  { key: 'b', type: 'flag', label: 'op papier' },
  { key: 'c', type: 'choice', options: ['x', 'y', 'z'], label: 'vraag 2' },
];

test('choices: two bits for two options and open, one for a flag, most significant first, zero padded', () => {
  // a = y (2 → 10), b = true (1), c = open (00): 10100000
  assert.deepEqual(packChoices(slots, { a: 'y', b: true }), [0b10100000]);
  assert.deepEqual(unpackChoices(slots, [0b10100000]), { answers: { a: 'y', b: true } });
});

test('choices: wrong length, an option that does not exist and non-zero padding are damage', () => {
  assert.match(unpackChoices(slots, [0, 0]).message, /^De code is beschadigd: .*lengte/);
  assert.match(unpackChoices(slots, [0b11000000]).message, /vraag 1 staat een keuze die niet bestaat/);
  assert.match(unpackChoices(slots, [0b00000001]).message, /onverwachte tekens/);
});

test('numbers: decimal text between commas, empty for no answer, never an exponent', () => {
  const n = [{ key: 'p', type: 'number', label: 'P' }, { key: 'q', type: 'number', label: 'Q' }];
  const bytes = packNumbers(n, { q: 1e-7 + 12 });
  assert.equal(String.fromCharCode(...bytes), ',12');
  assert.deepEqual(unpackNumbers(n, bytes), { answers: { q: 12 } });
  assert.match(unpackNumbers(n, Array.from('1', (c) => c.charCodeAt(0))).message, /goede aantal getallen/);
  assert.match(unpackNumbers(n, Array.from('1e5,', (c) => c.charCodeAt(0))).message, /bij P geen getal/);
});
