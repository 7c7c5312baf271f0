//! Snapshots of the `<main>` of every page of the default handbook and of the `basic`
//! fixture, as mdBook and Zola keep them: a change in Markdown rendering, a template or the
//! content shows up as a reviewable diff in `tests/it/snapshots/`. After a deliberate change:
//! `INSTA_UPDATE=always cargo test --test it snapshots` (or `make snapshots`), then read the diff.

use crate::common;

use std::path::Path;

/// The `<main>` element of a page, or the whole page when it has none.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html
        .rfind("</main>")
        .map_or(html.len(), |i| i + "</main>".len());
    &html[start..end.max(start)]
}

fn html_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    files.sort();
    files
}

fn snapshot_site(root: &Path, prefix: &str) {
    let out = tempfile::tempdir().expect("temp dir");
    leerrecht::build(root, out.path(), Default::default()).expect("the site builds");
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for rel in html_files(out.path()) {
            let html = std::fs::read_to_string(out.path().join(&rel)).expect("read page");
            let name = format!(
                "{prefix}__{}",
                rel.trim_end_matches(".html").replace('/', "__")
            );
            insta::assert_snapshot!(name, main_of(&html));
        }
    });
}

#[test]
fn every_page_of_the_handbook() {
    snapshot_site(&common::repo_root(), "handboek");
}

#[test]
fn every_page_of_the_basic_fixture() {
    let site = common::Site::fixture("basic");
    snapshot_site(site.root(), "basic");
}
