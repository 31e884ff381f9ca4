//! The engine's tables: `synced` (what each local file was copied from, with the source's
//! size, mtime and hash and the local hash at verification), `resync_queue` (requests) and
//! `resync_results` (what each run did with each request).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::Reason;
use crate::catalog::{now_secs, Catalog, Stat};
use crate::hash::Blake3;
use crate::paths;

/// What the catalog remembers about one synced local file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    pub path: PathBuf,
    pub source: PathBuf,
    pub source_size: u64,
    pub source_mtime_ns: i64,
    pub source_blake3: Option<Blake3>,
    pub local_size: u64,
    pub local_mtime_ns: i64,
    pub local_blake3: Option<Blake3>,
    pub synced_at: i64,
    pub verified_at: Option<i64>,
}

fn digest(v: Option<Vec<u8>>) -> Option<Blake3> {
    v.and_then(|d| <[u8; 32]>::try_from(d.as_slice()).ok())
}

const SYNCED_COLS: &str = "path, source, source_size, source_mtime_ns, source_blake3, local_size, \
     local_mtime_ns, local_blake3, synced_at, verified_at";

fn row_to_synced(r: &rusqlite::Row) -> rusqlite::Result<Synced> {
    Ok(Synced {
        path: paths::from_bytes(&r.get::<_, Vec<u8>>(0)?),
        source: paths::from_bytes(&r.get::<_, Vec<u8>>(1)?),
        source_size: r.get::<_, i64>(2)? as u64,
        source_mtime_ns: r.get(3)?,
        source_blake3: digest(r.get(4)?),
        local_size: r.get::<_, i64>(5)? as u64,
        local_mtime_ns: r.get(6)?,
        local_blake3: digest(r.get(7)?),
        synced_at: r.get(8)?,
        verified_at: r.get(9)?,
    })
}

/// Write (insert or replace) a synced row.
pub fn put_synced(conn: &rusqlite::Connection, s: &Synced) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO synced ({SYNCED_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    ))?
    .execute(params![
        paths::to_bytes(&s.path),
        paths::to_bytes(&s.source),
        s.source_size as i64,
        s.source_mtime_ns,
        s.source_blake3.as_ref().map(|d| &d[..]),
        s.local_size as i64,
        s.local_mtime_ns,
        s.local_blake3.as_ref().map(|d| &d[..]),
        s.synced_at,
        s.verified_at
    ])?;
    Ok(())
}

/// The synced row of local file `path`.
pub fn synced(cat: &Catalog, path: &Path) -> Result<Option<Synced>> {
    Ok(cat
        .conn()
        .prepare_cached(&format!("SELECT {SYNCED_COLS} FROM synced WHERE path = ?1"))?
        .query_row([paths::to_bytes(path)], row_to_synced)
        .optional()?)
}

/// Every synced row at or below local folder `dir`, keyed by path bytes.
pub fn synced_under(cat: &Catalog, dir: &Path) -> Result<HashMap<Vec<u8>, Synced>> {
    let (lo, hi) = paths::prefix_range(dir);
    let mut stmt = cat.conn().prepare_cached(&format!(
        "SELECT {SYNCED_COLS} FROM synced WHERE (path >= ?1 AND path < ?2) OR path = ?3"
    ))?;
    let rows = stmt
        .query_map(params![lo, hi, paths::to_bytes(dir)], row_to_synced)?
        .map(|r| r.map(|s| (paths::to_bytes(&s.path).to_vec(), s)))
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(rows)
}

/// Record a fresh local hash for a synced file whose local stat is `stat`.
pub fn set_local_verified(cat: &Catalog, path: &Path, stat: &Stat, b3: &Blake3) -> Result<()> {
    cat.conn().execute(
        "UPDATE synced SET local_blake3 = ?2, local_size = ?3, local_mtime_ns = ?4, verified_at = ?5
         WHERE path = ?1",
        params![
            paths::to_bytes(path),
            &b3[..],
            stat.size as i64,
            stat.mtime_ns,
            now_secs()
        ],
    )?;
    Ok(())
}

/// Hold local file `path` against the source version of `size` bytes and mtime `mtime_ns`:
/// `check` does not queue it while its source keeps them (`resync restore` sets this).
pub fn put_hold(conn: &rusqlite::Connection, path: &Path, size: u64, mtime_ns: i64) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO resync_holds (path, source_size, source_mtime_ns, held_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![paths::to_bytes(path), size as i64, mtime_ns, now_secs()],
    )?;
    Ok(())
}

