//! End-to-end tests of `plexsync organize` on temporary trees: the Plex layout, plan
//! changing nothing, apply + undo restoring the tree byte for byte, conflicts, hostile
//! names, cross-device moves, SIGKILL + recover, rules and modes.

mod common;

use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use common::{json_path, of_type, summary, World};

/// Every file under `dir` (relative path → bytes); symlinks as "-> target".
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            let ft = e.file_type().unwrap();
            if ft.is_dir() {
                walk(base, &p, out);
            } else if ft.is_symlink() {
                let t = std::fs::read_link(&p).unwrap();
                let mut v = b"-> ".to_vec();
                v.extend_from_slice(t.as_os_str().as_bytes());
                out.insert(p.strip_prefix(base).unwrap().to_path_buf(), v);
            } else {
                out.insert(
                    p.strip_prefix(base).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

fn keys(m: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    m.keys().map(|k| k.to_string_lossy().into_owned()).collect()
}

/// A messy download folder: release folders, scene names, sidecars, junk.
fn messy(w: &World) {
    let d = "in/Inception.2010.1080p.BluRay.x264-GRP";
    w.write(
        &format!("{d}/Inception.2010.1080p.BluRay.x264-GRP.mkv"),
        b"inception video",
    );
    w.write(
        &format!("{d}/Inception.2010.1080p.BluRay.x264-GRP.en.srt"),
        b"1\nen subs",
    );
    w.write(
        &format!("{d}/Inception.2010.1080p.BluRay.x264-GRP.forced.en.srt"),
        b"forced",
    );
    w.write(
        &format!("{d}/Inception.2010.1080p.BluRay.x264-GRP.nfo"),
        b"<movie/>",
    );
    w.write(
        &format!("{d}/Inception.2010.1080p.BluRay.x264-GRP-poster.jpg"),
        b"jpeg",
    );
    w.write("in/The.Matrix.1999.720p.WEB-DL.x264-GRP.mp4", b"matrix");
    w.write("in/The.Matrix.1999.720p.WEB-DL.x264-GRP.idx", b"idx");
    w.write("in/The.Matrix.1999.720p.WEB-DL.x264-GRP.sub", b"sub");
    w.write(
        "in/tv/Breaking.Bad.S01E02.720p.HDTV.x264-GRP.mkv",
        b"bb s1e2",
    );
    w.write(
        "in/tv/Breaking.Bad.S01E02.720p.HDTV.x264-GRP.ass",
        b"ass subs",
    );
    w.write(
        "in/tv/Breaking.Bad.S00E01.720p.HDTV.x264-GRP.mkv",
        b"bb special",
    );
    w.write("in/tv/notes.txt", b"junk");
}

const EXPECTED: &[&str] = &[
    "Movies/Inception (2010)/Inception (2010)-poster.jpg",
    "Movies/Inception (2010)/Inception (2010).en.forced.srt",
    "Movies/Inception (2010)/Inception (2010).en.srt",
    "Movies/Inception (2010)/Inception (2010).mkv",
    "Movies/Inception (2010)/Inception (2010).nfo",
    "Movies/The Matrix (1999)/The Matrix (1999).idx",
    "Movies/The Matrix (1999)/The Matrix (1999).mp4",
    "Movies/The Matrix (1999)/The Matrix (1999).sub",
    "TV Shows/Breaking Bad/Season 00/Breaking Bad - S00E01.mkv",
    "TV Shows/Breaking Bad/Season 01/Breaking Bad - S01E02.ass",
    "TV Shows/Breaking Bad/Season 01/Breaking Bad - S01E02.mkv",
];

#[test]
fn messy_folder_becomes_the_plex_layout_and_undo_restores_it() {
    let w = World::new();
    messy(&w);
    let before = snapshot(&w.path("in"));

    // plan changes nothing and says where everything goes.
    let msgs = w.json(&["organize", "plan", "in", "--into", "lib"], 0);
    assert_eq!(snapshot(&w.path("in")), before);
    assert!(!w.path("lib").exists());
    let moves = of_type(&msgs, "move");
    assert_eq!(moves.len(), EXPECTED.len(), "{msgs:#?}");
    let skips = of_type(&msgs, "skip");
    assert_eq!(skips.len(), 1);
    assert!(json_path(&skips[0]["path"]).ends_with("notes.txt"));
    assert_eq!(summary(&msgs)["moves"], EXPECTED.len());

    let msgs = w.json(&["organize", "apply", "in", "--into", "lib", "--yes"], 0);
    let s = summary(&msgs);
    assert_eq!(s["done"], EXPECTED.len());
    assert_eq!(s["failed"], 0);
    let lib = snapshot(&w.path("lib"));
    assert_eq!(keys(&lib), EXPECTED);
    assert_eq!(
        lib[Path::new("Movies/Inception (2010)/Inception (2010).en.srt")],
        b"1\nen subs"
    );
    // The emptied release folders are gone; the folder given and the junk stay.
    assert_eq!(keys(&snapshot(&w.path("in"))), vec!["tv/notes.txt"]);
    assert!(!w.path("in/Inception.2010.1080p.BluRay.x264-GRP").exists());

    // A second plan finds everything in place.
    let msgs = w.json(&["organize", "plan", "lib", "--into", "lib"], 0);
    assert_eq!(of_type(&msgs, "move").len(), 0, "{msgs:#?}");
    assert_eq!(summary(&msgs)["in_place"], EXPECTED.len());

    let msgs = w.json(&["organize", "history"], 0);
    let runs = of_type(&msgs, "run");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["state"], "done");

    w.json(&["organize", "undo", "--yes"], 0);
    assert_eq!(snapshot(&w.path("in")), before, "byte for byte");
    assert!(
        !w.path("lib").exists(),
        "folders the run created are removed"
    );
    let msgs = w.json(&["organize", "history"], 0);
    assert_eq!(of_type(&msgs, "run")[0]["state"], "undone");
}

#[test]
fn acting_without_a_terminal_needs_yes_and_dry_run_changes_nothing() {
    let w = World::new();
    messy(&w);
    let before = snapshot(&w.path("in"));
    let out = w
        .cmd()
        .args(["organize", "apply", "in", "--into", "lib"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    let msgs = w.json(&["organize", "apply", "-n", "in", "--into", "lib"], 0);
    assert_eq!(summary(&msgs)["dry_run"], true);
    assert_eq!(snapshot(&w.path("in")), before);
    assert!(!w.path("lib").exists());
    // --exit-code: 1 when something would move.
    w.json(
        &["organize", "plan", "--exit-code", "in", "--into", "lib"],
        1,
    );
}

#[test]
fn conflicts_are_reported_never_merged() {
    let w = World::new();
    w.write("in/a/Heat.1995.1080p.BluRay.x264-A.mkv", b"one");
    w.write("in/b/Heat.1995.720p.WEB.x264-B.mkv", b"two!");
    let msgs = w.json(&["organize", "apply", "in", "--into", "lib", "--yes"], 0);
    let c = of_type(&msgs, "conflict");
    assert_eq!(c.len(), 1, "{msgs:#?}");
    assert_eq!(c[0]["from"].as_array().unwrap().len(), 2);
    assert!(json_path(&c[0]["to"]).ends_with("Movies/Heat (1995)/Heat (1995).mkv"));
    assert!(!w.path("lib").exists());
    assert_eq!(snapshot(&w.path("in")).len(), 2);
}

#[test]
fn existing_targets_follow_on_conflict() {
    let w = World::new();
    let target = "lib/Movies/Heat (1995)/Heat (1995).mkv";
    let setup = |w: &World, existing: &[u8], incoming: &[u8]| {
        let _ = std::fs::remove_dir_all(w.path("lib"));
        let _ = std::fs::remove_dir_all(w.path("in"));
        w.write(target, existing);
        w.write("in/Heat.1995.1080p.BluRay.x264-A.mkv", incoming);
    };
    // skip (default): nothing moves, the plan says why.
    setup(&w, b"old", b"new!");
    let msgs = w.json(&["organize", "apply", "in", "--into", "lib", "--yes"], 0);
    assert_eq!(summary(&msgs)["done"], 0);
    assert!(of_type(&msgs, "skip")[0]["reason"]
        .as_str()
        .unwrap()
        .contains("exists"));
    assert_eq!(std::fs::read(w.path(target)).unwrap(), b"old");

    // rename: a free name.
    let msgs = w.json(
        &[
            "organize",
            "apply",
            "in",
            "--into",
            "lib",
            "--yes",
            "--on-conflict",
            "rename",
        ],
        0,
    );
    assert_eq!(summary(&msgs)["done"], 1);
    assert_eq!(
        std::fs::read(w.path("lib/Movies/Heat (1995)/Heat (1995) (2).mkv")).unwrap(),
        b"new!"
    );
    assert_eq!(std::fs::read(w.path(target)).unwrap(), b"old");

    // replace-if-identical: same size but different bytes is refused at apply time.
    setup(&w, b"abcd", b"abce");
    let args = [
        "organize",
        "apply",
        "in",
        "--into",
        "lib",
        "--yes",
        "--on-conflict",
        "replace-if-identical",
    ];
    let msgs = w.json(&args, 2);
    assert_eq!(summary(&msgs)["failed"], 1);
    assert_eq!(std::fs::read(w.path(target)).unwrap(), b"abcd");
    assert!(w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv").exists());
    setup(&w, b"same", b"same");
    let msgs = w.json(&args, 0);
    assert_eq!(summary(&msgs)["done"], 1);
    assert!(!w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv").exists());
    w.json(&["organize", "undo", "--yes"], 0);
    assert_eq!(
        std::fs::read(w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv")).unwrap(),
        b"same"
    );

    // keep-larger: the larger file ends in the layout, the smaller takes its place.
    setup(&w, b"sm", b"larger");
    let msgs = w.json(
        &[
            "organize",
            "apply",
            "in",
            "--into",
            "lib",
            "--yes",
            "--on-conflict",
            "keep-larger",
        ],
        0,
    );
    assert_eq!(summary(&msgs)["done"], 1);
    assert_eq!(std::fs::read(w.path(target)).unwrap(), b"larger");
    assert_eq!(
        std::fs::read(w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv")).unwrap(),
        b"sm"
    );
}

#[test]
fn hostile_names_stay_inside_the_root() {
    let w = World::new();
    let names: Vec<Vec<u8>> = vec![
        b"..mkv".to_vec(),
        b"Movie.(2020)..\\..\\x.mkv".to_vec(),
        b"..\\..\\etc\\passwd.2001.mkv".to_vec(),
        b".hidden.2001.mkv".to_vec(),
        b"New\nLine.1999.mkv".to_vec(),
        b"Caf\xe9.2003.mkv".to_vec(),
        format!("{}.2004.mkv", "\u{e9}".repeat(120)).into_bytes(),
        b"What: Is * This? <2005>.mkv".to_vec(),
    ];
    std::fs::create_dir_all(w.path("in")).unwrap();
    for n in &names {
        let p = w.path("in").join(std::ffi::OsStr::from_bytes(n));
        std::fs::write(p, b"x").unwrap();
    }
    let msgs = w.json(
        &[
            "organize",
            "apply",
            "in",
            "--into",
            "lib",
            "--yes",
            "--portable",
            "--on-conflict",
            "rename",
        ],
        0,
    );
    let lib = w.path("lib");
    let snap = snapshot(&lib);
    let moved = summary(&msgs)["done"].as_u64().unwrap() as usize;
    assert_eq!(snap.len(), moved);
    assert_eq!(moved + snapshot(&w.path("in")).len(), names.len());
    assert!(moved >= 4, "{msgs:#?}");
    for p in snap.keys() {
        for c in p.components() {
            let b = c.as_os_str().as_bytes();
            assert!(b.len() <= 255, "{p:?}");
            assert!(!b.starts_with(b"."), "{p:?}");
            assert!(!b.iter().any(|&x| x < 0x20), "{p:?}");
            assert!(!b.iter().any(|x| b"<>:\"|?*\\".contains(x)), "{p:?}");
        }
    }
    // A name not in UTF-8 keeps its letters (read as Windows-1252), valid UTF-8 now.
    assert!(
        snap.keys()
            .any(|p| p.to_str().is_some_and(|s| s.contains("Café (2003)"))),
        "{:?}",
        snap.keys().collect::<Vec<_>>()
    );
    assert!(snap
        .keys()
        .all(|p| !p.to_string_lossy().contains('\u{fffd}')));
    // Nothing landed beside the root.
    let mut top: Vec<String> = std::fs::read_dir(w.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, vec!["home", "in", "lib"]);
}

#[test]
fn rules_file_and_config_rules() {
    let w = World::new();
    w.write(
        "in/Big.Film.2010.2160p.UHD.BluRay.x265-GRP.mkv",
        vec![0u8; 3000],
    );
    w.write("in/Small.Film.1990.480p.DVDRip.x264-GRP.mkv", b"small");
    w.write(
        "rules.toml",
        r#"
[[rule]]
name = "old"
target = "Old/{title} ({year}).{ext}"
[rule.match]
kind = "movie"
conditions = ["year < 2000"]

[[rule]]
name = "big"
priority = "high"
target = "Big/{title|Untitled}.{ext}"
[rule.match]
conditions = ["size > 2KB"]

[[rule]]
name = "disabled"
enabled = false
priority = "high"
target = "Never/{title}.{ext}"
"#,
    );
    let msgs = w.json(
        &[
            "organize",
            "plan",
            "in",
            "--into",
            "lib",
            "--rules",
            "rules.toml",
        ],
        0,
    );
    let mut got: Vec<(String, String)> = of_type(&msgs, "move")
        .iter()
        .map(|m| {
            (
                m["rule"].as_str().unwrap().to_string(),
                json_path(&m["to"])
                    .strip_prefix(w.path("lib"))
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("big".to_string(), "Big/Big Film.mkv".to_string()),
            ("old".to_string(), "Old/Small Film (1990).mkv".to_string())
        ]
    );

    // A bad template is refused at load time, naming the rule and the column.
    w.write(
        "bad.toml",
        "[[rule]]\nname = \"films\"\ntarget = \"Movies/{titel}.{ext}\"\n",
    );
    let out = w
        .cmd()
        .args([
            "organize", "plan", "in", "--into", "lib", "--rules", "bad.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("films") && err.contains("column 9") && err.contains("titel"),
        "{err}"
    );

    // Config rules, printed back by `organize rules`.
    w.write(
        "home/.config/plexsync/config.toml",
        "[organize]\ninto = \"lib\"\n[[organize.rule]]\nname = \"flat\"\ntarget = \"All/{original_name}.{ext}\"\n",
    );
    let msgs = w.json(&["organize", "rules"], 0);
    assert_eq!(of_type(&msgs, "rule")[0]["name"], "flat");
    let msgs = w.json(&["organize", "plan", "in"], 0);
    assert_eq!(of_type(&msgs, "move").len(), 2);
    let msgs = w.json(&["organize", "rules", "--strategy", "by-year"], 0);
    assert_eq!(of_type(&msgs, "rule").len(), 3);
}

#[test]
fn copy_hardlink_and_symlink_modes_keep_the_source() {
    for mode in ["--copy", "--hardlink", "--symlink"] {
        let w = World::new();
        w.write("in/Heat.1995.1080p.BluRay.x264-A.mkv", b"heat");
        let msgs = w.json(
            &["organize", "apply", "in", "--into", "lib", "--yes", mode],
            0,
        );
        assert_eq!(summary(&msgs)["done"], 1, "{mode}");
        let t = w.path("lib/Movies/Heat (1995)/Heat (1995).mkv");
        assert_eq!(std::fs::read(&t).unwrap(), b"heat", "{mode}");
        assert!(w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv").exists());
        w.json(&["organize", "undo", "--yes"], 0);
        assert!(!t.exists(), "{mode}");
        assert!(!w.path("lib").exists(), "{mode}");
        assert_eq!(
            std::fs::read(w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv")).unwrap(),
            b"heat"
        );
    }
}

#[test]
fn catalog_rows_follow_moved_files() {
    let w = World::new();
    w.write("in/Heat.1995.1080p.BluRay.x264-A.mkv", b"heat bytes");
    w.json(&["scan", "--hash", "in"], 0);
    let before = w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv");
    w.json(&["usage", "record", before.to_str().unwrap()], 0);
    w.json(&["organize", "apply", "in", "--into", "lib", "--yes"], 0);
    let moved = w.path("lib/Movies/Heat (1995)/Heat (1995).mkv");
    // Watch history followed the file, and the move itself is logged as `managed`.
    let shown = w.json(&["usage", "show", moved.to_str().unwrap()], 0);
    let mut kinds: Vec<String> = common::of_type(&shown, "access")
        .iter()
        .map(|e| e["access_type"].as_str().unwrap().to_string())
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["managed", "viewed"], "{shown:?}");
    let cat = plexsync::catalog::Catalog::open(&w.catalog()).unwrap();
    let row = cat
        .file(&moved)
        .unwrap()
        .expect("the row followed the file");
    assert_eq!(row.blake3, Some(*blake3::hash(b"heat bytes").as_bytes()));
    assert!(cat
        .file(&w.path("in/Heat.1995.1080p.BluRay.x264-A.mkv"))
        .unwrap()
        .is_none());
}

/// A folder on another file system (tmpfs /dev/shm), or None with a message.
fn other_device(w: &World) -> Option<tempfile::TempDir> {
    use std::os::unix::fs::MetadataExt;
    let shm = Path::new("/dev/shm");
    let dev = std::fs::metadata(shm).ok()?.dev();
    if dev == std::fs::metadata(w.root()).unwrap().dev() {
        eprintln!("skipping: /dev/shm is on the same device as the temp folder");
        return None;
    }
    match tempfile::tempdir_in(shm) {
        Ok(d) => Some(d),
        Err(e) => {
            eprintln!("skipping: cannot use /dev/shm: {e}");
            None
        }
    }
}

#[test]
fn cross_device_moves_verify_and_undo() {
    let w = World::new();
    let Some(other) = other_device(&w) else {
        return;
    };
    messy(&w);
    let before = snapshot(&w.path("in"));
    let root = other.path().join("lib");
    let msgs = w.json(
        &[
            "organize",
            "apply",
            "in",
            "--into",
            root.to_str().unwrap(),
            "--yes",
        ],
        0,
    );
    assert_eq!(summary(&msgs)["done"], EXPECTED.len());
    assert!(of_type(&msgs, "step")
        .iter()
        .any(|s| s["detail"] == "copied across file systems"));
    assert_eq!(keys(&snapshot(&root)), EXPECTED);
    w.json(&["organize", "undo", "--yes"], 0);
    assert_eq!(snapshot(&w.path("in")), before);
    assert!(!root.exists());
}

#[test]
fn sigkill_during_apply_then_recover_loses_nothing() {
    let w = World::new();
    let Some(other) = other_device(&w) else {
        return;
    };
    // Many small files and one large one that takes a while to copy across devices.
    for i in 0..300 {
        w.write(
            &format!("in/Show.Name.S01E{:02}.720p.HDTV.x264-GRP/Show.Name.S{:02}E{:02}.720p.HDTV.x264-GRP.mkv", i % 99 + 1, i / 99 + 1, i % 99 + 1),
            format!("episode {i}"),
        );
    }
    let big: Vec<u8> = (0..64u32 << 20)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    w.write("in/Big.Movie.2015.2160p.BluRay.x265-GRP.mkv", &big);
    let before = snapshot(&w.path("in"));
    let root = other.path().join("lib");
    let mut child = w
        .std_cmd()
        .args([
            "--json",
            "organize",
            "apply",
            "in",
            "--into",
            root.to_str().unwrap(),
            "--yes",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it while the large file is being copied across devices: its temporary file
    // exists beside the target.
    let target_dir = root.join("Movies/Big Movie (2015)");
    let started = std::time::Instant::now();
    let mut caught = false;
    while started.elapsed().as_secs() < 30 && !caught {
        caught = std::fs::read_dir(&target_dir).is_ok_and(|rd| {
            rd.flatten()
                .any(|e| e.file_name().to_string_lossy().contains(".plexsync-tmp"))
        });
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let msgs = w.json(&["organize", "history"], 0);
    let state = of_type(&msgs, "run")[0]["state"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(caught, "the copy was never seen in progress");
    assert_eq!(state, "running", "killed mid-run");
    w.json(&["organize", "recover"], 0);
    let msgs = w.json(&["organize", "history"], 0);
    let after_state = of_type(&msgs, "run")[0]["state"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(after_state, "recovered");

    // Every original file exists exactly once (at its source or its target), byte for byte,
    // and no temporary file is left anywhere.
    let mut contents: Vec<Vec<u8>> = snapshot(&w.path("in")).into_values().collect();
    let lib = snapshot(&root);
    assert!(
        !lib.keys()
            .chain(snapshot(&w.path("in")).keys())
            .any(|k| k.to_string_lossy().contains(".plexsync-tmp")),
        "a temporary file was left"
    );
    contents.extend(lib.into_values());
    let mut want: Vec<Vec<u8>> = before.into_values().collect();
    contents.sort();
    want.sort();
    assert_eq!(contents.len(), want.len());
    assert!(contents == want, "every file exactly once, byte for byte");

    // The recovered run can be undone completely.
    w.json(&["organize", "undo", "--yes"], 0);
    assert_eq!(snapshot(&w.path("in")).len(), 301);
}

#[test]
fn plex_forms_for_editions_parts_multi_episodes_dailies_and_specials() {
    let w = World::new();
    let cases = [
        (
            "Blade.Runner.1982.Final.Cut.1080p.BluRay.x264-GRP.mkv",
            "Movies/Blade Runner (1982)/Blade Runner (1982) {edition-Final Cut}.mkv",
        ),
        (
            "Kill.Bill.2003.CD2.DVDRip.XviD-GRP.avi",
            "Movies/Kill Bill (2003)/Kill Bill (2003) - pt2.avi",
        ),
        (
            "Friends.S01E01E02.720p.WEB.mkv",
            "TV Shows/Friends/Season 01/Friends - S01E01-E02.mkv",
        ),
        (
            "The.Daily.Show.2011.11.15.Guest.Name.720p.HDTV.mkv",
            "TV Shows/The Daily Show/Season 2011/The Daily Show - 2011-11-15 - Guest Name.mkv",
        ),
        (
            "Doctor.Who.S00E05.The.Snowmen.720p.mkv",
            "TV Shows/Doctor Who/Season 00/Doctor Who - S00E05 - The Snowmen.mkv",
        ),
    ];
    for (name, _) in &cases {
        w.write(&format!("in/{name}"), name.as_bytes());
    }
    let msgs = w.json(&["organize", "plan", "in", "--into", "lib"], 0);
    let moves = of_type(&msgs, "move");
    for (name, want) in &cases {
        let m = moves
            .iter()
            .find(|m| json_path(&m["from"]).ends_with(name))
            .unwrap_or_else(|| panic!("{name} not planned: {msgs:#?}"));
        assert_eq!(json_path(&m["to"]), w.path("lib").join(want), "{name}");
    }
}

#[test]
fn sigkill_during_same_device_renames_then_recover_loses_nothing() {
    let w = World::new();
    for i in 0..3000 {
        w.write(
            &format!(
                "in/Show.{}.S01E{:02}.720p.HDTV.x264-GRP.mkv",
                i / 50,
                i % 50 + 1
            ),
            format!("episode {i}"),
        );
    }
    let before = snapshot(&w.path("in"));
    let mut child = w
        .std_cmd()
        .args([
            "--json", "organize", "apply", "in", "--into", "lib", "--yes",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once files have started arriving in the layout.
    let started = std::time::Instant::now();
    while started.elapsed().as_secs() < 30 {
        if std::fs::read_dir(w.path("lib/TV Shows")).is_ok_and(|r| r.count() > 3) {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let msgs = w.json(&["organize", "history"], 0);
    let state = of_type(&msgs, "run")[0]["state"]
        .as_str()
        .unwrap()
        .to_string();
    eprintln!("state after the kill: {state}");
    w.json(&["organize", "recover"], 0);
    if state == "running" {
        let msgs = w.json(&["organize", "history"], 0);
        assert_eq!(of_type(&msgs, "run")[0]["state"], "recovered");
    }
    let mut got: Vec<Vec<u8>> = snapshot(&w.path("in")).into_values().collect();
    got.extend(snapshot(&w.path("lib")).into_values());
    let mut want: Vec<Vec<u8>> = before.clone().into_values().collect();
    got.sort();
    want.sort();
    assert!(got == want, "every file exactly once, byte for byte");
    // Undo brings the original tree back exactly.
    w.json(&["organize", "undo", "--yes"], 0);
    assert_eq!(snapshot(&w.path("in")), before);
}
