//! Cutting our JavaScript into tokens, for the linker ([`super::js_link`]) and the compactor
//! ([`super::js_compact`]).
//!
//! Both used to scan lines, which broke on a template literal with a line starting with
//! `export`, and on a regular expression after the `)` of an `if`. This lexer knows exactly
//! enough of JavaScript to never confuse code with text: strings, template literals with
//! nested `${ … }`, comments and regular expressions. Every byte of the source belongs to
//! exactly one token (whitespace and line ends included), so the tokens' texts joined give
//! back the source, and a consumer can drop or keep each piece without re-reading text.
//!
//! Whether a `/` starts a regular expression or is a division cannot be read from the
//! characters around it; it depends on the token before it, as in every JavaScript lexer
//! that does not parse: after a value (a name, number, string, `)` or `]`) it divides,
//! elsewhere it starts a regular expression. Two exceptions make this right for our code:
//! the `)` that closes the condition of `if`, `while`, `for` or `with` is followed by a
//! statement, so a `/` there starts a regular expression; and keywords such as `return` or
//! `typeof` are not values.

use std::fmt;
use std::ops::Range;

/// What a token is. Keywords are [`Kind::Ident`]s: which words matter differs per consumer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Spaces and tabs (and other non-line-ending white space) within a line.
    Whitespace,
    /// One line end: `\n`, `\r\n`, `\r`, U+2028 or U+2029.
    LineEnd,
    /// `// …` up to, not including, the line end.
    LineComment,
    /// `/* … */`, possibly over several lines.
    BlockComment,
    /// A name or keyword, also a private member name (`#x`).
    Ident,
    Number,
    /// `'…'` or `"…"`, quotes included.
    String,
    /// A template literal, or the piece of one between two substitutions.
    Template(TemplatePart),
    /// `/…/flags`.
    Regex,
    Punct,
    /// A character no JavaScript token starts with (a stray `#`, `\`, …): kept so the tokens
    /// still add up to the source; deciding whether it is valid is the JavaScript engine's job.
    Other,
}

/// Where a template token sits: a template literal with substitutions is cut at each `${`
/// and the `}` that closes it, so the code inside is lexed as code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplatePart {
    /// `` `…` `` without substitutions.
    Whole,
    /// `` `…${ ``
    Head,
    /// `}…${`
    Middle,
    /// `` }…` ``
    Tail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Byte offset of the token in the source.
    pub start: usize,
}

impl Token<'_> {
    pub fn span(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// White space, line ends and comments: what separates tokens without meaning anything.
    pub fn is_trivia(&self) -> bool {
        matches!(
            self.kind,
            Kind::Whitespace | Kind::LineEnd | Kind::LineComment | Kind::BlockComment
        )
    }

    pub fn is_punct(&self, punct: &str) -> bool {
        self.kind == Kind::Punct && self.text == punct
    }

    pub fn is_word(&self, word: &str) -> bool {
        self.kind == Kind::Ident && self.text == word
    }
}

/// What was left open at the end of a line or of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unterminated {
    String,
    Template,
    Comment,
    Regex,
}

/// A token that does not end: the only thing this lexer refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub what: Unterminated,
    /// From where the token starts to the end of that line.
    pub span: Range<usize>,
    /// 1-based line of the start.
    pub line: usize,
}

impl LexError {
    pub fn message(&self) -> String {
        match self.what {
            Unterminated::String => "deze tekenreeks wordt niet afgesloten: het sluitende aanhalingsteken ontbreekt op deze regel",
            Unterminated::Template => "deze template-literal wordt niet afgesloten: de sluitende backtick (`) ontbreekt",
            Unterminated::Comment => "dit commentaar wordt niet afgesloten: `*/` ontbreekt",
            Unterminated::Regex => "deze reguliere expressie wordt niet afgesloten: de sluitende `/` ontbreekt op deze regel",
        }
        .to_string()
    }

