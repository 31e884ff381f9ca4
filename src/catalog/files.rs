//! The `files` table: one row per path plexsync has seen, with its stat, kind, status and
//! BLAKE3 digest (valid only while the stat it was computed for is unchanged), plus the
//! `digests` cache of other hashes keyed by (device, inode) like fclones' cache.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use anyhow::Result;
use rusqlite::{params, OptionalExtension, Transaction};

use super::Catalog;
use crate::paths;

/// The identity of a file's content as far as metadata can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Stat {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime_ns: i64,
}

impl Stat {
    /// From metadata already read.
    pub fn from_metadata(m: &Metadata) -> Stat {
        Stat {
            dev: m.dev(),
            ino: m.ino(),
            size: m.len(),
            mtime_ns: m.mtime() * 1_000_000_000 + m.mtime_nsec(),
        }
    }

    /// Stat `path` without following a final symlink.
    pub fn of(path: &Path) -> std::io::Result<Stat> {
        std::fs::symlink_metadata(path).map(|m| Stat::from_metadata(&m))
    }
}

/// A row of the `files` table.
#[derive(Debug, Clone)]
pub struct FileRow {
    pub id: i64,
    pub path: PathBuf,
    pub root_id: Option<i64>,
    pub stat: Stat,
    pub kind: String,
    /// The BLAKE3 digest, only when it was computed for exactly `stat`.
    pub blake3: Option<[u8; 32]>,
    pub status: String,
    pub first_seen: i64,
    pub last_seen: i64,
    pub verified_at: Option<i64>,
}

/// A `files` row reduced to what change detection and duplicate finding read: a scan of
/// an unchanged library reads every row under its roots, twice with `dupes find`, and the
/// whole row (and the join for `last_seen`) cost a third of that.
#[derive(Debug, Clone)]
pub struct StatRow {
    pub path: PathBuf,
    pub stat: Stat,
    /// The BLAKE3 digest, only when it was computed for exactly `stat`.
    pub blake3: Option<[u8; 32]>,
    /// Status `present`.
    pub present: bool,
    /// Status `missing`.
    pub missing: bool,
}

/// One write to the `files` table, sent from parallel work to the single writer.
#[derive(Debug, Clone)]
pub enum FileUpdate {
    /// The file exists with this stat (insert or update; status back to `present`).
    Seen {
        path: PathBuf,
        root_id: Option<i64>,
        stat: Stat,
        kind: &'static str,
        now: i64,
    },
    /// Its BLAKE3 digest was computed for `stat`.
    Hashed {
        path: PathBuf,
        stat: Stat,
        blake3: [u8; 32],
    },
    /// The file is gone.
    Missing { path: PathBuf },
}

// A present file was seen by its root's last completed scan (every file that scan did
// not see was marked missing), so `last_seen` is read as the later of the two instead of
// rewriting every row on every scan.
const COLS: &str = "f.id, f.path, f.root_id, f.dev, f.ino, f.size, f.mtime_ns, f.kind, f.blake3, \
     f.hash_dev, f.hash_ino, f.hash_size, f.hash_mtime_ns, f.status, f.first_seen, \
     CASE WHEN f.status = 'present' THEN max(f.last_seen, coalesce(r.last_scan, 0)) \
     ELSE f.last_seen END, f.verified_at \
     FROM files f LEFT JOIN roots r ON r.id = f.root_id";

/// The stat in columns `at..at + 4` of a row (dev, ino, size, mtime_ns).
pub(crate) fn stat_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Stat> {
    Ok(Stat {
        dev: r.get::<_, i64>(at)? as u64,
        ino: r.get::<_, i64>(at + 1)? as u64,
        size: r.get::<_, i64>(at + 2)? as u64,
        mtime_ns: r.get(at + 3)?,
    })
}

