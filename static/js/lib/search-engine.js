// Ranking over the elasticlunr.js 0.9.5 index the generator writes (search-index.js).
// Scores are elasticlunr's own — tf · idf · field-length norm, a penalty for expanded
// (prefix) matches, coordination over query tokens, field boosts — so results agree with
// elasticlunr.js on the same index; tests/js/search-engine.test.mjs checks that. One
// addition: when a typed word is not a prefix of its own stem (`gemeen` stems to `gemen`),
// the typed word is expanded too, so a half-typed word still finds its page.

import { PIPELINE, queryTerms, pairTerms } from './search-pipeline.js';

export const BOOSTS = { title: 3, heading: 2, body: 1 };

/** Throws when the index was built with a pipeline this client does not implement. */
export function checkIndex(data) {
  const pipeline = data?.format === SHARDED ? data.pipeline : data?.index?.pipeline;
  if (!Array.isArray(pipeline) || pipeline.join() !== PIPELINE.join()) {
    throw new Error(`Onbekende zoekindex: verwacht ${PIPELINE.join(', ')}`);
  }
  // Version 2 writes field lengths in fixed widths; an engine from an older build cannot read them.
  if (data.format === SHARDED && data.version !== SHARDED_VERSION) {
    throw new Error(`Onbekende zoekindex: verwacht versie ${SHARDED_VERSION}`);
  }
}

function node(root, token) {
  let n = root;
  for (const ch of token) {
    n = n?.[ch];
    if (n === undefined) return undefined;
  }
  return n;
}

/** All tokens in the trie that start with `prefix` and hold documents. */
export function expand(root, prefix) {
  const start = node(root, prefix);
  const found = [];
  const walk = (n, token) => {
    if ((n.df ?? 0) > 0) found.push(token);
    for (const key of Object.keys(n)) {
      if (key !== 'docs' && key !== 'df') walk(n[key], token + key);
    }
  };
  if (start) walk(start, prefix);
  return found;
}

function fieldScores(data, field, terms) {
  const index = data.index;
  const root = index.index[field]?.root ?? {};
  const total = index.documentStore.length;
  const info = index.documentStore.docInfo;
  const scores = {};
  const docTokens = {};
  for (const { token, typed } of terms) {
    const keys = new Set(expand(root, token));
    if (!typed.startsWith(token)) for (const k of expand(root, typed)) keys.add(k);
    const tokenScores = {};
    for (const key of keys) {
      const n = node(root, key);
      const docs = n?.docs ?? {};
      const idf = 1 + Math.log(total / ((n?.df ?? 0) + 1));
      if (key === token) {
        for (const ref of Object.keys(docs)) (docTokens[ref] ??= []).push(key);
      }
      const penalty = key === token ? 1 : (1 - (key.length - token.length) / key.length) * 0.15;
      for (const [ref, { tf }] of Object.entries(docs)) {
        const length = info?.[ref]?.[field] ?? 0;
        const norm = length ? 1 / Math.sqrt(length) : 1;
        tokenScores[ref] = (tokenScores[ref] ?? 0) + tf * idf * norm * penalty;
      }
    }
    for (const [ref, s] of Object.entries(tokenScores)) scores[ref] = (scores[ref] ?? 0) + s;
  }
  for (const ref of Object.keys(scores)) {
    if (ref in docTokens) scores[ref] = (scores[ref] * docTokens[ref].length) / terms.length;
  }
  return scores;
}

