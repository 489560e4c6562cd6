//! When work on a pair is worth handing to rayon's threads: below
//! [`SMALL_BYTES`] of text, starting the worker threads (the first parallel
//! call of a process starts them) and waking them costs a statement more
//! than they save, so small inputs are worked on the calling thread.

/// Texts of fewer bytes than this (both sides together) are worked on the
/// calling thread.
pub const SMALL_BYTES: usize = 64 * 1024;

/// `(a(), b())`, side by side on rayon's threads when `parallel`.
pub fn join<A, B, RA, RB>(parallel: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// Whether texts of `bytes` bytes are worth working on in parallel.
pub fn worth_it(bytes: usize) -> bool {
    bytes >= SMALL_BYTES
}
