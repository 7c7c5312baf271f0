//! Scored kinds (checklist, toetsvragen): questions answered on a scale with points, grouped
//! in themes, with advice per answer and score bands.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use schemars::JsonSchema;
use serde::Serialize;
use toml::Spanned;

use super::check::{list, Checker};
use super::{
    anchored_themes, check_theme, Anchored, Body, Explanation, KindBody, List, Need, Slot,
    SlotValue, Spec, NOT_APPLICABLE,
};
use crate::load::instruments::{Band, Definition, ScaleOption, Theme};

const LISTS: &[(List, Need)] = &[
    (List::Scale, Need::Required),
    (List::Items, Need::Required),
    (List::Bands, Need::Required),
];

pub(super) static CHECKLIST: Spec = Spec {
    label: "checklist",
    lists: LISTS,
    theme_agenda: true,
    build: |c, def, themes| Body::Checklist(build(c, def, themes)),
};

pub(super) static TOETSVRAGEN: Spec = Spec {
    label: "toetsvragen",
    lists: LISTS,
    theme_agenda: true,
    build: |c, def, themes| Body::Toetsvragen(build(c, def, themes)),
};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Scored {
    /// Scale options ordered from most to fewest points.
    pub scale: Vec<ScaleOption>,
    pub not_applicable: Option<NotApplicable>,
    pub themes: Vec<Anchored<Theme>>,
    pub items: Vec<Item>,
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NotApplicable {
    pub id: &'static str,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Item {
    pub id: String,
    /// 1-based position in the whole instrument, as printed before the question.
    pub number: usize,
    pub theme: String,
    pub question: String,
    pub explanation: String,
    pub source: Option<String>,
    pub weight: f64,
    pub advice: BTreeMap<String, String>,
    /// The werkagenda theme this item's gap goes under: the item's own `agenda`, else its
    /// theme's; null when neither names one (the page then shows it without a theme).
    pub agenda: Option<String>,
    /// The question's fieldset.
    pub anchor: String,
    /// The name of its answer's radio buttons.
    pub control: String,
    /// The name (and id) of its note field.
    pub note: String,
    /// Where the explanation is in its file (the item, when it has none), for messages
    /// about the links in it.
    #[serde(skip)]
    pub span: Range<usize>,
}

impl KindBody for Scored {
    fn slots(&self) -> Vec<Slot> {
        let mut options: Vec<String> = self.scale.iter().map(|s| s.id.clone()).collect();
        if let Some(na) = &self.not_applicable {
            options.push(na.id.to_string());
        }
        self.items
            .iter()
            .map(|item| Slot {
                key: item.id.clone(),
                value: SlotValue::Choice {
                    options: options.clone(),
                },
                label: format!("vraag {}", item.number),
                control: item.control.clone(),
                anchor: item.anchor.clone(),
                step: None,
                partner: None,
            })
            .collect()
    }

    fn anchors(&self) -> Vec<String> {
        let themes = self.themes.iter().map(|t| t.anchor.clone());
        themes
            .chain(self.items.iter().map(|i| i.anchor.clone()))
            .collect()
    }

    fn partial(&self) -> &'static str {
        "partials/instrument-scored.html"
    }

    fn parts(&self) -> usize {
        self.items.len()
    }

    fn size(&self) -> Option<String> {
        Some(format!("{} vragen", self.items.len()))
    }

    fn explanations(&self) -> Vec<Explanation<'_>> {
        self.items
            .iter()
            .map(|i| Explanation {
                item: &i.id,
                markdown: &i.explanation,
                span: i.span.clone(),
            })
            .collect()
    }

    fn has_notes(&self) -> bool {
        true
    }

    fn proposes_actions(&self) -> bool {
        true
    }
}

fn build(c: &mut Checker, def: &Definition, themes: &BTreeSet<&str>) -> Scored {
    check_scale(c, def);
    check_items(c, def, themes);
    check_bands(c, def);
    let mut scale: Vec<_> = def.scale.iter().map(|s| s.get_ref().clone()).collect();
    scale.sort_by_key(|s| std::cmp::Reverse(s.points));
    Scored {
        scale,
        not_applicable: def.not_applicable.as_ref().map(|label| NotApplicable {
            id: NOT_APPLICABLE,
            label: label.clone(),
        }),
        themes: anchored_themes(def),
        items: def
            .items
            .iter()
            .enumerate()
            .map(|(n, i)| item(def, n, i))
            .collect(),
        bands: def.bands.iter().map(|b| b.get_ref().clone()).collect(),
    }
}

