//! The hashing stages of detection: a BLAKE3 of the head block, of the tail block, of a
//! prefix, or of the whole file. Each digest is first looked up in the catalog cache
//! (keyed by device, inode, size and mtime); only misses are read, in parallel on rayon,
//! and the results go back into the catalog through this one thread in batches. A file
//! whose stat changed while it was read is dropped with a warning.

use std::path::PathBuf;
use std::sync::mpsc;

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::model::Hashing;
use super::{Note, BLOCK};
use crate::catalog::{Catalog, FileUpdate, Stat};
use crate::hash;
use crate::progress::Progress;

/// Which digest of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The first [`BLOCK`] bytes.
    Head,
    /// The last [`BLOCK`] bytes.
    Tail,
    /// The first `n` bytes.
    Prefix(u64),
    /// The whole file.
    Full,
}

impl Stage {
    /// The cache's algorithm name.
    pub fn algo(self) -> String {
        match self {
            Stage::Head => format!("blake3-head-{BLOCK}"),
            Stage::Tail => format!("blake3-tail-{BLOCK}"),
            Stage::Prefix(n) => format!("blake3-prefix-{n}"),
            Stage::Full => "blake3".to_string(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Stage::Head => "head",
            Stage::Tail => "tail",
            Stage::Prefix(_) => "prefix",
            Stage::Full => "full hash",
        }
    }

    /// Bytes this digest reads from a file of `size` bytes.
    pub fn bytes(self, size: u64) -> u64 {
        match self {
            Stage::Head | Stage::Tail => size.min(BLOCK),
            Stage::Prefix(n) => size.min(n),
            Stage::Full => size,
        }
    }

    fn compute(self, path: &std::path::Path, size: u64) -> std::io::Result<[u8; 32]> {
        match self {
            Stage::Head => hash_range(path, 0, BLOCK),
            Stage::Tail => hash_range(path, size.saturating_sub(BLOCK), BLOCK),
            Stage::Prefix(n) if n > SMALL => hash::blake3_range(path, 0, n),
            Stage::Prefix(n) => hash_range(path, 0, n),
            Stage::Full if size > SMALL => hash::blake3_file(path, &mut |_| {}),
            Stage::Full => hash_range(path, 0, SMALL),
        }
    }
}

/// Up to this many bytes are read in one go into a per-thread buffer: most files of a
/// library's sidecars and all head and tail blocks are far smaller than the 4 MiB
/// streaming buffer, which would otherwise be allocated (and its pages mapped) per file.
const SMALL: u64 = 1 << 20;

thread_local! {
    static BUF: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0u8; SMALL as usize]);
}

/// BLAKE3 of at most `len` (≤ [`SMALL`]) bytes of `path` from `offset`.
fn hash_range(path: &std::path::Path, offset: u64, len: u64) -> std::io::Result<[u8; 32]> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(path)?;
    if offset > 0 {
        f.seek(SeekFrom::Start(offset))?;
    }
    BUF.with(|b| {
        let mut b = b.borrow_mut();
        let n = hash::read_full(&mut f.by_ref().take(len), &mut b[..len as usize])?;
        Ok(*blake3::hash(&b[..n]).as_bytes())
    })
}

/// One digest wanted: of `path` (all of `names` for a full hash, so every row gets it).
#[derive(Debug, Clone)]
pub struct Item {
    pub path: PathBuf,
    pub names: Vec<PathBuf>,
    pub stat: Stat,
    pub stage: Stage,
    /// A full digest already known (the catalog row's), used without reading.
    pub known: Option<[u8; 32]>,
}

/// Runs stages with a fixed number of threads and counts what they read.
pub struct Hasher<'p> {
    jobs: usize,
    progress: &'p dyn Progress,
    stats: Hashing,
}

enum Outcome {
    Done([u8; 32], u64),
    Changed,
    Vanished,
    Failed(String),
}

