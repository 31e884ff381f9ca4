//! One journaled step, three ways: do it, undo it, and settle it after a crash by
//! looking at the disk. Ops: `move`, `copy`, `hardlink`, `symlink`, `replace` (the target
//! held the same bytes), `swap` (keep-larger), `mkdir` (a folder the run created) and
//! `rmdir` (a folder the run emptied and removed).
//!
//! Every op is no-clobber and keeps a copy of every byte at every instant: a cross-device
//! move writes a verified temporary file beside the target and removes the source only
//! after the rename, so after a SIGKILL at any point the source, the target, or both
//! (identical) exist, plus at most a temporary file that [`settle`] removes. Every removal
//! of a file that has a copy (the source of a cross-device move or of `replace`, a copy
//! or link taken back by undo) goes through the set-aside protocol of
//! [`crate::fsops::aside`], so two runs from two catalogs on one tree cannot each remove
//! the other's copy.
//!
//! Writes go into folders walked down from the target root without following symbolic
//! links ([`crate::fsops::beneath`]), unless the run allows links ([`Within`]). A
//! cross-device move whose source cannot be removed takes its copy back; when even that
//! fails, the step's journal detail ([`Failed`]) names the copy left, and undo takes it
//! back once the source is seen standing.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Stat};
use crate::fsops;
use crate::fsops::aside::{self, Content, Digests, Expect, Refusal, Then};
use crate::fsops::beneath::Dir;
use crate::hash;

/// Where an apply may write: below `root`, through symbolic links below it only when
/// `follow_links` (a folder linked to another disk on purpose).
#[derive(Debug, Clone, Copy)]
pub struct Within<'a> {
    pub root: &'a Path,
    pub follow_links: bool,
}

impl Within<'_> {
    /// The folder of `dst`, walked to from the root (created when missing), and the name.
    fn dir<'p>(&self, dst: &'p Path) -> io::Result<(Dir, &'p OsStr)> {
        let (parent, name) = fsops::moves::split(dst)?;
        Ok((
            Dir::beneath(self.root, parent, true, self.follow_links)?,
            name,
        ))
    }
}

/// How `apply` places files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Move (rename; across file systems: verified copy, then remove).
    #[default]
    Move,
    /// Copy, verified; the source stays.
    Copy,
    /// Hard-link the target to the source.
    Hardlink,
    /// Symlink the target to the source (absolute).
    Symlink,
}

impl Mode {
    /// The journal op for placing a file in this mode.
    pub fn op(self) -> &'static str {
        match self {
            Mode::Move => "move",
            Mode::Copy => "copy",
            Mode::Hardlink => "hardlink",
            Mode::Symlink => "symlink",
        }
    }
}

/// What the journal's `detail` holds for a file step: the source's stat when planned.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Detail {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime_ns: i64,
}

impl From<Stat> for Detail {
    fn from(s: Stat) -> Detail {
        Detail {
            dev: s.dev,
            ino: s.ino,
            size: s.size,
            mtime_ns: s.mtime_ns,
        }
    }
}

impl Detail {
    /// Parse a journal detail (absent or foreign text gives zeros, which match nothing).
    pub fn parse(s: Option<&str>) -> Detail {
        s.and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }

    /// The stat this detail holds (when it holds one).
    fn stat(&self) -> Option<Stat> {
        (*self != Detail::default()).then_some(Stat {
            dev: self.dev,
            ino: self.ino,
            size: self.size,
            mtime_ns: self.mtime_ns,
        })
    }
}

/// The journal detail of a failed file step: the planned stat (what undo reads), the
/// error, and the identity of a verified copy the step could not take back from its
/// target.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Failed {
    #[serde(flatten)]
    pub planned: Detail,
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Detail>,
}

impl Failed {
    /// The detail of a step planned as `planned` that failed with `e`.
    pub fn of(planned: Detail, e: &anyhow::Error) -> Failed {
        let left = e
            .chain()
            .find_map(|c| c.downcast_ref::<io::Error>().and_then(fsops::copy_left))
            .map(|l| Detail::from(l.stat));
        Failed {
            planned,
            error: format!("{e:#}"),
            left,
        }
    }

