//! `plexsync parse NAME...|-`: what the release-name parser reads from each name.
//!
//! A window onto `media::parse` for people checking why `dupes` or `organize` sees a file
//! the way it does, and for scripts (`--json`). `-` reads one name per line from stdin, so
//! `find ... | plexsync parse -` works; names need not be UTF-8 (they are read lossily and
//! echoed back exactly as a JSON path).

use std::ffi::OsString;
use std::io::BufRead;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use plexsync::media::{parse, MediaKind, MediaName};
use plexsync::output::{table, thousands};
use plexsync::paths;
use serde::Serialize;

use super::Ctx;
use crate::cli::ParseArgs;

/// One `name` message: the input and every field the parser found.
#[derive(Serialize)]
struct Parsed<'a> {
    #[serde(serialize_with = "paths::serialize")]
    input: &'a Path,
    #[serde(flatten)]
    name: &'a MediaName,
}

#[derive(Serialize, Default)]
struct Summary {
    names: u64,
    movies: u64,
    episodes: u64,
    unknown: u64,
}

/// The names to parse, in order: arguments, with `-` replaced by the lines of stdin.
fn inputs(args: &ParseArgs) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for a in &args.names {
        if a != "-" {
            out.push(PathBuf::from(a));
            continue;
        }
        for line in std::io::stdin().lock().split(b'\n') {
            let mut bytes = line.context("reading names from stdin")?;
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
            if !bytes.is_empty() {
                out.push(PathBuf::from(OsString::from_vec(bytes)));
            }
        }
    }
    Ok(out)
}

/// `S01E02`, `S01E02-E03`, `S01`, `S01-S07`, `E12`, a date, or nothing.
fn episode_cell(m: &MediaName) -> String {
    let mut s = String::new();
    match (m.seasons.first(), m.seasons.last(), m.season) {
        (Some(a), Some(b), _) if a != b => s.push_str(&format!("S{a:02}-S{b:02}")),
        (_, _, Some(season)) => s.push_str(&format!("S{season:02}")),
        _ => {}
    }
    match (m.episodes.first(), m.episodes.last(), m.episode) {
        (Some(a), Some(b), _) if a != b => s.push_str(&format!("E{a:02}-E{b:02}")),
        (_, _, Some(e)) => s.push_str(&format!("E{e:02}")),
        _ => {}
    }
    if let Some(d) = &m.date {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(d);
    }
    s
}

pub fn run(ctx: &Ctx, args: &ParseArgs) -> Result<i32> {
    let out = &ctx.out;
    let mut sum = Summary::default();
    let mut rows = Vec::new();
    for input in inputs(args)? {
        let text = input.to_string_lossy();
        let m = parse(&text);
        sum.names += 1;
        match m.kind {
            MediaKind::Movie => sum.movies += 1,
            MediaKind::Episode => sum.episodes += 1,
            MediaKind::Unknown => sum.unknown += 1,
        }
        if out.json() {
            out.emit(
                "name",
                &Parsed {
                    input: &input,
                    name: &m,
                },
            );
            continue;
        }
        let kind = match m.kind {
            MediaKind::Movie => "movie",
            MediaKind::Episode => "episode",
            MediaKind::Unknown => "unknown",
        };
        let quality: Vec<&str> = [&m.screen_size, &m.source, &m.video_codec]
            .into_iter()
            .filter_map(|f| f.as_deref())
            .collect();
        rows.push(vec![
            kind.to_string(),
            paths::escape_bytes(m.title.as_deref().unwrap_or("").as_bytes()),
            m.year.map(|y| y.to_string()).unwrap_or_default(),
            episode_cell(&m),
            paths::escape_bytes(m.episode_title.as_deref().unwrap_or("").as_bytes()),
            quality.join(" "),
            paths::escape_bytes(m.release_group.as_deref().unwrap_or("").as_bytes()),
            paths::display(&input),
        ]);
    }
    if out.json() {
        out.emit("summary", &sum);
    } else {
        if !rows.is_empty() {
            out.line(table(
                &[
                    "kind",
                    "title",
                    "year",
                    "episode",
                    "episode title",
                    "quality",
                    "group",
                    "name",
                ],
                &rows,
            ));
        }
        out.line(format!(
            "{} names: {} movies, {} episodes, {} unknown",
            thousands(sum.names),
            thousands(sum.movies),
            thousands(sum.episodes),
            thousands(sum.unknown)
        ));
    }
    Ok(ctx.finish(false))
}
