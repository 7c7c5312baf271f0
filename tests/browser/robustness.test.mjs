// Robustness in a real browser: two tabs editing the same instrument, a full storage quota,
// foreign and corrupt values in localStorage, and a handbook full of hostile text whose
// scripts must never run (a marker they would set stays unset).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserAndServer } from './harness.mjs';

let browser;
let server;
const CHECKLIST = 'instrumenten/tien-punten.html';
const KEY = 'leerrecht:leerrecht:tien-punten:v2';

browserAndServer((env) => ({ browser, server } = env));

/** Page errors and dialogs of a page, collected; a dialog would mean a script ran. */
function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  return problems;
}

async function openChecklist(context) {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(server.base + CHECKLIST);
  await page.waitForSelector('#werkbalk');
  return { page, problems };
}

const checked = (page) => page.$$eval('#instrument-form input[type="radio"]:checked', (rs) => Object.fromEntries(rs.map((r) => [r.name, r.value])));
const saved = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"answers":{}}').answers, KEY);

test('two tabs editing the same checklist lose nothing that either saved', async () => {
  const context = await browser.newContext();
  const a = await openChecklist(context);
  const b = await openChecklist(context);
  await a.page.check('input[name="antwoord-definities"][value="ja"]');
  // B hears of A's save and shows the answer without a reload.
  await b.page.waitForFunction(() => document.querySelector('input[name="antwoord-definities"][value="ja"]').checked);
  assert.match(await b.page.textContent('#melding-ander-tabblad'), /ook open in een ander tabblad/);

  // Both answer a different question at nearly the same moment, before either has saved.
  await b.page.check('input[name="antwoord-ambitie"][value="deels"]');
  await a.page.check('input[name="antwoord-in-beeld"][value="nee"]');
  await a.page.fill('textarea[name="notitie-in-beeld"]', 'Notitie uit tabblad A');
  const all = { 'antwoord-definities': 'ja', 'antwoord-ambitie': 'deels', 'antwoord-in-beeld': 'nee' };
  for (const tab of [a, b]) {
    await tab.page.waitForFunction((n) => document.querySelectorAll('#instrument-form input[type="radio"]:checked').length === n, 3);
    assert.deepEqual(await checked(tab.page), all);
  }
  await a.page.waitForTimeout(500);
  assert.deepEqual(await saved(a.page), { definities: 'ja', ambitie: 'deels', 'in-beeld': 'nee' });
  assert.equal(await b.page.inputValue('textarea[name="notitie-in-beeld"]'), 'Notitie uit tabblad A');

  // A real conflict: A changes question 1 and, before A has saved, another tab saves a
  // different answer to it. A keeps its own answer, saves it, and names the question.
  await a.page.check('input[name="antwoord-definities"][value="deels"]');
  await b.page.evaluate((k) => {
    const state = JSON.parse(localStorage.getItem(k));
    state.answers.definities = 'nee';
    localStorage.setItem(k, JSON.stringify(state));
  }, KEY);
  await a.page.waitForSelector('#melding-ander-tabblad li');
  assert.match(await a.page.textContent('#melding-ander-tabblad'), /antwoord van dit tabblad bewaard.*vraag 1/s);
  assert.equal(await a.page.$eval('input[name="antwoord-definities"]:checked', (r) => r.value), 'deels');
  await b.page.waitForFunction(() => document.querySelector('input[name="antwoord-definities"][value="deels"]').checked);
  assert.equal((await saved(a.page)).definities, 'deels');
  assert.equal((await saved(a.page))['in-beeld'], 'nee', 'the rest is still there');
  assert.deepEqual([...a.problems, ...b.problems], []);
  await context.close();
});