/// The 32-byte digest in column `digest`, when the stat it was computed for (columns
/// `hash_at..hash_at + 4`, NULL when never hashed) is exactly `stat`.
fn digest_for(
    r: &rusqlite::Row,
    digest: usize,
    hash_at: usize,
    stat: &Stat,
) -> rusqlite::Result<Option<[u8; 32]>> {
    let col = |i: usize| {
        r.get::<_, Option<i64>>(hash_at + i)
            .map(|v| v.unwrap_or(-1))
    };
    let hash_stat = Stat {
        dev: col(0)? as u64,
        ino: col(1)? as u64,
        size: col(2)? as u64,
        mtime_ns: col(3)?,
    };
    Ok(match r.get_ref(digest)? {
        rusqlite::types::ValueRef::Blob(d) if hash_stat == *stat => <[u8; 32]>::try_from(d).ok(),
        _ => None,
    })
}

fn row_to_file(r: &rusqlite::Row) -> rusqlite::Result<FileRow> {
    let path: Vec<u8> = r.get(1)?;
    let stat = stat_at(r, 3)?;
    let blake3 = digest_for(r, 8, 9, &stat)?;
    Ok(FileRow {
        id: r.get(0)?,
        path: paths::from_bytes(&path),
        root_id: r.get(2)?,
        stat,
        kind: r.get(7)?,
        blake3,
        status: r.get(13)?,
        first_seen: r.get(14)?,
        last_seen: r.get(15)?,
        verified_at: r.get(16)?,
    })
}

/// Move a path's rows — its `files` row (hashes) and its watch history — to `to`, inside
/// the caller's transaction. An existing `files` row at `to` is replaced.
pub fn rename_rows(conn: &rusqlite::Connection, from: &Path, to: &Path) -> Result<()> {
    conn.execute("DELETE FROM files WHERE path = ?1", [paths::to_bytes(to)])?;
    conn.execute(
        "UPDATE files SET path = ?2 WHERE path = ?1",
        params![paths::to_bytes(from), paths::to_bytes(to)],
    )?;
    crate::usage::store::follow_rename(conn, from, to)
}

/// Apply one update inside a transaction.
pub fn apply_update(tx: &Transaction, u: &FileUpdate) -> rusqlite::Result<()> {
    match u {
        FileUpdate::Seen {
            path,
            root_id,
            stat,
            kind,
            now,
        } => {
            tx.prepare_cached(
                "INSERT INTO files (path, root_id, dev, ino, size, mtime_ns, kind, status, first_seen, last_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'present', ?8, ?8)
                 ON CONFLICT(path) DO UPDATE SET root_id = excluded.root_id, dev = excluded.dev,
                   ino = excluded.ino, size = excluded.size, mtime_ns = excluded.mtime_ns,
                   kind = excluded.kind, status = 'present', last_seen = excluded.last_seen",
            )?
            .execute(params![
                paths::to_bytes(path),
                root_id,
                stat.dev as i64,
                stat.ino as i64,
                stat.size as i64,
                stat.mtime_ns,
                kind,
                now
            ])?;
        }
        FileUpdate::Hashed { path, stat, blake3 } => {
            tx.prepare_cached(
                "UPDATE files SET blake3 = ?2, hash_dev = ?3, hash_ino = ?4, hash_size = ?5,
                   hash_mtime_ns = ?6 WHERE path = ?1",
            )?
            .execute(params![
                paths::to_bytes(path),
                &blake3[..],
                stat.dev as i64,
                stat.ino as i64,
                stat.size as i64,
                stat.mtime_ns
            ])?;
        }
        FileUpdate::Missing { path } => {
            tx.prepare_cached("UPDATE files SET status = 'missing' WHERE path = ?1")?
                .execute(params![paths::to_bytes(path)])?;
        }
    }
    Ok(())
}

impl Catalog {
    /// The row for `path`, if the catalog knows it.
    pub fn file(&self, path: &Path) -> Result<Option<FileRow>> {
        Ok(self
            .conn()
            .prepare_cached(&format!("SELECT {COLS} WHERE f.path = ?1"))?
            .query_row([paths::to_bytes(path)], row_to_file)
            .optional()?)
    }

