// The participant's own random id (randomId: Crockford symbols), made once per browser and handbook
// and kept under leerrecht:<site>:deelnemer, so a reload, a second code or a new submission is
// still the same participant, and two people with the same answers are two; and the distinct
// file name of a participant's result. Only the participant and workshop pages link this. No DOM.

import { ALPHABET } from './crockford.js';

/**
 * A random participant id: 8 symbols (40 bits) from crypto.getRandomValues. Two people in one
 * room of 30 share one with a chance of about 1 in 2 500 000 000 (30 × 29 / 2 pairs, 2⁴⁰ ids).
 */
export function randomId(random = globalThis.crypto) {
  const bytes = new Uint8Array(8);
  random.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

/** An id as the participant page makes it: 8 symbols of the alphabet above. */
export const PARTICIPANT_ID = /^[0-9A-HJKMNP-TV-Z]{8}$/;

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

/** Letters and digits of a name for a file name: "Sanne de Vries" → "sanne-de-vries". */
function slug(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
}

/**
 * The file of a workshop participant, distinct for every participant and every save, so that
 * thirty files on one USB stick never overwrite each other:
 * leerrecht-tien-punten-v1-2026-11-23-1405-sanne-K3J9X2MQ.json (the name only when typed).
 */
export function participantFileName(instrument, date, name, participant) {
  const pad = (n) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}${pad(date.getMinutes())}`;
  const who = [slug(name), participant].filter(Boolean).join('-');
  return `leerrecht-${instrument.id}-v${instrument.version}-${day}-${time}${who ? `-${who}` : ''}.json`;
}
