// The progress line's counting (lib/progress.js): flags are never open, the next open question
// comes after the one you are at and wraps round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressOf, nextOpen, progressText } from '../../static/js/lib/progress.js';

const slots = [
  { key: 'a', type: 'choice' },
  { key: 'b', type: 'choice' },
  { key: 's1/vastgelegd', type: 'flag' },
  { key: 'c', type: 'number' },
];

test('counts the slots that ask for an answer; a flag is never open', () => {
  assert.deepEqual(progressOf(slots, {}), { answered: 0, total: 3 });
  assert.deepEqual(progressOf(slots, { a: 'ja', 's1/vastgelegd': true }), { answered: 1, total: 3 });
  assert.equal(progressText({ answered: 1, total: 3 }), '1 van 3 beantwoord');
  assert.equal(progressText({ answered: 3, total: 3 }), 'Alles beantwoord (3)');
});

test('the next open slot after the current one, wrapping round; none when all are answered', () => {
  assert.equal(nextOpen(slots, {}).key, 'a');
  assert.equal(nextOpen(slots, { b: 'x' }, 'a').key, 'c');
  assert.equal(nextOpen(slots, { b: 'x', c: 1 }, 'b').key, 'a', 'wraps round');
  assert.equal(nextOpen(slots, {}, 's1/vastgelegd').key, 'a', 'a flag is not a place to start from');
  assert.equal(nextOpen(slots, { a: 1, b: 2, c: 3 }, 'a'), null);
});
