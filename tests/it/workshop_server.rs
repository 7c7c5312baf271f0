//! `leerrecht workshop` over real connections: phones submit concurrently and every
//! submission is on disk and survives a kill and restart; hostile submissions are refused
//! with a Dutch reason and leave nothing behind; a flood is rate limited; the trainer's
//! endpoints answer and change the session; files are served as safely as in `serve`.

use crate::common;
use crate::httpclient;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::Site;
use httpclient::{get, Conn, Running};
use serde_json::{json, Value};

struct Workshop {
    site: Site,
    data: tempfile::TempDir,
    server: Running,
    code: String,
}

impl Workshop {
    /// The workshop fixture built once, served with a fresh data folder on loopback.
    fn start() -> Workshop {
        let site = Site::fixture("workshop");
        site.build_ok();
        let data = tempfile::tempdir().expect("temp dir");
        let server = start_server(site.root(), data.path());
        let code = session_code(&server.banner);
        Workshop {
            site,
            data,
            server,
            code,
        }
    }

    fn addr(&self) -> SocketAddr {
        self.server.addr
    }

    /// Kill the server (as a crash would) and start it again on the same data folder.
    fn restart(mut self) -> Workshop {
        self.server.kill();
        self.server = start_server(self.site.root(), self.data.path());
        self
    }

    fn data_file(&self) -> PathBuf {
        self.data
            .path()
            .join("sessies")
            .join(format!("inzendingen-{}.jsonl", self.code))
    }

    fn stored_lines(&self) -> usize {
        std::fs::read_to_string(self.data_file())
            .unwrap_or_default()
            .lines()
            .count()
    }

    fn stand(&self) -> Value {
        let reply = get(self.addr(), "/_workshop/stand");
        assert_eq!(reply.status, 200, "{}", reply.text());
        serde_json::from_slice(&reply.body).expect("stand is JSON")
    }

    fn count(&self) -> u64 {
        self.stand()["counts"]["proef"].as_u64().unwrap_or(0)
    }

    fn submission(&self, participant: &str, answer: &str) -> String {
        json!({
            "sessie": self.code,
            "instrument": "proef",
            "version": 3,
            "participant": participant,
            "answers": {"termijn": answer},
        })
        .to_string()
    }
}

fn start_server(root: &Path, data: &Path) -> Running {
    let data = data.to_string_lossy().to_string();
    Running::start(
        root,
        &[
            "workshop",
            "--out",
            "public",
            "--data",
            &data,
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ],
    )
}

fn session_code(banner: &str) -> String {
    banner
        .split("sessie=")
        .nth(1)
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect()
        })
        .unwrap_or_else(|| panic!("no session code in:\n{banner}"))
}

/// Device number `n` of the room, as its own loopback address.
fn device(n: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(
        127,
        0,
        1 + (n / 250) as u8,
        1 + (n % 250) as u8,
    ))
}

fn json_of(reply: &httpclient::Reply) -> Value {
    serde_json::from_slice(&reply.body)
        .unwrap_or_else(|_| panic!("not JSON: {} {}", reply.status, reply.text()))
}

