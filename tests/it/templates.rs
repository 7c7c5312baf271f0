//! Point 3: templates from `templates/` with autoescape, the built-in set as fallback, and
//! errors that name the template and line.

use crate::common;

use common::{page, Site};

#[test]
fn built_in_templates_give_a_complete_accessible_layout() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "Welkom.")),
        ("content/aanpak/_index.md", &page("Aanpak", "")),
        (
            "content/aanpak/a.md",
            &page("Een pagina", "## Kop\n\nTekst.\n\n## Twee\n"),
        ),
    ]);
    site.build_ok();
    let html = site.read("aanpak/a.html");
    for needle in [
        "<html lang=\"nl\">",
        "class=\"springlink\" href=\"#inhoud\"",
        "<main id=\"inhoud\"",
        "aria-label=\"Kruimelpad\"",
        "aria-label=\"Hoofdmenu\"",
        "aria-current=\"page\">Een pagina</a>",
        "Content-Security-Policy",
        "<footer",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    assert!(site.read("404.html").contains("Deze pagina bestaat niet"));
    assert!(site.read("index.html").contains("Alle onderdelen"));
}

#[test]
fn values_are_escaped() {
    let site = Site::new(&[(
        "content/_index.md",
        "+++\ntitle = \"<script>alert(1)</script>\"\ndescription = \"a\\\" onload=\\\"x\"\n+++\n",
    )]);
    site.build_ok();
    let html = site.read("index.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("\" onload=\""));
}

#[test]
fn site_templates_override_built_in_ones() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("templates/home.html", "eigen {{ page.title }}"),
    ]);
    site.build_ok();
    assert_eq!(site.read("index.html"), "eigen Start");
}

#[test]
fn missing_template_is_named_at_the_front_matter_line() {
    let site = Site::new(&[(
        "content/_index.md",
        "+++\ntitle = \"Start\"\ntemplate = \"bestaat-niet.html\"\n+++\n",
    )]);
    let errors = site.errors();
    assert_eq!(
        errors,
        ["content/_index.md:3:12: het sjabloon `bestaat-niet.html` bestaat niet"]
    );
}

#[test]
fn broken_template_syntax_names_template_and_line() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        (
            "templates/home.html",
            "<p>\n{% if page.title %}\n<b>{{ page.title }</b>\n",
        ),
    ]);
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("templates/home.html:3:"),
        "{errors:?}"
    );
}

#[test]
fn undefined_variable_is_an_error_not_an_empty_string() {
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("templates/home.html", "a\n{{ page.titel }}\n"),
    ]);
    let errors = site.errors();
    assert!(
        errors[0].starts_with("templates/home.html:2:"),
        "{errors:?}"
    );
}
