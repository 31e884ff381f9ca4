//! `resync verify`: a scrub of local files alone, no source needed. Every media file gets
//! the container check; every file with a hash recorded at its last verification is read
//! and compared with it (bit rot keeps size and mtime, so the content is always read).
//! What fails is queued against its known source.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use super::check::{self, Candidate, CheckEvent};
use super::store::{self, Synced};
use super::{leftovers, Library, Reason};
use crate::catalog::{Catalog, Stat};
use crate::hash;
use crate::media::container;
use crate::paths;
use crate::progress::Progress;
use crate::scan::walk::{self, Found};

/// How to scrub.
#[derive(Debug, Clone, Copy, Default)]
pub struct VerifyOptions {
    /// Priority for requests queued (default: by reason).
    pub priority: Option<u8>,
    /// Worker threads.
    pub jobs: usize,
    /// Report only: queue nothing, record nothing.
    pub dry_run: bool,
}

/// Totals of a scrub.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifySummary {
    pub files: u64,
    pub containers_checked: u64,
    pub hashed: u64,
    pub hashed_bytes: u64,
    pub failed: u64,
    pub queued: u64,
    /// Failing files whose source's container is broken the same way: copying again
    /// cannot mend them, so they are not queued (they count in `failed`).
    pub broken_at_source: u64,
    pub errors: u64,
}

enum Verdict2 {
    Fine {
        hashed: Option<(Stat, hash::Blake3)>,
        container: bool,
    },
    /// A failing file: its container check failed (`broken`), or its recorded hash no
    /// longer matches (`container`: a container was checked first).
    Bad {
        reason: Reason,
        detail: String,
        container: bool,
        broken: bool,
    },
    Error(String),
}

/// Scrub `roots` (files or folders); `libs` map local files to sources when the catalog
/// does not know where a file came from.
pub fn verify(
    cat: &mut Catalog,
    roots: &[PathBuf],
    libs: &[Library],
    opts: &VerifyOptions,
    progress: &dyn Progress,
    on_event: &mut dyn FnMut(CheckEvent),
) -> Result<VerifySummary> {
    let mut sum = VerifySummary::default();
    let mut files: Vec<(PathBuf, Stat, Option<Synced>)> = Vec::new();
    progress.phase("walking", None, None);
    for root in roots {
        let root = paths::absolute(root)?;
        let known = store::synced_under(cat, &root)?;
        let mut single = store::synced(cat, &root)?;
        walk::walk(&root, false, opts.jobs.max(1), &mut |f| match f {
            Found::File(p, st) => {
                if p.file_name().and_then(leftovers::target_name).is_some() {
                    return;
                }
                let row = known
                    .get(paths::to_bytes(&p))
                    .cloned()
                    .or_else(|| single.take().filter(|s| s.path == p));
                files.push((p, st, row));
            }
            Found::Special(_) => {}
            Found::Error(p, msg) => {
                sum.errors += 1;
                on_event(CheckEvent::Error(p, msg));
            }
        });
    }
    sum.files = files.len() as u64;
    let bytes: u64 = files
        .iter()
        .filter(|f| f.2.as_ref().is_some_and(|r| r.local_blake3.is_some()))
        .map(|f| f.1.size)
        .sum();
    progress.phase("verifying", Some(files.len() as u64), Some(bytes));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.max(1))
        .build()?;
    let verdicts: Vec<(Verdict2, Option<String>)> = pool.install(|| {
        files
            .par_iter()
            .map(|(p, st, row)| {
                let v = scrub_one(p, st, row.as_ref(), progress);
                progress.advance(1, 0);
                v
            })
            .collect()
    });
    progress.finish();
    let tx = cat.conn_mut().transaction()?;
    for ((path, _, row), (v, warning)) in files.into_iter().zip(verdicts) {
        if let Some(w) = warning {
            on_event(CheckEvent::Warning(format!(
                "{}: {w}",
                paths::display(&path)
            )));
        }
        match v {
            Verdict2::Error(msg) => {
                sum.errors += 1;
                on_event(CheckEvent::Error(Some(path), msg));
            }
            Verdict2::Fine { hashed, container } => {
                sum.containers_checked += u64::from(container);
                if let Some((st, d)) = hashed {
                    sum.hashed += 1;
                    sum.hashed_bytes += st.size;
                    if !opts.dry_run {
                        if let Some(mut r) = row {
                            r.local_blake3 = Some(d);
                            r.local_size = st.size;
                            r.local_mtime_ns = st.mtime_ns;
                            r.verified_at = Some(crate::catalog::now_secs());
                            store::put_synced(&tx, &r)?;
                        }
                    }
                }
            }
            Verdict2::Bad {
                reason,
                detail,
                container,
                broken,
            } => {
                sum.containers_checked += u64::from(container);
                sum.failed += 1;
                let source = row
                    .as_ref()
                    .map(|r| r.source.clone())
                    .or_else(|| libs.iter().find_map(|l| l.source_of(&path)));
                // A source broken the same way cannot mend it (one that cannot be read,
                // e.g. offline, might: the request is queued).
                if broken
                    && source
                        .as_deref()
                        .is_some_and(|s| matches!(check::container_problem(s), Ok(Some(_))))
                {
                    sum.broken_at_source += 1;
                    on_event(CheckEvent::Warning(check::broken_in_source_too(
                        &path, &detail,
                    )));
                    continue;
                }
                let priority = opts.priority.unwrap_or(reason.default_priority());
                let id = match (&source, opts.dry_run) {
                    (Some(s), false) => {
                        sum.queued += 1;
                        let lib = libs.iter().find(|l| path.starts_with(&l.dest));
                        Some(store::enqueue(
                            &tx,
                            &store::NewRequest {
                                path: &path,
                                source: Some(s),
                                reason,
                                priority,
                                root: lib.map(|l| l.dest.as_path()),
                                seen: None,
                            },
                        )?)
                    }
                    _ => None,
                };
                let detail = if source.is_none() {
                    format!("{detail} (no source known: not queued)")
                } else {
                    detail
                };
                on_event(CheckEvent::Candidate(Candidate {
                    size: std::fs::symlink_metadata(&path).ok().map(|m| m.len()),
                    path,
                    source,
                    reason,
                    priority,
                    source_size: None,
                    detail,
                    id,
                }));
            }
        }
    }
    tx.commit()?;
    Ok(sum)
}

