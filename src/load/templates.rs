//! Template sources: the site's own `templates/`, over the built-in set.
//!
//! A site that leaves a template out gets the built-in one, so a small handbook needs no
//! templates at all and an editor overrides only what they change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use super::source::{classify, is_ignored, read_text, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::embedded;

pub const DIR: &str = "templates";

/// Every template by name (`page.html`, `partials/search.html`), the site's winning over the
/// built-in ones.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Vec<SourceFile> {
    let mut by_name: BTreeMap<String, SourceFile> = embedded::files_under(DIR)
        .filter_map(|(name, bytes)| {
            let text = std::str::from_utf8(bytes).ok()?;
            Some((
                name.to_string(),
                SourceFile {
                    path: PathBuf::from(format!("(ingebouwd) {DIR}/{name}")),
                    text: Arc::from(text),
                },
            ))
        })
        .collect();
    let base = root.join(DIR);
    if base.is_dir() {
        for entry in WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()))
        {
            let entry = match entry {
                Ok(e) if e.file_type().is_dir() => continue,
                Ok(e) => e,
                Err(e) => {
                    diagnostics.push(Diagnostic::file(DIR, format!("kan de map niet lezen: {e}")));
                    continue;
                }
            };
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            if let Err(d) = classify(root, rel) {
                diagnostics.push(d);
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&base)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            match read_text(root, rel) {
                Ok(file) => {
                    by_name.insert(name, file);
                }
                Err(d) => diagnostics.push(d),
            }
        }
    }
    by_name.into_values().collect()
}

/// The name minijinja knows a template by: its path inside `templates/`.
pub fn name_of(file: &SourceFile) -> String {
    let shown = file.path.to_string_lossy().replace('\\', "/");
    let shown = shown.strip_prefix("(ingebouwd) ").unwrap_or(&shown);
    shown
        .strip_prefix(&format!("{DIR}/"))
        .unwrap_or(shown)
        .to_string()
}

/// A file under `static/`: the site's own, or a built-in one the site does not override.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Relative to the site root, e.g. `static/css/leerrecht.css`.
    pub rel: PathBuf,
    /// The built-in bytes, when the site has no file of its own at `rel`.
    pub builtin: Option<&'static [u8]>,
}

/// Files below `static/`, the site's over the built-in ones, sorted by path.
pub fn static_files(root: &Path, diagnostics: &mut Diagnostics) -> Vec<StaticFile> {
    let mut files: BTreeMap<PathBuf, StaticFile> = embedded::files_under("static")
        .map(|(name, bytes)| {
            let rel = Path::new("static").join(name);
            (
                rel.clone(),
                StaticFile {
                    rel,
                    builtin: Some(bytes),
                },
            )
        })
        .collect();
    for rel in list_files(root, Path::new("static"), diagnostics) {
        files.insert(rel.clone(), StaticFile { rel, builtin: None });
    }
    files.into_values().collect()
}

/// The text of a static file, from disk or built in.
pub fn read_static(root: &Path, file: &StaticFile) -> Result<SourceFile, Diagnostic> {
    match file.builtin {
        None => read_text(root, &file.rel),
        Some(bytes) => Ok(SourceFile {
            path: PathBuf::from(format!("(ingebouwd) {}", file.rel.display())),
            text: Arc::from(String::from_utf8_lossy(bytes).into_owned()),
        }),
    }
}

pub fn list_files(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let base = root.join(dir);
    if !base.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()))
    {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .to_path_buf();
                match classify(root, &rel) {
                    Ok(_) => files.push(rel),
                    Err(d) => diagnostics.push(d),
                }
            }
            Err(e) => {
                diagnostics.push(Diagnostic::file(dir, format!("kan de map niet lezen: {e}")))
            }
        }
    }
    files
}
