//! Point 1 and 7 of the generator issue: the site folder, front matter, sections, and every
//! kind of bad input reported with file and line, all of them at once, without a panic.

use crate::common;

use common::{page, Site};

#[test]
fn sections_and_pages_sort_by_weight_then_title() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "Hoi")),
        ("content/regio/_index.md", "+++\ntitle = \"Regio's\"\n+++\n"),
        (
            "content/regio/b.md",
            "+++\ntitle = \"Bravo\"\nweight = 1\n+++\n",
        ),
        (
            "content/regio/a.md",
            "+++\ntitle = \"Alfa\"\nweight = 2\n+++\n",
        ),
        (
            "content/regio/c.md",
            "+++\ntitle = \"Charlie\"\nweight = 1\n+++\n",
        ),
        (
            "content/regio/concept.md",
            "+++\ntitle = \"Concept\"\ndraft = true\n+++\n",
        ),
    ]);
    site.build_ok();
    let section = site.read("regio/index.html");
    let order: Vec<usize> = ["Bravo", "Charlie", "Alfa"]
        .iter()
        .map(|t| section.find(&format!(">{t}</a>")).expect(t))
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "order by weight, then title: {order:?}"
    );
    assert!(
        !site.out().join("regio/concept.html").exists(),
        "drafts are not built"
    );
}

#[test]
fn extra_table_reaches_templates_and_folders_without_index_get_a_title() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        (
            "content/rollen-en-taken/a.md",
            "+++\ntitle = \"A\"\n[extra]\nregion = \"Lekstroom\"\nambition_weeks = 6\n+++\n",
        ),
        (
            "templates/page.html",
            "{{ page.extra.region }} {{ page.extra.ambition_weeks }}",
        ),
    ]);
    site.build_ok();
    assert_eq!(site.read("rollen-en-taken/a.html"), "Lekstroom 6");
    assert!(site
        .read("rollen-en-taken/index.html")
        .contains("Rollen en taken"));
}

#[test]
fn unknown_front_matter_key_is_an_error_with_line_and_hint() {
    let site = Site::new(&[(
        "content/_index.md",
        "+++\ntitle = \"Start\"\ntitel = \"typfout\"\n+++\n",
    )]);
    let err = site.build().unwrap_err();
    let d = err.iter().next().unwrap();
    assert_eq!(
        d.to_string(),
        "content/_index.md:3:1: onbekende sleutel `titel`"
    );
    assert!(d.hint.as_deref().unwrap().contains("[extra]"));
    let rendered = err.render();
    assert!(
        rendered.contains("titel = \"typfout\""),
        "source excerpt shown:\n{rendered}"
    );
}

#[test]
fn every_problem_of_a_build_is_reported() {
    let site = Site::new(&[
        (
            "content/_index.md",
            &page("Start", "[weg](@/bestaat-niet.md)"),
        ),
        ("content/a.md", "+++\ntitle = \n+++\n"),
        ("content/b.md", ""),
        ("content/c.md", "+++\ntitle = \"C\"\n"),
        (
            "content/d.md",
            "+++\ntitle = \"D\"\nweight = \"zwaar\"\n+++\n",
        ),
    ]);
    site.write_bytes(
        "content/e.md",
        b"+++\ntitle = \"E\"\n+++\nfout \xff\xfe hier\n",
    );
    let errors = site.errors();
    for expected in [
        "content/a.md:2:",
        "content/b.md:1:1: de pagina begint niet met front matter",
        "content/c.md:1:1: de front matter wordt niet afgesloten",
        "content/d.md:3:",
        "content/e.md:4:",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "missing {expected:?} in {errors:#?}"
        );
    }
    // The link error needs the whole site loaded, so it comes in the next round, once the
    // syntax errors are fixed; every syntax error is there already.
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn malformed_site_toml_names_its_line() {
    let site = Site::new(&[
        ("site.toml", "title = \"X\"\nsearch = misschien\n"),
        ("content/_index.md", &page("S", "")),
    ]);
    let errors = site.errors();
    assert!(errors[0].starts_with("site.toml:2:"), "{errors:?}");
    let site = Site::new(&[
        ("site.toml", "title = \"X\"\nlanguage = \"en\"\n"),
        ("content/_index.md", &page("S", "")),
    ]);
    assert!(site.errors()[0].starts_with("site.toml:2:"));
    let site = Site::new(&[("site.toml", "titel = \"X\"\n")]);
    assert!(site.errors()[0].contains("titel"));
}

#[test]
fn missing_site_toml_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let err =
        leerrecht::build(dir.path(), &dir.path().join("public"), Default::default()).unwrap_err();
    let d = err.iter().next().unwrap();
    assert!(d.message.contains("site.toml"));
    assert!(d.hint.as_deref().unwrap().contains("leerrecht new"));
}

#[test]
fn empty_and_huge_files_do_not_panic() {
    let huge = format!(
        "+++\ntitle = \"Groot\"\n+++\n{}",
        "Een thuiszitter zit thuis. ".repeat(700_000)
    );
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("content/leeg.md", ""),
        ("content/groot.md", &huge),
    ]);
    let errors = site.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("content/groot.md") && e.contains("te groot")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("content/leeg.md:1:1")),
        "{errors:?}"
    );
}

#[test]
fn two_pages_writing_the_same_file_are_an_error() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("content/Mijn pagina.md", &page("Een", "")),
        ("content/mijn-pagina.md", &page("Twee", "")),
    ]);
    let errors = site.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("mijn-pagina.html") && e.contains("2 bestanden")),
        "{errors:?}"
    );
}

#[test]
fn editor_leftovers_are_ignored() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("content/.a.md.swp", "rommel"),
        ("content/a.md~", "rommel"),
    ]);
    site.build_ok();
}
