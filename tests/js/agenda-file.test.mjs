// The werkagenda file: what goes out comes back the same, and a hostile or wrong file is
// refused or cut down to what is allowed, with a list of what was left out. Also the saved state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializeAgenda, readAgendaFile, makeAgendaFile, MAX_ACTIONS } from '../../static/js/lib/agenda-file.js';
import { createAgendaStore } from '../../static/js/lib/agenda-store.js';
import { agendaKey } from '../../static/js/lib/store-keys.js';
import { emptyAgenda, accept, addOwn, edit } from '../../static/js/lib/agenda.js';
import { MemoryStorage } from './instrument-fixtures.mjs';

const THEMES = ['kind', 'vroeg'];
const opts = { site: 'leerrecht', themes: THEMES };
const saved = new Date('2026-11-23T14:05:00Z');

function sample() {
  let agenda = { ...emptyAgenda(), region: 'Lekstroom', date: '2026-11-30', examples: ['vroeg'], ignored: ['routekaart/geen-rol/justitie'] };
  ({ agenda } = accept(agenda, { key: 'tien-punten/preventie', theme: 'vroeg', action: 'Maak afspraken.', goal: '', owner: '', context: 'Zijn er afspraken?', source: 'Checklist, vraag 4', instrument: 'tien-punten' }));
  ({ agenda } = addOwn(agenda, 'kind'));
  agenda = edit(agenda, 'a2', 'action', 'Eigen <b>actie</b> & "meer"');
  agenda = edit(agenda, 'a2', 'deadline', '2027-03-01');
  agenda = edit(agenda, 'a2', 'status', 'bezig');
  return agenda;
}

test('the file is versioned and reads back to the same agenda', () => {
  const text = serializeAgenda(sample(), 'leerrecht', saved);
  const data = JSON.parse(text);
  assert.equal(data.format, 'leerrecht-werkagenda/1');
  assert.equal(data.saved, '2026-11-23T14:05:00.000Z');
  assert.deepEqual(Object.keys(data), ['format', 'site', 'saved', 'region', 'date', 'actions', 'ignored', 'examples']);
  const read = readAgendaFile(text, opts);
  assert.equal(read.ok, true);
  assert.deepEqual(read.agenda, sample());
  assert.deepEqual(read.dropped, []);
  assert.deepEqual(read.warnings, []);
  assert.equal(read.saved.getTime(), saved.getTime());
});

test('wrong files are refused with a reason', () => {
  const cases = [
    ['x'.repeat(1_000_001), /te groot/],
    ['{kapot', /niet te lezen/],
    ['[1,2]', /geen werkagenda/],
    ['{"format":"leerrecht-werkagenda/2","actions":[]}', /nieuwere versie/],
    ['{"format":"leerrecht-resultaat/1","instrument":"tien-punten"}', /uitslag van een instrument/],
    ['{"format":"iets-anders/1"}', /geen werkagenda/],
    ['{"format":"leerrecht-werkagenda/1","actions":{"a":1}}', /niet in de goede vorm/],
  ];
  for (const [text, reason] of cases) {
    const read = readAgendaFile(text, opts);
    assert.equal(read.ok, false, text.slice(0, 40));
    assert.match(read.message, reason);
  }
  assert.equal(readAgendaFile(null, opts).ok, false);
});

