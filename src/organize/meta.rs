//! What organize knows about one file: its parsed release name, its size and extension,
//! and its genre from a Kodi/Jellyfin `.nfo` beside it. This is the value source of
//! templates ([`Fields`]) and of rule conditions.

use std::path::Path;

use super::template::{Field, Fields, Value};

/// `{size_class}` is `small` below this many bytes (1 GiB).
pub const SMALL_BELOW: u64 = 1 << 30;
/// `{size_class}` is `large` from this many bytes up (4 GiB); `medium` in between.
pub const LARGE_FROM: u64 = 4 << 30;

/// The parsed kind, as rules and `{kind}` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MediaKindName {
    Movie,
    Episode,
    #[default]
    Unknown,
}

impl MediaKindName {
    /// `movie`, `episode` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKindName::Movie => "movie",
            MediaKindName::Episode => "episode",
            MediaKindName::Unknown => "unknown",
        }
    }
}

/// Everything a template or a condition can ask about a file.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub kind: MediaKindName,
    pub title: Option<String>,
    pub year: Option<u16>,
    pub season: Option<u32>,
    pub episode: Option<u32>,
    /// The last episode of a multi-episode file (`S01E01E02` → 2); `None` for one episode.
    pub last_episode: Option<u32>,
    pub date: Option<String>,
    pub episode_title: Option<String>,
    pub screen_size: Option<String>,
    pub source: Option<String>,
    pub video_codec: Option<String>,
    pub audio_codec: Option<String>,
    pub edition: Option<String>,
    pub part: Option<u32>,
    pub release_group: Option<String>,
    pub language: Option<String>,
    /// Lowercase extension without the dot.
    pub ext: String,
    pub size: u64,
    pub genre: Option<String>,
    /// The file name without its extension, as found.
    pub original_name: String,
}

impl Meta {
    /// A bare meta for unit tests.
    #[cfg(test)]
    pub fn for_tests(ext: &str, size: u64) -> Meta {
        Meta {
            ext: ext.into(),
            size,
            ..Meta::default()
        }
    }

    /// `small`, `medium` or `large` (see [`SMALL_BELOW`], [`LARGE_FROM`]).
    pub fn size_class(&self) -> &'static str {
        if self.size < SMALL_BELOW {
            "small"
        } else if self.size < LARGE_FROM {
            "medium"
        } else {
            "large"
        }
    }

    /// Fill the name fields from the media-name parser's result for `rel` (the path
    /// relative to the organized folder, so release folders help), plus the file's size.
    pub fn from_path(rel: &Path, size: u64) -> Meta {
        // Names not in UTF-8 are read as Windows-1252: a new name keeps their letters.
        let text = crate::paths::name_text(crate::paths::to_bytes(rel));
        let n = crate::media::parse(&text);
        let file = crate::paths::name_text(crate::paths::to_bytes(Path::new(
            rel.file_name().unwrap_or_default(),
        )));
        let (stem, ext) = match file.rfind('.') {
            Some(i) if i > 0 => (&file[..i], file[i + 1..].to_ascii_lowercase()),
            _ => (&file[..], String::new()),
        };
        use crate::media::MediaKind;
        let kind = match n.kind {
            MediaKind::Movie => MediaKindName::Movie,
            MediaKind::Episode => MediaKindName::Episode,
            _ => MediaKindName::Unknown,
        };
        let last_episode = n
            .episodes
            .iter()
            .copied()
            .max()
            .filter(|&last| Some(last) != n.episode && n.episodes.len() > 1);
        let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        // "Dune.Part.Two.2024": a part named before the year belongs to the title (a
        // sequel), not to a movie split over several files (`Avatar.2009.CD1`).
        let mut title = nonempty(n.title.clone());
        let mut part = n.part;
        if let (MediaKindName::Movie, Some(t), Some(y)) = (kind, &title, n.year) {
            if let Some(words) = part_before_year(stem, y) {
                title = Some(format!("{t} {words}"));
                part = None;
            }
        }
        Meta {
            kind,
            title: title.map(capitalized),
            year: n.year,
            season: n.season,
            episode: n.episode,
            last_episode,
            date: nonempty(n.date.clone()),
            episode_title: nonempty(n.episode_title.clone()).map(capitalized),
            screen_size: nonempty(n.screen_size.clone()),
            source: nonempty(n.source.clone()),
            video_codec: nonempty(n.video_codec.clone()),
            audio_codec: nonempty(n.audio_codec.clone()),
            edition: nonempty(n.edition.clone()),
            part,
            release_group: nonempty(n.release_group.clone()),
            language: n.language.first().cloned(),
            ext,
            size,
            genre: None,
            original_name: stem.to_string(),
        }
    }
}

impl Fields for Meta {
    fn get(&self, f: Field) -> Option<Value> {
        let text = |s: &Option<String>| s.clone().map(Value::Text);
        let num = |n: Option<u32>| n.map(|n| Value::Num(n.into()));
        match f {
            Field::Title => text(&self.title),
            Field::Show => match self.kind {
                MediaKindName::Episode => text(&self.title),
                _ => None,
            },
            Field::Year => self.year.map(|y| Value::Num(y.into())),
            Field::Season => num(self.season),
            Field::Episode => num(self.episode),
            Field::LastEpisode => num(self.last_episode),
            Field::Date => text(&self.date),
            Field::EpisodeTitle => text(&self.episode_title),
            Field::ScreenSize => text(&self.screen_size),
            Field::Source => text(&self.source),
            Field::VideoCodec => text(&self.video_codec),
            Field::AudioCodec => text(&self.audio_codec),
            Field::Edition => text(&self.edition),
            Field::Part => num(self.part),
            Field::ReleaseGroup => text(&self.release_group),
            Field::Language => text(&self.language),
            Field::Ext => (!self.ext.is_empty()).then(|| Value::Text(self.ext.clone())),
            Field::Kind => Some(Value::Text(self.kind.as_str().into())),
            Field::SizeClass => Some(Value::Text(self.size_class().into())),
            Field::Genre => text(&self.genre),
            Field::OriginalName => Some(Value::Text(self.original_name.clone())),
        }
    }
}

