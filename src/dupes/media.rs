//! The `media` detector: the same movie or episode in several releases, with a confidence
//! that says how strong the evidence is.
//!
//! Files meet through keys: a movie through its title, year and part (and, without a
//! year, its title and part alone); an episode through its show, season and episode list,
//! through its air date, or, for anime numbering, its show and absolute number; both
//! through the database ids in their paths (`{imdb-…}`, `{tmdb-…}`, `{tvdb-…}`). Files
//! that meet form candidate sets, which are then split so that no two files of a group
//! conflict: different years, seasons, episode lists, air dates, parts, kinds, or two ids
//! of the same database that differ never share a group (an air date agreeing does not
//! join `S20E142` and `S20E143`). A file that fits several groups (`Dune` without a year
//! beside `Dune (1984)` and `Dune (2021)`) joins none. Trailers, samples and other extras
//! never join a feature.
//!
//! Each group's score is its weakest pair's ([`pair_score`]): 0.90 for title and numbers
//! read from clean markers, raised by agreeing ids, lowered by a missing year, an edition
//! that differs, a year the file name and its folder disagree on, a title that is a
//! year-like number, a title taken from a folder, an episode without an `S01E02` marker,
//! and sizes that no two releases of the same content would have.

use std::collections::{BTreeMap, HashMap};

use super::candidates::Entry;
use super::keep::KeepRule;
use super::model::{Group, Kind};
use super::names::{self, Named};
use super::parsed::{self, Doubts};
use super::quality::Quality;

/// The score of a pair whose title and numbers agree, read from clean markers.
pub const BASE: f64 = 0.90;
/// Added when both paths carry the same id of one database.
pub const ID_AGREES: f64 = 0.08;
/// Removed when one movie has a year and the other has none.
pub const ONE_YEAR_MISSING: f64 = 0.22;
/// Removed when neither movie has a year (any film of that title).
pub const NO_YEAR: f64 = 0.20;
/// Removed when one episode's show has a year and the other's has none
/// (`Doctor Who (2005)` against a bare `Doctor Who`).
pub const SHOW_YEAR_MISSING: f64 = 0.12;
/// Removed when the editions differ (`Director's Cut` against the theatrical cut).
pub const EDITION_DIFFERS: f64 = 0.15;
/// Removed when a file name's year and its folder's year disagree.
pub const YEAR_CONFLICT: f64 = 0.30;
/// Removed when the title is a year-like number (`2001`, `1917`).
pub const NUMERIC_TITLE: f64 = 0.08;
/// Removed when the title is not in the file name (it came from a folder).
pub const TITLE_FROM_FOLDER: f64 = 0.05;
/// Removed when the file name is random and everything came from its folder.
pub const OBFUSCATED: f64 = 0.08;
/// Removed when an episode number is not written as `S01E02`/`1x02`.
pub const BARE_EPISODE: f64 = 0.06;
/// Removed when the titles differ (files joined by an id, or through a third file).
pub const TITLES_DIFFER: f64 = 0.10;
/// How far (a factor) two sizes may stray from what their qualities predict before they
/// count as suspicious ([`SIZE_SUSPICIOUS`]) or implausible ([`SIZE_IMPLAUSIBLE`]).
pub const SIZE_SUSPICIOUS_FACTOR: f64 = 12.0;
pub const SIZE_IMPLAUSIBLE_FACTOR: f64 = 40.0;
pub const SIZE_SUSPICIOUS: f64 = 0.15;
pub const SIZE_IMPLAUSIBLE: f64 = 0.35;

