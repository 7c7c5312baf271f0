// From the group result of a workshop to a werkagenda (no DOM): per answer slot the answer most
// of the group gave, the proposals the instrument's kind makes from those answers (as if one
// participant had given them), and which of them the group did not agree on — marked in the
// action's notes and in its origin, so the conversation about them is not skipped.
//
// Majority per slot: the value most participants gave among those who answered it; a tie goes
// to the option later in the list (for scored kinds the one with fewer points, which makes the
// gap visible) and counts as disagreement. A flag ("op papier") holds when more than half of the
// participants who filled in that step set it. Disagreement: a scored item with a spread of 50 %
// or more (agreementWords: "De groep denkt hier verschillend over"), a routekaart cell where
// fewer than three quarters agree (its consensus rule).

import { slotsOf } from './instrument-answers.js';
import { agendaOf } from './kind-agendas.js';
import { accept } from './agenda.js';
import { plural, formatPercent } from './nl-format.js';

const CONSENSUS = 0.75;

/** { answers, split: Map(slot key → share of the majority, 0–1) for the slots without agreement }. */
export function majorityAnswers(instrument, participants) {
  const answers = {};
  const shares = new Map();
  const slots = slotsOf(instrument);
  for (const slot of slots) {
    if (slot.type === 'flag') {
      const step = slot.key.split('/')[0];
      const filled = participants.filter((p) => Object.keys(p.answers).some((k) => k.startsWith(`${step}/`) && k !== slot.key));
      const yes = filled.filter((p) => p.answers[slot.key] === true).length;
      if (filled.length && yes * 2 > filled.length) answers[slot.key] = true;
      continue;
    }
    if (!Array.isArray(slot.options)) continue;
    const counts = new Map();
    for (const p of participants) {
      const v = p.answers[slot.key];
      if (v !== undefined && slot.options.includes(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const answered = [...counts.values()].reduce((a, b) => a + b, 0);
    if (!answered) continue;
    let best = null;
    for (const option of slot.options) {
      const c = counts.get(option) ?? 0;
      if (c > 0 && (best === null || c >= counts.get(best))) best = option;
    }
    answers[slot.key] = best;
    const top = counts.get(best);
    const tie = [...counts.values()].filter((c) => c === top).length > 1;
    shares.set(slot.key, { share: top / answered, tie });
  }
  return { answers, shares };
}

/** The slot keys a proposal is about, from its key (INSTRUMENT/ITEM, INSTRUMENT/geen-regie/STEP, …). */
function slotsOfProposal(instrument, key) {
  const rest = key.slice(instrument.id.length + 1);
  const parts = rest.split('/');
  if (parts.length === 1) return [parts[0]];
  const [kind, id] = parts;
  if (kind === 'geen-rol') return (instrument.steps ?? []).map((s) => `${s.id}/${id}`);
  return (instrument.partners ?? []).map((p) => `${id}/${p.id}`);
}

/**
 * The proposals from the group's majority, each with `disputed` (true when the group did not
 * agree on it) and a note that says so: [{ ...proposal, disputed, note }].
 */
export function groupProposals(instrument, agg, participants) {
  const { answers, shares } = majorityAnswers(instrument, participants);
  const spread = new Map((agg.items ?? []).map((i) => [i.id, i.disagreement]));
  const n = participants.length;
  return agendaOf(instrument)
    .proposals(instrument, answers)
    .map((p) => {
      const keys = slotsOfProposal(instrument, p.key);
      const reasons = [];
      for (const key of keys) {
        const d = spread.get(key);
        const s = shares.get(key);
        if (d !== undefined && d !== null && d >= 50) reasons.push(`verschil van mening ${formatPercent(d, 0)}`);
        else if (d === undefined && s && s.share < CONSENSUS) reasons.push(`${formatPercent(s.share * 100, 0)} eens`);
        else if (s?.tie) reasons.push('evenveel stemmen voor twee antwoorden');
      }
      const disputed = reasons.length > 0;
      const note = disputed
        ? `Let op: de groep denkt hier verschillend over (${[...new Set(reasons)].slice(0, 3).join(', ')}). Bespreek dit eerst.`
        : `De groep is het hier grotendeels eens.`;
      return {
        ...p,
        source: `${p.source}; groepsuitslag van ${plural(n, 'deelnemer', 'deelnemers')} (meerderheid)${disputed ? ', de groep is het niet eens' : ''}`,
        disputed,
        note,
      };
    });
}

/**
 * The werkagenda with the group's proposals accepted as actions (after those it had; a proposal
 * already on it is not added again): { agenda, added }.
 */
export function agendaFromGroup(agenda, proposals) {
  let current = agenda;
  let added = 0;
  for (const p of proposals) {
    const before = current.actions.length;
    const { agenda: next, id } = accept(current, p);
    if (next.actions.length > before) {
      added += 1;
      current = { ...next, actions: next.actions.map((a) => (a.id === id ? { ...a, notes: p.note } : a)) };
    }
  }
  return { agenda: current, added };
}