test('a hostile file keeps only what is allowed, lists the rest and never lets its ids in', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const text = JSON.stringify({
    format: 'leerrecht-werkagenda/1',
    site: 'andere-site',
    region: evil,
    date: '2026-02-30',
    geheim: 1,
    actions: [
      { id: '"><script>', theme: 'vroeg', action: evil, goal: 3, owner: 'x'.repeat(301), deadline: 'morgen', status: 'af', notes: 'ok', extra: true, origin: { key: 'tien-punten/preventie', source: evil, context: '', instrument: 'tien-punten', url: 'javascript:alert(1)' } },
      'geen actie',
      { theme: 'onbekend', action: 'Tweede', origin: { key: 'tien-punten/preventie' } },
      { theme: '__proto__', action: 'Derde', origin: { key: '../../etc' } },
    ],
    ignored: ['kaart/geen-rol/x', 42, '<b>'],
    examples: ['vroeg', 'weg'],
  });
  const read = readAgendaFile(text, opts);
  assert.equal(read.ok, true);
  assert.equal(read.agenda.region, evil, 'kept as a string: the page shows it as text');
  assert.equal(read.agenda.date, '');
  assert.deepEqual(read.agenda.actions.map((a) => a.id), ['a1', 'a2', 'a3']);
  assert.deepEqual(read.agenda.actions[0], {
    id: 'a1', theme: 'vroeg', action: evil, goal: '', owner: '', deadline: '', status: 'gepland', notes: 'ok',
    origin: { key: 'tien-punten/preventie', instrument: 'tien-punten', source: evil, context: '' },
  });
  assert.deepEqual(read.agenda.actions[1], { id: 'a2', theme: null, action: 'Tweede', goal: '', owner: '', deadline: '', status: 'gepland', notes: '', origin: null });
  assert.equal(read.agenda.actions[2].theme, null);
  assert.equal(read.agenda.actions[2].origin, null);
  assert.deepEqual(read.agenda.ignored, ['kaart/geen-rol/x']);
  assert.deepEqual(read.agenda.examples, ['vroeg']);
  assert.deepEqual(read.dropped, [
    'onbekend onderdeel "geheim"',
    'datum: "2026-02-30" is geen datum',
    'actie 1: onbekend onderdeel "extra"',
    'actie 1, doel: is geen tekst',
    'actie 1, eigenaar: langer dan 300 tekens',
    'actie 1, deadline: "morgen" is geen datum',
    'actie 1, status: "af" bestaat niet; de status is nu "gepland"',
    'actie 1, bron: onbekend onderdeel "url"',
    'actie 2: is geen actie',
    'actie 3: het thema "onbekend" bestaat niet; de actie staat nu bij "Nog zonder thema"',
    'actie 3: komt uit hetzelfde voorstel als een eerdere actie; de actie staat er nu als eigen actie',
    'actie 4: het thema "__proto__" bestaat niet; de actie staat nu bij "Nog zonder thema"',
    'actie 4: de bron is niet te lezen; de actie staat er nu als eigen actie',
    'genegeerd voorstel: "42"',
    'genegeerd voorstel: "<b>"',
    'voorbeelden bij thema: "weg"',
  ]);
  assert.deepEqual(read.warnings, ['Deze werkagenda komt uit een ander handboek ("andere-site"). Wat past, is overgenomen.']);
  assert.equal(Object.getPrototypeOf(read.agenda.actions[0]), Object.prototype);
});

test('more actions than the limit are cut off and counted', () => {
  const actions = Array.from({ length: MAX_ACTIONS + 2 }, (_, i) => ({ action: `Actie ${i}` }));
  const read = readAgendaFile(JSON.stringify({ format: 'leerrecht-werkagenda/1', actions }), opts);
  assert.equal(read.agenda.actions.length, MAX_ACTIONS);
  assert.deepEqual(read.dropped, [`2 acties na de eerste ${MAX_ACTIONS}`]);
});

test('the saved agenda comes back after a reload, under a key of its own site', () => {
  const storage = new MemoryStorage();
  const store = createAgendaStore(storage, 'leerrecht', THEMES);
  assert.equal(store.key, 'leerrecht:leerrecht:werkagenda');
  assert.deepEqual(store.load(), { agenda: null, saved: null, messages: [] });
  assert.deepEqual(store.save(sample(), saved), { ok: true, saved });
  const again = createAgendaStore(storage, 'leerrecht', THEMES).load();
  assert.deepEqual(again.agenda, sample());
  assert.deepEqual(again.messages, []);
  assert.equal(createAgendaStore(storage, 'andere', THEMES).load().agenda, null);
});

test('a corrupt saved agenda is set aside and reported; a full storage says so', () => {
  const now = new Date(1_790_000_000_000);
  const storage = new MemoryStorage({ [agendaKey('s')]: '{"format":"leerrecht-werkagenda/1","actions":5}' });
  const { agenda, messages } = createAgendaStore(storage, 's', THEMES).load(now);
  assert.equal(agenda, null);
  assert.equal(messages[0].kind, 'waarschuwing');
  assert.equal(messages[0].text, 'Je bewaarde werkagenda in deze browser was beschadigd en is apart gezet (onder "leerrecht:s:werkagenda:beschadigd:1790000000000"). Je begint met een lege werkagenda.');
  assert.equal(storage.getItem('leerrecht:s:werkagenda'), null);
  assert.equal(storage.getItem('leerrecht:s:werkagenda:beschadigd:1790000000000'), '{"format":"leerrecht-werkagenda/1","actions":5}');

  const full = new MemoryStorage();
  full.quota = 10;
  const result = createAgendaStore(full, 's', THEMES).save(sample());
  assert.equal(result.ok, false);
  assert.match(result.message, /Sla je werkagenda op als bestand/);
});

test('the saved state is the file format', () => {
  const storage = new MemoryStorage();
  createAgendaStore(storage, 's', THEMES).save(sample(), saved);
  assert.deepEqual(JSON.parse(storage.getItem('leerrecht:s:werkagenda')), makeAgendaFile(sample(), 's', saved));
});
