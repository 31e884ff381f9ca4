//! The files detection works on: the catalog's present rows under the roots, one
//! [`Entry`] per inode (hard links are one file with several names), at or above the
//! minimum size.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::catalog::{Catalog, Stat};
use crate::paths;

/// One file (inode) and every name it has under the roots.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its names, sorted; the first is the one shown.
    pub paths: Vec<PathBuf>,
    pub stat: Stat,
    /// The catalog's BLAKE3, when it is valid for `stat`.
    pub blake3: Option<[u8; 32]>,
}

impl Entry {
    /// The name shown for this file.
    pub fn path(&self) -> &Path {
        &self.paths[0]
    }
}

/// Every present file under `roots` with `size >= min_size`, grouped by inode, in path
/// order.
pub fn load(cat: &Catalog, roots: &[PathBuf], min_size: u64) -> Result<Vec<Entry>> {
    // Roots may nest: a name is taken once. (With one root, no name can come twice.)
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut by_inode: HashMap<(u64, u64), Entry> = HashMap::new();
    for root in roots {
        for row in cat.stat_rows_under(root)? {
            if !row.present
                || row.stat.size < min_size
                || (roots.len() > 1 && !seen.insert(row.path.clone()))
            {
                continue;
            }
            let e = by_inode
                .entry((row.stat.dev, row.stat.ino))
                .or_insert_with(|| Entry {
                    paths: Vec::new(),
                    stat: row.stat,
                    blake3: None,
                });
            e.paths.push(row.path);
            e.blake3 = e.blake3.or(row.blake3);
        }
    }
    let mut out: Vec<Entry> = by_inode
        .into_values()
        .map(|mut e| {
            e.paths
                .sort_by(|a, b| paths::to_bytes(a).cmp(paths::to_bytes(b)));
            e
        })
        .collect();
    // Byte order: the same as the catalog's, and far cheaper than comparing components.
    out.sort_by(|a, b| paths::to_bytes(&a.paths[0]).cmp(paths::to_bytes(&b.paths[0])));
    Ok(out)
}

/// The root (of `roots`) that `path` lies under: the longest match.
pub fn root_of<'a>(path: &Path, roots: &'a [PathBuf]) -> Option<&'a Path> {
    roots
        .iter()
        .filter(|r| path.starts_with(r))
        .max_by_key(|r| r.as_os_str().len())
        .map(PathBuf::as_path)
}
