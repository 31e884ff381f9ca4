//! Land a batch of verified copies: journal the batch before a byte is written, make the
//! copies durable together, rename each over its target (keeping the replaced file when
//! asked), remove the leftovers of targets now whole, and record every result in one
//! transaction.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::copy::{prepare_all, Ready};
use super::{outcome, Shared};
use crate::catalog::{now_secs, Stat};
use crate::fsops;
use crate::paths;
use crate::resync::store::{self, Outcome, Request, Synced};
use crate::resync::{leftovers, Reason};

struct Done {
    /// What to record for the new local file, and its stat.
    row: Synced,
    local: Stat,
    size: u64,
    read: u64,
    resumed: u64,
    backup: Option<PathBuf>,
}

/// A replaced file's backup, made before the rename that replaces it.
struct Kept {
    id: i64,
    path: PathBuf,
}

/// What became of one request of a batch.
struct Item {
    outcome: Outcome,
    step: Option<i64>,
    ready: Option<Ready>,
    done: Option<Done>,
}

/// A batch whose requests are journaled and copied into temporary files (or failed).
pub(super) struct Copying<'a> {
    batch: &'a [Request],
    items: Vec<Item>,
}

/// Start a batch: journal every request, then copy them (`workers` at once, each with
/// its retries) into verified temporary files. [`finish_batch`] does the rest.
pub(super) fn start_batch<'a>(sh: &Shared, batch: &'a [Request], workers: usize) -> Copying<'a> {
    // Journaled (and the requests marked running) before a byte is written.
    let steps = sh
        .tx(|c| {
            let mut steps = Vec::with_capacity(batch.len());
            let mut records = Vec::with_capacity(batch.len());
            for r in batch {
                let Some(src) = r.source.as_deref() else {
                    steps.push(None);
                    records.push(None);
                    continue;
                };
                records.push(store::synced(c, &r.path)?);
                store::set_state(c, r.id, "running", None, None, None)?;
                let s =
                    c.journal_started(sh.run, "copy", Some(src), Some(&r.path), Some(&r.reason))?;
                steps.push(Some(s));
            }
            Ok((steps, records))
        })
        .map_err(|e| format!("{e:#}"));
    let items: Vec<Item> = match steps {
        Ok((steps, records)) => {
            // One file alone is fsynced by itself; a batch shares one syncfs.
            let durability = if batch.len() == 1 {
                fsops::Durability::Now
            } else {
                fsops::Durability::Deferred
            };
            let prepared = prepare_all(sh, batch, &records, workers, durability);
            batch
                .iter()
                .zip(steps)
                .zip(prepared)
                .map(|((r, step), p)| match p {
                    Ok(ready) => Item {
                        outcome: outcome(r),
                        step,
                        ready: Some(ready),
                        done: None,
                    },
                    Err(o) => Item {
                        outcome: *o,
                        step,
                        ready: None,
                        done: None,
                    },
                })
                .collect()
        }
        Err(msg) => batch
            .iter()
            .map(|r| {
                let mut o = outcome(r);
                o.status = "failed".into();
                o.error = Some(msg.clone());
                Item {
                    outcome: o,
                    step: None,
                    ready: None,
                    done: None,
                }
            })
            .collect(),
    };
    Copying { batch, items }
}

