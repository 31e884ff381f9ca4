//! The original Python tool's `~/.plexsync/usage.db`: the same `access_records` table,
//! with naive ISO-8601 timestamps in the local time of the machine it ran on
//! (`datetime.now().isoformat()`, `--server-tz` when that is not this one) and JSON
//! metadata. Rows are imported as they are, their times converted to UTC; rows with an
//! access type plexsync does not know, or a time it cannot read, are counted and left out.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value as SqlValue;

use super::snapshot::{self, require_tables};
use super::{time_value, Batch, Play, Reading};
use crate::usage::AccessType;

/// Read rows with an id above the watermark.
pub fn read(db: &Path, rd: &Reading) -> Result<Batch> {
    let snap = snapshot::open(db)?;
    let conn = &snap.conn;
    require_tables(
        conn,
        db,
        &["access_records"],
        "the original plexsync usage.db",
    )?;
    let mut st = conn.prepare(
        "SELECT id, file_path, access_type, timestamp, metadata FROM access_records
         WHERE id > ?1 ORDER BY id",
    )?;
    let mut b = Batch::new("legacy", "legacy", db);
    let mut rows = st.query([(rd.since)("legacy", db)?])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        b.watermark = b.watermark.max(id);
        let path: Option<String> = r.get(1)?;
        let kind: Option<String> = r.get(2)?;
        let stamp = r.get::<_, SqlValue>(3)?;
        let Some(path) = path.filter(|p| !p.is_empty()) else {
            b.skip("no file path");
            continue;
        };
        let Some(kind) = kind.as_deref().and_then(AccessType::parse) else {
            b.skip("an unknown access type");
            continue;
        };
        let Some(at) = time_value(&stamp, rd.tz) else {
            b.skip("an unreadable time");
            continue;
        };
        let text: Option<String> = r.get(4)?;
        let meta = match text
            .as_deref()
            .map(serde_json::from_str::<serde_json::Value>)
        {
            Some(Ok(serde_json::Value::Object(m))) => m,
            Some(_) => {
                let mut m = serde_json::Map::new();
                m.insert("legacy_metadata".into(), text.clone().into());
                m
            }
            None => serde_json::Map::new(),
        };
        let user = meta
            .get("user")
            .and_then(|u| u.as_str())
            .map(str::to_string);
        let stamp_text = match &stamp {
            SqlValue::Text(t) => t.clone(),
            _ => at.to_string(),
        };
        b.plays.push(Play {
            key: format!("legacy:{path}:{}:{stamp_text}", kind.as_str()),
            server_path: path,
            has_path: true,
            kind,
            at,
            user,
            meta,
            added_at: None,
            name: None,
            hold: id - 1,
        });
    }
    Ok(b)
}
