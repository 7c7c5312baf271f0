//! The search index in shards: `search-index.js` (the manifest) names the shards under
//! `zoekindex/`, and the browser loads, with classic `<script src>` (which works from
//! `file://`, where `fetch()` does not), only the shards that can hold the words of a query
//! and the result texts of the results it shows. The format is described in docs/ontwikkelen.md
//! ("Zoeken van binnen"); `static/js/lib/search-engine.js` reads it.
//!
//! Tokens come from elasticlunr-rs' Dutch pipeline ([`super::pipeline`]), exactly as in the
//! classic index, and scores are elasticlunr's: the postings keep each document's count of a
//! term (elasticlunr's tf is its square root) and the manifest keeps each document's field
//! lengths, so the browser ranks as elasticlunr.js does on the classic index.
//!
//! Three additions that the classic index does not have (docs/ontwikkelen.md, "Zoeken van binnen"):
//! - **word pairs**: a word followed by a term with a digit (`artikel 11`, `lid 3`) is one
//!   more term, `"artikel 11"`, in the field they occur in, so the passage
//!   that has them together ranks first; the browser forms the same pairs from a query;
//! - **compound parts**: a term that splits into two other terms of the index
//!   (`verzuimprotocol` into `verzuim` and `protocol`) adds its postings to a fourth list of
//!   each part, which the browser weighs lower than a whole word;
//! - **lowered pages**: the manifest lists the documents of pages with `search_lower = true`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use elasticlunr::lang::Language;
use elasticlunr::pipeline::Pipeline;

use super::index::{excerpt, script_with, PageInfo};
use super::pipeline::{DutchWithDigits, NAMES};
use super::{Corpus, Stop, SHARD_DIR};
use crate::render::SEARCH_INDEX;

/// The fields, in the order of every posting list and length list.
pub const FIELDS: [&str; 3] = ["title", "heading", "body"];

/// Result texts per document shard: the ten results of a query touch at most ten of them.
pub const DOCS_PER_SHARD: usize = 100;

/// A term shard is split further by the next letter when it is larger than this share of
/// all postings (and larger than [`MIN_SHARD_BYTES`]), so a query loads a few percent at most.
pub const SHARD_SHARE: usize = 128;
pub const MIN_SHARD_BYTES: usize = 16 * 1024;

/// The global every shard script adds itself to, by name (`t3`, `d0`).
pub const PARTS_GLOBAL: &str = "leerrechtZoekdelen";

/// Per field: document (ref) → how often the term occurs in that field of that document.
type Postings = [Vec<(u32, u32)>; 3];

/// A part of a compound is at least this many characters, on both sides of the split, and the
/// compound at least twice that: shorter pieces (`ling` in `leerling`, `eren`) are too often
/// words by accident.
pub const MIN_PART_CHARS: usize = 4;

/// The files of the sharded index: the manifest, the term shards and the document shards.
pub fn build(corpus: &Corpus, stop: Stop) -> Option<Vec<(String, String)>> {
    let (terms, lengths) = postings(corpus, stop);
    if stop() {
        return None;
    }
    let parts = part_postings(&terms);
    let entries: Vec<(&str, String)> = terms
        .iter()
        .map(|(term, postings)| (term.as_str(), entry(term, postings, parts.get(term))))
        .collect();
    let total: usize = entries.iter().map(|(_, e)| e.len()).sum();
    let limit = (total / SHARD_SHARE).max(MIN_SHARD_BYTES);
    let shards = partition(&entries, limit);
    let mut files = Vec::with_capacity(shards.len() + corpus.chunks.len() / DOCS_PER_SHARD + 2);
    let keys: Vec<&str> = shards.iter().map(|s| s.key).collect();
    files.push((SEARCH_INDEX.to_string(), manifest(&keys, corpus, &lengths)));
    for (i, shard) in shards.iter().enumerate() {
        let json = format!("{{{}}}", shard.entries.join(","));
        files.push(part(&format!("t{i}"), &json));
    }
    for (i, docs) in doc_shards(corpus).into_iter().enumerate() {
        files.push(part(&format!("d{i}"), &docs));
    }
    Some(files)
}