    /// The copy a failed step left at its target, from its journal detail.
    pub fn left(detail: Option<&str>) -> Option<Detail> {
        detail
            .and_then(|s| serde_json::from_str::<Failed>(s).ok())
            .and_then(|f| f.left)
    }
}

fn exists(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok()
}

/// Remove plexsync temporary files that a copy towards `dst` left behind.
pub fn remove_temps(dst: &Path) -> usize {
    let Some(name) = dst.file_name() else {
        return 0;
    };
    let b = name.as_bytes();
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(&b[..b.len().min(200)]);
    prefix.extend_from_slice(fsops::TEMP_MARKER.as_bytes());
    let Ok(rd) = fs::read_dir(fsops::parent_of(dst)) else {
        return 0;
    };
    let mut n = 0;
    for e in rd.flatten() {
        if e.file_name().as_bytes().starts_with(&prefix) && fs::remove_file(e.path()).is_ok() {
            n += 1;
        }
    }
    if n > 0 {
        let _ = fsops::fsync_dir(fsops::parent_of(dst));
    }
    n
}

fn same_bytes(a: &Path, b: &Path) -> io::Result<bool> {
    let (ma, mb) = (fs::metadata(a)?, fs::metadata(b)?);
    if ma.len() != mb.len() {
        return Ok(false);
    }
    if ma.dev() == mb.dev() && ma.ino() == mb.ino() {
        return Ok(true);
    }
    Ok(hash::blake3_file(a, &mut |_| {})? == hash::blake3_file(b, &mut |_| {})?)
}

/// Copy `src` to the new name `name` in `dir` (never replacing anything), verified, with
/// the given mtime.
fn copy_new(src: &Path, dir: &Dir, name: &OsStr, mtime_ns: Option<i64>) -> io::Result<()> {
    let size = fs::metadata(src)?.len();
    let mtime =
        mtime_ns.map(|m| std::time::UNIX_EPOCH + std::time::Duration::from_nanos(m.max(0) as u64));
    fsops::moves::copy_into(src, dir, name, mtime, size).map(|_| ())
}

/// [`copy_new`] to a path outside any target root (undo puts files back where they were).
fn copy_back(src: &Path, dst: &Path, mtime_ns: Option<i64>) -> io::Result<()> {
    let (parent, name) = fsops::moves::split(dst)?;
    fs::create_dir_all(parent)?;
    copy_new(src, &Dir::open(parent)?, name, mtime_ns)
}

/// Remove `victim` (still `vstat` when given) because `keeper` (still `kstat`) holds the
/// same bytes, by the set-aside protocol: the victim's bytes are hashed once it is set
/// aside, and the keeper must show the same digest at its own name (or be the same inode).
pub fn remove_copy(
    victim: &Path,
    vstat: Option<Stat>,
    keeper: &Path,
    kstat: Option<Stat>,
) -> std::result::Result<(), Refusal> {
    let mut digests = Digests::default();
    let want = Expect {
        stat: vstat,
        content: Content::Any,
    };
    aside::retire(victim, &want, &mut digests, |set, dg| {
        let m = fs::symlink_metadata(set)?;
        let same_inode =
            fs::symlink_metadata(keeper).is_ok_and(|k| k.dev() == m.dev() && k.ino() == m.ino());
        let content = if same_inode {
            Content::Any
        } else {
            Content::Digest(hash::blake3_file(set, &mut |_| {})?)
        };
        let want = Expect {
            stat: kstat,
            content,
        };
        aside::verify_standing(keeper, &want, dg)
            .map(|()| Then::Unlink)
            .map_err(|m| Refusal::NoCopy(format!("the copy it relies on, {m}")))
    })
}

fn set_mtime(p: &Path, mtime_ns: i64) {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_nanos(mtime_ns.max(0) as u64);
    if let Ok(f) = fs::OpenOptions::new().write(true).open(p) {
        let _ = f.set_modified(t);
    }
}

