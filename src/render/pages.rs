//! Pages through their templates: every page (and an instrument's participant page), the
//! sections without an `_index.md`, the site map and the 404 page.

use std::sync::OnceLock;

use minijinja::{context, Value};

use super::cache::{RenderCache, Reuse};
use super::context;
use super::instruments::{self, Prepared};
use super::templates::Templates;
use super::{
    template_of, RenderOptions, Shown, NOT_FOUND, PARTICIPANT_TEMPLATE, SITE_MAP, SITE_MAP_XML,
};
use crate::diagnostics::{display_path, Diagnostic, Diagnostics};
use crate::markdown::{self, Analysis};
use crate::output::{Output, OutputFile, Staging};
use crate::site::{root_prefix, Page, PageId, SectionId, Site};
use crate::validate::links::LinkTargets;
use crate::validate::Validated;

/// Everything a page template needs that is the same for all pages.
struct Shared {
    config: Value,
    nav: Value,
    /// `section` per section, made when a page of it first renders.
    sections: Vec<OnceLock<Value>>,
    /// All instruments by audience, for the overview page.
    instruments: Value,
    /// Every instrument once, with its data script, for pages that combine them.
    instrument_list: Value,
    options: RenderOptions,
}

impl Shared {
    fn section(&self, site: &Site, id: SectionId) -> Value {
        let made = self
            .sections
            .get(id.0)
            .map(|s| s.get_or_init(|| context::section(site, id)));
        made.cloned().unwrap_or_default()
    }
}

/// What rendering the pages needs, shared by all of them.
struct Pages<'a> {
    site: &'a Site,
    v: &'a Validated<'a>,
    shared: Shared,
    /// The instruments' rendered parts, indexed like `site.instruments`.
    prepared: Vec<Prepared>,
}

/// What rendering one page gave: its files (the page, its instrument's data, its participant
/// page, later pages of a long section index), fingerprints the cache already knew, and the
/// problems.
#[derive(Default)]
struct PageOut {
    files: Vec<(String, OutputFile)>,
    kept: Vec<(String, u64)>,
    diagnostics: Vec<Diagnostic>,
}

impl PageOut {
    fn insert(&mut self, path: String, file: OutputFile) {
        self.files.push((path, file));
    }

    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }
}

pub(super) fn render_all(
    v: &Validated,
    options: RenderOptions,
    mut cache: Option<&mut RenderCache>,
    sink: Option<&Staging>,
    diagnostics: &mut Diagnostics,
) -> (Output, usize) {
    let site = v.site;
    let prepared = instruments::prepare(v);
    let shared = Shared {
        config: context::config(site, &v.menu),
        nav: context::nav(site),
        sections: site.sections.iter().map(|_| OnceLock::new()).collect(),
        instruments: instruments::overview(site, &prepared),
        instrument_list: instruments::list(site, &prepared),
        options,
    };
    let pages = Pages {
        site,
        v,
        shared,
        prepared,
    };
    let mut output = Output::default();
    let ids: Vec<PageId> = (0..site.pages.len()).map(PageId).collect();
    let mut streamed = 0;
    match cache {
        // `serve` renders one page after another: its cache is one mutable map, and it
        // renders few pages per edit anyway.
        Some(_) => {
            for &id in &ids {
                let page = pages.render_page(id, &mut cache);
                merge(page, &mut output, diagnostics);
            }
        }
        None => match pages.render_parallel(&ids, sink) {
            Ok(parts) => {
                for (page, written) in parts {
                    streamed += written;
                    merge(page, &mut output, diagnostics);
                }
            }
            Err(panicked) => {
                diagnostics.push(Diagnostic::file("(leerrecht)", panicked.to_string()))
            }
        },
    }
    pages.render_rest(&mut output, diagnostics, &mut cache);
    (output, streamed)
}

fn merge(page: PageOut, output: &mut Output, diagnostics: &mut Diagnostics) {
    for (path, file) in page.files {
        output.insert(path, file);
    }
    output.kept.extend(page.kept);
    for d in page.diagnostics {
        diagnostics.push(d);
    }
}

