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
mod path;
#[cfg(test)]
mod props;
mod tokens;
mod vocab;

use analyze::{analyze, Info};
use path::{
    classify_folder, merge, split_extension, split_path, split_plex_extra, split_sample, Folder,
};
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
    /// `Director's Cut`, `Extended`, `Unrated`, `Remastered`, ... (the first one named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// Every edition named, in order, when there are several (`Unrated.Directors.Cut` →
    /// `Unrated`, `Director's Cut`); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<String>,
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

/// The ISO 639-1 code of a language written as a file-name suffix or tag: `en`, `eng`,
/// `English`, `pt-BR` (region dropped), `fre`, `VOSTFR`; `mul` for multi-language tags;
/// `None` for anything else (`forced`, `sdh`, `cc`, a title word).
pub fn language_code(word: &str) -> Option<&'static str> {
    let w = word.trim();
    if w.is_empty() || w.len() > 24 {
        return None;
    }
    let base = w.split(['-', '_']).next().unwrap_or(w);
    let mut key = String::with_capacity(w.len());
    for c in base.chars() {
        normalize::push_key_char(c, &mut key);
    }
    if let Some(code) = vocab::iso_639_1(&key) {
        return Some(code);
    }
    let entry = vocab::lookup(&key)?;
    entry.props.iter().find_map(|&(f, v)| {
        matches!(f, vocab::Field::Language | vocab::Field::SubtitleLanguage).then_some(v)
    })
}

