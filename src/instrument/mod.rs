//! The instruments: a validated instrument is its common fields plus one [`Body`] per kind.
//!
//! Each kind lives in one module behind [`KindBody`]: `scored` (checklist and toetsvragen),
//! `routekaart`, `inventarisatie` and `werkagenda`. A module validates its part of the TOML,
//! builds its body, and says what its page needs: the answers it holds ([`Slot`]s, with the
//! name of each form control and the anchor to jump to, computed here once so that templates
//! and browser code never rebuild them), the anchors other pages may link to, its template
//! partial and a count for the overview. Adding a kind means one module here, one module in
//! `static/js/lib/kinds/` and one template partial (see docs/ontwikkelen.md, "Een nieuw soort
//! instrument").
//!
//! The instrument is serialized as the JSON the browser scores from (embedded in its page and
//! written next to it): the body's fields sit beside the common ones under its `kind` tag, so
//! a kind carries only its own lists. Bump [`FORMAT`] when the JSON changes incompatibly.

mod across;
pub mod check;
mod inventarisatie;
mod routekaart;
mod scored;
mod werkagenda;

use std::collections::BTreeSet;
use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostics::Diagnostics;
use crate::load::instruments::{Definition, Loaded};
pub use across::check_across_files;
use check::{list, Checker};

pub use inventarisatie::Inventarisatie;
pub use routekaart::Routekaart;
pub use scored::Scored;
pub use werkagenda::Werkagenda;

/// 2: each kind carries only its own lists, plus `slots` and the anchors and control names.
pub const FORMAT: u32 = 2;

/// The id of the "niet van toepassing" answer; reserved, so no scale option may use it.
pub const NOT_APPLICABLE: &str = "nvt";

/// The id of the "weet ik niet" answer; reserved like [`NOT_APPLICABLE`].
pub const UNKNOWN: &str = "onbekend";

/// What `kind = "…"` says in the TOML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Checklist,
    Toetsvragen,
    Routekaart,
    Inventarisatie,
    /// Not a form: the themes of a regional work agenda with example actions, which the
    /// werkagenda page starts from.
    Werkagenda,
}

impl Kind {
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    fn spec(self) -> &'static Spec {
        match self {
            Kind::Checklist => &scored::CHECKLIST,
            Kind::Toetsvragen => &scored::TOETSVRAGEN,
            Kind::Routekaart => &routekaart::SPEC,
            Kind::Inventarisatie => &inventarisatie::SPEC,
            Kind::Werkagenda => &werkagenda::SPEC,
        }
    }
}

/// Who an instrument is for; the overview page groups by this.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Regio,
    School,
    Trainer,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Regio, Audience::School, Audience::Trainer];

    pub fn title(self) -> &'static str {
        match self {
            Audience::Regio => "Voor de regio en het samenwerkingsverband",
            Audience::School => "Voor de school",
            Audience::Trainer => "Voor trainers en workshops",
        }
    }
}

/// How one kind is read from its TOML.
struct Spec {
    /// The word in messages: "een routekaart heeft `steps` nodig".
    label: &'static str,
    /// The lists of the TOML this kind reads, and whether it needs at least one entry.
    lists: &'static [(List, Need)],
    /// Whether its themes may name a werkagenda theme (`agenda`).
    theme_agenda: bool,
    /// Check the kind's own lists and build its body. The body is built even when there are
    /// problems, so that the rest of the site can still be checked against its anchors.
    build: fn(&mut Checker, &Definition, &BTreeSet<&str>) -> Body,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Required,
    Optional,
}

/// The kind-specific lists of the flat TOML definition.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Scale,
    Items,
    Bands,
    Steps,
    Partners,
    Guidance,
    Fields,
    Derived,
    Checks,
    Actions,
}

impl List {
    const ALL: [List; 10] = [
        List::Scale,
        List::Items,
        List::Bands,
        List::Steps,
        List::Partners,
        List::Guidance,
        List::Fields,
        List::Derived,
        List::Checks,
        List::Actions,
    ];

    fn name(self) -> &'static str {
        match self {
            List::Scale => "scale",
            List::Items => "items",
            List::Bands => "bands",
            List::Steps => "steps",
            List::Partners => "partners",
            List::Guidance => "guidance",
            List::Fields => "fields",
            List::Derived => "derived",
            List::Checks => "checks",
            List::Actions => "actions",
        }
    }

    /// Where the first entry of this list is in the file, if the list has any.
    fn first(self, def: &Definition) -> Option<Range<usize>> {
        match self {
            List::Scale => def.scale.first().map(Spanned::span),
            List::Items => def.items.first().map(Spanned::span),
            List::Bands => def.bands.first().map(Spanned::span),
            List::Steps => def.steps.first().map(Spanned::span),
            List::Partners => def.partners.first().map(Spanned::span),
            List::Guidance => def.guidance.first().map(Spanned::span),
            List::Fields => def.fields.first().map(Spanned::span),
            List::Derived => def.derived.first().map(Spanned::span),
            List::Checks => def.checks.first().map(Spanned::span),
            List::Actions => def.actions.first().map(Spanned::span),
        }
    }
}

