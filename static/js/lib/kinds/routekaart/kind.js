// The routekaart: per step of the route, who holds the regie and who takes part. What every
// page needs of it is here (kinds.js): the answer slots and the share code's packing. The
// analysis (analysis.js) and the facets built on it — the result views (result.js), the group
// result (group.js) and the werkagenda's proposals (agenda.js) — only the pages that show them
// load. No DOM.
//
// Answers use the slot keys "STEP/PARTNER" → role id and "STEP/vastgelegd" → true.

import { CHOICES } from '../../code-packing.js';

export const cellKey = (step, partner) => `${step.id}/${partner.id}`;
export const writtenKey = (step) => `${step.id}/vastgelegd`;

/** Per step each partner's role, then whether the step is written down. */
function slots(instrument) {
  const options = instrument.roles.map((r) => r.id);
  return instrument.steps.flatMap((step, i) => {
    const where = `stap ${i + 1} (${step.title})`;
    const { anchor } = step;
    return [
      ...instrument.partners.map((partner, j) => ({
        key: cellKey(step, partner),
        type: 'choice',
        options,
        label: `${where}, ${partner.title}`,
        control: step.cells[j],
        anchor,
      })),
      { key: writtenKey(step), type: 'flag', label: `${where}, op papier`, control: step.written, anchor },
    ];
  });
}

export const routekaart = {
  family: 'routekaart',
  answerable: true,
  hasNotes: false,
  agendaRank: 2,
  agendaHint: 'Daarna: bij welke stap heeft niemand de regie, of denken twee partners dat zij die hebben?',
  codec: CHOICES,
  slots,
};
