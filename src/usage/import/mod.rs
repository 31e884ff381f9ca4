//! Imports of real watch history from media servers' own databases (Plex, Tautulli,
//! Jellyfin with its Playback Reporting plugin, Kodi) and from the original tool's
//! `usage.db`. Server paths are rewritten with `--map FROM=TO`, matched to local files,
//! and recorded as events with a dedup key, so importing twice adds nothing; a play that
//! another source already recorded (same file, within two hours) is not counted twice.
//! Each database remembers a watermark so the next import reads only what is new; the
//! watermark never passes a play that matched no local file, so a later import (with the
//! right `--map`, or after a scan) still finds it.

pub mod jellyfin;
pub mod kodi;
pub mod legacy;
pub mod names;
pub mod pathmap;
pub mod plex;
pub mod snapshot;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use jiff::tz::TimeZone;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::store::{self, Access};
use super::time::parse_datetime;
use super::AccessType;
use crate::catalog::Catalog;
use crate::paths;
use crate::progress::Progress;
use names::NameIndex;
pub use pathmap::{map_path, parse_map, Mapped};

/// Plays of the same file from two sources closer than this are one play.
pub const SAME_PLAY_WINDOW_SECS: i64 = 2 * 3600;

/// Where history comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Plex,
    Tautulli,
    Jellyfin,
    Kodi,
    Legacy,
}

impl Source {
    /// The name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Plex => "plex",
            Source::Tautulli => "tautulli",
            Source::Jellyfin => "jellyfin",
            Source::Kodi => "kodi",
            Source::Legacy => "legacy",
        }
    }

    /// The source named `s`.
    pub fn parse(s: &str) -> Option<Source> {
        [
            Source::Plex,
            Source::Tautulli,
            Source::Jellyfin,
            Source::Kodi,
            Source::Legacy,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// One play (or access) as a source reports it, before mapping.
#[derive(Debug, Clone)]
pub struct Play {
    /// The path as the server knows it (or a description when the item has no path).
    pub server_path: String,
    /// False when the server gave no path at all (the description is for people).
    pub has_path: bool,
    pub kind: AccessType,
    pub at: i64,
    pub user: Option<String>,
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// Identifies the play at its source (prefixed by the source).
    pub key: String,
    /// When the server added the item.
    pub added_at: Option<i64>,
    /// With no path: the title/year/season/episode to find among the catalog's files.
    pub name: Option<NameQuery>,
    /// The watermark that makes the next import read this play again (kept when it
    /// matches no local file).
    pub hold: i64,
}

/// A movie or episode to find by its parsed name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameQuery {
    /// The movie title, or the show for an episode.
    pub title: String,
    pub year: Option<u16>,
    /// Season and episode, for an episode.
    pub episode: Option<(u32, u32)>,
}

/// What one database gave: its plays, the dates items were added (path, time), the new
/// watermark, the rows it could not read and the users it now knows by name.
pub struct Batch {
    /// The tag its watermark is stored under (e.g. `plex-resume`).
    pub tag: &'static str,
    /// The source its events are stored under (e.g. `plex`, `jellyfin-playback`).
    pub source: &'static str,
    pub db: PathBuf,
    pub plays: Vec<Play>,
    pub added: Vec<(String, i64)>,
    pub watermark: i64,
    /// Rows left out, by reason.
    pub skipped: BTreeMap<&'static str, u64>,
    /// Users earlier imports named by a stand-in (`jellyfin-user-1`), with their names.
    pub renames: Vec<(String, String)>,
}

impl Batch {
    /// An empty batch of `db`.
    pub fn new(tag: &'static str, source: &'static str, db: &Path) -> Batch {
        Batch {
            tag,
            source,
            db: db.to_path_buf(),
            plays: Vec::new(),
            added: Vec::new(),
            watermark: i64::MIN,
            skipped: BTreeMap::new(),
            renames: Vec::new(),
        }
    }

    /// Count a row left out for `why`.
    pub fn skip(&mut self, why: &'static str) {
        *self.skipped.entry(why).or_default() += 1;
    }
}

/// What every reader gets besides its database.
pub struct Reading<'a> {
    /// The stored watermark of (tag, db), `i64::MIN` for none or `--full`.
    pub since: &'a dyn Fn(&str, &Path) -> Result<i64>,
    /// The zone the server's wall-clock times are in.
    pub tz: &'a TimeZone,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub source: Source,
    pub dbs: Vec<PathBuf>,
    pub maps: Vec<(String, String)>,
    /// Tautulli: the Plex database that turns rating keys into files.
    pub plex_db: Option<PathBuf>,
    /// Ignore the watermarks and read everything again (dedup keys still apply).
    pub full: bool,
    /// Read and count, write nothing.
    pub dry_run: bool,
    /// The zone naive server times are read in.
    pub server_tz: TimeZone,
    /// How that zone is named in the output.
    pub server_tz_label: String,
}

