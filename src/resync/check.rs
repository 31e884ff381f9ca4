//! `resync check`: compare a local tree with its source and the catalog, and queue a
//! request for every problem. Without `--checksum` only metadata and the few header bytes
//! the container check needs are read (plus the local content of files whose metadata
//! changed since a recorded verification); with it, both sides are hashed.
//!
//! Every local file that matches its source is recorded as synced, so a later deletion
//! is known as `missing`. Local files with no source counterpart are reported as
//! `orphaned` and never queued.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use super::store::{self, NewRequest, Request, Synced};
use super::{converge, leftovers, trust, Library, Reason};
use crate::catalog::{now_secs, Catalog, Stat};
use crate::hash::Blake3;
use crate::media::container::{self, Verdict};
use crate::paths;
use crate::progress::Progress;
use crate::scan::walk::{self, Found};

/// How to check.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Hash both sides (reads every byte).
    pub checksum: bool,
    /// Treat source files never synced as missing too.
    pub all: bool,
    /// Priority for every request queued (default: by reason).
    pub priority: Option<u8>,
    /// Worker threads.
    pub jobs: usize,
    /// Report only: queue nothing and record nothing.
    pub dry_run: bool,
    /// Judge against the source even when it looks unmounted (its files really were
    /// renamed or deleted).
    pub no_mount_check: bool,
}

/// A problem found (or an orphan).
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub source: Option<PathBuf>,
    pub reason: Reason,
    pub priority: u8,
    /// Local size (None when absent).
    pub size: Option<u64>,
    /// Source size (None when absent or offline).
    pub source_size: Option<u64>,
    /// Why, in words.
    pub detail: String,
    /// The queue id, when queued.
    pub id: Option<i64>,
}

/// What `check` reports as it goes.
pub enum CheckEvent {
    /// A problem or an orphan.
    Candidate(Candidate),
    /// A per-path error; the check went on.
    Error(Option<PathBuf>, String),
    /// Something worth knowing (e.g. the source is offline).
    Warning(String),
}

/// Totals of a check.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckSummary {
    pub local_files: u64,
    pub source_files: u64,
    pub source_online: bool,
    pub matched: u64,
    pub recorded: u64,
    pub hashed_bytes: u64,
    pub queued: u64,
    pub by_reason: BTreeMap<String, u64>,
    /// Local files whose container is broken, like their source's: copying again cannot
    /// mend them, so they are reported (a warning each) and not queued.
    pub broken_at_source: u64,
    /// Local files kept as they are: whole, while their source fails the container check
    /// (a warning each; not queued, since a copy would make them worse).
    pub source_broken: u64,
    /// Local files put back by `resync restore` whose source has not changed since: not queued.
    pub held: u64,
    /// Open requests this check found no longer needed, and cancelled.
    pub cancelled: u64,
    /// The source root is there but holds almost none of the files synced from it: an
    /// unmounted share. Nothing was judged or queued against it.
    pub source_unmounted: bool,
    /// Files synced from this source whose local copy is there, and how many of them the
    /// source holds (what tells an unmounted share).
    pub synced_known: u64,
    pub synced_present: u64,
    pub errors: u64,
}

#[derive(Default)]
struct Item {
    rel: PathBuf,
    local: Option<Stat>,
    source: Option<Stat>,
    synced: Option<Synced>,
    leftovers: Vec<PathBuf>,
    /// The open request for this file, if any: looked at again.
    request: Option<Request>,
    /// The source version `resync restore` held this file against.
    hold: Option<(u64, i64)>,
}

enum Decision {
    Problem(Reason, String),
    Orphan,
    Matched(Box<Synced>, u64),
    Nothing,
    Error(PathBuf, String),
    /// The local container is broken and so is the source's: a warning, not queued; the
    /// row is recorded when the two are the same bytes (so a deletion is `missing`).
    BrokenAtSource(String, Option<Box<Synced>>, u64),
    /// The local file is whole and its source is not: kept, a warning, not queued.
    SourceBroken(String),
    /// Restored by hand, and the source is the version it replaced: left alone.
    Held,
}

