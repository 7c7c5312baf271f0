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
            let url = entry.url.get_ref();
            // The menu is on every page, at every depth: a relative address would only work
            // on the pages at the top.
            if !url.starts_with("@/") && !super::links::is_external(url) {
                diagnostics.push(
                    Diagnostic::at(&file.path, &file.text, entry.url.span(), format!("menu-adres `{url}` is relatief; het menu staat op elke pagina, ook in submappen, en zou daar niet werken"))
                        .with_hint("schrijf een pagina als @/pad/naar/pagina.md (gezien vanaf content/), of een volledig adres met https://"),
                );
                return None;
            }
            targets
                .resolve("index.html", None, url)
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