/// The verdict on one file, with a warning when its extension names another container
/// than the one it holds.
fn scrub_one(
    path: &Path,
    st: &Stat,
    row: Option<&Synced>,
    progress: &dyn Progress,
) -> (Verdict2, Option<String>) {
    let report = match container::inspect(path) {
        Ok(r) => r,
        Err(e) => return (Verdict2::Error(e.to_string()), None),
    };
    let warning = report.as_ref().and_then(|r| r.extension_warning());
    (
        scrub_verdict(path, st, row, progress, report.map(|r| r.verdict)),
        warning,
    )
}

fn scrub_verdict(
    path: &Path,
    st: &Stat,
    row: Option<&Synced>,
    progress: &dyn Progress,
    verdict: Option<container::Verdict>,
) -> Verdict2 {
    let container = verdict.is_some();
    if let Some(v) = verdict.filter(|v| !v.is_ok()) {
        let reason = if v.is_incomplete() {
            Reason::Incomplete
        } else {
            Reason::Corrupted
        };
        return Verdict2::Bad {
            reason,
            detail: v.describe(),
            container,
            broken: true,
        };
    }
    let Some(want) = row.and_then(|r| r.local_blake3) else {
        return Verdict2::Fine {
            hashed: None,
            container,
        };
    };
    match crate::hash::blake3_file(path, &mut |n| progress.advance(0, n)) {
        Ok(d) if d == want => Verdict2::Fine {
            hashed: Some((*st, d)),
            container,
        },
        Ok(_) => Verdict2::Bad {
            reason: Reason::Corrupted,
            detail: "no longer matches the hash recorded when it was verified".into(),
            container,
            broken: false,
        },
        Err(e) => Verdict2::Error(e.to_string()),
    }
}