/// The media groups among `named`, and which members they used.
pub fn media_groups(
    entries: &[Entry],
    named: &[Named],
    rule: &KeepRule,
) -> (Vec<Group>, Vec<usize>) {
    let mut parent: Vec<usize> = (0..named.len()).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let all_keys: Vec<Vec<String>> = named.iter().map(keys).collect();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, ks) in all_keys.iter().enumerate() {
        for k in ks {
            let f = *first.entry(k).or_insert(i);
            let (ra, rb) = (root(&mut parent, f), root(&mut parent, i));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, ks) in all_keys.iter().enumerate() {
        if ks.is_empty() {
            continue;
        }
        let r = root(&mut parent, i);
        sets.entry(r).or_default().push(i);
    }
    let splits: Vec<Vec<usize>> = sets
        .into_values()
        .filter(|set| set.len() > 1)
        .flat_map(|set| split(named, set))
        .collect();
    // The doubts cost a few parses per file: only group members are read, in parallel.
    let doubts: HashMap<usize, Doubts> = {
        use rayon::prelude::*;
        let members: Vec<usize> = splits.iter().flatten().copied().collect();
        members
            .par_iter()
            .map(|&m| (m, parsed::doubts(entries[named[m].entry].path(), &named[m])))
            .collect()
    };
    let mut groups = Vec::new();
    let mut used = Vec::new();
    for members in splits {
        let mut score: f64 = 1.0;
        let mut evidence = Vec::new();
        for x in 0..members.len() {
            for y in x + 1..members.len() {
                let (a, b) = (&named[members[x]], &named[members[y]]);
                let sizes = (entries[a.entry].stat.size, entries[b.entry].stat.size);
                let (da, db) = (&doubts[&members[x]], &doubts[&members[y]]);
                let (s, why) = pair_evidence(a, b, da, db, sizes);
                if s < score {
                    (score, evidence) = (s, why);
                }
            }
        }
        let key = members
            .iter()
            .filter_map(|&m| named[m].media_key().map(|k| (completeness(&named[m]), k)))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
            .map(|(_, k)| k)
            .unwrap_or_default();
        used.extend(&members);
        let mut g = names::group(
            entries,
            named,
            &members,
            Kind::Media,
            (score * 100.0).round() / 100.0,
            key,
            rule,
        );
        g.evidence = evidence;
        groups.push(g);
    }
    (groups, used)
}

/// The keys a file meets others through (none for non-media and extras).
fn keys(n: &Named) -> Vec<String> {
    let mut out = Vec::new();
    if !n.media || n.extra {
        return out;
    }
    let part = n.part.unwrap_or(0);
    let mut numbers = Vec::new();
    if n.episode {
        if let (Some(s), false) = (n.season, n.episodes.is_empty()) {
            numbers.push(format!("s{s}e{:?}", n.episodes));
        } else if n.season.is_none() && !n.episodes.is_empty() {
            numbers.push(format!("abs{:?}", n.episodes));
        }
        if let Some(d) = &n.date {
            numbers.push(format!("d{d}"));
        }
    } else {
        numbers.push(String::new());
    }
    for num in &numbers {
        if !n.title.is_empty() {
            if n.episode {
                out.push(format!("e|{}|{num}|{part}", n.title));
            } else {
                out.push(format!("m|{}|{}|{part}", n.title, n.year.unwrap_or(0)));
                // A movie without a year meets every year of its title; the split keeps
                // it out when those years differ.
                out.push(format!("m?|{}|{part}", n.title));
            }
        }
        for (kind, id) in &n.ids {
            out.push(format!("id|{}|{kind:?}|{id}|{num}|{part}", n.episode));
        }
    }
    out
}

/// How much a file says about itself: files that say more anchor the split.
fn completeness(n: &Named) -> (usize, usize, bool) {
    (
        n.ids.len(),
        usize::from(n.year.is_some()),
        n.edition.is_none(),
    )
}

/// Whether two files could be the same movie or episode: nothing they both state differs.
pub fn compatible(a: &Named, b: &Named) -> bool {
    fn differ<T: PartialEq>(x: &Option<T>, y: &Option<T>) -> bool {
        matches!((x, y), (Some(x), Some(y)) if x != y)
    }
    let ids_conflict = a
        .ids
        .iter()
        .any(|(k, v)| b.ids.iter().any(|(k2, v2)| k == k2 && v != v2));
    let episodes_differ =
        !a.episodes.is_empty() && !b.episodes.is_empty() && a.episodes != b.episodes;
    a.episode == b.episode
        && a.part == b.part
        && !differ(&a.year, &b.year)
        && !ids_conflict
        && (!a.episode
            || !(differ(&a.season, &b.season) || episodes_differ || differ(&a.date, &b.date)))
}