/// A no-clobber rename whose durability is left to the caller's batch (see
/// [`super::batch`]); across file systems, [`fsops::move_file`]'s verified copy.
fn move_fast(src: &Path, dst: &Path) -> io::Result<fsops::Moved> {
    let mut first = fsops::rename_noreplace(src, dst);
    if matches!(&first, Err(e) if e.kind() == io::ErrorKind::NotFound) && exists(src) {
        // Only the target's folder is missing (apply creates them beforehand).
        fs::create_dir_all(fsops::parent_of(dst))?;
        first = fsops::rename_noreplace(src, dst);
    }
    match first {
        Ok(()) => Ok(fsops::Moved::Renamed),
        Err(e) if e.raw_os_error() == Some(libc::EXDEV) => fsops::move_file(src, dst),
        Err(e) => Err(e),
    }
}

/// Exchange `a` with `b` atomically (one file system), `b` named through `dir`.
fn exchange(a: &Path, dir: &Dir, b: &OsStr) -> io::Result<()> {
    dir.exchange_in(a, b)?;
    let _ = fsops::fsync_dir(fsops::parent_of(a));
    dir.sync()
}

/// [`exchange`] of two paths.
fn exchange_paths(a: &Path, b: &Path) -> io::Result<()> {
    let (parent, name) = fsops::moves::split(b)?;
    exchange(a, &Dir::open(parent)?, name)
}

/// Catalog bookkeeping after a file changed path: its row (hashes, history) follows, and
/// after a cross-device copy the row's stat and hash validity follow the new inode.
pub fn follow_row(cat: &Catalog, from: &Path, to: &Path) -> Result<()> {
    let conn = cat.conn();
    crate::catalog::files::rename_rows(conn, from, to)?;
    // The usage log hears of the move as `managed` (weight 0), at the new path.
    crate::usage::store::insert(
        conn,
        &[crate::usage::Access::new(
            to.to_path_buf(),
            crate::usage::AccessType::Managed,
            crate::catalog::now_secs(),
            Some(serde_json::json!({ "engine": "organize", "from": from.to_string_lossy() })),
        )],
    )?;
    if let Ok(now) = Stat::of(to) {
        // The content was verified identical, so a digest valid for the old stat is valid
        // for the new one: nothing needs rehashing.
        conn.execute(
            "UPDATE files SET
               hash_dev = CASE WHEN hash_dev = dev AND hash_ino = ino AND hash_size = size
                               AND hash_mtime_ns = mtime_ns THEN ?2 ELSE hash_dev END,
               hash_ino = CASE WHEN hash_dev = dev AND hash_ino = ino AND hash_size = size
                               AND hash_mtime_ns = mtime_ns THEN ?3 ELSE hash_ino END,
               hash_mtime_ns = CASE WHEN hash_dev = dev AND hash_ino = ino AND hash_size = size
                               AND hash_mtime_ns = mtime_ns THEN ?4 ELSE hash_mtime_ns END,
               dev = ?2, ino = ?3, mtime_ns = ?4
             WHERE path = ?1 AND size = ?5",
            rusqlite::params![
                crate::paths::to_bytes(to),
                now.dev as i64,
                now.ino as i64,
                now.mtime_ns,
                now.size as i64
            ],
        )?;
    }
    Ok(())
}

fn swap_rows(cat: &Catalog, a: &Path, b: &Path) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let conn = cat.conn();
    let tmp = Path::new(std::ffi::OsStr::from_bytes(b"\0plexsync-swap"));
    crate::catalog::files::rename_rows(conn, a, tmp)?;
    crate::catalog::files::rename_rows(conn, b, a)?;
    crate::catalog::files::rename_rows(conn, tmp, b)
}

