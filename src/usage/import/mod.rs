//! Imports of real watch history from media servers' own databases (Plex, Tautulli,
//! Jellyfin with its Playback Reporting plugin, Kodi) and from the original tool's
//! `usage.db`. Server paths are rewritten with `--map FROM=TO`, matched to local files,
//! and recorded as events with a dedup key, so importing twice adds nothing; a play that
//! another source already recorded (same file, within two hours) is not counted twice.
//! Each database remembers a watermark so the next import reads only what is new.

pub mod jellyfin;
pub mod kodi;
pub mod legacy;
pub mod plex;
pub mod snapshot;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::store::{self, Access};
use super::time::{parse_datetime, Naive};
use super::AccessType;
use crate::catalog::Catalog;
use crate::paths;
use crate::progress::Progress;

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

/// The catalog's videos by parsed name (built once, only when a source needs it).
#[derive(Default)]
struct NameIndex {
    movies: HashMap<(String, Option<u16>), Vec<PathBuf>>,
    movies_any_year: HashMap<String, Vec<PathBuf>>,
    episodes: HashMap<(String, u32, u32), Vec<PathBuf>>,
}

impl NameIndex {
    fn build(conn: &Connection) -> Result<NameIndex> {
        use crate::media::{normalize_title, parse, MediaKind};
        let mut idx = NameIndex::default();
        let mut st = conn.prepare(
            "SELECT path FROM files WHERE kind = 'video' AND status != 'missing' ORDER BY path",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let path = paths::from_bytes(&r.get::<_, Vec<u8>>(0)?);
            let name = parse(&path.to_string_lossy());
            let Some(title) = name.title.as_deref().map(normalize_title) else {
                continue;
            };
            match name.kind {
                MediaKind::Movie => {
                    idx.movies
                        .entry((title.clone(), name.year))
                        .or_default()
                        .push(path.clone());
                    idx.movies_any_year.entry(title).or_default().push(path);
                }
                MediaKind::Episode => {
                    let (Some(season), Some(first)) = (name.season, name.episode) else {
                        continue;
                    };
                    let mut eps = name.episodes.clone();
                    if eps.is_empty() {
                        eps.push(first);
                    }
                    for e in eps {
                        idx.episodes
                            .entry((title.clone(), season, e))
                            .or_default()
                            .push(path.clone());
                    }
                }
                MediaKind::Unknown => {}
            }
        }
        Ok(idx)
    }

    /// The first file (by path) with this name; a movie without a year matches by title.
    fn find(&self, q: &NameQuery) -> Option<PathBuf> {
        let title = crate::media::normalize_title(&q.title);
        let hits = match q.episode {
            Some((s, e)) => self.episodes.get(&(title, s, e)),
            None => match q.year {
                Some(y) => self
                    .movies
                    .get(&(title.clone(), Some(y)))
                    .or_else(|| self.movies.get(&(title, None))),
                None => self.movies_any_year.get(&title),
            },
        }?;
        hits.first().cloned()
    }
}

/// What one database gave: its plays, the dates items were added (path, time), and the
/// new watermark.
pub struct Batch {
    /// The tag watermarks and events are stored under (e.g. `jellyfin-playback`).
    pub tag: &'static str,
    pub db: PathBuf,
    pub plays: Vec<Play>,
    pub added: Vec<(String, i64)>,
    pub watermark: i64,
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
    pub dry_run: bool,
}

/// Parse `FROM=TO`.
pub fn parse_map(s: &str) -> Result<(String, String)> {
    let Some((from, to)) = s.split_once('=') else {
        bail!("--map {s:?}: expected FROM=TO, e.g. /data/media=/home/me/Media");
    };
    if from.is_empty() || to.is_empty() {
        bail!("--map {s:?}: FROM and TO must not be empty");
    }
    let trim = |x: &str| {
        if x.len() > 1 {
            x.trim_end_matches(['/', '\\']).to_string()
        } else {
            x.to_string()
        }
    };
    Ok((trim(from), trim(to)))
}

/// Rewrite a server path with the longest matching `FROM` (whole path components only).
/// Windows-style remainders (`\`) become `/`.
pub fn map_path(server: &str, maps: &[(String, String)]) -> String {
    let mut best: Option<&(String, String)> = None;
    for m in maps {
        let from = m.0.as_str();
        let hit = server == from
            || (server.starts_with(from)
                && (from.ends_with(['/', '\\'])
                    || matches!(server.as_bytes().get(from.len()), Some(b'/' | b'\\'))));
        if hit && best.is_none_or(|b| b.0.len() < from.len()) {
            best = Some(m);
        }
    }
    match best {
        Some((from, to)) => {
            let rest = &server[from.len()..];
            let rest = if rest.contains('\\') {
                rest.replace('\\', "/")
            } else {
                rest.to_string()
            };
            format!("{to}{rest}")
        }
        None => server.to_string(),
    }
}

/// A time from a SQLite value: integers and reals are unix seconds, text is read as
/// `naive` says when it has no offset.
pub fn time_value(v: &SqlValue, naive: Naive) -> Option<i64> {
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
         ON CONFLICT(source, db) DO UPDATE SET watermark = max(watermark, excluded.watermark),
           imported_at = excluded.imported_at",
        params![tag, paths::to_bytes(db), w, now],
    )?;
    Ok(())
}

