// The analysis of a route (no DOM): per step who holds the regie and who takes part, and what
// that means for the whole route. The result, group and agenda facets read it.
//
// Definitions (also in docs/deelcode.md):
// - a step is "ingevuld" (filled in) when at least one partner has a role chosen;
// - a step "zonder regie" is a filled-in step where no partner has regie (a step nobody has
//   touched yet is "nog open", not a gap: an empty form has no findings);
// - a step with "meer dan één regie" has two or more partners with regie;
// - a partner "zonder rol" has at least one role chosen, and none of them is regie or neemt deel;
// - a step "niet vastgelegd" has no tick for "de afspraken staan op papier";
// - coverage ("dekking") is the share of ALL steps with exactly one partner with regie, in whole
//   percents; it is provisional while a step is still open.

import { cellKey, writtenKey } from './kind.js';

export const REGIE = 'regie';
export const NEEMT_DEEL = 'neemt_deel';

/** At least this share of those who answered a cell must agree for consensus (3 out of 4). */
export const CONSENSUS = 0.75;

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
    // Only filled-in steps: an untouched step is open, not a finding (the werkagenda's
    // proposals follow the same rule, agenda.js).
    notWritten: steps.filter((s) => s.filled && !s.written),
    partners,
    coverage: steps.length ? Math.round((single / steps.length) * 100) : null,
    coverageExact: steps.length ? (single / steps.length) * 100 : null,
    stepsWithOneRegie: single,
    answered,
    total: cells,
    provisional: answered < cells,
  };
}
