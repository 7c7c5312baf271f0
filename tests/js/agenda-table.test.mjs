// The overview table of the werkagenda without a browser: rows in page order, late actions,
// sorting on theme, owner, status and deadline (empty values last both ways, ties in page
// order), filtering on owner and status, the filter choices, and the dialog's checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyAgenda, addOwn, edit } from '../../static/js/lib/agenda.js';
import { tableRows, tableState, sortRows, filterRows, nextSort, ownerChoices, statusChoices, isOverdue, editProblems, NO_OWNER, LATE } from '../../static/js/lib/agenda-table.js';
import { overviewView, countText, sortText, editDialogView } from '../../static/js/lib/agenda-table-view.js';
import { textOf, nodesOf } from '../../static/js/lib/view-tree.js';

const THEMES = [
  { id: 'kind', title: 'Het kind centraal' },
  { id: 'vroeg', title: 'Hoe eerder hoe beter' },
];
const TODAY = '2027-01-15';

/** An agenda from [theme, action, owner, deadline, status] lines, ids a1, a2, ... in order. */
function agendaOf(lines) {
  let agenda = emptyAgenda();
  for (const [theme, action, owner, deadline, status] of lines) {
    const added = addOwn(agenda, theme);
    agenda = added.agenda;
    for (const [field, value] of Object.entries({ action, owner, deadline, status })) agenda = edit(agenda, added.id, field, value);
  }
  return agenda;
}

const AGENDA = agendaOf([
  ['vroeg', 'Signalen eerder delen', 'Leerplicht', '2027-03-01', 'gepland'],
  ['kind', 'Kind zelf horen', 'samenwerkingsverband', '2026-12-01', 'bezig'],
  ['kind', 'Ouders uitnodigen', '', '', 'gepland'],
  ['vroeg', 'Protocol herzien', 'Samenwerkingsverband', '2027-01-14', 'klaar'],
  ['vroeg', 'Wachtlijst in beeld', 'Gemeente', '2027-01-15', 'gepland'],
]);
const ids = (rows) => rows.map((r) => r.id);

test('rows follow the page: theme by theme, numbered within the theme', () => {
  const rows = tableRows(AGENDA, THEMES, TODAY);
  assert.deepEqual(ids(rows), ['a2', 'a3', 'a1', 'a4', 'a5']);
  assert.deepEqual(rows.map((r) => `${r.themeTitle} ${r.number}`), ['Het kind centraal 1', 'Het kind centraal 2', 'Hoe eerder hoe beter 1', 'Hoe eerder hoe beter 2', 'Hoe eerder hoe beter 3']);
  assert.equal(rows[0].deadlineText, '1 december 2026');
  assert.equal(rows[0].statusLabel, 'Bezig');
});

test('late: a deadline before today and not done; today itself, done and no deadline are not late', () => {
  const late = tableRows(AGENDA, THEMES, TODAY).filter((r) => r.overdue);
  assert.deepEqual(ids(late), ['a2']);
  assert.equal(isOverdue({ deadline: '2027-01-14', status: 'gepland' }, TODAY), true);
  assert.equal(isOverdue({ deadline: '2027-01-14', status: 'klaar' }, TODAY), false);
  assert.equal(isOverdue({ deadline: '2027-01-15', status: 'bezig' }, TODAY), false);
  assert.equal(isOverdue({ deadline: '', status: 'bezig' }, TODAY), false);
  assert.equal(isOverdue({ deadline: '2027-02-30', status: 'bezig' }, TODAY), false, 'not a real day');
});

test('sort on deadline: earliest first, the other way round latest first; no deadline last both ways', () => {
  const rows = tableRows(AGENDA, THEMES, TODAY);
  assert.deepEqual(ids(sortRows(rows, { key: 'deadline', direction: 'ascending' })), ['a2', 'a4', 'a5', 'a1', 'a3']);
  assert.deepEqual(ids(sortRows(rows, { key: 'deadline', direction: 'descending' })), ['a1', 'a5', 'a4', 'a2', 'a3']);
});

test('sort on owner: alphabetical in Dutch, case does not matter, ties in page order, no owner last', () => {
  const rows = tableRows(AGENDA, THEMES, TODAY);
  // "samenwerkingsverband" and "Samenwerkingsverband" are equal: page order decides (a2 before a4).
  assert.deepEqual(ids(sortRows(rows, { key: 'owner', direction: 'ascending' })), ['a5', 'a1', 'a2', 'a4', 'a3']);
  assert.deepEqual(ids(sortRows(rows, { key: 'owner', direction: 'descending' })), ['a2', 'a4', 'a1', 'a5', 'a3']);
});

test('sort on status follows the work: gepland, bezig, klaar; on theme the order of the themes', () => {
  const rows = tableRows(AGENDA, THEMES, TODAY);
  assert.deepEqual(ids(sortRows(rows, { key: 'status', direction: 'ascending' })), ['a3', 'a1', 'a5', 'a2', 'a4']);
  assert.deepEqual(ids(sortRows(rows, { key: 'status', direction: 'descending' })), ['a4', 'a2', 'a3', 'a1', 'a5']);
  assert.deepEqual(ids(sortRows(rows, { key: 'theme', direction: 'descending' })), ['a1', 'a4', 'a5', 'a2', 'a3']);
  assert.deepEqual(ids(sortRows(rows)), ['a2', 'a3', 'a1', 'a4', 'a5'], 'default: the page order');
});

