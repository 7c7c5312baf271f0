import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeResult, serializeResult, readResultFile, checkResult, resultFileName, RESULT_FORMAT } from '../../static/js/lib/result-file.js';
import { checklist, routekaart } from './instrument-fixtures.mjs';

const inst = checklist();
const file = (extra = {}) => JSON.stringify({ format: RESULT_FORMAT, site: 'leerrecht', instrument: 'proef', version: 1, saved: '2026-03-01T10:00:00.000Z', answers: { i1: 'ja' }, notes: { i1: 'goed' }, ...extra });

test('export and import round trip, with the date', () => {
  const saved = new Date('2026-11-23T14:05:00Z');
  const text = serializeResult(makeResult({ site: 'leerrecht', instrument: inst, answers: { i1: 'ja', i2: 'nvt' }, notes: { i3: 'Nog bespreken' }, saved }));
  const r = readResultFile(text, inst, 'leerrecht');
  assert.equal(r.ok, true);
  assert.deepEqual(r.answers, { i1: 'ja', i2: 'nvt' });
  assert.deepEqual(r.notes, { i3: 'Nog bespreken' });
  assert.equal(r.saved.toISOString(), saved.toISOString());
  assert.deepEqual([r.dropped, r.warnings], [[], []]);
  assert.equal(JSON.parse(text).format, 'leerrecht-resultaat/1');
  assert.equal(resultFileName(inst, '2026-11-23'), 'leerrecht-proef-v1-2026-11-23.json');
});

test('refused: not JSON, not ours, another instrument, a newer version, answers of the wrong shape', () => {
  const cases = [
    ['{ niet json', /niet te lezen/],
    ['[]', /geen uitslagbestand/],
    [JSON.stringify({ hello: 1 }), /geen uitslagbestand/],
    [file({ format: 'leerrecht-resultaat/2' }), /nieuwere versie van het handboek/],
    [file({ instrument: 'routekaart' }), /ander instrument \("routekaart"\)/],
    [file({ version: 2 }), /versie 2/],
    [file({ version: '1' }), /geen geldige versie/],
    [file({ answers: ['ja'] }), /niet in de goede vorm/],
    ['x'.repeat(1_000_001), /te groot/],
  ];
  for (const [text, message] of cases) {
    const r = readResultFile(text, inst, 'leerrecht');
    assert.equal(r.ok, false, text.slice(0, 40));
    assert.match(r.message, message);
  }
});

test('unknown items and wrong values are left out and listed', () => {
  // "__proto__" as a JSON key is an own property after JSON.parse; it must not reach the answers.
  const text = file({ answers: { i1: 'ja', i2: 'misschien', i3: 2, onbekend: 'ja', PROTO: { i1: 'nee' }, constructor: 'ja' } }).replace('"PROTO"', '"__proto__"');
  const r = readResultFile(text, inst, 'leerrecht');
  assert.equal(r.ok, true);
  assert.deepEqual(r.answers, { i1: 'ja' });
  assert.equal(Object.getPrototypeOf(r.answers), Object.prototype);
  assert.equal(r.dropped.length, 5);
  assert.ok(r.dropped.some((d) => d.includes('"__proto__"')));
  assert.ok(r.dropped.some((d) => d.includes('"onbekend"')));
  assert.ok(r.dropped.some((d) => d.includes('vraag 2')));
});

test('script in strings stays a string: notes are kept as text, keys with markup are dropped', () => {
  const evil = '<img src=x onerror=alert(1)><script>alert(1)</script>';
  const r = readResultFile(file({ answers: { [evil]: 'ja', i2: evil }, notes: { i1: evil, [evil]: 'x' }, site: evil }), inst, 'leerrecht');
  assert.equal(r.ok, true);
  assert.equal(r.notes.i1, evil, 'a note is the exact text, never changed or parsed');
  assert.equal(typeof r.notes.i1, 'string');
  assert.deepEqual(r.answers, {});
  assert.equal(r.dropped.length, 3);
  // Messages quote foreign text shortened; the page shows them with textContent.
  assert.ok(r.warnings.some((w) => w.includes('ander handboek')));
});

test('an older version is read where its items still exist', () => {
  const v2 = checklist({ version: 2, items: [checklist().items[0], { ...checklist().items[2], id: 'i4', number: 2 }] });
  const r = checkResult(JSON.parse(file({ answers: { i1: 'deels', i2: 'ja' }, notes: { i2: 'weg' } })), v2, 'leerrecht');
  assert.equal(r.ok, true);
  assert.equal(r.fromVersion, 1);
  assert.deepEqual(r.answers, { i1: 'deels' });
  assert.equal(r.dropped.length, 2);
  assert.ok(r.warnings.some((w) => w.includes('versie 1')));
});

test('notes: only strings, only for scored kinds, not too long', () => {
  const r = readResultFile(file({ notes: { i1: 42, i2: 'x'.repeat(5001), i3: 'ok' } }), inst, 'leerrecht');
  assert.deepEqual(r.notes, { i3: 'ok' });
  assert.equal(r.dropped.length, 2);
  const kaart = routekaart();
  const k = checkResult({ format: RESULT_FORMAT, instrument: 'kaart', version: 1, answers: { 's1/school': 'regie', 's1/vastgelegd': true, 's2/vastgelegd': 'ja' }, notes: { s1: 'x' } }, kaart, 'leerrecht');
  assert.deepEqual(k.answers, { 's1/school': 'regie', 's1/vastgelegd': true });
  assert.equal(k.dropped.length, 2);
});

test('a participant file has a name of its own: time, name and participant id', async () => {
  const { participantFileName } = await import('../../static/js/lib/participant-id.js');
  const { checklist } = await import('./instrument-fixtures.mjs');
  const at = new Date(2026, 10, 23, 14, 5);
  assert.equal(participantFileName(checklist(), at, 'Sanne de Vriés!', 'K3J9X2MQ'), 'leerrecht-proef-v1-2026-11-23-1405-sanne-de-vries-K3J9X2MQ.json');
  assert.equal(participantFileName(checklist(), at, null, 'K3J9X2MQ'), 'leerrecht-proef-v1-2026-11-23-1405-K3J9X2MQ.json');
  assert.notEqual(participantFileName(checklist(), at, null, 'AAAAAAAA'), participantFileName(checklist(), at, null, 'BBBBBBBB'));
  assert.equal(participantFileName(checklist(), at, '../../etc', null), 'leerrecht-proef-v1-2026-11-23-1405-etc.json');
});

// Reproduced: a result file without `answers` was accepted, and replacing with it emptied the
// form and the stored answers. It is now refused before anyone is asked to replace anything.
test('a file without answers, or with none that fit, is refused before any question', () => {
  const noAnswers = JSON.parse(file());
  delete noAnswers.answers;
  const r = readResultFile(JSON.stringify(noAnswers), inst, 'leerrecht');
  assert.equal(r.ok, false);
  assert.match(r.message, /geen antwoorden/);
  const foreign = readResultFile(file({ answers: { onbekend: 'ja' }, notes: {} }), inst, 'leerrecht');
  assert.equal(foreign.ok, false);
  assert.match(foreign.message, /Geen enkel antwoord/);
  // An empty result saved on purpose still opens.
  assert.equal(readResultFile(file({ answers: {}, notes: {} }), inst, 'leerrecht').ok, true);
});
