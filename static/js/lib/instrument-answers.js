// The answers of one instrument as plain data, the same for the page, the saved state, the
// result file and the share code (no DOM).
//
// Every answer sits in a "slot" with a key that never changes between versions as long as the
// item, step, partner or field keeps its id; each kind's module (kinds/*.js) and
// docs/deelcode.md say which keys and values it has. A choice holds an option id, a flag true,
// a number a number.
// An open question has no key at all. Notes ({ ITEM: text }) exist only for kinds with notes.

import { kindOf } from './kinds.js';

export const MAX_NOTE = 5000;
export const MAX_NUMBER = 1e12;

/**
 * The slots in instrument order: { key, type: 'choice'|'flag'|'number', options? (choice only),
 * label, control (the name of the form control), anchor (the id of the element that holds it),
 * note? (the name of its note field) }. The kind builds them from the parts of the JSON, where
 * the generator wrote every control name and anchor once.
 */
export function slotsOf(instrument) {
  const slots = kindOf(instrument).slots(instrument);
  const seen = new Set();
  for (const slot of slots) {
    if (seen.has(slot.key)) throw new Error(`Twee antwoorden krijgen dezelfde sleutel "${slot.key}"; geef de onderdelen andere id's.`);
    seen.add(slot.key);
  }
  return slots;
}

/** Show a foreign key or value in a message: as text, short, quoted. */
export function quote(value) {
  let text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  if (text.length > 60) text = text.slice(0, 57) + '...';
  return `"${text}"`;
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Check answers (and notes) from outside — storage, a file, an older version — against the
 * instrument. Returns only what is valid, in new objects, plus a list of what was left out and
 * why (Dutch, for the reader). Keys are matched against the instrument's own slots, so a key
 * like "__proto__" or one with markup in it can never get through.
 */
export function cleanAnswers(instrument, rawAnswers, rawNotes) {
  const answers = {};
  const notes = {};
  const dropped = [];
  const slots = slotsOf(instrument);
  const byKey = new Map(slots.map((s) => [s.key, s]));
  if (rawAnswers !== undefined && rawAnswers !== null && !isPlainObject(rawAnswers)) {
    dropped.push('de antwoorden hebben niet de goede vorm');
  } else {
    for (const key of Object.keys(rawAnswers ?? {})) {
      const value = rawAnswers[key];
      const slot = byKey.get(key);
      if (!slot) {
        dropped.push(`${quote(key)}: bestaat niet in deze versie`);
        continue;
      }
      const problem = valueProblem(slot, value);
      if (problem) {
        dropped.push(`${slot.label}: ${problem}`);
        continue;
      }
      if (slot.type === 'flag' && value === false) continue;
      answers[key] = value;
    }
  }
  if (rawNotes !== undefined && rawNotes !== null) {
    if (!isPlainObject(rawNotes)) {
      dropped.push('de notities hebben niet de goede vorm');
    } else if (!kindOf(instrument).hasNotes) {
      if (Object.keys(rawNotes).length > 0) dropped.push('notities: dit instrument heeft geen notities');
    } else {
      for (const key of Object.keys(rawNotes)) {
        const value = rawNotes[key];
        const slot = byKey.get(key);
        if (!slot) {
          dropped.push(`notitie bij ${quote(key)}: die vraag bestaat niet in deze versie`);
        } else if (typeof value !== 'string') {
          dropped.push(`notitie bij ${slot.label}: is geen tekst`);
        } else if (value.length > MAX_NOTE) {
          dropped.push(`notitie bij ${slot.label}: langer dan ${MAX_NOTE} tekens`);
        } else if (value.trim() !== '') {
          notes[key] = value;
        }
      }
    }
  }
  return { answers, notes, dropped };
}

function valueProblem(slot, value) {
  if (slot.type === 'choice') {
    if (typeof value !== 'string') return `${quote(value)} is geen keuze`;
    if (!slot.options.includes(value)) return `${quote(value)} is geen keuze bij deze vraag`;
  } else if (slot.type === 'flag') {
    if (typeof value !== 'boolean') return `${quote(value)} is geen ja of nee`;
  } else if (slot.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `${quote(value)} is geen getal`;
    if (Math.abs(value) > MAX_NUMBER) return `${quote(value)} is te groot`;
  }
  return null;
}

/** How many slots hold an answer (for "7 van 10 ingevuld"). */
export function countAnswered(instrument, answers) {
  const slots = slotsOf(instrument);
  return { answered: slots.filter((s) => Object.hasOwn(answers, s.key)).length, total: slots.length };
}

/** True when nothing has been answered or noted. */
export function isEmpty(answers, notes = {}) {
  return Object.keys(answers).length === 0 && Object.keys(notes).length === 0;
}
