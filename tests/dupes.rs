//! `plexsync dupes` end to end: detection (exact, partial, hard links, near misses, the
//! warm-cache second run) and the acting verbs verified on disk.

mod common;

use std::collections::BTreeSet;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

use common::{json_path, of_type, summary, World};
use serde_json::Value;

fn bytes(seed: u8, n: usize) -> Vec<u8> {
    // Deterministic, varied content: no two seeds share a block.
    let mut x = (seed as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// The groups of one kind, each as the set of its file paths (relative to the world).
fn groups(w: &World, msgs: &[Value], kind: &str) -> BTreeSet<BTreeSet<String>> {
    of_type(msgs, "group")
        .into_iter()
        .filter(|g| g["kind"] == kind)
        .map(|g| {
            g["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| rel(w, &json_path(&f["path"])))
                .collect()
        })
        .collect()
}

fn rel(w: &World, p: &std::path::Path) -> String {
    p.strip_prefix(w.root())
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn lib(w: &World) -> String {
    w.path("lib").to_string_lossy().into_owned()
}

/// A library with exact copies, a hard link, near misses and an interrupted copy.
fn library(w: &World) {
    let big = bytes(1, 300_000);
    w.write("lib/a/movie.mkv", &big);
    w.write("lib/b/movie.mkv", &big);
    w.write("lib/b/movie copy.mkv", &big);
    std::fs::hard_link(w.path("lib/a/movie.mkv"), w.path("lib/a/movie-link.mkv")).unwrap();
    // Same size, same head, different tail: not a duplicate.
    let mut tail = big.clone();
    *tail.last_mut().unwrap() ^= 1;
    w.write("lib/c/near-tail.mkv", &tail);
    // Same size, same head and tail, different middle: not a duplicate.
    let mut mid = big.clone();
    mid[150_000] ^= 1;
    w.write("lib/c/near-middle.mkv", &mid);
    // Same size, different everything.
    w.write("lib/c/other.mkv", bytes(2, 300_000));
    // An interrupted copy: the first 120,000 bytes.
    w.write("lib/d/movie.mkv.part", &big[..120_000]);
    // Small identical files (whole after the head block) and empty files.
    w.write("lib/s/one.srt", b"1\n00:00:01 --> 00:00:02\nhi\n");
    w.write("lib/s/two.srt", b"1\n00:00:01 --> 00:00:02\nhi\n");
    w.write("lib/e/empty1", b"");
    w.write("lib/e/empty2", b"");
    // The originals are older than their copies.
    age(w, "lib/a/movie.mkv", 3600);
    age(w, "lib/s/one.srt", 3600);
}

fn age(w: &World, rel: &str, secs: u64) {
    let f = std::fs::File::options()
        .write(true)
        .open(w.path(rel))
        .unwrap();
    f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(secs))
        .unwrap();
}

#[test]
fn finds_exact_and_partial_with_near_misses() {
    let w = World::new();
    library(&w);
    let msgs = w.json(&["dupes", "find", &lib(&w)], 0);
    let exact = groups(&w, &msgs, "exact");
    assert_eq!(
        exact,
        [
            set(&[
                "lib/a/movie-link.mkv",
                "lib/b/movie.mkv",
                "lib/b/movie copy.mkv"
            ]),
            set(&["lib/s/one.srt", "lib/s/two.srt"]),
        ]
        .into_iter()
        .collect(),
        "{msgs:#?}"
    );
    let partial = groups(&w, &msgs, "partial");
    assert_eq!(
        partial,
        [set(&["lib/a/movie-link.mkv", "lib/d/movie.mkv.part"])]
            .into_iter()
            .collect()
    );
    let g = of_type(&msgs, "group")
        .into_iter()
        .find(|g| g["kind"] == "exact" && g["files"].as_array().unwrap().len() == 3)
        .unwrap()
        .clone();
    // The hard link is one file with two names, never waste; the copy-named file is not kept.
    assert_eq!(g["wasted_bytes"], 600_000);
    assert_eq!(g["confidence"], "very_high");
    let kept: Vec<&Value> = g["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["keep"] == true)
        .collect();
    assert_eq!(kept.len(), 1);
    assert_ne!(
        rel(&w, &json_path(&kept[0]["path"])),
        "lib/b/movie copy.mkv"
    );
    let linked = g["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["links"].is_array())
        .unwrap();
    assert_eq!(linked["links"].as_array().unwrap().len(), 1);
    let s = summary(&msgs);
    assert_eq!(s["hardlinks"], 1);
    assert_eq!(s["by_kind"]["partial"]["wasted_bytes"], 120_000);
    assert!(s["hashing"]["bytes_read"].as_u64().unwrap() > 0);

    // A second run over the unchanged tree reads no file contents.
    let again = w.json(&["dupes", "find", &lib(&w)], 0);
    assert_eq!(summary(&again)["hashing"]["bytes_read"], 0);
    assert_eq!(groups(&w, &again, "exact"), exact);

    // --min-size 0 takes empty files in; --kind limits the detectors.
    let msgs = w.json(
        &[
            "dupes",
            "find",
            "--kind",
            "exact",
            "--min-size",
            "0",
            &lib(&w),
        ],
        0,
    );
    assert!(groups(&w, &msgs, "exact").contains(&set(&["lib/e/empty1", "lib/e/empty2"])));
    assert!(groups(&w, &msgs, "partial").is_empty());
    // --exit-code says whether something was found.
    w.json(&["dupes", "find", "--exit-code", &lib(&w)], 1);
}

#[test]
fn human_output_and_bad_input() {
    let w = World::new();
    library(&w);
    let out = w.cmd().args(["dupes", "find", &lib(&w)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("keep"), "{text}");
    assert!(text.contains("wasted"), "{text}");
    let out = w
        .cmd()
        .args(["dupes", "find", "--min-size", "lots", &lib(&w)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("plexsync: "));
    let out = w
        .cmd()
        .args(["dupes", "find", "/no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn ino(p: &PathBuf) -> u64 {
    std::fs::metadata(p).unwrap().ino()
}

#[test]
fn remove_dry_run_yes_and_trash() {
    let w = World::new();
    library(&w);
    // Without a terminal, acting needs --yes.
    let out = w
        .cmd()
        .args(["dupes", "remove", &lib(&w)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));

    let before: Vec<PathBuf> = ["lib/b/movie.mkv", "lib/b/movie copy.mkv", "lib/s/two.srt"]
        .iter()
        .map(|p| w.path(p))
        .collect();
    let msgs = w.json(&["dupes", "remove", "--dry-run", &lib(&w)], 0);
    let planned: BTreeSet<String> = of_type(&msgs, "action")
        .iter()
        .map(|a| rel(&w, &json_path(&a["path"])))
        .collect();
    assert_eq!(
        planned,
        set(&["lib/b/movie.mkv", "lib/b/movie copy.mkv", "lib/s/two.srt"]),
        "{msgs:#?}"
    );
    assert!(before.iter().all(|p| p.exists()));
    assert_eq!(summary(&msgs)["dry_run"], true);

    let trash = w.path("trash");
    let msgs = w.json(
        &[
            "dupes",
            "remove",
            "--yes",
            "--trash",
            trash.to_str().unwrap(),
            &lib(&w),
        ],
        0,
    );
    let s = summary(&msgs);
    assert_eq!(s["done"], 3, "{msgs:#?}");
    assert!(s["run"].as_i64().is_some());
    // Kept files stay; the others moved into the trash keeping their relative paths.
    assert!(w.path("lib/a/movie.mkv").exists() && w.path("lib/a/movie-link.mkv").exists());
    assert!(!w.path("lib/b/movie.mkv").exists());
    assert!(w.path("trash/b/movie.mkv").exists());
    assert!(w.path("trash/b/movie copy.mkv").exists());
    // The partial is not exact: the default acting kind leaves it alone.
    assert!(w.path("lib/d/movie.mkv.part").exists());
    // One of the two subtitles stays.
    assert_eq!(
        [w.path("lib/s/one.srt"), w.path("lib/s/two.srt")]
            .iter()
            .filter(|p| p.exists())
            .count(),
        1
    );
    // Nothing is left to act on; the partial goes with --kind partial.
    let msgs = w.json(
        &["dupes", "remove", "--yes", "--kind", "partial", &lib(&w)],
        0,
    );
    assert_eq!(summary(&msgs)["done"], 1);
    assert!(!w.path("lib/d/movie.mkv.part").exists());
    assert!(w.path("lib/a/movie.mkv").exists());
}

#[test]
fn link_and_symlink_and_move() {
    let w = World::new();
    library(&w);
    let msgs = w.json(&["dupes", "link", "--yes", &lib(&w)], 0);
    assert_eq!(summary(&msgs)["done"], 3, "{msgs:#?}");
    let keeper = w.path("lib/a/movie.mkv");
    assert_eq!(ino(&w.path("lib/b/movie.mkv")), ino(&keeper));
    assert_eq!(ino(&w.path("lib/b/movie copy.mkv")), ino(&keeper));
    assert_eq!(ino(&w.path("lib/s/one.srt")), ino(&w.path("lib/s/two.srt")));
    // Now they are all hard links of one file: no waste left.
    let msgs = w.json(&["dupes", "find", "--kind", "exact", &lib(&w)], 0);
    assert_eq!(summary(&msgs)["groups"], 0);

    let w = World::new();
    library(&w);
    let msgs = w.json(&["dupes", "link", "--symlink", "--yes", &lib(&w)], 0);
    assert_eq!(summary(&msgs)["done"], 3);
    let l = std::fs::symlink_metadata(w.path("lib/b/movie copy.mkv")).unwrap();
    assert!(l.file_type().is_symlink());
    assert_eq!(
        std::fs::read(w.path("lib/b/movie copy.mkv")).unwrap(),
        bytes(1, 300_000)
    );

    let w = World::new();
    library(&w);
    let to = w.path("out");
    let msgs = w.json(
        &[
            "dupes",
            "move",
            "--yes",
            "--to",
            to.to_str().unwrap(),
            &lib(&w),
        ],
        0,
    );
    assert_eq!(summary(&msgs)["done"], 3);
    assert!(w.path("out/b/movie.mkv").exists() && !w.path("lib/b/movie.mkv").exists());
    assert!(w.path("lib/a/movie.mkv").exists());
    // The usage log heard of the move as `managed`, at the new path.
    let shown = w.json(
        &["usage", "show", w.path("out/b/movie.mkv").to_str().unwrap()],
        0,
    );
    let access = common::of_type(&shown, "access");
    assert_eq!(access.len(), 1, "{shown:?}");
    assert_eq!(access[0]["access_type"], "managed");
}

#[test]
fn media_and_name_detectors() {
    let w = World::new();
    let files: &[(&str, u64, u8)] = &[
        (
            "lib/Movies/Heat (1995)/Heat.1995.1080p.BluRay.x264-GRP.mkv",
            30_000,
            10,
        ),
        (
            "lib/Movies/Heat (1995)/Heat.1995.720p.HDTV.x264-XYZ.mkv",
            20_000,
            11,
        ),
        // A remake is another film.
        ("lib/Movies/Dune.1984.1080p.BluRay.x264.mkv", 30_000, 12),
        ("lib/Movies/Dune.2021.2160p.WEB-DL.x265.HDR.mkv", 40_000, 13),
        // The same episode twice; the next episode is not a duplicate.
        (
            "lib/TV/Breaking Bad/Season 01/Breaking.Bad.S01E02.720p.HDTV.x264.mkv",
            10_000,
            14,
        ),
        (
            "lib/TV/Breaking Bad/Season 01/Breaking.Bad.S01E02.1080p.WEB-DL.x264.mkv",
            15_000,
            15,
        ),
        (
            "lib/TV/Breaking Bad/Season 01/Breaking.Bad.S01E03.1080p.WEB-DL.x264.mkv",
            15_000,
            16,
        ),
        // A typo the parser cannot know about.
        (
            "lib/x/Harry.Potter.and.the.Goblet.of.Fire.1080p.mkv",
            30_000,
            17,
        ),
        (
            "lib/x/Harry.Poter.and.the.Goblet.of.Fire.720p.mkv",
            25_000,
            18,
        ),
        // Sizes within 1% and names that are only somewhat alike.
        ("lib/y/Big.Lebowski.Night.avi", 1_500_000, 19),
        ("lib/y/Big.Lebowski.avi", 1_501_000, 20),
        // Sizes within 1%, names unalike.
        ("lib/y/Solaris.avi", 1_500_500, 21),
    ];
    for (p, n, seed) in files {
        w.write(p, bytes(*seed, *n as usize));
    }
    let msgs = w.json(&["dupes", "find", &lib(&w)], 0);
    assert_eq!(
        groups(&w, &msgs, "media"),
        [
            set(&[
                "lib/Movies/Heat (1995)/Heat.1995.1080p.BluRay.x264-GRP.mkv",
                "lib/Movies/Heat (1995)/Heat.1995.720p.HDTV.x264-XYZ.mkv"
            ]),
            set(&[
                "lib/TV/Breaking Bad/Season 01/Breaking.Bad.S01E02.720p.HDTV.x264.mkv",
                "lib/TV/Breaking Bad/Season 01/Breaking.Bad.S01E02.1080p.WEB-DL.x264.mkv"
            ]),
        ]
        .into_iter()
        .collect(),
        "{msgs:#?}"
    );
    assert_eq!(
        groups(&w, &msgs, "similar_name"),
        [set(&[
            "lib/x/Harry.Potter.and.the.Goblet.of.Fire.1080p.mkv",
            "lib/x/Harry.Poter.and.the.Goblet.of.Fire.720p.mkv"
        ])]
        .into_iter()
        .collect()
    );
    assert_eq!(
        groups(&w, &msgs, "similar_size"),
        [set(&[
            "lib/y/Big.Lebowski.Night.avi",
            "lib/y/Big.Lebowski.avi"
        ])]
        .into_iter()
        .collect()
    );
    let heat = of_type(&msgs, "group")
        .into_iter()
        .find(|g| g["key"] == "movie: heat (1995)")
        .unwrap()
        .clone();
    assert_eq!(heat["confidence"], "high");
    assert_eq!(heat["action"], "review");
    let loser = heat["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["keep"] == false)
        .unwrap();
    assert!(rel(&w, &json_path(&loser["path"])).contains("720p"));
    assert_eq!(loser["why"], "lower resolution (720p < 1080p)");
    for g in of_type(&msgs, "group") {
        if g["kind"] == "similar_size" {
            assert_eq!(g["confidence"], "low");
        }
    }

    // Acting on media needs asking for it; the default acts on exact groups only.
    let msgs = w.json(&["dupes", "remove", "--dry-run", &lib(&w)], 0);
    assert!(of_type(&msgs, "action").is_empty());
    let msgs = w.json(
        &["dupes", "remove", "--yes", "--kind", "media", &lib(&w)],
        0,
    );
    assert_eq!(summary(&msgs)["done"], 2, "{msgs:#?}");
    assert!(!w
        .path("lib/Movies/Heat (1995)/Heat.1995.720p.HDTV.x264-XYZ.mkv")
        .exists());
    assert!(w
        .path("lib/Movies/Heat (1995)/Heat.1995.1080p.BluRay.x264-GRP.mkv")
        .exists());
    // similar_name groups are medium: below the default --min-confidence high.
    let msgs = w.json(
        &[
            "dupes",
            "remove",
            "--dry-run",
            "--kind",
            "similar_name",
            &lib(&w),
        ],
        0,
    );
    assert!(of_type(&msgs, "action").is_empty());
}

#[test]
fn the_watched_copy_of_identical_bytes_is_kept() {
    let w = World::new();
    library(&w);
    // Without history the copy-named file goes; once it is the one people watch, it stays.
    let copy = w.path("lib/b/movie copy.mkv");
    w.json(
        &[
            "usage",
            "record",
            "--type",
            "viewed",
            copy.to_str().unwrap(),
        ],
        0,
    );
    let msgs = w.json(&["dupes", "find", "--kind", "exact", &lib(&w)], 0);
    let g = of_type(&msgs, "group")
        .into_iter()
        .find(|g| g["files"].as_array().unwrap().len() == 3)
        .unwrap()
        .clone();
    let kept = g["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["keep"] == true)
        .unwrap()
        .clone();
    assert_eq!(json_path(&kept["path"]), copy);
    assert!(kept["why"].as_str().unwrap().contains("watched"), "{kept}");
}

#[test]
fn one_reader_in_disk_order_finds_the_same_groups() {
    // `-j 1` reads one file at a time in physical order, stage by stage (what a spinning
    // disk or a share gets); the default reads per size group on every worker.
    let (serial, parallel) = (World::new(), World::new());
    library(&serial);
    library(&parallel);
    let one = serial.json(&["-j", "1", "dupes", "find", &lib(&serial)], 0);
    let all = parallel.json(&["dupes", "find", &lib(&parallel)], 0);
    for kind in ["exact", "partial"] {
        assert_eq!(
            groups(&serial, &one, kind),
            groups(&parallel, &all, kind),
            "{kind}"
        );
    }
    assert!(summary(&one)["hashing"]["bytes_read"].as_u64().unwrap() > 0);
    // The digests it stored serve the next run, whichever way it reads.
    let again = serial.json(&["dupes", "find", &lib(&serial)], 0);
    assert_eq!(summary(&again)["hashing"]["bytes_read"], 0, "{again:#?}");
    assert_eq!(
        groups(&serial, &again, "exact"),
        groups(&serial, &one, "exact")
    );
}

/// A media group's human header says what lowered its confidence, as `evidence` does in
/// JSON: here one release carries no year.
#[test]
fn media_groups_show_their_evidence() {
    let w = World::new();
    let sized = |rel: &str, len: u64| {
        let p = w.write(rel, b"");
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_len(len)
            .unwrap();
    };
    sized("lib/a/Heat.1995.1080p.BluRay.x264-GRP.mkv", 5_000_000);
    sized("lib/b/Heat.720p.HDTV.x264-FGT.mkv", 3_000_000);
    let msgs = w.json(&["dupes", "find", "--kind", "media", &lib(&w)], 0);
    let g = of_type(&msgs, "group")[0];
    let evidence: Vec<&str> = g["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(!evidence.is_empty(), "{g}");
    let out = w
        .cmd()
        .args(["dupes", "find", "--kind", "media", &lib(&w)])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text.lines().next().unwrap();
    assert!(
        header.starts_with("media") && header.contains(&format!(": {}", evidence.join(", "))),
        "{header}"
    );
}
