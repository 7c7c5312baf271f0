//! Stage 1, load: read `site.toml`, `content/`, `templates/` and `static/` into a [`Site`].
//!
//! Only syntax is checked here (TOML, front matter, UTF-8). Whether links, templates and
//! output paths fit together is the validate stage's job, once everything is loaded.

pub mod config;
pub mod content;
pub mod front_matter;
pub mod source;
pub mod templates;
mod toml_error;

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::site::Site;

pub fn load(root: &Path) -> Result<Site, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let config = config::load(root).map_err(Diagnostics::from)?;
    let mut content = content::load(root, &mut diagnostics);
    if content.sections[0].index.is_none() {
        content.sections[0].title = config.config.title.clone();
    }
    let templates = templates::load(root, &mut diagnostics);
    let static_files = templates::static_files(root, &mut diagnostics);
    diagnostics.into_result(Site {
        root: root.to_path_buf(),
        config,
        pages: content.pages,
        sections: content.sections,
        by_key: content.by_key,
        drafts: content.drafts,
        content_assets: content.assets,
        templates,
        static_files,
    })
}
