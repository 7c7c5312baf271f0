// Loads the search index of a built site (LEERRECHT_SITE, default public/) for the tests.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';

export const SITE = resolve(process.env.LEERRECHT_SITE ?? 'public');
export const REPO = resolve(new URL('../..', import.meta.url).pathname);

export function loadIndex(site = SITE) {
  const file = join(site, 'search-index.js');
  if (!existsSync(file)) throw new Error(`${file} ontbreekt: bouw eerst de site (make test doet dat)`);
  const sandbox = { window: {} };
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
  return sandbox.window.leerrechtZoekindex;
}
