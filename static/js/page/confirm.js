// One confirmation before something is replaced or wiped, built on <dialog>: modal, so the
// rest of the page cannot be used by mistake while it asks; Escape means no; the safe answer
// has the focus. The caller decides where the focus goes afterwards.

import { h } from '../lib/view-tree.js';
import { build } from './dom.js';

/**
 * Ask `text` with a yes and a no button ({ id, label, class? }); resolves to true for yes.
 * `focus` ('yes' or 'no') is the button that has the focus when the dialog opens.
 */
export function confirmDialog({ id, text, yes, no, focus = 'no' }) {
  return new Promise((resolve) => {
    const dialog = build(
      h(
        'dialog',
        { class: 'bevestiging', id, 'aria-labelledby': `${id}-tekst` },
        h(
          'div',
          { class: 'melding melding--waarschuwing' },
          h('p', { id: `${id}-tekst` }, text),
          h(
            'p',
            { class: 'knoppen' },
            h('button', { type: 'button', class: yes.class ?? 'knop', id: yes.id, 'data-antwoord': 'ja' }, yes.label),
            ' ',
            h('button', { type: 'button', class: no.class ?? 'knop knop--tweede', id: no.id, 'data-antwoord': 'nee' }, no.label),
          ),
        ),
      ),
    );
    let answer = false;
    dialog.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-antwoord]');
      if (!button) return;
      answer = button.dataset.antwoord === 'ja';
      dialog.close();
    });
    // Escape closes the dialog too ('cancel'); the answer then stays no.
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    document.getElementById(focus === 'yes' ? yes.id : no.id).focus();
  });
}
