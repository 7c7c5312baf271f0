// The example actions of a werkagenda, offered per theme on the werkagenda page. No DOM.

import { proposal, textKey } from '../../proposal.js';

/** The example actions as proposals (key `ID/voorbeeld/<FNV-1a of the text>`). */
function examples(instrument) {
  return instrument.actions.map((a) =>
    proposal(instrument, `voorbeeld/${textKey(a.action)}`, {
      theme: a.theme,
      action: a.action,
      goal: a.goal ?? '',
      owner: a.owner ?? '',
      source: `Voorbeeld uit "${instrument.title}"`,
    }),
  );
}

export const agenda = { examples };
