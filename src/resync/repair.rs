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

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, UNIX_EPOCH};

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use super::store::{self, Outcome, Request, Synced};
use super::{leftovers, Reason};
use crate::catalog::{now_secs, Catalog, Stat};
use crate::fsops;
use crate::hash;
use crate::paths;
use crate::progress::Progress;

/// How to run the queue.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Retries after the first attempt.
    pub retries: u32,
    /// Base of the exponential backoff between attempts.
    pub backoff: Duration,
    /// Reuse a verified prefix of an interrupted copy.
    pub resume: bool,
    /// Keep replaced copies here (same relative path below it).
    pub backup_dir: Option<PathBuf>,
    /// Total read rate limit from the sources, bytes per second.
    pub bwlimit: Option<u64>,
    /// Copies at once.
    pub jobs: usize,
    /// Show what would be copied; change nothing.
    pub dry_run: bool,
    /// Only requests for files below this local folder.
    pub under: Option<PathBuf>,
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
    pub bytes: u64,
    pub read_from_source: u64,
    pub resumed_bytes: u64,
    pub elapsed_secs: f64,
}

/// A failed attempt: retry it, or give up on the request now.
enum Fail {
    Retry { msg: String, verification: bool },
    Fatal(String),
}

fn retry(msg: impl Into<String>) -> Fail {
    Fail::Retry {
        msg: msg.into(),
        verification: false,
    }
}

fn verify_fail(msg: impl Into<String>) -> Fail {
    Fail::Retry {
        msg: msg.into(),
        verification: true,
    }
}

struct Done {
    /// What to record for the new local file, and its stat.
    row: Synced,
    local: Stat,
    size: u64,
    read: u64,
    resumed: u64,
    backup: Option<PathBuf>,
}

/// Shared read-rate limiter: sleeps so the total rate stays under the limit.
struct Throttle {
    limit: Option<u64>,
    state: Mutex<(Instant, u64)>,
}

