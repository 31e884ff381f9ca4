//! Imports of databases a server is writing at that moment: a large uncommitted
//! transaction that spilled into the main file (rollback journal), the same left behind by
//! a writer that crashed (a hot journal), and a WAL holding uncommitted frames. Only
//! committed plays are ever read, and the server's files are never changed.

mod common;
mod usage_common;

use std::path::Path;
use std::time::Duration;

use common::{json_lines, summary, World};
use rusqlite::Connection;
use usage_common::*;

/// A Kodi database with one committed play of A.mkv and 3,000 files never played, and
/// its map.
fn kodi(w: &World, name: &str) -> (std::path::PathBuf, String) {
    w.write("Media/A.mkv", b"a");
    let db = w.path(name);
    schema(&db, "kodi");
    let mut c = Connection::open(&db).unwrap();
    let tx = c.transaction().unwrap();
    tx.execute_batch(
        "INSERT INTO path (idPath, strPath) VALUES (1, 'smb://nas/media/');
         INSERT INTO files VALUES (1, 1, 'A.mkv', 1, '2024-05-01 15:15:00', '2023-01-01 10:00:00');",
    )
    .unwrap();
    let pad = "x".repeat(300);
    for i in 0..3000 {
        tx.execute(
            "INSERT INTO files (idPath, strFilename) VALUES (1, ?1)",
            [format!("B{i}{pad}.mkv")],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    (db, format!("smb://nas/media={}", s(&w.path("Media"))))
}

/// Begin a transaction that marks the 3,000 files played, with a page cache so small
/// that SQLite writes the changed pages into the database file before the commit.
fn spill(db: &Path) -> Connection {
    let c = Connection::open(db).unwrap();
    c.execute_batch(
        "PRAGMA cache_size = 2; BEGIN;
         UPDATE files SET playCount = 1, lastPlayed = '2024-06-01 10:00:00' WHERE idFile > 1;",
    )
    .unwrap();
    c
}

fn import_kodi(w: &World, db: &Path, map: &str) -> u64 {
    let msgs = run(
        w,
        &["usage", "import", "kodi", "--db", s(db), "--map", map],
        0,
    );
    summary(&msgs)["plays"].as_u64().unwrap()
}

#[test]
fn a_write_in_progress_is_waited_for_never_read() {
    let w = World::new();
    let (db, map) = kodi(&w, "MyVideos131.db");
    let committed = std::fs::read(&db).unwrap();
    let writer = spill(&db);
    assert!(w.path("MyVideos131.db-journal").exists());
    assert_ne!(
        std::fs::read(&db).unwrap(),
        committed,
        "the uncommitted changes are in the main file"
    );
    let child = w
        .std_cmd()
        .env("TZ", "EST5")
        .args([
            "--json",
            "usage",
            "import",
            "kodi",
            "--db",
            s(&db),
            "--map",
            &map,
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    // The server gives up its transaction; the import, waiting on SQLite's lock, then reads
    // the one committed play.
    writer.execute_batch("ROLLBACK").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let msgs = json_lines(&out.stdout);
    assert_eq!(summary(&msgs)["plays"], 1, "{}", summary(&msgs));
    assert_eq!(show(&w, &w.path("Media/A.mkv")).1["plays"], 1);
}

#[test]
fn a_crashed_writers_hot_journal_is_rolled_back() {
    let w = World::new();
    let (db, map) = kodi(&w, "live.db");
    let writer = spill(&db);
    // What a writer killed at this point leaves: the file with uncommitted pages and the
    // journal that undoes them, with no process holding a lock.
    let crashed = w.path("MyVideos131.db");
    std::fs::copy(&db, &crashed).unwrap();
    std::fs::copy(w.path("live.db-journal"), w.path("MyVideos131.db-journal")).unwrap();
    drop(writer);
    let (file, journal) = (
        std::fs::read(&crashed).unwrap(),
        std::fs::read(w.path("MyVideos131.db-journal")).unwrap(),
    );
    assert_eq!(import_kodi(&w, &crashed, &map), 1);
    assert_eq!(show(&w, &w.path("Media/A.mkv")).1["plays"], 1);
    assert_eq!(
        std::fs::read(&crashed).unwrap(),
        file,
        "the server's file is untouched"
    );
    assert_eq!(
        std::fs::read(w.path("MyVideos131.db-journal")).unwrap(),
        journal,
        "its journal is left for the server to play back"
    );
}

#[test]
fn uncommitted_wal_frames_are_not_read_and_do_not_block() {
    let w = World::new();
    let (db, map) = kodi(&w, "MyVideos131.db");
    Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = WAL;")
        .unwrap();
    let writer = spill(&db);
    let wal = w.path("MyVideos131.db-wal");
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 100_000,
        "frames spilled"
    );
    let before = std::fs::read(&wal).unwrap();
    assert_eq!(import_kodi(&w, &db, &map), 1);
    assert_eq!(std::fs::read(&wal).unwrap(), before);
    writer.execute_batch("COMMIT").unwrap();
    assert_eq!(import_kodi(&w, &db, &map), 3000, "committed now");
}
