//! What every kind's validation shares: a collector of problems for one file, and the one
//! grammar every id in an instrument follows.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::instruments::Loaded;

/// Ids that would collide with names the page or the browser code already use: `nvt` is the
/// "niet van toepassing" answer, `onbekend` the "weet ik niet" answer, `vastgelegd` the written-down flag of a routekaart step
/// (its answer key is `STEP/vastgelegd`), and `constructor`/`prototype` are names every
/// JavaScript object already has.
pub const RESERVED: [&str; 5] = ["nvt", "onbekend", "vastgelegd", "constructor", "prototype"];

/// Lowercase letters and digits in groups joined by single hyphens: `stap-2`, `thuiszitters`.
/// Control names join two ids with a double hyphen (`rol-STEP--PARTNER`), which no id can
/// contain, so names built from different ids never collide.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9'))
        })
}

/// Collects problems for one file.
pub struct Checker<'a> {
    pub loaded: &'a Loaded,
    pub diagnostics: Diagnostics,
}

impl<'a> Checker<'a> {
    pub fn new(loaded: &'a Loaded) -> Self {
        Checker {
            loaded,
            diagnostics: Diagnostics::new(),
        }
    }

    pub fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let file = &self.loaded.file;
        self.diagnostics
            .push(Diagnostic::at(&file.path, &file.text, span, message).with_hint(hint));
    }

    /// Check one id against the grammar and the reserved words; true when it is usable.
    pub fn id(&mut self, what: &str, id: &str, span: Range<usize>) -> bool {
        if id.trim().is_empty() {
            self.error(
                span,
                format!("{what} zonder id"),
                "geef elk onderdeel een korte id, bijvoorbeeld id = \"registratie\"",
            );
            false
        } else if !is_id(id) {
            self.error(
                span,
                format!("ongeldige id `{id}` bij {what}"),
                "gebruik kleine letters en cijfers, met losse streepjes ertussen, bijvoorbeeld id = \"stap-2\" (geen spaties, hoofdletters, dubbele streepjes of streepjes aan begin of eind)",
            );
            false
        } else if RESERVED.contains(&id) {
            self.error(
                span,
                format!("de id `{id}` bij {what} is gereserveerd"),
                format!(
                    "kies een andere id; deze woorden gebruikt leerrecht zelf: {}",
                    RESERVED.join(", ")
                ),
            );
            false
        } else {
            true
        }
    }

    /// Check the ids of one list: the grammar, and the second and later uses of an id.
    /// Returns the ids seen (also the invalid ones, so later checks do not repeat them).
    pub fn unique<'i>(
        &mut self,
        what: &str,
        ids: impl IntoIterator<Item = (&'i str, Range<usize>)>,
    ) -> BTreeSet<&'i str> {
        let mut seen = BTreeSet::new();
        for (id, span) in ids {
            if !self.id(what, id, span.clone()) {
                seen.insert(id);
            } else if !seen.insert(id) {
                self.error(
                    span,
                    format!("dubbele id `{id}` bij {what}"),
                    "elke id mag in één instrument maar één keer voorkomen",
                );
            }
        }
        seen
    }
}

/// Ids for a message: `a, b, c`, or `(geen)`.
pub fn list(ids: &BTreeSet<&str>) -> String {
    if ids.is_empty() {
        "(geen)".into()
    } else {
        ids.iter().copied().collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::is_id;

    #[test]
    fn ids_are_lowercase_words_joined_by_single_hyphens() {
        for ok in ["a", "stap-2", "a-b-c", "2023"] {
            assert!(is_id(ok), "{ok}");
        }
        for bad in ["", "A", "a--b", "-a", "a-", "a_b", "a b", "é", "a.b", "a/b"] {
            assert!(!is_id(bad), "{bad}");
        }
    }
}
