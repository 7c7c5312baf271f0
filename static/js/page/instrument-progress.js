// The progress line of the instrument page: it stays in view at the bottom of the screen while
// you answer ("12 van 33 beantwoord"), with "Volgende open vraag" and a link to the result,
// which Alt+Shift+U follows from anywhere on the page (browsers differ in how they trigger an
// access key, and some headless ones not at all, so the page listens itself). Counting is in
// lib/progress.js.

import { progressOf, nextOpen, progressText } from '../lib/progress.js';
import { slotsOf } from '../lib/instrument-answers.js';
import { h } from '../lib/view-tree.js';
import { build } from './dom.js';

function barView() {
  return h(
    'nav',
    { class: 'voortgang', 'aria-label': 'Voortgang' },
    h('p', { class: 'voortgang__tekst', id: 'voortgang-tekst' }),
    h('button', { type: 'button', class: 'knop knop--tweede', id: 'volgende-open' }, 'Volgende open vraag'),
    h('a', { class: 'knop knop--tweede', href: '#resultaat', id: 'naar-uitslag', accesskey: 'u', 'aria-keyshortcuts': 'Alt+Shift+U' }, 'Naar de uitslag ', h('span', { class: 'voortgang__toets' }, '(Alt+Shift+U)')),
  );
}

/** The slot whose control holds the focus, or null. */
function focusedSlot(slots, form) {
  const active = document.activeElement;
  return slots.find((s) => {
    const control = form.controlOf(s.key);
    return control && (control === active || (control.name && control.name === active?.name));
  }) ?? null;
}

export function setupProgress(page, formEl) {
  const slots = slotsOf(page.instrument);
  const bar = build(barView());
  formEl.after(bar);
  const $ = page.$;

  $('volgende-open').addEventListener('click', () => {
    const after = focusedSlot(slots, page.form)?.key ?? null;
    const slot = nextOpen(slots, page.state.answers, after);
    const control = slot ? page.form.controlOf(slot.key) : null;
    if (!control) {
      page.announce('Alle vragen zijn beantwoord.');
      return;
    }
    control.scrollIntoView({ block: 'center' });
    control.focus();
  });
  const toResult = () => {
    const heading = $('resultaat-kop');
    heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView();
    heading.focus();
  };
  $('naar-uitslag').addEventListener('click', (e) => {
    e.preventDefault();
    toResult();
  });
  document.addEventListener('keydown', (e) => {
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyU') {
      e.preventDefault();
      toResult();
    }
  });

  return function update() {
    const shown = page.state.shared ? page.state.shared.answers : page.state.answers;
    $('voortgang-tekst').textContent = progressText(progressOf(slots, shown));
  };
}