/// Finish a batch: make its copies durable together, rename them into place in queue
/// order, remove the leftovers of the targets now whole, and record every result in one
/// transaction.
pub(super) fn finish_batch(sh: &Shared, copying: Copying) -> Vec<Outcome> {
    let Copying { batch, mut items } = copying;
    if batch.len() > 1 {
        make_durable(&mut items);
    }
    let mut kept = keep_replaced(sh, batch, &mut items);
    let mut folders = leftovers::Folders::default();
    let mut renamed_in = std::collections::BTreeSet::new();
    for (i, (r, item)) in batch.iter().zip(items.iter_mut()).enumerate() {
        let Some(ready) = item.ready.take() else {
            continue;
        };
        let (tmp, attempts) = (ready.tmp.clone(), ready.attempts);
        item.outcome.duration_secs = ready.duration_secs;
        match commit_one(sh, r, ready, kept[i].take()) {
            Ok(d) => {
                renamed_in.insert(fsops::parent_of(&r.path).to_path_buf());
                let o = &mut item.outcome;
                o.status = "done".into();
                o.bytes = d.size;
                o.read_from_source = d.read;
                o.resumed_from = d.resumed;
                o.verified = true;
                o.backup = d.backup.clone();
                o.attempts = attempts;
                item.done = Some(d);
            }
            Err(msg) => {
                let _ = std::fs::remove_file(&tmp);
                let o = &mut item.outcome;
                o.status = "failed".into();
                o.attempts = attempts;
                o.error = Some(msg);
            }
        }
    }
    sync_folders(&renamed_in);
    // Leftover partial copies of the targets now whole, each folder listed once.
    for (r, item) in batch.iter().zip(items.iter()) {
        if item.done.is_some() {
            remove_leftovers(sh, &mut folders, &r.path);
        }
    }
    record(sh, batch, &items);
    items.into_iter().map(|i| i.outcome).collect()
}

/// One `syncfs` per destination file system makes all the batch's copies durable; when it
/// fails, none of them may be renamed into place.
fn make_durable(items: &mut [Item]) {
    use std::os::unix::fs::MetadataExt;
    let mut synced: std::collections::HashMap<u64, Result<(), String>> = Default::default();
    let mut devs: std::collections::HashMap<PathBuf, u64> = Default::default();
    for item in items.iter_mut() {
        let Some(ready) = &item.ready else { continue };
        let dir = fsops::parent_of(&ready.tmp);
        let dev = *devs
            .entry(dir.to_path_buf())
            .or_insert_with(|| std::fs::metadata(dir).map_or(0, |m| m.dev()));
        let res = synced
            .entry(dev)
            .or_insert_with(|| fsops::sync_filesystem(dir).map_err(|e| e.to_string()))
            .clone();
        if let Err(e) = res {
            let ready = item.ready.take().expect("checked above");
            let _ = std::fs::remove_file(&ready.tmp);
            let o = &mut item.outcome;
            o.status = "failed".into();
            o.attempts = ready.attempts;
            o.error = Some(format!("making the copies durable: {e}"));
        }
    }
}

/// Make the renames into `dirs` durable: an fsync of a folder alone, one `syncfs` per file
/// system for several (a batch of 256 files spread over 26 folders spent 6-25 ms in
/// folder fsyncs, each its own flush of the disk's cache).
fn sync_folders(dirs: &std::collections::BTreeSet<PathBuf>) {
    use std::os::unix::fs::MetadataExt;
    let mut by_dev: std::collections::BTreeMap<u64, Vec<&Path>> = Default::default();
    for dir in dirs {
        let dev = std::fs::metadata(dir).map_or(0, |m| m.dev());
        by_dev.entry(dev).or_default().push(dir);
    }
    for dirs in by_dev.values() {
        let res = match dirs.as_slice() {
            [one] => fsops::fsync_dir(one),
            _ => fsops::sync_filesystem(dirs[0]),
        };
        if let Err(e) = res {
            eprintln!("plexsync: syncing {}: {e}", paths::display(dirs[0]));
        }
    }
}

