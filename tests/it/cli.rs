//! Point 6: the command line: build, check, new, serve and --help for every verb.

use crate::common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn build_prints_one_summary_line() {
    let site = Site::fixture("basic");
    let o = site.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("Gebouwd: 5 pagina's, 2 secties, zoekindex "),
        "{out}"
    );
    assert!(out.contains(" ms → public"), "{out}");
    assert!(site.out().join("index.html").exists());
}

#[test]
fn root_and_out_options() {
    let site = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("site");
    let o = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
        .args(["build", "--root"])
        .arg(site.root())
        .arg("--out")
        .arg(&out)
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("regio/lekstroom.html").exists());
}

#[test]
fn failing_build_exits_non_zero_with_all_errors_on_stderr() {
    let site = Site::fixture("basic");
    site.write("content/a.md", "+++\ntitel = \"A\"\n+++\n");
    site.write("content/b.md", "+++\ntitle = \"B\"\n+++\n[x](@/weg.md)\n");
    let o = site.run(&["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("content/a.md:2:1"), "{err}");
    assert!(err.contains("help:"), "hint shown: {err}");
    assert!(err.contains("2 fouten gevonden"), "both, in one run: {err}");
    assert!(err.contains("content/b.md:4:1"), "{err}");
    assert!(!site.out().exists(), "nothing written");
}

#[test]
fn check_validates_and_writes_nothing() {
    let site = Site::fixture("basic");
    let o = site.run(&["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Geen fouten"));
    assert!(!site.out().exists());
    site.write(
        "content/regio/waterland.md",
        "+++\ntitle = \"W\"\n+++\n[x](@/regio/lekstroom.md#bestaat-niet)\n",
    );
    let o = site.run(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/regio/waterland.md:4:1"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn new_writes_a_handbook_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mijn-handboek");
    let o = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
        .arg("new")
        .arg(&target)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(target.join("site.toml").exists());
    let o = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
        .arg("build")
        .current_dir(&target)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let again = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
        .arg("new")
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        !again.status.success(),
        "refuses a folder that is not empty"
    );
}

#[test]
fn every_verb_has_help() {
    for verb in ["build", "serve", "workshop", "check", "new"] {
        let o = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
            .args([verb, "--help"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{verb}");
        assert!(
            stdout(&o).ends_with('\n'),
            "{verb}: help ends its last line"
        );
        assert!(
            stdout(&o).contains("Gebruik: leerrecht")
                && !stdout(&o).contains("Usage")
                && !stdout(&o).contains("Print help")
                && !stdout(&o).contains("[default"),
            "{verb}: {}",
            stdout(&o)
        );
    }
    let o = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
        .arg("--help")
        .output()
        .unwrap();
    for verb in ["build", "serve", "check", "new"] {
        assert!(stdout(&o).contains(verb));
    }
}

/// A wrong command line gets a Dutch message with what to do, on stderr, with clap's exit code
/// 2; none of clap's English words leak through.
#[test]
fn wrong_command_lines_are_answered_in_dutch() {
    let cases: [(&[&str], &str); 4] = [
        (&["bouw"], "onbekende opdracht 'bouw'"),
        (&["build", "--uit", "x"], "onbekende optie '--uit'"),
        (&["serve", "--port", "abc"], "verwacht een heel getal"),
        (&["new"], "<MAP> ontbreekt"),
    ];
    for (args, said) in cases {
        let o = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
            .args(args)
            .output()
            .unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("fout: ") && err.contains(said),
            "{args:?}: {err}"
        );
        assert!(err.contains("Meer hulp: leerrecht"), "{args:?}: {err}");
        for english in ["error:", "Usage", "For more information", "tip:"] {
            assert!(!err.contains(english), "{args:?} says {english:?}: {err}");
        }
    }
    let o = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
        .args(["serve", "--port", "abc"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("leerrecht serve --help"),
        "{}",
        stderr(&o)
    );
}

/// A running `leerrecht serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(site: &Site) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_leerrecht"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// (status code, body) of a raw HTTP GET, so the path is sent exactly as written.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let code = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (code, body)
}

/// Poll `path` after each rebuild until `ok(code, body)` holds. An editor's save can come in
/// several file events, so an intermediate build may see a half-written file; what matters is
/// where the server settles.
fn eventually(port: u16, path: &str, ok: impl Fn(u16, &str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let (_, mut version) = get(port, "/__leerrecht/wait");
    loop {
        let (code, body) = get(port, path);
        if ok(code, &body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never satisfied the condition; last: {code} {body}"
        );
        version = get(port, &format!("/__leerrecht/wait?v={version}")).1;
    }
}

#[test]
fn serve_rebuilds_shows_errors_and_recovers() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let (code, home) = get(server.port, "/");
    assert_eq!(code, 200);
    assert!(
        home.contains("__leerrecht/reload.js"),
        "live reload script injected"
    );
    // Without edits the server stays quiet: a build reading its inputs is no change.
    std::thread::sleep(Duration::from_millis(600));
    let (_, before) = get(server.port, "/__leerrecht/wait");
    std::thread::sleep(Duration::from_millis(600));
    let (_, after) = get(server.port, "/__leerrecht/wait");
    assert_eq!(before, after, "rebuilt without any edit");

    site.write(
        "content/over.md",
        "+++\ntitle = \"Over, nu gewijzigd\"\n+++\nNieuw.\n",
    );
    eventually(server.port, "/over.html", |code, body| {
        code == 200 && body.contains("Over, nu gewijzigd")
    });

    site.write("content/over.md", "+++\ntitle = \"Over\"\nkapot = 1\n+++\n");
    eventually(server.port, "/over.html", |code, body| {
        code == 500 && body.contains("content/over.md:3:1")
    });
    assert!(
        site.read("over.html").contains("Over, nu gewijzigd"),
        "last good output kept on disk"
    );

    site.write("content/over.md", "+++\ntitle = \"Weer goed\"\n+++\n");
    eventually(server.port, "/over.html", |code, body| {
        code == 200 && body.contains("Weer goed")
    });
}

#[test]
fn serve_refuses_paths_outside_the_output_and_answers_404() {
    let site = Site::fixture("basic");
    site.write("geheim.txt", "niet voor de browser");
    let server = start(&site);
    for path in [
        "/../geheim.txt",
        "/%2e%2e/geheim.txt",
        "/regio/..%2f..%2fgeheim.txt",
        "/..\\geheim.txt",
    ] {
        let (code, body) = get(server.port, path);
        assert!(!body.contains("niet voor de browser"), "{path} leaked");
        assert!(code == 400 || code == 404, "{path}: {code}");
    }
    let (code, body) = get(server.port, "/bestaat/niet.html");
    assert_eq!(code, 404);
    assert!(body.contains("Deze pagina bestaat niet"));
    // Loopback only: the kernel's table of listening sockets shows 127.0.0.1 for our port.
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap_or_default();
    let ours: Vec<&str> = table
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .filter(|addr| addr.ends_with(&format!(":{:04X}", server.port)))
        .collect();
    if !table.is_empty() {
        assert!(!ours.is_empty(), "listening socket not found");
        assert!(
            ours.iter().all(|a| a.starts_with("0100007F:")),
            "not loopback only: {ours:?}"
        );
    }
}
