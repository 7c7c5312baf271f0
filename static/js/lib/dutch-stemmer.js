// The Snowball Dutch stemmer (the original algorithm, as in Snowball's dutch.sbl and the
// Rust crate rust-stemmers used by the index), written for leerrecht's search client.
// Query words must be stemmed exactly as the index stemmed the text, or hits go missing;
// tests/golden/search-words.tsv holds the two sides to the same result.

const VOWELS = 'aeiouyè';
const ACCENTS = { ä: 'a', á: 'a', ë: 'e', é: 'e', ï: 'i', í: 'i', ö: 'o', ó: 'o', ü: 'u', ú: 'u' };

const isVowel = (c) => c !== undefined && VOWELS.includes(c);
// A "non-vowel" in Snowball is any character outside the vowel group, so also I, Y and digits.
const isNonVowel = (c) => c !== undefined && !VOWELS.includes(c);

/** Stem one lowercase word. */
export function stem(word) {
  const w = prelude(word);
  const [p1, p2] = regions(w);
  standardSuffix(w, p1, p2);
  return w.join('').replace(/Y/g, 'y').replace(/I/g, 'i');
}

/** Drop accents, and mark i and y that act as consonants (I, Y) so they are not vowels. */
function prelude(word) {
  const w = [...word].map((c) => ACCENTS[c] ?? c);
  if (w[0] === 'y') w[0] = 'Y';
  for (let i = 1; i < w.length; i++) {
    if (!isVowel(w[i - 1])) continue;
    if (w[i] === 'i' && isVowel(w[i + 1])) {
      w[i] = 'I';
      i += 2; // the vowel after it cannot start the next match
    } else if (w[i] === 'y') {
      w[i] = 'Y';
      i += 1;
    }
  }
  return w;
}

/** R1 and R2 as positions: after the first non-vowel that follows a vowel (R1 at least 3). */
function regions(w) {
  const n = w.length;
  if (n < 3) return [n, n];
  const pastVowelThenNonVowel = (from) => {
    let i = from;
    while (i < n && !isVowel(w[i])) i++;
    if (i >= n) return n + 1;
    i++;
    while (i < n && isVowel(w[i])) i++;
    if (i >= n) return n + 1;
    return i + 1;
  };
  const p1 = pastVowelThenNonVowel(0);
  if (p1 > n) return [n, n];
  const p2 = pastVowelThenNonVowel(p1);
  return [Math.max(p1, 3), p2 > n ? n : p2];
}

function endsWith(w, suffix) {
  if (w.length < suffix.length) return false;
  for (let i = 0; i < suffix.length; i++) {
    if (w[w.length - suffix.length + i] !== suffix[i]) return false;
  }
  return true;
}

function longest(w, suffixes) {
  let found = '';
  for (const s of suffixes) if (s.length > found.length && endsWith(w, s)) found = s;
  return found;
}

function undouble(w) {
  if (endsWith(w, 'kk') || endsWith(w, 'dd') || endsWith(w, 'tt')) w.length -= 1;
}

/** Delete a suffix `en`/`ene` of length `len` after a non-vowel (not after `gem`), in R1. */
function enEnding(w, len, p1) {
  const at = w.length - len;
  if (at < p1 || !isNonVowel(w[at - 1])) return false;
  if (at >= 3 && w[at - 3] === 'g' && w[at - 2] === 'e' && w[at - 1] === 'm') return false;
  w.length = at;
  undouble(w);
  return true;
}

/** Delete a final e after a non-vowel in R1; returns whether it did. */
function eEnding(w, p1) {
  const at = w.length - 1;
  if (w[at] !== 'e' || at < p1 || !isNonVowel(w[at - 1])) return false;
  w.length = at;
  undouble(w);
  return true;
}

function standardSuffix(w, p1, p2) {
  // Step 1
  const s1 = longest(w, ['heden', 'ene', 'en', 'se', 's']);
  if (s1 === 'heden') {
    if (w.length - 5 >= p1) w.splice(w.length - 5, 5, 'h', 'e', 'i', 'd');
  } else if (s1 === 'en' || s1 === 'ene') {
    enEnding(w, s1.length, p1);
  } else if (s1) {
    const at = w.length - s1.length;
    if (at >= p1 && isNonVowel(w[at - 1]) && w[at - 1] !== 'j') w.length = at;
  }
  // Step 2
  let eFound = eEnding(w, p1);
  // Step 3a
  if (endsWith(w, 'heid')) {
    const at = w.length - 4;
    if (at >= p2 && w[at - 1] !== 'c') {
      w.length = at;
      if (endsWith(w, 'en')) enEnding(w, 2, p1);
    }
  }
  // Step 3b
  const s3 = longest(w, ['end', 'ing', 'ig', 'lijk', 'baar', 'bar']);
  const at = w.length - s3.length;
  if ((s3 === 'end' || s3 === 'ing') && at >= p2) {
    w.length = at;
    const ig = w.length - 2;
    if (endsWith(w, 'ig') && ig >= p2 && w[ig - 1] !== 'e') w.length = ig;
    else undouble(w);
  } else if (s3 === 'ig' && at >= p2 && w[at - 1] !== 'e') {
    w.length = at;
  } else if (s3 === 'lijk' && at >= p2) {
    w.length = at;
    eFound = eEnding(w, p1);
  } else if (s3 === 'baar' && at >= p2) {
    w.length = at;
  } else if (s3 === 'bar' && at >= p2 && eFound) {
    w.length = at;
  }
  // Step 4: undouble a vowel before a final consonant: maan → man.
  const n = w.length;
  if (n >= 4 && isNonVowel(w[n - 1]) && w[n - 1] !== 'I') {
    const v = w[n - 2];
    if (w[n - 3] === v && 'aeou'.includes(v) && isNonVowel(w[n - 4])) w.splice(n - 2, 1);
  }
}
