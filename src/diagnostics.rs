//! Problems found in the input, collected over a whole build and reported together.
//!
//! Every stage pushes a [`Diagnostic`] instead of stopping at the first problem, so an
//! editor sees all mistakes of a build at once. Each diagnostic names the file and, where
//! it has one, the byte span in that file; rendering turns the span into line, column and
//! a source excerpt.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// One problem in one input file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Path relative to the site root, for display.
    pub file: PathBuf,
    /// The file's text, when the problem points into it.
    pub source: Option<Arc<str>>,
    /// Byte range in `source` that the problem is about.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// What the editor can do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem with a whole file (it cannot be read, it is missing, ...).
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            source: None,
            span: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem at a place in a file whose text we have.
    pub fn at(
        file: impl Into<PathBuf>,
        source: &Arc<str>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let span = clamp_span(source, span);
        Diagnostic {
            file: file.into(),
            source: Some(Arc::clone(source)),
            span: Some(span),
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// 1-based line and column of the start of the span, if there is one.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (source, span) = (self.source.as_deref()?, self.span.as_ref()?);
        Some(line_col(source, span.start))
    }

    /// `file:line:col`, or just `file` when there is no position.
    pub fn location(&self) -> String {
        let file = display_path(&self.file);
        match self.line_col() {
            Some((line, col)) => format!("{file}:{line}:{col}"),
            None => file,
        }
    }

    /// Render as text: message, location, excerpt and hint.
    pub fn render(&self) -> String {
        let file = display_path(&self.file);
        let title = Level::ERROR.primary_title(self.message.as_str());
        let mut main = match (&self.source, &self.span) {
            (Some(source), Some(span)) => Group::with_title(title).element(
                Snippet::source(source.as_ref())
                    .path(file.as_str())
                    .annotation(AnnotationKind::Primary.span(span.clone())),
            ),
            _ => Group::with_title(title).element(annotate_snippets::Origin::path(file.as_str())),
        };
        if let Some(hint) = &self.hint {
            main = main.element(Level::HELP.message(hint.as_str()));
        }
        Renderer::plain().render(&[main])
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

/// All problems of one build.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Ok when nothing was reported, so a stage can end with `diagnostics.into_result(value)`.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Sort by file and position so the report reads top to bottom and is deterministic.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            (&a.file, a.span.as_ref().map(|s| s.start))
                .cmp(&(&b.file, b.span.as_ref().map(|s| s.start)))
        });
        self
    }

    /// Every problem rendered, followed by a count.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render());
            out.push_str("\n\n");
        }
        let n = self.0.len();
        out.push_str(&format!(
            "{n} {} gevonden.\n",
            if n == 1 { "fout" } else { "fouten" }
        ));
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Forward slashes on every platform, so messages and tests read the same everywhere.
/// A path as shown to the editor, with forward slashes. Bytes that are not UTF-8 are shown
/// escaped (`caf\xFF.md`), so two such names stay apart instead of both becoming `caf�.md`.
pub fn display_path(path: &Path) -> String {
    escaped(path.as_os_str())
}

#[cfg(unix)]
fn escaped(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut shown = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        shown.push_str(&chunk.valid().replace('\\', "/"));
        for byte in chunk.invalid() {
            shown.push_str(&format!("\\x{byte:02X}"));
        }
    }
    shown
}

#[cfg(not(unix))]
fn escaped(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().replace('\\', "/")
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..offset].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Keep spans inside the text and on character boundaries, whatever a parser reported.
fn clamp_span(source: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
    start..end
}

#[cfg(test)]
mod path_tests {
    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_apart() {
        use std::os::unix::ffi::OsStrExt;
        let a = std::path::Path::new(std::ffi::OsStr::from_bytes(b"content/caf\xff.md"));
        let b = std::path::Path::new(std::ffi::OsStr::from_bytes(b"content/caf\xfe.md"));
        assert_eq!(super::display_path(a), "content/caf\\xFF.md");
        assert_ne!(super::display_path(a), super::display_path(b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncë d", 7), (2, 4));
        assert_eq!(line_col("abc", 0), (1, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }

    #[test]
    fn rendering_names_file_line_and_hint() {
        let src: Arc<str> = Arc::from("+++\ntitel = \"x\"\n+++\n");
        let d = Diagnostic::at("content/a.md", &src, 4..9, "onbekende sleutel `titel`")
            .with_hint("bedoel je `title`?");
        let text = d.render();
        assert!(text.contains("content/a.md:2:1"), "{text}");
        assert!(text.contains("titel = \"x\""), "{text}");
        assert!(text.contains("bedoel je `title`?"), "{text}");
        assert_eq!(d.to_string(), "content/a.md:2:1: onbekende sleutel `titel`");
    }

    #[test]
    fn spans_outside_the_text_are_clamped() {
        let src: Arc<str> = Arc::from("é");
        let d = Diagnostic::at("x", &src, 1..50, "m");
        assert_eq!(d.span, Some(0..2));
        d.render();
    }
}
