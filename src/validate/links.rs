//! Internal links: `@/regio/lekstroom.md#doel` names a source file and a heading. Each is
//! checked against the loaded site and turned into a relative href.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::instrument::Instrument;
use crate::markdown::Analysis;
use crate::site::{relative_url, Page, PageId, Site};

/// What the whole site makes linkable: every page and the heading ids within it.
pub struct LinkTargets<'a> {
    pub site: &'a Site,
    /// Every page's analysis (with its headings), indexed like `site.pages`.
    analyses: Vec<Arc<Analysis>>,
    /// The ids of an instrument's parts, by its page.
    parts: BTreeMap<PageId, Vec<String>>,
    /// Every file the build will write, so that a plain relative link can be checked too.
    pub files: BTreeSet<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum LinkError {
    MissingPage {
        key: String,
        draft: bool,
    },
    MissingAnchor {
        key: String,
        anchor: String,
        nearest: Option<String>,
    },
    LeavesSite,
    Absolute,
    MarkdownPath,
    /// `javascript:`, `vbscript:` or `data:`: a link that runs or carries code.
    RunsCode,
    /// A relative link to a file the build does not write.
    MissingFile {
        target: String,
    },
    /// An image from another site: the pages' CSP blocks it, and nothing may come from
    /// elsewhere.
    ExternalImage,
    /// The page linked to exists but could not be read; that problem is already reported.
    Unreadable,
}

impl LinkError {
    /// Whether this is worth its own message: a link to a page that could not be read is
    /// only a consequence of the problem already reported for that page.
    pub fn is_own_problem(&self) -> bool {
        !matches!(self, LinkError::Unreadable)
    }
}

impl LinkError {
    pub fn message(&self, dest: &str) -> String {
        match self {
            LinkError::MissingPage { key, draft: true } => format!("link naar `{dest}`: de pagina {key} is een concept (draft = true) en wordt niet gebouwd"),
            LinkError::MissingPage { key, .. } => format!("link naar `{dest}`: er is geen pagina content/{key}"),
            LinkError::MissingAnchor { key, anchor, .. } => format!("link naar `{dest}`: de pagina {key} heeft geen kopje met id `{anchor}`"),
            LinkError::LeavesSite => format!("link naar `{dest}` wijst buiten de map content/"),
            LinkError::Absolute => format!("link naar `{dest}` begint met /: die werkt niet onder een submap of vanaf een USB-stick"),
            LinkError::MarkdownPath => format!("link naar `{dest}` wijst naar een Markdown-bestand zonder @/"),
            LinkError::RunsCode => format!("link naar `{dest}` voert code uit in plaats van een pagina te openen"),
            LinkError::MissingFile { target } => format!("link naar `{dest}`: de site heeft geen bestand {target}"),
            LinkError::ExternalImage => format!("de afbeelding `{dest}` komt van een andere site; de pagina's laden niets van elders"),
            LinkError::Unreadable => format!("link naar `{dest}`: die pagina kon niet worden gelezen"),
        }
    }

    pub fn hint(&self) -> String {
        match self {
            LinkError::MissingPage { draft: true, .. } => "zet draft = false in die pagina, of haal de link weg".into(),
            LinkError::MissingPage { .. } => "schrijf het pad vanaf de map content/, bijvoorbeeld @/regio/lekstroom.md; let op hoofdletters".into(),
            LinkError::MissingAnchor { nearest: Some(n), .. } => format!("bedoel je #{n}? Ids van kopjes staan in kleine letters, met streepjes in plaats van spaties"),
            LinkError::MissingAnchor { .. } => "controleer het kopje in die pagina, of geef het een eigen id: ## Kop {#mijn-id}".into(),
            LinkError::LeavesSite => "links naar andere pagina's schrijf je als @/pad/naar/pagina.md, zonder ..".into(),
            LinkError::Absolute | LinkError::MarkdownPath => "schrijf een link naar een pagina als @/pad/naar/pagina.md, gezien vanaf de map content/".into(),
            LinkError::RunsCode => "links naar javascript:, vbscript: en data: zijn niet toegestaan; link naar een pagina of een https://-adres".into(),
            LinkError::MissingFile { .. } => "zet het bestand naast de pagina in content/ of in static/, of link naar een pagina met @/pad/naar/pagina.md".into(),
            LinkError::ExternalImage => "download de afbeelding, zet hem in static/ (bijvoorbeeld static/img/) of naast de pagina in content/, en link daarnaar".into(),
            LinkError::Unreadable => "los eerst de fout in die pagina op".into(),
        }
    }
}

