// The same instrument open in two tabs: browsers tell every other tab of this site when one
// saves. Merge instead of overwriting (lib/merge-state.js), so nothing either tab saved is
// lost, and say what happened.

import { mergeStates, equalStates } from '../lib/merge-state.js';
import { slotsOf } from '../lib/instrument-answers.js';

/** A conflict key (`antwoord:KEY`, `notitie:KEY`) in words, for the notice. */
function conflictLabel(instrument, conflict) {
  const [what, key] = conflict.split(/:(.*)/s);
  const where = slotsOf(instrument).find((s) => s.key === key)?.label ?? key;
  return what === 'notitie' ? `de notitie bij ${where}` : where;
}

export function setupTabSync(page) {
  const { state, store } = page;
  window.addEventListener('storage', (e) => {
    if (e.key !== store.key && e.key !== null) return;
    const fresh = store.load();
    const theirs = fresh.state ? { answers: fresh.state.answers, notes: fresh.state.notes } : { answers: {}, notes: {} };
    let ours = { answers: state.answers, notes: state.notes };
    if (!state.shared) {
      const form = page.form.read();
      ours = { answers: form.answers, notes: form.notes };
    }
    const merged = mergeStates(state.base, ours, theirs);
    const pending = !equalStates(ours, state.base);
    state.base = theirs;
    state.answers = merged.answers;
    state.notes = merged.notes;
    if (!state.shared) {
      page.form.write(state.answers, state.notes);
      state.problems = page.form.read().problems;
      if (pending || merged.conflicts.length) page.save();
      else if (fresh.state) state.savedAt = fresh.state.saved;
      page.update();
    }
    if (!merged.changed && !merged.conflicts.length) return;
    const text = merged.conflicts.length
      ? 'Dit formulier is ook open in een ander tabblad, en daar zijn antwoorden veranderd. Die staan nu ook hier. Waar je in beide tabbladen iets anders koos, is het antwoord van dit tabblad bewaard.'
      : 'Dit formulier is ook open in een ander tabblad, en daar zijn antwoorden veranderd. Die staan nu ook hier, en je eigen antwoorden in dit tabblad zijn gebleven.';
    page.notice('info', text, merged.conflicts.map((c) => conflictLabel(page.instrument, c)), { id: 'melding-ander-tabblad', listTitle: 'Hier bewaard, in het andere tabblad anders gekozen:' });
    page.announce(text);
  });
}
