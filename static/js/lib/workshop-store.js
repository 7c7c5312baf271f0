// The workshop page keeps what the trainer collected in this browser, so a reload or a closed
// laptop lid loses nothing (no DOM; the storage is passed in). Key: leerrecht:<site>:workshop.
//
// {
//   "format": "leerrecht-workshop/1",
//   "current": "tien-punten",                 the instrument chosen last, or null
//   "sessions": {
//     "tien-punten": { "version": 1, "next": 4,
//       "participants": [{ "n": 1, "name": null, "source": "code", "file": null,
//                          "participant": "K3J9X2MQ", "answers": {...} }] }
//
// `participant` is the random id of the participant page (null for a result without one);
// `source` is "code", "bestand" or "server" (sent to `leerrecht workshop`).
//   }
// }
//
// One session per instrument, so a workshop can do one instrument and then another. A
// value that does not have this shape moves to <key>:beschadigd:<ms> and the page starts empty.
// Answers are checked again against the instrument when its session opens (openSession).

import { cleanAnswers, isEmpty } from './instrument-answers.js';
import { emptySession, cleanParticipant, MAX_NAME } from './workshop-input.js';
import { plural } from './nl-format.js';
import { workshopKey } from './store-keys.js';

export const WORKSHOP_FORMAT = 'leerrecht-workshop/1';
const ID = /^[a-z0-9-]{1,100}$/;


export function emptyState() {
  return { format: WORKSHOP_FORMAT, current: null, sessions: {} };
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v) => Number.isInteger(v) && v >= 1;

function validParticipant(p) {
  return (
    isObject(p) &&
    isCount(p.n) &&
    (p.name === null || (typeof p.name === 'string' && p.name.length <= MAX_NAME)) &&
    (p.source === 'code' || p.source === 'bestand' || p.source === 'server') &&
    (p.file === null || (typeof p.file === 'string' && p.file.length <= 300)) &&
    (p.participant === undefined || p.participant === null || cleanParticipant(p.participant) !== null) &&
    isObject(p.answers)
  );
}

function validSession(s) {
  return isObject(s) && isCount(s.version) && isCount(s.next) && Array.isArray(s.participants) && s.participants.every(validParticipant);
}

/** The state when `data` has the documented shape, else null. */
export function checkState(data) {
  if (!isObject(data) || data.format !== WORKSHOP_FORMAT || !isObject(data.sessions)) return null;
  if (data.current !== null && !(typeof data.current === 'string' && ID.test(data.current))) return null;
  const sessions = {};
  for (const [id, s] of Object.entries(data.sessions)) {
    if (!ID.test(id) || !validSession(s)) return null;
    sessions[id] = { version: s.version, next: s.next, participants: s.participants.map((p) => ({ n: p.n, name: p.name, source: p.source, file: p.file, participant: p.participant ?? null, answers: p.answers })) };
  }
  return { format: WORKSHOP_FORMAT, current: data.current, sessions };
}

export function createWorkshopStore(storage, site) {
  const key = workshopKey(site);
  return {
    key,

    /** { state, messages: [text] }; never throws. */
    load(now = new Date()) {
      let raw;
      try {
        raw = storage.getItem(key);
      } catch {
        return { state: emptyState(), messages: ['Deze browser laat de pagina niets bewaren. Wat je toevoegt, blijft alleen staan zolang de pagina open is.'] };
      }
      if (raw === null || raw === undefined) return { state: emptyState(), messages: [] };
      let state = null;
      try {
        state = checkState(JSON.parse(raw));
      } catch {
        state = null;
      }
      if (state) return { state, messages: [] };
      const aside = `${key}:beschadigd:${now.getTime()}`;
      try {
        storage.setItem(aside, raw);
        storage.removeItem(key);
        return { state: emptyState(), messages: [`De bewaarde uitslagen van de workshop waren beschadigd. Ze zijn apart gezet onder "${aside}" en je begint met een lege lijst.`] };
      } catch {
        return { state: emptyState(), messages: ['De bewaarde uitslagen van de workshop waren beschadigd en konden niet apart worden gezet. Je begint met een lege lijst.'] };
      }
    },

    /** { ok: true } or { ok: false, message }. */
    save(state) {
      try {
        storage.setItem(key, JSON.stringify(state));
        return { ok: true };
      } catch {
        return { ok: false, message: 'Bewaren lukt niet in deze browser (de opslag is vol of geweigerd). Wat je hebt toegevoegd, blijft staan zolang de pagina open is. Download de uitslag als je hem wilt houden.' };
      }
    },

    clear() {
      try {
        storage.removeItem(key);
        return { ok: true };
      } catch {
        return { ok: false, message: 'Wissen uit de opslag lukt niet in deze browser.' };
      }
    },
  };
}

/**
 * The session of `instrument` in `state`, with every participant's answers checked against the
 * instrument as it is now: { session, messages }. A session of an older version keeps the
 * answers to questions that still exist; a participant with nothing left is dropped.
 */
export function openSession(state, instrument) {
  const stored = state.sessions[instrument.id];
  if (!stored) return { session: emptySession(instrument), messages: [] };
  const messages = [];
  let droppedAnswers = 0;
  const participants = [];
  for (const p of stored.participants) {
    const { answers, dropped } = cleanAnswers(instrument, p.answers, undefined);
    droppedAnswers += dropped.length;
    if (!isEmpty(answers)) participants.push({ ...p, answers });
  }
  const lost = stored.participants.length - participants.length;
  if (stored.version !== instrument.version) {
    messages.push(`De bewaarde uitslagen horen bij versie ${stored.version} van dit instrument; deze pagina heeft versie ${instrument.version}. Antwoorden op vragen die nog bestaan zijn overgenomen.`);
  }
  if (droppedAnswers) messages.push(`${plural(droppedAnswers, 'bewaard antwoord past', 'bewaarde antwoorden passen')} niet meer bij dit instrument en ${droppedAnswers === 1 ? 'is' : 'zijn'} weggelaten.`);
  if (lost) messages.push(`${plural(lost, 'deelnemer', 'deelnemers')} zonder passende antwoorden ${lost === 1 ? 'is' : 'zijn'} weggelaten.`);
  const next = Math.max(stored.next, ...participants.map((p) => p.n + 1));
  return { session: { version: instrument.version, next, participants }, messages };
}
