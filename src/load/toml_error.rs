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
    let (message, extra_hint) = translate(err.message());
    let hint = match extra_hint {
        Some(extra) => format!("{extra}; {hint}"),
        None => hint,
    };
    // toml gives no place for some errors (nesting too deep): point at the line that nests
    // deepest, which is where the reader gave up.
    let span = err
        .span()
        .map(|s| s.start + offset..s.end + offset)
        .or_else(|| deepest_line(&file.text, offset));
    match span {
        Some(span) => Diagnostic::at(&file.path, &file.text, span, message),
        None => Diagnostic::file(&file.path, message),
    }
    .with_hint(hint)
}

/// The line (from `offset` on) with the most `.`, `[` and `{`.
fn deepest_line(text: &str, offset: usize) -> Option<std::ops::Range<usize>> {
    let mut start = offset.min(text.len());
    let mut best: Option<(usize, std::ops::Range<usize>)> = None;
    for line in text.get(start..)?.split_inclusive('\n') {
        let depth = line
            .chars()
            .filter(|c| matches!(c, '.' | '[' | '{'))
            .count();
        let range = start..start + line.trim_end().len();
        if depth > 0 && best.as_ref().is_none_or(|(d, _)| depth > *d) {
            best = Some((depth, range));
        }
        start += line.len();
    }
    best.map(|(_, r)| r)
}

/// A type in toml's words, in Dutch.
fn kind(word: &str) -> &str {
    let word = word
        .trim()
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    match word {
        "string" => "tekst",
        "i64" | "u32" | "u64" | "usize" | "i32" | "u8" | "integer" => "een geheel getal",
        "f64" | "f32" | "floating point" => "een getal",
        "boolean" | "bool" => "true of false",
        "sequence" => "een lijst",
        "map" => "een tabel (of een datum)",
        _ => word,
    }
}

/// `string "zwaar"`, `integer `3``, `sequence`: what was found, in Dutch.
fn found(what: &str) -> String {
    let what = what.trim();
    let (word, value) = what.split_once(' ').unwrap_or((what, ""));
    let value = value
        .split(" as ")
        .next()
        .unwrap_or(value)
        .trim_matches('`');
    let word = kind(word);
    if value.is_empty() {
        word.to_string()
    } else {
        format!("{word} {value}")
    }
}

/// The toml crate's messages are English and terse; keep their substance, say it in Dutch.
/// A message it has never given before is not passed on in English in the message itself:
/// the message says where, and the hint carries the reader's own words.
fn translate(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    let dutch = |m: String| (m, None);
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return dutch(format!("onbekende sleutel {field}"));
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return dutch(format!("verplichte sleutel {rest} ontbreekt"));
    }
    if let Some(rest) = message.strip_prefix("duplicate key") {
        return dutch(format!("dubbele sleutel{rest}"));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return dutch(match rest.split_once(", expected one of ") {
            Some((value, options)) => format!("onbekende waarde {value}; kies uit {options}"),
            None => format!("onbekende waarde {rest}"),
        });
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return dutch(match rest.split_once(", expected ") {
            Some((what, expected)) => format!(
                "verkeerd soort waarde: {} waar {} hoort",
                found(what),
                kind(expected)
            ),
            None => format!("verkeerd soort waarde: {}", found(rest)),
        });
    }
    let known: [(&str, &str); 9] = [
        (
            "string values must be quoted",
            "tekst moet tussen aanhalingstekens staan",
        ),
        (
            "invalid basic string",
            "de tekst wordt niet afgesloten met een \"",
        ),
        (
            "invalid literal string",
            "de tekst wordt niet afgesloten met een '",
        ),
        (
            "key with no value",
            "sleutel zonder waarde: er ontbreekt een =",
        ),
        (
            "unclosed table",
            "de kop van de tabel wordt niet afgesloten met ]",
        ),
        (
            "unclosed inline table",
            "de tabel wordt niet afgesloten met }",
        ),
        ("unclosed array", "de lijst wordt niet afgesloten met ]"),
        (
            "unquoted keys cannot be empty",
            "er staat geen sleutel voor de =",
        ),
        (
            "missing escaped value",
            "na een \\ in tekst hoort een teken als n, t, \" of \\",
        ),
    ];
    if let Some((_, nl)) = known.iter().find(|(en, _)| message.starts_with(en)) {
        return dutch((*nl).to_string());
    }
    if message.starts_with("recursion limit") {
        return dutch(
            "de TOML is te diep genest (te veel delen met punten of haken in elkaar)".into(),
        );
    }
    (
        "ongeldige TOML op deze plek".into(),
        Some(format!("de TOML-lezer zegt: {message}")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_dutch() {
        for (en, nl) in [
            (
                "invalid type: string \"zwaar\", expected i64",
                "verkeerd soort waarde: tekst \"zwaar\" waar een geheel getal hoort",
            ),
            (
                "invalid type: integer `3`, expected a boolean",
                "verkeerd soort waarde: een geheel getal 3 waar true of false hoort",
            ),
            (
                "invalid type: sequence, expected a string",
                "verkeerd soort waarde: een lijst waar tekst hoort",
            ),
            (
                "string values must be quoted, expected literal string",
                "tekst moet tussen aanhalingstekens staan",
            ),
            (
                "recursion limit",
                "de TOML is te diep genest (te veel delen met punten of haken in elkaar)",
            ),
        ] {
            assert_eq!(translate(en).0, nl);
        }
        assert_eq!(translate("iets nieuws").0, "ongeldige TOML op deze plek");
    }

    #[test]
    fn an_error_without_a_place_points_at_the_deepest_line() {
        let text = format!("title = \"a\"\n[{}]\n", vec!["a"; 1000].join("."));
        let file = SourceFile {
            path: "x.toml".into(),
            text: text.as_str().into(),
        };
        let err = toml::from_str::<toml::Table>(&text).expect_err("too deep");
        let d = diagnostic(&file, 0, &err, "hint".into());
        assert_eq!(d.line_col().map(|(l, _)| l), Some(2));
    }
}
