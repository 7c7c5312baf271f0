//! Making linked JavaScript smaller without changing what it does: comments, indentation,
//! trailing spaces and blank lines go; everything else stays, line by line, so automatic
//! semicolon insertion sees the same line ends and error messages keep readable code.
//!
//! Our sources are commented generously (a fifth of their bytes), and every page loads them
//! uncompressed from disk, so this matters for the page weight budget. A real minifier would
//! save more but means a large dependency or a parser of our own; this only needs to know
//! where strings, template literals, regular expressions and comments begin and end, which
//! the tokens of [`super::js_lex`] tell.

use super::js_lex::{is_line_end, Kind, Token};

/// The tokens' text without comments, indentation, trailing white space and blank lines.
/// Every line end in code is kept; text inside strings, template literals and regular
/// expressions is part of its token and so is kept exactly.
pub fn compact(tokens: &[Token]) -> String {
    let mut out = String::with_capacity(tokens.iter().map(|t| t.text.len()).sum());
    for token in tokens {
        match token.kind {
            Kind::LineEnd => end_line(&mut out),
            Kind::Whitespace if at_line_start(&out) => {}
            Kind::LineComment => {}
            // A comment over several lines still separates like a line end (ASI).
            Kind::BlockComment if token.text.contains(is_line_end) => end_line(&mut out),
            // Elsewhere it still separates the tokens around it.
            Kind::BlockComment if !at_line_start(&out) => out.push(' '),
            Kind::BlockComment => {}
            _ => out.push_str(token.text),
        }
    }
    end_line(&mut out);
    out
}

fn at_line_start(out: &str) -> bool {
    out.is_empty() || out.ends_with('\n')
}

/// Close the current line: drop its trailing white space, and drop it whole if nothing is
/// left. Only white space tokens can be trailing: every other token ends in something else.
fn end_line(out: &mut String) {
    let kept = out
        .trim_end_matches(|c: char| c != '\n' && c.is_whitespace())
        .len();
    out.truncate(kept);
    if !at_line_start(out) {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::super::js_lex::tokenize;
    use proptest::prelude::*;

    fn compact(src: &str) -> String {
        super::compact(&tokenize(src).expect("test sources lex"))
    }

    #[test]
    fn comments_indentation_and_blank_lines_go() {
        let src = "// kop\n\n/** Uitleg\n * over regels\n */\nfunction f(a) {\n    return a; // einde\n}\n  /* kort */ const b = 1;\n";
        assert_eq!(
            compact(src),
            "function f(a) {\nreturn a;\n}\nconst b = 1;\n"
        );
    }

    #[test]
    fn strings_templates_and_regexes_are_kept_exactly() {
        let cases = [
            "const ns = 'http://www.w3.org/2000/svg';\n",
            "const s = \"a // b /* c */\";\n",
            "const q = 'it\\'s // here';\n",
            "const t = `regel 1\n    // geen commentaar\n  ${a + `binnen ${b}`} }`;\n",
            "const o = { a: `${x ? { y: 1 }.y : 2}` };\n",
            "const r = /\\/\\/[/]x/g.test(s);\n",
            "if (/^[=+\\-@]/.test(v)) return v.replace(/\"/g, '\"\"');\n",
            "return /a\\/b/.source;\n",
            "const h = a / b / c;\n",
            "const z = (x) / 2 // deel\n",
            "const é = 'één'; // ü\n",
        ];
        for src in cases {
            let expected = src
                .split(" // deel")
                .next()
                .unwrap()
                .split(" // ü")
                .next()
                .unwrap()
                .trim_end();
            assert_eq!(compact(src).trim_end(), expected, "{src}");
        }
    }

    #[test]
    fn lines_stay_lines_for_automatic_semicolons() {
        let src = "let a = b\n/* x\n y */\n(c || d).e()\nlet f = 1\n";
        assert_eq!(compact(src), "let a = b\n(c || d).e()\nlet f = 1\n");
        let src = "const x = 1 /* a\n b */ const y = 2\n";
        assert_eq!(compact(src), "const x = 1\nconst y = 2\n");
    }

    /// Reproduced bug: the line scanner took the `/` after `if (s)` for a division, so `//`
    /// started a comment and the rest of the line was cut off.
    #[test]
    fn a_regex_after_the_condition_of_an_if_is_kept() {
        let src = "if (s) /\\/\\//.test(s) && f(); // weg\n";
        assert_eq!(compact(src), "if (s) /\\/\\//.test(s) && f();\n");
        let src = "while (!done) /[/]/.exec(s)\n";
        assert_eq!(compact(src), src);
    }

    #[test]
    fn every_kind_of_line_end_counts() {
        assert_eq!(compact("a\r\n  b\r\rc\u{2028}d"), "a\nb\nc\nd\n");
        // Inside a template literal a line end is text and stays as it is.
        assert_eq!(compact("x = `a\r\n  b`\r\n"), "x = `a\r\n  b`\n");
    }

    fn significant(src: &str) -> Option<Vec<String>> {
        let tokens = tokenize(src).ok()?;
        Some(
            tokens
                .iter()
                .filter(|t| !t.is_trivia())
                .map(|t| t.text.to_string())
                .collect(),
        )
    }

    /// For each significant token after the first: whether a line end (or a comment holding
    /// one, which counts as one) comes between it and the one before, all that automatic
    /// semicolon insertion looks at.
    fn breaks(src: &str) -> Option<Vec<bool>> {
        let tokens = tokenize(src).ok()?;
        let mut breaks = Vec::new();
        let mut broken = false;
        for t in tokens {
            if t.is_trivia() {
                broken |= t.text.contains(super::is_line_end);
            } else {
                breaks.push(std::mem::take(&mut broken));
            }
        }
        breaks.get(1..).map(<[bool]>::to_vec).or(Some(Vec::new()))
    }

    fn javascript_like() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "if", "return", " ", "\t", "\n", "/", "//", "/* c */", "/*\n*/", "'s'", "`t ${",
            "}", "`", "{", "(", ")", "1", "=", ";", "++",
        ]);
        prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

        /// What the compactor leaves is the same code: the same significant tokens (so no
        /// comment removal joined two tokens or turned a division into a regex), with a line end
        /// between the same ones (so automatic semicolon insertion works as in the source).
        #[test]
        fn compacting_keeps_every_significant_token(src in javascript_like()) {
            if let Some(before) = significant(&src) {
                let out = compact(&src);
                prop_assert_eq!(significant(&out), Some(before), "{:?} → {:?}", src, out);
                prop_assert_eq!(breaks(&out), breaks(&src));
            }
        }
    }
}
