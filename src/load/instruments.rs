//! `checklists/*.toml`: the interactive instruments, as written by an editor.
//!
//! One flat definition for every kind: toml's `Spanned` does not work inside an internally
//! tagged enum, and spans are kept on everything a later check may point at, so a validation
//! error can name the line. Which lists a kind reads, and the rules they meet, are in the
//! kind's module under `crate::instrument`; here only the TOML shape is enforced.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::source::{read_text, SourceFile};
use super::templates::list_files;
use super::toml_error;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::instrument::{Audience, Kind};

pub const DIR: &str = "checklists";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub id: Spanned<String>,
    pub version: Spanned<u32>,
    pub title: String,
    pub kind: Kind,
    #[serde(default)]
    pub audience: Vec<Audience>,
    #[serde(default)]
    pub description: Option<String>,
    /// Markdown shown above the form.
    #[serde(default = "no_text")]
    pub intro: Spanned<String>,
    #[serde(default)]
    pub weight: i64,
    /// Answer options of scored kinds, from worst to best or in any order; points decide.
    #[serde(default)]
    pub scale: Vec<Spanned<ScaleOption>>,
    /// Label of the "niet van toepassing" option; leaving it out means every item applies.
    #[serde(default)]
    pub not_applicable: Option<String>,
    /// Label of the "weet ik niet" option: an answer that scores as not met and becomes
    /// something to find out; leaving it out means the form does not offer it.
    #[serde(default)]
    pub unknown: Option<String>,
    #[serde(default)]
    pub themes: Vec<Spanned<Theme>>,
    #[serde(default)]
    pub items: Vec<Spanned<Item>>,
    #[serde(default)]
    pub bands: Vec<Spanned<Band>>,
    #[serde(default)]
    pub steps: Vec<Spanned<Step>>,
    #[serde(default)]
    pub partners: Vec<Spanned<Partner>>,
    /// The usual division of roles, shown as guidance next to the routekaart.
    #[serde(default)]
    pub guidance: Vec<Spanned<Guidance>>,
    #[serde(default)]
    pub fields: Vec<Spanned<Field>>,
    #[serde(default)]
    pub derived: Vec<Spanned<Derived>>,
    #[serde(default)]
    pub checks: Vec<Spanned<Check>>,
    /// Example actions of a werkagenda.
    #[serde(default)]
    pub actions: Vec<Spanned<Action>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub theme: String,
    /// What to do.
    pub action: String,
    /// What it should achieve.
    #[serde(default)]
    pub goal: String,
    /// Who usually owns it (a role, not a name).
    #[serde(default)]
    pub owner: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    pub id: String,
    pub label: String,
    pub points: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The werkagenda theme the gaps of this theme's items go under (see [`AgendaRef`]).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub agenda: AgendaRef,
}

/// `agenda = "vroeg"`: the id of a theme of the werkagenda instrument. On the themes and items
/// of a scored instrument and on the steps and partners of a routekaart, so the werkagenda
/// page knows under which of its themes a gap or finding becomes a proposed action. Checked
/// across files in `validate::instruments`. In the JSON it is the plain id, or null.
pub type AgendaRef = Option<Spanned<String>>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: Spanned<String>,
    pub theme: Spanned<String>,
    pub question: String,
    /// Markdown: why this matters.
    #[serde(default = "no_text")]
    pub explanation: Spanned<String>,
    /// Law and article, or the document the item comes from.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default = "one")]
    pub weight: Spanned<f64>,
    /// Advice per answer level (scale id → text).
    #[serde(default)]
    pub advice: BTreeMap<Spanned<String>, String>,
    /// Overrides the theme's `agenda` for this item: one theme of a checklist can hold items
    /// that belong under different werkagenda themes.
    #[serde(default)]
    pub agenda: AgendaRef,
    /// Set when the item asks after a legal duty: the result then names it with law and
    /// article when it is not fully met, and the top band is out of reach.
    #[serde(default)]
    pub duty: Option<Spanned<Duty>>,
}

/// `duty = { law = "Leerplichtwet 1969", article = "artikel 21a" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub law: String,
    pub article: String,
}

fn no_text() -> Spanned<String> {
    Spanned::new(0..0, String::new())
}

fn one() -> Spanned<f64> {
    Spanned::new(0..0, 1.0)
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Inclusive bounds in whole percents.
    pub from: u32,
    pub to: u32,
    pub label: String,
    pub message: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Where the findings about this step (no regie, several, not written down) go.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub agenda: AgendaRef,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub id: String,
    pub title: String,
    /// Where the finding "this partner has no role anywhere" goes.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub agenda: AgendaRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Regie,
    NeemtDeel,
    GeenRol,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Regie, Role::NeemtDeel, Role::GeenRol];

    pub fn id(self) -> &'static str {
        match self {
            Role::Regie => "regie",
            Role::NeemtDeel => "neemt_deel",
            Role::GeenRol => "geen_rol",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Regie => "regie",
            Role::NeemtDeel => "neemt deel",
            Role::GeenRol => "geen rol",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub step: String,
    pub partner: String,
    pub role: Role,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    #[serde(default)]
    pub theme: Option<String>,
    pub label: String,
    /// What exactly to count.
    #[serde(default)]
    pub definition: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Derived {
    /// The sum of some fields.
    Sum {
        id: String,
        label: String,
        of: Vec<String>,
    },
    /// One field (or derived total) divided by another, shown as a percentage.
    Ratio {
        id: String,
        label: String,
        numerator: String,
        denominator: String,
    },
}

impl Derived {
    pub fn id(&self) -> &str {
        match self {
            Derived::Sum { id, .. } | Derived::Ratio { id, .. } => id,
        }
    }

    /// The ids this value is computed from.
    pub fn inputs(&self) -> Vec<&str> {
        match self {
            Derived::Sum { of, .. } => of.iter().map(String::as_str).collect(),
            Derived::Ratio {
                numerator,
                denominator,
                ..
            } => vec![numerator, denominator],
        }
    }
}

/// `part` may not exceed `whole` (fields or derived totals).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub part: String,
    pub whole: String,
    pub message: String,
}

/// A definition with the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: SourceFile,
    pub def: Definition,
}

/// Every definition that parses; the keys of those that do not go into `unreadable`.
pub fn load(
    root: &Path,
    diagnostics: &mut Diagnostics,
    unreadable: &mut std::collections::BTreeSet<String>,
) -> Vec<Loaded> {
    let mut loaded = Vec::new();
    for rel in list_files(root, Path::new(DIR), diagnostics) {
        if rel.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        match load_one(root, &rel) {
            Ok(l) => loaded.push(l),
            Err(d) => {
                unreadable.insert(crate::diagnostics::display_path(&rel));
                diagnostics.push(d);
            }
        }
    }
    loaded
}

fn load_one(root: &Path, rel: &Path) -> Result<Loaded, Diagnostic> {
    let file = read_text(root, rel)?;
    let def: Definition = toml::from_str(&file.text).map_err(|e| {
        toml_error::diagnostic(
            &file,
            0,
            &e,
            "zie de README (De instrumenten) voor alle sleutels per soort instrument".into(),
        )
    })?;
    Ok(Loaded { file, def })
}
