//! The `dupes` engine: find what wastes space in a library and act on it safely.
//!
//! Detection ([`find`]) first brings the catalog up to date for the paths given (a scan
//! without hashing), then runs each chosen detector on catalog rows: `exact` (a staged
//! size → head → tail → full BLAKE3 pipeline whose digests live in the catalog cache),
//! `partial` (a byte prefix of another file), and the name-based detectors. Groups never
//! share a non-keeper. Acting ([`act`]) re-runs the detection, re-checks every file right
//! before touching it and journals every step in the catalog.

pub mod act;
pub mod candidates;
pub mod exact;
pub mod keep;
pub mod media;
pub mod model;
pub mod names;
pub mod parsed;
pub mod pipeline;
pub mod quality;
pub mod stages;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::catalog::Catalog;
use crate::paths;
use crate::progress::Progress;
use crate::scan::{self, ScanOptions};

pub use keep::KeepRule;
pub use model::{Confidence, Group, GroupFile, Kind, KindTotals, Summary, Timings};

/// The size of the head and tail blocks hashed before whole files.
pub const BLOCK: u64 = 4096;

/// What to look for, and where.
#[derive(Debug, Clone)]
pub struct FindOptions {
    /// Roots to search (files or folders).
    pub roots: Vec<PathBuf>,
    /// Detectors to run.
    pub kinds: Vec<Kind>,
    /// Files smaller than this are ignored (default 1: empty files are ignored).
    pub min_size: u64,
    /// How the keeper of each group is chosen.
    pub keep: KeepRule,
    /// Follow symlinks while scanning.
    pub follow: bool,
    /// Worker threads.
    pub jobs: usize,
    /// Readers per spinning disk or network share (None: one; see `scan::device`).
    pub readers: Option<usize>,
}

/// Something worth telling the user that did not stop the run.
#[derive(Debug, Clone)]
pub enum Note {
    /// A per-file error (counted: the exit code says so).
    Error(Option<PathBuf>, String),
    /// A harmless oddity (a file changed while it was being read).
    Warning(PathBuf, String),
}

/// The result of a detection run.
#[derive(Debug, Clone)]
pub struct Found {
    /// The absolute roots searched.
    pub roots: Vec<PathBuf>,
    /// Groups, ordered by wasted bytes (largest first).
    pub groups: Vec<Group>,
    /// Totals.
    pub summary: Summary,
}

/// Bring the catalog up to date for `opts.roots`, then detect duplicates.
pub fn find(
    cat: &mut Catalog,
    opts: &FindOptions,
    progress: &dyn Progress,
    on_note: &mut dyn FnMut(Note),
) -> Result<Found> {
    let started = Instant::now();
    let mut timings = Timings::default();
    let roots = absolute_roots(&opts.roots)?;
    let scan_opts = ScanOptions {
        hash: false,
        follow: opts.follow,
        jobs: opts.jobs,
    };
    let mut collect = Collect::new(roots.len() > 1, opts.min_size);
    let scanned = scan::scan_files(
        cat,
        &roots,
        &scan_opts,
        progress,
        &mut |ev| match ev {
            scan::Event::Error(p, msg) => on_note(Note::Error(p, msg)),
            scan::Event::Warning(p, msg) => on_note(Note::Warning(p, msg)),
            scan::Event::File(_) => {}
        },
        &mut |f| collect.add(f),
    )?;
    timings.scan_secs = started.elapsed().as_secs_f64();
    let phase = Instant::now();
    let mut entries = collect.finish();
    // A file another removal holds set aside (or a copy in progress) is no one's
    // duplicate: listing it would offer to act on a name that is about to go.
    for e in &mut entries {
        e.paths
            .retain(|p| !p.file_name().is_some_and(crate::fsops::is_temp_name));
    }
    entries.retain(|e| !e.paths.is_empty());
    let mut hasher = stages::Hasher::new(opts.jobs, progress)?.with_readers(opts.readers);
    let mut groups = Vec::new();
    let want = |k: Kind| opts.kinds.contains(&k);
    if want(Kind::Exact) || want(Kind::Partial) {
        let exact = exact::exact_groups(cat, &entries, &mut hasher, &opts.keep, on_note)?;
        let mut exact_groups = exact;
        if want(Kind::Partial) {
            let partial =
                exact::partial_groups(cat, &entries, &exact_groups, &mut hasher, on_note)?;
            // A partial group absorbs the exact copies of its partial file.
            let absorbed: std::collections::HashSet<PathBuf> = partial
                .iter()
                .flat_map(|g| g.files.iter().filter(|f| !f.keep).map(|f| f.path.clone()))
                .collect();
            exact_groups.retain(|g| !g.files.iter().any(|f| absorbed.contains(&f.path)));
            groups.extend(partial);
        }
        if want(Kind::Exact) {
            groups.extend(exact_groups);
        }
    }
    timings.content_secs = phase.elapsed().as_secs_f64();
    let phase = Instant::now();
    if want(Kind::Media) || want(Kind::SimilarName) || want(Kind::SimilarSize) {
        // Copies already grouped by content are represented by their keeper.
        let hidden: HashSet<PathBuf> = groups
            .iter()
            .flat_map(|g| g.files.iter().filter(|f| !f.keep).map(|f| f.path.clone()))
            .collect();
        progress.phase("names", None, None);
        let named = parsed::parse_entries(&entries, &hidden, opts.jobs);
        timings.parse_secs = phase.elapsed().as_secs_f64();
        groups.extend(names::name_groups(
            &entries,
            &named,
            &opts.kinds,
            &opts.keep,
        ));
        progress.finish();
    }
    timings.names_secs = phase.elapsed().as_secs_f64();
    groups.sort_by(|a, b| {
        b.wasted_bytes
            .cmp(&a.wasted_bytes)
            .then_with(|| a.keep.cmp(&b.keep))
    });
    let mut summary = Summary::of(&groups);
    summary.scanned_files = scanned.files;
    summary.candidates = entries.len() as u64;
    summary.hardlinks = entries.iter().filter(|e| e.paths.len() > 1).count() as u64;
    summary.hashing = hasher.stats();
    summary.scan_errors = scanned.errors;
    summary.timings = timings;
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    Ok(Found {
        roots,
        groups,
        summary,
    })
}

