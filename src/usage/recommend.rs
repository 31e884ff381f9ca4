//! Recommendations from usage: what could go (never watched), what could be archived
//! (rarely used, or not watched in a year), and what to keep (popular). Each comes with
//! the bytes it would free and a confidence; seasons where every episode qualifies are
//! rolled up. A file in progress or watched recently is never recommended for removal.
//!
//! The rules and confidence formulas are documented in `docs/usage.md`.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use super::report::{episode_of, FileUsage};
use crate::paths;

const DAY: i64 = 86_400;

/// The kinds of recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    CleanupNeverAccessed,
    ArchiveRarelyUsed,
    ArchiveOld,
    KeepPopular,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 4] = [
        Kind::CleanupNeverAccessed,
        Kind::ArchiveRarelyUsed,
        Kind::ArchiveOld,
        Kind::KeepPopular,
    ];

    /// The name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CleanupNeverAccessed => "cleanup_never_accessed",
            Kind::ArchiveRarelyUsed => "archive_rarely_used",
            Kind::ArchiveOld => "archive_old",
            Kind::KeepPopular => "keep_popular",
        }
    }

    /// True for kinds whose bytes would be freed.
    pub fn frees_space(self) -> bool {
        self != Kind::KeepPopular
    }
}

/// Thresholds (days and 0–100 scores).
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// `cleanup_never_accessed`: never viewed and at least this old.
    pub min_age_days: u32,
    /// `archive_rarely_used`: last viewed at least this long ago ...
    pub rarely_days: u32,
    /// ... with a score below this.
    pub low_score: f64,
    /// `archive_old`: not viewed for this long.
    pub old_days: u32,
    /// `keep_popular`: a score at least this.
    pub keep_score: f64,
    /// Watched (or in progress) within this many days: never recommended for removal.
    pub recent_days: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            min_age_days: 30,
            rarely_days: 90,
            low_score: 20.0,
            old_days: 365,
            keep_score: 60.0,
            recent_days: 30,
        }
    }
}

/// One file recommended.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub kind: Kind,
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    pub bytes: u64,
    /// 0–1: how sure the rule is.
    pub confidence: f64,
    pub reason: String,
    pub score: f64,
    pub plays: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_viewed: Option<i64>,
    pub age_days: i64,
    /// The folder of the season this file is rolled up into, if any: the season folder,
    /// or the show folder of episodes kept flat (then `season_number` says which).
    #[serde(
        serialize_with = "paths::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub season: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season_number: Option<u32>,
}

/// A season: its folder, or the show folder and season number of episodes kept flat.
type Season = (PathBuf, Option<u32>);

/// A whole season where every episode got the same recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    pub kind: Kind,
    pub show: String,
    /// The season folder, or the show folder of episodes kept flat.
    #[serde(serialize_with = "paths::serialize")]
    pub folder: PathBuf,
    /// For episodes kept flat in their show folder: the season, from their names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season_number: Option<u32>,
    pub files: u64,
    pub bytes: u64,
    pub confidence: f64,
}

/// Totals of one kind.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct KindTotal {
    pub files: u64,
    pub bytes: u64,
    /// Bytes-weighted mean confidence.
    pub confidence: f64,
}

/// Everything recommended.
#[derive(Debug, Clone, Serialize)]
pub struct Recommendations {
    pub items: Vec<Item>,
    pub rollups: Vec<Rollup>,
    pub totals: BTreeMap<Kind, KindTotal>,
    /// Files left alone because they are in progress or were watched recently.
    pub protected: u64,
    /// Never-viewed files left alone because they are younger than the minimum age.
    pub too_new: u64,
}

/// Why [`classify`] left a file without a kind, when that is worth counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeftOut {
    No,
    /// In progress, or viewed recently.
    Protected,
    /// Never viewed, but younger than the minimum age.
    TooNew,
}

fn ramp(x: f64, span: f64) -> f64 {
    if span <= 0.0 {
        return 1.0;
    }
    (x / span).clamp(0.0, 1.0)
}

