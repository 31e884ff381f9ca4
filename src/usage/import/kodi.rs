//! Kodi's video database (`MyVideos*.db`): `files` joined to `path` gives the file
//! (`strPath || strFilename`), with `playCount`, `lastPlayed` and `dateAdded` in local
//! time. Kodi keeps only the last play of each file, so every import adds the plays whose
//! `lastPlayed` moved since the previous one; a resume bookmark (`bookmark.type = 1`)
//! marks a file in progress.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value as SqlValue;
use serde_json::json;

use super::snapshot::{self, has_table, require_tables};
use super::{time_value, Batch, Play};
use crate::usage::time::Naive;
use crate::usage::AccessType;

/// Read plays newer than `since` (unix seconds of `lastPlayed`).
pub fn read(db: &Path, since: i64) -> Result<Batch> {
    let snap = snapshot::open(db)?;
    let conn = &snap.conn;
    require_tables(
        conn,
        db,
        &["files", "path"],
        "a Kodi video database (MyVideos*.db)",
    )?;
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
    let mut plays = Vec::new();
    let mut added = Vec::new();
    let mut watermark = i64::MIN;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let dir: Option<String> = r.get(1)?;
        let name: Option<String> = r.get(2)?;
        let (Some(dir), Some(name)) = (dir, name) else {
            continue;
        };
        let file = format!("{dir}{name}");
        if let Some(a) = time_value(&r.get::<_, SqlValue>(5)?, Naive::Local) {
            added.push((file.clone(), a));
        }
        let Some(at) = time_value(&r.get::<_, SqlValue>(4)?, Naive::Local) else {
            continue;
        };
        if at <= since {
            continue;
        }
        watermark = watermark.max(at);
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
        }
        plays.push(Play {
            key: format!("kodi:{file}:{at}"),
            server_path: file,
            has_path: true,
            kind: AccessType::Viewed,
            at,
            user: None,
            meta,
            added_at: None,
            name: None,
        });
    }
    Ok(Batch {
        tag: "kodi",
        db: db.to_path_buf(),
        plays,
        added,
        watermark,
    })
}
