//! `resync run`: process the queue, highest priority first, in batches. Each request is
//! copied from its source into a temporary file beside the target (hashing while copying,
//! reading every chunk back), verified, and made durable with the rest of its batch; only
//! then is it renamed over the target, so an interrupted run never leaves a half-written
//! file under the real name.
//!
//! Resume: when the catalog holds the source's BLAKE3 for its current size and mtime, the
//! longest shorter local copy (the target itself or a leftover partial) is reused as a
//! prefix and only the missing bytes are read from the source. The prefix is not compared
//! with the source up front (that would read it again); the whole result must hash to the
//! recorded source digest, and when it does not the request is retried without resume.
//!
//! Failures from the source (a dropped mount) and verification failures are retried with
//! exponential backoff; a full destination fails the request at once.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

mod copy;
mod land;

use super::store::{self, Outcome, Request};
use crate::catalog::{now_secs, Catalog, Stat};
use crate::paths;
use crate::progress::Progress;
use copy::{recorded_source_hash, resume_candidate, Throttle};
use land::{finish_batch, start_batch, Copying};

/// How to run the queue.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Retries after the first attempt.
    pub retries: u32,
    /// Base of the exponential backoff between attempts.
    pub backoff: Duration,
    /// Reuse a verified prefix of an interrupted copy.
    pub resume: bool,
    /// Where replaced local files are kept, and for how long.
    pub backup: crate::resync::backup::Policy,
    /// Total read rate limit from the sources, bytes per second.
    pub bwlimit: Option<u64>,
    /// Copies at once.
    pub jobs: usize,
    /// Show what would be copied; change nothing.
    pub dry_run: bool,
    /// Only requests for files below this local folder.
    pub under: Option<PathBuf>,
    /// Leave the requests below these local folders for later (their source is not there).
    pub skip: Vec<PathBuf>,
    /// A source modified less than this long ago is still changing: not copied yet.
    pub settle: Duration,
}

/// The longest wait between two attempts.
pub const BACKOFF_CAP: Duration = Duration::from_secs(60);

impl RunOptions {
    /// The wait before attempt `n` (1 = the first retry).
    pub fn delay(&self, n: u32) -> Duration {
        let factor = 2f64.powi(n.saturating_sub(1).min(30) as i32);
        self.backoff.mul_f64(factor).min(BACKOFF_CAP)
    }
}

/// What a run reports as it goes.
pub enum RunEvent {
    /// One request finished (or, dry run, would be processed).
    Result(Outcome),
    /// Something worth knowing (waiting for the lock, a leftover not removed).
    Warning(String),
}

/// Totals of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunSummary {
    pub run_id: Option<i64>,
    pub dry_run: bool,
    pub requests: u64,
    pub done: u64,
    pub failed: u64,
    /// Requests that kept their local file: its source fails the container check it passes.
    pub source_broken: u64,
    /// Requests left for a later run: their source is still changing.
    pub deferred: u64,
    /// Replaced local files kept as backups by this run.
    pub backups_kept: u64,
    /// Expired backups this run removed.
    pub backups_pruned: u64,
    pub bytes: u64,
    pub read_from_source: u64,
    pub resumed_bytes: u64,
    pub elapsed_secs: f64,
}

impl RunSummary {
    /// Count an outcome by its status (a planned one counts in none).
    fn count(&mut self, o: &Outcome) {
        self.backups_kept += u64::from(o.backup.is_some());
        match o.status.as_str() {
            "done" => self.done += 1,
            "source_broken" => self.source_broken += 1,
            "deferred" => self.deferred += 1,
            "failed" => self.failed += 1,
            _ => {}
        }
    }
}

struct Shared<'a> {
    cat: Mutex<&'a mut Catalog>,
    /// Destination folders known to exist (each is created or checked once per run).
    folders: Mutex<std::collections::HashSet<PathBuf>>,
    run: i64,
    opts: &'a RunOptions,
    progress: &'a dyn Progress,
    throttle: Throttle,
}

