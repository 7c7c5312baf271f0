//! Point 5: the search index, its Dutch pipeline that keeps digits, and the golden list of
//! every word of the default handbook that holds the browser's pipeline to the same result.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use common::Site;
use elasticlunr::lang::Language;
use leerrecht::search::pipeline::{tokens, DutchWithDigits};
use serde_json::Value;

/// The basic fixture with the classic elasticlunr.js index (`search_format = "elasticlunr"`).
fn classic_site() -> Site {
    let site = Site::fixture("basic");
    let config = site.read_source("site.toml");
    site.write(
        "site.toml",
        &format!("search_format = \"elasticlunr\"\n{config}"),
    );
    site
}

fn load_index(out: &Path) -> Value {
    let js = std::fs::read_to_string(out.join("search-index.js")).expect("search-index.js");
    let json = leerrecht::search::index::script_json(&js).expect("index script shape");
    serde_json::from_str(&json).expect("valid JSON")
}

/// The refs of the documents that hold `token` in `field`.
fn docs_with(index: &Value, field: &str, token: &str) -> BTreeSet<String> {
    let mut node = &index["index"]["index"][field]["root"];
    for c in token.chars() {
        node = &node[c.to_string()];
    }
    node.get("docs")
        .and_then(Value::as_object)
        .map(|d| d.keys().cloned().collect())
        .unwrap_or_default()
}

/// The address of each chunk: its page's URL plus the chunk's anchor.
fn urls(index: &Value, refs: &BTreeSet<String>) -> BTreeSet<String> {
    refs.iter()
        .map(|r| {
            let doc = &index["docs"][r.parse::<usize>().unwrap()];
            let page = &index["pages"][doc[0].as_u64().unwrap() as usize];
            let url = page[2].as_str().unwrap();
            match doc[2].as_str() {
                Some(anchor) => format!("{url}#{anchor}"),
                None => url.to_string(),
            }
        })
        .collect()
}

fn stem(word: &str) -> String {
    tokens(&DutchWithDigits.make_pipeline(), word)
        .pop()
        .unwrap_or_default()
}

#[test]
fn dutch_word_forms_and_numbers_find_their_section() {
    let site = classic_site();
    site.build_ok();
    let index = load_index(&site.out());
    let waterland: BTreeSet<String> = ["regio/waterland.html#artikel-21a".to_string()].into();
    for query in ["scholen", "gemeenten", "2016"] {
        assert_eq!(
            urls(&index, &docs_with(&index, "body", &stem(query))),
            waterland,
            "{query}"
        );
    }
    for query in ["artikel", "21a"] {
        assert_eq!(
            urls(&index, &docs_with(&index, "heading", &stem(query))),
            waterland,
            "{query}"
        );
    }
    let doel: BTreeSet<String> = ["regio/lekstroom.html#doel".to_string()].into();
    assert_eq!(
        urls(&index, &docs_with(&index, "body", "21a")),
        doel,
        "a link text counts as body text"
    );
    let lekstroom = urls(&index, &docs_with(&index, "body", &stem("thuiszitters")));
    assert_eq!(
        lekstroom,
        ["regio/lekstroom.html".to_string()].into(),
        "the page says only `thuiszitter`"
    );
    let over = urls(
        &index,
        &docs_with(&index, "body", &stem("leerplichtambtenaren")),
    );
    assert_eq!(over, ["over.html".to_string()].into());
    // The page title is indexed on the page's first chunk only.
    assert_eq!(
        urls(&index, &docs_with(&index, "title", &stem("lekstroom"))),
        ["regio/lekstroom.html".to_string()].into()
    );
}

#[test]
fn index_keeps_only_what_results_need() {
    let site = classic_site();
    site.build_ok();
    let index = load_index(&site.out());
    assert_eq!(index["index"]["version"], "0.9.5");
    assert_eq!(index["index"]["ref"], "id");
    assert_eq!(index["index"]["documentStore"]["save"], false);
    // Empty per document, but present: elasticlunr.js applies the length norm only to them.
    assert_eq!(
        index["index"]["documentStore"]["docs"]["0"],
        serde_json::json!({})
    );
    // Per chunk: page, heading, anchor, excerpt; per page: title, section, address.
    assert_eq!(index["docs"][0].as_array().map(Vec::len), Some(4));
    assert_eq!(index["pages"][0].as_array().map(Vec::len), Some(3));
}

#[test]
fn search_can_be_switched_off() {
    let site = Site::fixture("basic");
    site.write(
        "site.toml",
        "title = \"Proef\"\nsearch = false\n[[menu]]\nname = \"Over\"\nurl = \"@/over.md\"\n",
    );
    site.build_ok();
    assert!(!site.out().join("search-index.js").exists());
    assert!(!site.out().join("zoekindex").exists());
    assert!(!site.read("index.html").contains("search.js"));
}

fn shard_json(out: &Path, name: &str) -> Value {
    let js = std::fs::read_to_string(out.join(format!("zoekindex/{name}.js"))).expect(name);
    let json = leerrecht::search::index::script_json(&js).expect("shard script shape");
    serde_json::from_str(&json).expect("valid JSON")
}

