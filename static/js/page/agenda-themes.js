// The themes of the werkagenda page: the buttons on proposals and actions (take over, ignore,
// add your own, show examples, move, remove) with the focus where the user expects it next,
// typing in an action's fields, and the messages at the fields once the user leaves them.

import { accept, ignore, addOwn, edit, remove, move, toggleExamples, FIELDS } from '../lib/agenda.js';
import { fieldMessage, fieldId } from '../lib/agenda-views.js';
import { controlMessage } from './dom.js';

/** The buttons (`data-doe`) on proposals and actions. */
function setupButtons(page) {
  const { themes, themeIds, themesEl, announce } = page;
  const nameOfTheme = (id) => themes.find((t) => t.id === id)?.title ?? 'Nog zonder thema';

  /** After a proposal is handled: the next one of the same theme, else the theme's heading. */
  function nextProposalFocus(key) {
    const items = [...themesEl.querySelectorAll('[data-voorstel]')];
    const at = items.findIndex((li) => li.dataset.voorstel === key);
    const section = items[at]?.closest('[data-thema]');
    const next = items.slice(at + 1).find((li) => li.closest('[data-thema]') === section) ?? items.slice(0, at).reverse().find((li) => li.closest('[data-thema]') === section);
    return { nextKey: next?.dataset.voorstel ?? null, heading: section?.querySelector('h2')?.id ?? null };
  }
  function focusProposal(key, fallbackId) {
    const li = key ? [...themesEl.querySelectorAll('[data-voorstel]')].find((el) => el.dataset.voorstel === key) : null;
    const target = li?.querySelector('[data-doe="overnemen"]') ?? (fallbackId ? document.getElementById(fallbackId) : null);
    if (target?.tagName === 'H2') target.setAttribute('tabindex', '-1');
    target?.focus();
  }

  const actions = {
    overnemen(el) {
      const p = page.proposals().find((x) => x.key === el.dataset.sleutel);
      if (!p) return;
      const { nextKey } = nextProposalFocus(p.key);
      const result = accept(page.agenda(), p);
      page.change(result.agenda, 'Voorstel overgenomen', { focus: nextKey ? null : fieldId(result.id, 'action') });
      if (nextKey) focusProposal(nextKey);
      announce(`Overgenomen als actie bij ${nameOfTheme(result.agenda.actions.find((a) => a.id === result.id).theme)}. ${nextKey ? 'De focus staat op het volgende voorstel.' : 'Je kunt de actie nu aanpassen.'}`);
    },
    negeren(el) {
      const key = el.dataset.sleutel;
      const { nextKey, heading } = nextProposalFocus(key);
      page.change(ignore(page.agenda(), key), 'Voorstel genegeerd');
      focusProposal(nextKey, heading);
      announce('Voorstel genegeerd. Met "Ongedaan maken" komt het terug.');
    },
    toevoegen(el) {
      const theme = el.dataset.thema;
      const result = addOwn(page.agenda(), theme);
      page.change(result.agenda, 'Eigen actie toegevoegd', { focus: fieldId(result.id, 'action') });
      announce(`Nieuwe actie bij ${nameOfTheme(theme)}. Vul in wat je gaat doen.`);
    },
    voorbeelden(el) {
      const theme = el.dataset.thema;
      const showing = !page.agenda().examples.includes(theme);
      page.change(toggleExamples(page.agenda(), theme), showing ? 'Voorbeelden getoond' : 'Voorbeelden verborgen', { focus: el.id });
      announce(showing ? `De voorbeelden staan nu bij de voorstellen van ${nameOfTheme(theme)}.` : 'De voorbeelden zijn verborgen.');
    },
    omhoog: (el) => shift(el, -1),
    omlaag: (el) => shift(el, +1),
    verwijder(el) {
      const id = el.dataset.actie;
      const own = el.closest('[data-thema]');
      const fieldsets = [...own.querySelectorAll('fieldset.actie')];
      const at = fieldsets.findIndex((f) => f.id === `actie-${id}`);
      // Focus goes to the action that takes its place, else to "Eigen actie toevoegen".
      const neighbour = fieldsets[at + 1] ?? fieldsets[at - 1];
      const focus = neighbour ? fieldId(neighbour.id.slice('actie-'.length), 'action') : own.querySelector('[data-doe="toevoegen"]')?.id ?? 'ongedaan';
      page.change(remove(page.agenda(), id), 'Actie verwijderd', { focus });
      announce('Actie verwijderd. Met "Ongedaan maken" zet je hem terug.');
    },
  };

  function shift(el, direction) {
    const id = el.dataset.actie;
    const moved = move(page.agenda(), id, direction, themeIds);
    if (!moved) {
      announce(direction < 0 ? 'Deze actie staat al bovenaan.' : 'Deze actie staat al onderaan.');
      return;
    }
    page.change(moved.agenda, 'Actie verplaatst');
    // Focus follows the moved action: the same button in its new place.
    themesEl.querySelector(`#actie-${id} [data-doe="${el.dataset.doe}"]`)?.focus();
    const group = moved.agenda.actions.filter((a) => (a.theme ?? null) === moved.theme);
    announce(`Actie verplaatst naar plaats ${group.findIndex((a) => a.id === id) + 1} bij ${nameOfTheme(moved.theme)}.`);
  }

  themesEl.addEventListener('click', (e) => {
    const el = e.target.closest('button[data-doe]');
    if (el && actions[el.dataset.doe]) actions[el.dataset.doe](el);
  });

}

/** Typing in an action's fields: one change per field, the errors once the field is left. */
function setupTyping(page) {
  const { themesEl, badDates, touched } = page;
  const label = (field) => FIELDS.find((f) => f.id === field)?.label ?? field;
  themesEl.addEventListener('input', (e) => {
    const el = e.target;
    const { actie: id, veld: field } = el.dataset;
    if (!id || !field) return;
    if (field === 'deadline') {
      if (el.validity?.badInput) badDates.add(id);
      else badDates.delete(id);
    }
    page.change(edit(page.agenda(), id, field, el.value), `${label(field)} aangepast`, { group: `${id}:${field}`, redraw: false });
  });
  // A field's problem shows once the user leaves it, not while they type.
  themesEl.addEventListener('focusout', (e) => {
    const el = e.target;
    if (!el.dataset?.veld) return;
    touched.add(el.id);
    refreshProblems();
  });

  /** Update the error summary and the message at each field, without drawing the fields again. */
  function refreshProblems() {
    const problems = page.visibleProblems();
    page.drawErrors(problems);
    const byId = new Map(problems.map((p) => [p.id, fieldMessage(p)]));
    for (const control of themesEl.querySelectorAll('[data-veld]')) {
      const message = byId.get(control.id);
      controlMessage(control, { id: `${control.id}-fout`, text: message ? `Fout: ${message}` : null });
    }
  }
}

export function setupThemes(page) {
  setupButtons(page);
  setupTyping(page);
}
