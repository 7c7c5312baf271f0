//! The werkagenda data: the themes of a regional work agenda with example actions. Not a form:
//! the werkagenda page starts from these, and turns the other instruments' gaps into actions
//! under these themes.

use schemars::JsonSchema;
use serde::Serialize;

use super::{anchored_themes, check_theme, Anchored, Body, KindBody, List, Need, Slot, Spec};
use crate::load::instruments::{Action, Definition, Theme};

pub(super) static SPEC: Spec = Spec {
    label: "werkagenda",
    lists: &[(List::Actions, Need::Required)],
    theme_agenda: false,
    build: |c, def, themes| {
        for a in &def.actions {
            check_theme(c, themes, &a.get_ref().theme, a.span());
        }
        Body::Werkagenda(build(def))
    },
};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Werkagenda {
    pub themes: Vec<Anchored<Theme>>,
    /// Example actions.
    pub actions: Vec<Action>,
}

fn build(def: &Definition) -> Werkagenda {
    Werkagenda {
        themes: anchored_themes(def),
        actions: def.actions.iter().map(|a| a.get_ref().clone()).collect(),
    }
}

impl KindBody for Werkagenda {
    fn slots(&self) -> Vec<Slot> {
        Vec::new()
    }

    fn anchors(&self) -> Vec<String> {
        self.themes.iter().map(|t| t.anchor.clone()).collect()
    }

    fn partial(&self) -> &'static str {
        "partials/instrument-werkagenda.html"
    }

    fn parts(&self) -> usize {
        0
    }

    fn size(&self) -> Option<String> {
        None
    }

    fn has_participants(&self) -> bool {
        false
    }

    fn is_agenda(&self) -> bool {
        true
    }
}
