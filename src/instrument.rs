//! A validated instrument: what the form is rendered from and what the browser scores from.
//! Serialized as the instrument's JSON (embedded in its page and written next to it), so
//! field names here are the JSON format; bump [`FORMAT`] when they change incompatibly.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::instruments::{
    Action, Audience, Band, Check, Derived, Field, Guidance, Kind, Partner, Role, ScaleOption,
    Step, Theme,
};

pub const FORMAT: u32 = 1;

/// The id of the "niet van toepassing" answer; reserved, so no scale option may use it.
pub const NOT_APPLICABLE: &str = "nvt";

#[derive(Debug, Clone, Serialize)]
pub struct Instrument {
    pub format: u32,
    pub id: String,
    pub version: u32,
    pub title: String,
    pub kind: Kind,
    pub audience: Vec<Audience>,
    pub description: Option<String>,
    pub intro: String,
    /// Scale options ordered from most to fewest points.
    pub scale: Vec<ScaleOption>,
    pub not_applicable: Option<NotApplicable>,
    pub themes: Vec<Theme>,
    pub items: Vec<Item>,
    pub bands: Vec<Band>,
    pub steps: Vec<Step>,
    pub partners: Vec<Partner>,
    pub roles: Vec<RoleOption>,
    pub guidance: Vec<Guidance>,
    pub fields: Vec<Field>,
    pub derived: Vec<Derived>,
    pub checks: Vec<Check>,
    pub actions: Vec<Action>,
    /// The instrument's page, relative to the site root.
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NotApplicable {
    pub id: &'static str,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleOption {
    pub id: &'static str,
    pub label: &'static str,
}

impl RoleOption {
    pub fn all() -> Vec<RoleOption> {
        Role::ALL
            .iter()
            .map(|r| RoleOption {
                id: r.id(),
                label: r.label(),
            })
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
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
}

impl Instrument {
    /// Items of one theme, in file order.
    pub fn items_of<'a>(&'a self, theme: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.theme == theme)
    }
}
