// The golden queries (tests/golden/search-queries.tsv): what a leerplichtambtenaar, a parent,
// a school or a trainer types, and the page (or section, with #) that must be among the first
// three results. Runs the browser's engine over the built site's sharded index
// (LEERRECHT_SITE), loading shards as the browser does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open } from '../../static/js/lib/search-engine.js';
import { loadManifest, shardLoader, REPO } from './site-index.mjs';

const TOP = 3;

/** The queries as `{query, expected, who}`; lines starting with # are comments. */
function golden() {
  return readFileSync(join(REPO, 'tests/golden/search-queries.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [query, expected, who] = line.split('\t');
      return { query, expected, who };
    });
}

/** A result matches a page address by its page, an address with # only exactly. */
const matches = (url, expected) => (expected.includes('#') ? url === expected : url.split('#')[0] === expected);

test('every golden query finds its page among the first three results', async () => {
  const queries = golden();
  assert.ok(queries.length >= 40, `only ${queries.length} golden queries`);
  const index = open(loadManifest(), shardLoader().load);
  const missed = [];
  for (const { query, expected } of queries) {
    const urls = (await index.search(query, TOP)).map((r) => r.url);
    if (!urls.some((url) => matches(url, expected))) missed.push(`${query}: verwacht ${expected}, kreeg ${urls.join(', ') || 'niets'}`);
  }
  if (process.env.GOLDEN_COUNT) console.log(`# golden: ${queries.length - missed.length} of ${queries.length} in the top ${TOP}`);
  assert.deepEqual(missed, []);
});

test('a glossary entry ranks below the page on its subject', async () => {
  const index = open(loadManifest(), shardLoader().load);
  const urls = (await index.search('leerplichtambtenaar', 10)).map((r) => r.url);
  const role = urls.indexOf('rollen-en-escalatie.html#leerplicht');
  const entry = urls.indexOf('begrippen.html#leerplichtambtenaar');
  assert.ok(role >= 0 && (entry < 0 || role < entry), urls.join(', '));
  assert.ok(urls.filter((u) => u.startsWith('begrippen.html')).length <= 3, urls.join(', '));
});

test('adjacent words rank the passage that has them together first', async () => {
  const index = open(loadManifest(), shardLoader().load);
  for (const [query, expected] of [['artikel 11', 'wetgeving/leerplichtwet.html#geldige-redenen'], ['artikel 22', 'wetgeving/leerplichtwet.html#na-de-melding']]) {
    const [first] = await index.search(query, 1);
    assert.equal(first?.url, expected, query);
  }
});
