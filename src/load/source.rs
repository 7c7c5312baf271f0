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

/// What an entry of a source folder is, once the one rule for symbolic links is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    File,
    Dir,
}

/// The one rule for every source folder (`content/`, `checklists/`, `templates/`, `static/`):
/// a symbolic link is followed only to a regular file inside the handbook's folder; a link out
/// of it would publish a file from elsewhere (`/etc/hostname`), and a link to a folder could
/// loop. Only regular files and folders are input: a FIFO would hang the build, a device
/// (`/dev/zero`) would be read until memory runs out.
pub fn classify(root: &Path, rel: &Path) -> Result<Entry, Diagnostic> {
    let full = root.join(rel);
    let meta = std::fs::symlink_metadata(&full).map_err(|e| unreadable(rel, &e))?;
    if meta.file_type().is_symlink() {
        return follow_link(root, rel, &full);
    }
    kind_of(rel, &meta)
}

fn follow_link(root: &Path, rel: &Path, full: &Path) -> Result<Entry, Diagnostic> {
    let target = std::fs::canonicalize(full).map_err(|e| {
        Diagnostic::file(
            rel,
            format!(
                "de koppeling (symlink) wijst naar iets dat niet bestaat: {}",
                dutch_io(&e)
            ),
        )
        .with_hint("herstel of verwijder de koppeling")
    })?;
    let inside = std::fs::canonicalize(root).is_ok_and(|r| target.starts_with(r));
    if !inside {
        return Err(Diagnostic::file(rel, "de koppeling (symlink) wijst naar een bestand buiten de map van het handboek; leerrecht publiceert alleen wat in die map staat")
            .with_hint("kopieer het bestand zelf naar deze plek, of verwijder de koppeling"));
    }
    let meta = std::fs::metadata(&target).map_err(|e| unreadable(rel, &e))?;
    if meta.is_dir() {
        return Err(Diagnostic::file(rel, "de koppeling (symlink) wijst naar een map; koppelingen naar mappen volgt leerrecht niet")
            .with_hint("zet de bestanden zelf in deze map, of koppel elk bestand apart"));
    }
    kind_of(rel, &meta)
}

fn kind_of(rel: &Path, meta: &std::fs::Metadata) -> Result<Entry, Diagnostic> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Ok(Entry::Dir);
    }
    if kind.is_file() {
        return Ok(Entry::File);
    }
    Err(Diagnostic::file(
        rel,
        format!(
            "dit is geen gewoon bestand maar {}; leerrecht leest alleen gewone bestanden",
            special_kind(kind)
        ),
    )
    .with_hint("haal het uit de map van het handboek"))
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "een pijp (FIFO)"
    } else if kind.is_socket() {
        "een socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "een apparaat"
    } else {
        "iets anders"
    }
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> &'static str {
    "iets anders"
}

/// An I/O error in Dutch, with the system's own words after it for the curious.
pub fn dutch_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let what = match e.kind() {
        NotFound => "het bestaat niet",
        PermissionDenied => "geen toestemming om het te lezen",
        InvalidData => "de inhoud is onleesbaar",
        IsADirectory => "het is een map",
        _ => "het lezen mislukte",
    };
    format!("{what} ({e})")
}

fn unreadable(rel: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file(rel, format!("kan het bestand niet lezen: {}", dutch_io(e)))
        .with_hint("controleer of het bestand bestaat en of je het mag lezen")
}

fn too_big(rel: &Path) -> Diagnostic {
    Diagnostic::file(
        rel,
        format!(
            "het bestand is te groot (de grens is {} MB)",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
    .with_hint("splits de tekst over meer pagina's, of haal het bestand uit deze map")
}

/// Read a regular file, never more than [`MAX_FILE_BYTES`]: the metadata's length is not
/// trusted (it is 0 for devices), the read itself is bounded.
pub fn read_bounded(root: &Path, rel: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    if classify(root, rel)? != Entry::File {
        return Err(unreadable(
            rel,
            &std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the file have become a FIFO since it was classified, do not wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(root.join(rel))
        .map_err(|e| unreadable(rel, &e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(rel, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(rel));
    }
    Ok(bytes)
}

/// Read `root/rel` as UTF-8 text. A byte-order mark is dropped.
pub fn read_text(root: &Path, rel: &Path) -> Result<SourceFile, Diagnostic> {
    let bytes = read_bounded(root, rel)?;
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