/// A page's HTML into `out`: nothing but its fingerprint when the cache says the file on disk
/// was rendered from the same inputs, else rendered now (and kept for next time).
fn cached(
    cache: &mut Option<&mut RenderCache>,
    out: &mut PageOut,
    url: String,
    inputs: u64,
    render: impl FnOnce() -> Result<String, Diagnostic>,
) {
    let render = || render().map(String::into_bytes);
    let html = match cache.as_deref_mut() {
        None => render(),
        Some(c) => match c.page(&url, inputs) {
            Some(Reuse::OnDisk(print)) => return out.kept.push((url, print)),
            Some(Reuse::NotWritten(html)) => Ok(html),
            None => c.render(&url, inputs, render),
        },
    };
    match html {
        Ok(html) => out.insert(url, OutputFile::Bytes(html)),
        Err(d) => out.push(d),
    }
}

impl Pages<'_> {
    /// Every page on all cores, in the order of `ids`. With a `sink` each page's files go
    /// straight into the staging folder as they are rendered, and only the problems come back
    /// (with how many files were written); else the files come back too (`check`). The
    /// output is the same in any order: every file has its own planned path.
    fn render_parallel(
        &self,
        ids: &[PageId],
        sink: Option<&Staging>,
    ) -> Result<Vec<(PageOut, usize)>, crate::parallel::WorkerPanicked> {
        crate::parallel::map(ids, |&id| {
            let mut page = self.render_page(id, &mut None);
            let Some(sink) = sink else {
                return (page, 0);
            };
            let files = std::mem::take(&mut page.files);
            let mut written = 0;
            for (path, file) in files {
                match sink.put(&path, &file) {
                    Ok(()) => written += 1,
                    Err(e) => page.push(
                        Diagnostic::file(
                            path.as_str(),
                            format!("kan dit bestand van de uitvoer niet schrijven: {e}"),
                        )
                        .with_hint("controleer of de map beschrijfbaar is en of de schijf vol is"),
                    ),
                }
            }
            (page, written)
        })
    }

    /// One page, with its instrument's data and participant page when it has them.
    fn render_page(&self, id: PageId, cache: &mut Option<&mut RenderCache>) -> PageOut {
        let mut out = PageOut::default();
        let output = &mut out;
        let page = &self.site.pages[id];
        let instrument = page.instrument.and_then(|i| self.prepared.get(i));
        if let Some(p) = instrument {
            output.insert(
                p.instrument.json_path(),
                OutputFile::Bytes(p.json.clone().into_bytes()),
            );
            output.insert(
                p.instrument.data_script_path(),
                OutputFile::Bytes(instruments::data_script(p).into_bytes()),
            );
        }
        let ctx = PageRender {
            site: self.site,
            id,
            analysis: &self.v.analyses[id.0],
            targets: &self.v.targets,
            shared: &self.shared,
            instrument,
        };
        let templates = &self.v.templates;
        let inputs = self.v.inputs.as_ref().map_or(0, |h| h[id.0]);
        cached(cache, output, page.url.clone(), inputs, || {
            let template = template_of(self.site, Shown::Page(id));
            let ctx = page_context(&ctx, &page.url, Value::UNDEFINED, 1);
            templates
                .render(&template, ctx)
                .map_err(|d| in_page(d, page))
        });
        if page.is_index {
            self.render_listing_pages(&ctx, output, cache, inputs);
        }
        let join = instrument.and_then(|p| Some((p, p.instrument.participant_path()?)));
        if let Some((p, url)) = join {
            cached(cache, output, url.clone(), inputs, || {
                let ctx = page_context(&ctx, &url, instruments::participant_context(p, &url), 1);
                templates
                    .render(PARTICIPANT_TEMPLATE, ctx)
                    .map_err(|d| in_page(d, page))
            });
        }
        out
    }

    /// Pages 2, 3, … of a long section's index ([`context::listing`]): the section's page list
    /// continued, without the index page's own text. Made from the same inputs as the index
    /// page (its section's page list among them), so kept by the cache like it.
    fn render_listing_pages(
        &self,
        r: &PageRender,
        output: &mut PageOut,
        cache: &mut Option<&mut RenderCache>,
        inputs: u64,
    ) {
        let page = &self.site.pages[r.id];
        for number in 2..=context::listing_count(self.site, page.section) {
            let url = context::listing_url(&page.url, number);
            let template = template_of(self.site, Shown::Page(r.id));
            cached(cache, output, url.clone(), inputs, || {
                let ctx = page_context(r, &url, Value::UNDEFINED, number);
                self.v
                    .templates
                    .render(&template, ctx)
                    .map_err(|d| in_page(d, page))
            });
        }
    }

    /// The pages made from every page's front matter and the site's shape: the sections
    /// without an `_index.md`, the site map (which lists every page) and the 404 page. With
    /// `serve`'s cache they render again only when some page's front matter changed.
    fn render_rest(
        &self,
        output: &mut Output,
        diagnostics: &mut Diagnostics,
        cache: &mut Option<&mut RenderCache>,
    ) {
        let (site, shared) = (self.site, &self.shared);
        let templates = &self.v.templates;
        let inputs = cache.as_deref().map_or(0, RenderCache::fronts);
        let mut out = PageOut::default();
        for (id, section) in site.section_ids() {
            if section.index.is_some() {
                continue;
            }
            for number in 1..=context::listing_count(site, id) {
                let url = context::listing_url(&section.url, number);
                cached(cache, &mut out, url, inputs, || {
                    render_bare_section(site, id, number, templates, shared)
                });
            }
        }
        cached(cache, &mut out, SITE_MAP.into(), inputs, || {
            render_site_map(site, templates, shared)
        });
        merge(out, output, diagnostics);
        if let Some(base) = site.config.config.base_url.as_ref().map(|b| b.get_ref()) {
            output.insert(
                SITE_MAP_XML.into(),
                OutputFile::Bytes(sitemap_xml(base, &context::all_urls(site)).into_bytes()),
            );
        }
        match render_not_found(site, templates, shared) {
            Ok(html) => output.insert(NOT_FOUND.into(), OutputFile::Bytes(html.into_bytes())),
            Err(d) => diagnostics.push(d),
        }
    }
}

