//! The rules an instrument definition must meet before it becomes a form. Every broken rule
//! is reported with the line it is about; the definition is only used when none is broken.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::instrument::{self, Instrument, NotApplicable, RoleOption, NOT_APPLICABLE};
use crate::load::instruments::{AgendaRef, Definition, Kind, Loaded};

/// Collects problems for one file.
struct Checker<'a> {
    loaded: &'a Loaded,
    diagnostics: Diagnostics,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        let file = &self.loaded.file;
        self.diagnostics
            .push(Diagnostic::at(&file.path, &file.text, span, message).with_hint(hint));
    }

    /// Report the second and later uses of an id in a list.
    fn unique<'i>(
        &mut self,
        what: &str,
        ids: impl IntoIterator<Item = (&'i str, Range<usize>)>,
    ) -> BTreeSet<&'i str> {
        let mut seen = BTreeSet::new();
        for (id, span) in ids {
            if id.trim().is_empty() {
                self.error(
                    span,
                    format!("{what} zonder id"),
                    "geef elk onderdeel een korte id, bijvoorbeeld id = \"registratie\"",
                );
            } else if !seen.insert(id) {
                self.error(
                    span,
                    format!("dubbele id `{id}` bij {what}"),
                    "elke id mag in één instrument maar één keer voorkomen",
                );
            }
        }
        seen
    }
}

/// Validate one definition. `url` is the page the instrument will get.
pub fn validate(loaded: &Loaded, url: String) -> Result<Instrument, Diagnostics> {
    let mut c = Checker {
        loaded,
        diagnostics: Diagnostics::new(),
    };
    let def = &loaded.def;
    check_header(&mut c, def);
    check_kind_fields(&mut c, def);
    check_agenda_on_themes(&mut c, def);
    let theme_ids = c.unique(
        "thema",
        def.themes
            .iter()
            .map(|t| (t.get_ref().id.as_str(), t.span())),
    );
    if def.kind.is_scored() {
        check_scored(&mut c, def, &theme_ids);
    }
    if def.kind == Kind::Routekaart {
        check_routekaart(&mut c, def);
    }
    if def.kind == Kind::Inventarisatie {
        check_inventarisatie(&mut c, def, &theme_ids);
    }
    if def.kind == Kind::Werkagenda {
        for a in &def.actions {
            let theme = &a.get_ref().theme;
            if !theme_ids.contains(theme.as_str()) {
                c.error(
                    a.span(),
                    format!("het thema `{theme}` bestaat niet"),
                    format!("bestaande thema's: {}", list(&theme_ids)),
                );
            }
        }
    }
    let instrument = build(def, url);
    c.diagnostics.into_result(instrument)
}

fn check_header(c: &mut Checker, def: &Definition) {
    let id = def.id.get_ref();
    let slug_like = !id.is_empty()
        && id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
    if !slug_like {
        c.error(
            def.id.span(),
            format!("ongeldige id `{id}`"),
            "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld id = \"tien-punten\"",
        );
    }
    if *def.version.get_ref() == 0 {
        c.error(
            def.version.span(),
            "versie 0 bestaat niet",
            "begin bij version = 1 en verhoog het getal als je vragen verandert",
        );
    }
}

