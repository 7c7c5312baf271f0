// The dossier backup: everything this handbook keeps in one browser saved as one file from the
// home page, and restored in a browser that lost it all, with a preview, a confirmation and undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, openPage, axe } from './harness.mjs';

let browser;
let server;
let tmp;

before(async () => {
  browser = await launch();
  server = await serve();
  tmp = await mkdtemp(join(tmpdir(), 'leerrecht-dossier-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ANSWERS = 'leerrecht:leerrecht:tien-punten:v2';
const AGENDA = 'leerrecht:leerrecht:werkagenda';

test('a backup from the home page brings every answer and the werkagenda back in a cleared browser', async () => {
  const { context, page, problems } = await openPage(browser, server.base + 'index.html', { bypassCSP: true });
  await page.evaluate(([a, b]) => {
    localStorage.setItem(a, JSON.stringify({ format: 'leerrecht-antwoorden/1', answers: { 'in-beeld': 'ja' } }));
    localStorage.setItem(b, JSON.stringify({ format: 'leerrecht-werkagenda/1', actions: [] }));
  }, [ANSWERS, AGENDA]);
  await page.reload();
  await page.waitForSelector('#dossier-knoppen:not([hidden])');
  assert.match(await page.textContent('#dossier-status'), /nog geen reservekopie/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dossier-bewaar')]);
  assert.match(download.suggestedFilename(), /^leerrecht-leerrecht-reservekopie-\d{4}-\d\d-\d\d\.json$/);
  const file = join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(Object.keys(saved.entries).sort(), ['tien-punten:v2', 'werkagenda']);
  assert.match(await page.textContent('#dossier-status'), /laatste reservekopie is gemaakt op/);
  assert.deepEqual(await axe(page), []);

  // The browser loses everything; the file brings it back, after a preview and a question.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('#dossier-knoppen:not([hidden])');
  await page.setInputFiles('#dossier-open', file);
  await page.waitForSelector('#dossier-bevestig[open]');
  assert.match(await page.textContent('#dossier-melding'), /Antwoorden bij tien-punten \(versie 2\)/);
  assert.match(await page.textContent('#dossier-melding'), /Werkagenda/);
  await page.click('#dossier-ja');
  await page.waitForSelector('#dossier-ongedaan');
  assert.equal(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).answers['in-beeld'], ANSWERS), 'ja');
  assert.deepEqual(await axe(page), []);
  await page.click('#dossier-ongedaan');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), ANSWERS), null, 'undo takes it away again');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file that is not a backup is refused at the field, nothing is asked or changed', async () => {
  const { context, page, problems } = await openPage(browser, server.base + 'werkagenda.html');
  await page.waitForSelector('#dossier-knoppen:not([hidden])');
  await page.setInputFiles('#dossier-open', { name: 'uitslag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'leerrecht-resultaat/1', answers: {} })) });
  await page.waitForFunction(() => /één instrument/.test(document.body.textContent));
  assert.equal(await page.$('dialog[open]'), null);
  assert.deepEqual(problems, []);
  await context.close();
});