/// The words `Part N` of `stem` when they come before `year` (`Dune.Part.Two.2024` →
/// `Part Two`, `Deathly.Hallows.Part.1.2010` → `Part 1`), as written.
fn part_before_year(stem: &str, year: u16) -> Option<String> {
    let words: Vec<&str> = stem
        .split(['.', ' ', '_', '-', '(', ')', '[', ']'])
        .filter(|w| !w.is_empty())
        .collect();
    let year = year.to_string();
    let at_year = words.iter().position(|w| *w == year)?;
    let i = words[..at_year]
        .iter()
        .position(|w| w.eq_ignore_ascii_case("part"))?;
    let n = words.get(i + 1).filter(|_| i + 1 < at_year)?;
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "i", "ii", "iii", "iv", "v", "vi",
    ];
    let number = n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 2
        || NUMBERS.iter().any(|w| n.eq_ignore_ascii_case(w));
    number.then(|| format!("{} {n}", words[i]))
}

/// A title written all in lower case (`breaking.bad.s01e02.mkv`) with its words
/// capitalized, short joining words after the first left as they are: "Breaking Bad",
/// "The Lord of the Rings", "Spider-Man". A title with any capital letter is left alone
/// ("CSI", "iCarly", "The IT Crowd"): the name had them on purpose.
pub fn capitalized(title: String) -> String {
    if title.chars().any(char::is_uppercase) || !title.chars().any(char::is_alphabetic) {
        return title;
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the",
        "to", "vs", "with",
    ];
    let mut out = String::with_capacity(title.len());
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && SMALL.contains(&word) {
            out.push_str(word);
            continue;
        }
        // Each part of a hyphenated word: "Spider-Man", "X-Men".
        for (j, part) in word.split('-').enumerate() {
            if j > 0 {
                out.push('-');
            }
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// The first `<genre>` of a Kodi/Jellyfin `.nfo` (XML), unescaped.
pub fn genre_from_nfo(text: &str) -> Option<String> {
    let start = text.find("<genre>")? + "<genre>".len();
    let end = start + text[start..].find("</genre>")?;
    let g = text[start..end]
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'");
    let g = g.trim();
    // Some scrapers write several genres in one element.
    let first = g.split(['/', '|']).next().unwrap_or("").trim();
    (!first.is_empty()).then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_and_genre() {
        assert_eq!(Meta::for_tests("mkv", 10).size_class(), "small");
        assert_eq!(Meta::for_tests("mkv", 2 << 30).size_class(), "medium");
        assert_eq!(Meta::for_tests("mkv", 5 << 30).size_class(), "large");
        assert_eq!(
            genre_from_nfo("<movie><title>x</title><genre>Sci-Fi &amp; Fantasy</genre><genre>Drama</genre></movie>"),
            Some("Sci-Fi & Fantasy".into())
        );
        assert_eq!(genre_from_nfo("<movie></movie>"), None);
    }

    #[test]
    fn lower_case_titles_are_capitalized() {
        for (name, title) in [
            ("breaking.bad.s01e02.720p.hdtv.x264.mkv", "Breaking Bad"),
            ("the.lord.of.the.rings.2001.mkv", "The Lord of the Rings"),
            (
                "the.amazing.spider-man.2012.1080p.mkv",
                "The Amazing Spider-Man",
            ),
            ("x-men.2000.mkv", "X-Men"),
            ("grey's.anatomy.s02e01.mkv", "Grey's Anatomy"),
            ("amélie.2001.mkv", "Amélie"),
            // Capitals in the name are kept as written.
            ("CSI.S01E01.mkv", "CSI"),
            ("The.IT.Crowd.S01E01.mkv", "The IT Crowd"),
            ("Breaking.Bad.S01E01.mkv", "Breaking Bad"),
        ] {
            assert_eq!(
                Meta::from_path(Path::new(name), 1).title.as_deref(),
                Some(title),
                "{name}"
            );
        }
        assert_eq!(capitalized("1917".into()), "1917");
        assert_eq!(capitalized("".into()), "");
        assert_eq!(capitalized("a  b".into()), "A  B");
        let ep = Meta::from_path(Path::new("show.name.s01e02.the.pilot.mkv"), 1);
        assert_eq!(ep.episode_title.as_deref(), Some("The Pilot"));
    }

    #[test]
    fn a_part_before_the_year_is_a_sequel_not_a_split_file() {
        for (name, title, part) in [
            (
                "Dune.Part.Two.2024.2160p.WEB-DL.x265-GRP.mkv",
                "Dune Part Two",
                None,
            ),
            (
                "Harry.Potter.and.the.Deathly.Hallows.Part.1.2010.1080p.mkv",
                "Harry Potter and the Deathly Hallows Part 1",
                None,
            ),
            ("dune.part.two.2024.mkv", "Dune Part Two", None),
            ("Avatar.2009.1080p.CD1.mkv", "Avatar", Some(1)),
            ("Avatar.2009.1080p.Part1.mkv", "Avatar", Some(1)),
            ("Avatar (2009) Part 2.mkv", "Avatar", Some(2)),
        ] {
            let m = Meta::from_path(Path::new(name), 1);
            assert_eq!((m.title.as_deref(), m.part), (Some(title), part), "{name}");
        }
    }
}
