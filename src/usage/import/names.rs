//! Finding a play the server names only by title (a Tautulli session whose item Plex no
//! longer has, a Plex view whose item was deleted) among the catalog's videos, by the
//! media-name parser's title, year, season and episode.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Result;
use rusqlite::Connection;

use super::NameQuery;
use crate::paths;

/// The catalog's videos by parsed name (built once, only when a source needs it).
#[derive(Default)]
pub struct NameIndex {
    movies: HashMap<(String, Option<u16>), Vec<PathBuf>>,
    movies_any_year: HashMap<String, Vec<PathBuf>>,
    episodes: HashMap<(String, u32, u32), Vec<PathBuf>>,
}

impl NameIndex {
    pub fn build(conn: &Connection) -> Result<NameIndex> {
        use crate::media::{normalize_title, parse, MediaKind};
        let mut idx = NameIndex::default();
        let mut st = conn.prepare(
            "SELECT path FROM files WHERE kind = 'video' AND status != 'missing' ORDER BY path",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let path = paths::from_bytes(&r.get::<_, Vec<u8>>(0)?);
            let name = parse(&path.to_string_lossy());
            let Some(title) = name.title.as_deref().map(normalize_title) else {
                continue;
            };
            match name.kind {
                MediaKind::Movie => {
                    idx.movies
                        .entry((title.clone(), name.year))
                        .or_default()
                        .push(path.clone());
                    idx.movies_any_year.entry(title).or_default().push(path);
                }
                MediaKind::Episode => {
                    let (Some(season), Some(first)) = (name.season, name.episode) else {
                        continue;
                    };
                    let mut eps = name.episodes.clone();
                    if eps.is_empty() {
                        eps.push(first);
                    }
                    for e in eps {
                        idx.episodes
                            .entry((title.clone(), season, e))
                            .or_default()
                            .push(path.clone());
                    }
                }
                MediaKind::Unknown => {}
            }
        }
        Ok(idx)
    }

    /// The first file (by path) with this name; a movie without a year matches by title.
    pub fn find(&self, q: &NameQuery) -> Option<PathBuf> {
        let title = crate::media::normalize_title(&q.title);
        let hits = match q.episode {
            Some((s, e)) => self.episodes.get(&(title, s, e)),
            None => match q.year {
                Some(y) => self
                    .movies
                    .get(&(title.clone(), Some(y)))
                    .or_else(|| self.movies.get(&(title, None))),
                None => self.movies_any_year.get(&title),
            },
        }?;
        hits.first().cloned()
    }
}