    pub fn hint(&self) -> &'static str {
        match self.what {
            Unterminated::String => "sluit de tekst af met hetzelfde aanhalingsteken; een tekst over meer regels schrijf je als template-literal (`…`)",
            Unterminated::Template => "sluit de template-literal af met een backtick, en elke `${` met een `}`",
            Unterminated::Comment => "sluit het commentaar af met `*/`",
            Unterminated::Regex => "sluit de reguliere expressie af met `/`; bedoel je een deling, zet dan een waarde voor de `/`",
        }
    }
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "regel {}: {}", self.line, self.message())
    }
}

/// Cut `src` into tokens. Never panics; fails only on a string, template literal, comment or
/// regular expression that does not end.
pub fn tokenize(src: &str) -> Result<Vec<Token<'_>>, LexError> {
    Lexer::new(src).run()
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

/// Keywords whose parenthesised head is followed by a statement, not by an operator.
const CONTROL: [&str; 4] = ["if", "while", "for", "with"];

/// Punctuators of more than one character, longest first so the first match is the right one.
/// `/=` is here for division only: in a place where a regular expression may start, `/` is
/// handled before this table is consulted.
const LONG_PUNCTS: [&str; 33] = [
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "**", "<<", ">>",
];

const SHORT_PUNCTS: &str = "{}()[];,<>+-*/%&|^!~?:=.@";

