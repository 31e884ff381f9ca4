//! The name detectors, on what the media-name parser read from each video file:
//!
//! - `media`: the same movie or episode in several releases ([`media`](super::media)
//!   groups and scores them); the best release is kept by the
//!   [`quality`](super::quality) ranking.
//! - `similar_name`: titles that are almost the same (soft TF-IDF token similarity with
//!   Jaro-Winkler token matching, threshold [`SIMILAR_NAME`]) and whose numbers agree
//!   (same season and episodes; years equal when both are known). Never all pairs:
//!   names meet in blocks keyed by their numbers and one of their two rarest tokens (or
//!   its 4-letter prefix), or by the exact title; large blocks use a sorted
//!   neighbourhood.
//! - `similar_size`: sizes within 1% of each other ([`SIZE_TOLERANCE`]), files of at least
//!   1 MiB, names similar at the lower threshold [`SIMILAR_SIZE_NAME`], numbers agreeing.
//!
//! A file takes part in at most one of these groups (the strongest), and files already
//! hidden as exact or partial copies take part in none.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::candidates::Entry;
use super::keep::{self, Candidate, KeepRule};
use super::model::{Group, GroupFile, Kind};
use super::parsed::IdKind;
use super::quality::{self, Quality};

/// Similarity (0–1) at or above which two titles are `similar_name`.
pub const SIMILAR_NAME: f64 = 0.90;
/// Similarity at or above which two names count as similar for `similar_size`.
pub const SIMILAR_SIZE_NAME: f64 = 0.60;
/// Relative size difference allowed by `similar_size`.
pub const SIZE_TOLERANCE: f64 = 0.01;
/// Smallest file `similar_size` looks at: below that, sizes say nothing.
pub const SIMILAR_SIZE_MIN: u64 = 1 << 20;
/// Blocks up to this size compare all their pairs; larger ones (a common word) compare
/// each name with its [`WINDOW`] neighbours in title order (sorted neighbourhood).
const SMALL_BLOCK: usize = 64;
/// Neighbours each name meets in a large block.
const WINDOW: usize = 16;

/// What the name detectors know about one file.
#[derive(Debug, Clone, Default)]
pub struct Named {
    /// Index of the file in the entries.
    pub entry: usize,
    /// True for an episode, false for a movie.
    pub episode: bool,
    /// The parser recognised a movie or an episode.
    pub media: bool,
    /// The normalized title (show name for episodes), "" when none.
    pub title: String,
    pub year: Option<u16>,
    pub season: Option<u32>,
    /// Every episode in the file (one for a single episode).
    pub episodes: Vec<u32>,
    /// Air date of a daily show.
    pub date: Option<String>,
    pub part: Option<u32>,
    pub quality: Quality,
    /// A trailer, sample or other extra: never the same as the feature.
    pub extra: bool,
    /// The edition (`Director's Cut`, `Extended`; not `Remastered`).
    pub edition: Option<String>,
    /// The file name is random: the parse came from its folder.
    pub obfuscated: bool,
    /// Database ids written in the path (`{imdb-tt…}`, `{tmdb-…}`, `{tvdb-…}`).
    pub ids: Vec<(IdKind, String)>,
}

impl Named {
    /// The exact media key, when the name is complete enough for one.
    pub(super) fn media_key(&self) -> Option<String> {
        if !self.media || self.title.is_empty() {
            return None;
        }
        let part = self.part.map(|p| format!(" part {p}")).unwrap_or_default();
        if self.episode {
            if let Some(d) = &self.date {
                return Some(format!("episode: {} {d}{part}", self.title));
            }
            let s = self.season?;
            if self.episodes.is_empty() {
                return None;
            }
            let eps: Vec<String> = self.episodes.iter().map(|e| format!("E{e:02}")).collect();
            let year = self.year.map(|y| format!(" ({y})")).unwrap_or_default();
            Some(format!(
                "episode: {}{year} S{s:02}{}{part}",
                self.title,
                eps.join("")
            ))
        } else {
            let year = self.year.map(|y| format!(" ({y})")).unwrap_or_default();
            Some(format!("movie: {}{year}{part}", self.title))
        }
    }

