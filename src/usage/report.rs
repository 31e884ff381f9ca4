//! The usage report: which files exist (the catalog's videos, or a walk of the paths
//! given), what their history says (plays, first and last access, users, score), totals by
//! category, the top and bottom files, and a roll-up per show for episodes.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::score::{scale, Category, ScoreModel};
use super::store;
use crate::catalog::{Catalog, Stat};
use crate::media::kind::FileKind;
use crate::paths;

/// What to look at.
#[derive(Debug, Clone)]
pub struct Scope {
    /// Folders or files to cover (walked on disk, so unscanned files count); empty: every
    /// video the catalog knows.
    pub roots: Vec<PathBuf>,
    /// Decay model for the score.
    pub model: ScoreModel,
    /// Count only events at or after this time (unix seconds).
    pub since: Option<i64>,
    /// The time scores are evaluated at.
    pub now: i64,
    /// Threads for walking.
    pub jobs: usize,
}

/// One file with its usage.
#[derive(Debug, Clone, Serialize)]
pub struct FileUsage {
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    pub bytes: u64,
    /// 0–100.
    pub score: f64,
    pub category: Category,
    /// The decayed sum behind the score.
    pub decayed: f64,
    pub plays: u64,
    pub events: u64,
    pub users: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_access: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_access: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_viewed: Option<i64>,
    pub in_progress: bool,
    /// When the file came to be: the earliest of its mtime, the date a media server
    /// added it and its first sighting in the catalog.
    pub since: i64,
}

/// Everything the walk and the catalog said, plus per-path problems.
pub struct Collected {
    pub files: Vec<FileUsage>,
    pub errors: Vec<String>,
}

/// Gather the files in scope and their usage.
pub fn collect(cat: &Catalog, scope: &Scope) -> Result<Collected> {
    let conn = cat.conn();
    let stored = store::stored_model(conn)?;
    let aggs: store::ByPath = if scope.since.is_none() && same_model(&stored, &scope.model) {
        store::aggregates(conn, &scope.roots)?
    } else {
        store::aggregates_from_events(conn, &scope.model, scope.since, &scope.roots)?
    };
    // (size, mtime secs, first seen)
    let mut present: HashMap<Vec<u8>, (u64, i64, Option<i64>)> = HashMap::new();
    let mut errors = Vec::new();
    if scope.roots.is_empty() {
        let mut st = conn.prepare(
            "SELECT path, size, mtime_ns, first_seen, kind FROM files WHERE status != 'missing'",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let p: Vec<u8> = r.get(0)?;
            let kind: String = r.get(4)?;
            if kind != "video" && !aggs.contains_key(&p) {
                continue;
            }
            let mtime_ns: i64 = r.get(2)?;
            present.insert(
                p,
                (
                    r.get::<_, i64>(1)? as u64,
                    mtime_ns.div_euclid(1_000_000_000),
                    Some(r.get(3)?),
                ),
            );
        }
        // Recorded but never scanned: count them while they exist.
        for p in aggs.keys() {
            if present.contains_key(p) {
                continue;
            }
            let path = paths::from_bytes(p);
            if let Ok(s) = Stat::of(&path) {
                if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                    present.insert(
                        p.clone(),
                        (s.size, s.mtime_ns.div_euclid(1_000_000_000), None),
                    );
                }
            }
        }
    } else {
        for root in &scope.roots {
            let mut seen: HashMap<PathBuf, Stat> = HashMap::new();
            crate::scan::walk::walk(root, false, scope.jobs, &mut |f| match f {
                crate::scan::walk::Found::File(p, s) => {
                    if FileKind::of(&p) == FileKind::Video || aggs.contains_key(paths::to_bytes(&p))
                    {
                        seen.insert(p, s);
                    }
                }
                crate::scan::walk::Found::Special(_) => {}
                crate::scan::walk::Found::Error(p, e) => errors.push(match p {
                    Some(p) => format!("{}: {e}", paths::display(&p)),
                    None => e,
                }),
            });
            let known: HashMap<Vec<u8>, i64> = cat
                .files_under(root)?
                .into_iter()
                .map(|r| (paths::to_bytes(&r.path).to_vec(), r.first_seen))
                .collect();
            for (p, s) in seen {
                let p = paths::to_bytes(&p).to_vec();
                let first = known.get(&p).copied();
                present.insert(p, (s.size, s.mtime_ns.div_euclid(1_000_000_000), first));
            }
        }
    }
    let files = present
        .into_iter()
        .map(|(key, (bytes, mtime, first_seen))| {
            let a = aggs.get(&key).cloned().unwrap_or_default();
            let path = paths::from_bytes(&key);
            let decayed = scope.model.value_at((a.score, a.score_at), scope.now);
            let score = scale(decayed);
            let since = [Some(mtime), a.added_at, first_seen]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(mtime);
            FileUsage {
                path,
                bytes,
                score,
                category: Category::of(score),
                decayed,
                plays: a.plays,
                events: a.events,
                users: a.users,
                first_access: a.first_at,
                last_access: a.last_at,
                last_viewed: a.last_viewed,
                in_progress: a.in_progress(),
                since,
            }
        })
        .collect();
    Ok(Collected { files, errors })
}