/// What rendering one page needs, shared by the page and its workshop participant page.
struct PageRender<'a> {
    site: &'a Site,
    id: PageId,
    analysis: &'a Analysis,
    targets: &'a LinkTargets<'a>,
    shared: &'a Shared,
    instrument: Option<&'a Prepared>,
}

/// The template context of a page; `url` is where the output goes (the page's own address,
/// or its participant page), so `page.url` and the navigation match the file written.
/// `listing` is the page number of a section index (1 for every other page); a later page
/// of a long index lists the section's pages without repeating the index page's text.
fn page_context(r: &PageRender, url: &str, workshop: Value, listing: usize) -> Value {
    let page = &r.site.pages[r.id];
    let listing_value = if page.is_index {
        context::listing(r.site, page.section, listing)
    } else {
        Value::UNDEFINED
    };
    let resolve = |dest: &str| {
        r.targets
            .resolve(&page.url, Some(r.id), dest)
            .ok()
            .flatten()
    };
    let first = listing <= 1;
    let html = if first {
        markdown::to_html(page.body(), &r.analysis.headings, &resolve)
    } else {
        String::new()
    };
    let toc: Vec<_> = r
        .analysis
        .headings
        .iter()
        .filter(|h| first && (2..=3).contains(&h.level))
        .cloned()
        .collect();
    let page_ctx = context::PageCtx {
        title: &page.front.title,
        description: page.front.description.as_deref(),
        content: Value::from_safe_string(html),
        toc: &toc,
        extra: &page.front.extra,
        url,
        key: &page.key,
        is_index: page.is_index,
    };
    let is_home = page.is_index && page.section == SectionId::HOME;
    context! {
        page => context::val(&page_ctx),
        section => r.shared.section(r.site, page.section),
        breadcrumbs => context::val(context::breadcrumbs(r.site, page.section, page.is_index)),
        is_home => is_home,
        instruments => r.shared.instruments.clone(),
        instrument_list => r.shared.instrument_list.clone(),
        instrument => r.instrument.map(instruments::context).unwrap_or_default(),
        workshop => workshop,
        listing => listing_value,
        ..common(url, r.shared)
    }
}