/// Every term with its postings, and every document's field lengths (tokens after the
/// pipeline), tokenized on all cores.
fn postings(corpus: &Corpus, stop: Stop) -> (BTreeMap<String, Postings>, [Vec<u32>; 3]) {
    let chunks: Vec<(usize, &[super::Chunk])> = corpus
        .chunks
        .chunks(
            corpus
                .chunks
                .len()
                .div_ceil(crate::parallel::threads())
                .max(1),
        )
        .scan(0, |start, part| {
            let first = *start;
            *start += part.len();
            Some((first, part))
        })
        .collect();
    let parts = crate::parallel::map(&chunks, |&(first, part)| {
        tokenize(corpus, first, part, stop)
    })
    .unwrap_or_else(|_| vec![tokenize(corpus, 0, &corpus.chunks, stop)]);
    let mut terms: BTreeMap<String, Postings> = BTreeMap::new();
    let mut lengths: [Vec<u32>; 3] = Default::default();
    // Parts come in ref order, so appending keeps every posting list sorted by ref.
    for (part_terms, part_lengths) in parts {
        for (term, postings) in part_terms {
            let all = terms.entry(term).or_default();
            for (field, list) in postings.into_iter().enumerate() {
                all[field].extend(list);
            }
        }
        for (field, list) in part_lengths.into_iter().enumerate() {
            lengths[field].extend(list);
        }
    }
    (terms, lengths)
}

/// How many chunks a worker tokenizes between asking whether to stop (a few milliseconds).
const STOP_EVERY: usize = 64;

/// One worker's share: documents `first..first + part.len()`.
/// Stops early (with part of the work) when `stop` says so; the caller then drops it all.
fn tokenize(
    corpus: &Corpus,
    first: usize,
    part: &[super::Chunk],
    stop: Stop,
) -> (BTreeMap<String, Postings>, [Vec<u32>; 3]) {
    let pipeline = DutchWithDigits.make_pipeline();
    // Words repeat (Zipf): stemming each distinct word once is most of the saving.
    let mut stems: HashMap<String, Option<String>> = HashMap::new();
    let mut terms: BTreeMap<String, Postings> = BTreeMap::new();
    let mut lengths: [Vec<u32>; 3] = Default::default();
    for (i, chunk) in part.iter().enumerate() {
        if i % STOP_EVERY == 0 && stop() {
            break;
        }
        let doc = (first + i) as u32;
        let title = if chunk.first_of_page {
            corpus.pages[chunk.doc.page].0
        } else {
            ""
        };
        let heading = chunk.doc.heading.map_or("", |(text, _)| text);
        for (field, text) in [title, heading, chunk.doc.body].into_iter().enumerate() {
            let mut words: Vec<String> = Vec::new();
            for raw in DutchWithDigits.tokenize(text) {
                let stem = stems
                    .entry(raw)
                    .or_insert_with_key(|raw| stem(&pipeline, raw));
                if let Some(stem) = stem {
                    words.push(stem.clone());
                }
            }
            lengths[field].push(words.len() as u32);
            let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
            for word in &words {
                *counts.entry(word).or_default() += 1;
            }
            // Pairs are not counted in the field length: they are not words of the text.
            let mut pairs: BTreeMap<String, u32> = BTreeMap::new();
            for pair in words.windows(2) {
                if is_pair(&pair[0], &pair[1]) {
                    *pairs.entry(format!("{} {}", pair[0], pair[1])).or_default() += 1;
                }
            }
            for (term, count) in counts {
                terms.entry(term.to_string()).or_default()[field].push((doc, count));
            }
            for (term, count) in pairs {
                terms.entry(term).or_default()[field].push((doc, count));
            }
        }
    }
    (terms, lengths)
}

