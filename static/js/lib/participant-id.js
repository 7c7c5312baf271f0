// The participant's own random id (crockford.js randomId), made once per browser and handbook
// and kept under leerrecht:<site>:deelnemer, so a reload, a second code or a new submission is
// still the same participant, and two people with the same answers are two. No DOM.

import { randomId, PARTICIPANT_ID } from './crockford.js';

export function participantKey(site) {
  return `leerrecht:${site}:deelnemer`;
}

/** The stored id, or a new one (stored when the browser allows; else it lives for this page). */
export function participantId(storage, site, random = globalThis.crypto) {
  const key = participantKey(site);
  try {
    const stored = storage.getItem(key);
    if (typeof stored === 'string' && PARTICIPANT_ID.test(stored)) return stored;
  } catch {
    // no storage: a new id for this page
  }
  const id = randomId(random);
  try {
    storage.setItem(key, id);
  } catch {
    // kept for this page only
  }
  return id;
}
