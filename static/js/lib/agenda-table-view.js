// The overview table of the werkagenda as a view tree (view-tree.js), from the state that
// agenda-table.js computes: sort buttons in the column headers (with aria-sort), late actions
// marked in words, and a "Wijzigen" button per row that opens the action in a dialog. Pure.
//
// Ids: the sort buttons sorteer-<key>, the row buttons wijzig-<action id>.

import { h } from './view-tree.js';
import { plural } from './nl-format.js';
import { FIELDS } from './agenda.js';
import { field, originView, actionName } from './agenda-views.js';

const HEADERS = [
  { key: 'theme', label: 'Thema', sortable: true },
  { key: 'action', label: 'Actie', sortable: false },
  { key: 'owner', label: 'Eigenaar', sortable: true },
  { key: 'status', label: 'Status', sortable: true },
  { key: 'deadline', label: 'Deadline', sortable: true },
];

const DIRECTION_TEXT = { ascending: 'oplopend', descending: 'aflopend' };

export const editButtonId = (actionId) => `wijzig-${actionId}`;

/** How many actions, how many late, and how many the filter shows. */
export function countText({ rows, total, late }) {
  if (total === 0) return 'Er staan nog geen acties op je werkagenda.';
  const lateText = late ? `, waarvan ${late} te laat` : '';
  const shown = rows.length === total ? '' : ` Je ziet er ${rows.length} door het filter.`;
  return `${plural(total, 'actie', 'acties')}${lateText}.${shown}`;
}

/** "Gesorteerd op deadline, oplopend." for the caption and the live message. */
export function sortText(sort) {
  const label = HEADERS.find((c) => c.key === sort.key)?.label ?? 'Thema';
  return `Gesorteerd op ${label.toLowerCase()}, ${DIRECTION_TEXT[sort.direction]}.`;
}

function headerCell(column, sort) {
  if (!column.sortable) return h('th', { scope: 'col' }, column.label);
  const active = sort.key === column.key;
  // The arrow is for the eye; aria-sort says the same to a screen reader.
  const arrow = active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
  return h(
    'th',
    { scope: 'col', 'aria-sort': active ? sort.direction : null },
    h('button', { type: 'button', class: 'sorteerknop', id: `sorteer-${column.key}`, 'data-sorteer': column.key }, column.label, h('span', { class: 'sorteerknop__pijl', 'aria-hidden': 'true' }, ` ${arrow}`)),
  );
}

function empty(hidden) {
  return [h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'visueel-verborgen' }, hidden)];
}

function rowView(row) {
  const name = `actie ${row.number} bij ${row.themeTitle}`;
  return h(
    'tr',
    { class: row.overdue ? 'overzicht__rij--te-laat' : null, 'data-rij': row.id },
    h('td', {}, row.themeTitle),
    h('th', { scope: 'row', class: 'overzicht__actie' }, row.action || h('em', {}, 'Nog geen tekst')),
    h('td', {}, row.owner || empty('geen eigenaar')),
    h('td', {}, row.statusLabel),
    h('td', {}, row.deadlineText || empty('geen deadline'), row.overdue ? [' ', h('strong', { class: 'te-laat' }, 'Te laat')] : null),
    h('td', {}, h('button', { type: 'button', class: 'knop knop--tweede knop--klein', id: editButtonId(row.id), 'data-wijzig': row.id }, 'Wijzigen', h('span', { class: 'visueel-verborgen' }, ` (${name})`))),
  );
}

/** The table, or a line that there is nothing to show (yet). */
export function overviewView(state) {
  if (state.total === 0) return h('p', { class: 'agenda-overzicht__leeg' }, 'Neem hieronder een voorstel over of voeg een eigen actie toe. Dan staat hij hier.');
  if (state.rows.length === 0) return h('p', { class: 'agenda-overzicht__leeg' }, 'Geen acties bij dit filter. Kies bij Eigenaar of Status "alle" om alles te zien.');
  const caption = `Alle acties. ${sortText(state.sort)}`;
  return h(
    'div',
    { class: 'tabel agenda-overzicht__tabel', role: 'region', 'aria-label': 'Overzicht van de acties', tabindex: '0' },
    h(
      'table',
      {},
      h('caption', { class: 'visueel-verborgen' }, caption),
      h('thead', {}, h('tr', {}, HEADERS.map((c) => headerCell(c, state.sort)), h('th', { scope: 'col' }, h('span', { class: 'visueel-verborgen' }, 'Wijzigen')))),
      h('tbody', {}, state.rows.map(rowView)),
    ),
  );
}

/** The options of a filter select. */
export function choicesView(choices, chosen) {
  return choices.map((c) => h('option', { value: c.value, selected: c.value === chosen }, c.label));
}

/** The ids of the dialog's fields: one dialog at a time, so the field's name is enough. */
export const dialogFieldId = (actionId, fieldName) => `dialoog-${fieldName}`;

/**
 * The dialog to change one action: the same fields as the form under its theme, then "Opslaan"
 * and "Annuleren". `errors`: dialog field id → message.
 */
export function editDialogView(action, number, groupTitle, errors = {}) {
  return h(
    'dialog',
    { class: 'wijzig-dialoog', id: 'wijzig-dialoog', 'aria-labelledby': 'wijzig-dialoog-kop' },
    h('h2', { id: 'wijzig-dialoog-kop' }, `${actionName(number, groupTitle)} wijzigen`),
    originView(action),
    h('div', { class: 'actie__velden' }, FIELDS.map((def) => field(action, def, errors, dialogFieldId))),
    h(
      'p',
      { class: 'knoppen' },
      h('button', { type: 'button', class: 'knop', id: 'wijzig-opslaan', 'data-antwoord': 'opslaan' }, 'Opslaan'),
      h('button', { type: 'button', class: 'knop knop--tweede', id: 'wijzig-annuleren', 'data-antwoord': 'annuleren' }, 'Annuleren'),
    ),
  );
}
