//! The release-name parser: what a media file is, read from its path.
//!
//! `parse` turns a path such as `Breaking Bad/Season 2/03 - Bit by a Dead Bee.mkv` or
//! `Heat.1995.1080p.BluRay.x264-GRP.mkv` into a [`MediaName`]: the kind (movie or
//! episode), title, year, season and episode numbers, and the technical fields in
//! guessit's vocabulary. `dupes` groups releases of the same movie or episode by
//! `normalized_title` and the numbers; `organize` builds paths from them.
//!
//! The file name is read first; its parent folders fill what it lacks (a show name and
//! season above `03 - Title.mkv`, a clean `Title (Year)` for a movie) and replace it when
//! it is obfuscated (`c48db7d2aeb0.mkv` inside a release folder). The parser is a
//! hand-written tokenizer with lookup tables: no regular expressions, linear in the
//! length of the input, and it never panics.

mod analyze;
mod normalize;
#[cfg(test)]
mod props;
mod tokens;
mod vocab;

use analyze::{analyze, Info, TitleFrom};
use serde::{Deserialize, Serialize};

pub use normalize::normalize_title;

/// Whether a name is a movie, an episode of a show, or not recognisably media.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// A film (the default when a release name has no episode markers).
    Movie,
    /// An episode, a season pack or a daily show.
    Episode,
    /// Not a media release name (`notes.txt`, `IMG_2041.JPG`).
    #[default]
    Unknown,
}

/// Everything the parser read from a path; unknown fields are absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaName {
    /// Movie, episode, or unknown.
    pub kind: MediaKind,
    /// The movie title, or the show name for episodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The release year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The season (the first one for multi-season packs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season: Option<u32>,
    /// The first episode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<u32>,
    /// All episodes of a multi-episode file; empty when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub episodes: Vec<u32>,
    /// Every season of a multi-season pack (`S01-S07`), in order; empty unless several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seasons: Vec<u32>,
    /// The absolute episode number (anime numbering), beside or instead of season/episode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absolute_episode: Option<u32>,
    /// A country that is part of the title's identity (`US` in `The.Office.US`), upper case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// A local extra's kind in Plex's words (`trailer`, `behindthescenes`, `deleted`,
    /// `featurette`, `interview`, `scene`, `short`, `other`), from a suffix or its folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<String>,
    /// The air date of a daily show, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The episode's own title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode_title: Option<String>,
    /// `720p`, `1080p`, `2160p`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen_size: Option<String>,
    /// `Blu-ray`, `Web`, `HDTV`, `DVD`, `HD-DVD`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `H.264`, `H.265`, `Xvid`, `DivX`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video_codec: Option<String>,
    /// `AAC`, `Dolby Digital`, `DTS`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_codec: Option<String>,
    /// `5.1`, `7.1`, `2.0`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_channels: Option<String>,
    /// `Director's Cut`, `Extended`, `Unrated`, `Remastered`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The part or disc number (`CD1`, `pt2`, `Part 2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<u32>,
    /// The release group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_group: Option<String>,
    /// The file extension of a known container (`mkv`, `mp4`, `srt`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// Audio languages as ISO 639-1 codes (`mul` for multi-language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub language: Vec<String>,
    /// Subtitle languages as ISO 639-1 codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtitle_language: Vec<String>,
    /// Other tags: `Proper`, `Repack`, `HDR10`, `Remux`, `3D`, `Rip`, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<String>,
    /// The match key: `normalize_title` of the title (plus a trailing country), "" if none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub normalized_title: String,
}

/// How many parent folders are consulted at most (nearest first).
const MAX_PARENTS: usize = 4;

