//! Instruments into pages: the validated definition as JSON (embedded in the page for
//! `file://`, and as a file beside it), explanations rendered from Markdown, and the
//! overview of all instruments by audience.

use std::collections::BTreeMap;

use minijinja::Value;
use serde::Serialize;

use super::context::val;
use super::markdown;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::instrument::Instrument;
use crate::load::instruments::{Audience, Kind};
use crate::site::Site;
use crate::validate::instruments::{check_unique_ids, validate};
use crate::validate::links::LinkTargets;

pub struct Prepared {
    pub instrument: Instrument,
    /// Item id → explanation as HTML.
    pub explanations: BTreeMap<String, String>,
    /// The instrument as JSON, safe to embed in a `<script type="application/json">`.
    pub json: String,
}

/// Validate every instrument and render what its page needs. Indexes match
/// `site.instruments`; an invalid one is None and its problems are in `diagnostics`.
pub fn prepare(
    site: &Site,
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
) -> Vec<Option<Prepared>> {
    check_unique_ids(&site.instruments, diagnostics);
    site.instruments
        .iter()
        .enumerate()
        .map(|(index, loaded)| {
            let page_id = site
                .pages
                .iter()
                .position(|p| p.instrument == Some(index))?;
            let page = &site.pages[page_id];
            let instrument = match validate(loaded, page.url.clone()) {
                Ok(i) => i,
                Err(d) => {
                    diagnostics.extend(d);
                    return None;
                }
            };
            let mut explanations = BTreeMap::new();
            for (item, def) in instrument.items.iter().zip(&loaded.def.items) {
                let analysis = markdown::analyze(&item.explanation);
                for link in &analysis.links {
                    if let Err(e) = targets.resolve(&page.url, None, &link.dest) {
                        diagnostics.push(
                            Diagnostic::at(
                                &loaded.file.path,
                                &loaded.file.text,
                                def.span(),
                                e.message(&link.dest),
                            )
                            .with_hint(e.hint()),
                        );
                    }
                }
                let resolve = |dest: &str| targets.resolve(&page.url, None, dest).ok().flatten();
                explanations.insert(
                    item.id.clone(),
                    markdown::to_html(&item.explanation, &analysis.headings, &resolve),
                );
            }
            let json = serde_json::to_string(&instrument)
                .unwrap_or_default()
                .replace('<', "\\u003c");
            Some(Prepared {
                instrument,
                explanations,
                json,
            })
        })
        .collect()
}

/// The ids an instrument's page gives its parts (see templates/partials/instrument-*.html), so
/// other pages can link to one question: `@/checklists/tien-punten.toml#vraag-ambitie`.
pub fn anchors(def: &crate::load::instruments::Definition) -> Vec<String> {
    let themes = def
        .themes
        .iter()
        .map(|t| format!("thema-{}", t.get_ref().id));
    let items = def
        .items
        .iter()
        .map(|i| format!("vraag-{}", i.get_ref().id.get_ref()));
    let steps = def.steps.iter().map(|s| format!("stap-{}", s.get_ref().id));
    let fields = def
        .fields
        .iter()
        .map(|f| format!("veld-{}", f.get_ref().id));
    themes.chain(items).chain(steps).chain(fields).collect()
}

/// `instrument` in `instrument.html`: the definition, plus `explanations` (item id → HTML)
/// and `json` (the definition as JSON, to embed).
pub fn context(p: &Prepared) -> Value {
    let mut map: BTreeMap<String, Value> = match serde_json::to_value(&p.instrument) {
        Ok(serde_json::Value::Object(fields)) => {
            fields.into_iter().map(|(k, v)| (k, val(v))).collect()
        }
        _ => BTreeMap::new(),
    };
    let explanations: BTreeMap<&str, Value> = p
        .explanations
        .iter()
        .map(|(k, html)| (k.as_str(), Value::from_safe_string(html.clone())))
        .collect();
    map.insert("explanations".into(), Value::from(explanations));
    map.insert("json".into(), Value::from_safe_string(p.json.clone()));
    Value::from(map)
}

#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    kind: Kind,
    url: &'a str,
    questions: usize,
}

#[derive(Serialize)]
struct Group<'a> {
    audience: Audience,
    title: &'static str,
    instruments: Vec<Summary<'a>>,
}

