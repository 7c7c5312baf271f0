// What the trainer pastes or drops: codes with or without a name, links, damaged lines, codes of
// another instrument or version, files, duplicates; and the stored workshop state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCode } from '../../static/js/lib/share-code.js';
import { makeResult, serializeResult } from '../../static/js/lib/result-file.js';
import { readLines, readFile, splitLine, cleanName, handOver, addCandidates, removeParticipant, emptySession, participantLabel, MAX_NAME } from '../../static/js/lib/workshop-input.js';
import { createWorkshopStore, openSession, emptyState, WORKSHOP_FORMAT } from '../../static/js/lib/workshop-store.js';
import { workshopKey } from '../../static/js/lib/store-keys.js';
import { checklist, routekaart, MemoryStorage } from './instrument-fixtures.mjs';

const proef = checklist();
const code = (answers, instrument = proef) => encodeCode(instrument, answers);

test('a line is a code, a link or "Naam: code"; the colon of https:// is not a name', () => {
  const c = code({ i1: 'ja' });
  assert.deepEqual(splitLine(c), { name: null, code: c });
  assert.deepEqual(splitLine(`Sanne de Vries: ${c}`), { name: 'Sanne de Vries', code: c });
  assert.deepEqual(splitLine(`https://example.org/h/instrumenten/proef.html#r=${c}`), { name: null, code: `https://example.org/h/instrumenten/proef.html#r=${c}` });
  assert.deepEqual(splitLine(`Ali:  https://example.org/p.html#r=${c}`), { name: 'Ali', code: `https://example.org/p.html#r=${c}` });
  assert.equal(handOver('  Jan:  de Vries ', c), `Jan de Vries: ${c}`, 'a colon in the name would cut it off');
  assert.deepEqual(splitLine(handOver('Jan: de Vries', c)), { name: 'Jan de Vries', code: c });
  assert.equal(handOver('', c), c);
});

test('names are one short line of text', () => {
  assert.equal(cleanName('  Fatima\n\t El  Amrani '), 'Fatima El Amrani');
  assert.equal(cleanName('\u202eevil'), 'evil');
  assert.equal(cleanName('   '), null);
  assert.equal(cleanName(42), null);
  assert.equal(cleanName('x'.repeat(200)).length, MAX_NAME);
});

test('pasted lines: good ones become candidates, bad ones are named by line with the reason', () => {
  const good = code({ i1: 'ja', i2: 'nee' });
  const damaged = good.slice(0, -1) + (good.at(-1) === 'A' ? 'B' : 'A');
  const other = encodeCode(routekaart(), { 's1/school': 'regie' });
  const newer = code({ i1: 'ja' }, checklist({ version: 2 }));
  const empty = code({});
  const text = [good, '', `Sanne: ${good}`, damaged, 'zomaar wat tekst', other, newer, empty, `  ${good.slice(0, 10)}  `].join('\r\n');
  const { candidates, problems } = readLines(text, proef);
  assert.deepEqual(candidates.map((c) => [c.line, c.name]), [[1, null], [3, 'Sanne']]);
  assert.deepEqual(candidates[0].answers, { i1: 'ja', i2: 'nee' });
  assert.deepEqual(problems.map((p) => [p.line, p.reason]), [[4, 'beschadigd'], [5, 'opmaak'], [6, 'ander-instrument'], [7, 'andere-versie'], [8, 'geen-antwoorden'], [9, 'onvolledig']]);
  assert.equal(problems[0].where, 'Regel 4');
  assert.match(problems[2].message, /ander instrument, niet bij "Proefchecklist"/);
  assert.match(problems[3].message, /versie 2/);
  assert.equal(problems[0].text, damaged, 'the line itself, to put back in the field');
});

test('a result file is read with its name; a wrong one is named by file', () => {
  const file = serializeResult({ ...makeResult({ site: 'leerrecht', instrument: proef, answers: { i1: 'deels', onbekend: 'ja' } }), name: ' Kees ' });
  const { candidate } = readFile(file, 'kees.json', proef, 'leerrecht');
  assert.deepEqual([candidate.name, candidate.source, candidate.file, candidate.where], ['Kees', 'bestand', 'kees.json', 'Bestand "kees.json"']);
  assert.deepEqual(candidate.answers, { i1: 'deels' });
  assert.match(candidate.notes.join(' '), /1 onderdeel niet overgenomen/);
  assert.match(readFile('{kapot', 'x.json', proef, 'leerrecht').problem.message, /niet te lezen/);
  const other = serializeResult(makeResult({ site: 'leerrecht', instrument: routekaart(), answers: {} }));
  assert.match(readFile(other, 'kaart.json', proef, 'leerrecht').problem.message, /ander instrument/);
  const empty = serializeResult(makeResult({ site: 'leerrecht', instrument: proef, answers: {} }));
  assert.equal(readFile(empty, 'leeg.json', proef, 'leerrecht').problem.reason, 'geen-antwoorden');
  const noName = serializeResult({ ...makeResult({ site: 'leerrecht', instrument: proef, answers: { i1: 'ja' } }), name: { evil: 1 } });
  assert.equal(readFile(noName, 'n.json', proef, 'leerrecht').candidate.name, null);
});

