//! Plex and Tautulli. Plex keeps every finished play in `metadata_item_views` (by guid and
//! library section, not by item id), so a view reaches its files through `metadata_items`
//! → `media_items` → `media_parts.file`; a view outlives its item, and then names it by
//! title. A play stopped before the end is only a resume position in
//! `metadata_item_settings`. Times are epoch seconds in current servers and UTC text
//! before 1.26.2. Tautulli's `session_history` names the item by `rating_key` (Plex's
//! `metadata_items.id`), resolved through the Plex database given with `--plex-db`; rows
//! that share a `reference_id` are one play paused and resumed, as Tautulli's own history
//! shows them.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value as SqlValue;
use serde_json::json;

use jiff::tz::TimeZone;

use super::snapshot::{self, has_table, require_tables};
use super::{time_value, Batch, NameQuery, Play, Reading};
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

/// The year of a Plex date value (epoch seconds or text).
fn year_of(v: &SqlValue) -> Option<u16> {
    let t = time_value(v, &TimeZone::UTC)?;
    let ts = jiff::Timestamp::from_second(t).ok()?;
    u16::try_from(ts.to_zoned(TimeZone::UTC).year()).ok()
}

/// What a view names when its item is gone from the library: a movie's title and year, or
/// an episode's show, season and episode (Plex keeps them in the view for this reason).
fn name_of_view(r: &rusqlite::Row) -> rusqlite::Result<Option<NameQuery>> {
    let kind: Option<i64> = r.get(3)?;
    let title: Option<String> = r.get(4)?;
    let show: Option<String> = r.get(5)?;
    let (season, episode): (Option<i64>, Option<i64>) = (r.get(6)?, r.get(7)?);
    let year = year_of(&r.get(8)?);
    Ok(match kind {
        Some(1) => title.map(|t| NameQuery {
            title: t,
            year,
            episode: None,
        }),
        Some(4) => match (show, season, episode) {
            (Some(t), Some(s), Some(e)) if s >= 0 && e >= 0 => Some(NameQuery {
                title: t,
                year: None,
                episode: Some((s as u32, e as u32)),
            }),
            _ => None,
        },
        _ => None,
    })
}

/// A part of a viewed item: file, part id, added, duration (ms), marked deleted.
type Part = (String, i64, Option<i64>, Option<i64>, bool);

/// One view and the parts of its item.
struct View {
    id: i64,
    at: Option<i64>,
    user: Option<String>,
    name: Option<NameQuery>,
    parts: Vec<Part>,
}

fn user_of(names: &HashMap<i64, String>, account: Option<i64>) -> Option<String> {
    account.map(|a| {
        names
            .get(&a)
            .cloned()
            .unwrap_or_else(|| format!("plex-account-{a}"))
    })
}

