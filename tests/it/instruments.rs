//! The instruments issue, Rust side: every validation rule fails its fixture with the exact
//! message and line; valid definitions become form pages and JSON.

use crate::common;

use common::{page, Site};

const CHECKLIST: &str = r#"id = "proef"
version = 2
title = "Proefchecklist"
kind = "checklist"
audience = ["regio"]
intro = "Lees [meer](@/_index.md)."
not_applicable = "Niet van toepassing"

[[scale]]
id = "ja"
label = "Ja"
points = 2

[[scale]]
id = "deels"
label = "Deels"
points = 1

[[scale]]
id = "nee"
label = "Nee"
points = 0

[[themes]]
id = "basis"
title = "Basis"

[[items]]
id = "een"
theme = "basis"
question = "Is er een definitie?"
explanation = "Zie *uitleg*."
source = "Leerplichtwet 1969, artikel 5 onder a"
weight = 2

[items.advice]
deels = "Maak af."
nee = "Begin."

[[bands]]
from = 0
to = 49
label = "Laag"
message = "Nog veel te doen."

[[bands]]
from = 50
to = 100
label = "Hoog"
message = "Goed bezig."
"#;

fn site_with(file: &str, text: &str) -> Site {
    Site::new(&[("content/_index.md", &page("Start", "")), (file, text)])
}

/// Build a site with the checklist after replacing `from` by `to`; return the error lines.
fn errors_after(from: &str, to: &str) -> Vec<String> {
    assert!(CHECKLIST.contains(from), "fixture lacks {from:?}");
    site_with("checklists/proef.toml", &CHECKLIST.replacen(from, to, 1)).errors()
}

#[test]
fn a_valid_checklist_becomes_a_form_page_json_and_an_overview_entry() {
    let site = site_with("checklists/proef.toml", CHECKLIST);
    site.build_ok();
    let html = site.read("instrumenten/proef.html");
    assert!(html.contains("<legend class=\"vraag__tekst\"><span class=\"vraag__nummer\">1.</span> Is er een definitie?</legend>"));
    assert!(html.contains("<input type=\"radio\" name=\"antwoord-een\" value=\"nvt\">"));
    assert!(html.contains("<label for=\"notitie-een\">"));
    assert!(html.contains("<summary>Waarom deze vraag en de bron</summary>"));
    assert!(
        html.contains("<em>uitleg</em>"),
        "explanation rendered as Markdown"
    );
    assert!(
        html.contains("href=\"../index.html\""),
        "intro links resolved"
    );
    assert!(
        html.contains("<script type=\"application/json\" id=\"instrument-data\">{\"format\":2,")
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.read("instrumenten/proef.json")).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(
        json["scale"][0]["id"], "ja",
        "scale sorted from most points"
    );
    assert_eq!(json["items"][0]["advice"]["nee"], "Begin.");
    // The data script registers exactly the same JSON, for pages that load it from file://.
    let script = site.read("instrumenten/proef.js");
    let body = script
        .strip_prefix(
            "(window.leerrechtInstrumenten = window.leerrechtInstrumenten || {})[\"proef\"] = ",
        )
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("data script shape");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(body).unwrap(),
        json
    );
    let overview = site.read("instrumenten/index.html");
    assert!(overview.contains("Voor de regio en het samenwerkingsverband"));
    assert!(overview.contains("href=\"../instrumenten/proef.html\""));
}

#[test]
fn instruments_are_linkable_by_their_source_path() {
    let site = Site::new(&[
        (
            "content/_index.md",
            &page("Start", "Vul [de checklist](@/checklists/proef.toml) in."),
        ),
        ("checklists/proef.toml", CHECKLIST),
    ]);
    site.build_ok();
    assert!(site
        .read("index.html")
        .contains("href=\"instrumenten/proef.html\""));
}