    /// Could `self` and `other` be the same thing, by their numbers?
    fn compatible(&self, other: &Named) -> bool {
        self.episode == other.episode
            && self.part == other.part
            && (!self.episode
                || (self.season == other.season
                    && self.episodes == other.episodes
                    && self.date == other.date))
            && match (self.year, other.year) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// Run the chosen name detectors on `named` (video files not hidden by content groups).
pub fn name_groups(
    entries: &[Entry],
    named: &[Named],
    kinds: &[Kind],
    rule: &KeepRule,
) -> Vec<Group> {
    let mut used = vec![false; named.len()];
    let mut groups = Vec::new();
    if kinds.contains(&Kind::Media) {
        let (media, members) = super::media::media_groups(entries, named, rule);
        for m in members {
            used[m] = true;
        }
        groups.extend(media);
    }
    if !kinds.contains(&Kind::SimilarName) && !kinds.contains(&Kind::SimilarSize) {
        return groups;
    }
    use rayon::prelude::*;
    let idf = Idf::new(named);
    let toks: Vec<Tokens> = named.par_iter().map(|n| idf.prepare(&n.title)).collect();
    // One set of candidate pairs serves both detectors; a similarity is computed once.
    let cands = candidate_pairs(named, &used, &idf);
    let sims: Vec<Option<f64>> = if kinds.contains(&Kind::SimilarName) {
        cands
            .par_iter()
            .map(|&(a, c)| Some(idf.soft(&toks[a as usize], &toks[c as usize])))
            .collect()
    } else {
        vec![None; cands.len()]
    };
    if kinds.contains(&Kind::SimilarName) {
        let pairs: Vec<(usize, usize, f64)> = cands
            .iter()
            .zip(&sims)
            .filter_map(|(&(a, c), s)| {
                s.filter(|s| *s >= SIMILAR_NAME)
                    .map(|s| (a as usize, c as usize, s))
            })
            .collect();
        for (members, sim) in components(named.len(), &pairs) {
            let score = 0.45 + 0.30 * (sim - SIMILAR_NAME) / (1.0 - SIMILAR_NAME);
            for &m in &members {
                used[m] = true;
            }
            let key = format!("similar titles: {}", named[members[0]].title);
            groups.push(group(
                entries,
                named,
                &members,
                Kind::SimilarName,
                score.min(0.75),
                key,
                rule,
            ));
        }
    }
    if kinds.contains(&Kind::SimilarSize) {
        let pairs: Vec<(usize, usize, f64)> = cands
            .par_iter()
            .zip(&sims)
            .filter_map(|(&(a, c), s)| {
                let (a, c) = (a as usize, c as usize);
                if used[a] || used[c] {
                    return None;
                }
                let (sa, sb) = (
                    entries[named[a].entry].stat.size,
                    entries[named[c].entry].stat.size,
                );
                let (lo, hi) = (sa.min(sb), sa.max(sb));
                if lo < SIMILAR_SIZE_MIN || (hi - lo) as f64 > hi as f64 * SIZE_TOLERANCE {
                    return None;
                }
                let s = s.unwrap_or_else(|| idf.soft(&toks[a], &toks[c]));
                (s >= SIMILAR_SIZE_NAME).then_some((a, c, s))
            })
            .collect();
        for (members, _) in components(named.len(), &pairs) {
            let key = format!("similar sizes and titles: {}", named[members[0]].title);
            groups.push(group(
                entries,
                named,
                &members,
                Kind::SimilarSize,
                0.4,
                key,
                rule,
            ));
        }
    }
    groups
}

fn key_of(v: impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(v)
}

/// Pairs (a < b) of names not yet `used` that share a block and whose numbers agree,
/// each once.
fn candidate_pairs(named: &[Named], used: &[bool], idf: &Idf) -> Vec<(u32, u32)> {
    use rayon::prelude::*;
    let keys: Vec<Vec<u64>> = named
        .par_iter()
        .enumerate()
        .map(|(i, n)| {
            if used[i] || n.title.is_empty() {
                return Vec::new();
            }
            // A movie's year must agree (one without a year meets the same title through the
            // title key); an episode's year is too often missing to split on.
            let year = if n.episode { None } else { n.year };
            let numbers = key_of((n.episode, n.season, &n.episodes, &n.date, n.part, year));
            let mut keys: Vec<u64> = idf
                .block_keys(&n.title)
                .into_iter()
                .map(|k| key_of((numbers, k)))
                .collect();
            if !n.episode {
                keys.push(key_of(("title", n.part, &n.title)));
            }
            keys
        })
        .collect();
    let mut blocks: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for k in ks {
            blocks.entry(*k).or_default().push(i);
        }
    }
    let mut blocks: Vec<Vec<usize>> = blocks.into_values().filter(|b| b.len() > 1).collect();
    blocks.par_iter_mut().for_each(|b| {
        if b.len() > SMALL_BLOCK {
            b.sort_by(|x, y| named[*x].title.cmp(&named[*y].title));
        }
    });
    let mut cands: Vec<(u32, u32)> = blocks
        .par_iter()
        .flat_map_iter(|b| {
            let mut out = Vec::new();
            let reach = if b.len() > SMALL_BLOCK {
                WINDOW
            } else {
                b.len()
            };
            for (x, &a) in b.iter().enumerate() {
                for &c in b[x + 1..].iter().take(reach) {
                    let (a, c) = (a.min(c), a.max(c));
                    if a != c && named[a].compatible(&named[c]) {
                        out.push((a as u32, c as u32));
                    }
                }
            }
            out
        })
        .collect();
    cands.par_sort_unstable();
    cands.dedup();
    cands
}

/// Connected components of the pair graph (two or more members), each with the lowest
/// similarity on its edges.
fn components(n: usize, pairs: &[(usize, usize, f64)]) -> Vec<(Vec<usize>, f64)> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(a, b, _) in pairs {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut comps: BTreeMap<usize, (Vec<usize>, f64)> = BTreeMap::new();
    for &(a, b, s) in pairs {
        let r = root(&mut parent, a);
        let c = comps.entry(r).or_insert((Vec::new(), 1.0));
        c.0.push(a);
        c.0.push(b);
        c.1 = c.1.min(s);
    }
    comps
        .into_values()
        .map(|(mut m, s)| {
            m.sort_unstable();
            m.dedup();
            (m, s)
        })
        .collect()
}

/// A group of `members` (indices into `named`) with the best release as the keeper.
pub(super) fn group(
    entries: &[Entry],
    named: &[Named],
    members: &[usize],
    kind: Kind,
    score: f64,
    key: String,
    rule: &KeepRule,
) -> Group {
    let cands: Vec<Candidate> = members
        .iter()
        .map(|&i| Candidate {
            path: entries[named[i].entry].path(),
            stat: entries[named[i].entry].stat,
            // Releases differ in quality: the better one stays whoever watched the other.
            watched: false,
        })
        .collect();
    let better = |a: usize, b: usize| -> Ordering {
        let (qa, qb) = (&named[members[a]].quality, &named[members[b]].quality);
        quality::compare(qa, cands[a].stat.size, qb, cands[b].stat.size)
            .0
            .then_with(|| keep::original_first(&cands[a], &cands[b]))
    };
    let (k, why) = keep::choose(rule, &cands, &better, "kept: the best release");
    let kq = &named[members[k]].quality;
    let files = members
        .iter()
        .enumerate()
        .map(|(j, &i)| {
            let e = &entries[named[i].entry];
            let why = if j == k {
                why.clone()
            } else {
                match quality::compare(kq, cands[k].stat.size, &named[i].quality, e.stat.size) {
                    (Ordering::Less, Some(w)) => w,
                    (Ordering::Greater, Some(w)) => format!("better ({w}) but not chosen"),
                    _ => "same quality as the keeper".to_string(),
                }
            };
            GroupFile {
                path: e.paths[0].clone(),
                size: e.stat.size,
                keep: j == k,
                why,
                links: e.paths[1..].to_vec(),
                stat: e.stat,
                blake3: e.blake3,
            }
        })
        .collect();
    Group::new(kind, score, Some(key), files)
}

/// Token weights: rare tokens say more about a title than common ones.
pub struct Idf {
    df: HashMap<String, u32>,
    /// Token ids (index into `words`), so similarities compare and cache by number.
    ids: HashMap<String, u32>,
    words: Vec<Vec<char>>,
    n: f64,
}

impl Idf {
    /// Document frequencies of the title tokens of `named`.
    pub fn new(named: &[Named]) -> Idf {
        let mut df: HashMap<String, u32> = HashMap::new();
        for n in named {
            let toks: HashSet<&str> = n.title.split_whitespace().collect();
            for t in toks {
                *df.entry(t.to_string()).or_default() += 1;
            }
        }
        let ids = df
            .keys()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        let words: Vec<Vec<char>> = df.keys().map(|w| w.chars().collect()).collect();
        Idf {
            df,
            ids,
            words,
            n: named.len().max(1) as f64,
        }
    }

