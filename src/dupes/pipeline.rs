//! Exact detection on solid devices (SSDs, the page cache) as one parallel pass with no
//! barrier between stages: each group of same-size files is one task that runs its own
//! stages — the edge blocks (head and tail through one open), then the whole files still
//! colliding, or the whole files at once when they are small — so a core that finishes a
//! task takes the next one instead of waiting for a stage's last file. Tasks start with
//! the most bytes, and a large file is hashed in pieces on every core, so no straggler
//! holds the end. Digests stream to this thread, which writes them to the catalog in
//! batches while the workers read.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;
use rayon::prelude::*;

use super::candidates::Entry;
use super::stages::{self, edges_key, Hasher, Preloaded, Read, Stage};
use super::{Note, BLOCK};
use crate::catalog::files::apply_update;
use crate::catalog::{Catalog, FileUpdate, Stat};

/// Files up to this size are hashed whole at once: reading a few more kilobytes costs
/// less than opening the file a second time after its edge blocks matched.
pub const WHOLE: u64 = 4 * BLOCK;

/// What a worker hands back to the writing thread.
enum Msg {
    Full(usize, [u8; 32]),
    Edges(usize, [u8; 64]),
    Note(PathBuf, Read<()>),
}

/// A set of files (indices into the entries) with the digest they share.
pub type Split = Vec<(Vec<usize>, [u8; 32])>;

/// Resolve every group of same-size files (`groups`, indices into `entries`) into the
/// sub-groups of identical content, reading what neither the entries (their catalog
/// BLAKE3) nor `cache` (edge digests) already know.
pub fn exact_solid(
    cat: &mut Catalog,
    hasher: &Hasher,
    entries: &[Entry],
    mut groups: Vec<Vec<usize>>,
    cache: &Preloaded,
    on_note: &mut dyn FnMut(Note),
) -> Result<Split> {
    // The most bytes first: the pool's last tasks are then small ones.
    groups.sort_by_key(|g| std::cmp::Reverse(entries[g[0]].stat.size * g.len() as u64));
    let total: u64 = groups
        .iter()
        .map(|g| entries[g[0]].stat.size * g.len() as u64)
        .sum();
    hasher.progress.phase(
        "hashing",
        Some(groups.iter().map(|g| g.len() as u64).sum()),
        Some(total),
    );
    let (tx, rx) = mpsc::channel::<Msg>();
    let mut writer = Writer::default();
    let out = std::thread::scope(|s| -> Result<Split> {
        let groups = &groups;
        let work = s.spawn(move || {
            hasher.pool.install(|| {
                groups
                    .par_iter()
                    .with_max_len(1)
                    .map_with(tx, |tx, g| resolve(hasher, entries, cache, g, &*tx))
                    .flatten_iter()
                    .collect::<Split>()
            })
        });
        for m in rx {
            match m {
                Msg::Full(i, d) => {
                    let e = &entries[i];
                    writer
                        .files
                        .extend(e.paths.iter().map(|p| FileUpdate::Hashed {
                            path: p.clone(),
                            stat: e.stat,
                            blake3: d,
                        }))
                }
                Msg::Edges(i, d) => writer.edges.push((entries[i].stat, d)),
                Msg::Note(p, r) => stages::note(&p, r, on_note),
            }
            writer.maybe_flush(cat)?;
        }
        writer.flush(cat)?;
        Ok(work.join().expect("hashing threads"))
    })?;
    hasher.progress.finish();
    Ok(out)
}