#[test]
fn each_rule_fails_with_its_message_and_line() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("theme = \"basis\"", "theme = \"bsis\"", &["checklists/proef.toml:30:9: het thema `bsis` bestaat niet"]),
        ("weight = 2", "weight = 0", &["checklists/proef.toml:34:10: gewicht 0 is niet positief"]),
        ("weight = 2", "weight = -1.5", &["checklists/proef.toml:34:10: gewicht -1.5 is niet positief"]),
        ("deels = \"Maak af.\"\n", "", &["checklists/proef.toml:29:6: advies ontbreekt bij vraag `een` voor het antwoord `deels`"]),
        ("nee = \"Begin.\"", "nee = \"Begin.\"\nmisschien = \"?\"", &["checklists/proef.toml:39:1: advies voor onbekend antwoord `misschien`"]),
        ("to = 49", "to = 44", &["checklists/proef.toml:46:1: tussen 45 en 49 % valt geen enkele band"]),
        ("to = 49", "to = 59", &["checklists/proef.toml:46:1: de band `Hoog` overlapt met de vorige (50–59 % valt in beide)"]),
        ("to = 100", "to = 90", &["checklists/proef.toml:46:1: van 91 tot 100 % valt geen enkele band"]),
        ("id = \"deels\"", "id = \"ja\"", &["checklists/proef.toml:14:1: dubbele id `ja` bij antwoord", "checklists/proef.toml:29:6: advies ontbreekt bij vraag `een` voor het antwoord `ja`", "checklists/proef.toml:37:1: advies voor onbekend antwoord `deels`"]),
        ("id = \"een\"", "id = \"\"", &["checklists/proef.toml:29:6: vraag zonder id"]),
        ("version = 2", "version = 0", &["checklists/proef.toml:2:11: versie 0 bestaat niet"]),
        ("id = \"proef\"", "id = \"Proef Lijst\"", &["checklists/proef.toml:1:6: ongeldige id `Proef Lijst` bij het instrument"]),
        ("kind = \"checklist\"", "kind = \"lijst\"", &["checklists/proef.toml:4:8: onbekende waarde `lijst`; kies uit `checklist`, `toetsvragen`, `routekaart`, `inventarisatie`, `werkagenda`"]),
        ("weight = 2", "weight = 2\ngewicht = 3", &["checklists/proef.toml:35:1: onbekende sleutel `gewicht`"]),
    ];
    for (from, to, expected) in cases {
        let errors = errors_after(from, to);
        assert!(
            errors == *expected,
            "{from:?} → {to:?}\nexpected: {expected:#?}\n     got: {errors:#?}"
        );
    }
}

#[test]
fn duplicate_item_ids_and_ids_across_files() {
    let doubled = CHECKLIST.replace("[[bands]]\nfrom = 0", "[[items]]\nid = \"een\"\ntheme = \"basis\"\nquestion = \"Nog eens?\"\n[items.advice]\ndeels = \"a\"\nnee = \"b\"\n\n[[bands]]\nfrom = 0");
    assert_eq!(
        site_with("checklists/proef.toml", &doubled).errors(),
        ["checklists/proef.toml:41:6: dubbele id `een` bij vraag"]
    );

    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("checklists/a.toml", CHECKLIST),
        ("checklists/b.toml", CHECKLIST),
    ]);
    assert_eq!(
        site.errors(),
        ["checklists/b.toml:1:6: de id `proef` wordt ook gebruikt door checklists/a.toml"]
    );
}

#[test]
fn lists_of_another_kind_are_refused() {
    let errors = errors_after(
        "[[themes]]",
        "[[steps]]\nid = \"s\"\ntitle = \"S\"\n\n[[themes]]",
    );
    assert_eq!(
        errors,
        ["checklists/proef.toml:24:1: `steps` hoort niet bij een instrument van de soort checklist"]
    );
}

const ROUTEKAART: &str = r#"id = "route"
version = 1
title = "Route"
kind = "routekaart"

