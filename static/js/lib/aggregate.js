// The results of a group, for the workshop page (no DOM). Input: one instrument and the answers
// of its participants ([{ label, answers }], answers as in instrument-answers.js). Output per
// kind (its group facet, kind-groups.js, says what it counts and why), as plain data that the
// views, the projector and the exports all read; its `kind` tag is part of the exported JSON.

import { groupOf } from './kind-groups.js';

export function aggregate(instrument, participants) {
  return groupOf(instrument).aggregate(instrument, participants);
}
