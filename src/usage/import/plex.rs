//! Plex and Tautulli. Plex keeps every play in `metadata_item_views` (by guid and library
//! section, not by item id), so a view reaches its files through `metadata_items` →
//! `media_items` → `media_parts.file`; deleted items are skipped. `viewed_at` is epoch
//! seconds in current servers and UTC text before 1.26.2. Tautulli's `session_history`
//! names the item by `rating_key` (Plex's `metadata_items.id`), resolved through the Plex
//! database given with `--plex-db`.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value as SqlValue;
use serde_json::json;

use super::snapshot::{self, has_table, require_tables};
use super::{time_value, Batch, NameQuery, Play};
use crate::usage::time::Naive;
use crate::usage::AccessType;

fn accounts(conn: &rusqlite::Connection) -> Result<HashMap<i64, String>> {
    let mut out = HashMap::new();
    if has_table(conn, "accounts")? {
        let mut st = conn.prepare("SELECT id, name FROM accounts")?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        for row in rows {
            if let (id, Some(name)) = row? {
                out.insert(id, name);
            }
        }
    }
    Ok(out)
}

/// Read views newer than `since` (a view id) from a Plex library database.
pub fn read_plex(db: &Path, since: i64) -> Result<Batch> {
    let snap = snapshot::open(db)?;
    let conn = &snap.conn;
    require_tables(
        conn,
        db,
        &[
            "metadata_item_views",
            "metadata_items",
            "media_items",
            "media_parts",
        ],
        "a Plex library database (com.plexapp.plugins.library.db)",
    )?;
    let names = accounts(conn)?;
    let mut st = conn.prepare(
        "SELECT v.id, v.viewed_at, v.account_id, p.file, p.id, mi.added_at, mi.duration
         FROM metadata_item_views v
         JOIN metadata_items mi ON mi.guid = v.guid AND mi.library_section_id = v.library_section_id
         JOIN media_items m ON m.metadata_item_id = mi.id
         JOIN media_parts p ON p.media_item_id = m.id
         WHERE v.id > ?1 AND mi.deleted_at IS NULL AND m.deleted_at IS NULL
           AND p.deleted_at IS NULL AND p.file IS NOT NULL AND p.file != ''
         ORDER BY v.id",
    )?;
    let mut plays = Vec::new();
    let mut watermark = i64::MIN;
    let mut rows = st.query([since])?;
    while let Some(r) = rows.next()? {
        let view_id: i64 = r.get(0)?;
        watermark = watermark.max(view_id);
        let Some(at) = time_value(&r.get::<_, SqlValue>(1)?, Naive::Utc) else {
            continue;
        };
        let account: Option<i64> = r.get(2)?;
        let file: String = r.get(3)?;
        let part: i64 = r.get(4)?;
        let added_at = time_value(&r.get::<_, SqlValue>(5)?, Naive::Utc);
        let mut meta = serde_json::Map::new();
        meta.insert("plex_view_id".into(), json!(view_id));
        if let Some(d) = r.get::<_, Option<i64>>(6)?.filter(|d| *d > 0) {
            meta.insert("duration_secs".into(), json!(d / 1000));
        }
        plays.push(Play {
            server_path: file,
            has_path: true,
            kind: AccessType::Viewed,
            at,
            user: account.map(|a| {
                names
                    .get(&a)
                    .cloned()
                    .unwrap_or_else(|| format!("plex-account-{a}"))
            }),
            meta,
            key: format!("plex:{view_id}:{part}"),
            added_at,
            name: None,
        });
    }
    drop(rows);
    drop(st);
    // Added dates of every file (for the age of files nobody watched).
    let mut added = Vec::new();
    let mut st = conn.prepare(
        "SELECT p.file, mi.added_at FROM media_parts p
         JOIN media_items m ON m.id = p.media_item_id
         JOIN metadata_items mi ON mi.id = m.metadata_item_id
         WHERE mi.deleted_at IS NULL AND p.deleted_at IS NULL AND p.file IS NOT NULL",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(at) = time_value(&r.get::<_, SqlValue>(1)?, Naive::Utc) {
            added.push((r.get::<_, String>(0)?, at));
        }
    }
    Ok(Batch {
        tag: "plex",
        db: db.to_path_buf(),
        plays,
        added,
        watermark,
    })
}