/// A template error is reported where it happened, but the editor also needs to know which
/// page was being built.
fn in_page(d: Diagnostic, page: &Page) -> Diagnostic {
    let hint = d.hint.clone().unwrap_or_default();
    d.with_hint(format!(
        "{hint} (bij het bouwen van {})",
        display_path(&page.file.path)
    ))
}

/// Page `number` of a section without an `_index.md`.
fn render_bare_section(
    site: &Site,
    id: SectionId,
    number: usize,
    templates: &Templates,
    shared: &Shared,
) -> Result<String, Diagnostic> {
    let section = &site.sections[id];
    let url = context::listing_url(&section.url, number);
    let empty = toml::Table::new();
    let page_ctx = context::PageCtx {
        title: &section.title,
        description: None,
        content: Value::from_safe_string(String::new()),
        toc: &[],
        extra: &empty,
        url: &url,
        key: "",
        is_index: true,
    };
    let ctx = context! {
        page => context::val(&page_ctx),
        section => shared.section(site, id),
        breadcrumbs => context::val(context::breadcrumbs(site, id, true)),
        is_home => id == SectionId::HOME,
        instruments => shared.instruments.clone(),
        instrument_list => shared.instrument_list.clone(),
        listing => context::listing(site, id, number),
        ..common(&url, shared)
    };
    templates.render(&template_of(site, Shown::BareSection(id)), ctx)
}

fn render_site_map(
    site: &Site,
    templates: &Templates,
    shared: &Shared,
) -> Result<String, Diagnostic> {
    let ctx = context! {
        site_map => context::site_map(site),
        instrument_list => shared.instrument_list.clone(),
        is_home => false,
        page => context! {
            title => "Alle pagina's",
            description => "Alle pagina's van dit handboek op een rij, per onderdeel.",
            url => SITE_MAP,
        },
        breadcrumbs => Vec::<Value>::new(),
        ..common(SITE_MAP, shared)
    };
    templates.render("sitemap.html", ctx)
}

/// The sitemaps.org format needs absolute addresses, so it is only written with a `base_url`.
fn sitemap_xml(base: &str, urls: &[&str]) -> String {
    let base = base.trim_end_matches('/');
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        let loc = format!("{base}/{url}")
            .replace('&', "&amp;")
            .replace('<', "&lt;");
        xml.push_str(&format!("  <url><loc>{loc}</loc></url>\n"));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// A host serves 404.html at whatever address was asked for, so relative links cannot
/// work there; with a `base_url` the page links absolutely, without one to the host root.
fn render_not_found(
    site: &Site,
    templates: &Templates,
    shared: &Shared,
) -> Result<String, Diagnostic> {
    let root = match site
        .config
        .config
        .base_url
        .as_ref()
        .map(|b| b.get_ref().as_str())
    {
        Some(b) if b.ends_with('/') => b.to_string(),
        Some(b) => format!("{b}/"),
        None => "/".to_string(),
    };
    let ctx = context! {
        config => shared.config.clone(),
        nav => shared.nav.clone(),
        root => root,
        live_reload => false,
        is_home => false,
    };
    templates.render(NOT_FOUND, ctx)
}

fn common(url: &str, shared: &Shared) -> Value {
    context! {
        config => shared.config.clone(),
        nav => shared.nav.clone(),
        root => root_prefix(url),
        live_reload => shared.options.live_reload,
    }
}