/// Record a batch's results in one transaction.
fn record(sh: &Shared, batch: &[Request], items: &[Item]) {
    let res = sh.tx(|c| {
        let mut synced = Vec::new();
        for (r, item) in batch.iter().zip(items) {
            let o = &item.outcome;
            if let Some(d) = &item.done {
                if let Some(step) = item.step {
                    c.journal_set(step, "done", None)?;
                }
                store::put_synced(c.conn(), &d.row)?;
                // Only a row the scanner made is updated: resync does not adopt files into roots.
                if let Some(b3) = d.row.local_blake3 {
                    c.record_verified(&d.row.path, &d.local, &b3)?;
                }
                synced.push(crate::usage::store::Access::new(
                    d.row.path.clone(),
                    crate::usage::AccessType::Synced,
                    d.row.synced_at,
                    None,
                ));
                store::set_state(c, r.id, "done", Some(r.attempts + o.attempts), None, None)?;
            } else if o.status == "deferred" || o.status == "source_broken" {
                // Not copied on purpose: a later run (deferred) or a later check (source
                // broken) looks again.
                if let Some(step) = item.step {
                    c.journal_set(step, "skipped", o.error.as_deref())?;
                }
                let state = if o.status == "deferred" {
                    // The stat it was judged by: the next run copies it if it holds still.
                    if let Some(seen) = r.source.as_deref().and_then(|s| Stat::of(s).ok()) {
                        store::set_seen(c, r.id, &seen)?;
                    }
                    "pending"
                } else {
                    "source_broken"
                };
                store::set_state(c, r.id, state, None, o.error.as_deref(), None)?;
            } else {
                if let Some(step) = item.step {
                    c.journal_set(step, "failed", o.error.as_deref())?;
                }
                let reason = (o.reason == Reason::VerificationFailed.as_str())
                    .then_some(Reason::VerificationFailed);
                store::set_state(
                    c,
                    r.id,
                    "failed",
                    Some(r.attempts + o.attempts),
                    o.error.as_deref(),
                    reason,
                )?;
            }
            store::add_result(c, sh.run, o)?;
        }
        // The usage log hears of every sync (weight 0.5 in the score).
        crate::usage::store::insert(c.conn(), &synced)?;
        Ok(())
    });
    if let Err(e) = res {
        eprintln!(
            "plexsync: recording the results of {} copies: {e:#}",
            batch.len()
        );
    }
}

/// Before any target of the batch is replaced, give each file to be replaced its backup
/// name (see [`crate::resync::backup`]) and make those names durable. A file whose backup
/// cannot be made is not replaced: its request fails and the file stays as it is.
fn keep_replaced(sh: &Shared, batch: &[Request], items: &mut [Item]) -> Vec<Option<Kept>> {
    let mut dirs = std::collections::BTreeSet::new();
    let kept = batch
        .iter()
        .zip(items.iter_mut())
        .map(|(r, item)| {
            let before = item.ready.as_ref()?.before?;
            let place =
                sh.opts
                    .backup
                    .place(&r.path, r.root.as_deref(), sh.opts.under.as_deref())?;
            match keep_one(sh, r, &before, &place) {
                Ok((k, changed)) => {
                    dirs.extend(changed);
                    Some(k)
                }
                Err(msg) => {
                    let ready = item.ready.take().expect("checked above");
                    let _ = std::fs::remove_file(&ready.tmp);
                    let o = &mut item.outcome;
                    o.status = "failed".into();
                    o.attempts = ready.attempts;
                    o.duration_secs = ready.duration_secs;
                    o.error = Some(msg);
                    None
                }
            }
        })
        .collect();
    // The backup names (and the folders made for them) reach the disk before any file
    // they keep is replaced: a power cut between the two must not lose the old file.
    for dir in &dirs {
        if let Err(e) = fsops::fsync_dir(dir) {
            eprintln!("plexsync: syncing {}: {e}", paths::display(dir));
        }
    }
    kept
}