/// The text of a Plex edition tag, `{edition-Director's Cut}`, in a file name.
fn plex_edition(stem: &str) -> Option<&str> {
    const TAG: &str = "{edition-";
    if !stem.contains('{') {
        return None;
    }
    let at = stem
        .as_bytes()
        .windows(TAG.len())
        .position(|w| w.eq_ignore_ascii_case(TAG.as_bytes()))?;
    let rest = &stem[at + TAG.len()..];
    let text = rest[..rest.find('}')?].trim();
    (!text.is_empty()).then_some(text)
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
    let (stem, sample) = split_sample(stem);
    let non_media = container.as_deref().is_some_and(vocab::is_non_media);
    let mut info = analyze(stem, true, !non_media);
    if sample && !info.other.contains(&"Sample") {
        info.other.push("Sample");
    }

    // Parent folders, nearest first, skipping generic ones (`Movies`, `TV Shows`, `D:`);
    // an extras folder (`Featurettes/`) marks the file as an extra.
    let mut parents: Vec<Info> = Vec::new();
    let mut extras = false;
    let mut folder_extra = None;
    let mut sample_folder = false;
    for c in comps.iter().rev() {
        match classify_folder(c) {
            Folder::Extras(kind) => {
                if parents.is_empty() && !extras {
                    folder_extra = kind;
                    // `Sample/` is the one extras folder without a kind.
                    sample_folder = kind.is_none();
                }
                extras |= parents.is_empty();
            }
            Folder::Generic => {}
            // Plex keeps a show's specials in `Specials/`: season 0.
            Folder::Specials => parents.push(Info {
                season: Some(0),
                ..Info::default()
            }),
            Folder::Named => parents.push(analyze(c, false, true)),
        }
        if parents.len() == MAX_PARENTS {
            break;
        }
    }
    merge(&mut info, &parents, stem);
    if sample_folder && !info.other.contains(&"Sample") {
        info.other.push("Sample");
    }
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
    // A trailer by its words, when nothing else named the extra.
    let extra = match extra {
        None if info.trailer && !sample => {
            info.other.push("Trailer");
            Some("trailer")
        }
        e => e,
    };

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
        editions: if info.editions.len() > 1 {
            strings(&info.editions)
        } else {
            Vec::new()
        },
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
            _ => info.absolute_number,
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
    // Plex's `{edition-Theatrical Cut}` names the edition exactly.
    if let Some(ed) = plex_edition(stem) {
        m.edition = Some(ed.to_string());
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
        let special = et
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"special"));
        if special {
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
        // A sequel's `Part III` is its title's; a disc is a part.
        let m = p("The Godfather Part III.mkv");
        assert_eq!(
            (m.title.as_deref(), m.part),
            (Some("The Godfather Part III"), None)
        );
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

    #[test]
    fn language_codes_of_suffixes() {
        for (w, code) in [
            ("en", Some("en")),
            ("eng", Some("en")),
            ("English", Some("en")),
            ("EN", Some("en")),
            ("pt-BR", Some("pt")),
            ("pt_br", Some("pt")),
            ("fre", Some("fr")),
            ("fra", Some("fr")),
            ("VOSTFR", Some("fr")),
            ("ger", Some("de")),
            ("deu", Some("de")),
            ("sv", Some("sv")),
            ("zh-Hans", Some("zh")),
            ("multi", Some("mul")),
            ("forced", None),
            ("sdh", None),
            ("Heat", None),
            ("", None),
        ] {
            assert_eq!(language_code(w), code, "{w}");
        }
    }

    #[test]
    fn plex_edition_tags_are_taken_as_written() {
        let ed = |n: &str| p(n).edition;
        assert_eq!(
            ed("Movie (2010) {edition-Theatrical Cut}.mkv").as_deref(),
            Some("Theatrical Cut")
        );
        assert_eq!(
            ed("Movies/Blade Runner (1982) {edition-Final Cut}/Blade Runner (1982) {Edition-Final Cut}.mkv")
                .as_deref(),
            Some("Final Cut")
        );
        assert_eq!(ed("Movie (2010) {edition-}.mkv"), None);
    }

    #[test]
    fn sequel_parts_belong_to_titles() {
        for (path, title) in [
            (
                "Mission Impossible - Dead Reckoning Part One (2023)/Mission Impossible - Dead Reckoning Part One (2023).mkv",
                "Mission Impossible - Dead Reckoning Part One",
            ),
            ("Kill Bill Vol. 2 (2004)/Kill Bill Vol. 2 (2004).mkv", "Kill Bill Vol. 2"),
            ("Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1-GRP.mkv", "Dune Part Two"),
        ] {
            let m = p(path);
            assert_eq!((m.title.as_deref(), m.part), (Some(title), None), "{path}");
        }
        // A disc is a part.
        assert_eq!(p("Heat.1995.CD2.avi").part, Some(2));
    }

    #[test]
    fn countries_in_lower_case_and_dotted() {
        for (name, title, country) in [
            ("the.office.us.s05e15.mkv", "the office", Some("US")),
            ("The.Office.U.S.S05E14.mkv", "The Office", Some("US")),
            ("shameless.uk.s01e01.mkv", "shameless", Some("GB")),
            ("this.is.us.s01e01.mkv", "this is us", None),
            ("This.Is.Us.S01E01.mkv", "This Is Us", None),
            ("between.us.s01e01.mkv", "between us", None),
        ] {
            let m = p(name);
            assert_eq!(
                (m.title.as_deref(), m.country.as_deref()),
                (Some(title), country),
                "{name}"
            );
        }
    }

    #[test]
    fn trailers_by_their_words() {
        for name in [
            "Heat.1995.Trailer.1080p.mkv",
            "Dune.2021.Official.Trailer.2160p.mkv",
            "Dune (2021) Teaser 1080p.mkv",
        ] {
            let m = p(name);
            assert_eq!(m.extra.as_deref(), Some("trailer"), "{name}");
            assert!(m.other.iter().any(|o| o == "Trailer"), "{name}");
        }
        let m = p("Trailer.Park.Boys.S01E01.mkv");
        assert_eq!(
            (m.title.as_deref(), m.extra),
            (Some("Trailer Park Boys"), None)
        );
    }

    #[test]
    fn every_edition_in_order() {
        let m = p("Watchmen.2009.Unrated.Directors.Cut.1080p");
        assert_eq!(m.edition.as_deref(), Some("Unrated"));
        assert_eq!(
            m.editions,
            vec!["Unrated".to_string(), "Director's Cut".to_string()]
        );
        let m = p("Movie.1999.Extended.Directors.Cut.1080p");
        assert_eq!(
            m.editions,
            vec!["Extended".to_string(), "Director's Cut".to_string()]
        );
        assert!(p("Heat.1995.Remastered.1080p").editions.is_empty());
        assert_eq!(
            p("Jaws.1975.25th.Anniversary.Edition.1080p")
                .edition
                .as_deref(),
            Some("Anniversary")
        );
    }
}
