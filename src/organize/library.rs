//! The target library as the authority on names: before a movie or show folder is
//! named, the folders `--into` already holds beside it are read (once per parent folder)
//! and an existing folder of the same identity is reused as it is spelled
//! (`Star Trek - The Next Generation/` for `Star.Trek.The.Next.Generation`). A name
//! without a year or country that fits exactly one qualified folder goes there; one
//! that fits several (`Doctor Who (1963)`, `Doctor Who (2005)`) is a conflict.

use std::collections::HashMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::plexname::{self, FolderName};

/// One existing identity folder.
#[derive(Debug, Clone)]
pub struct Folder {
    /// The name as written.
    pub name: String,
    pub id: FolderName,
    key: String,
    /// Not on disk: the spelling this plan settled on for a new folder.
    planned: bool,
}

/// A new folder's identity in one parent: (parent, key, year, country).
type Planned = (PathBuf, String, Option<u16>, Option<String>);

/// What the library says about an identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No folder of this identity yet.
    None,
    /// This folder (by name), and its identity.
    One(String, FolderName),
    /// Several folders fit: their names.
    Several(Vec<String>),
}

/// The identity folders of one parent folder, by title key.
type ByKey = Arc<HashMap<String, Vec<Folder>>>;
/// The season folders of one show folder: (season, name).
type Seasons = Arc<Vec<(u32, String)>>;

/// The identity folders under each parent folder of the root, read on first use.
#[derive(Default)]
pub struct Library {
    dirs: Mutex<HashMap<PathBuf, ByKey>>,
    seasons: Mutex<HashMap<PathBuf, Seasons>>,
    /// The spellings of new folders this plan would make, with how many files use each.
    new: Mutex<HashMap<Planned, HashMap<String, usize>>>,
    /// The top-level folders of each root and what they hold.
    tops: Mutex<HashMap<PathBuf, Tops>>,
}

/// What a library's top-level folder holds, read from the identity folders in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// Show folders (with season folders or episode files).
    Shows,
    /// Movie folders (`Title (Year)` with a video, no episodes).
    Movies,
    /// Neither, both alike, or nothing.
    Unknown,
}

/// The top-level folders of a root: (name, what it holds).
pub type Tops = Arc<Vec<(String, Holds)>>;

/// How many identity folders of a top-level folder are looked into.
const SAMPLE: usize = 24;

const VIDEO: &[&str] = &[
    "mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "mpg", "mpeg", "webm", "flv", "ogm",
];

/// An `sNNeNN` (any case) somewhere in a file name.
fn has_episode_numbers(name: &str) -> bool {
    let b = name.to_ascii_lowercase().into_bytes();
    (0..b.len()).any(|i| {
        if b[i] != b's' || i > 0 && b[i - 1].is_ascii_alphanumeric() {
            return false;
        }
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j > i + 1 && j + 1 < b.len() && b[j] == b'e' && b[j + 1].is_ascii_digit()
    })
}

/// What one identity folder is: a show's, a movie's, or unknown.
fn identity_kind(dir: &Path, id: &FolderName) -> Holds {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Holds::Unknown;
    };
    let mut video = false;
    for e in rd.flatten() {
        let Ok(name) = std::str::from_utf8(e.file_name().as_bytes()).map(str::to_string) else {
            continue;
        };
        let Ok(t) = e.file_type() else { continue };
        if t.is_dir() {
            if plexname::season_folder(&name).is_some() {
                return Holds::Shows;
            }
        } else if t.is_file() {
            if has_episode_numbers(&name) {
                return Holds::Shows;
            }
            let ext = name.rsplit_once('.').map(|(_, x)| x.to_ascii_lowercase());
            video |= ext.is_some_and(|x| VIDEO.contains(&x.as_str()));
        }
    }
    if video && id.year.is_some() {
        Holds::Movies
    } else {
        Holds::Unknown
    }
}

impl Library {
    /// The season folder a show's folder already has for season `n` (`Season 1`,
    /// `Specials`), when it has one.
    pub fn season(&self, show: &Path, n: u32) -> Option<String> {
        let cached = self
            .seasons
            .lock()
            .expect("library lock")
            .get(show)
            .cloned();
        let list = match cached {
            Some(l) => l,
            None => {
                let mut v = Vec::new();
                if let Ok(rd) = std::fs::read_dir(show) {
                    for e in rd.flatten() {
                        if !e.file_type().is_ok_and(|t| t.is_dir()) {
                            continue;
                        }
                        if let Ok(name) = std::str::from_utf8(e.file_name().as_bytes()) {
                            if let Some(k) = plexname::season_folder(name) {
                                v.push((k, name.to_string()));
                            }
                        }
                    }
                }
                v.sort();
                let v = Arc::new(v);
                self.seasons
                    .lock()
                    .expect("library lock")
                    .insert(show.to_path_buf(), v.clone());
                v
            }
        };
        let same: Vec<&(u32, String)> = list.iter().filter(|(k, _)| *k == n).collect();
        // Two spellings of one season already there: leave the choice to the rules.
        (same.len() == 1).then(|| same[0].1.clone())
    }

