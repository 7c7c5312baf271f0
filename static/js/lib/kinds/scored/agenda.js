// The werkagenda's proposals from a scored instrument: one per gap (answered below the top
// answer or "weet ik niet", n.v.t. left out), heaviest first, with the item's advice as the
// action, or "Uitzoeken: …" for an unknown. No DOM.

import { score } from '../../instrument-score.js';
import { proposal } from '../../proposal.js';
import { answerLabel } from './kind.js';

/** Where a proposal comes from: the question and, for a legal duty, its law and article. */
function sourceOf(instrument, gap) {
  const basis = gap.duty ? `; wettelijke plicht: ${gap.duty}` : gap.source ? `; bron: ${gap.source}` : '';
  return `${instrument.title}, vraag ${gap.number} (antwoord: ${answerLabel(instrument, gap.answer)}${basis})`;
}

function proposals(instrument, answers) {
  return score(instrument, answers).gaps.map((gap) => {
    const item = instrument.items.find((i) => i.id === gap.id);
    return proposal(instrument, gap.id, {
      theme: item?.agenda ?? null,
      // "Weet ik niet" goes on the agenda as something to find out first.
      action: gap.unknown ? `Uitzoeken: ${gap.question}` : gap.advice || `Werk aan deze vraag: ${gap.question}`,
      context: gap.question,
      source: sourceOf(instrument, gap),
    });
  });
}

export const agenda = { proposals };