[[steps]]
id = "signaal"
title = "Signaal"

[[partners]]
id = "school"
title = "School"

[[guidance]]
step = "signaal"
partner = "school"
role = "regie"
"#;

#[test]
fn routekaart_cells_must_name_known_steps_and_partners() {
    site_with("checklists/route.toml", ROUTEKAART).build_ok();
    let errors = site_with(
        "checklists/route.toml",
        &ROUTEKAART.replace("partner = \"school\"", "partner = \"gemeente\""),
    )
    .errors();
    assert_eq!(
        errors,
        ["checklists/route.toml:14:1: de partner `gemeente` bestaat niet"]
    );
    let errors = site_with(
        "checklists/route.toml",
        &ROUTEKAART.replace("step = \"signaal\"", "step = \"melding\""),
    )
    .errors();
    assert_eq!(
        errors,
        ["checklists/route.toml:14:1: de stap `melding` bestaat niet"]
    );
    let errors = site_with(
        "checklists/route.toml",
        &ROUTEKAART.replace("role = \"regie\"", "role = \"baas\""),
    )
    .errors();
    assert!(
        errors[0].starts_with("checklists/route.toml:17:8:"),
        "{errors:?}"
    );
    let html = {
        let site = site_with("checklists/route.toml", ROUTEKAART);
        site.build_ok();
        site.read("instrumenten/route.html")
    };
    assert!(html.contains("name=\"rol-signaal--school\" value=\"neemt_deel\""));
    assert!(html.contains("name=\"vastgelegd-signaal\""));
}

/// Reproduced: steps `a-b`, `a` and partners `c`, `b-c` gave two cells the radio name
/// `rol-a-b-c`, so they behaved as one. Names now join ids with two hyphens, which no id holds.
#[test]
fn routekaart_cells_get_distinct_names_for_any_ids() {
    let kaart = ROUTEKAART
        .replace(
            "[[steps]]\nid = \"signaal\"\ntitle = \"Signaal\"",
            "[[steps]]\nid = \"a-b\"\ntitle = \"AB\"\n\n[[steps]]\nid = \"a\"\ntitle = \"A\"",
        )
        .replace(
            "[[partners]]\nid = \"school\"\ntitle = \"School\"",
            "[[partners]]\nid = \"c\"\ntitle = \"C\"\n\n[[partners]]\nid = \"b-c\"\ntitle = \"BC\"",
        )
        .replace(
            "step = \"signaal\"\npartner = \"school\"",
            "step = \"a\"\npartner = \"c\"",
        );
    let site = site_with("checklists/route.toml", &kaart);
    site.build_ok();
    let html = site.read("instrumenten/route.html");
    let names: std::collections::BTreeSet<&str> = html
        .match_indices("type=\"radio\" name=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').unwrap_or(0)]
        })
        .collect();
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["rol-a--b-c", "rol-a--c", "rol-a-b--b-c", "rol-a-b--c"]
    );
}

/// Reproduced: a partner with id `vastgelegd` collided with the written-down flag of a step
/// (both saved as `STEP/vastgelegd`) and the page threw. Such ids are now refused.
#[test]
fn reserved_and_malformed_ids_are_refused_with_their_line() {
    let errors = site_with(
        "checklists/route.toml",
        &ROUTEKAART.replace("id = \"school\"", "id = \"vastgelegd\""),
    )
    .errors();
    assert_eq!(
        errors,
        [
            "checklists/route.toml:10:1: de id `vastgelegd` bij partner is gereserveerd",
            "checklists/route.toml:14:1: de partner `school` bestaat niet",
        ]
    );
    let errors = site_with(
        "checklists/route.toml",
        &ROUTEKAART.replace("id = \"signaal\"", "id = \"sig--naal\""),
    )
    .errors();
    assert_eq!(
        errors,
        [
            "checklists/route.toml:6:1: ongeldige id `sig--naal` bij stap",
            "checklists/route.toml:14:1: de stap `signaal` bestaat niet",
        ]
    );
}

