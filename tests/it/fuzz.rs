//! A mutation fuzzer over a whole site folder: the default handbook (every kind of input:
//! config, pages, instruments, templates, static files) is copied and changed at random, file
//! by file, and every mutant is checked through the whole pipeline. A fixed seed makes every
//! run the same; `LEERRECHT_FUZZ=N` runs N mutants instead of the bounded number `make test`
//! runs (see bench/README.md for a longer run). No mutant may panic or hang, and every error
//! names a file and, where the file has lines, the line.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// xorshift64*: small, fast, and the same on every machine; no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that mean something to one of the parsers, so mutants reach past the first check.
const SNIPPETS: &[&str] = &[
    "+++",
    "\n+++\n",
    "[[items]]",
    "[[steps]]",
    "[extra]",
    "title = ",
    "\"",
    "'''",
    "[",
    "]",
    "{{",
    "}}",
    "{%",
    "%}",
    "{% endif %}",
    "@/",
    "](",
    "![x](",
    "#",
    "\n## ",
    "|:--|--:|",
    "= 0",
    "= -1",
    "id = \"\"",
    "kind = \"routekaart\"",
    "\u{feff}",
    "\u{2028}",
    "é",
    "\0",
    "../",
    "javascript:",
    "export ",
    "import { x } from './lib/nee.js';",
    "/\\//.test(s)",
];

fn files_of(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .filter(|p| !p.components().any(|c| c.as_os_str() == "public"))
        .collect();
    files.sort();
    files
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(6) {
        0 => bytes.truncate(at),
        1 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            bytes[i] = rng.next() as u8;
        }
        2 => {
            let end = (at + rng.below(200)).min(bytes.len());
            bytes.drain(at..end);
        }
        3 => {
            let long = vec![b'a' + rng.below(26) as u8; 1 + rng.below(20_000)];
            bytes.splice(at..at, long);
        }
        _ => {
            let piece = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes().to_vec();
            bytes.splice(at..at, piece);
        }
    }
}

/// Check one site on another thread: a hang fails the test instead of stalling it.
fn check_in_time(root: PathBuf) -> Result<Result<(), leerrecht::diagnostics::Diagnostics>, String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome =
            std::panic::catch_unwind(|| leerrecht::check(&root, Default::default()).map(|_| ()));
        let _ = send.send(outcome);
    });
    match receive.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok(outcome)) => Ok(outcome),
        Ok(Err(_)) => Err("paniek".into()),
        Err(_) => Err("hangt (langer dan 60 s)".into()),
    }
}

fn assert_named(d: &leerrecht::diagnostics::Diagnostic, mutant: usize) {
    assert!(
        !d.file.as_os_str().is_empty(),
        "mutant {mutant}: error without a file: {d}"
    );
    // A problem that points into a text file names its line.
    if d.span.is_some() {
        assert!(d.line_col().is_some(), "mutant {mutant}: no line: {d}");
    }
}

#[test]
fn mutants_of_the_handbook_never_panic_or_hang() {
    let count: usize = std::env::var("LEERRECHT_FUZZ")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let mut rng = Rng(0x5EED_1EE5_5EED_1EE5);
    let base = tempfile::tempdir().expect("temp dir");
    for part in ["site.toml", "content", "checklists", "templates", "static"] {
        let from = common::repo_root().join(part);
        if from.is_dir() {
            common::copy_dir(&from, &base.path().join(part));
        } else {
            std::fs::copy(&from, base.path().join(part)).expect("copy site.toml");
        }
    }
    let files = files_of(base.path());
    let mut failed = 0;
    for mutant in 0..count {
        let dir = tempfile::tempdir().expect("temp dir");
        common::copy_dir(base.path(), dir.path());
        for _ in 0..1 + rng.below(3) {
            let original = &files[rng.below(files.len())];
            let rel = original.strip_prefix(base.path()).expect("inside");
            let target = dir.path().join(rel);
            let mut bytes = std::fs::read(&target).expect("read");
            for _ in 0..1 + rng.below(4) {
                mutate(&mut rng, &mut bytes);
            }
            std::fs::write(&target, bytes).expect("write");
        }
        match check_in_time(dir.path().to_path_buf()) {
            Ok(Ok(())) => {}
            Ok(Err(diagnostics)) => {
                failed += 1;
                for d in diagnostics.iter() {
                    assert_named(d, mutant);
                    let _ = d.render();
                }
            }
            Err(why) => panic!("mutant {mutant}: {why}"),
        }
    }
    // Most mutants break something; a run where none does would test nothing.
    assert!(
        failed * 2 >= count,
        "only {failed} of {count} mutants failed the check"
    );
}
