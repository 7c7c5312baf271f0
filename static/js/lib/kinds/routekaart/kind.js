// The routekaart: per step of the route, who holds the regie and who takes part. Everything
// every page needs of it is here (kinds.js): the answer slots, the share code's packing and the
// analysis; the result views (result.js), the group result (group.js) and the werkagenda's
// proposals (agenda.js) are facets that only the pages that show them load. No DOM.
//
// Answers use the slot keys "STEP/PARTNER" → role id and "STEP/vastgelegd" → true.
// Definitions (also in docs/deelcode.md):
// - a step is "ingevuld" (filled in) when at least one partner has a role chosen;
// - a step "zonder regie" is a filled-in step where no partner has regie (a step nobody has
//   touched yet is "nog open", not a gap: an empty form has no findings);
// - a step with "meer dan één regie" has two or more partners with regie;
// - a partner "zonder rol" has at least one role chosen, and none of them is regie or neemt deel;
// - a step "niet vastgelegd" has no tick for "de afspraken staan op papier";
// - coverage ("dekking") is the share of ALL steps with exactly one partner with regie, in whole
//   percents; it is provisional while a step is still open.

import { CHOICES } from '../../code-packing.js';

export const REGIE = 'regie';
export const NEEMT_DEEL = 'neemt_deel';

/** At least this share of those who answered a cell must agree for consensus (3 out of 4). */
export const CONSENSUS = 0.75;

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

// ----- analysis -----------------------------------------------------------------------------

export function analyseRoutekaart(instrument, answers = {}) {
  const roleOf = (step, partner) => {
    const key = cellKey(step, partner);
    return Object.hasOwn(answers, key) ? answers[key] : null;
  };
  const steps = instrument.steps.map((step, index) => {
    const roles = instrument.partners.map((partner) => ({ partner: partner.id, title: partner.title, role: roleOf(step, partner) }));
    const regie = roles.filter((r) => r.role === REGIE);
    const answered = roles.filter((r) => r.role !== null).length;
    return {
      id: step.id,
      number: index + 1,
      title: step.title,
      roles,
      regie: regie.map((r) => r.partner),
      regieTitles: regie.map((r) => r.title),
      answered,
      total: roles.length,
      filled: answered > 0,
      written: answers[writtenKey(step)] === true,
    };
  });
  const partners = instrument.partners.map((partner) => {
    const roles = instrument.steps.map((step) => roleOf(step, partner)).filter((r) => r !== null);
    return {
      id: partner.id,
      title: partner.title,
      regie: roles.filter((r) => r === REGIE).length,
      neemtDeel: roles.filter((r) => r === NEEMT_DEEL).length,
      answered: roles.length,
    };
  });
  const cells = steps.reduce((n, s) => n + s.total, 0);
  const answered = steps.reduce((n, s) => n + s.answered, 0);
  const single = steps.filter((s) => s.regie.length === 1).length;
  return {
    steps,
    withoutRegie: steps.filter((s) => s.filled && s.regie.length === 0),
    multipleRegie: steps.filter((s) => s.regie.length > 1),
    open: steps.filter((s) => !s.filled),
    partnersWithoutRole: partners.filter((p) => p.answered > 0 && p.regie === 0 && p.neemtDeel === 0),
    notWritten: steps.filter((s) => !s.written),
    partners,
    coverage: steps.length ? Math.round((single / steps.length) * 100) : null,
    stepsWithOneRegie: single,
    answered,
    total: cells,
    provisional: answered < cells,
  };
}

export const routekaart = {
  family: 'routekaart',
  answerable: true,
  hasNotes: false,
  agendaRank: 2,
  agendaHint: 'Daarna: bij welke stap heeft niemand de regie, of denken twee partners dat zij die hebben?',
  codec: CHOICES,
  slots,
  analyse: (instrument, answers) => analyseRoutekaart(instrument, answers),
};
