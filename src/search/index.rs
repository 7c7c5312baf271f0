//! Building `search-index.js`: an elasticlunr.js 0.9.5 index over every chunk of every page,
//! plus the little the result list needs per chunk (title, address, a short excerpt).
//!
//! Size matters: mdBook's index is 4.5× its text because it stores every body. Here the
//! document store keeps no bodies, term frequencies are rounded, and trie nodes that hold
//! no documents drop their empty `docs`/`df` entries (elasticlunr.js reads them as empty).

use elasticlunr::{Index, IndexBuilder};

use super::pipeline::DutchWithDigits;

/// Longest excerpt kept per chunk for result snippets, in characters.
pub const EXCERPT_CHARS: usize = 160;

/// The global the index script assigns; `static/js/search.js` reads it.
pub const GLOBAL: &str = "leerrechtZoekindex";

/// One searchable piece of a page: the text under one heading (or before the first).
pub struct SearchDoc<'a> {
    /// Index returned by [`Builder::page`].
    pub page: usize,
    /// Heading text and its anchor id.
    pub heading: Option<(&'a str, &'a str)>,
    pub body: &'a str,
}

/// What the result list shows per page, stored once for all of its chunks:
/// `[title, site section or null, address relative to the site root]`.
pub type PageInfo<'a> = (&'a str, Option<&'a str>, &'a str);

/// Per chunk: `[page index, heading or null, anchor or null, excerpt]`.
type DocInfo<'a> = (usize, Option<&'a str>, Option<&'a str>, String);

pub struct Builder<'a> {
    index: Index,
    pages: Vec<PageInfo<'a>>,
    /// Indexed by ref: refs are 0, 1, 2, ... in the order documents are added.
    docs: Vec<DocInfo<'a>>,
    /// Page titles, indexed with a page's first chunk only.
    titles: Vec<&'a str>,
}

impl<'a> Builder<'a> {
    pub fn new() -> Self {
        let index = IndexBuilder::with_language(Box::new(DutchWithDigits))
            .save_docs(false)
            .add_fields(["title", "heading", "body"])
            .set_ref("id")
            .build();
        Builder {
            index,
            pages: Vec::new(),
            docs: Vec::new(),
            titles: Vec::new(),
        }
    }

    /// Register a page; its chunks refer to it by the returned index.
    pub fn page(&mut self, title: &'a str, section: Option<&'a str>, url: &'a str) -> usize {
        self.pages.push((title, section, url));
        self.titles.push(title);
        self.pages.len() - 1
    }

    /// The page title is indexed only on a page's first chunk, so a title match ranks the
    /// page itself rather than every section of it.
    pub fn add(&mut self, doc: SearchDoc<'a>, first_of_page: bool) {
        let id = self.docs.len().to_string();
        let title = if first_of_page {
            self.titles[doc.page]
        } else {
            ""
        };
        let (heading, anchor) = match doc.heading {
            Some((text, anchor)) => (Some(text), Some(anchor)),
            None => (None, None),
        };
        self.index
            .add_doc(&id, [title, heading.unwrap_or(""), doc.body]);
        self.docs
            .push((doc.page, heading, anchor, excerpt(doc.body)));
    }

    /// The contents of `search-index.js`.
    pub fn finish(self) -> String {
        // Serializing straight to text (rather than through `serde_json::Value`) keeps memory
        // near the size of the output; the compaction below works on that text.
        // Strings, numbers, lists and maps with string keys: serializing cannot fail.
        let index = compact(&serde_json::to_string(&self.index).expect("the index is plain data"));
        let pages = serde_json::to_string(&self.pages).expect("page entries are plain data");
        let docs = serde_json::to_string(&self.docs).expect("documents are plain data");
        let json = format!("{{\"index\":{index},\"pages\":{pages},\"docs\":{docs}}}");
        script(&json)
    }
}

/// Wrap the index JSON as a classic script, which a `file://` page can load where `fetch()`
/// cannot. The JSON goes in as one string for `JSON.parse`: V8 reads a JSON string several
/// times faster than the same data as an object literal, and on a 7 MB index that is most of
/// the wait before the first search (bench/README.md).
pub fn script(json: &str) -> String {
    script_with(&format!("window.{GLOBAL}"), json)
}

/// `target = JSON.parse('…');` with `json` escaped as in [`script`].
pub fn script_with(target: &str, json: &str) -> String {
    let mut literal = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '\\' => literal.push_str("\\\\"),
            '\'' => literal.push_str("\\'"),
            // `<` escaped so no string in the file can close a script element.
            '<' => literal.push_str("\\x3c"),
            // serde_json escapes every other control character; these two end a line in
            // older JavaScript engines even inside a string.
            '\u{2028}' => literal.push_str("\\u2028"),
            '\u{2029}' => literal.push_str("\\u2029"),
            c => literal.push(c),
        }
    }
    format!("{target} = JSON.parse('{literal}');\n")
}

/// The JSON inside a script written by [`script`] or [`script_with`]: their exact inverse,
/// for tests and tools.
pub fn script_json(js: &str) -> Option<String> {
    const OPEN: &str = " = JSON.parse('";
    let start = js.find(OPEN)? + OPEN.len();
    let literal = js.get(start..)?.strip_suffix("');\n")?;
    let mut json = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            json.push(c);
            continue;
        }
        match chars.next()? {
            'x' => json.push(hex(&mut chars, 2)?),
            'u' => json.push(hex(&mut chars, 4)?),
            other => json.push(other),
        }
    }
    Some(json)
}

