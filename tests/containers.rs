//! The container check end to end: `plexsync resync verify` on temporary trees of the real
//! fixtures in tests/data/media/ (see scripts/make-media-fixtures), whole, cut, zero-filled,
//! renamed, padded and with a damaged size field.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{json_path, of_type, summary, World};
use serde_json::Value;

const FIXTURES: [&str; 14] = [
    "cues.mkv",
    "subs.mkv",
    "live.mkv",
    "live-unknown.mkv",
    "live.webm",
    "faststart.mp4",
    "moov-end.mp4",
    "frag.mp4",
    "clip.mov",
    "clip.m4v",
    "idx1.avi",
    "piped.avi",
    "clip.ts",
    "clip.m2ts",
];

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/media")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The offset of the first top-level MP4 box of type `typ` (the last one with `last`).
fn mp4_box(data: &[u8], typ: &[u8; 4], last: bool) -> usize {
    let mut at = 0usize;
    let mut found = None;
    while at + 8 <= data.len() {
        let size = u32::from_be_bytes(data[at..at + 4].try_into().unwrap()) as usize;
        if &data[at + 4..at + 8] == typ {
            found = Some(at);
            if !last {
                break;
            }
        }
        assert!(size >= 8, "box at {at}");
        at += size;
    }
    found.unwrap_or_else(|| panic!("no {} box", String::from_utf8_lossy(typ)))
}

struct Verified {
    /// File name -> (reason, detail) of each file that failed.
    failed: BTreeMap<String, (String, String)>,
    summary: Value,
    stderr: String,
}

