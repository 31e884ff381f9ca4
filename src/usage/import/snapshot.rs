//! Reading a media server's SQLite database without ever writing to it: the database and
//! its `-wal` are copied into a private temporary folder and the copy is opened. The
//! server may keep running; the copy is retried when the files change while being copied.
//! The `-shm` index is not copied: SQLite rebuilds it from the WAL, which is safer than
//! trusting a shared-memory file caught mid-update.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context, Result};
use rusqlite::{Connection, OpenFlags};

/// A private copy of a database, deleted on drop.
pub struct Snapshot {
    dir: PathBuf,
    /// The open copy.
    pub conn: Connection,
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn stamp(p: &Path) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(p).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// Copy `db` (and its WAL) and open the copy.
pub fn open(db: &Path) -> Result<Snapshot> {
    static N: AtomicU64 = AtomicU64::new(0);
    let meta = std::fs::metadata(db).with_context(|| format!("reading {}", db.display()))?;
    if !meta.is_file() {
        bail!("{} is not a database file", db.display());
    }
    let dir = std::env::temp_dir().join(format!(
        "plexsync-import-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let copy = dir.join("db.sqlite");
    let wal = sidecar(db, "-wal");
    let mut attempt = 0;
    loop {
        let before = (stamp(db), stamp(&wal));
        let res = (|| -> std::io::Result<()> {
            std::fs::copy(db, &copy)?;
            let _ = std::fs::remove_file(sidecar(&copy, "-wal"));
            if wal.exists() {
                std::fs::copy(&wal, sidecar(&copy, "-wal"))?;
            }
            Ok(())
        })();
        if let Err(e) = res {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e).with_context(|| format!("copying {}", db.display()));
        }
        attempt += 1;
        if (stamp(db), stamp(&wal)) == before || attempt >= 5 {
            break;
        }
    }
    // The copy is ours, so it may be opened for writing: SQLite needs that to replay the
    // WAL into a fresh index. The server's files were only read.
    let conn = Connection::open_with_flags(
        &copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("opening a copy of {}", db.display()));
    let snap = match conn {
        Ok(conn) => Snapshot { dir, conn },
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
    };
    snap.conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|e| anyhow::anyhow!("{} is not a readable SQLite database: {e}", db.display()))?;
    Ok(snap)
}

/// True when `conn` has a table named `name`.
pub fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )? > 0)
}

/// Fail unless every table in `names` is present, naming what the file should be.
pub fn require_tables(conn: &Connection, db: &Path, names: &[&str], what: &str) -> Result<()> {
    for n in names {
        if !has_table(conn, n)? {
            bail!("{}: no `{n}` table: not {what}", db.display());
        }
    }
    Ok(())
}
