// Loads the search index of a built site (LEERRECHT_SITE, default public/) for the tests: the
// sharded index the site ships, and the classic elasticlunr.js export of the same handbook.
import { readFileSync, existsSync, mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import vm from 'node:vm';

export const SITE = resolve(process.env.LEERRECHT_SITE ?? 'public');
export const REPO = resolve(new URL('../..', import.meta.url).pathname);

/** Run a classic script of the site in a sandbox; returns its `window`. */
function run(file, sandbox = { window: {} }) {
  if (!existsSync(file)) throw new Error(`${file} ontbreekt: bouw eerst de site (make test doet dat)`);
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
  return sandbox.window;
}

/** What `search-index.js` of a site sets: the manifest of a sharded index, or a classic index. */
export function loadManifest(site = SITE) {
  return run(join(site, 'search-index.js')).leerrechtZoekindex;
}

/**
 * A loader of the site's shards as the browser has it (`load(name)` → the shard's data), that
 * also records the names and sizes of what it loaded.
 */
export function shardLoader(site = SITE) {
  const sandbox = { window: {} };
  const loaded = [];
  const load = (name) => {
    const file = join(site, 'zoekindex', `${name}.js`);
    loaded.push({ name, bytes: readFileSync(file).length });
    return run(file, sandbox).leerrechtZoekdelen[name];
  };
  return { load, loaded };
}

let classic = null;

/**
 * The classic elasticlunr.js index of the default handbook (search_format = "elasticlunr"):
 * the site's own when it was built so, else built now into a temporary folder with the
 * leerrecht binary (LEERRECHT_BIN, default target/debug/leerrecht).
 */
export function loadIndex(site = SITE) {
  const own = loadManifest(site);
  if (own?.index) return own;
  if (classic) return classic;
  const dir = mkdtempSync(join(tmpdir(), 'leerrecht-elasticlunr-'));
  for (const name of ['content', 'checklists', 'templates', 'static']) {
    if (existsSync(join(REPO, name))) cpSync(join(REPO, name), join(dir, name), { recursive: true });
  }
  const config = readFileSync(join(REPO, 'site.toml'), 'utf8');
  // A top-level key must come before the first table ([[menu]], [extra]).
  writeFileSync(join(dir, 'site.toml'), `search_format = "elasticlunr"\n${config}`);
  const bin = process.env.LEERRECHT_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(REPO, 'target'), 'debug', 'leerrecht');
  execFileSync(bin, ['build', '--root', dir, '--out', join(dir, 'public')], { stdio: 'pipe' });
  classic = loadManifest(join(dir, 'public'));
  return classic;
}