impl Shared<'_> {
    fn cat<T>(&self, f: impl FnOnce(&mut Catalog) -> Result<T>) -> Result<T> {
        let mut g = self.cat.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut g)
    }

    /// Like [`Shared::cat`], in one transaction: a handful of small writes per file would
    /// otherwise cost a commit each, which dominates runs over many small files.
    fn tx<T>(&self, f: impl FnOnce(&Catalog) -> Result<T>) -> Result<T> {
        self.cat(|c| {
            c.conn().execute_batch("BEGIN IMMEDIATE")?;
            match f(c) {
                Ok(v) => {
                    c.conn().execute_batch("COMMIT")?;
                    Ok(v)
                }
                Err(e) => {
                    let _ = c.conn().execute_batch("ROLLBACK");
                    Err(e)
                }
            }
        })
    }
}

/// Process the queue (see the module doc). The caller holds no lock; this takes the
/// catalog's act lock for the whole run (not for a dry run).
pub fn run(
    cat: &mut Catalog,
    opts: &RunOptions,
    progress: &dyn Progress,
    on_event: &(dyn Fn(RunEvent) + Sync),
) -> Result<RunSummary> {
    let started = Instant::now();
    let mut sum = RunSummary {
        dry_run: opts.dry_run,
        ..RunSummary::default()
    };
    if opts.dry_run {
        let mut reqs = store::requests(cat, store::OPEN_STATES, opts.under.as_deref())?;
        reqs.retain(|r| !opts.skip.iter().any(|d| r.path.starts_with(d)));
        for r in reqs {
            sum.requests += 1;
            let o = plan(cat, &r, opts);
            sum.count(&o);
            sum.bytes += o.bytes;
            sum.read_from_source += o.read_from_source;
            sum.resumed_bytes += o.resumed_from;
            on_event(RunEvent::Result(o));
        }
        sum.elapsed_secs = started.elapsed().as_secs_f64();
        return Ok(sum);
    }
    let _lock = cat.lock("plexsync resync run", &|msg| {
        on_event(RunEvent::Warning(msg.to_string()))
    })?;
    // Read the queue under the lock: a run that just finished may have emptied it.
    let mut reqs = store::requests(cat, store::OPEN_STATES, opts.under.as_deref())?;
    reqs.retain(|r| !opts.skip.iter().any(|d| r.path.starts_with(d)));
    // Under the lock no other run is active: one still `running` was killed.
    cat.conn().execute(
        "UPDATE runs SET state = 'interrupted', finished_at = ?1
         WHERE engine = 'resync' AND state = 'running'",
        [now_secs()],
    )?;
    let run_id = cat.begin_run("resync", "resync run")?;
    cat.set_run_planned(run_id, reqs.len() as u64)?;
    sum.run_id = Some(run_id);
    // Backups a killed run left half made are settled; then every run prunes the backups
    // whose retention has passed, even with nothing queued.
    crate::resync::backup::settle_pending(cat)?;
    let (pruned, warnings) = crate::resync::backup::prune(cat, run_id, opts.backup.days)?;
    sum.backups_pruned = pruned;
    for w in warnings {
        on_event(RunEvent::Warning(w));
    }
    sum.requests = reqs.len() as u64;
    // The sources' sizes, for batches and progress: stats on both cores.
    let sizes: Vec<u64> = reqs
        .par_iter()
        .map(|r| {
            r.source
                .as_deref()
                .and_then(|s| std::fs::metadata(s).ok())
                .map_or(0, |m| m.len())
        })
        .collect();
    let total: u64 = sizes.iter().sum();
    progress.phase("copying", Some(reqs.len() as u64), Some(total));
    let shared = Shared {
        cat: Mutex::new(cat),
        folders: Mutex::default(),
        run: run_id,
        opts,
        progress,
        throttle: Throttle {
            limit: opts.bwlimit,
            state: Mutex::new((Instant::now(), 0)),
        },
    };
    let workers = opts.jobs.max(1);
    // Two batches in flight: while one is made durable, renamed and recorded (mostly
    // waiting on the disk and the catalog), the next one is being copied.
    std::thread::scope(|s| {
        let (to_finisher, copied) = std::sync::mpsc::sync_channel::<Copying>(0);
        let shared = &shared;
        let sum = &mut sum;
        let finisher = s.spawn(move || {
            for batch in copied {
                for o in finish_batch(shared, batch) {
                    sum.count(&o);
                    sum.bytes += o.bytes;
                    sum.read_from_source += o.read_from_source;
                    sum.resumed_bytes += o.resumed_from;
                    progress.advance(1, 0);
                    on_event(RunEvent::Result(o));
                }
            }
        });
        for batch in batches(&reqs, &sizes) {
            if to_finisher
                .send(start_batch(shared, batch, workers))
                .is_err()
            {
                break;
            }
        }
        drop(to_finisher);
        if finisher.join().is_err() {
            eprintln!("plexsync: the thread recording results stopped unexpectedly");
        }
    });
    progress.finish();
    let failed = sum.failed + sum.source_broken > 0;
    let cat = shared.cat.into_inner().unwrap_or_else(|e| e.into_inner());
    cat.finish_run(run_id, if failed { "failed" } else { "done" })?;
    sum.elapsed_secs = started.elapsed().as_secs_f64();
    Ok(sum)
}