/// The stages of one group of same-size files, on the calling worker.
fn resolve(
    hasher: &Hasher,
    entries: &[Entry],
    cache: &Preloaded,
    g: &[usize],
    tx: &mpsc::Sender<Msg>,
) -> Split {
    let size = entries[g[0]].stat.size;
    let counts = &hasher.counts;
    let full = |i: usize| -> Option<[u8; 32]> {
        let e = &entries[i];
        if let Some(d) = e.blake3 {
            counts
                .cached
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return Some(d);
        }
        let r = stages::read_full(e.path(), &e.stat, false);
        hasher.progress.advance(1, size);
        match r {
            Read::Done(d) => {
                counts.read(Stage::Full, size);
                let _ = tx.send(Msg::Full(i, d));
                Some(d)
            }
            r => {
                let _ = tx.send(Msg::Note(e.path().to_path_buf(), unit(r)));
                None
            }
        }
    };
    if size <= WHOLE || g.iter().all(|&i| entries[i].blake3.is_some()) {
        let digests: Vec<(usize, [u8; 32])> =
            g.iter().filter_map(|&i| full(i).map(|d| (i, d))).collect();
        return split(digests);
    }
    let mut edges = Vec::with_capacity(g.len());
    for &i in g {
        let e = &entries[i];
        if let Some(d) = cache.edges.get(&e.stat) {
            counts
                .cached
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            edges.push((i, edges_key(d)));
            continue;
        }
        match stages::read_edges(e.path(), &e.stat) {
            Read::Done(d) => {
                counts.read(Stage::Edges, size);
                let _ = tx.send(Msg::Edges(i, d));
                edges.push((i, edges_key(&d)));
            }
            r => {
                let _ = tx.send(Msg::Note(e.path().to_path_buf(), unit(r)));
            }
        }
    }
    let mut out = Split::new();
    for (members, _) in split(edges) {
        let digests: Vec<(usize, [u8; 32])> = members
            .iter()
            .filter_map(|&i| full(i).map(|d| (i, d)))
            .collect();
        out.extend(split(digests));
    }
    out
}

fn unit<D>(r: Read<D>) -> Read<()> {
    match r {
        Read::Done(_) => Read::Done(()),
        Read::Changed => Read::Changed,
        Read::Vanished => Read::Vanished,
        Read::Failed(m) => Read::Failed(m),
    }
}

/// Files by digest, keeping the digests two or more share.
pub fn split(mut v: Vec<(usize, [u8; 32])>) -> Split {
    v.sort_unstable_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut out = Split::new();
    let mut k = 0;
    while k < v.len() {
        let mut j = k + 1;
        while j < v.len() && v[j].1 == v[k].1 {
            j += 1;
        }
        if j - k > 1 {
            out.push((v[k..j].iter().map(|x| x.0).collect(), v[k].1));
        }
        k = j;
    }
    out
}

/// Digests waiting for the catalog: written in one transaction once enough have come or
/// enough time has passed, so a run killed midway keeps most of its work.
#[derive(Default)]
struct Writer {
    files: Vec<FileUpdate>,
    edges: Vec<(Stat, [u8; 64])>,
    last: Option<Instant>,
}

impl Writer {
    fn maybe_flush(&mut self, cat: &mut Catalog) -> Result<()> {
        let last = *self.last.get_or_insert_with(Instant::now);
        if self.files.len() + self.edges.len() >= 20_000 || last.elapsed() > Duration::from_secs(2)
        {
            self.flush(cat)?;
        }
        Ok(())
    }

    fn flush(&mut self, cat: &mut Catalog) -> Result<()> {
        self.last = Some(Instant::now());
        if self.files.is_empty() && self.edges.is_empty() {
            return Ok(());
        }
        let tx = cat.conn_mut().transaction()?;
        for u in self.files.drain(..) {
            apply_update(&tx, &u)?;
        }
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO digests (dev, ino, algo, size, mtime_ns, digest)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let algo = stages::edges_algo();
            for (s, d) in self.edges.drain(..) {
                stmt.execute(rusqlite::params![
                    s.dev as i64,
                    s.ino as i64,
                    algo,
                    s.size as i64,
                    s.mtime_ns,
                    &d[..]
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_shared_digests() {
        let a = [1u8; 32];
        let b = [2u8; 32];
        let c = [3u8; 32];
        let got = split(vec![(4, b), (1, a), (2, c), (3, a), (5, b), (6, b)]);
        assert_eq!(got, vec![(vec![1, 3], a), (vec![4, 5, 6], b)]);
        assert!(split(vec![(1, a)]).is_empty());
        assert!(split(Vec::new()).is_empty());
    }
}