/// A bracket that is open at the current position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// `(`; `control` when it holds the condition of `if`, `while`, `for` or `with`.
    Paren {
        control: bool,
    },
    Bracket,
    Brace,
    /// The `${` of a template literal that starts at `template`.
    Substitution {
        template: usize,
    },
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    tokens: Vec<Token<'a>>,
    open: Vec<Open>,
    /// Whether a `/` here starts a regular expression (decided by the last significant token).
    regex_may_start: bool,
    /// The last significant token was `.` or `?.`, so a word now is a property name, not a
    /// keyword (`x.return / 2` divides).
    after_dot: bool,
    /// The last significant token, when it was a word used as a keyword or name.
    last_word: Option<&'a str>,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Self {
        Lexer {
            src,
            pos: 0,
            tokens: Vec::new(),
            open: Vec::new(),
            regex_may_start: true,
            after_dot: false,
            last_word: None,
        }
    }

    fn run(mut self) -> Result<Vec<Token<'a>>, LexError> {
        while let Some(c) = self.peek() {
            let start = self.pos;
            let kind = self.token(c)?;
            self.push(kind, start);
        }
        let template = self.open.iter().find_map(|open| match open {
            Open::Substitution { template } => Some(*template),
            _ => None,
        });
        match template {
            Some(start) => Err(self.error(Unterminated::Template, start)),
            None => Ok(self.tokens),
        }
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        self.src[self.pos..].chars().nth(1)
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }

    fn bump_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
    }

    /// Lex the token that starts with `c` at `self.pos`, leaving `self.pos` after it.
    fn token(&mut self, c: char) -> Result<Kind, LexError> {
        let start = self.pos;
        if let (Some(&Open::Substitution { template }), '}') = (self.open.last(), c) {
            self.open.pop();
            self.bump();
            return self.template(template, TemplatePart::Tail, TemplatePart::Middle);
        }
        match c {
            // A private class member (`this.#x`) is a name like any other.
            '#' if self.peek_second().is_some_and(is_ident_start) => {
                self.bump();
                self.bump_while(is_ident_part);
                Ok(Kind::Ident)
            }
            _ if is_line_end(c) => {
                self.bump();
                if c == '\r' && self.peek() == Some('\n') {
                    self.bump();
                }
                Ok(Kind::LineEnd)
            }
            _ if c.is_whitespace() => {
                self.bump_while(|c| c.is_whitespace() && !is_line_end(c));
                Ok(Kind::Whitespace)
            }
            '/' if self.peek_second() == Some('/') => {
                self.bump_while(|c| !is_line_end(c));
                Ok(Kind::LineComment)
            }
            '/' if self.peek_second() == Some('*') => self.block_comment(start),
            '/' if self.regex_may_start => self.regex(start),
            '\'' | '"' => self.string(c, start),
            '`' => {
                self.bump();
                self.template(start, TemplatePart::Whole, TemplatePart::Head)
            }
            _ if is_ident_start(c) => {
                self.bump_while(is_ident_part);
                Ok(Kind::Ident)
            }
            _ if c.is_ascii_digit()
                || (c == '.' && self.peek_second().is_some_and(|d| d.is_ascii_digit())) =>
            {
                self.number();
                Ok(Kind::Number)
            }
            _ => Ok(self.punct(c)),
        }
    }

    fn block_comment(&mut self, start: usize) -> Result<Kind, LexError> {
        match self.src[start + 2..].find("*/") {
            Some(end) => {
                self.pos = start + 2 + end + 2;
                Ok(Kind::BlockComment)
            }
            None => Err(self.error(Unterminated::Comment, start)),
        }
    }

    /// A quoted string; a line end inside it is an error unless escaped (line continuation).
    fn string(&mut self, quote: char, start: usize) -> Result<Kind, LexError> {
        self.bump();
        loop {
            match self.peek() {
                None | Some('\n' | '\r') => return Err(self.error(Unterminated::String, start)),
                Some('\\') => self.escape(),
                Some(c) => {
                    self.bump();
                    if c == quote {
                        return Ok(Kind::String);
                    }
                }
            }
        }
    }

    /// A backslash and the character it escapes (`\r\n` counts as one line end).
    fn escape(&mut self) {
        self.bump();
        let escaped = self.peek();
        self.bump();
        if escaped == Some('\r') && self.peek() == Some('\n') {
            self.bump();
        }
    }

    /// Template text after `` ` `` or after the `}` of a substitution, up to the closing
    /// backtick (`end`) or the next `${` (`open`), which opens a substitution.
    fn template(
        &mut self,
        template: usize,
        end: TemplatePart,
        open: TemplatePart,
    ) -> Result<Kind, LexError> {
        loop {
            match self.peek() {
                None => return Err(self.error(Unterminated::Template, template)),
                Some('\\') => self.escape(),
                Some('`') => {
                    self.bump();
                    return Ok(Kind::Template(end));
                }
                Some('$') if self.peek_second() == Some('{') => {
                    self.pos += 2;
                    self.open.push(Open::Substitution { template });
                    return Ok(Kind::Template(open));
                }
                Some(_) => self.bump(),
            }
        }
    }

    /// `/…/flags`; a `/` inside a class `[…]` does not end it.
    fn regex(&mut self, start: usize) -> Result<Kind, LexError> {
        self.bump();
        let mut in_class = false;
        loop {
            match self.peek() {
                None => return Err(self.error(Unterminated::Regex, start)),
                Some(c) if is_line_end(c) => return Err(self.error(Unterminated::Regex, start)),
                Some('\\') => {
                    self.bump();
                    // An escaped line end does not continue a regular expression.
                    if !self.peek().is_some_and(is_line_end) {
                        self.bump();
                    }
                }
                Some(c) => {
                    self.bump();
                    match c {
                        '[' => in_class = true,
                        ']' => in_class = false,
                        '/' if !in_class => break,
                        _ => {}
                    }
                }
            }
        }
        self.bump_while(is_ident_part);
        Ok(Kind::Regex)
    }

    /// Decimal (`1`, `1.5`, `.5`, `1e-3`, `1_000`, `10n`) or prefixed (`0x1F`) numbers. Letters
    /// right after a number are taken along: JavaScript forbids a name there anyway.
    fn number(&mut self) {
        let prefixed = ["0x", "0X", "0b", "0B", "0o", "0O"]
            .iter()
            .any(|p| self.src[self.pos..].starts_with(p));
        if self.peek() != Some('.') {
            self.digits(prefixed);
        }
        if !prefixed && self.peek() == Some('.') {
            self.bump();
            self.digits(false);
        }
    }

    fn digits(&mut self, prefixed: bool) {
        while let Some(c) = self.peek() {
            if !(c.is_ascii_alphanumeric() || c == '_') {
                break;
            }
            self.bump();
            if !prefixed && matches!(c, 'e' | 'E') && matches!(self.peek(), Some('+' | '-')) {
                self.bump();
            }
        }
    }

    fn punct(&mut self, c: char) -> Kind {
        let rest = &self.src[self.pos..];
        let long = LONG_PUNCTS
            .iter()
            .find(|p| rest.starts_with(**p))
            .filter(|p| {
                // `a?.5:b` is a conditional with the number `.5`, not optional chaining.
                **p != "?." || !rest[2..].starts_with(|d: char| d.is_ascii_digit())
            });
        match long {
            Some(p) => {
                self.pos += p.len();
                Kind::Punct
            }
            None => {
                self.bump();
                if SHORT_PUNCTS.contains(c) {
                    Kind::Punct
                } else {
                    Kind::Other
                }
            }
        }
    }

    /// Record the token from `start` to `self.pos` and what it means for the next `/`.
    fn push(&mut self, kind: Kind, start: usize) {
        let token = Token {
            kind,
            text: &self.src[start..self.pos],
            start,
        };
        self.tokens.push(token);
        if token.is_trivia() {
            return;
        }
        let after_dot = std::mem::take(&mut self.after_dot);
        let last_word = self.last_word.take();
        self.regex_may_start = match kind {
            Kind::Ident if after_dot => false,
            Kind::Ident => {
                self.last_word = Some(token.text);
                BEFORE_REGEX.contains(&token.text)
            }
            Kind::Punct => self.punct_before_slash(token.text, last_word),
            Kind::Template(TemplatePart::Head | TemplatePart::Middle) => true,
            _ => false,
        };
    }

    /// Track brackets through a punctuator `p` (`last_word` is the word right before it, if
    /// any), and tell whether a `/` after it starts a regular expression.
    fn punct_before_slash(&mut self, p: &str, last_word: Option<&str>) -> bool {
        match p {
            "(" => {
                let control = last_word.is_some_and(|w| CONTROL.contains(&w));
                self.open.push(Open::Paren { control });
                true
            }
            "[" => {
                self.open.push(Open::Bracket);
                true
            }
            "{" => {
                self.open.push(Open::Brace);
                true
            }
            ")" => match self.open.last() {
                Some(Open::Paren { control }) => {
                    let control = *control;
                    self.open.pop();
                    control
                }
                _ => false,
            },
            "]" => {
                if self.open.last() == Some(&Open::Bracket) {
                    self.open.pop();
                }
                false
            }
            // A block ends here far more often than an object literal in an expression.
            "}" => {
                if self.open.last() == Some(&Open::Brace) {
                    self.open.pop();
                }
                true
            }
            "." | "?." => {
                self.after_dot = true;
                false
            }
            // After `a++` or `a--` a value has just been produced.
            "++" | "--" => false,
            _ => true,
        }
    }

    fn error(&self, what: Unterminated, start: usize) -> LexError {
        let rest = &self.src[start..];
        let end = start + rest.find(is_line_end).unwrap_or(rest.len());
        LexError {
            what,
            span: start..end,
            line: crate::diagnostics::line_col(self.src, start).0,
        }
    }
}

