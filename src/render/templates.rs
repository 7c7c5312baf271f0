//! The minijinja environment: every template added up front, so a syntax error in any of
//! them is reported (with template name and line) even if no page uses it yet.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::source::SourceFile;
use crate::load::templates::name_of;
use crate::markdown::html_escape;

/// The Content-Security-Policy of every page (`{{ csp }}` in base.html) and of every answer of
/// `serve`. Nothing but the site itself: no inline script or style, no plug-ins, no foreign
/// forms. `script-src`, `style-src`, `font-src` and `connect-src` are left out on purpose: they
/// fall back to `default-src 'self'`, and the meta tag sits on every page.
pub const CSP: &str =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

pub struct Templates {
    pub env: Environment<'static>,
    /// Template name → its source, to point errors at the right line.
    sources: BTreeMap<String, SourceFile>,
}

impl Templates {
    pub fn new(files: &[SourceFile], diagnostics: &mut Diagnostics) -> Templates {
        let mut env = Environment::new();
        // Every template is HTML, whatever its file name: escape all values by default.
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        // A typo such as {{ page.titel }} must fail, not print nothing.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // minijinja's escaper also writes `/` as `&#x2f;`, which bloats every URL in every
        // page; escaping the five HTML-significant characters is enough in text and in
        // quoted attributes.
        env.set_formatter(|out, state, value| {
            if let (AutoEscape::Html, Some(text)) = (state.auto_escape(), value.as_str()) {
                if !value.is_safe() {
                    return out
                        .write_str(&html_escape(text))
                        .map_err(minijinja::Error::from);
                }
            }
            minijinja::escape_formatter(out, state, value)
        });
        // Marked safe: escaping would write its quotes as `&#39;`, valid but harder to check.
        env.add_global("csp", minijinja::Value::from_safe_string(CSP.to_string()));
        let mut sources = BTreeMap::new();
        for file in files {
            let name = name_of(file);
            if let Err(e) = env.add_template_owned(name.clone(), file.text.to_string()) {
                diagnostics.push(error_in(file, &e));
            }
            sources.insert(name, file.clone());
        }
        Templates { env, sources }
    }

    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Render `name`; an error points at the template line where it happened.
    pub fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.diagnostic(name, &e))?;
        template.render(ctx).map_err(|e| self.diagnostic(name, &e))
    }

    fn diagnostic(&self, fallback: &str, err: &minijinja::Error) -> Diagnostic {
        let name = err.name().unwrap_or(fallback);
        match self.sources.get(name) {
            Some(file) => error_in(file, err),
            None => Diagnostic::file(format!("templates/{name}"), describe(err))
                .with_hint("maak dit sjabloon aan in templates/, of kies een bestaand sjabloon"),
        }
    }
}

fn error_in(file: &SourceFile, err: &minijinja::Error) -> Diagnostic {
    let text: &Arc<str> = &file.text;
    let span = err
        .range()
        .or_else(|| err.line().map(|line| line_span(text, line)));
    let d = match span {
        Some(span) => Diagnostic::at(&file.path, text, span, describe(err)),
        None => Diagnostic::file(&file.path, describe(err)),
    };
    d.with_hint(hint(err))
}

fn describe(err: &minijinja::Error) -> String {
    let detail = err.detail().map(|d| format!(": {d}")).unwrap_or_default();
    format!("sjabloonfout ({}){detail}", err.kind())
}

fn hint(err: &minijinja::Error) -> String {
    use minijinja::ErrorKind::*;
    match err.kind() {
        UndefinedError => "een variabele of veld bestaat niet; kijk in de README welke variabelen een sjabloon krijgt".into(),
        TemplateNotFound => "het sjabloon bestaat niet in templates/ of in de ingebouwde sjablonen".into(),
        SyntaxError => "controleer de {{ }} en {% %}-tags op deze regel: elk blok moet ook worden gesloten".into(),
        _ => "zie de minijinja-documentatie voor deze foutsoort".into(),
    }
}

fn line_span(text: &str, line: usize) -> std::ops::Range<usize> {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return start..start + l.trim_end().len();
        }
        start += l.len();
    }
    0..0
}
