// The value of one answer slot in a form, without the DOM: what a slot's controls say (read)
// and what they must show (write). The controls are anything with `checked`, `value` and
// `validity` — the form's elements in the page, plain objects in the tests — so the instrument
// page and the participant page read and write their forms with this one code.
//
// Slot types (instrument-answers.js): 'choice' (radio buttons, the value is an option id),
// 'flag' (one checkbox, true or no answer), 'number' (one number field; a count of children).

export const NOT_A_NUMBER = 'Vul een getal in, met alleen cijfers.';
export const NEGATIVE = 'Een aantal kan niet negatief zijn.';
export const NOT_WHOLE = 'Vul een heel getal in: je telt kinderen.';

/** A typed text → { value, problem }; "" → { value: null, problem: null }. */
export function parseCount(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return { value: null, problem: null };
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: null, problem: NOT_A_NUMBER };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value)) return { value: null, problem: NOT_A_NUMBER };
  return { value, problem: countProblem(value) };
}

/** The problem of a number as a count, or null. */
export function countProblem(value) {
  if (value < 0) return NEGATIVE;
  if (!Number.isInteger(value)) return NOT_WHOLE;
  return null;
}

/**
 * What the controls of `slot` hold: { value } for an answer, { problem } for a number that
 * cannot be read (a count that is negative or not whole is still a value: the analysis says
 * what is wrong with it), {} for no answer.
 */
export function readSlot(slot, controls) {
  if (slot.type === 'choice') {
    const checked = controls.find((c) => c.checked && slot.options.includes(c.value));
    return checked ? { value: checked.value } : {};
  }
  if (slot.type === 'flag') return controls[0]?.checked ? { value: true } : {};
  const input = controls[0];
  if (!input) return {};
  // The browser keeps text it cannot read as a number to itself: `value` is then "".
  if (input.validity?.badInput) return { problem: NOT_A_NUMBER };
  const { value, problem } = parseCount(input.value);
  if (value !== null) return { value };
  return problem ? { problem } : {};
}

/** Make the controls of `slot` show `answers[slot.key]` (or nothing when it has no answer). */
export function writeSlot(slot, controls, answers) {
  const has = Object.hasOwn(answers, slot.key);
  const value = has ? answers[slot.key] : undefined;
  for (const c of controls) {
    if (slot.type === 'choice') c.checked = has && c.value === value;
    else if (slot.type === 'flag') c.checked = value === true;
    else c.value = has ? String(value) : '';
  }
}

/** All slots read at once: { answers, problems } (problems: { KEY: message }). */
export function readSlots(bindings) {
  const answers = {};
  const problems = {};
  for (const { slot, controls } of bindings) {
    const read = readSlot(slot, controls);
    if (Object.hasOwn(read, 'value')) answers[slot.key] = read.value;
    else if (read.problem) problems[slot.key] = read.problem;
  }
  return { answers, problems };
}