/// A validated instrument.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Instrument {
    pub format: u32,
    pub id: String,
    pub version: u32,
    pub title: String,
    #[serde(flatten)]
    pub body: Body,
    pub audience: Vec<Audience>,
    pub description: Option<String>,
    pub intro: String,
    /// The instrument's page, relative to the site root.
    pub url: String,
    /// Every answer the form holds, in form order. Not in the JSON: a routekaart holds about
    /// a hundred, and their names are already there, once, on the parts they belong to
    /// (`control` and `anchor` of items and fields, `cells`, `written` and `anchor` of
    /// steps); the browser's kind modules build the same list from those.
    #[serde(skip)]
    pub slots: Vec<Slot>,
}

/// The part of an instrument that depends on its kind.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Body {
    Checklist(Scored),
    Toetsvragen(Scored),
    Routekaart(Routekaart),
    Inventarisatie(Inventarisatie),
    Werkagenda(Werkagenda),
}

impl Body {
    pub fn kind(&self) -> Kind {
        match self {
            Body::Checklist(_) => Kind::Checklist,
            Body::Toetsvragen(_) => Kind::Toetsvragen,
            Body::Routekaart(_) => Kind::Routekaart,
            Body::Inventarisatie(_) => Kind::Inventarisatie,
            Body::Werkagenda(_) => Kind::Werkagenda,
        }
    }

    pub fn part(&self) -> &dyn KindBody {
        match self {
            Body::Checklist(b) | Body::Toetsvragen(b) => b,
            Body::Routekaart(b) => b,
            Body::Inventarisatie(b) => b,
            Body::Werkagenda(b) => b,
        }
    }
}

/// What the rest of the generator asks of a kind.
pub trait KindBody {
    /// Every answer the form holds, in form order.
    fn slots(&self) -> Vec<Slot>;
    /// The ids of the page's parts that other pages may link to (`#vraag-ambitie`).
    fn anchors(&self) -> Vec<String>;
    /// The template partial that renders the form (and the participant page's form).
    fn partial(&self) -> &'static str;
    /// How many parts there are to fill in, for the overview of instruments.
    fn parts(&self) -> usize;
    /// What the page says under its title about its size ("33 vragen"), if anything.
    fn size(&self) -> Option<String>;
    /// Markdown explanations to render, with where each came from in the file.
    fn explanations(&self) -> Vec<Explanation<'_>> {
        Vec::new()
    }
    /// Whether workshop participants fill it in and hand over their answers.
    fn has_participants(&self) -> bool {
        true
    }
    /// Whether the form has note fields (only scored kinds; notes never travel in a code).
    fn has_notes(&self) -> bool {
        false
    }
    /// Whether its results become proposals on the werkagenda page.
    fn proposes_actions(&self) -> bool {
        false
    }
    /// Whether it is the data of the werkagenda (themes and example actions).
    fn is_agenda(&self) -> bool {
        false
    }
}

/// An explanation in Markdown: the item it belongs to and the span of that item in the file.
pub struct Explanation<'a> {
    pub item: &'a str,
    pub markdown: &'a str,
    pub span: Range<usize>,
}

/// One answer of a form: the key it is saved under (stable across versions while the ids
/// stay), what it holds, the name of its form control and the anchor of its question.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Slot {
    pub key: String,
    #[serde(flatten)]
    pub value: SlotValue,
    /// How a message names it: "vraag 4", "stap 2 (Melden), School".
    pub label: String,
    /// The `name` of its form control(s).
    pub control: String,
    /// The `id` of the element that holds it, to jump to.
    pub anchor: String,
    /// For a routekaart cell or flag: the step (and partner) it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
}

/// What a slot holds.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum SlotValue {
    /// One of these option ids.
    Choice { options: Vec<String> },
    /// Ticked or not.
    Flag,
    /// A count.
    Number,
}

/// A part with the id of its element on the page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Anchored<T> {
    #[serde(flatten)]
    pub part: T,
    pub anchor: String,
}

impl Instrument {
    pub fn kind(&self) -> Kind {
        self.body.kind()
    }

    /// The JSON written next to the instrument's page.
    pub fn json_path(&self) -> String {
        self.beside(".json")
    }

    /// The classic script written next to the page. Pages that work with several instruments
    /// (werkagenda, workshop) load it on demand: from `file://` a `fetch()` of the JSON is
    /// refused, a `<script src>` is not.
    pub fn data_script_path(&self) -> String {
        self.beside(".js")
    }