test('a full storage quota is reported, the answers stay on the page, and saving resumes', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (sessionStorage.getItem('vol')) return;
    sessionStorage.setItem('vol', '1');
    // Fill localStorage to the brim with one big value per key.
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 8; i += 1) {
      try {
        localStorage.setItem(`vulling-${i}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  const { page, problems } = await openChecklist(context);
  await page.check('input[name="antwoord-definities"][value="deels"]');
  await page.waitForFunction(() => /opslag van deze browser is vol/.test(document.getElementById('bewaarstatus').textContent));
  assert.match(await page.getAttribute('#bewaarstatus', 'class'), /werkbalk__status--fout/);
  assert.equal(await page.$eval('input[name="antwoord-definities"]:checked', (r) => r.value), 'deels');
  assert.match(await page.textContent('#resultaat-inhoud'), /1 van 10 beantwoord/);
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('vulling-')) localStorage.removeItem(key);
  });
  await page.check('input[name="antwoord-ambitie"][value="ja"]');
  await page.waitForFunction(() => /Automatisch bewaard/.test(document.getElementById('bewaarstatus').textContent));
  assert.deepEqual(await saved(page), { definities: 'deels', ambitie: 'ja' });
  assert.deepEqual(problems, []);
  await context.close();
});

test("other handbooks' and foreign values are left alone; damaged ones of ours are set aside", async () => {
  const other = 'leerrecht:ander-handboek:tien-punten:v1';
  const otherValue = JSON.stringify({ format: 'leerrecht-resultaat/1', site: 'ander-handboek', instrument: 'tien-punten', version: 1, answers: { definities: 'nee' }, notes: {} });
  const context = await browser.newContext();
  await context.addInitScript(([own, otherKey, value]) => {
    if (sessionStorage.getItem('gezet')) return;
    sessionStorage.setItem('gezet', '1');
    localStorage.setItem(otherKey, value);
    localStorage.setItem('iets-anders', '<script>window.__gehackt = 1</script>');
    localStorage.setItem(own, JSON.stringify({ format: 'leerrecht-resultaat/9', answers: {} }));
  }, [KEY, other, otherValue]);
  const { page, problems } = await openChecklist(context);
  assert.match(await page.textContent('#instrument-meldingen'), /beschadigd en zijn apart gezet/);
  assert.deepEqual(await checked(page), {}, "another handbook's answers are not taken");
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(keys.includes(other) && keys.includes('iets-anders'), keys.join(', '));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), other), otherValue);
  assert.ok(keys.some((k) => k.startsWith(`${KEY}:beschadigd:`)));
  assert.equal(await page.evaluate(() => window.__gehackt), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

// ----- a handbook written by an attacker --------------------------------------------------

const EVIL = `<script>window.__gehackt = 'script'</script><img src=x onerror="window.__gehackt = 'img'">"><svg onload="window.__gehackt = 'svg'">{{ config }}`;
const tomlString = (s) => JSON.stringify(s);

function hostileSite() {
  const page = (title, body, extra = '') => `+++\ntitle = ${tomlString(title)}\ndescription = ${tomlString(EVIL)}\n${extra}+++\n\n${body}\n`;
  const body = `${EVIL}\n\n## Kop ${EVIL}\n\nTekst met <b onclick="window.__gehackt='b'">opmaak</b> en \`${EVIL}\`.\n\n> [!NOTE]\n> ${EVIL}\n\n| a | b |\n|---|---|\n| ${EVIL.replaceAll('|', '')} | x |\n`;
  return {
    'site.toml': `title = ${tomlString(`Handboek ${EVIL}`)}\ndescription = ${tomlString(EVIL)}\nid = "kwaad"\n`,
    'content/_index.md': page(`Start ${EVIL}`, body),
    'content/regio/_index.md': page(`Regio ${EVIL}`, body),
    'content/regio/a.md': page(`Regio A ${EVIL}`, body, `\n[extra]\nregion = ${tomlString(EVIL)}\ncoordination = ${tomlString(EVIL)}\nescalation = ${tomlString(EVIL)}\npartners = [${tomlString(EVIL)}]\nthemes = [${tomlString(EVIL)}]\n`),
    'content/regio/vergelijking.md': page('Vergelijking', '', 'template = "vergelijking.html"\n'),
    'checklists/kwaad.toml': `id = "kwaad"
version = 1
title = ${tomlString(`Checklist ${EVIL}`)}
description = ${tomlString(EVIL)}
kind = "checklist"
audience = ["regio"]
intro = ${tomlString(body)}
not_applicable = ${tomlString(EVIL)}

[[scale]]
id = "ja"
label = ${tomlString(`Ja ${EVIL}`)}
points = 1

[[scale]]
id = "nee"
label = ${tomlString(`Nee ${EVIL}`)}
points = 0

[[themes]]
id = "t"
title = ${tomlString(`Thema ${EVIL}`)}
description = ${tomlString(EVIL)}

[[items]]
id = "v"
theme = "t"
question = ${tomlString(`Vraag ${EVIL}`)}
explanation = ${tomlString(body)}
source = ${tomlString(EVIL)}

[items.advice]
nee = ${tomlString(`Advies ${EVIL}`)}

[[bands]]
from = 0
to = 100
label = ${tomlString(EVIL)}
message = ${tomlString(EVIL)}
`,
  };
}

/** Elements the hostile text would have made if it were markup: none may exist. */
function injected() {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
    if (handlers.length) found.push(`${el.tagName} ${handlers.join(' ')}`);
  }
  for (const s of document.querySelectorAll('script:not([src]):not([type="application/json"])')) found.push(`inline script ${s.textContent.slice(0, 30)}`);
  for (const img of document.querySelectorAll('img')) found.push(`img ${img.getAttribute('src')}`);
  return found;
}

test('script in titles, front matter, Markdown, instrument texts and share codes never runs', async () => {
  const root = await mkdtemp(join(tmpdir(), 'leerrecht-kwaad-'));
  for (const [rel, text] of Object.entries(hostileSite())) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  const out = join(root, 'public');
  execFileSync(resolve(process.env.LEERRECHT_BIN ?? 'target/debug/leerrecht'), ['build', '--root', root, '--out', out], { stdio: 'pipe' });
  const base = pathToFileURL(out + '/').href;
  const map = await readFile(join(out, 'sitemap.html'), 'utf8');
  const pages = [...map.matchAll(/<li><a href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(pages.length >= 5, pages.join(', '));

  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  for (const path of [...pages, 'sitemap.html', '404.html']) {
    await page.goto(base + path);
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => window.__gehackt), undefined, path);
    assert.deepEqual(await page.evaluate(injected), [], path);
  }
  // The instrument: answer, see the result with the advice, open a hostile code and link.
  await page.goto(base + 'instrumenten/kwaad.html');
  await page.waitForSelector('#werkbalk');
  await page.check('input[name="antwoord-v"][value="nee"]');
  await page.waitForFunction(() => /Advies/.test(document.getElementById('resultaat-inhoud').textContent));
  assert.ok((await page.textContent('#resultaat-inhoud')).includes('<script>'), 'shown as text');
  await page.click('#paneel-delen summary');
  await page.fill('#open-code', `1.kwaad.1.${EVIL}.AAAAAA`);
  await page.click('#open-code-knop');
  await page.waitForSelector('#open-code-fout:not([hidden])');
  await page.goto(`${base}instrumenten/kwaad.html#r=${encodeURIComponent(EVIL)}`);
  await page.reload();
  await page.waitForSelector('#instrument-meldingen .melding--fout');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__gehackt), undefined);
  assert.deepEqual(await page.evaluate(injected), []);
  assert.deepEqual(problems, []);
  await context.close();
});
