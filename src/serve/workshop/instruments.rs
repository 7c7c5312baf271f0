//! The instruments a workshop accepts answers for, read from the build's
//! `instrumenten/*.json`, and the check of one participant's answers against them: the same
//! slots and values a result file may hold (`docs/deelcode.md`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Read};
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

/// A build's instrument JSON is a few tens of kB; anything far larger is not ours.
const MAX_JSON: u64 = 4 * 1024 * 1024;
/// Counts in an inventarisatie, as in a result file.
const MAX_COUNT: f64 = 1e12;

#[derive(Debug)]
pub struct Instrument {
    pub id: String,
    pub version: u64,
    pub title: String,
    slots: Slots,
}

/// The answer slots of an instrument, by kind. A werkagenda has none and is not listed.
#[derive(Debug)]
enum Slots {
    /// checklist, toetsvragen: item id → a scale id or the n.v.t. id.
    Scored {
        items: BTreeSet<String>,
        options: BTreeSet<String>,
    },
    /// `STEP/PARTNER` → a role id; `STEP/vastgelegd` → true or false.
    Routekaart {
        cells: BTreeSet<String>,
        written: BTreeSet<String>,
        roles: BTreeSet<String>,
    },
    /// field id → a finite number.
    Counts { fields: BTreeSet<String> },
}

/// What a definition file holds that matters here (the rest is ignored).
#[derive(Deserialize)]
struct Raw {
    id: String,
    version: u64,
    title: String,
    kind: String,
    #[serde(default)]
    scale: Vec<WithId>,
    #[serde(default)]
    not_applicable: Option<WithId>,
    #[serde(default)]
    unknown: Option<WithId>,
    #[serde(default)]
    items: Vec<WithId>,
    #[serde(default)]
    steps: Vec<WithId>,
    #[serde(default)]
    partners: Vec<WithId>,
    #[serde(default)]
    roles: Vec<WithId>,
    #[serde(default)]
    fields: Vec<WithId>,
}

#[derive(Deserialize)]
struct WithId {
    id: String,
}

fn ids(list: &[WithId]) -> BTreeSet<String> {
    list.iter().map(|x| x.id.clone()).collect()
}

impl Instrument {
    fn from_raw(raw: Raw) -> Option<Instrument> {
        let slots = match raw.kind.as_str() {
            "checklist" | "toetsvragen" => Slots::Scored {
                items: ids(&raw.items),
                options: ids(&raw.scale)
                    .into_iter()
                    .chain(raw.not_applicable.map(|n| n.id))
                    .chain(raw.unknown.map(|n| n.id))
                    .collect(),
            },
            "routekaart" => Slots::Routekaart {
                cells: raw
                    .steps
                    .iter()
                    .flat_map(|s| {
                        raw.partners
                            .iter()
                            .map(move |p| format!("{}/{}", s.id, p.id))
                    })
                    .collect(),
                written: raw
                    .steps
                    .iter()
                    .map(|s| format!("{}/vastgelegd", s.id))
                    .collect(),
                roles: ids(&raw.roles),
            },
            "inventarisatie" => Slots::Counts {
                fields: ids(&raw.fields),
            },
            _ => return None,
        };
        Some(Instrument {
            id: raw.id,
            version: raw.version,
            title: raw.title,
            slots,
        })
    }

    /// Check every answer; the first problem as a Dutch sentence for the participant.
    pub fn check_answers(&self, answers: &BTreeMap<String, Value>) -> Result<(), String> {
        if answers.is_empty() {
            return Err("Er zijn nog geen antwoorden: vul eerst iets in.".into());
        }
        for (key, value) in answers {
            self.check_answer(key, value)?;
        }
        Ok(())
    }