/// The files detection works on, gathered as the scan finds them (the same set
/// [`candidates::load`] reads back from the catalog after a scan, without reading it):
/// one entry per inode with every name it has, at or above the minimum size, in path
/// order. Names are merged into inodes by sorting, not hashing: a map of entries took
/// 11 MB at the peak for 30,000 files, more than anything else in a run.
struct Collect {
    nested: bool,
    min_size: u64,
    names: HashSet<PathBuf>,
    files: Vec<candidates::Entry>,
}

impl Collect {
    fn new(nested: bool, min_size: u64) -> Collect {
        Collect {
            nested,
            min_size,
            names: HashSet::new(),
            files: Vec::new(),
        }
    }

    fn add(&mut self, f: scan::Seen) {
        // Roots may nest: a name is taken once. (With one root, no name can come twice.)
        if f.stat.size < self.min_size || (self.nested && !self.names.insert(f.path.into())) {
            return;
        }
        self.files.push(candidates::Entry {
            paths: vec![f.path.to_path_buf()],
            stat: f.stat,
            blake3: f.blake3,
        });
    }

    fn finish(self) -> Vec<candidates::Entry> {
        let mut files = self.files;
        let key = |e: &candidates::Entry| (e.stat.dev, e.stat.ino);
        files.sort_unstable_by_key(key);
        let mut out: Vec<candidates::Entry> = Vec::with_capacity(files.len());
        for e in files {
            match out.last_mut() {
                Some(last) if key(last) == key(&e) => {
                    last.paths.extend(e.paths);
                    last.blake3 = last.blake3.or(e.blake3);
                }
                _ => out.push(e),
            }
        }
        for e in &mut out {
            if e.paths.len() > 1 {
                e.paths
                    .sort_unstable_by(|a, b| paths::to_bytes(a).cmp(paths::to_bytes(b)));
            }
        }
        out.sort_unstable_by(|a, b| paths::to_bytes(&a.paths[0]).cmp(paths::to_bytes(&b.paths[0])));
        out
    }
}

/// Make every root absolute (lexically) and refuse ones that do not exist.
pub fn absolute_roots(roots: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = Vec::new();
    for r in roots {
        let abs = paths::absolute(r).with_context(|| format!("resolving {}", r.display()))?;
        if let Err(e) = std::fs::symlink_metadata(&abs) {
            bail!("{}: {e}", paths::display(r));
        }
        if !out.contains(&abs) {
            out.push(abs);
        }
    }
    Ok(out)
}

/// Parse a size such as `1`, `4096`, `10K`, `1.5MiB`, `2G` (binary units).
pub fn parse_size(s: &str) -> Result<u64> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .with_context(|| format!("invalid size {s:?} (try 1, 4096, 10K, 1.5MiB, 2G)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => bail!("invalid size {s:?}: unknown unit {unit:?} (use K, M, G or T)"),
    };
    if !n.is_finite() || n < 0.0 {
        bail!("invalid size {s:?}");
    }
    Ok((n * mult as f64).round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1").unwrap(), 1);
        assert_eq!(parse_size("10K").unwrap(), 10240);
        assert_eq!(parse_size("1.5MiB").unwrap(), 1572864);
        assert_eq!(parse_size("2g").unwrap(), 2 << 30);
        assert!(parse_size("x").is_err());
        assert!(parse_size("3 parsecs").is_err());
    }
}
