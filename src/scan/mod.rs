//! `plexsync scan`: walk the given roots in parallel, record every regular file in the
//! catalog, mark files gone since the last scan as `missing`, and with `--hash` compute
//! BLAKE3 for exactly the files whose (device, inode, size, mtime) the catalog has no
//! digest for — so a second `scan --hash` of an unchanged tree reads no file contents.

pub mod device;
pub mod walk;

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::catalog::files::apply_update;
use crate::catalog::files::StatRow;
use crate::catalog::{now_secs, Catalog, FileUpdate, Stat};
use crate::media::kind::FileKind;
use crate::paths;
use crate::progress::Progress;
use walk::Found;

/// How to scan.
#[derive(Debug, Clone, Copy)]
pub struct ScanOptions {
    /// Compute BLAKE3 of new and changed files.
    pub hash: bool,
    /// Follow symlinks (loops are detected and reported).
    pub follow: bool,
    /// Worker threads.
    pub jobs: usize,
}

/// What changed for one file in this scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    New,
    Changed,
    Missing,
    /// Unchanged metadata, hashed now because the catalog had no digest.
    Hashed,
}

/// A file whose catalog entry changed.
#[derive(Debug, Clone, Serialize)]
pub struct FileEvent {
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    pub size: u64,
    pub kind: FileKind,
    pub change: Change,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blake3: Option<String>,
}

/// What the scan reports besides file changes.
pub enum Event {
    /// A file whose entry changed (new, changed, missing, hashed).
    File(FileEvent),
    /// Something could not be read; the scan went on.
    Error(Option<PathBuf>, String),
    /// A harmless oddity (a file vanished or changed while being hashed).
    Warning(PathBuf, String),
}

/// Totals of a scan.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ScanSummary {
    pub roots: u64,
    pub files: u64,
    pub bytes: u64,
    pub new: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub missing: u64,
    pub hashed: u64,
    pub hashed_bytes: u64,
    /// Digests reused from another path with the same (device, inode, size, mtime).
    pub reused: u64,
    /// FIFOs, sockets, devices and unfollowed symlinks, skipped.
    pub skipped: u64,
    pub errors: u64,
}

/// A regular file the scan found, as the caller of [`scan_files`] hears of it.
pub struct Seen<'a> {
    /// The root (as given, made absolute) it was found under.
    pub root: &'a Path,
    pub path: &'a Path,
    pub stat: Stat,
    /// The catalog's BLAKE3, when it was computed for exactly `stat`.
    pub blake3: Option<[u8; 32]>,
}

/// Keep glibc to one malloc arena. By default each thread that allocates gets an arena
/// of its own and keeps what it freed: `dupes find --kind exact` on 30,000 files peaked
/// at 37 MB RSS with the default and 31 MB with one arena (the walk and the hashing
/// threads allocate little, so they do not contend for it). Only the first call counts.
pub fn few_malloc_arenas() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: mallopt only sets an allocator parameter; called before the scan's threads.
    ONCE.call_once(|| unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    });
}

/// Scan `roots` into `cat`.
pub fn scan(
    cat: &mut Catalog,
    roots: &[PathBuf],
    opts: &ScanOptions,
    progress: &dyn Progress,
    on_event: &mut dyn FnMut(Event),
) -> Result<ScanSummary> {
    scan_files(cat, roots, opts, progress, on_event, &mut |_| {})
}

/// Scan `roots` into `cat`, handing every regular file found to `on_file` (on this
/// thread, once per name and root), so a caller need not read the rows back.
pub fn scan_files(
    cat: &mut Catalog,
    roots: &[PathBuf],
    opts: &ScanOptions,
    progress: &dyn Progress,
    on_event: &mut dyn FnMut(Event),
    on_file: &mut dyn FnMut(Seen),
) -> Result<ScanSummary> {
    few_malloc_arenas();
    let mut sum = ScanSummary::default();
    let mut to_hash: Vec<(PathBuf, Stat)> = Vec::new();
    for root in roots {
        let root =
            paths::absolute(root).with_context(|| format!("resolving {}", root.display()))?;
        sum.roots += 1;
        scan_root(
            cat,
            &root,
            opts,
            progress,
            on_event,
            on_file,
            &mut sum,
            &mut to_hash,
        )?;
    }
    if opts.hash && !to_hash.is_empty() {
        hash_files(cat, to_hash, opts.jobs, progress, on_event, &mut sum)?;
    }
    Ok(sum)
}

