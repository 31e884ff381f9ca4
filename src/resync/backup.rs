//! Replaced local files are kept. Before a verified copy is renamed over a local file, the
//! old file gets a second name in a backup folder: a hard link (across file systems, a
//! verified copy), made durable before the rename. At every instant the old file is under
//! its own name, its backup name, or both, so `kill -9` or a power cut between the two
//! steps loses nothing. By default the folder is `.plexsync-backup` at the library root
//! (Plex's scanner skips dot-folders, and so does plexsync's walk) and later runs prune
//! its files once the retention has passed; `--backup-dir DIR` keeps them below DIR
//! instead, never pruned. The catalog lists every backup (`resync_backups`) for
//! `resync report`, `resync restore` and pruning.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::params;
use serde::Serialize;

use crate::catalog::{now_secs, Catalog, Stat};
use crate::fsops;
use crate::paths;
use crate::scan::walk::BACKUP_DIR;

/// Days replaced files stay in a library's backup folder, by default.
pub const DEFAULT_DAYS: u32 = 7;

const DAY: i64 = 86_400;

/// Where replaced files are kept, and for how long.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// `--backup-dir`: below this folder, never pruned.
    pub dir: Option<PathBuf>,
    /// Days to keep them in the library's own backup folder; 0 keeps none.
    pub days: u32,
    /// Library roots known from the configuration, for requests that do not name theirs.
    pub roots: Vec<PathBuf>,
}

/// Where one replaced file goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// A free name for the backup.
    pub path: PathBuf,
    /// In a library's own backup folder: pruned after the retention.
    pub auto_prune: bool,
}

impl Policy {
    /// Whether replaced files are kept at all.
    pub fn keeps(&self) -> bool {
        self.dir.is_some() || self.days > 0
    }

    /// Where to keep `target` when it is replaced: below its library root (the request's
    /// `root`, else a configured root or `under` that holds it), else beside it.
    pub fn place(&self, target: &Path, root: Option<&Path>, under: Option<&Path>) -> Option<Place> {
        if !self.keeps() {
            return None;
        }
        let root = root
            .filter(|r| target.starts_with(r))
            .or_else(|| {
                self.roots
                    .iter()
                    .map(PathBuf::as_path)
                    .filter(|r| target.starts_with(r))
                    .max_by_key(|r| r.as_os_str().len())
            })
            .or(under.filter(|u| target.starts_with(u)))
            .filter(|r| *r != target);
        let (base, rel, auto_prune) = match (&self.dir, root) {
            (Some(dir), Some(root)) => (dir.clone(), target.strip_prefix(root).ok()?, false),
            // No library known: the whole path below DIR, as `--backup-dir` always did.
            (Some(dir), None) => (
                dir.clone(),
                target.strip_prefix("/").unwrap_or(target),
                false,
            ),
            (None, Some(root)) => (root.join(BACKUP_DIR), target.strip_prefix(root).ok()?, true),
            (None, None) => (
                fsops::parent_of(target).join(BACKUP_DIR),
                Path::new(target.file_name()?),
                true,
            ),
        };
        Some(Place {
            path: free_name(&base.join(rel)),
            auto_prune,
        })
    }
}

/// `path`, or `path.1`, `path.2`… when taken.
pub fn free_name(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    let mut n = 1;
    while p.symlink_metadata().is_ok() {
        let mut name = path.file_name().unwrap_or_default().to_owned();
        name.push(format!(".{n}"));
        p = path.with_file_name(name);
        n += 1;
    }
    p
}

