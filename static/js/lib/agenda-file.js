// The werkagenda as a JSON file (format leerrecht-werkagenda/1, docs/ontwikkelen.md "De werkagenda van binnen"): for
// export and import, and the shape the page keeps in localStorage. No DOM.
//
// Reading never trusts the file, as result-file.js does for results: a size limit, the format
// checked, every action rebuilt field by field from what is allowed (strings of limited length, a
// known status, a real date, a known theme), unknown keys left out and listed. Ids are given anew,
// so nothing from the file ends up as an id in the page. Strings stay strings; the page shows them
// as text only.

import { emptyAgenda, isDay, STATUSES, FIELDS } from './agenda.js';
import { quote } from './instrument-answers.js';
import { plural } from './nl-format.js';

export const AGENDA_FORMAT = 'leerrecht-werkagenda/1';
export const MAX_FILE = 1_000_000;
export const MAX_ACTIONS = 500;
const LIMITS = { action: 2000, goal: 2000, owner: 300, notes: 5000, region: 200 };
const ORIGIN_LIMITS = { instrument: 100, source: 500, context: 2000 };
const KEY = /^[a-z0-9-]{1,100}(\/[a-z0-9-]{1,100}){1,3}$/;
const TOP = ['format', 'site', 'saved', 'region', 'date', 'actions', 'ignored', 'examples'];
const ACTION_KEYS = ['id', 'theme', 'action', 'goal', 'owner', 'deadline', 'status', 'notes', 'origin'];

const labelOf = (field) => FIELDS.find((f) => f.id === field).label.toLowerCase();
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The agenda as the file's object. */
export function makeAgendaFile(agenda, site, saved = new Date()) {
  return {
    format: AGENDA_FORMAT,
    site,
    saved: saved.toISOString(),
    region: agenda.region,
    date: agenda.date,
    actions: agenda.actions.map((a) => ({ ...a, origin: a.origin ? { ...a.origin } : null })),
    ignored: [...agenda.ignored],
    examples: [...agenda.examples],
  };
}

export function serializeAgenda(agenda, site, saved) {
  return JSON.stringify(makeAgendaFile(agenda, site, saved), null, 2) + '\n';
}

function refuse(message) {
  return { ok: false, message };
}

/** Read the text of a werkagenda file. `themes`: the theme ids of this handbook's werkagenda. */
export function readAgendaFile(text, { site, themes }) {
  if (typeof text !== 'string') return refuse('Dit bestand kan niet worden gelezen.');
  if (text.length > MAX_FILE) return refuse('Dit bestand is te groot voor een werkagenda (meer dan 1 MB).');
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('Dit is geen werkagenda: het bestand is niet te lezen. Kies het bestand dat je met deze pagina hebt opgeslagen (het eindigt op .json).');
  }
  return checkAgenda(data, { site, themes });
}

function text(value, limit, what, dropped) {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    dropped.push(`${what}: is geen tekst`);
    return '';
  }
  if (value.length > limit) {
    dropped.push(`${what}: langer dan ${limit} tekens`);
    return '';
  }
  return value;
}

function unknownKeys(object, allowed, where, dropped) {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) dropped.push(`${where}onbekend onderdeel ${quote(key)}`);
  }
}

function readOrigin(raw, where, dropped) {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw) || typeof raw.key !== 'string' || !KEY.test(raw.key)) {
    dropped.push(`${where}: de bron is niet te lezen; de actie staat er nu als eigen actie`);
    return null;
  }
  unknownKeys(raw, ['key', ...Object.keys(ORIGIN_LIMITS)], `${where}, bron: `, dropped);
  const origin = { key: raw.key };
  for (const [field, limit] of Object.entries(ORIGIN_LIMITS)) origin[field] = text(raw[field], limit, `${where}, bron`, dropped);
  return origin;
}

