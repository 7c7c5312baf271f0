//! Building `search-index.js`: an elasticlunr.js 0.9.5 index over every chunk of every page,
//! plus the little the result list needs per chunk (title, address, a short excerpt).
//!
//! Size matters: mdBook's index is 4.5× its text because it stores every body. Here the
//! document store keeps no bodies, term frequencies are rounded, and trie nodes that hold
//! no documents drop their empty `docs`/`df` entries (elasticlunr.js reads them as empty).

use std::collections::BTreeMap;

use elasticlunr::{Index, IndexBuilder};
use serde::Serialize;
use serde_json::Value;

use super::pipeline::DutchWithDigits;

/// Longest excerpt kept per chunk for result snippets, in characters.
pub const EXCERPT_CHARS: usize = 240;

/// The global the index script assigns; `static/js/search.js` reads it.
pub const GLOBAL: &str = "leerrechtZoekindex";

/// One searchable piece of a page.
pub struct SearchDoc<'a> {
    pub page_title: &'a str,
    pub heading: Option<&'a str>,
    pub section_title: Option<&'a str>,
    /// Root-relative address including `#anchor`.
    pub url: String,
    pub body: &'a str,
}

#[derive(Serialize)]
struct DocInfo<'a> {
    p: &'a str,
    s: Option<&'a str>,
    b: Option<&'a str>,
    u: String,
    x: String,
}

pub struct Builder<'a> {
    index: Index,
    docs: BTreeMap<String, DocInfo<'a>>,
    next: usize,
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
            docs: BTreeMap::new(),
            next: 0,
        }
    }

    /// The page title is indexed only on a page's first chunk, so a title match ranks the
    /// page itself rather than every section of it.
    pub fn add(&mut self, doc: SearchDoc<'a>, first_of_page: bool) {
        let id = self.next.to_string();
        self.next += 1;
        let title = if first_of_page { doc.page_title } else { "" };
        self.index
            .add_doc(&id, [title, doc.heading.unwrap_or(""), doc.body]);
        self.docs.insert(
            id,
            DocInfo {
                p: doc.page_title,
                s: doc.heading,
                b: doc.section_title,
                u: doc.url,
                x: excerpt(doc.body),
            },
        );
    }

    /// The contents of `search-index.js`.
    pub fn finish(self) -> String {
        let mut index = serde_json::to_value(&self.index).unwrap_or(Value::Null);
        // With `save_docs(false)` elasticlunr-rs still writes an empty object per document;
        // elasticlunr.js never reads them when searching.
        if let Some(store) = index.get_mut("documentStore") {
            store["docs"] = serde_json::json!({});
        }
        if let Some(fields) = index.get_mut("index").and_then(Value::as_object_mut) {
            for field in fields.values_mut() {
                if let Some(root) = field.get_mut("root") {
                    compact(root);
                }
            }
        }
        let data = serde_json::json!({ "index": index, "docs": self.docs });
        // `</script` cannot occur in JSON strings escaped this way, but `<` is escaped anyway
        // so the file is safe whatever the content.
        let json = data.to_string().replace('<', "\\u003c");
        format!("window.{GLOBAL} = {json};\n")
    }
}

impl Default for Builder<'_> {
    fn default() -> Self {
        Self::new()
    }
}

/// Round term frequencies and drop empty `docs`/`df` pairs from the trie.
fn compact(node: &mut Value) {
    let Some(map) = node.as_object_mut() else {
        return;
    };
    let empty = map.get("df").and_then(Value::as_i64) == Some(0)
        && map
            .get("docs")
            .and_then(Value::as_object)
            .is_some_and(|d| d.is_empty());
    if empty {
        map.remove("df");
        map.remove("docs");
    }
    if let Some(docs) = map.get_mut("docs").and_then(Value::as_object_mut) {
        for tf in docs.values_mut() {
            if let Some(v) = tf.get("tf").and_then(Value::as_f64) {
                tf["tf"] = serde_json::json!((v * 1000.0).round() / 1000.0);
            }
        }
    }
    for (key, child) in map.iter_mut() {
        if key != "docs" && key != "df" {
            compact(child);
        }
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
    fn index_is_a_script_with_compact_elasticlunr_json() {
        let mut b = Builder::new();
        b.add(
            SearchDoc {
                page_title: "Thuiszitters",
                heading: None,
                section_title: Some("Aanpak"),
                url: "aanpak/a.html".into(),
                body: "Een thuiszitter zit thuis </script>",
            },
            true,
        );
        let js = b.finish();
        assert!(js.starts_with("window.leerrechtZoekindex = {"));
        assert!(!js.contains("</script"));
        let json: Value = serde_json::from_str(
            js.trim_start_matches("window.leerrechtZoekindex = ")
                .trim_end_matches(";\n"),
        )
        .unwrap();
        assert_eq!(
            json["index"]["pipeline"],
            serde_json::json!(["trimmer-nl-digits", "stopWordFilter-du", "stemmer-du"])
        );
        assert_eq!(json["index"]["documentStore"]["save"], false);
        let t = &json["index"]["index"]["title"]["root"]["t"];
        assert!(
            t.get("docs").is_none(),
            "intermediate node keeps empty docs: {t}"
        );
        assert_eq!(json["docs"]["0"]["u"], "aanpak/a.html");
    }

    #[test]
    fn excerpts_end_at_a_word() {
        let long = "woord ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with("woord…"), "{e}");
        assert!(e.chars().count() <= EXCERPT_CHARS + 1);
    }
}
