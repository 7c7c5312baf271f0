//! Linking our ES modules into classic scripts.
//!
//! Browsers refuse `<script type="module">` on pages opened from disk (`file://` has no
//! origin), and the handbook must work from a USB stick. The browser code is still written
//! as ES modules, so `node --test` can import the pure ones; this linker turns each entry
//! (`static/js/*.js`) and the modules it imports into one classic script. It understands a
//! deliberately small subset of module syntax and refuses anything else with a clear
//! message rather than guess:
//!
//! - `import { a, b as c } from './lib/x.js';`, possibly over several lines;
//! - `export function`, `export async function`, `export const`, `export let`, `export class`.
//!
//! Both only as code at the top level: the module is read as tokens ([`super::js_lex`]), so
//! the same words in a string, template literal, comment or regular expression, or inside a
//! block, are never taken for module syntax. Anything else module-like at the top level
//! (`export default`, `export { }`, `import x from`, `import(…)`, `import.meta`) is refused.
//!
//! Comments and indentation are left out of the result ([`super::js_compact`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::js_lex::{self, Kind, Token};
use crate::diagnostics::Diagnostic;
use crate::load::source::SourceFile;

struct Import {
    /// (name exported by the module, local name)
    names: Vec<(String, String)>,
    from: PathBuf,
}

struct Module {
    imports: Vec<Import>,
    exports: Vec<String>,
    /// The code without its import statements and `export` keywords, compacted.
    body: String,
}

/// Link the entry at `entry` (relative to the site root) with its imports. `read` gives the
/// source of a module by path relative to the site root.
pub fn link(
    entry: &Path,
    read: &dyn Fn(&Path) -> Result<SourceFile, Diagnostic>,
) -> Result<String, Diagnostic> {
    let mut order = Vec::new();
    let mut modules = BTreeMap::new();
    visit(entry, read, &mut modules, &mut order, &mut Vec::new())?;
    let mut out = format!(
        "// Gemaakt door leerrecht uit {} en de modules die het importeert.\n(() => {{\n\"use strict\";\n",
        display(entry)
    );
    for path in &order {
        let module = &modules[path];
        let imports = import_lines(module);
        let body = &module.body;
        if path == entry {
            out.push_str(&format!(
                "(() => {{\n{imports}{}\n}})();\n",
                body.trim_end()
            ));
        } else {
            out.push_str(&format!(
                "const {} = (() => {{\n{imports}{}\nreturn {{ {} }};\n}})();\n",
                var_name(path),
                body.trim_end(),
                module.exports.join(", ")
            ));
        }
    }
    out.push_str("})();\n");
    Ok(out)
}

fn visit(
    path: &Path,
    read: &dyn Fn(&Path) -> Result<SourceFile, Diagnostic>,
    modules: &mut BTreeMap<PathBuf, Module>,
    order: &mut Vec<PathBuf>,
    stack: &mut Vec<PathBuf>,
) -> Result<(), Diagnostic> {
    if modules.contains_key(path) {
        return Ok(());
    }
    if stack.iter().any(|p| p == path) {
        let chain: Vec<String> = stack
            .iter()
            .chain(std::iter::once(&path.to_path_buf()))
            .map(|p| display(p))
            .collect();
        return Err(Diagnostic::file(
            path,
            format!(
                "modules importeren elkaar in een kring: {}",
                chain.join(" → ")
            ),
        )
        .with_hint("verplaats wat beide nodig hebben naar een derde module"));
    }
    let file = read(path)?;
    let module = parse(&file, path)?;
    stack.push(path.to_path_buf());
    for import in &module.imports {
        visit(&import.from, read, modules, order, stack)?;
        let exported = &modules[&import.from].exports;
        if let Some((name, _)) = import
            .names
            .iter()
            .find(|(name, _)| !exported.contains(name))
        {
            return Err(Diagnostic::file(
                path,
                format!("{} exporteert geen `{name}`", display(&import.from)),
            )
            .with_hint("controleer de naam, of zet `export` voor de functie in die module"));
        }
    }
    stack.pop();
    modules.insert(path.to_path_buf(), module);
    order.push(path.to_path_buf());
    Ok(())
}

