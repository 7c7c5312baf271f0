// From the group result to a werkagenda: the majority per answer, ties and low agreement marked,
// the kind's own proposals from the majority, accepted as actions with a note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { majorityAnswers, groupProposals, agendaFromGroup } from '../../static/js/lib/group-agenda.js';
import { aggregate } from '../../static/js/lib/aggregate.js';
import { emptyAgenda } from '../../static/js/lib/agenda.js';
import { checkAgenda, makeAgendaFile } from '../../static/js/lib/agenda-file.js';
import { checklist, routekaart } from './instrument-fixtures.mjs';

const people = (...answers) => answers.map((a, i) => ({ label: `D${i + 1}`, answers: a }));

test('scored: the majority answer per item; the items the group disagrees on are marked', () => {
  const inst = checklist();
  const group = people(
    { i1: 'ja', i2: 'nee', i3: 'deels' },
    { i1: 'ja', i2: 'ja', i3: 'deels' },
    { i1: 'deels', i2: 'nee', i3: 'deels' },
    { i1: 'ja', i2: 'ja', i3: 'nvt' },
  );
  const { answers } = majorityAnswers(inst, group);
  // i2 is a tie (2 ja, 2 nee): the answer with fewer points, so the gap is not hidden.
  assert.deepEqual(answers, { i1: 'ja', i2: 'nee', i3: 'deels' });
  const proposals = groupProposals(inst, aggregate(inst, group), group);
  assert.deepEqual(proposals.map((p) => [p.key, p.disputed]), [['proef/i2', true], ['proef/i3', false]]);
  assert.equal(proposals[0].action, 'N2', "the advice for the majority's answer");
  assert.match(proposals[0].note, /^Let op: de groep denkt hier verschillend over \(verschil van mening 100%\)/);
  assert.match(proposals[0].source, /groepsuitslag van 4 deelnemers \(meerderheid\), de groep is het niet eens$/);
  assert.match(proposals[1].note, /grotendeels eens/);
});

test('routekaart: a step without consensus is marked; the actions land on a werkagenda that the werkagenda page accepts', () => {
  const kaart = routekaart();
  const group = people(
    { 's1/school': 'regie', 's1/lp': 'neemt_deel' },
    { 's1/school': 'regie', 's1/lp': 'regie' },
    { 's1/school': 'regie', 's1/lp': 'neemt_deel' },
    { 's1/school': 'regie', 's1/lp': 'neemt_deel', 's1/vastgelegd': true },
  );
  const { answers } = majorityAnswers(kaart, group);
  assert.deepEqual(answers, { 's1/school': 'regie', 's1/lp': 'neemt_deel' }, 'written down by 1 of 4: not the majority');
  const proposals = groupProposals(kaart, aggregate(kaart, group), group);
  const notWritten = proposals.find((p) => p.key === 'kaart/niet-op-papier/s1');
  assert.ok(notWritten, proposals.map((p) => p.key).join(' '));
  assert.equal(notWritten.disputed, false, 'school 4 of 4, leerplicht 3 of 4: three quarters agree');
  const split = people({ 's1/school': 'regie' }, { 's1/school': 'neemt_deel' }, { 's1/school': 'regie' });
  const p2 = groupProposals(kaart, aggregate(kaart, split), split).find((p) => p.key === 'kaart/niet-op-papier/s1');
  assert.equal(p2.disputed, true);
  assert.match(p2.note, /67% eens/);

  const { agenda, added } = agendaFromGroup(emptyAgenda(), proposals);
  assert.equal(added, proposals.length);
  const again = agendaFromGroup(agenda, proposals);
  assert.equal(again.added, 0, 'a proposal already on the agenda is not added twice');
  const read = checkAgenda(JSON.parse(JSON.stringify(makeAgendaFile(agenda, 'leerrecht'))), { site: 'leerrecht', themes: [] });
  assert.equal(read.ok, true);
  assert.equal(read.agenda.actions.length, proposals.length);
  assert.deepEqual(read.dropped, []);
  assert.match(read.agenda.actions[0].notes, /grotendeels eens|Let op/);
  assert.match(read.agenda.actions[0].origin.source, /groepsuitslag/);
});
