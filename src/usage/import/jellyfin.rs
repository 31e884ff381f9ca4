//! Jellyfin. The core database holds per-user play state: 10.11 and later `jellyfin.db`
//! (`UserData` joined to `BaseItems.Path` on the item id), 10.10 and earlier `library.db`
//! (`UserDatas` joined to `TypedBaseItems` on the user-data key). Dates there are UTC.
//! The Playback Reporting plugin (`playback_reporting.db`, `PlaybackActivity`) logs every
//! playback in the wall-clock time of the server's machine (`--server-tz`), naming items
//! by a 32-digit id; it is resolved through the core database given in the same import. Ids are compared in one canonical form (32 lowercase
//! hex digits in `Guid.ToString("N")` order; 10.10 stores them as .NET's byte order).
//! Users are named from the `Users` table of `jellyfin.db`; in 10.10 that file holds only
//! the users (library.db's `UserDatas` names them by `InternalId`), and may be given beside
//! library.db for the names. Duplicate keys use the ids, never the names, so a rename or a
//! later import with the names does not import the same plays again; the plays imported
//! under a stand-in name (`jellyfin-user-1`) take the real one. A resume position
//! (`PlaybackPositionTicks`) marks the file in progress.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use rusqlite::types::Value as SqlValue;
use rusqlite::Connection;
use serde_json::json;

use jiff::tz::TimeZone;

use super::snapshot::{self, has_table, Snapshot};
use super::{time_value, Batch, Play, Reading};
use crate::usage::AccessType;

/// .NET ticks per second.
const TICKS: f64 = 10_000_000.0;

/// A GUID as 32 lowercase hex digits in display order.
pub fn canonical_id(v: &SqlValue) -> Option<String> {
    match v {
        SqlValue::Text(t) => {
            let s: String = t
                .chars()
                .filter(|c| c.is_ascii_hexdigit())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            (s.len() == 32).then_some(s)
        }
        SqlValue::Blob(b) if b.len() == 16 => {
            // Guid.ToByteArray(): the first three fields are little-endian.
            let order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
            Some(order.iter().map(|&i| format!("{:02x}", b[i])).collect())
        }
        _ => None,
    }
}

#[derive(Debug, Clone)]
struct Item {
    path: String,
    runtime_secs: Option<f64>,
    added_at: Option<i64>,
}

enum Kind {
    Core11,
    Core10,
    Playback,
    /// 10.10's `jellyfin.db`: the users, no items.
    Users,
}

fn kind_of(conn: &Connection, db: &Path) -> Result<Kind> {
    if has_table(conn, "BaseItems")? && has_table(conn, "UserData")? {
        Ok(Kind::Core11)
    } else if has_table(conn, "TypedBaseItems")? && has_table(conn, "UserDatas")? {
        Ok(Kind::Core10)
    } else if has_table(conn, "PlaybackActivity")? {
        Ok(Kind::Playback)
    } else if has_table(conn, "Users")? {
        Ok(Kind::Users)
    } else {
        bail!(
            "{}: not a Jellyfin database (expected jellyfin.db with UserData and BaseItems, \
             library.db with UserDatas and TypedBaseItems, jellyfin.db with Users, or \
             playback_reporting.db)",
            db.display()
        )
    }
}

fn items(
    conn: &Connection,
    table: &str,
    id_col: &str,
) -> Result<(HashMap<String, Item>, HashMap<String, String>)> {
    let key_col = if table == "TypedBaseItems" {
        "UserDataKey"
    } else {
        "NULL"
    };
    let mut st = conn.prepare(&format!(
        "SELECT {id_col}, Path, RunTimeTicks, DateCreated, {key_col} FROM {table}
         WHERE Path IS NOT NULL AND Path != ''"
    ))?;
    let mut by_id = HashMap::new();
    let mut by_key = HashMap::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let Some(id) = canonical_id(&r.get::<_, SqlValue>(0)?) else {
            continue;
        };
        let item = Item {
            path: r.get(1)?,
            runtime_secs: r
                .get::<_, Option<i64>>(2)?
                .filter(|t| *t > 0)
                .map(|t| t as f64 / TICKS),
            added_at: time_value(&r.get::<_, SqlValue>(3)?, &TimeZone::UTC),
        };
        if let Some(k) = r.get::<_, Option<String>>(4)? {
            by_key.insert(k, id.clone());
        }
        by_id.insert(id, item);
    }
    Ok((by_id, by_key))
}

