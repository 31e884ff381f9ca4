//! The hashing stages of detection: a BLAKE3 of the head block, of both edge blocks
//! (head and tail, read through one open), of a prefix, or of the whole file. Each digest
//! is first looked up in the catalog cache (keyed by device, inode, size and mtime); only
//! misses are read. Every read is checked against the stat it was planned for with an
//! `fstat` of the open file afterwards: a file that changed while it was read is dropped
//! with a warning.
//!
//! Reads are scheduled by device ([`crate::scan::device`]): on an SSD or the page cache
//! every worker reads; on a spinning disk or a network share one reader per device goes
//! through the files in physical order, unless the number of readers was set.
//! [`Hasher::digests`] runs one stage over a list of files (the partial detector, and
//! exact detection on serial devices); the exact detector's pipeline on solid devices is
//! in [`super::pipeline`].

use std::collections::HashMap;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::mpsc;

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::model::Hashing;
use super::{Note, BLOCK};
use crate::catalog::{Catalog, FileUpdate, Stat};
use crate::hash;
use crate::progress::Progress;
use crate::scan::device::{self, Devices, Medium};

/// Which digest of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The first [`BLOCK`] bytes.
    Head,
    /// The first and the last [`BLOCK`] bytes, as one key (see [`edges_key`]).
    Edges,
    /// The first `n` bytes.
    Prefix(u64),
    /// The whole file.
    Full,
}

/// The cache's algorithm name of the edge blocks' digests: 64 bytes, the head block's
/// BLAKE3 then the tail block's.
pub fn edges_algo() -> String {
    format!("blake3-edges-{BLOCK}")
}

/// The cache's algorithm name of head digests.
pub fn head_algo() -> String {
    format!("blake3-head-{BLOCK}")
}

/// The 32-byte key files are grouped by for their edge digests (head ‖ tail): half of each
/// block's digest, 128 bits apiece.
pub fn edges_key(edges: &[u8; 64]) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(&edges[..16]);
    k[16..].copy_from_slice(&edges[32..48]);
    k
}

impl Stage {
    /// The cache's algorithm name.
    pub fn algo(self) -> String {
        match self {
            Stage::Head => head_algo(),
            Stage::Edges => edges_algo(),
            Stage::Prefix(n) => format!("blake3-prefix-{n}"),
            Stage::Full => "blake3".to_string(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Stage::Head => "head",
            Stage::Edges => "head and tail",
            Stage::Prefix(_) => "prefix",
            Stage::Full => "full hash",
        }
    }

    /// Bytes this digest reads from a file of `size` bytes.
    pub fn bytes(self, size: u64) -> u64 {
        match self {
            Stage::Head => size.min(BLOCK),
            Stage::Edges => size.min(2 * BLOCK),
            Stage::Prefix(n) => size.min(n),
            Stage::Full => size,
        }
    }
}

/// Up to this many bytes are read in one go into a per-thread buffer; larger files are
/// hashed in pieces on every core ([`hash::blake3_open`]).
const SMALL: u64 = 1 << 20;

thread_local! {
    static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// With the per-thread buffer, at least `len` bytes long.
fn with_buf<R>(len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
    BUF.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() < len {
            b.resize(len.max(64 << 10), 0);
        }
        f(&mut b[..len])
    })
}

/// What reading one digest came to.
#[derive(Debug)]
pub enum Read<D> {
    Done(D),
    /// The file's stat differs from the planned one (or it shrank while read).
    Changed,
    Vanished,
    Failed(String),
}

