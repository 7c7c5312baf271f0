//! What `serve` keeps between builds, so that saving one page re-renders that page only.
//!
//! A page's HTML is made from its own file, its section (the section page lists its pages with
//! their front matter, e.g. the comparison of the regions) and the *shape* of the site: the
//! configuration, the templates, the instruments, where every page and section is, and the
//! navigation's entries. The navigation also holds each top-level section's page list, which a
//! page shows only for the section it is in; reading such a list is noted while the page
//! renders ([`super::nav_reads`]), so a title edit renders again the pages that show that list,
//! not every page. No template can read another page's text.
//!
//! A page whose inputs are all unchanged gets its previous HTML back; anything else renders
//! again. `tests/it/serve.rs` edits a site in every way that matters and compares the result with
//! a fresh build, byte for byte.
//!
//! Analyses (headings, links, search chunks) depend on the text alone and are kept by its hash.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::fingerprint::hash_of;
use std::sync::Arc;

use super::RenderOptions;
use crate::markdown::{self, Analysis};

use crate::site::{Page, Site};

#[derive(Default)]
pub struct RenderCache {
    /// The validate stage's part of the memory: which pages' links passed, linked scripts.
    pub(crate) validate: crate::validate::Memo,
    shape: u64,
    /// Hash of each navigation entry's page list, in navigation order, for this build.
    nav_lists: Vec<u64>,
    /// Hash of a page's Markdown → its analysis.
    analyses: HashMap<u64, Arc<Analysis>>,
    /// Page key → the hashes of its text (see [`text_hashes`]).
    text_hashes: HashMap<String, TextHashes>,
    /// Output path → what it was rendered from and the result.
    pages: HashMap<String, Kept>,
    /// Output paths rendered since the last build that was written.
    unwritten: HashSet<String>,
    /// Hash of every page's front matter, for the pages that list every page (the site map).
    fronts: u64,
}

/// A page the cache can hand back.
pub(crate) enum Reuse {
    /// The file on disk is this HTML, with this fingerprint: nothing to render or write.
    OnDisk(u64),
    /// Rendered by a build that was never written (it failed): the HTML to write.
    NotWritten(Vec<u8>),
}

struct Kept {
    /// Hash of the page's own file and its section.
    inputs: u64,
    /// Whether a build wrote this HTML to disk (a build that fails after rendering does not).
    on_disk: bool,
    /// The navigation page lists the template read, with their hashes at the time.
    nav_reads: Vec<(usize, u64)>,
    html: Vec<u8>,
    /// Hash of `html`, to tell the writer whether the file on disk is already this.
    print: u64,
}

fn front_text(p: &Page) -> &str {
    p.file.text.get(p.front_range.clone()).unwrap_or_default()
}

