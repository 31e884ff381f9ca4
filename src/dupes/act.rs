//! Acting on a fresh detection: remove the non-keepers (or move them to a trash folder),
//! replace them with hard or symbolic links to the keeper, or move them out keeping
//! their paths relative to their root.
//!
//! Safety: a step touches only a non-keeper under the roots given; immediately before
//! it, the keeper and the file are re-checked (same size, mtime and inode as analysed,
//! and for exact and partial groups the content is hashed again and compared with the
//! keeper's), and anything that changed is skipped with the reason. Every step is
//! journaled in the catalog (`planned` → `started` → `done`/`failed`/`skipped`) before
//! the file is touched, and the catalog rows follow the files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::candidates::root_of;
use super::model::{Confidence, Group, GroupFile, Kind};
use super::Found;
use crate::catalog::{now_secs, Catalog, FileUpdate, Stat};
use crate::fsops;
use crate::hash;
use crate::paths;

/// What to do with the non-keepers.
#[derive(Debug, Clone)]
pub enum Op {
    /// Delete them, or move them into `trash` keeping their relative paths.
    Remove { trash: Option<PathBuf> },
    /// Replace them with a hard link (or a symlink) to the keeper.
    Link { symlink: bool },
    /// Move them into `to`, keeping their paths relative to their root.
    Move { to: PathBuf },
}

/// Which groups to act on, and how.
#[derive(Debug, Clone)]
pub struct ActOptions {
    pub op: Op,
    /// Kinds that act (default: exact only).
    pub kinds: Vec<Kind>,
    /// Groups below this confidence are left alone.
    pub min_confidence: Confidence,
}

/// The state of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Planned,
    Done,
    Skipped,
    Failed,
}

/// One file operation.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// `remove`, `trash`, `link`, `symlink` or `move`.
    pub op: &'static str,
    pub kind: Kind,
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    #[serde(serialize_with = "paths::serialize")]
    pub keep: PathBuf,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub dst: Option<PathBuf>,
    /// Bytes this step frees (an inode's size is counted on its first name only).
    pub bytes: u64,
    pub state: State,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip)]
    group: usize,
    #[serde(skip)]
    file: usize,
}

/// Totals of an acting run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ActSummary {
    pub planned: u64,
    pub done: u64,
    pub skipped: u64,
    pub failed: u64,
    /// Bytes freed (or, in a dry run, that would be freed).
    pub bytes: u64,
    pub dry_run: bool,
    /// The catalog run that journals the steps (none in a dry run).
    pub run: Option<i64>,
}

/// The steps acting would take, in group order (largest waste first).
pub fn plan(found: &Found, opts: &ActOptions) -> Vec<Step> {
    let mut steps = Vec::new();
    for (gi, g) in found.groups.iter().enumerate() {
        if !opts.kinds.contains(&g.kind) || g.confidence < opts.min_confidence {
            continue;
        }
        // A link only makes sense where the content is the same.
        if matches!(opts.op, Op::Link { .. }) && g.kind != Kind::Exact {
            continue;
        }
        let Some(keeper) = g.keeper() else { continue };
        for (fi, f) in g.files.iter().enumerate() {
            if f.keep {
                continue;
            }
            for (n, name) in std::iter::once(&f.path).chain(&f.links).enumerate() {
                let (op, dst) = match &opts.op {
                    Op::Remove { trash: None } => ("remove", None),
                    Op::Remove { trash: Some(dir) } => {
                        ("trash", Some(relocate(name, dir, &found.roots)))
                    }
                    Op::Link { symlink: false } => ("link", None),
                    Op::Link { symlink: true } => ("symlink", None),
                    Op::Move { to } => ("move", Some(relocate(name, to, &found.roots))),
                };
                steps.push(Step {
                    op,
                    kind: g.kind,
                    path: name.clone(),
                    keep: keeper.path.clone(),
                    dst,
                    bytes: if n == 0 { f.size } else { 0 },
                    state: State::Planned,
                    reason: None,
                    group: gi,
                    file: fi,
                });
            }
        }
    }
    steps
}

/// `path` moved under `dir`, keeping its path relative to the root it was found under.
fn relocate(path: &Path, dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let rel = root_of(path, roots)
        .and_then(|r| path.strip_prefix(r).ok())
        .filter(|r| !r.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(path.file_name().unwrap_or_default()));
    dir.join(rel)
}

/// Run the steps: journal, re-check, act, update the catalog. `on_step` hears each step
/// once it is finished.
pub fn execute(
    cat: &mut Catalog,
    found: &Found,
    mut steps: Vec<Step>,
    command: &str,
    on_step: &mut dyn FnMut(&Step),
) -> Result<ActSummary> {
    let run = cat.begin_run("dupes", command)?;
    let mut sum = ActSummary {
        planned: steps.len() as u64,
        run: Some(run),
        ..ActSummary::default()
    };
    let mut keepers: HashMap<usize, Result<(), String>> = HashMap::new();
    let mut victims: HashMap<(usize, usize), Result<(), String>> = HashMap::new();
    for step in &mut steps {
        let g = &found.groups[step.group];
        let f = &g.files[step.file];
        let detail = format!("{} group, keeper {}", g.kind.as_str(), step.keep.display());
        let id = cat.journal_add(
            run,
            step.op,
            Some(&step.path),
            step.dst.as_deref().or(Some(&step.keep)),
            Some(&detail),
        )?;
        let keeper_ok = keepers
            .entry(step.group)
            .or_insert_with(|| check_keeper(g))
            .clone();
        let check = keeper_ok
            .map_err(|e| format!("the keeper {e}"))
            .and_then(|()| check_name(step, f, &found.roots))
            .and_then(|()| {
                victims
                    .entry((step.group, step.file))
                    .or_insert_with(|| check_content(g, f))
                    .clone()
            });
        if let Err(reason) = check {
            cat.journal_set(id, "skipped", Some(&reason))?;
            step.state = State::Skipped;
            step.reason = Some(reason);
            sum.skipped += 1;
            on_step(step);
            continue;
        }
        cat.journal_set(id, "started", None)?;
        match perform(step) {
            Ok(()) => {
                cat.journal_set(id, "done", None)?;
                follow_in_catalog(cat, step, g)?;
                step.state = State::Done;
                sum.done += 1;
                sum.bytes += step.bytes;
            }
            Err(e) => {
                let reason = e.to_string();
                cat.journal_set(id, "failed", Some(&reason))?;
                step.state = State::Failed;
                step.reason = Some(reason);
                sum.failed += 1;
            }
        }
        on_step(step);
    }
    cat.finish_run(run, if sum.failed > 0 { "failed" } else { "done" })?;
    Ok(sum)
}

