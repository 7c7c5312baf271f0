// The interface speaks B1 Dutch (issue 17): words a reader of the handbook does not use are gone
// from what the pages show — in the built HTML and in every text the page scripts write.
//
// Checked: the built site (LEERRECHT_SITE) — the visible text of each HTML page, and the string
// literals of each script (the scripts make the results, the exports and the messages). Code
// and comments are not interface: only what sits between quotes is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SITE = process.env.LEERRECHT_SITE;

// Each old word with the plain words that replaced it, so a failure says what to write instead.
const OLD_WORDS = [
  [/\bdekking\b/i, "'stappen met één regie'"],
  [/\bspreiding\b/i, "'verschil van mening' of 'verschil tussen deelnemers'"],
  [/\bprocentpunt(en)?\b/i, "'punten'"],
  [/\bstandaarddeviatie\b/i, 'uitleg in gewone woorden'],
  [/\bherkomst\b/i, "'bron'"],
  [/\bgewicht:/i, 'niets: het gewicht is voor de schrijvers van een instrument'],
  [/\b(als|geen) (CSV|JSON|Markdown)\b/, "wat het bestand is, zoals 'Tabel voor Excel (.csv)'"],
];

/** Every problem in `text` as "old word → what to write instead". */
export function oldWordsIn(text) {
  return OLD_WORDS.filter(([pattern]) => pattern.test(text)).map(([pattern, instead]) => `${text.match(pattern)[0]} → ${instead}`);
}

/** The string literals of a script ('…', "…", `…`), after its comments are gone. */
export function stringsOf(source) {
  const found = [];
  const literal = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
  for (const [match] of source.matchAll(literal)) if (!match.startsWith('/')) found.push(match.slice(1, -1));
  return found;
}

/** The text a reader sees on a page: no scripts, styles, tags or attributes. */
export function visibleText(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
}

function filesOf(dir, extension) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(extension))
    .map((f) => join(dir, f));
}

test('the detector finds each old word, also in a script string, and leaves code and comments alone', () => {
  assert.deepEqual(oldWordsIn('Dekking 62%'), ["Dekking → 'stappen met één regie'"]);
  assert.equal(oldWordsIn('Download als CSV').length, 1);
  assert.equal(oldWordsIn('Tabel voor Excel (.csv)').length, 0);
  const strings = stringsOf("// spreiding\nconst spread = x; /* herkomst */ f('Spreiding', `procentpunt ${a}`);");
  assert.deepEqual(strings, ['Spreiding', 'procentpunt ${a}']);
  assert.equal(visibleText('<p class="spreiding">Rustig</p><script>x="herkomst"</script>'), ' Rustig ');
});

test('no page and no page script shows an old interface word', { skip: !SITE && 'LEERRECHT_SITE is not set' }, () => {
  const problems = [];
  for (const file of filesOf(SITE, '.html')) {
    for (const p of oldWordsIn(visibleText(readFileSync(file, 'utf8')))) problems.push(`${relative(SITE, file)}: ${p}`);
  }
  for (const file of filesOf(join(SITE, 'js'), '.js')) {
    for (const s of stringsOf(readFileSync(file, 'utf8'))) for (const p of oldWordsIn(s)) problems.push(`${relative(SITE, file)}: ${p}`);
  }
  assert.deepEqual(problems, []);
});
