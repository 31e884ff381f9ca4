//! Carrying a plan out. Every step (folders to create, each file, folders emptied) is
//! written to the catalog's journal in one transaction before the first file is touched;
//! steps are then done in order and marked `done` in batched transactions. A crash
//! between a rename and its mark is harmless: `recover` reads the disk to tell.
//!
//! Nothing is written outside the target root through a symbolic link below it: before
//! anything is journaled, a link on the way to any target folder stops the run with a
//! message naming it, and every folder and file is then made through descriptors walked
//! down from the root without following links ([`crate::fsops::beneath`]), so a link put
//! in place while the run goes is refused too. `follow_links` lifts both (a folder linked
//! to another disk on purpose).

use std::collections::BTreeSet;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use super::batch::Batch;
use super::plan::{Action, Plan};
use super::steps::{self, Detail, Failed, Mode, Within};
use crate::catalog::Catalog;
use crate::paths;
use crate::progress::Progress;

/// What happened to one step.
#[derive(Debug, Clone, Serialize)]
pub struct StepReport {
    pub run: i64,
    pub op: String,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub from: Option<PathBuf>,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub to: Option<PathBuf>,
    /// `done`, `failed`, `skipped`, `undone`.
    pub state: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Totals of an apply.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ApplySummary {
    pub run: i64,
    pub done: u64,
    pub failed: u64,
    pub skipped: u64,
    pub bytes: u64,
    pub folders_created: u64,
    pub folders_removed: u64,
}

/// Carry out `plan` in `mode`, journaled as a run of `command`. `bases` are the folders
/// given to the command: folders the run empties below them (never them) are removed.
/// Targets are reached through symbolic links below the root only when `follow_links`.
#[allow(clippy::too_many_arguments)]
pub fn apply(
    cat: &Catalog,
    plan: &Plan,
    mode: Mode,
    bases: &[PathBuf],
    follow_links: bool,
    command: &str,
    progress: &dyn Progress,
    on_step: &mut dyn FnMut(&StepReport),
) -> Result<ApplySummary> {
    let within = Within {
        root: &plan.root,
        follow_links,
    };
    if !follow_links {
        refuse_links(plan)?;
    }
    let run = cat.begin_run("organize", command)?;
    let mut sum = ApplySummary {
        run,
        ..ApplySummary::default()
    };
    // Folders to create, shallowest first, each once.
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut seen = BTreeSet::new();
    for m in &plan.moves {
        for d in steps::missing_dirs(m.to.parent().unwrap_or(Path::new("/")), &plan.root) {
            if seen.insert(d.clone()) {
                dirs.push(d);
            }
        }
    }
    dirs.sort_by_key(|d| d.components().count());

    // Journal everything before touching anything.
    let mut dir_steps = Vec::with_capacity(dirs.len());
    let mut file_steps = Vec::with_capacity(plan.moves.len());
    {
        let mut b = Batch::new(cat);
        b.begin()?;
        for d in &dirs {
            dir_steps.push(cat.journal_add(run, "mkdir", None, Some(d), None)?);
        }
        for m in &plan.moves {
            let op = match (m.action, mode) {
                (Action::Place, mode) => mode.op(),
                (Action::ReplaceIdentical, Mode::Move) => "replace",
                (Action::Swap, Mode::Move) => "swap",
                // Copies and links never touch an existing target.
                _ => "skip",
            };
            let detail = serde_json::to_string(&Detail::from(m.stat))?;
            file_steps.push((
                op,
                cat.journal_add(run, op, Some(&m.from), Some(&m.to), Some(&detail))?,
            ));
        }
        b.commit()?;
    }

    // Folders of one depth are independent: created in parallel, shallowest level first
    // (mkdir, like rmdir, waits on the file system's journal).
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(16)
        .build()
        .context("starting folder threads")?;
    let mut b = Batch::new(cat);
    let mut i = 0;
    while i < dirs.len() {
        let depth = dirs[i].components().count();
        let j = i + dirs[i..]
            .iter()
            .take_while(|d| d.components().count() == depth)
            .count();
        let made: Vec<std::io::Result<()>> = pool.install(|| {
            use rayon::prelude::*;
            dirs[i..j]
                .par_iter()
                .map(|d| make_dir(&within, d))
                .collect()
        });
        b.begin()?;
        // Every folder of the level is marked before a failure stops the run, so undo
        // knows each one it made.
        let mut failed = None;
        for (k, r) in made.into_iter().enumerate() {
            let state = match r {
                Ok(()) => {
                    sum.folders_created += 1;
                    "done"
                }
                // Someone else made it meanwhile: it is not ours to remove on undo.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => "skipped",
                Err(e) => {
                    cat.journal_set(dir_steps[i + k], "failed", Some(&e.to_string()))?;
                    failed.get_or_insert((e, i + k));
                    continue;
                }
            };
            cat.journal_set(dir_steps[i + k], state, None)?;
            b.tick()?;
            b.begin()?;
        }
        if let Some((e, k)) = failed {
            b.commit()?;
            cat.finish_run(run, "failed")?;
            return Err(e).with_context(|| {
                format!(
                    "creating {} (`plexsync organize undo {run}` removes the folders made)",
                    dirs[k].display()
                )
            });
        }
        i = j;
    }
    b.commit()?;
    // Renames are made durable per batch (one syncfs per file system) before the batch's
    // `done` marks are committed, instead of one directory fsync per file.
    b.sync_on(&plan.root);
    for base in bases {
        b.sync_on(base);
    }

    progress.phase(
        "moving",
        Some(plan.moves.len() as u64),
        Some(plan.moves.iter().map(|m| m.size).sum()),
    );
    let mut emptied: BTreeSet<PathBuf> = BTreeSet::new();
    // Same-device renames and links of distinct files are independent and each waits on
    // the file system's journal, so a chunk of them runs in parallel; cross-device copies
    // (free-space checks), replaces and swaps run one by one.
    let root_dev = std::fs::metadata(&plan.root).map(|m| m.dev()).ok();
    let parallel = |op: &str, m: &super::plan::Move| {
        matches!(op, "move" | "hardlink" | "symlink") && Some(m.stat.dev) == root_dev
    };
    const CHUNK: usize = 256;
    let mut done_fs: Vec<Option<Result<&'static str>>> = Vec::new();
    for (k, (m, (op, step))) in plan.moves.iter().zip(&file_steps).enumerate() {
        if k % CHUNK == 0 {
            let end = (k + CHUNK).min(plan.moves.len());
            done_fs = pool.install(|| {
                use rayon::prelude::*;
                (k..end)
                    .into_par_iter()
                    .map(|i| {
                        let (op, _) = file_steps[i];
                        let m = &plan.moves[i];
                        parallel(op, m)
                            .then(|| steps::act(op, &m.from, &m.to, &Detail::from(m.stat), &within))
                    })
                    .collect()
            });
            done_fs.reverse();
        }
        let pre = done_fs.pop().flatten();
        let mut failed_detail = None;
        let (state, detail) = if *op == "skip" {
            (
                "skipped",
                Some("the target exists; copies and links never replace".to_string()),
            )
        } else {
            let r = match pre {
                Some(r) => r.and_then(|how| steps::follow(cat, op, &m.from, &m.to).map(|()| how)),
                None => steps::run(cat, op, &m.from, &m.to, &Detail::from(m.stat), &within),
            };
            match r {
                Ok(how) => ("done", Some(how.to_string())),
                Err(e) => {
                    failed_detail = Some(serde_json::to_string(&Failed::of(
                        Detail::from(m.stat),
                        &e,
                    ))?);
                    ("failed", Some(format!("{e:#}")))
                }
            }
        };
        b.begin()?;
        match state {
            "done" => {
                sum.done += 1;
                sum.bytes += m.size;
                // The journal keeps the planned stat for undo; the report says how.
                cat.journal_set(*step, "done", None)?;
                if mode == Mode::Move {
                    if let Some(p) = m.from.parent() {
                        emptied.insert(p.to_path_buf());
                    }
                }
            }
            "failed" => {
                sum.failed += 1;
                // The planned stat stays for undo, with the error and any copy left.
                cat.journal_set(*step, "failed", failed_detail.as_deref())?;
            }
            _ => {
                sum.skipped += 1;
                cat.journal_set(*step, "skipped", detail.as_deref())?;
            }
        }
        b.tick()?;
        progress.advance(1, m.size);
        on_step(&StepReport {
            run,
            op: op.to_string(),
            from: Some(m.from.clone()),
            to: Some(m.to.clone()),
            state: state.to_string(),
            detail,
        });
    }
    b.commit()?;
    progress.finish();

    // Folders this run emptied, deepest first, up to (not including) the given folders.
    let mut candidates: BTreeSet<PathBuf> = BTreeSet::new();
    for d in &emptied {
        let mut cur = Some(d.as_path());
        while let Some(c) = cur {
            if !bases.iter().any(|b| c.starts_with(b) && c != b) || plan.root.starts_with(c) {
                break;
            }
            candidates.insert(c.to_path_buf());
            cur = c.parent();
        }
    }
    let mut candidates: Vec<PathBuf> = candidates.into_iter().collect();
    candidates.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    // Journal them all first (one transaction), then remove those that are empty.
    let mut rm_steps = Vec::with_capacity(candidates.len());
    b.begin()?;
    for d in &candidates {
        rm_steps.push(cat.journal_add(run, "rmdir", Some(d), None, None)?);
    }
    b.commit()?;
    // rmdir waits on the file system's journal (milliseconds each with online discard):
    // folders of one depth are independent, so they go in parallel, deepest level first.
    let mut i = 0;
    while i < candidates.len() {
        let depth = candidates[i].components().count();
        let j = i + candidates[i..]
            .iter()
            .take_while(|d| d.components().count() == depth)
            .count();
        let removed: Vec<bool> = pool.install(|| {
            use rayon::prelude::*;
            candidates[i..j]
                .par_iter()
                .map(|d| std::fs::remove_dir(d).is_ok())
                .collect()
        });
        b.begin()?;
        for (k, ok) in removed.into_iter().enumerate() {
            // remove_dir refuses a folder that is not empty: those stay.
            let state = if ok {
                sum.folders_removed += 1;
                "done"
            } else {
                "skipped"
            };
            cat.journal_set(rm_steps[i + k], state, None)?;
            b.tick()?;
            b.begin()?;
        }
        i = j;
    }
    b.commit()?;
    cat.finish_run(run, if sum.failed > 0 { "partial" } else { "done" })?;
    Ok(sum)
}

/// Make folder `d` (below the root) through the folder above it, walked to without
/// following links (unless allowed).
fn make_dir(within: &Within, d: &Path) -> std::io::Result<()> {
    let (parent, name) = crate::fsops::moves::split(d)?;
    if parent == d || !d.starts_with(within.root) || d == within.root {
        return std::fs::create_dir(d);
    }
    crate::fsops::beneath::Dir::beneath(within.root, parent, false, within.follow_links)?
        .mkdir_in(name)
}

/// Stop before anything is journaled when a symbolic link lies on the way from the root to
/// a target folder, naming the first one met.
fn refuse_links(plan: &Plan) -> Result<()> {
    let mut seen = BTreeSet::new();
    for m in &plan.moves {
        let Some(dir) = m.to.parent() else { continue };
        if !seen.insert(dir) {
            continue;
        }
        if let Some(link) = crate::fsops::beneath::first_link(&plan.root, dir) {
            let e = crate::fsops::beneath::link_refused(&link, &plan.root);
            anyhow::bail!("{e}; nothing was changed");
        }
    }
    Ok(())
}
