//! `leerrecht serve`: build, serve the output on 127.0.0.1, rebuild when an input changes and
//! tell open pages to reload. A failing build keeps the last good output on disk and shows the
//! errors in the terminal and in the browser until the next good build.

mod files;
pub mod session;
mod watch;

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use tiny_http::{Header, Request, Response, Server};

use session::Session;

pub struct ServeOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    pub port: u16,
}

/// Build state shared by the watcher and the request handlers.
#[derive(Default)]
pub struct State {
    inner: Mutex<Status>,
    changed: Condvar,
}

#[derive(Default, Clone)]
struct Status {
    /// Goes up by one after every build, good or bad; pages reload when it changes.
    version: u64,
    /// The rendered errors of the last build, if it failed.
    error: Option<String>,
}

impl State {
    fn publish(&self, error: Option<String>) {
        let mut status = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        status.version += 1;
        status.error = error;
        self.changed.notify_all();
    }

    fn status(&self) -> Status {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Block until the version differs from `seen`, at most `timeout`.
    fn wait_for_change(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.version == seen)
            .unwrap_or_else(|e| e.into_inner());
        guard.version
    }
}

/// Build once and report, as the watcher does after every change. Open pages reload as soon
/// as the pages are written; the search index follows on another thread.
pub fn rebuild(session: &Mutex<Session>, state: &State) {
    let started = Instant::now();
    let mut session = session.lock().unwrap_or_else(|e| e.into_inner());
    match session.rebuild() {
        Ok((report, None)) => {
            eprintln!("{}", report.summary("Gebouwd", None));
            state.publish(None);
        }
        Ok((report, Some(job))) => {
            eprintln!(
                "Bijgewerkt: {} bestanden veranderd in {} ms; de zoekindex volgt",
                report.files,
                report.elapsed.as_millis()
            );
            state.publish(None);
            std::thread::spawn(move || {
                if let Err(e) = job.run() {
                    eprintln!("fout: de zoekindex kon niet worden geschreven: {e}");
                }
            });
        }
        Err(diagnostics) => {
            let text = diagnostics.render();
            eprintln!("{text}");
            eprintln!(
                "(na {} ms; de site toont de fout tot de volgende goede build)",
                started.elapsed().as_millis()
            );
            state.publish(Some(text));
        }
    }
}

pub fn serve(options: ServeOptions) -> io::Result<()> {
    let state = Arc::new(State::default());
    let session = Arc::new(Mutex::new(Session::new(
        options.root.clone(),
        options.out.clone(),
    )));
    rebuild(&session, &state);
    let server = Server::http(("127.0.0.1", options.port)).map_err(|e| {
        io::Error::new(
            io::ErrorKind::AddrInUse,
            format!(
                "kan niet luisteren op 127.0.0.1:{}: {e}; kies een andere poort met --port",
                options.port
            ),
        )
    })?;
    let options = Arc::new(options);
    let _watcher = watch::start(&options, session, Arc::clone(&state))?;
    eprintln!(
        "Het handboek staat op http://127.0.0.1:{}/ (stop met Ctrl+C)",
        options.port
    );
    for request in server.incoming_requests() {
        let (options, state) = (Arc::clone(&options), Arc::clone(&state));
        std::thread::spawn(move || handle(request, &options, &state));
    }
    Ok(())
}

const RELOAD_JS: &str = r#"// Herlaadt de pagina zodra leerrecht serve opnieuw heeft gebouwd.
(function () {
  var seen = null;
  function wait() {
    fetch('/__leerrecht/wait?v=' + (seen === null ? '' : seen), { cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        wait();
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"#;

fn handle(request: Request, options: &ServeOptions, state: &State) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let response = match path {
        "/__leerrecht/reload.js" => text(RELOAD_JS, "text/javascript; charset=utf-8"),
        "/__leerrecht/wait" => {
            let seen = query.strip_prefix("v=").and_then(|v| v.parse().ok());
            let version = match seen {
                Some(seen) => state.wait_for_change(seen, Duration::from_secs(25)),
                None => state.status().version,
            };
            text(&version.to_string(), "text/plain; charset=utf-8")
        }
        _ => files::respond(&options.out, path, state.status().error.as_deref()),
    };
    let _ = request.respond(response);
}

fn text(body: &str, content_type: &str) -> Response<io::Cursor<Vec<u8>>> {
    Response::from_data(body.as_bytes().to_vec())
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    // Both parts are ASCII constants or ASCII MIME types chosen in this module.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| {
        Header::from_bytes(&b"X-Leerrecht"[..], &b"1"[..]).expect("constant header is valid")
    })
}
