//! `leerrecht serve`: build, serve the output on 127.0.0.1, rebuild when an input changes and
//! tell open pages to reload. A failing build keeps the last good output on disk and shows the
//! errors in the terminal and in the browser until the next good build.

pub mod files;
pub mod http;
mod reload;
pub mod session;
mod watch;
pub mod workshop;

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::State as Extract;
use axum::http::{Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::any;
use axum::{middleware, Router};
use tokio::net::TcpListener;

use http::{Hosts, Limits};
use session::Session;

pub struct ServeOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    /// 0 picks a free port; the address printed names the one chosen.
    pub port: u16,
    /// Whether an output folder leerrecht did not make may be replaced (`--force`).
    pub guard: crate::OutputGuard,
}

/// Build state shared by the watcher (a plain thread) and the request handlers (tasks).
pub struct State {
    status: tokio::sync::watch::Sender<Status>,
}

impl Default for State {
    fn default() -> State {
        State {
            status: tokio::sync::watch::Sender::new(Status::default()),
        }
    }
}

#[derive(Default, Clone)]
pub struct Status {
    /// Goes up by one after every build, good or bad; pages reload when it changes.
    pub version: u64,
    /// The rendered errors of the last build, if it failed.
    pub error: Option<String>,
}

impl State {
    fn publish(&self, error: Option<String>) {
        self.status.send_modify(|status| {
            status.version += 1;
            status.error = error;
        });
    }

    fn status(&self) -> Status {
        self.status.borrow().clone()
    }

    fn subscribe(&self) -> tokio::sync::watch::Receiver<Status> {
        self.status.subscribe()
    }
}

/// What every request handler of the dev server can reach.
#[derive(Clone)]
pub struct App {
    out: PathBuf,
    state: Arc<State>,
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
                if let Err(e) = job.run_when_quiet(session::INDEX_QUIET) {
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
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run(options))
}

async fn run(options: ServeOptions) -> io::Result<()> {
    // Listen first: a port in use is reported before the build, not after.
    let listener = TcpListener::bind(("127.0.0.1", options.port))
        .await
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "kan niet luisteren op 127.0.0.1:{}: {e}; kies een andere poort met --port",
                    options.port
                ),
            )
        })?;
    let port = listener.local_addr()?.port();
    let state = Arc::new(State::default());
    let session = Arc::new(Mutex::new(Session::with_guard(
        options.root.clone(),
        options.out.clone(),
        options.guard,
    )));
    let first = (Arc::clone(&session), Arc::clone(&state));
    tokio::task::spawn_blocking(move || rebuild(&first.0, &first.1))
        .await
        .map_err(io::Error::other)?;
    let _watcher = watch::start(&options, session, Arc::clone(&state))?;
    eprintln!("Het handboek staat op http://127.0.0.1:{port}/ (stop met Ctrl+C)");
    let app = App {
        out: options.out.clone(),
        state,
    };
    http::run(vec![listener], router(app, port), Limits::LOOPBACK).await;
    Ok(())
}

fn router(app: App, port: u16) -> Router {
    Router::new()
        .route("/__leerrecht/reload.js", any(reload::script))
        .route("/__leerrecht/wait", any(reload::wait))
        .route("/__leerrecht/fout.css", any(error_css))
        .fallback(file)
        .with_state(app)
        .layer(middleware::from_fn_with_state(
            Arc::new(Hosts::loopback(port)),
            http::guard,
        ))
}

async fn file(Extract(app): Extract<App>, method: Method, uri: Uri) -> Response {
    files::respond(app.out.clone(), &method, &uri, app.state.status().error).await
}

async fn error_css(method: Method) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return http::method_not_allowed("GET, HEAD");
    }
    http::typed(StatusCode::OK, "text/css; charset=utf-8", files::ERROR_CSS)
}
