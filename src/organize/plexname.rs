//! Reading names already in Plex's layout, exactly as they are written, so a library
//! organized by Plex's guides is recognized rather than re-guessed: identity folders
//! (`Doctor Who (2005) {tvdb-78804}`, `Blade Runner (1982) {edition-Final Cut}`), season
//! folders (`Season 01`, `Specials`), episode files (`Show (2005) - s01e01-e02 - Title`),
//! movie files with a multi-version label or a split part (`Heat (1995) - 720p`,
//! `- pt2`), and extras (`Trailers/…`, `…-trailer.mkv`).

use crate::media::normalize_title;

use super::words;

/// An identity folder as written: `Title[ (Year)][ (CC)][ {key-value}…]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FolderName {
    pub title: String,
    pub year: Option<u16>,
    pub country: Option<String>,
    pub edition: Option<String>,
    /// `{imdb-tt…}`, `{tmdb-…}`, `{tvdb-…}` as written, in order.
    pub hints: Vec<String>,
}

impl FolderName {
    /// The match key of the title.
    pub fn key(&self) -> String {
        normalize_title(&self.title)
    }
}

fn year_of(s: &str) -> Option<u16> {
    let y: u16 = s.parse().ok().filter(|_| s.len() == 4)?;
    (1880..=2100).contains(&y).then_some(y)
}

/// Reads `Title (Year) {…}`; `None` for names that are not a clean identity (release
/// names with dots or jargon, empty titles).
pub fn folder(name: &str) -> Option<FolderName> {
    let mut rest = name.trim();
    let mut f = FolderName::default();
    let mut braces = Vec::new();
    loop {
        if let Some(open) = rest.strip_suffix('}').and_then(|r| r.rfind('{')) {
            let inner = &rest[open + 1..rest.len() - 1];
            let lower = inner.to_ascii_lowercase();
            if lower.starts_with("edition-") {
                f.edition = Some(inner["edition-".len()..].trim().to_string());
            } else if ["imdb-", "tmdb-", "tvdb-"]
                .iter()
                .any(|p| lower.starts_with(p))
            {
                braces.push(format!("{{{inner}}}"));
            } else {
                return None;
            }
            rest = rest[..open].trim_end();
            continue;
        }
        if let Some(open) = rest.strip_suffix(')').and_then(|r| r.rfind('(')) {
            let inner = &rest[open + 1..rest.len() - 1];
            if let (Some(y), None) = (year_of(inner), f.year) {
                f.year = Some(y);
            } else if let (Some(c), None) = (words::country(inner), &f.country) {
                if !inner.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
                    break;
                }
                f.country = Some(c.to_string());
            } else {
                break;
            }
            rest = rest[..open].trim_end();
            continue;
        }
        break;
    }
    braces.reverse();
    f.hints = braces;
    f.title = rest.to_string();
    // Release names are not identity folders: "Heat.1995.1080p", "Show_S01".
    let dotted = !f.title.contains(' ') && f.title.matches('.').count() >= 2;
    if f.title.is_empty() || dotted || f.title.contains('_') || f.title.contains(['{', '}']) {
        return None;
    }
    Some(f)
}

/// A season folder: `Season 1`, `Season 01`, `Season 2011`, `Specials` (season 0).
pub fn season_folder(name: &str) -> Option<u32> {
    let t = name.trim();
    if t.eq_ignore_ascii_case("specials") {
        return Some(0);
    }
    let (head, num) = t.split_at(t.find(|c: char| c.is_ascii_digit())?);
    if !head.trim().eq_ignore_ascii_case("season") || num.is_empty() || num.len() > 4 {
        return None;
    }
    num.parse().ok()
}

/// What a file is in Plex's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A movie file, with its split part.
    Movie { part: Option<u32> },
    /// An episode (`episodes` in order, one or more) or a daily show's date.
    Episode {
        season: u32,
        episodes: Vec<u32>,
        date: Option<String>,
        title: Option<String>,
    },
    /// An extra of the movie or show (`dir`: its extras folder as written, `None` inline).
    Extra {
        kind: &'static str,
        dir: Option<String>,
    },
}

/// A file in Plex's layout: its identity folder, the folders between, what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlexPath {
    pub folder: FolderName,
    /// The identity folder's name as written.
    pub folder_name: String,
    /// How many components lie below the identity folder (1: the file itself).
    pub depth: usize,
    /// The season folder's number, when the file lies in one.
    pub season_dir: Option<u32>,
    pub role: Role,
    /// The file's own edition (`{edition-…}` in its name).
    pub file_edition: Option<String>,
}

/// The part of a split movie file: ` - pt1`, `-cd2`, ` - disc 1`, ` - part2`.
fn split_part(stem: &str) -> (&str, Option<u32>) {
    let lower = stem.to_ascii_lowercase();
    for p in ["pt", "cd", "disc", "disk", "dvd", "part"] {
        for sep in [" - ", "-", " "] {
            let pat = format!("{sep}{p}");
            if let Some(at) = lower.rfind(&pat) {
                let num = lower[at + pat.len()..].trim_start();
                if !num.is_empty() && num.len() <= 2 && num.chars().all(|c| c.is_ascii_digit()) {
                    return (stem[..at].trim_end(), num.parse().ok());
                }
            }
        }
    }
    (stem, None)
}

