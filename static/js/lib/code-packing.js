// The two ways a share code carries answers (docs/deelcode.md), as bytes. No DOM. Each kind of
// instrument picks one as its codec (kinds/*.js); share-code.js wraps the bytes in the code.
//
// choices: per slot (in instrument order) a number, 0 = no answer, k = the k-th option (a flag
//   is 1 bit), each in the fewest bits that hold every option, packed from the most
//   significant bit, zero padded to whole bytes.
// numbers: the numbers as ASCII text separated by ",", empty for an empty slot.

const NUMBER = /^-?\d{1,13}(\.\d{1,6})?$/;

function bitsFor(slot) {
  const values = slot.type === 'flag' ? 2 : slot.options.length + 1;
  return Math.max(1, Math.ceil(Math.log2(values)));
}

function choiceValue(slot, answers) {
  if (!Object.hasOwn(answers, slot.key)) return 0;
  return slot.type === 'flag' ? (answers[slot.key] === true ? 1 : 0) : slot.options.indexOf(answers[slot.key]) + 1;
}

const damaged = (what) => ({ message: `De code is beschadigd: ${what}.` });

export function packChoices(slots, answers) {
  const bits = [];
  for (const slot of slots) {
    const v = choiceValue(slot, answers);
    for (let b = bitsFor(slot) - 1; b >= 0; b -= 1) bits.push((v >> b) & 1);
  }
  const bytes = [];
  for (let i = 0; i < bits.length; i += 8) {
    let byte = 0;
    for (let b = 0; b < 8; b += 1) byte = (byte << 1) | (bits[i + b] ?? 0);
    bytes.push(byte);
  }
  return bytes;
}

/** bytes → { answers } or { message } (a whole sentence, for the reader). */
export function unpackChoices(slots, bytes) {
  const totalBits = slots.reduce((n, s) => n + bitsFor(s), 0);
  if (bytes.length !== Math.ceil(totalBits / 8)) return damaged('de code heeft niet de goede lengte voor dit instrument');
  let pos = 0;
  const bit = () => (bytes[pos >> 3] >> (7 - (pos++ & 7))) & 1;
  const answers = {};
  for (const slot of slots) {
    let v = 0;
    for (let b = 0; b < bitsFor(slot); b += 1) v = (v << 1) | bit();
    if (v === 0) continue;
    if (slot.type === 'flag') answers[slot.key] = true;
    else if (v > slot.options.length) return damaged(`bij ${slot.label} staat een keuze die niet bestaat`);
    else answers[slot.key] = slot.options[v - 1];
  }
  while (pos < bytes.length * 8) if (bit() !== 0) return damaged('de code eindigt met onverwachte tekens');
  return { answers };
}

function numberText(value) {
  // Plain decimal notation, never an exponent; at most 6 decimals.
  const fixed = value.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export function packNumbers(slots, answers) {
  const text = slots.map((s) => (Object.hasOwn(answers, s.key) ? numberText(answers[s.key]) : '')).join(',');
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

/** bytes → { answers } or { message } (a whole sentence: the numbers say what is wrong). */
export function unpackNumbers(slots, bytes) {
  const values = String.fromCharCode(...bytes).split(',');
  if (values.length !== slots.length) return { message: 'De code heeft niet het goede aantal getallen voor dit instrument.' };
  const answers = {};
  for (let i = 0; i < slots.length; i += 1) {
    if (values[i] === '') continue;
    if (!NUMBER.test(values[i])) return { message: `In de code staat bij ${slots[i].label} geen getal.` };
    answers[slots[i].key] = Number(values[i]);
  }
  return { answers };
}

/** The codecs by name, for the kinds: { encode(slots, answers) → bytes, decode(slots, bytes) }. */
export const CHOICES = { encode: packChoices, decode: unpackChoices };
export const NUMBERS = { encode: packNumbers, decode: unpackNumbers };