impl Throttle {
    fn take(&self, n: u64) {
        let Some(limit) = self.limit.filter(|l| *l > 0) else {
            return;
        };
        let wait = {
            let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
            st.1 += n;
            let due = Duration::from_secs_f64(st.1 as f64 / limit as f64);
            due.saturating_sub(st.0.elapsed())
        };
        if !wait.is_zero() {
            std::thread::sleep(wait);
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
        let reqs = store::requests(cat, store::OPEN_STATES, opts.under.as_deref())?;
        for r in reqs {
            sum.requests += 1;
            let o = plan(cat, &r, opts);
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
    let reqs = store::requests(cat, store::OPEN_STATES, opts.under.as_deref())?;
    // Under the lock no other run is active: one still `running` was killed.
    cat.conn().execute(
        "UPDATE runs SET state = 'interrupted', finished_at = ?1
         WHERE engine = 'resync' AND state = 'running'",
        [now_secs()],
    )?;
    let run_id = cat.begin_run("resync", "resync run")?;
    sum.run_id = Some(run_id);
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
                    if o.status == "done" {
                        sum.done += 1;
                    } else {
                        sum.failed += 1;
                    }
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
    let failed = sum.failed > 0;
    let cat = shared.cat.into_inner().unwrap_or_else(|e| e.into_inner());
    cat.finish_run(run_id, if failed { "failed" } else { "done" })?;
    sum.elapsed_secs = started.elapsed().as_secs_f64();
    Ok(sum)
}

fn recorded_source_hash(rec: Option<&Synced>, src: &Path, st: &Stat) -> Option<hash::Blake3> {
    rec.filter(|r| r.source == src && r.source_size == st.size && r.source_mtime_ns == st.mtime_ns)
        .and_then(|r| r.source_blake3)
}

/// The longest regular file among the target and its leftovers that is shorter than the
/// source and not empty: a candidate prefix.
fn resume_candidate(target: &Path, source_size: u64) -> Option<(PathBuf, u64)> {
    let mut best: Option<(PathBuf, u64)> = None;
    let mut cands = leftovers::find(target);
    cands.push(target.to_path_buf());
    for c in cands {
        let Ok(m) = std::fs::symlink_metadata(&c) else {
            continue;
        };
        if m.is_file()
            && m.len() > 0
            && m.len() < source_size
            && best.as_ref().is_none_or(|b| m.len() > b.1)
        {
            best = Some((c, m.len()));
        }
    }
    best
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

fn is_space_error(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull
        || matches!(e.raw_os_error(), Some(libc::ENOSPC) | Some(libc::EDQUOT))
}

fn backup_path(sh: &Shared, dir: &Path, target: &Path) -> PathBuf {
    let rel = sh
        .opts
        .under
        .as_deref()
        .and_then(|u| target.strip_prefix(u).ok())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| target.components().skip(1).collect());
    let base = dir.join(rel);
    let mut p = base.clone();
    let mut n = 1;
    while p.symlink_metadata().is_ok() {
        let mut name = base.file_name().unwrap_or_default().to_owned();
        name.push(format!(".{n}"));
        p = base.with_file_name(name);
        n += 1;
    }
    p
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

/// A request copied into a verified temporary file, waiting to be renamed into place.
struct Ready {
    tmp: PathBuf,
    copied: fsops::Copied,
    src: PathBuf,
    sst: Stat,
    /// The target's stat before the copy: it must not have changed when it is replaced.
    before: Option<Stat>,
    resumed: u64,
    attempts: u32,
    /// Time spent copying, retries included.
    duration_secs: f64,
}

/// A request copied, or why it could not be.
type Prepared = Result<Ready, Box<Outcome>>;

/// What became of one request of a batch.
struct Item {
    outcome: Outcome,
    step: Option<i64>,
    ready: Option<Ready>,
    done: Option<Done>,
}

/// A batch whose requests are journaled and copied into temporary files (or failed).
struct Copying<'a> {
    batch: &'a [Request],
    items: Vec<Item>,
}

/// Start a batch: journal every request, then copy them (`workers` at once, each with
/// its retries) into verified temporary files. [`finish_batch`] does the rest.
fn start_batch<'a>(sh: &Shared, batch: &'a [Request], workers: usize) -> Copying<'a> {
    // Journaled (and the requests marked running) before a byte is written.
    let steps = sh
        .tx(|c| {
            let mut steps = Vec::with_capacity(batch.len());
            let mut records = Vec::with_capacity(batch.len());
            for r in batch {
                let Some(src) = r.source.as_deref() else {
                    steps.push(None);
                    records.push(None);
                    continue;
                };
                records.push(store::synced(c, &r.path)?);
                store::set_state(c, r.id, "running", None, None, None)?;
                let s =
                    c.journal_started(sh.run, "copy", Some(src), Some(&r.path), Some(&r.reason))?;
                steps.push(Some(s));
            }
            Ok((steps, records))
        })
        .map_err(|e| format!("{e:#}"));
    let items: Vec<Item> = match steps {
        Ok((steps, records)) => {
            // One file alone is fsynced by itself; a batch shares one syncfs.
            let durability = if batch.len() == 1 {
                fsops::Durability::Now
            } else {
                fsops::Durability::Deferred
            };
            let prepared = prepare_all(sh, batch, &records, workers, durability);
            batch
                .iter()
                .zip(steps)
                .zip(prepared)
                .map(|((r, step), p)| match p {
                    Ok(ready) => Item {
                        outcome: outcome(r),
                        step,
                        ready: Some(ready),
                        done: None,
                    },
                    Err(o) => Item {
                        outcome: *o,
                        step,
                        ready: None,
                        done: None,
                    },
                })
                .collect()
        }
        Err(msg) => batch
            .iter()
            .map(|r| {
                let mut o = outcome(r);
                o.status = "failed".into();
                o.error = Some(msg.clone());
                Item {
                    outcome: o,
                    step: None,
                    ready: None,
                    done: None,
                }
            })
            .collect(),
    };
    Copying { batch, items }
}

/// Finish a batch: make its copies durable together, rename them into place in queue
/// order, remove the leftovers of the targets now whole, and record every result in one
/// transaction.
fn finish_batch(sh: &Shared, copying: Copying) -> Vec<Outcome> {
    let Copying { batch, mut items } = copying;
    if batch.len() > 1 {
        make_durable(&mut items);
    }
    let mut folders = leftovers::Folders::default();
    let mut renamed_in = std::collections::BTreeSet::new();
    for (r, item) in batch.iter().zip(items.iter_mut()) {
        let Some(ready) = item.ready.take() else {
            continue;
        };
        let (tmp, attempts) = (ready.tmp.clone(), ready.attempts);
        item.outcome.duration_secs = ready.duration_secs;
        match commit_one(sh, r, ready) {
            Ok(d) => {
                renamed_in.insert(fsops::parent_of(&r.path).to_path_buf());
                let o = &mut item.outcome;
                o.status = "done".into();
                o.bytes = d.size;
                o.read_from_source = d.read;
                o.resumed_from = d.resumed;
                o.verified = true;
                o.backup = d.backup.clone();
                o.attempts = attempts;
                item.done = Some(d);
            }
            Err(msg) => {
                let _ = std::fs::remove_file(&tmp);
                let o = &mut item.outcome;
                o.status = "failed".into();
                o.attempts = attempts;
                o.error = Some(msg);
            }
        }
    }
    sync_folders(&renamed_in);
    // Leftover partial copies of the targets now whole, each folder listed once.
    for (r, item) in batch.iter().zip(items.iter()) {
        if item.done.is_some() {
            remove_leftovers(sh, &mut folders, &r.path);
        }
    }
    record(sh, batch, &items);
    items.into_iter().map(|i| i.outcome).collect()
}

/// Copy every request of a batch into a verified temporary file, `workers` at once.
fn prepare_all(
    sh: &Shared,
    batch: &[Request],
    records: &[Option<Synced>],
    workers: usize,
    durability: fsops::Durability,
) -> Vec<Prepared> {
    // Each worker starts on its own run of the batch and, when that is done, helps with
    // the others'. The queue comes in path order, so the runs are in different folders:
    // workers taking turns in one folder serialized on its lock (a lookup of a target
    // waited for the other worker's create), which kept a third of the CPU idle.
    let runs = Runs::new(batch.len(), workers);
    let slots: Vec<Mutex<Option<Prepared>>> = batch.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for w in 0..runs.workers() {
            let (runs, slots) = (&runs, &slots);
            s.spawn(move || {
                while let Some(i) = runs.next(w) {
                    let p = prepare(sh, &batch[i], records[i].as_ref(), durability);
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
                }
            });
        }
    });
    slots
        .into_iter()
        .zip(batch)
        .map(|(m, r)| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .unwrap_or_else(|| {
                    let mut o = outcome(r);
                    o.status = "failed".into();
                    o.error = Some("the copy was not attempted".into());
                    Err(Box::new(o))
                })
        })
        .collect()
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

