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

use super::store::{self, Synced};
use super::{leftovers, Library, Reason};
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
    pub errors: u64,
}

#[derive(Default)]
struct Item {
    rel: PathBuf,
    local: Option<Stat>,
    source: Option<Stat>,
    synced: Option<Synced>,
    leftovers: Vec<PathBuf>,
}

enum Decision {
    Problem(Reason, String),
    Orphan,
    Matched(Box<Synced>, u64),
    Nothing,
    Error(PathBuf, String),
    /// The local container is broken and so is the source's: a warning, not queued.
    BrokenAtSource(String),
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
                let d = decide(lib, it, online, opts, progress);
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
        match d {
            Decision::Nothing => {}
            Decision::Error(p, msg) => {
                sum.errors += 1;
                on_event(CheckEvent::Error(Some(p), msg));
            }
            Decision::BrokenAtSource(msg) => {
                sum.broken_at_source += 1;
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
                        &local_path,
                        Some(&src),
                        reason,
                        priority,
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
        Ok(Some(v @ Verdict::Truncated { .. })) => Ok(Some((Reason::Incomplete, v.describe()))),
        Ok(Some(v)) => Ok(Some((Reason::Corrupted, v.describe()))),
        Err(e) => Err(e.to_string()),
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
    if it.synced.is_none() && (l.size > s.size || (l.size == s.size && s.mtime_ns > l.mtime_ns)) {
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
    match container_problem(&local_path) {
        Ok(Some((reason, detail))) => {
            // A source that fails the same check cannot be repaired by copying it again.
            return match container_problem(&source_path) {
                Ok(None) => Decision::Problem(reason, detail),
                Ok(Some(_)) => Decision::BrokenAtSource(broken_in_source_too(&local_path, &detail)),
                Err(e) => Decision::Error(source_path, e),
            };
        }
        Ok(None) => {}
        Err(e) => return Decision::Error(local_path, e),
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