    fn id(&self, tok: &str) -> Option<u32> {
        self.ids.get(tok).copied()
    }

    /// Jaro-Winkler of two tokens.
    fn jw(&self, a: u32, b: u32) -> f64 {
        if a == b {
            return 1.0;
        }
        jaro_winkler(&self.words[a as usize], &self.words[b as usize])
    }

    fn weight(&self, tok: &str) -> f64 {
        let df = self.df.get(tok).copied().unwrap_or(1) as f64;
        (1.0 + self.n / df).ln()
    }

    /// The keys a title is blocked under: its two rarest tokens and their 4-letter
    /// prefixes (so a typo in one token still meets the right block).
    fn block_keys(&self, title: &str) -> Vec<String> {
        let mut toks: Vec<&str> = title.split_whitespace().collect();
        toks.sort_by(|a, b| {
            self.weight(b)
                .partial_cmp(&self.weight(a))
                .unwrap_or(Ordering::Equal)
                .then(a.cmp(b))
        });
        toks.dedup();
        let mut keys = Vec::new();
        for t in toks.into_iter().take(2) {
            keys.push(format!("t:{t}"));
            let p: String = t.chars().take(4).collect();
            if p.chars().count() == 4 {
                keys.push(format!("p:{p}"));
            }
        }
        keys
    }

