// The query side of the search pipeline: the same steps, in the same order and under the
// same names, as the Rust index side (src/search/pipeline.rs): tokenize, trim (keeping
// digits), drop Dutch stop words, stem with Snowball Dutch, undouble a final consonant.

import { stem } from './dutch-stemmer.js';

// elasticlunr-rs' `du` stop words, as the index drops them.
const STOP_WORDS = new Set(
  ('aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge ' +
    'geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen ' +
    'maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te ' +
    'tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf ' +
    'zich zij zijn zo zonder zou').split(' '),
);

const EDGES = /^[^\p{Script=Latin}\p{Nd}]+|[^\p{Script=Latin}\p{Nd}]+$/gu;

/** The names the index lists in its `pipeline`; a client must know every one of them. */
export const PIPELINE = ['trimmer-nl-digits', 'stopWordFilter-du', 'stemmer-du', 'undouble-nl'];

/** Longer tokens are cut to this many characters, as the index does (MAX_TOKEN_CHARS). */
export const MAX_TOKEN_CHARS = 64;

/**
 * Split on white space and hyphens, lowercase: as elasticlunr-rs' `tokenize_whitespace`, with
 * every token cut to MAX_TOKEN_CHARS characters (code points, like Rust's chars).
 */
export function tokenize(text) {
  return String(text)
    .split(/[\p{White_Space}-]/u)
    .map((t) => [...t.trim().toLowerCase()].slice(0, MAX_TOKEN_CHARS).join(''))
    .filter((t) => t !== '');
}

/** `trimmer-nl-digits`: strip what is neither a Latin letter nor a digit from both ends. */
export function trimmer(token) {
  const trimmed = token.replace(EDGES, '');
  return trimmed === '' ? undefined : trimmed;
}

/** `stopWordFilter-du`. */
export function stopWordFilter(token) {
  return STOP_WORDS.has(token) ? undefined : token;
}

/** `stemmer-du`. */
export function stemmer(token) {
  const stemmed = stem(token);
  return stemmed === '' ? undefined : stemmed;
}

/**
 * `undouble-nl`: one letter less of a final double consonant, so `protocollen` (stem
 * `protocoll`) meets `protocol`; Snowball Dutch undoubles only kk, dd and tt. As undouble()
 * in src/search/pipeline.rs: ASCII consonants, tokens of three characters or more.
 */
export function undouble(token) {
  const chars = [...token];
  const [before, last] = chars.slice(-2);
  return chars.length > 2 && last === before && /^[b-df-hj-np-tv-xz]$/.test(last) ? chars.slice(0, -1).join('') : token;
}

/** One raw token through the whole pipeline; undefined when a step drops it. */
export function processToken(token) {
  let t = trimmer(token);
  if (t !== undefined) t = stopWordFilter(t);
  if (t !== undefined) t = stemmer(t);
  if (t !== undefined) t = undouble(t);
  return t;
}

/**
 * A query as search terms: for each word that survives the pipeline, its stem and the
 * trimmed word as typed (for prefix matching of half-typed words).
 */
export function queryTerms(query) {
  const terms = [];
  for (const raw of tokenize(query)) {
    const token = processToken(raw);
    if (token === undefined) continue;
    terms.push({ token, typed: trimmer(raw) ?? token });
  }
  return terms;
}

/**
 * The word pairs of a query, as the index forms them from a text (is_pair in
 * src/search/shards.rs): a word followed by a term with a digit, `artikel 11`. Stop words
 * are gone by then on both sides, so `artikel van 11` pairs `artikel 11` too.
 */
export function pairTerms(terms) {
  const pairs = [];
  for (let i = 1; i < terms.length; i++) {
    const [a, b] = [terms[i - 1].token, terms[i].token];
    if (!/\d/.test(a) && /\d/.test(b)) pairs.push({ token: `${a} ${b}`, typed: `${a} ${b}` });
  }
  return pairs;
}