fn outcome<D>(r: std::io::Result<D>, f: Option<&File>, want: &Stat) -> Read<D> {
    match r {
        Ok(d) => match f.map(|f| f.metadata()) {
            Some(Ok(m)) if Stat::from_metadata(&m) == *want => Read::Done(d),
            Some(Ok(_)) => Read::Changed,
            Some(Err(e)) => Read::Failed(e.to_string()),
            None => Read::Done(d),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Read::Vanished,
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Read::Changed,
        Err(e) => Read::Failed(e.to_string()),
    }
}

/// Open `path` and run `f` on it, then check the open file still has stat `want`.
fn read_checked<D>(
    path: &Path,
    want: &Stat,
    f: impl FnOnce(&File) -> std::io::Result<D>,
) -> Read<D> {
    match File::open(path) {
        Ok(file) => {
            let r = f(&file);
            outcome(r, Some(&file), want)
        }
        Err(e) => outcome(Err(e), None, want),
    }
}

fn hash_at(f: &File, off: u64, len: u64) -> std::io::Result<[u8; 32]> {
    with_buf(len as usize, |b| {
        f.read_exact_at(b, off)?;
        Ok(*blake3::hash(b).as_bytes())
    })
}

/// The BLAKE3 of the whole file (of `stat.size` bytes). `sequential`: read it front to
/// back by this thread (a spinning disk, a share), else in pieces on the current pool.
pub fn read_full(path: &Path, stat: &Stat, sequential: bool) -> Read<[u8; 32]> {
    read_checked(path, stat, |f| prefix(f, stat.size, sequential))
}

fn prefix(f: &File, len: u64, sequential: bool) -> std::io::Result<[u8; 32]> {
    if len <= SMALL {
        hash_at(f, 0, len)
    } else if sequential {
        hash::blake3_sequential(f, len)
    } else {
        hash::blake3_open(f, len, &mut |_| {})
    }
}

/// The head and tail blocks' BLAKE3s (a file larger than two blocks).
pub fn read_edges(path: &Path, stat: &Stat) -> Read<[u8; 64]> {
    read_checked(path, stat, |f| {
        let mut out = [0u8; 64];
        out[..32].copy_from_slice(&hash_at(f, 0, BLOCK.min(stat.size))?);
        let off = stat.size.saturating_sub(BLOCK);
        out[32..].copy_from_slice(&hash_at(f, off, stat.size - off)?);
        Ok(out)
    })
}

/// A digest read by [`Hasher::digests`]: the key files are grouped by, and for the edge
/// stage the 64 bytes the cache keeps.
#[derive(Debug, Clone, Copy)]
struct Dig {
    key: [u8; 32],
    edges: Option<[u8; 64]>,
}

fn read_stage(stage: Stage, path: &Path, stat: &Stat, sequential: bool) -> Read<Dig> {
    let plain = |r: Read<[u8; 32]>| match r {
        Read::Done(key) => Read::Done(Dig { key, edges: None }),
        Read::Changed => Read::Changed,
        Read::Vanished => Read::Vanished,
        Read::Failed(m) => Read::Failed(m),
    };
    match stage {
        Stage::Full => plain(read_full(path, stat, sequential)),
        Stage::Head => plain(read_checked(path, stat, |f| {
            hash_at(f, 0, BLOCK.min(stat.size))
        })),
        Stage::Edges => match read_edges(path, stat) {
            Read::Done(e) => Read::Done(Dig {
                key: edges_key(&e),
                edges: Some(e),
            }),
            Read::Changed => Read::Changed,
            Read::Vanished => Read::Vanished,
            Read::Failed(m) => Read::Failed(m),
        },
        Stage::Prefix(n) => plain(read_checked(path, stat, |f| {
            prefix(f, n.min(stat.size), sequential)
        })),
    }
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

/// Counts shared by the reading threads.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub bytes_read: AtomicU64,
    pub head: AtomicU64,
    pub tail: AtomicU64,
    pub full: AtomicU64,
    pub prefix: AtomicU64,
    pub cached: AtomicU64,
}

impl Counters {
    pub fn read(&self, stage: Stage, size: u64) {
        self.bytes_read.fetch_add(stage.bytes(size), Relaxed);
        match stage {
            Stage::Head => self.head.fetch_add(1, Relaxed),
            Stage::Edges => {
                self.head.fetch_add(1, Relaxed);
                self.tail.fetch_add(1, Relaxed)
            }
            Stage::Prefix(_) => self.prefix.fetch_add(1, Relaxed),
            Stage::Full => self.full.fetch_add(1, Relaxed),
        };
    }
}

/// Runs stages with a fixed number of threads, readers per device chosen by the device's
/// medium, and counts what they read.
pub struct Hasher<'p> {
    /// Readers per spinning disk or network share (None: one).
    readers: Option<usize>,
    pub(crate) pool: rayon::ThreadPool,
    pub(crate) progress: &'p dyn Progress,
    pub(crate) counts: Counters,
    devices: Devices,
}

