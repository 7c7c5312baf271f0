// Two tabs with the same instrument share one saved state. When the other tab saves, this tab
// merges per answer and per note, three ways: what both started from (the state this tab last
// loaded or saved), what this tab has now, and what the other tab saved. A key only one side
// changed takes that side; a key both changed differently keeps this tab's value (the user is
// looking at it) and is listed, so the page can say so. Nothing either tab saved is lost
// without a word. Pure, for node --test.

const same = (a, b) => a === b || (a === undefined && b === undefined);

function mergeMap(base, ours, theirs, conflicts, prefix) {
  const out = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)]);
  for (const key of keys) {
    const b = base[key];
    const o = ours[key];
    const t = theirs[key];
    let value;
    if (same(o, b)) value = t;
    else if (same(t, b) || same(o, t)) value = o;
    else {
      value = o;
      conflicts.push(`${prefix}${key}`);
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * base, ours, theirs: { answers, notes }. Returns { answers, notes, conflicts, changed }:
 * conflicts lists `antwoord:KEY` and `notitie:KEY` both tabs changed differently; changed is
 * true when the merge differs from ours (the page must show something new).
 */
export function mergeStates(base, ours, theirs) {
  const conflicts = [];
  const answers = mergeMap(base.answers, ours.answers, theirs.answers, conflicts, 'antwoord:');
  const notes = mergeMap(base.notes, ours.notes, theirs.notes, conflicts, 'notitie:');
  return { answers, notes, conflicts, changed: !equalStates({ answers, notes }, ours) };
}

function equalMaps(a, b) {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

export function equalStates(a, b) {
  return equalMaps(a.answers, b.answers) && equalMaps(a.notes, b.notes);
}
