//! The catalog: one SQLite file that remembers every file plexsync has seen, its hashes,
//! and the engines' state (queues, journals, usage).
//!
//! Opened in one place ([`Catalog::open`]) with explicit pragmas every time (WAL,
//! `synchronous=NORMAL`, foreign keys, a 60 s busy timeout) and append-only migrations
//! tracked in `PRAGMA user_version`. A file that is not a plexsync catalog, or one written
//! by a newer plexsync, is refused with a clear error and never overwritten. When SQLite
//! cannot write because the disk holding the catalog is full (no space or no inodes: it
//! says `database or disk is full`, or an I/O error mapping its shared memory),
//! [`full_disk_message`] words it as that, naming the catalog and the file system.

pub mod files;
pub mod journal;
pub mod lock;
pub mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use rusqlite::{Connection, OpenFlags};

pub use files::{FileRow, FileUpdate, Stat, StatRow};
pub use lock::ActLock;

/// `PRAGMA application_id` of a plexsync catalog ("PLXS").
pub const APPLICATION_ID: i64 = 0x504c_5853;

/// The catalog this process opened last, for messages about its disk.
static IN_USE: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// When `e` comes from SQLite failing to write the catalog because its disk is full, a
/// one-line message that says so and where; `None` for any other error.
pub fn full_disk_message(e: &anyhow::Error) -> Option<String> {
    let path = IN_USE.lock().ok()?.clone()?;
    full_disk_message_for(e, &path, &|p| crate::fsops::free_space_and_inodes(p).ok())
}

/// Below this many free bytes an I/O error of SQLite's is taken for a full disk.
const NEARLY_FULL: u64 = 1 << 20;

/// [`full_disk_message`] for the catalog at `catalog`, with `free` telling the free bytes
/// and inodes of a folder's file system.
fn full_disk_message_for(
    e: &anyhow::Error,
    catalog: &Path,
    free: &dyn Fn(&Path) -> Option<(u64, u64)>,
) -> Option<String> {
    let sqlite = e
        .chain()
        .find_map(|c| c.downcast_ref::<rusqlite::Error>())?;
    let code = sqlite.sqlite_error_code()?;
    let dir = catalog
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (bytes, inodes) = free(dir).unwrap_or((0, 1));
    let full = match code {
        rusqlite::ErrorCode::DiskFull => true,
        // An I/O error (extending the WAL or its shared memory) is a full disk only when
        // the disk says so.
        rusqlite::ErrorCode::SystemIoFailure => bytes < NEARLY_FULL || inodes == 0,
        _ => false,
    };
    if !full {
        return None;
    }
    let mount = crate::fsops::mount_point(dir).unwrap_or_else(|_| dir.to_path_buf());
    let what = if inodes == 0 {
        "has no free inodes".to_string()
    } else {
        format!("is full ({} free)", crate::output::human_bytes(bytes))
    };
    Some(format!(
        "the disk holding the catalog {} ({}) {what}: free some space there, or use --catalog PATH on another disk ({sqlite})",
        catalog.display(),
        mount.display()
    ))
}

/// An open catalog.
pub struct Catalog {
    conn: Connection,
    path: PathBuf,
}

/// The default catalog path: `$XDG_DATA_HOME/plexsync/catalog.db`, else
/// `~/.local/share/plexsync/catalog.db`.
pub fn default_path() -> PathBuf {
    data_dir().join("catalog.db")
}

/// plexsync's XDG data folder.
pub fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("plexsync");
    }
    home_dir().join(".local/share/plexsync")
}

