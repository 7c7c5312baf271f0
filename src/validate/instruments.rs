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
                let Err(e) = targets.resolve(&instrument.url, None, &link.dest) else {
                    continue;
                };
                if e.is_own_problem() {
                    let span = link_span(&loaded.file.text, &explanation.span, &link.dest);
                    diagnostics.push(
                        Diagnostic::at(
                            &loaded.file.path,
                            &loaded.file.text,
                            span,
                            e.message(&link.dest),
                        )
                        .with_hint(e.hint()),
                    );
                }
            }
        }
    }
}

/// Where a link's destination is written inside an explanation: the TOML string was unescaped,
/// so the Markdown's own spans do not fit the file; the destination is looked up in the
/// string as written, and the whole explanation is pointed at when it is not found there.
fn link_span(
    text: &str,
    explanation: &std::ops::Range<usize>,
    dest: &str,
) -> std::ops::Range<usize> {
    text.get(explanation.clone())
        .and_then(|written| written.find(dest))
        .map_or(explanation.clone(), |at| {
            let start = explanation.start + at;
            start..start + dest.len()
        })
}
