//! Point 4: one output folder that works anywhere: relative links to files, a failing build
//! that leaves the previous output alone, and byte-identical output for the same input.

use crate::common;

use std::path::Path;

use common::{page, snapshot, Site};

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
fn a_build_that_fails_while_pages_stream_into_staging_leaves_the_previous_output() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = snapshot(&site.out());
    // Valid until it runs: the pages before and after it are already being written.
    site.write("templates/kapot.html", "{{ page.title + 1 }}");
    for i in 0..40 {
        site.write(
            &format!("content/regio/p{i}.md"),
            &page(&format!("P{i}"), "Tekst."),
        );
    }
    site.write(
        "content/regio/kapot.md",
        "+++\ntitle = \"Kapot\"\ntemplate = \"kapot.html\"\n+++\n",
    );
    let errors = site.errors().join("\n");
    assert!(errors.contains("kapot"), "{errors}");
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

/// Write variant `v` of a site big enough that a build takes a while: every page says `v`.
fn write_variant(site: &Site, v: &str) {
    for i in 0..200 {
        let body = format!(
            "## Deel {i}\n\nVersie {v}, pagina {i}. {}\n",
            "Tekst. ".repeat(60)
        );
        site.write(
            &format!("content/s{}/p{i}.md", i % 8),
            &page(&format!("Pagina {i}"), &body),
        );
    }
}

#[test]
fn a_build_killed_midway_leaves_the_old_or_the_new_output_never_a_mix() {
    let site = Site::new(&[("content/_index.md", &page("Start", ""))]);
    let snapshot_of = |v: &str| {
        write_variant(&site, v);
        site.build_ok();
        snapshot(&site.out())
    };
    let a = snapshot_of("A");
    let b = snapshot_of("B");
    assert_ne!(a, b);
    let out = site.out();
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_leerrecht"))
            .args(["build", "--out"])
            .arg(&out)
            .current_dir(site.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start leerrecht")
    };
    // Kill builds at moments spread over a whole build (measured on every uninterrupted
    // one, as the machine's speed varies), until both outcomes have been seen.
    let timed = || {
        let started = std::time::Instant::now();
        run().wait().expect("build");
        started.elapsed()
    };
    let mut whole = timed();
    let mut seen = std::collections::BTreeSet::new();
    let mut kills = 0u32;
    while kills < 10 || seen.len() < 2 {
        assert!(kills < 60, "only one outcome after {kills} kills: {seen:?}");
        let (from, to) = if kills % 2 == 0 { (&b, "A") } else { (&a, "B") };
        assert!(snapshot(&out) == *from);
        write_variant(&site, to);
        let mut child = run();
        std::thread::sleep(whole * (kills % 12) / 8);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&out);
        assert!(
            now == a || now == b,
            "kill {kills}: the output is neither the old nor the new build"
        );
        seen.insert(now == if to == "A" { a.clone() } else { b.clone() });
        kills += 1;
        // Finish the interrupted build, as an editor would; its leftovers are cleaned up.
        whole = whole.max(timed());
        let leftovers: Vec<_> = std::fs::read_dir(site.root())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with(".public."))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

/// Reproduced: `--out s/content` (or templates, static, checklists) exited 0 and replaced the
/// sources with the output. Every source folder, and any folder inside one, is refused.
#[test]
fn an_output_folder_in_or_around_a_source_folder_is_refused() {
    let site = Site::fixture("basic");
    site.write("static/css/eigen.css", "body {}\n");
    site.write("templates/page.html", "{% extends \"base.html\" %}\n");
    for out in [
        "content",
        "content/regio",
        "static",
        "static/css",
        "templates",
        "checklists",
    ] {
        let before = snapshot(site.root());
        let o = site.run(&["build", "--out", out]);
        assert_eq!(o.status.code(), Some(1), "{out}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("ligt in de bronmap"), "{out}: {err}");
        assert_eq!(snapshot(site.root()), before, "{out}: nothing touched");
    }
}

/// A folder leerrecht did not make is not replaced, unless the editor says so with --force.
#[test]
fn a_foreign_folder_is_replaced_only_with_force() {
    let site = Site::fixture("basic");
    site.write("eigen/belangrijk.txt", "niet weggooien");
    let o = site.run(&["build", "--out", "eigen"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("niet door leerrecht gemaakt") && err.contains("--force"),
        "{err}"
    );
    assert!(site.root().join("eigen/belangrijk.txt").exists());
    let o = site.run(&["build", "--out", "eigen", "--force"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!site.root().join("eigen/belangrijk.txt").exists());
    assert!(site
        .root()
        .join("eigen")
        .join(leerrecht::output::MARKER)
        .exists());
    // Made by leerrecht now: the next build replaces it without --force.
    assert!(site.run(&["build", "--out", "eigen"]).status.success());
}

/// Reproduced: two builds into one `--out` at the same time failed now and then ("No such
/// file or directory"): one removed the other's staging folder. The second now waits.
#[test]
fn concurrent_builds_into_one_folder_both_succeed() {
    let site = Site::fixture("basic");
    for n in 0..30 {
        site.write(
            &format!("content/p{n}.md"),
            &page(&format!("P{n}"), "tekst"),
        );
    }
    for _ in 0..5 {
        let spawn = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_leerrecht"))
                .args(["build", "--out", "samen"])
                .current_dir(site.root())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let o = child.wait_with_output().unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        assert!(site.root().join("samen/p29.html").exists());
    }
}
