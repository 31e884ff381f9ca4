//! The original Python tool's `~/.plexsync/usage.db`: the same `access_records` table,
//! with naive ISO-8601 timestamps in local time (`datetime.now().isoformat()`) and JSON
//! metadata. Rows are imported as they are, their times converted to UTC.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value as SqlValue;

use super::snapshot::{self, require_tables};
use super::{time_value, Batch, Play};
use crate::usage::time::Naive;
use crate::usage::AccessType;

/// Read rows with an id above `since`.
pub fn read(db: &Path, since: i64) -> Result<Batch> {
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
    let mut plays = Vec::new();
    let mut watermark = i64::MIN;
    let mut rows = st.query([since])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        watermark = watermark.max(id);
        let path: Option<String> = r.get(1)?;
        let kind: Option<String> = r.get(2)?;
        let stamp = r.get::<_, SqlValue>(3)?;
        let (Some(path), Some(kind)) = (path, kind.as_deref().and_then(AccessType::parse)) else {
            continue;
        };
        let Some(at) = time_value(&stamp, Naive::Local) else {
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
        plays.push(Play {
            key: format!("legacy:{path}:{}:{stamp_text}", kind.as_str()),
            server_path: path,
            has_path: true,
            kind,
            at,
            user,
            meta,
            added_at: None,
            name: None,
        });
    }
    Ok(Batch {
        tag: "legacy",
        db: db.to_path_buf(),
        plays,
        added: Vec::new(),
        watermark,
    })
}
