//! The default handbook, compiled into the binary: `leerrecht new` writes it out, and its
//! templates stand in for any template a site does not provide.

include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

/// Files of the embedded site below `dir`, as (path inside `dir`, bytes).
pub fn files_under(dir: &str) -> impl Iterator<Item = (&'static str, &'static [u8])> + '_ {
    FILES.iter().filter_map(move |(path, bytes)| {
        let rest = path.strip_prefix(dir)?.strip_prefix('/')?;
        Some((rest, *bytes))
    })
}
