//! The inventarisatie: counts of relative and absolute absence, with totals and ratios
//! derived from them and checks that one count fits inside another.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Serialize;

use super::check::{list, Checker};
use super::{
    anchored_themes, check_theme, Anchored, Body, KindBody, List, Need, Slot, SlotValue, Spec,
};
use crate::load::instruments::{Check, Definition, Derived, Field, Theme};

pub(super) static SPEC: Spec = Spec {
    label: "inventarisatie",
    lists: &[
        (List::Fields, Need::Required),
        (List::Derived, Need::Optional),
        (List::Checks, Need::Optional),
    ],
    theme_agenda: false,
    build: |c, def, themes| Body::Inventarisatie(build(c, def, themes)),
};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Inventarisatie {
    pub themes: Vec<Anchored<Theme>>,
    pub fields: Vec<CountField>,
    pub derived: Vec<Derived>,
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CountField {
    #[serde(flatten)]
    pub field: Field,
    /// The id of its input, to jump to.
    pub anchor: String,
    /// The name of its input.
    pub control: String,
}

impl KindBody for Inventarisatie {
    fn slots(&self) -> Vec<Slot> {
        self.fields
            .iter()
            .map(|f| Slot {
                key: f.field.id.clone(),
                value: SlotValue::Number,
                label: f.field.label.clone(),
                control: f.control.clone(),
                anchor: f.anchor.clone(),
                step: None,
                partner: None,
            })
            .collect()
    }

    fn anchors(&self) -> Vec<String> {
        let themes = self.themes.iter().map(|t| t.anchor.clone());
        themes
            .chain(self.fields.iter().map(|f| f.anchor.clone()))
            .collect()
    }

    fn partial(&self) -> &'static str {
        "partials/instrument-inventarisatie.html"
    }

    fn parts(&self) -> usize {
        self.fields.len()
    }

    fn size(&self) -> Option<String> {
        Some(format!("{} getallen", self.fields.len()))
    }
}

fn build(c: &mut Checker, def: &Definition, themes: &BTreeSet<&str>) -> Inventarisatie {
    check(c, def, themes);
    Inventarisatie {
        themes: anchored_themes(def),
        fields: def
            .fields
            .iter()
            .map(|f| {
                let field = f.get_ref().clone();
                // The input's id and name are the same: its label points at it by id.
                let name = format!("veld-{}", field.id);
                CountField {
                    anchor: name.clone(),
                    control: name,
                    field,
                }
            })
            .collect(),
        derived: def.derived.iter().map(|d| d.get_ref().clone()).collect(),
        checks: def.checks.iter().map(|c| c.get_ref().clone()).collect(),
    }
}

fn check(c: &mut Checker, def: &Definition, themes: &BTreeSet<&str>) {
    let mut known: BTreeSet<&str> = c.unique(
        "veld",
        def.fields
            .iter()
            .map(|f| (f.get_ref().id.as_str(), f.span())),
    );
    for f in &def.fields {
        if let Some(theme) = &f.get_ref().theme {
            check_theme(c, themes, theme, f.span());
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
        if c.id("afgeleide waarde", derived.id(), d.span()) && !known.insert(derived.id()) {
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