/// Carry out file step `op` from `src` to `dst` and update the catalog; `planned` is the
/// source's stat in the plan, re-checked first so a file changed since planning is left
/// alone.
pub fn run(
    cat: &Catalog,
    op: &str,
    src: &Path,
    dst: &Path,
    planned: &Detail,
    within: &Within,
) -> Result<&'static str> {
    let how = act(op, src, dst, planned, within)?;
    follow(cat, op, src, dst)?;
    Ok(how)
}

/// The catalog's part of a done step: rows follow moved files.
pub fn follow(cat: &Catalog, op: &str, src: &Path, dst: &Path) -> Result<()> {
    match op {
        "move" | "replace" => follow_row(cat, src, dst),
        "swap" => swap_rows(cat, src, dst),
        _ => Ok(()),
    }
}

/// The file system's part of [`run`] (safe to run in parallel for distinct files). Every
/// write lands in the target's folder as walked to from the root (see [`Within`]).
pub fn act(
    op: &str,
    src: &Path,
    dst: &Path,
    planned: &Detail,
    within: &Within,
) -> Result<&'static str> {
    let now = Stat::of(src).with_context(|| format!("{} vanished", src.display()))?;
    if Detail::from(now) != *planned {
        bail!("{} changed since it was planned; left alone", src.display());
    }
    let ctx = || format!("{} → {}", src.display(), dst.display());
    let (dir, name) = within.dir(dst).with_context(ctx)?;
    match op {
        "move" => {
            let how = fsops::move_into(src, &dir, name).with_context(ctx)?;
            Ok(match how {
                fsops::Moved::Renamed => "renamed",
                fsops::Moved::Copied => "copied across file systems",
            })
        }
        "copy" => {
            copy_new(src, &dir, name, Some(planned.mtime_ns)).with_context(ctx)?;
            Ok("copied")
        }
        "hardlink" => {
            dir.link_in(src, name).with_context(ctx)?;
            Ok("linked")
        }
        "symlink" => {
            dir.symlink_in(src, name).with_context(ctx)?;
            Ok("symlinked")
        }
        "replace" => {
            // The target holds the same bytes: the source goes, relying on it.
            let target = Stat::of(dst).with_context(ctx)?;
            match remove_copy(src, Some(now), dst, Some(target)) {
                Ok(()) => Ok("replaced an identical file"),
                Err(Refusal::NoCopy(m)) | Err(Refusal::Changed(m)) => {
                    bail!("{}: {m}; left alone", ctx())
                }
                Err(e) => Err(anyhow!("{}: {e}", ctx())),
            }
        }
        "swap" => {
            exchange(src, &dir, name)
                .with_context(|| format!("{} (keep-larger needs one file system)", ctx()))?;
            Ok("swapped with the smaller file")
        }
        other => Err(anyhow!("unknown journal op {other:?}")),
    }
}

/// Take back the verified copy a failed cross-device move left at `dst` (identity
/// `left`): removed relying on the source, or moved back when the source is gone.
pub fn take_back(
    cat: &Catalog,
    src: &Path,
    dst: &Path,
    planned: &Detail,
    left: &Detail,
) -> Result<()> {
    let ctx = || {
        format!(
            "{} (left by a failed move of {})",
            dst.display(),
            src.display()
        )
    };
    if exists(src) {
        return remove_copy(dst, left.stat(), src, planned.stat())
            .map_err(|e| anyhow!("{}: {e}", ctx()));
    }
    let m = fs::symlink_metadata(dst).with_context(|| format!("{} is gone", dst.display()))?;
    if Some(Stat::from_metadata(&m)) != left.stat() {
        bail!("{} changed since the run; left alone", dst.display());
    }
    move_fast(dst, src).with_context(ctx)?;
    follow_row(cat, dst, src)
}