/// Split a candidate set into groups whose members are pairwise compatible; a file that
/// fits more than one group joins none.
fn split(named: &[Named], mut set: Vec<usize>) -> Vec<Vec<usize>> {
    set.sort_by(|&x, &y| {
        completeness(&named[y])
            .cmp(&completeness(&named[x]))
            .then(x.cmp(&y))
    });
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for m in set {
        let fits: Vec<usize> = (0..groups.len())
            .filter(|&g| groups[g].iter().all(|&o| compatible(&named[o], &named[m])))
            .collect();
        match fits.as_slice() {
            [] => groups.push(vec![m]),
            [g] => groups[*g].push(m),
            _ => {}
        }
    }
    groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            g.sort_unstable();
            g
        })
        .collect()
}

/// How sure (0–1) it is that `a` and `b` are the same content, from what their paths
/// say (`da`, `db`) and their sizes.
pub fn pair_score(a: &Named, b: &Named, da: &Doubts, db: &Doubts, sizes: (u64, u64)) -> f64 {
    pair_evidence(a, b, da, db, sizes).0
}

/// [`pair_score`] and what moved it from [`BASE`], in words.
pub fn pair_evidence(
    a: &Named,
    b: &Named,
    da: &Doubts,
    db: &Doubts,
    sizes: (u64, u64),
) -> (f64, Vec<&'static str>) {
    let mut s = BASE;
    let mut why = Vec::new();
    let mut adjust = |delta: f64, what: &'static str| {
        s += delta;
        why.push(what);
    };
    let id_agrees = a
        .ids
        .iter()
        .any(|(k, v)| b.ids.iter().any(|(k2, v2)| k == k2 && v == v2));
    if id_agrees {
        adjust(ID_AGREES, "ids agree");
    }
    if a.title != b.title {
        adjust(-TITLES_DIFFER, "titles differ");
    }
    let one_year = a.year.is_some() != b.year.is_some();
    if a.episode {
        if one_year {
            adjust(-SHOW_YEAR_MISSING, "show year on one side only");
        }
        if da.bare_episode || db.bare_episode {
            adjust(-BARE_EPISODE, "episode number without a marker");
        }
    } else {
        if one_year {
            adjust(-ONE_YEAR_MISSING, "year on one side only");
        } else if a.year.is_none() {
            adjust(-NO_YEAR, "no year");
        }
        if da.numeric_title || db.numeric_title {
            adjust(-NUMERIC_TITLE, "title is a year-like number");
        }
    }
    if a.edition != b.edition {
        adjust(-EDITION_DIFFERS, "editions differ");
    }
    if da.year_conflict || db.year_conflict {
        adjust(-YEAR_CONFLICT, "file and folder years disagree");
    }
    if da.obfuscated || db.obfuscated {
        adjust(-OBFUSCATED, "obfuscated file name");
    } else if da.title_from_folder || db.title_from_folder {
        adjust(-TITLE_FROM_FOLDER, "title from a folder");
    }
    let stray = size_stray(&a.quality, sizes.0, &b.quality, sizes.1);
    if stray > SIZE_IMPLAUSIBLE_FACTOR {
        adjust(-SIZE_IMPLAUSIBLE, "implausible sizes");
    } else if stray > SIZE_SUSPICIOUS_FACTOR {
        adjust(-SIZE_SUSPICIOUS, "unusual sizes");
    }
    (s.clamp(0.05, 0.99), why)
}

/// A typical bitrate (GiB per hour) for a release of this quality: only ratios matter.
fn typical_rate(q: &Quality) -> f64 {
    let r = q.resolution;
    let rate = if q.remux {
        match r {
            2160.. => 45.0,
            1080.. => 22.0,
            _ => 6.0,
        }
    } else {
        match (r, q.source) {
            (2160.., _) => 14.0,
            (1080.., 6) => 7.0,
            (1080.., 5) => 4.0,
            (1080.., _) => 3.0,
            (720.., 6) => 3.5,
            (720.., 5) => 2.0,
            (720.., _) => 1.2,
            (1.., _) => 0.9,
            (0, 6) => 5.0,
            (0, 5) => 2.5,
            (0, 3) => 1.2,
            (0, 2) | (0, 0) => 0.8,
            (0, _) => 2.0,
        }
    };
    if q.codec >= 3 {
        rate * 0.55
    } else {
        rate
    }
}

