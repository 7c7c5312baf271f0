// The inventarisatie: counts of relative and absolute absence, with derived totals and ratios
// and checks between them. What every page needs of it is here (kinds.js): the answer slots and
// the share code's packing. The calculation (analysis.js) and the facets built on it — the
// result views (result.js) and the group result (group.js) — only the pages that show them
// load. No DOM.
//
// Answers: { FIELD: number } (an empty field has no key).

import { NUMBERS } from '../../code-packing.js';

/** One number slot per field. */
function slots(instrument) {
  return instrument.fields.map((field) => ({ key: field.id, type: 'number', label: field.label, control: field.control, anchor: field.anchor }));
}

export const inventarisatie = {
  family: 'inventarisatie',
  answerable: true,
  hasNotes: false,
  codec: NUMBERS,
  slots,
};