fn plan(cat: &Catalog, r: &Request, opts: &RunOptions) -> Outcome {
    let mut o = outcome(r);
    o.status = "planned".into();
    let Some(src) = r.source.as_deref() else {
        o.error = Some("no source known for this file".into());
        return o;
    };
    match std::fs::metadata(src) {
        Ok(m) => {
            let st = Stat::from_metadata(&m);
            // What the run would decide, so a dry run shows it.
            let replaces = std::fs::symlink_metadata(&r.path).is_ok();
            if let Err(f) = copy::judge(r, src, &st, replaces, opts.settle) {
                o.status = f.status().into();
                o.error = Some(f.message());
                return o;
            }
            o.bytes = st.size;
            o.read_from_source = st.size;
            let rec = store::synced(cat, &r.path).ok().flatten();
            if opts.resume && recorded_source_hash(rec.as_ref(), src, &st).is_some() {
                if let Some((_, n)) = resume_candidate(&r.path, st.size) {
                    o.resumed_from = n;
                    o.read_from_source = st.size - n;
                }
            }
        }
        Err(e) => o.error = Some(format!("source {}: {e}", paths::display(src))),
    }
    o
}

fn outcome(r: &Request) -> Outcome {
    Outcome {
        id: Some(r.id),
        path: r.path.clone(),
        source: r.source.clone(),
        reason: r.reason.clone(),
        status: String::new(),
        bytes: 0,
        read_from_source: 0,
        resumed_from: 0,
        attempts: 0,
        verified: false,
        duration_secs: 0.0,
        error: None,
        backup: None,
    }
}

/// Requests per batch, and bytes: a batch is copied, made durable by one `syncfs`, renamed
/// into place and recorded in one catalog transaction. A per-file fsync and two commits
/// per file made a run over thousands of small files ten times slower than `cp`.
const BATCH_FILES: usize = 256;
const BATCH_BYTES: u64 = 512 << 20;

