//! Stage 2, analyze: every page's Markdown read once for what later stages need of it: its
//! headings (with their ids), its links, and its text in chunks for the search index.

use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, Analysis};
use crate::render::cache::RenderCache;
use crate::render::RenderOptions;
use crate::site::Site;

pub struct Analyzed {
    /// Indexed like `site.pages`.
    pub analyses: Vec<Arc<Analysis>>,
    /// With `serve`'s cache: the hash of every page's own inputs (its file, its section).
    pub inputs: Option<Vec<u64>>,
}

/// Analyse every page, on all cores.
pub fn analyze(site: &Site) -> Result<Analyzed, Diagnostics> {
    let analyses = crate::parallel::map(&site.pages, |p| Arc::new(markdown::analyze(p.body())))
        .map_err(|e| Diagnostics::from(Diagnostic::file("content", e.to_string())))?;
    Ok(Analyzed {
        analyses,
        inputs: None,
    })
}

/// Analyse every page, reusing the analyses `cache` kept of texts that did not change.
pub fn analyze_cached(site: &Site, options: RenderOptions, cache: &mut RenderCache) -> Analyzed {
    cache.begin(site, options);
    let (analyses, inputs) = cache.analyses(site);
    Analyzed {
        analyses,
        inputs: Some(inputs),
    }
}
