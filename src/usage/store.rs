//! Reading and writing the usage tables: events go into `access_records` and, in the same
//! transaction, into the per-file aggregate `usage_files` (score, plays, first and last
//! access, progress of the latest view) and `usage_users`.
//!
//! Paths are keyed by their exact bytes (`usage_files.path` BLOB, like the `files`
//! table); each event names its file by `file_id`, which keeps rows and the path index
//! small. The original text column `file_path` holds the same path as UTF-8, with U+FFFD
//! where a name is not UTF-8, so tools that read the original table still see something
//! sensible.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::score::ScoreModel;
use super::time::iso_utc;
use super::AccessType;
use crate::paths;

/// A view that stopped before this fraction of the runtime counts as "in progress".
pub const FINISHED_AT: f64 = 0.9;

/// One event to record.
#[derive(Debug, Clone)]
pub struct Access {
    /// The local file (absolute).
    pub path: PathBuf,
    /// What happened.
    pub kind: AccessType,
    /// When (unix seconds, UTC).
    pub at: i64,
    /// Extra facts (JSON object): `user`, `progress` (0–1), `position_secs`, ...
    pub meta: Option<Value>,
    /// Who recorded it: `record`, `resync`, `plex`, `kodi`, ...
    pub source: String,
    /// The user, when known.
    pub user: Option<String>,
    /// Imports set a key that identifies the play at its source; a second import of the
    /// same play is ignored.
    pub dedup_key: Option<String>,
    /// When a media server added the file to its library, if it said.
    pub added_at: Option<i64>,
}

impl Access {
    /// An event from `source = "record"` with no user or key.
    pub fn new(path: PathBuf, kind: AccessType, at: i64, meta: Option<Value>) -> Access {
        let user = meta
            .as_ref()
            .and_then(|m| m.get("user"))
            .and_then(|u| u.as_str())
            .map(str::to_string);
        Access {
            path,
            kind,
            at,
            meta,
            source: "record".to_string(),
            user,
            dedup_key: None,
            added_at: None,
        }
    }

    /// The fraction of the runtime the play reached, from `progress` or
    /// `position_secs`/`duration_secs` in the metadata.
    pub fn progress(&self) -> Option<f64> {
        progress_of(self.meta.as_ref()?)
    }
}

/// The fraction reached, from a metadata object.
pub fn progress_of(m: &Value) -> Option<f64> {
    if let Some(p) = m.get("progress").and_then(Value::as_f64) {
        return Some(p.clamp(0.0, 1.0));
    }
    let pos = m.get("position_secs").and_then(Value::as_f64)?;
    let dur = m.get("duration_secs").and_then(Value::as_f64)?;
    (dur > 0.0).then(|| (pos / dur).clamp(0.0, 1.0))
}

/// The aggregate of one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregate {
    pub score: f64,
    pub score_at: i64,
    pub plays: u64,
    pub events: u64,
    pub first_at: Option<i64>,
    pub last_at: Option<i64>,
    pub last_viewed: Option<i64>,
    /// The fraction reached by the latest view, when known.
    pub progress: Option<f64>,
    pub added_at: Option<i64>,
    pub users: u64,
}

impl Aggregate {
    /// True when the latest view stopped before the end.
    pub fn in_progress(&self) -> bool {
        self.progress.is_some_and(|p| p < FINISHED_AT)
    }

    fn fold(&mut self, m: &ScoreModel, a: &Access) {
        let (s, t) = m.add((self.score, self.score_at), a.kind.weight(), a.at);
        self.score = s;
        self.score_at = t;
        self.events += 1;
        self.first_at = Some(self.first_at.map_or(a.at, |f| f.min(a.at)));
        self.last_at = Some(self.last_at.map_or(a.at, |l| l.max(a.at)));
        if a.kind == AccessType::Viewed {
            self.plays += 1;
            if self.last_viewed.is_none_or(|l| a.at >= l) {
                self.last_viewed = Some(a.at);
                self.progress = a.progress();
            }
        }
        if let Some(added) = a.added_at {
            self.added_at = Some(self.added_at.map_or(added, |x| x.min(added)));
        }
    }