/// The title, year and country a file name starts with, and the rest after ` - `.
fn lead(stem: &str) -> (FolderName, Option<&str>) {
    // The identity ends at the last "(year)", "(CC)" or "{…}" before the first " - " that
    // follows them; without any, at the first " - ".
    let mut end = 0;
    let b = stem.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let close = match b[i] {
            b'(' => b')',
            b'{' => b'}',
            _ => {
                i += 1;
                continue;
            }
        };
        match stem[i..].find(close as char) {
            Some(j) => {
                let inner = &stem[i + 1..i + j];
                let ok = year_of(inner).is_some()
                    || words::country(inner).is_some()
                    || inner.contains('-') && close == b'}';
                if ok {
                    end = i + j + 1;
                }
                i += j + 1;
            }
            None => break,
        }
    }
    let (head, rest) = if end > 0 {
        let rest = stem[end..].trim_start();
        match rest.strip_prefix("- ").or_else(|| rest.strip_prefix('-')) {
            Some(r) => (&stem[..end], Some(r.trim())),
            None if rest.is_empty() => (&stem[..end], None),
            None => (stem, None),
        }
    } else {
        match stem.find(" - ") {
            Some(at) => (&stem[..at], Some(stem[at + 3..].trim())),
            None => (stem, None),
        }
    };
    let f = folder(head).unwrap_or(FolderName {
        title: head.trim().to_string(),
        ..FolderName::default()
    });
    (f, rest)
}

/// `s01e02`, `S01E02-E03`, `s01e02e03`, `S01E02-03`: the season and episodes.
fn episode_marker(s: &str) -> Option<(u32, Vec<u32>)> {
    let lower = s.to_ascii_lowercase();
    let rest = lower.strip_prefix('s')?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let season: u32 = rest[..digits].parse().ok()?;
    let mut rest = &rest[digits..];
    let mut eps = Vec::new();
    loop {
        let r = rest
            .strip_prefix("-e")
            .or_else(|| rest.strip_prefix('e'))
            .or_else(|| (!eps.is_empty()).then(|| rest.strip_prefix('-')).flatten());
        let Some(r) = r else { break };
        let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
        if n == 0 {
            break;
        }
        eps.push(r[..n].parse().ok()?);
        rest = &r[n..];
    }
    (!eps.is_empty() && rest.is_empty()).then_some((season, eps))
}

/// A `YYYY-MM-DD` (or `YYYY.MM.DD`) air date.
fn air_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let ok = b.len() == 10
        && matches!(b[4], b'-' | b'.')
        && b[7] == b[4]
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    ok.then(|| s.replace('.', "-"))
}