test('duplicates: the same answers twice count once, unless two different names say they are two people', () => {
  const a = { i1: 'ja', i2: 'nee' };
  const b = { i1: 'nee' };
  let { session, added, duplicates } = addCandidates(emptySession(proef), proef, [
    { where: 'Regel 1', line: 1, name: null, answers: a, source: 'code' },
    { where: 'Regel 2', line: 2, name: null, answers: b, source: 'code' },
    { where: 'Regel 3', line: 3, name: null, answers: { ...a }, source: 'code' },
  ]);
  assert.deepEqual(added.map(participantLabel), ['Deelnemer 1', 'Deelnemer 2']);
  assert.deepEqual(duplicates, [{ where: 'Regel 3', line: 3, of: 'Deelnemer 1' }]);
  ({ session, added, duplicates } = addCandidates(session, proef, [
    { where: 'Bestand "a.json"', name: null, answers: a, source: 'bestand', file: 'a.json' },
    { where: 'Regel 1', line: 1, name: 'Ali', answers: b, source: 'code' },
    { where: 'Regel 2', line: 2, name: 'Ali', answers: { i1: 'deels' }, source: 'code' },
  ]));
  assert.deepEqual(duplicates.map((d) => d.of), ['Deelnemer 1', 'Deelnemer 2'], 'a file with the same answers, and a name on an unnamed result');
  assert.deepEqual(added.map((p) => [p.n, participantLabel(p)]), [[3, 'Ali']]);
  const two = addCandidates(emptySession(proef), proef, [
    { where: 'Regel 1', name: 'Ali', answers: a, source: 'code' },
    { where: 'Regel 2', name: 'Bo', answers: a, source: 'code' },
    { where: 'Regel 3', name: 'ali', answers: a, source: 'code' },
  ]);
  assert.deepEqual(two.added.map(participantLabel), ['Ali', 'Bo']);
  assert.deepEqual(two.duplicates.map((d) => d.of), ['Ali']);
});

test('numbers stay with a participant after a removal', () => {
  const c = (i, answers) => ({ where: `Regel ${i}`, name: null, answers, source: 'code' });
  let { session } = addCandidates(emptySession(proef), proef, [c(1, { i1: 'ja' }), c(2, { i1: 'nee' }), c(3, { i1: 'deels' })]);
  session = removeParticipant(session, 2);
  assert.deepEqual(session.participants.map((p) => p.n), [1, 3]);
  ({ session } = addCandidates(session, proef, [c(1, { i2: 'ja' })]));
  assert.deepEqual(session.participants.map(participantLabel), ['Deelnemer 1', 'Deelnemer 3', 'Deelnemer 4']);
});

test('the workshop state is saved, restored, and set aside when it is damaged', () => {
  const storage = new MemoryStorage();
  const store = createWorkshopStore(storage, 'proefsite');
  assert.equal(store.key, 'leerrecht:proefsite:workshop');
  assert.equal(workshopKey('x'), 'leerrecht:x:workshop');
  assert.deepEqual(store.load(), { state: emptyState(), messages: [] });
  const { session } = addCandidates(emptySession(proef), proef, [{ where: 'Regel 1', name: 'Ali', answers: { i1: 'ja' }, source: 'code' }]);
  const state = { format: WORKSHOP_FORMAT, current: 'proef', sessions: { proef: session } };
  assert.deepEqual(store.save(state), { ok: true });
  assert.deepEqual(store.load().state, state);

  for (const bad of ['{kapot', '[]', JSON.stringify({ ...state, sessions: { proef: { ...session, participants: [{ n: 'een' }] } } }), JSON.stringify({ ...state, sessions: { __proto__x: session } }), JSON.stringify({ ...state, format: 'leerrecht-workshop/9' })]) {
    storage.setItem(store.key, bad);
    const loaded = store.load(new Date(5000));
    assert.deepEqual(loaded.state, emptyState(), bad);
    assert.match(loaded.messages[0], /beschadigd.*apart gezet onder "leerrecht:proefsite:workshop:beschadigd:5000"/);
    assert.equal(storage.getItem('leerrecht:proefsite:workshop:beschadigd:5000'), bad);
    assert.equal(storage.getItem(store.key), null);
  }
  storage.quota = 10;
  assert.equal(store.save(state).ok, false);
  const refusing = { getItem() { throw new Error('nee'); }, setItem() { throw new Error('nee'); }, removeItem() {} };
  assert.match(createWorkshopStore(refusing, 's').load().messages[0], /niets bewaren/);
});