    /// A title's tokens with their weights, computed once per name.
    pub fn prepare(&self, title: &str) -> Tokens {
        let toks: Vec<(u32, f64)> = title
            .split_whitespace()
            .filter_map(|t| Some((self.id(t)?, self.weight(t))))
            .collect();
        let total = toks.iter().map(|t| t.1).sum();
        Tokens { toks, total }
    }

    /// Soft TF-IDF similarity of two titles known to this index (see [`Idf::soft`]).
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        self.soft(&self.prepare(a), &self.prepare(b))
    }

    /// Soft TF-IDF similarity (0–1): each token counts by its weight times its best
    /// Jaro-Winkler match in the other title (matches below 0.88 count nothing).
    pub fn soft(&self, a: &Tokens, b: &Tokens) -> f64 {
        if a.toks.is_empty() || b.toks.is_empty() {
            return 0.0;
        }
        let side = |x: &Tokens, y: &Tokens| -> f64 {
            let mut got = 0.0;
            for &(t, w) in &x.toks {
                let mut best = 0.0f64;
                for &(u, _) in &y.toks {
                    best = best.max(self.jw(t, u));
                    if best >= 1.0 {
                        break;
                    }
                }
                if best >= 0.88 {
                    got += w * best;
                }
            }
            got
        };
        (side(a, b) + side(b, a)) / (a.total + b.total)
    }
}

