//! Instruments into pages: the validated instrument as JSON (embedded in its page for
//! `file://`, and as a file and a data script beside it), explanations rendered from Markdown,
//! and the overview of all instruments by audience.

use std::collections::BTreeMap;

use minijinja::Value;
use serde::Serialize;

use super::context::val;
use crate::instrument::{Audience, Instrument, Kind};
use crate::markdown;
use crate::site::{SectionId, Site};
use crate::validate::Validated;

pub struct Prepared {
    pub instrument: Instrument,
    /// Item id → explanation as HTML.
    pub explanations: BTreeMap<String, String>,
    /// The instrument as JSON, safe to embed in a `<script type="application/json">`.
    pub json: String,
}

/// What every instrument's page needs, indexed like `site.instruments`.
pub fn prepare(v: &Validated) -> Vec<Prepared> {
    v.instruments
        .iter()
        .map(|instrument| {
            let resolve = |dest: &str| v.targets.resolve(&instrument.url, None, dest).ok().flatten();
            let explanations = instrument
                .part()
                .explanations()
                .into_iter()
                .map(|e| {
                    let analysis = markdown::analyze(e.markdown);
                    let html = markdown::to_html(e.markdown, &analysis.headings, &resolve);
                    (e.item.to_string(), html)
                })
                .collect();
            let json = serde_json::to_string(instrument)
                .expect("an instrument is plain data: strings, numbers, lists and maps with string keys")
                .replace('<', "\\u003c");
            Prepared {
                instrument: instrument.clone(),
                explanations,
                json,
            }
        })
        .collect()
}

/// `instrument` in `instrument.html`: the instrument's fields, plus what its kind says about
/// its page (`partial`, `size`, `has_notes`, `scripted`), `explanations` (item id → HTML)
/// and `json` (the instrument as JSON, to embed).
pub fn context(p: &Prepared) -> Value {
    let fields = match serde_json::to_value(&p.instrument) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => unreachable!("an instrument serializes to a JSON object"),
    };
    let mut map: BTreeMap<String, Value> = fields.into_iter().map(|(k, v)| (k, val(v))).collect();
    let part = p.instrument.part();
    let explanations: BTreeMap<&str, Value> = p
        .explanations
        .iter()
        .map(|(k, html)| (k.as_str(), Value::from_safe_string(html.clone())))
        .collect();
    map.insert("partial".into(), Value::from(part.partial()));
    map.insert("size".into(), Value::from(part.size()));
    map.insert("has_notes".into(), Value::from(part.has_notes()));
    // The werkagenda data has no form to score: its page needs no script.
    map.insert("scripted".into(), Value::from(!part.is_agenda()));
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

/// All instruments grouped by audience, for the overview (`instrumenten.html`). An
/// instrument for several audiences appears in each group.
pub fn overview(site: &Site, prepared: &[Prepared]) -> Value {
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
                    kind: i.kind(),
                    url: &i.url,
                    questions: i.part().parts(),
                })
                .collect(),
        })
        .filter(|g| !g.instruments.is_empty())
        .collect();
    val(groups)
}

/// `workshop` in `workshop-deelnemen.html`: where the instrument's own page, its data script
/// and this participant page are, relative to the site root.
pub fn participant_context(p: &Prepared, join: &str) -> Value {
    minijinja::context! {
        instrument_page => p.instrument.url.clone(),
        data => p.instrument.data_script_path(),
        join => join,
    }
}

/// The data script's text: registers the instrument under its id in
/// `window.leerrechtInstrumenten`. `json` is already safe inside a script.
pub fn data_script(p: &Prepared) -> String {
    format!(
        "(window.leerrechtInstrumenten = window.leerrechtInstrumenten || {{}})[{}] = {};\n",
        serde_json::to_string(&p.instrument.id).expect("a string serializes"),
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
    /// The participant page of the workshop, relative to the site root (None for a kind
    /// without participants).
    join: Option<String>,
    /// Its results become proposals on the werkagenda page.
    proposes: bool,
    /// It is the werkagenda's data: themes and example actions.
    agenda: bool,
}

/// `instrument_list` in templates: every instrument once, in overview order, with the
/// address of its data script.
pub fn list(site: &Site, prepared: &[Prepared]) -> Value {
    let entries: Vec<ListEntry> = in_order(site, prepared)
        .into_iter()
        .map(|p| {
            let i = &p.instrument;
            ListEntry {
                id: &i.id,
                version: i.version,
                title: &i.title,
                description: i.description.as_deref(),
                kind: i.kind(),
                audience: &i.audience,
                url: &i.url,
                data: i.data_script_path(),
                join: i.participant_path(),
                proposes: i.part().proposes_actions(),
                agenda: i.part().is_agenda(),
            }
        })
        .collect();
    val(entries)
}

/// The instruments in the order editors give them: by `weight`, then title.
fn in_order<'a>(site: &Site, prepared: &'a [Prepared]) -> Vec<&'a Prepared> {
    let mut list: Vec<(i64, &Prepared)> = site
        .instruments
        .iter()
        .zip(prepared)
        .map(|(loaded, p)| (loaded.def.weight, p))
        .collect();
    list.sort_by(|a, b| (a.0, &a.1.instrument.title).cmp(&(b.0, &b.1.instrument.title)));
    list.into_iter().map(|(_, p)| p).collect()
}

pub fn is_overview(site: &Site, section: SectionId) -> bool {
    site.sections[section].dir == crate::load::INSTRUMENT_DIR
}
