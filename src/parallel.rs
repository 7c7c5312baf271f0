//! Work spread over the machine's cores: scoped threads over chunks of a list, as many as
//! the machine has (not a fixed two), in order. A worker that panics is reported as an
//! internal error instead of being swallowed or taking the whole build down.

use std::num::NonZeroUsize;
use std::thread;

/// How many threads to use: the cores the operating system gives this process.
pub fn threads() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// A worker thread panicked: a bug in leerrecht, not in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerPanicked(pub String);

impl std::fmt::Display for WorkerPanicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "interne fout in leerrecht: een werkthread is gestopt ({})",
            self.0
        )
    }
}

/// The text of a panic's payload.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "onbekende oorzaak".to_string())
}

/// `f` over every item, the results in the items' order.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> Result<Vec<R>, WorkerPanicked> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    // Even on one core the work runs on a scoped thread, so a panic is caught the same way.
    let threads = threads().min(items.len());
    let size = items.len().div_ceil(threads);
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| scope.spawn(|| chunk.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        let mut all = Vec::with_capacity(items.len());
        for handle in handles {
            let part = handle
                .join()
                .map_err(|payload| WorkerPanicked(panic_text(&*payload)))?;
            all.extend(part);
        }
        Ok(all)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = map(&items, |n| n * 2).expect("no panic");
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(
            map(&[] as &[u32], |n| *n).expect("no panic"),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn a_panicking_worker_is_an_error() {
        let items: Vec<u32> = (0..100).collect();
        let result = map(&items, |&n| {
            if n == 77 {
                panic!("boem");
            }
            n
        });
        let err = result.expect_err("a panic is reported");
        assert!(err.0.contains("boem"), "{err}");
    }
}