/// Undo a done file step: put the file back where it came from, after checking that the
/// target is still what the run put there.
pub fn undo(cat: &Catalog, op: &str, src: &Path, dst: &Path, d: &Detail) -> Result<()> {
    let ctx = || format!("{} → {}", dst.display(), src.display());
    match op {
        "mkdir" => match fs::remove_dir(dst) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            // Something else lives there now: the folder stays.
            Err(_) => Ok(()),
        },
        "rmdir" => fs::create_dir_all(src).with_context(|| format!("recreating {}", src.display())),
        "move" => {
            let m =
                fs::symlink_metadata(dst).with_context(|| format!("{} is gone", dst.display()))?;
            if m.len() != d.size || (m.dev() == d.dev && m.ino() != d.ino) {
                bail!("{} changed since the run; left alone", dst.display());
            }
            let how = move_fast(dst, src).with_context(ctx)?;
            if how == fsops::Moved::Copied {
                set_mtime(src, d.mtime_ns);
            }
            follow_row(cat, dst, src)
        }
        "copy" | "hardlink" => {
            remove_copy(dst, None, src, None).map_err(|e| anyhow!("{}: {e}", ctx()))
        }
        "symlink" => {
            if fs::read_link(dst).ok().as_deref() != Some(src) {
                bail!("{} is no longer our symlink; left alone", dst.display());
            }
            fs::remove_file(dst).with_context(ctx)
        }
        "replace" => {
            if exists(src) {
                bail!("{} exists again; left alone", src.display());
            }
            copy_back(dst, src, Some(d.mtime_ns)).with_context(ctx)?;
            follow_row(cat, dst, src)?;
            // The target held these same bytes before the run; it keeps them.
            Ok(())
        }
        "swap" => {
            let m = fs::symlink_metadata(dst).with_context(ctx)?;
            if m.ino() != d.ino {
                bail!("{} changed since the run; left alone", dst.display());
            }
            exchange_paths(src, dst).with_context(ctx)?;
            swap_rows(cat, src, dst)
        }
        other => Err(anyhow!("unknown journal op {other:?}")),
    }
}

/// After a crash: was this step (`src` → `dst`) carried out? Finishes a cross-device move
/// whose copy is complete, removes leftover temporary files, and answers `done`,
/// `skipped` (not started: nothing to roll back) or an error when the disk does not say.
pub fn settle(cat: &Catalog, op: &str, src: &Path, dst: &Path, d: &Detail) -> Result<&'static str> {
    match op {
        "mkdir" => return Ok(if dst.is_dir() { "done" } else { "skipped" }),
        "rmdir" => return Ok(if exists(src) { "skipped" } else { "done" }),
        _ => {}
    }
    // A removal killed half-way left its file under a set-aside name: back first, so the
    // disk says what it held.
    for p in [src, dst] {
        aside::recover(p);
    }
    let (s, t) = (exists(src), exists(dst));
    if s {
        remove_temps(dst);
    }
    let state = match (op, s, t) {
        (_, true, false) => "skipped",
        ("move" | "replace", false, true) => {
            follow_row(cat, src, dst)?;
            "done"
        }
        ("move", true, true) => {
            let m = fs::symlink_metadata(src)?;
            if Detail::from(Stat::from_metadata(&m)) != *d {
                bail!(
                    "both {} and {} exist and the source changed; left alone",
                    src.display(),
                    dst.display()
                );
            }
            if same_bytes(src, dst)? {
                // The verified copy landed; only removing the source was left. When the
                // source cannot go (a read-only folder), the copy goes instead.
                match remove_copy(src, d.stat(), dst, None) {
                    Ok(()) => {
                        follow_row(cat, src, dst)?;
                        "done"
                    }
                    Err(Refusal::Io(_)) => {
                        remove_copy(dst, None, src, d.stat()).map_err(|e| {
                            anyhow!("{}: neither copy could be removed: {e}", dst.display())
                        })?;
                        "skipped"
                    }
                    Err(e) => bail!("{}: {e}; left alone", src.display()),
                }
            } else {
                bail!(
                    "both {} and {} exist and differ; left alone",
                    src.display(),
                    dst.display()
                );
            }
        }
        ("replace", true, true) => "skipped",
        ("copy" | "hardlink", true, true) => {
            if same_bytes(src, dst)? {
                "done"
            } else {
                bail!(
                    "{} exists and differs from {}; left alone",
                    dst.display(),
                    src.display()
                );
            }
        }
        ("symlink", true, true) => {
            if fs::read_link(dst).ok().as_deref() == Some(src) {
                "done"
            } else {
                bail!(
                    "{} exists and is not our symlink; left alone",
                    dst.display()
                );
            }
        }
        ("swap", true, true) => {
            let m = fs::symlink_metadata(dst)?;
            if m.ino() == d.ino {
                swap_rows(cat, src, dst)?;
                "done"
            } else {
                "skipped"
            }
        }
        _ => bail!(
            "neither {} nor {} exists; nothing to recover",
            src.display(),
            dst.display()
        ),
    };
    Ok(state)
}

