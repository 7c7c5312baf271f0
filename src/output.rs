//! Stage 4, write: the finished site in memory, written beside the old output and swapped in
//! only when complete. A failing or interrupted build never leaves a half-written folder.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// One file of the site to be.
pub enum OutputFile {
    Bytes(Vec<u8>),
    /// Copied from this input file when written (images need not pass through memory).
    Copy(PathBuf),
}

#[derive(Default)]
pub struct Output {
    pub files: BTreeMap<String, OutputFile>,
    /// Pages the dev server's cache handed back unchanged, with their fingerprints: they are
    /// on disk already as the last build wrote them, so they are neither copied nor hashed.
    pub kept: BTreeMap<String, u64>,
}

impl Output {
    /// Add a file; every path is planned once in the validate stage, so none comes twice.
    pub fn insert(&mut self, path: String, file: OutputFile) {
        self.files.insert(path, file);
    }
}

/// What the dev server last wrote to its output folder.
#[derive(Default)]
pub struct Written {
    /// Path → fingerprint of the contents.
    prints: BTreeMap<String, u64>,
    /// The modification time of every folder it wrote into, taken after writing.
    folders: BTreeMap<String, Option<std::time::SystemTime>>,
}

impl Written {
    /// The fingerprints of everything in `output`, as just written whole to `out_dir`.
    pub fn of(out_dir: &Path, output: &Output) -> io::Result<Written> {
        let mut map = output.kept.clone();
        for (path, file) in &output.files {
            map.insert(path.clone(), crate::fingerprint::hash_of(&*contents(file)?));
        }
        let mut written = Written {
            prints: map,
            folders: BTreeMap::new(),
        };
        written.note_folders(out_dir);
        Ok(written)
    }

    /// Remember the folders' modification times, after writing: removing a file changes its
    /// folder's time, so a later look at ~200 folders finds what someone deleted by hand.
    pub fn note_folders(&mut self, out_dir: &Path) {
        let folders: std::collections::BTreeSet<&str> =
            self.prints.keys().map(|p| folder_of(p)).collect();
        self.folders = folders
            .into_iter()
            .map(|f| (f.to_string(), folder_time(out_dir, f)))
            .collect();
    }

    /// Files written earlier that are no longer on disk (someone removed them), forgotten here
    /// so they are written again. Only the folders whose time changed are looked into.
    pub fn missing(&mut self, out_dir: &Path) -> Vec<String> {
        let changed: std::collections::BTreeSet<&str> = self
            .folders
            .iter()
            .filter(|(f, time)| folder_time(out_dir, f) != **time)
            .map(|(f, _)| f.as_str())
            .collect();
        if changed.is_empty() {
            return Vec::new();
        }
        let gone: Vec<String> = self
            .prints
            .keys()
            .filter(|p| changed.contains(folder_of(p)) && !out_dir.join(p).is_file())
            .cloned()
            .collect();
        for path in &gone {
            self.prints.remove(path);
        }
        gone
    }
}

fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

fn folder_time(out_dir: &Path, folder: &str) -> Option<std::time::SystemTime> {
    std::fs::metadata(out_dir.join(folder))
        .and_then(|m| m.modified())
        .ok()
}

/// The bytes of an output file; a copied file is read from its source.
fn contents(file: &OutputFile) -> io::Result<Cow<'_, [u8]>> {
    Ok(match file {
        OutputFile::Bytes(bytes) => Cow::Borrowed(bytes.as_slice()),
        OutputFile::Copy(source) => Cow::Owned(std::fs::read(source)?),
    })
}

