//! leerrecht: builds the Dutch handbook on thuiszitters from Markdown and TOML into a static
//! site that works on any host, under a sub-path and opened from disk.
//!
//! The pipeline, one module per stage, each handing the next a type:
//!
//! 1. [`load`]: `site.toml`, `content/`, `checklists/`, `templates/`, `static/` into a
//!    [`site::Site`] (syntax only: TOML, front matter, UTF-8);
//! 2. [`analyze`]: every page's Markdown into an [`analyze::Analyzed`] (headings, links,
//!    search chunks);
//! 3. [`validate`]: links, menu, templates, instruments ([`instrument`], one module per kind),
//!    JavaScript entries and the planned output paths, checked against the whole site, into
//!    one [`validate::Validated`];
//! 4. [`render`]: pages through templates on all cores, the instruments' data, the [`search`]
//!    index and the [`assets`], without checking anything again; in a build each page goes into
//!    the staging folder ([`output::Staging`]) as soon as it is rendered;
//! 5. [`output::Staging::finish`]: the rest written beside the previous output, and the whole
//!    swapped in only when complete.
//!
//! Every stage collects all problems it finds as [`diagnostics::Diagnostic`]s, each naming
//! file, line and what to do, and the build stops before writing if there is any.

pub mod analyze;
pub mod assets;
pub mod diagnostics;
pub mod embedded;
pub mod fingerprint;
pub mod instrument;
pub mod load;
pub mod markdown;
pub mod output;
pub mod parallel;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod validate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostics::{Diagnostic, Diagnostics};
pub use render::RenderOptions;

/// What a successful build reports.
#[derive(Debug, Clone)]
pub struct Report {
    pub stats: render::Stats,
    pub files: usize,
    pub elapsed: Duration,
}

impl Report {
    /// The one summary line `build` prints.
    pub fn summary(&self, verb: &str, out: Option<&Path>) -> String {
        let s = &self.stats;
        let target = out
            .map(|o| format!(" → {}", o.display()))
            .unwrap_or_default();
        format!(
            "{verb}: {} pagina's, {} secties, zoekindex {}, {} bestanden in {} ms{target}",
            s.pages,
            s.sections,
            human_bytes(s.search_index_bytes),
            self.files,
            self.elapsed.as_millis()
        )
    }
}

pub fn human_bytes(n: usize) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} kB", n as f64 / 1024.0)
    }
}

/// Load, analyze, validate and render, without writing anything.
pub fn check(
    root: &Path,
    options: RenderOptions,
) -> Result<(render::Rendered, Duration), Diagnostics> {
    let start = Instant::now();
    let (site, problems) = load::load_all(root).map_err(Diagnostics::sorted)?;
    let rendered = process(&site, problems, options, None, None)?;
    Ok((rendered, start.elapsed()))
}

/// The stages after loading. Each runs on what the earlier ones could read, so one build
/// reports every problem at once: a page whose front matter is broken is left out (and links
/// to it are not reported again), the rest is still checked and rendered. `problems` are the
/// load stage's; any problem of any stage fails the whole.
pub(crate) fn process(
    site: &site::Site,
    mut problems: Diagnostics,
    options: RenderOptions,
    mut cache: Option<&mut render::cache::RenderCache>,
    sink: Option<&output::Staging>,
) -> Result<render::Rendered, Diagnostics> {
    let analyzed = match cache.as_deref_mut() {
        Some(c) => analyze::analyze_cached(site, options, c),
        None => analyze::analyze(site)?,
    };
    let memo = cache.as_deref_mut().map(|c| &mut c.validate);
    let validated = match validate::validate(site, analyzed, memo) {
        Ok(v) => v,
        Err(d) => {
            problems.extend(d);
            return Err(problems.sorted());
        }
    };
    match render::render(validated, options, cache, sink) {
        Ok(rendered) if problems.is_empty() => Ok(rendered),
        Ok(_) => Err(problems.sorted()),
        Err(d) => {
            problems.extend(d);
            Err(problems.sorted())
        }
    }
}

