// Shared by the browser tests: Debian's Chromium through playwright-core, the built site
// served over http under a sub-path (as on a real host) and opened from file://.
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serveFolder } from './static-server.mjs';

export const SITE = resolve(process.env.LEERRECHT_SITE ?? 'public');
export const SUBPATH = '/handboek/';

// Every server a test starts is killed when the test file ends, whatever happened: a test that
// fails half-way must not leave a server running (it kept a CI run from ever finishing).
const children = new Set();
const killAll = () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.on('exit', killAll);

/** Start `bin args…` as a child that dies with this test file; same options as spawn. */
export function spawnTracked(bin, args, options) {
  const child = spawn(bin, args, options);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Kill every child still running (for `after`). */
export async function killChildren() {
  const left = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(left.map((c) => new Promise((ok) => { c.once('exit', ok); c.kill('SIGKILL'); })));
}

export async function launch() {
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
}

/**
 * One Chromium and one file server (serve()) for a whole test file, closed after its last test.
 * `set` receives { browser, server } before the first test: `let browser; let server;
 * browserAndServer((env) => ({ browser, server } = env));`
 */
export function browserAndServer(set) {
  let env = {};
  before(async () => {
    env = { browser: await launch(), server: await serve() };
    set(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
}

/** Serve SITE at http://127.0.0.1:PORT/handboek/; resolves to {base, close}. */
export const serve = () => serveFolder(SITE, SUBPATH);

export const fileBase = () => pathToFileURL(SITE + sep).href;

/** axe-core with the WCAG 2.1 A and AA rules; returns the violations, readable. */
export async function axe(page) {
  await page.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations;
}

/**
 * A fresh context (its own localStorage) and page at `url`. Page errors, console errors and
 * dialogs are collected in `problems`; the browser's own favicon request is not the page's doing.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon\.ico/.test(m.location()?.url ?? '')) problems.push(`console: ${m.text()} ${m.location()?.url ?? ''}`);
  });
  await page.goto(url);
  return { context, page, problems };
}
