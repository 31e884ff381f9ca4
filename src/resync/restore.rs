//! `resync restore PATH`: put a replaced local file back from its backup. The file it
//! replaces in turn is kept as a backup first (so a restore can itself be undone), then
//! one rename puts the old version in place: the target is always one whole version or
//! the other. The open requests for the file are cancelled, and the file is held against
//! its source's current version, so that the next `check && run` from cron does not copy
//! back what was just undone; a source that changes again lifts the hold.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Serialize;

use super::backup::{self, Backup, Place};
use super::store;
use crate::catalog::{Catalog, Stat};
use crate::fsops;
use crate::paths;

/// What a restore did (or, dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    /// The local file put back.
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    /// The backup it came from.
    #[serde(serialize_with = "paths::serialize")]
    pub from: PathBuf,
    /// Where the file it replaced is kept now (null when there was none).
    #[serde(serialize_with = "paths::serialize_opt")]
    pub kept: Option<PathBuf>,
    /// Open requests for the file, cancelled.
    pub cancelled: usize,
    /// Held against its source's current version (see the module doc).
    pub held: bool,
    pub dry_run: bool,
}

/// The newest intact backup of local file `path`, or the backup at `path` itself.
pub fn find(cat: &Catalog, path: &Path) -> Result<Backup> {
    let all = backup::list(cat, backup::DEFAULT_DAYS)?;
    let mut matching = all
        .into_iter()
        .filter(|b| b.backup == path || b.path == path);
    let Some(first) = matching.next() else {
        bail!(
            "{}: no kept backup (plexsync resync report lists them)",
            paths::display(path)
        );
    };
    if first.present {
        return Ok(first);
    }
    matching.find(|b| b.present).with_context(|| {
        format!(
            "{}: the backup {} is gone or was changed since it was kept",
            paths::display(path),
            paths::display(&first.backup)
        )
    })
}

/// Restore from backup `b` (see the module doc). The caller holds the act lock.
pub fn restore(cat: &Catalog, b: &Backup, dry_run: bool) -> Result<Restored> {
    let target = &b.path;
    let current = match std::fs::symlink_metadata(target) {
        Ok(m) if m.is_dir() => bail!("{} is a folder; left alone", paths::display(target)),
        Ok(m) => Some(Stat::from_metadata(&m)),
        Err(_) => None,
    };
    if current.is_some_and(|c| (c.dev, c.ino) == (b.stat.dev, b.stat.ino)) {
        bail!(
            "{} is already the version kept at {}",
            paths::display(target),
            paths::display(&b.backup)
        );
    }
    let place = current.map(|_| Place {
        path: backup::free_name(&b.backup),
        auto_prune: b.auto_prune,
    });
    let mut done = Restored {
        path: target.clone(),
        from: b.backup.clone(),
        kept: place.as_ref().map(|p| p.path.clone()),
        cancelled: 0,
        held: false,
        dry_run,
    };
    if dry_run {
        return Ok(done);
    }
    let run = cat.begin_run("resync-restore", "resync restore")?;
    let res = (|| -> Result<()> {
        if let Some(place) = &place {
            let step = cat.journal_add(run, "backup", Some(target), Some(&place.path), None)?;
            let id = backup::record(cat, Some(run), target, place, &current.unwrap_or_default())?;
            let changed = match backup::keep(target, &place.path) {
                Ok(changed) => changed,
                Err(e) => {
                    backup::forget(cat, id)?;
                    return Err(e)
                        .with_context(|| format!("keeping {} first", paths::display(target)));
                }
            };
            backup::set_kept(cat, id, &Stat::of(&place.path)?)?;
            cat.journal_set(step, "done", None)?;
            // Durable before the rename below replaces what it keeps.
            for dir in changed {
                fsops::fsync_dir(&dir)?;
            }
        }
        let step = cat.journal_add(run, "restore", Some(&b.backup), Some(target), None)?;
        std::fs::create_dir_all(fsops::parent_of(target))?;
        let moved = if current.is_some() {
            std::fs::rename(&b.backup, target)
        } else {
            fsops::rename_noreplace(&b.backup, target)
        };
        moved.with_context(|| {
            format!(
                "putting {} back at {}",
                paths::display(&b.backup),
                paths::display(target)
            )
        })?;
        fsops::fsync_dir(fsops::parent_of(target))?;
        cat.journal_set(step, "done", None)?;
        backup::set_state(cat, b.id, "restored")?;
        Ok(())
    })();
    if let Err(e) = res {
        cat.finish_run(run, "failed")?;
        return Err(e);
    }
    done.cancelled = store::cancel(cat, None, Some(target))?;
    if let Some(mut row) = store::synced(cat, target)? {
        // The source version it replaced is not to come back until the source changes.
        let (size, mtime) = match Stat::of(&row.source) {
            Ok(s) => (s.size, s.mtime_ns),
            Err(_) => (row.source_size, row.source_mtime_ns),
        };
        store::put_hold(cat.conn(), target, size, mtime)?;
        done.held = true;
        let st = Stat::of(target)?;
        row.local_size = st.size;
        row.local_mtime_ns = st.mtime_ns;
        row.local_blake3 = None;
        row.verified_at = None;
        store::put_synced(cat.conn(), &row)?;
    }
    cat.finish_run(run, "done")?;
    Ok(done)
}