/// One `syncfs` per destination file system makes all the batch's copies durable; when it
/// fails, none of them may be renamed into place.
fn make_durable(items: &mut [Item]) {
    use std::os::unix::fs::MetadataExt;
    let mut synced: std::collections::HashMap<u64, Result<(), String>> = Default::default();
    let mut devs: std::collections::HashMap<PathBuf, u64> = Default::default();
    for item in items.iter_mut() {
        let Some(ready) = &item.ready else { continue };
        let dir = fsops::parent_of(&ready.tmp);
        let dev = *devs
            .entry(dir.to_path_buf())
            .or_insert_with(|| std::fs::metadata(dir).map_or(0, |m| m.dev()));
        let res = synced
            .entry(dev)
            .or_insert_with(|| fsops::sync_filesystem(dir).map_err(|e| e.to_string()))
            .clone();
        if let Err(e) = res {
            let ready = item.ready.take().expect("checked above");
            let _ = std::fs::remove_file(&ready.tmp);
            let o = &mut item.outcome;
            o.status = "failed".into();
            o.attempts = ready.attempts;
            o.error = Some(format!("making the copies durable: {e}"));
        }
    }
}

/// Make the renames into `dirs` durable: an fsync of a folder alone, one `syncfs` per file
/// system for several (a batch of 256 files spread over 26 folders spent 6-25 ms in
/// folder fsyncs, each its own flush of the disk's cache).
fn sync_folders(dirs: &std::collections::BTreeSet<PathBuf>) {
    use std::os::unix::fs::MetadataExt;
    let mut by_dev: std::collections::BTreeMap<u64, Vec<&Path>> = Default::default();
    for dir in dirs {
        let dev = std::fs::metadata(dir).map_or(0, |m| m.dev());
        by_dev.entry(dev).or_default().push(dir);
    }
    for dirs in by_dev.values() {
        let res = match dirs.as_slice() {
            [one] => fsops::fsync_dir(one),
            _ => fsops::sync_filesystem(dirs[0]),
        };
        if let Err(e) = res {
            eprintln!("plexsync: syncing {}: {e}", paths::display(dirs[0]));
        }
    }
}

