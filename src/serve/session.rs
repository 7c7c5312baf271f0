//! One dev server's builds, from the first to the last: the first writes the whole site like
//! `build`; every later one reuses what did not change (see [`crate::render::cache`]),
//! writes only the files that differ, and leaves the search index, the slowest part, to a job
//! that runs after the pages are written, so the browser reloads without waiting for it.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostics;
use crate::load::memo::PageMemo;
use crate::markdown::Analysis;
use crate::output::{self, Written};
use crate::render::cache::RenderCache;
use crate::render::{RenderOptions, SEARCH_INDEX};
use crate::search::SHARD_DIR;
use crate::site::Site;
use crate::{write_error, Report};

pub struct Session {
    root: PathBuf,
    out: PathBuf,
    guard: crate::OutputGuard,
    cache: RenderCache,
    /// The pages read by the last build, to read only what changed.
    pages: PageMemo,
    /// None until the first build has written the whole output.
    written: Option<Written>,
    /// Goes up with every build; an index job of an older build writes nothing.
    generation: Arc<AtomicU64>,
    /// Held while an index job checks its generation and writes: what the jobs wrote.
    index_lock: Arc<Mutex<IndexWritten>>,
}

/// The index files an index job wrote, path → fingerprint: the next job writes only those
/// that differ (after a one-page edit most shards are the same, and writing a 26 MB index
/// whole is slow).
type IndexWritten = std::collections::BTreeMap<String, u64>;

/// Builds and writes the search index of one build, unless a newer build has started.
pub struct IndexJob {
    site: Site,
    analyses: Vec<Arc<Analysis>>,
    out: PathBuf,
    generation: u64,
    current: Arc<AtomicU64>,
    lock: Arc<Mutex<IndexWritten>>,
}

/// Tells a running index job that an input changed, so that its index is out of date before
/// it is done: it stops at once instead of competing for the cores with the next build.
#[derive(Clone)]
pub struct IndexStop(Arc<AtomicU64>);

