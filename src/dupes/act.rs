//! Acting on a fresh detection: remove the non-keepers (or move them to a trash folder),
//! replace them with hard or symbolic links to the keeper, or move them out keeping
//! their paths relative to their root.
//!
//! Safety: a step touches only a non-keeper under the roots given, and every step that
//! takes a file out of its place (remove, trash, move, link, symlink) follows the
//! set-aside protocol of [`crate::fsops::aside`]: the file is renamed to a hidden name
//! first, then it and the keeper are re-checked (same size, mtime and inode as analysed,
//! and for exact and partial groups the content hashed again: the file's against the
//! keeper's digest, the keeper's — at its own name, a regular file — against the same),
//! and only then is the file let go; otherwise it is put back and the step skipped with
//! the reason. That is what keeps a copy standing when other processes, with other
//! catalogs and other keepers, act on the same tree at the same time: the module's proof
//! covers any number of them. Two that set each other's keepers aside at once both put
//! back and retry after a short random pause.
//!
//! Every step is journaled in the catalog (`planned` → `started` → `done`/`failed`/
//! `skipped`) before the file is touched, and the catalog rows follow the files. A run a
//! killed process left `running` is settled by the next acting run on the same catalog:
//! files it had set aside are put back.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::candidates::root_of;
use super::model::{Confidence, Group, GroupFile, Kind};
use super::Found;
use crate::catalog::{now_secs, Catalog, FileUpdate, Stat};
use crate::fsops::aside::{self, Content, Digests, Expect, Refusal, Then};
use crate::fsops::{self, trash};
use crate::paths;

/// Where removed files go instead of being deleted.
#[derive(Debug, Clone)]
pub enum Trash {
    /// Into this folder, keeping their paths relative to their root.
    Dir(PathBuf),
    /// The desktop trash of their file system (freedesktop.org), restorable from a file
    /// manager.
    Desktop,
}

/// What to do with the non-keepers.
#[derive(Debug, Clone)]
pub enum Op {
    /// Delete them, or move them into a trash.
    Remove { trash: Option<Trash> },
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
    /// Files an interrupted earlier run had set aside, put back before this one started.
    pub recovered: u64,
    /// The prompt was answered no: nothing was done.
    pub cancelled: bool,
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
                    Op::Remove {
                        trash: Some(Trash::Dir(dir)),
                    } => ("trash", Some(relocate(name, dir, &found.roots))),
                    // Where in the desktop trash is known once it is there.
                    Op::Remove {
                        trash: Some(Trash::Desktop),
                    } => ("trash", None),
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
    let recovered = recover(cat)?;
    let run = cat.begin_run("dupes", command)?;
    let mut sum = ActSummary {
        planned: steps.len() as u64,
        run: Some(run),
        recovered,
        ..ActSummary::default()
    };
    let mut digests = Digests::default();
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
        let wants = check_name(step, &found.roots).and_then(|()| expectations(g, f));
        let outcome = match wants {
            Err(reason) => Err(Refusal::Changed(reason)),
            Ok((victim, keeper)) => {
                cat.journal_set(id, "started", None)?;
                perform_retrying(step, &victim, &keeper, &mut digests)
            }
        };
        match outcome {
            Ok(moved_to) => {
                let note = moved_to
                    .as_ref()
                    .map(|p| format!("{detail}; now at {}", p.display()));
                if moved_to.is_some() {
                    step.dst = moved_to;
                }
                cat.journal_set(id, "done", note.as_deref())?;
                follow_in_catalog(cat, step, g)?;
                step.state = State::Done;
                sum.done += 1;
                sum.bytes += step.bytes;
            }
            Err(r @ (Refusal::Changed(_) | Refusal::NoCopy(_))) => {
                let reason = r.to_string();
                cat.journal_set(id, "skipped", Some(&reason))?;
                step.state = State::Skipped;
                step.reason = Some(reason);
                sum.skipped += 1;
            }
            Err(r) => {
                let reason = r.to_string();
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

/// Settle dupes runs a killed process left `running` (the caller holds the catalog lock,
/// so their process is gone): put back what their unfinished steps had set aside.
/// Returns how many files came back.
fn recover(cat: &Catalog) -> Result<u64> {
    let mut back = 0;
    for run in cat
        .runs("dupes")?
        .into_iter()
        .filter(|r| r.state == "running")
    {
        for s in cat.journal_steps(run.id)? {
            if !matches!(s.state.as_str(), "planned" | "started") {
                continue;
            }
            let (put_back, stuck) = s.src.as_deref().map(aside::recover).unwrap_or_default();
            back += put_back.len() as u64;
            let note = match stuck.first() {
                Some(p) => format!("interrupted; the file waits at {}", p.display()),
                None => "interrupted".to_string(),
            };
            cat.journal_set(s.id, "failed", Some(&note))?;
        }
        cat.finish_run(run.id, "recovered")?;
    }
    Ok(back)
}

/// This name of the file may be acted on: not the keeper, under a root, not one of
/// plexsync's temporary or set-aside files. (Its identity is checked once it is set aside.)
fn check_name(step: &Step, roots: &[PathBuf]) -> Result<(), String> {
    if step.path == step.keep {
        return Err("it is the keeper".into());
    }
    if root_of(&step.path, roots).is_none() {
        return Err("it is outside the paths given".into());
    }
    if step.path.file_name().is_none_or(fsops::is_temp_name) {
        return Err("it is a plexsync temporary or set-aside file".into());
    }
    Ok(())
}

/// What the file (the victim) and the keeper must still be for the group's decision to
/// hold: their analysed identities, and where the decision rests on content, the bytes:
/// an exact copy holds the keeper's digest; a partial one is a prefix of the keeper.
fn expectations(g: &Group, f: &GroupFile) -> Result<(Expect, Expect), String> {
    let k = g.keeper().ok_or("the group has no keeper")?;
    let (victim, keeper) = match g.kind {
        Kind::Exact => {
            let d = k.blake3.ok_or("the keeper has no recorded hash")?;
            (Content::Digest(d), Content::Digest(d))
        }
        Kind::Partial => {
            let d = f.blake3.ok_or("it has no recorded hash")?;
            (
                Content::Digest(d),
                Content::Prefix {
                    len: f.size,
                    digest: d,
                },
            )
        }
        _ => (Content::Any, Content::Any),
    };
    Ok((
        Expect {
            stat: Some(f.stat),
            content: victim,
        },
        Expect {
            stat: Some(k.stat),
            content: keeper,
        },
    ))
}

/// [`perform`], again after a short random pause while another live process holds the
/// keeper set aside: it may put it back (and be waiting for ours to come back too).
fn perform_retrying(
    step: &Step,
    victim: &Expect,
    keeper: &Expect,
    digests: &mut Digests,
) -> Result<Option<PathBuf>, Refusal> {
    const TRIES: u32 = 4;
    let mut tries = 0;
    loop {
        tries += 1;
        match perform(step, victim, keeper, digests) {
            Err(Refusal::NoCopy(_))
                if tries < TRIES
                    && std::fs::symlink_metadata(&step.keep).is_err()
                    && aside::held_aside(&step.keep) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(2 + jitter() % 20));
            }
            other => return other,
        }
    }
}

/// A few random bits (no generator needed: the clock's nanoseconds and the pid).
fn jitter() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64);
    (t ^ (std::process::id() as u64).wrapping_mul(0x9e37_79b9)) >> 3
}