/// A play that matched no local file.
#[derive(Debug, Clone, Serialize)]
pub struct Unmatched {
    pub source: &'static str,
    pub server_path: String,
    #[serde(
        serialize_with = "paths::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub local_path: Option<PathBuf>,
    pub at: i64,
}

/// The import's totals.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    pub source: String,
    pub databases: u64,
    /// Plays read (new since the watermark).
    pub plays: u64,
    /// Plays whose file was found locally.
    pub matched: u64,
    pub unmatched: u64,
    /// New events written.
    pub imported: u64,
    /// Matched plays already known (imported before, or seen by another source).
    pub duplicates: u64,
    /// Matched plays that continued a play the server had kept as a resume position (the
    /// film stopped half way, then finished): one play, moved to its later time.
    pub continued: u64,
    /// Rows that could not be read as plays, and why.
    pub skipped: u64,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub skipped_by: BTreeMap<String, u64>,
    /// True when an unmatched play kept a watermark back (the next import reads it again).
    pub watermark_held: bool,
    /// Earlier events whose stand-in user name was replaced by the real one.
    pub users_renamed: u64,
    /// The zone the source's wall-clock times were read in (`null` when it has none).
    pub server_tz: Option<String>,
    pub dry_run: bool,
}

/// A time from a SQLite value: integers and reals are unix seconds, text without an offset
/// is a wall time in `naive`.
pub fn time_value(v: &SqlValue, naive: &TimeZone) -> Option<i64> {
    match v {
        SqlValue::Integer(i) if *i > 0 => Some(*i),
        SqlValue::Real(f) if *f > 0.0 => Some(*f as i64),
        SqlValue::Text(t) => {
            let t = t.trim();
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                return t.parse().ok().filter(|x: &i64| *x > 0);
            }
            parse_datetime(t, naive).ok().filter(|x| *x > 0)
        }
        _ => None,
    }
}

/// The stored watermark of (tag, db).
fn watermark(conn: &Connection, tag: &str, db: &Path) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT watermark FROM usage_imports WHERE source = ?1 AND db = ?2",
            params![tag, paths::to_bytes(db)],
            |r| r.get(0),
        )
        .optional()?)
}

fn set_watermark(conn: &Connection, tag: &str, db: &Path, w: i64, now: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO usage_imports (source, db, watermark, imported_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(source, db) DO UPDATE SET watermark = excluded.watermark,
           imported_at = excluded.imported_at",
        params![tag, paths::to_bytes(db), w, now],
    )?;
    Ok(())
}

/// Events of `source` by user `old` now name `new` (metadata too); returns how many.
fn rename_user(conn: &Connection, source: &str, old: &str, new: &str) -> Result<u64> {
    let n = conn.execute(
        "UPDATE access_records SET user = ?3,
           metadata = json_set(CASE WHEN json_valid(metadata) THEN metadata ELSE '{}' END, '$.user', ?3)
         WHERE source = ?1 AND user = ?2",
        params![source, old, new],
    )? as u64;
    conn.execute(
        "INSERT OR IGNORE INTO usage_users (path, user) SELECT path, ?2 FROM usage_users WHERE user = ?1",
        params![old, new],
    )?;
    conn.execute("DELETE FROM usage_users WHERE user = ?1", [old])?;
    Ok(n)
}