/// Keep `r`'s target (still `before`) at `place`, journaled and recorded; with the folders
/// to fsync.
fn keep_one(
    sh: &Shared,
    r: &Request,
    before: &Stat,
    place: &crate::resync::backup::Place,
) -> Result<(Kept, Vec<PathBuf>), String> {
    let target = &r.path;
    let unchanged = Stat::of(target).ok().as_ref() == Some(before);
    if !unchanged {
        return Err(format!(
            "{} changed during the copy; left alone",
            paths::display(target)
        ));
    }
    let step = sh
        .cat(|c| c.journal_add(sh.run, "backup", Some(target), Some(&place.path), None))
        .map_err(|e| format!("{e:#}"))?;
    // Listed before the second name exists (see backup::record).
    let id = sh
        .cat(|c| crate::resync::backup::record(c, Some(sh.run), target, place, before))
        .map_err(|e| format!("recording the backup: {e:#}; nothing replaced"))?;
    let made = crate::resync::backup::keep(target, &place.path)
        .and_then(|changed| Ok((Stat::of(&place.path)?, changed)));
    let (st, changed) = match made {
        Ok(made) => made,
        Err(e) => {
            let _ = sh.cat(|c| {
                crate::resync::backup::forget(c, id)?;
                c.journal_set(step, "failed", Some(&e.to_string()))
            });
            return Err(format!(
                "keeping the replaced file at {}: {e}; nothing replaced, the local file is kept as it was",
                paths::display(&place.path)
            ));
        }
    };
    // Should this fail, the row stays `pending` and the next run settles it.
    let _ = sh.cat(|c| {
        crate::resync::backup::set_kept(c, id, &st)?;
        c.journal_set(step, "done", None)
    });
    Ok((
        Kept {
            id,
            path: place.path.clone(),
        },
        changed,
    ))
}

/// Rename a durable, verified copy over its target, whose old version `kept` holds when
/// there was one to keep. The folder is fsynced by the caller, once for all the batch's
/// renames in it.
fn commit_one(sh: &Shared, r: &Request, ready: Ready, kept: Option<Kept>) -> Result<Done, String> {
    let target = &r.path;
    let Ready {
        tmp,
        copied,
        src,
        sst,
        before,
        resumed,
        ..
    } = ready;
    let undo = |kept: Option<Kept>| {
        if let Some(k) = kept {
            let _ = sh.cat(|c| {
                crate::resync::backup::discard(c, k.id, &k.path, target);
                Ok(())
            });
        }
    };
    // Re-check the file being replaced right before touching it.
    let now = Stat::of(target).ok();
    if now != before {
        undo(kept);
        return Err(format!(
            "{} changed during the copy; left alone",
            paths::display(target)
        ));
    }
    // One atomic rename: the target is the old file or the new one, never neither.
    if let Err(e) = std::fs::rename(&tmp, target) {
        undo(kept);
        return Err(format!(
            "replacing {}: {e}; the local file is kept as it was",
            paths::display(target)
        ));
    }
    // The renamed file is the temporary one: same inode, size and mtime.
    let lst = Stat::from_metadata(&copied.metadata);
    let now = now_secs();
    let row = Synced {
        path: target.clone(),
        source: src,
        source_size: sst.size,
        source_mtime_ns: sst.mtime_ns,
        source_blake3: Some(copied.blake3),
        local_size: lst.size,
        local_mtime_ns: lst.mtime_ns,
        local_blake3: Some(copied.blake3),
        synced_at: now,
        verified_at: Some(now),
    };
    Ok(Done {
        row,
        local: lst,
        size: copied.size,
        read: copied.read_from_source,
        resumed,
        backup: kept.map(|k| k.path),
    })
}

/// Remove the leftover partial copies of a target that is now whole, journaled.
fn remove_leftovers(sh: &Shared, folders: &mut leftovers::Folders, target: &Path) {
    for l in folders.find(target) {
        // The next batch is being copied meanwhile: its temporary files are not leftovers.
        if l.file_name().is_some_and(fsops::is_own_temp_name) {
            continue;
        }
        let res = sh.cat(|c| {
            let s = c.journal_add(
                sh.run,
                "remove",
                Some(&l),
                None,
                Some("leftover partial copy"),
            )?;
            match std::fs::remove_file(&l) {
                Ok(()) => c.journal_set(s, "done", None),
                Err(e) => c.journal_set(s, "failed", Some(&e.to_string())),
            }
        });
        if let Err(e) = res {
            eprintln!("plexsync: removing {}: {e:#}", paths::display(&l));
        }
    }
}