test('opening a stored session checks the answers against the instrument as it is now', () => {
  const stored = {
    version: 1,
    next: 3,
    participants: [
      { n: 1, name: null, source: 'code', file: null, answers: { i1: 'ja', weg: 'ja' } },
      { n: 2, name: null, source: 'code', file: null, answers: { weg: 'nee' } },
    ],
  };
  const state = { format: WORKSHOP_FORMAT, current: 'proef', sessions: { proef: stored } };
  const same = openSession(state, proef);
  assert.deepEqual(same.session.participants.map((p) => p.answers), [{ i1: 'ja' }]);
  assert.equal(same.session.next, 3);
  assert.match(same.messages.join(' '), /2 bewaarde antwoorden passen niet meer.*1 deelnemer zonder passende antwoorden is weggelaten/);
  const newer = openSession(state, checklist({ version: 2 }));
  assert.match(newer.messages[0], /versie 1 van dit instrument; deze pagina heeft versie 2/);
  assert.deepEqual(openSession(emptyState(), proef), { session: emptySession(proef), messages: [] });
});

test('every participant counts: two anonymous people with identical routekaart answers are two; the same result pasted twice is one', () => {
  const kaart = routekaart();
  const answers = { 's1/school': 'regie' };
  const candidate = (participant, where) => ({ where, line: null, name: null, answers, source: 'code', file: null, participant, notes: [] });
  const { session, added, duplicates } = addCandidates(emptySession(kaart), kaart, [candidate('AAAAAAAA', 'Regel 1'), candidate('BBBBBBBB', 'Regel 2'), candidate('AAAAAAAA', 'Regel 3')]);
  assert.equal(session.participants.length, 2, 'two people, two participants');
  assert.deepEqual(added.map((p) => p.participant), ['AAAAAAAA', 'BBBBBBBB']);
  assert.deepEqual(duplicates.map((d) => d.where), ['Regel 3']);
  // The same participant with new answers replaces the earlier answers (as the server does).
  const later = addCandidates(session, kaart, [{ ...candidate('AAAAAAAA', 'Regel 4'), answers: { 's1/school': 'neemt_deel' } }]);
  assert.equal(later.session.participants.length, 2);
  assert.deepEqual(later.session.participants[0].answers, { 's1/school': 'neemt_deel' });
  assert.deepEqual(later.replaced.map((r) => r.where), ['Regel 4']);
});

test('the participant id is random, kept per handbook, and travels in a result file', async () => {
  const { participantId, participantKey } = await import('../../static/js/lib/participant-id.js');
  const { PARTICIPANT_ID } = await import('../../static/js/lib/participant-id.js');
  const storage = new MemoryStorage();
  const a = participantId(storage, 'leerrecht');
  assert.match(a, PARTICIPANT_ID);
  assert.equal(participantId(storage, 'leerrecht'), a, 'the same browser keeps its id');
  assert.notEqual(participantId(new MemoryStorage(), 'leerrecht'), a, 'another browser gets another id');
  storage.setItem(participantKey('leerrecht'), '<script>');
  assert.match(participantId(storage, 'leerrecht'), PARTICIPANT_ID, 'a damaged id is replaced');
  const file = serializeResult({ ...makeResult({ site: 'leerrecht', instrument: proef, answers: { i1: 'ja' } }), participant: 'K3J9X2MQ' });
  assert.equal(readFile(file, 'a.json', proef, 'leerrecht').candidate.participant, 'K3J9X2MQ');
  const hostile = serializeResult({ ...makeResult({ site: 'leerrecht', instrument: proef, answers: { i1: 'ja' } }), participant: '<b>x</b>' });
  assert.equal(readFile(hostile, 'b.json', proef, 'leerrecht').candidate.participant, null);
});