/// Read a Plex library database: views newer than the `plex` watermark (a view id) and
/// resume positions newer than the `plex-resume` one (`last_viewed_at`).
pub fn read_plex(db: &Path, rd: &Reading) -> Result<Vec<Batch>> {
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
    let mut views = Batch::new("plex", "plex", db);
    // Every part of the view's item; an item marked deleted (its file vanished from the
    // server) still names its file, and a view whose item is gone names its title.
    let mut st = conn.prepare(
        "SELECT v.id, v.viewed_at, v.account_id, v.metadata_type, v.title, v.grandparent_title,
                v.parent_index, v.\"index\", v.originally_available_at,
                p.file, p.id, mi.added_at, mi.duration,
                coalesce(mi.deleted_at, m.deleted_at, p.deleted_at) IS NOT NULL
         FROM metadata_item_views v
         LEFT JOIN metadata_items mi ON mi.guid = v.guid AND mi.library_section_id = v.library_section_id
         LEFT JOIN media_items m ON m.metadata_item_id = mi.id
         LEFT JOIN media_parts p ON p.media_item_id = m.id AND p.file IS NOT NULL AND p.file != ''
         WHERE v.id > ?1 ORDER BY v.id",
    )?;
    let mut rows = st.query([(rd.since)("plex", db)?])?;
    let mut pending: Option<View> = None;
    let flush = |b: &mut Batch, v: Option<View>| {
        let Some(View {
            id,
            at,
            user,
            name,
            parts,
        }) = v
        else {
            return;
        };
        b.watermark = b.watermark.max(id);
        let Some(at) = at else {
            b.skip("an unreadable time");
            return;
        };
        let live = parts.iter().any(|p| !p.4);
        let mut any = false;
        for (file, part, added, duration, deleted) in parts {
            if live && deleted {
                continue;
            }
            any = true;
            let mut meta = serde_json::Map::new();
            meta.insert("plex_view_id".into(), json!(id));
            if let Some(d) = duration.filter(|d| *d > 0) {
                meta.insert("duration_secs".into(), json!(d / 1000));
            }
            b.plays.push(Play {
                server_path: file,
                has_path: true,
                kind: AccessType::Viewed,
                at,
                user: user.clone(),
                meta,
                key: format!("plex:{id}:{part}"),
                added_at: added,
                name: None,
                hold: id - 1,
            });
        }
        if any {
            return;
        }
        match name {
            Some(q) => {
                let mut meta = serde_json::Map::new();
                meta.insert("plex_view_id".into(), json!(id));
                b.plays.push(Play {
                    server_path: format!(
                        "deleted item ({}{})",
                        q.title,
                        q.episode
                            .map(|(s, e)| format!(" S{s:02}E{e:02}"))
                            .or(q.year.map(|y| format!(", {y}")))
                            .unwrap_or_default()
                    ),
                    has_path: false,
                    kind: AccessType::Viewed,
                    at,
                    user,
                    meta,
                    key: format!("plex:{id}"),
                    added_at: None,
                    name: Some(q),
                    hold: id - 1,
                });
            }
            None => b.skip("no file and no title"),
        }
    };
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if pending.as_ref().is_none_or(|p| p.id != id) {
            flush(&mut views, pending.take());
            pending = Some(View {
                id,
                at: time_value(&r.get::<_, SqlValue>(1)?, &TimeZone::UTC),
                user: user_of(&names, r.get(2)?),
                name: name_of_view(r)?,
                parts: Vec::new(),
            });
        }
        if let (Some(file), Some(part)) =
            (r.get::<_, Option<String>>(9)?, r.get::<_, Option<i64>>(10)?)
        {
            let added = time_value(&r.get::<_, SqlValue>(11)?, &TimeZone::UTC);
            let parts = &mut pending.as_mut().expect("set above").parts;
            parts.push((file, part, added, r.get(12)?, r.get(13)?));
        }
    }
    flush(&mut views, pending.take());
    drop(rows);
    drop(st);
    // Added dates of every file (for the age of files nobody watched).
    let mut st = conn.prepare(
        "SELECT p.file, mi.added_at FROM media_parts p
         JOIN media_items m ON m.id = p.media_item_id
         JOIN metadata_items mi ON mi.id = m.metadata_item_id
         WHERE mi.deleted_at IS NULL AND p.deleted_at IS NULL AND p.file IS NOT NULL",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(at) = time_value(&r.get::<_, SqlValue>(1)?, &TimeZone::UTC) {
            views.added.push((r.get::<_, String>(0)?, at));
        }
    }
    let mut out = vec![views];
    if has_table(conn, "metadata_item_settings")? {
        out.push(read_resume(conn, db, &names, rd)?);
    }
    Ok(out)
}