#[allow(clippy::too_many_arguments)]
fn scan_root(
    cat: &mut Catalog,
    root: &Path,
    opts: &ScanOptions,
    progress: &dyn Progress,
    on_event: &mut dyn FnMut(Event),
    on_file: &mut dyn FnMut(Seen),
    sum: &mut ScanSummary,
    to_hash: &mut Vec<(PathBuf, Stat)>,
) -> Result<()> {
    if let Err(e) = std::fs::metadata(root) {
        sum.errors += 1;
        on_event(Event::Error(Some(root.to_path_buf()), e.to_string()));
        return Ok(());
    }
    progress.phase("walking", None, None);
    // The catalog's rows are read while the tree is walked: neither waits for the other.
    // The catalog's rows are read while the tree is walked: neither waits for the other.
    // They are kept sorted by path and looked up by binary search: a hash map of them
    // took twice the memory, for no gain in time.
    let (found, known) = std::thread::scope(|s| -> Result<_> {
        let cat_ref = &mut *cat;
        let rows = s.spawn(move || -> Result<Vec<StatRow>> {
            let mut rows = cat_ref.stat_rows_under(root)?;
            rows.sort_unstable_by(|a, b| paths::to_bytes(&a.path).cmp(paths::to_bytes(&b.path)));
            Ok(rows)
        });
        let mut found = Vec::new();
        walk::walk(root, opts.follow, opts.jobs, &mut |f| found.push(f));
        Ok((found, rows.join().expect("catalog reader")?))
    })?;
    let mut seen = vec![false; known.len()];
    let root_id = cat.root_id(root)?;
    let mut root_failed = false;

    let (tx, rx) = mpsc::sync_channel::<FileUpdate>(8192);
    std::thread::scope(|s| -> Result<()> {
        let cat_ref = &mut *cat;
        let write =
            s.spawn(move || cat_ref.write_stream(rx, 5000, |t, u| Ok(apply_update(t, &u)?)));
        let mut walk_cb = |found: Found| match found {
            Found::File(path, stat) => {
                progress.advance(1, stat.size);
                sum.files += 1;
                sum.bytes += stat.size;
                let kind = FileKind::of(&path);
                let key = paths::to_bytes(&path);
                let at = known.binary_search_by(|r| paths::to_bytes(&r.path).cmp(key));
                let (change, needs_hash, blake3) = match at.ok().map(|i| (i, &known[i])) {
                    None => (Some(Change::New), true, None),
                    Some((i, k)) => {
                        seen[i] = true;
                        if k.stat != stat || k.missing {
                            (Some(Change::Changed), true, None)
                        } else {
                            (None, k.blake3.is_none(), k.blake3)
                        }
                    }
                };
                on_file(Seen {
                    root,
                    path: &path,
                    stat,
                    blake3,
                });
                match change {
                    Some(c) => {
                        if c == Change::New {
                            sum.new += 1;
                        } else {
                            sum.changed += 1;
                        }
                        let _ = tx.send(FileUpdate::Seen {
                            path: path.clone(),
                            root_id: Some(root_id),
                            stat,
                            kind: kind.as_str(),
                            now: now_secs(),
                        });
                        if !opts.hash {
                            on_event(Event::File(FileEvent {
                                path: path.clone(),
                                size: stat.size,
                                kind,
                                change: c,
                                blake3: None,
                            }));
                        }
                    }
                    None => sum.unchanged += 1,
                }
                if opts.hash && needs_hash {
                    to_hash.push((path, stat));
                }
            }
            Found::Special(_) => sum.skipped += 1,
            Found::Error(path, msg) => {
                if path.as_deref() == Some(root) {
                    root_failed = true;
                }
                sum.errors += 1;
                on_event(Event::Error(path, msg));
            }
        };
        for f in found {
            walk_cb(f);
        }
        drop(tx);
        write.join().expect("writer thread")?;
        Ok(())
    })?;
    progress.finish();

    if root_failed {
        // An unreadable root says nothing about its files: leave their rows as they are.
        return Ok(());
    }
    let mut gone = Vec::new();
    for (k, _) in known.iter().zip(&seen).filter(|(_, seen)| !**seen) {
        if !k.missing {
            let path = k.path.clone();
            sum.missing += 1;
            on_event(Event::File(FileEvent {
                kind: FileKind::of(&path),
                path: path.clone(),
                size: k.stat.size,
                change: Change::Missing,
                blake3: None,
            }));
            gone.push(FileUpdate::Missing { path });
        }
    }
    cat.apply_updates(&gone)?;
    cat.root_scanned(root_id)?;
    Ok(())
}

