// The agenda facet of each kind (kinds.js): the proposals its results give the werkagenda, and
// the example actions of the werkagenda itself. Only the werkagenda page links these modules.

import { findKind } from './kinds.js';
import { agenda as scored } from './kinds/scored/agenda.js';
import { agenda as routekaart } from './kinds/routekaart/agenda.js';
import { agenda as werkagenda } from './kinds/werkagenda/agenda.js';

const AGENDAS = new Map(Object.entries({ scored, routekaart, werkagenda }));
const NONE = Object.freeze({ proposals: () => [], examples: () => [] });

/** The agenda facet of `instrument`: a kind without one proposes nothing and has no examples. */
export function agendaOf(instrument) {
  return { ...NONE, ...AGENDAS.get(findKind(instrument)?.family) };
}