/// Lists that belong to another kind are a mistake, not something to ignore silently.
fn check_kind_fields(c: &mut Checker, def: &Definition) {
    let kind = def.kind;
    let lists: [(&str, Option<Range<usize>>, bool); 10] = [
        (
            "scale",
            def.scale.first().map(Spanned::span),
            kind.is_scored(),
        ),
        (
            "items",
            def.items.first().map(Spanned::span),
            kind.is_scored(),
        ),
        (
            "bands",
            def.bands.first().map(Spanned::span),
            kind.is_scored(),
        ),
        (
            "steps",
            def.steps.first().map(Spanned::span),
            kind == Kind::Routekaart,
        ),
        (
            "partners",
            def.partners.first().map(Spanned::span),
            kind == Kind::Routekaart,
        ),
        (
            "guidance",
            def.guidance.first().map(Spanned::span),
            kind == Kind::Routekaart,
        ),
        (
            "fields",
            def.fields.first().map(Spanned::span),
            kind == Kind::Inventarisatie,
        ),
        (
            "derived",
            def.derived.first().map(Spanned::span),
            kind == Kind::Inventarisatie,
        ),
        (
            "checks",
            def.checks.first().map(Spanned::span),
            kind == Kind::Inventarisatie,
        ),
        (
            "actions",
            def.actions.first().map(Spanned::span),
            kind == Kind::Werkagenda,
        ),
    ];
    for (name, first, allowed) in lists {
        match (first, allowed) {
            (Some(span), false) => c.error(
                span,
                format!(
                    "`{name}` hoort niet bij een instrument van de soort {}",
                    kind.label()
                ),
                "haal dit onderdeel weg of kies een andere kind",
            ),
            (None, true)
                if matches!(
                    name,
                    "scale" | "items" | "bands" | "steps" | "partners" | "fields" | "actions"
                ) =>
            {
                c.error(
                    0..0,
                    format!("een {} heeft `{name}` nodig", kind.label()),
                    "zie de README (De instrumenten) voor een voorbeeld per soort",
                )
            }
            _ => {}
        }
    }
}

/// Only the themes of scored kinds have gaps to map; an `agenda` elsewhere would do nothing.
/// (Items, steps and partners exist only in the kinds that use their `agenda`.)
fn check_agenda_on_themes(c: &mut Checker, def: &Definition) {
    if def.kind.is_scored() {
        return;
    }
    for theme in &def.themes {
        if let Some(agenda) = &theme.get_ref().agenda {
            c.error(
                agenda.span(),
                format!(
                    "`agenda` hoort niet bij een thema van een {}",
                    def.kind.label()
                ),
                "alleen de thema's en vragen van een checklist of toetsvragen en de stappen en partners van een routekaart leveren acties voor de werkagenda; haal `agenda` hier weg",
            );
        }
    }
}

fn check_scored(c: &mut Checker, def: &Definition, themes: &BTreeSet<&str>) {
    let scale_ids = c.unique(
        "antwoord",
        def.scale
            .iter()
            .map(|s| (s.get_ref().id.as_str(), s.span())),
    );
    if def.not_applicable.is_some() {
        if let Some(s) = def.scale.iter().find(|s| s.get_ref().id == NOT_APPLICABLE) {
            c.error(
                s.span(),
                format!("de id `{NOT_APPLICABLE}` is gereserveerd voor 'niet van toepassing'"),
                "kies een andere id voor dit antwoord",
            );
        }
    }
    let top = def
        .scale
        .iter()
        .map(|s| s.get_ref().points)
        .max()
        .unwrap_or(0);
    if top == 0 && !def.scale.is_empty() {
        c.error(
            def.scale[0].span(),
            "geen enkel antwoord levert punten op",
            "geef het beste antwoord de meeste punten, bijvoorbeeld points = 2",
        );
    }
    c.unique(
        "vraag",
        def.items
            .iter()
            .map(|i| (i.get_ref().id.get_ref().as_str(), i.get_ref().id.span())),
    );
    for item in &def.items {
        let item = item.get_ref();
        let theme = item.theme.get_ref();
        if !themes.contains(theme.as_str()) {
            c.error(
                item.theme.span(),
                format!("het thema `{theme}` bestaat niet"),
                format!("bestaande thema's: {}", list(themes)),
            );
        }
        let weight = *item.weight.get_ref();
        if !(weight.is_finite() && weight > 0.0) {
            c.error(
                item.weight.span(),
                format!("gewicht {weight} is niet positief"),
                "een gewicht is een getal groter dan 0, bijvoorbeeld weight = 1",
            );
        }
        if item.question.trim().is_empty() {
            c.error(
                item.id.span(),
                format!("de vraag `{}` heeft geen tekst", item.id.get_ref()),
                "vul question = \"...\" in",
            );
        }
        for key in item.advice.keys() {
            if !scale_ids.contains(key.get_ref().as_str()) && key.get_ref() != NOT_APPLICABLE {
                c.error(
                    key.span(),
                    format!("advies voor onbekend antwoord `{}`", key.get_ref()),
                    format!("de antwoorden zijn: {}", list(&scale_ids)),
                );
            }
        }
        let given: BTreeSet<&str> = item.advice.keys().map(|k| k.get_ref().as_str()).collect();
        for option in def
            .scale
            .iter()
            .map(Spanned::get_ref)
            .filter(|o| o.points < top)
        {
            if !given.contains(option.id.as_str()) {
                c.error(
                    item.id.span(),
                    format!(
                        "advies ontbreekt bij vraag `{}` voor het antwoord `{}`",
                        item.id.get_ref(),
                        option.id
                    ),
                    format!("voeg toe onder [items.advice]: {} = \"...\"", option.id),
                );
            }
        }
    }
    check_bands(c, def);
}