/// Reads a path (its last components) as a file in Plex's layout.
pub fn read(components: &[&str]) -> Option<PlexPath> {
    let (file, dirs) = components.split_last()?;
    let stem = match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => return None,
    };
    let parent = *dirs.last()?;
    // A release name (`Heat.1995.1080p.BluRay-GRP`) is never a Plex name: most files of
    // a download folder stop here.
    let release = !stem.contains(' ') && stem.matches('.').count() >= 2;
    // Extras: in an extras folder (below a movie, a show or a season), or inline.
    if let Some(kind) = words::extras_folder_kind(parent) {
        let above = &dirs[..dirs.len() - 1];
        let (season_dir, id_at) = match above.last().and_then(|d| season_folder(d)) {
            Some(s) => (Some(s), above.len().checked_sub(2)?),
            None => (None, above.len().checked_sub(1)?),
        };
        let name = above[id_at];
        let f = folder(name)?;
        return Some(PlexPath {
            folder: f,
            folder_name: name.to_string(),
            depth: dirs.len() - id_at,
            season_dir,
            role: Role::Extra {
                kind,
                dir: Some(parent.to_string()),
            },
            file_edition: None,
        });
    }
    if release {
        return None;
    }
    let season_dir = season_folder(parent);
    let id_at = if season_dir.is_some() {
        dirs.len().checked_sub(2)?
    } else {
        dirs.len() - 1
    };
    let name = dirs[id_at];
    let f = folder(name)?;
    let depth = dirs.len() - id_at;
    let file_edition = words::edition_braces(stem);
    if let Some((_, kind)) = words::split_inline_extra(stem) {
        return Some(PlexPath {
            folder: f,
            folder_name: name.to_string(),
            depth,
            season_dir,
            role: Role::Extra { kind, dir: None },
            file_edition,
        });
    }
    let agrees = |a: &Option<u16>, b: &Option<u16>| a.is_none() || b.is_none() || a == b;
    let fits = |own: &FolderName| {
        own.key() == f.key()
            && !own.key().is_empty()
            && agrees(&own.year, &f.year)
            && !(own.country.is_some() && f.country.is_some() && own.country != f.country)
    };
    // Episodes: "Show[ (2005)] - s01e02[ - Title]" or "Show - 2011-11-15[ - Title]"; the
    // show's name may hold " - " itself ("Star Trek - The Next Generation - S01E01").
    let segs: Vec<&str> = stem.split(" - ").collect();
    for j in 1..segs.len() {
        let (marker, _) = split_part(segs[j].trim());
        let numbers = episode_marker(marker.trim())
            .map(|(s, e)| (s, e, None))
            .or_else(|| {
                let d = air_date(marker.trim())?;
                Some((d[..4].parse().ok()?, Vec::new(), Some(d)))
            });
        let Some((season, episodes, date)) = numbers else {
            continue;
        };
        let head = segs[..j].join(" - ");
        let own = folder(&head).unwrap_or(FolderName {
            title: head.trim().to_string(),
            ..FolderName::default()
        });
        if !fits(&own) || season_dir.is_some_and(|s| s != season) {
            return None;
        }
        let title = segs[j + 1..].join(" - ");
        return Some(PlexPath {
            folder: f,
            folder_name: name.to_string(),
            depth,
            season_dir,
            role: Role::Episode {
                season,
                episodes,
                date,
                title: (!title.trim().is_empty()).then(|| title.trim().to_string()),
            },
            file_edition,
        });
    }
    let (own, rest) = lead(stem);
    if !fits(&own) {
        return None;
    }
    // Movies: "Title (Year)[ {…}][ - label][ - pt1]" directly in a folder with a year.
    if season_dir.is_some() || depth != 1 || f.year.is_none() {
        return None;
    }
    let (_, part) = split_part(stem);
    if rest.is_none() && own.year.is_none() && part.is_none() && own.title != stem {
        return None;
    }
    Some(PlexPath {
        folder: f,
        folder_name: name.to_string(),
        depth,
        season_dir,
        role: Role::Movie { part },
        file_edition,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(p: &str) -> Option<PlexPath> {
        let c: Vec<&str> = p.split('/').collect();
        read(&c)
    }

    #[test]
    fn folders_keep_what_plex_reads() {
        let f = folder("Grey's Anatomy (2005) {tvdb-73762}").unwrap();
        assert_eq!((f.title.as_str(), f.year), ("Grey's Anatomy", Some(2005)));
        assert_eq!(f.hints, ["{tvdb-73762}"]);
        let f = folder("Blade Runner (1982) {edition-Final Cut} {imdb-tt0083658}").unwrap();
        assert_eq!(f.edition.as_deref(), Some("Final Cut"));
        assert_eq!(
            folder("The Office (US)").unwrap().country.as_deref(),
            Some("US")
        );
        assert!(folder("Inception.2010.1080p.BluRay.x264-GRP").is_none());
        assert_eq!(
            folder("Star Trek - The Next Generation").unwrap().title,
            "Star Trek - The Next Generation"
        );
        assert_eq!(season_folder("Season 01"), Some(1));
        assert_eq!(season_folder("Specials"), Some(0));
        assert_eq!(season_folder("Seasonal"), None);
    }

    #[test]
    fn files_in_plex_layout() {
        let p = r("Heat (1995)/Heat (1995) - 720p.mkv").unwrap();
        assert_eq!(p.role, Role::Movie { part: None });
        let p = r("Heat (1995)/Heat (1995) - pt2.mkv").unwrap();
        assert_eq!(p.role, Role::Movie { part: Some(2) });
        let p = r("Mission Impossible - Dead Reckoning Part One (2023)/Mission Impossible - Dead Reckoning Part One (2023).mkv").unwrap();
        assert_eq!(
            p.folder.title,
            "Mission Impossible - Dead Reckoning Part One"
        );
        let p = r("The Office (US)/Season 05/The Office (US) - S05E14-E15 - Stress Relief.mkv")
            .unwrap();
        assert!(
            matches!(p.role, Role::Episode { season: 5, ref episodes, .. } if episodes == &[14, 15])
        );
        let p = r("Band of Brothers (2001)/Specials/Band of Brothers (2001) - S00E01.mkv").unwrap();
        assert_eq!(p.season_dir, Some(0));
        let p = r("The Daily Show/Season 2011/The Daily Show - 2011-11-15 - Guest.mkv").unwrap();
        assert!(matches!(p.role, Role::Episode { date: Some(_), .. }));
        let p = r("Avatar (2009)/Trailers/Teaser.mp4").unwrap();
        assert_eq!(
            p.role,
            Role::Extra {
                kind: "trailer",
                dir: Some("Trailers".into())
            }
        );
        let p = r("Avatar (2009)/Avatar (2009)-trailer.mp4").unwrap();
        assert_eq!(
            p.role,
            Role::Extra {
                kind: "trailer",
                dir: None
            }
        );
        assert!(r("Inception.2010.1080p/Inception.2010.1080p.mkv").is_none());
        assert!(r("Heat (1995)/Ronin (1998).mkv").is_none());
        assert!(r("Show/Season 02/Show - S01E01.mkv").is_none());
    }
}
