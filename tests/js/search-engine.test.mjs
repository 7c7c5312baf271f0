import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import elasticlunr from 'elasticlunr';
import { rank, search, snippet, expand, checkIndex } from '../../static/js/lib/search-engine.js';
import { trimmer, stopWordFilter, stemmer, undouble, queryTerms } from '../../static/js/lib/search-pipeline.js';
import { loadIndex, REPO } from './site-index.mjs';

const data = loadIndex();

elasticlunr.Pipeline.registerFunction(trimmer, 'trimmer-nl-digits');
elasticlunr.Pipeline.registerFunction(stopWordFilter, 'stopWordFilter-du');
elasticlunr.Pipeline.registerFunction(stemmer, 'stemmer-du');
elasticlunr.Pipeline.registerFunction(undouble, 'undouble-nl');

const QUERIES = ['thuiszitters', 'scholen', 'gemeenten', 'leerplichtambtenaren', 'protocol', 'vrijstelling', 'escalatie', 'ouders en leerling', '2016', 'zorgplicht samenwerkingsverband', 'jeugdarts', 'regie'];

test('the index is the one this client understands', () => {
  assert.doesNotThrow(() => checkIndex(data));
  assert.throws(() => checkIndex({ index: { pipeline: ['trimmer-du', 'stopWordFilter-du', 'stemmer-du'] } }));
});

test('elasticlunr.js loading the same index ranks the same top results', () => {
  const idx = elasticlunr.Index.load(JSON.parse(JSON.stringify(data.index)));
  const config = { fields: { title: { boost: 3 }, heading: { boost: 2 }, body: { boost: 1 } }, bool: 'OR', expand: true };
  for (const q of QUERIES) {
    const theirs = idx.search(q, config).slice(0, 10);
    const ours = rank(data, q).slice(0, 10);
    assert.ok(ours.length > 0, `no results for ${q}`);
    assert.deepEqual(ours.map((r) => r.score.toFixed(9)), theirs.map((r) => r.score.toFixed(9)), `scores for ${q}`);
    // Equal scores may come in either order; the sets of refs per score must agree.
    const bucket = (list) => list.map((r) => `${r.score.toFixed(9)}:${r.ref}`).sort();
    assert.deepEqual(bucket(ours), bucket(theirs), `refs for ${q}`);
  }
});

/** Markdown sources of the default handbook, as (url, lowercase words). */
function pages() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) {
        const rel = relative(join(REPO, 'content'), path).replace(/\\/g, '/');
        const url = rel.endsWith('_index.md') ? rel.replace(/_index\.md$/, 'index.html') : rel.replace(/\.md$/, '.html');
        out.push({ url, words: new Set(readFileSync(path, 'utf8').toLowerCase().split(/[^\p{L}\p{Nd}]+/u)) });
      }
    }
  };
  walk(join(REPO, 'content'));
  return out;
}

test('a word form finds pages that only use another form of it', () => {
  const all = pages();
  for (const [query, form] of [['thuiszitters', 'thuiszitter'], ['scholen', 'school'], ['gemeenten', 'gemeente'], ['leerplichtambtenaren', 'leerplichtambtenaar'], ['protocol', 'protocollen']]) {
    const only = all.filter((p) => p.words.has(form) && !p.words.has(query)).map((p) => p.url);
    assert.ok(only.length > 0, `the handbook has no page with ${form} but not ${query}; pick another pair`);
    const found = new Set(search(data, query, 1000).map((r) => r.url.split('#')[0]));
    assert.ok(only.some((u) => found.has(u)), `${query} finds none of ${only.join(', ')}`);
  }
});

test('numbers and half-typed words are findable', () => {
  for (const q of ['2016', '16 uur']) assert.ok(search(data, q).length > 0, q);
  const full = new Set(search(data, 'leerplichtambtenaar', 50).map((r) => r.ref));
  const half = search(data, 'leerplichtamb', 50).map((r) => r.ref);
  assert.ok(half.some((r) => full.has(r)), 'a half-typed word finds the pages of the whole word');
  assert.ok(search(data, 'gemeen').length > 0, 'typed prefix that is no prefix of its stem');
});

test('expansion, snippets and empty queries', () => {
  const root = { p: { r: { o: { df: 1, docs: { 0: { tf: 1 } }, t: { df: 2, docs: { 0: { tf: 1 }, 1: { tf: 1 } } } } } } };
  assert.deepEqual(expand(root, 'pro').sort(), ['pro', 'prot']);
  assert.deepEqual(expand(root, 'x'), []);
  assert.deepEqual(search(data, 'de en van'), []);
  const parts = snippet('Scholen melden het aan de leerplichtambtenaar.', queryTerms('school'));
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['Scholen']);
  assert.equal(parts.map((p) => p.text).join(''), 'Scholen melden het aan de leerplichtambtenaar.');
});