impl<'p> Hasher<'p> {
    /// A hasher reading with `jobs` threads.
    pub fn new(jobs: usize, progress: &'p dyn Progress) -> Hasher<'p> {
        Hasher {
            jobs: jobs.max(1),
            progress,
            stats: Hashing::default(),
        }
    }

    /// What was read and computed so far.
    pub fn stats(&self) -> Hashing {
        self.stats.clone()
    }

    /// The digest of every item (None when the file could not be read or changed),
    /// aligned with `items`.
    pub fn digests(
        &mut self,
        cat: &mut Catalog,
        items: &[Item],
        on_note: &mut dyn FnMut(Note),
    ) -> Result<Vec<Option<[u8; 32]>>> {
        let mut out: Vec<Option<[u8; 32]>> = vec![None; items.len()];
        let mut misses: Vec<usize> = Vec::new();
        let cache = preload(cat, items)?;
        for (i, it) in items.iter().enumerate() {
            let cached = match it.stage {
                Stage::Full => match it.known {
                    Some(d) => Some(d),
                    None => cat.cached_blake3(&it.stat)?,
                },
                Stage::Prefix(_) => cat
                    .cached_digest(&it.stat, &it.stage.algo())?
                    .and_then(|d| <[u8; 32]>::try_from(d.as_slice()).ok()),
                Stage::Head => cache.head.get(&it.stat).copied(),
                Stage::Tail => cache.tail.get(&it.stat).copied(),
            };
            match cached {
                Some(d) => {
                    self.stats.cached += 1;
                    out[i] = Some(d);
                }
                None => misses.push(i),
            }
        }
        if misses.is_empty() {
            return Ok(out);
        }
        // Large files first, so the pool does not end waiting on one giant.
        misses.sort_by_key(|&i| std::cmp::Reverse(items[i].stage.bytes(items[i].stat.size)));
        let total: u64 = misses
            .iter()
            .map(|&i| items[i].stage.bytes(items[i].stat.size))
            .sum();
        self.progress.phase(
            items[misses[0]].stage.name(),
            Some(misses.len() as u64),
            Some(total),
        );
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs)
            .build()
            .context("starting the hashing threads")?;
        // Unbounded: while this thread stores a batch, the readers must not stall on a full
        // channel (results are a few dozen bytes each).
        let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
        let progress = self.progress;
        let mut pending: Vec<(usize, [u8; 32])> = Vec::new();
        std::thread::scope(|s| -> Result<()> {
            let work = &misses;
            s.spawn(move || {
                pool.install(|| {
                    work.par_iter().for_each_with(tx, |tx, &i| {
                        let it = &items[i];
                        let r = match it.stage.compute(&it.path, it.stat.size) {
                            Ok(d) => match Stat::of(&it.path) {
                                Ok(now) if now == it.stat => {
                                    Outcome::Done(d, it.stage.bytes(it.stat.size))
                                }
                                Ok(_) => Outcome::Changed,
                                Err(_) => Outcome::Vanished,
                            },
                            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Outcome::Vanished,
                            Err(e) => Outcome::Failed(e.to_string()),
                        };
                        progress.advance(1, it.stage.bytes(it.stat.size));
                        let _ = tx.send((i, r));
                    })
                })
            });
            for (i, r) in rx {
                let it = &items[i];
                match r {
                    Outcome::Done(d, n) => {
                        self.stats.bytes_read += n;
                        match it.stage {
                            Stage::Head => self.stats.head += 1,
                            Stage::Tail => self.stats.tail += 1,
                            Stage::Prefix(_) => self.stats.prefix += 1,
                            Stage::Full => self.stats.full += 1,
                        }
                        out[i] = Some(d);
                        pending.push((i, d));
                        if pending.len() >= 2000 {
                            store(cat, items, &mut pending)?;
                        }
                    }
                    Outcome::Changed => on_note(Note::Warning(
                        it.path.clone(),
                        "changed while it was being read; left out, run again".into(),
                    )),
                    Outcome::Vanished => on_note(Note::Warning(
                        it.path.clone(),
                        "vanished while it was being read".into(),
                    )),
                    Outcome::Failed(msg) => on_note(Note::Error(Some(it.path.clone()), msg)),
                }
            }
            store(cat, items, &mut pending)
        })?;
        self.progress.finish();
        Ok(out)
    }
}

/// The cached head and tail digests, by stat.
#[derive(Default)]
struct Preloaded {
    head: std::collections::HashMap<Stat, [u8; 32]>,
    tail: std::collections::HashMap<Stat, [u8; 32]>,
}

/// Every cached head and tail digest the items want, in one query per stage instead of
/// one per file (a digest counts only for exactly its stat).
fn preload(cat: &Catalog, items: &[Item]) -> Result<Preloaded> {
    let mut out = Preloaded::default();
    for stage in [Stage::Head, Stage::Tail] {
        if !items.iter().any(|it| it.stage == stage) {
            continue;
        }
        let map = match stage {
            Stage::Head => &mut out.head,
            _ => &mut out.tail,
        };
        let mut stmt = cat.conn().prepare_cached(
            "SELECT dev, ino, size, mtime_ns, digest FROM digests WHERE algo = ?1",
        )?;
        let mut rows = stmt.query([stage.algo()])?;
        while let Some(r) = rows.next()? {
            let stat = crate::catalog::files::stat_at(r, 0)?;
            if let rusqlite::types::ValueRef::Blob(d) = r.get_ref(4)? {
                if let Ok(d) = <[u8; 32]>::try_from(d) {
                    map.insert(stat, d);
                }
            }
        }
    }
    Ok(out)
}

/// Write computed digests into the catalog (full hashes on every name's row).
fn store(cat: &mut Catalog, items: &[Item], pending: &mut Vec<(usize, [u8; 32])>) -> Result<()> {
    let mut updates = Vec::new();
    let mut by_algo: std::collections::BTreeMap<String, Vec<(Stat, Vec<u8>)>> = Default::default();
    for (i, d) in pending.drain(..) {
        let it = &items[i];
        match it.stage {
            Stage::Full => {
                for name in &it.names {
                    updates.push(FileUpdate::Hashed {
                        path: name.clone(),
                        stat: it.stat,
                        blake3: d,
                    });
                }
            }
            s => by_algo
                .entry(s.algo())
                .or_default()
                .push((it.stat, d.to_vec())),
        }
    }
    if !updates.is_empty() {
        cat.apply_updates(&updates)?;
    }
    for (algo, list) in by_algo {
        cat.store_digests(&algo, &list)?;
    }
    Ok(())
}