    fn folders(&self, parent: &Path) -> ByKey {
        if let Some(f) = self.dirs.lock().expect("library lock").get(parent) {
            return f.clone();
        }
        let mut v = Vec::new();
        if let Ok(rd) = std::fs::read_dir(parent) {
            for e in rd.flatten() {
                // Only real folders: a link is never taken for a library folder.
                if !e.file_type().is_ok_and(|t| t.is_dir()) {
                    continue;
                }
                let Ok(name) = std::str::from_utf8(e.file_name().as_bytes()).map(str::to_string)
                else {
                    continue;
                };
                if let Some(id) = plexname::folder(&name) {
                    let key = id.key();
                    if !key.is_empty() {
                        v.push(Folder {
                            name,
                            id,
                            key,
                            planned: false,
                        });
                    }
                }
            }
        }
        v.sort_by(|a, b| a.name.cmp(&b.name));
        let mut by_key: HashMap<String, Vec<Folder>> = HashMap::new();
        for f in v {
            by_key.entry(f.key.clone()).or_default().push(f);
        }
        let v = Arc::new(by_key);
        self.dirs
            .lock()
            .expect("library lock")
            .insert(parent.to_path_buf(), v.clone());
        v
    }

    /// The folder under `parent` for the identity (`key`, `year`, `country`) with
    /// `edition`; `own` (the file's current folder, when it lies there) wins ties.
    pub fn find(
        &self,
        parent: &Path,
        key: &str,
        year: Option<u16>,
        country: Option<&str>,
        edition: Option<&str>,
        own: Option<&str>,
    ) -> Found {
        if key.is_empty() {
            return Found::None;
        }
        let all = self.folders(parent);
        // A qualifier the name carries must be the folder's; one it lacks may be anything.
        let fits: Vec<&Folder> = all
            .get(key)
            .into_iter()
            .flatten()
            .filter(|f| year.is_none() || f.id.year == year)
            .filter(|f| country.is_none() || f.id.country.as_deref() == country)
            // A spelling the plan settled on fits its own identity only.
            .filter(|f| !f.planned || f.id.year == year && f.id.country.as_deref() == country)
            .collect();
        if let Some(f) = fits.iter().find(|f| Some(f.name.as_str()) == own) {
            return Found::One(f.name.clone(), f.id.clone());
        }
        let same_edition: Vec<&&Folder> = fits
            .iter()
            .filter(|f| f.id.edition.as_deref() == edition)
            .collect();
        let pick: Vec<&&Folder> = if !same_edition.is_empty() {
            same_edition
        } else {
            fits.iter().filter(|f| f.id.edition.is_none()).collect()
        };
        // Several folders of one identity differing only in hints: the exact one first.
        let exact: Vec<&&&Folder> = pick
            .iter()
            .filter(|f| f.id.year == year && f.id.country.as_deref() == country)
            .collect();
        match (pick.len(), exact.len()) {
            // Only folders of other editions: this one gets its own.
            (0, _) => Found::None,
            (1, _) => Found::One(pick[0].name.clone(), pick[0].id.clone()),
            (_, 1) => Found::One(exact[0].name.clone(), exact[0].id.clone()),
            _ => {
                // Folders of one identity that differ only by hints are one identity.
                let ids: std::collections::HashSet<(Option<u16>, Option<&str>)> = pick
                    .iter()
                    .map(|f| (f.id.year, f.id.country.as_deref()))
                    .collect();
                if ids.len() == 1 {
                    Found::One(pick[0].name.clone(), pick[0].id.clone())
                } else {
                    Found::Several(pick.iter().map(|f| f.name.clone()).collect())
                }
            }
        }
    }
}

impl Library {
    /// The real top-level folders of `root` and what each holds (read once): a folder
    /// whose identity folders are mostly shows' holds shows, mostly movies' holds movies.
    pub fn tops(&self, root: &Path) -> Tops {
        if let Some(t) = self.tops.lock().expect("library lock").get(root) {
            return t.clone();
        }
        let mut v = Vec::new();
        if let Ok(rd) = std::fs::read_dir(root) {
            for e in rd.flatten() {
                if !e.file_type().is_ok_and(|t| t.is_dir()) {
                    continue;
                }
                let Ok(name) = std::str::from_utf8(e.file_name().as_bytes()).map(str::to_string)
                else {
                    continue;
                };
                let top = root.join(&name);
                let folders = self.folders(&top);
                let mut all: Vec<&Folder> = folders.values().flatten().collect();
                all.sort_by(|a, b| a.name.cmp(&b.name));
                let (mut shows, mut movies) = (0usize, 0usize);
                for f in all.iter().take(SAMPLE) {
                    match identity_kind(&top.join(&f.name), &f.id) {
                        Holds::Shows => shows += 1,
                        Holds::Movies => movies += 1,
                        Holds::Unknown => {}
                    }
                }
                let holds = if shows > movies {
                    Holds::Shows
                } else if movies > shows {
                    Holds::Movies
                } else {
                    Holds::Unknown
                };
                v.push((name, holds));
            }
        }
        v.sort_by(|a, b| a.0.cmp(&b.0));
        let v = Arc::new(v);
        self.tops
            .lock()
            .expect("library lock")
            .insert(root.to_path_buf(), v.clone());
        v
    }

