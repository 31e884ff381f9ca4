//! Progress reporting without a terminal dependency: engines call a [`Progress`], the
//! binary draws it (indicatif) or ignores it.

/// Receives progress from long-running work. Implementations must be cheap and thread-safe.
pub trait Progress: Sync {
    /// A new phase starts (e.g. "walking", "hashing") with optional totals.
    fn phase(&self, name: &str, items: Option<u64>, bytes: Option<u64>);
    /// Work done since the last call.
    fn advance(&self, items: u64, bytes: u64);
    /// The current phase is over.
    fn finish(&self) {}
    /// What the current phase's items are, in the display ("files" unless said).
    fn items_are(&self, _unit: &'static str) {}
    /// One item of the phase (a file being copied) starts: `id` names it until
    /// [`Progress::item_done`], `bytes` is its size.
    fn item_start(&self, _id: u64, _name: &str, _bytes: u64) {}
    /// Bytes done on item `id` since the last call.
    fn item_advance(&self, _id: u64, _bytes: u64) {}
    /// Item `id` is finished (or failed).
    fn item_done(&self, _id: u64) {}
}

/// Progress that goes nowhere (quiet runs, tests, pipelines).
pub struct NoProgress;

impl Progress for NoProgress {
    fn phase(&self, _: &str, _: Option<u64>, _: Option<u64>) {}
    fn advance(&self, _: u64, _: u64) {}
}
