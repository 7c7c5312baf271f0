//! Stage 3, render: Markdown to HTML, pages through templates, the search index and the
//! static files, all into an in-memory [`Output`]. Validation of links, templates and output
//! paths happens here too, on the way, because it needs the analysed pages; every problem
//! is collected and nothing is returned unless the whole site rendered cleanly.

pub mod cache;
pub mod context;
pub mod instruments;
pub mod markdown;
pub mod templates;

use minijinja::{context, Value};

use crate::diagnostics::{display_path, Diagnostic, Diagnostics};
use crate::load::front_matter::key_span;
use crate::output::{Output, OutputFile};
use crate::search::index::{Builder as SearchBuilder, SearchDoc};
use crate::site::{root_prefix, PageId, Site};
use crate::validate::links::LinkTargets;
use std::sync::Arc;

use cache::RenderCache;
use markdown::Analysis;
use templates::Templates;

pub const SEARCH_INDEX: &str = "search-index.js";
/// The template of an instrument's workshop participant page.
pub const PARTICIPANT_TEMPLATE: &str = "workshop-deelnemen.html";
/// The page that lists every page: for readers (a second way to find a page) and for the
/// browser tests, which visit every page from it.
pub const SITE_MAP: &str = "sitemap.html";

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Add the dev server's reload script to every page.
    pub live_reload: bool,
    /// Leave the search index out; the caller builds it afterwards with [`search_index`]
    /// from [`Rendered::analyses`] (the dev server, so pages reload before the index is done).
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
    pub output: Output,
    pub stats: Stats,
    /// The analysis of every page, indexed like `site.pages`.
    pub analyses: Vec<Arc<Analysis>>,
}

/// Everything a page template needs that is the same for all pages.
struct Shared {
    config: Value,
    nav: Value,
    sections: Vec<Value>,
    /// All instruments by audience, for the overview page.
    instruments: Value,
    /// Every instrument once, with its data script, for pages that combine them.
    instrument_list: Value,
    site_map: Value,
    options: RenderOptions,
}

pub fn render(site: &Site, options: RenderOptions) -> Result<Rendered, Diagnostics> {
    render_with(site, options, None)
}

/// [`render`], reusing what `cache` kept from the previous build of the same site.
pub fn render_with(
    site: &Site,
    options: RenderOptions,
    mut cache: Option<&mut RenderCache>,
) -> Result<Rendered, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    // With a cache, the hash of each page's text picks its analysis, and the hash of its
    // inputs its earlier HTML.
    let (analyses, inputs): (Vec<Arc<Analysis>>, Option<Vec<u64>>) = match cache.as_deref_mut() {
        Some(c) => {
            c.begin(site, options);
            let (analyses, inputs) = c.analyses(site);
            (analyses, Some(inputs))
        }
        None => (
            site.pages
                .iter()
                .map(|p| Arc::new(markdown::analyze(p.body())))
                .collect(),
            None,
        ),
    };
    let targets = LinkTargets {
        site,
        anchors: site
            .pages
            .iter()
            .zip(&analyses)
            .map(|(page, a)| {
                let headings = a.headings.iter().map(|h| h.id.clone());
                let parts = page
                    .instrument
                    .map(|i| instruments::anchors(&site.instruments[i].def))
                    .unwrap_or_default();
                headings.chain(parts).collect()
            })
            .collect(),
    };
    check_links(site, &analyses, &targets, &mut diagnostics);
    let menu_urls = resolve_menu(site, &targets, &mut diagnostics);
    let templates = Templates::new(&site.templates, &mut diagnostics);
    check_page_templates(site, &templates, &mut diagnostics);
    let prepared = instruments::prepare(site, &targets, &mut diagnostics);
    if !diagnostics.is_empty() {
        // Rendering with broken links or templates would only repeat the same errors.
        return Err(diagnostics);
    }

    let shared = Shared {
        config: context::config(site, &menu_urls),
        nav: context::nav(site),
        sections: context::sections(site),
        instruments: instruments::overview(site, &prepared),
        instrument_list: instruments::list(site, &prepared),
        site_map: context::site_map(site),
        options,
    };
    // The search index is the slowest part of a large build; it only reads the analyses, so
    // it is built on a second core while the pages render on this one.
    let (mut output, search_js) = std::thread::scope(|scope| {
        let search = (site.config.config.search && !options.defer_search)
            .then(|| scope.spawn(|| search_index(site, &analyses)));
        let pages = Pages {
            site,
            analyses: &analyses,
            inputs: inputs.as_deref(),
            targets: &targets,
            templates: &templates,
            shared: &shared,
            prepared: &prepared,
        };
        let output = pages.render(cache, &mut diagnostics);
        (
            output,
            search.map(|handle| handle.join().unwrap_or_default()),
        )
    });
    let reused = output.known.len();
    let mut search_index_bytes = 0;
    if let Some(js) = search_js {
        search_index_bytes = js.len();
        output.insert(
            SEARCH_INDEX.into(),
            OutputFile::Bytes(js.into_bytes()),
            "(zoekindex)".into(),
        );
    }
    crate::assets::add(site, &mut output, &mut diagnostics);
    crate::validate::outputs::check_unique(&output.claims, &mut diagnostics);
    let stats = Stats {
        pages: site.pages.len(),
        sections: site.sections.len(),
        search_index_bytes,
        reused,
    };
    diagnostics.into_result(Rendered {
        output,
        stats,
        analyses,
    })
}