/// Jaro-Winkler similarity of two words, without allocating for words of up to 64
/// characters (the comparisons of a large library run in the millions).
pub fn jaro_winkler(a: &[char], b: &[char]) -> f64 {
    if a.len() > 64 || b.len() > 64 {
        let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
        return strsim::jaro_winkler(&a, &b);
    }
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_hit = [false; 64];
    let mut b_hit = [false; 64];
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && b[j] == *ca {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0usize;
    for (i, ca) in a.iter().enumerate() {
        if !a_hit[i] {
            continue;
        }
        while !b_hit[j] {
            j += 1;
        }
        if *ca != b[j] {
            transpositions += 1;
        }
        j += 1;
    }
    let m = matches as f64;
    let jaro =
        (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64 / 2.0) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

/// A title's tokens and their weights.
pub struct Tokens {
    toks: Vec<(u32, f64)>,
    total: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Stat;

    fn movie(entry: usize, title: &str, year: Option<u16>, res: &str) -> Named {
        Named {
            entry,
            episode: false,
            media: true,
            title: title.into(),
            year,
            quality: Quality {
                resolution: quality::resolution(Some(res)),
                labels: [Some(res.into()), None, None],
                ..Quality::default()
            },
            ..Named::default()
        }
    }

    fn episode(entry: usize, show: &str, s: u32, eps: &[u32]) -> Named {
        Named {
            entry,
            episode: true,
            media: true,
            title: show.into(),
            season: Some(s),
            episodes: eps.to_vec(),
            ..Named::default()
        }
    }

    fn entries(n: usize, size: u64) -> Vec<Entry> {
        (0..n)
            .map(|i| Entry {
                paths: vec![format!("/m/f{i}.mkv").into()],
                stat: Stat {
                    dev: 1,
                    ino: i as u64,
                    size: size + i as u64,
                    mtime_ns: 0,
                },
                blake3: None,
            })
            .collect()
    }

    fn sets(groups: &[Group], kind: Kind) -> Vec<Vec<String>> {
        groups
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| {
                g.files
                    .iter()
                    .map(|f| f.path.to_string_lossy().into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn media_groups_same_movie_not_remake_and_episodes_apart() {
        let named = vec![
            movie(0, "heat", Some(1995), "1080p"),
            movie(1, "heat", Some(1995), "720p"),
            movie(2, "dune", Some(1984), "1080p"),
            movie(3, "dune", Some(2021), "1080p"),
            episode(4, "breaking bad", 1, &[2]),
            episode(5, "breaking bad", 1, &[3]),
            episode(6, "breaking bad", 1, &[2]),
            episode(7, "breaking bad", 1, &[2, 3]),
        ];
        let e = entries(8, 1000);
        let g = name_groups(&e, &named, &[Kind::Media], &KeepRule::Best);
        let mut got = sets(&g, Kind::Media);
        got.sort();
        assert_eq!(
            got,
            vec![
                vec!["/m/f0.mkv".to_string(), "/m/f1.mkv".into()],
                vec!["/m/f4.mkv".to_string(), "/m/f6.mkv".into()],
            ]
        );
        let heat = g.iter().find(|g| g.keep.ends_with("f0.mkv")).unwrap();
        assert_eq!(heat.files[1].why, "lower resolution (720p < 1080p)");
        assert_eq!(heat.confidence, super::super::Confidence::High);
    }

    #[test]
    fn similar_names_catch_typos_but_not_other_titles() {
        let named = vec![
            movie(0, "harry potter and the goblet of fire", None, "1080p"),
            movie(1, "harry poter and the goblet of fire", None, "720p"),
            movie(2, "star wars", None, ""),
            movie(3, "star trek", None, ""),
            movie(4, "alien", Some(1979), ""),
            movie(5, "aliens", Some(1986), ""),
            movie(6, "heat", None, ""),
            movie(7, "heat", Some(1995), ""),
        ];
        let e = entries(8, 1000);
        let g = name_groups(&e, &named, &[Kind::SimilarName], &KeepRule::Best);
        assert_eq!(
            sets(&g, Kind::SimilarName),
            vec![
                vec!["/m/f0.mkv".to_string(), "/m/f1.mkv".into()],
                vec!["/m/f6.mkv".to_string(), "/m/f7.mkv".into()]
            ]
        );
        let idf = Idf::new(&named);
        assert!(idf.similarity("star wars", "star trek") < SIMILAR_NAME);
    }

    #[test]
    fn jaro_winkler_matches_strsim() {
        for (a, b) in [
            ("martha", "marhta"),
            ("dixon", "dicksonx"),
            ("potter", "poter"),
            ("wars", "trek"),
            ("a", "a"),
            ("abc", ""),
            ("été", "ete"),
        ] {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let want = strsim::jaro_winkler(a, b);
            assert!((jaro_winkler(&ca, &cb) - want).abs() < 1e-9, "{a} {b}");
        }
    }

    #[test]
    fn similar_sizes_need_close_sizes_and_names() {
        let mut named = vec![
            movie(0, "the big lebowski", None, ""),
            movie(1, "big lebowski the", None, ""),
            movie(2, "big lebowsky", None, ""),
        ];
        named[1].title = "the big lebowski dude".into();
        let mut e = entries(3, 700 << 20);
        e[2].stat.size = 900 << 20;
        let g = name_groups(&e, &named, &[Kind::SimilarSize], &KeepRule::Best);
        assert_eq!(
            sets(&g, Kind::SimilarSize),
            vec![vec!["/m/f0.mkv".to_string(), "/m/f1.mkv".into()]]
        );
        assert_eq!(g[0].confidence, super::super::Confidence::Low);
    }
}