/** Ranked refs with scores, best first: `[{ref, score}]`. */
export function rank(data, query) {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const total = {};
  for (const [field, boost] of Object.entries(BOOSTS)) {
    for (const [ref, s] of Object.entries(fieldScores(data, field, terms))) {
      total[ref] = (total[ref] ?? 0) + s * boost;
    }
  }
  return Object.entries(total)
    .map(([ref, score]) => ({ ref, score }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Results for display: page title, section heading, site section, address relative to the
 * site root, and the excerpt as segments with the matched words marked.
 */
export function search(data, query, limit = 10) {
  const terms = queryTerms(query);
  return rank(data, query)
    .slice(0, limit)
    .map(({ ref, score }) => {
      // docs[ref] = [page, heading, anchor, excerpt]; pages[page] = [title, section, url]
      const [page, heading, anchor, excerpt] = data.docs[Number(ref)] ?? [];
      const [title, section, url] = data.pages?.[page] ?? [];
      return {
        ref,
        score,
        title: title ?? '',
        heading: heading ?? null,
        section: section ?? null,
        url: anchor ? `${url}#${anchor}` : (url ?? ''),
        snippet: snippet(excerpt ?? '', terms),
      };
    });
}

/** Split `text` into `[{text, mark}]`, marking words that match a query term. */
export function snippet(text, terms) {
  const segments = [];
  const matches = (word) => {
    const lower = word.toLowerCase();
    return terms.some(({ token, typed }) => {
      if (lower.startsWith(typed)) return true;
      const stemmed = queryTerms(lower)[0]?.token;
      return stemmed !== undefined && stemmed.startsWith(token);
    });
  };
  for (const part of text.split(/([\p{L}\p{Nd}]+)/u)) {
    if (part === '') continue;
    const mark = /[\p{L}\p{Nd}]/u.test(part) && matches(part);
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += part;
    else segments.push({ text: part, mark });
  }
  return segments;
}

// ---------------------------------------------------------------------------------------
// The sharded index (search_format = "gedeeld", the default; docs/ontwikkelen.md, "Zoeken van binnen"). The manifest
// (search-index.js) lists the shard keys; a term lives in the shard whose key is its longest
// prefix among the keys, so the terms that start with a query word are in the shard of the
// word's longest key prefix and in the shards whose keys start with the word. Postings hold
// each document's count of the term (elasticlunr's tf is its square root) and the manifest
// each document's field lengths, so the scores are those of rank() on the classic index.

export const SHARDED = 'gedeeld';
const SHARDED_VERSION = 2;

// What only the sharded index has (docs/ontwikkelen.md, "Zoeken van binnen"; src/search/shards.rs): a fourth posting
// list per compound part (`protocol` lists the documents of `verzuimprotocol`), weighed below
// a whole word in the body; word pairs with a digit (`artikel 11`) as extra query terms; and
// the documents of pages with `search_lower = true`, whose scores are multiplied by LOWERED.
export const PART_BOOST = 0.5;
export const LOWERED = 0.2;
// A pair is a phrase found whole: it outweighs a heading that has only one of its words
// ("Andere artikelen" for `artikel 11`).
export const PAIR_BOOST = 3;

// A query word that is itself a compound (`leerplichtambtenaar`) also looks for its longest
// beginning that is a term of the index (`leerplicht`) and the rest when that is a term too,
// at this share of a whole word's weight, so the section headed "Leerplicht" comes up.
export const QUERY_PART_BOOST = 0.5;
const MIN_PART = 4;

// At most this many term shards load ahead of a query (prefetch()). A beginning such as `leer`
// needs four or more, most of which the word being typed will not need; a whole word rarely
// more than three (`leerplicht`, `leerplichtambtenar`, `leerplichtw`).
const PREFETCH_SHARDS = 3;

// The made-up word of warm(): no query word starts with a space.
const WARM = ' warm';
const WARM_POSTINGS = 8000;

/** A mask of the lowered documents from the manifest's `[first, count]` runs. */
function loweredMask(manifest) {
  const mask = new Uint8Array(manifest.docs);
  for (const [first, count] of manifest.lowered ?? []) mask.fill(1, first, first + count);
  return mask;
}

/**
 * Indexes of the shards that hold every term starting with one of `words`. A word without a
 * space skips the shards that hold only pairs it begins (key `leerplicht `): a word expands to
 * words only (expandLoaded), so they would load for nothing.
 */
export function shardsFor(manifest, words) {
  const keys = manifest.shards;
  const need = new Set();
  for (const word of words) {
    let best = -1;
    const pairs = word.includes(' ');
    keys.forEach((key, i) => {
      if (word.startsWith(key) && (best < 0 || key.length > keys[best].length)) best = i;
      else if (key.length > word.length && key.startsWith(word) && (pairs || !key.includes(' '))) need.add(i);
    });
    if (best >= 0) need.add(best);
  }
  return [...need].sort((a, b) => a - b);
}

/**
 * Indexes of the shards whose key is a prefix of `word`: together they hold every term that
 * is a beginning of the word (`leerplicht` of `leerplichtambtenar`), for splitting a query word.
 */
export function prefixShards(manifest, word) {
  return manifest.shards.flatMap((key, i) => (word.startsWith(key) ? [i] : []));
}

/**
 * A posting list (`"0,5:2,1z"`, document deltas in base 36, `:count` when not 1) as two typed
 * arrays, read character by character: at 10 000 pages a common word has tens of thousands of
 * postings, and splitting the text into strings and arrays made decoding and the garbage it
 * left most of a first search. See encode() in src/search/shards.rs.
 */
export function decodeList(text) {
  if (!text) return { docs: new Uint32Array(0), counts: new Uint32Array(0), length: 0 };
  const n = commas(text) + 1;
  const docs = new Uint32Array(n);
  const counts = new Uint32Array(n);
  let doc = 0;
  let i = 0;
  let value = 0;
  let delta = -1;
  for (let p = 0; p <= text.length; p++) {
    const c = p < text.length ? text.charCodeAt(p) : COMMA;
    if (c === COMMA) {
      doc += delta < 0 ? value : delta;
      docs[i] = doc;
      counts[i++] = delta < 0 ? 1 : value;
      value = 0;
      delta = -1;
    } else if (c === COLON) {
      delta = value;
      value = 0;
    } else {
      value = value * 36 + digit(c);
    }
  }
  return { docs, counts, length: n };
}

function commas(text) {
  let n = 0;
  for (let p = 0; p < text.length; p++) if (text.charCodeAt(p) === COMMA) n++;
  return n;
}

/** A base-36 digit's value; the index writes `0`–`9` and `a`–`z` only. */
const digit = (c) => (c <= NINE ? c - ZERO : c - LOWER_A + 10);

const COMMA = 44;
const COLON = 58;
const ZERO = 48;
const NINE = 57;
const LOWER_A = 97;

/** A posting list as `[[doc, count]]` (for tests and tools; the search reads decodeList). */
export function decodePostings(text) {
  const { docs, counts } = decodeList(text);
  return Array.from(docs, (doc, i) => [doc, counts[i]]);
}

/**
 * A field's length norms, elasticlunr's `1 / √length` (1 for an empty field), by document,
 * from its lengths written as base-36 numbers of `width` digits each (`"0a0b01"`). Worked
 * out once when the index opens, so scoring tens of thousands of postings only looks them up.
 */
function decodeNorms(text, width) {
  const out = new Float64Array(Math.floor((text ?? '').length / width));
  for (let i = 0, p = 0; i < out.length; i++) {
    let length = 0;
    for (const end = p + width; p < end; p++) length = length * 36 + digit(text.charCodeAt(p));
    out[i] = length ? 1 / Math.sqrt(length) : 1;
  }
  return out;
}

/**
 * The scores of one query, by document: a typed array and the list of documents that have a
 * score. At 10 000 pages a common word matches tens of thousands of documents; a Map of them
 * boxed every score and left a first search with as much garbage collection as arithmetic.
 */
class Totals {
  constructor(size) {
    this.scores = new Float64Array(size);
    this.touched = new Uint32Array(size);
    this.count = 0;
  }

  add(doc, value) {
    if (this.scores[doc] === 0) this.touched[this.count++] = doc;
    this.scores[doc] += value;
  }

  /** The documents with a score, in the order they got one. */
  get docs() {
    return this.touched.subarray(0, this.count);
  }

  /**
   * The first `limit` in the order rank() gives: higher scores first, equal scores by
   * ascending doc. A search shows ten of tens of thousands of matches; sorting them all is not
   * needed for that.
   */
  best(limit) {
    const { scores, docs } = this;
    const before = (a, b) => scores[b] < scores[a] || (scores[b] === scores[a] && a < b);
    if (!Number.isFinite(limit)) return [...docs].sort((a, b) => scores[b] - scores[a] || a - b).map((doc) => [doc, scores[doc]]);
    const top = [];
    for (const doc of docs) {
      if (top.length === limit && !before(doc, top[top.length - 1])) continue;
      let at = top.length;
      while (at > 0 && before(doc, top[at - 1])) at--;
      top.splice(at, 0, doc);
      if (top.length > limit) top.pop();
    }
    return top.map((doc) => [doc, scores[doc]]);
  }
}

/**
 * Working arrays for scoring one field, as large as the index has documents, made once per
 * index: allocating them for every field of every query cost a first search more in garbage
 * collection (they are megabytes at 10 000 pages) than the scoring itself. fieldScores() runs
 * without awaiting and leaves them zeroed, so queries that overlap in time cannot mix.
 */
class Scratch {
  constructor(size) {
    this.scores = new Float64Array(size);
    this.coordination = new Uint16Array(size);
    this.tokenScores = new Float64Array(size);
    this.tokenDocs = new Uint32Array(size);
    this.touched = new Uint32Array(size);
  }
}

/**
 * A search over a sharded index. `load(name)` loads one shard (`t3`, `d0`) and resolves to its
 * data; every shard is loaded at most once. With `{plain: true}` it ranks without the
 * additions above, and `search(query, limit)` then resolves to the same results as search()
 * on the classic index of the same site (the tests check that).
 */
export function openSharded(manifest, load, { plain = false } = {}) {
  checkIndex(manifest);
  const norms = manifest.lengths.map((text, field) => decodeNorms(text, manifest.lengthWidths[field]));
  norms[3] = norms[2]; // compound parts are normed by the body's length
  const lowered = loweredMask(manifest);
  const boosts = plain ? Object.values(BOOSTS) : [...Object.values(BOOSTS), PART_BOOST];
  const parts = new Map();
  const terms = new Map(); // term → [title, heading, body] posting texts
  const decoded = new Map();
  const part = (name) => {
    if (!parts.has(name)) parts.set(name, Promise.resolve(load(name)));
    return parts.get(name);
  };
  const loadTerms = async (words) => {
    const shards = await Promise.all(shardsFor(manifest, words).map((i) => part(`t${i}`)));
    for (const shard of shards) for (const [term, lists] of Object.entries(shard ?? {})) terms.set(term, lists);
  };
  // The beginnings of compound-looking query words: load the shards that can hold them.
  const splittable = (words) => words.filter(({ token }) => /^\p{L}+$/u.test(token) && [...token].length >= 2 * MIN_PART);
  const loadPrefixes = async (words) => {
    const need = new Set(words.flatMap(({ token }) => prefixShards(manifest, token)));
    const shards = await Promise.all([...need].map((i) => part(`t${i}`)));
    for (const shard of shards) for (const [term, lists] of Object.entries(shard ?? {})) terms.set(term, lists);
  };
  /** The parts of a query word: its longest beginning that is a term, and the rest if a term. */
  const partsOf = ({ token }) => {
    const chars = [...token];
    for (let at = chars.length - MIN_PART; at >= MIN_PART; at--) {
      const head = chars.slice(0, at).join('');
      if (!terms.has(head)) continue;
      const tail = chars.slice(at).join('');
      return [head, ...(terms.has(tail) ? [tail] : [])].map((t) => ({ token: t, typed: t }));
    }
    return [];
  };
  const postings = (term, field) => {
    const key = `${field}\u0000${term}`;
    if (!decoded.has(key)) decoded.set(key, decodeList(terms.get(term)?.[field]));
    return decoded.get(key);
  };
  const expandLoaded = (prefix, field) => {
    const found = [];
    // A word expands to words only: the pairs it begins (`artikel 11`) are not in the classic
    // index, and are scored as pairs when the query has them.
    const pairs = prefix.includes(' ');
    for (const [term, lists] of terms) if (term.startsWith(prefix) && lists[field] && (pairs || !term.includes(' '))) found.push(term);
    return found;
  };
  // Scores in typed arrays indexed by document, with the list of documents touched: at
  // 10 000 pages a common word has tens of thousands of postings, and plain objects keyed by
  // ref strings made every query several times slower. The arithmetic and its order are those
  // of fieldScores() above, so the scores are the same numbers.
  const scratch = new Scratch(manifest.docs);
  const fieldScores = (field, queryWords, into, boost) => {
    const total = manifest.docs;
    const { scores, coordination, tokenScores, tokenDocs, touched } = scratch;
    const norm = norms[field];
    // One query word (most first searches): coordination is 1 wherever it counts, and a
    // document's score is its one word's score, so the passes that count, merge and reset
    // are left out. The numbers stay the same: x · 1 / 1 = x and 0 + x = x.
    const single = queryWords.length === 1;
    let nTouched = 0;
    for (const { token, typed, weight = 1 } of queryWords) {
      const keys = new Set(expandLoaded(token, field));
      if (!typed.startsWith(token)) for (const k of expandLoaded(typed, field)) keys.add(k);
      let nDocs = 0;
      for (const key of keys) {
        const { docs, counts, length: n } = postings(key, field);
        const idf = 1 + Math.log(total / (n + 1));
        if (key === token && !single) for (let i = 0; i < n; i++) coordination[docs[i]] += 1;
        const penalty = weight * (key === token ? 1 : (1 - (key.length - token.length) / key.length) * 0.15);
        for (let i = 0; i < n; i++) {
          const doc = docs[i];
          if (tokenScores[doc] === 0) tokenDocs[nDocs++] = doc;
          tokenScores[doc] += Math.sqrt(counts[i]) * idf * norm[doc] * penalty;
        }
      }
      if (single) {
        for (let i = 0; i < nDocs; i++) {
          const doc = tokenDocs[i];
          into.add(doc, tokenScores[doc] * boost);
          tokenScores[doc] = 0;
        }
        return;
      }
      for (let i = 0; i < nDocs; i++) {
        const doc = tokenDocs[i];
        if (scores[doc] === 0) touched[nTouched++] = doc;
        scores[doc] += tokenScores[doc];
        tokenScores[doc] = 0;
      }
    }
    for (let i = 0; i < nTouched; i++) {
      const doc = touched[i];
      const s = coordination[doc] ? (scores[doc] * coordination[doc]) / queryWords.length : scores[doc];
      into.add(doc, s * boost);
      scores[doc] = 0;
    }
    // Coordination counts postings of the typed words, also in documents no key scored.
    for (const { token } of queryWords) {
      const { docs, length: n } = postings(token, field);
      for (let i = 0; i < n; i++) coordination[docs[i]] = 0;
    }
  };
  /** The words whose terms a query looks up: each token, and the typed word when it is not a prefix of its token. */
  const lookedUp = (words) => words.flatMap(({ token, typed }) => (typed.startsWith(token) ? [token] : [token, typed]));
  const rankSharded = async (query, limit = Infinity) => {
    const queryWords = queryTerms(query);
    if (queryWords.length === 0) return [];
    const pairs = pairTerms(queryWords).map((pair) => ({ ...pair, weight: PAIR_BOOST }));
    const withPairs = plain ? queryWords : [...queryWords, ...pairs];
    // The shards of the words and those of their beginnings load side by side: one wait
    // instead of two. Besides the word's own shard, a beginning's shard holds no term that
    // starts with the word (that term's longest key would be longer), so the words' scores
    // are the same whichever arrives first.
    const compounds = plain ? [] : splittable(queryWords);
    const beginnings = loadPrefixes(compounds);
    await loadTerms(lookedUp(withPairs));
    const total = new Totals(manifest.docs);
    // Pairs never occur as compound parts: the parts list (field 3) is scored over the words.
    boosts.forEach((boost, field) => fieldScores(field, field < 3 ? withPairs : queryWords, total, boost));
    await beginnings;
    if (!plain) {
      const parts = compounds.flatMap(partsOf);
      // Scored as a query of their own, so they neither count nor dilute coordination above.
      if (parts.length) Object.values(BOOSTS).forEach((boost, field) => fieldScores(field, parts, total, boost * QUERY_PART_BOOST));
    }
    if (!plain) for (const doc of total.docs) if (lowered[doc]) total.scores[doc] *= LOWERED;
    // Equal scores in ascending ref order, as rank() lists them (integer keys of an object).
    return total.best(limit).map(([doc, score]) => ({ ref: String(doc), score }));
  };
  /**
   * Scores a made-up word with as many postings as a common word has, so that the browser has
   * compiled the scoring loops before the first real query: cold they took most of the ranking
   * of a first search at 10 000 pages (bench/search-phases.mjs). It runs this index's own
   * functions, since a browser keeps what it learned per function object, and leaves no trace:
   * the word is gone and the working arrays are zero again. A generator of short steps, one
   * field each, so that a caller can run them in idle time between keystrokes.
   */
  function* warm() {
    const n = Math.min(manifest.docs, WARM_POSTINGS);
    const text = Array.from({ length: n }, (_, i) => (i === 0 ? '0' : i % 5 ? '1' : '1:2')).join(',');
    terms.set(WARM, boosts.map(() => text));
    const total = new Totals(manifest.docs);
    try {
      for (const [field, boost] of boosts.entries()) {
        yield;
        fieldScores(field, [{ token: WARM, typed: WARM }], total, boost);
      }
      yield;
      total.best(10);
    } finally {
      terms.delete(WARM);
      boosts.forEach((_, field) => decoded.delete(`${field}\u0000${WARM}`));
    }
  }
  /**
   * Starts loading the term shards `query` would need, when they are few: a search box calls
   * this on every keystroke, so the shards of the word being typed are in by the time its pause
   * is over. A short beginning such as `l` needs dozens of shards and loads none here.
   */
  const prefetch = (query) => {
    const words = queryTerms(query);
    const need = shardsFor(manifest, lookedUp(plain ? words : [...words, ...pairTerms(words)]));
    if (need.length > PREFETCH_SHARDS) return;
    for (const i of need) part(`t${i}`).catch(() => {}); // the query itself reports a failure
  };
  return {
    manifest,
    rank: rankSharded,
    warm,
    prefetch,
    /** How many shards have been asked for so far. */
    loadedParts: () => [...parts.keys()],
    async search(query, limit = 10) {
      return Promise.all(await this.results(query, limit));
    },
    /**
     * The best `limit` results, each a promise that resolves once the shard with its text has
     * loaded: a search box can show the first results while the others are still on their way
     * (ten results are usually ten shards, more than a browser asks an HTTP/1.1 host for at once).
     */
    async results(query, limit = 10) {
      const queryWords = queryTerms(query);
      const ranked = await rankSharded(query, limit);
      const per = manifest.docsPerShard;
      return ranked.map(async ({ ref, score }) => {
        const shard = (await part(`d${Math.floor(Number(ref) / per)}`)) ?? { docs: [], pages: {} };
        const [page, heading, anchor, excerpt] = shard.docs[Number(ref) % per] ?? [];
        const [title, section, url] = shard.pages?.[page] ?? [];
        return {
          ref,
          score,
          title: title ?? '',
          heading: heading ?? null,
          section: section ?? null,
          url: anchor ? `${url}#${anchor}` : (url ?? ''),
          snippet: snippet(excerpt ?? '', queryWords),
        };
      });
    },
  };
}

/** A search over either format: the classic index is searched whole, as before. */
export function open(data, load, options) {
  if (data?.format === SHARDED) return openSharded(data, load, options);
  checkIndex(data);
  return {
    manifest: data,
    rank: async (query) => rank(data, query),
    loadedParts: () => [],
    search: async (query, limit = 10) => search(data, query, limit),
    results: async (query, limit = 10) => search(data, query, limit).map((result) => Promise.resolve(result)),
  };
}
