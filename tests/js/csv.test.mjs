import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toCsv, BOM } from '../../static/js/lib/csv.js';

test('plain cells stay as they are; numbers get a decimal comma', () => {
  assert.equal(csvCell('Leerplicht'), 'Leerplicht');
  assert.equal(csvCell(3.5), '3,5');
  assert.equal(csvCell(-2), '-2');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(Number.NaN), '');
});

test('separators, quotes and line breaks are quoted', () => {
  assert.equal(csvCell('school; gemeente'), '"school; gemeente"');
  assert.equal(csvCell('de "regie"'), '"de ""regie"""');
  assert.equal(csvCell('regel 1\nregel 2'), '"regel 1\nregel 2"');
  assert.equal(csvCell(' spatie'), '" spatie"');
});

test('a text that a spreadsheet would run as a formula is made inert', () => {
  for (const evil of ['=1+1', '+31 6 1234', '-2+3', '@SUM(A1)', '\t=1', '\rx']) {
    const cell = csvCell(evil);
    const inner = cell.startsWith('"') ? cell.slice(1, -1) : cell;
    assert.ok(inner.startsWith("'"), `${JSON.stringify(evil)} → ${cell}`);
  }
  assert.equal(csvCell('=HYPERLINK("x";"y")'), '"\'=HYPERLINK(""x"";""y"")"');
  assert.equal(csvCell('a=b'), 'a=b');
});

test('a table starts with the byte order mark and ends every row with CRLF', () => {
  const text = toCsv([
    ['actie', 'eigenaar'],
    ['Eén plan', 'school; zorg'],
  ]);
  assert.ok(text.startsWith(BOM));
  assert.equal(text.slice(1), 'actie;eigenaar\r\nEén plan;"school; zorg"\r\n');
});
