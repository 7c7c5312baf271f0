//! The menu of `site.toml`: every entry resolves like a link written on the home page.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::Site;

use super::links::LinkTargets;

/// Each entry's address relative to the site root; None for an external one.
pub fn resolve(
    site: &Site,
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
) -> Vec<Option<String>> {
    let file = &site.config.file;
    site.config
        .config
        .menu
        .iter()
        .map(|entry| {
            targets
                .resolve("index.html", None, entry.url.get_ref())
                .unwrap_or_else(|e| {
                    diagnostics.push(
                        Diagnostic::at(
                            &file.path,
                            &file.text,
                            entry.url.span(),
                            e.message(entry.url.get_ref()),
                        )
                        .with_hint(e.hint()),
                    );
                    None
                })
        })
        .collect()
}