/// All valid instruments grouped by audience, for the overview (`instrumenten.html`). An
/// instrument for several audiences appears in each group.
pub fn overview(site: &Site, prepared: &[Option<Prepared>]) -> Value {
    let ordered = in_order(site, prepared);
    let groups: Vec<Group> = Audience::ALL
        .iter()
        .map(|&audience| Group {
            audience,
            title: audience.title(),
            instruments: ordered
                .iter()
                .map(|p| &p.instrument)
                .filter(|i| i.audience.contains(&audience))
                .map(|i| Summary {
                    id: &i.id,
                    title: &i.title,
                    description: i.description.as_deref(),
                    kind: i.kind,
                    url: &i.url,
                    questions: i.items.len() + i.fields.len() + i.steps.len(),
                })
                .collect(),
        })
        .filter(|g| !g.instruments.is_empty())
        .collect();
    val(groups)
}

/// The JSON file written next to an instrument's page.
pub fn json_path(instrument: &Instrument) -> String {
    beside(instrument, ".json")
}

/// The classic script written next to an instrument's page. Pages that work with several
/// instruments (werkagenda, workshop) load it on demand: from `file://` a `fetch()` of the
/// JSON is refused, a `<script src>` is not.
pub fn data_script_path(instrument: &Instrument) -> String {
    beside(instrument, ".js")
}

/// The short page participants of a workshop fill in (`instrumenten/ID-deelnemen.html`), or
/// None for a kind that has no answers to hand over (the werkagenda).
pub fn participant_path(instrument: &Instrument) -> Option<String> {
    (instrument.kind != Kind::Werkagenda).then(|| beside(instrument, "-deelnemen.html"))
}

/// `workshop` in `workshop-deelnemen.html`: where the instrument's own page, its data script
/// and this participant page are, relative to the site root.
pub fn participant_context(p: &Prepared, join: &str) -> Value {
    minijinja::context! {
        instrument_page => p.instrument.url.clone(),
        data => data_script_path(&p.instrument),
        join => join,
    }
}

fn beside(instrument: &Instrument, suffix: &str) -> String {
    let stem = instrument
        .url
        .strip_suffix(".html")
        .unwrap_or(&instrument.url);
    format!("{stem}{suffix}")
}

/// The data script's text: registers the instrument under its id in
/// `window.leerrechtInstrumenten`. `json` is already safe inside a script.
pub fn data_script(p: &Prepared) -> String {
    format!(
        "(window.leerrechtInstrumenten = window.leerrechtInstrumenten || {{}})[{}] = {};\n",
        serde_json::to_string(&p.instrument.id).unwrap_or_default(),
        p.json
    )
}

#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    version: u32,
    title: &'a str,
    description: Option<&'a str>,
    kind: Kind,
    audience: &'a [Audience],
    url: &'a str,
    /// The data script, relative to the site root.
    data: String,
    /// The participant page of the workshop, relative to the site root (None for werkagenda).
    join: Option<String>,
}

/// `instrument_list` in templates: every valid instrument once, in overview order, with the
/// address of its data script.
pub fn list(site: &Site, prepared: &[Option<Prepared>]) -> Value {
    let entries: Vec<ListEntry> = in_order(site, prepared)
        .into_iter()
        .map(|p| {
            let i = &p.instrument;
            ListEntry {
                id: &i.id,
                version: i.version,
                title: &i.title,
                description: i.description.as_deref(),
                kind: i.kind,
                audience: &i.audience,
                url: &i.url,
                data: data_script_path(i),
                join: participant_path(i),
            }
        })
        .collect();
    val(entries)
}

/// The valid instruments in the order editors give them: by `weight`, then title.
fn in_order<'a>(site: &Site, prepared: &'a [Option<Prepared>]) -> Vec<&'a Prepared> {
    let mut list: Vec<(i64, &Prepared)> = prepared
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((site.instruments[i].def.weight, p.as_ref()?)))
        .collect();
    list.sort_by(|a, b| (a.0, &a.1.instrument.title).cmp(&(b.0, &b.1.instrument.title)));
    list.into_iter().map(|(_, p)| p).collect()
}

pub fn is_overview(site: &Site, section: usize) -> bool {
    site.sections[section].dir == crate::load::INSTRUMENT_DIR
}
