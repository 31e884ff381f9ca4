//! Batched journal marks: one write transaction per few hundred steps (or 200 ms), and
//! before each commit one `syncfs` per file system the steps touched, so a step is marked
//! `done` only once its rename is durable. Far cheaper than an fsync per file, and a crash
//! before a commit leaves steps `planned`, which `recover` settles from the disk.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::catalog::Catalog;

/// Steps per transaction at most.
const STEPS: usize = 512;
/// Longest a mark waits for its commit.
const LATENCY: Duration = Duration::from_millis(200);

/// An open batch of journal marks on `cat`.
pub struct Batch<'a> {
    cat: &'a Catalog,
    open: bool,
    since: Instant,
    n: usize,
    sync: Vec<(u64, File)>,
}

impl<'a> Batch<'a> {
    /// A batch writing to `cat`.
    pub fn new(cat: &'a Catalog) -> Batch<'a> {
        Batch {
            cat,
            open: false,
            since: Instant::now(),
            n: 0,
            sync: Vec::new(),
        }
    }

    /// Also make the file system holding `dir` (or its nearest existing ancestor) durable
    /// before each commit.
    pub fn sync_on(&mut self, dir: &Path) {
        let Some(existing) = dir.ancestors().find(|d| d.is_dir()) else {
            return;
        };
        let Ok(m) = std::fs::metadata(existing) else {
            return;
        };
        if self.sync.iter().any(|(dev, _)| *dev == m.dev()) {
            return;
        }
        if let Ok(f) = File::open(existing) {
            self.sync.push((m.dev(), f));
        }
    }

    /// Open the transaction if it is not open.
    pub fn begin(&mut self) -> Result<()> {
        if !self.open {
            self.cat.conn().execute_batch("BEGIN IMMEDIATE")?;
            self.open = true;
            self.since = Instant::now();
            self.n = 0;
        }
        Ok(())
    }

    /// One more mark; commits when the batch is full or old enough.
    pub fn tick(&mut self) -> Result<()> {
        self.n += 1;
        if self.n >= STEPS || self.since.elapsed() > LATENCY {
            self.commit()?;
        }
        Ok(())
    }

    /// Make the touched file systems durable, then commit the marks.
    pub fn commit(&mut self) -> Result<()> {
        if self.open {
            for (_, f) in &self.sync {
                // SAFETY: a valid open file descriptor.
                if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
                    // Without syncfs, fall back to the folder itself.
                    let _ = f.sync_all();
                }
            }
            self.cat.conn().execute_batch("COMMIT")?;
            self.open = false;
        }
        Ok(())
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.commit();
        }
    }
}