/// Whether two neighbouring terms are also indexed as one pair: a word followed by a term
/// with a digit (`artikel 11`, `lid 3`, `stap 2`), what a reader types to find a passage.
/// Pairs of plain words would multiply the index, and so did pairs the other way round
/// (`16 uur`, `2016 pact`): on a 1 000-page corpus both directions made the index 0.62× the
/// Markdown, above the 0.6× it must stay under. `pairTerms` in
/// `static/js/lib/search-pipeline.js` forms the same pairs from a query.
pub fn is_pair(a: &str, b: &str) -> bool {
    let digit = |t: &str| t.bytes().any(|c| c.is_ascii_digit());
    !digit(a) && digit(b)
}

/// The compound parts of every term: for each term that splits into other terms of the
/// index, its postings (all fields together) added to each part, per part sorted by document.
fn part_postings(terms: &BTreeMap<String, Postings>) -> HashMap<String, Vec<(u32, u32)>> {
    let pipeline = DutchWithDigits.make_pipeline();
    let mut stems: HashMap<String, Option<String>> = HashMap::new();
    let mut merged: HashMap<String, BTreeMap<u32, u32>> = HashMap::new();
    for (term, postings) in terms {
        for part in split_compound(term, terms, &pipeline, &mut stems) {
            let list = merged.entry(part).or_default();
            for &(doc, count) in postings.iter().flatten() {
                *list.entry(doc).or_default() += count;
            }
        }
    }
    merged
        .into_iter()
        .map(|(part, docs)| (part, docs.into_iter().collect()))
        .collect()
}

/// The parts of `term` when it is a compound of other terms: every split into a head and a
/// tail of at least [`MIN_PART_CHARS`] letters whose stems are both terms of the index (the
/// head may end in a linking `s`: `samenwerkings|verband`). Stop words never count as parts
/// (the pipeline drops them: `over|leg`). Only words of letters are split, never pairs.
fn split_compound(
    term: &str,
    terms: &BTreeMap<String, Postings>,
    pipeline: &Pipeline,
    stems: &mut HashMap<String, Option<String>>,
) -> BTreeSet<String> {
    let mut parts = BTreeSet::new();
    let chars: Vec<(usize, char)> = term.char_indices().collect();
    if chars.len() < 2 * MIN_PART_CHARS || !chars.iter().all(|(_, c)| c.is_alphabetic()) {
        return parts;
    }
    let mut known = |piece: &str| -> Option<String> {
        let stem = stems
            .entry(piece.to_string())
            .or_insert_with_key(|p| stem(pipeline, p));
        stem.clone()
            .filter(|s| s != term && terms.contains_key(s.as_str()))
    };
    for &(at, _) in &chars[MIN_PART_CHARS..=chars.len() - MIN_PART_CHARS] {
        let Some(tail) = known(&term[at..]) else {
            continue;
        };
        let head = &term[..at];
        let linked = head
            .strip_suffix('s')
            .filter(|h| h.chars().count() >= MIN_PART_CHARS);
        if let Some(head) = known(head).or_else(|| linked.and_then(&mut known)) {
            parts.insert(head);
            parts.insert(tail);
        }
    }
    parts
}

/// One token through the pipeline: its term, or None when the pipeline drops it.
fn stem(pipeline: &Pipeline, raw: &str) -> Option<String> {
    pipeline.run(vec![raw.to_string()]).pop()
}

/// A term's entry in its shard: `"term":["title","heading","body"]`, each a posting list
/// (see [`encode`]), "" when the term is not in that field, and a fourth, `"parts"`, when
/// the term is a part of compounds.
/// A compound part has a fourth list, its compounds' documents; other terms leave it out.
fn entry(term: &str, postings: &Postings, parts: Option<&Vec<(u32, u32)>>) -> String {
    let mut lists: Vec<String> = postings.iter().map(|p| encode(p)).collect();
    if let Some(parts) = parts {
        lists.push(encode(parts));
    }
    // Strings, plain data: serializing cannot fail.
    let key = serde_json::to_string(term).unwrap_or_default();
    let lists = serde_json::to_string(&lists).unwrap_or_default();
    format!("{key}:{lists}")
}

