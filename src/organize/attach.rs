//! What travels with a movie or show besides sidecars named after a video: extras
//! (Plex's extras folders at movie, show or season level, and inline `-trailer` files)
//! go into the same kind of extras folder beside their feature's new place; subtitles
//! in a subtitle folder (`Subs/2_English.srt`, `Subs/<release>/…`) become
//! `<video>.en.srt` beside their video; folder art and `.nfo` files (`poster.jpg`,
//! `fanart.jpg`, `season01-poster.jpg`, `theme.mp3`, `tvshow.nfo`) follow their folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::meta::{MediaKindName, Meta};
use super::plexname;
use super::words;
use crate::media::normalize_title;

/// How a file attached to a video gets its new name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attach {
    /// The video's new stem plus this suffix (`.en.srt`, `-poster.jpg`).
    Suffix(Vec<u8>),
    /// From a subtitle folder: the video's new stem plus this suffix; moves even when
    /// the video is in place.
    SubsFolder(Vec<u8>),
    /// Its own name, in the folder `up` levels above the video's new folder.
    Keep { up: usize },
}

/// Where the features of each source folder went.
#[derive(Default)]
pub struct Maps {
    /// A folder holding features → the one folder they went to (`None`: several).
    dir: HashMap<PathBuf, Option<Dest>>,
    /// A show's folder (above its season folders, or holding its episodes) → the show's
    /// new folder.
    show: HashMap<PathBuf, Option<PathBuf>>,
}

#[derive(Debug, Clone, PartialEq)]
struct Dest {
    dir: PathBuf,
    /// `Title (Year)` of a movie, the show's name for episodes.
    base: String,
    key: String,
    episode: bool,
}

fn put<K: std::hash::Hash + Eq, V: PartialEq>(m: &mut HashMap<K, Option<V>>, k: K, v: V) {
    match m.get(&k) {
        None => {
            m.insert(k, Some(v));
        }
        Some(Some(old)) if *old == v => {}
        Some(_) => {
            m.insert(k, None);
        }
    }
}

/// A season's folder: `Season 01`, `Specials`, or a season pack (`Show.S01.1080p-GRP`).
fn is_season_dir(d: &Path) -> bool {
    d.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        plexname::season_folder(n).is_some() || {
            let m = crate::media::parse(n);
            m.season.is_some() && m.episode.is_none() && m.seasons.is_empty()
        }
    })
}

impl Maps {
    /// Record a decided feature (`from` → `to`).
    pub fn add(&mut self, from: &Path, to: &Path, meta: &Meta) {
        let (Some(src), Some(dst)) = (from.parent(), to.parent()) else {
            return;
        };
        let episode = meta.kind == MediaKindName::Episode;
        let base = if episode {
            meta.show_name().unwrap_or_default()
        } else {
            let t = meta.title.clone().unwrap_or_default();
            match meta.year {
                Some(y) => format!("{t} ({y})"),
                None => t,
            }
        };
        let dest = Dest {
            dir: dst.to_path_buf(),
            base,
            key: meta.key().0,
            episode,
        };
        put(&mut self.dir, src.to_path_buf(), dest);
        if episode {
            let show_src = if is_season_dir(src) {
                src.parent()
            } else {
                Some(src)
            };
            if let (Some(s), Some(d)) = (show_src, dst.parent()) {
                put(&mut self.show, s.to_path_buf(), d.to_path_buf());
            }
        }
    }

    fn dest(&self, dir: &Path) -> Option<&Dest> {
        self.dir.get(dir).and_then(Option::as_ref)
    }

    fn show(&self, dir: &Path) -> Option<&Path> {
        self.show.get(dir).and_then(Option::as_deref)
    }

