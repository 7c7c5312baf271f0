#!/usr/bin/env node
// Lighthouse (mobile, its default) on five pages of a built site, served over http under a
// sub-path as on a real host: home, a content page, the comparison, an instrument and the
// workshop page. Prints a Markdown table with the load average at the start and the end
// (figures measured on a busy machine are not comparable: see /work/shared/notes/pitfalls.md).
//
//   cargo run --release -- build --out target/test-site
//   node bench/lighthouse.mjs [SITE] [RUNS]      # SITE defaults to target/test-site, RUNS to 1
//
// Lighthouse lives in bench/lighthouse/ with its own package.json and lock, and is installed
// there (npm ci) the first time this script runs: `make test` never installs it. Chromium comes
// from CHROME_PATH or /usr/bin/chromium.
import { createServer } from 'node:http';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve, extname, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const site = resolve(process.argv[2] ?? 'target/test-site');
const runs = Number(process.argv[3] ?? 1);
const PAGES = ['index.html', 'wetgeving/leerplichtwet.html', 'regio/vergelijking.html', 'instrumenten/tien-punten.html', 'workshop.html'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };

if (!existsSync(join(site, 'index.html'))) {
  console.error(`Geen gebouwde site in ${site}. Bouw eerst: cargo run --release -- build --out ${site}`);
  process.exit(1);
}
const tool = join(here, 'lighthouse');
const cli = join(tool, 'node_modules', 'lighthouse', 'cli', 'index.js');
if (!existsSync(cli)) {
  console.error('Lighthouse installeren in bench/lighthouse/ (eenmalig)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tool, stdio: 'inherit' });
}

// The site under /handboek/, as the browser tests serve it.
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith('/handboek/')) return res.writeHead(404).end();
  let file = resolve(join(site, path.slice('/handboek/'.length)));
  if (file !== site && !file.startsWith(site + sep)) return res.writeHead(403).end();
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/handboek/`;

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const startLoad = load();
const rows = [];
for (const page of PAGES) {
  for (let run = 1; run <= runs; run += 1) {
    // The CLI runs as a child process, asynchronously: a synchronous one would block the server above.
    const report = await new Promise((ok, fail) => {
      const args = [cli, base + page, '--output=json', '--output-path=stdout', '--quiet', '--only-categories=performance,accessibility,best-practices,seo', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'];
      const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      child.on('close', (code) => (code === 0 ? ok(JSON.parse(out)) : fail(new Error(`lighthouse ${page}: exit ${code}\n${err}`))));
    });
    const score = (c) => Math.round((report.categories[c]?.score ?? 0) * 100);
    const audit = (a) => report.audits[a]?.numericValue;
    rows.push([
      page, run, score('performance'), score('accessibility'), score('best-practices'), score('seo'),
      Math.round(audit('first-contentful-paint')), Math.round(audit('largest-contentful-paint')), Math.round(audit('total-blocking-time')),
      audit('cumulative-layout-shift').toFixed(3),
    ]);
    console.error(`${page} (${run}/${runs}) klaar`);
  }
}
server.close();

console.log(`Lighthouse ${JSON.parse(readFileSync(join(tool, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version}, mobiel; load average (1, 5, 15 min) bij de start ${startLoad}, aan het eind ${load()}; ${new Date().toISOString()}.\n`);
console.log('| pagina | run | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
