// What the browser benches share: a built site served over http on 127.0.0.1 (plain Node
// server, no caching headers) and the content page they open.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Serves `root` on a free port; resolves to `{base, close}`. */
export function serveDir(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
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
