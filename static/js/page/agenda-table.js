// The overview table on the werkagenda page: draws it from lib/agenda-table.js, keeps the chosen
// sort and filter while the page is open, and opens an action in a modal <dialog> to change it.
// The dialog saves all its fields as one change (one "Ongedaan maken" takes it back), and the
// focus goes back to the row's "Wijzigen" button.

import { edit, FIELDS } from '../lib/agenda.js';
import { groups } from '../lib/agenda-export.js';
import { tableState, nextSort, editProblems, DEFAULT_SORT, DEFAULT_FILTER } from '../lib/agenda-table.js';
import { overviewView, choicesView, countText, sortText, editDialogView, dialogFieldId, editButtonId } from '../lib/agenda-table-view.js';
import { isoDay } from '../lib/nl-format.js';
import { fill, build, controlMessage } from './dom.js';

export function setupTable(page) {
  const { $, announce } = page;
  let sort = DEFAULT_SORT;
  const filter = { ...DEFAULT_FILTER };
  const shownChoices = new Map();

  const state = () => tableState(page.agenda(), page.themes, isoDay(new Date()), { sort, filter });

  /** Fill a select's options only when they changed, so a select in use is left alone. */
  function choices(select, list, chosen) {
    const key = JSON.stringify(list);
    if (shownChoices.get(select.id) !== key) {
      fill(select, ...choicesView(list, chosen));
      shownChoices.set(select.id, key);
    }
    select.value = chosen;
  }

  function draw() {
    const s = state();
    choices($('filter-eigenaar'), s.owners, filter.owner);
    choices($('filter-status'), s.statuses, filter.status);
    $('agenda-overzicht-telling').textContent = countText(s);
    fill($('agenda-overzicht-tabel'), overviewView(s));
    return s;
  }

  // ----- sorting and filtering -------------------------------------------------------------
  $('agenda-overzicht-tabel').addEventListener('click', (e) => {
    const sorter = e.target.closest('button[data-sorteer]');
    if (sorter) {
      sort = nextSort(sort, sorter.dataset.sorteer);
      draw();
      $(sorter.id)?.focus();
      announce(sortText(sort));
      return;
    }
    const editor = e.target.closest('button[data-wijzig]');
    if (editor) openEditor(editor.dataset.wijzig);
  });
  for (const [id, name] of [['filter-eigenaar', 'owner'], ['filter-status', 'status']]) {
    $(id).addEventListener('change', (e) => {
      filter[name] = e.target.value;
      announce(countText(draw()));
    });
  }

  // ----- the dialog ----------------------------------------------------------------------------
  function openEditor(id) {
    const group = groups(page.agenda(), page.themes).find((g) => g.actions.some((a) => a.id === id));
    if (!group) return;
    const number = group.actions.findIndex((a) => a.id === id) + 1;
    const action = group.actions[number - 1];
    const dialog = build(editDialogView(action, number, group.title));
    let saved = false;
    const control = (name) => dialog.querySelector(`#${dialogFieldId(id, name)}`);

    function save() {
      const values = Object.fromEntries(FIELDS.map((f) => [f.id, control(f.id).value]));
      const problems = editProblems(values, control('deadline').validity.badInput);
      for (const f of FIELDS) {
        const problem = problems.find((p) => p.field === f.id);
        controlMessage(control(f.id), { id: `${dialogFieldId(id, f.id)}-fout`, text: problem ? `Fout: ${problem.text}` : null });
      }
      if (problems.length) {
        control(problems[0].field).focus();
        announce(`Niet opgeslagen. ${problems.map((p) => p.text).join(' ')}`);
        return;
      }
      const next = FIELDS.reduce((agenda, f) => edit(agenda, id, f.id, values[f.id]), page.agenda());
      saved = page.change(next, 'Actie gewijzigd', { focus: editButtonId(id) });
      dialog.close();
    }

    dialog.addEventListener('click', (e) => {
      const answer = e.target.closest('button[data-antwoord]')?.dataset.antwoord;
      if (answer === 'opslaan') save();
      else if (answer === 'annuleren') dialog.close();
    });
    // Escape closes the dialog without saving ('cancel', then 'close').
    dialog.addEventListener('close', () => {
      dialog.remove();
      afterEditor(id, saved);
    });
    $('werkagenda-app').append(dialog);
    dialog.showModal();
    control('action').focus();
  }

  /** Back to the row's button; when the filter now hides the row, to the table's heading. */
  function afterEditor(id, saved) {
    const button = $(editButtonId(id));
    if (button) {
      button.focus();
      if (saved) announce('De actie is gewijzigd.');
      return;
    }
    $('agenda-overzicht-kop').focus();
    announce(saved ? 'De actie is gewijzigd. Door het filter staat hij niet meer in de tabel.' : 'De actie is niet gewijzigd.');
  }

  return { draw };
}
