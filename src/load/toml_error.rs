//! Turning a `toml` parse error into a diagnostic that points into the original file.

use super::source::SourceFile;
use crate::diagnostics::Diagnostic;

/// `offset` is where the parsed TOML starts inside the file (the front matter of a page
/// starts after its fence; a whole `.toml` file starts at 0).
pub fn diagnostic(
    file: &SourceFile,
    offset: usize,
    err: &toml::de::Error,
    hint: String,
) -> Diagnostic {
    let message = translate(err.message());
    match err.span() {
        Some(span) => Diagnostic::at(
            &file.path,
            &file.text,
            span.start + offset..span.end + offset,
            message,
        ),
        None => Diagnostic::file(&file.path, message),
    }
    .with_hint(hint)
}

/// The toml crate's messages are English and terse; keep their substance, say it in Dutch.
fn translate(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return format!("onbekende sleutel {field}");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("verplichte sleutel {rest} ontbreekt");
    }
    if let Some(rest) = message.strip_prefix("duplicate key") {
        return format!("dubbele sleutel{rest}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return match rest.split_once(", expected one of ") {
            Some((value, options)) => format!("onbekende waarde {value}; kies uit {options}"),
            None => format!("onbekende waarde {rest}"),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return format!("verkeerd soort waarde: {rest}");
    }
    format!("ongeldige TOML: {message}")
}
