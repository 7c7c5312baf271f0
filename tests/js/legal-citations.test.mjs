// Every article of a law that the handbook cites must exist in that law.
//
// Reads content/**/*.md and checklists/*.toml, finds every "artikel 21a", "artikelen 5, 5a en 15"
// and "art. 11", works out which law it belongs to, and fails with file and line when the article
// is not in the table below or when no law can be found for it.
//
// Which law: (1) the nearest law named before it on the same line; (2) a law named right after it
// ("artikel 2.3 van de Jeugdwet"); (3) on a page about one law (content/wetgeving/…), that law;
// (4) the nearest law named before it in the same block (Markdown: since the last heading;
// TOML: since the last [[array table]], so an item's [items.advice] belongs to the item); (5) the only law named anywhere in that block. Otherwise the
// citation names no law, which is an error too: every legal claim names law and article.
//
// The tables hold the article ids of the consolidated texts read for the handbook in December 2026
// (statengeneraal/laws-markdown: Leerplichtwet 1969 BWBR0002628, WPO BWBR0003420, Jeugdwet
// BWBR0034925). Citing an article that is not here? Read it in the law first, then add it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const LAWS = {
  lpw: {
    name: 'Leerplichtwet 1969',
    pattern: /Leerplichtwet/g,
    articles: `1 1a 1a1 1b 1d 2 3 3a 3b 3c 4 4a 4b 4c 5 5a 6 7 8 9 10 11 11a 12 13 13a 13b 14 15
      16 16a 17 18 18a 19 21 21a 21b 22 23 24 25 26 27 28 29 30`,
  },
  wpo: {
    name: 'Wet op het primair onderwijs',
    pattern: /Wet op het primair onderwijs|\bWPO\b/g,
    articles: `1 1a 2 3 3a 4 18a 29 30 30a 31 40 40a 40b 40c 41 42 43 44 45 45a 46 47 48 49 50 51 52 53`,
  },
  jw: {
    name: 'Jeugdwet',
    pattern: /Jeugdwet/g,
    articles: `1.1 2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 2.9 2.10 2.11 2.12 2.13 2.14`,
  },
  // Named so that a citation of them is caught: they have no table here (yet).
  wvo: { name: 'Wet op het voortgezet onderwijs', pattern: /Wet op het voortgezet onderwijs|\bWVO\b/g, articles: '' },
  wec: { name: 'Wet op de expertisecentra', pattern: /Wet op de expertisecentra|\bWEC\b/g, articles: '' },
  // An amending act: its articles are not the ones people mean. Cite the WPO instead.
  wpoz: { name: 'Wet passend onderwijs', pattern: /Wet passend onderwijs/g, articles: '' },
};
for (const law of Object.values(LAWS)) law.ids = new Set(law.articles.split(/\s+/).filter(Boolean));

/** The law a page in content/wetgeving/ is about. */
const PAGE_LAW = {
  'content/wetgeving/leerplichtwet.md': 'lpw',
  'content/wetgeving/wet-passend-onderwijs.md': 'wpo',
  'content/wetgeving/jeugdwet.md': 'jw',
};

const ID = String.raw`\d+(?:\.\d+)*[a-z]?\d*`;
const CITATION = new RegExp(String.raw`\b(?:[Aa]rtikel(?:en)?|[Aa]rt\.)\s+(${ID})((?:\s*(?:,|\ben\b|\bof\b|\btot en met\b)\s*${ID}\b)*)`, 'g');
const MORE = new RegExp(ID, 'g');

