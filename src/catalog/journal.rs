//! Runs and their journal: every destructive or moving step is written here before it
//! touches a file and marked when it is done, so a crash can be finished or undone.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{params, OptionalExtension};

use super::{now_secs, Catalog};
use crate::paths;

/// A run of an engine's acting verb.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Run {
    pub id: i64,
    pub engine: String,
    pub command: String,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub state: String,
}

/// One journaled step of a run.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    pub id: i64,
    pub run_id: i64,
    pub op: String,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub src: Option<PathBuf>,
    #[serde(serialize_with = "paths::serialize_opt")]
    pub dst: Option<PathBuf>,
    pub state: String,
    pub detail: Option<String>,
}

fn row_to_run(r: &rusqlite::Row) -> rusqlite::Result<Run> {
    Ok(Run {
        id: r.get(0)?,
        engine: r.get(1)?,
        command: r.get(2)?,
        started_at: r.get(3)?,
        finished_at: r.get(4)?,
        state: r.get(5)?,
    })
}

fn row_to_step(r: &rusqlite::Row) -> rusqlite::Result<Step> {
    let path = |i: usize| -> rusqlite::Result<Option<PathBuf>> {
        Ok(r.get::<_, Option<Vec<u8>>>(i)?
            .map(|b| paths::from_bytes(&b)))
    };
    Ok(Step {
        id: r.get(0)?,
        run_id: r.get(1)?,
        op: r.get(2)?,
        src: path(3)?,
        dst: path(4)?,
        state: r.get(5)?,
        detail: r.get(6)?,
    })
}

impl Catalog {
    /// Start a run of `engine` (state `running`).
    pub fn begin_run(&self, engine: &str, command: &str) -> Result<i64> {
        self.conn().execute(
            "INSERT INTO runs (engine, command, started_at, state) VALUES (?1, ?2, ?3, 'running')",
            params![engine, command, now_secs()],
        )?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Record how many items the run set out to handle (see `runs.planned`).
    pub fn set_run_planned(&self, run: i64, planned: u64) -> Result<()> {
        self.conn().execute(
            "UPDATE runs SET planned = ?2 WHERE id = ?1",
            params![run, planned as i64],
        )?;
        Ok(())
    }

    /// How many items the run set out to handle, when it recorded that.
    pub fn run_planned(&self, run: i64) -> Result<Option<u64>> {
        let n: Option<i64> =
            self.conn()
                .query_row("SELECT planned FROM runs WHERE id = ?1", [run], |r| {
                    r.get(0)
                })?;
        Ok(n.map(|n| n.max(0) as u64))
    }

    /// Close a run with its final state (`done`, `failed`, `undone`, ...).
    pub fn finish_run(&self, run: i64, state: &str) -> Result<()> {
        self.conn().execute(
            "UPDATE runs SET state = ?2, finished_at = ?3 WHERE id = ?1",
            params![run, state, now_secs()],
        )?;
        Ok(())
    }

    /// Journal a step (state `planned`) before acting on it.
    pub fn journal_add(
        &self,
        run: i64,
        op: &str,
        src: Option<&Path>,
        dst: Option<&Path>,
        detail: Option<&str>,
    ) -> Result<i64> {
        self.insert_step(run, op, "planned", [src, dst], detail)
    }

    /// Journal a step that starts now (state `started`): one statement instead of
    /// [`Catalog::journal_add`] and [`Catalog::journal_set`], for a copy of many files.
    pub fn journal_started(
        &self,
        run: i64,
        op: &str,
        src: Option<&Path>,
        dst: Option<&Path>,
        detail: Option<&str>,
    ) -> Result<i64> {
        self.insert_step(run, op, "started", [src, dst], detail)
    }

    fn insert_step(
        &self,
        run: i64,
        op: &str,
        state: &str,
        [src, dst]: [Option<&Path>; 2],
        detail: Option<&str>,
    ) -> Result<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO journal (run_id, op, src, dst, state, detail, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                run,
                op,
                src.map(paths::to_bytes),
                dst.map(paths::to_bytes),
                state,
                detail,
                now_secs()
            ])?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Move a step to `state` (`started`, `done`, `failed`, `skipped`, `undone`).
    pub fn journal_set(&self, step: i64, state: &str, detail: Option<&str>) -> Result<()> {
        self.conn()
            .prepare_cached(
                "UPDATE journal SET state = ?2, detail = COALESCE(?3, detail), updated_at = ?4
                 WHERE id = ?1",
            )?
            .execute(params![step, state, detail, now_secs()])?;
        Ok(())
    }

    /// The steps of a run, in order.
    pub fn journal_steps(&self, run: i64) -> Result<Vec<Step>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, run_id, op, src, dst, state, detail FROM journal WHERE run_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([run], row_to_step)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Runs of `engine`, newest first.
    pub fn runs(&self, engine: &str) -> Result<Vec<Run>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, engine, command, started_at, finished_at, state FROM runs
             WHERE engine = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt
            .query_map([engine], row_to_run)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// One run by id.
    pub fn run(&self, id: i64) -> Result<Option<Run>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, engine, command, started_at, finished_at, state FROM runs WHERE id = ?1",
                [id],
                row_to_run,
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_round_trip() {
        let cat = Catalog::open_in_memory().unwrap();
        let run = cat.begin_run("organize", "organize apply").unwrap();
        let step = cat
            .journal_add(
                run,
                "move",
                Some(Path::new("/a")),
                Some(Path::new("/b")),
                None,
            )
            .unwrap();
        cat.journal_set(step, "done", None).unwrap();
        cat.finish_run(run, "done").unwrap();
        let steps = cat.journal_steps(run).unwrap();
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].state, "done");
        assert_eq!(steps[0].dst.as_deref(), Some(Path::new("/b")));
        assert_eq!(cat.runs("organize").unwrap()[0].state, "done");
        // A step journaled as it starts.
        let copy = cat
            .journal_started(run, "copy", Some(Path::new("/s")), None, Some("missing"))
            .unwrap();
        let steps = cat.journal_steps(run).unwrap();
        assert_eq!(steps[1].id, copy);
        assert_eq!(steps[1].state, "started");
        assert_eq!(steps[1].detail.as_deref(), Some("missing"));
        assert_eq!(steps[1].src.as_deref(), Some(Path::new("/s")));
    }
}