/// By what factor the size ratio of two files strays from the ratio their qualities
/// predict for the same running time (1 = as predicted).
pub fn size_stray(qa: &Quality, sa: u64, qb: &Quality, sb: u64) -> f64 {
    if sa == 0 || sb == 0 {
        return 1.0;
    }
    let seen = sa as f64 / sb as f64;
    let expected = typical_rate(qa) / typical_rate(qb);
    let f = seen / expected;
    f.max(1.0 / f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dupes::quality;

    fn movie(title: &str, year: Option<u16>) -> Named {
        Named {
            media: true,
            title: title.into(),
            year,
            ..Named::default()
        }
    }

    fn episode(show: &str, s: u32, e: u32, date: Option<&str>) -> Named {
        Named {
            media: true,
            episode: true,
            title: show.into(),
            season: Some(s),
            episodes: vec![e],
            date: date.map(str::to_string),
            ..Named::default()
        }
    }

    #[test]
    fn conflicts_forbid_grouping() {
        let a = episode("general hospital", 20, 142, Some("2019-05-01"));
        let b = episode("general hospital", 20, 143, Some("2019-05-01"));
        assert!(!compatible(&a, &b));
        let mut c = episode("daily show", 24, 95, Some("2019-05-01"));
        let mut d = c.clone();
        d.season = None;
        d.episodes.clear();
        assert!(compatible(&c, &d));
        c.ids = vec![(parsed::IdKind::Tvdb, "1".into())];
        d.ids = vec![(parsed::IdKind::Tvdb, "2".into())];
        assert!(!compatible(&c, &d));
        assert!(!compatible(
            &movie("dune", Some(1984)),
            &movie("dune", Some(2021))
        ));
        assert!(compatible(&movie("dune", None), &movie("dune", Some(2021))));
    }

    #[test]
    fn an_ambiguous_file_joins_no_group() {
        let named = vec![
            movie("dune", Some(1984)),
            movie("dune", Some(2021)),
            movie("dune", None),
            movie("dune", Some(2021)),
        ];
        assert_eq!(split(&named, vec![0, 1, 2, 3]), vec![vec![1, 3]]);
    }

    #[test]
    fn scores_follow_the_evidence() {
        let none = Doubts::default();
        let gib = 1u64 << 30;
        let heat = movie("heat", Some(1995));
        let clean = pair_score(&heat, &heat, &none, &none, (8 * gib, 8 * gib));
        assert!((clean - BASE).abs() < 1e-9);
        let mut with_id = heat.clone();
        with_id.ids = vec![(parsed::IdKind::Imdb, "tt0113277".into())];
        assert!(pair_score(&with_id, &with_id, &none, &none, (gib, gib)) >= 0.95);
        let yearless = movie("heat", None);
        let (s, why) = pair_evidence(&heat, &yearless, &none, &none, (gib, gib));
        assert!((0.6..0.8).contains(&s), "{s}");
        assert_eq!(why, ["year on one side only"]);
        let conflict = Doubts {
            year_conflict: true,
            ..Doubts::default()
        };
        assert!(pair_score(&heat, &heat, &conflict, &none, (gib, gib)) < 0.8);
        // A 50 MiB file beside a 9 GiB one of the same quality is no release of the same film.
        assert!(pair_score(&heat, &heat, &none, &none, (9 * gib, 50 << 20)) < 0.6);
        let remux = Quality {
            resolution: 2160,
            remux: true,
            ..Quality::default()
        };
        let sd = Quality {
            resolution: 480,
            source: quality::source_rank(Some("DVD")),
            ..Quality::default()
        };
        assert!(size_stray(&remux, 60 * gib, &sd, 1 << 30) < SIZE_SUSPICIOUS_FACTOR);
    }
}