#[test]
fn thirty_phones_submit_at_once_and_all_thirty_survive_a_kill_and_restart() {
    let workshop = Workshop::start();
    let addr = workshop.addr();
    let bodies: Vec<String> = (0..30)
        .map(|n| {
            workshop.submission(
                &format!("deelnemer-{n:04}"),
                if n % 3 == 0 { "niet" } else { "goed" },
            )
        })
        .collect();
    let started = Instant::now();
    let phones: Vec<_> = bodies
        .into_iter()
        .enumerate()
        .map(|(n, body)| {
            std::thread::spawn(move || {
                let mut phone = Conn::open_from(addr, device(n)).expect("connect");
                // A phone loads its page first, then sends.
                assert_eq!(
                    phone
                        .get("/instrumenten/proef-deelnemen.html")
                        .expect("page")
                        .status,
                    200
                );
                phone
                    .post_json("/_workshop/inzending", &body)
                    .expect("submit")
            })
        })
        .collect();
    for phone in phones {
        let reply = phone.join().expect("phone thread");
        assert_eq!(reply.status, 200, "{}", reply.text());
        assert_eq!(json_of(&reply)["ok"], true);
    }
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(workshop.count(), 30);
    assert_eq!(
        workshop.stored_lines(),
        30,
        "each submission is a line on disk"
    );
    let stand = workshop.stand();
    let niet = stand["submissions"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|s| s["answers"]["termijn"] == "niet")
        .count();
    assert_eq!(niet, 10, "the exact distribution");

    let code = workshop.code.clone();
    let workshop = workshop.restart();
    assert!(
        workshop
            .server
            .banner
            .contains("gaat verder met 30 inzending"),
        "{}",
        workshop.server.banner
    );
    assert_eq!(
        session_code(&workshop.server.banner),
        code,
        "same session, same QR"
    );
    assert_eq!(workshop.count(), 30);
    // And the session goes on: one more is the 31st.
    let mut phone = Conn::open_from(workshop.addr(), device(77)).expect("connect");
    let reply = phone
        .post_json(
            "/_workshop/inzending",
            &workshop.submission("laatkomer-01", "goed"),
        )
        .expect("submit");
    assert_eq!(json_of(&reply)["aantal"], 31);
}

#[test]
fn identical_answers_of_two_people_count_twice_and_a_resend_replaces() {
    let workshop = Workshop::start();
    let mut phone = Conn::open(workshop.addr()).expect("connect");
    for participant in ["anoniem-aaaa", "anoniem-bbbb"] {
        let reply = phone
            .post_json(
                "/_workshop/inzending",
                &workshop.submission(participant, "goed"),
            )
            .expect("submit");
        assert_eq!(json_of(&reply)["vervangen"], false);
    }
    assert_eq!(
        workshop.count(),
        2,
        "two people with the same answers are two"
    );
    let reply = phone
        .post_json(
            "/_workshop/inzending",
            &workshop.submission("anoniem-aaaa", "niet"),
        )
        .expect("resend");
    let answer = json_of(&reply);
    assert_eq!(answer["vervangen"], true);
    assert_eq!(answer["aantal"], 2);
    let stand = workshop.stand();
    let first = stand["submissions"]
        .as_array()
        .expect("list")
        .iter()
        .find(|s| s["participant"] == "anoniem-aaaa")
        .expect("still there")
        .clone();
    assert_eq!(
        first["answers"]["termijn"], "niet",
        "the resend's answers count"
    );
    // After a restart the later line still wins.
    let workshop = workshop.restart();
    assert_eq!(workshop.count(), 2);
}

