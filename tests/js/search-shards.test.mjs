// The sharded index of the default handbook (LEERRECHT_SITE): every term in exactly one
// shard, a query loads only the shards of its words, and the results equal those of the
// classic elasticlunr.js index of the same handbook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, search, shardsFor, decodePostings, SHARDED } from '../../static/js/lib/search-engine.js';
import { queryTerms, pairTerms } from '../../static/js/lib/search-pipeline.js';
import { loadManifest, loadIndex, shardLoader, SITE } from './site-index.mjs';

const manifest = loadManifest();
const QUERIES = ['v', 'le', 'thuiszitters', 'scholen', 'gemeenten', 'leerplichtambtenaren', 'protocol', 'vrijstelling', 'escalatie', 'ouders en leerling', '2016', 'zorgplicht samenwerkingsverband', 'jeugdarts', 'regie', 'leerplichtamb', 'gemeen', 'verzuim 16 uur'];

test('the handbook ships a sharded index', () => {
  assert.equal(manifest.format, SHARDED);
  assert.ok(manifest.shards.length > 1, 'the handbook is big enough for more than one shard');
  const files = readdirSync(join(SITE, 'zoekindex'));
  assert.equal(files.filter((f) => f.startsWith('t')).length, manifest.shards.length);
  assert.equal(files.filter((f) => f.startsWith('d')).length, Math.ceil(manifest.docs / manifest.docsPerShard));
});

test('every term is in exactly one shard: the one of its longest key prefix', () => {
  const { load } = shardLoader();
  const seen = new Map();
  manifest.shards.forEach((key, i) => {
    for (const term of Object.keys(load(`t${i}`))) {
      assert.ok(!seen.has(term), `${term} in shards ${seen.get(term)} and ${i}`);
      seen.set(term, i);
      const longest = manifest.shards.reduce((best, k, j) => (term.startsWith(k) && (best < 0 || k.length > manifest.shards[best].length) ? j : best), -1);
      assert.equal(longest, i, `${term} is in shard ${key}, its longest key is ${manifest.shards[longest]}`);
    }
  });
  assert.ok(seen.size > 1000, `only ${seen.size} terms`);
});

test('a query loads only the shards of its words and the texts of its results', async () => {
  for (const q of QUERIES) {
    const { load, loaded } = shardLoader();
    const index = open(manifest, load);
    const results = await index.search(q, 10);
    const terms = queryTerms(q);
    const words = [...terms, ...pairTerms(terms)].flatMap(({ token, typed }) => [token, typed]);
    const allowed = new Set(shardsFor(manifest, words).map((i) => `t${i}`));
    for (const { ref } of results) allowed.add(`d${Math.floor(Number(ref) / manifest.docsPerShard)}`);
    for (const { name } of loaded) assert.ok(allowed.has(name), `${q} loaded ${name}`);
    const shards = loaded.filter(({ name }) => name.startsWith('t')).length;
    assert.ok(shards <= 2 * (terms.length + pairTerms(terms).length) + 1, `${q}: ${shards} term shards`);
  }
});

test("results come one by one: the first is there while a later result's shard still loads", async () => {
  const query = 'leerplicht';
  const expected = await open(manifest, shardLoader().load).search(query, 10);
  const docShard = (ref) => `d${Math.floor(Number(ref) / manifest.docsPerShard)}`;
  const last = docShard(expected.at(-1).ref);
  assert.notEqual(docShard(expected[0].ref), last, 'the first and last result come from different shards');
  // A loader that holds back the shard of the last result until released.
  const { load } = shardLoader();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const index = open(manifest, (name) => (name === last ? held.then(() => load(name)) : load(name)));
  const pending = await index.results(query, 10);
  assert.equal(pending.length, expected.length);
  const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms, 'waiting'))]);
  assert.deepEqual(await within(pending[0], 2000), expected[0]);
  assert.equal(await within(pending.at(-1), 50), 'waiting');
  release();
  assert.deepEqual(await Promise.all(pending), expected);
});