/// Read the databases of `opts.source` and record their plays.
pub fn import(
    cat: &Catalog,
    opts: &ImportOptions,
    now: i64,
    progress: &dyn Progress,
    on_unmatched: &mut dyn FnMut(&Unmatched),
) -> Result<ImportSummary> {
    let conn = cat.conn();
    let naive_times = matches!(
        opts.source,
        Source::Jellyfin | Source::Kodi | Source::Legacy
    );
    let mut sum = ImportSummary {
        source: opts.source.as_str().to_string(),
        dry_run: opts.dry_run,
        server_tz: naive_times.then(|| opts.server_tz_label.clone()),
        ..Default::default()
    };
    let dbs: Vec<PathBuf> = opts
        .dbs
        .iter()
        .map(|d| paths::absolute(d))
        .collect::<std::io::Result<_>>()?;
    sum.databases = dbs.len() as u64;
    progress.phase("reading", None, None);
    let since = |tag: &str, db: &Path| -> Result<i64> {
        if opts.full {
            Ok(i64::MIN)
        } else {
            Ok(watermark(conn, tag, db)?.unwrap_or(i64::MIN))
        }
    };
    let rd = Reading {
        since: &since,
        tz: &opts.server_tz,
    };
    let mut batches: Vec<Batch> = Vec::new();
    match opts.source {
        Source::Plex => {
            for db in &dbs {
                batches.extend(plex::read_plex(db, &rd)?);
            }
        }
        Source::Tautulli => {
            let plex_db = opts.plex_db.as_deref().map(paths::absolute).transpose()?;
            for db in &dbs {
                batches.push(plex::read_tautulli(db, plex_db.as_deref(), &rd)?);
            }
        }
        Source::Jellyfin => batches = jellyfin::read(&dbs, &rd)?,
        Source::Kodi => {
            for db in &dbs {
                batches.push(kodi::read(db, &rd)?);
            }
        }
        Source::Legacy => {
            for db in &dbs {
                batches.push(legacy::read(db, &rd)?);
            }
        }
    }
    progress.phase(
        "matching",
        Some(batches.iter().map(|b| b.plays.len() as u64).sum()),
        None,
    );
    progress.items_are("plays");
    store::big_cache(conn)?;
    let tx = conn.unchecked_transaction()?;
    let mut matcher = pathmap::Matcher::new(&tx);
    let mut names: Option<NameIndex> = None;
    for b in batches {
        for (why, n) in &b.skipped {
            sum.skipped += n;
            *sum.skipped_by.entry((*why).to_string()).or_default() += n;
        }
        for (old, new) in &b.renames {
            sum.users_renamed += rename_user(&tx, b.source, old, new)?;
        }
        let mut todo: Vec<Access> = Vec::new();
        for (server, at) in &b.added {
            if let Some(local) = matcher.local(&map_path(server, &opts.maps)) {
                store::note_added(&tx, &local, *at)?;
            }
        }
        let mut held: Option<i64> = None;
        for play in b.plays {
            sum.plays += 1;
            progress.advance(1, 0);
            let mapped = play
                .has_path
                .then(|| map_path(&play.server_path, &opts.maps));
            let found = match (&mapped, &play.name) {
                (Some(m), _) => matcher.local(m),
                (None, Some(q)) => {
                    if names.is_none() {
                        names = Some(NameIndex::build(&tx)?);
                    }
                    names.as_ref().and_then(|n| n.find(q))
                }
                (None, None) => None,
            };
            let Some(local) = found else {
                sum.unmatched += 1;
                held = Some(held.map_or(play.hold, |h| h.min(play.hold)));
                on_unmatched(&Unmatched {
                    source: b.source,
                    server_path: play.server_path.clone(),
                    local_path: mapped.map(|m| PathBuf::from(m.path)),
                    at: play.at,
                });
                continue;
            };
            sum.matched += 1;
            let known: bool = tx
                .prepare_cached("SELECT count(*) FROM access_records WHERE dedup_key = ?1")?
                .query_row([&play.key], |r| r.get::<_, i64>(0))?
                > 0;
            let other_source = play.kind == AccessType::Viewed
                && tx
                    .prepare_cached(
                        "SELECT count(*) FROM access_records
                           WHERE file_id = (SELECT id FROM usage_files WHERE path = ?1)
                           AND access_type = 'viewed'
                           AND source NOT IN (?2, 'record') AND at BETWEEN ?3 AND ?4",
                    )?
                    .query_row(
                        params![
                            paths::to_bytes(&local),
                            b.source,
                            play.at - SAME_PLAY_WINDOW_SECS,
                            play.at + SAME_PLAY_WINDOW_SECS
                        ],
                        |r| r.get::<_, i64>(0),
                    )?
                    > 0;
            let mut meta = play.meta;
            if let Some(u) = &play.user {
                meta.entry("user").or_insert_with(|| u.clone().into());
            }
            if play.has_path && Path::new(&play.server_path) != local {
                meta.insert("server_path".into(), play.server_path.clone().into());
            }
            if !known && !other_source && play.kind == AccessType::Viewed {
                let continued = store::continue_resumed(
                    &tx,
                    &local,
                    b.source,
                    play.user.as_deref(),
                    &play.key,
                    play.at,
                    &serde_json::Value::Object(meta.clone()),
                )?;
                if continued {
                    sum.continued += 1;
                    continue;
                }
            }
            if known {
                store::extend(
                    &tx,
                    &play.key,
                    play.at,
                    &serde_json::Value::Object(meta.clone()),
                )?;
            }
            if known || other_source {
                sum.duplicates += 1;
                continue;
            }
            todo.push(Access {
                path: local,
                kind: play.kind,
                at: play.at,
                meta: Some(serde_json::Value::Object(meta)),
                source: b.source.to_string(),
                user: play.user,
                dedup_key: Some(play.key),
                added_at: play.added_at,
            });
        }
        sum.imported += store::insert(&tx, &todo)?;
        let mark = match held {
            Some(h) => {
                sum.watermark_held = true;
                h.min(b.watermark)
            }
            None => b.watermark,
        };
        if mark > i64::MIN {
            set_watermark(&tx, b.tag, &b.db, mark, now)?;
        }
    }
    drop(matcher);
    progress.finish();
    if opts.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_from_values() {
        assert_eq!(
            time_value(&SqlValue::Integer(1_700_000_000), &TimeZone::UTC),
            Some(1_700_000_000)
        );
        assert_eq!(
            time_value(
                &SqlValue::Text("2024-05-01 20:15:00".into()),
                &TimeZone::UTC
            ),
            Some(1_714_594_500)
        );
        assert_eq!(time_value(&SqlValue::Null, &TimeZone::UTC), None);
        assert_eq!(
            time_value(&SqlValue::Text("garbage".into()), &TimeZone::UTC),
            None
        );
    }
}
