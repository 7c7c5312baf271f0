// The dossier: everything this handbook keeps in one browser (every instrument's answers, the
// werkagenda and the workshop data) as one file, and back. Clearing the browser's site data
// would otherwise lose a year's work; one file can be kept, mailed or put on a stick.
// Pure: works on a Storage-like object, no DOM.

import { agendaKey, workshopKey } from './store-keys.js';

export const DOSSIER_FORMAT = 'leerrecht-dossier/1';
export const MAX_DOSSIER = 5 * 1024 * 1024;
const MAX_ENTRIES = 1000;

const prefix = (site) => `leerrecht:${site}:`;
/** Where the time of the last backup is kept; not itself part of a backup. */
export const backupKey = (site) => `${prefix(site)}dossier-bewaard`;

/** Keys of this handbook's own data: not other handbooks', not set-aside damaged values. */
function isOwn(key, site) {
  return key.startsWith(prefix(site)) && !key.includes(':beschadigd:') && key !== backupKey(site);
}

function keysOf(storage) {
  const keys = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys.sort();
}

/** The dossier of `site` as an object, ready for JSON. */
export function collectDossier(storage, site, now = new Date()) {
  const entries = {};
  for (const key of keysOf(storage)) {
    if (isOwn(key, site)) entries[key.slice(prefix(site).length)] = storage.getItem(key);
  }
  return { format: DOSSIER_FORMAT, site, saved: now.toISOString(), entries };
}

export function dossierFileName(site, day) {
  return `leerrecht-${site}-reservekopie-${day}.json`;
}

/** What a stored key is, for people: "Instrument tien-punten (versie 2)", "Werkagenda". */
export function describeKey(name) {
  // The stores' own key functions say which names they use; asked with an empty site id.
  if (`leerrecht::${name}` === agendaKey('')) return 'Werkagenda';
  if (`leerrecht::${name}` === workshopKey('')) return 'Workshopgegevens';
  const m = /^([a-z0-9-]+):v(\d+)$/.exec(name);
  if (m) return `Antwoorden bij ${m[1]} (versie ${m[2]})`;
  return name;
}

const refuse = (message) => ({ ok: false, message });

/**
 * Read a dossier file: { ok: true, site, saved, entries, warnings } or { ok: false, message }.
 * Only names of the form this handbook writes are taken, each value must be JSON text, and
 * nothing is written here.
 */
export function readDossier(text, site) {
  if (typeof text !== 'string' || text.length > MAX_DOSSIER) return refuse('Dit bestand is te groot voor een reservekopie (meer dan 5 MB).');
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('Dit is geen reservekopie: het bestand is niet te lezen.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('Dit is geen reservekopie van dit handboek.');
  if (data.format !== DOSSIER_FORMAT) {
    if (typeof data.format === 'string' && data.format.startsWith('leerrecht-resultaat/')) {
      return refuse('Dit is de uitslag van één instrument, geen reservekopie. Open het op de pagina van dat instrument.');
    }
    if (typeof data.format === 'string' && data.format.startsWith('leerrecht-werkagenda/')) {
      return refuse('Dit is een werkagenda, geen reservekopie. Open het op de pagina Werkagenda.');
    }
    return refuse('Dit is geen reservekopie van dit handboek.');
  }
  if (typeof data.entries !== 'object' || data.entries === null || Array.isArray(data.entries)) return refuse('In deze reservekopie staan geen gegevens.');
  const entries = {};
  const warnings = [];
  let skipped = 0;
  for (const [name, value] of Object.entries(data.entries).slice(0, MAX_ENTRIES)) {
    if (!/^[a-z0-9-]+(:v\d+)?$/.test(name) || typeof value !== 'string' || !isJson(value)) {
      skipped += 1;
      continue;
    }
    entries[name] = value;
  }
  if (skipped) warnings.push(`${skipped} onderdeel${skipped === 1 ? '' : 'en'} in het bestand ${skipped === 1 ? 'had' : 'hadden'} niet de goede vorm en ${skipped === 1 ? 'wordt' : 'worden'} overgeslagen.`);
  if (typeof data.site === 'string' && data.site !== site) warnings.push(`Deze reservekopie komt uit een ander handboek ("${data.site.slice(0, 60)}").`);
  if (Object.keys(entries).length === 0) return refuse('In deze reservekopie staat niets dat terug te zetten is.');
  const saved = typeof data.saved === 'string' && !Number.isNaN(Date.parse(data.saved)) ? new Date(data.saved) : null;
  return { ok: true, site: data.site, saved, entries, warnings };
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Per entry of the dossier: what it is and whether restoring it replaces data in this browser. */
export function previewDossier(dossier, storage, site) {
  return Object.keys(dossier.entries).sort().map((name) => ({
    name,
    label: describeKey(name),
    replaces: storage.getItem(prefix(site) + name) !== null,
  }));
}

/**
 * Put the dossier's entries into storage. Returns what was there before (name → value or
 * null), so the page can undo it.
 */
export function restoreDossier(dossier, storage, site) {
  const before = {};
  for (const [name, value] of Object.entries(dossier.entries)) {
    before[name] = storage.getItem(prefix(site) + name);
    storage.setItem(prefix(site) + name, value);
  }
  return before;
}

/** Undo a restore with what `restoreDossier` returned. */
export function undoRestore(before, storage, site) {
  for (const [name, value] of Object.entries(before)) {
    if (value === null) storage.removeItem(prefix(site) + name);
    else storage.setItem(prefix(site) + name, value);
  }
}
