// The browser's side of `leerrecht workshop` without a browser: the session code from the URL
// (kept for the tab), the submission's body, the Dutch outcome of every answer, and the live
// state turned into participants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSession, currentSession, sessionKey, submissionBody, submissionOutcome, serverParticipants, shownSession } from '../../static/js/lib/workshop-client.js';
import { checklist, MemoryStorage } from './instrument-fixtures.mjs';

test('the session code: from ?sessie=, kept in the tab for pages whose links drop the query', () => {
  assert.equal(normalizeSession('j349-6kdh'), 'J3496KDH');
  assert.equal(normalizeSession('J349 6KDO'), 'J3496KD0', 'O reads as 0');
  assert.equal(normalizeSession('J349-6KD'), null);
  assert.equal(normalizeSession('<script>'), null);
  assert.equal(shownSession('J3496KDH'), 'J349-6KDH');
  const tab = new MemoryStorage();
  assert.equal(currentSession('?sessie=j3496kdh', tab, 'leerrecht'), 'J3496KDH');
  assert.equal(tab.getItem(sessionKey('leerrecht')), 'J3496KDH');
  assert.equal(currentSession('', tab, 'leerrecht'), 'J3496KDH', 'a page without the query, in the same tab');
  assert.equal(currentSession('', new MemoryStorage(), 'leerrecht'), null, 'another tab');
  assert.equal(currentSession('?sessie=kapot', new MemoryStorage(), 'leerrecht'), null);
});

test('the submission body has exactly the fields of docs/workshop-api.md; no notes, a clean name', () => {
  const inst = checklist();
  const body = submissionBody({ session: 'J3496KDH', instrument: inst, participant: 'K3J9X2MQ', name: '  Anna <b> ', answers: { i1: 'ja' } });
  assert.deepEqual(body, { sessie: 'J3496KDH', instrument: 'proef', version: 1, participant: 'K3J9X2MQ', name: 'Anna b', answers: { i1: 'ja' } });
  assert.equal('name' in submissionBody({ session: 'J3496KDH', instrument: inst, participant: 'K3J9X2MQ', name: '   ', answers: {} }), false);
});

test('every answer of the server becomes one Dutch sentence; 429 waits once', () => {
  assert.match(submissionOutcome(200, { ok: true, vervangen: false, aantal: 12 }).text, /^Verstuurd\. De trainer heeft je antwoorden\. Er hebben nu 12 mensen meegedaan\./);
  assert.match(submissionOutcome(200, { ok: true, vervangen: true, aantal: 1 }).text, /vervangen.*Je bent de eerste/);
  const closed = submissionOutcome(410, { fout: 'gesloten', melding: 'De trainer heeft de sessie gesloten: inzenden kan niet meer.' });
  assert.deepEqual(closed, { ok: false, text: 'De trainer heeft de sessie gesloten: inzenden kan niet meer.' });
  assert.equal(submissionOutcome(429, { melding: 'Te veel verzoeken.' }, '2').retryAfter, 2);
  assert.equal(submissionOutcome(429, null, 'x').retryAfter, 2);
  assert.match(submissionOutcome(0, null).text, /niet te bereiken/);
  assert.match(submissionOutcome(500, null).text, /fout 500/);
});

test('the live state: the submissions of this instrument and version, checked again, as participants', () => {
  const inst = checklist();
  const stand = {
    seq: 3,
    submissions: [
      { instrument: 'proef', version: 1, participant: 'AAAAAAAA', answers: { i1: 'ja' }, received: 1 },
      { instrument: 'proef', version: 1, participant: 'BBBBBBBB', name: 'Sanne', answers: { i1: 'ja', onbekend: 'x' }, received: 2 },
      { instrument: 'ander', version: 1, participant: 'CCCCCCCC', answers: { i1: 'ja' } },
      { instrument: 'proef', version: 2, participant: 'DDDDDDDD', answers: { i1: 'ja' } },
    ],
  };
  const list = serverParticipants(stand, inst);
  assert.deepEqual(list.map((p) => [p.n, p.name, p.participant, p.source]), [[1, null, 'AAAAAAAA', 'server'], [2, 'Sanne', 'BBBBBBBB', 'server']]);
  assert.deepEqual(list[1].answers, { i1: 'ja' });
  assert.deepEqual(serverParticipants({}, inst), []);
});