/// The holds at or below local folder `dir`: path bytes → (source size, source mtime).
pub fn holds_under(cat: &Catalog, dir: &Path) -> Result<HashMap<Vec<u8>, (u64, i64)>> {
    let (lo, hi) = paths::prefix_range(dir);
    let mut stmt = cat.conn().prepare_cached(
        "SELECT path, source_size, source_mtime_ns FROM resync_holds
         WHERE (path >= ?1 AND path < ?2) OR path = ?3",
    )?;
    let rows = stmt
        .query_map(params![lo, hi, paths::to_bytes(dir)], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                (r.get::<_, i64>(1)? as u64, r.get::<_, i64>(2)?),
            ))
        })?
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(rows)
}

/// Drop the hold on `path` (its source changed, or someone asked for a copy).
pub fn drop_hold(conn: &rusqlite::Connection, path: &Path) -> Result<()> {
    conn.prepare_cached("DELETE FROM resync_holds WHERE path = ?1")?
        .execute([paths::to_bytes(path)])?;
    Ok(())
}

/// One queued request.
#[derive(Debug, Clone, Serialize)]
pub struct Request {
    pub id: i64,
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub source: Option<PathBuf>,
    pub reason: String,
    pub priority: u8,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub state: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The usage engine's score (0–100) of the file, when it has a history (orders ties).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_score: Option<f64>,
    /// The library's local root, when known.
    #[serde(skip)]
    pub root: Option<PathBuf>,
    /// The source's size and mtime when the request was queued or last looked at.
    #[serde(skip)]
    pub seen: Option<(u64, i64)>,
}

const REQ_COLS: &str = "id, path, source, reason, priority, attempts, last_error, state, \
     created_at, updated_at, root, source_size, source_mtime_ns";

fn row_to_request(r: &rusqlite::Row) -> rusqlite::Result<Request> {
    Ok(Request {
        id: r.get(0)?,
        path: paths::from_bytes(&r.get::<_, Vec<u8>>(1)?),
        source: r
            .get::<_, Option<Vec<u8>>>(2)?
            .map(|b| paths::from_bytes(&b)),
        reason: r.get(3)?,
        priority: r.get::<_, i64>(4)?.clamp(1, 5) as u8,
        attempts: r.get::<_, i64>(5)? as u32,
        last_error: r.get(6)?,
        state: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
        usage_score: None,
        root: r
            .get::<_, Option<Vec<u8>>>(10)?
            .map(|b| paths::from_bytes(&b)),
        seen: match (r.get::<_, Option<i64>>(11)?, r.get::<_, Option<i64>>(12)?) {
            (Some(size), Some(mtime)) => Some((size as u64, mtime)),
            _ => None,
        },
    })
}

/// States of a request that a run still has to process.
pub const OPEN_STATES: &str = "('pending', 'running', 'failed')";

/// Every state: the open ones, `done`, `cancelled`, and `source_broken` (the run kept the
/// local file: its source fails the container check the local file passes).
pub const ALL_STATES: &str =
    "('pending', 'running', 'failed', 'done', 'cancelled', 'source_broken')";

/// A request to queue (see [`enqueue`]).
#[derive(Debug, Clone, Copy)]
pub struct NewRequest<'a> {
    pub path: &'a Path,
    pub source: Option<&'a Path>,
    pub reason: Reason,
    pub priority: u8,
    /// The library's local root, when known: replaced files are kept below it.
    pub root: Option<&'a Path>,
    /// The source's stat as seen now: a run finds a source that moved since still changing.
    pub seen: Option<Stat>,
}