/// Parses a whole path (`/` or `\` separated) into a [`MediaName`].
pub fn parse(path: &str) -> MediaName {
    let mut comps: Vec<&str> = split_path(path).filter(|c| !c.trim().is_empty()).collect();
    let Some(file) = comps.pop() else {
        return MediaName::default();
    };
    let (stem, container) = split_extension(file);
    // Plex names a local extra `Movie (Year)-trailer.mkv`.
    let (stem, extra) = split_plex_extra(stem);
    let non_media = container.as_deref().is_some_and(vocab::is_non_media);
    let mut info = analyze(stem, true, !non_media);

    // Parent folders, nearest first, skipping generic ones (`Movies`, `TV Shows`, `D:`);
    // an extras folder (`Featurettes/`) marks the file as an extra.
    let mut parents: Vec<Info> = Vec::new();
    let mut extras = false;
    let mut folder_extra = None;
    for c in comps.iter().rev() {
        match classify_folder(c) {
            Folder::Extras(kind) => {
                if parents.is_empty() && !extras {
                    folder_extra = kind;
                }
                extras |= parents.is_empty();
            }
            Folder::Generic => {}
            Folder::Named => parents.push(analyze(c, false, true)),
        }
        if parents.len() == MAX_PARENTS {
            break;
        }
    }
    merge(&mut info, &parents, stem);
    let sample = info.other.contains(&"Sample");
    if let Some(kind) = extra {
        info.other.push(if kind == "trailer" {
            "Trailer"
        } else {
            "Extras"
        });
    } else if extras && !sample {
        info.other.push("Extras");
    }
    let extra = extra.or(if sample { None } else { folder_extra });

    let strings = |v: &[&'static str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut m = MediaName {
        year: info.year,
        season: info.season,
        episode: info.episodes.first().copied(),
        part: info.part,
        source: info.source.map(str::to_string),
        video_codec: info.video_codec.map(str::to_string),
        audio_codec: info.audio_codec.map(str::to_string),
        audio_channels: info.audio_channels.map(str::to_string),
        edition: info.edition.map(str::to_string),
        language: strings(&info.language),
        subtitle_language: strings(&info.subtitle_language),
        other: strings(&info.other),
        container: container.or_else(|| info.container.map(str::to_string)),
        // Moved, not cloned: `info` is ours.
        title: info.title.take(),
        date: info.date.take(),
        episode_title: info.episode_title.take(),
        screen_size: info.screen_size.take(),
        release_group: info.group.take(),
        country: info.country.map(str::to_string),
        extra: extra.map(str::to_string),
        absolute_episode: match info.episodes.as_slice() {
            [e] if info.absolute && info.season.is_none() => Some(*e),
            _ => None,
        },
        seasons: if info.seasons.len() > 1 {
            let mut s = std::mem::take(&mut info.seasons);
            s.sort_unstable();
            s
        } else {
            Vec::new()
        },
        episodes: if info.episodes.len() > 1 {
            std::mem::take(&mut info.episodes)
        } else {
            Vec::new()
        },
        ..MediaName::default()
    };
    if !m.episodes.is_empty() {
        m.episodes.sort_unstable();
        m.episodes.dedup();
        m.episode = m.episodes.first().copied();
    }
    // 2160p Blu-ray is an Ultra HD Blu-ray.
    if m.source.as_deref() == Some("Blu-ray") && m.screen_size.as_deref() == Some("2160p") {
        m.source = Some("Ultra HD Blu-ray".to_string());
        m.other.retain(|o| o != "Ultra HD");
    }
    m.kind = kind_of(&info, &m, stem);
    if let Some(t) = &m.title {
        let mut key = normalize_title(t);
        if let (Some(c), false) = (info.country, key.is_empty()) {
            key.push(' ');
            key.push_str(&c.to_ascii_lowercase());
        }
        m.normalized_title = key;
    }
    m
}

