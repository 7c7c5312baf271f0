// Ranking over the elasticlunr.js 0.9.5 index the generator writes (search-index.js).
// Scores are elasticlunr's own — tf · idf · field-length norm, a penalty for expanded
// (prefix) matches, coordination over query tokens, field boosts — so results agree with
// elasticlunr.js on the same index; tests/js/search-engine.test.mjs checks that. One
// addition: when a typed word is not a prefix of its own stem (`gemeen` stems to `gemen`),
// the typed word is expanded too, so a half-typed word still finds its page.

import { PIPELINE, queryTerms } from './search-pipeline.js';

export const BOOSTS = { title: 3, heading: 2, body: 1 };

/** Throws when the index was built with a pipeline this client does not implement. */
export function checkIndex(data) {
  const pipeline = data?.index?.pipeline;
  if (!Array.isArray(pipeline) || pipeline.join() !== PIPELINE.join()) {
    throw new Error(`Onbekende zoekindex: verwacht ${PIPELINE.join(', ')}`);
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