    /// Combine with another file's aggregate (a history following a moved file).
    fn absorb(&mut self, m: &ScoreModel, o: &Aggregate) {
        let (s, t) = m.merge((self.score, self.score_at), (o.score, o.score_at));
        self.score = s;
        self.score_at = t;
        self.plays += o.plays;
        self.events += o.events;
        self.first_at = min_opt(self.first_at, o.first_at);
        self.last_at = max_opt(self.last_at, o.last_at);
        if o.last_viewed.is_some() && o.last_viewed >= self.last_viewed {
            self.last_viewed = o.last_viewed;
            self.progress = o.progress;
        }
        self.added_at = min_opt(self.added_at, o.added_at);
    }
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    a.max(b)
}

/// The half-life the stored aggregates were computed with.
pub fn stored_model(conn: &Connection) -> Result<ScoreModel> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM usage_meta WHERE key = 'half_life_secs'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let secs = v
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(super::score::DEFAULT_HALF_LIFE_SECS as f64);
    Ok(ScoreModel {
        half_life_secs: secs,
    })
}

/// Give SQLite a page cache large enough for the usage indexes of a big log (only used
/// as pages are touched): random-order index inserts otherwise miss the default 2 MiB.
pub fn big_cache(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA cache_size = -262144")?;
    Ok(())
}

