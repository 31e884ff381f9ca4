//! Reading a path around its file name: splitting it into components (`/` or `\\`, but
//! not inside brackets), the container extension and Plex's extra suffixes, what each
//! parent folder is (a library root, an extras folder, a season folder, a named one),
//! and how the folders fill what the file name lacks.

use super::analyze::{Info, TitleFrom};
use super::normalize::normalize_title;
use super::vocab;

/// Splits a path on `/` and `\\`, except inside brackets: a name given on its own may
/// contain `[720p/MKV]`, which is not a folder.
pub(super) fn split_path(path: &str) -> impl Iterator<Item = &str> {
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
pub(super) fn split_extension(file: &str) -> (&str, Option<String>) {
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
pub(super) fn split_plex_extra(stem: &str) -> (&str, Option<&'static str>) {
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
    // Plex's suffixes follow a clean `Title (Year)` name, not a dotted release name
    // (`Movie.2019.DVDRip.XviD-OTHER` is the group OTHER).
    if stem.contains('.') && !stem.contains(' ') {
        return (stem, None);
    }
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

/// `heat-sample`, `sample-heat.1995`, `Heat_sample`: a sample's marker at either end of a
/// file name, cut off so it is neither the title nor the group.
pub(super) fn split_sample(stem: &str) -> (&str, bool) {
    const WORD: &str = "sample";
    let n = WORD.len() + 1;
    let sep = |b: u8| matches!(b, b'-' | b'.' | b'_' | b' ');
    let b = stem.as_bytes();
    if b.len() > n {
        let cut = b.len() - n;
        if sep(b[cut]) && stem.is_char_boundary(cut) && stem[cut + 1..].eq_ignore_ascii_case(WORD) {
            return (&stem[..cut], true);
        }
        if sep(b[n - 1]) && stem.is_char_boundary(n - 1) && stem[..n - 1].eq_ignore_ascii_case(WORD)
        {
            return (&stem[n..], true);
        }
    }
    (stem, false)
}

/// What a parent folder is to the parser.
pub(super) enum Folder {
    /// May carry a title, a year, a season.
    Named,
    /// A library root, a drive letter, an id: ignored.
    Generic,
    /// A folder of extras (`Featurettes`, `Behind The Scenes`): ignored, but it tags the
    /// file with the extra kind (`None` for samples).
    Extras(Option<&'static str>),
    /// Plex's `Specials` folder of a show: season 0.
    Specials,
}

pub(super) fn classify_folder(c: &str) -> Folder {
    let mut buf = [0u8; 24];
    let key = fold_short(c.trim(), &mut buf);
    if let Some(key) = key {
        if vocab::is_extras_folder(key) {
            return Folder::Extras(vocab::extras_folder_kind(key));
        }
        if matches!(key, "specials" | "special") {
            return Folder::Specials;
        }
    }
    if is_generic(c, key) {
        Folder::Generic
    } else {
        Folder::Named
    }
}

/// A short ASCII folder name folded into `buf` (lower case, `_ . -` as spaces), or `None`
/// when it is long or not ASCII: the folder words we look up are short ASCII, and a stack
/// buffer saves an allocation per folder.
fn fold_short<'b>(t: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if t.len() > buf.len() || !t.is_ascii() {
        return None;
    }
    for (o, b) in buf.iter_mut().zip(t.bytes()) {
        *o = match b {
            b'_' | b'.' | b'-' => b' ',
            _ => b.to_ascii_lowercase(),
        };
    }
    std::str::from_utf8(&buf[..t.len()]).ok()
}

/// Folders that never carry a title: library roots, drive letters, ids. `key` is the
/// folded name from `fold_short`.
fn is_generic(c: &str, key: Option<&str>) -> bool {
    let t = c.trim();
    if t.ends_with(':') || t.len() <= 1 {
        return true;
    }
    if key.is_some_and(vocab::is_generic_folder) {
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
    // `Season 01 - Riders of Berk`: a named season is a season folder too.
    let named = p.title_from == TitleFrom::AfterMarker;
    p.season.is_some() && p.episodes.is_empty() && (p.title.is_none() || named)
}

/// `Season 1/01 Pilot.mkv`: in a season folder, a file name that starts with a short
/// number and a space is numbered by it; the words after it are the episode title.
fn numbered_in_season(info: &mut Info) {
    if !info.episodes.is_empty() && !info.title.as_deref().is_some_and(is_short_number) {
        return;
    }
    if info.date.is_some() || info.title_from != TitleFrom::Lead {
        return;
    }
    let Some(title) = info.title.as_deref() else {
        return;
    };
    let (head, rest) = title.split_once(' ').unwrap_or((title, ""));
    if !is_short_number(head) {
        return;
    }
    if info.episodes.is_empty() {
        if let Ok(e) = head.parse() {
            info.episodes.push(e);
        }
    }
    let rest = rest.trim_start_matches(['-', ' ']);
    if rest.is_empty() {
        info.title = None;
    } else {
        info.title = Some(rest.to_string());
        info.title_from = TitleFrom::AfterMarker;
    }
}

/// One to three ASCII digits.
fn is_short_number(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Fills the file's fields from its parent folders.
pub(super) fn merge(info: &mut Info, parents: &[Info], stem: &str) {
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
    if parents.first().is_some_and(is_season_folder) {
        numbered_in_season(info);
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
                // The folder read `Part One` as its title's: so is the file's.
                if p.part.is_none() && info.part.is_some() && pkey.starts_with(&file_key) {
                    info.part = None;
                }
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
    // `2001 A Space Odyssey (1968)/2001.mkv`: the file names the film by its first words.
    if clean_movie_folder
        && !file_key.is_empty()
        && pkey
            .strip_prefix(file_key)
            .is_some_and(|r| r.starts_with(' '))
    {
        return true;
    }
    // `Star Trek - The Next Generation/.../Star Trek - The Next Generation - S03E15`: the
    // folder's title is the file's, read in full.
    if !file_key.is_empty() && pkey.starts_with(file_key) && normalize_title(stem).contains(pkey) {
        return true;
    }
    // `CuerpoDeElite720p` under `Cuerpo de Elite - Temporada 1`.
    // The folder's title is words the file glued together, not a fragment of the file's
    // one word (`dl/ro/Ronin.1998.mkv` is Ronin).
    let words = pkey.split(' ').count();
    if info.title_tokens == 1 && words > 1 && fs.len() > ps.len() && fs.contains(&ps) {
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

#[cfg(test)]
mod tests {
    use crate::media::name::{parse, MediaKind};

    /// (title, season, episode, episode title) of a path.
    fn st(path: &str) -> (Option<String>, Option<u32>, Option<u32>, Option<String>) {
        let m = parse(path);
        (m.title, m.season, m.episode, m.episode_title)
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn a_numbered_file_in_a_season_folder() {
        let want = (s("Fargo"), Some(2), Some(1), s("Waiting for Dutch"));
        for path in [
            "TV/Fargo/Season 2/01 Waiting for Dutch.mkv",
            "TV/Fargo/Season 02/01 - Waiting for Dutch.mkv",
            "TV/Fargo/S02/01 Waiting for Dutch.mkv",
            "TV/Fargo/Staffel 2/01 Waiting for Dutch.mkv",
            "C:\\TV\\Fargo\\Season 2\\01 Waiting for Dutch.mkv",
            "\\\\NAS\\Media\\TV\\Fargo\\Series 2\\01 Waiting for Dutch.mkv",
        ] {
            assert_eq!(st(path), want, "{path}");
        }
        // Only the number: the show and season come from the folders.
        assert_eq!(
            st("TV/Fargo/Season 2/01.mkv"),
            (s("Fargo"), Some(2), Some(1), None)
        );
        // `02 Episode 2`: the words say the same number.
        assert_eq!(
            st("TV/Engrenages/Saison 1/02 Episode 2.mkv").0.as_deref(),
            Some("Engrenages")
        );
        // Outside a season folder, a leading number is part of a movie title.
        let m = parse("Movies/12 Angry Men (1957)/12 Angry Men (1957).mkv");
        assert_eq!(
            (m.title.as_deref(), m.kind),
            (Some("12 Angry Men"), MediaKind::Movie)
        );
    }

    #[test]
    fn specials_are_season_zero() {
        let m = parse("TV/Sherlock/Specials/01 The Abominable Bride.mkv");
        assert_eq!(
            (m.title.as_deref(), m.season, m.episode),
            (Some("Sherlock"), Some(0), Some(1))
        );
        assert_eq!(m.kind, MediaKind::Episode);
    }

    #[test]
    fn show_folders_keep_their_numbers() {
        let m = parse("TV/The 4400/Season 4/13 The Marked.mkv");
        assert_eq!(
            (m.title.as_deref(), m.episode, m.episode_title.as_deref()),
            (Some("The 4400"), Some(13), Some("The Marked"))
        );
    }

    #[test]
    fn samples_are_flagged() {
        for path in [
            "Heat.1995.1080p.BluRay.x264-GRP.sample.mkv",
            "Movies/Heat (1995)/heat-sample.mkv",
            "Heat.1995.1080p.BluRay.x264-GRP/Sample/heat.mkv",
            "sample-heat.1995.1080p.mkv",
            "Heat.1995.SAMPLE.mkv",
            "Heat_1995_sample.mkv",
        ] {
            let m = parse(path);
            assert!(m.other.iter().any(|o| o == "Sample"), "{path}");
            assert_eq!(
                m.title.as_deref().map(str::to_lowercase).as_deref(),
                Some("heat"),
                "{path}"
            );
            assert_ne!(m.release_group.as_deref(), Some("sample"), "{path}");
        }
        assert!(!parse("Heat.1995.mkv").other.iter().any(|o| o == "Sample"));
    }

    #[test]
    fn a_file_name_wins_over_a_short_folder() {
        let m = parse("dl/ro/Ronin.1998.mkv");
        assert_eq!((m.title.as_deref(), m.year), (Some("Ronin"), Some(1998)));
    }

    #[test]
    fn named_season_folders() {
        for path in [
            "TV/Dragons/Season 01 - Riders of Berk/01 How to Start a Dragon Academy.mkv",
            "C:\\TV\\Dragons\\Season 01 - Riders of Berk\\01 How to Start a Dragon Academy.mkv",
        ] {
            let m = parse(path);
            assert_eq!(
                (m.title.as_deref(), m.season, m.episode),
                (Some("Dragons"), Some(1), Some(1)),
                "{path}"
            );
        }
    }

    #[test]
    fn dupes_requests() {
        // A file named by the first words of its clean movie folder's title.
        let m = parse("Movies/2001 A Space Odyssey (1968)/2001.mkv");
        assert_eq!(
            (m.title.as_deref(), m.year),
            (Some("2001 A Space Odyssey"), Some(1968))
        );
        assert_eq!(
            parse("Movies/1408 (2007)/1408.mkv").title.as_deref(),
            Some("1408")
        );
        assert_eq!(
            parse("Movies/Alien (1979)/Alien.mkv").title.as_deref(),
            Some("Alien")
        );
        // A part in an episode title is the title's.
        let m = parse("Lost.S01E01.Pilot.Part.1.720p");
        assert_eq!(
            (m.episode_title.as_deref(), m.part),
            (Some("Pilot Part 1"), None)
        );
        // A group named like a Plex extra suffix after a dotted release name.
        let m = parse("Movie.Name.2019.CD1.DVDRip.XviD-OTHER.avi");
        assert_eq!((m.release_group.as_deref(), m.extra), (Some("OTHER"), None));
        assert_eq!(
            parse("Avatar (2009)-trailer.mkv").extra.as_deref(),
            Some("trailer")
        );
        // A Plex-style file name keeps its ` - ` subtitle.
        for name in [
            "Mission Impossible - Fallout (2018).mkv",
            "Movies/Mission Impossible - Fallout (2018)/Mission Impossible - Fallout (2018).mkv",
        ] {
            assert_eq!(
                parse(name).title.as_deref(),
                Some("Mission Impossible - Fallout"),
                "{name}"
            );
        }
    }
}