const INVENTARISATIE: &str = r#"id = "telling"
version = 1
title = "Telling"
kind = "inventarisatie"

[[fields]]
id = "leerlingen"
label = "Leerlingen"

[[fields]]
id = "thuis"
label = "Thuiszitters"

[[derived]]
kind = "ratio"
id = "aandeel"
label = "Aandeel"
numerator = "thuis"
denominator = "leerlingen"

[[checks]]
part = "thuis"
whole = "leerlingen"
message = "Meer thuiszitters dan leerlingen."
"#;

#[test]
fn inventarisatie_names_only_known_fields() {
    site_with("checklists/t.toml", INVENTARISATIE).build_ok();
    let errors = site_with(
        "checklists/t.toml",
        &INVENTARISATIE.replace("denominator = \"leerlingen\"", "denominator = \"kinderen\""),
    )
    .errors();
    assert_eq!(errors, ["checklists/t.toml:14:1: `aandeel` rekent met `kinderen`, maar dat veld bestaat niet (of komt pas later)"]);
    let errors = site_with(
        "checklists/t.toml",
        &INVENTARISATIE.replace("whole = \"leerlingen\"", "whole = \"scholen\""),
    )
    .errors();
    assert_eq!(
        errors,
        ["checklists/t.toml:21:1: de controle noemt `scholen`, maar dat veld bestaat niet"]
    );
}

#[test]
fn the_default_instruments_validate() {
    let out = tempfile::tempdir().unwrap();
    leerrecht::build(&common::repo_root(), out.path(), Default::default())
        .unwrap_or_else(|d| panic!("{}", d.render()));
    for entry in std::fs::read_dir(common::repo_root().join("checklists"))
        .unwrap()
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("id = \""))
            .and_then(|r| r.strip_suffix('"'))
            .expect("id line");
        assert!(
            out.path().join(format!("instrumenten/{id}.html")).exists(),
            "{id}"
        );
        assert!(
            out.path().join(format!("instrumenten/{id}.json")).exists(),
            "{id}"
        );
    }
}

// ----- `agenda`: gaps and findings mapped onto the themes of the werkagenda -------------------

const WERKAGENDA: &str = r#"id = "agenda"
version = 1
title = "Agenda"
kind = "werkagenda"

[[themes]]
id = "kind"
title = "Het kind centraal"

[[themes]]
id = "vroeg"
title = "Hoe eerder hoe beter"

[[actions]]
theme = "vroeg"
action = "Doe iets vroeg."
"#;

/// A site with the werkagenda above and one more instrument.
fn site_with_agenda(file: &str, text: &str) -> Site {
    Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("checklists/agenda.toml", WERKAGENDA),
        (file, text),
    ])
}

/// The checklist with `agenda` on its theme and, optionally, on its item.
fn mapped_checklist(theme_agenda: &str, item_agenda: Option<&str>) -> String {
    let mut text = CHECKLIST.replacen(
        "title = \"Basis\"",
        &format!("title = \"Basis\"\nagenda = \"{theme_agenda}\""),
        1,
    );
    if let Some(a) = item_agenda {
        text = text.replacen("weight = 2", &format!("weight = 2\nagenda = \"{a}\""), 1);
    }
    text
}

/// The build's errors as `file:line:col: message` with the hint after ` | `.
fn errors_with_hints(site: &Site) -> Vec<String> {
    match site.build() {
        Ok(_) => panic!("build succeeded but should have failed"),
        Err(d) => d
            .iter()
            .map(|e| format!("{e} | {}", e.hint.clone().unwrap_or_default()))
            .collect(),
    }
}