impl Decision {
    /// Why an open request with reason `reason` is no longer needed after this decision
    /// (None: it is, or this check cannot tell). A match by size and mtime alone settles
    /// only what size and mtime show: bit rot found by `verify`, or a copy that did not
    /// verify, keeps both, so their requests stay unless `--checksum` read both sides.
    fn settles(&self, reason: &str, checksum: bool) -> Option<&'static str> {
        let shown_by_stat = [Reason::Missing, Reason::Incomplete, Reason::Outdated]
            .iter()
            .any(|r| r.as_str() == reason);
        Some(match self {
            Decision::Problem(..) | Decision::Error(..) => return None,
            Decision::Matched(..) if !checksum && !shown_by_stat => return None,
            Decision::Matched(..) => "no longer needed: the local file matches its source",
            Decision::Nothing => "no longer needed: neither the file nor its source is there",
            Decision::Orphan => "no longer needed: not in the source",
            Decision::BrokenAtSource(..) => "not copied: broken in the source too",
            Decision::SourceBroken(_) => "not copied: the source is broken, the local file whole",
            Decision::Held => "not copied: restored by hand (resync restore)",
        })
    }
}

/// Walk a root into rel → stat, reporting errors; leftovers go into `left` by target.
fn walk_tree(
    root: &Path,
    jobs: usize,
    mut left: Option<&mut HashMap<PathBuf, Vec<PathBuf>>>,
    on_event: &mut dyn FnMut(CheckEvent),
    errors: &mut u64,
) -> HashMap<PathBuf, Stat> {
    let mut out = HashMap::new();
    walk::walk(root, false, jobs, &mut |f| match f {
        Found::File(p, st) => {
            let Ok(rel) = p.strip_prefix(root).map(Path::to_path_buf) else {
                return;
            };
            if let Some(left) = left.as_deref_mut() {
                if let Some(target) = rel.file_name().and_then(leftovers::target_name) {
                    left.entry(rel.with_file_name(target)).or_default().push(p);
                    return;
                }
            }
            out.insert(rel, st);
        }
        Found::Special(_) => {}
        Found::Error(p, msg) => {
            *errors += 1;
            on_event(CheckEvent::Error(p, msg));
        }
    });
    out
}

