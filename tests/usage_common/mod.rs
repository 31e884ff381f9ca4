//! Helpers shared by the `usage` integration tests: running the binary in a fixed zone,
//! reading a file's history, and building media servers' databases from the DDL the
//! servers create (`tests/data/usage/*.sql`, sources in its README).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::common::{json_lines, summary, World};
use rusqlite::Connection;
use serde_json::Value;

pub const DAY: i64 = 86_400;

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Run with a fixed local zone (UTC−5, no DST) so local-time imports are checkable;
/// returns the JSON messages and stderr.
pub fn run_err(w: &World, args: &[&str], code: i32) -> (Vec<Value>, String) {
    let out = w
        .cmd()
        .env("TZ", "EST5")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "plexsync {args:?}\nstdout: {}\nstderr: {err}",
        String::from_utf8_lossy(&out.stdout),
    );
    (json_lines(&out.stdout), err)
}

/// `usage import ARGS` (JSON messages, stderr).
pub fn imp_err(w: &World, args: &[&str], code: i32) -> (Vec<Value>, String) {
    let mut all = vec!["usage", "import"];
    all.extend_from_slice(args);
    run_err(w, &all, code)
}

/// `usage import ARGS` (JSON messages).
pub fn imp(w: &World, args: &[&str], code: i32) -> Vec<Value> {
    imp_err(w, args, code).0
}

/// [`run_err`] without stderr.
pub fn run(w: &World, args: &[&str], code: i32) -> Vec<Value> {
    run_err(w, args, code).0
}

/// The human output (stdout, stderr) of a run that exits `code`, in the same zone.
pub fn human_code(w: &World, args: &[&str], code: i32) -> (String, String) {
    let out = w.cmd().env("TZ", "EST5").args(args).output().unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert_eq!(out.status.code(), Some(code), "{args:?}\n{o}\n{e}");
    (o, e)
}

/// The human output (stdout) of a successful run.
pub fn human(w: &World, args: &[&str]) -> String {
    human_code(w, args, 0).0
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

pub fn set_age(p: &Path, days: i64) {
    let f = std::fs::File::options().write(true).open(p).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs((days * DAY) as u64))
        .unwrap();
}

/// `usage show PATH`: the messages and the summary.
pub fn show(w: &World, p: &Path) -> (Vec<Value>, Value) {
    let msgs = run(w, &["usage", "show", s(p)], 0);
    let sum = summary(&msgs).clone();
    (msgs, sum)
}

pub fn sql(db: &Path, script: &str) {
    Connection::open(db).unwrap().execute_batch(script).unwrap();
}

/// Create `db` with a server's tables: `tests/data/usage/<name>.sql`.
pub fn schema(db: &Path, name: &str) {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/usage")
        .join(format!("{name}.sql"));
    if let Some(d) = db.parent() {
        std::fs::create_dir_all(d).unwrap();
    }
    sql(db, &std::fs::read_to_string(file).unwrap());
}

/// A Plex database with accounts ann (1) and bob (2).
pub fn plex_db(db: &Path) {
    schema(db, "plex");
    sql(
        db,
        "INSERT INTO accounts (id, name) VALUES (1, 'ann'), (2, 'bob');",
    );
}

/// A Plex movie item with one file (100 minutes).
pub fn plex_item(
    db: &Path,
    id: i64,
    guid: &str,
    title: &str,
    file: &str,
    added: i64,
    deleted: bool,
) {
    let c = Connection::open(db).unwrap();
    c.execute(
        "INSERT INTO metadata_items (id, library_section_id, metadata_type, guid, title, duration, added_at, deleted_at)
         VALUES (?1, 1, 1, ?2, ?3, 6000000, ?4, ?5)",
        rusqlite::params![id, guid, title, added, deleted.then_some(added)],
    )
    .unwrap();
    c.execute(
        "INSERT INTO media_items (id, library_section_id, metadata_item_id, size, container, duration, deleted_at) VALUES (?1, 1, ?1, 100, 'mkv', 6000000, ?2)",
        rusqlite::params![id, deleted.then_some(added)],
    )
    .unwrap();
    c.execute(
        "INSERT INTO media_parts (id, media_item_id, file, size, duration, deleted_at) VALUES (?1, ?1, ?2, 100, 6000000, ?3)",
        rusqlite::params![id, file, deleted.then_some(added)],
    )
    .unwrap();
}

/// A finished view, as Plex logs it (the title is copied into the view).
pub fn plex_view(db: &Path, account: i64, guid: &str, viewed_at: rusqlite::types::Value) {
    Connection::open(db)
        .unwrap()
        .execute(
            "INSERT INTO metadata_item_views (account_id, guid, metadata_type, library_section_id, title, viewed_at)
             VALUES (?1, ?2, 1, 1, 't', ?3)",
            rusqlite::params![account, guid, viewed_at],
        )
        .unwrap();
}

/// A play stopped at `offset_ms`: Plex's resume position.
pub fn plex_resume(db: &Path, account: i64, guid: &str, offset_ms: i64, at: i64) {
    Connection::open(db)
        .unwrap()
        .execute(
            "INSERT INTO metadata_item_settings (account_id, guid, view_offset, view_count, last_viewed_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, 0, ?4, ?4, ?4)",
            rusqlite::params![account, guid, offset_ms, at],
        )
        .unwrap();
}

/// One Tautulli history row (and its metadata row) of a movie.
#[allow(clippy::too_many_arguments)]
pub fn tautulli_row(
    db: &Path,
    id: i64,
    reference: i64,
    started: i64,
    stopped: i64,
    rating_key: i64,
    offset_ms: i64,
    title: &str,
) {
    let c = Connection::open(db).unwrap();
    c.execute(
        "INSERT INTO session_history (id, reference_id, started, stopped, rating_key, user_id, user, media_type, view_offset)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, 'ann', 'movie', ?6)",
        rusqlite::params![id, reference, started, stopped, rating_key, offset_ms],
    )
    .unwrap();
    c.execute(
        "INSERT INTO session_history_metadata (id, rating_key, title, full_title, media_type, year, duration)
         VALUES (?1, ?2, ?3, ?3, 'movie', 1995, 6000000)",
        rusqlite::params![id, rating_key, title],
    )
    .unwrap();
}

/// A Jellyfin user row (the columns the schema requires).
pub fn jellyfin_user(db: &Path, id: &str, name: &str, internal: i64) {
    Connection::open(db)
        .unwrap()
        .execute(
            "INSERT INTO Users (Id, Username, MustUpdatePassword, AuthenticationProviderId, PasswordResetProviderId, InvalidLoginAttemptCount, MaxActiveSessions, SubtitleMode, PlayDefaultAudioTrack, DisplayMissingEpisodes, DisplayCollectionsView, EnableLocalPassword, HidePlayedInLatest, RememberAudioSelections, RememberSubtitleSelections, EnableNextEpisodeAutoPlay, EnableAutoLogin, EnableUserPreferenceAccess, InternalId, SyncPlayAccess, RowVersion)
             VALUES (?1, ?2, 0, 'p', 'p', 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, ?3, 0, 0)",
            rusqlite::params![id, name, internal],
        )
        .unwrap();
}
