//! Point 2: Markdown features, and internal links written by source path, rewritten and
//! checked.

use crate::common;

use common::{page, Site};

fn linked_site(link: &str) -> Site {
    Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("content/protocollen/_index.md", &page("Protocollen", "")),
        (
            "content/protocollen/lekstroom.md",
            &page(
                "Lekstroom",
                "Intro.\n\n## Doel\n\nTekst.\n\n## Eigen kop {#eigen}\n",
            ),
        ),
        (
            "content/wet/artikel.md",
            &page(
                "Artikel",
                &format!("Voor de lezer:\n\nZie {link} voor meer.\n"),
            ),
        ),
    ])
}

#[test]
fn internal_links_become_relative_file_urls() {
    let site = linked_site("[doel](@/protocollen/lekstroom.md#doel), [eigen](@/protocollen/lekstroom.md#eigen), [sectie](@/protocollen/_index.md) en [start](@/_index.md)");
    site.build_ok();
    let html = site.read("wet/artikel.html");
    for href in [
        "../protocollen/lekstroom.html#doel",
        "../protocollen/lekstroom.html#eigen",
        "../protocollen/index.html",
        "../index.html",
    ] {
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "missing {href} in\n{html}"
        );
    }
}

#[test]
fn missing_page_and_missing_anchor_name_file_and_line() {
    let site = linked_site("[weg](@/protocollen/waterland.md)");
    let errors = site.errors();
    assert_eq!(errors, ["content/wet/artikel.md:6:5: link naar `@/protocollen/waterland.md`: er is geen pagina content/protocollen/waterland.md"]);

    let site = linked_site("[weg](@/protocollen/lekstroom.md#doelen)");
    let err = site.build().unwrap_err();
    let d = err.iter().next().unwrap();
    assert_eq!(d.to_string(), "content/wet/artikel.md:6:5: link naar `@/protocollen/lekstroom.md#doelen`: de pagina protocollen/lekstroom.md heeft geen kopje met id `doelen`");
    assert!(
        d.hint.as_deref().unwrap().contains("#doel"),
        "suggests the nearest id"
    );
}

#[test]
fn links_that_escape_or_bypass_the_site_are_errors() {
    for (link, expected) in [
        ("[x](@/../../etc/passwd.md)", "buiten de map content/"),
        ("[x](/protocollen/lekstroom.html)", "begint met /"),
        ("[x](../protocollen/lekstroom.md)", "zonder @/"),
        ("[x](#bestaat-niet)", "geen kopje met id"),
    ] {
        let errors = linked_site(link).errors();
        assert!(
            errors.len() == 1 && errors[0].contains(expected),
            "{link}: {errors:?}"
        );
    }
    linked_site("[x](https://example.org/a.md) [y](mailto:a@b.nl)").build_ok();
}

#[test]
fn links_that_run_code_are_refused() {
    for dest in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ] {
        let site = linked_site(&format!("[klik]({dest})"));
        let errors = site.errors();
        assert_eq!(errors.len(), 1, "{dest}: {errors:?}");
        assert!(
            errors[0].starts_with("content/wet/artikel.md:6:5: link naar `"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].ends_with("voert code uit in plaats van een pagina te openen"),
            "{}",
            errors[0]
        );
    }
    linked_site("[mail](mailto:info@example.org) en [web](https://example.org/data:x)").build_ok();
}

#[test]
fn link_to_a_draft_says_so() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "[c](@/c.md)")),
        ("content/c.md", "+++\ntitle = \"C\"\ndraft = true\n+++\n"),
    ]);
    assert!(site.errors()[0].contains("concept"));
}