/// Queue a request, or update the open one for its path: the reason becomes the new one,
/// the priority the higher of the two, and the source, root and source stat the new ones
/// where given. Returns the request id.
pub fn enqueue(conn: &rusqlite::Connection, r: &NewRequest) -> Result<i64> {
    let now = now_secs();
    let path = paths::to_bytes(r.path);
    let source = r.source.map(paths::to_bytes);
    let root = r.root.map(paths::to_bytes);
    let (size, mtime) = (r.seen.map(|s| s.size as i64), r.seen.map(|s| s.mtime_ns));
    let open: Option<(i64, i64)> = conn
        .prepare_cached(&format!(
            "SELECT id, priority FROM resync_queue WHERE path = ?1 AND state IN {OPEN_STATES}
             ORDER BY id LIMIT 1"
        ))?
        .query_row([&path], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, prio)) = open {
        conn.prepare_cached(
            "UPDATE resync_queue SET reason = ?2, priority = ?3, source = COALESCE(?4, source),
               state = CASE state WHEN 'failed' THEN 'pending' ELSE state END, updated_at = ?5,
               root = COALESCE(?6, root),
               source_size = CASE WHEN ?7 IS NULL THEN source_size ELSE ?7 END,
               source_mtime_ns = CASE WHEN ?7 IS NULL THEN source_mtime_ns ELSE ?8 END
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            r.reason.as_str(),
            prio.min(i64::from(r.priority)),
            source,
            now,
            root,
            size,
            mtime
        ])?;
        return Ok(id);
    }
    conn.prepare_cached(
        "INSERT INTO resync_queue (path, source, reason, priority, state, created_at, updated_at,
           root, source_size, source_mtime_ns)
         VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        path,
        source,
        r.reason.as_str(),
        i64::from(r.priority),
        now,
        root,
        size,
        mtime
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Remember the source's stat a run saw for request `id` (it moved since it was queued):
/// the next run copies it if it then holds still.
pub fn set_seen(cat: &Catalog, id: i64, seen: &Stat) -> Result<()> {
    cat.conn()
        .prepare_cached(
            "UPDATE resync_queue SET source_size = ?2, source_mtime_ns = ?3 WHERE id = ?1",
        )?
        .execute(params![id, seen.size as i64, seen.mtime_ns])?;
    Ok(())
}

/// Cancel open request `id`, saying why (a `check` found it no longer needed).
pub fn cancel_with(conn: &rusqlite::Connection, id: i64, why: &str) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE resync_queue SET state = 'cancelled', last_error = ?2, updated_at = ?3
             WHERE id = ?1 AND state IN ('pending', 'failed')",
        )?
        .execute(params![id, why, now_secs()])?;
    Ok(n > 0)
}

