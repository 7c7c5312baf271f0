//! The instruments of the site: each validated by its kind's rules (see `crate::instrument`),
//! the rules across files, and the links in their explanations.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::instrument::{self, Instrument};
use crate::markdown;
use crate::site::Site;

use super::links::LinkTargets;

/// Every instrument, indexed like `site.instruments`: Some when it can be used (even with
/// problems, which are in `diagnostics`, so links to its parts can still be checked).
pub fn validate(site: &Site, diagnostics: &mut Diagnostics) -> Vec<Option<Instrument>> {
    instrument::check_across_files(&site.instruments, diagnostics);
    site.instruments
        .iter()
        .enumerate()
        .map(|(index, loaded)| {
            let page = site.pages.iter().find(|p| p.instrument == Some(index))?;
            let (instrument, problems) = instrument::validate(loaded, page.url.clone());
            diagnostics.extend(problems);
            Some(instrument)
        })
        .collect()
}

/// Links in the explanations resolve like links written on the instrument's page.
pub fn check_links(
    site: &Site,
    instruments: &[Option<Instrument>],
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
) {
    for (loaded, instrument) in site.instruments.iter().zip(instruments) {
        let Some(instrument) = instrument else {
            continue;
        };
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
