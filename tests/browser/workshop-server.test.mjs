// `leerrecht workshop` with a room of phones (issue 14): the real binary on 127.0.0.1 with a
// temporary data folder; 30 participants send at once (5 phones in Chromium at 375×667, 25 over
// plain HTTP, each from its own loopback address as phones in a room have their own); the
// trainer page shows 30 and the exact distribution, live; after the server is killed and
// started again the 30 are still there; identical anonymous answers count as separate people;
// closing refuses, clearing asks first; axe-core (WCAG 2.1 A/AA) on the new states (with
// bypassCSP, only so that axe itself can be injected: the server sends the CSP as a header).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, axe, openPage, SITE, spawnTracked, killChildren } from './harness.mjs';

const BIN = process.env.LEERRECHT_BIN ?? resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'debug/leerrecht');
const skip = !existsSync(BIN) && `no binary at ${BIN}`;

let browser;
let data;

before(async () => {
  if (skip) return;
  browser = await launch();
  data = await mkdtemp(join(tmpdir(), 'leerrecht-workshop-data-'));
});
after(async () => {
  await killChildren();
  await browser?.close();
  if (data) await rm(data, { recursive: true, force: true });
});

/** Start the server on 127.0.0.1 with a free port; resolves to { base, code, stop(signal) }. */
async function startWorkshop(port = 0) {
  const child = spawnTracked(BIN, ['workshop', '--out', SITE, '--host', '127.0.0.1', '--port', String(port), '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  const found = await new Promise((ok, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`workshop printed no trainer address: ${text}`)), 30000);
    const read = (d) => {
      text += d;
      const m = /Trainer, op deze laptop: (http:\/\/127\.0\.0\.1:(\d+)\/)workshop\.html\?sessie=([0-9A-Z]{8})/.exec(text);
      if (m) {
        clearTimeout(timer);
        ok({ base: m[1], port: Number(m[2]), code: m[3] });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (status) => fail(new Error(`workshop stopped (${status}): ${text}`)));
  });
  const stopped = new Promise((ok) => child.on('exit', ok));
  return { ...found, stop: async (signal = 'SIGTERM') => { child.kill(signal); await stopped; } };
}

/** POST JSON from a loopback address of its own (127.0.0.x), as a phone in the room. */
function post(base, path, body, localAddress = '127.0.0.1') {
  return new Promise((ok, fail) => {
    const text = JSON.stringify(body);
    const url = new URL(path, base);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      let answer = '';
      res.on('data', (d) => { answer += d; });
      res.on('end', () => ok({ status: res.statusCode, body: JSON.parse(answer || 'null') }));
    });
    req.on('error', fail);
    req.end(text);
  });
}

const text = (page, selector) => page.innerText(selector).then((t) => t.replace(/\s+/g, ' ').trim());

/** Participant i answers item 1 with the (i mod 3)-th scale option, item 2 with the top one. */
function answersOf(inst, i) {
  return { [inst.items[0].id]: inst.scale[i % 3].id, [inst.items[1].id]: inst.scale[0].id };
}

async function trainerPage(base, code) {
  const trainer = await openPage(browser, `${base}workshop.html?sessie=${code}`, { viewport: { width: 1366, height: 768 }, bypassCSP: true });
  await trainer.page.waitForSelector('#workshop-sessie');
  await trainer.page.check('#instrument-tien-punten');
  await trainer.page.click('#kies-knop');
  await trainer.page.waitForSelector('.workshop__qr');
  return trainer;
}