    /// Every row at `dir` or below it (any status).
    pub fn files_under(&self, dir: &Path) -> Result<Vec<FileRow>> {
        let (lo, hi) = paths::prefix_range(dir);
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLS} WHERE (f.path >= ?1 AND f.path < ?2) OR f.path = ?3"
        ))?;
        let rows = stmt
            .query_map(params![lo, hi, paths::to_bytes(dir)], row_to_file)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The [`StatRow`] of every file at or below `dir`, in path order.
    pub fn stat_rows_under(&self, dir: &Path) -> Result<Vec<StatRow>> {
        let (lo, hi) = paths::prefix_range(dir);
        let mut stmt = self.conn().prepare_cached(
            "SELECT path, dev, ino, size, mtime_ns, blake3, hash_dev, hash_ino, hash_size,
                    hash_mtime_ns, status = 'present', status = 'missing'
             FROM files WHERE (path >= ?1 AND path < ?2) OR path = ?3",
        )?;
        let rows = stmt
            .query_map(params![lo, hi, paths::to_bytes(dir)], |r| {
                let stat = stat_at(r, 1)?;
                let blake3 = digest_for(r, 5, 6, &stat)?;
                let path = match r.get_ref(0)? {
                    rusqlite::types::ValueRef::Blob(b) | rusqlite::types::ValueRef::Text(b) => {
                        paths::from_bytes(b)
                    }
                    _ => PathBuf::new(),
                };
                Ok(StatRow {
                    path,
                    stat,
                    blake3,
                    present: r.get(10)?,
                    missing: r.get(11)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The id of the root `path`, creating its row on first use.
    pub fn root_id(&self, path: &Path) -> Result<i64> {
        self.conn().execute(
            "INSERT INTO roots (path) VALUES (?1) ON CONFLICT(path) DO NOTHING",
            [paths::to_bytes(path)],
        )?;
        Ok(self.conn().query_row(
            "SELECT id FROM roots WHERE path = ?1",
            [paths::to_bytes(path)],
            |r| r.get(0),
        )?)
    }

    /// Record that a scan of root `id` completed now.
    pub fn root_scanned(&self, id: i64) -> Result<()> {
        self.conn().execute(
            "UPDATE roots SET last_scan = ?2 WHERE id = ?1",
            params![id, super::now_secs()],
        )?;
        Ok(())
    }

    /// Every root the catalog knows: (id, path, last scan).
    pub fn roots(&self) -> Result<Vec<(i64, PathBuf, Option<i64>)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, path, last_scan FROM roots ORDER BY path")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    paths::from_bytes(&r.get::<_, Vec<u8>>(1)?),
                    r.get(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// A BLAKE3 digest computed earlier for the same (device, inode, size, mtime) under
    /// any path: a renamed or hard-linked file keeps its hash.
    pub fn cached_blake3(&self, stat: &Stat) -> Result<Option<[u8; 32]>> {
        let d: Option<Vec<u8>> = self
            .conn()
            .prepare_cached(
                "SELECT blake3 FROM files WHERE hash_dev = ?1 AND hash_ino = ?2 AND hash_size = ?3
                   AND hash_mtime_ns = ?4 AND blake3 IS NOT NULL LIMIT 1",
            )?
            .query_row(
                params![
                    stat.dev as i64,
                    stat.ino as i64,
                    stat.size as i64,
                    stat.mtime_ns
                ],
                |r| r.get(0),
            )
            .optional()?;
        Ok(d.and_then(|d| <[u8; 32]>::try_from(d.as_slice()).ok()))
    }

    /// A cached digest of kind `algo` for exactly this stat.
    pub fn cached_digest(&self, stat: &Stat, algo: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT digest FROM digests WHERE dev = ?1 AND ino = ?2 AND algo = ?3
                   AND size = ?4 AND mtime_ns = ?5",
            )?
            .query_row(
                params![
                    stat.dev as i64,
                    stat.ino as i64,
                    algo,
                    stat.size as i64,
                    stat.mtime_ns
                ],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Store digests of kind `algo` (one transaction).
    pub fn store_digests(&mut self, algo: &str, items: &[(Stat, Vec<u8>)]) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO digests (dev, ino, algo, size, mtime_ns, digest)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (s, d) in items {
                stmt.execute(params![
                    s.dev as i64,
                    s.ino as i64,
                    algo,
                    s.size as i64,
                    s.mtime_ns,
                    d
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Apply file updates in one transaction.
    pub fn apply_updates(&mut self, updates: &[FileUpdate]) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        for u in updates {
            apply_update(&tx, u)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The single writer: drain `rx`, committing in transactions of up to `batch` items (or
    /// whatever arrived within 250 ms, so slow producers do not hold rows back), until every
    /// sender is gone. Returns how many items were written.
    pub fn write_stream<T>(
        &mut self,
        rx: Receiver<T>,
        batch: usize,
        mut apply: impl FnMut(&Transaction, T) -> Result<()>,
    ) -> Result<u64> {
        use std::sync::mpsc::RecvTimeoutError;
        use std::time::{Duration, Instant};
        let mut written = 0u64;
        let mut pending: Vec<T> = Vec::with_capacity(batch);
        let mut last_flush = Instant::now();
        let tick = Duration::from_millis(250);
        loop {
            let open = match rx.recv_timeout(tick) {
                Ok(item) => {
                    pending.push(item);
                    true
                }
                Err(RecvTimeoutError::Timeout) => true,
                Err(RecvTimeoutError::Disconnected) => false,
            };
            if !open || pending.len() >= batch || last_flush.elapsed() >= tick {
                if !pending.is_empty() {
                    let tx = self.conn_mut().transaction()?;
                    for it in pending.drain(..) {
                        apply(&tx, it)?;
                        written += 1;
                    }
                    tx.commit()?;
                }
                last_flush = Instant::now();
            }
            if !open {
                return Ok(written);
            }
        }
    }

    /// Move a file's row (hashes, usage history) to its new path after a move or rename.
    /// An existing row at `to` is replaced.
    pub fn rename_path(&mut self, from: &Path, to: &Path) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        rename_rows(&tx, from, to)?;
        tx.commit()?;
        Ok(())
    }

    /// Set a file's status (`present`, `missing`, `partial`, `corrupted`, ...).
    pub fn set_status(&self, path: &Path, status: &str) -> Result<()> {
        self.conn().execute(
            "UPDATE files SET status = ?2 WHERE path = ?1",
            params![paths::to_bytes(path), status],
        )?;
        Ok(())
    }

    /// Record a verified BLAKE3 digest for `path` at `stat`, now.
    pub fn record_verified(&self, path: &Path, stat: &Stat, blake3: &[u8; 32]) -> Result<()> {
        // Cached: `resync run` records every file it copies.
        self.conn()
            .prepare_cached(
                "UPDATE files SET blake3 = ?2, hash_dev = ?3, hash_ino = ?4, hash_size = ?5,
                   hash_mtime_ns = ?6, verified_at = ?7 WHERE path = ?1",
            )?
            .execute(params![
                paths::to_bytes(path),
                &blake3[..],
                stat.dev as i64,
                stat.ino as i64,
                stat.size as i64,
                stat.mtime_ns,
                super::now_secs()
            ])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_valid_only_for_its_stat() {
        let mut cat = Catalog::open_in_memory().unwrap();
        let p = PathBuf::from("/m/a.mkv");
        let stat = Stat {
            dev: 1,
            ino: 2,
            size: 3,
            mtime_ns: 4,
        };
        cat.apply_updates(&[
            FileUpdate::Seen {
                path: p.clone(),
                root_id: None,
                stat,
                kind: "video",
                now: 10,
            },
            FileUpdate::Hashed {
                path: p.clone(),
                stat,
                blake3: [7; 32],
            },
        ])
        .unwrap();
        assert_eq!(cat.file(&p).unwrap().unwrap().blake3, Some([7; 32]));
        assert_eq!(cat.cached_blake3(&stat).unwrap(), Some([7; 32]));
        let changed = Stat {
            mtime_ns: 5,
            ..stat
        };
        cat.apply_updates(&[FileUpdate::Seen {
            path: p.clone(),
            root_id: None,
            stat: changed,
            kind: "video",
            now: 11,
        }])
        .unwrap();
        assert_eq!(cat.file(&p).unwrap().unwrap().blake3, None);
        assert_eq!(cat.cached_blake3(&changed).unwrap(), None);
    }

    #[test]
    fn files_under_is_a_prefix_query() {
        let mut cat = Catalog::open_in_memory().unwrap();
        let seen = |p: &str| FileUpdate::Seen {
            path: PathBuf::from(p),
            root_id: None,
            stat: Stat::default(),
            kind: "other",
            now: 1,
        };
        cat.apply_updates(&[seen("/a/x"), seen("/a/b/y"), seen("/ab/z"), seen("/a")])
            .unwrap();
        let mut got: Vec<_> = cat
            .files_under(Path::new("/a"))
            .unwrap()
            .into_iter()
            .map(|r| r.path)
            .collect();
        got.sort();
        assert_eq!(
            got,
            vec![
                PathBuf::from("/a"),
                PathBuf::from("/a/b/y"),
                PathBuf::from("/a/x")
            ]
        );
    }

    #[test]
    fn stat_rows_agree_with_whole_rows() {
        let mut cat = Catalog::open_in_memory().unwrap();
        let stat = |ino| Stat {
            dev: 1,
            ino,
            size: 10,
            mtime_ns: 20,
        };
        let seen = |p: &str, ino| FileUpdate::Seen {
            path: crate::paths::from_bytes(p.as_bytes()),
            root_id: None,
            stat: stat(ino),
            kind: "video",
            now: 1,
        };
        let odd = crate::paths::from_bytes(b"/m/caf\xe9.mkv");
        cat.apply_updates(&[
            seen("/m/a.mkv", 1),
            seen("/m/b.mkv", 2),
            seen("/m/gone.mkv", 3),
            FileUpdate::Seen {
                path: odd.clone(),
                root_id: None,
                stat: stat(4),
                kind: "video",
                now: 1,
            },
            FileUpdate::Hashed {
                path: "/m/a.mkv".into(),
                stat: stat(1),
                blake3: [7; 32],
            },
            // A digest of another stat does not count.
            FileUpdate::Hashed {
                path: "/m/b.mkv".into(),
                stat: stat(99),
                blake3: [8; 32],
            },
            FileUpdate::Missing {
                path: "/m/gone.mkv".into(),
            },
        ])
        .unwrap();
        let mut lean = cat.stat_rows_under(Path::new("/m")).unwrap();
        let mut whole = cat.files_under(Path::new("/m")).unwrap();
        lean.sort_by(|a, b| a.path.cmp(&b.path));
        whole.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(lean.len(), 4);
        for (l, w) in lean.iter().zip(&whole) {
            assert_eq!(l.path, w.path);
            assert_eq!(l.stat, w.stat);
            assert_eq!(l.blake3, w.blake3);
            assert_eq!(l.present, w.status == "present", "{:?}", w.path);
            assert_eq!(l.missing, w.status == "missing", "{:?}", w.path);
        }
        assert!(lean.iter().any(|l| l.path == odd));
        assert_eq!(lean.iter().filter(|l| l.blake3.is_some()).count(), 1);
        assert_eq!(lean.iter().filter(|l| l.missing).count(), 1);
    }
}