/// Splits a path on `/` and `\\`, except inside brackets: a name given on its own may
/// contain `[720p/MKV]`, which is not a folder.
fn split_path(path: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in path.char_indices() {
        match c {
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth = (depth - 1).max(0),
            '/' | '\\' => {
                // Inside brackets only if they close before the next separator, soon.
                let ahead = &path.as_bytes()[i + 1..(i + 17).min(path.len())];
                let closes = ahead
                    .iter()
                    .take_while(|&&b| b != b'/' && b != b'\\')
                    .any(|&b| matches!(b, b']' | b')' | b'}'));
                if depth == 0 || !closes {
                    depth = 0;
                    parts.push(&path[start..i]);
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    parts.push(&path[start..]);
    parts.into_iter()
}

/// Splits a known container extension off a file name: (`stem`, `Some("mkv")`).
fn split_extension(file: &str) -> (&str, Option<String>) {
    if let Some(dot) = file.rfind('.') {
        let ext = &file[dot + 1..];
        if !ext.is_empty() && ext.len() <= 7 && dot > 0 {
            let lower = ext.to_ascii_lowercase();
            if vocab::is_container(&lower) {
                return (&file[..dot], Some(lower));
            }
        }
    }
    (file, None)
}

/// `Movie (2009)-trailer`: Plex's suffixes for local extras, and the extra kind each names.
fn split_plex_extra(stem: &str) -> (&str, Option<&'static str>) {
    const SUFFIXES: [&str; 8] = [
        "trailer",
        "featurette",
        "behindthescenes",
        "deleted",
        "interview",
        "scene",
        "short",
        "other",
    ];
    for kind in SUFFIXES {
        let n = kind.len() + 1;
        if stem.len() > n {
            let cut = stem.len() - n;
            if stem.is_char_boundary(cut)
                && stem.as_bytes()[cut] == b'-'
                && stem[cut + 1..].eq_ignore_ascii_case(kind)
            {
                return (&stem[..cut], Some(kind));
            }
        }
    }
    (stem, None)
}

/// What a parent folder is to the parser.
enum Folder {
    /// May carry a title, a year, a season.
    Named,
    /// A library root, a drive letter, an id: ignored.
    Generic,
    /// A folder of extras (`Featurettes`, `Behind The Scenes`): ignored, but it tags the
    /// file with the extra kind (`None` for samples).
    Extras(Option<&'static str>),
}

fn classify_folder(c: &str) -> Folder {
    let t = c.trim();
    if t.len() <= 24 {
        let key: String = t.to_ascii_lowercase().replace(['_', '.', '-'], " ");
        if vocab::is_extras_folder(&key) {
            return Folder::Extras(vocab::extras_folder_kind(&key));
        }
    }
    if is_generic(c) {
        Folder::Generic
    } else {
        Folder::Named
    }
}

/// Folders that never carry a title: library roots, drive letters, ids.
fn is_generic(c: &str) -> bool {
    let t = c.trim();
    if t.ends_with(':') || t.len() <= 1 {
        return true;
    }
    // Generic names are short ASCII: fold into a stack buffer rather than allocate.
    let mut buf = [0u8; 24];
    let mut len = 0;
    let mut ascii = true;
    for b in t.bytes() {
        if len == buf.len() || !b.is_ascii() {
            ascii = false;
            break;
        }
        buf[len] = match b {
            b'_' | b'.' | b'-' => b' ',
            _ => b.to_ascii_lowercase(),
        };
        len += 1;
    }
    if ascii && std::str::from_utf8(&buf[..len]).is_ok_and(vocab::is_generic_folder) {
        return true;
    }
    if !t.chars().any(char::is_alphanumeric) {
        return true;
    }
    // UUIDs and hashes.
    let hexish = t
        .bytes()
        .filter(|b| b.is_ascii_hexdigit() || *b == b'-')
        .count();
    t.len() >= 16 && hexish == t.len()
}

/// Whether a folder's info is a season folder (`Season 2`, `S01`): a season and nothing else.
fn is_season_folder(p: &Info) -> bool {
    p.season.is_some() && p.episodes.is_empty() && p.title.is_none()
}

/// Fills the file's fields from its parent folders.
fn merge(info: &mut Info, parents: &[Info], stem: &str) {
    if info.obfuscated {
        // The file name is noise: the nearest named folder is the release name.
        if let Some(p) = parents.iter().find(|p| p.title.is_some() && !p.obfuscated) {
            let mut taken = p.clone();
            taken.obfuscated = true;
            taken.other.retain(|o| *o != "Obfuscated");
            taken.other.push("Obfuscated");
            *info = taken;
        }
        return;
    }
    if parents.is_empty() {
        return;
    }
    let file_key = normalize_title(info.title.as_deref().unwrap_or(""));
    let mut saw_season_folder = false;
    for (depth, p) in parents.iter().enumerate() {
        if is_season_folder(p) {
            saw_season_folder = true;
            if info.season.is_none() {
                info.season = p.season;
            }
            continue;
        }
        // A single-episode release folder says which episode this is (a sample inside
        // `Show.S02E03.720p` is S02E03 whatever its own name says).
        if p.season.is_some() && !p.episodes.is_empty() && (p.tech > 0 || info.episodes.is_empty())
        {
            info.season = p.season;
            info.episodes = p.episodes.clone();
        }
        if info.season.is_none() && p.season.is_some() {
            info.season = p.season;
        }
        if let Some(pt) = &p.title {
            let pkey = normalize_title(pt);
            let title_missing = info.title.is_none();
            let after_marker = info.title_from == TitleFrom::AfterMarker
                || (saw_season_folder
                    && info.episodes.is_empty()
                    && info.title_from == TitleFrom::Lead
                    && pkey != file_key);
            if title_missing || (after_marker && depth <= 2) {
                if !title_missing && info.episode_title.is_none() && pkey != file_key {
                    info.episode_title = info.title.take();
                }
                info.title = Some(pt.clone());
                info.title_from = TitleFrom::Lead;
                info.country = info.country.or(p.country);
            } else if pkey != file_key && prefer_folder_title(info, p, stem, &file_key, &pkey) {
                info.title = Some(pt.clone());
                info.country = info.country.or(p.country);
            }
            fill_from(info, p);
            // The first folder with a title is the show or movie folder; stop there.
            if !is_season_folder(p) {
                break;
            }
        } else {
            fill_from(info, p);
        }
    }
}

/// Whether the parent's title should replace the file's.
fn prefer_folder_title(info: &Info, p: &Info, stem: &str, file_key: &str, pkey: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let (fs, ps) = (squash(file_key), squash(pkey));
    // `Title (Year)/Title.720p...`: the folder has the clean spelling of the same words.
    let clean_movie_folder = p.year.is_some() && p.tech == 0 && p.episodes.is_empty();
    if clean_movie_folder && normalize_title(stem).contains(pkey) {
        return true;
    }
    // `Star Trek - The Next Generation/.../Star Trek - The Next Generation - S03E15`: the
    // folder's title is the file's, read in full.
    if !file_key.is_empty() && pkey.starts_with(file_key) && normalize_title(stem).contains(pkey) {
        return true;
    }
    // `CuerpoDeElite720p` under `Cuerpo de Elite - Temporada 1`.
    if info.title_tokens == 1 && fs.len() > ps.len() && fs.contains(&ps) && !ps.is_empty() {
        return true;
    }
    // Lowercase scene file names abbreviate the release folder's title (`ano-cosmo`).
    let release_folder = p.tech > 0 || p.group.is_some();
    let lowercase_file = !stem.bytes().any(|b| b.is_ascii_uppercase());
    release_folder && lowercase_file && !fs.is_empty()
}

/// Fills fields the file lacks from a folder's info.
fn fill_from(info: &mut Info, p: &Info) {
    info.year = info.year.or(p.year);
    if info.season.is_none() {
        info.season = p.season;
    }
    if info.date.is_none() {
        info.date.clone_from(&p.date);
    }
    if info.episode_title.is_none() && info.episodes == p.episodes && !p.episodes.is_empty() {
        info.episode_title.clone_from(&p.episode_title);
    }
    if info.screen_size.is_none() {
        info.screen_size.clone_from(&p.screen_size);
    }
    info.source = info.source.or(p.source);
    info.video_codec = info.video_codec.or(p.video_codec);
    info.audio_codec = info.audio_codec.or(p.audio_codec);
    info.audio_channels = info.audio_channels.or(p.audio_channels);
    info.edition = info.edition.or(p.edition);
    if p.group.is_some() && (info.group.is_none() || !info.group_strong && p.group_strong) {
        info.group.clone_from(&p.group);
        info.group_strong = p.group_strong;
    }
    for o in &p.other {
        if !info.other.contains(o) {
            info.other.push(o);
        }
    }
    for l in &p.language {
        if !info.language.contains(l) {
            info.language.push(l);
        }
    }
    for l in &p.subtitle_language {
        if !info.subtitle_language.contains(l) {
            info.subtitle_language.push(l);
        }
    }
    info.series_words |= p.series_words;
    info.tech += p.tech;
}

/// Decides movie, episode or unknown.
fn kind_of(info: &Info, m: &MediaName, stem: &str) -> MediaKind {
    if m.season.is_some() || m.episode.is_some() || m.date.is_some() || info.series_words {
        return MediaKind::Episode;
    }
    let complete = m.other.iter().any(|o| o == "Complete");
    if complete && m.year.is_none() {
        return MediaKind::Episode;
    }
    // A year followed by a "special" (`Doctor Who 2005 Christmas Special`).
    if let Some(et) = &m.episode_title {
        if et.to_ascii_lowercase().contains("special") {
            return MediaKind::Episode;
        }
    }
    let non_media = m.container.as_deref().is_some_and(vocab::is_non_media);
    let evidence = m.year.is_some() || info.tech > 0 || m.part.is_some();
    if stem.trim().is_empty() || m.title.is_none() && !evidence {
        return MediaKind::Unknown;
    }
    if non_media && !evidence {
        return MediaKind::Unknown;
    }
    MediaKind::Movie
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> MediaName {
        parse(s)
    }

    #[test]
    fn scene_movie() {
        let m = p("Heat.1995.1080p.BluRay.x264-GRP.mkv");
        assert_eq!(m.kind, MediaKind::Movie);
        assert_eq!(m.title.as_deref(), Some("Heat"));
        assert_eq!(m.year, Some(1995));
        assert_eq!(m.screen_size.as_deref(), Some("1080p"));
        assert_eq!(m.source.as_deref(), Some("Blu-ray"));
        assert_eq!(m.video_codec.as_deref(), Some("H.264"));
        assert_eq!(m.release_group.as_deref(), Some("GRP"));
        assert_eq!(m.container.as_deref(), Some("mkv"));
        assert_eq!(m.normalized_title, "heat");
    }

    #[test]
    fn lowercase_scene_names_put_the_group_first_only_in_release_names() {
        let m = p("blow-how.to.be.single.2016.1080p.bluray.x264.mkv");
        assert_eq!(m.title.as_deref(), Some("how to be single"));
        assert_eq!(m.release_group.as_deref(), Some("blow"));
        let m = p("x-men.2000.720p.mkv");
        assert_eq!(m.title.as_deref(), Some("x-men"));
        assert_eq!(m.release_group, None);
        assert_eq!(m.year, Some(2000));
        // Without any quality, source or codec it is not a release name: no group.
        let m = p("ant-man.and.the.wasp.2018.mkv");
        assert_eq!(m.title.as_deref(), Some("ant-man and the wasp"));
        assert_eq!(m.release_group, None);
        let m = p("she-hulk.attorney.at.law.s01e01.mkv");
        assert_eq!(m.title.as_deref(), Some("she-hulk attorney at law"));
        let m = p("dmt-inception.2010.720p.mkv");
        assert_eq!(m.title.as_deref(), Some("inception"));
        assert_eq!(m.release_group.as_deref(), Some("dmt"));
    }

    #[test]
    fn season_folder_gives_show_and_season() {
        let m = p("Breaking Bad/Season 2/03 - Bit by a Dead Bee.mkv");
        assert_eq!(m.kind, MediaKind::Episode);
        assert_eq!(m.title.as_deref(), Some("Breaking Bad"));
        assert_eq!(m.season, Some(2));
        assert_eq!(m.episode, Some(3));
        assert_eq!(m.episode_title.as_deref(), Some("Bit by a Dead Bee"));
    }

    #[test]
    fn multi_episode_forms() {
        assert_eq!(p("Show.S01E01E02.mkv").episodes, vec![1, 2]);
        assert_eq!(p("Show.S01E01-E03.mkv").episodes, vec![1, 2, 3]);
        assert_eq!(p("Show - 1x02-03-04 - Title").episodes, vec![2, 3, 4]);
        let m = p("Show.1x02.mkv");
        assert_eq!((m.season, m.episode), (Some(1), Some(2)));
        assert!(m.episodes.is_empty());
    }

    #[test]
    fn anime_absolute_numbering() {
        let m = p("[HorribleSubs] Ao Haru Ride - 06 [480p].mkv");
        assert_eq!(m.title.as_deref(), Some("Ao Haru Ride"));
        assert_eq!(m.episode, Some(6));
        assert_eq!(m.release_group.as_deref(), Some("HorribleSubs"));
        assert_eq!(p("[Group] One Piece - 1080 [x264].mkv").episode, Some(1080));
    }

    #[test]
    fn years_in_titles() {
        let m = p("2001.A.Space.Odyssey.1968.1080p.mkv");
        assert_eq!(
            (m.title.as_deref(), m.year),
            (Some("2001 A Space Odyssey"), Some(1968))
        );
        let m = p("1917.2019.1080p.BluRay.mkv");
        assert_eq!((m.title.as_deref(), m.year), (Some("1917"), Some(2019)));
        let m = p("1917.mkv");
        assert_eq!(m.title.as_deref(), Some("1917"));
    }

    #[test]
    fn daily_shows_and_parts() {
        let m = p("Show.2024.03.15.720p.HDTV.x264-GRP.mkv");
        assert_eq!(m.date.as_deref(), Some("2024-03-15"));
        assert_eq!(m.kind, MediaKind::Episode);
        assert_eq!(p("The Godfather Part III.mkv").part, Some(3));
        assert_eq!(p("Movie CD1of2.avi").part, Some(1));
    }

    #[test]
    fn foreign_title_in_parentheses_is_dropped() {
        let m = p("La Defense Lincoln (The Lincoln Lawyer) 2011 [DVDRIP]");
        assert_eq!(m.title.as_deref(), Some("La Defense Lincoln"));
        assert_eq!(m.year, Some(2011));
    }

    #[test]
    fn not_media() {
        let m = p("IMG_2041.JPG");
        assert_eq!(m.kind, MediaKind::Unknown);
        assert_eq!(m.title.as_deref(), Some("IMG 2041"));
        assert_eq!(p("notes.txt").kind, MediaKind::Unknown);
        assert_eq!(p("").kind, MediaKind::Unknown);
    }

    #[test]
    fn country_stays_in_the_key() {
        let m = p("The.Office.US.S01E01.mkv");
        assert_eq!(m.title.as_deref(), Some("The Office"));
        assert_eq!(m.normalized_title, "office us");
    }

    #[test]
    fn plex_library_names() {
        let m = p("TV/Star Trek - The Next Generation/Season 3/Star Trek - The Next Generation - S03E15 - Yesterday's Enterprise.mkv");
        assert_eq!(m.title.as_deref(), Some("Star Trek - The Next Generation"));
        assert_eq!(m.episode_title.as_deref(), Some("Yesterday's Enterprise"));
        let m = p(
            "Movies/Mission Impossible - Fallout (2018)/Mission Impossible - Fallout (2018).mkv",
        );
        assert_eq!(
            (m.title.as_deref(), m.year),
            (Some("Mission Impossible - Fallout"), Some(2018))
        );
        let m = p("TV/The Daily Show/Season 2024/The Daily Show - 2024-03-15 - Guest Name.mkv");
        assert_eq!(m.date.as_deref(), Some("2024-03-15"));
        assert_eq!(m.episode_title.as_deref(), Some("Guest Name"));
        assert_eq!(m.release_group, None);
        let m = p("TV/Show/Season 01/Show - s01e01.en.forced.srt");
        assert_eq!((m.episode, m.episode_title.as_deref()), (Some(1), None));
        let m = p("Movies/Avatar (2009)/Avatar (2009)-trailer.mkv");
        assert_eq!(
            (m.title.as_deref(), m.other.as_slice()),
            (Some("Avatar"), &["Trailer".to_string()][..])
        );
        let m = p("Movies/Avatar (2009)/Featurettes/Behind the Scenes.mkv");
        assert!(m.other.iter().any(|o| o == "Extras"));
        let m = p("Movies/Avatar (2009) {imdb-tt0499549}/Avatar (2009) {imdb-tt0499549}.mkv");
        assert_eq!((m.title.as_deref(), m.year), (Some("Avatar"), Some(2009)));
    }

    #[test]
    fn extras_and_country_have_fields_of_their_own() {
        let m = p("Movies/Avatar (2009)/Avatar (2009)-behindthescenes.mkv");
        assert_eq!(m.extra.as_deref(), Some("behindthescenes"));
        let m = p("Movies/Avatar (2009)/Deleted Scenes/The Lab.mkv");
        assert_eq!(m.extra.as_deref(), Some("deleted"));
        let m = p("Movies/Avatar (2009)/Extras/Making Of.mkv");
        assert_eq!(m.extra.as_deref(), Some("other"));
        let m = p("Movies/Avatar (2009)/Sample/avatar-sample.mkv");
        assert_eq!(m.extra, None);
        // A title that only ends like a suffix is not an extra.
        assert_eq!(p("Movies/The Short.mkv").extra, None);
        let m = p("The.Office.US.S01E01.mkv");
        assert_eq!(m.country.as_deref(), Some("US"));
        assert_eq!(p("Heat.1995.mkv").country, None);
    }

    #[test]
    fn obfuscated_file_takes_its_folder() {
        let m = p("Show.Name.S01E02.720p.WEB-DL.x264-GRP/c48db7d2aeb040e8a920a9fd6effcbf4.mkv");
        assert_eq!(m.title.as_deref(), Some("Show Name"));
        assert_eq!(m.episode, Some(2));
        assert!(m.other.iter().any(|o| o == "Obfuscated"));
    }
}
