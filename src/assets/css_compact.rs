//! The site's stylesheets without their comments and spare white space. The sources explain
//! every rule (why it is there); the pages only need the rules. Every page loads leerrecht.css,
//! and the instrument pages sit close to their weight budget, so the explanations must not cost
//! bytes.

/// `css` without comments, with every run of white space made one space, and none at all after
/// `{ } ; : ,` or before `{ } ; ,` (where CSS never needs it). Quoted strings are kept exactly as
/// written (`content: "Gebruikelijk: "` keeps its spaces, a `/*` in a string is no comment).
/// White space before a `:` stays: in `a :hover` it is a descendant combinator.
pub fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut space = false;
    let mut chars = css.chars().peekable();
    // Writes `c`, preceded by one space when white space came before and the space matters.
    let emit = |out: &mut String, space: &mut bool, c: char| {
        if *space
            && !out.is_empty()
            && !out.ends_with(['{', '}', ';', ':', ','])
            && !matches!(c, '{' | '}' | ';' | ',')
        {
            out.push(' ');
        }
        *space = false;
        out.push(c);
    };
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                emit(&mut out, &mut space, c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(escaped) = chars.next() {
                            out.push(escaped);
                        }
                    } else if d == c || d == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            c => emit(&mut out, &mut space, c),
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn comments_and_spare_space_go_strings_and_combinators_stay() {
        let css = "/* why */\n.a {\n  color: red; /* because */\n}\n\n.b::before { content: \"/* not: a comment */\"; }\n.c::after { content: '\\'/*'; }\n";
        assert_eq!(
            compact(css),
            ".a{color:red;}.b::before{content:\"/* not: a comment */\";}.c::after{content:'\\'/*';}\n"
        );
        assert_eq!(compact("a { b: c } /* open"), "a{b:c}\n");
        assert_eq!(
            compact("@media (max-width: 40rem) {\n  .x :is(a, b) > c, d  e { margin: calc(100% + 1rem) 0; }\n}"),
            "@media (max-width:40rem){.x :is(a,b) > c,d e{margin:calc(100% + 1rem) 0;}}\n"
        );
    }
}