/// Bands must cover 0–100 % exactly once: sorted, each starting one above the previous end.
fn check_bands(c: &mut Checker, def: &Definition) {
    let mut bands: Vec<&Spanned<_>> = def.bands.iter().collect();
    bands.sort_by_key(|b| b.get_ref().from);
    let mut expected_from = 0;
    for band in &bands {
        let b: &crate::load::instruments::Band = band.get_ref();
        if b.from > b.to {
            c.error(
                band.span(),
                format!(
                    "de band `{}` loopt van {} tot {}: het begin ligt na het einde",
                    b.label, b.from, b.to
                ),
                "zet from op de ondergrens en to op de bovengrens",
            );
            continue;
        }
        if b.from > expected_from {
            c.error(
                band.span(),
                format!(
                    "tussen {} en {} % valt geen enkele band",
                    expected_from,
                    b.from - 1
                ),
                format!("laat deze band beginnen bij from = {expected_from}"),
            );
        } else if b.from < expected_from {
            c.error(
                band.span(),
                format!(
                    "de band `{}` overlapt met de vorige ({}–{} % valt in beide)",
                    b.label,
                    b.from,
                    (expected_from - 1).min(b.to)
                ),
                format!("laat deze band beginnen bij from = {expected_from}"),
            );
        }
        expected_from = expected_from.max(b.to + 1);
    }
    if let Some(last) = bands.last() {
        if last.get_ref().to < 100 {
            c.error(
                last.span(),
                format!(
                    "van {} tot 100 % valt geen enkele band",
                    last.get_ref().to + 1
                ),
                "laat de hoogste band eindigen bij to = 100",
            );
        } else if last.get_ref().to > 100 {
            c.error(
                last.span(),
                "een band loopt verder dan 100 %",
                "laat de hoogste band eindigen bij to = 100",
            );
        }
    }
}

fn check_routekaart(c: &mut Checker, def: &Definition) {
    let steps = c.unique(
        "stap",
        def.steps
            .iter()
            .map(|s| (s.get_ref().id.as_str(), s.span())),
    );
    let partners = c.unique(
        "partner",
        def.partners
            .iter()
            .map(|p| (p.get_ref().id.as_str(), p.span())),
    );
    let mut cells = BTreeSet::new();
    for g in &def.guidance {
        let cell = g.get_ref();
        if !steps.contains(cell.step.as_str()) {
            c.error(
                g.span(),
                format!("de stap `{}` bestaat niet", cell.step),
                format!("bestaande stappen: {}", list(&steps)),
            );
        }
        if !partners.contains(cell.partner.as_str()) {
            c.error(
                g.span(),
                format!("de partner `{}` bestaat niet", cell.partner),
                format!("bestaande partners: {}", list(&partners)),
            );
        }
        if !cells.insert((cell.step.as_str(), cell.partner.as_str())) {
            c.error(
                g.span(),
                format!(
                    "de cel {} × {} staat er twee keer in",
                    cell.step, cell.partner
                ),
                "geef elke combinatie van stap en partner maar één rol",
            );
        }
    }
}