/// Record a batch's results in one transaction.
fn record(sh: &Shared, batch: &[Request], items: &[Item]) {
    let res = sh.tx(|c| {
        let mut synced = Vec::new();
        for (r, item) in batch.iter().zip(items) {
            let o = &item.outcome;
            if let Some(d) = &item.done {
                if let Some(step) = item.step {
                    c.journal_set(step, "done", None)?;
                }
                store::put_synced(c.conn(), &d.row)?;
                // Only a row the scanner made is updated: resync does not adopt files into roots.
                if let Some(b3) = d.row.local_blake3 {
                    c.record_verified(&d.row.path, &d.local, &b3)?;
                }
                synced.push(crate::usage::store::Access::new(
                    d.row.path.clone(),
                    crate::usage::AccessType::Synced,
                    d.row.synced_at,
                    None,
                ));
                store::set_state(c, r.id, "done", Some(r.attempts + o.attempts), None, None)?;
            } else {
                if let Some(step) = item.step {
                    c.journal_set(step, "failed", o.error.as_deref())?;
                }
                let reason = (o.reason == Reason::VerificationFailed.as_str())
                    .then_some(Reason::VerificationFailed);
                store::set_state(
                    c,
                    r.id,
                    "failed",
                    Some(r.attempts + o.attempts),
                    o.error.as_deref(),
                    reason,
                )?;
            }
            store::add_result(c, sh.run, o)?;
        }
        // The usage log hears of every sync (weight 0.5 in the score).
        crate::usage::store::insert(c.conn(), &synced)?;
        Ok(())
    });
    if let Err(e) = res {
        eprintln!(
            "plexsync: recording the results of {} copies: {e:#}",
            batch.len()
        );
    }
}

/// Copy one request into a verified temporary file, with retries and backoff.
fn prepare(
    sh: &Shared,
    r: &Request,
    rec: Option<&Synced>,
    durability: fsops::Durability,
) -> Prepared {
    let started = Instant::now();
    let mut o = outcome(r);
    let Some(src) = r.source.clone() else {
        o.status = "failed".into();
        o.error = Some(
            "no source known for this file; queue it again with --source/--dest or --library"
                .into(),
        );
        return Err(Box::new(o));
    };
    // A request that already failed verification may hold a bad prefix: copy it whole.
    let mut resume = sh.opts.resume && r.reason != Reason::VerificationFailed.as_str();
    let mut last: Option<Fail> = None;
    let mut tries = 0u32;
    for attempt in 0..=sh.opts.retries {
        if attempt > 0 {
            std::thread::sleep(sh.opts.delay(attempt));
        }
        tries += 1;
        match copy_once(sh, r, rec, &src, resume, durability) {
            Ok(mut ready) => {
                ready.attempts = tries;
                ready.duration_secs = started.elapsed().as_secs_f64();
                return Ok(ready);
            }
            Err(f) => {
                let fatal = matches!(f, Fail::Fatal(_));
                if matches!(
                    f,
                    Fail::Retry {
                        verification: true,
                        ..
                    }
                ) {
                    // A prefix that does not verify must not be reused.
                    resume = false;
                }
                last = Some(f);
                if fatal {
                    break;
                }
            }
        }
    }
    let (msg, verification) = match last {
        Some(Fail::Retry { msg, verification }) => (msg, verification),
        Some(Fail::Fatal(msg)) => (msg, false),
        None => ("no attempt was made".into(), false),
    };
    o.status = "failed".into();
    o.attempts = tries;
    o.error = Some(msg);
    o.duration_secs = started.elapsed().as_secs_f64();
    if verification {
        o.reason = Reason::VerificationFailed.as_str().into();
    }
    Err(Box::new(o))
}

