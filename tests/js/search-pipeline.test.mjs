import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stem } from '../../static/js/lib/dutch-stemmer.js';
import { processToken, tokenize, queryTerms, undouble } from '../../static/js/lib/search-pipeline.js';
import { REPO } from './site-index.mjs';

test('every word of the handbook becomes the token the index made of it', () => {
  const golden = readFileSync(join(REPO, 'tests/golden/search-words.tsv'), 'utf8').trim().split('\n');
  assert.ok(golden.length > 1000, `golden list too short: ${golden.length}`);
  const wrong = [];
  for (const line of golden) {
    const [word, want] = line.split('\t');
    const got = processToken(word) ?? '';
    if (got !== want) wrong.push(`${word}: index ${want}, browser ${got}`);
  }
  assert.deepEqual(wrong, []);
});

test('Dutch word forms share a stem', () => {
  for (const [a, b] of [['thuiszitters', 'thuiszitter'], ['scholen', 'school'], ['gemeenten', 'gemeente'], ['leerplichtambtenaren', 'leerplichtambtenaar']]) {
    assert.equal(stem(a), stem(b), `${a} ~ ${b}`);
  }
  assert.equal(stem('protocollen'), 'protocoll');
  assert.equal(stem('protocol'), 'protocol');
  assert.equal(stem('maan'), 'man');
  assert.equal(stem('mogelijkheden'), 'mogelijk');
});

test('a plural meets its singular after undoubling a final consonant', () => {
  for (const [a, b] of [['protocollen', 'protocol'], ['processen', 'proces'], ['verzuimprotocollen', 'verzuimprotocol']]) {
    assert.equal(processToken(a), processToken(b), `${a} ~ ${b}`);
  }
  assert.equal(undouble('ss'), 'ss');
  assert.equal(undouble('11'), '11');
  assert.equal(undouble('hee'), 'hee');
  assert.equal(undouble('mass'), 'mas');
});

test('digits survive trimming, stop words and punctuation go', () => {
  assert.deepEqual(tokenize('COVID-19, artikel 21a'), ['covid', '19,', 'artikel', '21a']);
  assert.deepEqual(queryTerms('artikel 21a (2016) van de wet').map((t) => t.token), ['artikel', '21a', '2016', 'wet']);
  assert.equal(processToken('«de»'), undefined);
  assert.equal(processToken('...'), undefined);
});

test('a very long token is cut to the length the index uses', () => {
  const long = 'é'.repeat(70);
  const [first, second] = tokenize(`${long} kort`);
  assert.equal([...first].length, 64);
  assert.equal(second, 'kort');
});