/// Insert events and fold them into the aggregates (the caller owns the transaction).
/// Returns how many events were new.
pub fn insert(conn: &Connection, items: &[Access]) -> Result<u64> {
    let model = stored_model(conn)?;
    let mut per_path: HashMap<&[u8], (Aggregate, Vec<&str>)> = HashMap::new();
    let mut ids: HashMap<&[u8], i64> = HashMap::new();
    let mut added = 0u64;
    {
        let mut stmt = conn.prepare_cached(
            "INSERT OR IGNORE INTO access_records
               (file_path, access_type, timestamp, metadata, file_id, at, source, user, dedup_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        // Inserting in path order keeps the (path, at) index writes on neighbouring pages.
        let mut order: Vec<&Access> = items.iter().collect();
        order.sort_by(|x, y| {
            paths::to_bytes(&x.path)
                .cmp(paths::to_bytes(&y.path))
                .then(x.at.cmp(&y.at))
        });
        for a in order {
            let key = paths::to_bytes(&a.path);
            let id = match ids.get(key) {
                Some(id) => *id,
                None => {
                    let id = file_id(conn, key)?;
                    ids.insert(key, id);
                    id
                }
            };
            let meta = a.meta.as_ref().map(|m| m.to_string());
            let n = stmt.execute(params![
                a.path.to_string_lossy(),
                a.kind.as_str(),
                iso_utc(a.at),
                meta,
                id,
                a.at,
                a.source,
                a.user,
                a.dedup_key
            ])?;
            if n == 0 {
                continue;
            }
            added += 1;
            let e = per_path.entry(key).or_default();
            e.0.fold(&model, a);
            if let Some(u) = &a.user {
                e.1.push(u);
            }
        }
    }
    let mut users =
        conn.prepare_cached("INSERT OR IGNORE INTO usage_users (path, user) VALUES (?1, ?2)")?;
    for (key, (delta, names)) in &per_path {
        let mut agg = read_aggregate(conn, key)?.unwrap_or_default();
        agg.absorb(&model, delta);
        write_aggregate(conn, key, &agg)?;
        for u in names {
            users.execute(params![key, u])?;
        }
    }
    Ok(added)
}

/// A play already recorded under `key` that its source now reports as longer (a Tautulli
/// session resumed after an import read its first part): move the event to the later `at`
/// and `meta`, and the file's latest view and progress with it. The score keeps the time
/// of the first part (hours apart, against a half-life of months). Returns true when the
/// event moved.
pub fn extend(conn: &Connection, key: &str, at: i64, meta: &Value) -> Result<bool> {
    let old: Option<(i64, i64)> = conn
        .prepare_cached("SELECT at, file_id FROM access_records WHERE dedup_key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((_, file)) = old.filter(|(old_at, _)| *old_at < at) else {
        return Ok(false);
    };
    conn.prepare_cached(
        "UPDATE access_records SET at = ?2, timestamp = ?3, metadata = ?4 WHERE dedup_key = ?1",
    )?
    .execute(params![key, at, iso_utc(at), meta.to_string()])?;
    conn.prepare_cached(
        "UPDATE usage_files SET last_at = max(coalesce(last_at, ?2), ?2),
           progress = CASE WHEN last_viewed IS NULL OR last_viewed <= ?2 THEN ?3 ELSE progress END,
           last_viewed = CASE WHEN last_viewed IS NULL OR last_viewed <= ?2 THEN ?2 ELSE last_viewed END
         WHERE id = ?1",
    )?
    .execute(params![file, at, progress_of(meta)])?;
    Ok(true)
}

/// A play of `path` from `source` by `user` at `at` that continues the latest view of it
/// when that view is a resume position the server kept (`"resume": true` in its metadata:
/// Plex's `view_offset`, Jellyfin's `PlaybackPositionTicks`, Kodi's resume bookmark) and
/// came no later: the server shows one play, so the resume event takes the new play's key,
/// time and metadata (see [`extend`]) instead of a second event being written. Returns
/// true when it did.
pub fn continue_resumed(
    conn: &Connection,
    path: &Path,
    source: &str,
    user: Option<&str>,
    key: &str,
    at: i64,
    meta: &Value,
) -> Result<bool> {
    /// The latest view: id, time, and whether it is a resume position of this source.
    type Latest = (i64, i64, bool);
    let latest: Option<Latest> = conn
        .prepare_cached(
            "SELECT r.id, r.at, r.metadata, r.dedup_key, r.source FROM access_records r
               JOIN usage_files f ON f.id = r.file_id
             WHERE f.path = ?1 AND r.access_type = 'viewed' AND r.user IS ?2
             ORDER BY r.at DESC, r.id DESC LIMIT 1",
        )?
        .query_row(params![paths::to_bytes(path), user], |r| {
            let meta: Option<String> = r.get(2)?;
            let old_key: Option<String> = r.get(3)?;
            let old_source: Option<String> = r.get(4)?;
            let resumed = meta
                .and_then(|m| serde_json::from_str::<Value>(&m).ok())
                .and_then(|m| m.get("resume").and_then(Value::as_bool))
                == Some(true);
            let same = old_source.as_deref() == Some(source) && old_key.as_deref() != Some(key);
            Ok((r.get(0)?, r.get(1)?, resumed && same))
        })
        .optional()?;
    let Some((id, old_at, true)) = latest else {
        return Ok(false);
    };
    if old_at > at {
        return Ok(false);
    }
    conn.prepare_cached("UPDATE access_records SET dedup_key = ?2 WHERE id = ?1")?
        .execute(params![id, key])?;
    if old_at == at {
        conn.prepare_cached("UPDATE access_records SET metadata = ?2 WHERE id = ?1")?
            .execute(params![id, meta.to_string()])?;
        return Ok(true);
    }
    extend(conn, key, at, meta)?;
    Ok(true)
}

/// Note that a media server added `path` at `at` (for file ages), without an event.
pub fn note_added(conn: &Connection, path: &Path, at: i64) -> Result<()> {
    let key = paths::to_bytes(path);
    let mut agg = read_aggregate(conn, key)?.unwrap_or_default();
    if agg.added_at.is_some_and(|a| a <= at) {
        return Ok(());
    }
    agg.added_at = Some(at);
    write_aggregate(conn, key, &agg)
}

/// The id of `key`'s aggregate row, creating an empty one on first use.
fn file_id(conn: &Connection, key: &[u8]) -> Result<i64> {
    let id: Option<i64> = conn
        .prepare_cached("SELECT id FROM usage_files WHERE path = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    if let Some(id) = id {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO usage_files (path) VALUES (?1)")?
        .execute([key])?;
    Ok(conn.last_insert_rowid())
}

fn read_aggregate(conn: &Connection, key: &[u8]) -> Result<Option<Aggregate>> {
    Ok(conn
        .prepare_cached(
            "SELECT score, score_at, plays, events, first_at, last_at, last_viewed, progress, added_at
             FROM usage_files WHERE path = ?1",
        )?
        .query_row([key], row_to_aggregate)
        .optional()?)
}

fn row_to_aggregate(r: &rusqlite::Row) -> rusqlite::Result<Aggregate> {
    aggregate_from(r, 0)
}

/// An aggregate from the nine columns `score .. added_at` starting at column `at`.
fn aggregate_from(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Aggregate> {
    Ok(Aggregate {
        score: r.get(at)?,
        score_at: r.get(at + 1)?,
        plays: r.get::<_, i64>(at + 2)? as u64,
        events: r.get::<_, i64>(at + 3)? as u64,
        first_at: r.get(at + 4)?,
        last_at: r.get(at + 5)?,
        last_viewed: r.get(at + 6)?,
        progress: r.get(at + 7)?,
        added_at: r.get(at + 8)?,
        users: 0,
    })
}

fn write_aggregate(conn: &Connection, key: &[u8], a: &Aggregate) -> Result<()> {
    // An upsert, not a replace: the row's id is what the events point at.
    conn.prepare_cached(
        "INSERT INTO usage_files
           (path, score, score_at, plays, events, first_at, last_at, last_viewed, progress, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT(path) DO UPDATE SET score = excluded.score, score_at = excluded.score_at,
           plays = excluded.plays, events = excluded.events, first_at = excluded.first_at,
           last_at = excluded.last_at, last_viewed = excluded.last_viewed,
           progress = excluded.progress, added_at = excluded.added_at",
    )?
    .execute(params![
        key,
        a.score,
        a.score_at,
        a.plays as i64,
        a.events as i64,
        a.first_at,
        a.last_at,
        a.last_viewed,
        a.progress,
        a.added_at
    ])?;
    Ok(())
}

/// Move `from`'s history to `to` (called by `Catalog::rename_path` in its transaction).
/// When `to` already has a history, the two are merged.
pub fn follow_rename(conn: &Connection, from: &Path, to: &Path) -> Result<()> {
    let (f, t) = (paths::to_bytes(from), paths::to_bytes(to));
    conn.execute(
        "INSERT OR IGNORE INTO usage_users (path, user) SELECT ?2, user FROM usage_users WHERE path = ?1",
        params![f, t],
    )?;
    conn.execute("DELETE FROM usage_users WHERE path = ?1", [f])?;
    let Some(moved) = read_aggregate(conn, f)? else {
        return Ok(());
    };
    let from_id = file_id(conn, f)?;
    match read_aggregate(conn, t)? {
        Some(mut there) => {
            there.absorb(&stored_model(conn)?, &moved);
            write_aggregate(conn, t, &there)?;
            let to_id = file_id(conn, t)?;
            conn.execute(
                "UPDATE access_records SET file_id = ?2, file_path = ?3 WHERE file_id = ?1",
                params![from_id, to_id, to.to_string_lossy()],
            )?;
            conn.execute("DELETE FROM usage_files WHERE id = ?1", [from_id])?;
        }
        None => {
            conn.execute(
                "UPDATE usage_files SET path = ?2 WHERE id = ?1",
                params![from_id, t],
            )?;
            conn.execute(
                "UPDATE access_records SET file_path = ?2 WHERE file_id = ?1",
                params![from_id, to.to_string_lossy()],
            )?;
        }
    }
    Ok(())
}

/// Aggregates keyed by the exact path bytes (hashing bytes is much cheaper than hashing a
/// `Path` component by component, which matters for 20,000 files).
pub type ByPath = HashMap<Vec<u8>, Aggregate>;

/// Every aggregate at or below one of `roots` (all when `roots` is empty), with its
/// distinct-user count.
pub fn aggregates(conn: &Connection, roots: &[PathBuf]) -> Result<ByPath> {
    let mut out = HashMap::new();
    let mut users: HashMap<Vec<u8>, u64> = HashMap::new();
    {
        let mut st = conn.prepare("SELECT path, count(*) FROM usage_users GROUP BY path")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (p, n) = row?;
            users.insert(p, n as u64);
        }
    }
    let cols = "SELECT path, score, score_at, plays, events, first_at, last_at, last_viewed, progress, added_at FROM usage_files";
    let mut push = |r: &rusqlite::Row| -> rusqlite::Result<()> {
        let p: Vec<u8> = r.get(0)?;
        let mut a = aggregate_from(r, 1)?;
        a.users = users.get(&p).copied().unwrap_or(0);
        out.insert(p, a);
        Ok(())
    };
    if roots.is_empty() {
        let mut st = conn.prepare(cols)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            push(r)?;
        }
    } else {
        let mut st = conn.prepare(&format!(
            "{cols} WHERE (path >= ?1 AND path < ?2) OR path = ?3"
        ))?;
        for root in roots {
            let (lo, hi) = paths::prefix_range(root);
            let mut rows = st.query(params![lo, hi, paths::to_bytes(root)])?;
            while let Some(r) = rows.next()? {
                push(r)?;
            }
        }
    }
    Ok(out)
}

/// Aggregates recomputed from the raw events (for `--since` or a half-life other than
/// the stored one). Events pruned earlier are not counted; progress and added dates come
/// from the stored aggregate.
pub fn aggregates_from_events(
    conn: &Connection,
    model: &ScoreModel,
    since: Option<i64>,
    roots: &[PathBuf],
) -> Result<ByPath> {
    let stored = aggregates(conn, roots)?;
    let mut acc: HashMap<Vec<u8>, (Aggregate, std::collections::HashSet<String>)> = HashMap::new();
    let mut st = conn.prepare(
        "SELECT f.path, r.access_type, r.at, r.user FROM access_records r
         JOIN usage_files f ON f.id = r.file_id WHERE r.at >= ?1 ORDER BY r.at",
    )?;
    let mut rows = st.query([since.unwrap_or(i64::MIN)])?;
    let within = |p: &[u8]| {
        roots.is_empty()
            || roots.iter().any(|r| {
                let (lo, hi) = paths::prefix_range(r);
                (p >= lo.as_slice() && p < hi.as_slice()) || p == paths::to_bytes(r)
            })
    };
    while let Some(r) = rows.next()? {
        let p: Vec<u8> = r.get(0)?;
        if !within(&p) {
            continue;
        }
        let kind: String = r.get(1)?;
        let Some(kind) = AccessType::parse(&kind) else {
            continue;
        };
        let at: i64 = r.get(2)?;
        let user: Option<String> = r.get(3)?;
        let e = acc.entry(p).or_default();
        let a = &mut e.0;
        let (s, t) = model.add((a.score, a.score_at), kind.weight(), at);
        a.score = s;
        a.score_at = t;
        a.events += 1;
        a.first_at = min_opt(a.first_at, Some(at));
        a.last_at = max_opt(a.last_at, Some(at));
        if kind == AccessType::Viewed {
            a.plays += 1;
            a.last_viewed = max_opt(a.last_viewed, Some(at));
        }
        if let Some(u) = user {
            e.1.insert(u);
        }
    }
    let mut out = HashMap::new();
    for (p, (mut a, users)) in acc {
        if let Some(s) = stored.get(&p) {
            a.progress = if s.last_viewed == a.last_viewed {
                s.progress
            } else {
                None
            };
            a.added_at = s.added_at;
        }
        a.users = users.len() as u64;
        out.insert(p, a);
    }
    // Files known only by their added date still need it for their age.
    for (p, s) in stored {
        out.entry(p).or_insert_with(|| Aggregate {
            added_at: s.added_at,
            ..Aggregate::default()
        });
    }
    Ok(out)
}

/// One raw event, for `usage show`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Event {
    pub id: i64,
    pub access_type: String,
    pub at: i64,
    pub timestamp: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
}

/// The newest `limit` events of `path`, newest first.
pub fn history(conn: &Connection, path: &Path, limit: usize) -> Result<Vec<Event>> {
    let mut st = conn.prepare(
        "SELECT id, access_type, at, timestamp, source, user, metadata FROM access_records
         WHERE file_id = (SELECT id FROM usage_files WHERE path = ?1)
         ORDER BY at DESC, id DESC LIMIT ?2",
    )?;
    let rows = st.query_map(params![paths::to_bytes(path), limit as i64], |r| {
        let meta: Option<String> = r.get(6)?;
        Ok(Event {
            id: r.get(0)?,
            access_type: r.get(1)?,
            at: r.get(2)?,
            timestamp: r.get(3)?,
            source: r.get(4)?,
            user: r.get(5)?,
            metadata: meta.and_then(|m| serde_json::from_str(&m).ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The exact path bytes of every file with at least one play.
pub fn watched_paths(conn: &Connection) -> Result<std::collections::HashSet<Vec<u8>>> {
    let mut st = conn.prepare("SELECT path FROM usage_files WHERE plays > 0")?;
    let rows = st.query_map([], |r| r.get::<_, Vec<u8>>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The aggregate of one path (with its user count), if it has any history.
pub fn aggregate_of(conn: &Connection, path: &Path) -> Result<Option<Aggregate>> {
    let key = paths::to_bytes(path);
    let Some(mut a) = read_aggregate(conn, key)? else {
        return Ok(None);
    };
    a.users = conn.query_row(
        "SELECT count(*) FROM usage_users WHERE path = ?1",
        [key],
        |r| r.get::<_, i64>(0),
    )? as u64;
    Ok(Some(a))
}

/// Delete raw events older than `before`; the aggregates keep their contribution.
/// Returns how many events were (or, with `dry_run`, would be) deleted.
pub fn prune(conn: &Connection, before: i64, dry_run: bool) -> Result<u64> {
    if dry_run {
        return Ok(conn.query_row(
            "SELECT count(*) FROM access_records WHERE at < ?1",
            [before],
            |r| r.get::<_, i64>(0),
        )? as u64);
    }
    let n = conn.execute("DELETE FROM access_records WHERE at < ?1", [before])? as u64;
    if n > 0 {
        conn.execute(
            "INSERT INTO usage_meta (key, value) VALUES ('pruned_before', ?1)
             ON CONFLICT(key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            [before.to_string()],
        )?;
    }
    Ok(n)
}

/// The time before which raw events were pruned, if ever.
pub fn pruned_before(conn: &Connection) -> Result<Option<i64>> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM usage_meta WHERE key = 'pruned_before'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(v.and_then(|v| v.parse().ok()))
}

/// Forget every event, aggregate and import watermark. Returns the events deleted.
pub fn reset(conn: &Connection) -> Result<u64> {
    let n = conn.execute("DELETE FROM access_records", [])? as u64;
    conn.execute_batch(
        "DELETE FROM usage_files; DELETE FROM usage_users; DELETE FROM usage_imports;
         DELETE FROM usage_meta WHERE key = 'pruned_before';",
    )?;
    Ok(n)
}

/// How many raw events the log holds.
pub fn event_count(conn: &Connection) -> Result<u64> {
    Ok(
        conn.query_row("SELECT count(*) FROM access_records", [], |r| {
            r.get::<_, i64>(0)
        })? as u64,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn ev(p: &str, kind: AccessType, at: i64) -> Access {
        Access::new(PathBuf::from(p), kind, at, None)
    }

    #[test]
    fn aggregate_matches_events_and_survives_pruning() {
        let cat = Catalog::open_in_memory().unwrap();
        let day = 86_400;
        let items = vec![
            ev("/m/a.mkv", AccessType::Viewed, 100 * day),
            ev("/m/a.mkv", AccessType::Synced, 10 * day),
            ev("/m/a.mkv", AccessType::Viewed, 50 * day),
            ev("/m/b.mkv", AccessType::Accessed, 60 * day),
        ];
        assert_eq!(super::super::record_batch(&cat, &items).unwrap(), 4);
        let model = stored_model(cat.conn()).unwrap();
        let now = 200 * day;
        let stored = aggregates(cat.conn(), &[]).unwrap();
        let raw = aggregates_from_events(cat.conn(), &model, None, &[]).unwrap();
        let a = &stored[&b"/m/a.mkv"[..]];
        assert_eq!((a.plays, a.events), (2, 3));
        assert_eq!(a.first_at, Some(10 * day));
        assert_eq!(a.last_viewed, Some(100 * day));
        let r = &raw[&b"/m/a.mkv"[..]];
        let v1 = model.value_at((a.score, a.score_at), now);
        let v2 = model.value_at((r.score, r.score_at), now);
        assert!((v1 - v2).abs() < 1e-9, "{v1} {v2}");

        assert_eq!(prune(cat.conn(), 55 * day, false).unwrap(), 2);
        let after = aggregates(cat.conn(), &[]).unwrap();
        assert_eq!(after[&b"/m/a.mkv"[..]], *a);
        assert_eq!(pruned_before(cat.conn()).unwrap(), Some(55 * day));
    }

    #[test]
    fn dedup_keys_make_imports_idempotent() {
        let cat = Catalog::open_in_memory().unwrap();
        let mut a = ev("/m/a.mkv", AccessType::Viewed, 1000);
        a.dedup_key = Some("plex:1:1".into());
        a.user = Some("ann".into());
        assert_eq!(super::super::record_batch(&cat, &[a.clone()]).unwrap(), 1);
        assert_eq!(super::super::record_batch(&cat, &[a]).unwrap(), 0);
        let agg = aggregate_of(cat.conn(), Path::new("/m/a.mkv"))
            .unwrap()
            .unwrap();
        assert_eq!((agg.plays, agg.users), (1, 1));
    }

    #[test]
    fn history_follows_a_rename_and_merges() {
        let mut cat = Catalog::open_in_memory().unwrap();
        super::super::record_batch(
            &cat,
            &[
                ev("/m/old.mkv", AccessType::Viewed, 1000),
                ev("/m/new.mkv", AccessType::Viewed, 2000),
            ],
        )
        .unwrap();
        cat.rename_path(Path::new("/m/old.mkv"), Path::new("/m/new.mkv"))
            .unwrap();
        assert!(aggregate_of(cat.conn(), Path::new("/m/old.mkv"))
            .unwrap()
            .is_none());
        let a = aggregate_of(cat.conn(), Path::new("/m/new.mkv"))
            .unwrap()
            .unwrap();
        assert_eq!(
            (a.plays, a.first_at, a.last_at),
            (2, Some(1000), Some(2000))
        );
        assert_eq!(
            history(cat.conn(), Path::new("/m/new.mkv"), 10)
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn progress_of_latest_view() {
        let cat = Catalog::open_in_memory().unwrap();
        let mut a = ev("/m/a.mkv", AccessType::Viewed, 1000);
        a.meta = Some(serde_json::json!({"position_secs": 600, "duration_secs": 6000}));
        super::super::record_batch(&cat, &[a]).unwrap();
        let agg = aggregate_of(cat.conn(), Path::new("/m/a.mkv"))
            .unwrap()
            .unwrap();
        assert!(agg.in_progress());
        super::super::record_batch(&cat, &[ev("/m/a.mkv", AccessType::Viewed, 2000)]).unwrap();
        let agg = aggregate_of(cat.conn(), Path::new("/m/a.mkv"))
            .unwrap()
            .unwrap();
        assert!(!agg.in_progress());
    }
}