fn hex(chars: &mut std::str::Chars, digits: usize) -> Option<char> {
    let text: String = chars.take(digits).collect();
    char::from_u32(u32::from_str_radix(&text, 16).ok()?)
}

impl Default for Builder<'_> {
    fn default() -> Self {
        Self::new()
    }
}

const EMPTY_NODE: &str = "\"docs\":{},\"df\":0,";
const TF: &str = "{\"tf\":";

/// Shrink elasticlunr-rs' serialized index without changing what elasticlunr.js reads:
/// trie nodes that hold no document lose their empty `docs`/`df` (the trie has one node per
/// character, most of them empty); term frequencies keep three decimals (`1.4142135623730951`
/// → `1.414`, `1.0` → `1`). The document store keeps its empty object per document:
/// elasticlunr.js only applies the field-length norm to documents listed there. The patterns are exact because serde_json writes them so,
/// and trie keys are single characters, so no key can contain them.
pub fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    // Next match of each pattern at or after `pos`; each is searched again only once passed,
    // so the whole text is scanned a bounded number of times.
    let find = |pattern: &str, from: usize| json[from..].find(pattern).map(|i| from + i);
    let (mut next_empty, mut next_tf) = (find(EMPTY_NODE, 0), find(TF, 0));
    let mut pos = 0;
    loop {
        match (next_empty, next_tf) {
            (Some(e), t) if t.is_none_or(|t| e < t) => {
                out.push_str(&json[pos..e]);
                pos = e + EMPTY_NODE.len();
                next_empty = find(EMPTY_NODE, pos);
            }
            (_, Some(t)) => {
                let number = t + TF.len();
                let end = json[number..].find('}').map_or(json.len(), |i| number + i);
                out.push_str(&json[pos..number]);
                out.push_str(&round(&json[number..end]));
                pos = end;
                next_tf = find(TF, pos);
            }
            _ => break,
        }
    }
    out.push_str(&json[pos..]);
    out
}

/// A number with at most three decimals and no trailing zeros.
fn round(number: &str) -> String {
    match number.parse::<f64>() {
        Ok(v) => {
            let text = format!("{:.3}", (v * 1000.0).round() / 1000.0);
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Err(_) => number.to_string(),
    }
}

/// The first words of a chunk, cut at a word boundary.
pub fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_escapes_what_would_end_the_string_or_the_script_and_nothing_else() {
        let json = "{\"a\":\"it's \\\"C:\\\\pad\\\" </script>\\n\",\"b\":\"\u{2028}\u{2029}é\"}";
        let js = script(json);
        assert_eq!(
            js,
            r#"window.leerrechtZoekindex = JSON.parse('{"a":"it\'s \\"C:\\\\pad\\" \x3c/script>\\n","b":"\u2028\u2029é"}');"#
                .to_string()
                + "\n"
        );
        assert_eq!(script_json(&js).as_deref(), Some(json));
        assert_eq!(script_json("window.leerrechtZoekindex = {};\n"), None);
    }

    #[test]
    fn index_is_a_script_with_compact_elasticlunr_json() {
        let mut b = Builder::new();
        let page = b.page("Thuiszitters", Some("Aanpak"), "aanpak/a.html");
        b.add(
            SearchDoc {
                page,
                heading: None,
                body: "Een thuiszitter zit thuis </script>",
            },
            true,
        );
        let js = b.finish();
        assert!(js.starts_with("window.leerrechtZoekindex = JSON.parse('{"));
        assert!(!js.contains("</script"));
        let json: serde_json::Value = serde_json::from_str(&script_json(&js).unwrap()).unwrap();
        assert_eq!(
            json["index"]["pipeline"],
            serde_json::json!([
                "trimmer-nl-digits",
                "stopWordFilter-du",
                "stemmer-du",
                "undouble-nl"
            ])
        );
        assert_eq!(json["index"]["documentStore"]["save"], false);
        let t = &json["index"]["index"]["title"]["root"]["t"];
        assert!(
            t.get("docs").is_none(),
            "intermediate node keeps empty docs: {t}"
        );
        assert_eq!(json["pages"][0][2], "aanpak/a.html");
        assert_eq!(json["docs"][0][0], 0);
    }

    #[test]
    fn compaction_keeps_what_elasticlunr_reads() {
        let raw = r#"{"documentStore":{"save":false,"docs":{"0":{},"1":{}},"docInfo":{"0":{"body":2}},"length":2},"index":{"body":{"root":{"docs":{},"df":0,"a":{"docs":{"0":{"tf":1.4142135623730951},"1":{"tf":1.0}},"df":2}}}}}"#;
        let compacted = compact(raw);
        assert_eq!(
            compacted,
            r#"{"documentStore":{"save":false,"docs":{"0":{},"1":{}},"docInfo":{"0":{"body":2}},"length":2},"index":{"body":{"root":{"a":{"docs":{"0":{"tf":1.414},"1":{"tf":1}},"df":2}}}}}"#
        );
        serde_json::from_str::<serde_json::Value>(&compacted).unwrap();
    }

    #[test]
    fn excerpts_end_at_a_word() {
        let long = "woord ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with("woord…"), "{e}");
        assert!(e.chars().count() <= EXCERPT_CHARS + 1);
    }
}