/// A posting list as text: per document the distance to the previous one (the first from
/// 0) in base 36, followed by `:count` when the count is not 1, separated by commas.
/// `"0,5:2,1z"` is documents 0, 5 (twice) and 76.
pub fn encode(postings: &[(u32, u32)]) -> String {
    let mut text = String::new();
    let mut previous = 0;
    for (i, &(doc, count)) in postings.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&base36(doc - previous));
        previous = doc;
        if count != 1 {
            let _ = write!(text, ":{}", base36(count));
        }
    }
    text
}

fn base36(mut n: u32) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A shard: every term whose longest shard key that is a prefix of it is `key`.
pub struct Shard<'a> {
    pub key: &'a str,
    pub entries: Vec<&'a str>,
}

/// Split the (sorted) terms into shards by prefix: one shard for all when small enough, else
/// one per first letter, a shard that is still too big again by its next letter, and so on.
/// The terms equal to a split prefix stay in a shard of that prefix. Every term lands in
/// exactly one shard: the one whose key is its longest prefix among the keys.
pub fn partition<'a>(entries: &'a [(&'a str, String)], limit: usize) -> Vec<Shard<'a>> {
    let mut shards = Vec::new();
    split(entries, "", 0, limit, &mut shards);
    shards
}

fn split<'a>(
    entries: &'a [(&'a str, String)],
    key: &'a str,
    depth: usize,
    limit: usize,
    shards: &mut Vec<Shard<'a>>,
) {
    let size: usize = entries.iter().map(|(_, e)| e.len()).sum();
    let whole = |shards: &mut Vec<Shard<'a>>, list: &'a [(&'a str, String)]| {
        if !list.is_empty() {
            shards.push(Shard {
                key,
                entries: list.iter().map(|(_, e)| e.as_str()).collect(),
            });
        }
    };
    if size <= limit {
        return whole(shards, entries);
    }
    // Sorted terms: those equal to the key come first, then groups by the next character.
    let rest = entries
        .iter()
        .position(|(term, _)| term.chars().count() > depth)
        .unwrap_or(entries.len());
    whole(shards, &entries[..rest]);
    let mut start = rest;
    while start < entries.len() {
        let (term, _) = entries[start];
        let end_of_key = term
            .char_indices()
            .nth(depth + 1)
            .map_or(term.len(), |(i, _)| i);
        let child = &term[..end_of_key];
        let end = entries[start..]
            .iter()
            .position(|(t, _)| !t.starts_with(child))
            .map_or(entries.len(), |i| start + i);
        split(&entries[start..end], child, depth + 1, limit, shards);
        start = end;
    }
}

/// `search-index.js`: what a query needs before it can choose its shards.
fn manifest(keys: &[&str], corpus: &Corpus, lengths: &[Vec<u32>; 3]) -> String {
    let (widths, lengths): (Vec<usize>, Vec<String>) =
        lengths.iter().map(|l| fixed_width(l)).unzip();
    let json = serde_json::json!({
        "format": "gedeeld",
        "version": 2,
        "pipeline": NAMES,
        "fields": FIELDS,
        "docs": corpus.chunks.len(),
        "lengthWidths": widths,
        "lengths": lengths,
        "lowered": lowered(corpus),
        "shards": keys,
        "docsPerShard": DOCS_PER_SHARD,
    });
    script_with(
        &format!("window.{}", super::index::GLOBAL),
        &json.to_string(),
    )
}

/// One field's lengths as base-36 numbers of one width, without separators: the browser
/// reads every document's length before the first search, and at 10 000 pages (117 000
/// documents, nearly all lengths one or two digits) this is 40 % less manifest to load and
/// no commas to look for.
fn fixed_width(lengths: &[u32]) -> (usize, String) {
    let width = lengths.iter().map(|&n| base36(n).len()).max().unwrap_or(1);
    let mut text = String::with_capacity(width * lengths.len());
    for &n in lengths {
        let digits = base36(n);
        text.extend(std::iter::repeat_n('0', width - digits.len()));
        text.push_str(&digits);
    }
    (width, text)
}

/// The documents of pages with `search_lower = true`, as `[first, count]` runs (a page's
/// documents are consecutive).
fn lowered(corpus: &Corpus) -> Vec<[usize; 2]> {
    let mut runs: Vec<[usize; 2]> = Vec::new();
    for (doc, chunk) in corpus.chunks.iter().enumerate() {
        if !chunk.lower {
            continue;
        }
        match runs.last_mut() {
            Some([first, count]) if *first + *count == doc => *count += 1,
            _ => runs.push([doc, 1]),
        }
    }
    runs
}

/// The document shards: per [`DOCS_PER_SHARD`] documents their `[page, heading, anchor,
/// excerpt]` and the `[title, section, address]` of the pages they belong to.
fn doc_shards(corpus: &Corpus) -> Vec<String> {
    corpus
        .chunks
        .chunks(DOCS_PER_SHARD)
        .map(|part| {
            let mut pages: BTreeMap<String, &PageInfo> = BTreeMap::new();
            let docs: Vec<_> = part
                .iter()
                .map(|c| {
                    pages.insert(c.doc.page.to_string(), &corpus.pages[c.doc.page]);
                    let (heading, anchor) = c.doc.heading.unzip();
                    (c.doc.page, heading, anchor, excerpt(c.doc.body))
                })
                .collect();
            serde_json::json!({ "pages": pages, "docs": docs }).to_string()
        })
        .collect()
}

/// A shard file: a classic script that adds its data to [`PARTS_GLOBAL`] under `name`.
fn part(name: &str, json: &str) -> (String, String) {
    let target = format!("(window.{PARTS_GLOBAL} = window.{PARTS_GLOBAL} || {{}})['{name}']");
    (format!("{SHARD_DIR}/{name}.js"), script_with(&target, json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posting_lists_are_delta_coded_in_base_36() {
        assert_eq!(encode(&[(0, 1), (5, 2), (76, 1)]), "0,5:2,1z");
        assert_eq!(encode(&[]), "");
        assert_eq!(base36(36 * 36), "100");
    }

    #[test]
    fn field_lengths_are_fixed_width_base_36() {
        assert_eq!(fixed_width(&[0, 5, 40, 1]), (2, "00051401".to_string()));
        assert_eq!(fixed_width(&[3, 0]), (1, "30".to_string()));
        assert_eq!(fixed_width(&[]), (1, String::new()));
    }

    #[test]
    fn every_term_lands_in_exactly_one_shard_its_longest_key() {
        let terms = [
            "a", "aa", "aab", "ab", "b", "ba", "bab", "bb", "bbb", "bbc", "é", "éé",
        ];
        let entries: Vec<(&str, String)> =
            terms.iter().map(|t| (*t, format!("{t:-<10}"))).collect();
        let shards = partition(&entries, 25);
        let keys: Vec<&str> = shards.iter().map(|s| s.key).collect();
        for (term, text) in &entries {
            let holding: Vec<&str> = shards
                .iter()
                .filter(|s| s.entries.contains(&text.as_str()) && term.starts_with(s.key))
                .map(|s| s.key)
                .collect();
            assert!(!holding.is_empty(), "{term}");
            let longest = keys
                .iter()
                .filter(|k| term.starts_with(**k))
                .max_by_key(|k| k.len())
                .copied();
            assert!(
                holding.contains(&longest.unwrap_or("")),
                "{term}: {holding:?}"
            );
        }
        assert_eq!(
            shards.iter().map(|s| s.entries.len()).sum::<usize>(),
            terms.len()
        );
        assert!(shards
            .iter()
            .all(|s| s.entries.len() * 10 <= 25 || s.entries.len() == 1));
        // Small enough: one shard with the empty key.
        let one = partition(&entries, 10_000);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].key, "");
    }
}
