// The shape of a proposed action for the werkagenda (no DOM), shared by the kinds that make
// proposals (kinds/*.js) and agenda-proposals.js, which collects them:
// { key, theme, action, goal, owner, context, source, instrument }.
// - key: `INSTRUMENT/…`, stable for the same gap or finding (not the answer), so an accepted or
//   ignored proposal is recognised when the result changes;
// - theme: the werkagenda theme (`agenda` in the instrument), or null;
// - action: where the action starts; context: why; source: where it comes from.

export function proposal(instrument, key, fields) {
  return { key: `${instrument.id}/${key}`, theme: null, goal: '', owner: '', context: '', instrument: instrument.id, ...fields };
}

/** FNV-1a over the text, as 8 hex digits: a key that survives reordering a list. */
export function textKey(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