/// Give `file` the second name `backup` (which must be free): a hard link, or across file
/// systems (or where links are not allowed) a verified copy with the same mtime. `file`
/// itself is never touched. Returns the folders whose entries changed (the backup's, and
/// those above the folders made for it): the caller fsyncs them before replacing `file`
/// (a `syncfs` would wait for every other writer of the file system too).
pub fn keep(file: &Path, backup: &Path) -> io::Result<Vec<PathBuf>> {
    let dir = fsops::parent_of(backup);
    let mut changed: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && std::fs::symlink_metadata(d).is_err())
        .filter_map(|d| d.parent().map(Path::to_path_buf))
        .collect();
    std::fs::create_dir_all(dir)?;
    changed.insert(0, dir.to_path_buf());
    match std::fs::hard_link(file, backup) {
        Ok(()) => return Ok(changed),
        Err(e)
            if !matches!(
                e.raw_os_error(),
                Some(libc::EXDEV | libc::EPERM | libc::EOPNOTSUPP | libc::EMLINK)
            ) =>
        {
            return Err(e)
        }
        Err(_) => {}
    }
    let meta = std::fs::metadata(file)?;
    fsops::ensure_space(fsops::parent_of(backup), meta.len())?;
    let opts = fsops::CopyOptions {
        mtime: Some(meta.modified()?),
        ..fsops::CopyOptions::default()
    };
    let (tmp, copied) = fsops::copy_to_temp(file, backup, opts, &mut |_| {})?;
    if copied.size != meta.len() {
        let _ = std::fs::remove_file(&tmp);
        return Err(io::Error::other(format!(
            "{} changed while it was copied",
            paths::display(file)
        )));
    }
    if let Err(e) = fsops::rename_noreplace(&tmp, backup) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(changed)
}

/// List `path`'s replaced version as about to be kept at `place` by run `run` (state
/// `pending`), before [`keep`] makes the second name: a kill between the two leaves a row
/// that the next run settles ([`settle_pending`]), never a backup nobody lists or prunes.
/// `st` is the file's stat now (a hard link keeps it). [`set_kept`] confirms it.
pub fn record(
    cat: &Catalog,
    run: Option<i64>,
    path: &Path,
    place: &Place,
    st: &Stat,
) -> Result<i64> {
    cat.conn()
        .prepare_cached(
            "INSERT INTO resync_backups (path, backup, size, mtime_ns, dev, ino, run_id, kept_at,
               auto_prune, state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending')",
        )?
        .execute(params![
            paths::to_bytes(path),
            paths::to_bytes(&place.path),
            st.size as i64,
            st.mtime_ns,
            st.dev as i64,
            st.ino as i64,
            run,
            now_secs(),
            place.auto_prune
        ])?;
    Ok(cat.conn().last_insert_rowid())
}

/// Confirm backup `id`, whose file now has stat `st` (a copy across file systems is a new
/// inode).
pub fn set_kept(cat: &Catalog, id: i64, st: &Stat) -> Result<()> {
    cat.conn()
        .prepare_cached(
            "UPDATE resync_backups SET state = 'kept', size = ?2, mtime_ns = ?3, dev = ?4, ino = ?5
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            st.size as i64,
            st.mtime_ns,
            st.dev as i64,
            st.ino as i64
        ])?;
    Ok(())
}

/// Forget backup `id` whose second name was never made.
pub fn forget(cat: &Catalog, id: i64) -> Result<()> {
    cat.conn()
        .execute("DELETE FROM resync_backups WHERE id = ?1", [id])?;
    Ok(())
}

/// Settle the backups a killed run left `pending` (the caller holds the act lock): one
/// whose name was never made is forgotten; one that is still the very file under its own
/// name (the rename that was to replace it never happened) loses its second name; any
/// other is kept.
pub fn settle_pending(cat: &Catalog) -> Result<()> {
    let rows: Vec<(i64, PathBuf, PathBuf)> = cat
        .conn()
        .prepare("SELECT id, path, backup FROM resync_backups WHERE state = 'pending'")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                paths::from_bytes(&r.get::<_, Vec<u8>>(1)?),
                paths::from_bytes(&r.get::<_, Vec<u8>>(2)?),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, path, backup) in rows {
        match Stat::of(&backup) {
            Err(_) => {
                forget(cat, id)?;
            }
            Ok(b) if Stat::of(&path).is_ok_and(|t| (t.dev, t.ino) == (b.dev, b.ino)) => {
                std::fs::remove_file(&backup)?;
                forget(cat, id)?;
            }
            Ok(b) => set_kept(cat, id, &b)?,
        }
    }
    Ok(())
}