impl IndexStop {
    pub fn now(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// How long `serve` waits without a change before it builds the search index. At 10 000
/// pages the index takes more than a second of both cores; begun straight after each save of
/// someone who saves every second, it was thrown away at the next save, and while it ran (or
/// its memory was handed back) that next build took a third longer (bench/README.md).
pub const INDEX_QUIET: Duration = Duration::from_millis(1500);

/// How often a job that waits for quiet looks whether a newer build has started.
const QUIET_STEP: Duration = Duration::from_millis(50);

impl IndexJob {
    /// Waits until nothing changed for `quiet`, then [`IndexJob::run`]s; false at once when
    /// a newer build (or an [`IndexStop`]) came first.
    pub fn run_when_quiet(self, quiet: Duration) -> io::Result<bool> {
        let until = Instant::now() + quiet;
        while Instant::now() < until {
            if self.is_stale() {
                return Ok(false);
            }
            std::thread::sleep(QUIET_STEP.min(until.saturating_duration_since(Instant::now())));
        }
        self.run()
    }

    fn is_stale(&self) -> bool {
        self.current.load(Ordering::SeqCst) != self.generation
    }

    /// True when the index was written, false when a newer build (or an [`IndexStop`]) made
    /// it useless. Such a build stops the work too, so that it does not compete for the cores
    /// with that build.
    pub fn run(self) -> io::Result<bool> {
        lower_priority();
        let stale = || self.is_stale();
        let Some(files) = crate::search::index_files(&self.site, &self.analyses, &stale) else {
            return Ok(false);
        };
        let mut written = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if stale() {
            return Ok(false);
        }
        // Shards first, the manifest that names them last; then the shards of the previous
        // index that this one no longer has, so the folder equals a fresh build's.
        let mut names = std::collections::HashSet::new();
        for (path, js) in files.iter().rev() {
            output::write_if_changed(&self.out, &mut written, path, js.as_bytes())?;
            names.insert(path.clone());
        }
        written.retain(|path, _| names.contains(path));
        let dir = self.out.join(SHARD_DIR);
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = format!("{SHARD_DIR}/{}", entry.file_name().to_string_lossy());
            if !names.contains(&path) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(true)
    }
}

/// The index job yields the cores to the builds that follow an edit: on Linux, the calling
/// thread (and the workers it starts, which inherit it) gets a lower scheduling priority.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority has no memory effects; with `who` 0 it changes the calling thread's
    // nice value only (Linux keeps it per thread), and a failure just leaves it as it was.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

impl Session {
    pub fn new(root: PathBuf, out: PathBuf) -> Session {
        Session::with_guard(root, out, crate::OutputGuard::Marked)
    }

    /// A session whose first build may replace an output folder leerrecht did not make,
    /// when the editor said so with `--force`; every later one finds leerrecht's marker.
    pub fn with_guard(root: PathBuf, out: PathBuf, guard: crate::OutputGuard) -> Session {
        Session {
            root,
            out,
            guard,
            cache: RenderCache::default(),
            pages: PageMemo::default(),
            written: None,
            generation: Arc::new(AtomicU64::new(0)),
            index_lock: Arc::new(Mutex::new(IndexWritten::new())),
        }
    }

    /// A handle to stop the running index job when an input changes.
    pub fn index_stop(&self) -> IndexStop {
        IndexStop(Arc::clone(&self.generation))
    }

    /// How many pages the last build read from disk (the others it remembered).
    pub fn pages_read(&self) -> usize {
        self.pages.pages_read()
    }

    /// Files someone removed from the output folder since the last build are written again:
    /// the writer and the index job forget them, and the cache no longer counts them as on disk.
    fn forget_removed_output(&mut self) {
        let Some(written) = &mut self.written else {
            return;
        };
        let missing = written.missing(&self.out);
        if missing.is_empty() {
            return;
        }
        let mut index = self.index_lock.lock().unwrap_or_else(|e| e.into_inner());
        for path in &missing {
            index.remove(path);
        }
        self.cache.not_on_disk(&missing);
    }

    /// Build after a change. A failing build writes nothing. When the returned job is Some,
    /// the pages are written and the job builds the search index.
    pub fn rebuild(&mut self) -> Result<(Report, Option<IndexJob>), Diagnostics> {
        let started = Instant::now();
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        crate::check_output_dir(&self.root, &self.out, self.guard)?;
        let (site, problems) = crate::load::load_remembering(&self.root, Some(&mut self.pages))
            .map_err(Diagnostics::sorted)?;
        self.forget_removed_output();
        let first = self.written.is_none();
        let options = RenderOptions {
            live_reload: true,
            defer_search: !first,
        };
        let rendered = crate::process(&site, problems, options, Some(&mut self.cache), None)?;
        let search = site.config.config.search;
        let files = match &mut self.written {
            None => {
                output::write(&self.out, &rendered.output)
                    .map_err(|e| write_error(&self.out, e))?;
                self.written = Some(
                    Written::of(&self.out, &rendered.output)
                        .map_err(|e| write_error(&self.out, e))?,
                );
                rendered.output.files.len()
            }
            Some(written) => {
                // The index job writes the index after the reload signal.
                let shards = format!("{SHARD_DIR}/");
                let keep =
                    |path: &str| search && (path == SEARCH_INDEX || path.starts_with(&shards));
                let count = output::write_changes(&self.out, &rendered.output, written, &keep)
                    .map_err(|e| write_error(&self.out, e))?;
                written.note_folders(&self.out);
                count
            }
        };
        self.cache.written();
        let report = Report {
            stats: rendered.stats,
            files,
            elapsed: started.elapsed(),
        };
        let job = (search && !first).then(|| IndexJob {
            site,
            analyses: rendered.analyses,
            out: self.out.clone(),
            generation,
            current: Arc::clone(&self.generation),
            lock: Arc::clone(&self.index_lock),
        });
        Ok((report, job))
    }
}