/// User names by user id: the canonical GUID, and for 10.10's integer ids
/// (`InternalId`) the [`int_user`] form.
fn users(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut out = HashMap::new();
    if !has_table(conn, "Users")? {
        return Ok(out);
    }
    let internal = conn
        .prepare("SELECT 1 FROM pragma_table_info('Users') WHERE name = 'InternalId'")?
        .exists([])?;
    let sql = if internal {
        "SELECT Id, Username, InternalId FROM Users"
    } else {
        "SELECT Id, Username, NULL FROM Users"
    };
    let mut st = conn.prepare(sql)?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let Some(name) = r.get::<_, Option<String>>(1)? else {
            continue;
        };
        if let Some(id) = canonical_id(&r.get::<_, SqlValue>(0)?) {
            out.insert(id, name.clone());
        }
        if let Some(i) = r.get::<_, Option<i64>>(2)? {
            out.insert(int_user(i), name);
        }
    }
    Ok(out)
}

/// The id of a user known by its integer id (10.10's `UserDatas.userId`).
fn int_user(i: i64) -> String {
    format!("jellyfin-user-{i}")
}

fn progress_meta(
    meta: &mut serde_json::Map<String, serde_json::Value>,
    pos_secs: f64,
    item: &Item,
) {
    if let Some(rt) = item.runtime_secs {
        meta.insert("position_secs".into(), json!(pos_secs.round() as i64));
        meta.insert("duration_secs".into(), json!(rt.round() as i64));
    }
}

/// What Playback Reporting's `ItemName` names, to find among the catalog's files: an
/// episode is written `Series - s01e02 - Episode title`, a movie by its title alone.
fn item_name_query(name: &str, item_type: Option<&str>) -> Option<super::NameQuery> {
    use crate::media::{parse, MediaKind};
    let parsed = parse(name);
    let title = parsed.title.clone().filter(|t| !t.trim().is_empty())?;
    match (item_type, parsed.kind) {
        (Some("Episode") | None, MediaKind::Episode) => Some(super::NameQuery {
            title,
            year: None,
            episode: Some((parsed.season?, parsed.episode?)),
        }),
        (Some("Movie"), _) | (None, MediaKind::Movie) => Some(super::NameQuery {
            // The whole name is the title: the plugin writes no year.
            title: name.trim().to_string(),
            year: None,
            episode: None,
        }),
        _ => None,
    }
}