impl<'p> Hasher<'p> {
    /// A hasher reading with `jobs` threads.
    pub fn new(jobs: usize, progress: &'p dyn Progress) -> Result<Hasher<'p>> {
        let jobs = jobs.max(1);
        Ok(Hasher {
            readers: None,
            pool: rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .context("starting the hashing threads")?,
            progress,
            counts: Counters::default(),
            devices: Devices::new(),
        })
    }

    /// Read with `n` readers whatever the device (the `--jobs` given on the command line,
    /// or a library's `jobs`): 1 reads one file at a time in physical order everywhere,
    /// more read in parallel even on a spinning disk or a share.
    pub fn with_readers(mut self, n: Option<usize>) -> Self {
        self.readers = n.map(|n| n.max(1));
        self
    }

    /// The medium of the device holding `path` (device `stat.dev`).
    pub fn medium(&mut self, path: &Path, stat: &Stat) -> Medium {
        self.devices.medium(stat.dev, path)
    }

    /// True when files on this medium are read by one reader in physical order: on a
    /// spinning disk or a share, unless readers were set (1: everywhere).
    pub fn serial(&self, m: Medium) -> bool {
        match self.readers {
            Some(n) => n == 1,
            None => m.serial(),
        }
    }

    /// True when the number of readers was set, not chosen by device.
    pub fn readers_set(&self) -> bool {
        self.readers.is_some()
    }

    /// What was read and computed so far.
    pub fn stats(&self) -> Hashing {
        let c = &self.counts;
        Hashing {
            bytes_read: c.bytes_read.load(Relaxed),
            head: c.head.load(Relaxed),
            tail: c.tail.load(Relaxed),
            full: c.full.load(Relaxed),
            prefix: c.prefix.load(Relaxed),
            cached: c.cached.load(Relaxed),
        }
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
        let cache = preload(cat, items.iter().map(|it| it.stage))?;
        for (i, it) in items.iter().enumerate() {
            let cached = match it.stage {
                Stage::Full => match it.known {
                    Some(d) => Some(d),
                    None => cat.cached_blake3(&it.stat)?,
                },
                Stage::Prefix(_) => cat
                    .cached_digest(&it.stat, &it.stage.algo())?
                    .and_then(|d| <[u8; 32]>::try_from(d.as_slice()).ok()),
                Stage::Head => cache.head(&it.stat),
                Stage::Edges => cache.edges.get(&it.stat).map(edges_key),
            };
            match cached {
                Some(d) => {
                    self.counts.cached.fetch_add(1, Relaxed);
                    out[i] = Some(d);
                }
                None => misses.push(i),
            }
        }
        if misses.is_empty() {
            return Ok(out);
        }
        let total: u64 = misses
            .iter()
            .map(|&i| items[i].stage.bytes(items[i].stat.size))
            .sum();
        self.progress.phase(
            items[misses[0]].stage.name(),
            Some(misses.len() as u64),
            Some(total),
        );
        // Lanes: the files on solid devices, read by every worker, largest first so the
        // pool does not end waiting on one giant; then one lane per serial device, read
        // by one reader in physical order.
        let mut solid: Vec<usize> = Vec::new();
        let mut serial: HashMap<u64, Vec<usize>> = HashMap::new();
        for &i in &misses {
            let m = self.medium(&items[i].path, &items[i].stat);
            if self.serial(m) {
                serial.entry(items[i].stat.dev).or_default().push(i);
            } else {
                solid.push(i);
            }
        }
        solid.sort_by_key(|&i| std::cmp::Reverse(items[i].stage.bytes(items[i].stat.size)));
        let lanes: Vec<Vec<usize>> = serial
            .into_values()
            .map(|lane| physical_order(items, lane))
            .collect();
        let (tx, rx) = mpsc::channel::<(usize, Read<Dig>)>();
        let (progress, counts, pool) = (self.progress, &self.counts, &self.pool);
        let mut pending: Vec<(usize, Dig)> = Vec::new();
        std::thread::scope(|s| -> Result<()> {
            let one = |i: usize, sequential: bool| {
                let it = &items[i];
                let r = read_stage(it.stage, &it.path, &it.stat, sequential);
                if matches!(r, Read::Done(_)) {
                    counts.read(it.stage, it.stat.size);
                }
                progress.advance(1, it.stage.bytes(it.stat.size));
                (i, r)
            };
            for lane in &lanes {
                let tx = tx.clone();
                s.spawn(move || {
                    for &i in lane {
                        let _ = tx.send(one(i, true));
                    }
                });
            }
            let solid = &solid;
            s.spawn(move || {
                pool.install(|| {
                    solid
                        .par_iter()
                        .with_max_len(1)
                        .for_each_with(tx, |tx, &i| {
                            let _ = tx.send(one(i, false));
                        })
                })
            });
            for (i, r) in rx {
                let it = &items[i];
                match r {
                    Read::Done(d) => {
                        out[i] = Some(d.key);
                        pending.push((i, d));
                        if pending.len() >= 4000 {
                            store(cat, items, &mut pending)?;
                        }
                    }
                    r => note(&it.path, r, on_note),
                }
            }
            store(cat, items, &mut pending)
        })?;
        self.progress.finish();
        Ok(out)
    }
}

/// Tell the user about a read that did not come to a digest.
pub(crate) fn note<D>(path: &Path, r: Read<D>, on_note: &mut dyn FnMut(Note)) {
    match r {
        Read::Done(_) => {}
        Read::Changed => on_note(Note::Warning(
            path.to_path_buf(),
            "changed while it was being read; left out, run again".into(),
        )),
        Read::Vanished => on_note(Note::Warning(
            path.to_path_buf(),
            "vanished while it was being read".into(),
        )),
        Read::Failed(msg) => on_note(Note::Error(Some(path.to_path_buf()), msg)),
    }
}

/// `lane` (indices into `items`, all on one device) in the order to read them there: by
/// the physical offset of each file's first extent, else by inode.
fn physical_order(items: &[Item], lane: Vec<usize>) -> Vec<usize> {
    let keys: Vec<(u64, Option<u64>)> = lane
        .iter()
        .map(|&i| {
            let phys = File::open(&items[i].path)
                .ok()
                .and_then(|f| device::first_extent(&f));
            (items[i].stat.ino, phys)
        })
        .collect();
    device::read_order(&keys)
        .into_iter()
        .map(|k| lane[k])
        .collect()
}

/// The cached edge digests (and head digests of the partial detector), by stat.
#[derive(Default)]
pub struct Preloaded {
    pub edges: HashMap<Stat, [u8; 64]>,
    pub heads: HashMap<Stat, [u8; 32]>,
}

impl Preloaded {
    /// The head block's digest: from the edges when they are known.
    pub fn head(&self, stat: &Stat) -> Option<[u8; 32]> {
        self.heads.get(stat).copied().or_else(|| {
            self.edges
                .get(stat)
                .map(|e| <[u8; 32]>::try_from(&e[..32]).expect("32 bytes"))
        })
    }
}

/// Every cached edge (and, when `stages` include heads, head) digest, in one query per
/// kind instead of one per file (a digest counts only for exactly its stat).
pub fn preload(cat: &Catalog, stages: impl Iterator<Item = Stage>) -> Result<Preloaded> {
    let mut out = Preloaded::default();
    let (mut edges, mut heads) = (false, false);
    for s in stages {
        edges |= matches!(s, Stage::Edges | Stage::Head);
        heads |= s == Stage::Head;
    }
    let mut stmt = cat
        .conn()
        .prepare_cached("SELECT dev, ino, size, mtime_ns, digest FROM digests WHERE algo = ?1")?;
    for (want, algo) in [(edges, edges_algo()), (heads, head_algo())] {
        if !want {
            continue;
        }
        let mut rows = stmt.query([algo])?;
        while let Some(r) = rows.next()? {
            let stat = crate::catalog::files::stat_at(r, 0)?;
            if let rusqlite::types::ValueRef::Blob(d) = r.get_ref(4)? {
                if let Ok(d) = <[u8; 64]>::try_from(d) {
                    out.edges.insert(stat, d);
                } else if let Ok(d) = <[u8; 32]>::try_from(d) {
                    out.heads.insert(stat, d);
                }
            }
        }
    }
    Ok(out)
}

/// Write computed digests into the catalog (full hashes on every name's row).
fn store(cat: &mut Catalog, items: &[Item], pending: &mut Vec<(usize, Dig)>) -> Result<()> {
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
                        blake3: d.key,
                    });
                }
            }
            s => by_algo.entry(s.algo()).or_default().push((
                it.stat,
                d.edges.map_or_else(|| d.key.to_vec(), |e| e.to_vec()),
            )),
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
