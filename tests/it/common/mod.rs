//! Fixture sites for the integration tests: small handbooks written into a temp folder,
//! built through the library or the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use leerrecht::diagnostics::Diagnostics;
use leerrecht::{RenderOptions, Report};

pub struct Site {
    pub dir: tempfile::TempDir,
}

pub const SITE_TOML: &str = "title = \"Proefhandboek\"\n";

/// The smallest valid checklist: one theme, one item, one band.
pub const MINI_CHECKLIST: &str = r#"id = "mini"
version = 1
title = "Mini"
kind = "checklist"

[[scale]]
id = "ja"
label = "Ja"
points = 1

[[scale]]
id = "nee"
label = "Nee"
points = 0

[[themes]]
id = "basis"
title = "Basis"

[[items]]
id = "plan"
theme = "basis"
question = "Is er een plan?"

[items.advice]
nee = "Maak een plan."

[[bands]]
from = 0
to = 100
label = "Alles"
message = "Eén band."
"#;

impl Site {
    /// A site with `site.toml` and the given files (path, text).
    pub fn new(files: &[(&str, &str)]) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = Site { dir };
        if !files.iter().any(|(p, _)| *p == "site.toml") {
            site.write("site.toml", SITE_TOML);
        }
        for (path, text) in files {
            site.write(path, text);
        }
        site
    }

    /// A copy of a fixture folder under `tests/fixtures/`.
    pub fn fixture(name: &str) -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            site.root(),
        );
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }

    pub fn build(&self) -> Result<Report, Diagnostics> {
        leerrecht::build(self.root(), &self.out(), RenderOptions::default())
    }

    /// Build and panic with the rendered errors if it fails.
    pub fn build_ok(&self) -> Report {
        match self.build() {
            Ok(report) => report,
            Err(d) => panic!("build failed:\n{}", d.render()),
        }
    }

    /// Build, expecting failure; the errors as one line each (`file:line:col: message`).
    pub fn errors(&self) -> Vec<String> {
        match self.build() {
            Ok(_) => panic!("build succeeded but should have failed"),
            Err(d) => d.iter().map(|e| e.to_string()).collect(),
        }
    }

    /// A source file of the site (not the output).
    pub fn read_source(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Run the real binary in this site.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_leerrecht"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run leerrecht")
    }
}

/// A page file with front matter.
pub fn page(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n+++\n{body}")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file below `dir`, relative path → bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .expect("prefix")
                    .to_string_lossy()
                    .replace('\\', "/"),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// The repository itself: the default handbook.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