#[test]
fn markdown_features_render_accessibly() {
    let body = "Intro.\n\n## Eerste kop\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] gedaan\n- [ ] nog niet\n\n~~oud~~ en een voetnoot[^1].\n\n[^1]: De bron.\n\n> [!WARNING]\n> Meld verzuim op tijd.\n\n### Tweede kop\n\n<script>document.title='x'</script>\n";
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("content/a.md", &page("A", body)),
    ]);
    site.build_ok();
    let html = site.read("a.html");
    assert!(html.contains("<h2 id=\"eerste-kop\"><a href=\"#eerste-kop\">Eerste kop</a></h2>"));
    assert!(html.contains("<table>"));
    assert!(html.contains("<del>oud</del>"));
    assert!(html.contains("footnote-reference"));
    assert!(html.contains("class=\"callout callout--waarschuwing\" role=\"note\""));
    assert!(html.contains("Let op</p>"));
    assert!(
        !html.contains("type=\"checkbox\""),
        "task list markers are text, not unlabeled inputs"
    );
    assert!(!html.contains("<script>document"), "raw HTML is escaped");
    // Table of contents lists both headings.
    let toc = &html[html.find("Op deze pagina").expect("toc")..];
    assert!(toc.find("#eerste-kop").unwrap() < toc.find("#tweede-kop").unwrap());
}

#[test]
fn content_assets_are_copied_and_linkable() {
    let site = Site::new(&[
        (
            "content/_index.md",
            &page("Start", "[pdf](@/stukken/plan.pdf)"),
        ),
        ("content/stukken/plan.pdf", "%PDF"),
    ]);
    site.build_ok();
    assert!(site
        .read("index.html")
        .contains("href=\"stukken/plan.pdf\""));
    assert_eq!(site.read("stukken/plan.pdf"), "%PDF");
}

#[test]
fn links_can_point_at_one_question_or_theme_of_an_instrument() {
    let site = Site::new(&[
        (
            "content/_index.md",
            &page(
                "Start",
                "Zie [vraag](@/checklists/mini.toml#vraag-plan) en [thema](@/checklists/mini.toml#thema-basis).",
            ),
        ),
        ("checklists/mini.toml", common::MINI_CHECKLIST),
    ]);
    site.build_ok();
    let home = site.read("index.html");
    assert!(
        home.contains("href=\"instrumenten/mini.html#vraag-plan\""),
        "{home}"
    );
    assert!(home.contains("href=\"instrumenten/mini.html#thema-basis\""));
    let form = site.read("instrumenten/mini.html");
    assert!(form.contains("id=\"vraag-plan\"") && form.contains("id=\"thema-basis\""));

    let site = Site::new(&[
        (
            "content/_index.md",
            &page(
                "Start",
                "Zie [vraag](@/checklists/mini.toml#vraag-plannen).",
            ),
        ),
        ("checklists/mini.toml", common::MINI_CHECKLIST),
    ]);
    assert_eq!(
        site.errors(),
        ["content/_index.md:4:5: link naar `@/checklists/mini.toml#vraag-plannen`: de pagina checklists/mini.toml heeft geen kopje met id `vraag-plannen`"]
    );
}

/// Reproduced: `|:--|--:|` became `style="text-align: …"`, which the pages' own CSP blocks
/// (a violation on every such page, and the alignment lost). Alignment is now a class.
#[test]
fn table_alignment_is_a_class_not_a_style() {
    let site = Site::new(&[(
        "content/_index.md",
        &page(
            "Start",
            "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n",
        ),
    )]);
    site.build_ok();
    let html = site.read("index.html");
    for expected in [
        "<th class=\"uitlijnen-links\">a</th>",
        "<th class=\"uitlijnen-midden\">b</th>",
        "<th class=\"uitlijnen-rechts\">c</th>",
        "<th>d</th>",
        "<td class=\"uitlijnen-links\">1</td>",
        "<td class=\"uitlijnen-rechts\">3</td>",
        "<td>4</td>",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    assert!(!html.contains("style="), "{html}");
}

/// No built page of the default handbook carries a style attribute or an event handler: the
/// CSP allows neither.
#[test]
fn no_page_has_style_or_event_handler_attributes() {
    let out = tempfile::tempdir().unwrap();
    leerrecht::build(&common::repo_root(), out.path(), Default::default()).unwrap();
    for entry in walkdir::WalkDir::new(out.path()).into_iter().flatten() {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let lower = html.to_lowercase();
        assert!(!lower.contains(" style="), "{}", entry.path().display());
        let handler = lower.match_indices(" on").any(|(i, _)| {
            let rest = &lower[i + 3..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase())
                .collect();
            !name.is_empty() && rest[name.len()..].starts_with('=')
        });
        assert!(
            !handler,
            "event handler attribute in {}",
            entry.path().display()
        );
    }
}