fn item(def: &Definition, n: usize, spanned: &Spanned<crate::load::instruments::Item>) -> Item {
    let i = spanned.get_ref();
    let id = i.id.get_ref();
    Item {
        id: id.clone(),
        number: n + 1,
        theme: i.theme.get_ref().clone(),
        question: i.question.clone(),
        explanation: i.explanation.get_ref().clone(),
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
            .collect(),
        anchor: format!("vraag-{id}"),
        control: format!("antwoord-{id}"),
        note: format!("notitie-{id}"),
        span: match i.explanation.span() {
            empty if empty.is_empty() => spanned.span(),
            written => written,
        },
    }
}

fn theme_agenda<'d>(def: &'d Definition, theme: &str) -> Option<&'d Spanned<String>> {
    def.themes
        .iter()
        .find(|t| t.get_ref().id == theme)
        .and_then(|t| t.get_ref().agenda.as_ref())
}

fn scale_ids(def: &Definition) -> BTreeSet<&str> {
    def.scale.iter().map(|s| s.get_ref().id.as_str()).collect()
}

fn top_points(def: &Definition) -> u32 {
    def.scale
        .iter()
        .map(|s| s.get_ref().points)
        .max()
        .unwrap_or(0)
}

fn check_scale(c: &mut Checker, def: &Definition) {
    for s in &def.scale {
        let id = &s.get_ref().id;
        if id == NOT_APPLICABLE {
            c.error(
                s.span(),
                format!("de id `{NOT_APPLICABLE}` is gereserveerd voor 'niet van toepassing'"),
                "kies een andere id voor dit antwoord",
            );
        }
    }
    c.unique(
        "antwoord",
        def.scale
            .iter()
            .filter(|s| s.get_ref().id != NOT_APPLICABLE)
            .map(|s| (s.get_ref().id.as_str(), s.span())),
    );
    if top_points(def) == 0 && !def.scale.is_empty() {
        c.error(
            def.scale[0].span(),
            "geen enkel antwoord levert punten op",
            "geef het beste antwoord de meeste punten, bijvoorbeeld points = 2",
        );
    }
}

fn check_items(c: &mut Checker, def: &Definition, themes: &BTreeSet<&str>) {
    c.unique(
        "vraag",
        def.items
            .iter()
            .map(|i| (i.get_ref().id.get_ref().as_str(), i.get_ref().id.span())),
    );
    for item in &def.items {
        check_item(c, def, themes, item.get_ref());
    }
}

fn check_item(
    c: &mut Checker,
    def: &Definition,
    themes: &BTreeSet<&str>,
    item: &crate::load::instruments::Item,
) {
    check_theme(c, themes, item.theme.get_ref(), item.theme.span());
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
    check_advice(c, def, item);
}

/// Advice is needed for every answer below the top, and only for answers that exist.
fn check_advice(c: &mut Checker, def: &Definition, item: &crate::load::instruments::Item) {
    let scale_ids = scale_ids(def);
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
    let top = top_points(def);
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

/// Bands must cover 0–100 % exactly once: sorted, each starting one above the previous end.
fn check_bands(c: &mut Checker, def: &Definition) {
    let mut bands: Vec<&Spanned<Band>> = def.bands.iter().collect();
    bands.sort_by_key(|b| b.get_ref().from);
    let mut expected_from = 0;
    for band in &bands {
        let b = band.get_ref();
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
    check_top_band(c, &bands);
}

fn check_top_band(c: &mut Checker, bands: &[&Spanned<Band>]) {
    let Some(last) = bands.last() else {
        return;
    };
    let to = last.get_ref().to;
    if to < 100 {
        c.error(
            last.span(),
            format!("van {} tot 100 % valt geen enkele band", to + 1),
            "laat de hoogste band eindigen bij to = 100",
        );
    } else if to > 100 {
        c.error(
            last.span(),
            "een band loopt verder dan 100 %",
            "laat de hoogste band eindigen bij to = 100",
        );
    }
}
