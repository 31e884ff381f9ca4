//! What organize knows about one file: its parsed release name, its size and extension,
//! and its genre from a Kodi/Jellyfin `.nfo` beside it. This is the value source of
//! templates ([`Fields`]) and of rule conditions.

use std::path::Path;

use super::plexname::{self, PlexPath, Role};
use super::template::{Field, Fields, Value};
use super::words;
use crate::media::normalize_title;

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
    /// A country that is part of a show's identity, as Plex's folders write it (`US`).
    pub country: Option<String>,
    /// The year that is part of a show's identity (`Doctor Who (2005)`), for episodes.
    pub show_year: Option<u16>,
    /// Plex's id hints (`{imdb-tt0113277}`, `{tvdb-78804}`), space separated.
    pub hints: Option<String>,
    /// A local extra's kind in Plex's words (`trailer`, `featurette`, …).
    pub extra: Option<&'static str>,
    /// A sample of a release, never the feature.
    pub sample: bool,
    /// The file read as a name already in Plex's layout.
    pub plex: Option<PlexPath>,
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
        Meta::from_source(rel, rel, size)
    }

    /// What organize knows about the file at `path` (`rel`: the same file relative to the
    /// folder given). A path already in Plex's layout is read as Plex writes it (the
    /// title as its folder spells it, the year, country, edition and id hints); any other
    /// name goes through the release-name parser, the file's own name winning over its
    /// folders' when it is clear on its own.
    pub fn from_source(path: &Path, rel: &Path, size: u64) -> Meta {
        let text = crate::paths::name_text(crate::paths::to_bytes(rel));
        let full = crate::paths::name_text(crate::paths::to_bytes(path));
        let comps: Vec<&str> = full.split('/').filter(|c| !c.is_empty()).collect();
        let tail = &comps[comps.len().saturating_sub(5)..];
        let plex = plexname::read(tail);
        let file = crate::paths::name_text(crate::paths::to_bytes(Path::new(
            rel.file_name().unwrap_or_default(),
        )));
        let (stem, ext) = match file.rfind('.') {
            Some(i) if i > 0 => (&file[..i], file[i + 1..].to_ascii_lowercase()),
            _ => (&file[..], String::new()),
        };
        let mut n = crate::media::parse(&text);
        // Only when the file name does not already say what its folders say.
        let agrees = || {
            let t = normalize_title(n.title.as_deref().unwrap_or(""));
            let s = normalize_title(stem);
            // `t` as whole words of `s`.
            !t.is_empty()
                && s.match_indices(t.as_str()).any(|(i, _)| {
                    (i == 0 || s.as_bytes()[i - 1] == b' ')
                        && s.as_bytes().get(i + t.len()).is_none_or(|&b| b == b' ')
                })
        };
        if text.contains('/') && plex.is_none() && !agrees() {
            // "dl/ro/Ronin.1998.mkv": a file name that names a movie or an episode on its
            // own, differently from what its folders say, is believed.
            let own = crate::media::parse(&file);
            let clear = own.title.as_deref().is_some_and(|t| !t.trim().is_empty())
                && !own.other.iter().any(|o| o == "Obfuscated")
                && match own.kind {
                    crate::media::MediaKind::Movie => own.year.is_some(),
                    crate::media::MediaKind::Episode => {
                        own.season.is_some() && own.episode.is_some() || own.date.is_some()
                    }
                    _ => false,
                };
            let own_key = normalize_title(own.title.as_deref().unwrap_or(""));
            // The title must open the name: `S02E06 - Playtime.mp4` names no show.
            let opens = normalize_title(stem).starts_with(&own_key);
            let folder_key = normalize_title(n.title.as_deref().unwrap_or(""));
            // `CuerpoDeElite720p_113` under `Cuerpo de Elite - Temporada 1`: the same
            // title glued to jargon.
            let (own_glued, folder_glued) = (own_key.replace(' ', ""), folder_key.replace(' ', ""));
            let glued = !folder_glued.is_empty()
                && own_glued
                    .strip_prefix(&folder_glued)
                    .is_some_and(|rest| rest.chars().any(|c| c.is_ascii_digit()));
            let differs = opens && !glued && own_key != folder_key;
            if clear && differs && own.kind == n.kind {
                n = own;
            }
        }
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
                if !normalize_title(t).ends_with(&normalize_title(&words)) {
                    title = Some(format!("{t} {words}"));
                }
                part = None;
            }
        }
        let mut country = n
            .country
            .as_deref()
            .and_then(words::country)
            .map(str::to_string);
        if country.is_none() && kind == MediaKindName::Episode {
            if let Some((t, c)) = title.as_deref().and_then(words::split_country) {
                title = Some(t);
                country = Some(c.to_string());
            }
        }
        let edition = words::edition(stem, n.year).or_else(|| nonempty(n.edition.clone()));
        let sample = n.other.iter().any(|o| o == "Sample")
            || words::is_sample(stem)
            || rel
                .parent()
                .and_then(|p| p.file_name())
                .is_some_and(|d| words::is_sample(&d.to_string_lossy()));
        let mut extra = n.extra.as_deref().and_then(|e| {
            words::EXTRAS_FOLDERS
                .iter()
                .find(|(_, k)| *k == e)
                .map(|(_, k)| *k)
        });
        // One folder deeper (`Featurettes/Part 1/Score.mkv`): an extra too, unless the file
        // names a movie or an episode of its own.
        let own_year = n.year.is_some_and(|y| stem.contains(&y.to_string()));
        if extra.is_none() && !own_year && n.episode.is_none() && n.date.is_none() {
            extra = rel
                .parent()
                .and_then(Path::parent)
                .and_then(Path::file_name)
                .and_then(|d| words::extras_folder_kind(&d.to_string_lossy()));
        }
        let date = nonempty(n.date.clone());
        // A daily show's year is its air date's; a year beside an episode marker is the
        // show's (`Doctor.Who.2005.S01E01`), unless a country already tells it apart.
        // The year must follow the show's title somewhere in the path (`Doctor.Who.2005.
        // S01E01`, `Merlin (2008)/…`), not sit in an episode title (`…(the.oscars.of.1963)`).
        let show_year = match (kind, n.year, title.as_deref()) {
            (MediaKindName::Episode, Some(y), Some(t))
                if date.is_none() && country.is_none() && n.season != Some(y.into()) =>
            {
                let lead = format!("{} {y}", normalize_title(t));
                text.split('/')
                    .any(|c| normalize_title(c).starts_with(&lead))
                    .then_some(y)
            }
            _ => None,
        };
        let mut m = Meta {
            kind,
            title: title.map(capitalized),
            year: n.year,
            season: n.season,
            episode: n.episode,
            last_episode,
            date,
            episode_title: nonempty(n.episode_title.clone()).map(capitalized),
            screen_size: nonempty(n.screen_size.clone()),
            source: nonempty(n.source.clone()),
            video_codec: nonempty(n.video_codec.clone()),
            audio_codec: nonempty(n.audio_codec.clone()),
            edition,
            part,
            release_group: nonempty(n.release_group.clone()),
            language: n.language.first().cloned(),
            ext,
            size,
            genre: None,
            original_name: stem.to_string(),
            country,
            show_year,
            hints: None,
            extra,
            sample: sample && extra.is_none(),
            plex: None,
        };
        if let Some(p) = plex {
            m.apply_plex(p);
        }
        m
    }

    /// Take the identity from a name already in Plex's layout, as written.
    fn apply_plex(&mut self, p: PlexPath) {
        let f = &p.folder;
        self.title = Some(f.title.clone());
        self.country = f.country.clone();
        self.hints = (!f.hints.is_empty()).then(|| f.hints.join(" "));
        self.edition = p.file_edition.clone().or_else(|| f.edition.clone());
        // A sample word in the label or part (`Heat (1995) - sample.mkv`), not the title.
        self.sample = self.sample && !words::is_sample(&f.title);
        match &p.role {
            Role::Movie { part } => {
                self.kind = MediaKindName::Movie;
                self.year = f.year;
                self.show_year = None;
                self.part = *part;
                self.season = None;
                self.episode = None;
                self.last_episode = None;
                self.date = None;
                self.extra = None;
            }
            Role::Episode {
                season,
                episodes,
                date,
                title,
            } => {
                self.kind = MediaKindName::Episode;
                self.show_year = if f.country.is_some() { None } else { f.year };
                self.season = Some(*season);
                self.episode = episodes.first().copied();
                self.last_episode = episodes.last().copied().filter(|_| episodes.len() > 1);
                self.date = date.clone();
                self.year = match date {
                    Some(d) => d[..4].parse().ok(),
                    None => f.year,
                };
                self.episode_title = title.clone();
                self.part = None;
                self.extra = None;
            }
            Role::Extra { kind, .. } => {
                self.extra = Some(kind);
                self.year = f.year;
            }
        }
        self.plex = Some(p);
    }

    /// The identity's label for plans: `Doctor Who (2005) S01E02`, `Heat (1995)`.
    pub fn label(&self) -> String {
        let mut s = match self.kind {
            MediaKindName::Episode => self.show_name().unwrap_or_default(),
            _ => {
                let t = self.title.clone().unwrap_or_default();
                match self.year {
                    Some(y) => format!("{t} ({y})"),
                    None => t,
                }
            }
        };
        if let Some(e) = &self.edition {
            s.push_str(&format!(" {{edition-{e}}}"));
        }
        if self.kind == MediaKindName::Episode {
            match (&self.date, self.season, self.episode) {
                (Some(d), _, _) => s.push_str(&format!(" {d}")),
                (None, s0, Some(e)) => {
                    s.push_str(&format!(" S{:02}E{e:02}", s0.unwrap_or(1)));
                    if let Some(l) = self.last_episode {
                        s.push_str(&format!("-E{l:02}"));
                    }
                }
                _ => {}
            }
        }
        if let Some(x) = self.extra {
            s.push_str(&format!(" [{x}]"));
        }
        s
    }

    /// The show's name with what tells it apart: `Doctor Who (2005)`, `The Office (US)`.
    pub fn show_name(&self) -> Option<String> {
        let t = self.title.clone()?;
        Some(match (&self.country, self.show_year) {
            (Some(c), _) => format!("{t} ({c})"),
            (None, Some(y)) => format!("{t} ({y})"),
            (None, None) => t,
        })
    }

    /// The identity's match key: the title's key, the year and the country.
    pub fn key(&self) -> (String, Option<u16>, Option<String>) {
        let t = normalize_title(self.title.as_deref().unwrap_or(""));
        match self.kind {
            MediaKindName::Episode => (t, self.show_year, self.country.clone()),
            _ => (t, self.year, None),
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
                MediaKindName::Episode => self.show_name().map(Value::Text),
                _ => None,
            },
            Field::Country => text(&self.country),
            Field::Hints => text(&self.hints),
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