/** Entry `n` of the file's list (counted from 1, for the messages) as action `id`. */
function readAction(raw, n, id, themes, dropped) {
  const where = `actie ${n}`;
  if (!isObject(raw)) {
    dropped.push(`${where}: is geen actie`);
    return null;
  }
  unknownKeys(raw, ACTION_KEYS, `${where}: `, dropped);
  const action = { id, theme: null };
  if (typeof raw.theme === 'string' && themes.includes(raw.theme)) action.theme = raw.theme;
  else if (raw.theme !== undefined && raw.theme !== null) dropped.push(`${where}: het thema ${quote(raw.theme)} bestaat niet; de actie staat nu bij "Nog zonder thema"`);
  for (const field of ['action', 'goal', 'owner']) action[field] = text(raw[field], LIMITS[field], `${where}, ${labelOf(field)}`, dropped);
  action.deadline = '';
  if (isDay(raw.deadline)) action.deadline = raw.deadline;
  else if (raw.deadline !== undefined && raw.deadline !== '' && raw.deadline !== null) dropped.push(`${where}, ${labelOf('deadline')}: ${quote(raw.deadline)} is geen datum`);
  action.status = 'gepland';
  if (STATUSES.some((s) => s.id === raw.status)) action.status = raw.status;
  else if (raw.status !== undefined) dropped.push(`${where}, status: ${quote(raw.status)} bestaat niet; de status is nu "gepland"`);
  action.notes = text(raw.notes, LIMITS.notes, `${where}, ${labelOf('notes')}`, dropped);
  action.origin = readOrigin(raw.origin, where, dropped);
  return action;
}

function readKeys(raw, what, valid, dropped) {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    dropped.push(`${what}: geen lijst`);
    return [];
  }
  const out = [];
  for (const value of raw.slice(0, 2000)) {
    if (typeof value === 'string' && valid(value) && !out.includes(value)) out.push(value);
    else dropped.push(`${what}: ${quote(value)}`);
  }
  return out;
}

/**
 * Check a parsed werkagenda: { ok: true, agenda, saved, dropped, warnings } or
 * { ok: false, message }.
 */
export function checkAgenda(data, { site, themes }) {
  if (!isObject(data)) return refuse('Dit is geen werkagenda van dit handboek.');
  if (data.format !== AGENDA_FORMAT) {
    const m = typeof data.format === 'string' ? /^leerrecht-werkagenda\/(\d+)$/.exec(data.format) : null;
    if (m && Number(m[1]) > 1) return refuse('Deze werkagenda is gemaakt met een nieuwere versie van het handboek. Open hem in die versie.');
    if (typeof data.format === 'string' && data.format.startsWith('leerrecht-resultaat/')) {
      return refuse('Dit is de uitslag van een instrument, geen werkagenda. Open het bestand op de pagina van dat instrument; de werkagenda leest de uitslag daarna vanzelf.');
    }
    return refuse('Dit is geen werkagenda van dit handboek.');
  }
  if (data.actions !== undefined && !Array.isArray(data.actions)) return refuse('In dit bestand staan de acties niet in de goede vorm.');
  const dropped = [];
  const warnings = [];
  unknownKeys(data, TOP, '', dropped);
  const agenda = emptyAgenda();
  agenda.region = text(data.region, LIMITS.region, 'regio', dropped);
  if (isDay(data.date)) agenda.date = data.date;
  else if (data.date !== undefined && data.date !== '') dropped.push(`datum: ${quote(data.date)} is geen datum`);
  const rawActions = data.actions ?? [];
  if (rawActions.length > MAX_ACTIONS) dropped.push(`${plural(rawActions.length - MAX_ACTIONS, 'actie', 'acties')} na de eerste ${MAX_ACTIONS}`);
  const seen = new Set();
  rawActions.slice(0, MAX_ACTIONS).forEach((raw, i) => {
    const action = readAction(raw, i + 1, `a${agenda.actions.length + 1}`, themes, dropped);
    if (!action) return;
    if (action.origin && seen.has(action.origin.key)) {
      dropped.push(`actie ${i + 1}: komt uit hetzelfde voorstel als een eerdere actie; de actie staat er nu als eigen actie`);
      action.origin = null;
    }
    if (action.origin) seen.add(action.origin.key);
    agenda.actions.push(action);
  });
  agenda.ignored = readKeys(data.ignored, 'genegeerd voorstel', (k) => KEY.test(k), dropped);
  agenda.examples = readKeys(data.examples, 'voorbeelden bij thema', (t) => themes.includes(t), dropped);
  let saved = null;
  if (typeof data.saved === 'string' && data.saved.length <= 40 && !Number.isNaN(Date.parse(data.saved))) saved = new Date(data.saved);
  if (typeof data.site === 'string' && site && data.site !== site) {
    warnings.push(`Deze werkagenda komt uit een ander handboek (${quote(data.site)}). Wat past, is overgenomen.`);
  }
  return { ok: true, agenda, saved, dropped, warnings };
}