/// Plex keeps a play that stopped before the end only as a resume position
/// (`metadata_item_settings.view_offset`, with `last_viewed_at`): each becomes a view of
/// its files with that position, so the file reads as in progress.
fn read_resume(
    conn: &rusqlite::Connection,
    db: &Path,
    names: &HashMap<i64, String>,
    rd: &Reading,
) -> Result<Batch> {
    let mut b = Batch::new("plex-resume", "plex", db);
    let from = (rd.since)("plex-resume", db)?;
    let mut st = conn.prepare(
        "SELECT s.account_id, s.guid, s.view_offset, s.last_viewed_at, p.file, p.id,
                coalesce(mi.duration, m.duration, p.duration),
                coalesce(mi.deleted_at, m.deleted_at, p.deleted_at) IS NOT NULL
         FROM metadata_item_settings s
         JOIN metadata_items mi ON mi.guid = s.guid
         JOIN media_items m ON m.metadata_item_id = mi.id
         JOIN media_parts p ON p.media_item_id = m.id AND p.file IS NOT NULL AND p.file != ''
         WHERE s.view_offset > 0 ORDER BY s.id, p.id",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let Some(at) = time_value(&r.get::<_, SqlValue>(3)?, &TimeZone::UTC) else {
            b.skip("a resume position without a time");
            continue;
        };
        if at <= from {
            continue;
        }
        b.watermark = b.watermark.max(at);
        let account: Option<i64> = r.get(0)?;
        let guid: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
        let offset_ms: i64 = r.get(2)?;
        let part: i64 = r.get(5)?;
        let mut meta = serde_json::Map::new();
        meta.insert("position_secs".into(), json!(offset_ms / 1000));
        if let Some(d) = r.get::<_, Option<i64>>(6)?.filter(|d| *d > 0) {
            meta.insert("duration_secs".into(), json!(d / 1000));
        }
        meta.insert("resume".into(), json!(true));
        b.plays.push(Play {
            server_path: r.get(4)?,
            has_path: true,
            kind: AccessType::Viewed,
            at,
            user: user_of(names, account),
            meta,
            key: format!("plex-resume:{}:{guid}:{at}:{part}", account.unwrap_or(0)),
            added_at: None,
            name: None,
            hold: at - 1,
        });
    }
    Ok(b)
}

/// One Tautulli play: the rows of one `reference_id`, paused and resumed.
struct Session {
    reference: i64,
    /// The first of its rows past the watermark.
    first_new: i64,
    rows: u64,
    started: Option<i64>,
    stopped: Option<i64>,
    /// From its last row: where it stopped, and what it played.
    rating_key: Option<i64>,
    user: Option<String>,
    offset_ms: Option<i64>,
    duration_ms: Option<i64>,
    title: Option<String>,
    name: Option<NameQuery>,
    year: Option<i64>,
}

fn session_name(r: &rusqlite::Row) -> rusqlite::Result<Option<NameQuery>> {
    let movie_title: Option<String> = r.get(9)?;
    let year: Option<i64> = r.get(10)?;
    let show: Option<String> = r.get(11)?;
    let season: Option<i64> = r.get(12)?;
    let episode: Option<i64> = r.get(13)?;
    let media_type: Option<String> = r.get(14)?;
    Ok(match media_type.as_deref() {
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
    })
}

