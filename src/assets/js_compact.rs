//! Making linked JavaScript smaller without changing what it does: comments, indentation,
//! trailing spaces and blank lines go; everything else stays, line by line, so automatic
//! semicolon insertion sees the same line ends and error messages keep readable code.
//!
//! Our sources are commented generously (a fifth of their bytes), and every page loads them
//! uncompressed from disk, so this matters for the page weight budget. A real minifier would
//! save more but means a large dependency or a parser of our own; this scanner only needs
//! to know where strings, template literals, regular expressions and comments begin and end.

/// Where the scanner is. Template literals nest through `${ … }`: each open `${` remembers
/// the brace depth of the code inside it, so the matching `}` returns to the template.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Code,
    Quoted(u8),
    Template,
    Regex { in_class: bool },
}

/// Keywords after which a `/` starts a regular expression rather than a division.
const BEFORE_REGEX: [&str; 14] = [
    "return",
    "typeof",
    "case",
    "do",
    "else",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "instanceof",
    "yield",
    "await",
];

pub fn compact(src: &str) -> String {
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut state = State::Code;
    // Brace depth of the code inside each open `${`.
    let mut templates: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match state {
            State::Code => match c {
                b'\n' => {
                    end_line(&mut out);
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | b'\r' if at_line_start(&out) => {
                    i += 1;
                    continue;
                }
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    let end = src[i + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |e| i + 2 + e + 2);
                    // A comment over several lines still separates like a line end.
                    if src[i..end].contains('\n') {
                        end_line(&mut out);
                    } else if !at_line_start(&out) {
                        out.push(' ');
                    }
                    i = end;
                    continue;
                }
                b'/' if regex_may_start(&out) => state = State::Regex { in_class: false },
                b'\'' | b'"' => state = State::Quoted(c),
                b'`' => state = State::Template,
                b'{' => depth += 1,
                b'}' if templates.last() == Some(&depth) => {
                    templates.pop();
                    state = State::Template;
                }
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
            State::Quoted(q) => match c {
                b'\\' => {
                    push_escaped(&mut out, src, &mut i);
                    continue;
                }
                _ if c == q => state = State::Code,
                _ => {}
            },
            State::Template => match c {
                b'\\' => {
                    push_escaped(&mut out, src, &mut i);
                    continue;
                }
                b'`' => state = State::Code,
                b'$' if bytes.get(i + 1) == Some(&b'{') => {
                    out.push_str("${");
                    i += 2;
                    templates.push(depth);
                    state = State::Code;
                    continue;
                }
                _ => {}
            },
            State::Regex { in_class } => match c {
                b'\\' => {
                    push_escaped(&mut out, src, &mut i);
                    continue;
                }
                b'[' => state = State::Regex { in_class: true },
                b']' => state = State::Regex { in_class: false },
                b'/' if !in_class => state = State::Code,
                _ => {}
            },
        }
        // Copy one whole character (sources are UTF-8; only ASCII bytes steer the scanner).
        let len = utf8_len(c);
        out.push_str(&src[i..(i + len).min(src.len())]);
        i += len;
    }
    end_line(&mut out);
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// A backslash and the character it escapes, copied as they are.
fn push_escaped(out: &mut String, src: &str, i: &mut usize) {
    let next = src.as_bytes().get(*i + 1).copied().map_or(0, utf8_len);
    let end = (*i + 1 + next).min(src.len());
    out.push_str(&src[*i..end]);
    *i = end;
}

fn at_line_start(out: &str) -> bool {
    out.is_empty() || out.ends_with('\n')
}

/// Close the current line: drop its trailing spaces, and drop it whole if nothing is left.
fn end_line(out: &mut String) {
    let kept = out.trim_end_matches([' ', '\t', '\r']).len();
    out.truncate(kept);
    if !at_line_start(out) {
        out.push('\n');
    }
}

/// A `/` in code starts a regular expression when no value stands before it.
fn regex_may_start(out: &str) -> bool {
    let before = out.trim_end();
    match before.chars().last() {
        None => true,
        Some(c) if "(,=:[!&|?{};+-*%<>~^".contains(c) => true,
        Some(c) if c.is_alphanumeric() || c == '_' || c == '$' => {
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            BEFORE_REGEX.contains(&word.as_str())
        }
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::compact;

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
}
