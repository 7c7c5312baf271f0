//! No input makes the generator panic, and every error names a file: random front matter,
//! Markdown with links, and instrument definitions, built through the whole pipeline.

use crate::common;

use common::{page, Site};
use proptest::prelude::*;

/// Build and check the outcome: success, or errors that each name a file of the site.
fn assert_graceful(site: &Site) {
    match site.build() {
        Ok(_) => {}
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            for d in diagnostics.iter() {
                assert!(!d.file.as_os_str().is_empty(), "error without a file: {d}");
                let _ = d.render();
            }
        }
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+++".to_string()),
        Just("title = \"T\"".to_string()),
        Just("[extra]".to_string()),
        Just("weight = ".to_string()),
        Just("[x](@/a.md#kop)".to_string()),
        Just("[y](@/../b.md)".to_string()),
        Just("## Kop".to_string()),
        Just("> [!NOTE]".to_string()),
        Just("| a | b |\n|---|".to_string()),
        Just("[^1]".to_string()),
        Just("\"\"\"".to_string()),
        Just("{#".to_string()),
        "[^\\x00]{0,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..12).prop_map(|parts| parts.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn random_pages_never_panic(a in text(), b in text()) {
        let site = Site::new(&[("content/_index.md", &page("Start", "")), ("content/a.md", &a), ("content/b.md", &page("B", &b))]);
        assert_graceful(&site);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let site = Site::new(&[("content/_index.md", &page("Start", ""))]);
        site.write_bytes("content/x.md", &bytes);
        site.write_bytes("checklists/x.toml", &bytes);
        assert_graceful(&site);
    }

    #[test]
    fn random_instruments_never_panic(lines in prop::collection::vec(prop_oneof![
        Just("id = \"x\"".to_string()),
        Just("version = 1".to_string()),
        Just("title = \"X\"".to_string()),
        Just("kind = \"checklist\"".to_string()),
        Just("kind = \"routekaart\"".to_string()),
        Just("kind = \"inventarisatie\"".to_string()),
        Just("[[scale]]\nid = \"ja\"\nlabel = \"Ja\"\npoints = 1".to_string()),
        Just("[[themes]]\nid = \"t\"\ntitle = \"T\"".to_string()),
        Just("[[items]]\nid = \"i\"\ntheme = \"t\"\nquestion = \"?\"\nweight = -1".to_string()),
        Just("[[bands]]\nfrom = 0\nto = 100\nlabel = \"a\"\nmessage = \"b\"".to_string()),
        Just("[[bands]]\nfrom = 60\nto = 20\nlabel = \"a\"\nmessage = \"b\"".to_string()),
        Just("[[steps]]\nid = \"s\"\ntitle = \"S\"".to_string()),
        Just("[[partners]]\nid = \"p\"\ntitle = \"P\"".to_string()),
        Just("[[guidance]]\nstep = \"s\"\npartner = \"q\"\nrole = \"regie\"".to_string()),
        Just("[[fields]]\nid = \"f\"\nlabel = \"F\"".to_string()),
        Just("[[derived]]\nkind = \"ratio\"\nid = \"r\"\nlabel = \"R\"\nnumerator = \"f\"\ndenominator = \"g\"".to_string()),
        Just("[[checks]]\npart = \"f\"\nwhole = \"r\"\nmessage = \"m\"".to_string()),
        Just("intro = \"[a](@/weg.md)\"".to_string()),
    ], 0..14)) {
        let site = Site::new(&[("content/_index.md", &page("Start", "")), ("checklists/x.toml", &lines.join("\n"))]);
        assert_graceful(&site);
    }
}

/// Reproduced: one word of 12 000 letters (in text, a heading or a code block) overflowed the
/// stack while the search index was dropped, and the build aborted. Tokens are now capped.
#[test]
fn very_long_words_lines_and_headings_build() {
    let word = "a".repeat(12_000);
    let base64 = "QUJD".repeat(3_000);
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "Welkom.")),
        (
            "content/woord.md",
            &page("Woord", &format!("Een {word} hier.")),
        ),
        (
            "content/kop.md",
            &page("Kop", &format!("## {word}\n\nTekst.")),
        ),
        (
            "content/code.md",
            &page("Code", &format!("```\n{base64}\n```\n")),
        ),
    ]);
    site.build_ok();
    assert!(site.read("woord.html").contains(&word));
}
