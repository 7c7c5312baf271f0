//! `leerrecht serve` over real connections: every page with all its scripts arrives, also
//! with many pages loading at once over keep-alive while every "tab" holds its reload poll
//! and the site is rebuilt; only GET and HEAD; only the loopback names; never a file outside
//! the output or behind a symbolic link; idle connections are dropped.

use crate::common;
use crate::httpclient;

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{copy_dir, repo_root};
use httpclient::{get, Conn, Running, STALL};

/// A copy of the default handbook, served on a free port.
fn serve_handbook() -> (tempfile::TempDir, Running) {
    let dir = tempfile::tempdir().expect("temp dir");
    for part in ["content", "checklists", "templates", "static"] {
        copy_dir(&repo_root().join(part), &dir.path().join(part));
    }
    std::fs::copy(repo_root().join("site.toml"), dir.path().join("site.toml")).expect("copy");
    let running = Running::start(dir.path(), &["serve", "--port", "0"]);
    (dir, running)
}

/// Every page of the output, as URL paths.
fn pages(out: &Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).expect("prefix");
            format!("/{}", rel.to_string_lossy())
        })
        .collect();
    pages.sort();
    pages
}

/// The scripts and stylesheets a page loads, as URL paths.
fn assets(page: &str, html: &str) -> Vec<String> {
    let base = &page[..page.rfind('/').map_or(0, |i| i + 1)];
    let mut found = BTreeSet::new();
    for attr in ["<script src=\"", "<link rel=\"stylesheet\" href=\""] {
        for piece in html.split(attr).skip(1) {
            let Some(url) = piece.split('"').next() else {
                continue;
            };
            if url.starts_with("http") {
                continue;
            }
            found.insert(resolve(base, url));
        }
    }
    found.into_iter().collect()
}