/// Carry out one step by the set-aside protocol. Returns where the file went when that
/// was decided only now (the desktop trash).
fn perform(
    step: &Step,
    victim: &Expect,
    keeper: &Expect,
    digests: &mut Digests,
) -> Result<Option<PathBuf>, Refusal> {
    let keep = &step.keep;
    let standing = |d: &mut Digests| {
        aside::verify_standing(keep, keeper, d)
            .map_err(|m| Refusal::NoCopy(format!("the keeper {m}")))
    };
    let mut went = None;
    match (step.op, step.dst.as_deref()) {
        ("remove", _) => aside::retire(&step.path, victim, digests, |_, d| {
            standing(d).map(|()| Then::Unlink)
        })?,
        ("trash" | "move", Some(dst)) => aside::retire(&step.path, victim, digests, |set, d| {
            standing(d)?;
            fsops::move_file(set, dst)?;
            Ok(Then::Gone)
        })?,
        ("trash", None) => aside::retire(&step.path, victim, digests, |set, d| {
            standing(d)?;
            went = Some(trash::put(set, &step.path)?);
            Ok(Then::Gone)
        })?,
        ("symlink", _) => aside::retire(&step.path, victim, digests, |_, d| {
            standing(d)?;
            let tmp = fsops::temp_path(&step.path);
            std::os::unix::fs::symlink(keep, &tmp)?;
            place(&tmp, &step.path)?;
            Ok(Then::Unlink)
        })?,
        // The new name holds the keeper's inode, checked through that name before it
        // takes the file's place: it is the copy that stands.
        ("link", _) => aside::retire(&step.path, victim, digests, |_, d| {
            let tmp = fsops::temp_path(&step.path);
            std::fs::hard_link(keep, &tmp).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => {
                    Refusal::NoCopy(format!("the keeper {} is gone", keep.display()))
                }
                _ => Refusal::Io(e),
            })?;
            if let Err(m) = aside::verify_own(&tmp, keeper, d) {
                let _ = std::fs::remove_file(&tmp);
                return Err(Refusal::NoCopy(format!(
                    "the keeper {} {m}",
                    keep.display()
                )));
            }
            place(&tmp, &step.path)?;
            Ok(Then::Unlink)
        })?,
        (other, _) => {
            return Err(Refusal::Io(std::io::Error::other(format!(
                "unknown operation {other}"
            ))))
        }
    }
    Ok(went)
}

/// Rename our temporary `tmp` to `path` (never replacing anything), or remove it.
fn place(tmp: &Path, path: &Path) -> Result<(), Refusal> {
    if let Err(e) = fsops::rename_noreplace(tmp, path) {
        let _ = std::fs::remove_file(tmp);
        return Err(Refusal::Io(e));
    }
    Ok(())
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