/// Check `lib`, queue what needs repair and record what matches.
pub fn check(
    cat: &mut Catalog,
    lib: &Library,
    opts: &CheckOptions,
    progress: &dyn Progress,
    on_event: &mut dyn FnMut(CheckEvent),
) -> Result<CheckSummary> {
    let mut sum = CheckSummary::default();
    let jobs = opts.jobs.max(1);
    progress.phase("walking", None, None);
    sum.source_online = lib.source.is_dir();
    let source = if sum.source_online {
        walk_tree(&lib.source, jobs, None, on_event, &mut sum.errors)
    } else {
        on_event(CheckEvent::Warning(format!(
            "source {} is not reachable: checking local containers and known files only",
            paths::display(&lib.source)
        )));
        HashMap::new()
    };
    let mut left: HashMap<PathBuf, Vec<PathBuf>> = HashMap::new();
    let local = if lib.dest.is_dir() {
        walk_tree(&lib.dest, jobs, Some(&mut left), on_event, &mut sum.errors)
    } else {
        HashMap::new()
    };
    sum.local_files = local.len() as u64;
    sum.source_files = source.len() as u64;
    let synced = store::synced_under(cat, &lib.dest)?;
    if sum.source_online {
        // An empty mount point: judged against it, every local file would be an orphan.
        for s in synced
            .values()
            .filter(|s| s.source.starts_with(&lib.source))
        {
            let (Ok(rel), Ok(src_rel)) = (
                s.path.strip_prefix(&lib.dest),
                s.source.strip_prefix(&lib.source),
            ) else {
                continue;
            };
            if local.contains_key(rel) {
                sum.synced_known += 1;
                sum.synced_present += u64::from(source.contains_key(src_rel));
            }
        }
        if !opts.no_mount_check
            && converge::looks_unmounted(sum.synced_known, sum.synced_present, sum.source_files)
        {
            sum.source_unmounted = true;
            on_event(CheckEvent::Warning(converge::unmounted_warning(
                &paths::display(&lib.source),
                sum.synced_known,
                sum.synced_present,
            )));
            return Ok(sum);
        }
    }
    let requests = store::requests(cat, "('pending', 'failed')", Some(&lib.dest))?;
    let holds = store::holds_under(cat, &lib.dest)?;

    let mut items: BTreeMap<PathBuf, Item> = BTreeMap::new();
    fn slot<'a>(items: &'a mut BTreeMap<PathBuf, Item>, rel: &Path) -> &'a mut Item {
        items.entry(rel.to_path_buf()).or_insert_with(|| Item {
            rel: rel.to_path_buf(),
            ..Item::default()
        })
    }
    for (rel, st) in &local {
        slot(&mut items, rel).local = Some(*st);
    }
    for (rel, st) in &source {
        slot(&mut items, rel).source = Some(*st);
    }
    for (rel, l) in left {
        slot(&mut items, &rel).leftovers = l;
    }
    for s in synced.into_values() {
        if let Ok(rel) = s.path.strip_prefix(&lib.dest) {
            let rel = rel.to_path_buf();
            slot(&mut items, &rel).synced = Some(s);
        }
    }
    // A request for a file neither side has any more is looked at too (and cancelled).
    for r in requests {
        if let Ok(rel) = r.path.strip_prefix(&lib.dest).map(Path::to_path_buf) {
            slot(&mut items, &rel).request = Some(r);
        }
    }
    for (path, hold) in holds {
        if let Ok(rel) = paths::from_bytes(&path).strip_prefix(&lib.dest) {
            slot(&mut items, rel).hold = Some(hold);
        }
    }
    let items: Vec<Item> = items.into_values().collect();
    let total_bytes: u64 = if opts.checksum {
        items
            .iter()
            .filter(|i| i.local.is_some())
            .map(|i| i.local.map_or(0, |s| s.size) + i.source.map_or(0, |s| s.size))
            .sum()
    } else {
        0
    };
    progress.phase(
        "checking",
        Some(items.len() as u64),
        opts.checksum.then_some(total_bytes),
    );
    let online = sum.source_online;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let decisions: Vec<(usize, Decision)> = pool.install(|| {
        items
            .par_iter()
            .enumerate()
            .map(|(i, it)| {
                let d = guard(lib, it, decide(lib, it, online, opts, progress));
                progress.advance(1, 0);
                (i, d)
            })
            .collect()
    });
    progress.finish();

    let now = now_secs();
    let tx = cat.conn_mut().transaction()?;
    for (i, d) in decisions {
        let it = &items[i];
        let local_path = lib.dest.join(&it.rel);
        if !opts.dry_run {
            if let Some(hold) = it.hold {
                // A hold lasts while the source is the version it was restored against.
                if online && it.source.map(|s| (s.size, s.mtime_ns)) != Some(hold) {
                    store::drop_hold(&tx, &local_path)?;
                }
            }
            // Open requests are judged again (when the source could be seen): one queued
            // against a source that was offline or wrong is updated below or cancelled here,
            // so `run` does not fail on it forever. A request made by hand stays.
            let why = it
                .request
                .as_ref()
                .and_then(|r| d.settles(&r.reason, opts.checksum));
            // Nothing to copy from at the library's path; a request aimed at a source that
            // is there (elsewhere, or never synced and queued by `check --all`) may still be.
            let aimed_elsewhere = matches!(d, Decision::Nothing | Decision::Orphan)
                && it
                    .request
                    .as_ref()
                    .and_then(|r| r.source.as_deref())
                    .is_some_and(|s| std::fs::symlink_metadata(s).is_ok());
            let why = why.filter(|_| !aimed_elsewhere);
            if let (Some(r), Some(why), true) = (&it.request, why, online) {
                if r.reason != Reason::UserRequest.as_str() && store::cancel_with(&tx, r.id, why)? {
                    sum.cancelled += 1;
                }
            }
        }
        match d {
            Decision::Nothing => {}
            Decision::Held => sum.held += 1,
            Decision::Error(p, msg) => {
                sum.errors += 1;
                on_event(CheckEvent::Error(Some(p), msg));
            }
            Decision::BrokenAtSource(msg, row, hashed) => {
                sum.broken_at_source += 1;
                sum.hashed_bytes += hashed;
                on_event(CheckEvent::Warning(msg));
                if let Some(row) = row.filter(|r| it.synced.as_ref() != Some(r)) {
                    if !opts.dry_run {
                        let mut row = *row;
                        if it.synced.is_none() {
                            row.synced_at = now;
                        }
                        store::put_synced(&tx, &row)?;
                        sum.recorded += 1;
                    }
                }
            }
            Decision::SourceBroken(msg) => {
                sum.source_broken += 1;
                on_event(CheckEvent::Warning(msg));
            }
            Decision::Matched(row, hashed) => {
                sum.matched += 1;
                sum.hashed_bytes += hashed;
                let changed = it.synced.as_ref() != Some(&row);
                if changed && !opts.dry_run {
                    let mut row = *row;
                    if it.synced.is_none() {
                        row.synced_at = now;
                    }
                    store::put_synced(&tx, &row)?;
                    sum.recorded += 1;
                }
            }
            Decision::Orphan => {
                *sum.by_reason.entry("orphaned".into()).or_default() += 1;
                let path = if it.local.is_some() {
                    local_path
                } else {
                    // Only leftovers remain of a file the source does not have.
                    it.leftovers.first().cloned().unwrap_or(local_path)
                };
                on_event(CheckEvent::Candidate(Candidate {
                    path,
                    source: None,
                    reason: Reason::Orphaned,
                    priority: Reason::Orphaned.default_priority(),
                    size: it.local.map(|s| s.size),
                    source_size: None,
                    detail: "not in the source; left alone".into(),
                    id: None,
                }));
            }
            Decision::Problem(reason, detail) => {
                *sum.by_reason.entry(reason.as_str().into()).or_default() += 1;
                let priority = opts.priority.unwrap_or(reason.default_priority());
                let src = lib.source.join(&it.rel);
                let id = if opts.dry_run {
                    None
                } else {
                    sum.queued += 1;
                    Some(store::enqueue(
                        &tx,
                        &NewRequest {
                            path: &local_path,
                            source: Some(&src),
                            reason,
                            priority,
                            root: Some(&lib.dest),
                            seen: it.source,
                        },
                    )?)
                };
                on_event(CheckEvent::Candidate(Candidate {
                    path: local_path,
                    source: Some(src),
                    reason,
                    priority,
                    size: it.local.map(|s| s.size),
                    source_size: it.source.map(|s| s.size),
                    detail,
                    id,
                }));
            }
        }
    }
    tx.commit()?;
    Ok(sum)
}

