//! From the media-name parser to what the name detectors need: every video file not
//! hidden as an exact or partial copy is parsed (in parallel) from its path, and its
//! title, numbers, quality, ids and extra marks are kept. [`doubts`] reads, for the few
//! files that end up in a media group, where the title and year came from (the file name
//! or a folder), which the group's confidence weighs.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::candidates::Entry;
use super::names::Named;
use super::quality::{self, Quality};
use crate::media::kind::FileKind;
use crate::media::{parse, MediaKind, MediaName};

/// What the name detectors know about `m`, the parse of entry `entry`.
pub fn named(entry: usize, m: &MediaName) -> Named {
    let hdr = m.other.iter().any(|o| quality::is_hdr(o));
    let remux = m.other.iter().any(|o| o.eq_ignore_ascii_case("remux"));
    let mut episodes = m.episodes.clone();
    if episodes.is_empty() {
        episodes.extend(m.episode);
    }
    let extra = m.extra.is_some()
        || m.other
            .iter()
            .any(|o| matches!(o.as_str(), "Sample" | "Trailer" | "Extras"));
    Named {
        entry,
        extra,
        edition: m.edition.clone().filter(|e| is_cut(e)),
        obfuscated: m.other.iter().any(|o| o == "Obfuscated"),
        ids: Vec::new(),
        episode: m.kind == MediaKind::Episode,
        media: m.kind != MediaKind::Unknown,
        title: m.normalized_title.clone(),
        year: m.year,
        season: m.season,
        episodes,
        date: m.date.clone(),
        part: m.part,
        quality: Quality {
            resolution: quality::resolution(m.screen_size.as_deref()),
            source: quality::source_rank(m.source.as_deref()),
            codec: quality::codec_rank(m.video_codec.as_deref()),
            hdr,
            remux,
            labels: [
                m.screen_size.clone(),
                m.source.clone(),
                m.video_codec.clone(),
            ],
        },
    }
}

/// Parse a path; a parser panic (a bug on some odd name) must not end the whole run,
/// so such a name counts as unknown.
fn parse_quietly(path: &str) -> MediaName {
    std::panic::catch_unwind(|| parse(path)).unwrap_or_default()
}

/// Parse every video file of `entries` whose shown name is not in `hidden`, on `jobs`
/// threads.
pub fn parse_entries(entries: &[Entry], hidden: &HashSet<PathBuf>, jobs: usize) -> Vec<Named> {
    let wanted: Vec<usize> = (0..entries.len())
        .filter(|&i| {
            let p = entries[i].path();
            FileKind::of(p) == FileKind::Video && !hidden.contains(p)
        })
        .collect();
    let work = || -> Vec<Named> {
        wanted
            .par_iter()
            .map(|&i| {
                let path = entries[i].path().to_string_lossy();
                let mut n = named(i, &parse_quietly(&path));
                n.ids = ids(&path);
                n.extra |= extra_words(entries[i].path());
                n
            })
            .collect()
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// Whether an edition is another cut of the film (`Extended`, `Director's Cut`), not the
/// same cut restored, re-released or in another aspect ratio (`Remastered`, `Limited`,
/// `Criterion`, `IMAX`); `Theatrical` is what a name without an edition holds.
pub fn is_cut(edition: &str) -> bool {
    !matches!(
        edition.to_ascii_lowercase().as_str(),
        "remastered"
            | "restored"
            | "limited"
            | "criterion"
            | "collector"
            | "deluxe"
            | "festival"
            | "imax"
            | "theatrical"
    )
}

/// Which database an id is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdKind {
    Imdb,
    Tmdb,
    Tvdb,
}

/// The ids written in a path the way Plex (`{imdb-tt0499549}`, `{tmdb-19995}`,
/// `{tvdb-81189}`), Jellyfin (`[imdbid-tt0499549]`) and Emby (`[tmdbid=19995]`) name
/// folders and files, each once.
pub fn ids(path: &str) -> Vec<(IdKind, String)> {
    let mut out: Vec<(IdKind, String)> = Vec::new();
    let b = path.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c != b'{' && c != b'[' {
            continue;
        }
        let close = if c == b'{' { b'}' } else { b']' };
        let Some(len) = b[i + 1..].iter().take(40).position(|&x| x == close) else {
            continue;
        };
        let inner = path[i + 1..i + 1 + len].to_ascii_lowercase();
        let Some(sep) = inner.find(['-', '=']) else {
            continue;
        };
        let (name, value) = (inner[..sep].trim(), inner[sep + 1..].trim());
        let kind = match name.trim_end_matches("id") {
            "imdb" => IdKind::Imdb,
            "tmdb" => IdKind::Tmdb,
            "tvdb" => IdKind::Tvdb,
            _ => continue,
        };
        let digits = if kind == IdKind::Imdb {
            value.strip_prefix("tt")
        } else {
            Some(value)
        };
        if digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|x| x.is_ascii_digit()))
            && !out.iter().any(|(k, v)| *k == kind && v == value)
        {
            out.push((kind, value.to_string()));
        }
    }
    out
}

