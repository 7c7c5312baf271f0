//! A fast, non-cryptographic fingerprint of any hashable value: what `serve` uses to tell
//! whether an input or an output file changed since the last build.

use std::hash::{DefaultHasher, Hash, Hasher};

pub fn hash_of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
