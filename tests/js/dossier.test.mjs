import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectDossier, readDossier, previewDossier, restoreDossier, undoRestore, backupKey, describeKey, DOSSIER_FORMAT } from '../../static/js/lib/dossier.js';
import { MemoryStorage } from './instrument-fixtures.mjs';

const filled = () => new MemoryStorage({
  'leerrecht:hb:tien-punten:v2': JSON.stringify({ answers: { a: 'ja' } }),
  'leerrecht:hb:werkagenda': JSON.stringify({ actions: [] }),
  'leerrecht:hb:workshop': JSON.stringify({ sessions: {} }),
  'leerrecht:hb:werkagenda:beschadigd:123': 'kapot',
  'leerrecht:ander:werkagenda': '{}',
  'iets-anders': 'x',
  [backupKey('hb')]: '2026-01-01T00:00:00.000Z',
});

test('a backup holds this handbook\'s answers, werkagenda and workshop, nothing else', () => {
  const d = collectDossier(filled(), 'hb', new Date('2026-12-02T10:00:00Z'));
  assert.equal(d.format, DOSSIER_FORMAT);
  assert.deepEqual(Object.keys(d.entries).sort(), ['tien-punten:v2', 'werkagenda', 'workshop']);
  assert.equal(d.saved, '2026-12-02T10:00:00.000Z');
});

test('restoring a backup in an empty browser brings everything back, and undo removes it again', () => {
  const text = JSON.stringify(collectDossier(filled(), 'hb'));
  const fresh = new MemoryStorage();
  const read = readDossier(text, 'hb');
  assert.equal(read.ok, true);
  assert.deepEqual(previewDossier(read, fresh, 'hb').map((p) => [p.label, p.replaces]), [
    ['Antwoorden bij tien-punten (versie 2)', false],
    ['Werkagenda', false],
    ['Workshopgegevens', false],
  ]);
  const before = restoreDossier(read, fresh, 'hb');
  assert.equal(fresh.getItem('leerrecht:hb:werkagenda'), JSON.stringify({ actions: [] }));
  undoRestore(before, fresh, 'hb');
  assert.equal(fresh.length, 0);
});

test('the preview says what would be replaced, and undo puts the old value back', () => {
  const storage = new MemoryStorage({ 'leerrecht:hb:werkagenda': '{"oud":true}' });
  const read = readDossier(JSON.stringify(collectDossier(filled(), 'hb')), 'hb');
  const replaced = previewDossier(read, storage, 'hb').filter((p) => p.replaces).map((p) => p.name);
  assert.deepEqual(replaced, ['werkagenda']);
  const before = restoreDossier(read, storage, 'hb');
  undoRestore(before, storage, 'hb');
  assert.equal(storage.getItem('leerrecht:hb:werkagenda'), '{"oud":true}');
});

test('files that are not a backup, or hold nothing usable, are refused; odd entries are skipped', () => {
  assert.match(readDossier('{ nee', 'hb').message, /niet te lezen/);
  assert.match(readDossier('[]', 'hb').message, /geen reservekopie/);
  assert.match(readDossier(JSON.stringify({ format: 'leerrecht-resultaat/1' }), 'hb').message, /één instrument/);
  assert.match(readDossier(JSON.stringify({ format: 'leerrecht-werkagenda/1' }), 'hb').message, /werkagenda/);
  assert.match(readDossier(JSON.stringify({ format: DOSSIER_FORMAT, entries: {} }), 'hb').message, /niets/);
  const odd = readDossier(JSON.stringify({ format: DOSSIER_FORMAT, site: 'ander', entries: { '__proto__': '{}', '../x': '{}', 'werkagenda': '{}', 'kapot': 'geen json', 'getal': 3 } }), 'hb');
  assert.equal(odd.ok, true);
  assert.deepEqual(Object.keys(odd.entries), ['werkagenda']);
  assert.equal(odd.warnings.length, 2);
  assert.equal(describeKey('<b>'), '<b>');
});