/// Split the queue into batches, in queue order (a batch holds at least one request).
/// `sizes` are the sources' sizes, one per request.
fn batches<'a>(reqs: &'a [Request], sizes: &[u64]) -> Vec<&'a [Request]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, &size) in sizes.iter().enumerate().take(reqs.len()) {
        if i > start && (i - start >= BATCH_FILES || bytes + size > BATCH_BYTES) {
            out.push(&reqs[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < reqs.len() {
        out.push(&reqs[start..]);
    }
    out
}

/// Indexes `0..len` shared out among workers: worker `w` takes its own run of them in
/// order, then helps with the others' runs. Each index is handed out once.
struct Runs {
    /// Where each run starts, and `len` at the end.
    bounds: Vec<usize>,
    /// The next index of each run.
    cursors: Vec<AtomicUsize>,
}

impl Runs {
    fn new(len: usize, workers: usize) -> Runs {
        let n = workers.min(len).max(1);
        let bounds: Vec<usize> = (0..=n).map(|w| w * len / n).collect();
        let cursors = bounds[..n].iter().map(|&b| AtomicUsize::new(b)).collect();
        Runs { bounds, cursors }
    }

    fn workers(&self) -> usize {
        self.cursors.len()
    }

    /// The next index for worker `w`, if any is left.
    fn next(&self, w: usize) -> Option<usize> {
        let n = self.workers();
        (0..n).map(|k| (w + k) % n).find_map(|run| {
            let i = self.cursors[run].fetch_add(1, Ordering::Relaxed);
            (i < self.bounds[run + 1]).then_some(i)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(backoff: f64) -> RunOptions {
        RunOptions {
            retries: 3,
            backoff: Duration::from_secs_f64(backoff),
            resume: true,
            backup: Default::default(),
            bwlimit: None,
            jobs: 1,
            dry_run: false,
            under: None,
            skip: Vec::new(),
            settle: Duration::ZERO,
        }
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let o = opts(1.0);
        assert_eq!(o.delay(1), Duration::from_secs(1));
        assert_eq!(o.delay(2), Duration::from_secs(2));
        assert_eq!(o.delay(4), Duration::from_secs(8));
        assert_eq!(o.delay(40), BACKOFF_CAP);
        assert_eq!(opts(0.0).delay(3), Duration::ZERO);
    }

    #[test]
    fn workers_start_on_runs_of_their_own_and_share_the_rest() {
        let runs = Runs::new(10, 2);
        assert_eq!(runs.workers(), 2);
        assert_eq!((runs.next(0), runs.next(1)), (Some(0), Some(5)));
        assert_eq!((runs.next(0), runs.next(1)), (Some(1), Some(6)));
        // Worker 1 finishes its run, then helps with worker 0's.
        let mine: Vec<usize> = std::iter::from_fn(|| runs.next(1)).collect();
        assert_eq!(mine, vec![7, 8, 9, 2, 3, 4]);
        assert_eq!(runs.next(0), None);
        // More workers than indexes, and none at all.
        assert_eq!(Runs::new(1, 4).workers(), 1);
        assert_eq!(Runs::new(0, 2).next(0), None);
        // From many threads, every index exactly once.
        let runs = Runs::new(1000, 3);
        let taken: Vec<Vec<usize>> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..3)
                .map(|w| {
                    let runs = &runs;
                    s.spawn(move || std::iter::from_fn(|| runs.next(w)).collect())
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut all: Vec<usize> = taken.concat();
        all.sort_unstable();
        assert_eq!(all, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn batches_split_by_count_and_by_bytes() {
        let req = |id: i64, source: Option<PathBuf>| Request {
            id,
            path: PathBuf::from(format!("/nowhere/{id}")),
            source,
            reason: "missing".into(),
            priority: 2,
            attempts: 0,
            last_error: None,
            state: "pending".into(),
            created_at: 0,
            updated_at: 0,
            usage_score: None,
            root: None,
            seen: None,
        };
        let many: Vec<Request> = (0..600).map(|i| req(i, None)).collect();
        let sizes: Vec<usize> = batches(&many, &[0; 600]).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [256, 256, 88]);
        // 300 MiB each: no two fit in one 512 MiB batch; tiny ones join.
        let reqs: Vec<Request> = (0..5).map(|i| req(i, None)).collect();
        let lens = [300u64 << 20, 300 << 20, 10, 10, 300 << 20];
        let sizes: Vec<usize> = batches(&reqs, &lens).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [1, 3, 1]);
        assert!(batches(&[], &[]).is_empty());
    }
}
