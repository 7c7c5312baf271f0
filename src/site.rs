//! The loaded handbook: sections, pages and their output addresses.
//!
//! Everything later stages need to know about the input lives here, already checked for
//! syntax. Ids are indexes into `Site::pages` and `Site::sections`.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::load::config::LoadedConfig;
use crate::load::front_matter::FrontMatter;
use crate::load::source::SourceFile;

/// A page: its index in `Site::pages`. A type of its own, so a section's index can never be
/// used to look up a page, or the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(pub usize);

/// A section: its index in `Site::sections`; [`SectionId::HOME`] is the `content/` folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectionId(pub usize);

impl SectionId {
    pub const HOME: SectionId = SectionId(0);
}

impl std::ops::Index<PageId> for Vec<Page> {
    type Output = Page;
    fn index(&self, id: PageId) -> &Page {
        &self[id.0]
    }
}

impl std::ops::Index<SectionId> for Vec<Section> {
    type Output = Section;
    fn index(&self, id: SectionId) -> &Section {
        &self[id.0]
    }
}

impl std::ops::IndexMut<SectionId> for Vec<Section> {
    fn index_mut(&mut self, id: SectionId) -> &mut Section {
        &mut self[id.0]
    }
}

#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: LoadedConfig,
    pub pages: Vec<Page>,
    /// `sections[0]` is the home section (the `content/` folder itself).
    pub sections: Vec<Section>,
    /// Link key (`regio/lekstroom.md`) → page, for resolving `@/` links.
    pub by_key: BTreeMap<String, PageId>,
    /// Keys of draft pages: they are not built, and a link to one gets a precise message.
    pub drafts: BTreeSet<String>,
    /// Keys of pages and instruments that could not be read or parsed: their problem is
    /// reported once, and a link to them is not reported again as a link to nothing.
    pub unreadable: BTreeSet<String>,
    /// Files in `content/` that are not pages (images, PDFs), copied as they are.
    pub content_assets: Vec<PathBuf>,
    pub templates: Vec<SourceFile>,
    /// Instrument definitions from `checklists/`, not yet validated.
    pub instruments: Vec<crate::load::instruments::Loaded>,
    /// Files under `static/`, the site's own and the built-in ones it does not replace.
    pub static_files: Vec<crate::load::templates::StaticFile>,
}

#[derive(Debug)]
pub struct Page {
    pub file: SourceFile,
    pub front: FrontMatter,
    pub front_range: Range<usize>,
    pub body_start: usize,
    /// For an instrument page: its intro, the Markdown body, with where it sits in the file.
    pub intro: Option<(Arc<str>, Range<usize>)>,
    /// For an instrument page: its index in `Site::instruments`.
    pub instrument: Option<usize>,
    /// Path inside `content/` with forward slashes: what `@/` links name.
    pub key: String,
    /// Output path relative to the site root, e.g. `regio/lekstroom.html`.
    pub url: String,
    pub section: SectionId,
    /// True for a section's `_index.md` (and the home page).
    pub is_index: bool,
}

#[derive(Debug)]
pub struct Section {
    /// Folder inside `content/`, "" for the home section.
    pub dir: String,
    pub title: String,
    pub weight: i64,
    /// The `_index.md` page, if the folder has one.
    pub index: Option<PageId>,
    /// Regular pages, sorted by weight then title.
    pub pages: Vec<PageId>,
    pub children: Vec<SectionId>,
    pub parent: Option<SectionId>,
    pub url: String,
}

impl Page {
    /// The Markdown to render.
    pub fn body(&self) -> &str {
        match &self.intro {
            Some((text, _)) => text,
            None => &self.file.text[self.body_start.min(self.file.text.len())..],
        }
    }

    /// A span in [`Page::body`] as a span in the file, for diagnostics. Inside an
    /// instrument's intro the whole intro is pointed at: its text was unescaped by TOML.
    pub fn file_span(&self, span: Range<usize>) -> Range<usize> {
        match &self.intro {
            Some((_, whole)) => whole.clone(),
            None => self.body_start + span.start..self.body_start + span.end,
        }
    }
}

impl Site {
    pub fn home(&self) -> &Section {
        &self.sections[SectionId::HOME]
    }

    /// Every page with its id.
    pub fn page_ids(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.pages.iter().enumerate().map(|(i, p)| (PageId(i), p))
    }

    /// Every section with its id.
    pub fn section_ids(&self) -> impl Iterator<Item = (SectionId, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (SectionId(i), s))
    }

    /// Sections from the home down to `id`, for breadcrumbs.
    pub fn ancestry(&self, id: SectionId) -> Vec<SectionId> {
        let mut chain = vec![id];
        let mut current = id;
        while let Some(parent) = self.sections[current].parent {
            chain.push(parent);
            current = parent;
        }
        chain.reverse();
        chain
    }

    /// The page's title, or the section title for a section page.
    pub fn section_title(&self, id: SectionId) -> &str {
        &self.sections[id].title
    }
}

/// Relative href from the page at `from` (an output path) to `to` (an output path).
/// Both are relative to the site root; the result works under any sub-path and from disk.
/// It climbs only out of the folders the two do not share: a link to a page in the same folder
/// is its file name, which on a 10 000-page handbook is 1–2 MB less output (section menus and
/// "see also" lists mostly link within their own folder).
pub fn relative_url(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let shared = from_dirs
        .iter()
        .zip(&to_parts[..to_parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let mut href = "../".repeat(from_dirs.len() - shared);
    href.push_str(&to_parts[shared..].join("/"));
    if href.is_empty() {
        // `to` is the folder `from` is in ("regio/" from "regio/a.html").
        href.push_str("./");
    }
    href
}

/// `../` repeated for the depth of `from`: the way back to the site root.
pub fn root_prefix(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_climb_to_the_root() {
        assert_eq!(relative_url("index.html", "regio/a.html"), "regio/a.html");
        assert_eq!(relative_url("regio/a.html", "regio/b.html"), "b.html");
        assert_eq!(relative_url("regio/a.html", "regio/a.html"), "a.html");
        assert_eq!(
            relative_url("regio/a.html", "aanpak/b.html"),
            "../aanpak/b.html"
        );
        assert_eq!(relative_url("a/b/c.html", "index.html"), "../../index.html");
        assert_eq!(relative_url("a/b/c.html", "a/d.html"), "../d.html");
        assert_eq!(relative_url("a/b/c.html", "a/b/e/f.html"), "e/f.html");
        assert_eq!(relative_url("a/b.html", "a/"), "./");
        // A file named like a folder on the way is not a shared folder.
        assert_eq!(relative_url("a/b.html", "a.html"), "../a.html");
        assert_eq!(root_prefix("a/b/c.html"), "../../");
    }
}
