//! The workshop, Rust side: every instrument with answers gets a short participant page beside
//! its own page, the workshop page lists those instruments with their data script and
//! participant page, and a content page that claims the same address is an error.

use crate::common;

use common::{page, Site};

#[test]
fn an_instrument_gets_a_participant_page_with_its_form_and_the_code_button() {
    let site = Site::fixture("workshop");
    site.build_ok();
    let html = site.read("instrumenten/proef-deelnemen.html");
    assert!(html.contains("<title>Meedoen: Proefvragen · Proefworkshop</title>"));
    assert!(
        html.contains("Content-Security-Policy"),
        "the same strict CSP"
    );
    assert!(html.contains(r#"<script src="../instrumenten/proef.js" defer></script>"#));
    assert!(html.contains(r#"<script src="../js/workshop-deelnemen.js" defer></script>"#));
    assert!(html.contains(r#"data-site="proefworkshop" data-instrument="proef" data-version="3""#));
    assert!(html.contains(r#"name="antwoord-termijn" value="goed""#));
    assert!(html.contains("Een <em>vaste</em> termijn helpt."));
    assert!(html.contains(r#"id="toon-code""#));
    assert!(html.contains(r#"href="../instrumenten/proef.html""#));
    // Notes never travel in a share code, so the participant page does not ask for them; the
    // definition comes from the data script, not from JSON in the page.
    assert!(!html.contains("notitie-"));
    assert!(!html.contains("instrument-data"));
    assert!(site
        .read("js/workshop-deelnemen.js")
        .contains("leerrechtInstrumenten"));
}

#[test]
fn the_workshop_page_lists_instruments_with_data_script_and_participant_page() {
    let site = Site::fixture("workshop");
    site.build_ok();
    let html = site.read("workshop.html");
    assert!(html.contains(
        r#"<input type="radio" name="instrument" id="instrument-proef" value="proef" data-data="instrumenten/proef.js" data-join="instrumenten/proef-deelnemen.html" data-page="instrumenten/proef.html">"#
    ));
    assert!(html.contains(r#"<script src="js/workshop.js" defer></script>"#));
    assert!(html.contains(r#"data-site="proefworkshop" data-root="""#));
    assert!(site.read("css/workshop.css").contains(".projectie"));
}

#[test]
fn the_default_handbook_has_participant_pages_for_every_kind_but_the_werkagenda() {
    let out = tempfile::tempdir().expect("temp dir");
    if let Err(d) = leerrecht::build(&common::repo_root(), out.path(), Default::default()) {
        panic!("build failed:\n{}", d.render());
    }
    let dir = out.path().join("instrumenten");
    for id in [
        "tien-punten",
        "toetsvragen-verzuimprotocol",
        "routekaart",
        "inventarisatie-verzuim",
    ] {
        assert!(dir.join(format!("{id}-deelnemen.html")).is_file(), "{id}");
    }
    assert!(!dir.join("basis-werkagenda-deelnemen.html").exists());
    let workshop = std::fs::read_to_string(out.path().join("workshop.html")).expect("workshop");
    assert!(workshop.contains(r#"value="routekaart""#));
    assert!(!workshop.contains(r#"value="basis-werkagenda""#));
}

#[test]
fn a_page_at_the_participant_address_is_an_error_that_names_both() {
    let site = Site::fixture("workshop");
    site.write(
        "content/instrumenten/proef-deelnemen.md",
        &page(
            "Dubbel",
            "Deze pagina staat waar de deelnemerspagina moet komen.",
        ),
    );
    assert_eq!(
        site.errors(),
        ["content/instrumenten/proef-deelnemen.md: 2 bestanden schrijven allemaal naar instrumenten/proef-deelnemen.html: content/instrumenten/proef-deelnemen.md, checklists/proef.toml"]
    );
}
