// What the werkagenda page draws, checked as view trees: themes with their proposals and
// actions, loose ones under "Nog zonder thema", the problems that stop an export, the empty
// state's order of instruments and the printed tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { themesView, problemsOf, fieldMessage, errorSummaryView, emptyView, printView } from '../../static/js/lib/agenda-views.js';
import { emptyAgenda, addOwn, edit, accept } from '../../static/js/lib/agenda.js';
import { textOf, nodesOf } from '../../static/js/lib/view-tree.js';

const THEMES = [{ id: 'kind', title: 'Het kind centraal', description: 'Uitleg.' }, { id: 'vroeg', title: 'Hoe eerder hoe beter', description: null }];
const proposal = (key, theme) => ({ key, theme, action: `Doe ${key}.`, goal: '', owner: '', context: 'Waarom?', source: 'Bron', instrument: 'x' });
const find = (tree, pred) => nodesOf(tree).filter(pred);

test('each theme shows its proposals and actions; a proposal without a theme opens "Nog zonder thema"', () => {
  let { agenda } = addOwn(emptyAgenda(), 'vroeg');
  agenda = edit(agenda, 'a1', 'action', 'Eigen');
  const views = themesView(agenda, THEMES, { proposals: [proposal('x/1', 'kind'), proposal('x/2', null)], examples: { vroeg: 3 } });
  assert.deepEqual(views.map((v) => v.attrs['data-thema']), ['kind', 'vroeg', '']);
  assert.match(textOf(views[0]), /^Het kind centraalUitleg\.Voorstellen \(1\).*Doe x\/1\..*Acties \(0\)Nog geen acties bij dit thema\./);
  const buttons = find(views[0], (n) => n.tag === 'button').map(textOf);
  assert.deepEqual(buttons, ['Overnemen (voorstel 1 bij Het kind centraal)', 'Negeren (voorstel 1 bij Het kind centraal)', 'Eigen actie toevoegen (Het kind centraal)']);
  const legend = find(views[1], (n) => n.tag === 'legend').map(textOf);
  assert.deepEqual(legend, ['Actie 1 bij Hoe eerder hoe beter']);
  assert.ok(find(views[1], (n) => n.tag === 'button').map(textOf).includes('Voorbeelden tonen (3) (Hoe eerder hoe beter)'));
  assert.equal(find(views[1], (n) => n.tag === 'textarea' && n.attrs.id === 'veld-a1-action')[0].children[0], 'Eigen');
  // Nothing is added straight into "without a theme".
  assert.equal(find(views[2], (n) => n.attrs['data-doe'] === 'toevoegen').length, 0);
});

test('every field has a visible label; the owner and deadline have a hint they point to', () => {
  const { agenda } = addOwn(emptyAgenda(), 'kind');
  const [view] = themesView(agenda, THEMES, { proposals: [] });
  const labels = find(view, (n) => n.tag === 'label').map((l) => [l.attrs.for, textOf(l)]);
  assert.deepEqual(labels, [['veld-a1-action', 'Actie'], ['veld-a1-goal', 'Doel'], ['veld-a1-owner', 'Eigenaar'], ['veld-a1-deadline', 'Deadline'], ['veld-a1-status', 'Status'], ['veld-a1-notes', 'Notities']]);
  const owner = find(view, (n) => n.attrs.id === 'veld-a1-owner')[0];
  assert.equal(owner.attrs['aria-describedby'], 'veld-a1-owner-hint');
});

test('an empty action and a bad date are problems, named by theme and number, with a message at the field', () => {
  let agenda = emptyAgenda();
  ({ agenda } = addOwn(agenda, 'vroeg'));
  ({ agenda } = addOwn(agenda, 'vroeg'));
  agenda = edit(agenda, 'a2', 'action', 'Iets');
  const problems = problemsOf(agenda, THEMES, new Set(['a2']));
  assert.deepEqual(problems, [
    { id: 'veld-a1-action', text: 'Actie 1 bij Hoe eerder hoe beter: vul in wat je gaat doen.' },
    { id: 'veld-a2-deadline', text: 'Actie 2 bij Hoe eerder hoe beter: de deadline is geen bestaande datum. Kies een datum of maak het veld leeg.' },
  ]);
  assert.equal(fieldMessage(problems[0]), 'vul in wat je gaat doen.');
  const summary = errorSummaryView(problems);
  assert.deepEqual(find(summary, (n) => n.tag === 'a').map((a) => a.attrs.href), ['#veld-a1-action', '#veld-a2-deadline']);
  const [, view] = themesView(agenda, THEMES, { proposals: [], errors: { 'veld-a1-action': 'vul in wat je gaat doen.' } });
  const field = find(view, (n) => n.attrs.id === 'veld-a1-action')[0];
  assert.equal(field.attrs['aria-invalid'], 'true');
  assert.equal(field.attrs['aria-describedby'], 'veld-a1-action-fout');
  assert.equal(textOf(find(view, (n) => n.attrs.id === 'veld-a1-action-fout')[0]), 'Fout: vul in wat je gaat doen.');
});

test('the empty state names the instruments in the order to fill them in, with links from this page', () => {
  const list = [
    { id: 'basis', kind: 'werkagenda', title: 'Basis', url: 'instrumenten/basis.html' },
    { id: 'toets', kind: 'toetsvragen', title: 'Toets', url: 'instrumenten/toets.html' },
    { id: 'tel', kind: 'inventarisatie', title: 'Tel', url: 'instrumenten/tel.html' },
    { id: 'kaart', kind: 'routekaart', title: 'Kaart', url: 'instrumenten/kaart.html' },
    { id: 'lijst', kind: 'checklist', title: 'Lijst', url: 'instrumenten/lijst.html' },
  ];
  const links = find(emptyView(list, '../'), (n) => n.tag === 'a').map((a) => [textOf(a), a.attrs.href]);
  assert.deepEqual(links, [['Lijst', '../instrumenten/lijst.html'], ['Kaart', '../instrumenten/kaart.html'], ['Toets', '../instrumenten/toets.html']]);
});

test('the printed agenda has region, date and a table per theme with actions', () => {
  let agenda = { ...emptyAgenda(), region: 'Waterland', date: '2027-01-15' };
  ({ agenda } = accept(agenda, proposal('x/1', 'kind')));
  agenda = edit(agenda, 'a1', 'owner', 'Gemeente');
  const view = printView(agenda, THEMES, new Date(2026, 0, 1));
  assert.match(textOf(view), /^Regio: WaterlandDatum: 15 januari 2027Het kind centraal/);
  const rows = find(view, (n) => n.tag === 'tr').map((r) => r.children.map(textOf));
  assert.deepEqual(rows, [['Nr.', 'Actie', 'Doel', 'Eigenaar', 'Deadline', 'Status', 'Notities'], ['1', 'Doe x/1.', '', 'Gemeente', '', 'Gepland', '']]);
  assert.match(textOf(view), /Hoe eerder hoe beterNog geen acties\.$/);
});