/// What rendering the pages needs, shared by all of them.
struct Pages<'a> {
    site: &'a Site,
    analyses: &'a [Arc<Analysis>],
    /// The hash of every page's own inputs (its file, its section), when there is a cache.
    inputs: Option<&'a [u64]>,
    targets: &'a LinkTargets<'a>,
    templates: &'a Templates,
    shared: &'a Shared,
    prepared: &'a [Option<instruments::Prepared>],
}

/// A page's HTML: from the cache when it was rendered from the same inputs, else rendered now
/// (and kept for next time).
fn cached(
    cache: &mut Option<&mut RenderCache>,
    output: &mut Output,
    url: &str,
    inputs: u64,
    render: impl FnOnce() -> Result<String, Diagnostic>,
) -> Result<Vec<u8>, Diagnostic> {
    let render = || render().map(String::into_bytes);
    let Some(c) = cache.as_deref_mut() else {
        return render();
    };
    if let Some((html, print)) = c.page(url, inputs) {
        output.known.insert(url.to_string(), print);
        return Ok(html);
    }
    c.render(url, inputs, render)
}

impl Pages<'_> {
    /// Every page, bare section page, the site map and the 404 page through their templates.
    fn render(&self, mut cache: Option<&mut RenderCache>, diagnostics: &mut Diagnostics) -> Output {
        let (site, templates, shared) = (self.site, self.templates, self.shared);
        let mut output = Output::default();
        for (id, page) in site.pages.iter().enumerate() {
            let instrument = page.instrument.and_then(|i| self.prepared[i].as_ref());
            if let Some(p) = instrument {
                output.insert(
                    instruments::json_path(&p.instrument),
                    OutputFile::Bytes(p.json.clone().into_bytes()),
                    display_path(&page.file.path),
                );
                output.insert(
                    instruments::data_script_path(&p.instrument),
                    OutputFile::Bytes(instruments::data_script(p).into_bytes()),
                    display_path(&page.file.path),
                );
            }
            let ctx = PageRender {
                site,
                id,
                analysis: &self.analyses[id],
                targets: self.targets,
                shared,
                instrument,
            };
            let inputs = self.inputs.map_or(0, |h| h[id]);
            match cached(&mut cache, &mut output, &page.url, inputs, || {
                render_page(&ctx, templates)
            }) {
                Ok(html) => output.insert(
                    page.url.clone(),
                    OutputFile::Bytes(html),
                    display_path(&page.file.path),
                ),
                Err(d) => diagnostics.push(d),
            }
            let join =
                instrument.and_then(|p| Some((p, instruments::participant_path(&p.instrument)?)));
            if let Some((p, url)) = join {
                match cached(&mut cache, &mut output, &url, inputs, || {
                    render_participant(&ctx, templates, p, &url)
                }) {
                    Ok(html) => {
                        output.insert(url, OutputFile::Bytes(html), display_path(&page.file.path))
                    }
                    Err(d) => diagnostics.push(d),
                }
            }
        }
        self.render_rest(&mut output, diagnostics);
        output
    }

    /// The pages that come from the site's shape alone; cheap, so never cached.
    fn render_rest(&self, output: &mut Output, diagnostics: &mut Diagnostics) {
        let (site, templates, shared) = (self.site, self.templates, self.shared);
        for (id, section) in site.sections.iter().enumerate() {
            if section.index.is_none() {
                match render_bare_section(site, id, templates, shared) {
                    Ok(html) => output.insert(
                        section.url.clone(),
                        OutputFile::Bytes(html.into_bytes()),
                        format!("content/{}", section.dir),
                    ),
                    Err(d) => diagnostics.push(d),
                }
            }
        }
        match render_site_map(templates, shared) {
            Ok(html) => output.insert(
                SITE_MAP.into(),
                OutputFile::Bytes(html.into_bytes()),
                "templates/sitemap.html".into(),
            ),
            Err(d) => diagnostics.push(d),
        }
        if let Some(base) = &site.config.config.base_url {
            output.insert(
                "sitemap.xml".into(),
                OutputFile::Bytes(sitemap_xml(base, &context::all_urls(site)).into_bytes()),
                "site.toml".into(),
            );
        }
        match render_not_found(site, templates, shared) {
            Ok(html) => output.insert(
                "404.html".into(),
                OutputFile::Bytes(html.into_bytes()),
                "templates/404.html".into(),
            ),
            Err(d) => diagnostics.push(d),
        }
    }
}

