// Small instruments in the shape the generator writes (instrument JSON format 2: each kind
// carries only its own lists, and the names of its form controls and anchors on its parts), for
// the instrument tests; and the generated ones from a built site (LEERRECHT_SITE, default public/).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SITE } from './site-index.mjs';
import { result as scoredResult } from '../../static/js/lib/kinds/scored/result.js';
import { result as routeResult } from '../../static/js/lib/kinds/routekaart/result.js';
import { result as countResult } from '../../static/js/lib/kinds/inventarisatie/result.js';

/**
 * The result facet of an instrument's kind. The page gets it from its kind's own script
 * (js/instrument-KIND.js); the tests look it up here.
 */
export function resultOf(instrument) {
  const facet = { checklist: scoredResult, toetsvragen: scoredResult, routekaart: routeResult, inventarisatie: countResult }[instrument.kind];
  if (!facet) throw new Error(`Vergelijken kan niet voor ${instrument.kind}.`);
  return facet;
}

const base = { format: 2, version: 1, audience: [], description: '', intro: '', url: '' };

/** An item as the generator writes it: with its anchor, control and note names. */
const item = (fields) => ({ anchor: `vraag-${fields.id}`, control: `antwoord-${fields.id}`, note: `notitie-${fields.id}`, agenda: null, ...fields });
const theme = (id, title) => ({ id, title, description: null, anchor: `thema-${id}` });
const field = (id, label) => ({ id, theme: null, label, definition: '', anchor: `veld-${id}`, control: `veld-${id}` });

/** Steps with the names of their controls: one per partner (two hyphens), one for "op papier". */
function steps(list, partners) {
  return list.map((s) => ({ ...s, anchor: `stap-${s.id}`, written: `vastgelegd-${s.id}`, cells: partners.map((p) => `rol-${s.id}--${p.id}`) }));
}

export function checklist(extra = {}) {
  return {
    ...base,
    id: 'proef',
    title: 'Proefchecklist',
    kind: 'checklist',
    scale: [{ id: 'ja', label: 'Ja', points: 2 }, { id: 'deels', label: 'Deels', points: 1 }, { id: 'nee', label: 'Nee', points: 0 }],
    not_applicable: { id: 'nvt', label: 'n.v.t.' },
    themes: [theme('a', 'Thema A'), theme('b', 'Thema B')],
    items: [
      item({ id: 'i1', number: 1, theme: 'a', question: 'Een?', explanation: '', source: null, weight: 1, advice: { deels: 'D1', nee: 'N1' } }),
      item({ id: 'i2', number: 2, theme: 'a', question: 'Twee?', explanation: '', source: null, weight: 3, advice: { deels: 'D2', nee: 'N2' } }),
      item({ id: 'i3', number: 3, theme: 'b', question: 'Drie?', explanation: '', source: null, weight: 1, advice: { deels: 'D3', nee: 'N3' } }),
    ],
    bands: [
      { from: 0, to: 39, label: 'Laag', message: 'L' },
      { from: 40, to: 74, label: 'Midden', message: 'M' },
      { from: 75, to: 100, label: 'Hoog', message: 'H' },
    ],
    ...extra,
  };
}

const PARTNERS = [{ id: 'school', title: 'School' }, { id: 'lp', title: 'Leerplicht' }, { id: 'gem', title: 'Gemeente' }];

export function routekaart(extra = {}) {
  return {
    ...base,
    id: 'kaart',
    title: 'Proefroutekaart',
    kind: 'routekaart',
    steps: steps([{ id: 's1', title: 'Signaal' }, { id: 's2', title: 'Melding' }, { id: 's3', title: 'Plan' }], PARTNERS),
    partners: PARTNERS,
    roles: [{ id: 'regie', label: 'regie' }, { id: 'neemt_deel', label: 'neemt deel' }, { id: 'geen_rol', label: 'geen rol' }],
    guidance: [],
    ...extra,
  };
}

export function inventarisatie(extra = {}) {
  return {
    ...base,
    id: 'telling',
    title: 'Prooftelling',
    kind: 'inventarisatie',
    themes: [],
    fields: [field('leerlingen', 'Leerlingen'), field('kort', 'Kort'), field('lang', 'Lang'), field('vrij', 'Vrijstellingen')],
    derived: [
      { kind: 'sum', id: 'totaal', label: 'Totaal', of: ['kort', 'lang'] },
      { kind: 'ratio', id: 'aandeel-lang', label: 'Aandeel lang', numerator: 'lang', denominator: 'totaal' },
      { kind: 'ratio', id: 'per-leerling', label: 'Per leerling', numerator: 'totaal', denominator: 'leerlingen' },
    ],
    checks: [
      { part: 'totaal', whole: 'leerlingen', message: 'Meer thuiszitters dan leerlingen.' },
      { part: 'vrij', whole: 'leerlingen', message: 'Meer vrijstellingen dan leerlingen.' },
    ],
    ...extra,
  };
}

/** A generated instrument of the built site, or null when the site is not built. */
export function generated(id) {
  const file = join(SITE, 'instrumenten', `${id}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

export const GENERATED = ['tien-punten', 'toetsvragen-verzuimprotocol', 'routekaart', 'inventarisatie-verzuim'];

/** A localStorage stand-in; `quota` makes setItem throw like a full browser storage. */
export class MemoryStorage {
  constructor(entries = {}) {
    this.map = new Map(Object.entries(entries));
    this.quota = Infinity;
  }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) {
    const size = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0) + k.length + String(v).length;
    if (size > this.quota) {
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      e.code = 22;
      throw e;
    }
    this.map.set(k, String(v));
  }
  removeItem(k) { this.map.delete(k); }
}