/// `path` is where the module lives in the site, which imports are relative to (a built-in
/// module's `file.path` carries a label for messages instead).
///
/// Only tokens of code at the top level (outside every bracket) can be module syntax; the
/// same words inside strings, template literals, comments, regular expressions or blocks are
/// left alone.
fn parse(file: &SourceFile, path: &Path) -> Result<Module, Diagnostic> {
    let tokens = js_lex::tokenize(&file.text).map_err(|e| {
        Diagnostic::at(&file.path, &file.text, e.span.clone(), e.message()).with_hint(e.hint())
    })?;
    let mut imports = Vec::new();
    let mut exports = Vec::new();
    let mut body = Vec::with_capacity(tokens.len());
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&token) = tokens.get(i) {
        if depth > 0 || !is_module_word(&tokens, i) {
            depth = nesting(depth, &token);
            body.push(token);
            i += 1;
        } else if token.text == "import" {
            let (import, end) = parse_import(file, path, &tokens, i)?;
            imports.push(import);
            // The statement goes; its line ends stay, as everywhere (see `js_compact`).
            body.extend(tokens[i..end].iter().filter(|t| t.kind == Kind::LineEnd));
            i = end;
        } else {
            exports.push(export_name(file, &tokens, i)?);
            // `export` and the space after it go; the declaration stays.
            i += 1;
            while tokens.get(i).is_some_and(|t| t.kind == Kind::Whitespace) {
                i += 1;
            }
        }
    }
    Ok(Module {
        imports,
        exports,
        body: super::js_compact::compact(&body),
    })
}

/// `import` or `export` used as a keyword, not as a property name (`x.import`).
fn is_module_word(tokens: &[Token], i: usize) -> bool {
    let word = tokens
        .get(i)
        .is_some_and(|t| t.is_word("import") || t.is_word("export"));
    // Only for those words look back: a scan per token would be quadratic.
    word && !tokens[..i]
        .iter()
        .rev()
        .find(|t| !t.is_trivia())
        .is_some_and(|t| t.is_punct(".") || t.is_punct("?."))
}

/// The bracket depth after `token`: module syntax only counts at depth 0.
fn nesting(depth: usize, token: &Token) -> usize {
    match (token.kind, token.text) {
        (Kind::Punct, "{" | "(" | "[") => depth + 1,
        (Kind::Punct, "}" | ")" | "]") => depth.saturating_sub(1),
        _ => depth,
    }
}

/// The significant tokens from an index on: white space, line ends and comments skipped.
struct Cursor<'t, 'a> {
    tokens: &'t [Token<'a>],
    next: usize,
    /// End offset of the last token read, for the span of a message.
    end: usize,
}

impl<'t, 'a> Cursor<'t, 'a> {
    fn new(tokens: &'t [Token<'a>], from: usize) -> Self {
        Cursor {
            tokens,
            next: from,
            end: 0,
        }
    }

    fn next(&mut self) -> Option<Token<'a>> {
        while let Some(&token) = self.tokens.get(self.next) {
            self.next += 1;
            if !token.is_trivia() {
                self.end = token.span().end;
                return Some(token);
            }
        }
        None
    }
}

/// The import statement starting at token `at`, and the index after its `;`.
fn parse_import(
    file: &SourceFile,
    path: &Path,
    tokens: &[Token],
    at: usize,
) -> Result<(Import, usize), Diagnostic> {
    let start = tokens.get(at).map_or(0, |t| t.start);
    let mut cursor = Cursor::new(tokens, at);
    cursor.next();
    let parts = import_parts(&mut cursor);
    let bad = || unsupported(file, start..cursor.end);
    let (names, spec) = parts.ok_or_else(bad)?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let from = normalize(&dir.join(spec)).ok_or_else(bad)?;
    Ok((Import { names, from }, cursor.next))
}