impl<'a> LinkTargets<'a> {
    /// Every page with the ids of its headings and, for an instrument's page, of its parts.
    pub fn new(
        site: &'a Site,
        analyses: &[Arc<Analysis>],
        instruments: &[Instrument],
        files: BTreeSet<String>,
    ) -> Self {
        let parts = site
            .page_ids()
            .filter_map(|(id, page)| {
                let instrument = instruments.get(page.instrument?)?;
                Some((id, instrument.part().anchors()))
            })
            .collect();
        LinkTargets {
            site,
            analyses: analyses.to_vec(),
            parts,
            files,
        }
    }

    /// The ids a link may name on `page`: its headings' and its instrument's parts'.
    fn anchors(&self, page: PageId) -> impl Iterator<Item = &str> {
        let headings = self
            .analyses
            .get(page.0)
            .into_iter()
            .flat_map(|a| &a.headings);
        let parts = self.parts.get(&page).into_iter().flatten();
        headings
            .map(|h| h.id.as_str())
            .chain(parts.map(String::as_str))
    }

    /// A fingerprint of everything a link can point at: pages with their addresses and ids,
    /// drafts, unreadable pages, and the files the build writes. While it stays the same, a
    /// page whose links passed before passes again ([`LinkMemo`]).
    fn world(&self) -> u64 {
        let mut h = DefaultHasher::new();
        for (page, analysis) in self.site.pages.iter().zip(&self.analyses) {
            (&page.key, &page.url, analysis.ids).hash(&mut h);
        }
        (
            &self.parts,
            &self.site.drafts,
            &self.site.unreadable,
            &self.site.content_assets,
        )
            .hash(&mut h);
        self.files.hash(&mut h);
        h.finish()
    }

    /// The href to write for `dest` in the page with output path `from`. Ok(None) means
    /// "leave it as written" (an external address, a plain relative file).
    pub fn resolve(
        &self,
        from: &str,
        from_page: Option<PageId>,
        dest: &str,
    ) -> Result<Option<String>, LinkError> {
        if let Some(path) = dest.strip_prefix("@/") {
            return self.resolve_internal(from, path).map(Some);
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            if let Some(page) = from_page {
                self.check_anchor(page, anchor)?;
            }
            return Ok(None);
        }
        if runs_code(dest) {
            return Err(LinkError::RunsCode);
        }
        if has_scheme(dest) || dest.starts_with("//") {
            return Ok(None);
        }
        if dest.starts_with('/') {
            return Err(LinkError::Absolute);
        }
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        if path.ends_with(".md") {
            return Err(LinkError::MarkdownPath);
        }
        self.check_relative(from, path)?;
        Ok(None)
    }

    /// A plain relative link (`bijlage.pdf`, `../img/logo.svg`) must name a file the build
    /// writes, and stay inside the site.
    fn check_relative(&self, from: &str, path: &str) -> Result<(), LinkError> {
        if path.is_empty() {
            return Ok(());
        }
        let mut parts: Vec<String> = from.split('/').map(str::to_string).collect();
        parts.pop();
        for part in percent_decoded(path).split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop().ok_or(LinkError::LeavesSite)?;
                }
                other => parts.push(other.to_string()),
            }
        }
        let mut target = parts.join("/");
        if path.ends_with('/') || target.is_empty() {
            target = format!("{target}/index.html")
                .trim_start_matches('/')
                .to_string();
        }
        if self.files.contains(&target) || self.files.contains(&format!("{target}/index.html")) {
            Ok(())
        } else {
            Err(LinkError::MissingFile { target })
        }
    }

    fn resolve_internal(&self, from: &str, path: &str) -> Result<String, LinkError> {
        let (key, anchor) = match path.split_once('#') {
            Some((k, a)) => (k, Some(a).filter(|a| !a.is_empty())),
            None => (path, None),
        };
        if key.split('/').any(|part| part == ".." || part == ".")
            || key.starts_with('/')
            || key.contains('\\')
        {
            return Err(LinkError::LeavesSite);
        }
        let target = match self.site.by_key.get(key) {
            Some(&page) => self.site.pages[page].url.as_str(),
            None => match self.asset_url(key) {
                Some(url) => return Ok(relative_url(from, &url)),
                None if self.site.unreadable.contains(key) => return Err(LinkError::Unreadable),
                None => {
                    return Err(LinkError::MissingPage {
                        key: key.to_string(),
                        draft: self.site.drafts.contains(key),
                    })
                }
            },
        };
        let page = self.site.by_key[key];
        let mut href = relative_url(from, target);
        if let Some(anchor) = anchor {
            self.check_anchor(page, anchor)?;
            href.push('#');
            href.push_str(anchor);
        }
        Ok(href)
    }

    fn check_anchor(&self, page: PageId, anchor: &str) -> Result<(), LinkError> {
        if anchor.is_empty() || self.anchors(page).any(|known| known == anchor) {
            return Ok(());
        }
        let known = self.anchors(page).map(str::to_string).collect();
        Err(LinkError::MissingAnchor {
            key: self.site.pages[page].key.clone(),
            anchor: anchor.to_string(),
            nearest: nearest(anchor, &known),
        })
    }

    fn asset_url(&self, key: &str) -> Option<String> {
        let wanted = std::path::Path::new(crate::load::content::DIR).join(key);
        self.site
            .content_assets
            .contains(&wanted)
            .then(|| crate::assets::content_asset_output(key))
    }
}

