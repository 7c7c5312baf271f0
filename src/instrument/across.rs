//! The rules that need every instrument at once.

use std::collections::BTreeMap;

use super::{agenda_refs, Kind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::instruments::Loaded;

/// The rules that need every instrument at once: unique ids, and every `agenda` naming a
/// theme of a werkagenda instrument.
pub fn check_across_files(loaded: &[Loaded], diagnostics: &mut Diagnostics) {
    unique_ids(loaded, diagnostics);
    agenda_themes(loaded, diagnostics);
}

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
