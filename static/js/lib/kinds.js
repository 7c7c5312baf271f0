// The kinds of instrument, registered by name. Every page script and every module that treats
// instruments differently by kind asks `kindOf(instrument)` (or a facet registry) instead of
// comparing `instrument.kind` with names; only the registries, the kind's own folder and its
// page script know a kind by name.
//
// A kind (kinds/KIND/kind.js) is an object with what every page needs (all pure, no DOM):
//   family         the folder of its modules; the facets below are registered under it
//   answerable     true when people answer it (a form with slots, a result, a share code)
//   hasNotes       a note per slot is kept with the answers (saved, in files; never in codes)
//   definesAgenda  its themes and example actions make up the werkagenda
//   agendaRank     order of its proposals on the werkagenda, and of the hint on an empty one;
//                  agendaHint says why to fill it in (kinds without proposals have neither)
//   codec          how a share code carries the answers (code-packing.js)
//   slots(instrument)                       the answer slots (instrument-answers.js)
// Its analysis (KIND/analysis.js) is what the facets read.
// Facets, each in its own module so that a page links only what it shows:
//   result  (KIND/result.js; the instrument page of that kind, js/instrument-KIND.js, links only
//           its own)                                 analyse(instrument, answers, problems),
//                                                    summary, resultView, fieldProblems,
//                                                    compare, compareView
//   group   (kind-groups.js: the workshop)           aggregate, groupView, groupSummary, slides,
//                                                    csvRows
//   agenda  (kind-agendas.js: the werkagenda)        proposals, examples
//
// A new kind: its folder under kinds/ with kind.js and the facets it has, a line here, a line in
// the group and agenda registries, and its page script js/instrument-KIND.js.

import { checklist, toetsvragen } from './kinds/scored/kind.js';
import { routekaart } from './kinds/routekaart/kind.js';
import { inventarisatie } from './kinds/inventarisatie/kind.js';
import { werkagenda } from './kinds/werkagenda/kind.js';

/** What a kind has when its module does not say otherwise. */
const DEFAULTS = {
  answerable: false,
  hasNotes: false,
  definesAgenda: false,
  agendaRank: null,
  agendaHint: null,
  codec: null,
  slots: () => [],
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