fn check_inventarisatie(c: &mut Checker, def: &Definition, themes: &BTreeSet<&str>) {
    let mut known: BTreeSet<&str> = c.unique(
        "veld",
        def.fields
            .iter()
            .map(|f| (f.get_ref().id.as_str(), f.span())),
    );
    for f in &def.fields {
        if let Some(theme) = &f.get_ref().theme {
            if !themes.contains(theme.as_str()) {
                c.error(
                    f.span(),
                    format!("het thema `{theme}` bestaat niet"),
                    format!("bestaande thema's: {}", list(themes)),
                );
            }
        }
    }
    // A derived value may use fields and values derived before it, so there are no cycles.
    for d in &def.derived {
        let derived = d.get_ref();
        for input in derived.inputs() {
            if !known.contains(input) {
                c.error(
                    d.span(),
                    format!(
                        "`{}` rekent met `{input}`, maar dat veld bestaat niet (of komt pas later)",
                        derived.id()
                    ),
                    "noem alleen velden, of afgeleide waarden die eerder in het bestand staan",
                );
            }
        }
        if !known.insert(derived.id()) {
            c.error(
                d.span(),
                format!("dubbele id `{}`", derived.id()),
                "elke id mag in één instrument maar één keer voorkomen",
            );
        }
    }
    for ch in &def.checks {
        let check = ch.get_ref();
        for id in [&check.part, &check.whole] {
            if !known.contains(id.as_str()) {
                c.error(
                    ch.span(),
                    format!("de controle noemt `{id}`, maar dat veld bestaat niet"),
                    format!("bestaande velden: {}", list(&known)),
                );
            }
        }
    }
}

fn list(ids: &BTreeSet<&str>) -> String {
    if ids.is_empty() {
        "(geen)".into()
    } else {
        ids.iter().copied().collect::<Vec<_>>().join(", ")
    }
}

fn build(def: &Definition, url: String) -> Instrument {
    let mut scale: Vec<_> = def.scale.iter().map(|s| s.get_ref().clone()).collect();
    scale.sort_by_key(|s| std::cmp::Reverse(s.points));
    Instrument {
        format: instrument::FORMAT,
        id: def.id.get_ref().clone(),
        version: *def.version.get_ref(),
        title: def.title.clone(),
        kind: def.kind,
        audience: def.audience.clone(),
        description: def.description.clone(),
        intro: def.intro.get_ref().clone(),
        scale,
        not_applicable: def.not_applicable.as_ref().map(|label| NotApplicable {
            id: NOT_APPLICABLE,
            label: label.clone(),
        }),
        themes: def.themes.iter().map(|t| t.get_ref().clone()).collect(),
        items: def
            .items
            .iter()
            .enumerate()
            .map(|(n, i)| {
                let i = i.get_ref();
                instrument::Item {
                    id: i.id.get_ref().clone(),
                    number: n + 1,
                    theme: i.theme.get_ref().clone(),
                    question: i.question.clone(),
                    explanation: i.explanation.clone(),
                    source: i.source.clone(),
                    weight: *i.weight.get_ref(),
                    agenda: i
                        .agenda
                        .as_ref()
                        .or_else(|| theme_agenda(def, i.theme.get_ref()))
                        .map(|a| a.get_ref().clone()),
                    advice: i
                        .advice
                        .iter()
                        .map(|(k, v)| (k.get_ref().clone(), v.clone()))
                        .collect::<BTreeMap<_, _>>(),
                }
            })
            .collect(),
        bands: def.bands.iter().map(|b| b.get_ref().clone()).collect(),
        steps: def.steps.iter().map(|s| s.get_ref().clone()).collect(),
        partners: def.partners.iter().map(|p| p.get_ref().clone()).collect(),
        roles: if def.kind == Kind::Routekaart {
            RoleOption::all()
        } else {
            Vec::new()
        },
        guidance: def.guidance.iter().map(|g| g.get_ref().clone()).collect(),
        fields: def.fields.iter().map(|f| f.get_ref().clone()).collect(),
        derived: def.derived.iter().map(|d| d.get_ref().clone()).collect(),
        checks: def.checks.iter().map(|c| c.get_ref().clone()).collect(),
        actions: def.actions.iter().map(|a| a.get_ref().clone()).collect(),
        url,
    }
}