test('the same column turns the sort around; another column starts ascending', () => {
  assert.deepEqual(nextSort({ key: 'theme', direction: 'ascending' }, 'theme'), { key: 'theme', direction: 'descending' });
  assert.deepEqual(nextSort({ key: 'theme', direction: 'descending' }, 'theme'), { key: 'theme', direction: 'ascending' });
  assert.deepEqual(nextSort({ key: 'theme', direction: 'descending' }, 'owner'), { key: 'owner', direction: 'ascending' });
});

test('filter on owner (case does not matter), on no owner, on status and on late; both at once', () => {
  const rows = tableRows(AGENDA, THEMES, TODAY);
  assert.deepEqual(ids(filterRows(rows, { owner: 'Samenwerkingsverband', status: '' })), ['a2', 'a4']);
  assert.deepEqual(ids(filterRows(rows, { owner: NO_OWNER, status: '' })), ['a3']);
  assert.deepEqual(ids(filterRows(rows, { owner: '', status: 'gepland' })), ['a3', 'a1', 'a5']);
  assert.deepEqual(ids(filterRows(rows, { owner: '', status: LATE })), ['a2']);
  assert.deepEqual(ids(filterRows(rows, { owner: 'samenwerkingsverband', status: 'klaar' })), ['a4']);
  assert.deepEqual(ids(filterRows(rows, { owner: '', status: '' })), ids(rows));
});

test('owner choices: alle, each owner once and sorted, no owner last; a chosen owner stays a choice', () => {
  const rows = tableRows(AGENDA, THEMES, TODAY);
  assert.deepEqual(ownerChoices(rows).map((c) => c.label), ['alle', 'Gemeente', 'Leerplicht', 'samenwerkingsverband', 'Zonder eigenaar']);
  assert.equal(ownerChoices(rows).at(-1).value, NO_OWNER);
  assert.deepEqual(ownerChoices(rows.slice(2, 3), 'Wethouder').map((c) => c.label), ['alle', 'Leerplicht', 'Wethouder']);
  assert.deepEqual(statusChoices().map((c) => c.label), ['alle', 'Gepland', 'Bezig', 'Klaar', 'Te laat']);
});

test('the table: sort buttons with aria-sort on the sorted column only, late in words, a button per row', () => {
  const state = tableState(AGENDA, THEMES, TODAY, { sort: { key: 'deadline', direction: 'descending' } });
  const tree = overviewView(state);
  const headers = nodesOf(tree).filter((n) => n.tag === 'th' && n.attrs.scope === 'col');
  assert.deepEqual(headers.map((th) => th.attrs['aria-sort'] ?? null), [null, null, null, null, 'descending', null]);
  const buttons = nodesOf(tree).filter((n) => n.tag === 'button' && n.attrs['data-sorteer']);
  assert.deepEqual(buttons.map((b) => b.attrs.id), ['sorteer-theme', 'sorteer-owner', 'sorteer-status', 'sorteer-deadline']);
  const rows = nodesOf(tree).filter((n) => n.tag === 'tr' && n.attrs['data-rij']);
  assert.deepEqual(rows.map((r) => r.attrs['data-rij']), ['a1', 'a5', 'a4', 'a2', 'a3']);
  assert.match(textOf(rows[3]), /1 december 2026 Te laat/);
  assert.equal(rows.filter((r) => /Te laat/.test(textOf(r))).length, 1);
  assert.match(textOf(rows[4]), /–geen eigenaar.*–geen deadline/);
  assert.equal(textOf(nodesOf(rows[0]).find((n) => n.attrs['data-wijzig'])), 'Wijzigen (actie 1 bij Hoe eerder hoe beter)');
  assert.match(textOf(nodesOf(tree).find((n) => n.tag === 'caption')), /Gesorteerd op deadline, aflopend\./);
});

test('counts and empty states say what is going on', () => {
  assert.equal(countText(tableState(AGENDA, THEMES, TODAY)), '5 acties, waarvan 1 te laat.');
  const filtered = tableState(AGENDA, THEMES, TODAY, { filter: { owner: 'Gemeente', status: '' } });
  assert.equal(countText(filtered), '5 acties, waarvan 1 te laat. Je ziet er 1 door het filter.');
  const none = tableState(AGENDA, THEMES, TODAY, { filter: { owner: 'Gemeente', status: 'klaar' } });
  assert.match(textOf(overviewView(none)), /Geen acties bij dit filter/);
  const empty = tableState(emptyAgenda(), THEMES, TODAY);
  assert.equal(countText(empty), 'Er staan nog geen acties op je werkagenda.');
  assert.match(textOf(overviewView(empty)), /Neem hieronder een voorstel over/);
  assert.equal(sortText({ key: 'owner', direction: 'ascending' }), 'Gesorteerd op eigenaar, oplopend.');
});

test('the dialog holds the fields of the form with ids of its own; it refuses an empty action or a bad date', () => {
  const action = AGENDA.actions[0];
  const tree = editDialogView(action, 1, 'Hoe eerder hoe beter');
  assert.equal(tree.tag, 'dialog');
  assert.match(textOf(tree), /^Actie 1 bij Hoe eerder hoe beter wijzigen/);
  const controls = nodesOf(tree).filter((n) => ['textarea', 'input', 'select'].includes(n.tag));
  assert.deepEqual(controls.map((c) => c.attrs.id), ['dialoog-action', 'dialoog-goal', 'dialoog-owner', 'dialoog-deadline', 'dialoog-status', 'dialoog-notes']);
  const labels = nodesOf(tree).filter((n) => n.tag === 'label').map((l) => l.attrs.for);
  assert.deepEqual(labels, controls.map((c) => c.attrs.id));
  assert.deepEqual(editProblems({ action: '  ' }, true).map((p) => p.field), ['action', 'deadline']);
  assert.deepEqual(editProblems({ action: 'Iets' }), []);
});