/// Read every database given.
pub fn read(dbs: &[PathBuf], rd: &Reading) -> Result<Vec<Batch>> {
    let since = rd.since;
    let mut snaps: Vec<(PathBuf, Snapshot, Kind)> = Vec::new();
    for db in dbs {
        let s = snapshot::open(db)?;
        let k = kind_of(&s.conn, db)?;
        snaps.push((db.clone(), s, k));
    }
    let mut by_id: HashMap<String, Item> = HashMap::new();
    let mut user_names: HashMap<String, String> = HashMap::new();
    for (_, s, k) in &snaps {
        match k {
            Kind::Core11 => {
                by_id.extend(items(&s.conn, "BaseItems", "Id")?.0);
                user_names.extend(users(&s.conn)?);
            }
            Kind::Core10 => by_id.extend(items(&s.conn, "TypedBaseItems", "guid")?.0),
            Kind::Users => user_names.extend(users(&s.conn)?),
            Kind::Playback => {}
        }
    }
    // Users earlier imports could only name by their 10.10 integer id.
    let renames: Vec<(String, String)> = user_names
        .iter()
        .filter(|(id, _)| id.starts_with("jellyfin-user-"))
        .map(|(id, name)| (id.clone(), name.clone()))
        .collect();
    let mut out = Vec::new();
    for (db, s, k) in &snaps {
        let conn = &s.conn;
        match k {
            Kind::Core11 | Kind::Core10 => {
                let from = since("jellyfin", db)?;
                let sql = if matches!(k, Kind::Core11) {
                    "SELECT ItemId, UserId, PlayCount, LastPlayedDate, Played, PlaybackPositionTicks
                     FROM UserData WHERE LastPlayedDate IS NOT NULL"
                } else {
                    "SELECT key, userId, playCount, lastPlayedDate, played, playbackPositionTicks
                     FROM UserDatas WHERE lastPlayedDate IS NOT NULL"
                };
                let keys = if matches!(k, Kind::Core10) {
                    items(conn, "TypedBaseItems", "guid")?.1
                } else {
                    HashMap::new()
                };
                let mut b = Batch::new("jellyfin", "jellyfin", db);
                b.renames = renames.clone();
                let mut st = conn.prepare(sql)?;
                let mut rows = st.query([])?;
                while let Some(r) = rows.next()? {
                    let Some(at) = time_value(&r.get::<_, SqlValue>(3)?, &TimeZone::UTC) else {
                        b.skip("an unreadable time");
                        continue;
                    };
                    if at <= from {
                        continue;
                    }
                    b.watermark = b.watermark.max(at);
                    let id = match k {
                        Kind::Core11 => canonical_id(&r.get::<_, SqlValue>(0)?),
                        _ => r
                            .get::<_, Option<String>>(0)?
                            .and_then(|key| keys.get(&key).cloned()),
                    };
                    let user_id = match r.get::<_, SqlValue>(1)? {
                        SqlValue::Integer(i) => Some(int_user(i)),
                        v => canonical_id(&v),
                    };
                    let user = user_id
                        .clone()
                        .map(|u| user_names.get(&u).cloned().unwrap_or(u));
                    let count: Option<i64> = r.get(2)?;
                    let pos: Option<i64> = r.get(5)?;
                    let mut meta = serde_json::Map::new();
                    if let Some(c) = count {
                        meta.insert("play_count".into(), json!(c));
                    }
                    let item = id.as_ref().and_then(|i| by_id.get(i));
                    // A resume position means the last play stopped there, also on a
                    // rewatch of something marked played.
                    if let (Some(item), Some(p)) = (item, pos.filter(|p| *p > 0)) {
                        progress_meta(&mut meta, p as f64 / TICKS, item);
                        // A state the server keeps, not a log: a later play continues it.
                        meta.insert("resume".into(), json!(true));
                    }
                    let idtext = id.clone().unwrap_or_else(|| "?".into());
                    b.plays.push(Play {
                        server_path: item
                            .map(|i| i.path.clone())
                            .unwrap_or_else(|| format!("item {idtext}")),
                        has_path: item.is_some(),
                        kind: AccessType::Viewed,
                        at,
                        key: format!("jellyfin:{idtext}:{}:{at}", user_id.unwrap_or_default()),
                        user,
                        meta,
                        added_at: item.and_then(|i| i.added_at),
                        name: None,
                        hold: at - 1,
                    });
                }
                b.added = by_id
                    .values()
                    .filter_map(|i| i.added_at.map(|a| (i.path.clone(), a)))
                    .collect();
                out.push(b);
            }
            Kind::Playback => {
                if by_id.is_empty() {
                    bail!(
                        "{}: Playback Reporting names items by id only; give the core database too \
                         (--db jellyfin.db or --db library.db)",
                        db.display()
                    );
                }
                let from = since("jellyfin-playback", db)?;
                let mut st = conn.prepare(
                    "SELECT rowid, DateCreated, UserId, ItemId, ItemName, PlayDuration, ItemType
                     FROM PlaybackActivity WHERE rowid > ?1 ORDER BY rowid",
                )?;
                let mut b = Batch::new("jellyfin-playback", "jellyfin-playback", db);
                b.renames = renames.clone();
                let mut rows = st.query([from])?;
                while let Some(r) = rows.next()? {
                    let rowid: i64 = r.get(0)?;
                    b.watermark = b.watermark.max(rowid);
                    let created = r.get::<_, SqlValue>(1)?;
                    let Some(at) = time_value(&created, rd.tz) else {
                        b.skip("an unreadable time");
                        continue;
                    };
                    let user_id = canonical_id(&r.get::<_, SqlValue>(2)?);
                    let user = user_id
                        .clone()
                        .map(|u| user_names.get(&u).cloned().unwrap_or(u));
                    let id = canonical_id(&r.get::<_, SqlValue>(3)?);
                    let name: Option<String> = r.get(4)?;
                    let secs: Option<i64> = r.get(5)?;
                    let item = id.as_ref().and_then(|i| by_id.get(i));
                    let mut meta = serde_json::Map::new();
                    if let Some(s) = secs {
                        meta.insert("play_duration_secs".into(), json!(s));
                        if let Some(item) = item {
                            progress_meta(&mut meta, s as f64, item);
                        }
                    }
                    let idtext = id.clone().unwrap_or_else(|| "?".into());
                    // An item the server has since deleted is found by the name the plugin
                    // wrote down.
                    let query = match item {
                        Some(_) => None,
                        None => name.as_deref().and_then(|n| {
                            item_name_query(n, r.get::<_, Option<String>>(6).ok()?.as_deref())
                        }),
                    };
                    b.plays.push(Play {
                        server_path: item.map(|i| i.path.clone()).unwrap_or_else(|| {
                            format!("item {idtext} ({})", name.unwrap_or_default())
                        }),
                        has_path: item.is_some(),
                        kind: AccessType::Viewed,
                        at,
                        key: format!(
                            "jellyfin-playback:{idtext}:{}:{at}",
                            user_id.unwrap_or_default()
                        ),
                        user,
                        meta,
                        added_at: None,
                        name: query,
                        hold: rowid - 1,
                    });
                }
                out.push(b);
            }
            // Read above for the names only.
            Kind::Users => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playback_reporting_item_names_of_deleted_items() {
        let q = item_name_query("The Wire - s02e03 - Collateral Damage", Some("Episode")).unwrap();
        assert_eq!((q.title.as_str(), q.episode), ("The Wire", Some((2, 3))));
        let q = item_name_query("Dune: Part Two", Some("Movie")).unwrap();
        assert_eq!((q.title.as_str(), q.episode), ("Dune: Part Two", None));
        let q = item_name_query("2001: A Space Odyssey", Some("Movie")).unwrap();
        assert_eq!(q.title, "2001: A Space Odyssey");
        assert!(item_name_query("Some Song", Some("Audio")).is_none());
        assert!(item_name_query("", Some("Movie")).is_none());
    }

    #[test]
    fn ids_in_every_shape_agree() {
        let n = "3f2504e04f8941d39a0c0305e82c3301";
        let dashed = SqlValue::Text("3F2504E0-4F89-41D3-9A0C-0305E82C3301".into());
        let dotnet = SqlValue::Blob(vec![
            0xe0, 0x04, 0x25, 0x3f, 0x89, 0x4f, 0xd3, 0x41, 0x9a, 0x0c, 0x03, 0x05, 0xe8, 0x2c,
            0x33, 0x01,
        ]);
        assert_eq!(canonical_id(&SqlValue::Text(n.into())).as_deref(), Some(n));
        assert_eq!(canonical_id(&dashed).as_deref(), Some(n));
        assert_eq!(canonical_id(&dotnet).as_deref(), Some(n));
        assert_eq!(canonical_id(&SqlValue::Integer(3)), None);
    }
}
