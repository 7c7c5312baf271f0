// From fixed results to the exact proposed actions: scored gaps heaviest first without n.v.t.,
// the routekaart's findings, results of an older version migrated, corrupt results reported
// without touching them, and accepted or ignored proposals never offered twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proposalsFrom, exampleProposals } from '../../static/js/lib/agenda-proposals.js';
import { readResults, savedInstrumentIds } from '../../static/js/lib/agenda-sources.js';
import { emptyAgenda, accept, ignore, openProposals } from '../../static/js/lib/agenda.js';
import { makeResult } from '../../static/js/lib/result-file.js';
import { checklist, routekaart, MemoryStorage } from './instrument-fixtures.mjs';

// Items carry their werkagenda theme already resolved, as the generator writes it.
const mapped = () => {
  const c = checklist();
  c.items = c.items.map((i) => ({ ...i, agenda: i.theme === 'a' ? 'vroeg' : 'systeem' }));
  return c;
};

const kaart = () =>
  routekaart({
    steps: [{ id: 's1', title: 'Signaal', agenda: 'vroeg' }, { id: 's2', title: 'Melding', agenda: 'vroeg' }, { id: 's3', title: 'Plan', agenda: 'kind' }],
    partners: [{ id: 'school', title: 'School', agenda: 'vroeg' }, { id: 'lp', title: 'Leerplicht', agenda: 'vroeg' }, { id: 'gem', title: 'Gemeente', agenda: 'systeem' }],
  });

test('scored gaps become proposals, heaviest first, with the advice for the given answer; n.v.t. and top answers give none', () => {
  const inst = mapped();
  const proposals = proposalsFrom([{ instrument: inst, answers: { i1: 'nee', i2: 'deels', i3: 'nvt' } }]);
  assert.deepEqual(proposals, [
    { key: 'proef/i2', theme: 'vroeg', goal: '', owner: '', context: 'Twee?', instrument: 'proef', action: 'D2', source: 'Proefchecklist, vraag 2 (antwoord: Deels)' },
    { key: 'proef/i1', theme: 'vroeg', goal: '', owner: '', context: 'Een?', instrument: 'proef', action: 'N1', source: 'Proefchecklist, vraag 1 (antwoord: Nee)' },
  ]);
  assert.deepEqual(proposalsFrom([{ instrument: inst, answers: { i1: 'ja', i2: 'ja', i3: 'nvt' } }]), []);
  assert.deepEqual(proposalsFrom([{ instrument: inst, answers: null }]), []);
});

test('an item without an agenda theme gives a proposal without a theme', () => {
  const [p] = proposalsFrom([{ instrument: checklist(), answers: { i3: 'nee' } }]);
  assert.equal(p.theme, null);
  assert.equal(p.action, 'N3');
});

test('routekaart findings: two regies, no regie, not written down, a partner without a role; an open step gives nothing', () => {
  const answers = {
    's1/school': 'regie', 's1/lp': 'regie', 's1/gem': 'geen_rol',
    's2/school': 'neemt_deel', 's2/lp': 'geen_rol', 's2/vastgelegd': true,
  };
  assert.deepEqual(proposalsFrom([{ instrument: kaart(), answers }]), [
    {
      key: 'kaart/meer-regie/s1', theme: 'vroeg', owner: '', instrument: 'kaart', source: 'Proefroutekaart, stap 1: Signaal',
      action: 'Spreek af wie van School en Leerplicht de regie heeft bij "Signaal", en wat de anderen dan doen.',
      goal: 'Bij deze stap heeft één partner de regie.',
      context: 'Nu denken School en Leerplicht allemaal dat zij de regie hebben.',
    },
    {
      key: 'kaart/niet-op-papier/s1', theme: 'vroeg', owner: '', instrument: 'kaart', source: 'Proefroutekaart, stap 1: Signaal',
      action: 'Leg de afspraken over "Signaal" vast op papier en deel ze met alle partners.',
      goal: 'Iedereen kan nalezen wie wat doet bij deze stap.',
      context: 'De afspraken over deze stap staan nu niet op papier.',
    },
    {
      key: 'kaart/geen-regie/s2', theme: 'vroeg', owner: '', instrument: 'kaart', source: 'Proefroutekaart, stap 2: Melding',
      action: 'Spreek af wie de regie heeft bij "Melding".',
      goal: 'Bij deze stap weet iedereen wie de regie heeft.',
      context: 'Bij deze stap heeft nu geen enkele partner de regie.',
    },
    {
      key: 'kaart/geen-rol/gem', theme: 'systeem', goal: '', owner: '', instrument: 'kaart', source: 'Proefroutekaart, partner: Gemeente',
      action: 'Bespreek met Gemeente bij welke stappen zij een rol hebben.',
      context: 'Gemeente heeft nu bij geen enkele stap van de route een rol.',
    },
  ]);
});

