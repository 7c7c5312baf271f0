//! `sitemap.html` lists every page (readers use it as a second way in, the browser tests visit
//! every page from it); `sitemap.xml` is written only when a `base_url` makes absolute
//! addresses possible.

use crate::common;

use common::{page, Site};

fn site(extra_config: &str) -> Site {
    Site::new(&[
        ("site.toml", &format!("title = \"Proef\"\n{extra_config}")),
        ("content/_index.md", &page("Start", "")),
        ("content/los.md", &page("Losse pagina", "")),
        ("content/regio/_index.md", &page("Regio's", "")),
        ("content/regio/lekstroom.md", &page("Lekstroom & co", "")),
        ("content/regio/diep/waterland.md", &page("Waterland", "")),
    ])
}

#[test]
fn the_site_map_links_every_page_and_section_relatively() {
    let site = site("");
    site.build_ok();
    let html = site.read("sitemap.html");
    for (href, title) in [
        ("index.html", "Start"),
        ("los.html", "Losse pagina"),
        ("regio/index.html", "Regio&#39;s"),
        ("regio/lekstroom.html", "Lekstroom &amp; co"),
        ("regio/diep/index.html", "Diep"),
        ("regio/diep/waterland.html", "Waterland"),
    ] {
        assert!(
            html.contains(&format!("<a href=\"{href}\">{title}</a>")),
            "{href} missing in\n{html}"
        );
    }
    assert!(site.read("los.html").contains("href=\"sitemap.html\""));
    assert!(site
        .read("regio/lekstroom.html")
        .contains("href=\"../sitemap.html\""));
    assert!(!site.out().join("sitemap.xml").exists());
}

#[test]
fn with_a_base_url_sitemap_xml_lists_absolute_addresses() {
    let site = site("base_url = \"https://example.org/handboek/\"\n");
    site.build_ok();
    let xml = site.read("sitemap.xml");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    for loc in [
        "https://example.org/handboek/index.html",
        "https://example.org/handboek/regio/index.html",
        "https://example.org/handboek/regio/lekstroom.html",
        "https://example.org/handboek/regio/diep/waterland.html",
    ] {
        assert!(
            xml.contains(&format!("<loc>{loc}</loc>")),
            "{loc} in\n{xml}"
        );
    }
    assert_eq!(xml.matches("<url>").count(), 6);
}
