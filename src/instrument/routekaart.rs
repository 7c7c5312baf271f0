//! The routekaart: a matrix of route steps × partners; per cell one role (regie, neemt deel,
//! geen rol), and per step whether the agreements are written down.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Serialize;

use super::check::{list, Checker};
use super::{Body, KindBody, List, Need, Slot, SlotValue, Spec};
use crate::load::instruments::{Definition, Guidance, Partner, Role, Step};

pub(super) static SPEC: Spec = Spec {
    label: "routekaart",
    lists: &[
        (List::Steps, Need::Required),
        (List::Partners, Need::Required),
        (List::Guidance, Need::Optional),
    ],
    theme_agenda: false,
    build: |c, def, _| Body::Routekaart(build(c, def)),
};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Routekaart {
    pub steps: Vec<RouteStep>,
    pub partners: Vec<Partner>,
    pub roles: Vec<RoleOption>,
    /// The usual division of roles, shown as guidance next to the form.
    pub guidance: Vec<Guidance>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RouteStep {
    #[serde(flatten)]
    pub step: Step,
    /// The step's fieldset.
    pub anchor: String,
    /// The name of the checkbox "written down".
    pub written: String,
    /// The name of each partner's radio buttons, in partner order.
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RoleOption {
    pub id: &'static str,
    pub label: &'static str,
}

impl KindBody for Routekaart {
    fn slots(&self) -> Vec<Slot> {
        let options: Vec<String> = self.roles.iter().map(|r| r.id.to_string()).collect();
        let mut slots = Vec::new();
        for (n, step) in self.steps.iter().enumerate() {
            let id = &step.step.id;
            let named = format!("stap {} ({})", n + 1, step.step.title);
            for (partner, control) in self.partners.iter().zip(&step.cells) {
                slots.push(Slot {
                    key: format!("{id}/{}", partner.id),
                    value: SlotValue::Choice {
                        options: options.clone(),
                    },
                    label: format!("{named}, {}", partner.title),
                    control: control.clone(),
                    anchor: step.anchor.clone(),
                    step: Some(id.clone()),
                    partner: Some(partner.id.clone()),
                });
            }
            slots.push(Slot {
                key: format!("{id}/vastgelegd"),
                value: SlotValue::Flag,
                label: format!("{named}, op papier"),
                control: step.written.clone(),
                anchor: step.anchor.clone(),
                step: Some(id.clone()),
                partner: None,
            });
        }
        slots
    }

    fn anchors(&self) -> Vec<String> {
        self.steps.iter().map(|s| s.anchor.clone()).collect()
    }

    fn partial(&self) -> &'static str {
        "partials/instrument-routekaart.html"
    }

    fn parts(&self) -> usize {
        self.steps.len()
    }

    fn size(&self) -> Option<String> {
        Some(format!(
            "{} stappen, {} partners",
            self.steps.len(),
            self.partners.len()
        ))
    }

    fn proposes_actions(&self) -> bool {
        true
    }
}

fn build(c: &mut Checker, def: &Definition) -> Routekaart {
    check(c, def);
    let partners: Vec<Partner> = def.partners.iter().map(|p| p.get_ref().clone()).collect();
    Routekaart {
        steps: def
            .steps
            .iter()
            .map(|s| {
                let step = s.get_ref().clone();
                RouteStep {
                    anchor: format!("stap-{}", step.id),
                    written: format!("vastgelegd-{}", step.id),
                    // Two hyphens: no id holds them, so (`a-b`, `c`) and (`a`, `b-c`) differ.
                    cells: partners
                        .iter()
                        .map(|p| format!("rol-{}--{}", step.id, p.id))
                        .collect(),
                    step,
                }
            })
            .collect(),
        partners,
        roles: Role::ALL
            .iter()
            .map(|r| RoleOption {
                id: r.id(),
                label: r.label(),
            })
            .collect(),
        guidance: def.guidance.iter().map(|g| g.get_ref().clone()).collect(),
    }
}

fn check(c: &mut Checker, def: &Definition) {
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
