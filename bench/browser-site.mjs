// What the browser benches share: a built site served over http on 127.0.0.1 (the browser
// tests' server) and the content page they open.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveFolder } from '../tests/browser/static-server.mjs';

/** Serves `root` on a free port; resolves to `{base, close}`. */
export const serveDir = (root) => serveFolder(root);

/** A content page of the site: the first page of the first section folder, else the home page. */
export function contentPage(dir) {
  for (const d of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    if (['css', 'js', 'instrumenten', 'zoekindex'].includes(d)) continue;
    const pages = readdirSync(join(dir, d)).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
    if (pages.length) return `${d}/${pages[0]}`;
  }
  return 'index.html';
}