/// Read sessions newer than `since` (a session id) from Tautulli, resolving rating keys
/// through the Plex database `plex_db` when given; sessions it cannot resolve carry their
/// title, year, season and episode for matching against the catalog's parsed names.
pub fn read_tautulli(db: &Path, plex_db: Option<&Path>, since: i64) -> Result<Batch> {
    let snap = snapshot::open(db)?;
    let conn = &snap.conn;
    require_tables(
        conn,
        db,
        &["session_history", "session_history_metadata"],
        "a Tautulli database (tautulli.db)",
    )?;
    let plex = match plex_db {
        Some(p) => {
            let snap = snapshot::open(p)?;
            require_tables(
                &snap.conn,
                p,
                &["metadata_items", "media_items", "media_parts"],
                "a Plex library database (com.plexapp.plugins.library.db)",
            )?;
            Some(snap)
        }
        None => None,
    };
    let mut files_of = match &plex {
        Some(p) => Some(p.conn.prepare(
            "SELECT p.file, p.id FROM metadata_items mi
             JOIN media_items m ON m.metadata_item_id = mi.id
             JOIN media_parts p ON p.media_item_id = m.id
             WHERE mi.id = ?1 AND mi.deleted_at IS NULL AND m.deleted_at IS NULL
               AND p.deleted_at IS NULL AND p.file IS NOT NULL AND p.file != ''",
        )?),
        None => None,
    };
    let mut st = conn.prepare(
        "SELECT h.id, h.started, h.stopped, h.rating_key, h.user, h.view_offset, md.duration,
                md.full_title, md.title, md.year, md.grandparent_title, md.parent_media_index,
                md.media_index, coalesce(h.media_type, md.media_type)
         FROM session_history h LEFT JOIN session_history_metadata md ON md.id = h.id
         WHERE h.id > ?1 ORDER BY h.id",
    )?;
    let mut plays = Vec::new();
    let mut watermark = i64::MIN;
    let mut rows = st.query([since])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        watermark = watermark.max(id);
        let started = time_value(&r.get::<_, SqlValue>(1)?, Naive::Utc);
        let stopped = time_value(&r.get::<_, SqlValue>(2)?, Naive::Utc);
        let Some(at) = stopped.or(started) else {
            continue;
        };
        let rating_key: Option<i64> = r.get(3)?;
        let user: Option<String> = r.get(4)?;
        let offset_ms: Option<i64> = r.get(5)?;
        let duration_ms: Option<i64> = r.get(6)?;
        let title: Option<String> = r.get::<_, Option<String>>(7)?.or(r.get(8)?);
        let year: Option<i64> = r.get(9)?;
        let mut meta = serde_json::Map::new();
        meta.insert("tautulli_id".into(), json!(id));
        if let (Some(o), Some(d)) = (offset_ms, duration_ms.filter(|d| *d > 0)) {
            meta.insert("position_secs".into(), json!(o / 1000));
            meta.insert("duration_secs".into(), json!(d / 1000));
        }
        let files: Vec<(String, i64)> = match (rating_key, files_of.as_mut()) {
            (Some(k), Some(stmt)) => stmt
                .query_map([k], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?,
            _ => Vec::new(),
        };
        let show: Option<String> = r.get(10)?;
        let season: Option<i64> = r.get(11)?;
        let episode: Option<i64> = r.get(12)?;
        let media_type: Option<String> = r.get(13)?;
        let movie_title: Option<String> = r.get(8)?;
        let name = match media_type.as_deref() {
            Some("episode") => match (show, season, episode) {
                (Some(t), Some(s), Some(e)) if s >= 0 && e >= 0 => Some(NameQuery {
                    title: t,
                    year: None,
                    episode: Some((s as u32, e as u32)),
                }),
                _ => None,
            },
            Some("movie") => movie_title.map(|t| NameQuery {
                title: t,
                year: year.and_then(|y| u16::try_from(y).ok()),
                episode: None,
            }),
            _ => None,
        };
        if files.is_empty() {
            plays.push(Play {
                server_path: format!(
                    "rating_key {} ({}{})",
                    rating_key.map_or("?".to_string(), |k| k.to_string()),
                    title.clone().unwrap_or_default(),
                    year.map(|y| format!(", {y}")).unwrap_or_default()
                ),
                has_path: false,
                kind: AccessType::Viewed,
                at,
                user: user.clone(),
                meta: meta.clone(),
                key: format!("tautulli:{id}"),
                added_at: None,
                name,
            });
        }
        for (file, part) in files {
            plays.push(Play {
                server_path: file,
                has_path: true,
                kind: AccessType::Viewed,
                at,
                user: user.clone(),
                meta: meta.clone(),
                key: format!("tautulli:{id}:{part}"),
                added_at: None,
                name: None,
            });
        }
    }
    drop(files_of);
    Ok(Batch {
        tag: "tautulli",
        db: db.to_path_buf(),
        plays,
        added: Vec::new(),
        watermark,
    })
}
