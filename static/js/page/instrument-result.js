// The result section of the instrument page: analysed and drawn by the kind's result facet
// from the answers on every change, with the comparison below it while
// one is open, the messages at the controls themselves, and a short summary for screen readers.

import { h } from '../lib/view-tree.js';
import { compareView } from '../lib/instrument-views.js';
import { printHeaderView } from '../lib/view-parts.js';
import { fill, debounce, controlMessage } from './dom.js';
import { findKind } from '../lib/kinds.js';

/**
 * From result to plan in one step: the werkagenda reads the answers saved in this browser and
 * turns this instrument's gaps into proposals, listed under "Gelezen uit deze browser".
 */
function toAgendaView(page) {
  if (page.state.shared || findKind(page.instrument)?.agendaRank == null) return null;
  const root = page.$('instrument-app').dataset.root ?? '';
  return h(
    'div',
    { class: 'uitslag__verder' },
    h('p', {}, 'Maak van je verbeterpunten acties: op de werkagenda worden ze voorstellen. Daar kies je welke je overneemt, en wie wat doet.'),
    h('p', {}, h('a', { class: 'knop', href: `${root}werkagenda.html#agenda-bronnen-kop`, id: 'naar-werkagenda' }, 'Zet op de werkagenda')),
  );
}

/** Show each slot's problems at its control; clear the controls that have none now. */
function showAtControls(page, analysis) {
  const { instrument, form, result } = page;
  const problems = new Map(result.fieldProblems(instrument, analysis).map((p) => [p.key, p]));
  for (const key of page.slotKeys) {
    const control = form.controlOf(key);
    if (!control) continue;
    const p = problems.get(key);
    controlMessage(control, { id: `fout-${key}`, text: p ? `Let op: ${p.messages.join(' ')}` : null, invalid: p?.invalid ?? false });
  }
}

/** update({ speak }) draws the result; with `speak` a changed summary is announced. */
export function createResult(page, out) {
  const { instrument, state, result } = page;
  const announceSoon = debounce((text) => page.announce(`Uitslag bijgewerkt. ${text}`), 1200);
  let lastSummary = '';
  return function update({ speak = false } = {}) {
    const shared = state.shared;
    const answers = shared ? shared.answers : state.answers;
    const analysis = result.analyse(instrument, answers, shared ? {} : state.problems);
    const cmp = state.earlier ? result.compare(instrument, state.earlier.answers, answers) : null;
    showAtControls(page, analysis);
    // A redraw must not take the focus from a control in the result (a keyboard user would
    // lose their place).
    const focused = out.contains(document.activeElement) ? document.activeElement.id : null;
    fill(
      out,
      printHeaderView(instrument, new Date(), shared ? null : state.savedAt, { report: true, name: page.$('rapport-naam')?.value ?? '' }),
      shared ? h('p', { class: 'melding melding--info' }, 'Dit is de uitslag van een gedeelde code. Je eigen antwoorden staan er niet in.') : null,
      result.resultView(instrument, analysis, { answers, notes: shared ? {} : state.notes, earlier: cmp }),
      cmp ? compareView(result, instrument, cmp, state.earlier.source) : null,
      toAgendaView(page),
    );
    if (focused) document.getElementById(focused)?.focus();
    const summary = result.summary(analysis);
    if (speak && summary !== lastSummary) announceSoon(summary);
    lastSummary = summary;
  };
}
