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
    // The link error comes in the same run: the later stages check what could be read.
    assert_eq!(
        site.errors(),
        [
            "content/_index.md:4:1: link naar `@/bestaat-niet.md`: er is geen pagina content/bestaat-niet.md",
            "content/a.md:2:9: tekst moet tussen aanhalingstekens staan",
            "content/b.md:1:1: de pagina begint niet met front matter",
            "content/c.md:1:1: de front matter wordt niet afgesloten",
            "content/d.md:3:10: verkeerd soort waarde: tekst \"zwaar\" waar een geheel getal hoort",
            "content/e.md:4:6: het bestand is geen geldige UTF-8-tekst",
        ]
    );
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
    assert_eq!(
        site.errors(),
        [
            "content/groot.md: het bestand is te groot (de grens is 16 MB)",
            "content/leeg.md:1:1: de pagina begint niet met front matter",
        ]
    );
}

#[test]
fn two_pages_writing_the_same_file_are_an_error() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("content/Mijn pagina.md", &page("Een", "")),
        ("content/mijn-pagina.md", &page("Twee", "")),
    ]);
    assert_eq!(
        site.errors(),
        ["content/Mijn pagina.md: 2 bestanden schrijven allemaal naar mijn-pagina.html: content/Mijn pagina.md, content/mijn-pagina.md"]
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

#[cfg(unix)]
mod special_files {
    use super::*;
    use std::os::unix::fs::symlink;

    fn errors_of_check_and_build(site: &Site) -> Vec<String> {
        let check = leerrecht::check(site.root(), Default::default());
        let check: Vec<String> = match check {
            Ok(_) => Vec::new(),
            Err(d) => d.iter().map(|d| d.location() + ": " + &d.message).collect(),
        };
        assert_eq!(site.errors(), check, "check finds what build finds");
        check
    }

    /// Reproduced: a FIFO in content/ hung the build forever; a link to /dev/zero read until
    /// memory ran out. Only regular files are read, and every read is bounded.
    #[test]
    fn fifos_and_devices_are_refused_by_name() {
        let site = Site::new(&[("content/_index.md", &page("Start", "Hallo."))]);
        let fifo = site.root().join("content/pijp.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        symlink("/dev/zero", site.root().join("content/nul.md")).unwrap();
        let errors = errors_of_check_and_build(&site);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("content/pijp.md") && e.contains("pijp (FIFO)")),
            "{errors:?}"
        );
        // /dev/zero is outside the site: the link rule names it first.
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("content/nul.md") && e.contains("buiten de map")),
            "{errors:?}"
        );
    }

    /// Reproduced: content/host.txt -> /etc/hostname published that file; symlinks in static/
    /// were skipped without a word; a link to a folder passed `check` and failed `build`.
    #[test]
    fn one_symlink_rule_for_every_source_folder() {
        let site = Site::new(&[
            ("content/_index.md", &page("Start", "Hallo.")),
            ("content/echt.txt", "echt"),
            ("static/css/eigen.css", "body {}"),
        ]);
        symlink("/etc/hostname", site.root().join("content/host.txt")).unwrap();
        symlink("/etc/hostname", site.root().join("static/host.txt")).unwrap();
        symlink(site.root().join("content"), site.root().join("content/lus")).unwrap();
        let errors = errors_of_check_and_build(&site);
        assert_eq!(
            errors
                .iter()
                .map(|e| e.split(':').next().unwrap_or(""))
                .collect::<Vec<_>>(),
            ["content/host.txt", "content/lus", "static/host.txt"],
            "{errors:?}"
        );
        assert!(errors[1].contains("naar een map"), "{errors:?}");
        // Links to files inside the site are followed, in static/ as in content/.
        std::fs::remove_file(site.root().join("content/host.txt")).unwrap();
        std::fs::remove_file(site.root().join("static/host.txt")).unwrap();
        std::fs::remove_file(site.root().join("content/lus")).unwrap();
        symlink(
            site.root().join("content/echt.txt"),
            site.root().join("content/ook.txt"),
        )
        .unwrap();
        symlink(
            site.root().join("static/css/eigen.css"),
            site.root().join("static/css/ook.css"),
        )
        .unwrap();
        site.build_ok();
        assert_eq!(site.read("ook.txt"), "echt");
        // A stylesheet arrives compacted (src/assets/css_compact.rs).
        assert_eq!(site.read("css/ook.css"), "body{}\n");
    }
}

