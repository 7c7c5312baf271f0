//! Which navigation page lists a template read while rendering one page, for `serve`'s cache
//! (see [`super::cache`]). The navigation objects ([`super::context::nav`]) note a read here;
//! the cache asks afterwards. A thread-local, because the navigation value is built once and
//! shared by every page, while each page renders on one thread from start to end.

use std::cell::RefCell;
use std::collections::BTreeSet;

thread_local! {
    static READS: RefCell<Option<BTreeSet<usize>>> = const { RefCell::new(None) };
}

/// A template read the page list of navigation entry `entry`.
pub(super) fn note(entry: usize) {
    READS.with(|reads| {
        if let Some(set) = reads.borrow_mut().as_mut() {
            set.insert(entry);
        }
    });
}

/// Run `render`, noting which navigation page lists it reads.
pub(super) fn noting<R>(render: impl FnOnce() -> R) -> (R, BTreeSet<usize>) {
    let previous = READS.with(|r| r.replace(Some(BTreeSet::new())));
    let result = render();
    let reads = READS.with(|r| r.replace(previous)).unwrap_or_default();
    (result, reads)
}
