//! Reading input files as text, with the checks every input file needs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Diagnostic;

/// Files larger than this are refused: no handbook page is this big, and a mistake such as a
/// log file dropped in `content/` should not stall the build.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// An input file's text, with its path relative to the site root.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
}

/// Read `root/rel` as UTF-8 text. A byte-order mark is dropped.
pub fn read_text(root: &Path, rel: &Path) -> Result<SourceFile, Diagnostic> {
    let full = root.join(rel);
    let size = std::fs::metadata(&full)
        .map_err(|e| Diagnostic::file(rel, format!("kan het bestand niet lezen: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            rel,
            format!(
                "het bestand is te groot ({} MB; de grens is {} MB)",
                size / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .with_hint("splits de tekst over meer pagina's, of haal het bestand uit deze map"));
    }
    let bytes = std::fs::read(&full)
        .map_err(|e| Diagnostic::file(rel, format!("kan het bestand niet lezen: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| not_utf8(rel, &e))?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    Ok(SourceFile {
        path: rel.to_path_buf(),
        text: Arc::from(text),
    })
}

fn not_utf8(rel: &Path, err: &std::string::FromUtf8Error) -> Diagnostic {
    let bytes = err.as_bytes();
    let offset = err.utf8_error().valid_up_to();
    // Show the text up to the bad byte so the editor can find the place.
    let end = (offset + 1).min(bytes.len());
    let shown: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes[..end]).into_owned());
    let at = shown.len().saturating_sub(1);
    Diagnostic::at(
        rel,
        &shown,
        at..shown.len(),
        "het bestand is geen geldige UTF-8-tekst",
    )
    .with_hint(
        "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8)",
    )
}

/// True for files an editor or OS leaves behind that are never input: `.DS_Store`,
/// `.pagina.md.swp`, `pagina.md~`.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.md"),
            b"+++\ntitle = \"x\"\n+++\nab\xffcd",
        )
        .unwrap();
        let err = read_text(dir.path(), Path::new("a.md")).unwrap_err();
        assert_eq!(err.line_col().map(|(l, _)| l), Some(4));
        assert!(err.message.contains("UTF-8"));
    }

    #[test]
    fn bom_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "\u{feff}hoi").unwrap();
        assert_eq!(
            &*read_text(dir.path(), Path::new("a.md")).unwrap().text,
            "hoi"
        );
    }
}
