//! Kodi's video database (`MyVideos*.db`): `files` joined to `path` gives the file
//! (`strPath || strFilename`; a multi-part movie is one `stack://a , b` entry in
//! `strFilename`, split into its files), with `playCount`, `lastPlayed` and `dateAdded` in
//! the wall-clock time of Kodi's machine (`--server-tz`). Kodi keeps only the last play of
//! each file, so every import adds the plays whose `lastPlayed` moved since the previous
//! one; a resume bookmark (`bookmark.type = 1`) marks a file in progress.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value as SqlValue;
use serde_json::json;

use super::pathmap::stack_parts;
use super::snapshot::{self, has_table, require_tables};
use super::{time_value, Batch, Play, Reading};
use crate::usage::AccessType;

/// Read plays newer than the watermark (unix seconds of `lastPlayed`).
pub fn read(db: &Path, rd: &Reading) -> Result<Batch> {
    let snap = snapshot::open(db)?;
    let conn = &snap.conn;
    require_tables(
        conn,
        db,
        &["files", "path"],
        "a Kodi video database (MyVideos*.db)",
    )?;
    let since = (rd.since)("kodi", db)?;
    let bookmark = if has_table(conn, "bookmark")? {
        "LEFT JOIN bookmark b ON b.idFile = f.idFile AND b.type = 1"
    } else {
        "LEFT JOIN (SELECT NULL AS idFile, NULL AS timeInSeconds, NULL AS totalTimeInSeconds) b ON 0"
    };
    let mut st = conn.prepare(&format!(
        "SELECT f.idFile, p.strPath, f.strFilename, f.playCount, f.lastPlayed, f.dateAdded,
                b.timeInSeconds, b.totalTimeInSeconds
         FROM files f JOIN path p ON p.idPath = f.idPath {bookmark}"
    ))?;
    let mut b = Batch::new("kodi", "kodi", db);
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let dir: Option<String> = r.get(1)?;
        let name: Option<String> = r.get(2)?;
        let (Some(dir), Some(name)) = (dir, name) else {
            continue;
        };
        // Kodi's CVideoDatabase::ConstructPath: a stack is its whole entry.
        let entry = if name.starts_with("stack://") {
            name
        } else {
            format!("{dir}{name}")
        };
        let files = stack_parts(&entry);
        if let Some(a) = time_value(&r.get::<_, SqlValue>(5)?, rd.tz) {
            b.added.extend(files.iter().map(|f| (f.clone(), a)));
        }
        let played = r.get::<_, SqlValue>(4)?;
        if played == SqlValue::Null {
            continue;
        }
        let Some(at) = time_value(&played, rd.tz) else {
            b.skip("an unreadable time");
            continue;
        };
        if at <= since {
            continue;
        }
        b.watermark = b.watermark.max(at);
        let count: Option<i64> = r.get(3)?;
        let pos: Option<f64> = r.get(6)?;
        let total: Option<f64> = r.get(7)?;
        let mut meta = serde_json::Map::new();
        if let Some(c) = count {
            meta.insert("play_count".into(), json!(c));
        }
        if let (Some(p), Some(t)) = (pos, total.filter(|t| *t > 0.0)) {
            meta.insert("position_secs".into(), json!(p.round() as i64));
            meta.insert("duration_secs".into(), json!(t.round() as i64));
            meta.insert("resume".into(), json!(true));
        }
        for file in files {
            b.plays.push(Play {
                key: format!("kodi:{file}:{at}"),
                server_path: file,
                has_path: true,
                kind: AccessType::Viewed,
                at,
                user: None,
                meta: meta.clone(),
                added_at: None,
                name: None,
                hold: at - 1,
            });
        }
    }
    Ok(b)
}