fn copy_once(
    sh: &Shared,
    r: &Request,
    rec: Option<&Synced>,
    src: &Path,
    resume: bool,
    durability: fsops::Durability,
) -> Result<Ready, Fail> {
    let target = &r.path;
    let shown = paths::display(src);
    let meta = std::fs::metadata(src).map_err(|e| retry(format!("source {shown}: {e}")))?;
    if !meta.is_file() {
        return Err(retry(format!("source {shown} is not a regular file")));
    }
    let sst = Stat::from_metadata(&meta);
    let expected = recorded_source_hash(rec, src, &sst);
    let dir = fsops::parent_of(target);
    let known = sh
        .folders
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains(dir);
    if !known {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fail::Fatal(format!("creating {}: {e}", paths::display(dir))))?;
        sh.folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir.to_path_buf());
    }
    let before = match std::fs::symlink_metadata(target) {
        Ok(m) if m.is_dir() => {
            return Err(Fail::Fatal(format!(
                "{} is a folder; left alone",
                paths::display(target)
            )))
        }
        Ok(m) => Some(Stat::from_metadata(&m)),
        Err(_) => None,
    };
    fsops::ensure_space(dir, sst.size).map_err(|e| Fail::Fatal(e.to_string()))?;
    let prefix = if resume && expected.is_some() {
        resume_candidate(target, sst.size)
    } else {
        None
    };
    let item = r.id as u64;
    let name = target
        .file_name()
        .map_or_else(|| shown.clone(), |n| paths::display(Path::new(n)));
    sh.progress.item_start(
        item,
        &name,
        sst.size.saturating_sub(prefix.as_ref().map_or(0, |p| p.1)),
    );
    let mut on_bytes = |n: u64| {
        sh.progress.advance(0, n);
        sh.progress.item_advance(item, n);
        sh.throttle.take(n);
    };
    let mtime = UNIX_EPOCH + Duration::from_nanos(sst.mtime_ns.max(0) as u64);
    let copy = fsops::copy_to_temp(
        src,
        target,
        fsops::CopyOptions {
            prefix: prefix.as_ref().map(|(p, n)| (p.as_path(), *n)),
            mtime: Some(mtime),
            durability,
        },
        &mut on_bytes,
    );
    sh.progress.item_done(item);
    if copy.is_err() {
        // The folder may be gone: the next attempt creates it again.
        sh.folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(dir);
    }
    let (tmp, copied) = copy.map_err(|e| {
        if is_space_error(&e) {
            Fail::Fatal(format!("no space left for {}: {e}", paths::display(target)))
        } else if e.kind() == std::io::ErrorKind::InvalidData {
            // copy_to_temp read the copy back and it differed from what was written.
            verify_fail(fsops::NOT_VERIFIED)
        } else {
            retry(format!("copying from {shown}: {e}"))
        }
    })?;
    let discard = |f: Fail| {
        let _ = std::fs::remove_file(&tmp);
        f
    };
    // The source must still be what we started from.
    match std::fs::metadata(src) {
        Ok(m) if Stat::from_metadata(&m) == sst => {}
        Ok(_) => {
            return Err(discard(retry(format!(
                "source {shown} changed during the copy"
            ))))
        }
        Err(e) => return Err(discard(retry(format!("source {shown}: {e}")))),
    }
    if copied.size != sst.size {
        return Err(discard(verify_fail(format!(
            "copied {} bytes but the source has {}",
            copied.size, sst.size
        ))));
    }
    if let Some(want) = expected {
        if want != copied.blake3 {
            return Err(discard(verify_fail(if prefix.is_some() {
                "the resumed copy does not match the source's recorded hash"
            } else {
                "the copy does not match the source's recorded hash"
            })));
        }
    }
    Ok(Ready {
        tmp,
        copied,
        src: src.to_path_buf(),
        sst,
        before,
        resumed: prefix.map_or(0, |p| p.1),
        attempts: 0,
        duration_secs: 0.0,
    })
}