/// The warning for a local file whose container is broken like its source's.
pub(super) fn broken_in_source_too(local: &Path, detail: &str) -> String {
    format!(
        "{}: {detail}, and so is the source's; not queued",
        paths::display(local)
    )
}

pub(super) fn container_problem(path: &Path) -> Result<Option<(Reason, String)>, String> {
    match container::check(path) {
        Ok(None) | Ok(Some(Verdict::Ok)) => Ok(None),
        Ok(Some(v)) if v.is_incomplete() => Ok(Some((Reason::Incomplete, v.describe()))),
        Ok(Some(v)) => Ok(Some((Reason::Corrupted, v.describe()))),
        Err(e) => Err(e.to_string()),
    }
}

/// Whether a local file and its source of the same size are the same bytes: the same
/// mtime (a synced copy gets its source's), or with `--checksum` the same hash. The hashes
/// read (local, source) come back to be recorded, with the bytes read.
#[allow(clippy::type_complexity)]
fn same_bytes(
    local: &Path,
    source: &Path,
    l: &Stat,
    s: &Stat,
    opts: &CheckOptions,
    progress: &dyn Progress,
) -> Result<(Option<(Option<Blake3>, Option<Blake3>)>, u64), (PathBuf, String)> {
    if l.size != s.size {
        return Ok((None, 0));
    }
    if !opts.checksum {
        return Ok(((l.mtime_ns == s.mtime_ns).then_some((None, None)), 0));
    }
    let (a, b) = rayon::join(
        || hash_with_progress(source, progress),
        || hash_with_progress(local, progress),
    );
    match (a, b) {
        (Ok(sh), Ok(lh)) => Ok(((sh == lh).then_some((Some(lh), Some(sh))), l.size + s.size)),
        (Err(e), _) => Err((source.to_path_buf(), e.to_string())),
        (_, Err(e)) => Err((local.to_path_buf(), e.to_string())),
    }
}

