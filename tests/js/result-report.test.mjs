// The report of a result as the Word writer's model (result-report.js): what it says for a
// scored result and for a kind without a scale, and its file name. The .docx itself is read
// back with python-docx in tests/docx_check.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportModel, reportFileName, answerWords } from '../../static/js/lib/result-report.js';
import { score } from '../../static/js/lib/instrument-score.js';
import { checklist, routekaart, resultOf } from './instrument-fixtures.mjs';
import { slotsOf } from '../../static/js/lib/instrument-answers.js';

const texts = (model) => model.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'paragraph' ? [typeof b.runs === 'string' ? b.runs : b.runs.map((r) => r.text).join('')] : []));

test('a provisional scored result says so and gives no band', () => {
  const inst = checklist({ unknown: { id: 'onbekend', label: 'Weet ik niet' } });
  const answers = { i1: 'onbekend', i2: 'ja' };
  const model = reportModel(inst, score(inst, answers), { answers, name: '', date: new Date(2026, 11, 2), facet: resultOf(inst), slots: slotsOf(inst) });
  const t = texts(model);
  assert.ok(t.includes('Regio of school: (niet ingevuld)'));
  assert.ok(t.some((line) => /^Score: .*\(voorlopig\)$/.test(line)), t.join('\n'));
  assert.ok(!t.some((line) => /Hoog|Midden|Laag/.test(line)), 'no band');
  assert.ok(t.includes('Uitzoeken'));
});

test('a kind without a scale: its summary and its answers in words', () => {
  const inst = routekaart();
  const answers = { 's1/school': 'regie' };
  const facet = resultOf(inst);
  const analysis = facet.analyse(inst, answers, {});
  const model = reportModel(inst, analysis, { answers, name: 'Regio Oost', date: new Date(2026, 11, 2), facet, slots: slotsOf(inst) });
  assert.ok(texts(model).includes(facet.summary(analysis)));
  const table = model.blocks.find((b) => b.type === 'table');
  assert.deepEqual(table.rows, [[slotsOf(inst).find((s) => s.key === 's1/school').label, answerWords(inst)('regie')]]);
  assert.equal(answerWords(inst)('neemt_deel'), 'neemt deel', 'the role in words');
});

test('file names use safe characters, the name and the day', () => {
  assert.equal(reportFileName({ id: 'tien-punten' }, 'Zuid-Holland Oost / ‘t Gooi', '2026-12-15'), 'rapport-tien-punten-zuid-holland-oost-t-gooi-2026-12-15.docx');
  assert.equal(reportFileName({ id: 'tien-punten' }, '', '2026-12-15'), 'rapport-tien-punten-2026-12-15.docx');
});
