import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore, storageKey } from '../../static/js/lib/answers-store.js';
import { makeResult } from '../../static/js/lib/result-file.js';
import { checklist, MemoryStorage } from './instrument-fixtures.mjs';

const inst = checklist();
const now = new Date('2026-11-23T10:00:00Z');

test('the key names site, instrument and version', () => {
  assert.equal(storageKey('leerrecht', 'tien-punten', 3), 'leerrecht:leerrecht:tien-punten:v3');
  assert.equal(createStore(new MemoryStorage(), inst, 'mijn-regio').key, 'leerrecht:mijn-regio:proef:v1');
});

test('save, then restore in a new store', () => {
  const storage = new MemoryStorage();
  assert.deepEqual(createStore(storage, inst, 's').load(now), { state: null, messages: [] });
  assert.equal(createStore(storage, inst, 's').save({ i1: 'ja' }, { i1: 'notitie' }, now).ok, true);
  const { state, messages } = createStore(storage, inst, 's').load(now);
  assert.deepEqual(state.answers, { i1: 'ja' });
  assert.deepEqual(state.notes, { i1: 'notitie' });
  assert.equal(state.saved.getTime(), now.getTime());
  assert.deepEqual(messages, []);
});

test('two handbooks on one stick do not see each other', () => {
  const storage = new MemoryStorage();
  createStore(storage, inst, 'regio-a').save({ i1: 'ja' }, {}, now);
  assert.equal(createStore(storage, inst, 'regio-b').load(now).state, null);
});

test('an older version is migrated where items still exist, and the user is told what was dropped', () => {
  const v1 = checklist();
  const storage = new MemoryStorage();
  createStore(storage, v1, 's').save({ i1: 'deels', i2: 'ja', i3: 'nee' }, { i2: 'weg' }, now);
  const v3 = checklist({ version: 3, items: [v1.items[0], v1.items[2]] });
  const { state, messages } = createStore(storage, v3, 's').load(now);
  assert.deepEqual(state.answers, { i1: 'deels', i3: 'nee' });
  assert.equal(messages.length, 1);
  assert.equal(messages[0].kind, 'migratie');
  assert.equal(messages[0].from, 1);
  assert.equal(messages[0].dropped.length, 2, messages[0].dropped.join('; '));
  assert.match(messages[0].text, /versie 1.*versie 3/);
  assert.ok(storage.getItem('leerrecht:s:proef:v1'), 'the old state is kept');
});

test('the newest older version wins; newer versions and other instruments are ignored', () => {
  const storage = new MemoryStorage();
  createStore(storage, checklist({ version: 1 }), 's').save({ i1: 'nee' }, {}, now);
  createStore(storage, checklist({ version: 2 }), 's').save({ i1: 'deels' }, {}, now);
  createStore(storage, checklist({ version: 9 }), 's').save({ i1: 'ja' }, {}, now);
  storage.setItem('leerrecht:s:proef-twee:v1', 'x');
  const { state, messages } = createStore(storage, checklist({ version: 3 }), 's').load(now);
  assert.deepEqual(state.answers, { i1: 'deels' });
  assert.equal(messages[0].from, 2);
});

test('corrupt JSON is reported and moved aside, never a crash', () => {
  const storage = new MemoryStorage({ 'leerrecht:s:proef:v1': '{"format": "leerrecht-resul' });
  const { state, messages } = createStore(storage, inst, 's').load(now);
  assert.equal(state, null);
  assert.equal(messages[0].kind, 'beschadigd');
  const aside = `leerrecht:s:proef:v1:beschadigd:${now.getTime()}`;
  assert.equal(messages[0].key, aside);
  assert.equal(storage.getItem(aside), '{"format": "leerrecht-resul');
  assert.equal(storage.getItem('leerrecht:s:proef:v1'), null);
  // The next load is clean and saving works again.
  assert.deepEqual(createStore(storage, inst, 's').load(now).messages, []);
});

test('valid JSON of the wrong shape is set aside too; partly wrong answers are filtered and told', () => {
  const storage = new MemoryStorage({ 'leerrecht:s:proef:v1': '[1,2,3]' });
  assert.equal(createStore(storage, inst, 's').load(now).messages[0].kind, 'beschadigd');
  const partly = new MemoryStorage({ 'leerrecht:s:proef:v1': JSON.stringify({ ...makeResult({ site: 's', instrument: inst, answers: {}, saved: now }), answers: { i1: 'ja', i2: 'kapot' } }) });
  const r = createStore(partly, inst, 's').load(now);
  assert.deepEqual(r.state.answers, { i1: 'ja' });
  assert.equal(r.messages[0].kind, 'weggelaten');
});

test('a full storage is caught and reported; the earlier save stays', () => {
  const storage = new MemoryStorage();
  const store = createStore(storage, inst, 's');
  assert.equal(store.save({ i1: 'ja' }, {}, now).ok, true);
  storage.quota = 10;
  const r = store.save({ i1: 'ja' }, { i1: 'x'.repeat(100) }, now);
  assert.deepEqual([r.ok, r.reason], [false, 'vol']);
  assert.match(r.message, /vol/);
  assert.deepEqual(createStore(storage, inst, 's').load(now).state.answers, { i1: 'ja' });
});

test('a storage that refuses everything is reported, not thrown', () => {
  const refusing = {
    get length() { throw new Error('SecurityError'); },
    key() { throw new Error('SecurityError'); },
    getItem() { const e = new Error('denied'); e.name = 'SecurityError'; throw e; },
    setItem() { const e = new Error('denied'); e.name = 'SecurityError'; throw e; },
    removeItem() { throw new Error('denied'); },
  };
  const store = createStore(refusing, inst, 's');
  assert.equal(store.load(now).messages[0].kind, 'onleesbaar');
  assert.equal(store.save({ i1: 'ja' }, {}, now).reason, 'geweigerd');
  assert.equal(store.clear().ok, false);
});

test('clear forgets only this version', () => {
  const storage = new MemoryStorage();
  createStore(storage, checklist({ version: 1 }), 's').save({ i1: 'ja' }, {}, now);
  const store = createStore(storage, checklist({ version: 2 }), 's');
  store.save({ i1: 'nee' }, {}, now);
  store.clear();
  assert.equal(storage.getItem('leerrecht:s:proef:v2'), null);
  assert.ok(storage.getItem('leerrecht:s:proef:v1'));
});