test('prefetching loads the term shards a query will need, when they are few, and changes no result', async () => {
  const termShards = (loaded) => loaded.map(({ name }) => name).filter((name) => name.startsWith('t'));
  for (const q of ['leerplicht', 'thuiszitters', 'artikel 11']) {
    const plain = shardLoader();
    const expected = await open(manifest, plain.load).search(q, 10);
    const { load, loaded } = shardLoader();
    const index = open(manifest, load);
    index.prefetch(q);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const ahead = termShards(loaded);
    assert.ok(ahead.length > 0, `${q}: something loads ahead`);
    assert.deepEqual(await index.search(q, 10), expected, q);
    // The query loads no term shard of its own words after the prefetch (beginnings of a
    // compound word may still come).
    const words = shardsFor(manifest, queryTerms(q).flatMap(({ token, typed }) => [token, typed])).map((i) => `t${i}`);
    for (const name of words) assert.ok(ahead.includes(name), `${q}: ${name} was loaded ahead`);
  }
  // A beginning that needs many shards loads none ahead (an index with four shards under `l`).
  const asked = [];
  const four = open({ ...manifest, shards: ['la', 'lb', 'lc', 'ld'] }, (name) => asked.push(name) && {});
  four.prefetch('l');
  assert.deepEqual(asked, []);
  four.prefetch('lb');
  assert.deepEqual(asked, ['t1']);
});

test('a word loads no shard that holds only the pairs it begins; a pair does', () => {
  const keys = { ...manifest, shards: ['le', 'leerplicht', 'leerplicht ', 'leerplichtw', 'm'] };
  assert.deepEqual(shardsFor(keys, ['leerplicht']), [1, 3]);
  assert.deepEqual(shardsFor(keys, ['leer']), [0, 1, 3]);
  assert.deepEqual(shardsFor(keys, ['leerplicht 11']), [2]);
  assert.deepEqual(shardsFor(keys, ['leerplicht ']), [2]);
});

test('warming up loads nothing and changes no result, also when queries run between its steps', async () => {
  const cold = open(manifest, shardLoader().load);
  const { load, loaded } = shardLoader();
  const warmed = open(manifest, load);
  const steps = warmed.warm();
  steps.next();
  steps.next();
  assert.deepEqual(loaded, [], 'warming loads no shard');
  const compare = async () => {
    for (const q of QUERIES) assert.deepEqual(await warmed.search(q, 10), await cold.search(q, 10), q);
  };
  await compare();
  let count = 2;
  while (!steps.next().done) count++;
  assert.ok(count >= 5, `${count} steps: one per field and one for the ranking`);
  await compare();
  assert.deepEqual(await warmed.rank('leerplicht'), await cold.rank('leerplicht'), 'the whole ranking');
});

test('without its additions, results equal those of the classic index', async () => {
  const classic = loadIndex();
  const index = open(manifest, shardLoader().load, { plain: true });
  for (const q of QUERIES) {
    const theirs = search(classic, q, 10);
    const ours = await index.search(q, 10);
    assert.ok(ours.length > 0, `no results for ${q}`);
    assert.equal(ours.length, theirs.length, q);
    // The classic index keeps tf to three decimals, so scores agree to about that, place by
    // place; two results whose scores differ by less than that may change places, so the
    // results themselves (addresses, titles, snippets) are compared as a set.
    ours.forEach((r, i) => assert.ok(Math.abs(r.score - theirs[i].score) < 1e-2 * r.score, `${q} #${i}: ${r.score} vs ${theirs[i].score}`));
    // At the cut-off of ten, results that tie with the last one may differ for the same reason.
    const last = theirs[theirs.length - 1].score;
    const shown = (list) => list
      .filter((r) => list.length < 10 || r.score > last * 1.01)
      .map(({ ref, title, heading, section, url, snippet }) => ({ ref, title, heading, section, url, snippet }))
      .sort((a, b) => Number(a.ref) - Number(b.ref));
    assert.deepEqual(shown(ours), shown(theirs), q);
  }
});

test('every document has a length in each field, and an index of another version is refused', () => {
  manifest.lengths.forEach((text, field) => assert.equal(text.length, manifest.docs * manifest.lengthWidths[field], manifest.fields[field]));
  const load = () => ({});
  assert.throws(() => open({ ...manifest, version: 1 }, load), /Onbekende zoekindex/);
  assert.doesNotThrow(() => open(manifest, load));
});

test('posting lists decode as written', () => {
  assert.deepEqual(decodePostings('0,5:2,1z'), [[0, 1], [5, 2], [76, 1]]);
  assert.deepEqual(decodePostings(''), []);
});
