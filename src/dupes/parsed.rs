//! From the media-name parser to what the name detectors need: every video file not
//! hidden as an exact or partial copy is parsed (in parallel) from its path, and its
//! title, numbers and quality are kept.

use std::collections::HashSet;
use std::path::PathBuf;

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
    Named {
        entry,
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
            .map(|&i| named(i, &parse_quietly(&entries[i].path().to_string_lossy())))
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