#[test]
fn agenda_on_a_theme_reaches_every_item_in_the_json_and_an_item_can_override_it() {
    let site = site_with_agenda("checklists/proef.toml", &mapped_checklist("vroeg", None));
    site.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("instrumenten/proef.json")).unwrap();
    assert_eq!(json["themes"][0]["agenda"], "vroeg");
    assert_eq!(json["items"][0]["agenda"], "vroeg");

    let site = site_with_agenda(
        "checklists/proef.toml",
        &mapped_checklist("vroeg", Some("kind")),
    );
    site.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("instrumenten/proef.json")).unwrap();
    assert_eq!(json["items"][0]["agenda"], "kind");

    // Without any `agenda` the key is null: the page shows such gaps without a theme.
    let site = site_with("checklists/proef.toml", CHECKLIST);
    site.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("instrumenten/proef.json")).unwrap();
    assert_eq!(json["themes"][0]["agenda"], serde_json::Value::Null);
    assert_eq!(json["items"][0]["agenda"], serde_json::Value::Null);
}

#[test]
fn an_agenda_theme_that_does_not_exist_names_file_line_and_the_valid_themes() {
    let site = site_with_agenda(
        "checklists/proef.toml",
        &mapped_checklist("vroegg", Some("ouders")),
    );
    assert_eq!(
        errors_with_hints(&site),
        [
            "checklists/proef.toml:27:10: het werkagenda-thema `vroegg` bestaat niet | kies een thema uit checklists/agenda.toml: kind, vroeg",
            "checklists/proef.toml:36:10: het werkagenda-thema `ouders` bestaat niet | kies een thema uit checklists/agenda.toml: kind, vroeg",
        ]
    );
}

#[test]
fn an_agenda_key_without_any_werkagenda_is_an_error() {
    let site = site_with("checklists/proef.toml", &mapped_checklist("vroeg", None));
    assert_eq!(
        errors_with_hints(&site),
        ["checklists/proef.toml:27:10: `agenda = \"vroeg\"` noemt een thema van de werkagenda, maar er is geen werkagenda | voeg in checklists/ een instrument toe met kind = \"werkagenda\" en zijn thema's, of haal `agenda` weg"]
    );
}

#[test]
fn routekaart_steps_and_partners_name_agenda_themes() {
    let mapped = ROUTEKAART
        .replace(
            "title = \"Signaal\"",
            "title = \"Signaal\"\nagenda = \"vroeg\"",
        )
        .replace(
            "title = \"School\"",
            "title = \"School\"\nagenda = \"kind\"",
        );
    let site = site_with_agenda("checklists/route.toml", &mapped);
    site.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("instrumenten/route.json")).unwrap();
    assert_eq!(json["steps"][0]["agenda"], "vroeg");
    assert_eq!(json["partners"][0]["agenda"], "kind");

    let site = site_with_agenda(
        "checklists/route.toml",
        &mapped.replace("agenda = \"kind\"", "agenda = \"systeem\""),
    );
    assert_eq!(
        errors_with_hints(&site),
        ["checklists/route.toml:14:10: het werkagenda-thema `systeem` bestaat niet | kies een thema uit checklists/agenda.toml: kind, vroeg"]
    );
}

#[test]
fn agenda_on_themes_of_kinds_without_gaps_is_refused_where_it_stands() {
    let counted = INVENTARISATIE.replace(
        "[[fields]]\nid = \"leerlingen\"",
        "[[themes]]\nid = \"t\"\ntitle = \"T\"\nagenda = \"vroeg\"\n\n[[fields]]\nid = \"leerlingen\"",
    );
    let site = site_with_agenda("checklists/t.toml", &counted);
    assert_eq!(
        errors_with_hints(&site),
        ["checklists/t.toml:9:10: `agenda` hoort niet bij een thema van een inventarisatie | alleen de thema's en vragen van een checklist of toetsvragen en de stappen en partners van een routekaart leveren acties voor de werkagenda; haal `agenda` hier weg"]
    );
}