/// Take back a backup whose file was not replaced after all (the rename failed, or the
/// file changed first): the second name goes only while `file` is still the very file it
/// names (else it may be the old version's last name, and it is kept).
pub fn discard(cat: &Catalog, id: i64, backup: &Path, file: &Path) {
    let same = match (Stat::of(backup), Stat::of(file)) {
        (Ok(b), Ok(f)) => (b.dev, b.ino) == (f.dev, f.ino),
        _ => false,
    };
    if !same {
        // A copy across file systems, or the file is no longer what was kept: keep it.
        if let Ok(st) = Stat::of(backup) {
            let _ = set_kept(cat, id, &st);
        }
        return;
    }
    let _ = std::fs::remove_file(backup);
    let _ = forget(cat, id);
}

/// One kept backup, as `resync report` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Backup {
    pub id: i64,
    /// The local file that was replaced.
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    /// Where its old version is kept.
    #[serde(serialize_with = "paths::serialize")]
    pub backup: PathBuf,
    pub size: u64,
    pub kept_at: i64,
    /// When a later run prunes it (null: below `--backup-dir`, never pruned).
    pub expires_at: Option<i64>,
    /// The file is there, as it was kept.
    pub present: bool,
    #[serde(skip)]
    pub stat: Stat,
    #[serde(skip)]
    pub auto_prune: bool,
}

impl Backup {
    /// Whether the file at the backup name is still the one that was kept.
    fn is_intact(&self) -> bool {
        Stat::of(&self.backup).is_ok_and(|s| {
            (s.dev, s.ino, s.size, s.mtime_ns)
                == (
                    self.stat.dev,
                    self.stat.ino,
                    self.stat.size,
                    self.stat.mtime_ns,
                )
        })
    }
}