/** The rows of the distribution of the item with this number on the trainer page. */
function distribution(page, number) {
  return page.$$eval('.groep__vraag', (items, n) => {
    const item = items.find((li) => li.querySelector('.groep__vraagkop').textContent.startsWith(`Vraag ${n}.`));
    return [...item.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
  }, number);
}

test('thirty participants send at once; the trainer sees 30 and the exact distribution, live; a restart keeps them', { skip, timeout: 180000 }, async () => {
  const inst = JSON.parse(await readFile(join(SITE, 'instrumenten', 'tien-punten.json'), 'utf8'));
  let server = await startWorkshop();
  const trainer = await trainerPage(server.base, server.code);
  const { page } = trainer;
  assert.match(await text(page, '#workshop-sessie'), new RegExp(`Workshopsessie ${server.code.slice(0, 4)}-${server.code.slice(4)}`));
  assert.match(await page.getAttribute('#deelnemers-adres', 'href'), new RegExp(`/instrumenten/tien-punten-deelnemen\\.html\\?sessie=${server.code}$`));
  // The image arrives after the element: wait for it to finish loading (or fail) before judging.
  await page.waitForFunction(() => document.querySelector('.workshop__qr').complete, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.querySelector('.workshop__qr').naturalWidth >= 320), true, 'the QR code loaded');

  // Five phones in Chromium, 25 over plain HTTP, all at the same time.
  const phone = async (i) => {
    const p = await openPage(browser, `${server.base}instrumenten/tien-punten-deelnemen.html?sessie=${server.code}`, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, bypassCSP: true });
    await p.page.waitForSelector('#stuur-knop', { state: 'visible' });
    for (const [item, answer] of Object.entries(answersOf(inst, i))) await p.page.check(`input[name="antwoord-${item}"][value="${answer}"]`);
    await p.page.click('#stuur-knop');
    await p.page.waitForFunction(() => /Verstuurd/.test(document.getElementById('stuur-melding').textContent));
    return p;
  };
  const plain = (i) => post(server.base, '/_workshop/inzending', { sessie: server.code, instrument: inst.id, version: inst.version, participant: `DEELNEMER${String(i).padStart(3, '0')}`, answers: answersOf(inst, i) }, `127.0.0.${10 + i}`);
  const [phones, answers] = await Promise.all([Promise.all([0, 1, 2, 3, 4].map(phone)), Promise.all(Array.from({ length: 25 }, (_, k) => plain(k + 5)))]);
  assert.deepEqual(answers.map((a) => a.status), Array(25).fill(200));

  // Live, without a reload: 30, and item 1 split exactly in three.
  await page.waitForFunction(() => /^30 inzendingen binnen$/.test(document.getElementById('sessie-telling').textContent), null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('#deelnemers tbody tr').length === 30);
  const expect = (counts) => inst.scale.map((s, k) => [s.label, String(counts[k]), `${Math.round((counts[k] / 30) * 1000) / 10}%`.replace('.', ',')]);
  const first = await distribution(page, inst.items[0].number);
  assert.deepEqual(first.slice(0, 3), expect([10, 10, 10]));
  assert.deepEqual((await distribution(page, inst.items[1].number)).slice(0, 3), expect([30, 0, 0]));
  assert.match(await text(page, '#groep'), /^30 deelnemers\./, 'identical anonymous answers are 30 people, not 3');

  // The phone's state after sending, and the trainer's live page: no WCAG 2.1 A/AA violations.
  assert.deepEqual(await axe(phones[0].page), []);
  assert.deepEqual(await axe(page), []);
  for (const p of phones) {
    assert.deepEqual(p.problems, []);
    await p.context.close();
  }

  // Killed (as a crash) and started again with the same folder: the 30 are still there.
  await server.stop('SIGKILL');
  await page.waitForFunction(() => /verbinding.*weg/.test(document.getElementById('sessie-status').textContent), null, { timeout: 30000 });
  server = await startWorkshop(server.port);
  await page.waitForFunction(() => /^30 inzendingen binnen$/.test(document.getElementById('sessie-telling').textContent) && /open/.test(document.getElementById('sessie-status').textContent), null, { timeout: 30000 });
  await page.reload();
  await page.waitForSelector('#workshop-sessie');
  await page.waitForFunction(() => document.querySelectorAll('#deelnemers tbody tr').length === 30, null, { timeout: 15000 });
  assert.deepEqual((await distribution(page, inst.items[0].number)).slice(0, 3), expect([10, 10, 10]));

  // Closing refuses new submissions with the server's sentence; reopening accepts them again.
  await page.click('#sessie-open-dicht');
  await page.waitForFunction(() => /gesloten/.test(document.getElementById('sessie-status').textContent));
  const refused = await post(server.base, '/_workshop/inzending', { sessie: server.code, instrument: inst.id, version: inst.version, participant: 'LAATKOMER1', answers: answersOf(inst, 0) }, '127.0.0.200');
  assert.deepEqual([refused.status, refused.body.fout], [410, 'gesloten']);
  await page.click('#sessie-open-dicht');
  await page.waitForFunction(() => /open/.test(document.getElementById('sessie-status').textContent));

  // Clearing asks first, naming the number; "no" keeps everything.
  await page.click('#sessie-wis');
  await page.waitForSelector('#sessie-wis-bevestig[open]');
  assert.match(await text(page, '#sessie-wis-bevestig'), /30 inzendingen/);
  assert.deepEqual(await axe(page), []);
  await page.click('#sessie-wis-nee');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sessie-wis');
  await page.click('#sessie-wis');
  await page.click('#sessie-wis-ja');
  await page.waitForFunction(() => /^0 inzendingen binnen$/.test(document.getElementById('sessie-telling').textContent));
  assert.deepEqual(trainer.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE/.test(p)), []);
  await trainer.context.close();
  await server.stop();
});

test('a participant page with a wrong session code says so and keeps the code way; from a static host nothing changes', { skip, timeout: 60000 }, async () => {
  const server = await startWorkshop();
  try {
    const wrong = await openPage(browser, `${server.base}instrumenten/tien-punten-deelnemen.html?sessie=AAAAAAAA`, { viewport: { width: 375, height: 667 } });
    await wrong.page.waitForFunction(() => /sessiecode klopt niet/.test(document.getElementById('deelnemen-status').textContent));
    assert.equal(await wrong.page.isHidden('#stuur-vak'), true);
    assert.equal(await wrong.page.isEnabled('#toon-code'), true);
    await wrong.context.close();
  } finally {
    await server.stop();
  }
});
