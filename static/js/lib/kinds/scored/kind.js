// The scored kinds, checklist and toetsvragen: questions answered on a scale with points. One
// module for both, as the two differ only in who fills them in. This is what every page needs of
// them (kinds.js): the answer slots and the share code's packing. The score (instrument-score.js)
// and the facets built on it — the result views (result.js), the group result (group.js) and
// the werkagenda's proposals (agenda.js) — only the pages that show them load. No DOM.

import { CHOICES } from '../../code-packing.js';

/**
 * One slot per item: a scale id, the n.v.t. id or the "weet ik niet" id; with a note. N.v.t.
 * comes before "weet ik niet" so that share codes made before the latter existed keep their
 * meaning (src/instrument/scored.rs orders them the same way).
 */
function slots(instrument) {
  const options = instrument.scale.map((s) => s.id);
  if (instrument.not_applicable) options.push(instrument.not_applicable.id);
  if (instrument.unknown) options.push(instrument.unknown.id);
  return instrument.items.map((item) => ({
    key: item.id,
    type: 'choice',
    options,
    label: `vraag ${item.number}`,
    control: item.control,
    anchor: item.anchor,
    note: item.note,
  }));
}

export function answerLabel(instrument, id) {
  if (id === undefined || id === null) return 'nog niet beantwoord';
  if (id === instrument.not_applicable?.id) return instrument.not_applicable.label;
  if (id === instrument.unknown?.id) return instrument.unknown.label;
  return instrument.scale.find((s) => s.id === id)?.label ?? id;
}

const kind = {
  family: 'scored',
  answerable: true,
  hasNotes: true,
  codec: CHOICES,
  slots,
};

/** A region's 10-point checklist: filled in first, its gaps come first on the werkagenda. */
export const checklist = {
  ...kind,
  agendaRank: 1,
  agendaHint: 'Begin hier als regio. De vragen met "deels" of "nee" worden voorstellen voor je werkagenda.',
};

/** A school's test questions for its absence protocol. */
export const toetsvragen = {
  ...kind,
  agendaRank: 3,
  agendaHint: 'Voor een school: wat ontbreekt er in het verzuimprotocol?',
};
