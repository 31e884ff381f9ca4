//! Taking runs back and cleaning up after crashes.
//!
//! `undo` walks a run's done steps in reverse: files go back where they came from,
//! folders the run removed come back, folders it created go away when empty, and a
//! verified copy a failed cross-device move had to leave at its target is taken back.
//! A failed run (one stopped by an error) is undone the same way, so nothing it made
//! stays behind untracked. `recover`
//! finds runs left `running` (or `undoing`) by a process that died — the caller holds the
//! catalog lock, so such a run's process is gone — and settles each unfinished step by
//! looking at the disk: finished when the file arrived, rolled back when it did not,
//! temporary files removed. No file is lost, none is left under a temporary name.

use anyhow::{bail, Context, Result};

use super::apply::StepReport;
use super::batch::Batch;
use super::steps::{self, Detail, Failed};
use crate::catalog::journal::Run;
use crate::catalog::Catalog;

/// States of a run that can be undone.
pub const UNDOABLE: &[&str] = &["done", "partial", "recovered", "failed"];

/// The steps undo takes back: the done ones, and the failed ones that left a copy.
pub fn to_undo(s: &crate::catalog::journal::Step) -> bool {
    s.state == "done" || s.state == "failed" && Failed::left(s.detail.as_deref()).is_some()
}

/// Totals of an undo or a recover.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct UndoSummary {
    pub runs: Vec<i64>,
    pub undone: u64,
    pub finished: u64,
    pub rolled_back: u64,
    pub failed: u64,
    /// The prompt was answered no: nothing was done.
    pub cancelled: bool,
}

fn report(
    run: i64,
    s: &crate::catalog::journal::Step,
    state: &str,
    detail: Option<String>,
) -> StepReport {
    StepReport {
        run,
        op: s.op.clone(),
        from: s.src.clone(),
        to: s.dst.clone(),
        state: state.to_string(),
        detail,
    }
}

/// Settle every organize run a dead process left `running` or `undoing`.
pub fn recover(cat: &Catalog, on_step: &mut dyn FnMut(&StepReport)) -> Result<UndoSummary> {
    let mut sum = UndoSummary::default();
    let stale: Vec<Run> = cat
        .runs("organize")?
        .into_iter()
        .filter(|r| r.state == "running" || r.state == "undoing")
        .collect();
    for run in stale {
        sum.runs.push(run.id);
        let mut failed = 0;
        for s in cat.journal_steps(run.id)? {
            let pending = if run.state == "running" {
                matches!(s.state.as_str(), "planned" | "started")
            } else {
                // An undo that died: steps still `done` may have been half undone.
                s.state == "done"
            };
            if !pending {
                continue;
            }
            let d = Detail::parse(s.detail.as_deref());
            let src = s.src.clone().unwrap_or_default();
            let dst = s.dst.clone().unwrap_or_default();
            let settled = if run.state == "running" {
                steps::settle(cat, &s.op, &src, &dst, &d)
            } else {
                // Undo runs dst → src: settle the reverse direction.
                match s.op.as_str() {
                    "mkdir" => Ok(if dst.is_dir() { "done" } else { "undone" }),
                    "rmdir" => Ok(if src.is_dir() { "undone" } else { "done" }),
                    "move" => steps::settle(cat, "move", &dst, &src, &d).map(|st| {
                        if st == "done" {
                            "undone"
                        } else {
                            "done"
                        }
                    }),
                    _ => Ok("done"),
                }
            };
            match settled {
                Ok(state) => {
                    if state == "done" && run.state == "running" {
                        sum.finished += 1;
                    } else if state != "done" {
                        sum.rolled_back += 1;
                    }
                    cat.journal_set(s.id, state, None)?;
                    on_step(&report(run.id, &s, state, Some("recovered".into())));
                }
                Err(e) => {
                    failed += 1;
                    sum.failed += 1;
                    let msg = format!("{e:#}");
                    cat.journal_set(s.id, "failed", Some(&msg))?;
                    on_step(&report(run.id, &s, "failed", Some(msg)));
                }
            }
        }
        let state = match (run.state.as_str(), failed) {
            ("running", 0) => "recovered",
            ("running", _) => "partial",
            // A half-undone run stays undoable: `undo` again finishes it.
            _ => "partial",
        };
        cat.finish_run(run.id, state)?;
    }
    Ok(sum)
}

