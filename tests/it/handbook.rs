//! The default handbook's structure: every region page carries the front matter the
//! comparison page is generated from, and the comparison lists every region; every glossary
//! anchor that is linked exists and every abbreviation used has its entry; every instrument
//! validates and has the size the handbook promises.

use crate::common;

#[test]
fn region_pages_have_their_structured_fields_and_appear_in_the_comparison() {
    let root = common::repo_root();
    let out = tempfile::tempdir().unwrap();
    leerrecht::build(&root, out.path(), Default::default())
        .unwrap_or_else(|d| panic!("{}", d.render()));
    let comparison = std::fs::read_to_string(out.path().join("regio/vergelijking.html")).unwrap();
    let mut regions = 0;
    for entry in std::fs::read_dir(root.join("content/regio"))
        .unwrap()
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let front = text.split("+++").nth(1).unwrap_or_default();
        let table: toml::Table = toml::from_str(front).unwrap();
        let Some(extra) = table.get("extra").and_then(|e| e.as_table()) else {
            continue;
        };
        let Some(region) = extra.get("region").and_then(|r| r.as_str()) else {
            continue;
        };
        regions += 1;
        for key in ["coordination", "escalation"] {
            assert!(
                extra
                    .get(key)
                    .and_then(|v| v.as_str())
                    .is_some_and(|s| !s.is_empty()),
                "{region}: {key}"
            );
        }
        for key in ["partners", "themes"] {
            assert!(
                extra
                    .get(key)
                    .and_then(|v| v.as_array())
                    .is_some_and(|a| !a.is_empty()),
                "{region}: {key}"
            );
        }
        if let Some(weeks) = extra.get("ambition_weeks") {
            assert!(
                weeks.as_integer().is_some_and(|w| w > 0),
                "{region}: ambition_weeks"
            );
        }
        assert!(
            comparison.contains(&format!(">{region}</a></th>")),
            "{region} missing from the comparison"
        );
    }
    assert!(regions >= 4, "only {regions} region pages");
}

fn built_handbook() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    leerrecht::build(&common::repo_root(), out.path(), Default::default())
        .unwrap_or_else(|d| panic!("{}", d.render()));
    out
}

/// Every `.html` file of the output, as (path relative to the output, text).
fn html_files(out: &std::path::Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The ids in a page, read from its `id="..."` attributes.
fn ids(html: &str) -> std::collections::BTreeSet<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The glossary's entries: `### Term {#anchor}` headings.
fn glossary_terms() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(common::repo_root().join("content/begrippen.md")).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("### "))
        .filter_map(|l| l.split_once(" {#"))
        .map(|(term, anchor)| (term.to_string(), anchor.trim_end_matches('}').to_string()))
        .collect()
}

#[test]
fn every_linked_glossary_anchor_exists() {
    let out = built_handbook();
    let pages = html_files(out.path());
    let glossary = ids(&pages.iter().find(|(p, _)| p == "begrippen.html").unwrap().1);
    let mut links = 0;
    for (path, html) in &pages {
        for rest in html.split("begrippen.html#").skip(1) {
            let anchor = rest.split('"').next().unwrap();
            links += 1;
            assert!(
                glossary.contains(anchor),
                "{path} links to begrippen.html#{anchor}, which does not exist"
            );
        }
    }
    assert!(links > 100, "only {links} links into the glossary");
    for (term, anchor) in glossary_terms() {
        assert!(glossary.contains(&anchor), "{term}: no #{anchor}");
    }
}

/// Words that look like abbreviations but are not terms of the handbook.
const NOT_TERMS: &[&str] = &[
    "NOTE",
    "TIP",
    "IMPORTANT",
    "WARNING",
    "CAUTION", // callout markers
    "README",  // named in comments of the instrument files
    "AA",      // the WCAG level, explained at WCAG
    "ZL",      // part of "M@ZL", explained at MAZL
    "PHR",     // part of a case number (ECLI:NL:PHR:...)
    "GGDRU",   // the GGD regio Utrecht, written out where it is used
];

