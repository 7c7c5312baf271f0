// What the browser benches share: a built site served over http on 127.0.0.1 (the browser
// tests' server) and the content page they open.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Serves `root` on a free port (the browser tests' server); resolves to `{base, close}`. The
 * server runs in a worker thread: on the bench's own thread it shared an event loop with
 * Playwright driving Chromium, and a search shard of 88 kB could wait 50–60 ms there for its
 * turn, which is the harness's delay, not the site's or a host's.
 */
export function serveDir(root) {
  const worker = new Worker(new URL('./serve-worker.mjs', import.meta.url), { workerData: { root } });
  return new Promise((ok, fail) => {
    worker.once('error', fail);
    worker.once('message', (base) => ok({ base, close: () => worker.terminate() }));
  });
}

/** A content page of the site: the first page of the first section folder, else the home page. */
export function contentPage(dir) {
  for (const d of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    if (['css', 'js', 'instrumenten', 'zoekindex'].includes(d)) continue;
    const pages = readdirSync(join(dir, d)).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
    if (pages.length) return `${d}/${pages[0]}`;
  }
  return 'index.html';
}
