// The agenda model: accept, edit, add, remove, reorder within and between themes, and one step
// of undo in which typing in one field counts as one change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyAgenda, accept, addOwn, edit, remove, move, ignore, unignoreAll, toggleExamples, setDetail,
  actionsIn, openProposals, nextId, isDay, startHistory, commit, undo,
} from '../../static/js/lib/agenda.js';

const THEMES = ['kind', 'vroeg', 'systeem'];
const proposal = (key, theme) => ({ key, theme, action: `Doe ${key}.`, goal: '', owner: '', context: `Waarom ${key}?`, source: `Bron ${key}`, instrument: key.split('/')[0] });

/** An agenda with own actions: kind a1 a2, vroeg a3, systeem none. */
function three() {
  let agenda = emptyAgenda();
  for (const theme of ['kind', 'kind', 'vroeg']) ({ agenda } = addOwn(agenda, theme));
  return agenda;
}
const order = (agenda) => THEMES.map((t) => `${t}: ${actionsIn(agenda, t, THEMES).map((a) => a.id).join(' ')}`);

test('accepting a proposal makes an action with its origin at the end of its theme', () => {
  const { agenda, id } = accept(three(), proposal('proef/i2', 'kind'));
  assert.equal(id, 'a4');
  assert.deepEqual(agenda.actions.at(-1), {
    id: 'a4', theme: 'kind', action: 'Doe proef/i2.', goal: '', owner: '', deadline: '', status: 'gepland', notes: '',
    origin: { key: 'proef/i2', instrument: 'proef', source: 'Bron proef/i2', context: 'Waarom proef/i2?' },
  });
  assert.deepEqual(order(agenda), ['kind: a1 a2 a4', 'vroeg: a3', 'systeem: ']);
});

test('edit changes one field and leaves the earlier agenda as it was', () => {
  const before = three();
  const after = edit(before, 'a2', 'owner', 'Leerplicht');
  assert.equal(after.actions[1].owner, 'Leerplicht');
  assert.equal(before.actions[1].owner, '');
  assert.equal(edit(after, 'a2', 'status', 'klaar').actions[1].status, 'klaar');
  // Unknown fields, actions and statuses change nothing.
  assert.equal(edit(after, 'a2', 'status', 'misschien'), after);
  assert.equal(edit(after, 'a2', 'id', 'x'), after);
  assert.equal(edit(after, 'a9', 'owner', 'x'), after);
  assert.equal(setDetail(after, 'region', 'Lekstroom').region, 'Lekstroom');
  assert.equal(setDetail(after, 'actions', []), after);
});

test('move goes up and down within a theme, then across to the theme before or after', () => {
  let agenda = three();
  agenda = move(agenda, 'a2', -1, THEMES).agenda;
  assert.deepEqual(order(agenda), ['kind: a2 a1', 'vroeg: a3', 'systeem: ']);
  const down = move(agenda, 'a1', +1, THEMES);
  assert.equal(down.theme, 'vroeg');
  assert.deepEqual(order(down.agenda), ['kind: a2', 'vroeg: a1 a3', 'systeem: ']);
  const up = move(down.agenda, 'a1', -1, THEMES);
  assert.equal(up.theme, 'kind');
  assert.deepEqual(order(up.agenda), ['kind: a2 a1', 'vroeg: a3', 'systeem: ']);
  // Past an empty theme and to the edges: the first action cannot go further up, the last not down.
  const last = move(move(agenda, 'a3', +1, THEMES).agenda, 'a3', +1, THEMES);
  assert.equal(last, null);
  assert.equal(move(agenda, 'a2', -1, THEMES), null);
});

test('an action whose theme no longer exists stands without a theme and can be moved into the last theme', () => {
  let agenda = emptyAgenda();
  ({ agenda } = addOwn(agenda, 'weg'));
  assert.deepEqual(actionsIn(agenda, null, THEMES).map((a) => a.id), ['a1']);
  const moved = move(agenda, 'a1', -1, THEMES);
  assert.equal(moved.theme, 'systeem');
  assert.equal(move(agenda, 'a1', +1, THEMES), null, 'nothing moves into "without a theme"');
});

test('removing an accepted action ignores its proposal; showing the ignored ones brings it back', () => {
  const p = proposal('kaart/geen-regie/s1', 'vroeg');
  const { agenda, id } = accept(emptyAgenda(), p);
  const removed = remove(agenda, id);
  assert.deepEqual(removed.actions, []);
  assert.deepEqual(removed.ignored, ['kaart/geen-regie/s1']);
  assert.deepEqual(openProposals(removed, [p]), []);
  assert.deepEqual(openProposals(unignoreAll(removed), [p]), [p]);
  assert.deepEqual(remove(three(), 'a1').ignored, [], 'an own action leaves nothing behind');
  assert.equal(ignore(removed, p.key), removed);
});

test('ids are never taken twice while an action with that id exists', () => {
  let agenda = three();
  agenda = remove(agenda, 'a2');
  assert.equal(nextId(agenda), 'a4');
  assert.equal(nextId(emptyAgenda()), 'a1');
});

test('examples are switched on and off per theme', () => {
  const on = toggleExamples(emptyAgenda(), 'vroeg');
  assert.deepEqual(on.examples, ['vroeg']);
  assert.deepEqual(toggleExamples(on, 'vroeg').examples, []);
});

test('undo goes back exactly one change, and only once', () => {
  const start = three();
  let h = startHistory(start);
  assert.equal(undo(h), h, 'nothing to undo yet');
  h = commit(h, remove(h.present, 'a1'), 'Actie verwijderd');
  h = commit(h, move(h.present, 'a2', +1, THEMES).agenda, 'Actie verplaatst');
  assert.equal(h.label, 'Actie verplaatst');
  h = undo(h);
  assert.deepEqual(order(h.present), ['kind: a2', 'vroeg: a3', 'systeem: ']);
  assert.equal(h.previous, null);
  assert.equal(undo(h), h, 'one level only');
  assert.equal(commit(h, h.present, 'niets'), h, 'no change, no undo step');
});

test('typing in one field is one change; another field starts a new one', () => {
  let h = startHistory(three());
  for (const text of ['S', 'Sa', 'Sam']) h = commit(h, edit(h.present, 'a1', 'goal', text), 'Doel aangepast', 'a1:goal');
  assert.equal(h.present.actions[0].goal, 'Sam');
  assert.equal(h.previous.actions[0].goal, '');
  h = commit(h, edit(h.present, 'a1', 'owner', 'School'), 'Eigenaar aangepast', 'a1:owner');
  h = undo(h);
  assert.equal(h.present.actions[0].goal, 'Sam');
  assert.equal(h.present.actions[0].owner, '');
});

test('a day is a real date written as yyyy-mm-dd', () => {
  assert.equal(isDay('2028-02-29'), true);
  assert.equal(isDay('2027-02-29'), false);
  assert.equal(isDay('2027-13-01'), false);
  assert.equal(isDay('1-3-2027'), false);
  assert.equal(isDay(20270301), false);
});