/// The keeper is still what was analysed (and, for content groups, still hashes the same).
fn check_keeper(g: &Group) -> Result<(), String> {
    let k = g.keeper().ok_or("is missing from the group")?;
    match Stat::of(&k.path) {
        Ok(s) if s == k.stat => {}
        Ok(_) => {
            return Err(format!(
                "{} changed since it was analysed",
                k.path.display()
            ))
        }
        Err(e) => return Err(format!("{}: {e}", k.path.display())),
    }
    if g.kind == Kind::Exact {
        let want = k.blake3.ok_or("has no recorded hash")?;
        match hash::blake3_file(&k.path, &mut |_| {}) {
            Ok(d) if d == want => {}
            Ok(_) => {
                return Err(format!(
                    "{} no longer has the same content",
                    k.path.display()
                ))
            }
            Err(e) => return Err(format!("{}: {e}", k.path.display())),
        }
    }
    Ok(())
}

/// This name of the file is still the inode analysed, and lies under a root.
fn check_name(step: &Step, f: &GroupFile, roots: &[PathBuf]) -> Result<(), String> {
    if step.path == step.keep {
        return Err("it is the keeper".into());
    }
    if root_of(&step.path, roots).is_none() {
        return Err("it is outside the paths given".into());
    }
    match Stat::of(&step.path) {
        Ok(s) if s == f.stat => Ok(()),
        Ok(_) => Err("it changed since it was analysed (size, mtime or inode)".into()),
        Err(e) => Err(format!("it cannot be read now: {e}")),
    }
}

/// For content groups, the file's bytes still are the keeper's (or a prefix of them).
fn check_content(g: &Group, f: &GroupFile) -> Result<(), String> {
    let Some(k) = g.keeper() else {
        return Err("no keeper".into());
    };
    match g.kind {
        Kind::Exact => {
            let d = hash::blake3_file(&f.path, &mut |_| {}).map_err(|e| e.to_string())?;
            if Some(d) != k.blake3 {
                return Err("its content no longer equals the keeper's".into());
            }
        }
        Kind::Partial => {
            let d = hash::blake3_file(&f.path, &mut |_| {}).map_err(|e| e.to_string())?;
            let p = hash::blake3_range(&k.path, 0, f.size).map_err(|e| e.to_string())?;
            if d != p || Some(d) != f.blake3 {
                return Err("it is no longer a prefix of the keeper".into());
            }
        }
        _ => {}
    }
    Ok(())
}

fn perform(step: &Step) -> std::io::Result<()> {
    match step.op {
        "remove" => std::fs::remove_file(&step.path),
        "trash" | "move" => {
            let dst = step
                .dst
                .as_deref()
                .expect("trash and move have a destination");
            fsops::move_file(&step.path, dst).map(|_| ())
        }
        "link" => fsops::replace_with_hardlink(&step.keep, &step.path),
        "symlink" => fsops::replace_with_symlink(&step.keep, &step.path),
        other => Err(std::io::Error::other(format!("unknown operation {other}"))),
    }
}

/// Make the catalog rows follow what happened to the file.
fn follow_in_catalog(cat: &mut Catalog, step: &Step, g: &Group) -> Result<()> {
    match step.op {
        "trash" | "move" => {
            if let Some(dst) = &step.dst {
                cat.rename_path(&step.path, dst)?;
            }
        }
        "link" => {
            let k = g.keeper().expect("checked");
            let root_id = cat.file(&step.path)?.and_then(|r| r.root_id);
            let stat = Stat::of(&step.path)?;
            let mut ups = vec![FileUpdate::Seen {
                path: step.path.clone(),
                root_id,
                stat,
                kind: crate::media::kind::FileKind::of(&step.path).as_str(),
                now: now_secs(),
            }];
            if let Some(d) = k.blake3 {
                ups.push(FileUpdate::Hashed {
                    path: step.path.clone(),
                    stat,
                    blake3: d,
                });
            }
            cat.apply_updates(&ups)?;
        }
        // Removed, or now a symlink (which scans skip): the file is gone from the catalog.
        _ => cat.set_status(&step.path, "missing")?,
    }
    // The usage log hears of it as `managed` (weight 0), at the file's new path after a move.
    let at = match step.op {
        "trash" | "move" => step.dst.as_deref().unwrap_or(&step.path),
        _ => &step.path,
    };
    let meta = serde_json::json!({ "engine": "dupes", "op": step.op });
    crate::usage::record(
        cat,
        at,
        crate::usage::AccessType::Managed,
        now_secs(),
        Some(&meta),
    )?;
    Ok(())
}