/// Bring `out_dir` from what `written` says it holds to `output`, for the dev server: only
/// the files that changed are written, each through a temporary file and a rename so that a
/// browser never reads half a page, and files that are no longer part of the site are removed.
/// Paths `keep` accepts are left alone (the search index, written later). Returns how many files
/// were written.
pub fn write_changes(
    out_dir: &Path,
    output: &Output,
    written: &mut Written,
    keep: &dyn Fn(&str) -> bool,
) -> io::Result<usize> {
    let mut count = 0;
    for (path, file) in &output.files {
        // A copied file is read once, for its fingerprint and, when it changed, for writing.
        // A file removed by hand is no longer in `written` ([`Written::missing`]).
        if write_if_changed(out_dir, &mut written.prints, path, &contents(file)?)? {
            count += 1;
        }
    }
    // Kept pages are on disk as `written` says; what is in neither list is no longer part of
    // the site (unless `keep` says it stays).
    let gone: Vec<String> = written
        .prints
        .keys()
        .filter(|p| !output.files.contains_key(*p) && !output.kept.contains_key(*p) && !keep(p))
        .cloned()
        .collect();
    for path in gone {
        let _ = std::fs::remove_file(out_dir.join(&path));
        written.prints.remove(&path);
    }
    Ok(count)
}

/// Write `bytes` to `path` unless `prints` says the file on disk has them already; true when
/// it was written. The old fingerprint is forgotten first: should the write fail, the next
/// build writes the file again.
pub fn write_if_changed(
    out_dir: &Path,
    prints: &mut BTreeMap<String, u64>,
    path: &str,
    bytes: &[u8],
) -> io::Result<bool> {
    let print = crate::fingerprint::hash_of(bytes);
    if prints.get(path) == Some(&print) {
        return Ok(false);
    }
    prints.remove(path);
    write_file(out_dir, path, bytes)?;
    prints.insert(path.to_string(), print);
    Ok(true)
}

/// Write one file of the output in place, atomically: a temporary file beside it, renamed.
pub fn write_file(out_dir: &Path, path: &str, bytes: &[u8]) -> io::Result<()> {
    let target = out_dir.join(path);
    let dir = target.parent().unwrap_or(out_dir);
    std::fs::create_dir_all(dir)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.nieuw-{}", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, &target)
}

/// The file in every output folder that says leerrecht made it, so a later build may replace
/// it whole; a folder without it is someone else's, and is not replaced without `--force`.
pub const MARKER: &str = ".leerrecht-uitvoer";

const MARKER_TEXT: &str = "Deze map is gemaakt door leerrecht en wordt bij elke build in zijn geheel vervangen.\nZet hier dus niets neer dat je wilt bewaren.\n";

/// True when `out_dir` may be replaced: it does not exist, is an empty folder, or holds the
/// marker.
pub fn is_replaceable(out_dir: &Path) -> bool {
    match std::fs::symlink_metadata(out_dir) {
        Err(_) => true,
        Ok(meta) if meta.is_dir() => {
            out_dir.join(MARKER).is_file()
                || std::fs::read_dir(out_dir).is_ok_and(|mut entries| entries.next().is_none())
        }
        Ok(_) => false,
    }
}

/// Held while a build writes into an output folder: a second build into the same folder
/// waits until the first has swapped its output in (without it, one removed the other's
/// half-written staging folder). The lock is on the folder that holds the output, so it
/// leaves no file behind; it is released when the handle is closed.
fn lock(parent: &Path) -> io::Result<std::fs::File> {
    let dir = std::fs::File::open(parent)?;
    #[cfg(target_os = "linux")]
    rustix::fs::flock(&dir, rustix::fs::FlockOperation::LockExclusive)?;
    Ok(dir)
}

/// Write `output` to `out_dir`, replacing what was there in one step.
pub fn write(out_dir: &Path, output: &Output) -> io::Result<()> {
    Staging::open(out_dir)?.finish(output).map(|_| ())
}

/// A new output folder being filled beside the previous one: pages are written into it as
/// they are rendered (so a large site never sits in memory whole), the rest at [`finish`];
/// only then is it swapped in. Dropped unfinished (a build that failed), it is removed and the
/// previous output stays as it was.
///
/// [`finish`]: Staging::finish
pub struct Staging {
    dir: PathBuf,
    out_dir: PathBuf,
    parent: PathBuf,
    name: String,
    /// Held until the swap: a second build into the same folder waits (see [`lock`]).
    _lock: std::fs::File,
    written: std::sync::atomic::AtomicUsize,
    finished: bool,
}