#[test]
fn the_default_index_is_sharded_and_finds_what_the_classic_one_finds() {
    let site = Site::fixture("basic");
    site.build_ok();
    let out = site.out();
    let manifest = load_index(&out);
    assert_eq!(manifest["format"], "gedeeld");
    assert_eq!(
        manifest["pipeline"],
        serde_json::json!([
            "trimmer-nl-digits",
            "stopWordFilter-du",
            "stemmer-du",
            "undouble-nl"
        ])
    );
    let shards = manifest["shards"].as_array().expect("shard keys");
    let mut terms = BTreeSet::new();
    for i in 0..shards.len() {
        let shard = shard_json(&out, &format!("t{i}"));
        for term in shard.as_object().expect("terms").keys() {
            assert!(terms.insert(term.clone()), "{term} in two shards");
        }
    }
    // The same terms as the classic index of the same site, per field.
    let classic = classic_site();
    classic.build_ok();
    let classic = load_index(&classic.out());
    for query in ["scholen", "gemeenten", "2016", "21a", "thuiszitter"] {
        let term = stem(query);
        assert!(terms.contains(&term), "{query}");
        assert!(!docs_with(&classic, "body", &term).is_empty(), "{query}");
    }
    let docs = shard_json(&out, "d0");
    assert_eq!(docs["docs"][0].as_array().map(Vec::len), Some(4));
    assert_eq!(docs["pages"]["0"].as_array().map(Vec::len), Some(3));
}

#[test]
fn nothing_else_may_write_into_the_folder_of_the_index() {
    let site = Site::fixture("basic");
    site.write("static/zoekindex/t0.js", "// van de redactie");
    let errors = site.errors().join("\n");
    assert!(errors.contains("zoekindex/t0.js"), "{errors}");
}

#[test]
fn an_unknown_search_format_is_refused_in_dutch_with_its_line() {
    let site = Site::fixture("basic");
    let config = site.read_source("site.toml");
    site.write("site.toml", &format!("search_format = \"lunr\"\n{config}"));
    let errors = site.errors().join("\n");
    assert!(errors.contains("site.toml:1"), "{errors}");
    assert!(errors.contains("onbekende waarde"), "{errors}");
    assert!(errors.contains("gedeeld"), "{errors}");
}

const GOLDEN: &str = "tests/golden/search-words.tsv";

/// Every distinct raw word (before trimming) in the default handbook's content and
/// instruments, with the token the index pipeline makes of it ("" when it drops the word).
fn handbook_words() -> String {
    let root = common::repo_root();
    let mut words = BTreeSet::new();
    for dir in ["content", "checklists"] {
        for entry in walkdir::WalkDir::new(root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md" || e == "toml") {
                let text = std::fs::read_to_string(path).expect("utf-8 content");
                words.extend(DutchWithDigits.tokenize(&text));
            }
        }
    }
    let pipeline = DutchWithDigits.make_pipeline();
    let mut out = String::new();
    for word in words {
        if word.contains('\t') {
            continue;
        }
        let token = pipeline.run(vec![word.clone()]).pop().unwrap_or_default();
        out.push_str(&format!("{word}\t{token}\n"));
    }
    out
}

/// The browser test (`tests/js/`) reads the same file and checks its own pipeline against
/// every line. After changing the handbook's text, refresh it with `make golden`.
#[test]
fn golden_word_list_matches_the_handbook() {
    let current = handbook_words();
    let path = common::repo_root().join(GOLDEN);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &current).expect("write golden file");
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current.lines().count() > 50,
        "the default handbook should have words"
    );
    assert!(
        stored == current,
        "{GOLDEN} is out of date with the handbook's text: run `make golden` and commit the file"
    );
}

/// The sharded index's term entries, over all term shards: term → its posting lists.
fn shard_terms(out: &Path) -> serde_json::Map<String, Value> {
    let manifest = load_index(out);
    let mut terms = serde_json::Map::new();
    for i in 0..manifest["shards"].as_array().map_or(0, Vec::len) {
        if let Value::Object(shard) = shard_json(out, &format!("t{i}")) {
            terms.extend(shard);
        }
    }
    terms
}

#[test]
fn pairs_compound_parts_and_lowered_pages_are_in_the_sharded_index() {
    let site = Site::fixture("basic");
    site.write(
        "content/protocol.md",
        "+++\ntitle = \"Het protocol\"\n+++\nElk protocol noemt artikel 11 van de wet.\n\nHet verzuimprotocol en het verzuim staan hier, net als 16 uur.\n",
    );
    site.write(
        "content/begrippen.md",
        "+++\ntitle = \"Begrippen\"\n[extra]\nsearch_lower = true\n+++\n## Protocol\n\nEen afspraak.\n",
    );
    site.build_ok();
    let out = site.out();
    let terms = shard_terms(&out);
    // A word followed by a number is a pair; a number followed by a word is not.
    assert!(terms.contains_key("artikel 11"), "no pair `artikel 11`");
    assert!(!terms.contains_key("16 uur"));
    assert!(!terms.contains_key("protocol artikel"));
    // `verzuimprotocol` splits into two terms of the index: both list its document fourth.
    let compound = terms["verzuimprotocol"].as_array().expect("lists");
    assert_eq!(compound.len(), 3, "the compound itself has no parts list");
    for part in ["verzuim", "protocol"] {
        let lists = terms[part].as_array().expect("lists");
        assert_eq!(lists.len(), 4, "{part}: {lists:?}");
        assert_ne!(lists[3], "", "{part}");
    }
    // The glossary's documents are listed as lowered, nothing else is.
    let manifest = load_index(&out);
    let lowered = manifest["lowered"].as_array().expect("lowered runs");
    assert_eq!(lowered.len(), 1, "{lowered:?}");
    assert_eq!(lowered[0][1], 1, "the glossary has one document");
}

#[test]
fn search_lower_must_be_true_or_false() {
    let site = Site::fixture("basic");
    site.write(
        "content/begrippen.md",
        "+++\ntitle = \"Begrippen\"\n[extra]\nsearch_lower = \"ja\"\n+++\nTekst.\n",
    );
    let errors = site.errors().join("\n");
    assert!(errors.contains("begrippen.md:4"), "{errors}");
    assert!(
        errors.contains("search_lower moet true of false zijn"),
        "{errors}"
    );
}