#[test]
fn hostile_submissions_are_refused_with_a_reason_and_nothing_is_stored() {
    let workshop = Workshop::start();
    let code = workshop.code.clone();
    let valid = |change: &dyn Fn(&mut Value)| {
        let mut body = json!({
            "sessie": code, "instrument": "proef", "version": 3,
            "participant": "deelnemer-0001", "answers": {"termijn": "goed"},
        });
        change(&mut body);
        body.to_string()
    };
    let cases: Vec<(&str, String, u16, &str)> = vec![
        (
            "oversized",
            format!("{{\"x\": \"{}\"}}", "a".repeat(20_000)),
            413,
            "te-groot",
        ),
        ("not JSON", "{\"sessie\": ".into(), 400, "opmaak"),
        ("garbage", "\u{1}\u{2}<script>".into(), 400, "opmaak"),
        ("an array", "[1, 2, 3]".into(), 400, "opmaak"),
        (
            "missing answers",
            valid(&|b| {
                b.as_object_mut().unwrap().remove("answers");
            }),
            400,
            "opmaak",
        ),
        (
            "an extra field",
            valid(&|b| b["notes"] = json!({"termijn": "x"})),
            400,
            "opmaak",
        ),
        (
            "wrong session",
            valid(&|b| b["sessie"] = json!("AAAAAAAA")),
            403,
            "sessie",
        ),
        (
            "no session",
            valid(&|b| b["sessie"] = json!("")),
            403,
            "sessie",
        ),
        (
            "unknown instrument",
            valid(&|b| b["instrument"] = json!("../../etc/passwd")),
            422,
            "instrument",
        ),
        (
            "other version",
            valid(&|b| b["version"] = json!(2)),
            409,
            "versie",
        ),
        (
            "unknown question",
            valid(&|b| b["answers"] = json!({"bestaat-niet": "goed"})),
            422,
            "antwoorden",
        ),
        (
            "unknown answer",
            valid(&|b| b["answers"] = json!({"termijn": "<img src=x onerror=alert(1)>"})),
            422,
            "antwoorden",
        ),
        (
            "a number for a choice",
            valid(&|b| b["answers"] = json!({"termijn": 1})),
            422,
            "antwoorden",
        ),
        (
            "no answers",
            valid(&|b| b["answers"] = json!({})),
            422,
            "antwoorden",
        ),
        (
            "script in the name",
            valid(&|b| b["name"] = json!("<script>alert(1)</script>")),
            422,
            "naam",
        ),
        (
            "a long name",
            valid(&|b| b["name"] = json!("x".repeat(61))),
            422,
            "naam",
        ),
        (
            "control characters in the name",
            valid(&|b| b["name"] = json!("Anna\u{202e}")),
            422,
            "naam",
        ),
        (
            "a short participant id",
            valid(&|b| b["participant"] = json!("abc")),
            422,
            "deelnemer",
        ),
        (
            "a participant id with markup",
            valid(&|b| b["participant"] = json!("<b>deelnemer</b>")),
            422,
            "deelnemer",
        ),
    ];
    let mut phone = Conn::open(workshop.addr()).expect("connect");
    for (what, body, status, code) in &cases {
        let reply = phone
            .post_json("/_workshop/inzending", body)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(reply.status, *status, "{what}: {}", reply.text());
        let answer = json_of(&reply);
        assert_eq!(answer["fout"], *code, "{what}");
        let message = answer["melding"].as_str().unwrap_or("");
        assert!(
            message.len() > 20 && message.ends_with('.'),
            "{what}: {message}"
        );
        if *status == 413 {
            phone = Conn::open(workshop.addr()).expect("connect again");
        }
    }
    // Not JSON, not from our pages, not a POST.
    let host = workshop.addr().to_string();
    let reply = phone
        .request(
            "POST",
            "/_workshop/inzending",
            Some(&host),
            &[("Content-Type", "text/plain")],
            valid(&|_| {}).as_bytes(),
        )
        .expect("text/plain");
    assert_eq!(reply.status, 415);
    let reply = phone
        .request(
            "POST",
            "/_workshop/inzending",
            Some(&host),
            &[
                ("Content-Type", "application/json"),
                ("Origin", "http://evil.example"),
            ],
            valid(&|_| {}).as_bytes(),
        )
        .expect("foreign origin");
    assert_eq!(reply.status, 403);
    for method in ["GET", "PUT", "DELETE"] {
        let reply = phone
            .request(method, "/_workshop/inzending", Some(&host), &[], b"")
            .expect("method");
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("allow"), Some("POST"));
    }
    assert_eq!(workshop.count(), 0);
    assert_eq!(workshop.stored_lines(), 0, "nothing on disk");
    // And the valid one still goes in.
    let reply = phone
        .post_json(
            "/_workshop/inzending",
            &valid(&|b| b["name"] = json!("  Anna de Vries ")),
        )
        .expect("valid");
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(workshop.stand()["submissions"][0]["name"], "Anna de Vries");
}

