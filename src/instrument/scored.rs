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
    SlotValue, Spec, NOT_APPLICABLE, UNKNOWN,
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
    /// "Niet van toepassing": the item is left out of the score.
    pub not_applicable: Option<FixedAnswer>,
    /// "Weet ik niet": scores as not met and is listed as something to find out.
    pub unknown: Option<FixedAnswer>,
    pub themes: Vec<Anchored<Theme>>,
    pub items: Vec<Item>,
    pub bands: Vec<Band>,
}

/// An answer outside the scale, with a reserved id and the label the TOML gives it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FixedAnswer {
    pub id: &'static str,
    pub label: String,
}

/// The legal duty an item asks after, as the result names it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Duty {
    pub law: String,
    pub article: String,
    /// "Leerplichtwet 1969, artikel 21a": law and article as one line.
    pub text: String,
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
    /// Set when the item asks after a legal duty (absent otherwise: most items are not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duty: Option<Duty>,
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
        // n.v.t. before "weet ik niet": share codes made before the latter existed keep
        // their meaning (an option's number in a code is its place in this list).
        let mut options: Vec<String> = self.scale.iter().map(|s| s.id.clone()).collect();
        for fixed in [&self.not_applicable, &self.unknown].into_iter().flatten() {
            options.push(fixed.id.to_string());
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
        not_applicable: def.not_applicable.as_ref().map(|label| FixedAnswer {
            id: NOT_APPLICABLE,
            label: label.clone(),
        }),
        unknown: def.unknown.as_ref().map(|label| FixedAnswer {
            id: UNKNOWN,
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
        duty: i.duty.as_ref().map(|d| {
            let d = d.get_ref();
            Duty {
                law: d.law.trim().to_string(),
                article: d.article.trim().to_string(),
                text: format!("{}, {}", d.law.trim(), d.article.trim()),
            }
        }),
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
        if let Some(meaning) = fixed_meaning(id) {
            c.error(
                s.span(),
                format!("de id `{id}` is gereserveerd voor '{meaning}'"),
                "kies een andere id voor dit antwoord",
            );
        }
    }
    c.unique(
        "antwoord",
        def.scale
            .iter()
            .filter(|s| fixed_meaning(&s.get_ref().id).is_none())
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

/// What a reserved answer id means, or None for an id a scale may use.
fn fixed_meaning(id: &str) -> Option<&'static str> {
    match id {
        NOT_APPLICABLE => Some("niet van toepassing"),
        UNKNOWN => Some("weet ik niet"),
        _ => None,
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
    if let Some(duty) = &item.duty {
        check_duty(c, duty);
    }
}

/// A duty names a law and an article in it; "artikel" alone, without a number, says nothing.
fn check_duty(c: &mut Checker, duty: &Spanned<crate::load::instruments::Duty>) {
    let d = duty.get_ref();
    if d.law.trim().is_empty() {
        c.error(
            duty.span(),
            "bij deze wettelijke plicht staat geen wet",
            "vul de wet in, bijvoorbeeld law = \"Leerplichtwet 1969\"",
        );
    }
    if !d.article.chars().any(|ch| ch.is_ascii_digit()) {
        c.error(
            duty.span(),
            "bij deze wettelijke plicht staat geen artikelnummer",
            "noem het artikel, bijvoorbeeld article = \"artikel 21a\"",
        );
    }
}

/// Advice is needed for every answer below the top, and only for answers that exist.
fn check_advice(c: &mut Checker, def: &Definition, item: &crate::load::instruments::Item) {
    let scale_ids = scale_ids(def);
    // Advice for "weet ik niet" is optional: without it the page says to find out.
    let unknown_advice = |key: &str| key == UNKNOWN && def.unknown.is_some();
    for key in item.advice.keys() {
        let key_text = key.get_ref().as_str();
        if !scale_ids.contains(key_text) && key_text != NOT_APPLICABLE && !unknown_advice(key_text)
        {
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
