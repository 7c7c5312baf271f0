//! What `serve` remembers of the pages it read, so that after an edit only the files that
//! changed are read and parsed again: at 10 000 pages, reading and parsing every front matter
//! is most of a rebuild, while asking the file system whether a file changed is cheap.
//!
//! A file is taken as unchanged when its length, modification time and (on Unix) change time
//! and inode are what they were. A write can leave the modification time as it was when it
//! falls in the same clock tick as the read before it, so a file is only remembered when it
//! had not been changed for [`SETTLED`] when it was read; a file that was just saved is read
//! again next time too. The change time cannot be set back by tools that keep a modification
//! time (`cp -p`, `touch -r`), so such a copy is noticed as well.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::front_matter::Split;
use super::source::SourceFile;

/// How long a file must have been left alone before its stamp is trusted.
const SETTLED: Duration = Duration::from_secs(2);

/// What the file system says about a file, enough to tell that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    changed: (i64, i64),
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            changed: (meta.ctime(), meta.ctime_nsec()),
            #[cfg(unix)]
            inode: meta.ino(),
        })
    }

    /// Whether the file had been left alone long enough before `now` to trust this stamp.
    fn settled(&self, now: SystemTime) -> bool {
        #[cfg(unix)]
        let changed = SystemTime::UNIX_EPOCH
            .checked_add(Duration::new(
                self.changed.0.max(0) as u64,
                self.changed.1.clamp(0, 999_999_999) as u32,
            ))
            .unwrap_or(now);
        #[cfg(not(unix))]
        let changed = self.modified.unwrap_or(now);
        let latest = self.modified.map_or(changed, |m| m.max(changed));
        now.duration_since(latest).is_ok_and(|age| age >= SETTLED)
    }
}

/// A page file as read and parsed, with the stamp it had.
#[derive(Clone)]
pub struct Remembered {
    pub stamp: Stamp,
    pub file: SourceFile,
    pub split: Split,
}

/// The pages of the last build, by path relative to the site root.
#[derive(Default)]
pub struct PageMemo {
    files: HashMap<PathBuf, Remembered>,
    /// How many pages the last build read from disk (the rest came from here).
    read: usize,
}

impl PageMemo {
    /// The file as read before, if it has not changed since.
    pub fn get(&self, rel: &Path, stamp: Option<Stamp>) -> Option<(SourceFile, Split)> {
        let kept = self.files.get(rel)?;
        (Some(kept.stamp) == stamp).then(|| (kept.file.clone(), kept.split.clone()))
    }

    /// How many pages the last build read from disk; the others came from the memo.
    pub fn pages_read(&self) -> usize {
        self.read
    }

    /// After a build that read `fresh` from disk (each with what it gave, None when it could
    /// not be read or parsed) and found the pages at `all`: remember the fresh files that
    /// had settled at `now`, and forget the pages that are gone.
    pub fn update(
        &mut self,
        fresh: Vec<(&Path, Option<Remembered>)>,
        all: &[&Path],
        now: SystemTime,
    ) {
        self.read = fresh.len();
        for (path, read) in fresh {
            match read.filter(|r| r.stamp.settled(now)) {
                Some(r) => self.files.insert(path.to_path_buf(), r),
                None => self.files.remove(path),
            };
        }
        if self.files.len() > all.len() {
            let present: std::collections::HashSet<&Path> = all.iter().copied().collect();
            self.files
                .retain(|path, _| present.contains(path.as_path()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_saved_just_now_is_not_trusted_a_settled_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "x").unwrap();
        let stamp = Stamp::of(&path).unwrap();
        let now = SystemTime::now();
        assert!(!stamp.settled(now));
        assert!(stamp.settled(now + SETTLED + Duration::from_millis(10)));
    }

    #[test]
    fn a_rewrite_of_the_same_length_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "aaa").unwrap();
        let before = Stamp::of(&path).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "bbb").unwrap();
        assert_ne!(Stamp::of(&path), Some(before));
    }
}