/// Everything besides a page's own file, its section and the navigation's page lists that
/// its HTML is made from.
fn shape_of(site: &Site, options: RenderOptions, nav_top: u64) -> u64 {
    let mut h = DefaultHasher::new();
    options.live_reload.hash(&mut h);
    site.config.file.text.hash(&mut h);
    nav_top.hash(&mut h);
    for t in &site.templates {
        (&t.path, &t.text).hash(&mut h);
    }
    for i in &site.instruments {
        (&i.file.path, &i.file.text).hash(&mut h);
    }
    for p in &site.pages {
        (&p.key, &p.url, p.section, p.is_index).hash(&mut h);
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

/// What a section's value in the templates is made from: the front matter of its pages and of
/// its subsections' index pages (`fronts`: the hash of every page's front matter).
fn section_hashes(site: &Site, fronts: &[u64]) -> Vec<u64> {
    site.sections
        .iter()
        .map(|s| {
            let mut h = DefaultHasher::new();
            for &p in s.pages.iter().chain(&s.index) {
                fronts[p.0].hash(&mut h);
            }
            for &c in &s.children {
                site.sections[c].index.map(|i| fronts[i.0]).hash(&mut h);
            }
            h.finish()
        })
        .collect()
}

/// The hashes of a page's Markdown and front matter, with the text they were taken from.
#[derive(Clone)]
struct TextHashes {
    text: Arc<str>,
    body_start: usize,
    body: u64,
    front: u64,
}

/// The hashes of a page's text. Hashing every page's text again is a large part of a rebuild
/// at 10 000 pages, and a page that was not read again (see [`crate::load::memo`]) holds the
/// very same text as before: the same `Arc`, which its hashes are kept with.
fn text_hashes(kept: &mut HashMap<String, TextHashes>, page: &Page) -> (u64, u64) {
    let (text, body_start) = match &page.intro {
        Some((intro, _)) => (intro, 0),
        None => (&page.file.text, page.body_start),
    };
    if let Some(k) = kept.get(&page.key) {
        if Arc::ptr_eq(&k.text, text) && k.body_start == body_start {
            return (k.body, k.front);
        }
    }
    let hashes = TextHashes {
        text: Arc::clone(text),
        body_start,
        body: hash_of(page.body()),
        front: hash_of(front_text(page)),
    };
    kept.insert(page.key.clone(), hashes.clone());
    (hashes.body, hashes.front)
}

impl RenderCache {
    /// Start a build: forget the rendered pages when the site's shape changed.
    pub(crate) fn begin(&mut self, site: &Site, options: RenderOptions) {
        let (nav_top, nav_lists) = super::context::nav_hashes(site);
        let shape = shape_of(site, options, nav_top);
        if shape != self.shape {
            self.pages.clear();
            self.unwritten.clear();
            self.shape = shape;
        }
        self.nav_lists = nav_lists;
    }

    /// The analysis of every page, from the cache where the text is unchanged, and for every
    /// page the hash of its inputs besides the site's shape: its file and its section.
    /// Analyses of texts no page has any more are dropped.
    pub(crate) fn analyses(&mut self, site: &Site) -> (Vec<Arc<Analysis>>, Vec<u64>) {
        let (hashes, fronts): (Vec<u64>, Vec<u64>) = site
            .pages
            .iter()
            .map(|p| text_hashes(&mut self.text_hashes, p))
            .unzip();
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
        // Texts no page has any more: an edited page leaves its old text behind.
        if self.analyses.len() > site.pages.len() {
            let live: HashSet<u64> = hashes.iter().copied().collect();
            self.analyses.retain(|h, _| live.contains(h));
        }
        if self.text_hashes.len() > site.pages.len() {
            let keys: HashSet<&str> = site.pages.iter().map(|p| p.key.as_str()).collect();
            self.text_hashes.retain(|k, _| keys.contains(k.as_str()));
        }
        self.fronts = hash_of(&fronts);
        let sections = section_hashes(site, &fronts);
        let inputs = site
            .pages
            .iter()
            .zip(hashes.iter().zip(&fronts))
            .map(|(p, (body, front))| hash_of((body, front, sections[p.section.0])))
            .collect();
        (analyses, inputs)
    }

    /// The HTML rendered earlier for `url` from the same inputs, if any.
    pub(super) fn page(&self, url: &str, inputs: u64) -> Option<Reuse> {
        let kept = self.pages.get(url)?;
        let lists_unchanged = kept
            .nav_reads
            .iter()
            .all(|&(entry, hash)| self.nav_lists.get(entry) == Some(&hash));
        if kept.inputs != inputs || !lists_unchanged {
            return None;
        }
        Some(match kept.on_disk {
            true => Reuse::OnDisk(kept.print),
            false => Reuse::NotWritten(kept.html.clone()),
        })
    }

    /// What the pages that list every page are made from, besides the site's shape.
    pub(super) fn fronts(&self) -> u64 {
        self.fronts
    }

    /// These pages are not on disk (any more): hand them back as HTML to write.
    pub(crate) fn not_on_disk(&mut self, urls: &[String]) {
        for url in urls {
            if let Some(kept) = self.pages.get_mut(url) {
                kept.on_disk = false;
                self.unwritten.insert(url.clone());
            }
        }
    }

    /// The build's output was written: every page rendered since is on disk now.
    pub(crate) fn written(&mut self) {
        for url in self.unwritten.drain() {
            if let Some(kept) = self.pages.get_mut(&url) {
                kept.on_disk = true;
            }
        }
    }

    /// Render a page and keep the result with what it was made from.
    pub(super) fn render<E>(
        &mut self,
        url: &str,
        inputs: u64,
        render: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Vec<u8>, E> {
        let (html, reads) = super::nav_reads::noting(render);
        let html = html?;
        let nav_reads = reads
            .into_iter()
            .filter_map(|entry| Some((entry, *self.nav_lists.get(entry)?)))
            .collect();
        self.unwritten.insert(url.to_string());
        self.pages.insert(
            url.to_string(),
            Kept {
                inputs,
                on_disk: false,
                nav_reads,
                print: hash_of(&html),
                html: html.clone(),
            },
        );
        Ok(html)
    }
}