/** Every law mention in `text`: [{law, at}] in order. */
function mentions(text) {
  const found = [];
  for (const [key, law] of Object.entries(LAWS)) {
    for (const m of text.matchAll(law.pattern)) found.push({ law: key, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Start offsets of the blocks of a file: headings in Markdown, [tables] in TOML. */
function blockStarts(text, file) {
  const starts = [0];
  const re = file.endsWith('.toml') ? /^\[\[/gm : /^#{1,6} /gm;
  for (const m of text.matchAll(re)) starts.push(m.index);
  return starts;
}

/** Every citation in one file: [{file, line, id, law, lawName}] (law null: none found). */
export function citations(text, file) {
  const laws = mentions(text);
  const starts = blockStarts(text, file);
  const out = [];
  for (const m of text.matchAll(CITATION)) {
    const at = m.index;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEndRaw = text.indexOf('\n', at);
    const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
    const blockStart = starts.filter((s) => s <= at).pop();
    const nextBlock = starts.find((s) => s > at) ?? text.length;
    const before = (from) => laws.filter((l) => l.at >= from && l.at < at).pop();
    let law =
      before(lineStart)?.law ??
      (() => {
        const after = text.slice(at + m[0].length, lineEnd);
        const hit = after.match(/^(?:\s+lid\s+\d+)?(?:\s+onder\s+[a-z])?\s+(?:van|uit)\s+de\s+/);
        if (!hit) return undefined;
        const next = laws.find((l) => l.at >= at + m[0].length + hit[0].length - 1 && l.at < lineEnd);
        return next && next.at - (at + m[0].length) <= hit[0].length + 1 ? next.law : undefined;
      })() ??
      PAGE_LAW[file] ??
      before(blockStart)?.law ??
      (() => {
        const inBlock = new Set(laws.filter((l) => l.at >= blockStart && l.at < nextBlock).map((l) => l.law));
        return inBlock.size === 1 ? [...inBlock][0] : null;
      })();
    const line = text.slice(0, at).split('\n').length;
    const ids = [m[1], ...(m[2] ? [...m[2].matchAll(MORE)].map((x) => x[0]) : [])];
    for (const id of ids) out.push({ file, line, id, law, lawName: law ? LAWS[law].name : null });
  }
  return out;
}

/** The problems with a list of citations, one message each. */
export function problems(list) {
  return list
    .filter((c) => !c.law || !LAWS[c.law].ids.has(c.id))
    .map((c) =>
      !c.law
        ? `${c.file}:${c.line}: artikel ${c.id} noemt geen wet (zet de naam van de wet erbij)`
        : LAWS[c.law].ids.size === 0
          ? `${c.file}:${c.line}: artikel ${c.id} van de ${c.lawName}: ${c.law === 'wpoz' ? 'noem het artikel van de WPO (of WVO/WEC), niet van de Wet passend onderwijs' : 'deze wet heeft nog geen tabel in deze test; lees het artikel en voeg het toe'}`
          : `${c.file}:${c.line}: artikel ${c.id} bestaat niet in de ${c.lawName}`,
    );
}

function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|toml)$/.test(name)) files.push(path);
    }
  };
  walk(join(ROOT, 'content'));
  walk(join(ROOT, 'checklists'));
  return files.sort();
}

test('every cited article exists in the law it is cited from', (t) => {
  const all = sourceFiles().flatMap((path) =>
    citations(readFileSync(path, 'utf8'), relative(ROOT, path).split('\\').join('/')),
  );
  assert.ok(all.length > 50, `only ${all.length} citations found: is the pattern still right?`);
  const byLaw = {};
  for (const c of all) if (c.law) (byLaw[c.lawName] ??= new Set()).add(c.id);
  for (const [name, ids] of Object.entries(byLaw)) {
    const sorted = [...ids].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
    t.diagnostic(`${name}: artikel ${sorted.join(', ')}`);
  }
  assert.deepEqual(problems(all), []);
});

test('an invented article, an article without a law and the amending act are caught, with file and line', () => {
  const text = [
    '## Kop',
    '',
    'Meld verzuim (Leerplichtwet 1969, artikel 21a). Ook artikel 99z telt.',
    'De zorgplicht staat in artikel 40 van de Wet op het primair onderwijs; artikelen 40a en 40q ook.',
    'Jeugdwet, artikel 2.3 en artikel 7.7.',
    '',
    '## Andere kop',
    '',
    'Zie artikel 12.',
    '## Derde kop',
    'Wet passend onderwijs, artikel 40.',
  ].join('\n');
  const found = citations(text, 'content/proef.md');
  assert.deepEqual(
    found.map((c) => `${c.line} ${c.id} ${c.law}`),
    ['3 21a lpw', '3 99z lpw', '4 40 wpo', '4 40a wpo', '4 40q wpo', '5 2.3 jw', '5 7.7 jw', '9 12 null', '11 40 wpoz'],
  );
  assert.deepEqual(problems(found), [
    'content/proef.md:3: artikel 99z bestaat niet in de Leerplichtwet 1969',
    'content/proef.md:4: artikel 40q bestaat niet in de Wet op het primair onderwijs',
    'content/proef.md:5: artikel 7.7 bestaat niet in de Jeugdwet',
    'content/proef.md:9: artikel 12 noemt geen wet (zet de naam van de wet erbij)',
    'content/proef.md:11: artikel 40 van de Wet passend onderwijs: noem het artikel van de WPO (of WVO/WEC), niet van de Wet passend onderwijs',
  ]);
});

test('on a page about one law, an article without a law name belongs to that law; in TOML the only law of the item counts', () => {
  assert.deepEqual(
    citations('## Kop\n\nOuders melden ziekte (artikel 12).\n', 'content/wetgeving/leerplichtwet.md').map((c) => c.law),
    ['lpw'],
  );
  const toml = '[[items]]\nexplanation = "Binnen twee dagen (artikel 12)."\nsource = "Leerplichtwet 1969, artikel 12"\n\n[items.advice]\nnee = "Zie artikel 12."\n\n[[items]]\nexplanation = "Zie artikel 13."\n';
  assert.deepEqual(
    citations(toml, 'checklists/x.toml').map((c) => `${c.line} ${c.law}`),
    ['2 lpw', '3 lpw', '6 lpw', '9 null'],
  );
});