    /// The short page workshop participants fill in (`instrumenten/ID-deelnemen.html`), or
    /// None for a kind without answers to hand over.
    pub fn participant_path(&self) -> Option<String> {
        self.part()
            .has_participants()
            .then(|| self.beside("-deelnemen.html"))
    }

    fn beside(&self, suffix: &str) -> String {
        let stem = self.url.strip_suffix(".html").unwrap_or(&self.url);
        format!("{stem}{suffix}")
    }

    pub fn part(&self) -> &dyn KindBody {
        self.body.part()
    }
}

/// Validate one definition into an instrument. `url` is the page it will get. The instrument
/// comes back even when there are problems (they are in the diagnostics), so that links to
/// its parts can still be checked; it is only used when there are none.
pub fn validate(loaded: &Loaded, url: String) -> (Instrument, Diagnostics) {
    let mut c = Checker::new(loaded);
    let def = &loaded.def;
    let spec = def.kind.spec();
    check_header(&mut c, def);
    check_lists(&mut c, def, spec);
    check_theme_agenda(&mut c, def, spec);
    let themes = c.unique(
        "thema",
        def.themes
            .iter()
            .map(|t| (t.get_ref().id.as_str(), t.span())),
    );
    let body = (spec.build)(&mut c, def, &themes);
    let slots = body.part().slots();
    let instrument = Instrument {
        format: FORMAT,
        id: def.id.get_ref().clone(),
        version: *def.version.get_ref(),
        title: def.title.clone(),
        body,
        audience: def.audience.clone(),
        description: def.description.clone(),
        intro: def.intro.get_ref().clone(),
        url,
        slots,
    };
    (instrument, c.diagnostics)
}

fn check_header(c: &mut Checker, def: &Definition) {
    c.id("het instrument", def.id.get_ref(), def.id.span());
    if *def.version.get_ref() == 0 {
        c.error(
            def.version.span(),
            "versie 0 bestaat niet",
            "begin bij version = 1 en verhoog het getal als je vragen verandert",
        );
    }
}

/// Lists that belong to another kind are a mistake, not something to ignore silently.
fn check_lists(c: &mut Checker, def: &Definition, spec: &Spec) {
    for list in List::ALL {
        let need = spec.lists.iter().find(|(l, _)| *l == list).map(|(_, n)| *n);
        match (list.first(def), need) {
            (Some(span), None) => c.error(
                span,
                format!(
                    "`{}` hoort niet bij een instrument van de soort {}",
                    list.name(),
                    spec.label
                ),
                "haal dit onderdeel weg of kies een andere kind",
            ),
            (None, Some(Need::Required)) => c.error(
                0..0,
                format!("een {} heeft `{}` nodig", spec.label, list.name()),
                "zie de README (De instrumenten) voor een voorbeeld per soort",
            ),
            _ => {}
        }
    }
}

/// Only some kinds turn their themes' gaps into werkagenda actions; an `agenda` on the themes
/// of another kind would do nothing.
fn check_theme_agenda(c: &mut Checker, def: &Definition, spec: &Spec) {
    if spec.theme_agenda {
        return;
    }
    for theme in &def.themes {
        if let Some(agenda) = &theme.get_ref().agenda {
            c.error(
                agenda.span(),
                format!("`agenda` hoort niet bij een thema van een {}", spec.label),
                "alleen de thema's en vragen van een checklist of toetsvragen en de stappen en partners van een routekaart leveren acties voor de werkagenda; haal `agenda` hier weg",
            );
        }
    }
}

/// Every `agenda` key of a definition that its kind reads, in file order per list.
fn agenda_refs(def: &Definition) -> Vec<&Spanned<String>> {
    let spec = def.kind.spec();
    let themes = def
        .themes
        .iter()
        .filter(|_| spec.theme_agenda)
        .map(|t| &t.get_ref().agenda);
    let items = def.items.iter().map(|i| &i.get_ref().agenda);
    let steps = def.steps.iter().map(|s| &s.get_ref().agenda);
    let partners = def.partners.iter().map(|p| &p.get_ref().agenda);
    themes
        .chain(items)
        .chain(steps)
        .chain(partners)
        .filter_map(Option::as_ref)
        .collect()
}

/// A theme id must name a theme of this instrument.
fn check_theme(c: &mut Checker, themes: &BTreeSet<&str>, theme: &str, span: Range<usize>) {
    if !themes.contains(theme) {
        c.error(
            span,
            format!("het thema `{theme}` bestaat niet"),
            format!("bestaande thema's: {}", list(themes)),
        );
    }
}

/// The themes as the page shows them, each with its anchor.
fn anchored_themes(def: &Definition) -> Vec<Anchored<crate::load::instruments::Theme>> {
    def.themes
        .iter()
        .map(|t| Anchored {
            anchor: format!("thema-{}", t.get_ref().id),
            part: t.get_ref().clone(),
        })
        .collect()
}
