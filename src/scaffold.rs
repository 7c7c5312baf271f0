//! `leerrecht new`: write the built-in handbook to a new folder to start from.

use std::io;
use std::path::Path;

use crate::embedded::FILES;

/// Write every embedded file below `dir`. Refuses a folder that already has files in it, so
/// nobody's work is overwritten.
pub fn new_site(dir: &Path) -> io::Result<usize> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "de map {} bestaat al en is niet leeg; kies een nieuwe map",
                dir.display()
            ),
        ));
    }
    for (rel, bytes) in FILES {
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)?;
    }
    Ok(FILES.len())
}