pub fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn is_ident_part(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$' || c == '\u{200c}' || c == '\u{200d}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The significant tokens of `src` as (kind, text).
    fn significant(src: &str) -> Vec<(Kind, &str)> {
        tokenize(src)
            .unwrap_or_else(|e| panic!("{e}\n{src}"))
            .into_iter()
            .filter(|t| !t.is_trivia())
            .map(|t| (t.kind, t.text))
            .collect()
    }

    fn kinds(src: &str) -> Vec<Kind> {
        tokenize(src)
            .unwrap_or_else(|e| panic!("{e}\n{src}"))
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    /// The regular expressions found in `src`.
    fn regexes(src: &str) -> Vec<&str> {
        significant(src)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Regex)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn each_kind_of_token() {
        use Kind::*;
        assert_eq!(
            kinds("a \t// c\r\n/* b\n */1\u{2028}'s'\"d\"`t`;/x/g.y#"),
            [
                Ident,
                Whitespace,
                LineComment,
                LineEnd,
                BlockComment,
                Number,
                LineEnd,
                String,
                String,
                Template(TemplatePart::Whole),
                Punct,
                Regex,
                Punct,
                Ident,
                Other,
            ]
        );
        assert_eq!(
            significant("x >>>= y?.z ?? a?.5:b ... => === !== ++ --"),
            [
                (Ident, "x"),
                (Punct, ">>>="),
                (Ident, "y"),
                (Punct, "?."),
                (Ident, "z"),
                (Punct, "??"),
                (Ident, "a"),
                (Punct, "?"),
                (Number, ".5"),
                (Punct, ":"),
                (Ident, "b"),
                (Punct, "..."),
                (Punct, "=>"),
                (Punct, "==="),
                (Punct, "!=="),
                (Punct, "++"),
                (Punct, "--"),
            ]
        );
        let numbers = [
            "0", "1.5", ".5", "1e-3", "2E+10", "1_000", "10n", "0x1F", "0b10", "1.",
        ];
        for n in numbers {
            assert_eq!(significant(n), [(Number, n)], "{n}");
        }
        assert_eq!(
            significant("1.5.toFixed"),
            [(Number, "1.5"), (Punct, "."), (Ident, "toFixed")]
        );
        assert_eq!(significant("$é_1 ü"), [(Ident, "$é_1"), (Ident, "ü")]);
        assert_eq!(
            significant("this.#return / 2"),
            [
                (Ident, "this"),
                (Punct, "."),
                (Ident, "#return"),
                (Punct, "/"),
                (Number, "2"),
            ]
        );
    }

    #[test]
    fn strings_keep_escapes_and_line_continuations() {
        let cases = [
            r#"'it\'s'"#,
            r#""a \"b\" c""#,
            r#"'\\'"#,
            "'regel \\\n verder'",
            "'regel \\\r\n verder'",
            r#"'// geen commentaar /* ook niet */'"#,
            r#""`${niet}`""#,
        ];
        for case in cases {
            assert_eq!(significant(case), [(Kind::String, case)], "{case}");
        }
    }

    #[test]
    fn regex_or_division_depends_on_the_token_before() {
        // The reproduced bug: after the `)` of an `if` a statement starts.
        assert_eq!(regexes(r"if (s) /\/\//.test(s)"), [r"/\/\//"]);
        let regex = [
            (r"/^a/.test(s)", "/^a/"),
            (r"x = /a/g", "/a/g"),
            (r"f(/a/, /b/)", "/a/"),
            (r"while (x) /a/.exec(y)", "/a/"),
            (r"for (;;) /a/.exec(y)", "/a/"),
            (r"with (o) /a/", "/a/"),
            (r"return /a/", "/a/"),
            (r"typeof /a/", "/a/"),
            (r"case /a/:", "/a/"),
            (r"else /a/.test(s)", "/a/"),
            (r"x in /a/", "/a/"),
            (r"yield /a/", "/a/"),
            (r"await /a/", "/a/"),
            (r"a ? /b/ : /c/", "/b/"),
            (r"[/a/]", "/a/"),
            (r"!/a/.test(s)", "/a/"),
            (r"a && /b/.test(s)", "/b/"),
            (r"a || /b/.test(s)", "/b/"),
            (r"{ /a/ }", "/a/"),
            (r"} /a/.test(s)", "/a/"),
            (r"; /a/", "/a/"),
            (r"x => /a/.test(x)", "/a/"),
            (r"`${/a/.source}`", "/a/"),
            // A class may hold a `/`, and `/=` opens a regular expression where one may start.
            (r"s.replace(/[/]+/g, '')", "/[/]+/g"),
            (r"s.split(/=/)", "/=/"),
        ];
        for (src, expected) in regex {
            assert_eq!(regexes(src).first(), Some(&expected), "{src}");
        }
        let division = [
            "a / b / c",
            "(x) / 2",
            "f(x) / 2",
            "a[0] / 2",
            "1 / 2",
            "'a'.length / 2",
            "`a`.length / 2",
            "x++ / 2",
            "x-- / 2",
            "/a/ / 2",
            "x.return / 2",
            "o.if (a) / 2",
            "a /= 2",
            "this / 2",
            "if (a) (b) / 2",
        ];
        for src in division {
            assert!(regexes(src).len() <= 1, "{src}: {:?}", regexes(src));
            assert!(
                significant(src)
                    .iter()
                    .any(|t| *t == (Kind::Punct, "/") || *t == (Kind::Punct, "/=")),
                "{src}"
            );
        }
    }

    #[test]
    fn nested_templates_hold_code_strings_templates_and_braces() {
        use TemplatePart::*;
        let src = "`a ${ { b: '}' }.b + `c ${d} e` } f ${g}`";
        assert_eq!(
            significant(src),
            [
                (Kind::Template(Head), "`a ${"),
                (Kind::Punct, "{"),
                (Kind::Ident, "b"),
                (Kind::Punct, ":"),
                (Kind::String, "'}'"),
                (Kind::Punct, "}"),
                (Kind::Punct, "."),
                (Kind::Ident, "b"),
                (Kind::Punct, "+"),
                (Kind::Template(Head), "`c ${"),
                (Kind::Ident, "d"),
                (Kind::Template(Tail), "} e`"),
                (Kind::Template(Middle), "} f ${"),
                (Kind::Ident, "g"),
                (Kind::Template(Tail), "}`"),
            ]
        );
        // Template text is text: no comments, keywords or line ends are read in it.
        let text = "`\n// geen\nexport const x = 1; \\` /* ook niet */ \\${x}`";
        assert_eq!(significant(text), [(Kind::Template(Whole), text)]);
    }

    #[test]
    fn unterminated_tokens_are_reported_with_their_line() {
        let cases = [
            ("x\n'abc\n'", Unterminated::String, 2, 2..6),
            ("\"abc", Unterminated::String, 1, 0..4),
            ("a\nb\n`abc\n", Unterminated::Template, 3, 4..8),
            ("`a ${ b", Unterminated::Template, 1, 0..7),
            ("`a ${ `b` + {", Unterminated::Template, 1, 0..13),
            ("/* a\n b", Unterminated::Comment, 1, 0..4),
            ("x = /a\n/", Unterminated::Regex, 1, 4..6),
            ("x = /[/]", Unterminated::Regex, 1, 4..8),
            ("x = /a\\\n/", Unterminated::Regex, 1, 4..7),
        ];
        for (src, what, line, span) in cases {
            let err = tokenize(src).unwrap_err();
            assert_eq!((err.what, err.line, err.span), (what, line, span), "{src}");
        }
        let err = tokenize("'a").unwrap_err();
        assert_eq!(
            err.to_string(),
            "regel 1: deze tekenreeks wordt niet afgesloten: het sluitende aanhalingsteken ontbreekt op deze regel"
        );
    }

    /// Pieces of JavaScript that meet at awkward places when joined at random.
    fn fragments() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "if", "return", " ", "\t", "\n", "\r\n", "\u{2028}", "/", "*", "//", "/*", "*/",
            "'", "\"", "`", "${", "}", "{", "(", ")", "[", "]", "\\", "1", ".5", "=", "?.", "++",
            "é", "#", ";", ",", "export", "import",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn joined(tokens: &[Token]) -> String {
        tokens.iter().map(|t| t.text).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

        #[test]
        fn never_panics_and_tokens_add_up_to_any_input(src in any::<String>()) {
            if let Ok(tokens) = tokenize(&src) {
                prop_assert_eq!(joined(&tokens), src);
            }
        }

        #[test]
        fn tokens_add_up_to_javascript_like_input(src in fragments()) {
            match tokenize(&src) {
                Ok(tokens) => {
                    prop_assert_eq!(joined(&tokens), src.clone());
                    let mut end = 0;
                    for t in &tokens {
                        prop_assert_eq!(t.start, end);
                        prop_assert!(!t.text.is_empty());
                        end = t.span().end;
                    }
                }
                Err(e) => {
                    prop_assert!(e.span.start <= e.span.end && e.span.end <= src.len());
                    prop_assert_eq!(e.line, src[..e.span.start].matches('\n').count() + 1);
                }
            }
        }
    }
}