/// The user's home folder (`$HOME`, else `/`).
pub fn home_dir() -> PathBuf {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// Seconds since the Unix epoch, now.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Catalog {
    /// Open (creating it and its folders on first use) the catalog at `path`.
    pub fn open(path: &Path) -> Result<Catalog> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating catalog folder {}", parent.display()))?;
        }
        if path.is_dir() {
            bail!("catalog {} is a folder, not a file", path.display());
        }
        if let Ok(mut in_use) = IN_USE.lock() {
            *in_use = Some(std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("opening catalog {}", path.display()))?;
        let mut cat = Catalog {
            conn,
            path: path.to_path_buf(),
        };
        cat.setup()
            .with_context(|| format!("catalog {}", path.display()))?;
        Ok(cat)
    }

    /// A private in-memory catalog (unit tests).
    pub fn open_in_memory() -> Result<Catalog> {
        let mut cat = Catalog {
            conn: Connection::open_in_memory()?,
            path: PathBuf::from(":memory:"),
        };
        cat.setup()?;
        Ok(cat)
    }

    fn setup(&mut self) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(60))?;
        // One read transaction, so a catalog another process is creating right now is
        // seen either before or after its first migration, never half-way.
        self.conn.execute_batch("BEGIN").map_err(not_a_catalog)?;
        let header = self.read_header();
        let _ = self.conn.execute_batch("COMMIT");
        let (app_id, version, tables) = header?;
        if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
            bail!("is a SQLite database but not a plexsync catalog; refusing to touch it");
        }
        let known = schema::MIGRATIONS.len() as i64;
        if version > known {
            bail!(
                "was written by a newer plexsync (schema version {version}, this build knows {known}); upgrade plexsync"
            );
        }
        self.set_wal().context("setting WAL mode")?;
        self.conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;",
        )?;
        // Recording one copied file runs 13 distinct cached statements (journal, queue,
        // synced, files, usage log, results); rusqlite keeps 16 by default, and a
        // statement evicted by a few more is parsed again on its next use.
        self.conn.set_prepared_statement_cache_capacity(64);
        if version < known {
            self.migrate()?;
        }
        Ok(())
    }

    /// Switch to WAL. Changing the journal mode needs an exclusive lock, and SQLite answers
    /// BUSY at once (without the busy handler) when two processes race for it on a new
    /// catalog, so retry for as long as the busy timeout would have waited.
    fn set_wal(&self) -> rusqlite::Result<()> {
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            match self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            {
                Ok(_) => return Ok(()),
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// (application_id, user_version, number of tables). The first read also tells
    /// whether the file is a database at all.
    fn read_header(&self) -> Result<(i64, i64, i64)> {
        let app_id: i64 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(not_a_catalog)?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        Ok((app_id, version, tables))
    }

    fn migrate(&mut self) -> Result<()> {
        // IMMEDIATE: two processes opening a new catalog at once migrate one after the other.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)
                .with_context(|| format!("applying migration {}", i + 1))?;
        }
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            schema::MIGRATIONS.len()
        ))?;
        tx.commit()?;
        Ok(())
    }

    /// The SQLite connection.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The SQLite connection, mutable (for transactions).
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Where this catalog lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Take the advisory lock that engines hold while they move or write files.
    /// Waits for another holder, telling the user who it is.
    pub fn lock(&self, purpose: &str, on_wait: &dyn Fn(&str)) -> Result<ActLock> {
        ActLock::acquire(&lock::lock_path(&self.path), purpose, on_wait)
    }
}

fn not_a_catalog(e: rusqlite::Error) -> anyhow::Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            anyhow::anyhow!("is not a SQLite database (corrupt, or not a plexsync catalog); refusing to touch it")
        }
        _ => anyhow::Error::new(e).context("reading the catalog header"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b/catalog.db");
        drop(Catalog::open(&p).unwrap());
        let cat = Catalog::open(&p).unwrap();
        let v: i64 = cat
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema::MIGRATIONS.len() as i64);
    }

    fn sqlite_error(code: i32) -> anyhow::Error {
        anyhow::Error::new(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
        .context("recording results")
    }

    #[test]
    fn a_full_catalog_disk_is_called_so_with_the_catalog_and_its_disk() {
        let dir = tempfile::tempdir().unwrap();
        let cat = dir.path().join("catalog.db");
        let empty = |_: &Path| Some((0u64, 100u64));
        let roomy = |_: &Path| Some((10u64 << 30, 100u64));
        let no_inodes = |_: &Path| Some((10u64 << 30, 0u64));
        // SQLITE_FULL, and the shared-memory error of the issue (SQLITE_IOERR_SHMMAP).
        for code in [13, 4874] {
            let m = full_disk_message_for(&sqlite_error(code), &cat, &empty).unwrap();
            assert!(
                m.starts_with(&format!("the disk holding the catalog {}", cat.display())),
                "{m}"
            );
            assert!(
                m.contains("is full (0 B free)") && m.contains("--catalog"),
                "{m}"
            );
            assert_eq!(m.lines().count(), 1);
        }
        let m = full_disk_message_for(&sqlite_error(4874), &cat, &no_inodes).unwrap();
        assert!(m.contains("no free inodes"), "{m}");
        // An I/O error on a disk with room is not a full disk; nor is a busy catalog.
        assert!(full_disk_message_for(&sqlite_error(4874), &cat, &roomy).is_none());
        assert!(full_disk_message_for(&sqlite_error(5), &cat, &empty).is_none());
        assert!(full_disk_message_for(&anyhow::anyhow!("other"), &cat, &empty).is_none());
    }

    #[test]
    fn refuses_garbage_and_foreign_and_newer() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, vec![0x42u8; 8192]).unwrap();
        let err = format!("{:#}", Catalog::open(&junk).err().unwrap());
        assert!(err.contains("not a SQLite database"), "{err}");
        assert_eq!(std::fs::read(&junk).unwrap(), vec![0x42u8; 8192]);

        let foreign = dir.path().join("foreign.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        let err = format!("{:#}", Catalog::open(&foreign).err().unwrap());
        assert!(err.contains("not a plexsync catalog"), "{err}");

        let newer = dir.path().join("newer.db");
        drop(Catalog::open(&newer).unwrap());
        Connection::open(&newer)
            .unwrap()
            .execute_batch("PRAGMA user_version = 999")
            .unwrap();
        let err = format!("{:#}", Catalog::open(&newer).err().unwrap());
        assert!(err.contains("newer plexsync"), "{err}");
    }
}