/// `{ a, b as c } from './x.js';` after `import`: the (exported, local) names and the path.
fn import_parts<'a>(cursor: &mut Cursor<'_, 'a>) -> Option<(Vec<(String, String)>, &'a str)> {
    cursor.next().filter(|t| t.is_punct("{"))?;
    let mut names = Vec::new();
    loop {
        let token = cursor.next()?;
        if token.is_punct("}") {
            break;
        }
        let name = identifier(token)?;
        let mut after = cursor.next()?;
        let local = if after.is_word("as") {
            let local = identifier(cursor.next()?)?;
            after = cursor.next()?;
            local
        } else {
            name
        };
        names.push((name.to_string(), local.to_string()));
        if after.is_punct("}") {
            break;
        }
        after.is_punct(",").then_some(())?;
    }
    cursor.next().filter(|t| t.is_word("from"))?;
    let spec = cursor.next().filter(|t| t.kind == Kind::String)?;
    cursor.next().filter(|t| t.is_punct(";"))?;
    // Between the quotes; an escape would make the text differ from the path it names.
    let spec = spec.text.get(1..spec.text.len().saturating_sub(1))?;
    let relative = spec.starts_with("./") || spec.starts_with("../");
    (relative && !spec.contains('\\')).then_some((names, spec))
}

fn identifier<'a>(token: Token<'a>) -> Option<&'a str> {
    (token.kind == Kind::Ident).then_some(token.text)
}

/// The name declared by the `export` at token `at`.
fn export_name(file: &SourceFile, tokens: &[Token], at: usize) -> Result<String, Diagnostic> {
    let start = tokens.get(at).map_or(0, |t| t.start);
    let mut cursor = Cursor::new(tokens, at);
    cursor.next();
    match declared_name(&mut cursor) {
        Some(name) => Ok(name.to_string()),
        None => Err(unsupported(file, start..cursor.end)),
    }
}

/// After `export`: `function f`, `function* f`, `async function f`, `const f`, `let f` or
/// `class F`, and the name `f`.
fn declared_name<'a>(cursor: &mut Cursor<'_, 'a>) -> Option<&'a str> {
    let mut keyword = cursor.next().filter(|t| t.kind == Kind::Ident)?;
    if keyword.text == "async" {
        keyword = cursor.next().filter(|t| t.is_word("function"))?;
    }
    let mut name = cursor.next()?;
    match keyword.text {
        "function" if name.is_punct("*") => name = cursor.next()?,
        "function" | "const" | "let" | "class" => {}
        _ => return None,
    }
    identifier(name)
}

fn unsupported(file: &SourceFile, span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::at(&file.path, &file.text, span, "deze import of export kan leerrecht niet samenvoegen tot één script")
        .with_hint("gebruik `import { a, b as c } from './lib/x.js';` en `export function`/`export const`/`export class`; geen default-export, geen `export { }`-lijst")
}

fn import_lines(module: &Module) -> String {
    let mut out = String::new();
    for import in &module.imports {
        let names: Vec<String> = import
            .names
            .iter()
            .map(|(name, local)| {
                if name == local {
                    name.clone()
                } else {
                    format!("{name}: {local}")
                }
            })
            .collect();
        out.push_str(&format!(
            "const {{ {} }} = {};\n",
            names.join(", "),
            var_name(&import.from)
        ));
    }
    out
}

/// A JavaScript identifier for a module path: `static/js/lib/x-y.js` → `$m_lib_x_y`.
fn var_name(path: &Path) -> String {
    let shown = display(path);
    let shown = shown.strip_prefix("static/js/").unwrap_or(&shown);
    let shown = shown.strip_suffix(".js").unwrap_or(shown);
    let ident: String = shown
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("$m_{ident}")
}

/// Resolve `.` and `..` without touching the disk; None if the path climbs above its root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                parts.pop()?;
            }
            std::path::Component::Normal(p) => parts.push(p),
            _ => return None,
        }
    }
    Some(parts.iter().collect())
}