/// Requests in `states` (e.g. [`OPEN_STATES`]), optionally only below `under`, in queue
/// order: priority, then usage score (highest first), then age.
pub fn requests(cat: &Catalog, states: &str, under: Option<&Path>) -> Result<Vec<Request>> {
    // Each request with its file's usage score, if the usage log has one, in one query (a
    // lookup per request cost a read transaction each).
    let cols: Vec<String> = REQ_COLS.split(", ").map(|c| format!("q.{c}")).collect();
    let mut stmt = cat.conn().prepare(&format!(
        "SELECT {}, u.score, u.score_at FROM resync_queue q
         LEFT JOIN usage_files u ON u.path = q.path
         WHERE q.state IN {states} ORDER BY q.priority, q.created_at, q.id",
        cols.join(", ")
    ))?;
    // Ties in priority go to what people watch: the usage log's decayed score.
    let model = crate::usage::store::stored_model(cat.conn())?;
    let now = crate::catalog::now_secs();
    let n = cols.len();
    let mut rows = stmt
        .query_map([], |r| {
            let mut req = row_to_request(r)?;
            let score: Option<(f64, i64)> = match r.get::<_, Option<f64>>(n)? {
                Some(s) => Some((s, r.get(n + 1)?)),
                None => None,
            };
            req.usage_score = score.map(|a| crate::usage::score::scale(model.value_at(a, now)));
            Ok(req)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if let Some(dir) = under {
        rows.retain(|r| r.path.starts_with(dir));
    }
    // Stable: ties keep their age order.
    rows.sort_by(|a, b| {
        a.priority.cmp(&b.priority).then(
            b.usage_score
                .unwrap_or(0.0)
                .total_cmp(&a.usage_score.unwrap_or(0.0)),
        )
    });
    Ok(rows)
}

/// Move a request to `state`, with its attempt count and last error.
pub fn set_state(
    cat: &Catalog,
    id: i64,
    state: &str,
    attempts: Option<u32>,
    error: Option<&str>,
    reason: Option<Reason>,
) -> Result<()> {
    cat.conn()
        .prepare_cached(
            "UPDATE resync_queue SET state = ?2, attempts = COALESCE(?3, attempts),
               last_error = CASE WHEN ?2 = 'done' THEN NULL ELSE COALESCE(?4, last_error) END,
               reason = COALESCE(?5, reason), updated_at = ?6 WHERE id = ?1",
        )?
        .execute(params![
            id,
            state,
            attempts.map(i64::from),
            error,
            reason.map(Reason::as_str),
            now_secs()
        ])?;
    Ok(())
}

/// Cancel open requests by id or by path; returns how many.
pub fn cancel(cat: &Catalog, id: Option<i64>, path: Option<&Path>) -> Result<usize> {
    let n = cat.conn().execute(
        &format!(
            "UPDATE resync_queue SET state = 'cancelled', updated_at = ?3
             WHERE state IN {OPEN_STATES} AND (id = ?1 OR path = ?2)"
        ),
        params![id, path.map(paths::to_bytes), now_secs()],
    )?;
    Ok(n)
}

/// Delete finished requests (`done`, `cancelled`, `source_broken`), or with `all` every one that is not
/// running; returns how many.
pub fn clear(cat: &Catalog, all: bool) -> Result<usize> {
    let sql = if all {
        "DELETE FROM resync_queue WHERE state != 'running'"
    } else {
        "DELETE FROM resync_queue WHERE state IN ('done', 'cancelled', 'source_broken')"
    };
    Ok(cat.conn().execute(sql, [])?)
}

/// What one run did with one request.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub source: Option<PathBuf>,
    pub reason: String,
    /// `done`, `failed`, `source_broken` (the local file was kept: its source fails the
    /// container check it passes), `deferred` (the source is still changing), or
    /// `planned` (dry run).
    pub status: String,
    /// Size of the file now in place (or, dry run, to be copied).
    pub bytes: u64,
    /// Bytes read from the source (less than `bytes` when a prefix was resumed).
    pub read_from_source: u64,
    /// Bytes reused from an interrupted earlier copy.
    pub resumed_from: u64,
    pub attempts: u32,
    pub verified: bool,
    pub duration_secs: f64,
    pub error: Option<String>,
    /// Where the replaced local file was kept.
    #[serde(serialize_with = "paths::serialize_opt")]
    pub backup: Option<PathBuf>,
}

/// Record an outcome of run `run`.
pub fn add_result(cat: &Catalog, run: i64, o: &Outcome) -> Result<()> {
    cat.conn()
        .prepare_cached(
            "INSERT INTO resync_results (run_id, request_id, path, reason, status, bytes,
               read_from_source, attempts, verified, duration_ms, error, finished_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            run,
            o.id,
            paths::to_bytes(&o.path),
            o.reason,
            o.status,
            o.bytes as i64,
            o.read_from_source as i64,
            i64::from(o.attempts),
            o.verified,
            (o.duration_secs * 1000.0) as i64,
            o.error,
            now_secs()
        ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_orders_by_priority_then_usage_then_age() {
        let cat = Catalog::open_in_memory().unwrap();
        let c = cat.conn();
        let req = |p: &'static str, reason, priority| NewRequest {
            path: Path::new(p),
            source: None,
            reason,
            priority,
            root: None,
            seen: None,
        };
        let seen = Stat {
            dev: 1,
            ino: 2,
            size: 3,
            mtime_ns: 4,
        };
        let a = enqueue(
            c,
            &NewRequest {
                source: Some(Path::new("/s/a")),
                root: Some(Path::new("/l")),
                seen: Some(seen),
                ..req("/l/a", Reason::Outdated, 4)
            },
        )
        .unwrap();
        let b = enqueue(c, &req("/l/b", Reason::Missing, 2)).unwrap();
        let d = enqueue(c, &req("/l/d", Reason::Missing, 2)).unwrap();
        // Re-queueing keeps one open request, the higher priority, and what it knew.
        assert_eq!(enqueue(c, &req("/l/a", Reason::Corrupted, 5)).unwrap(), a);
        let ids: Vec<i64> = requests(&cat, OPEN_STATES, None)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, vec![b, d, a]);
        crate::usage::record(
            &cat,
            Path::new("/l/d"),
            crate::usage::AccessType::Viewed,
            crate::catalog::now_secs() - 3600,
            None,
        )
        .unwrap();
        let reqs = requests(&cat, OPEN_STATES, None).unwrap();
        assert_eq!(reqs.iter().map(|r| r.id).collect::<Vec<_>>(), vec![d, b, a]);
        // One view an hour ago: a score of about 50 (of 100); no history, no score.
        let score = reqs[0].usage_score.unwrap();
        assert!((45.0..=50.0).contains(&score), "{score}");
        assert_eq!(reqs[1].usage_score, None);
        assert_eq!(reqs[2].reason, "corrupted");
        assert_eq!(reqs[2].root.as_deref(), Some(Path::new("/l")));
        assert_eq!(reqs[2].seen, Some((3, 4)));
        assert!(cancel_with(c, a, "no longer needed").unwrap());
        assert!(!cancel_with(c, a, "twice").unwrap());
        enqueue(c, &req("/l/a", Reason::Corrupted, 5)).unwrap();
        assert_eq!(cancel(&cat, None, Some(Path::new("/l/b"))).unwrap(), 1);
        assert_eq!(clear(&cat, false).unwrap(), 2);
        assert_eq!(requests(&cat, OPEN_STATES, None).unwrap().len(), 2);
    }
}
