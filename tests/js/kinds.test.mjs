// The kind registry: every kind of instrument answers through the same shape, and nothing
// outside the registry needs to know a kind by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf, findKind, byAgendaRank } from '../../static/js/lib/kinds.js';
import { groupOf } from '../../static/js/lib/kind-groups.js';
import { agendaOf } from '../../static/js/lib/kind-agendas.js';
import { checklist, routekaart, inventarisatie, generated, GENERATED, resultOf } from './instrument-fixtures.mjs';

const CORE = ['slots'];
const RESULT = ['analyse', 'summary', 'resultView', 'fieldProblems', 'compare', 'compareView'];
const GROUP = ['aggregate', 'groupView', 'groupSummary', 'slides', 'csvRows'];
const ANSWERABLE = ['checklist', 'toetsvragen', 'routekaart', 'inventarisatie'];

test('every answerable kind has the core, a codec, a result facet and a group facet', () => {
  for (const name of ANSWERABLE) {
    const kind = kindOf({ kind: name });
    assert.equal(kind.name, name);
    assert.equal(kind.answerable, true, name);
    for (const fn of CORE) assert.equal(typeof kind[fn], 'function', `${name}.${fn}`);
    assert.equal(typeof kind.codec.encode, 'function', name);
    assert.equal(typeof kind.codec.decode, 'function', name);
    for (const fn of RESULT) assert.equal(typeof resultOf({ kind: name })[fn], 'function', `${name} result.${fn}`);
    for (const fn of GROUP) assert.equal(typeof groupOf({ kind: name })[fn], 'function', `${name} group.${fn}`);
    assert.equal(typeof agendaOf({ kind: name }).proposals, 'function', `${name} agenda.proposals`);
  }
});

test('the werkagenda kind is not answered: it defines the agenda and gives examples', () => {
  const kind = kindOf({ kind: 'werkagenda' });
  assert.equal(kind.answerable, false);
  assert.equal(kind.definesAgenda, true);
  assert.equal(kind.codec, null);
  assert.deepEqual(kind.slots({}), []);
  assert.throws(() => groupOf({ kind: 'werkagenda' }), /geen groepsuitslag/);
  const w = { id: 'w', title: 'W', kind: 'werkagenda', actions: [{ theme: 't', action: 'Doe iets.' }] };
  assert.deepEqual(agendaOf(w).proposals(w, {}), []);
  assert.deepEqual(agendaOf(w).examples(w).map((p) => [p.key.startsWith('w/voorbeeld/'), p.theme, p.action, p.goal]), [[true, 't', 'Doe iets.', '']]);
});

test('an inventory gives no proposals and has no examples', () => {
  const inv = inventarisatie();
  assert.deepEqual(agendaOf(inv).proposals(inv, { leerlingen: 3 }), []);
  assert.deepEqual(agendaOf(inv).examples(inv), []);
});

test('an unknown kind: findKind says null, kindOf says which kind it does not know', () => {
  assert.equal(findKind({ kind: 'enquete' }), null);
  assert.equal(findKind(null), null);
  assert.equal(findKind({ kind: 'constructor' }), null, 'no inherited names');
  assert.throws(() => kindOf({ kind: 'enquete' }), /soort "enquete"/);
});

test('the kinds are frozen: a page cannot change a kind for every other page', () => {
  assert.throws(() => {
    'use strict';
    kindOf({ kind: 'routekaart' }).hasNotes = true;
  });
});

test('only the scored kinds keep notes', () => {
  assert.deepEqual(['checklist', 'toetsvragen', 'routekaart', 'inventarisatie', 'werkagenda'].map((k) => kindOf({ kind: k }).hasNotes), [true, true, false, false, false]);
});

test('agenda order: the region\'s checklist, then the route, then a school\'s test questions; others not at all', () => {
  const entries = ['toetsvragen', 'inventarisatie', 'routekaart', 'werkagenda', 'checklist', 'onbekend', 'checklist'].map((kind, i) => ({ kind, i }));
  assert.deepEqual(byAgendaRank(entries).map((e) => e.i), [4, 6, 2, 0]);
  assert.deepEqual(byAgendaRank(entries.map((e) => ({ instrument: e })), (r) => r.instrument).map((r) => r.instrument.i), [4, 6, 2, 0]);
  for (const e of byAgendaRank(entries)) assert.ok(kindOf(e).agendaHint.length > 10);
});

