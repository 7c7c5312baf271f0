//! Watching the input folders and rebuilding after a change.

use std::io;
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::session::Session;
use super::{rebuild, ServeOptions, State};

/// Editors save in bursts (temp file, rename, chmod); wait this long for quiet. Short, because
/// it is part of every reload's wait, and a rebuild that a burst repeats costs little now that
/// only what changed is rendered again.
const SETTLE: Duration = Duration::from_millis(15);

const WATCHED: [&str; 5] = ["site.toml", "content", "checklists", "templates", "static"];

pub fn start(
    options: &ServeOptions,
    session: Arc<Mutex<Session>>,
    state: Arc<State>,
) -> io::Result<notify::RecommendedWatcher> {
    let (tx, rx) = mpsc::channel();
    let out = absolute(&options.out);
    let stop = session
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .index_stop();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            // Reading the inputs (as every build does) is an access, not a change: reacting
            // to it would rebuild forever. Our own output must not trigger a rebuild either.
            if matches!(event.kind, notify::EventKind::Access(_)) {
                return;
            }
            if event.paths.iter().any(|p| !is_output(p, &out)) {
                // The index being built is out of date now; stop it before the settle time,
                // so the rebuild has the cores to itself.
                stop.now();
                let _ = tx.send(());
            }
        }
    })
    .map_err(io::Error::other)?;
    for name in WATCHED {
        let path = options.root.join(name);
        if path.exists() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(io::Error::other)?;
        }
    }
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            while rx.recv_timeout(SETTLE).is_ok() {}
            rebuild(&session, &state);
        }
    });
    Ok(watcher)
}

fn is_output(path: &Path, out: &Path) -> bool {
    let Some(parent) = out.parent() else {
        return false;
    };
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().to_string()) else {
        return false;
    };
    path.starts_with(out)
        || path
            .strip_prefix(parent)
            .ok()
            .and_then(|r| r.components().next())
            .is_some_and(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .starts_with(&format!(".{name}."))
            })
}

fn absolute(path: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(path))
}