/// A problem whose fix would replace a whole local file with a source that fails the
/// container check is no problem to fix: the local file is kept (see [`trust`]).
fn guard(lib: &Library, it: &Item, d: Decision) -> Decision {
    if !matches!(d, Decision::Problem(..)) || it.local.is_none() || it.source.is_none() {
        return d;
    }
    let (local, source) = (lib.dest.join(&it.rel), lib.source.join(&it.rel));
    match trust::source_worse(&local, &source) {
        Ok(Some(detail)) => Decision::SourceBroken(trust::kept_warning(&local, &source, &detail)),
        Ok(None) => d,
        Err(e) => Decision::Error(source, e),
    }
}

fn hash_with_progress(path: &Path, progress: &dyn Progress) -> std::io::Result<Blake3> {
    crate::hash::blake3_file(path, &mut |n| progress.advance(0, n))
}

fn decide(
    lib: &Library,
    it: &Item,
    online: bool,
    opts: &CheckOptions,
    progress: &dyn Progress,
) -> Decision {
    let local_path = lib.dest.join(&it.rel);
    let source_path = lib.source.join(&it.rel);
    if !online {
        return match (it.local, &it.synced) {
            (Some(_), _) => match container_problem(&local_path) {
                Ok(Some((r, d))) => Decision::Problem(r, d),
                Ok(None) => Decision::Nothing,
                Err(e) => Decision::Error(local_path, e),
            },
            (None, Some(_)) => Decision::Problem(
                Reason::Missing,
                "synced before, absent locally (source offline)".into(),
            ),
            (None, None) if !it.leftovers.is_empty() => Decision::Problem(
                Reason::Incomplete,
                "only a leftover partial copy is there".into(),
            ),
            (None, None) => Decision::Nothing,
        };
    }
    let Some(s) = it.source else {
        return if it.local.is_some() || !it.leftovers.is_empty() {
            Decision::Orphan
        } else {
            Decision::Nothing
        };
    };
    if it.local.is_some() && it.hold == Some((s.size, s.mtime_ns)) {
        return Decision::Held;
    }
    let source_changed = it
        .synced
        .as_ref()
        .map(|r| r.source_size != s.size || r.source_mtime_ns != s.mtime_ns);
    let Some(l) = it.local else {
        if source_changed == Some(true) {
            return Decision::Problem(
                Reason::Outdated,
                "the source changed since the last sync (and the local copy is gone)".into(),
            );
        }
        if !it.leftovers.is_empty() {
            return Decision::Problem(
                Reason::Incomplete,
                format!(
                    "only a leftover partial copy is there ({})",
                    paths::display(
                        it.leftovers[0]
                            .file_name()
                            .map(Path::new)
                            .unwrap_or(Path::new(""))
                    )
                ),
            );
        }
        if it.synced.is_some() || opts.all {
            return Decision::Problem(Reason::Missing, "absent locally".into());
        }
        return Decision::Nothing;
    };
    if source_changed == Some(true) {
        return Decision::Problem(
            Reason::Outdated,
            "the source's size or mtime changed since the last sync".into(),
        );
    }
    // Never synced: only a newer source is a new version. A larger local file with an
    // older source is no proof of that (the source may be a copy still being written).
    if it.synced.is_none() && l.size >= s.size && s.mtime_ns > l.mtime_ns {
        return Decision::Problem(Reason::Outdated, "the source is newer".into());
    }
    if l.size < s.size {
        return Decision::Problem(
            Reason::Incomplete,
            format!("{} of {} bytes", l.size, s.size),
        );
    }
    if l.size > s.size {
        return Decision::Problem(Reason::Corrupted, "larger than the source".into());
    }
    if !it.leftovers.is_empty() {
        return Decision::Problem(
            Reason::Incomplete,
            "a leftover partial copy lies beside it".into(),
        );
    }
    let prev = it.synced.as_ref();
    let mut row = Synced {
        path: local_path.clone(),
        source: source_path.clone(),
        source_size: s.size,
        source_mtime_ns: s.mtime_ns,
        source_blake3: prev.and_then(|r| r.source_blake3),
        local_size: l.size,
        local_mtime_ns: l.mtime_ns,
        local_blake3: prev
            .filter(|r| r.local_size == l.size && r.local_mtime_ns == l.mtime_ns)
            .and_then(|r| r.local_blake3),
        synced_at: prev.map_or(0, |r| r.synced_at),
        verified_at: prev.and_then(|r| r.verified_at),
    };
    match container_problem(&local_path) {
        Ok(Some((reason, detail))) => {
            // A source that fails the same check cannot be repaired by copying it again.
            return match container_problem(&source_path) {
                Ok(None) => Decision::Problem(reason, detail),
                Ok(Some(_)) => {
                    let warning = broken_in_source_too(&local_path, &detail);
                    // The same bytes on both sides are synced, broken or not: a later
                    // deletion is then known as `missing`.
                    match same_bytes(&local_path, &source_path, &l, &s, opts, progress) {
                        Ok((same, hashed)) => {
                            if let Some((lh, sh)) = same {
                                row.local_blake3 = lh.or(row.local_blake3);
                                row.source_blake3 = sh.or(row.source_blake3);
                                if lh.is_some() {
                                    row.verified_at = Some(now_secs());
                                }
                            }
                            Decision::BrokenAtSource(warning, same.map(|_| Box::new(row)), hashed)
                        }
                        Err((p, e)) => Decision::Error(p, e),
                    }
                }
                Err(e) => Decision::Error(source_path, e),
            };
        }
        Ok(None) => {}
        Err(e) => return Decision::Error(local_path, e),
    }
    let mut hashed = 0u64;
    if opts.checksum {
        let (a, b) = rayon::join(
            || hash_with_progress(&source_path, progress),
            || hash_with_progress(&local_path, progress),
        );
        let (sh, lh) = match (a, b) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) => return Decision::Error(source_path, e.to_string()),
            (_, Err(e)) => return Decision::Error(local_path, e.to_string()),
        };
        hashed = s.size + l.size;
        if sh != lh {
            return Decision::Problem(
                Reason::Corrupted,
                "same size as the source, different content".into(),
            );
        }
        if let Some(rec) = prev.and_then(|r| r.local_blake3) {
            if rec != lh {
                return Decision::Problem(
                    Reason::Corrupted,
                    "no longer matches the hash recorded when it was verified".into(),
                );
            }
        }
        row.source_blake3 = Some(sh);
        row.local_blake3 = Some(lh);
        row.verified_at = Some(now_secs());
    } else if let Some(r) = prev.filter(|r| r.local_blake3.is_some()) {
        if r.local_size != l.size || r.local_mtime_ns != l.mtime_ns {
            // The metadata moved since the verification: read the local side to know.
            let lh = match hash_with_progress(&local_path, progress) {
                Ok(h) => h,
                Err(e) => return Decision::Error(local_path, e.to_string()),
            };
            hashed = l.size;
            if Some(lh) != r.local_blake3 {
                return Decision::Problem(
                    Reason::Corrupted,
                    "no longer matches the hash recorded when it was verified".into(),
                );
            }
            row.local_blake3 = Some(lh);
            row.verified_at = Some(now_secs());
        }
    }
    Decision::Matched(Box::new(row), hashed)
}
