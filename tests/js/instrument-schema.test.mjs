// The fixtures of the JavaScript tests and the instruments of the built site must both have
// the shape the generator writes: the JSON Schema in instrument.schema.json is made from the
// Rust types (tests/schema.rs keeps it current), so neither side can drift from the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { checklist, routekaart, inventarisatie, generated, GENERATED } from './instrument-fixtures.mjs';

const schema = JSON.parse(readFileSync(new URL('./instrument.schema.json', import.meta.url), 'utf8'));
// `uint32` and friends are schemars' own formats; the types and bounds say enough.
const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

function problems(instrument) {
  return validate(instrument) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

test('every fixture has the shape the generator writes', () => {
  for (const [name, fixture] of [['checklist', checklist()], ['routekaart', routekaart()], ['inventarisatie', inventarisatie()]]) {
    assert.deepEqual(problems(fixture), [], name);
  }
});

test('every instrument of the built site matches the schema', (t) => {
  const built = GENERATED.map((id) => [id, generated(id)]).filter(([, i]) => i);
  if (built.length === 0) {
    t.skip('the site is not built (LEERRECHT_SITE)');
    return;
  }
  for (const [id, instrument] of built) assert.deepEqual(problems(instrument), [], id);
});

test('the schema refuses what the generator never writes', () => {
  const noControl = checklist();
  delete noControl.items[0].control;
  assert.notDeepEqual(problems(noControl), []);
  const badKind = { ...routekaart(), kind: 'kaart' };
  assert.notDeepEqual(problems(badKind), []);
  const noCells = routekaart();
  delete noCells.steps[0].cells;
  assert.notDeepEqual(problems(noCells), []);
});