fn same_model(a: &ScoreModel, b: &ScoreModel) -> bool {
    (a.half_life_secs - b.half_life_secs).abs() < 0.5
}

/// True when scores for `model` come from the stored aggregates (not raw events).
pub fn uses_aggregates(cat: &Catalog, model: &ScoreModel, since: Option<i64>) -> Result<bool> {
    Ok(since.is_none() && same_model(&store::stored_model(cat.conn())?, model))
}

/// Files and bytes.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Count {
    pub files: u64,
    pub bytes: u64,
}

impl Count {
    fn add(&mut self, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
    }
}

/// The totals of a report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub files: u64,
    pub bytes: u64,
    pub watched: Count,
    pub never_watched: Count,
    pub in_progress: u64,
    pub plays: u64,
    /// Files and bytes per score category.
    pub by_category: BTreeMap<Category, Count>,
}

/// Episodes of one show, rolled up.
#[derive(Debug, Clone, Serialize)]
pub struct ShowRollup {
    pub show: String,
    #[serde(serialize_with = "paths::serialize")]
    pub folder: PathBuf,
    pub episodes: u64,
    pub watched: u64,
    pub plays: u64,
    pub bytes: u64,
    /// The highest episode score.
    pub score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_viewed: Option<i64>,
}

/// A whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub totals: Totals,
    pub top: Vec<FileUsage>,
    pub bottom: Vec<FileUsage>,
    pub shows: Vec<ShowRollup>,
}

/// Build the report from collected files; `limit` bounds the top and bottom lists.
pub fn build(files: &[FileUsage], limit: usize) -> Report {
    let mut t = Totals::default();
    for c in Category::ALL {
        t.by_category.insert(c, Count::default());
    }
    let mut shows: BTreeMap<PathBuf, ShowRollup> = BTreeMap::new();
    for f in files {
        t.files += 1;
        t.bytes += f.bytes;
        t.plays += f.plays;
        if f.plays > 0 {
            t.watched.add(f.bytes);
        } else {
            t.never_watched.add(f.bytes);
        }
        if f.in_progress {
            t.in_progress += 1;
        }
        t.by_category.entry(f.category).or_default().add(f.bytes);
        if let Some(ep) = episode_of(&f.path) {
            let s = shows
                .entry(ep.show_folder.clone())
                .or_insert_with(|| ShowRollup {
                    show: ep.show.clone(),
                    folder: ep.show_folder.clone(),
                    episodes: 0,
                    watched: 0,
                    plays: 0,
                    bytes: 0,
                    score: 0.0,
                    last_viewed: None,
                });
            s.episodes += 1;
            s.watched += u64::from(f.plays > 0);
            s.plays += f.plays;
            s.bytes += f.bytes;
            s.score = s.score.max(f.score);
            s.last_viewed = s.last_viewed.max(f.last_viewed);
        }
    }
    let mut order: Vec<&FileUsage> = files.iter().collect();
    order.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.plays.cmp(&a.plays))
            .then_with(|| paths::to_bytes(&a.path).cmp(paths::to_bytes(&b.path)))
    });
    let top: Vec<FileUsage> = order
        .iter()
        .filter(|f| f.events > 0)
        .take(limit)
        .map(|f| (*f).clone())
        .collect();
    let bottom: Vec<FileUsage> = order
        .iter()
        .rev()
        .take(limit)
        .map(|f| (*f).clone())
        .collect();
    let mut shows: Vec<ShowRollup> = shows.into_values().collect();
    shows.sort_by(|a, b| b.plays.cmp(&a.plays).then(a.show.cmp(&b.show)));
    Report {
        totals: t,
        top,
        bottom,
        shows,
    }
}

