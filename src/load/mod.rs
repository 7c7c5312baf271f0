//! Stage 1, load: read `site.toml`, `content/`, `templates/` and `static/` into a [`Site`].
//!
//! Only syntax is checked here (TOML, front matter, UTF-8). Whether links, templates and
//! output paths fit together is the validate stage's job, once everything is loaded.

pub mod config;
pub mod content;
pub mod front_matter;
pub mod instruments;
pub mod memo;
pub mod source;
pub mod templates;
mod toml_error;

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::site::{PageId, SectionId, Site};

/// Load the site; any problem fails.
pub fn load(root: &Path) -> Result<Site, Diagnostics> {
    let (site, diagnostics) = load_all(root)?;
    diagnostics.into_result(site)
}

/// Load everything that can be read, with the problems of what could not: the later stages
/// still check the rest, so an editor sees every mistake of a build at once. Fails only
/// when there is no site to speak of (no readable `site.toml`).
pub fn load_all(root: &Path) -> Result<(Site, Diagnostics), Diagnostics> {
    load_remembering(root, None)
}

/// [`load_all`], for `serve`: pages that did not change since the last build come from `memo`.
pub fn load_remembering(
    root: &Path,
    memo: Option<&mut memo::PageMemo>,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let config = config::load(root).map_err(Diagnostics::from)?;
    let mut content = content::load(root, &mut diagnostics, memo);
    if content.sections[SectionId::HOME].index.is_none() {
        content.sections[SectionId::HOME].title = config.config.title.clone();
    }
    let instruments = instruments::load(root, &mut diagnostics, &mut content.unreadable);
    add_instrument_pages(&instruments, &mut content);
    content::finish_sections(&mut content);
    let templates = templates::load(root, &mut diagnostics);
    let static_files = templates::static_files(root, &mut diagnostics);
    let site = Site {
        root: root.to_path_buf(),
        config,
        pages: content.pages,
        sections: content.sections,
        by_key: content.by_key,
        drafts: content.drafts,
        unreadable: content.unreadable,
        content_assets: content.assets,
        templates,
        instruments,
        static_files,
    };
    Ok((site, diagnostics))
}

/// Folder of the instrument pages, and the section that lists them.
pub const INSTRUMENT_DIR: &str = "instrumenten";

/// Every instrument becomes a page in the section `instrumenten` (made if the content has
/// no such folder), so navigation, breadcrumbs and links treat it like any page. Its link
/// key is its source path: `@/checklists/tien-punten.toml`.
fn add_instrument_pages(instruments: &[instruments::Loaded], content: &mut content::Content) {
    if instruments.is_empty() {
        return;
    }
    let section = match content
        .sections
        .iter()
        .position(|s| s.dir == INSTRUMENT_DIR)
    {
        Some(id) => SectionId(id),
        None => {
            let id = SectionId(content.sections.len());
            let mut s = content::new_section(INSTRUMENT_DIR.to_string(), Some(SectionId::HOME));
            s.title = "Instrumenten".to_string();
            content.sections.push(s);
            content.sections[SectionId::HOME].children.push(id);
            id
        }
    };
    for (index, loaded) in instruments.iter().enumerate() {
        let def = &loaded.def;
        let key = crate::diagnostics::display_path(&loaded.file.path);
        let id = PageId(content.pages.len());
        content.sections[section].pages.push(id);
        content.by_key.insert(key.clone(), id);
        content.pages.push(crate::site::Page {
            file: loaded.file.clone(),
            front: front_matter::FrontMatter {
                title: def.title.clone(),
                description: def.description.clone(),
                weight: def.weight,
                draft: false,
                template: Some(toml::Spanned::new(0..0, "instrument.html".to_string())),
                extra: toml::Table::new(),
            },
            front_range: 0..0,
            body_start: 0,
            intro: Some((
                std::sync::Arc::from(def.intro.get_ref().as_str()),
                def.intro.span(),
            )),
            instrument: Some(index),
            key,
            url: format!(
                "{INSTRUMENT_DIR}/{}.html",
                crate::slug::slugify(def.id.get_ref())
            ),
            section,
            is_index: false,
        });
    }
}