/// Every backup still kept, newest first; `days` is the retention of the library folders.
pub fn list(cat: &Catalog, days: u32) -> Result<Vec<Backup>> {
    let mut stmt = cat.conn().prepare_cached(
        "SELECT id, path, backup, size, mtime_ns, dev, ino, kept_at, auto_prune
         FROM resync_backups WHERE state = 'kept' ORDER BY kept_at DESC, id DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let auto_prune: bool = r.get(8)?;
            let kept_at: i64 = r.get(7)?;
            Ok(Backup {
                id: r.get(0)?,
                path: paths::from_bytes(&r.get::<_, Vec<u8>>(1)?),
                backup: paths::from_bytes(&r.get::<_, Vec<u8>>(2)?),
                size: r.get::<_, i64>(3)? as u64,
                kept_at,
                expires_at: auto_prune.then_some(kept_at + i64::from(days) * DAY),
                present: false,
                stat: Stat {
                    size: r.get::<_, i64>(3)? as u64,
                    mtime_ns: r.get(4)?,
                    dev: r.get::<_, i64>(5)? as u64,
                    ino: r.get::<_, i64>(6)? as u64,
                },
                auto_prune,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|mut b| {
            b.present = b.is_intact();
            b
        })
        .collect())
}

/// Mark backup `id` as `state` (`restored`, `pruned`, `gone`).
pub fn set_state(cat: &Catalog, id: i64, state: &str) -> Result<()> {
    cat.conn().execute(
        "UPDATE resync_backups SET state = ?2 WHERE id = ?1",
        params![id, state],
    )?;
    Ok(())
}

/// Remove the backups of the library folders whose retention of `days` has passed, each
/// journaled in run `run`; a backup that is no longer the file that was kept is left
/// alone. Returns how many were removed, and warnings.
pub fn prune(cat: &Catalog, run: i64, days: u32) -> Result<(u64, Vec<String>)> {
    let now = now_secs();
    let (mut pruned, mut warnings) = (0u64, Vec::new());
    if days == 0 {
        // No retention means no new backups; those kept earlier are not swept away by it.
        return Ok((pruned, warnings));
    }
    for b in list(cat, days)? {
        if !b.auto_prune || b.expires_at.is_some_and(|t| t > now) {
            continue;
        }
        if !b.is_intact() {
            // Gone, or someone put another file there: not ours to remove.
            set_state(cat, b.id, "gone")?;
            continue;
        }
        let step = cat.journal_add(run, "remove", Some(&b.backup), None, Some("expired backup"))?;
        match std::fs::remove_file(&b.backup) {
            Ok(()) => {
                cat.journal_set(step, "done", None)?;
                set_state(cat, b.id, "pruned")?;
                remove_empty_folders(&b.backup);
                pruned += 1;
            }
            Err(e) => {
                cat.journal_set(step, "failed", Some(&e.to_string()))?;
                warnings.push(format!(
                    "removing the expired backup {}: {e}",
                    paths::display(&b.backup)
                ));
            }
        }
    }
    Ok((pruned, warnings))
}

/// Remove the folders left empty above a pruned backup, up to its backup folder itself.
fn remove_empty_folders(backup: &Path) {
    let Some(top) = backup
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == BACKUP_DIR))
    else {
        return;
    };
    for dir in backup.ancestors().skip(1) {
        // rmdir only removes an empty folder: one holding anything stops the climb.
        if !dir.starts_with(top) || std::fs::remove_dir(dir).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_go_below_the_library_root_or_the_backup_dir() {
        let policy = |dir: Option<&str>, days| Policy {
            dir: dir.map(PathBuf::from),
            days,
            roots: vec![
                PathBuf::from("/home/me/Media"),
                PathBuf::from("/home/me/Media/TV"),
            ],
        };
        let t = Path::new("/home/me/Media/TV/Show/e1.mkv");
        let at = |p: &Policy, root: Option<&str>| {
            p.place(t, root.map(Path::new), None)
                .map(|p| (p.path, p.auto_prune))
        };
        let d = policy(None, 7);
        assert_eq!(
            at(&d, Some("/home/me/Media/TV")),
            Some((
                PathBuf::from("/home/me/Media/TV/.plexsync-backup/Show/e1.mkv"),
                true
            ))
        );
        // No root with the request: the longest configured root that holds it.
        assert_eq!(at(&d, None), at(&d, Some("/home/me/Media/TV")));
        // A root that does not hold the file is ignored.
        assert_eq!(at(&d, Some("/elsewhere")), at(&d, None));
        let lone = Policy::default().place(Path::new("/x/y/a.mkv"), None, None);
        assert_eq!(lone, None, "0 days and no --backup-dir keeps nothing");
        let lone = policy(None, 1)
            .place(Path::new("/x/y/a.mkv"), None, None)
            .unwrap();
        assert_eq!(lone.path, PathBuf::from("/x/y/.plexsync-backup/a.mkv"));
        let b = policy(Some("/srv/b"), 0);
        assert_eq!(
            at(&b, Some("/home/me/Media")),
            Some((PathBuf::from("/srv/b/TV/Show/e1.mkv"), false))
        );
        let b = Policy { roots: vec![], ..b };
        assert_eq!(
            b.place(Path::new("/x/y/a.mkv"), None, None).unwrap().path,
            PathBuf::from("/srv/b/x/y/a.mkv")
        );
    }

    #[test]
    fn keep_links_and_taken_names_get_a_number() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("a.mkv");
        std::fs::write(&f, b"old").unwrap();
        let b = free_name(&d.path().join(".plexsync-backup/A/a.mkv"));
        let changed = keep(&f, &b).unwrap();
        let bk = d.path().join(".plexsync-backup");
        assert_eq!(changed, [bk.join("A"), bk.clone(), d.path().to_path_buf()]);
        assert_eq!(std::fs::read(&b).unwrap(), b"old");
        assert_eq!(std::fs::read(&f).unwrap(), b"old", "the file itself stays");
        let next = free_name(&d.path().join(".plexsync-backup/A/a.mkv"));
        assert_eq!(next, d.path().join(".plexsync-backup/A/a.mkv.1"));
        assert!(keep(&f, &b).is_err(), "a taken name is never replaced");
        // Pruning climbs out of the folders it emptied, no further.
        std::fs::remove_file(&b).unwrap();
        remove_empty_folders(&b);
        assert!(!d.path().join(".plexsync-backup").exists());
        assert!(d.path().is_dir());
    }

    #[test]
    fn a_killed_run_leaves_no_unlisted_backup_and_never_loses_the_old_file() {
        let d = tempfile::tempdir().unwrap();
        let cat = Catalog::open_in_memory().unwrap();
        let place = |name: &str| Place {
            path: d.path().join(".plexsync-backup").join(name),
            auto_prune: true,
        };
        let file = |name: &str, data: &[u8]| {
            let p = d.path().join(name);
            std::fs::write(&p, data).unwrap();
            (p.clone(), Stat::of(&p).unwrap())
        };
        let state = |id: i64| -> Option<String> {
            cat.conn()
                .query_row(
                    "SELECT state FROM resync_backups WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .ok()
        };
        // Killed after the row, before the link: forgotten.
        let (a, st) = file("a.mkv", b"a");
        let never = record(&cat, None, &a, &place("a.mkv"), &st).unwrap();
        // Killed after the link, before the rename: the second name goes, the file stays.
        let (b, st) = file("b.mkv", b"b");
        let linked = record(&cat, None, &b, &place("b.mkv"), &st).unwrap();
        keep(&b, &place("b.mkv").path).unwrap();
        // Killed after the rename, before the row was confirmed: kept.
        let (c, st) = file("c.mkv", b"old c");
        let renamed = record(&cat, None, &c, &place("c.mkv"), &st).unwrap();
        keep(&c, &place("c.mkv").path).unwrap();
        std::fs::write(d.path().join("new"), b"new c").unwrap();
        std::fs::rename(d.path().join("new"), &c).unwrap();
        settle_pending(&cat).unwrap();
        assert_eq!(state(never), None);
        assert_eq!(state(linked), None);
        assert!(!place("b.mkv").path.exists());
        assert_eq!(std::fs::read(&b).unwrap(), b"b");
        assert_eq!(state(renamed).as_deref(), Some("kept"));
        assert_eq!(std::fs::read(place("c.mkv").path).unwrap(), b"old c");

        // A rename that did not happen takes back the second name; but when the file was
        // replaced by someone else meanwhile, the backup may be the old version's last
        // name, and it stays.
        let (e, st) = file("e.mkv", b"old e");
        let id = record(&cat, None, &e, &place("e.mkv"), &st).unwrap();
        keep(&e, &place("e.mkv").path).unwrap();
        std::fs::write(d.path().join("other"), b"someone else's e").unwrap();
        std::fs::rename(d.path().join("other"), &e).unwrap();
        discard(&cat, id, &place("e.mkv").path, &e);
        assert_eq!(std::fs::read(place("e.mkv").path).unwrap(), b"old e");
        assert_eq!(state(id).as_deref(), Some("kept"));
        let (f, st) = file("f.mkv", b"f");
        let id = record(&cat, None, &f, &place("f.mkv"), &st).unwrap();
        keep(&f, &place("f.mkv").path).unwrap();
        discard(&cat, id, &place("f.mkv").path, &f);
        assert!(!place("f.mkv").path.exists());
        assert_eq!(
            (state(id), std::fs::read(&f).unwrap()),
            (None, b"f".to_vec())
        );
    }
}
