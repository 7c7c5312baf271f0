// The werkagenda as data, and every change a user can make to it (no DOM). A change returns a
// new agenda and leaves the old one as it was, so the page can keep the one before for
// "Ongedaan maken" (one step back, see the history below).
//
// Agenda: { region, date, actions: [Action], ignored: [proposal key], examples: [theme id] }
// Action: { id, theme, action, goal, owner, deadline, status, notes, origin }
//   theme     a werkagenda theme id, or null: shown under "Nog zonder thema"
//   deadline  '' or 'yyyy-mm-dd'
//   status    gepland | bezig | klaar
//   origin    null for your own action, or { key, instrument, source, context }: the proposal
//             it was accepted from. Its key keeps the proposal from coming back.
// Actions keep their order within a theme by their place in `actions`.
// `ignored` holds the keys of proposals the user ignored or whose action they removed;
// `examples` the themes whose example actions are shown as proposals.

export const STATUSES = [
  { id: 'gepland', label: 'Gepland' },
  { id: 'bezig', label: 'Bezig' },
  { id: 'klaar', label: 'Klaar' },
];

/** The fields of an action the user edits, with their labels (Dutch, also the CSV columns). */
export const FIELDS = [
  { id: 'action', label: 'Actie' },
  { id: 'goal', label: 'Doel' },
  { id: 'owner', label: 'Eigenaar' },
  { id: 'deadline', label: 'Deadline' },
  { id: 'status', label: 'Status' },
  { id: 'notes', label: 'Notities' },
];

const EDITABLE = new Set(FIELDS.map((f) => f.id));

export function emptyAgenda() {
  return { region: '', date: '', actions: [], ignored: [], examples: [] };
}

/** True for a real calendar day written as yyyy-mm-dd. */
export function isDay(text) {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** The next free id: a1, a2, ... */
export function nextId(agenda) {
  let max = 0;
  for (const a of agenda.actions) {
    const m = /^a(\d+)$/.exec(a.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `a${max + 1}`;
}

/** The theme an action is shown under: its own if it still exists, else null. */
export function themeOf(action, known) {
  return action.theme !== null && known.includes(action.theme) ? action.theme : null;
}

/** The actions under `theme` (null: without a theme), in order. */
export function actionsIn(agenda, theme, known) {
  return agenda.actions.filter((a) => themeOf(a, known) === theme);
}

/** The proposals that are neither accepted nor ignored. */
export function openProposals(agenda, proposals) {
  const decided = new Set([...agenda.ignored, ...agenda.actions.filter((a) => a.origin).map((a) => a.origin.key)]);
  return proposals.filter((p) => !decided.has(p.key));
}

function newAction(agenda, fields) {
  return { id: nextId(agenda), theme: null, action: '', goal: '', owner: '', deadline: '', status: 'gepland', notes: '', origin: null, ...fields };
}

/** Accept a proposal as an action at the end of its theme: { agenda, id }. */
export function accept(agenda, proposal) {
  const existing = agenda.actions.find((a) => a.origin?.key === proposal.key);
  if (existing) return { agenda, id: existing.id };
  const action = newAction(agenda, {
    theme: proposal.theme,
    action: proposal.action,
    goal: proposal.goal ?? '',
    owner: proposal.owner ?? '',
    origin: { key: proposal.key, instrument: proposal.instrument, source: proposal.source, context: proposal.context ?? '' },
  });
  return { agenda: { ...agenda, actions: [...agenda.actions, action] }, id: action.id };
}

export function ignore(agenda, key) {
  if (agenda.ignored.includes(key)) return agenda;
  return { ...agenda, ignored: [...agenda.ignored, key] };
}

/** Show every ignored proposal again. */
export function unignoreAll(agenda) {
  return agenda.ignored.length ? { ...agenda, ignored: [] } : agenda;
}

/** A new empty action of your own at the end of `theme`: { agenda, id }. */
export function addOwn(agenda, theme) {
  const action = newAction(agenda, { theme });
  return { agenda: { ...agenda, actions: [...agenda.actions, action] }, id: action.id };
}

/** Change one field of one action; an unknown field or action changes nothing. */
export function edit(agenda, id, field, value) {
  if (!EDITABLE.has(field) || typeof value !== 'string') return agenda;
  if (field === 'status' && !STATUSES.some((s) => s.id === value)) return agenda;
  const current = agenda.actions.find((a) => a.id === id);
  if (!current || current[field] === value) return agenda;
  return { ...agenda, actions: agenda.actions.map((a) => (a.id === id ? { ...a, [field]: value } : a)) };
}

/** The region or date at the top of the agenda. */
export function setDetail(agenda, field, value) {
  if ((field !== 'region' && field !== 'date') || typeof value !== 'string' || agenda[field] === value) return agenda;
  return { ...agenda, [field]: value };
}

/**
 * Remove an action. One accepted from a proposal puts that proposal among the ignored: the user
 * has decided about it, so it does not come back by itself.
 */
export function remove(agenda, id) {
  const action = agenda.actions.find((a) => a.id === id);
  if (!action) return agenda;
  const actions = agenda.actions.filter((a) => a.id !== id);
  return action.origin ? ignore({ ...agenda, actions }, action.origin.key) : { ...agenda, actions };
}

/**
 * Move an action one place up (-1) or down (+1). At the top of its theme it goes to the end of
 * the theme before; at the bottom, to the start of the next theme. Nothing moves into "without a
 * theme". Returns { agenda, theme } or null when it cannot move further.
 */
export function move(agenda, id, direction, known) {
  const action = agenda.actions.find((a) => a.id === id);
  if (!action) return null;
  const theme = themeOf(action, known);
  const siblings = actionsIn(agenda, theme, known);
  const at = siblings.indexOf(action);
  const neighbour = siblings[at + direction];
  if (neighbour) {
    const actions = [...agenda.actions];
    const i = actions.indexOf(action);
    const j = actions.indexOf(neighbour);
    [actions[i], actions[j]] = [actions[j], actions[i]];
    return { agenda: { ...agenda, actions }, theme };
  }
  const order = theme === null ? known.length : known.indexOf(theme);
  const target = known[order + direction];
  if (target === undefined) return null;
  const moved = { ...action, theme: target };
  const rest = agenda.actions.filter((a) => a !== action);
  const actions = direction < 0 ? [...rest, moved] : [moved, ...rest];
  return { agenda: { ...agenda, actions }, theme: target };
}

/** Show or hide the example actions of a theme among its proposals. */
export function toggleExamples(agenda, theme) {
  const examples = agenda.examples.includes(theme) ? agenda.examples.filter((t) => t !== theme) : [...agenda.examples, theme];
  return { ...agenda, examples };
}

// ----- one step back ---------------------------------------------------------------------
// { present, previous, label, group }: `previous` is the agenda before the last change, `label`
// says what that change was. Typing is one change per field: commits with the same `group`
// (action and field) keep the `previous` from before the first keystroke.

export function startHistory(agenda) {
  return { present: agenda, previous: null, label: null, group: null };
}

export function commit(history, agenda, label, group = null) {
  if (agenda === history.present) return history;
  if (group !== null && group === history.group) return { ...history, present: agenda };
  return { present: agenda, previous: history.present, label, group };
}

export function undo(history) {
  if (!history.previous) return history;
  return { present: history.previous, previous: null, label: null, group: null };
}