#[test]
fn every_abbreviation_in_the_handbook_has_a_glossary_entry() {
    let terms: Vec<String> = glossary_terms().into_iter().map(|(t, _)| t).collect();
    // `J&G-coach` knows both `J&G-coach` and `J&G`; `Jeugdgezondheidszorg (JGZ)` knows `JGZ`;
    // the entry `Vso` knows `vso` and `VSO`.
    let known = |word: &str| {
        terms.iter().any(|t| {
            t.split([' ', '(', ')', ','])
                .flat_map(|w| std::iter::once(w).chain(w.split('-')))
                .any(|w| w == word || (w.len() <= 3 && w.eq_ignore_ascii_case(word)))
        })
    };
    let root = common::repo_root();
    let mut missing = std::collections::BTreeSet::new();
    for dir in ["content", "checklists"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for word in abbreviations(&text) {
                if !known(&word) && !NOT_TERMS.contains(&word.as_str()) {
                    missing.insert(format!("{word} ({})", entry.path().display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "not in the glossary: {missing:?}");
    for required in [
        "OOGO",
        "SWV",
        "RMC",
        "J&G-coach",
        "JGZ",
        "MAZL",
        "VSV",
        "vso",
        "PrO",
    ] {
        assert!(known(required), "{required} missing from the glossary");
    }
}

/// Words of two or more capitals (`OOGO`, `J&G`, `PrO`), outside link targets and ids.
fn abbreviations(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut depth = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // Skip `(...)` right after `]` (link targets) and `{#...}` (heading ids).
        if depth == 0
            && ((c == ']' && chars.peek() == Some(&'('))
                || (c == '{' && chars.peek() == Some(&'#')))
        {
            depth = 1;
            chars.next();
            continue;
        }
        if depth > 0 {
            if c == ')' || c == '}' {
                depth = 0;
            }
            continue;
        }
        prose.push(c);
    }
    prose
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| {
            // Mostly capitals: `OOGO`, `PrO`; not `JavaScript`.
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            let lower = w.chars().filter(|c| c.is_lowercase()).count();
            let first = w.chars().next().is_some_and(char::is_uppercase);
            first && upper >= 2 && upper >= lower && !w.chars().any(|c| c.is_ascii_digit())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_instruments_have_the_size_the_handbook_promises() {
    let out = built_handbook();
    let json = |id: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(out.path().join(format!("instrumenten/{id}.json")))
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        serde_json::from_str(&text).unwrap()
    };
    let len = |v: &serde_json::Value, key: &str| v[key].as_array().map_or(0, Vec::len);

    let checklist = json("tien-punten");
    assert_eq!(len(&checklist, "items"), 10);
    let toetsvragen = json("toetsvragen-verzuimprotocol");
    assert!(len(&toetsvragen, "items") >= 24);
    assert!(len(&toetsvragen, "themes") >= 6);
    // Every question says why it matters; every checklist point names its source (a
    // toetsvraag only where there is a legal basis).
    for scored in [&checklist, &toetsvragen] {
        for item in scored["items"].as_array().unwrap() {
            let id = &item["id"];
            assert!(
                item["explanation"].as_str().is_some_and(|s| s.len() > 40),
                "{id}: explanation"
            );
        }
    }
    for item in checklist["items"].as_array().unwrap() {
        assert!(
            item["source"].as_str().is_some_and(|s| !s.is_empty()),
            "{}: source",
            item["id"]
        );
    }
    let route = json("routekaart");
    assert!(len(&route, "steps") >= 8);
    assert!(len(&route, "partners") >= 7);
    for step in route["steps"].as_array().unwrap() {
        assert!(
            step["description"].as_str().is_some_and(|s| !s.is_empty()),
            "{}",
            step["id"]
        );
    }
    assert!(
        len(&route, "guidance") >= len(&route, "steps"),
        "guidance for every step"
    );
    let inventory = json("inventarisatie-verzuim");
    for field in inventory["fields"].as_array().unwrap() {
        assert!(
            field["definition"].as_str().is_some_and(|s| !s.is_empty()),
            "{}",
            field["id"]
        );
    }
    let agenda = json("basis-werkagenda");
    let themes: Vec<&str> = agenda["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        themes,
        [
            "Het kind centraal",
            "Samenwerking met ouders",
            "Maatwerk",
            "Hoe eerder hoe beter",
            "Het systeem ondersteunt"
        ]
    );
    for action in agenda["actions"].as_array().unwrap() {
        for key in ["action", "goal", "owner"] {
            assert!(
                action[key].as_str().is_some_and(|s| !s.is_empty()),
                "{action}: {key}"
            );
        }
    }
}
