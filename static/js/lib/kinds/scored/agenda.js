// The werkagenda's proposals from a scored instrument: one per gap (answered below the top
// answer, n.v.t. left out), heaviest first, with the item's advice as the action. No DOM.

import { score } from '../../instrument-score.js';
import { proposal } from '../../proposal.js';
import { answerLabel } from './kind.js';

function proposals(instrument, answers) {
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

export const agenda = { proposals };