#[test]
fn a_thousand_submissions_in_a_second_from_one_device_are_rate_limited() {
    let workshop = Workshop::start();
    let addr = workshop.addr();
    let started = Instant::now();
    let mut accepted = 0;
    let mut limited = 0;
    let mut phone = Conn::open_from(addr, device(3)).expect("connect");
    for n in 0..1000 {
        let body = workshop.submission(&format!("flut-{n:06}"), "goed");
        let reply = match phone.post_json("/_workshop/inzending", &body) {
            Ok(reply) => reply,
            // A server may close a connection after a refusal; a client opens a new one.
            Err(_) => {
                phone = Conn::open_from(addr, device(3)).expect("connect again");
                phone
                    .post_json("/_workshop/inzending", &body)
                    .expect("reply")
            }
        };
        match reply.status {
            200 => accepted += 1,
            429 => {
                limited += 1;
                assert!(reply.header("retry-after").is_some());
                assert_eq!(json_of(&reply)["fout"], "te-vaak");
            }
            other => panic!("status {other}: {}", reply.text()),
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    // A burst of 20, then 10 a second: on a fast machine the flood takes about a second and
    // some 970 are refused; a slow one (a debug build under load) lets more through, never
    // more than the rate allows.
    assert!(
        accepted <= 20 + (10.0 * seconds.ceil()) as usize,
        "{accepted} accepted, {limited} refused in {seconds:.2} s"
    );
    if seconds < 5.0 {
        assert!(
            limited >= 900,
            "{limited} of 1000 refused in {seconds:.2} s"
        );
    }
    assert_eq!(workshop.count() as usize, accepted);
    assert_eq!(workshop.stored_lines(), accepted);
    // Another device is not affected.
    let mut other = Conn::open_from(addr, device(4)).expect("connect");
    let reply = other
        .post_json(
            "/_workshop/inzending",
            &workshop.submission("ander-toestel", "goed"),
        )
        .expect("reply");
    assert_eq!(reply.status, 200);
}

#[test]
fn the_trainer_sees_news_at_once_closes_exports_and_clears() {
    let workshop = Workshop::start();
    let addr = workshop.addr();
    let info = json_of(&get(addr, "/_workshop/info"));
    assert_eq!(info["code"], workshop.code);
    assert!(info["participant_urls"]["proef"]
        .as_str()
        .is_some_and(|u| u.ends_with(&format!(
            "/instrumenten/proef-deelnemen.html?sessie={}",
            workshop.code
        ))));
    let qr = get(addr, "/_workshop/qr.svg?instrument=proef");
    assert_eq!(qr.status, 200);
    assert_eq!(qr.header("content-type"), Some("image/svg+xml"));
    assert!(qr.text().contains("<svg"));
    assert_eq!(get(addr, "/_workshop/qr.svg?instrument=nee").status, 404);
    let check = get(
        addr,
        &format!("/_workshop/sessie?code={}", workshop.code.to_lowercase()),
    );
    assert_eq!(json_of(&check)["open"], true);
    assert_eq!(get(addr, "/_workshop/sessie?code=AAAAAAAA").status, 403);

    // The trainer's long poll returns as soon as a phone submits.
    let seq = workshop.stand()["seq"].as_u64().expect("seq");
    let poll = std::thread::spawn(move || {
        let started = Instant::now();
        let reply = get(addr, &format!("/_workshop/stand?since={seq}"));
        (started.elapsed(), json_of(&reply))
    });
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    let mut phone = Conn::open(addr).expect("connect");
    let reply = phone
        .post_json(
            "/_workshop/inzending",
            &workshop.submission("deelnemer-0001", "goed"),
        )
        .expect("submit");
    assert_eq!(reply.status, 200);
    let (waited, stand) = poll.join().expect("poll");
    assert!(waited >= Duration::from_millis(250), "it waited for news");
    assert!(
        sent.elapsed() < Duration::from_secs(1),
        "and heard it within a second"
    );
    assert_eq!(stand["counts"]["proef"], 1);

    let export = get(addr, "/_workshop/export");
    assert!(export
        .header("content-disposition")
        .is_some_and(|d| d.contains("attachment")));
    let export = json_of(&export);
    assert_eq!(export["format"], "leerrecht-workshop/1");
    assert_eq!(export["submissions"].as_array().map(Vec::len), Some(1));

    // Closing refuses new submissions; opening again takes them.
    let empty = "{}";
    assert_eq!(
        phone
            .post_json("/_workshop/sluiten", empty)
            .expect("close")
            .status,
        200
    );
    let reply = phone
        .post_json(
            "/_workshop/inzending",
            &workshop.submission("deelnemer-0002", "goed"),
        )
        .expect("submit");
    assert_eq!(reply.status, 410);
    assert_eq!(json_of(&reply)["fout"], "gesloten");
    // A closed session stays closed, with its submissions, after a restart.
    let workshop = workshop.restart();
    let addr = workshop.addr();
    assert!(
        workshop.server.banner.contains("ze is gesloten"),
        "{}",
        workshop.server.banner
    );
    assert_eq!(workshop.stand()["open"], false);
    assert_eq!(workshop.count(), 1);
    let mut phone = Conn::open(addr).expect("connect");
    assert_eq!(
        phone
            .post_json("/_workshop/openen", empty)
            .expect("open")
            .status,
        200
    );
    let reply = phone
        .post_json(
            "/_workshop/inzending",
            &workshop.submission("deelnemer-0002", "goed"),
        )
        .expect("submit");
    assert_eq!(reply.status, 200);

    // Clearing needs the code; then nothing is left, on disk either.
    assert_eq!(
        phone
            .post_json("/_workshop/wissen", empty)
            .expect("clear")
            .status,
        400
    );
    let confirm = json!({"sessie": workshop.code}).to_string();
    let reply = phone
        .post_json("/_workshop/wissen", &confirm)
        .expect("clear");
    assert_eq!(json_of(&reply)["removed"], 2);
    assert_eq!(workshop.count(), 0);
    assert_eq!(workshop.stored_lines(), 0);
    let workshop = workshop.restart();
    assert_eq!(workshop.count(), 0);
}

#[test]
fn files_are_served_as_safely_as_in_serve() {
    let workshop = Workshop::start();
    let addr = workshop.addr();
    let out = workshop.site.out();
    std::os::unix::fs::symlink("/etc/passwd", out.join("x")).expect("symlink");
    std::os::unix::fs::symlink("/etc", out.join("etc")).expect("symlink");
    std::fs::write(workshop.site.root().join("geheim.txt"), "geheim").expect("write");
    assert_eq!(get(addr, "/instrumenten/proef-deelnemen.html").status, 200);
    let folder = get(addr, "/instrumenten?sessie=ABCD2345");
    assert_eq!(folder.status, 301);
    assert_eq!(
        folder.header("location"),
        Some("/instrumenten/?sessie=ABCD2345")
    );
    let missing = get(addr, "/bestaat-niet.html");
    assert_eq!(missing.status, 404);
    for path in [
        "/x",
        "/etc/passwd",
        "/../geheim.txt",
        "/%2e%2e/geheim.txt",
        "/instrumenten/..%2f..%2fgeheim.txt",
        "/_workshop/../../geheim.txt",
        "/instrumenten/",
    ] {
        let reply = get(addr, path);
        assert!(
            reply.status == 404 || (reply.status == 200 && path == "/instrumenten/"),
            "{path}: {}",
            reply.status
        );
        let text = reply.text();
        assert!(
            !text.contains("root:") && !text.contains("geheim"),
            "{path}"
        );
    }
    let host = addr.to_string();
    let mut conn = Conn::open(addr).expect("connect");
    for method in ["POST", "PUT", "DELETE", "TRACE"] {
        let reply = conn
            .request(method, "/index.html", Some(&host), &[], b"")
            .expect("reply");
        assert_eq!(reply.status, 405, "{method}");
    }
    let reply = conn
        .request(
            "GET",
            "/",
            Some(&format!("evil.example:{}", addr.port())),
            &[],
            b"",
        )
        .expect("reply");
    assert_eq!(reply.status, 421);
    assert!(get(addr, "/")
        .header("content-security-policy")
        .is_some_and(|c| c.starts_with("default-src 'self';")));
    // A device that connects and says nothing is dropped within a few seconds.
    let silent = Conn::open(addr).expect("connect");
    assert!(silent.closed_by_server_within(Duration::from_secs(10)));
}

/// Talks to this machine's own network address, which is not loopback: run it by hand on a
/// laptop (`LEERRECHT_LAN_TEST=1 cargo test --test it network`); `make test` and CI keep all
/// their traffic on loopback.
#[test]
fn on_the_network_phones_get_pages_and_submit_but_not_the_trainer_endpoints() {
    if std::env::var_os("LEERRECHT_LAN_TEST").is_none() {
        eprintln!("overgeslagen: zet LEERRECHT_LAN_TEST=1 om via het netwerkadres te testen");
        return;
    }
    let Some(lan) = leerrecht::serve::workshop::net::lan_address() else {
        eprintln!("skipped: this machine has no network address");
        return;
    };
    let site = Site::fixture("workshop");
    site.build_ok();
    let data = tempfile::tempdir().expect("temp dir");
    let data_arg = data.path().to_string_lossy().to_string();
    let lan_arg = lan.to_string();
    let server = Running::start(
        site.root(),
        &[
            "workshop", "--out", "public", "--data", &data_arg, "--host", &lan_arg, "--port", "0",
        ],
    );
    let code = session_code(&server.banner);
    assert!(
        server.banner.contains(&format!(
            "http://{lan}:{}/instrumenten/?sessie={code}",
            server.addr.port()
        )),
        "{}",
        server.banner
    );
    let phone_addr = SocketAddr::new(lan, server.addr.port());
    let page = get(phone_addr, "/instrumenten/proef-deelnemen.html");
    assert_eq!(page.status, 200);
    for path in [
        "/_workshop/stand",
        "/_workshop/info",
        "/_workshop/qr.svg",
        "/_workshop/export",
    ] {
        let reply = get(phone_addr, path);
        assert_eq!(reply.status, 403, "{path}");
        assert_eq!(json_of(&reply)["fout"], "alleen-trainer");
    }
    let mut phone = Conn::open(phone_addr).expect("connect");
    let body = json!({
        "sessie": code, "instrument": "proef", "version": 3,
        "participant": "telefoon-0001", "answers": {"termijn": "goed"},
    })
    .to_string();
    let host = phone_addr.to_string();
    let origin = format!("http://{host}");
    let reply = phone
        .request(
            "POST",
            "/_workshop/inzending",
            Some(&host),
            &[("Content-Type", "application/json"), ("Origin", &origin)],
            body.as_bytes(),
        )
        .expect("submit");
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        phone
            .post_json("/_workshop/sluiten", "{}")
            .expect("close")
            .status,
        403
    );
    // The trainer, on loopback, sees it.
    let stand = json_of(&get(server.addr, "/_workshop/stand"));
    assert_eq!(stand["counts"]["proef"], 1);
    // One device cannot take all connections: past 32 it is closed at once, others go on.
    let crowd: Vec<Conn> = (0..40)
        .filter_map(|_| Conn::open(phone_addr).ok())
        .collect();
    let checks: Vec<_> = crowd
        .into_iter()
        .map(|c| std::thread::spawn(move || c.closed_by_server_within(Duration::from_millis(1000))))
        .collect();
    let closed = checks
        .into_iter()
        .map(|t| t.join().unwrap_or(false))
        .filter(|closed| *closed)
        .count();
    assert!((8..=9).contains(&closed), "{closed} of 40 closed at once");
    assert_eq!(get(server.addr, "/index.html").status, 200);
}

#[test]
fn a_new_session_gets_a_new_code_and_leaves_the_old_file() {
    let workshop = Workshop::start();
    let mut phone = Conn::open(workshop.addr()).expect("connect");
    let reply = phone
        .post_json(
            "/_workshop/inzending",
            &workshop.submission("deelnemer-0001", "goed"),
        )
        .expect("submit");
    assert_eq!(reply.status, 200);
    let old_file = workshop.data_file();
    let Workshop {
        site, data, server, ..
    } = workshop;
    server.kill();
    let data_arg = data.path().to_string_lossy().to_string();
    let server = Running::start(
        site.root(),
        &[
            "workshop",
            "--out",
            "public",
            "--data",
            &data_arg,
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--nieuwe-sessie",
        ],
    );
    assert!(server.banner.contains("Nieuwe workshopsessie"));
    let code = session_code(&server.banner);
    assert!(!old_file.ends_with(format!("inzendingen-{code}.jsonl")));
    assert_eq!(
        std::fs::read_to_string(&old_file)
            .expect("old file")
            .lines()
            .count(),
        1
    );
    let stand = json_of(&get(server.addr, "/_workshop/stand"));
    assert_eq!(stand["counts"], json!({}));
}