/// Write `files` into a folder and run `resync verify --dry-run` on it.
fn verify(files: &[(String, Vec<u8>)]) -> Verified {
    let w = World::new();
    for (name, data) in files {
        w.write(&format!("lib/{name}"), data);
    }
    let out = w
        .cmd()
        .args(["--json", "resync", "verify", "--dry-run"])
        .arg(w.path("lib"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let msgs = common::json_lines(&out.stdout);
    let failed = of_type(&msgs, "candidate")
        .into_iter()
        .map(|c| {
            let p: PathBuf = json_path(&c["path"]);
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                (
                    c["reason"].as_str().unwrap().to_string(),
                    c["detail"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    Verified {
        failed,
        summary: summary(&msgs).clone(),
        stderr,
    }
}

#[test]
fn every_fixture_whole_passes() {
    let files: Vec<_> = FIXTURES
        .iter()
        .map(|f| (f.to_string(), fixture(f)))
        .collect();
    let v = verify(&files);
    assert!(v.failed.is_empty(), "{:#?}", v.failed);
    assert_eq!(v.summary["containers_checked"], FIXTURES.len() as u64);
    assert_eq!(v.summary["failed"], 0);
    assert!(!v.stderr.contains("warning"), "{}", v.stderr);
}

#[test]
fn every_cut_is_found_in_every_container() {
    let mut files = Vec::new();
    for f in FIXTURES {
        let data = fixture(f);
        let n = data.len();
        let mut cuts: Vec<usize> = [3, 25, 50, 71, 88, 97]
            .iter()
            .map(|p| n * p / 100)
            .collect();
        cuts.extend([n - 1, n - 100]);
        if f.ends_with(".ts") || f.ends_with(".m2ts") {
            // Whole packets are a playable stream: cut inside one.
            cuts.retain(|c| c % 188 != 0 && c % 192 != 0);
        }
        for (i, c) in cuts.into_iter().enumerate() {
            files.push((format!("cut{i}-{f}"), data[..c].to_vec()));
        }
    }
    // Faststart cut right after the moov: every box left is whole, the samples are gone.
    let fs = fixture("faststart.mp4");
    files.push((
        "after-moov-faststart.mp4".into(),
        fs[..mp4_box(&fs, b"mdat", false)].to_vec(),
    ));
    let m4v = fixture("clip.m4v");
    files.push((
        "after-moov-clip.m4v".into(),
        m4v[..mp4_box(&m4v, b"mdat", false) + 8].to_vec(),
    ));
    // Fragmented, cut between the last moof and its mdat.
    let fr = fixture("frag.mp4");
    files.push((
        "boundary-frag.mp4".into(),
        fr[..mp4_box(&fr, b"mdat", true)].to_vec(),
    ));
    let v = verify(&files);
    for (name, _) in &files {
        let Some((reason, detail)) = v.failed.get(name) else {
            panic!("{name}: not found");
        };
        assert!(
            reason == "incomplete" || name.contains("moov-end") && reason == "corrupted",
            "{name}: {reason} ({detail})"
        );
    }
}

#[test]
fn zero_filled_tails_are_found() {
    let mut files = Vec::new();
    for f in FIXTURES {
        let data = fixture(f);
        for pct in [30, 60, 90] {
            let mut z = data.clone();
            let from = data.len() * pct / 100;
            z[from..].fill(0);
            files.push((format!("zero{pct}-{f}"), z));
        }
    }
    let v = verify(&files);
    for (name, _) in &files {
        let Some((reason, detail)) = v.failed.get(name) else {
            panic!("{name}: not found");
        };
        assert_eq!(reason, "incomplete", "{name}: {detail}");
        assert!(detail.contains("zeros"), "{name}: {detail}");
    }
}

#[test]
fn a_wrong_extension_warns_and_passes() {
    let files = vec![
        ("matroska.mp4".to_string(), fixture("cues.mkv")),
        ("mp4.mkv".to_string(), fixture("faststart.mp4")),
        ("avi.mov".to_string(), fixture("idx1.avi")),
        ("ts.mkv".to_string(), fixture("clip.ts")),
        // Same family, other spelling: no warning.
        ("webm.mkv".to_string(), fixture("live.webm")),
    ];
    let v = verify(&files);
    assert!(v.failed.is_empty(), "{:#?}", v.failed);
    for (name, holds) in [
        ("matroska.mp4", "holds Matroska"),
        ("mp4.mkv", "holds MP4"),
        ("avi.mov", "holds AVI"),
        ("ts.mkv", "holds MPEG-TS"),
    ] {
        assert!(
            v.stderr
                .lines()
                .any(|l| l.contains(name) && l.contains(holds) && l.contains("warning")),
            "{name}: {}",
            v.stderr
        );
    }
    assert!(!v.stderr.contains("webm.mkv"), "{}", v.stderr);
    // A damaged Matroska named .mp4 is judged as Matroska.
    let mkv = fixture("live.mkv");
    let v = verify(&[("cut-matroska.mp4".into(), mkv[..mkv.len() / 2].to_vec())]);
    let (reason, detail) = &v.failed["cut-matroska.mp4"];
    assert_eq!(reason, "incomplete", "{detail}");
}

#[test]
fn zero_padding_after_the_last_box_passes() {
    let pad = |f: &str, n: usize| {
        let mut d = fixture(f);
        d.extend(vec![0u8; n]);
        (format!("padded-{f}"), d)
    };
    let files = vec![
        pad("faststart.mp4", 4096),
        pad("moov-end.mp4", 100),
        pad("frag.mp4", 2048),
        pad("clip.mov", 7),
        pad("idx1.avi", 512),
    ];
    let v = verify(&files);
    assert!(v.failed.is_empty(), "{:#?}", v.failed);
}

#[test]
fn a_damaged_size_field_is_corruption() {
    let mut files = Vec::new();
    // MP4: the top byte of the moov's size (faststart) and of the mdat's (moov at the end).
    let mut fs = fixture("faststart.mp4");
    let moov = mp4_box(&fs, b"moov", false);
    fs[moov] = 0xff;
    files.push(("moov-size.mp4".to_string(), fs));
    let mut me = fixture("moov-end.mp4");
    let mdat = mp4_box(&me, b"mdat", false);
    me[mdat] = 0xff;
    files.push(("mdat-size.mp4".to_string(), me));
    let mut fs = fixture("faststart.mp4");
    let mdat = mp4_box(&fs, b"mdat", false);
    fs[mdat] = 0xff;
    files.push(("mdat-size-faststart.mp4".to_string(), fs));
    // Matroska: the Segment's 8-byte size, a high byte set.
    let mut mkv = fixture("cues.mkv");
    let seg = mkv
        .windows(4)
        .position(|w| w == [0x18, 0x53, 0x80, 0x67])
        .unwrap();
    assert_eq!(mkv[seg + 4], 0x01, "an 8-byte Segment size");
    mkv[seg + 6] = 0xff;
    files.push(("segment-size.mkv".to_string(), mkv));
    // AVI: the RIFF size's top byte.
    let mut avi = fixture("idx1.avi");
    avi[7] = 0xff;
    files.push(("riff-size.avi".to_string(), avi));
    let v = verify(&files);
    for (name, _) in &files {
        let Some((reason, detail)) = v.failed.get(name) else {
            panic!("{name}: not found");
        };
        assert_eq!(reason, "corrupted", "{name}: {detail}");
        assert!(detail.contains("damaged"), "{name}: {detail}");
    }
}
