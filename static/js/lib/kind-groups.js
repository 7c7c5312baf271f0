// The group facet of each kind (kinds.js): the group result of a workshop, its views, slides
// and CSV rows. Only the workshop page links these modules.

import { findKind } from './kinds.js';
import { group as scored } from './kinds/scored/group.js';
import { group as routekaart } from './kinds/routekaart/group.js';
import { group as inventarisatie } from './kinds/inventarisatie/group.js';

const GROUPS = new Map(Object.entries({ scored, routekaart, inventarisatie }));

/** The group facet of `instrument`; an error for a kind without a group result. */
export function groupOf(instrument) {
  const facet = GROUPS.get(findKind(instrument)?.family);
  if (!facet) throw new Error(`Voor instrumenten van de soort "${instrument.kind}" is er geen groepsuitslag.`);
  return facet;
}
