//! Point 4: one output folder that works anywhere: relative links to files, a failing build
//! that leaves the previous output alone, and byte-identical output for the same input.

mod common;

use std::path::Path;

use common::{snapshot, Site};

/// Every `href`/`src` in every HTML file that is not external must point at a file that
/// exists, relative to the page, without relying on `dir/` → `dir/index.html`.
fn assert_links_resolve(out: &Path) {
    let mut checked = 0;
    for (rel, bytes) in snapshot(out) {
        if !rel.ends_with(".html") || rel == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8");
        for attr in ["href=\"", "src=\""] {
            for part in html.split(attr).skip(1) {
                let target = &part[..part.find('"').expect("closing quote")];
                if target.starts_with("http")
                    || target.starts_with("mailto:")
                    || target.starts_with('#')
                {
                    continue;
                }
                assert!(!target.starts_with('/'), "{rel}: absolute link {target}");
                let file = target.split('#').next().unwrap();
                assert!(
                    !file.ends_with('/') && !file.is_empty(),
                    "{rel}: link to a folder {target}"
                );
                let resolved = Path::new(&rel).parent().unwrap().join(file);
                assert!(
                    out.join(&resolved).is_file(),
                    "{rel}: {target} → {} does not exist",
                    resolved.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} links checked");
}

#[test]
fn every_internal_link_is_relative_and_points_at_a_file() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert_links_resolve(&site.out());
}

#[test]
fn the_default_handbook_links_resolve_too() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    let out = site.out();
    leerrecht::build(&common::repo_root(), &out, Default::default())
        .unwrap_or_else(|d| panic!("{}", d.render()));
    assert_links_resolve(&out);
}

#[test]
fn a_failing_build_leaves_the_previous_output_byte_for_byte() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = snapshot(&site.out());
    site.write(
        "content/regio/lekstroom.md",
        "+++\ntitle = \"Lekstroom\"\nonbekend = 1\n+++\n",
    );
    site.write("content/nieuw.md", "+++\ntitle = \"Nieuw\"\n+++\n");
    assert!(site.build().is_err());
    assert_eq!(snapshot(&site.out()), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn output_is_deterministic() {
    let a = Site::fixture("basic");
    let b = Site::fixture("basic");
    a.build_ok();
    b.build_ok();
    let (sa, sb) = (snapshot(&a.out()), snapshot(&b.out()));
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(sb[k] == *v, "{k} differs between two builds");
    }
}

#[test]
fn the_output_folder_may_not_be_the_site_itself() {
    let site = Site::fixture("basic");
    let err = leerrecht::build(site.root(), site.root(), Default::default()).unwrap_err();
    assert!(err.iter().next().unwrap().message.contains("uitvoermap"));
    assert!(site.root().join("site.toml").exists());
}

#[test]
fn removed_pages_disappear_from_the_output() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(site.out().join("over.html").exists());
    std::fs::remove_file(site.root().join("content/over.md")).unwrap();
    site.write("site.toml", "title = \"Proefhandboek\"\n");
    site.build_ok();
    assert!(!site.out().join("over.html").exists());
}
