// The results of a group, for the workshop page (no DOM). Input: one instrument and the answers
// of its participants ([{ label, answers }], answers as in instrument-answers.js). Output per
// kind (kinds/*.js, where each kind says what it counts and why), as plain data that the
// views, the projector and the exports all read; its `kind` tag is part of the exported JSON.

import { findKind } from './kinds.js';

export function aggregate(instrument, participants) {
  const kind = findKind(instrument);
  if (!kind?.answerable) throw new Error(`Voor instrumenten van de soort "${instrument.kind}" is er geen groepsuitslag.`);
  return kind.aggregate(instrument, participants);
}