/// `%20` and friends as the characters they stand for; a broken escape stays as written.
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An image from another site (`https://…`, `//host/…`).
pub fn is_external(dest: &str) -> bool {
    has_scheme(dest) || dest.starts_with("//")
}

/// Browsers ignore case, spaces and control characters in a scheme (`JaVa\tScript:`).
fn runs_code(dest: &str) -> bool {
    let scheme: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|&c| c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    dest.contains(':') && ["javascript", "vbscript", "data"].contains(&scheme.as_str())
}

/// `https:`, `mailto:`, `tel:`: anything with a scheme is not ours to check.
fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => {
            dest[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && i > 0
        }
        None => false,
    }
}

/// The known id that shares the longest prefix with the wanted one, as a suggestion.
fn nearest(wanted: &str, known: &BTreeSet<String>) -> Option<String> {
    let slug = crate::slug::slugify(wanted);
    if known.contains(&slug) {
        return Some(slug);
    }
    known
        .iter()
        .map(|k| {
            (
                k.chars()
                    .zip(wanted.chars())
                    .take_while(|(a, b)| a == b)
                    .count(),
                k,
            )
        })
        .filter(|(shared, _)| *shared >= 3)
        .max_by_key(|(shared, _)| *shared)
        .map(|(_, k)| k.clone())
}

/// What `serve` remembers of the last link check: which pages passed, and what their links
/// could point at then. Checking every link of 10 000 pages is most of a rebuild's validate
/// stage, and after an edit of one page's text the others' links point at the same things.
#[derive(Default)]
pub struct LinkMemo {
    /// [`LinkTargets::world`] at the last check. It covers every page's key and address in
    /// page order, so while it is the same a page id names the same page.
    world: u64,
    /// Per page id, the analysis (its links) it passed with.
    passed: Vec<Option<Arc<Analysis>>>,
}

/// Every link in every page's Markdown; with a memo, only the links of pages that changed
/// since they last passed, as long as what links can point at is the same.
pub fn check_pages(
    site: &Site,
    analyses: &[Arc<Analysis>],
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
    memo: Option<&mut LinkMemo>,
) {
    let Some(memo) = memo else {
        for ((id, page), analysis) in site.page_ids().zip(analyses) {
            check_page(id, page, analysis, targets, diagnostics);
        }
        return;
    };
    let world = targets.world();
    if memo.world != world || memo.passed.len() != site.pages.len() {
        *memo = LinkMemo {
            world,
            passed: vec![None; site.pages.len()],
        };
    }
    for (((id, page), analysis), passed) in site.page_ids().zip(analyses).zip(&mut memo.passed) {
        if passed.as_ref().is_some_and(|a| Arc::ptr_eq(a, analysis)) {
            continue;
        }
        let fine = check_page(id, page, analysis, targets, diagnostics);
        *passed = fine.then(|| Arc::clone(analysis));
    }
}

/// The links of one page; true when all are fine.
fn check_page(
    id: PageId,
    page: &Page,
    analysis: &Analysis,
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
) -> bool {
    let mut fine = true;
    for link in &analysis.links {
        let checked = if link.image && is_external(&link.dest) && !runs_code(&link.dest) {
            Err(LinkError::ExternalImage)
        } else {
            targets.resolve(&page.url, Some(id), &link.dest).map(|_| ())
        };
        let Err(e) = checked else { continue };
        fine = false;
        if e.is_own_problem() {
            let span = page.file_span(link.span.clone());
            diagnostics.push(
                Diagnostic::at(
                    &page.file.path,
                    &page.file.text,
                    span,
                    e.message(&link.dest),
                )
                .with_hint(e.hint()),
            );
        }
    }
    fine
}

#[cfg(test)]
mod tests {
    use super::runs_code;

    #[test]
    fn code_schemes_are_recognised_however_written() {
        for dest in [
            "javascript:x",
            "JAVASCRIPT:x",
            "java\tscript:x",
            " data:text/html,x",
            "vbscript:x",
        ] {
            assert!(runs_code(dest), "{dest:?}");
        }
        for dest in [
            "https://example.org/javascript:x",
            "mailto:a@b.nl",
            "javascript",
            "#data:x",
        ] {
            assert!(!runs_code(dest), "{dest:?}");
        }
    }
}
