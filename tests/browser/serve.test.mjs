// `leerrecht serve` in a real browser: many tabs of one browser open at once, pages keep
// loading with all their scripts, and every tab reloads after an edit. The old reload script
// held one long poll per tab; from six tabs on, those polls took every connection the browser
// opens to one server, and the next page's scripts never arrived.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, spawnTracked, killChildren } from './harness.mjs';

after(killChildren);

const BIN = process.env.LEERRECHT_BIN ?? resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'debug/leerrecht');

async function startServe() {
  const dir = await mkdtemp(join(tmpdir(), 'leerrecht-serve-'));
  for (const part of ['content', 'checklists', 'templates', 'static', 'site.toml']) {
    await cp(part, join(dir, part), { recursive: true });
  }
  const child = spawnTracked(BIN, ['serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise((ok, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`serve printed no address: ${text}`)), 60000);
    child.stderr.on('data', (d) => {
      text += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(text);
      if (m) { clearTimeout(timer); ok(m[0]); }
    });
    child.on('exit', (code) => fail(new Error(`serve stopped (${code}): ${text}`)));
  });
  return { dir, base, stop: async () => { child.kill(); await rm(dir, { recursive: true, force: true }); } };
}

test('ten tabs of one browser: every page loads all its scripts, and every tab reloads after an edit', { skip: !existsSync(BIN) && `no binary at ${BIN}` }, async () => {
  const server = await startServe();
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const tabs = [];
    for (let i = 0; i < 10; i++) {
      const page = await context.newPage();
      await page.goto(server.base + 'instrumenten/', { waitUntil: 'load', timeout: 8000 });
      tabs.push(page);
    }
    const reader = await context.newPage();
    for (let i = 0; i < 10; i++) {
      const loaded = [];
      reader.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
      await reader.goto(server.base + (i % 2 ? 'instrumenten/' : 'index.html'), { waitUntil: 'load', timeout: 8000 });
      reader.removeAllListeners('requestfinished');
      assert.ok(loaded.includes('/__leerrecht/reload.js'), `load ${i}: ${loaded.join(' ')}`);
    }
    await new Promise((ok) => setTimeout(ok, 500));
    const reloads = tabs.map((tab) => tab.waitForEvent('load', { timeout: 15000 }));
    const file = join(server.dir, 'content/aanbevelingen.md');
    await writeFile(file, (await readFile(file, 'utf8')) + '\n\nEen wijziging.\n');
    await Promise.all(reloads);
  } finally {
    await browser.close();
    await server.stop();
  }
});