/// Rename a durable, verified copy over its target (keeping a backup when asked). The
/// folder is fsynced by the caller, once for all the batch's renames in it.
fn commit_one(sh: &Shared, r: &Request, ready: Ready) -> Result<Done, String> {
    let target = &r.path;
    let Ready {
        tmp,
        copied,
        src,
        sst,
        before,
        resumed,
        ..
    } = ready;
    // Re-check the file being replaced right before touching it.
    let now = std::fs::symlink_metadata(target)
        .ok()
        .map(|m| Stat::from_metadata(&m));
    if now != before {
        return Err(format!(
            "{} changed during the copy; left alone",
            paths::display(target)
        ));
    }
    let mut backup = None;
    if let (Some(dir), Some(_)) = (sh.opts.backup_dir.as_deref(), before) {
        let b = backup_path(sh, dir, target);
        let step = sh
            .cat(|c| c.journal_add(sh.run, "backup", Some(target), Some(&b), None))
            .map_err(|e| format!("{e:#}"))?;
        if let Err(e) = fsops::move_file(target, &b) {
            let _ = sh.cat(|c| c.journal_set(step, "failed", Some(&e.to_string())));
            return Err(format!("keeping a backup in {}: {e}", paths::display(&b)));
        }
        let _ = sh.cat(|c| c.journal_set(step, "done", None));
        backup = Some(b);
    }
    if let Err(e) = std::fs::rename(&tmp, target) {
        let mut msg = format!("replacing {}: {e}", paths::display(target));
        if let Some(b) = &backup {
            match fsops::move_file(b, target) {
                Ok(_) => msg.push_str("; the old copy was restored"),
                Err(e2) => msg.push_str(&format!(
                    "; the old copy is kept at {} ({e2})",
                    paths::display(b)
                )),
            }
        }
        return Err(msg);
    }
    // The renamed file is the temporary one: same inode, size and mtime.
    let lst = Stat::from_metadata(&copied.metadata);
    let now = now_secs();
    let row = Synced {
        path: target.clone(),
        source: src,
        source_size: sst.size,
        source_mtime_ns: sst.mtime_ns,
        source_blake3: Some(copied.blake3),
        local_size: lst.size,
        local_mtime_ns: lst.mtime_ns,
        local_blake3: Some(copied.blake3),
        synced_at: now,
        verified_at: Some(now),
    };
    Ok(Done {
        row,
        local: lst,
        size: copied.size,
        read: copied.read_from_source,
        resumed,
        backup,
    })
}

/// Remove the leftover partial copies of a target that is now whole, journaled.
fn remove_leftovers(sh: &Shared, folders: &mut leftovers::Folders, target: &Path) {
    for l in folders.find(target) {
        // The next batch is being copied meanwhile: its temporary files are not leftovers.
        if l.file_name().is_some_and(fsops::is_own_temp_name) {
            continue;
        }
        let res = sh.cat(|c| {
            let s = c.journal_add(
                sh.run,
                "remove",
                Some(&l),
                None,
                Some("leftover partial copy"),
            )?;
            match std::fs::remove_file(&l) {
                Ok(()) => c.journal_set(s, "done", None),
                Err(e) => c.journal_set(s, "failed", Some(&e.to_string())),
            }
        });
        if let Err(e) = res {
            eprintln!("plexsync: removing {}: {e:#}", paths::display(&l));
        }
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
            backup_dir: None,
            bwlimit: None,
            jobs: 1,
            dry_run: false,
            under: None,
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
    fn throttle_holds_the_rate() {
        let t = Throttle {
            limit: Some(10 << 20),
            state: Mutex::new((Instant::now(), 0)),
        };
        let started = Instant::now();
        t.take(1 << 20);
        t.take(1 << 20);
        // 2 MiB at 10 MiB/s takes at least 0.2 s.
        assert!(started.elapsed() >= Duration::from_millis(190));
        let free = Throttle {
            limit: None,
            state: Mutex::new((Instant::now(), 0)),
        };
        let started = Instant::now();
        free.take(u64::MAX / 2);
        assert!(started.elapsed() < Duration::from_millis(100));
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

    #[test]
    fn resume_picks_the_longest_shorter_copy() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("a.mkv");
        std::fs::write(&target, vec![1u8; 100]).unwrap();
        std::fs::write(d.path().join("a.mkv.part"), vec![1u8; 300]).unwrap();
        std::fs::write(d.path().join(".a.mkv.plexsync-tmp.9.9"), vec![1u8; 900]).unwrap();
        let (p, n) = resume_candidate(&target, 500).unwrap();
        assert_eq!((p, n), (d.path().join("a.mkv.part"), 300));
        assert!(resume_candidate(&target, 50).is_none());
    }
}