/// Resolve a mapped path to a local file: the catalog knows it (and not as missing) or it
/// is a regular file on disk.
struct Matcher<'a> {
    conn: &'a Connection,
    cache: HashMap<String, Option<PathBuf>>,
}

impl Matcher<'_> {
    fn local(&mut self, mapped: &str) -> Option<PathBuf> {
        if let Some(hit) = self.cache.get(mapped) {
            return hit.clone();
        }
        let found = (|| {
            let p = Path::new(mapped);
            if !p.is_absolute() {
                return None;
            }
            let p = paths::absolute(p).ok()?;
            let status: Option<String> = self
                .conn
                .query_row(
                    "SELECT status FROM files WHERE path = ?1",
                    [paths::to_bytes(&p)],
                    |r| r.get(0),
                )
                .optional()
                .ok()?;
            if status.is_some_and(|s| s != "missing")
                || std::fs::metadata(&p).is_ok_and(|m| m.is_file())
            {
                Some(p)
            } else {
                None
            }
        })();
        self.cache.insert(mapped.to_string(), found.clone());
        found
    }
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
    let mut sum = ImportSummary {
        source: opts.source.as_str().to_string(),
        dry_run: opts.dry_run,
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
    let batches: Vec<Batch> = match opts.source {
        Source::Plex => {
            let mut v = Vec::new();
            for db in &dbs {
                v.push(plex::read_plex(db, since("plex", db)?)?);
            }
            v
        }
        Source::Tautulli => {
            let plex_db = opts.plex_db.as_deref().map(paths::absolute).transpose()?;
            let mut v = Vec::new();
            for db in &dbs {
                v.push(plex::read_tautulli(
                    db,
                    plex_db.as_deref(),
                    since("tautulli", db)?,
                )?);
            }
            v
        }
        Source::Jellyfin => jellyfin::read(&dbs, &|tag, db| since(tag, db))?,
        Source::Kodi => {
            let mut v = Vec::new();
            for db in &dbs {
                v.push(kodi::read(db, since("kodi", db)?)?);
            }
            v
        }
        Source::Legacy => {
            let mut v = Vec::new();
            for db in &dbs {
                v.push(legacy::read(db, since("legacy", db)?)?);
            }
            v
        }
    };
    progress.phase(
        "matching",
        Some(batches.iter().map(|b| b.plays.len() as u64).sum()),
        None,
    );
    progress.items_are("plays");
    store::big_cache(conn)?;
    let tx = conn.unchecked_transaction()?;
    let mut matcher = Matcher {
        conn: &tx,
        cache: HashMap::new(),
    };
    let mut names: Option<NameIndex> = None;
    for b in batches {
        let mut todo: Vec<Access> = Vec::new();
        for (server, at) in &b.added {
            if let Some(local) = matcher.local(&map_path(server, &opts.maps)) {
                store::note_added(&tx, &local, *at)?;
            }
        }
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
                on_unmatched(&Unmatched {
                    source: b.tag,
                    server_path: play.server_path.clone(),
                    local_path: mapped.map(PathBuf::from),
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
                            b.tag,
                            play.at - SAME_PLAY_WINDOW_SECS,
                            play.at + SAME_PLAY_WINDOW_SECS
                        ],
                        |r| r.get::<_, i64>(0),
                    )?
                    > 0;
            if known || other_source {
                sum.duplicates += 1;
                continue;
            }
            let mut meta = play.meta;
            if let Some(u) = &play.user {
                meta.entry("user").or_insert_with(|| u.clone().into());
            }
            if play.has_path && Path::new(&play.server_path) != local {
                meta.insert("server_path".into(), play.server_path.clone().into());
            }
            todo.push(Access {
                path: local,
                kind: play.kind,
                at: play.at,
                meta: Some(serde_json::Value::Object(meta)),
                source: b.tag.to_string(),
                user: play.user,
                dedup_key: Some(play.key),
                added_at: play.added_at,
            });
        }
        sum.imported += store::insert(&tx, &todo)?;
        if b.watermark > i64::MIN {
            set_watermark(&tx, b.tag, &b.db, b.watermark, now)?;
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
    fn maps_whole_components_longest_first() {
        let maps = vec![
            parse_map("/data=/x").unwrap(),
            parse_map("/data/media/=/home/me/Media").unwrap(),
            parse_map("D:\\Media=/srv/m").unwrap(),
        ];
        assert_eq!(map_path("/data/media/a.mkv", &maps), "/home/me/Media/a.mkv");
        assert_eq!(map_path("/data/other/a.mkv", &maps), "/x/other/a.mkv");
        assert_eq!(map_path("/database/a.mkv", &maps), "/database/a.mkv");
        assert_eq!(map_path("D:\\Media\\TV\\a.mkv", &maps), "/srv/m/TV/a.mkv");
        assert!(parse_map("nope").is_err());
    }

    #[test]
    fn times_from_values() {
        assert_eq!(
            time_value(&SqlValue::Integer(1_700_000_000), Naive::Utc),
            Some(1_700_000_000)
        );
        assert_eq!(
            time_value(&SqlValue::Text("2024-05-01 20:15:00".into()), Naive::Utc),
            Some(1_714_594_500)
        );
        assert_eq!(time_value(&SqlValue::Null, Naive::Utc), None);
        assert_eq!(
            time_value(&SqlValue::Text("garbage".into()), Naive::Utc),
            None
        );
    }
}
