//! Stage 4, render: a [`Validated`] site into files (streamed into the staging folder in a
//! build, else kept in an [`Output`]): Markdown to HTML,
//! pages through their templates ([`pages`]), the instruments' data ([`instruments`]), the
//! search index and the assets. Nothing is checked here any more; what can still fail is a
//! template that breaks while it runs (a filter on the wrong value), reported with its line.

pub mod cache;
pub mod context;
pub mod instruments;
mod nav_reads;
mod pages;
pub mod templates;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Output, OutputFile};
use crate::site::{PageId, SectionId, Site};
use crate::validate::Validated;

use cache::RenderCache;

pub const SEARCH_INDEX: &str = "search-index.js";
/// The template of an instrument's workshop participant page.
pub const PARTICIPANT_TEMPLATE: &str = "workshop-deelnemen.html";
/// The page that lists every page: for readers (a second way to find a page) and for the
/// browser tests, which visit every page from it.
pub const SITE_MAP: &str = "sitemap.html";
/// The sitemaps.org file, written only with a `base_url` (it needs absolute addresses).
pub const SITE_MAP_XML: &str = "sitemap.xml";
pub const NOT_FOUND: &str = "404.html";

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Add the dev server's reload script to every page.
    pub live_reload: bool,
    /// Leave the search index out; the caller builds it afterwards with
    /// [`crate::search::index_files`] (the dev server, so pages reload before the index is done).
    pub defer_search: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub pages: usize,
    pub sections: usize,
    pub search_index_bytes: usize,
    /// Pages whose HTML came from `serve`'s cache instead of their template (0 in a build).
    pub reused: usize,
}

pub struct Rendered {
    /// What is left to write: everything without a sink, else all but the pages.
    pub output: Output,
    /// How many files were written into the staging folder while rendering.
    pub streamed: usize,
    pub stats: Stats,
    /// The analysis of every page, indexed like `site.pages`.
    pub analyses: Vec<std::sync::Arc<crate::markdown::Analysis>>,
}

/// What is shown through a template: a page, or a section without an `_index.md`.
#[derive(Debug, Clone, Copy)]
pub enum Shown {
    Page(PageId),
    BareSection(SectionId),
}

/// The template that shows a page or bare section: the page's own `template`, else by place.
pub fn template_of(site: &Site, shown: Shown) -> String {
    let (section, is_index) = match shown {
        Shown::Page(id) => {
            let page = &site.pages[id];
            if let Some(name) = &page.front.template {
                return name.get_ref().clone();
            }
            (page.section, page.is_index)
        }
        Shown::BareSection(id) => (id, true),
    };
    match (section == SectionId::HOME && is_index, is_index) {
        (true, _) => "home.html",
        (false, true) if instruments::is_overview(site, section) => "instrumenten.html",
        (false, true) => "section.html",
        _ => "page.html",
    }
    .to_string()
}

/// Render everything; `cache` (from `serve`) hands back pages whose inputs did not change.
/// With a `sink` (a build), pages are written into the staging folder as they are rendered and
/// only the rest stays in [`Rendered::output`]; without one everything is kept in memory.
pub fn render(
    v: Validated,
    options: RenderOptions,
    cache: Option<&mut RenderCache>,
    sink: Option<&crate::output::Staging>,
) -> Result<Rendered, Diagnostics> {
    let site = v.site;
    let mut diagnostics = Diagnostics::new();
    let search_wanted = site.config.config.search && !options.defer_search;
    // The search index is the slowest part of a large build; it only reads the analyses, so
    // it is built on another core while the pages render.
    let ((mut output, streamed), search) = std::thread::scope(|scope| {
        let search = search_wanted.then(|| {
            scope.spawn(|| crate::search::index_files(site, &v.analyses, &crate::search::never))
        });
        let output = pages::render_all(&v, options, cache, sink, &mut diagnostics);
        let search =
            search.map(|handle| handle.join().map_err(|p| crate::parallel::panic_text(&*p)));
        (output, search)
    });
    let mut search_index_bytes = 0;
    match search {
        Some(Ok(Some(files))) => {
            for (path, js) in files {
                search_index_bytes += js.len();
                output.insert(path, OutputFile::Bytes(js.into_bytes()));
            }
        }
        Some(Err(why)) => diagnostics.push(Diagnostic::file(
            SEARCH_INDEX,
            format!("interne fout in leerrecht: de zoekindex kon niet worden gemaakt ({why})"),
        ).with_hint("dit is een fout in leerrecht, niet in je handboek; meld hem met de pagina's die je bouwde, of zet tijdelijk search = false in site.toml")),
        Some(Ok(None)) | None => {}
    }
    let reused = output.kept.len();
    for asset in v.assets {
        output.insert(asset.path, asset.file);
    }
    let stats = Stats {
        pages: site.pages.len(),
        sections: site.sections.len(),
        search_index_bytes,
        reused,
    };
    diagnostics.into_result(Rendered {
        output,
        streamed,
        stats,
        analyses: v.analyses,
    })
}