/// Classify one file, or None.
fn classify(f: &FileUsage, r: &Rules, now: i64) -> (Option<(Kind, f64, String)>, LeftOut) {
    let age_days = (now - f.since) as f64 / DAY as f64;
    let since_view = f.last_viewed.map(|t| (now - t) as f64 / DAY as f64);
    let recent = since_view.is_some_and(|d| d < r.recent_days as f64);
    if f.score >= r.keep_score {
        let c = (0.5 + 0.5 * ramp(f.score - r.keep_score, 100.0 - r.keep_score)).min(0.99);
        return (
            Some((
                Kind::KeepPopular,
                c,
                format!("score {:.0}, {} plays", f.score, f.plays),
            )),
            LeftOut::No,
        );
    }
    if f.in_progress || recent {
        return (None, LeftOut::Protected);
    }
    match since_view {
        None => {
            if age_days >= r.min_age_days as f64 {
                let mut c = 0.6 + 0.35 * ramp(age_days - r.min_age_days as f64, 365.0);
                if f.events > 0 {
                    // Opened or synced on purpose, just not watched: less sure.
                    c -= 0.25;
                }
                let why = if f.events > 0 {
                    format!(
                        "never viewed ({} other accesses), {:.0} days old",
                        f.events, age_days
                    )
                } else {
                    format!("never viewed, {age_days:.0} days old")
                };
                (Some((Kind::CleanupNeverAccessed, c, why)), LeftOut::No)
            } else {
                (None, LeftOut::TooNew)
            }
        }
        Some(d) if d >= r.old_days as f64 => {
            let c = 0.6 + 0.35 * ramp(d - r.old_days as f64, 730.0);
            (
                Some((Kind::ArchiveOld, c, format!("last viewed {d:.0} days ago"))),
                LeftOut::No,
            )
        }
        Some(d) if d >= r.rarely_days as f64 && f.score < r.low_score => {
            let c = 0.5
                + 0.25
                    * ramp(
                        d - r.rarely_days as f64,
                        (r.old_days - r.rarely_days) as f64,
                    )
                + 0.2 * (1.0 - f.score / r.low_score);
            (
                Some((
                    Kind::ArchiveRarelyUsed,
                    c,
                    format!("score {:.0}, last viewed {d:.0} days ago", f.score),
                )),
                LeftOut::No,
            )
        }
        Some(_) => (None, LeftOut::No),
    }
}