/// `url` relative to the folder `base` (which ends with a slash).
fn resolve(base: &str, url: &str) -> String {
    if url.starts_with('/') {
        return url.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in url.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Load a page and everything it loads over one keep-alive connection; the number of
/// responses, or a description of what went wrong.
fn load_page(conn: &mut Conn, page: &str) -> Result<usize, String> {
    let started = Instant::now();
    let reply = conn.get(page).map_err(|e| format!("{page}: {e}"))?;
    if reply.status != 200 {
        return Err(format!("{page}: status {}", reply.status));
    }
    let html = reply.text();
    let assets = assets(page, &html);
    // The 404 page is written without the reload script.
    if page != "/404.html" && !assets.iter().any(|a| a == "/__leerrecht/reload.js") {
        return Err(format!("{page} has no reload script"));
    }
    for asset in &assets {
        let reply = conn
            .get(asset)
            .map_err(|e| format!("{asset} of {page}: {e}"))?;
        if reply.status != 200 || reply.body.is_empty() {
            return Err(format!("{asset} of {page}: status {}", reply.status));
        }
    }
    if started.elapsed() > STALL {
        return Err(format!("{page} took {:?}", started.elapsed()));
    }
    Ok(1 + assets.len())
}

/// One browser tab's reload poll: wait for a version after `seen`.
fn poll(addr: SocketAddr, seen: Option<u64>) -> Result<u64, String> {
    let mut conn = Conn::open(addr).map_err(|e| e.to_string())?;
    let query = seen.map_or(String::new(), |v| v.to_string());
    let reply = conn
        .get(&format!("/__leerrecht/wait?v={query}"))
        .map_err(|e| format!("poll: {e}"))?;
    reply
        .text()
        .trim()
        .parse()
        .map_err(|e| format!("poll answer: {e}"))
}

#[test]
fn two_hundred_concurrent_page_loads_with_reloads_never_stall() {
    let (dir, server) = serve_handbook();
    let addr = server.addr;
    let pages = pages(&dir.path().join("public"));
    assert!(pages.len() > 20, "the handbook has its pages: {pages:?}");

    const TABS: usize = 8;
    const LOADS: usize = 200;
    let next = Arc::new(AtomicUsize::new(0));
    let responses = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let reloads = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let initial = poll(addr, None).expect("first poll");

    let tabs: Vec<_> = (0..TABS)
        .map(|tab| {
            let (pages, next, responses, failures, reloads) = (
                pages.clone(),
                Arc::clone(&next),
                Arc::clone(&responses),
                Arc::clone(&failures),
                Arc::clone(&reloads),
            );
            std::thread::spawn(move || {
                // Each tab holds a reload poll the whole time, as the pages do, on its own
                // connection; when the version changes, the tab reloads its page.
                let (changed_tx, changed_rx) = std::sync::mpsc::channel::<u64>();
                let poller = std::thread::spawn(move || {
                    let mut seen = initial;
                    while let Ok(version) = poll(addr, Some(seen)) {
                        if version != seen {
                            seen = version;
                            if changed_tx.send(version).is_err() {
                                return;
                            }
                        }
                    }
                });
                let mut conn = Conn::open(addr).expect("connect");
                let mut current = pages[tab % pages.len()].clone();
                let mut reloaded = 0;
                let deadline = Instant::now() + Duration::from_secs(40);
                loop {
                    if changed_rx.try_recv().is_ok() {
                        reloads.fetch_add(1, Ordering::SeqCst);
                        reloaded += 1;
                    } else {
                        let n = next.fetch_add(1, Ordering::SeqCst);
                        // Go on loading until both rebuilds reached this tab.
                        if n >= LOADS && reloaded >= 2 {
                            break;
                        }
                        if Instant::now() > deadline {
                            failures
                                .lock()
                                .expect("lock")
                                .push(format!("tab {tab} saw {reloaded} of 2 rebuilds"));
                            break;
                        }
                        current = pages[(n * 7 + tab) % pages.len()].clone();
                    }
                    match load_page(&mut conn, &current) {
                        Ok(count) => {
                            responses.fetch_add(count, Ordering::SeqCst);
                        }
                        Err(e) => {
                            failures.lock().expect("lock").push(e);
                            conn = Conn::open(addr).expect("connect again");
                        }
                    }
                }
                drop(changed_rx);
                drop(poller); // detached; it ends with the server
            })
        })
        .collect();

    // Two edits while the pages load: the server rebuilds and every tab reloads.
    let mut seen = initial;
    for n in 0..2 {
        std::thread::sleep(Duration::from_millis(200));
        let over = dir.path().join("content/aanbevelingen.md");
        let text = std::fs::read_to_string(&over).expect("aanbevelingen.md");
        std::fs::write(&over, format!("{text}\n\nWijziging {n}.\n")).expect("write");
        seen = poll(addr, Some(seen)).expect("the rebuild is published");
    }
    for tab in tabs {
        tab.join().expect("tab thread");
    }
    let failures = failures.lock().expect("lock").clone();
    assert!(failures.is_empty(), "stalled or failed: {failures:#?}");
    let responses = responses.load(Ordering::SeqCst);
    assert!(reloads.load(Ordering::SeqCst) >= 2 * TABS);
    assert!(responses >= LOADS * 4, "{responses} responses");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert!(seen >= initial + 2, "both rebuilds were published");
    eprintln!(
        "{LOADS} page loads, {responses} responses, {} reloads, {:?}",
        reloads.load(Ordering::SeqCst),
        started.elapsed()
    );
}

#[test]
fn only_get_and_head_are_answered() {
    let (_dir, server) = serve_handbook();
    let host = server.addr.to_string();
    for method in ["POST", "PUT", "DELETE", "TRACE", "PATCH", "OPTIONS"] {
        for path in ["/", "/index.html", "/__leerrecht/wait", "/bestaat-niet"] {
            let mut conn = Conn::open(server.addr).expect("connect");
            let reply = conn
                .request(method, path, Some(&host), &[], b"")
                .expect("reply");
            assert_eq!(reply.status, 405, "{method} {path}");
            assert!(reply.header("allow").is_some_and(|a| a.contains("GET")));
            assert!(reply.text().contains("Deze methode kan hier niet"));
        }
    }
    let mut conn = Conn::open(server.addr).expect("connect");
    let head = conn
        .request("HEAD", "/index.html", Some(&host), &[], b"")
        .expect("HEAD");
    assert_eq!(head.status, 200);
    let length: usize = head
        .header("content-length")
        .and_then(|l| l.parse().ok())
        .expect("length");
    assert_eq!(length, get(server.addr, "/index.html").body.len());
}

#[test]
fn a_foreign_host_name_is_refused() {
    let (_dir, server) = serve_handbook();
    let port = server.addr.port();
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
    ] {
        let mut conn = Conn::open(server.addr).expect("connect");
        let reply = conn
            .request("GET", "/", Some(&host), &[], b"")
            .expect("reply");
        assert_eq!(reply.status, 421, "{host}");
        assert!(reply.text().contains("alleen op het adres"), "{host}");
    }
    let mut conn = Conn::open(server.addr).expect("connect");
    let reply = conn.request("GET", "/", None, &[], b"").expect("reply");
    assert_eq!(reply.status, 400);
    for host in [
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("127.0.0.1:{port}"),
    ] {
        let mut conn = Conn::open(server.addr).expect("connect");
        let reply = conn
            .request("GET", "/", Some(&host), &[], b"")
            .expect("reply");
        assert_eq!(reply.status, 200, "{host}");
        assert!(reply
            .header("content-security-policy")
            .is_some_and(|c| c.contains("default-src 'self'")));
    }
}

#[test]
fn nothing_outside_the_output_and_no_symbolic_link_is_served() {
    let (dir, server) = serve_handbook();
    let out = dir.path().join("public");
    std::os::unix::fs::symlink("/etc/passwd", out.join("x")).expect("symlink");
    std::os::unix::fs::symlink("/etc", out.join("etc")).expect("symlink");
    std::os::unix::fs::symlink(out.join("index.html"), out.join("binnen.html")).expect("symlink");
    std::os::unix::fs::symlink(out.join("css"), out.join("stijl")).expect("symlink");
    std::fs::write(dir.path().join("geheim.txt"), "geheim").expect("write");
    let css = std::fs::read_dir(out.join("css"))
        .expect("css")
        .filter_map(Result::ok)
        .next()
        .expect("a stylesheet")
        .file_name();
    let css = css.to_string_lossy();
    let missing = get(server.addr, "/bestaat-niet.html");
    assert_eq!(missing.status, 404);
    for path in [
        "/x".to_string(),
        "/etc/passwd".into(),
        "/binnen.html".into(),
        format!("/stijl/{css}"),
        "/../geheim.txt".into(),
        "/%2e%2e/geheim.txt".into(),
        "/..%2fgeheim.txt".into(),
        "/css/..%2f..%2fgeheim.txt".into(),
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd".into(),
        "/..%5cgeheim.txt".into(),
        "//etc/passwd".into(),
        "/css/".into(),
        "/css".into(),
    ] {
        let reply = get(server.addr, &path);
        let text = reply.text();
        assert!(
            reply.status == 404 || (reply.status == 301 && path == "/css"),
            "{path}: {}",
            reply.status
        );
        assert!(
            !text.contains("root:") && !text.contains("geheim"),
            "{path}"
        );
        if reply.status == 404 {
            assert_eq!(
                reply.body, missing.body,
                "the 404 page, no listing, for {path}"
            );
        }
    }
    assert_eq!(get(server.addr, &format!("/css/{css}")).status, 200);
}

#[test]
fn idle_connections_are_dropped_and_the_server_keeps_answering() {
    let (_dir, server) = serve_handbook();
    // Silent clients, one with half a request: each is closed within a few seconds.
    let silent: Vec<Conn> = (0..50)
        .map(|_| Conn::open(server.addr).expect("connect"))
        .collect();
    let mut half = Conn::open(server.addr).expect("connect");
    half.send_raw(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .expect("send");
    let started = Instant::now();
    let closed: Vec<bool> = silent
        .into_iter()
        .chain(std::iter::once(half))
        .map(|c| c.closed_by_server_within(Duration::from_secs(12)))
        .collect();
    assert!(closed.iter().all(|c| *c), "{closed:?}");
    assert!(started.elapsed() < Duration::from_secs(12));
    // More connections than the limit: the extra ones are closed, the server lives on.
    let crowd: Vec<Conn> = (0..300)
        .filter_map(|_| Conn::open(server.addr).ok())
        .collect();
    drop(crowd);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(get(server.addr, "/").status, 200);
}