    fn check_answer(&self, key: &str, value: &Value) -> Result<(), String> {
        let unknown = || {
            format!(
                "De vraag '{}' hoort niet bij {}: laad de pagina opnieuw.",
                shorten(key),
                self.title
            )
        };
        let wrong = || {
            format!(
                "Het antwoord op '{}' is geen van de keuzes: kies opnieuw.",
                shorten(key)
            )
        };
        match &self.slots {
            Slots::Scored { items, options } => {
                if !items.contains(key) {
                    return Err(unknown());
                }
                match value.as_str() {
                    Some(v) if options.contains(v) => Ok(()),
                    _ => Err(wrong()),
                }
            }
            Slots::Routekaart {
                cells,
                written,
                roles,
            } => {
                if cells.contains(key) {
                    match value.as_str() {
                        Some(v) if roles.contains(v) => Ok(()),
                        _ => Err(wrong()),
                    }
                } else if written.contains(key) {
                    match value {
                        Value::Bool(_) => Ok(()),
                        _ => Err(wrong()),
                    }
                } else {
                    Err(unknown())
                }
            }
            Slots::Counts { fields } => {
                if !fields.contains(key) {
                    return Err(unknown());
                }
                match value.as_f64() {
                    Some(n) if n.is_finite() && n.abs() <= MAX_COUNT => Ok(()),
                    _ => Err(format!(
                        "Bij '{}' hoort een getal (hoogstens 12 cijfers).",
                        shorten(key)
                    )),
                }
            }
        }
    }
}

/// A key from a client, cut short for a message.
fn shorten(key: &str) -> String {
    let mut short: String = key.chars().filter(|c| !c.is_control()).take(40).collect();
    if key.chars().count() > 40 {
        short.push('…');
    }
    short
}

/// Every instrument with answers in `out/instrumenten/`, by id.
pub fn load(out: &Path) -> io::Result<BTreeMap<String, Instrument>> {
    let dir = out.join("instrumenten");
    let mut found = BTreeMap::new();
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "{} is niet te lezen ({e}): is dit de uitvoer van leerrecht build?",
                dir.display()
            ),
        )
    })?;
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = read_bounded(&path)?;
        let raw: Raw = serde_json::from_str(&text).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is geen instrument van leerrecht: {e}", path.display()),
            )
        })?;
        if let Some(instrument) = Instrument::from_raw(raw) {
            found.insert(instrument.id.clone(), instrument);
        }
    }
    Ok(found)
}

fn read_bounded(path: &Path) -> io::Result<String> {
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is geen gewoon bestand",
            path.display()
        )));
    }
    let mut text = String::new();
    file.take(MAX_JSON).read_to_string(&mut text)?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn checklist() -> Instrument {
        let raw: Raw = serde_json::from_value(json!({
            "id": "mini", "version": 1, "title": "Mini", "kind": "checklist",
            "scale": [{"id": "ja"}, {"id": "nee"}], "not_applicable": {"id": "nvt"},
            "items": [{"id": "plan"}]
        }))
        .unwrap();
        Instrument::from_raw(raw).unwrap()
    }

    fn answers(value: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn known_items_with_known_options_pass() {
        let mini = checklist();
        assert!(mini.check_answers(&answers(json!({"plan": "ja"}))).is_ok());
        assert!(mini.check_answers(&answers(json!({"plan": "nvt"}))).is_ok());
        assert!(mini
            .check_answers(&answers(json!({"plan": "misschien"})))
            .is_err());
        assert!(mini
            .check_answers(&answers(json!({"ander": "ja"})))
            .is_err());
        assert!(mini.check_answers(&answers(json!({"plan": 1}))).is_err());
        assert!(mini.check_answers(&answers(json!({}))).is_err());
    }

    #[test]
    fn routekaart_cells_take_roles_and_steps_a_boolean() {
        let raw: Raw = serde_json::from_value(json!({
            "id": "rk", "version": 2, "title": "Rk", "kind": "routekaart",
            "steps": [{"id": "signaal"}], "partners": [{"id": "school"}],
            "roles": [{"id": "regie"}, {"id": "geen_rol"}]
        }))
        .unwrap();
        let rk = Instrument::from_raw(raw).unwrap();
        assert!(rk
            .check_answers(&answers(
                json!({"signaal/school": "regie", "signaal/vastgelegd": true})
            ))
            .is_ok());
        assert!(rk
            .check_answers(&answers(json!({"signaal/school": true})))
            .is_err());
        assert!(rk
            .check_answers(&answers(json!({"signaal/ouders": "regie"})))
            .is_err());
    }
}
