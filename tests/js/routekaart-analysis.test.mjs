import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseRoutekaart } from '../../static/js/lib/kinds/routekaart/analysis.js';
import { routekaart, generated } from './instrument-fixtures.mjs';

const inst = routekaart();

test('an empty routekaart has no findings and no coverage yet, and is provisional', () => {
  const a = analyseRoutekaart(inst, {});
  assert.equal(a.coverage, 0);
  assert.deepEqual(a.withoutRegie, []);
  assert.deepEqual(a.multipleRegie, []);
  assert.deepEqual(a.partnersWithoutRole, []);
  assert.equal(a.open.length, 3);
  assert.equal(a.notWritten.length, 0, 'an untouched step is open, not a finding');
  assert.equal(a.provisional, true);
  assert.equal(a.total, 9);
});

test('steps without regie, with two regies, partners without role, written down, coverage', () => {
  const a = analyseRoutekaart(inst, {
    's1/school': 'regie', 's1/lp': 'neemt_deel', 's1/gem': 'geen_rol', 's1/vastgelegd': true,
    's2/school': 'regie', 's2/lp': 'regie', 's2/gem': 'geen_rol',
    's3/school': 'neemt_deel', 's3/lp': 'neemt_deel', 's3/gem': 'geen_rol',
  });
  assert.deepEqual(a.withoutRegie.map((s) => s.id), ['s3']);
  assert.deepEqual(a.multipleRegie.map((s) => [s.id, s.regie]), [['s2', ['school', 'lp']]]);
  assert.deepEqual(a.partnersWithoutRole.map((p) => p.id), ['gem']);
  assert.deepEqual(a.notWritten.map((s) => s.id), ['s2', 's3']);
  assert.equal(a.stepsWithOneRegie, 1);
  assert.equal(a.coverage, 33); // 1 of 3 steps, whole percents
  assert.equal(a.provisional, false);
  assert.deepEqual(a.open, []);
});

test('a step nobody filled in is open, not "without regie"; a partner never answered is not "without role"', () => {
  const a = analyseRoutekaart(inst, { 's1/school': 'regie' });
  assert.deepEqual(a.withoutRegie, []);
  assert.deepEqual(a.open.map((s) => s.id), ['s2', 's3']);
  assert.deepEqual(a.partnersWithoutRole, []);
  assert.equal(a.coverage, 33);
  assert.equal(a.answered, 1);
});

test('full coverage: exactly one regie per step', (t) => {
  const answers = { 's1/school': 'regie', 's2/lp': 'regie', 's3/gem': 'regie' };
  assert.equal(analyseRoutekaart(inst, answers).coverage, 100);
  const json = generated('routekaart');
  if (!json) return t.skip('site not built');
  // The generated guidance has one regie per step: following it gives full coverage.
  const guided = Object.fromEntries(json.guidance.map((g) => [`${g.step}/${g.partner}`, g.role]));
  const a = analyseRoutekaart(json, guided);
  assert.equal(a.coverage, 100);
  assert.deepEqual(a.multipleRegie, []);
});

test('"niet op papier" is a finding of filled-in steps only, on the page and on the werkagenda alike', async () => {
  const { agenda } = await import('../../static/js/lib/kinds/routekaart/agenda.js');
  const inst = routekaart();
  const answers = { 's1/school': 'regie' };
  const a = analyseRoutekaart(inst, answers);
  assert.deepEqual(a.notWritten.map((s) => s.id), ['s1'], 'the untouched steps are open, not "niet op papier"');
  const keys = agenda.proposals(inst, answers).map((p) => p.key).filter((k) => k.includes('niet-op-papier'));
  assert.deepEqual(keys.map((k) => k.split('/').pop()), a.notWritten.map((s) => s.id));
  assert.deepEqual(analyseRoutekaart(inst, { ...answers, 's1/vastgelegd': true }).notWritten, []);
});