fn display(path: &Path) -> String {
    crate::diagnostics::display_path(path)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn files(list: &[(&str, &str)]) -> impl Fn(&Path) -> Result<SourceFile, Diagnostic> {
        let map: BTreeMap<PathBuf, Arc<str>> = list
            .iter()
            .map(|(p, t)| (PathBuf::from(p), Arc::from(*t)))
            .collect();
        move |p: &Path| {
            map.get(p)
                .map(|t| SourceFile {
                    path: p.to_path_buf(),
                    text: t.clone(),
                })
                .ok_or_else(|| Diagnostic::file(p, "ontbreekt"))
        }
    }

    #[test]
    fn links_imports_into_one_classic_script() {
        let read = files(&[
            ("static/js/app.js", "import { plus, KEER as maal } from './lib/reken.js';\nconsole.log(plus(1, maal));\n"),
            ("static/js/lib/reken.js", "import {\n  basis\n} from './basis.js';\nexport const KEER = 2;\nexport function plus(a, b) { return basis + a + b; }\n"),
            ("static/js/lib/basis.js", "export const basis = 0;\n"),
        ]);
        let js = link(Path::new("static/js/app.js"), &read).unwrap();
        assert!(!js.contains("import "), "{js}");
        assert!(!js.contains("export "), "{js}");
        let basis = js.find("const $m_lib_basis").unwrap();
        let reken = js.find("const $m_lib_reken").unwrap();
        assert!(basis < reken, "dependencies come first:\n{js}");
        assert!(
            js.contains("const { plus, KEER: maal } = $m_lib_reken;"),
            "{js}"
        );
        assert!(js.contains("return { KEER, plus };"), "{js}");
    }

    #[test]
    fn refuses_what_it_cannot_link() {
        let cases = [
            "export default function () {}\n",
            "export { a };\n",
            "import * as x from './x.js';\n",
            "import { a } from 'pakket';\n",
            "import { a } from './x.js'\n",
        ];
        for case in cases {
            let read = files(&[("static/js/app.js", case)]);
            let err = link(Path::new("static/js/app.js"), &read).unwrap_err();
            assert_eq!(err.line_col().map(|p| p.0), Some(1), "{case}");
        }
        let read = files(&[
            ("static/js/app.js", "import { nee } from './b.js';\n"),
            ("static/js/b.js", "export const ja = 1;\n"),
        ]);
        assert!(link(Path::new("static/js/app.js"), &read)
            .unwrap_err()
            .message
            .contains("`nee`"));
        let read = files(&[
            (
                "static/js/a.js",
                "import { b } from './b.js';\nexport const a = 1;\n",
            ),
            (
                "static/js/b.js",
                "import { a } from './a.js';\nexport const b = 1;\n",
            ),
        ]);
        assert!(link(Path::new("static/js/a.js"), &read)
            .unwrap_err()
            .message
            .contains("kring"));
    }

    /// Reproduced bug: a line of a template literal that starts with `export` was taken for
    /// an export, and refused (`export is …`) or silently rewritten (`export const …`).
    #[test]
    fn a_template_line_starting_with_export_is_text() {
        let module = "export function html() {\n  return `<p>\nexport is hier tekst\nexport const x = 1;\n</p>`;\n}\n";
        let read = files(&[
            (
                "static/js/app.js",
                "import { html } from './lib/html.js';\nhtml();\n",
            ),
            ("static/js/lib/html.js", module),
        ]);
        let js = link(Path::new("static/js/app.js"), &read).unwrap_or_else(|d| panic!("{d}"));
        assert!(
            js.contains("return `<p>\nexport is hier tekst\nexport const x = 1;\n</p>`;\n"),
            "{js}"
        );
        assert!(js.contains("return { html };"), "{js}");
    }

    #[test]
    fn module_words_count_only_as_top_level_code() {
        let app = "const t = 'import { a } from \"./x.js\";';\n// export default 1\n/* import(x) */\nconst o = { export: 1, import() { return 2; } };\no.import();\nfunction f() {\n  const export_ = /export {/;\n}\nconst r = `${`\nimport x from 'y';`}`;\n";
        let read = files(&[("static/js/app.js", app)]);
        let js = link(Path::new("static/js/app.js"), &read).unwrap_or_else(|d| panic!("{d}"));
        assert!(
            js.contains("const t = 'import { a } from \"./x.js\";';\n"),
            "{js}"
        );
        assert!(js.contains("const o = { export: 1, import() { return 2; } };\n"));
        assert!(js.contains("\nimport x from 'y';`}`;\n"), "{js}");
        assert!(!js.contains("export default"), "comments go: {js}");
    }

    #[test]
    fn module_syntax_anywhere_on_a_top_level_line_is_recognised() {
        let read = files(&[
            (
                "static/js/app.js",
                "/* kop */ import { a as b } from './lib/a.js'; b();\n",
            ),
            (
                "static/js/lib/a.js",
                "const x = 1; export\n  const a = () => x;\n",
            ),
        ]);
        let js = link(Path::new("static/js/app.js"), &read).unwrap_or_else(|d| panic!("{d}"));
        assert!(js.contains("const { a: b } = $m_lib_a;\nb();\n"), "{js}");
        assert!(
            js.contains("const x = 1;\nconst a = () => x;\nreturn { a };"),
            "{js}"
        );
    }

    #[test]
    fn refusals_name_the_line_of_the_statement() {
        let cases = [
            ("const a = 1;\nexport default a;\n", 2),
            ("\n\nimport x from './x.js';\n", 3),
            ("f();\nimport('./x.js');\n", 2),
            ("f();\n  import.meta.url;\n", 2),
            ("let a;\nexport {\n  a\n};\n", 2),
            ("import {\n  a\n} from './x.js'\nf();\n", 1),
            ("export const { a } = o;\n", 1),
        ];
        for (case, line) in cases {
            let read = files(&[("static/js/app.js", case)]);
            let err = link(Path::new("static/js/app.js"), &read).unwrap_err();
            assert_eq!(err.line_col().map(|p| p.0), Some(line), "{case}");
            assert!(err.message.contains("import of export"), "{case}");
        }
    }

    #[test]
    fn an_unterminated_token_is_reported_with_file_and_line() {
        let read = files(&[("static/js/app.js", "const a = 1;\nif (a) /abc.test(s);\n")]);
        let err = link(Path::new("static/js/app.js"), &read).unwrap_err();
        assert_eq!(err.location(), "static/js/app.js:2:8");
        assert!(
            err.message.contains("reguliere expressie"),
            "{}",
            err.message
        );
        assert!(err.hint.is_some());
    }

    /// Every entry script of this repository, linked with the reader the build uses, must
    /// parse as a classic script: what a browser would refuse, `node --check` refuses too.
    #[test]
    fn every_linked_entry_of_the_handbook_parses() {
        if std::process::Command::new("node")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("OVERGESLAGEN: `node` staat niet op PATH, dus de gelinkte scripts worden niet door `node --check` gecontroleerd");
            return;
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut diagnostics = crate::diagnostics::Diagnostics::new();
        let statics = crate::load::templates::static_files(root, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{}", diagnostics.render());
        let entries: Vec<&Path> = statics
            .iter()
            .map(|f| f.rel.as_path())
            .filter(|rel| super::super::is_js_entry(rel))
            .collect();
        assert!(entries.len() >= 5, "entries found: {entries:?}");
        let dir = tempfile::tempdir().expect("temp dir");
        for entry in entries {
            let read = |p: &Path| super::super::read_module(root, &statics, p);
            let js = link(entry, &read).unwrap_or_else(|d| panic!("{}", d.render()));
            // `.cjs`: node reads it as a script, not as an ES module.
            let name = entry
                .file_name()
                .map_or("x".into(), |n| n.to_string_lossy());
            let out = dir.path().join(format!("{name}.cjs"));
            std::fs::write(&out, &js).expect("write linked script");
            let check = std::process::Command::new("node")
                .arg("--check")
                .arg(&out)
                .output()
                .expect("run node --check");
            assert!(
                check.status.success(),
                "{}: node --check faalt:\n{}",
                entry.display(),
                String::from_utf8_lossy(&check.stderr)
            );
        }
    }
}
