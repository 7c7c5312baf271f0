//! Issue 16.1: a page's weight does not grow with the size of its section. The section menu
//! lists a bounded number of neighbours; a long section's index continues on numbered pages.

use crate::common::{self, Site};

/// A site with one section of `n` pages named `p-000.md`, …
fn section_of(n: usize) -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/groot/_index.md",
        &common::page("Groot", "De grote sectie."),
    );
    for i in 0..n {
        site.write(
            &format!("content/groot/p-{i:03}.md"),
            &format!("+++\ntitle = \"Pagina {i:03}\"\nweight = {i}\n+++\nTekst {i}.\n"),
        );
    }
    site
}

fn menu_links(html: &str) -> usize {
    let start = html.find("class=\"sectiemenu\"").expect("section menu");
    let end = start + html[start..].find("</nav>").expect("menu end");
    html[start..end].matches("<li").count()
}

#[test]
fn a_small_section_lists_every_page() {
    let site = section_of(13);
    site.build_ok();
    let html = site.read("groot/p-006.html");
    assert_eq!(menu_links(&html), 13);
    assert!(!html.contains("sectiemenu__alle"));
}

#[test]
fn a_long_section_lists_the_neighbours_the_first_and_the_last() {
    let site = section_of(250);
    site.build_ok();
    let middle = site.read("groot/p-120.html");
    assert_eq!(menu_links(&middle), 13, "first, 5 + current + 5, last");
    // Within its own folder, the menu links by file name.
    for near in ["p-000", "p-115", "p-120", "p-125", "p-249"] {
        assert!(middle.contains(&format!("href=\"{near}.html\"")), "{near}");
    }
    assert!(!middle.contains("p-114.html"));
    assert!(middle.contains("Alle 250 pagina's van Groot"));
    // The page at the edge still lists eleven neighbours.
    assert_eq!(menu_links(&site.read("groot/p-000.html")), 12);
    // Page weight no longer depends on the section size.
    let small = section_of(20);
    small.build_ok();
    let (a, b) = (middle.len(), small.read("groot/p-010.html").len());
    assert!(a.abs_diff(b) < 64, "{a} vs {b} bytes");
}

#[test]
fn a_long_section_index_is_paged() {
    let site = section_of(250);
    site.build_ok();
    let first = site.read("groot/index.html");
    let second = site.read("groot/index-2.html");
    let third = site.read("groot/index-3.html");
    assert!(!site.out().join("groot/index-4.html").exists());
    assert_eq!(first.matches("class=\"kaart\"").count(), 100);
    assert_eq!(third.matches("class=\"kaart\"").count(), 50);
    assert!(first.contains("De grote sectie."));
    assert!(
        !second.contains("De grote sectie."),
        "text only on the first page"
    );
    assert!(second.contains("groot/p-100.html") && !second.contains(">Pagina 099<"));
    for page in [&first, &second, &third] {
        assert!(page.contains("href=\"../groot/index-2.html\""));
        assert!(page.contains("href=\"../groot/index-3.html\""));
    }
    assert!(second.contains("href=\"../groot/index-2.html\" aria-current=\"page\""));
}

#[test]
fn a_page_named_like_a_later_index_page_is_a_collision() {
    let site = section_of(150);
    site.write("content/groot/index-2.md", &common::page("Botsing", "x"));
    let errors = site.errors().join("\n");
    assert!(errors.contains("groot/index-2.html"), "{errors}");
}