enum Hashed {
    Done(PathBuf, Stat, [u8; 32]),
    Vanished(PathBuf),
    Unstable(PathBuf),
    Failed(PathBuf, String),
}

fn hash_files(
    cat: &mut Catalog,
    mut files: Vec<(PathBuf, Stat)>,
    jobs: usize,
    progress: &dyn Progress,
    on_event: &mut dyn FnMut(Event),
    sum: &mut ScanSummary,
) -> Result<()> {
    // A renamed or hard-linked file keeps its digest: look it up by inode first.
    let mut reused = Vec::new();
    files.retain(|(path, stat)| match cat.cached_blake3(stat) {
        Ok(Some(d)) => {
            reused.push(FileUpdate::Hashed {
                path: path.clone(),
                stat: *stat,
                blake3: d,
            });
            false
        }
        _ => true,
    });
    sum.reused += reused.len() as u64;
    cat.apply_updates(&reused)?;
    for u in &reused {
        if let FileUpdate::Hashed { path, stat, blake3 } = u {
            on_event(Event::File(FileEvent {
                path: path.clone(),
                size: stat.size,
                kind: FileKind::of(path),
                change: Change::Hashed,
                blake3: Some(crate::hash::hex(blake3)),
            }));
        }
    }
    if files.is_empty() {
        return Ok(());
    }
    // Large files first: the pool stays busy to the end instead of waiting on one giant.
    files.sort_by_key(|f| std::cmp::Reverse(f.1.size));
    let total: u64 = files.iter().map(|f| f.1.size).sum();
    progress.phase("hashing", Some(files.len() as u64), Some(total));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .context("starting the hashing threads")?;
    let (tx, rx) = mpsc::sync_channel::<Hashed>(1024);
    let mut results = Vec::new();
    std::thread::scope(|s| {
        s.spawn(move || {
            pool.install(|| {
                files.into_par_iter().for_each_with(tx, |tx, (path, stat)| {
                    let r = hash_one(&path, stat, progress);
                    let _ = tx.send(r);
                });
            })
        });
        for r in rx {
            results.push(r);
            if results.len() >= 2000 {
                record_hashes(cat, &mut results, on_event, sum)?;
            }
        }
        record_hashes(cat, &mut results, on_event, sum)
    })?;
    progress.finish();
    Ok(())
}

fn hash_one(path: &Path, stat: Stat, progress: &dyn Progress) -> Hashed {
    let digest = crate::hash::blake3_file(path, &mut |n| progress.advance(0, n));
    progress.advance(1, 0);
    match digest {
        Ok(d) => match Stat::of(path) {
            Ok(after) if after == stat => Hashed::Done(path.to_path_buf(), stat, d),
            Ok(_) => Hashed::Unstable(path.to_path_buf()),
            Err(_) => Hashed::Vanished(path.to_path_buf()),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Hashed::Vanished(path.to_path_buf()),
        Err(e) => Hashed::Failed(path.to_path_buf(), e.to_string()),
    }
}

fn record_hashes(
    cat: &mut Catalog,
    results: &mut Vec<Hashed>,
    on_event: &mut dyn FnMut(Event),
    sum: &mut ScanSummary,
) -> Result<()> {
    let mut updates = Vec::with_capacity(results.len());
    for r in results.drain(..) {
        match r {
            Hashed::Done(path, stat, d) => {
                sum.hashed += 1;
                sum.hashed_bytes += stat.size;
                on_event(Event::File(FileEvent {
                    path: path.clone(),
                    size: stat.size,
                    kind: FileKind::of(&path),
                    change: Change::Hashed,
                    blake3: Some(crate::hash::hex(&d)),
                }));
                updates.push(FileUpdate::Hashed {
                    path,
                    stat,
                    blake3: d,
                });
            }
            Hashed::Vanished(path) => {
                on_event(Event::Warning(
                    path.clone(),
                    "vanished during the scan".into(),
                ));
                updates.push(FileUpdate::Missing { path });
            }
            Hashed::Unstable(path) => on_event(Event::Warning(
                path,
                "changed while it was being hashed; not recorded, scan again".into(),
            )),
            Hashed::Failed(path, msg) => {
                sum.errors += 1;
                on_event(Event::Error(Some(path), msg));
            }
        }
    }
    cat.apply_updates(&updates)
}
