//! Linking our ES modules into classic scripts.
//!
//! Browsers refuse `<script type="module">` on pages opened from disk (`file://` has no
//! origin), and the handbook must work from a USB stick. The browser code is still written
//! as ES modules, so `node --test` can import the pure ones; this linker turns each entry
//! (`static/js/*.js`) and the modules it imports into one classic script. It understands a
//! deliberately small subset of module syntax and refuses anything else with a clear
//! message rather than guess:
//!
//! - `import { a, b as c } from './lib/x.js';` at the top level, possibly over several lines;
//! - `export function`, `export async function`, `export const`, `export let`, `export class`.
//!
//! Comments and indentation are left out of the result ([`super::js_compact`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
        let body = super::js_compact::compact(&module.body);
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
fn parse(file: &SourceFile, path: &Path) -> Result<Module, Diagnostic> {
    let text: &Arc<str> = &file.text;
    let mut module = Module {
        imports: Vec::new(),
        exports: Vec::new(),
        body: String::with_capacity(text.len()),
    };
    let mut pending: Option<(usize, String)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some((at, mut statement)) = pending.take() {
            statement.push_str(line);
            if statement.trim_end().ends_with(';') {
                module
                    .imports
                    .push(parse_import(file, path, at, &statement)?);
            } else {
                pending = Some((at, statement));
            }
            module.body.push('\n');
            continue;
        }
        if line.starts_with("import ") || line.starts_with("import{") {
            if line.trim_end().ends_with(';') {
                module.imports.push(parse_import(file, path, start, line)?);
            } else {
                pending = Some((start, line.to_string()));
            }
            module.body.push('\n');
        } else if let Some(rest) = line.strip_prefix("export ") {
            module.exports.push(export_name(file, start, line, rest)?);
            module.body.push_str(rest);
        } else if line.starts_with("export") || line.starts_with("import(") {
            return Err(unsupported(file, start, line));
        } else {
            module.body.push_str(line);
        }
    }
    if let Some((at, statement)) = pending {
        return Err(unsupported(file, at, &statement));
    }
    Ok(module)
}

fn parse_import(
    file: &SourceFile,
    path: &Path,
    at: usize,
    statement: &str,
) -> Result<Import, Diagnostic> {
    let bad = || unsupported(file, at, statement);
    let rest = statement
        .trim()
        .strip_prefix("import")
        .ok_or_else(bad)?
        .trim_start();
    let rest = rest.strip_prefix('{').ok_or_else(bad)?;
    let (names, rest) = rest.split_once('}').ok_or_else(bad)?;
    let rest = rest
        .trim_start()
        .strip_prefix("from")
        .ok_or_else(bad)?
        .trim();
    let rest = rest.strip_suffix(';').ok_or_else(bad)?.trim();
    let spec = rest
        .strip_prefix('\'')
        .and_then(|r| r.strip_suffix('\''))
        .or_else(|| rest.strip_prefix('"').and_then(|r| r.strip_suffix('"')))
        .ok_or_else(bad)?;
    if !spec.starts_with("./") && !spec.starts_with("../") {
        return Err(bad());
    }
    let mut pairs = Vec::new();
    for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let pair = match name.split_once(" as ") {
            Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
            None => (name.to_string(), name.to_string()),
        };
        if !is_identifier(&pair.0) || !is_identifier(&pair.1) {
            return Err(bad());
        }
        pairs.push(pair);
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    Ok(Import {
        names: pairs,
        from: normalize(&dir.join(spec)).ok_or_else(bad)?,
    })
}

fn export_name(file: &SourceFile, at: usize, line: &str, rest: &str) -> Result<String, Diagnostic> {
    let rest = rest.strip_prefix("async ").unwrap_or(rest);
    let rest = ["function ", "function* ", "const ", "let ", "class "]
        .iter()
        .find_map(|kw| rest.strip_prefix(kw))
        .ok_or_else(|| unsupported(file, at, line))?;
    let name: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        .collect();
    if name.is_empty() {
        return Err(unsupported(file, at, line));
    }
    Ok(name)
}

fn unsupported(file: &SourceFile, at: usize, statement: &str) -> Diagnostic {
    let end = at + statement.trim_end().len().min(file.text.len() - at);
    Diagnostic::at(&file.path, &file.text, at..end, "deze import of export kan leerrecht niet samenvoegen tot één script")
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

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
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

/// All modules an entry pulls in, so the dev server knows what to watch (and tests can check).
pub fn dependencies(
    entry: &Path,
    read: &dyn Fn(&Path) -> Result<SourceFile, Diagnostic>,
) -> BTreeSet<PathBuf> {
    let mut modules = BTreeMap::new();
    let mut order = Vec::new();
    let _ = visit(entry, read, &mut modules, &mut order, &mut Vec::new());
    order.into_iter().collect()
}

#[cfg(test)]
mod tests {
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
}