/// Read sessions with rows newer than the watermark (a session id) from Tautulli, whole:
/// every row of their `reference_id`, also those read before. Rating keys are resolved
/// through the Plex database `plex_db` when given; sessions it cannot resolve carry their
/// title, year, season and episode for matching against the catalog's parsed names.
pub fn read_tautulli(db: &Path, plex_db: Option<&Path>, rd: &Reading) -> Result<Batch> {
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
            "SELECT p.file, p.id, coalesce(mi.deleted_at, m.deleted_at, p.deleted_at) IS NOT NULL
             FROM metadata_items mi
             JOIN media_items m ON m.metadata_item_id = mi.id
             JOIN media_parts p ON p.media_item_id = m.id
             WHERE mi.id = ?1 AND p.file IS NOT NULL AND p.file != ''
             ORDER BY p.id",
        )?),
        None => None,
    };
    // Rows without a reference (before Tautulli had the column) are plays of their own.
    let mut st = conn.prepare(
        "SELECT h.id, coalesce(nullif(h.reference_id, 0), h.id) AS ref, h.started, h.stopped,
                h.rating_key, h.user, h.view_offset, md.duration, md.full_title, md.title,
                md.year, md.grandparent_title, md.parent_media_index, md.media_index,
                coalesce(h.media_type, md.media_type)
         FROM session_history h LEFT JOIN session_history_metadata md ON md.id = h.id
         WHERE coalesce(nullif(h.reference_id, 0), h.id) IN
           (SELECT coalesce(nullif(reference_id, 0), id) FROM session_history WHERE id > ?1)
         ORDER BY ref, h.id",
    )?;
    let since = (rd.since)("tautulli", db)?;
    let mut b = Batch::new("tautulli", "tautulli", db);
    let mut sessions: Vec<Session> = Vec::new();
    let mut rows = st.query([since])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let reference: i64 = r.get(1)?;
        b.watermark = b.watermark.max(id);
        let started = time_value(&r.get::<_, SqlValue>(2)?, &TimeZone::UTC);
        let stopped = time_value(&r.get::<_, SqlValue>(3)?, &TimeZone::UTC);
        if sessions.last().is_none_or(|s| s.reference != reference) {
            sessions.push(Session {
                reference,
                first_new: i64::MAX,
                rows: 0,
                started: None,
                stopped: None,
                rating_key: None,
                user: None,
                offset_ms: None,
                duration_ms: None,
                title: None,
                name: None,
                year: None,
            });
        }
        let s = sessions.last_mut().expect("pushed above");
        if id > since {
            s.first_new = s.first_new.min(id);
        }
        s.rows += 1;
        s.started = [s.started, started].into_iter().flatten().min();
        s.stopped = [s.stopped, stopped].into_iter().flatten().max();
        s.rating_key = r.get::<_, Option<i64>>(4)?.or(s.rating_key);
        s.user = r.get::<_, Option<String>>(5)?.or(s.user.take());
        s.offset_ms = r.get(6)?;
        s.duration_ms = r.get::<_, Option<i64>>(7)?.or(s.duration_ms);
        s.title = r
            .get::<_, Option<String>>(8)?
            .or(r.get(9)?)
            .or(s.title.take());
        s.year = r.get::<_, Option<i64>>(10)?.or(s.year);
        s.name = session_name(r)?.or(s.name.take());
    }
    drop(rows);
    for s in sessions {
        let Some(at) = s.stopped.or(s.started) else {
            b.skip("an unreadable time");
            continue;
        };
        let mut meta = serde_json::Map::new();
        meta.insert("tautulli_id".into(), json!(s.reference));
        if s.rows > 1 {
            meta.insert("tautulli_rows".into(), json!(s.rows));
        }
        if let (Some(o), Some(d)) = (s.offset_ms, s.duration_ms.filter(|d| *d > 0)) {
            meta.insert("position_secs".into(), json!(o / 1000));
            meta.insert("duration_secs".into(), json!(d / 1000));
        }
        let mut files: Vec<(String, i64, bool)> = match (s.rating_key, files_of.as_mut()) {
            (Some(k), Some(stmt)) => stmt
                .query_map([k], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?,
            _ => Vec::new(),
        };
        // Parts Plex marked deleted count only when the item has no other.
        if files.iter().any(|f| !f.2) {
            files.retain(|f| !f.2);
        }
        let hold = s.first_new - 1;
        let reference = s.reference;
        if files.is_empty() {
            b.plays.push(Play {
                server_path: format!(
                    "rating_key {} ({}{})",
                    s.rating_key.map_or("?".to_string(), |k| k.to_string()),
                    s.title.clone().unwrap_or_default(),
                    s.year.map(|y| format!(", {y}")).unwrap_or_default()
                ),
                has_path: false,
                kind: AccessType::Viewed,
                at,
                user: s.user.clone(),
                meta: meta.clone(),
                key: format!("tautulli:{reference}"),
                added_at: None,
                name: s.name,
                hold,
            });
        }
        for (file, part, _) in files {
            b.plays.push(Play {
                server_path: file,
                has_path: true,
                kind: AccessType::Viewed,
                at,
                user: s.user.clone(),
                meta: meta.clone(),
                key: format!("tautulli:{reference}:{part}"),
                added_at: None,
                name: None,
                hold,
            });
        }
    }
    drop(files_of);
    Ok(b)
}