test('each fixture kind packs, analyses, compares and aggregates through its kind and facets alone', () => {
  for (const inst of [checklist(), routekaart(), inventarisatie()]) {
    const kind = kindOf(inst);
    const result = resultOf(inst);
    const group = groupOf(inst);
    const analysis = result.analyse(inst, {}, {});
    const code = kind.codec.encode(kind.slots(inst), {});
    assert.deepEqual(kind.codec.decode(kind.slots(inst), code), { answers: {} });
    assert.equal(typeof result.summary(analysis), 'string');
    assert.equal(typeof result.resultView(inst, analysis, {}).tag, 'string');
    assert.deepEqual(result.compare(inst, {}, {}).changed, []);
    const agg = group.aggregate(inst, []);
    assert.equal(agg.participants, 0);
    assert.ok(Array.isArray(group.slides(inst, agg)));
    assert.ok(Array.isArray(group.csvRows(inst, agg, [])));
  }
});

test('the generated instruments all have a known kind', (t) => {
  const found = GENERATED.map(generated).filter(Boolean);
  if (!found.length) return t.skip('site not built');
  for (const inst of found) assert.ok(findKind(inst), inst.id);
});

test('no module outside the registries and the kinds\' folders names a kind in its code', () => {
  const root = new URL('../../static/js/', import.meta.url).pathname;
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.js')) files.push(join(dir, e.name));
    }
  };
  walk(root);
  const named = /(['"`])(checklist|toetsvragen|routekaart|inventarisatie|werkagenda)\1/;
  const registries = ['/lib/kinds.js', '/lib/kind-groups.js', '/lib/kind-agendas.js'];
  const offenders = files
    .filter((f) => !registries.some((r) => f.endsWith(r)) && !f.includes('/lib/kinds/'))
    .filter((f) => named.test(readFileSync(f, 'utf8')))
    .map((f) => f.slice(root.length));
  assert.deepEqual(offenders, []);
});

test('slots come from the parts of the JSON: the control names and anchors the generator wrote', async () => {
  const { slotsOf } = await import('../../static/js/lib/instrument-answers.js');
  const c = slotsOf(checklist());
  assert.deepEqual(c[0], { key: 'i1', type: 'choice', options: ['ja', 'deels', 'nee', 'nvt'], label: 'vraag 1', control: 'antwoord-i1', anchor: 'vraag-i1', note: 'notitie-i1' });
  const r = slotsOf(routekaart());
  assert.equal(r.length, 3 * 3 + 3);
  assert.deepEqual(r.slice(0, 4).map((s) => [s.key, s.type, s.control, s.anchor]), [
    ['s1/school', 'choice', 'rol-s1--school', 'stap-s1'],
    ['s1/lp', 'choice', 'rol-s1--lp', 'stap-s1'],
    ['s1/gem', 'choice', 'rol-s1--gem', 'stap-s1'],
    ['s1/vastgelegd', 'flag', 'vastgelegd-s1', 'stap-s1'],
  ]);
  assert.equal(r[0].label, 'stap 1 (Signaal), School');
  const i = slotsOf(inventarisatie());
  assert.deepEqual(i[0], { key: 'leerlingen', type: 'number', label: 'Leerlingen', control: 'veld-leerlingen', anchor: 'veld-leerlingen' });
  // A step id with a hyphen no longer makes two cells share one control.
  const tricky = routekaart({ steps: [{ id: 'a-b', title: 'AB' }, { id: 'a', title: 'A' }].map((s) => ({ ...s, anchor: `stap-${s.id}`, written: `vastgelegd-${s.id}`, cells: [['c'], ['b-c']].flat().map((p) => `rol-${s.id}--${p}`) })), partners: [{ id: 'c', title: 'C' }, { id: 'b-c', title: 'BC' }] });
  const names = slotsOf(tricky).map((s) => s.control);
  assert.equal(new Set(names).size, names.length);
});
