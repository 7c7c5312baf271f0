// How much of a sharded search index a query loads (issue 16: at most 5 % for the first
// query at 10 000 pages), without a browser: the same engine and shard loader as the tests.
// Bytes are exact and independent of the machine's load.
//
//   node bench/search-bytes.mjs SITE_OUTPUT [query ...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { open } from '../static/js/lib/search-engine.js';
import { loadManifest, shardLoader } from '../tests/js/site-index.mjs';

const [site, ...given] = process.argv.slice(2);
if (!site) {
  console.error('gebruik: node bench/search-bytes.mjs UITVOERMAP [zoekvraag ...]');
  process.exit(2);
}
const queries = given.length ? given : ['leerplicht', 'thuiszitters', 'gemeenten', 'verzuim 16 uur', 'zorgplicht samenwerkingsverband', 'l'];
const manifestBytes = statSync(join(site, 'search-index.js')).size;
const shardBytes = readdirSync(join(site, 'zoekindex')).reduce((n, f) => n + statSync(join(site, 'zoekindex', f)).size, 0);
const total = manifestBytes + shardBytes;
console.log(`index: ${(total / 1e6).toFixed(1)} MB (manifest ${(manifestBytes / 1e3).toFixed(0)} kB)`);
console.log('| query (first, fresh page) | shards loaded | bytes loaded | share of the index | results |');
console.log('|---|---:|---:|---:|---:|');
for (const q of queries) {
  const { load, loaded } = shardLoader(site);
  const index = open(loadManifest(site), load);
  const results = await index.search(q, 10);
  const bytes = manifestBytes + loaded.reduce((n, l) => n + l.bytes, 0);
  console.log(`| ${q} | ${loaded.length} | ${(bytes / 1e3).toFixed(0)} kB | ${((100 * bytes) / total).toFixed(1)} % | ${results.length} |`);
}
