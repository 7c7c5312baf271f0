//! Static files: copied as they are, except the JavaScript entries, which are linked into
//! classic scripts (see [`js_link`]), and the stylesheets, which lose their comments
//! (see [`css_compact`]).

pub mod css_compact;
pub mod js_compact;
pub mod js_lex;
pub mod js_link;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{display_path, Diagnostics};
use crate::fingerprint::hash_of;
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
pub fn plan(
    site: &Site,
    diagnostics: &mut Diagnostics,
    mut memo: Option<&mut AssetMemo>,
) -> Vec<Asset> {
    let read = |p: &Path| read_module(&site.root, &site.static_files, p);
    let mut assets = Vec::new();
    for file in &site.static_files {
        let rel = &file.rel;
        let Some(path) = static_output(rel) else {
            continue;
        };
        let data = if is_stylesheet(rel) {
            match read_static(&site.root, file) {
                Ok(css) => OutputFile::Bytes(compact_css(rel, &css.text, memo.as_deref_mut())),
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            }
        } else if is_js_entry(rel) {
            match link_script(rel, &read, memo.as_deref_mut()) {
                Ok(js) => OutputFile::Bytes(js),
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

/// What `serve` remembers of the stylesheets and scripts it made, so that a rebuild after
/// editing a page does not lex every script again (a sixth of such a rebuild otherwise).
#[derive(Default)]
pub struct AssetMemo {
    /// Stylesheet → the hash of its text and the compacted stylesheet.
    styles: HashMap<PathBuf, (u64, Vec<u8>)>,
    /// Entry → the modules it was linked from, each with the hash of its text, and the script.
    scripts: HashMap<PathBuf, Linked>,
}

/// A linked script with the modules (path, hash of the text) it was made from.
type Linked = (Vec<(PathBuf, u64)>, Vec<u8>);

fn compact_css(rel: &Path, text: &str, memo: Option<&mut AssetMemo>) -> Vec<u8> {
    let compact = || css_compact::compact(text).into_bytes();
    let Some(memo) = memo else {
        return compact();
    };
    let hash = hash_of(text);
    match memo.styles.get(rel) {
        Some((known, css)) if *known == hash => css.clone(),
        _ => {
            let css = compact();
            memo.styles.insert(rel.to_path_buf(), (hash, css.clone()));
            css
        }
    }
}

/// Link an entry, or take the script linked earlier when every module it read is unchanged.
fn link_script(
    entry: &Path,
    read: &dyn Fn(&Path) -> Result<SourceFile, crate::diagnostics::Diagnostic>,
    memo: Option<&mut AssetMemo>,
) -> Result<Vec<u8>, crate::diagnostics::Diagnostic> {
    let Some(memo) = memo else {
        return js_link::link(entry, read).map(String::into_bytes);
    };
    if let Some((modules, script)) = memo.scripts.get(entry) {
        let same = |(path, hash): &(PathBuf, u64)| {
            read(path).is_ok_and(|file| hash_of(&*file.text) == *hash)
        };
        if modules.iter().all(same) {
            return Ok(script.clone());
        }
    }
    let modules = std::cell::RefCell::new(Vec::new());
    let noting = |path: &Path| {
        let file = read(path)?;
        let hash = hash_of(&*file.text);
        modules.borrow_mut().push((path.to_path_buf(), hash));
        Ok(file)
    };
    let script = js_link::link(entry, &noting)?.into_bytes();
    memo.scripts
        .insert(entry.to_path_buf(), (modules.into_inner(), script.clone()));
    Ok(script)
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
