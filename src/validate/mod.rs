//! Stage 3, validate: everything that needs the whole site at once, checked before anything is
//! rendered. Links between pages and to instruments' parts, the menu, the templates pages ask
//! for (and the syntax of every template), the instruments, the JavaScript entries, and the
//! output paths all inputs will write. The result is one [`Validated`] site that the render
//! stage turns into files without checking anything again.

pub mod instruments;
pub mod links;
pub mod menu;
pub mod outputs;

use std::sync::Arc;

use crate::analyze::Analyzed;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::instrument::Instrument;
use crate::markdown::Analysis;
use crate::render::templates::Templates;
use crate::render::{template_of, Shown};
use crate::site::Site;
use links::LinkTargets;

/// A site that passed every check, with what the checks worked out.
pub struct Validated<'a> {
    pub site: &'a Site,
    /// The analysis of every page, indexed like `site.pages`.
    pub analyses: Vec<Arc<Analysis>>,
    /// For `serve`: the hash of every page's own inputs (see `render::cache`).
    pub inputs: Option<Vec<u64>>,
    pub targets: LinkTargets<'a>,
    /// Each menu entry's address relative to the site root; None for an external one.
    pub menu: Vec<Option<String>>,
    pub templates: Templates,
    /// Indexed like `site.instruments`.
    pub instruments: Vec<Instrument>,
    /// Static files and content assets, JavaScript entries already linked.
    pub assets: Vec<crate::assets::Asset>,
}

/// What `serve` remembers between builds for this stage.
#[derive(Default)]
pub struct Memo {
    links: links::LinkMemo,
    assets: crate::assets::AssetMemo,
}

/// With `serve`'s `memo`, only the links of pages that changed are checked again, and scripts
/// whose modules did not change are not linked again.
pub fn validate<'a>(
    site: &'a Site,
    analyzed: Analyzed,
    memo: Option<&mut Memo>,
) -> Result<Validated<'a>, Diagnostics> {
    let (links, assets) = match memo {
        Some(m) => (Some(&mut m.links), Some(&mut m.assets)),
        None => (None, None),
    };
    let mut diagnostics = Diagnostics::new();
    let instruments = instruments::validate(site, &mut diagnostics);
    let assets = crate::assets::plan(site, &mut diagnostics, assets);
    let plan = outputs::plan(site, &instruments, &assets);
    outputs::check_unique(&plan, &mut diagnostics);
    outputs::check_index_folder(site, &plan, &mut diagnostics);
    outputs::check_names(&plan, &mut diagnostics);
    let files = plan.into_iter().map(|c| c.path).collect();
    let targets = LinkTargets::new(site, &analyzed.analyses, &instruments, files);
    links::check_pages(site, &analyzed.analyses, &targets, &mut diagnostics, links);
    instruments::check_links(site, &instruments, &targets, &mut diagnostics);
    let menu = menu::resolve(site, &targets, &mut diagnostics);
    let templates = Templates::new(&site.templates, &mut diagnostics);
    check_page_templates(site, &templates, &mut diagnostics);
    diagnostics.into_result(Validated {
        site,
        analyses: analyzed.analyses,
        inputs: analyzed.inputs,
        targets,
        menu,
        templates,
        instruments,
        assets,
    })
}

/// A page that names its template in the front matter needs that template to exist.
fn check_page_templates(site: &Site, templates: &Templates, diagnostics: &mut Diagnostics) {
    for (id, page) in site.page_ids() {
        let name = template_of(site, Shown::Page(id));
        if templates.has(&name) {
            continue;
        }
        // The parser's span is inside the front matter; an instrument's page has none.
        let span = page.front.template.as_ref().map_or(0..0, |t| {
            let start = page.front_range.start;
            start + t.span().start..start + t.span().end
        });
        diagnostics.push(
            Diagnostic::at(
                &page.file.path,
                &page.file.text,
                span,
                format!("het sjabloon `{name}` bestaat niet"),
            )
            .with_hint(format!(
                "maak templates/{name} aan, of laat `template` weg voor het standaardsjabloon"
            )),
        );
    }
}
