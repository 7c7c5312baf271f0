//! Live reload: the script the pages load in `serve`, and the long poll it waits on.
//!
//! Why one tab per browser waits: a browser opens at most six HTTP/1.1 connections to one
//! server, shared by all its tabs, and gives a waiting `fetch` (high priority) a freed
//! connection before a deferred script (low priority). With six tabs each holding a long
//! poll, the scripts of the next page waited for a connection that the polls kept taking:
//! pages lost `instrument.js`, `search.js` or this script itself. So the tab holding a Web
//! Lock polls (at low priority) and tells the others over a BroadcastChannel; a browser
//! without those falls back to one poll per tab.

use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::http::{method_not_allowed, typed};
use super::{App, Status};

pub const RELOAD_JS: &str = r#"// Herlaadt de pagina zodra leerrecht serve opnieuw heeft gebouwd.
(function () {
  var seen = null;
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('leerrecht-herlaad') : null;
  if (channel) channel.onmessage = function () { location.reload(); };
  function wait() {
    fetch('/__leerrecht/wait?v=' + (seen === null ? '' : seen), { cache: 'no-store', priority: 'low' })
      .then(function (r) { if (!r.ok) throw new Error('status ' + r.status); return r.text(); })
      .then(function (v) {
        v = v.trim();
        if (seen !== null && v !== seen) {
          if (channel) channel.postMessage(v);
          location.reload();
          return;
        }
        seen = v;
        wait();
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  if (channel && navigator.locks && navigator.locks.request) {
    // Held until this page closes or reloads; then the next tab takes over.
    navigator.locks.request('leerrecht-herlaad', function () {
      return new Promise(function () { wait(); });
    });
  } else {
    wait();
  }
})();
"#;

/// How long one poll waits for a build before answering the same version.
const POLL: Duration = Duration::from_secs(25);

pub async fn script(method: Method) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed("GET, HEAD");
    }
    typed(StatusCode::OK, "text/javascript; charset=utf-8", RELOAD_JS)
}

#[derive(Deserialize)]
pub struct Seen {
    v: Option<String>,
}

/// The build version, at once without `v`, else as soon as it differs from `v` (at most
/// [`POLL`] later).
pub async fn wait(method: Method, State(app): State<App>, Query(seen): Query<Seen>) -> Response {
    if method != Method::GET {
        return method_not_allowed("GET");
    }
    let seen = seen.v.and_then(|v| v.parse::<u64>().ok());
    let version = match seen {
        Some(seen) => {
            let mut rx = app.state.subscribe();
            let _ = tokio::time::timeout(POLL, rx.wait_for(|s: &Status| s.version != seen)).await;
            app.state.status().version
        }
        None => app.state.status().version,
    };
    typed(
        StatusCode::OK,
        "text/plain; charset=utf-8",
        version.to_string(),
    )
}
