// The werkagenda's proposals from a route: per filled-in step "no regie", "more than one regie"
// and "not written down" (an untouched step is still open), then each partner without a role.
// No DOM.

import { listText } from '../../view-parts.js';
import { proposal } from '../../proposal.js';
import { analyseRoutekaart } from './analysis.js';

function proposals(instrument, answers) {
  const a = analyseRoutekaart(instrument, answers);
  const out = [];
  for (const step of a.steps.filter((s) => s.filled)) {
    const def = instrument.steps.find((s) => s.id === step.id);
    const common = { theme: def?.agenda ?? null, source: `${instrument.title}, stap ${step.number}: ${step.title}` };
    if (step.regie.length === 0) {
      out.push(proposal(instrument, `geen-regie/${step.id}`, {
        ...common,
        action: `Spreek af wie de regie heeft bij "${step.title}".`,
        goal: 'Bij deze stap weet iedereen wie de regie heeft.',
        context: 'Bij deze stap heeft nu geen enkele partner de regie.',
      }));
    }
    if (step.regie.length > 1) {
      out.push(proposal(instrument, `meer-regie/${step.id}`, {
        ...common,
        action: `Spreek af wie van ${listText(step.regieTitles)} de regie heeft bij "${step.title}", en wat de anderen dan doen.`,
        goal: 'Bij deze stap heeft één partner de regie.',
        context: `Nu denken ${listText(step.regieTitles)} allemaal dat zij de regie hebben.`,
      }));
    }
    if (a.notWritten.includes(step)) {
      out.push(proposal(instrument, `niet-op-papier/${step.id}`, {
        ...common,
        action: `Leg de afspraken over "${step.title}" vast op papier en deel ze met alle partners.`,
        goal: 'Iedereen kan nalezen wie wat doet bij deze stap.',
        context: 'De afspraken over deze stap staan nu niet op papier.',
      }));
    }
  }
  for (const partner of a.partnersWithoutRole) {
    const def = instrument.partners.find((p) => p.id === partner.id);
    out.push(proposal(instrument, `geen-rol/${partner.id}`, {
      theme: def?.agenda ?? null,
      action: `Bespreek met ${partner.title} bij welke stappen zij een rol hebben.`,
      context: `${partner.title} heeft nu bij geen enkele stap van de route een rol.`,
      source: `${instrument.title}, partner: ${partner.title}`,
    }));
  }
  return out;
}

export const agenda = { proposals };