fn theme_agenda<'d>(def: &'d Definition, theme: &str) -> Option<&'d Spanned<String>> {
    def.themes
        .iter()
        .find(|t| t.get_ref().id == theme)
        .and_then(|t| t.get_ref().agenda.as_ref())
}

/// The rules that need every instrument at once: unique ids, and every `agenda` naming a
/// theme of a werkagenda instrument.
pub fn check_across_files(loaded: &[Loaded], diagnostics: &mut Diagnostics) {
    unique_ids(loaded, diagnostics);
    agenda_themes(loaded, diagnostics);
}

/// The name the render stage calls the cross-file checks by.
pub use self::check_across_files as check_unique_ids;

/// Every `agenda` key must name a theme of a werkagenda instrument (any of them, if a
/// handbook has more than one); with no werkagenda at all, every `agenda` is an error.
fn agenda_themes(loaded: &[Loaded], diagnostics: &mut Diagnostics) {
    let agendas: Vec<&Loaded> = loaded
        .iter()
        .filter(|l| l.def.kind == Kind::Werkagenda)
        .collect();
    let mut known: Vec<&str> = Vec::new();
    for l in &agendas {
        for t in &l.def.themes {
            if !known.contains(&t.get_ref().id.as_str()) {
                known.push(&t.get_ref().id);
            }
        }
    }
    let files: Vec<String> = agendas
        .iter()
        .map(|l| crate::diagnostics::display_path(&l.file.path))
        .collect();
    for l in loaded.iter().filter(|l| l.def.kind != Kind::Werkagenda) {
        for agenda in agenda_refs(&l.def) {
            let id = agenda.get_ref();
            if known.contains(&id.as_str()) {
                continue;
            }
            let (message, hint) = if agendas.is_empty() {
                (
                    format!("`agenda = \"{id}\"` noemt een thema van de werkagenda, maar er is geen werkagenda"),
                    "voeg in checklists/ een instrument toe met kind = \"werkagenda\" en zijn thema's, of haal `agenda` weg".to_string(),
                )
            } else {
                (
                    format!("het werkagenda-thema `{id}` bestaat niet"),
                    format!(
                        "kies een thema uit {}: {}",
                        files.join(", "),
                        if known.is_empty() {
                            "(geen thema's)".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                )
            };
            diagnostics.push(
                Diagnostic::at(&l.file.path, &l.file.text, agenda.span(), message).with_hint(hint),
            );
        }
    }
}

/// Every `agenda` key of a definition, in file order per list. Themes of other kinds are
/// left out: their `agenda` is already refused where it stands.
fn agenda_refs(def: &Definition) -> impl Iterator<Item = &Spanned<String>> {
    let scored = def.kind.is_scored();
    let themes = def
        .themes
        .iter()
        .filter(move |_| scored)
        .map(|t| &t.get_ref().agenda);
    let items = def.items.iter().map(|i| &i.get_ref().agenda);
    let steps = def.steps.iter().map(|s| &s.get_ref().agenda);
    let partners = def.partners.iter().map(|p| &p.get_ref().agenda);
    themes
        .chain(items)
        .chain(steps)
        .chain(partners)
        .filter_map(|a: &AgendaRef| a.as_ref())
}

/// Ids must be unique across files too: the id keys saved answers and share codes.
fn unique_ids(loaded: &[Loaded], diagnostics: &mut Diagnostics) {
    let mut first: BTreeMap<&str, &Loaded> = BTreeMap::new();
    for l in loaded {
        let id = l.def.id.get_ref().as_str();
        if let Some(other) = first.get(id) {
            diagnostics.push(
                Diagnostic::at(
                    &l.file.path,
                    &l.file.text,
                    l.def.id.span(),
                    format!(
                        "de id `{id}` wordt ook gebruikt door {}",
                        crate::diagnostics::display_path(&other.file.path)
                    ),
                )
                .with_hint("geef elk instrument een eigen id"),
            );
        } else {
            first.insert(id, l);
        }
    }
}
