// Proposed actions for the werkagenda, made from the instruments' results (no DOM).
//
// A proposal: { key, theme, action, goal, owner, context, source, instrument }.
// - key: stable for the same gap or finding (instrument and item, step or partner, not the
//   answer), so an accepted or ignored proposal is recognised when the result changes;
// - theme: the werkagenda theme (`agenda` in the instrument), or null;
// - action: where the action starts (the item's advice for the given answer);
// - context: why (the question, or what the routekaart shows); source: where it comes from.
//
// Scored instruments give one proposal per gap (score() in instrument-score.js: answered below
// the top answer, n.v.t. left out, heaviest first). A routekaart gives its findings
// (routekaart-analysis.js): per step in route order "no regie", "more than one regie" and "not
// written down" (only for steps that are filled in: an untouched step is still open), then each
// partner without any role.

import { score } from './instrument-score.js';
import { analyseRoutekaart } from './routekaart-analysis.js';
import { isScored } from './instrument-answers.js';

function answerLabel(instrument, id) {
  return instrument.scale.find((s) => s.id === id)?.label ?? id;
}

/** "A", "A en B", "A, B en C". */
function listText(list) {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} en ${list[list.length - 1]}`;
}

function proposal(instrument, key, fields) {
  return { key: `${instrument.id}/${key}`, theme: null, goal: '', owner: '', context: '', instrument: instrument.id, ...fields };
}

function scoredProposals(instrument, answers) {
  return score(instrument, answers).gaps.map((gap) => {
    const item = instrument.items.find((i) => i.id === gap.id);
    return proposal(instrument, gap.id, {
      theme: item?.agenda ?? null,
      action: gap.advice || `Werk aan deze vraag: ${gap.question}`,
      context: gap.question,
      source: `${instrument.title}, vraag ${gap.number} (antwoord: ${answerLabel(instrument, gap.answer)})`,
    });
  });
}

function routekaartProposals(instrument, answers) {
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
    if (!step.written) {
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

/**
 * The order in which instruments are best filled in, and in which their proposals come within a
 * theme: the region's checklist, then the routekaart, then a school's toetsvragen.
 */
export const KIND_ORDER = ['checklist', 'routekaart', 'toetsvragen'];

const rank = (instrument) => KIND_ORDER.indexOf(instrument.kind);

/** Proposals from every result that has answers, by KIND_ORDER, then in the order given. */
export function proposalsFrom(results) {
  const out = [];
  const ordered = results.filter((r) => rank(r.instrument) >= 0).sort((a, b) => rank(a.instrument) - rank(b.instrument));
  for (const { instrument, answers } of ordered) {
    if (!answers) continue;
    if (isScored(instrument)) out.push(...scoredProposals(instrument, answers));
    else if (instrument.kind === 'routekaart') out.push(...routekaartProposals(instrument, answers));
  }
  return out;
}

/** FNV-1a over the text, as 8 hex digits: a key that survives reordering the examples. */
function textKey(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The example actions of a werkagenda instrument, as proposals. */
export function exampleProposals(werkagenda) {
  return werkagenda.actions.map((a) =>
    proposal(werkagenda, `voorbeeld/${textKey(a.action)}`, {
      theme: a.theme,
      action: a.action,
      goal: a.goal ?? '',
      owner: a.owner ?? '',
      source: `Voorbeeld uit "${werkagenda.title}"`,
    }),
  );
}
