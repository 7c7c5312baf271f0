// The overview table of the werkagenda as data (no DOM): one row per action, which rows a filter
// keeps, in which order a sort puts them, and which actions are late. The page module
// (page/agenda-table.js) draws the rows and keeps the chosen sort and filter.
//
// Row: { id, theme, themeTitle, themeRank, number, action, owner, status, statusLabel,
//        deadline, deadlineText, overdue }
// Sort: { key: 'theme' | 'owner' | 'status' | 'deadline', direction: 'ascending' | 'descending' }
// Filter: { owner: '' (all) | an owner | NO_OWNER, status: '' (all) | a status id | LATE }

import { STATUSES, isDay } from './agenda.js';
import { groups, dayText, statusLabel } from './agenda-export.js';

/** The owner filter's value for actions without an owner; owners are trimmed, so never ' '. */
export const NO_OWNER = ' ';
/** The status filter's value for the late actions (not a status of its own). */
export const LATE = 'te-laat';

export const SORT_KEYS = ['theme', 'owner', 'status', 'deadline'];
export const DEFAULT_SORT = { key: 'theme', direction: 'ascending' };
export const DEFAULT_FILTER = { owner: '', status: '' };

/** Late: a real deadline before `today` ('yyyy-mm-dd') and not done yet. */
export function isOverdue(action, today) {
  return isDay(action.deadline) && action.deadline < today && action.status !== 'klaar';
}

/** Every action as a row, in the order of the themes (the order of the page). */
export function tableRows(agenda, themes, today) {
  return groups(agenda, themes).flatMap((group, rank) =>
    group.actions.map((a, i) => ({
      id: a.id,
      theme: group.id,
      themeTitle: group.title,
      themeRank: rank,
      number: i + 1,
      action: a.action,
      owner: a.owner.trim(),
      status: a.status,
      statusLabel: statusLabel(a.status),
      deadline: isDay(a.deadline) ? a.deadline : '',
      deadlineText: dayText(a.deadline),
      overdue: isOverdue(a, today),
    })),
  );
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
const statusRank = (id) => STATUSES.findIndex((s) => s.id === id);

/** Compare two rows on `key`; null when a value is missing (those go last in either direction). */
const COMPARE = {
  theme: (a, b) => a.themeRank - b.themeRank,
  owner: (a, b) => (a.owner && b.owner ? collator.compare(a.owner, b.owner) : null),
  status: (a, b) => statusRank(a.status) - statusRank(b.status),
  deadline: (a, b) => (a.deadline && b.deadline ? (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) : null),
};

/** Missing values (no owner, no deadline) last, whichever way the column is sorted. */
function emptyLast(a, b, key) {
  const value = (r) => (key === 'owner' ? r.owner : r.deadline);
  return (value(a) ? 0 : 1) - (value(b) ? 0 : 1);
}

/**
 * The rows sorted on `sort`; equal rows keep the page order (theme, then place in the theme),
 * so a sort never shuffles what it does not decide.
 */
export function sortRows(rows, sort = DEFAULT_SORT) {
  const compare = COMPARE[sort.key] ?? COMPARE.theme;
  const sign = sort.direction === 'descending' ? -1 : 1;
  const pageOrder = (a, b) => a.themeRank - b.themeRank || a.number - b.number;
  return [...rows].sort((a, b) => {
    const c = compare(a, b);
    if (c === null) return emptyLast(a, b, sort.key) || pageOrder(a, b);
    return sign * c || pageOrder(a, b);
  });
}

/** The rows the filter keeps. */
export function filterRows(rows, filter = DEFAULT_FILTER) {
  return rows.filter((r) => ownerMatches(r, filter.owner) && statusMatches(r, filter.status));
}

function ownerMatches(row, owner) {
  if (!owner) return true;
  if (owner === NO_OWNER) return row.owner === '';
  return collator.compare(row.owner, owner) === 0;
}

function statusMatches(row, status) {
  if (!status) return true;
  return status === LATE ? row.overdue : row.status === status;
}

/** Clicking a column's sort button: the same column turns around, another starts ascending. */
export function nextSort(current, key) {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'ascending' };
}

/**
 * The choices of the owner filter: "alle", every owner once (case does not make a new owner),
 * sorted, and "Zonder eigenaar" when an action has none. The chosen owner stays a choice even
 * when no action has it any more, so the select never changes under the user's hands.
 */
export function ownerChoices(rows, chosen = '') {
  const owners = [];
  for (const r of rows) if (r.owner && !owners.some((o) => collator.compare(o, r.owner) === 0)) owners.push(r.owner);
  if (chosen && chosen !== NO_OWNER && !owners.some((o) => collator.compare(o, chosen) === 0)) owners.push(chosen);
  owners.sort(collator.compare);
  const none = rows.some((r) => !r.owner) || chosen === NO_OWNER;
  return [{ value: '', label: 'alle' }, ...owners.map((o) => ({ value: o, label: o })), ...(none ? [{ value: NO_OWNER, label: 'Zonder eigenaar' }] : [])];
}

/** The choices of the status filter: "alle", each status, and the late actions. */
export function statusChoices() {
  return [{ value: '', label: 'alle' }, ...STATUSES.map((s) => ({ value: s.id, label: s.label })), { value: LATE, label: 'Te laat' }];
}

/** Everything the table shows: the rows in order, the counts, the choices. */
export function tableState(agenda, themes, today, { sort = DEFAULT_SORT, filter = DEFAULT_FILTER } = {}) {
  const all = tableRows(agenda, themes, today);
  const rows = sortRows(filterRows(all, filter), sort);
  return { rows, total: all.length, late: all.filter((r) => r.overdue).length, owners: ownerChoices(all, filter.owner), statuses: statusChoices(), sort, filter };
}

/**
 * What keeps the dialog from saving: [{ field, text }] in the order of the fields. `badDate`:
 * the browser could not read the typed deadline as a date.
 */
export function editProblems(values, badDate = false) {
  const out = [];
  if ((values.action ?? '').trim() === '') out.push({ field: 'action', text: 'Vul in wat je gaat doen.' });
  if (badDate) out.push({ field: 'deadline', text: 'De deadline is geen bestaande datum. Kies een datum of maak het veld leeg.' });
  return out;
}