/// A file name that says it is not the feature: `Movie.2021.Official.Trailer.mkv`,
/// `sample-movie.mkv`, `Movie.Teaser.mkv` (Plex's `-trailer` suffixes and extras folders
/// the parser reads itself).
pub fn extra_words(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    stem.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| matches!(w, "trailer" | "teaser" | "sample"))
}

/// What makes a file's title or year weaker evidence than a clean name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Doubts {
    /// The title is not written in the file name: it came from a folder (a show folder
    /// above `03 - Title.mkv`, or a release folder above an obfuscated name).
    pub title_from_folder: bool,
    /// The file name is random or scrambled: everything came from its folder.
    pub obfuscated: bool,
    /// The file name's year and its folder's year differ (`1984 (1956)/1984.1984.mkv`).
    pub year_conflict: bool,
    /// The title is itself a year-like number (`2001`, `1917`): a year read beside it may
    /// be the title, and the title may be a year.
    pub numeric_title: bool,
    /// An episode whose numbers are not written as `S01E02`, `1x02` or a date in the file
    /// name (a bare `03 - Title`, an anime absolute number).
    pub bare_episode: bool,
}

/// The doubts about `n`, the parse of `path`, read from the path without parsing it
/// again (the parser lets a file name's year win over its folder's, so a folder year
/// that differs from `n.year` is a conflict).
pub fn doubts(path: &Path, n: &Named) -> Doubts {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem_key = crate::media::normalize_title(
        path.file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default()
            .as_ref(),
    );
    let padded = format!(" {stem_key} ");
    let title_from_folder = !n.title.is_empty() && !padded.contains(&format!(" {} ", n.title));
    // The nearest folder (season folders aside) that writes a year claims it.
    let folder_year = path
        .ancestors()
        .skip(1)
        .take(3)
        .filter_map(|p| p.file_name())
        .map(|c| c.to_string_lossy())
        .filter(|c| !c.to_ascii_lowercase().starts_with("season"))
        .find_map(|c| last_year(&c));
    let year_conflict = !n.episode && folder_year.is_some() && n.year != folder_year;
    let numeric = |t: &str| {
        t.len() == 4
            && t.bytes().all(|b| b.is_ascii_digit())
            && (1900..2100).contains(&t.parse::<u32>().unwrap_or(0))
    };
    let numeric_title = numeric(&n.title);
    // An obfuscated file's numbers come from its release folder.
    let numbers_from = if n.obfuscated {
        path.parent()
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        file.clone()
    };
    let bare_episode = n.episode && n.date.is_none() && !episode_marker(&numbers_from);
    Doubts {
        title_from_folder,
        obfuscated: n.obfuscated,
        year_conflict,
        numeric_title,
        bare_episode,
    }
}

/// The last year-like number (1900–2099) written as a word of `name`: in a folder such as
/// `2001 A Space Odyssey (1968)` or `Blade.Runner.2049.2017.1080p`, the release year.
fn last_year(name: &str) -> Option<u16> {
    name.rsplit(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|w| w.parse::<u16>().ok())
        .find(|y| (1900..2100).contains(y))
}