fn check_links(
    site: &Site,
    analyses: &[Arc<Analysis>],
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
) {
    for (id, (page, analysis)) in site.pages.iter().zip(analyses).enumerate() {
        for link in &analysis.links {
            if let Err(e) = targets.resolve(&page.url, Some(id), &link.dest) {
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
    }
}

/// Menu entries resolve like links written on the home page; None marks an external one.
fn resolve_menu(
    site: &Site,
    targets: &LinkTargets,
    diagnostics: &mut Diagnostics,
) -> Vec<Option<String>> {
    let file = &site.config.file;
    site.config
        .config
        .menu
        .iter()
        .map(
            |entry| match targets.resolve("index.html", None, &entry.url) {
                Ok(url) => url,
                Err(e) => {
                    let span = file
                        .text
                        .find(&format!("\"{}\"", entry.url))
                        .map_or(0..0, |i| i..i + entry.url.len() + 2);
                    diagnostics.push(
                        Diagnostic::at(&file.path, &file.text, span, e.message(&entry.url))
                            .with_hint(e.hint()),
                    );
                    None
                }
            },
        )
        .collect()
}

fn check_page_templates(site: &Site, templates: &Templates, diagnostics: &mut Diagnostics) {
    for page in &site.pages {
        if let Some(name) = &page.front.template {
            if !templates.has(name) {
                let span = key_span(&page.file.text, &page.front_range, "template").unwrap_or(0..0);
                diagnostics.push(
                    Diagnostic::at(
                        &page.file.path,
                        &page.file.text,
                        span,
                        format!("het sjabloon `{name}` bestaat niet"),
                    )
                    .with_hint(
                        "maak templates/".to_string()
                            + name
                            + " aan, of laat `template` weg voor het standaardsjabloon",
                    ),
                );
            }
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
    instrument: Option<&'a instruments::Prepared>,
}

/// The template context of a page; `url` is where the output goes (the page's own address,
/// or its participant page), so `page.url` and the navigation match the file written.
fn page_context(r: &PageRender, url: &str, workshop: Value) -> Value {
    let page = &r.site.pages[r.id];
    let resolve = |dest: &str| {
        r.targets
            .resolve(&page.url, Some(r.id), dest)
            .ok()
            .flatten()
    };
    let html = markdown::to_html(page.body(), &r.analysis.headings, &resolve);
    let toc: Vec<_> = r
        .analysis
        .headings
        .iter()
        .filter(|h| (2..=3).contains(&h.level))
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
    let is_home = page.is_index && page.section == 0;
    context! {
        page => context::val(&page_ctx),
        section => r.shared.sections[page.section].clone(),
        breadcrumbs => context::val(context::breadcrumbs(r.site, page.section, page.is_index)),
        is_home => is_home,
        instruments => r.shared.instruments.clone(),
        instrument_list => r.shared.instrument_list.clone(),
        instrument => r.instrument.map(instruments::context).unwrap_or_default(),
        workshop => workshop,
        ..common(url, r.shared)
    }
}

fn render_page(r: &PageRender, templates: &Templates) -> Result<String, Diagnostic> {
    let page = &r.site.pages[r.id];
    let is_home = page.is_index && page.section == 0;
    let template = page.front.template.clone().unwrap_or_else(|| {
        match (is_home, page.is_index) {
            (true, _) => "home.html",
            (false, true) if instruments::is_overview(r.site, page.section) => "instrumenten.html",
            (false, true) => "section.html",
            _ => "page.html",
        }
        .to_string()
    });
    let ctx = page_context(r, &page.url, Value::UNDEFINED);
    templates
        .render(&template, ctx)
        .map_err(|d| in_page(d, page))
}

/// The short page of an instrument that workshop participants fill in on their phone.
fn render_participant(
    r: &PageRender,
    templates: &Templates,
    prepared: &instruments::Prepared,
    url: &str,
) -> Result<String, Diagnostic> {
    let page = &r.site.pages[r.id];
    let ctx = page_context(r, url, instruments::participant_context(prepared, url));
    templates
        .render(PARTICIPANT_TEMPLATE, ctx)
        .map_err(|d| in_page(d, page))
}

/// A template error is reported where it happened, but the editor also needs to know which
/// page was being built.
fn in_page(d: Diagnostic, page: &crate::site::Page) -> Diagnostic {
    let hint = d.hint.clone().unwrap_or_default();
    d.with_hint(format!(
        "{hint} (bij het bouwen van {})",
        display_path(&page.file.path)
    ))
}

fn render_bare_section(
    site: &Site,
    id: usize,
    templates: &Templates,
    shared: &Shared,
) -> Result<String, Diagnostic> {
    let section = &site.sections[id];
    let empty = toml::Table::new();
    let page_ctx = context::PageCtx {
        title: &section.title,
        description: None,
        content: Value::from_safe_string(String::new()),
        toc: &[],
        extra: &empty,
        url: &section.url,
        key: "",
        is_index: true,
    };
    let ctx = context! {
        page => context::val(&page_ctx),
        section => shared.sections[id].clone(),
        breadcrumbs => context::val(context::breadcrumbs(site, id, true)),
        is_home => id == 0,
        instruments => shared.instruments.clone(),
        instrument_list => shared.instrument_list.clone(),
        ..common(&section.url, shared)
    };
    let template = if id == 0 {
        "home.html"
    } else if instruments::is_overview(site, id) {
        "instrumenten.html"
    } else {
        "section.html"
    };
    templates.render(template, ctx)
}

fn render_site_map(templates: &Templates, shared: &Shared) -> Result<String, Diagnostic> {
    let ctx = context! {
        site_map => shared.site_map.clone(),
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
    let root = site
        .config
        .config
        .base_url
        .as_deref()
        .map(|b| {
            if b.ends_with('/') {
                b.to_string()
            } else {
                format!("{b}/")
            }
        })
        .unwrap_or_else(|| "/".to_string());
    let ctx = context! {
        config => shared.config.clone(),
        nav => shared.nav.clone(),
        root => root,
        live_reload => false,
        is_home => false,
    };
    templates.render("404.html", ctx)
}

fn common(url: &str, shared: &Shared) -> Value {
    context! {
        config => shared.config.clone(),
        nav => shared.nav.clone(),
        root => root_prefix(url),
        live_reload => shared.options.live_reload,
    }
}

/// The search index as `search-index.js`, from the analyses of all pages.
pub fn search_index(site: &Site, analyses: &[Arc<Analysis>]) -> String {
    let mut builder = SearchBuilder::new();
    for (page, analysis) in site.pages.iter().zip(analyses) {
        let section = (page.section != 0 || !page.is_index)
            .then(|| site.section_title(page.section))
            .filter(|t| *t != page.front.title);
        let id = builder.page(&page.front.title, section, &page.url);
        for (i, chunk) in analysis.chunks.iter().enumerate() {
            let heading = chunk
                .heading
                .as_ref()
                .map(|h| (h.text.as_str(), h.id.as_str()));
            builder.add(
                SearchDoc {
                    page: id,
                    heading,
                    body: &chunk.text,
                },
                i == 0,
            );
        }
        if analysis.chunks.is_empty() {
            builder.add(
                SearchDoc {
                    page: id,
                    heading: None,
                    body: "",
                },
                true,
            );
        }
    }
    builder.finish()
}