/// Where an episode sits: its show and season folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeOf {
    pub show: String,
    pub show_folder: PathBuf,
    /// The season folder, when the layout has one.
    pub season_folder: Option<PathBuf>,
    /// Without a season folder: the season number the file's name gives, if any.
    pub season: Option<u32>,
}

/// Recognise an episode by its layout: a `SxxEyy` (or `1x02`) name, or a file in a
/// `Season N` / `Series N` / `Specials` folder. The show is the folder above the season
/// folder (or the file's folder when there is none). Other names go to the media-name
/// parser; an episode it recognises belongs to the show it names, in the file's folder.
pub fn episode_of(p: &Path) -> Option<EpisodeOf> {
    let name = p.file_name()?.to_string_lossy().to_ascii_lowercase();
    let parent = p.parent()?;
    let parent_name = parent.file_name()?.to_string_lossy().to_ascii_lowercase();
    let season_dir = is_season_folder(&parent_name);
    if !season_dir && !has_episode_marker(&name) {
        // Not an episode by layout: ask the media-name parser (daily shows, "Show - 105",
        // episodes kept flat in a show folder). The show is its parsed title.
        let parsed = crate::media::parse(&p.to_string_lossy());
        if parsed.kind != crate::media::MediaKind::Episode {
            return None;
        }
        return Some(EpisodeOf {
            show: parsed.title?,
            show_folder: parent.to_path_buf(),
            season_folder: None,
            season: parsed.season,
        });
    }
    let (show_folder, season_folder, season) = if season_dir {
        (
            parent.parent()?.to_path_buf(),
            Some(parent.to_path_buf()),
            None,
        )
    } else {
        let parsed = crate::media::parse(&name);
        (parent.to_path_buf(), None, parsed.season)
    };
    Some(EpisodeOf {
        show: show_folder.file_name()?.to_string_lossy().into_owned(),
        show_folder,
        season_folder,
        season,
    })
}

fn is_season_folder(n: &str) -> bool {
    let n = n.trim();
    if n == "specials" {
        return true;
    }
    let rest = n
        .strip_prefix("season")
        .or_else(|| n.strip_prefix("series"))
        .or_else(|| n.strip_prefix('s'));
    rest.is_some_and(|r| {
        let r = r.trim_start_matches([' ', '_', '.', '-']);
        !r.is_empty() && r.len() <= 4 && r.bytes().all(|b| b.is_ascii_digit())
    })
}

fn has_episode_marker(n: &str) -> bool {
    let b = n.as_bytes();
    for i in 0..b.len() {
        // sNNeNN
        if b[i] == b's' && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let d1 = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if (1..=2).contains(&d1) && b.get(i + 1 + d1) == Some(&b'e') {
                let d2 = b[i + 2 + d1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if (1..=3).contains(&d2) {
                    return true;
                }
            }
        }
        // NxNN
        if b[i] == b'x' && i > 0 && b[i - 1].is_ascii_digit() {
            let before = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let start = i - before;
            if (1..=2).contains(&before)
                && (2..=3).contains(&after)
                && (start == 0 || !b[start - 1].is_ascii_alphanumeric())
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn episodes_by_layout() {
        let e = episode_of(Path::new("/tv/The Wire/Season 02/The.Wire.S02E03.mkv")).unwrap();
        assert_eq!(e.show, "The Wire");
        assert_eq!(
            e.season_folder,
            Some(PathBuf::from("/tv/The Wire/Season 02"))
        );
        assert_eq!(e.season, None);
        let e = episode_of(Path::new("/tv/Show/show.1x02.mkv")).unwrap();
        assert_eq!(e.show, "Show");
        assert_eq!((e.season_folder, e.season), (None, Some(1)));
        assert!(episode_of(Path::new("/movies/Heat (1995)/Heat (1995).mkv")).is_none());
        let daily = episode_of(Path::new("/tv/Colbert/The.Colbert.Report.2010.01.05.mkv"));
        assert_eq!(
            daily.map(|e| e.show_folder),
            Some(PathBuf::from("/tv/Colbert"))
        );
        assert!(episode_of(Path::new("/movies/Sesame.mkv")).is_none());
        assert!(episode_of(Path::new("/x")).is_none());
    }
}