impl Staging {
    /// Take the lock on the output's parent folder and start an empty staging folder.
    pub fn open(out_dir: &Path) -> io::Result<Staging> {
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let name = out_dir
            .file_name()
            .ok_or_else(|| {
                io::Error::new(io::ErrorKind::InvalidInput, "de uitvoermap heeft geen naam")
            })?
            .to_string_lossy()
            .to_string();
        let lock = lock(&parent)?;
        let dir = parent.join(format!(".{name}.nieuw-{}", std::process::id()));
        remove_stale(&parent, &name)?;
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            out_dir: out_dir.to_path_buf(),
            parent,
            name,
            _lock: lock,
            written: std::sync::atomic::AtomicUsize::new(0),
            finished: false,
        })
    }

    /// Write one file into the staging folder now; safe from many threads at once.
    pub fn put(&self, path: &str, file: &OutputFile) -> io::Result<()> {
        write_one(&self.dir, path, file)?;
        self.written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Write the rest of the output and the marker, and swap the folder in. Returns how many
    /// files the output holds, those written by [`Staging::put`] included.
    pub fn finish(mut self, rest: &Output) -> io::Result<usize> {
        write_all(&self.dir, rest)?;
        std::fs::write(self.dir.join(MARKER), MARKER_TEXT)?;
        swap_in(&self.dir, &self.out_dir, &self.parent, &self.name)?;
        self.finished = true;
        Ok(self.written.load(std::sync::atomic::Ordering::Relaxed) + rest.files.len())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Write every file below `dir`. Creating files is most of a large build's time, mostly in
/// the kernel, so all cores share the work.
fn write_all(dir: &Path, output: &Output) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let files: Vec<(&String, &OutputFile)> = output.files.iter().collect();
    crate::parallel::map(&files, |(path, file)| write_one(dir, path, file))
        .map_err(|e| io::Error::other(e.to_string()))?
        .into_iter()
        .collect()
}

fn write_one(dir: &Path, path: &str, file: &OutputFile) -> io::Result<()> {
    let target = dir.join(path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    match file {
        OutputFile::Bytes(bytes) => std::fs::write(&target, bytes),
        OutputFile::Copy(source) => std::fs::copy(source, &target).map(|_| ()),
    }
}

/// Replace `out_dir` by `staging`. On Linux both directories swap places atomically; other
/// systems get two renames in a row.
fn swap_in(staging: &Path, out_dir: &Path, parent: &Path, name: &str) -> io::Result<()> {
    if !out_dir.exists() {
        return std::fs::rename(staging, out_dir);
    }
    if exchange(staging, out_dir).is_ok() {
        // `staging` now holds the previous output.
        return std::fs::remove_dir_all(staging);
    }
    let old = parent.join(format!(".{name}.oud-{}", std::process::id()));
    std::fs::rename(out_dir, &old)?;
    if let Err(e) = std::fs::rename(staging, out_dir) {
        std::fs::rename(&old, out_dir)?;
        return Err(e);
    }
    std::fs::remove_dir_all(&old)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

/// Staging folders of builds that were killed midway hold nothing anyone needs.
fn remove_stale(parent: &Path, name: &str) -> io::Result<()> {
    let prefixes = [format!(".{name}.nieuw-"), format!(".{name}.oud-")];
    for entry in std::fs::read_dir(parent)?.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_previous_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut first = Output::default();
        first.insert("a.html".into(), OutputFile::Bytes(b"een".to_vec()));
        first.insert("oud/b.html".into(), OutputFile::Bytes(b"b".to_vec()));
        write(&out, &first).unwrap();
        let mut second = Output::default();
        second.insert("a.html".into(), OutputFile::Bytes(b"twee".to_vec()));
        write(&out, &second).unwrap();
        assert_eq!(std::fs::read(out.join("a.html")).unwrap(), b"twee");
        assert!(!out.join("oud").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, ["public"]);
    }
}