    /// The new path of an extra whose movie or show is in this plan, or `Err` with the
    /// folder its movie or show should be read from (`Ok(None)`: no way to tell).
    pub fn extra_target(
        &self,
        path: &Path,
        meta: &Meta,
    ) -> Result<(PathBuf, String), Option<PathBuf>> {
        let kind = meta.extra.unwrap_or("other");
        let name = path.file_name().unwrap_or_default();
        // The nearest extras folder above the file, and what lies between.
        let mut below: Vec<&std::ffi::OsStr> = Vec::new();
        let mut dir = path.parent();
        while let Some(d) = dir {
            let n = d.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if let Some(k) = words::extras_folder_kind(n) {
                let owner = d.parent().ok_or(None)?;
                // Keep the folder's spelling when it is Plex's name already.
                let canonical = words::extras_folder(k);
                let folder = if n.eq_ignore_ascii_case(canonical) {
                    n
                } else {
                    canonical
                };
                let (place, base) = match self.dest(owner) {
                    // A season folder's extras stay with the season, a show's with the show.
                    Some(d) if !d.episode || is_season_dir(owner) => {
                        (d.dir.clone(), d.base.clone())
                    }
                    _ => match self.show(owner) {
                        Some(s) => (
                            s.to_path_buf(),
                            s.file_name()
                                .unwrap_or_default()
                                .to_string_lossy()
                                .into_owned(),
                        ),
                        None => return Err(Some(owner.to_path_buf())),
                    },
                };
                let mut to = place.join(folder);
                for b in below.iter().rev() {
                    to.push(b);
                }
                return Ok((to.join(name), base));
            }
            below.push(d.file_name().unwrap_or_default());
            dir = d.parent();
            if below.len() > 2 {
                break;
            }
        }
        // Inline: `Avatar.2009.1080p-trailer.mp4` beside its movie.
        let parent = path.parent().ok_or(None)?;
        let Some(dest) = self.dest(parent) else {
            return Err(None);
        };
        let file = name.to_string_lossy();
        let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(&file);
        let ext = file
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let Some((base, _)) = words::split_inline_extra(stem) else {
            return Err(None);
        };
        // The movie's own name becomes its new one; a descriptive name is kept.
        let own = crate::media::parse(base);
        let same = normalize_title(own.title.as_deref().unwrap_or("")) == dest.key;
        let new_stem = if same {
            dest.base.clone()
        } else {
            base.to_string()
        };
        Ok((
            dest.dir.join(format!("{new_stem}-{kind}.{ext}")),
            dest.base.clone(),
        ))
    }

    /// Which video (`videos`: each feature's source path) an orphan file belongs to, and
    /// how it travels.
    pub fn owner(
        &self,
        path: &Path,
        videos: &HashMap<PathBuf, Vec<(usize, Vec<u8>)>>,
    ) -> Option<(usize, Attach)> {
        let name = path.file_name()?.to_str()?;
        let dir = path.parent()?;
        let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        // Subtitle folders: `X/Subs/2_English.srt`, `X/Subs/<video stem>/2_English.srt`.
        if words::is_subtitle_ext(ext) {
            let dn = dir.file_name()?.to_str()?;
            let (subs, release) = if words::is_subs_folder(dn) {
                (dir, None)
            } else {
                let up = dir.parent()?;
                if !words::is_subs_folder(up.file_name()?.to_str()?) {
                    return None;
                }
                (up, Some(dn))
            };
            let x = subs.parent()?;
            let vids = videos.get(x)?;
            let pick = match release {
                Some(r) => vids
                    .iter()
                    .find(|(_, stem)| stem == r.as_bytes())
                    .or_else(|| (vids.len() == 1).then(|| &vids[0])),
                None => (vids.len() == 1).then(|| &vids[0]),
            }?;
            let suffix = words::subs_folder_suffix(name);
            return Some((pick.0, Attach::SubsFolder(suffix.into_bytes())));
        }
        if !words::is_folder_asset(name) {
            return None;
        }
        let season_art = name.to_ascii_lowercase().starts_with("season");
        if let Some(d) = self.dest(dir) {
            let vid = videos.get(dir)?.first()?.0;
            let up = usize::from(d.episode && (season_art || !is_season_dir(dir)));
            return Some((vid, Attach::Keep { up }));
        }
        // A show's folder above its season folders.
        self.show(dir)?;
        let (vid, up) = videos
            .iter()
            .filter(|(d, _)| d.parent() == Some(dir) && is_season_dir(d))
            .min_by(|a, b| a.0.cmp(b.0))
            .map(|(_, v)| (v.first().map(|x| x.0), 1))?;
        Some((vid?, Attach::Keep { up }))
    }
}
