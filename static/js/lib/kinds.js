// The kinds of instrument, registered in one place. Every page script and every module that
// treats instruments differently by kind asks `kindOf(instrument)` for the kind's module instead
// of comparing `instrument.kind` with names; only this file and the kind's own module know a
// kind by name. A new kind is one module in kinds/ and one line below.
//
// A kind module is an object with (all pure, no DOM):
//   answerable     true when people answer it (a form with slots, a result, a share code)
//   hasNotes       a note per slot is kept with the answers (saved, in files; never in codes)
//   definesAgenda  its themes and example actions make up the werkagenda (examples(instrument))
//   agendaRank     order of its proposals on the werkagenda, and of the hint on an empty one;
//                  agendaHint says why to fill it in (kinds without proposals have neither)
//   codec          how a share code carries the answers (code-packing.js)
//   slots(instrument)                 the answer slots, when the JSON does not carry them
//   analyse(instrument, answers, problems) → the analysis the views read
//   summary(analysis), resultView(instrument, analysis, { answers, notes, earlier })
//   fieldProblems(instrument, analysis) → [{ key, messages, invalid }] to show at the controls
//   compare(instrument, before, after), compareView(instrument, comparison)
//   aggregate(instrument, participants), groupView(instrument, agg, labels),
//   groupSummary(agg, participantsText), slides(instrument, agg), csvRows(instrument, agg, labels)
//   proposals(instrument, answers) → proposals for the werkagenda (proposal.js)

import { checklist, toetsvragen } from './kinds/scored.js';
import { routekaart } from './kinds/routekaart.js';
import { inventarisatie } from './kinds/inventarisatie.js';
import { werkagenda } from './kinds/werkagenda.js';

/** What a kind has when its module does not say otherwise. */
const DEFAULTS = {
  answerable: false,
  hasNotes: false,
  definesAgenda: false,
  agendaRank: null,
  agendaHint: null,
  codec: null,
  slots: () => [],
  fieldProblems: () => [],
  proposals: () => [],
  examples: () => [],
};

const REGISTRY = new Map(
  Object.entries({ checklist, toetsvragen, routekaart, inventarisatie, werkagenda }).map(([name, kind]) => [name, Object.freeze({ ...DEFAULTS, ...kind, name })]),
);

/** The kind of `instrument` (or of a list entry with a `kind`), or null for an unknown name. */
export function findKind(instrument) {
  const name = instrument?.kind;
  return typeof name === 'string' && REGISTRY.has(name) ? REGISTRY.get(name) : null;
}

/** The kind of `instrument`; an unknown kind is an error that says which. */
export function kindOf(instrument) {
  const kind = findKind(instrument);
  if (!kind) throw new Error(`Instrumenten van de soort "${String(instrument?.kind)}" kent deze pagina niet.`);
  return kind;
}

/**
 * The entries whose kind makes proposals, in the agenda's order (stable: equal kinds keep their
 * order). `instrumentOf` finds the instrument (or list entry) in an entry.
 */
export function byAgendaRank(entries, instrumentOf = (e) => e) {
  const rank = (e) => findKind(instrumentOf(e))?.agendaRank ?? null;
  return entries.filter((e) => rank(e) !== null).sort((a, b) => rank(a) - rank(b));
}
