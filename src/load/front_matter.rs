//! TOML front matter between `+++` lines at the top of a Markdown page.

use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;

use super::source::SourceFile;
use super::toml_error;
use crate::diagnostics::Diagnostic;

/// The keys a page may set. Unknown keys are refused so a typo (`titel`, `wieght`) cannot
/// pass silently; structured data of any shape goes under `[extra]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub draft: bool,
    /// With where its value is in the TOML (relative to the front matter's start).
    #[serde(default)]
    pub template: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub extra: toml::Table,
}

pub const KEYS: &str = "title, description, weight, draft, template en [extra]";

/// A page split into its parsed front matter and the Markdown after it.
#[derive(Debug, Clone)]
pub struct Split {
    pub front: FrontMatter,
    /// Byte range of the TOML between the fences, for pointing at keys later.
    pub front_range: Range<usize>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

const FENCE: &str = "+++";

/// Split and parse. Every failure names the line and says what to write instead.
pub fn parse(file: &SourceFile) -> Result<Split, Diagnostic> {
    let text = &file.text;
    let (front_range, body_start) = fences(file)?;
    let toml_text = &text[front_range.clone()];
    let front: FrontMatter = toml::from_str(toml_text)
        .map_err(|e| toml_error::diagnostic(file, front_range.start, &e, hint_for(&e)))?;
    if front.title.trim().is_empty() {
        let span = key_span(text, &front_range, "title").unwrap_or(front_range.clone());
        return Err(
            Diagnostic::at(&file.path, text, span, "de titel is leeg").with_hint(
                "geef de pagina een titel, bijvoorbeeld: title = \"Wat is een thuiszitter?\"",
            ),
        );
    }
    check_search_lower(file, &front, &front_range)?;
    Ok(Split {
        front,
        front_range,
        body_start,
    })
}

/// `[extra] search_lower` steers the search index, so a value that is not true or false is an
/// error rather than silently ignored.
fn check_search_lower(
    file: &SourceFile,
    front: &FrontMatter,
    front_range: &Range<usize>,
) -> Result<(), Diagnostic> {
    let key = crate::search::LOWER_KEY;
    match front.extra.get(key) {
        None | Some(toml::Value::Boolean(_)) => Ok(()),
        Some(_) => {
            let text = &file.text;
            let span = key_span(text, front_range, key).unwrap_or(front_range.clone());
            Err(Diagnostic::at(
                &file.path,
                text,
                span,
                format!("{key} moet true of false zijn"),
            )
            .with_hint(format!(
                "schrijf {key} = true om de pagina lager in de zoekresultaten te zetten"
            )))
        }
    }
}

/// Find the opening and closing fence lines.
fn fences(file: &SourceFile) -> Result<(Range<usize>, usize), Diagnostic> {
    let text: &Arc<str> = &file.text;
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != FENCE {
        return Err(Diagnostic::at(&file.path, text, 0..first_line_end, "de pagina begint niet met front matter")
            .with_hint("zet bovenaan een regel +++, dan bijvoorbeeld title = \"Titel van de pagina\", en sluit af met +++"));
    }
    let front_start = (first_line_end + 1).min(text.len());
    let mut pos = front_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == FENCE {
            return Ok((front_start..pos, (end + 1).min(text.len())));
        }
        pos = end + 1;
    }
    Err(Diagnostic::at(
        &file.path,
        text,
        0..first_line_end,
        "de front matter wordt niet afgesloten",
    )
    .with_hint("sluit de front matter af met een regel die alleen +++ bevat"))
}

fn hint_for(err: &toml::de::Error) -> String {
    let message = err.message();
    if message.contains("unknown field") {
        format!("toegestane sleutels zijn {KEYS}; zet eigen gegevens onder [extra]")
    } else if message.contains("missing field `title`") {
        "elke pagina heeft een titel nodig: title = \"...\"".to_string()
    } else {
        "controleer de TOML-schrijfwijze: tekst tussen aanhalingstekens, één sleutel per regel"
            .to_string()
    }
}

/// Span of `key = ...` within the front matter, for messages about a key's value.
pub fn key_span(text: &str, front: &Range<usize>, key: &str) -> Option<Range<usize>> {
    let mut pos = front.start;
    for line in text[front.clone()].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                let start = pos + (line.len() - trimmed.len());
                return Some(start..pos + line.trim_end().len());
            }
        }
        pos += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from("content/p.md"),
            text: Arc::from(text),
        }
    }

    #[test]
    fn parses_all_keys() {
        let f = file(
            "+++\ntitle = \"T\"\nweight = 3\ndraft = true\n[extra]\nregion = \"R\"\n+++\n# Kop\n",
        );
        let s = parse(&f).unwrap();
        assert_eq!(s.front.title, "T");
        assert_eq!(s.front.weight, 3);
        assert!(s.front.draft);
        assert_eq!(s.front.extra["region"].as_str(), Some("R"));
        assert_eq!(&f.text[s.body_start..], "# Kop\n");
    }

    #[test]
    fn unknown_key_names_its_line() {
        let err = parse(&file("+++\ntitle = \"T\"\ntitel = \"x\"\n+++\n")).unwrap_err();
        assert_eq!(err.line_col(), Some((3, 1)));
        assert!(err.message.contains("titel"), "{}", err.message);
        assert!(err.hint.unwrap().contains("[extra]"));
    }

    #[test]
    fn missing_fences_and_title() {
        assert!(parse(&file(""))
            .unwrap_err()
            .message
            .contains("begint niet"));
        assert!(parse(&file("+++\ntitle = \"T\"\n"))
            .unwrap_err()
            .message
            .contains("niet afgesloten"));
        let err = parse(&file("+++\nweight = 1\n+++\n")).unwrap_err();
        assert!(err.message.contains("title"), "{}", err.message);
        let err = parse(&file("+++\ntitle = \"  \"\n+++\n")).unwrap_err();
        assert_eq!(err.line_col(), Some((2, 1)));
    }

    #[test]
    fn bad_toml_points_into_the_front_matter() {
        let err = parse(&file("+++\ntitle = \"T\"\nweight = drie\n+++\n")).unwrap_err();
        assert_eq!(err.line_col().map(|p| p.0), Some(3));
    }
}
