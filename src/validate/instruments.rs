//! The instruments of the site: each validated by its kind's rules (see `crate::instrument`),
//! the rules across files, and the links in their explanations.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::instrument::{self, Instrument};
use crate::markdown;
use crate::site::Site;

use super::links::LinkTargets;

/// Every instrument, indexed like `site.instruments`, also those with problems (which are in
/// `diagnostics`), so that links to their parts can still be checked.
pub fn validate(site: &Site, diagnostics: &mut Diagnostics) -> Vec<Instrument> {
    instrument::check_across_files(&site.instruments, diagnostics);
    site.instruments
        .iter()
        .enumerate()
        .map(|(index, loaded)| {
            // The load stage gave every instrument a page.
            let url = site
                .pages
                .iter()
                .find(|p| p.instrument == Some(index))
                .map(|p| p.url.clone())
                .unwrap_or_default();
            let (instrument, problems) = instrument::validate(loaded, url);
            diagnostics.extend(problems);
            instrument
        })
        .collect()
}

/// Links in the explanations resolve like links written on the instrument's page.
pub fn check_links(
    site: &Site,
    instruments: &[Instrument],
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
) {
    for (loaded, instrument) in site.instruments.iter().zip(instruments) {
        for explanation in instrument.part().explanations() {
            for link in &markdown::analyze(explanation.markdown).links {
                if let Err(e) = targets.resolve(&instrument.url, None, &link.dest) {
                    diagnostics.push(
                        Diagnostic::at(
                            &loaded.file.path,
                            &loaded.file.text,
                            explanation.span.clone(),
                            e.message(&link.dest),
                        )
                        .with_hint(e.hint()),
                    );
                }
            }
        }
    }
}