#[test]
fn instruments_are_listed_by_weight_then_title_not_by_file_name() {
    let heavy = CHECKLIST
        .replacen("id = \"proef\"", "id = \"a-zwaar\"", 1)
        .replacen(
            "title = \"Proefchecklist\"",
            "title = \"Zwaar\"\nweight = 9",
            1,
        );
    let light = CHECKLIST
        .replacen("id = \"proef\"", "id = \"b-licht\"", 1)
        .replacen(
            "title = \"Proefchecklist\"",
            "title = \"Licht\"\nweight = 1",
            1,
        );
    let site = Site::new(&[
        ("content/_index.md", &page("Start", "")),
        ("checklists/a-zwaar.toml", &heavy),
        ("checklists/b-licht.toml", &light),
    ]);
    site.build_ok();
    let overview = site.read("instrumenten/index.html");
    let at = |needle: &str| overview.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at(">Licht</a>") < at(">Zwaar</a>"), "{overview}");
    let map = site.read("sitemap.html");
    let at = |needle: &str| map.rfind(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(
        at("b-licht-deelnemen.html") < at("a-zwaar-deelnemen.html"),
        "{map}"
    );
}

#[test]
fn weet_ik_niet_and_legal_duties_reach_the_form_and_the_json() {
    let text = CHECKLIST
        .replacen(
            "not_applicable = \"Niet van toepassing\"",
            "not_applicable = \"Niet van toepassing\"\nunknown = \"Weet ik niet\"",
            1,
        )
        .replacen(
            "weight = 2",
            "weight = 2\nduty = { law = \"Leerplichtwet 1969\", article = \"artikel 21a\" }",
            1,
        )
        .replacen(
            "nee = \"Begin.\"",
            "nee = \"Begin.\"\nonbekend = \"Vraag het na.\"",
            1,
        );
    let site = site_with("checklists/proef.toml", &text);
    site.build_ok();
    let html = site.read("instrumenten/proef.html");
    assert!(html.contains(
        "<input type=\"radio\" name=\"antwoord-een\" value=\"onbekend\"> <span>Weet ik niet</span>"
    ));
    assert!(html.contains(
        "<p class=\"vraag__plicht\">Wettelijke plicht: Leerplichtwet 1969, artikel 21a</p>"
    ));
    let json: serde_json::Value =
        serde_json::from_str(&site.read("instrumenten/proef.json")).unwrap();
    assert_eq!(json["unknown"]["id"], "onbekend");
    assert_eq!(
        json["items"][0]["duty"]["text"],
        "Leerplichtwet 1969, artikel 21a"
    );
    assert_eq!(json["not_applicable"]["id"], "nvt");
    assert_eq!(json["items"][0]["advice"]["onbekend"], "Vraag het na.");
}

#[test]
fn a_duty_needs_law_and_article_and_onbekend_is_reserved() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "weight = 2",
            "weight = 2\nduty = { law = \"Leerplichtwet 1969\", article = \"artikel\" }",
            "checklists/proef.toml:35:8: bij deze wettelijke plicht staat geen artikelnummer",
        ),
        (
            "weight = 2",
            "weight = 2\nduty = { law = \"\", article = \"artikel 10\" }",
            "checklists/proef.toml:35:8: bij deze wettelijke plicht staat geen wet",
        ),
        (
            "id = \"deels\"",
            "id = \"onbekend\"",
            "checklists/proef.toml:14:1: de id `onbekend` is gereserveerd voor 'weet ik niet'",
        ),
        (
            "nee = \"Begin.\"",
            "nee = \"Begin.\"\nonbekend = \"?\"",
            "checklists/proef.toml:39:1: advies voor onbekend antwoord `onbekend`",
        ),
    ];
    for (from, to, expected) in cases {
        let errors = errors_after(from, to);
        assert!(
            errors.iter().any(|e| e == expected),
            "{from:?} → {to:?}\nexpected: {expected}\n     got: {errors:#?}"
        );
    }
}
