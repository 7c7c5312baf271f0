// The result file: the answers and notes of one instrument as JSON, for export and import, and
// the shape the page keeps in localStorage. Documented in docs/deelcode.md. No DOM.
//
// {
//   "format": "leerrecht-resultaat/1",
//   "site": "leerrecht",            the handbook (site id) it was made in
//   "instrument": "tien-punten",
//   "version": 1,
//   "saved": "2026-11-23T14:05:00.000Z",
//   "answers": { ... },            slot keys as in instrument-answers.js
//   "notes": { "ITEM": "text" }
// }
//
// Reading never trusts the file: the id and version must fit, every key must be a known item and
// every value of the right type; the rest is left out and listed. Strings are returned as
// strings, and the page only ever shows them as text.

import { cleanAnswers, quote } from './instrument-answers.js';

export const RESULT_FORMAT = 'leerrecht-resultaat/1';
export const MAX_FILE = 1_000_000;

export function makeResult({ site, instrument, answers, notes = {}, saved = new Date() }) {
  return {
    format: RESULT_FORMAT,
    site,
    instrument: instrument.id,
    version: instrument.version,
    saved: saved.toISOString(),
    answers,
    notes,
  };
}

export function serializeResult(result) {
  return JSON.stringify(result, null, 2) + '\n';
}

/** A file name like leerrecht-tien-punten-v1-2026-11-23.json. */
export function resultFileName(instrument, day) {
  return `leerrecht-${instrument.id}-v${instrument.version}-${day}.json`;
}

function refuse(message) {
  return { ok: false, message };
}

/** Read the text of a result file for this instrument. */
export function readResultFile(text, instrument, site) {
  if (typeof text !== 'string') return refuse('Dit bestand kan niet worden gelezen.');
  if (text.length > MAX_FILE) return refuse('Dit bestand is te groot voor een uitslag (meer dan 1 MB).');
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('Dit is geen uitslagbestand: het bestand is niet te lezen. Kies het bestand dat je eerder hebt opgeslagen (het eindigt op .json).');
  }
  return checkResult(data, instrument, site);
}

/**
 * Check a parsed result against the instrument: { ok: true, answers, notes, saved, site,
 * fromVersion, dropped, warnings } or { ok: false, message }. An older version is read where its
 * items still exist; what no longer fits is listed in `dropped`.
 */
export function checkResult(data, instrument, site) {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('Dit is geen uitslagbestand van dit handboek.');
  if (data.format !== RESULT_FORMAT) {
    const m = typeof data.format === 'string' ? /^leerrecht-resultaat\/(\d+)$/.exec(data.format) : null;
    if (m && Number(m[1]) > 1) return refuse('Dit bestand is gemaakt met een nieuwere versie van het handboek. Open het in die versie.');
    return refuse('Dit is geen uitslagbestand van dit handboek.');
  }
  if (data.instrument !== instrument.id) {
    return refuse(`Dit bestand hoort bij een ander instrument (${quote(data.instrument)}), niet bij "${instrument.title}".`);
  }
  if (!Number.isInteger(data.version) || data.version < 1) return refuse('In dit bestand staat geen geldige versie van het instrument.');
  if (data.version > instrument.version) {
    return refuse(`Dit bestand hoort bij versie ${data.version} van dit instrument; deze pagina heeft versie ${instrument.version}. Gebruik de nieuwste versie van het handboek.`);
  }
  // Refused before anyone is asked to replace anything: a file without answers would only
  // empty the form (and the saved answers with it).
  if (data.answers === undefined) return refuse('In dit bestand staan geen antwoorden. Kies het bestand dat je met "Bewaar als bestand" hebt gemaakt.');
  if (typeof data.answers !== 'object' || data.answers === null || Array.isArray(data.answers)) {
    return refuse('In dit bestand staan de antwoorden niet in de goede vorm.');
  }
  const warnings = [];
  let saved = null;
  if (typeof data.saved === 'string' && data.saved.length <= 40 && !Number.isNaN(Date.parse(data.saved))) saved = new Date(data.saved);
  else if (data.saved !== undefined) warnings.push('De datum in het bestand is niet te lezen.');
  if (typeof data.site === 'string' && site && data.site !== site) {
    warnings.push(`Dit bestand komt uit een ander handboek (${quote(data.site)}). De antwoorden die passen zijn overgenomen.`);
  }
  if (data.version < instrument.version) {
    warnings.push(`Dit bestand hoort bij versie ${data.version}; deze pagina heeft versie ${instrument.version}. Antwoorden op vragen die nog bestaan zijn overgenomen.`);
  }
  const { answers, notes, dropped } = cleanAnswers(instrument, data.answers, data.notes);
  if (Object.keys(answers).length === 0 && Object.keys(notes).length === 0 && Object.keys(data.answers).length > 0) {
    return refuse('Geen enkel antwoord in dit bestand past bij dit instrument. Er is niets overgenomen.');
  }
  return {
    ok: true,
    answers,
    notes,
    saved,
    site: typeof data.site === 'string' ? data.site : null,
    fromVersion: data.version,
    dropped,
    warnings,
  };
}
