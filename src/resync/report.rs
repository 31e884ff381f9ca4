//! `resync report`: the history of `resync run`s and what each did, from the catalog's
//! `runs` and `resync_results` tables.

use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::paths;

/// One request's result within a run.
#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    pub reason: String,
    pub status: String,
    pub bytes: u64,
    pub read_from_source: u64,
    pub attempts: u32,
    pub verified: bool,
    pub duration_secs: f64,
    pub error: Option<String>,
}

/// One run and its statistics.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub id: i64,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub state: String,
    pub requests: u64,
    pub done: u64,
    /// Failed requests, the unrecorded ones included.
    pub failed: u64,
    /// Requests the run started (journaled) whose result it could not record (a full
    /// catalog disk, a killed process): counted as failed.
    pub unrecorded: u64,
    /// Requests the run set out to do but never started (its catalog's disk filled, or
    /// it was killed, before it journaled them): counted as failed; they stay queued.
    pub not_started: u64,
    /// Requests that kept their local file (the source is broken).
    pub source_broken: u64,
    /// Requests left for a later run (the source is still changing).
    pub deferred: u64,
    pub bytes: u64,
    pub read_from_source: u64,
    pub duration_secs: f64,
    pub results: Vec<ResultRow>,
}

/// Every resync run, newest first, with its results.
pub fn history(cat: &Catalog) -> Result<Vec<RunReport>> {
    let mut out = Vec::new();
    let mut stmt = cat.conn().prepare_cached(
        "SELECT path, reason, status, bytes, read_from_source, attempts, verified, duration_ms, error
         FROM resync_results WHERE run_id = ?1 ORDER BY id",
    )?;
    let mut open_steps = cat.conn().prepare_cached(
        "SELECT count(*) FROM journal WHERE run_id = ?1 AND state IN ('planned', 'started')",
    )?;
    for run in cat.runs("resync")? {
        let unrecorded = open_steps.query_row([run.id], |r| r.get::<_, i64>(0))? as u64;
        let results = stmt
            .query_map([run.id], |r| {
                Ok(ResultRow {
                    path: paths::from_bytes(&r.get::<_, Vec<u8>>(0)?),
                    reason: r.get(1)?,
                    status: r.get(2)?,
                    bytes: r.get::<_, i64>(3)? as u64,
                    read_from_source: r.get::<_, i64>(4)? as u64,
                    attempts: r.get::<_, i64>(5)? as u32,
                    verified: r.get(6)?,
                    duration_secs: r.get::<_, i64>(7)? as f64 / 1000.0,
                    error: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let with = |status: &str| results.iter().filter(|r| r.status == status).count() as u64;
        let (done, failed) = (with("done"), with("failed"));
        let (source_broken, deferred) = (with("source_broken"), with("deferred"));
        let seen = results.len() as u64 + unrecorded;
        let not_started = match cat.run_planned(run.id)? {
            Some(planned) if run.state != "running" => planned.saturating_sub(seen),
            _ => 0,
        };
        out.push(RunReport {
            id: run.id,
            started_at: run.started_at,
            finished_at: run.finished_at,
            state: run.state,
            requests: seen + not_started,
            done,
            failed: failed + unrecorded + not_started,
            unrecorded,
            not_started,
            source_broken,
            deferred,
            bytes: results.iter().map(|r| r.bytes).sum(),
            read_from_source: results.iter().map(|r| r.read_from_source).sum(),
            duration_secs: run
                .finished_at
                .map_or(0.0, |f| (f - run.started_at).max(0) as f64),
            results,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_started_but_never_recorded_count_as_failed() {
        // A run stopped by a full catalog: its copies were journaled when they started,
        // their results never written.
        let cat = Catalog::open_in_memory().unwrap();
        let run = cat.begin_run("resync", "resync run").unwrap();
        for i in 0..3 {
            let p = std::path::PathBuf::from(format!("/lib/f{i}.mkv"));
            cat.journal_started(run, "copy", None, Some(&p), None)
                .unwrap();
        }
        cat.finish_run(run, "failed").unwrap();
        let r = &history(&cat).unwrap()[0];
        assert_eq!((r.requests, r.done, r.failed, r.unrecorded), (3, 0, 3, 3));
    }

    #[test]
    fn requests_a_run_never_started_count_as_failed_once_it_ended() {
        // The catalog's disk filled right after the run began: nothing journaled.
        let cat = Catalog::open_in_memory().unwrap();
        let run = cat.begin_run("resync", "resync run").unwrap();
        cat.set_run_planned(run, 5).unwrap();
        let r = &history(&cat).unwrap()[0];
        assert_eq!(
            (r.requests, r.failed, r.not_started),
            (0, 0, 0),
            "still running"
        );
        cat.finish_run(run, "failed").unwrap();
        let r = &history(&cat).unwrap()[0];
        assert_eq!((r.requests, r.done, r.failed, r.not_started), (5, 0, 5, 5));
    }
}