/// Folders `dir` and above that do not exist yet, up to (and including) `root`, shallowest first.
pub fn missing_dirs(dir: &Path, root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if exists(d) || !d.starts_with(root) {
            break;
        }
        out.push(d.to_path_buf());
        cur = d.parent();
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settle_finishes_a_copied_move_and_rolls_back_an_unstarted_one() {
        let cat = Catalog::open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.mkv");
        let b = dir.path().join("out/b.mkv");
        fs::write(&a, b"data").unwrap();
        let d = Detail::from(Stat::of(&a).unwrap());
        fs::create_dir_all(b.parent().unwrap()).unwrap();
        let tmp = fsops::temp_path(&b);
        fs::write(&tmp, b"da").unwrap();
        assert_eq!(settle(&cat, "move", &a, &b, &d).unwrap(), "skipped");
        assert!(!tmp.exists(), "the partial copy is removed");
        fs::copy(&a, &b).unwrap();
        assert_eq!(settle(&cat, "move", &a, &b, &d).unwrap(), "done");
        assert!(!a.exists());
        assert_eq!(fs::read(&b).unwrap(), b"data");
    }

    #[test]
    fn settle_puts_back_a_source_a_killed_move_had_set_aside() {
        let cat = Catalog::open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.mkv");
        let b = dir.path().join("out/b.mkv");
        fs::write(&a, b"data").unwrap();
        let d = Detail::from(Stat::of(&a).unwrap());
        fs::create_dir_all(b.parent().unwrap()).unwrap();
        fs::copy(&a, &b).unwrap();
        // Killed with the source under the set-aside name of a dead process.
        let hidden = dir.path().join(".a.mkv.plexsync-aside.2147483646-3");
        fs::rename(&a, &hidden).unwrap();
        assert_eq!(settle(&cat, "move", &a, &b, &d).unwrap(), "done");
        assert!(!hidden.exists() && !a.exists());
        assert_eq!(fs::read(&b).unwrap(), b"data");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "only out/ is left"
        );
    }

    #[test]
    fn run_and_undo_round_trip_every_mode() {
        let cat = Catalog::open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let within = Within {
            root: dir.path(),
            follow_links: false,
        };
        let a = dir.path().join("a.mkv");
        for op in ["move", "copy", "hardlink", "symlink"] {
            fs::write(&a, b"data").unwrap();
            let b = dir.path().join(format!("{op}/b.mkv"));
            let d = Detail::from(Stat::of(&a).unwrap());
            run(&cat, op, &a, &b, &d, &within).unwrap();
            assert_eq!(fs::read(&b).unwrap(), b"data", "{op}");
            undo(&cat, op, &a, &b, &d).unwrap();
            assert!(!exists(&b), "{op}");
            assert_eq!(fs::read(&a).unwrap(), b"data", "{op}");
        }
        fs::write(&a, b"big file").unwrap();
        let small = dir.path().join("small.mkv");
        fs::write(&small, b"sm").unwrap();
        let d = Detail::from(Stat::of(&a).unwrap());
        run(&cat, "swap", &a, &small, &d, &within).unwrap();
        assert_eq!(fs::read(&small).unwrap(), b"big file");
        assert_eq!(fs::read(&a).unwrap(), b"sm");
        undo(&cat, "swap", &a, &small, &d).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"big file");
    }
}