test('the checklist comes before the routekaart, the routekaart before toetsvragen, whatever the order given', () => {
  const toets = { ...mapped(), id: 'toets', kind: 'toetsvragen' };
  const keys = proposalsFrom([
    { instrument: toets, answers: { i1: 'nee' } },
    { instrument: kaart(), answers: { 's1/school': 'neemt_deel' } },
    { instrument: mapped(), answers: { i1: 'nee' } },
  ]).map((p) => p.key);
  assert.deepEqual(keys, ['proef/i1', 'kaart/geen-regie/s1', 'kaart/niet-op-papier/s1', 'toets/i1']);
});

test('an older saved version is migrated like the instrument page does, and said so', () => {
  const v1 = mapped();
  const v2 = { ...mapped(), version: 2, items: mapped().items.filter((i) => i.id !== 'i3') };
  const storage = new MemoryStorage({
    'leerrecht:s:proef:v1': JSON.stringify(makeResult({ site: 's', instrument: v1, answers: { i1: 'nee', i3: 'nee' }, saved: new Date('2026-11-02T10:00:00Z') })),
  });
  const [result] = readResults(storage, [v2], 's');
  assert.deepEqual(result.answers, { i1: 'nee' });
  assert.equal(result.saved.toISOString(), '2026-11-02T10:00:00.000Z');
  assert.deepEqual(result.notices, [{ kind: 'info', text: 'De antwoorden van "Proefchecklist" waren bewaard bij versie 1. De werkagenda leest ze als versie 2, zonder 1 antwoord op vragen die niet meer bestaan.' }]);
  assert.deepEqual(proposalsFrom([result]).map((p) => p.key), ['proef/i1']);
  // The werkagenda only reads: the old key is still there and no new one was written.
  assert.deepEqual([...storage.map.keys()], ['leerrecht:s:proef:v1']);
});

test('a corrupt saved result is reported and left where it is', () => {
  const storage = new MemoryStorage({ 'leerrecht:s:proef:v1': '{kapot' });
  const [result] = readResults(storage, [mapped()], 's');
  assert.equal(result.answers, null);
  assert.deepEqual(result.notices, [{ kind: 'waarschuwing', text: 'De bewaarde antwoorden van "Proefchecklist" zijn beschadigd en tellen hier niet mee. Open het instrument: daar worden ze apart gezet en kun je verder.' }]);
  assert.equal(storage.getItem('leerrecht:s:proef:v1'), '{kapot');
  assert.equal(storage.length, 1);
});

test('only instruments with a saved result of this site are loaded', () => {
  const storage = new MemoryStorage({
    'leerrecht:s:proef:v3': '{}',
    'leerrecht:ander:kaart:v1': '{}',
    'leerrecht:s:kaart:v1:beschadigd:17': '{}',
    'leerrecht:s:werkagenda': '{}',
  });
  const list = [{ id: 'kaart' }, { id: 'proef' }, { id: 'werkagenda' }];
  assert.deepEqual(savedInstrumentIds(storage, list, 's'), ['proef']);
});

test('accepted and ignored proposals are not offered again; a changed result brings only new gaps', () => {
  const inst = mapped();
  let agenda = emptyAgenda();
  const first = proposalsFrom([{ instrument: inst, answers: { i1: 'nee', i2: 'deels' } }]);
  ({ agenda } = accept(agenda, first[0]));
  agenda = ignore(agenda, first[1].key);
  assert.deepEqual(openProposals(agenda, first), []);
  // Accepting the same proposal twice keeps one action.
  assert.equal(accept(agenda, first[0]).agenda, agenda);
  // i2 got worse (other advice, same gap) and i3 is a new gap.
  const later = proposalsFrom([{ instrument: inst, answers: { i1: 'nee', i2: 'nee', i3: 'deels' } }]);
  assert.deepEqual(openProposals(agenda, later).map((p) => p.key), ['proef/i3']);
  assert.equal(agenda.actions.length, 1);
  assert.equal(agenda.actions[0].action, 'D2');
});

test('example actions of the werkagenda become proposals with a key that does not depend on their order', () => {
  const werkagenda = {
    id: 'basis', title: 'Basis', kind: 'werkagenda',
    actions: [{ theme: 'vroeg', action: 'Doe A.', goal: 'Doel A', owner: 'School' }, { theme: 'kind', action: 'Doe B.', goal: '', owner: '' }],
  };
  const examples = exampleProposals(werkagenda);
  assert.deepEqual(examples[0], { key: examples[0].key, theme: 'vroeg', goal: 'Doel A', owner: 'School', context: '', instrument: 'basis', action: 'Doe A.', source: 'Voorbeeld uit "Basis"' });
  assert.match(examples[0].key, /^basis\/voorbeeld\/[0-9a-f]{8}$/);
  const reversed = exampleProposals({ ...werkagenda, actions: [...werkagenda.actions].reverse() });
  assert.deepEqual(reversed.map((p) => p.key), [examples[1].key, examples[0].key]);
  assert.notEqual(examples[0].key, examples[1].key);
});