    /// Note the name of a new identity folder a file would get.
    pub fn note_new(
        &self,
        parent: &Path,
        key: &str,
        year: Option<u16>,
        country: Option<&str>,
        name: &str,
    ) {
        let k = (
            parent.to_path_buf(),
            key.to_string(),
            year,
            country.map(str::to_string),
        );
        *self
            .new
            .lock()
            .expect("library lock")
            .entry(k)
            .or_default()
            .entry(name.to_string())
            .or_default() += 1;
    }

    /// One show or movie, one folder, however its names are spelled: where this plan would
    /// make several new folders of one identity (`Grey's Anatomy`, `Greys Anatomy`), the
    /// richest spelling (most punctuation, then capitals, then files) becomes a planned
    /// folder the files are decided against again. True when there was any.
    pub fn settle_spellings(&self) -> bool {
        let groups = std::mem::take(&mut *self.new.lock().expect("library lock"));
        let mut any = false;
        for ((parent, key, _, _), names) in groups {
            if names.len() < 2 {
                continue;
            }
            let score = |n: &str, files: usize| {
                let punct = n
                    .chars()
                    .filter(|c| !c.is_alphanumeric() && *c != ' ')
                    .count();
                let caps = n.chars().filter(|c| c.is_uppercase()).count();
                (punct, caps, files)
            };
            let Some((best, _)) = names
                .iter()
                .max_by(|a, b| score(a.0, *a.1).cmp(&score(b.0, *b.1)).then(b.0.cmp(a.0)))
            else {
                continue;
            };
            let Some(id) = plexname::folder(best) else {
                continue;
            };
            let folders = self.folders(&parent);
            let mut by_key = (*folders).clone();
            by_key.entry(key.clone()).or_default().push(Folder {
                name: best.clone(),
                id,
                key,
                planned: true,
            });
            self.dirs
                .lock()
                .expect("library lock")
                .insert(parent, Arc::new(by_key));
            any = true;
        }
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_folders_decide() {
        let d = tempfile::tempdir().unwrap();
        for n in [
            "Doctor Who (1963)",
            "Doctor Who (2005)",
            "The Office (US)",
            "Star Trek - The Next Generation",
            "Heat (1995) {imdb-tt0113277}",
            "Inception.2010.1080p",
        ] {
            std::fs::create_dir(d.path().join(n)).unwrap();
        }
        let lib = Library::default();
        let f = |k: &str, y, c| {
            lib.find(
                d.path(),
                &crate::media::normalize_title(k),
                y,
                c,
                None,
                None,
            )
        };
        assert!(matches!(f("Doctor Who", None, None), Found::Several(v) if v.len() == 2));
        assert!(
            matches!(f("Doctor Who", Some(2005), None), Found::One(n, _) if n == "Doctor Who (2005)")
        );
        assert_eq!(f("Doctor Who", Some(2023), None), Found::None);
        assert!(matches!(f("the office", None, None), Found::One(n, _) if n == "The Office (US)"));
        assert_eq!(f("The Office", None, Some("UK")), Found::None);
        assert!(
            matches!(f("Star Trek The Next Generation", None, None), Found::One(n, _) if n == "Star Trek - The Next Generation")
        );
        assert!(matches!(f("Heat", Some(1995), None), Found::One(n, _) if n.contains("imdb")));
        assert_eq!(f("Inception", Some(2010), None), Found::None);
    }

    #[test]
    fn top_folders_are_read_as_show_or_movie_roots() {
        let d = tempfile::tempdir().unwrap();
        for (dir, file) in [
            (
                "TV/Doctor Who (2005)/Season 01",
                "Doctor Who (2005) - S01E01.mkv",
            ),
            ("TV/Lost", "Lost - s01e01.mkv"),
            ("Films/Heat (1995)", "Heat (1995).mkv"),
            ("Extras/Heat (1995)", "poster.jpg"),
        ] {
            std::fs::create_dir_all(d.path().join(dir)).unwrap();
            std::fs::write(d.path().join(dir).join(file), b"x").unwrap();
        }
        let tops = Library::default().tops(d.path());
        let got: Vec<(&str, Holds)> = tops.iter().map(|(n, h)| (n.as_str(), *h)).collect();
        assert_eq!(
            got,
            [
                ("Extras", Holds::Unknown),
                ("Films", Holds::Movies),
                ("TV", Holds::Shows)
            ]
        );
        assert!(has_episode_numbers("x.S01E02.mkv"));
        assert!(!has_episode_numbers("Sicario (2015).mkv"));
        assert!(!has_episode_numbers("mess1e2"));
    }
}
