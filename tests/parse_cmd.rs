//! End-to-end tests of `plexsync parse`: arguments and stdin, JSON Lines and the table.

mod common;

use common::{json_path, of_type, summary, World};
use plexsync::media::{MediaKind, MediaName};
use std::path::PathBuf;

/// The `name` messages, deserialized back into `MediaName` with their inputs.
fn names(msgs: &[serde_json::Value]) -> Vec<(PathBuf, MediaName)> {
    of_type(msgs, "name")
        .into_iter()
        .map(|d| {
            let input = json_path(&d["input"]);
            let m: MediaName = serde_json::from_value(d.clone()).expect("a MediaName");
            (input, m)
        })
        .collect()
}

#[test]
fn json_lines_for_arguments() {
    let w = World::new();
    let msgs = w.json(
        &[
            "parse",
            "Heat.1995.1080p.BluRay.x264-GRP.mkv",
            "Breaking Bad/Season 2/03 - Bit by a Dead Bee.mkv",
            "notes.txt",
        ],
        0,
    );
    let got = names(&msgs);
    assert_eq!(got.len(), 3);
    let (input, heat) = &got[0];
    assert_eq!(input, &PathBuf::from("Heat.1995.1080p.BluRay.x264-GRP.mkv"));
    assert_eq!(heat.kind, MediaKind::Movie);
    assert_eq!(heat.title.as_deref(), Some("Heat"));
    assert_eq!(heat.year, Some(1995));
    assert_eq!(heat.release_group.as_deref(), Some("GRP"));
    let bb = &got[1].1;
    assert_eq!(bb.kind, MediaKind::Episode);
    assert_eq!((bb.season, bb.episode), (Some(2), Some(3)));
    assert_eq!(bb.title.as_deref(), Some("Breaking Bad"));
    assert_eq!(got[2].1.kind, MediaKind::Unknown);
    // Unknown fields are absent, not null.
    let raw = &of_type(&msgs, "name")[2];
    assert!(raw.get("season").is_none() && raw.get("episodes").is_none());
    let s = summary(&msgs);
    assert_eq!(
        (s["names"].as_u64(), s["movies"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(
        (s["episodes"].as_u64(), s["unknown"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn dash_reads_names_from_stdin() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["--json", "parse", "-"])
        .write_stdin("Show.S01E02E03.720p.HDTV.x264-GRP.mkv\r\n\n[Group] Anime - 12 [1080p].mkv\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let msgs = common::json_lines(&out.stdout);
    let got = names(&msgs);
    assert_eq!(got.len(), 2, "blank lines are skipped, CR is trimmed");
    assert_eq!(
        got[0].0,
        PathBuf::from("Show.S01E02E03.720p.HDTV.x264-GRP.mkv")
    );
    assert_eq!(got[0].1.episodes, vec![2, 3]);
    assert_eq!(got[1].1.episode, Some(12));
    assert_eq!(summary(&msgs)["names"], 2);
}

#[test]
fn table_for_people() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["parse", "The.Office.US.S01E01.720p.WEB-DL.x264-GRP.mkv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("kind"), "{text}");
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("episode") && row.contains("The Office") && row.contains("S01E01"),
        "{text}"
    );
    assert!(
        text.contains("1 names: 0 movies, 1 episodes, 0 unknown"),
        "{text}"
    );
}

#[test]
fn no_names_is_a_usage_error() {
    let w = World::new();
    w.cmd().arg("parse").assert().code(2);
}

#[test]
fn json_has_packs_absolute_episodes_countries_and_editions() {
    let w = World::new();
    let msgs = w.json(
        &[
            "parse",
            "Deadwood.S01-S03.1080p.BluRay.x264-GRP",
            "[Group] One Piece 1017-1020 [1080p]",
            "[SubsPlease] Frieren - 12 (1080p) [A1B2C3D4].mkv",
            "The.Office.US.S03E01.720p.HDTV",
            "Avatar.Extended.2009.1080p.BluRay.x264-GRP",
        ],
        0,
    );
    let raw = of_type(&msgs, "name");
    assert_eq!(raw[0]["seasons"], serde_json::json!([1, 2, 3]));
    assert!(raw[0].get("episode").is_none());
    assert_eq!(
        raw[1]["episodes"],
        serde_json::json!([1017, 1018, 1019, 1020])
    );
    assert_eq!(raw[2]["absolute_episode"], 12);
    assert_eq!(raw[3]["country"], "US");
    assert_eq!(raw[4]["edition"], "Extended");
    let got = names(&msgs);
    assert_eq!(got[0].1.seasons, vec![1, 2, 3]);
    assert_eq!(got[4].1.title.as_deref(), Some("Avatar"));
}

#[test]
fn the_table_shows_a_season_range() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["parse", "Deadwood.S01-S03.1080p.BluRay.x264-GRP"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("S01-S03"), "{text}");
}
