// Proposed actions for the werkagenda, made from the instruments' results (no DOM). Each kind
// that has gaps or findings makes its own (its agenda facet, kind-agendas.js: the scored kinds one per gap, heaviest
// first; the route findings per step, then the partners without a role); this module puts them
// in the agenda's order. The shape of a proposal is in proposal.js.

import { byAgendaRank } from './kinds.js';
import { agendaOf } from './kind-agendas.js';

/** Proposals from every result that has answers, in the kinds' agenda order, then as given. */
export function proposalsFrom(results) {
  return byAgendaRank(results, (r) => r.instrument)
    .filter((r) => r.answers).flatMap(({ instrument, answers }) => agendaOf(instrument).proposals(instrument, answers));
}

/** The example actions of an instrument that defines the werkagenda, as proposals. */
export function exampleProposals(instrument) {
  return agendaOf(instrument).examples(instrument);
}
