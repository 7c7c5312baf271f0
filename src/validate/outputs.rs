//! Two inputs must never write the same output file: the second would silently replace the
//! first (`a b.md` and `a-b.md` both become `a-b.html`).

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// `claims` holds (output path, the input that wants it, as shown to the editor).
pub fn check_unique(claims: &[(String, String)], diagnostics: &mut Diagnostics) {
    let mut by_path: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (path, origin) in claims {
        by_path.entry(path).or_default().push(origin);
    }
    for (path, origins) in by_path {
        if origins.len() > 1 {
            let first = origins[0];
            diagnostics.push(
                Diagnostic::file(first, format!("{} bestanden schrijven allemaal naar {path}: {}", origins.len(), origins.join(", ")))
                    .with_hint("geef een van de bestanden een andere naam; bestandsnamen worden in kleine letters met streepjes omgezet"),
            );
        }
    }
}