/// Whether a file name writes its episode as `S01E02` or `1x02` (case-insensitive).
pub fn episode_marker(name: &str) -> bool {
    let b = name.to_ascii_lowercase().into_bytes();
    let digits = |mut i: usize| {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i, i - start)
    };
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        if b[i] == b's' {
            let (j, n) = digits(i + 1);
            if (1..=4).contains(&n) && j < b.len() && b[j] == b'e' && digits(j + 1).1 >= 1 {
                return true;
            }
        } else if b[i].is_ascii_digit() {
            let (j, n) = digits(i);
            if (1..=2).contains(&n) && j < b.len() && b[j] == b'x' {
                let (k, m) = digits(j + 1);
                if (2..=3).contains(&m) && (k == b.len() || !b[k].is_ascii_alphanumeric()) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_plex_jellyfin_and_emby_spellings() {
        let got = ids("/m/Avatar (2009) {imdb-tt0499549}/Avatar (2009) [tmdbid=19995] {tvdb-}.mkv");
        assert_eq!(
            got,
            vec![
                (IdKind::Imdb, "tt0499549".to_string()),
                (IdKind::Tmdb, "19995".to_string())
            ]
        );
        assert_eq!(ids("/tv/Show [tvdbid-81189]/x.mkv")[0].1, "81189");
        assert!(ids("/m/Heat {edition-Director's Cut}/Heat [1080p].mkv").is_empty());
    }

    #[test]
    fn markers_and_extra_words() {
        assert!(episode_marker("Show.S01E02.mkv"));
        assert!(episode_marker("Show - 3x11 - Title.avi"));
        assert!(!episode_marker("03 - Title.mkv"));
        assert!(!episode_marker("[Grp] Show - 05 (1080p).mkv"));
        assert!(!episode_marker("Movie.1920x1080.mkv"));
        assert!(extra_words(Path::new("/m/Dune.2021.Official.Trailer.mkv")));
        assert!(extra_words(Path::new("/m/sample-drive.2011.mkv")));
        assert!(!extra_words(Path::new("/m/Samples.of.Life.2011.mkv")));
    }

    #[test]
    fn path_readers_never_panic() {
        const BITS: [&str; 24] = [
            "{", "}", "[", "]", "imdb", "tmdbid", "tvdb", "-", "=", "tt", "0499549", "12", "/",
            ".", " ", "é", "ß", "日本", "S01E02", "1x02", "(1968)", "2001", "sample", "\u{7f}",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut p = String::from("/m/");
            for _ in 0..(x % 14) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                p.push_str(BITS[(x % BITS.len() as u64) as usize]);
            }
            let path = Path::new(&p);
            let _ = ids(&p);
            let _ = episode_marker(&p);
            let _ = last_year(&p);
            let _ = extra_words(path);
            let _ = doubts(path, &named(0, &parse_quietly(&p)));
        }
    }

    #[test]
    fn doubts_read_from_the_path() {
        let d = |p: &str| {
            let n = named(0, &parse_quietly(p));
            doubts(Path::new(p), &n)
        };
        assert_eq!(d("/m/Heat (1995)/Heat.1995.1080p.mkv"), Doubts::default());
        assert!(d("/m/1984 (1956)/1984.1984.mkv").year_conflict);
        assert!(d("/m/incoming/2001.mkv").numeric_title);
        // The parser reads a file named by its movie folder's first words as that movie.
        assert!(!d("/m/2001 A Space Odyssey (1968)/2001.mkv").numeric_title);
        assert!(d("/tv/The Crown/Season 3/03 - Aberfan.mkv").title_from_folder);
        assert!(d("/tv/The Crown/Season 3/03 - Aberfan.mkv").bare_episode);
        assert!(!d("/tv/Show.S01E02.720p.mkv").bare_episode);
        assert!(!d("/m/2012 (2009)/2012.mkv").year_conflict);
        assert_eq!(last_year("Blade.Runner.2049.2017.1080p"), Some(2017));
    }
}