/// Recommend for every file in scope.
pub fn recommend(files: &[FileUsage], rules: &Rules, now: i64) -> Recommendations {
    let mut items = Vec::new();
    let (mut protected, mut too_new) = (0, 0);
    // Per season (its folder, or its show folder and number): (show, episodes in scope,
    // kind counts).
    let mut seasons: HashMap<Season, (String, u64, HashMap<Kind, u64>)> = HashMap::new();
    for f in files {
        let (rec, left) = classify(f, rules, now);
        protected += u64::from(left == LeftOut::Protected);
        too_new += u64::from(left == LeftOut::TooNew);
        let ep = episode_of(&f.path).and_then(|e| match (e.season_folder, e.season) {
            (Some(folder), _) => Some((e.show, (folder, None))),
            (None, Some(n)) => Some((e.show, (e.show_folder, Some(n)))),
            (None, None) => None,
        });
        if let Some((show, s)) = &ep {
            let e = seasons
                .entry(s.clone())
                .or_insert_with(|| (show.clone(), 0, HashMap::new()));
            e.1 += 1;
            if let Some((k, _, _)) = &rec {
                *e.2.entry(*k).or_default() += 1;
            }
        }
        if let Some((kind, confidence, reason)) = rec {
            items.push(Item {
                kind,
                path: f.path.clone(),
                bytes: f.bytes,
                confidence: (confidence.clamp(0.05, 0.99) * 100.0).round() / 100.0,
                reason,
                score: (f.score * 10.0).round() / 10.0,
                plays: f.plays,
                last_viewed: f.last_viewed,
                age_days: (now - f.since) / DAY,
                season_number: ep.as_ref().and_then(|(_, s)| s.1),
                season: ep.map(|(_, s)| s.0),
            });
        }
    }
    // A season rolls up only when every episode in it got the same kind.
    let mut whole: HashMap<Season, Kind> = HashMap::new();
    for (folder, (_, n, kinds)) in &seasons {
        if *n >= 2 {
            if let Some((k, _)) = kinds.iter().find(|(_, c)| **c == *n) {
                whole.insert(folder.clone(), *k);
            }
        }
    }
    let mut rollups: BTreeMap<Season, Rollup> = BTreeMap::new();
    let mut weights: HashMap<Season, f64> = HashMap::new();
    for it in &mut items {
        let key = it.season.clone().map(|folder| (folder, it.season_number));
        match key.and_then(|s| whole.get(&s).map(|k| (s, *k))) {
            Some((s, k)) if k == it.kind => {
                let r = rollups.entry(s.clone()).or_insert_with(|| Rollup {
                    kind: k,
                    show: seasons[&s].0.clone(),
                    folder: s.0.clone(),
                    season_number: s.1,
                    files: 0,
                    bytes: 0,
                    confidence: 0.0,
                });
                r.files += 1;
                r.bytes += it.bytes;
                r.confidence += it.confidence * it.bytes.max(1) as f64;
                *weights.entry(s.clone()).or_default() += it.bytes.max(1) as f64;
            }
            _ => (it.season, it.season_number) = (None, None),
        }
    }
    let rollups: Vec<Rollup> = rollups
        .into_values()
        .map(|mut r| {
            let key = (r.folder.clone(), r.season_number);
            let weight = weights.get(&key).copied().unwrap_or(1.0);
            r.confidence = (r.confidence / weight.max(1.0) * 100.0).round() / 100.0;
            r
        })
        .collect();
    let mut totals: BTreeMap<Kind, KindTotal> = Kind::ALL
        .iter()
        .map(|k| (*k, KindTotal::default()))
        .collect();
    for it in &items {
        let t = totals.entry(it.kind).or_default();
        t.files += 1;
        t.bytes += it.bytes;
        t.confidence += it.confidence * it.bytes.max(1) as f64;
    }
    let mut kind_weight: HashMap<Kind, f64> = HashMap::new();
    for it in &items {
        *kind_weight.entry(it.kind).or_default() += it.bytes.max(1) as f64;
    }
    for (k, t) in totals.iter_mut() {
        let w = kind_weight.get(k).copied().unwrap_or(0.0);
        t.confidence = if w > 0.0 {
            (t.confidence / w * 100.0).round() / 100.0
        } else {
            0.0
        };
    }
    items.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.bytes.cmp(&a.bytes))
            .then_with(|| paths::to_bytes(&a.path).cmp(paths::to_bytes(&b.path)))
    });
    Recommendations {
        items,
        rollups,
        totals,
        protected,
        too_new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usage::score::{scale, Category};
    use std::path::Path;

    fn file(
        path: &str,
        plays: u64,
        last_viewed: Option<i64>,
        decayed: f64,
        since: i64,
    ) -> FileUsage {
        let score = scale(decayed);
        FileUsage {
            path: PathBuf::from(path),
            bytes: 1000,
            score,
            category: Category::of(score),
            decayed,
            plays,
            events: plays,
            users: 0,
            first_access: last_viewed,
            last_access: last_viewed,
            last_viewed,
            in_progress: false,
            since,
        }
    }

    #[test]
    fn episodes_kept_flat_roll_up_by_the_season_their_names_give() {
        let now = 1000 * DAY;
        let files = vec![
            file("/tv/Flat/Flat.S01E01.mkv", 0, None, 0.0, 0),
            file("/tv/Flat/Flat.S01E02.mkv", 0, None, 0.0, 0),
            file("/tv/Flat/Flat.S02E01.mkv", 0, None, 0.0, 0),
            file("/tv/Flat/Flat.S02E02.mkv", 9, Some(now - DAY), 4.0, 0),
        ];
        let r = recommend(&files, &Rules::default(), now);
        assert_eq!(r.rollups.len(), 1, "{:?}", r.rollups);
        let roll = &r.rollups[0];
        assert_eq!(
            (roll.folder.as_path(), roll.season_number, roll.files),
            (Path::new("/tv/Flat"), Some(1), 2)
        );
        assert_eq!(roll.show, "Flat");
        let item = |p: &str| r.items.iter().find(|i| i.path == Path::new(p)).unwrap();
        let e1 = item("/tv/Flat/Flat.S01E01.mkv");
        assert_eq!(
            (e1.season.as_deref(), e1.season_number),
            (Some(Path::new("/tv/Flat")), Some(1))
        );
        // Season 2 is split (one episode is popular): its episodes stand alone.
        let e3 = item("/tv/Flat/Flat.S02E01.mkv");
        assert_eq!((e3.season.as_deref(), e3.season_number), (None, None));
    }

    #[test]
    fn rules_and_rollups() {
        let now = 1000 * DAY;
        let files = vec![
            file("/tv/S/Season 1/S.S01E01.mkv", 0, None, 0.0, 0),
            file("/tv/S/Season 1/S.S01E02.mkv", 0, None, 0.0, 0),
            file("/tv/S/Season 2/S.S02E01.mkv", 0, None, 0.0, 0),
            file(
                "/tv/S/Season 2/S.S02E02.mkv",
                1,
                Some(now - 5 * DAY),
                0.97,
                0,
            ),
            file("/m/new.mkv", 0, None, 0.0, now - 3 * DAY),
            file("/m/old.mkv", 2, Some(now - 500 * DAY), 0.05, 0),
            file("/m/rare.mkv", 1, Some(now - 120 * DAY), 0.2, 0),
            file("/m/fav.mkv", 9, Some(now - 2 * DAY), 4.0, 0),
        ];
        let mut inprog = file("/m/half.mkv", 1, Some(now - 400 * DAY), 0.01, 0);
        inprog.in_progress = true;
        let mut all = files.clone();
        all.push(inprog);
        let r = recommend(&all, &Rules::default(), now);
        let kind_of = |p: &str| {
            r.items
                .iter()
                .find(|i| i.path == std::path::Path::new(p))
                .map(|i| i.kind)
        };
        assert_eq!(
            kind_of("/tv/S/Season 1/S.S01E01.mkv"),
            Some(Kind::CleanupNeverAccessed)
        );
        assert_eq!(
            kind_of("/tv/S/Season 2/S.S02E01.mkv"),
            Some(Kind::CleanupNeverAccessed)
        );
        assert_eq!(kind_of("/tv/S/Season 2/S.S02E02.mkv"), None);
        assert_eq!(kind_of("/m/new.mkv"), None);
        assert_eq!(kind_of("/m/old.mkv"), Some(Kind::ArchiveOld));
        assert_eq!(kind_of("/m/rare.mkv"), Some(Kind::ArchiveRarelyUsed));
        assert_eq!(kind_of("/m/fav.mkv"), Some(Kind::KeepPopular));
        assert_eq!(kind_of("/m/half.mkv"), None);
        assert_eq!(r.protected, 2);
        assert_eq!(r.too_new, 1); // /m/new.mkv
        assert_eq!(r.rollups.len(), 1);
        assert_eq!(r.rollups[0].folder, PathBuf::from("/tv/S/Season 1"));
        assert_eq!((r.rollups[0].files, r.rollups[0].bytes), (2, 2000));
        assert_eq!(r.totals[&Kind::CleanupNeverAccessed].bytes, 3000);
        assert!(r.items.iter().all(|i| (0.0..=1.0).contains(&i.confidence)));
    }
}
