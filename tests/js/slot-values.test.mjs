// The one form binding, without a browser: reading and writing a slot's controls (plain objects
// with checked, value and validity stand in for the form's elements).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSlot, writeSlot, readSlots, NOT_A_NUMBER, NEGATIVE } from '../../static/js/lib/slot-values.js';

const choice = { key: 'i1', type: 'choice', options: ['ja', 'nee', 'nvt'], label: 'vraag 1', control: 'antwoord-i1' };
const flag = { key: 's1/vastgelegd', type: 'flag', label: 'stap 1, op papier', control: 'vastgelegd-s1' };
const number = { key: 'leerlingen', type: 'number', label: 'Leerlingen', control: 'veld-leerlingen' };
const radios = (checked) => ['ja', 'nee', 'nvt'].map((value) => ({ value, checked: value === checked }));

test('a choice: the checked radio whose value is an option; anything else is no answer', () => {
  assert.deepEqual(readSlot(choice, radios('nee')), { value: 'nee' });
  assert.deepEqual(readSlot(choice, radios(null)), {});
  assert.deepEqual(readSlot(choice, [{ value: 'misschien', checked: true }]), {}, 'a value the instrument does not know');
  assert.deepEqual(readSlot(choice, []), {}, 'a slot without controls');
});

test('a flag: true when ticked, else no answer (never false)', () => {
  assert.deepEqual(readSlot(flag, [{ value: 'ja', checked: true }]), { value: true });
  assert.deepEqual(readSlot(flag, [{ value: 'ja', checked: false }]), {});
});

test('a number: a count as a number; empty is no answer; unreadable is a problem; wrong counts stay values', () => {
  assert.deepEqual(readSlot(number, [{ value: ' 12 ' }]), { value: 12 });
  assert.deepEqual(readSlot(number, [{ value: '3,5' }]), { value: 3.5 });
  assert.deepEqual(readSlot(number, [{ value: '' }]), {});
  assert.deepEqual(readSlot(number, [{ value: 'twaalf' }]), { problem: NOT_A_NUMBER });
  assert.deepEqual(readSlot(number, [{ value: '', validity: { badInput: true } }]), { problem: NOT_A_NUMBER }, 'what the browser could not read');
  assert.deepEqual(readSlot(number, [{ value: '-3' }]), { value: -3 }, 'the analysis says what is wrong with it');
  assert.equal(NEGATIVE.length > 0, true);
});

test('writing shows the answer, or clears the controls when there is none', () => {
  const r = radios('ja');
  writeSlot(choice, r, { i1: 'nvt' });
  assert.deepEqual(r.map((c) => c.checked), [false, false, true]);
  writeSlot(choice, r, {});
  assert.deepEqual(r.map((c) => c.checked), [false, false, false]);
  const box = [{ checked: false }];
  writeSlot(flag, box, { 's1/vastgelegd': true });
  assert.equal(box[0].checked, true);
  writeSlot(flag, box, {});
  assert.equal(box[0].checked, false);
  const field = [{ value: 'oud' }];
  writeSlot(number, field, { leerlingen: 0 });
  assert.equal(field[0].value, '0', 'zero is an answer, not empty');
  writeSlot(number, field, {});
  assert.equal(field[0].value, '');
});

test('all slots at once: answers by key, problems by key, open slots absent', () => {
  const read = readSlots([
    { slot: choice, controls: radios('ja') },
    { slot: flag, controls: [{ checked: false }] },
    { slot: number, controls: [{ value: 'veel' }] },
  ]);
  assert.deepEqual(read, { answers: { i1: 'ja' }, problems: { leerlingen: NOT_A_NUMBER } });
});

test('what is written reads back the same', () => {
  const bindings = [
    { slot: choice, controls: radios(null) },
    { slot: flag, controls: [{ checked: false }] },
    { slot: number, controls: [{ value: '' }] },
  ];
  const answers = { i1: 'nee', 's1/vastgelegd': true, leerlingen: 250 };
  for (const b of bindings) writeSlot(b.slot, b.controls, answers);
  assert.deepEqual(readSlots(bindings).answers, answers);
});