/// Reproduced: relative links to missing files and images, links out of the site, external
/// images, a relative menu address and a `base_url` that runs code all passed the build.
#[test]
fn links_that_would_break_are_refused_with_their_line() {
    let site = Site::new(&[
        (
            "site.toml",
            "title = \"T\"\nbase_url = \"javascript:alert(1)\"\n\n[[menu]]\nname = \"Privacy\"\nurl = \"over/privacy.html\"\n",
        ),
        (
            "content/_index.md",
            &page(
                "Start",
                "[weg](bijlage.pdf) ![plaatje](img/weg.png) [site](../site.toml)\n\n![extern](https://example.org/a.png) [ok](echt.txt) [ook](./echt.txt) [map](regio/)\n",
            ),
        ),
        ("content/echt.txt", "echt"),
        ("content/regio/_index.md", &page("Regio", "[terug](../echt.txt) [pagina](../index.html)")),
    ]);
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "config errors come first: {errors:?}");
    assert!(
        errors[0].starts_with("site.toml:2:12: base_url `javascript:alert(1)` is geen webadres"),
        "{errors:?}"
    );
    site.write(
        "site.toml",
        "title = \"T\"\n\n[[menu]]\nname = \"Privacy\"\nurl = \"over/privacy.html\"\n",
    );
    assert_eq!(
        site.errors(),
        [
            "content/_index.md:4:1: link naar `bijlage.pdf`: de site heeft geen bestand bijlage.pdf",
            "content/_index.md:4:20: link naar `img/weg.png`: de site heeft geen bestand img/weg.png",
            "content/_index.md:4:44: link naar `../site.toml` wijst buiten de map content/",
            "content/_index.md:6:1: de afbeelding `https://example.org/a.png` komt van een andere site; de pagina's laden niets van elders",
            "site.toml:5:7: menu-adres `over/privacy.html` is relatief; het menu staat op elke pagina, ook in submappen, en zou daar niet werken",
        ]
    );
}

/// Reproduced: a 251-character file name passed `check`, and `build` then blamed the output
/// folder ("disk full?"). The planned output name is checked, naming the input.
#[test]
fn an_output_name_too_long_for_the_file_system_is_found_by_check() {
    let long = format!("{}.md", "a".repeat(251));
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "Hallo.")),
        (&format!("content/{long}"), &page("Lang", "Tekst.")),
    ]);
    let check = leerrecht::check(site.root(), Default::default());
    let errors: Vec<String> = check
        .err()
        .map(|d| d.iter().map(|d| d.message.clone()).collect())
        .unwrap_or_default();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("te lang (256 bytes"), "{errors:?}");
}

/// Reproduced: a bad link, a bad template and a bad front matter in one site listed 1 of 3;
/// five problems needed three builds. Every stage now runs on what the earlier ones could
/// read, and a link to the page that could not be read is not reported a second time.
#[test]
fn every_problem_of_every_stage_in_one_run() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "[kapot](@/kapot.md) [weg](@/bestaat-niet.md)")),
        ("content/kapot.md", "+++\ntitel = \"Kapot\"\n+++\n"),
        ("content/ander.md", "+++\ntitle = \"Ander\"\ntemplate = \"geen.html\"\n+++\n![x](https://example.org/x.png)\n"),
        ("templates/stuk.html", "{% if %}"),
        ("checklists/stuk.toml", "id = \"stuk\"\nversion = "),
    ]);
    let errors = site.errors();
    let files: Vec<&str> = errors
        .iter()
        .map(|e| e.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(
        files,
        [
            "checklists/stuk.toml",
            "content/_index.md",
            "content/ander.md",
            "content/ander.md",
            "content/kapot.md",
            "templates/stuk.html",
        ],
        "{errors:#?}"
    );
    assert!(errors[1].contains("bestaat-niet.md"), "{errors:#?}");
}

/// Reproduced: messages carried the TOML library's English ("expected i64", "recursion
/// limit" without a line). Every one of these is Dutch and names a line.
#[test]
fn toml_mistakes_are_told_in_dutch_with_a_line() {
    let deep = format!("[{}]\n", vec!["a"; 1000].join("."));
    for front in [
        "title = zwaar",
        "title = \"A\"\nweight = \"zwaar\"",
        "title = \"A\"\ndraft = 3",
        "title = \"A",
        "title \"A\"",
        "title = \"A\"\n[extra\nx = 1",
        &format!("title = \"A\"\n{deep}"),
    ] {
        let site = Site::new(&[("content/_index.md", &format!("+++\n{front}\n+++\n"))]);
        let errors = site.errors();
        assert_eq!(errors.len(), 1, "{front:?}: {errors:?}");
        let error = &errors[0];
        assert!(error.starts_with("content/_index.md:"), "{error}");
        for english in ["expected", "invalid", "recursion", "string", "quoted"] {
            assert!(!error.contains(english), "{front:?}: {error}");
        }
    }
}
