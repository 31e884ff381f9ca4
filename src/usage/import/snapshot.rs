//! Reading a media server's SQLite database without ever writing to it. The database is
//! opened read-only through SQLite and copied page by page with SQLite's online backup API
//! into a private temporary file, in one read transaction: SQLite's own locking decides
//! what is committed, so a WAL is honoured, a write in progress is waited for (never read
//! half-done), and the server may keep running.
//!
//! One case a read-only connection cannot handle: a writer that crashed mid-transaction
//! leaves a hot rollback journal, which must be played back before the file can be read.
//! Then the file and its journal are copied into the private folder and SQLite plays the
//! journal back there, so the pages that transaction had already written are undone.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};

/// How long to wait for a server's write transaction to end before giving up.
const WAIT_FOR_WRITER: Duration = Duration::from_secs(20);

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

/// A fresh private folder, removed on drop unless kept.
struct TempDir(Option<PathBuf>);

impl TempDir {
    fn new() -> Result<TempDir> {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "plexsync-import-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(TempDir(Some(dir)))
    }

    fn path(&self) -> &Path {
        self.0.as_deref().expect("kept only at the end")
    }

    fn keep(mut self) -> PathBuf {
        self.0.take().expect("kept once")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(d) = &self.0 {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

/// True when SQLite refused because a hot journal needs a rollback it cannot write.
fn needs_rollback(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_READONLY_ROLLBACK)
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Copy every page of `from` into a new database at `to`, in one step (one read
/// transaction, so the copy is one consistent state), waiting for writers.
fn backup_to(from: &Connection, to: &Path) -> rusqlite::Result<()> {
    let mut dst = Connection::open(to)?;
    let b = Backup::new(from, &mut dst)?;
    let start = Instant::now();
    loop {
        match b.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => {
                if start.elapsed() > WAIT_FOR_WRITER {
                    return Err(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                        None,
                    ));
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {}
        }
    }
}

fn open_read_only(db: &Path) -> rusqlite::Result<Connection> {
    let c = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    c.busy_timeout(Duration::from_millis(200))?;
    Ok(c)
}

/// Snapshot `db` and open the snapshot.
pub fn open(db: &Path) -> Result<Snapshot> {
    let meta = std::fs::metadata(db).with_context(|| format!("reading {}", db.display()))?;
    if !meta.is_file() {
        bail!("{} is not a database file", db.display());
    }
    let dir = TempDir::new()?;
    let copy = dir.path().join("db.sqlite");
    let unreadable =
        |e: rusqlite::Error| anyhow!("{} is not a readable SQLite database: {e}", db.display());
    let src = open_read_only(db).map_err(unreadable)?;
    match backup_to(&src, &copy) {
        Ok(()) => {}
        Err(e) if needs_rollback(&e) => {
            drop(src);
            roll_back_privately(db, dir.path(), &copy)?;
        }
        Err(e) if is_busy(&e) => bail!(
            "{} is locked by a write in progress (waited {} s); try again when the server is idle",
            db.display(),
            WAIT_FOR_WRITER.as_secs()
        ),
        Err(e) => return Err(unreadable(e)),
    }
    let conn = Connection::open_with_flags(
        &copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("opening a snapshot of {}", db.display()))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(unreadable)?;
    Ok(Snapshot {
        dir: dir.keep(),
        conn,
    })
}

/// A crashed writer's hot journal: copy the file and its journal into `dir`, let SQLite
/// play the journal back on that copy, and snapshot the result into `copy`.
fn roll_back_privately(db: &Path, dir: &Path, copy: &Path) -> Result<()> {
    let hot = dir.join("hot.sqlite");
    let journal = sidecar(db, "-journal");
    std::fs::copy(db, &hot).with_context(|| format!("copying {}", db.display()))?;
    std::fs::copy(&journal, sidecar(&hot, "-journal"))
        .with_context(|| format!("copying {}", journal.display()))?;
    let conn =
        Connection::open(&hot).with_context(|| format!("opening a copy of {}", db.display()))?;
    backup_to(&conn, copy).map_err(|e| {
        anyhow!(
            "{}: cannot roll back the interrupted write its journal records: {e}",
            db.display()
        )
    })
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
