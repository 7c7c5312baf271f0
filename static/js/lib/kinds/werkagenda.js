// The werkagenda kind: not a form but the themes of a regional work agenda with example actions.
// Nobody answers it; the werkagenda page takes its themes as the agenda's headings and offers
// its examples per theme as proposals. In the shape every kind has (kinds.js). No DOM.

import { proposal, textKey } from '../proposal.js';

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

export const werkagenda = {
  answerable: false,
  definesAgenda: true,
  examples,
};