/// Undo run `id` (the newest undoable organize run when `None`).
pub fn undo(
    cat: &Catalog,
    id: Option<i64>,
    on_step: &mut dyn FnMut(&StepReport),
) -> Result<UndoSummary> {
    let runs = cat.runs("organize")?;
    let run = match id {
        Some(id) => match runs.iter().find(|r| r.id == id) {
            Some(r) => r.clone(),
            None => bail!("no organize run {id} (see `plexsync organize history`)"),
        },
        None => match runs.iter().find(|r| UNDOABLE.contains(&r.state.as_str())) {
            Some(r) => r.clone(),
            None => bail!("no organize run to undo"),
        },
    };
    if !UNDOABLE.contains(&run.state.as_str()) {
        bail!(
            "run {} is {}; only a done, partial, failed or recovered run can be undone",
            run.id,
            run.state
        );
    }
    cat.conn()
        .execute("UPDATE runs SET state = 'undoing' WHERE id = ?1", [run.id])?;
    let mut sum = UndoSummary {
        runs: vec![run.id],
        ..UndoSummary::default()
    };
    let mut steps_done: Vec<_> = cat
        .journal_steps(run.id)?
        .into_iter()
        .filter(to_undo)
        .collect();
    steps_done.reverse();
    let mut b = Batch::new(cat);
    // One syncfs per file system: find them from the distinct folders involved.
    let mut folders = std::collections::HashSet::new();
    for s in &steps_done {
        for p in [&s.src, &s.dst].into_iter().flatten() {
            if let Some(dir) = p.parent() {
                if folders.insert(dir.to_path_buf()) {
                    b.sync_on(dir);
                }
            }
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(16)
        .build()
        .context("starting folder threads")?;
    let mut i = 0;
    while i < steps_done.len() {
        let s = &steps_done[i];
        if s.op == "mkdir" {
            // Folders the run created, deepest first: one depth at a time in parallel,
            // since each rmdir waits on the file system's journal.
            let depth = |s: &crate::catalog::journal::Step| {
                s.dst.as_ref().map_or(0, |d| d.components().count())
            };
            let level = depth(s);
            let j = i + steps_done[i..]
                .iter()
                .take_while(|t| t.op == "mkdir" && depth(t) == level)
                .count();
            pool.install(|| {
                use rayon::prelude::*;
                steps_done[i..j].par_iter().for_each(|t| {
                    if let Some(d) = &t.dst {
                        // A folder that is not empty (or gone) simply stays as it is.
                        let _ = std::fs::remove_dir(d);
                    }
                });
            });
            b.begin()?;
            for t in &steps_done[i..j] {
                sum.undone += 1;
                cat.journal_set(t.id, "undone", None)?;
                b.tick()?;
                b.begin()?;
                on_step(&report(run.id, t, "undone", None));
            }
            i = j;
            continue;
        }
        i += 1;
        let d = Detail::parse(s.detail.as_deref());
        let src = s.src.clone().unwrap_or_default();
        let dst = s.dst.clone().unwrap_or_default();
        let undone = match Failed::left(s.detail.as_deref()) {
            Some(left) if s.state == "failed" => steps::take_back(cat, &src, &dst, &d, &left),
            _ => steps::undo(cat, &s.op, &src, &dst, &d),
        };
        match undone {
            Ok(()) => {
                sum.undone += 1;
                b.begin()?;
                cat.journal_set(s.id, "undone", None)?;
                b.tick()?;
                on_step(&report(run.id, s, "undone", None));
            }
            Err(e) => {
                sum.failed += 1;
                let msg = format!("{e:#}");
                on_step(&report(run.id, s, "failed", Some(msg)));
            }
        }
    }
    b.commit()?;
    drop(b);
    cat.finish_run(run.id, if sum.failed == 0 { "undone" } else { "partial" })?;
    Ok(sum)
}

/// One line of history: a run and its step counts.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RunInfo {
    #[serde(flatten)]
    pub run: Run,
    pub steps: u64,
    pub done: u64,
    pub failed: u64,
    pub undone: u64,
}

/// Organize runs, newest first, with their step counts.
pub fn history(cat: &Catalog) -> Result<Vec<RunInfo>> {
    let mut out = Vec::new();
    for run in cat.runs("organize")? {
        let mut stmt = cat.conn().prepare_cached(
            "SELECT count(*), coalesce(sum(state = 'done'), 0), coalesce(sum(state = 'failed'), 0),
                    coalesce(sum(state = 'undone'), 0)
             FROM journal WHERE run_id = ?1 AND op NOT IN ('mkdir', 'rmdir')",
        )?;
        let (steps, done, failed, undone) = stmt.query_row([run.id], |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, i64>(1)? as u64,
                r.get::<_, i64>(2)? as u64,
                r.get::<_, i64>(3)? as u64,
            ))
        })?;
        out.push(RunInfo {
            run,
            steps,
            done,
            failed,
            undone,
        });
    }
    Ok(out)
}
