//! Copy one request into a verified temporary file beside its target, with retries and
//! backoff: the source is stat'ed, free space checked, the bytes copied, hashed and read
//! back, and the source must not have changed meanwhile. A verified prefix of an
//! interrupted copy is reused when the source's hash is recorded.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, UNIX_EPOCH};

use super::{outcome, Runs, Shared};
use crate::catalog::Stat;
use crate::fsops;
use crate::hash;
use crate::paths;
use crate::resync::store::{Outcome, Request, Synced};
use crate::resync::{leftovers, trust, Reason};

/// A failed attempt: retry it, give up on the request now, or leave it for a later run.
pub(super) enum Fail {
    Retry {
        msg: String,
        verification: bool,
    },
    Fatal(String),
    /// The source is still changing: the request waits for a later run.
    Deferred(String),
    /// The source fails the container check the local file passes: the local file is kept.
    SourceBroken(String),
}

impl Fail {
    /// What went wrong, in words.
    pub(super) fn message(self) -> String {
        match self {
            Fail::Retry { msg, .. }
            | Fail::Fatal(msg)
            | Fail::Deferred(msg)
            | Fail::SourceBroken(msg) => msg,
        }
    }

    /// The request's status when this ends it.
    pub(super) fn status(&self) -> &'static str {
        match self {
            Fail::Deferred(_) => "deferred",
            Fail::SourceBroken(_) => "source_broken",
            Fail::Retry { .. } | Fail::Fatal(_) => "failed",
        }
    }
}

/// Whether source `src` (stat `sst`) may be copied for request `r` now (see
/// [`trust`]); `replaces` when a local file is there to be replaced.
pub(super) fn judge(
    r: &Request,
    src: &Path,
    sst: &Stat,
    replaces: bool,
    settle: Duration,
) -> Result<(), Fail> {
    if let Some(why) = trust::still_changing(sst, r.seen, settle, now_ns()) {
        return Err(Fail::Deferred(why));
    }
    if replaces {
        match trust::source_worse(&r.path, src) {
            Ok(None) => {}
            Ok(Some(detail)) => {
                return Err(Fail::SourceBroken(trust::kept_warning(
                    &r.path, src, &detail,
                )))
            }
            Err(e) => return Err(retry(e)),
        }
    }
    Ok(())
}

/// Now, in nanoseconds since the epoch (as file mtimes are).
fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
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

/// Shared read-rate limiter: sleeps so the total rate stays under the limit.
pub(super) struct Throttle {
    pub(super) limit: Option<u64>,
    pub(super) state: Mutex<(Instant, u64)>,
}

impl Throttle {
    pub(super) fn take(&self, n: u64) {
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

pub(super) fn recorded_source_hash(
    rec: Option<&Synced>,
    src: &Path,
    st: &Stat,
) -> Option<hash::Blake3> {
    rec.filter(|r| r.source == src && r.source_size == st.size && r.source_mtime_ns == st.mtime_ns)
        .and_then(|r| r.source_blake3)
}

/// The longest regular file among the target and its leftovers that is shorter than the
/// source and not empty: a candidate prefix.
pub(super) fn resume_candidate(target: &Path, source_size: u64) -> Option<(PathBuf, u64)> {
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

fn is_space_error(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull
        || matches!(e.raw_os_error(), Some(libc::ENOSPC) | Some(libc::EDQUOT))
}

/// A local error that retrying cannot mend: a read-only file system, or a folder we may
/// not write in (a source we may not read is retried: a share can come back).
fn unwritable(e: &std::io::Error, dir: &Path) -> bool {
    match e.raw_os_error() {
        Some(libc::EROFS) => true,
        Some(libc::EACCES) | Some(libc::EPERM) => {
            use std::os::unix::ffi::OsStrExt;
            std::ffi::CString::new(dir.as_os_str().as_bytes()).is_ok_and(|c| {
                // SAFETY: `c` is a valid NUL-terminated path.
                unsafe { libc::access(c.as_ptr(), libc::W_OK) != 0 }
            })
        }
        _ => false,
    }
}

/// A request copied into a verified temporary file, waiting to be renamed into place.
pub(super) struct Ready {
    pub(super) tmp: PathBuf,
    pub(super) copied: fsops::Copied,
    pub(super) src: PathBuf,
    pub(super) sst: Stat,
    /// The target's stat before the copy: it must not have changed when it is replaced.
    pub(super) before: Option<Stat>,
    pub(super) resumed: u64,
    pub(super) attempts: u32,
    /// Time spent copying, retries included.
    pub(super) duration_secs: f64,
}

/// A request copied, or why it could not be.
pub(super) type Prepared = Result<Ready, Box<Outcome>>;

/// Copy every request of a batch into a verified temporary file, `workers` at once.
pub(super) fn prepare_all(
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
                let fatal = !matches!(f, Fail::Retry { .. });
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
    o.status = last.as_ref().map_or("failed", Fail::status).into();
    let (msg, verification) = match last {
        Some(Fail::Retry { msg, verification }) => (msg, verification),
        Some(Fail::Fatal(msg) | Fail::Deferred(msg) | Fail::SourceBroken(msg)) => (msg, false),
        None => ("no attempt was made".into(), false),
    };
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
    judge(r, src, &sst, before.is_some(), sh.opts.settle)?;
    // Said of every local failure below: nothing was replaced.
    let kept = if before.is_some() {
        "; the local file is kept as it was"
    } else {
        ""
    };
    fsops::ensure_space(dir, sst.size).map_err(|e| Fail::Fatal(format!("{e}{kept}")))?;
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
            Fail::Fatal(format!(
                "no space left for {}: {e}{kept}",
                paths::display(target)
            ))
        } else if unwritable(&e, dir) {
            Fail::Fatal(format!(
                "cannot write in {} (read-only?): {e}{kept}",
                paths::display(dir)
            ))
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
            return Err(discard(Fail::Deferred(format!(
                "source still changing: {shown} changed during the copy"
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

#[cfg(test)]
mod tests {
    use super::*;

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
