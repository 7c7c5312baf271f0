//! What `serve` keeps between builds, so that saving one page re-renders that page only.
//!
//! A page's HTML depends on its own Markdown and on the *shape* of the site: the configuration,
//! the templates, the instruments, and every page's front matter, address and section
//! (navigation, section lists, breadcrumbs and the comparison page read those; no template can
//! read another page's text). A page whose text and whose site shape are both unchanged gets
//! its previous HTML back; anything else renders again. `tests/serve.rs` edits a site in every
//! way that matters and compares the result with a fresh build, byte for byte.
//!
//! Analyses (headings, links, search chunks) depend on the text alone and are kept by its hash.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use super::markdown::{self, Analysis};
use super::RenderOptions;
use crate::site::Site;

#[derive(Default)]
pub struct RenderCache {
    shape: u64,
    /// Hash of a page's Markdown → its analysis.
    analyses: HashMap<u64, Arc<Analysis>>,
    /// Output path → (hash of the inputs it was rendered from, the HTML, its fingerprint).
    pages: HashMap<String, (u64, Vec<u8>, u64)>,
}

pub fn hash_of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Everything besides a page's own text that its HTML is made from.
fn shape_of(site: &Site, options: RenderOptions) -> u64 {
    let mut h = DefaultHasher::new();
    options.live_reload.hash(&mut h);
    site.config.file.text.hash(&mut h);
    for t in &site.templates {
        (&t.path, &t.text).hash(&mut h);
    }
    for i in &site.instruments {
        (&i.file.path, &i.file.text).hash(&mut h);
    }
    for p in &site.pages {
        let front = p.file.text.get(p.front_range.clone()).unwrap_or_default();
        (&p.key, &p.url, p.section, p.is_index, front).hash(&mut h);
    }
    for s in &site.sections {
        (
            &s.dir,
            &s.title,
            s.weight,
            &s.url,
            s.index,
            &s.pages,
            &s.children,
        )
            .hash(&mut h);
    }
    h.finish()
}

impl RenderCache {
    /// Start a build: forget the rendered pages when the site's shape changed.
    pub(super) fn begin(&mut self, site: &Site, options: RenderOptions) {
        let shape = shape_of(site, options);
        if shape != self.shape {
            self.pages.clear();
            self.shape = shape;
        }
    }

    /// The analysis of every page, from the cache where the text is unchanged, and the hash of
    /// every page's text. Analyses of texts no page has any more are dropped.
    pub(super) fn analyses(&mut self, site: &Site) -> (Vec<Arc<Analysis>>, Vec<u64>) {
        let hashes: Vec<u64> = site.pages.iter().map(|p| hash_of(p.body())).collect();
        let live: HashSet<u64> = hashes.iter().copied().collect();
        let analyses = site
            .pages
            .iter()
            .zip(&hashes)
            .map(|(p, &h)| {
                Arc::clone(
                    self.analyses
                        .entry(h)
                        .or_insert_with(|| Arc::new(markdown::analyze(p.body()))),
                )
            })
            .collect();
        self.analyses.retain(|h, _| live.contains(h));
        (analyses, hashes)
    }

    /// The HTML rendered earlier for `url` from the same `inputs`, with its fingerprint.
    pub(super) fn page(&self, url: &str, inputs: u64) -> Option<(Vec<u8>, u64)> {
        self.pages
            .get(url)
            .filter(|(h, _, _)| *h == inputs)
            .map(|(_, html, print)| (html.clone(), *print))
    }

    pub(super) fn keep(&mut self, url: &str, inputs: u64, html: &[u8]) {
        let print = hash_of(html);
        self.pages
            .insert(url.to_string(), (inputs, html.to_vec(), print));
    }
}
