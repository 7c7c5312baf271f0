//! Static files: copied as they are, except the JavaScript entries, which are linked into
//! classic scripts (see [`js_link`]), and the stylesheets, which lose their comments
//! (see [`css_compact`]).

pub mod css_compact;
pub mod js_compact;
pub mod js_lex;
pub mod js_link;

use std::path::Path;

use crate::diagnostics::{display_path, Diagnostics};
use crate::load::source::SourceFile;
use crate::load::templates::{read_static, StaticFile};
use crate::output::OutputFile;
use crate::site::Site;

const STATIC: &str = "static";
const JS_DIR: &str = "static/js";

/// Where a file in `content/` ends up: beside the page, in the slugified folder.
pub fn content_asset_output(key: &str) -> String {
    match key.rsplit_once('/') {
        Some((dir, name)) => {
            let dir = crate::load::content::section_url(dir);
            let dir = dir.strip_suffix("index.html").unwrap_or(&dir);
            format!("{dir}{name}")
        }
        None => key.to_string(),
    }
}

/// The output path of a static file, or None for library modules that only exist to be
/// linked into an entry.
pub fn static_output(rel: &Path) -> Option<String> {
    let shown = display_path(rel);
    let inside = shown.strip_prefix(&format!("{STATIC}/"))?;
    if let Some(js) = shown.strip_prefix(&format!("{JS_DIR}/")) {
        if js.contains('/') {
            return None;
        }
    }
    Some(inside.to_string())
}

fn is_js_entry(rel: &Path) -> bool {
    let shown = display_path(rel);
    shown
        .strip_prefix(&format!("{JS_DIR}/"))
        .is_some_and(|name| !name.contains('/') && name.ends_with(".js"))
}

fn is_stylesheet(rel: &Path) -> bool {
    let shown = display_path(rel);
    shown.starts_with(&format!("{STATIC}/")) && shown.ends_with(".css")
}

/// A file of the output that comes from `static/` or `content/` rather than from a template.
pub struct Asset {
    pub path: String,
    /// The input it comes from, as shown to the editor.
    pub origin: String,
    pub file: OutputFile,
}

/// Every static file and content asset, with the JavaScript entries linked now, so that a
/// module the linker refuses is reported with the other problems of the site.
pub fn plan(site: &Site, diagnostics: &mut Diagnostics) -> Vec<Asset> {
    let read = |p: &Path| read_module(&site.root, &site.static_files, p);
    let mut assets = Vec::new();
    for file in &site.static_files {
        let rel = &file.rel;
        let Some(path) = static_output(rel) else {
            continue;
        };
        let data = if is_stylesheet(rel) {
            match read_static(&site.root, file) {
                Ok(css) => OutputFile::Bytes(css_compact::compact(&css.text).into_bytes()),
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            }
        } else if is_js_entry(rel) {
            match js_link::link(rel, &read) {
                Ok(js) => OutputFile::Bytes(js.into_bytes()),
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            }
        } else {
            match file.builtin {
                Some(bytes) => OutputFile::Bytes(bytes.to_vec()),
                None => OutputFile::Copy(site.root.join(rel)),
            }
        };
        assets.push(Asset {
            path,
            origin: display_path(rel),
            file: data,
        });
    }
    for rel in &site.content_assets {
        let key = display_path(rel.strip_prefix(crate::load::content::DIR).unwrap_or(rel));
        let key = key.trim_start_matches('/');
        assets.push(Asset {
            path: content_asset_output(key),
            origin: display_path(rel),
            file: OutputFile::Copy(site.root.join(rel)),
        });
    }
    assets
}

/// A module for the linker: the site's static file at `path` (one of `files`, the site's
/// static files below `root`), or the built-in one.
fn read_module(
    root: &Path,
    files: &[StaticFile],
    path: &Path,
) -> Result<SourceFile, crate::diagnostics::Diagnostic> {
    let builtin = StaticFile {
        rel: path.to_path_buf(),
        builtin: None,
    };
    let file = files.iter().find(|f| f.rel == path).unwrap_or(&builtin);
    read_static(root, file)
}
