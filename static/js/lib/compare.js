// An earlier result beside the current one: per theme and per item what changed (no DOM).
// Regions repeat these instruments every year; the change is what they report. What a
// comparison holds depends on the kind (kinds/*.js); its `kind` tag says which view reads it.

import { findKind } from './kinds.js';

/** Compare two answer sets of the same instrument. */
export function compare(instrument, before, after) {
  const kind = findKind(instrument);
  if (!kind?.answerable) throw new Error(`Vergelijken kan niet voor ${instrument.kind}.`);
  return kind.compare(instrument, before, after);
}