/// The whole pipeline: a failing build leaves `out` exactly as it was.
pub fn build(root: &Path, out: &Path, options: RenderOptions) -> Result<Report, Diagnostics> {
    build_into(root, out, options, OutputGuard::Marked)
}

/// Whether an existing output folder without leerrecht's marker may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputGuard {
    /// Only a folder leerrecht made (it holds [`output::MARKER`]), or an empty or new one.
    Marked,
    /// Also a folder without the marker (`--force`): the editor said it may go.
    Force,
}

/// [`build`], with the editor's say on an unmarked output folder.
pub fn build_into(
    root: &Path,
    out: &Path,
    options: RenderOptions,
    guard: OutputGuard,
) -> Result<Report, Diagnostics> {
    let start = Instant::now();
    check_output_dir(root, out, guard)?;
    let (site, problems) = load::load_all(root).map_err(Diagnostics::sorted)?;
    // Pages stream into a staging folder as they are rendered, but only when everything could
    // be read; a build that fails from here on drops the folder (its Drop removes it), leaving
    // the previous output as it was. With problems already found, the rest is still checked,
    // without writing anything.
    if !problems.is_empty() {
        return Err(process(&site, problems, options, None, None)
            .err()
            .unwrap_or_default());
    }
    let staging = output::Staging::open(out).map_err(|e| write_error(out, e))?;
    let rendered = process(&site, problems, options, None, Some(&staging))?;
    let files = staging
        .finish(&rendered.output)
        .map_err(|e| write_error(out, e))?;
    Ok(Report {
        files,
        stats: rendered.stats,
        elapsed: start.elapsed(),
    })
}

/// The report when writing the output failed.
pub(crate) fn write_error(out: &Path, e: std::io::Error) -> Diagnostics {
    Diagnostics::from(
        Diagnostic::file(out, format!("kan de uitvoer niet schrijven: {e}"))
            .with_hint("controleer of de map beschrijfbaar is en of de schijf vol is"),
    )
}

/// The folders of a site that hold its sources: an output folder may be none of them, lie in
/// none of them and hold none of them.
const SOURCE_DIRS: [&str; 4] = ["content", "checklists", "templates", "static"];

/// The output folder is replaced whole on every build, so it must never be the site itself,
/// a folder that holds it, or a source folder (or lie inside one); and a folder that
/// leerrecht did not make is only replaced when the editor says so.
pub(crate) fn check_output_dir(
    root: &Path,
    out: &Path,
    guard: OutputGuard,
) -> Result<(), Diagnostics> {
    let root = absolute(root);
    let out_abs = absolute(out);
    if root.starts_with(&out_abs) || out_abs.join(load::config::FILE).exists() {
        return Err(Diagnostic::file(out, "de uitvoermap is de map van het handboek zelf (of bevat die); leerrecht vervangt de uitvoermap bij elke build")
            .with_hint("kies een eigen uitvoermap, bijvoorbeeld --out public")
            .into());
    }
    for dir in SOURCE_DIRS {
        let source = root.join(dir);
        if out_abs.starts_with(&source) || source.starts_with(&out_abs) {
            return Err(Diagnostic::file(out, format!("de uitvoermap ligt in de bronmap {dir}/ van het handboek (of bevat die); leerrecht vervangt de uitvoermap bij elke build en zou je bronnen wissen"))
                .with_hint("kies een uitvoermap buiten content/, checklists/, templates/ en static/, bijvoorbeeld --out public")
                .into());
        }
    }
    if guard == OutputGuard::Marked && !output::is_replaceable(&out_abs) {
        return Err(Diagnostic::file(out, format!("de uitvoermap bestaat al en is niet door leerrecht gemaakt (het bestand {} ontbreekt); leerrecht vervangt de uitvoermap bij elke build", output::MARKER))
            .with_hint("kies een nieuwe of lege map, of zet --force erbij als deze map echt weg mag (bijvoorbeeld uitvoer van een oudere leerrecht)")
            .into());
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut parts = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            other => parts.push(other),
        }
    }
    parts
}
