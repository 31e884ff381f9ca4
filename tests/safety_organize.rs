//! `plexsync organize` where things go wrong: a symbolic link below `--into`, a source
//! that cannot be removed after its copy landed on another file system, a run stopped by
//! an error, a reader that closes stdout, and two runs from two catalogs on one tree.
//! Tests that need a second file system mount a tmpfs where they may (as root) and use
//! `/dev/shm` otherwise; they say so and pass when neither is possible.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{of_type, summary, Tmpfs, World};

const MATRIX: &str = "in/The.Matrix.1999.720p.WEB-DL.x264-GRP.mp4";
const HEAT: &str = "in/Heat.1995.1080p.BluRay.x264-GRP/Heat.1995.1080p.BluRay.x264-GRP.mkv";
const SHOW: &str = "in/tv/Breaking.Bad.S01E02.720p.HDTV.x264-GRP.mkv";

/// Every regular file and symlink under `dir` (relative path → bytes).
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(e.path());
            } else {
                let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

/// Every folder under `dir`.
fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.file_type().unwrap().is_dir() {
                out.push(e.path());
                stack.push(e.path());
            }
        }
    }
    out
}

fn run_in(w: &World, args: &[&str]) -> (Option<i32>, String, String) {
    let out = w.cmd().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_symlinked_folder_below_into_stops_the_run_naming_the_link() {
    for linked in ["lib/Movies", "lib/Movies/The Matrix (1999)"] {
        let w = World::new();
        w.write(MATRIX, b"matrix");
        let away = w.path("elsewhere");
        std::fs::create_dir_all(&away).unwrap();
        std::fs::create_dir_all(w.path(linked).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&away, w.path(linked)).unwrap();
        let (code, out, err) = run_in(&w, &["organize", "apply", "in", "--into", "lib", "--yes"]);
        assert_eq!(code, Some(2), "{linked}: {out}{err}");
        let link = w.path(linked);
        assert!(
            err.contains(&format!("{} is a symbolic link", link.display())),
            "{err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(files(&away).is_empty(), "nothing written through the link");
        assert!(w.path(MATRIX).exists());
        let msgs = w.json(&["organize", "history"], 0);
        assert!(of_type(&msgs, "run").is_empty(), "no run recorded");

        // Asked for: the link is followed.
        let msgs = w.json(
            &[
                "organize",
                "apply",
                "in",
                "--into",
                "lib",
                "--yes",
                "--follow-links",
            ],
            0,
        );
        assert_eq!(summary(&msgs)["done"], 1);
        assert_eq!(files(&away).len(), 1, "{linked}");
        assert!(!w.path(MATRIX).exists());
    }
}

#[test]
fn a_source_that_cannot_be_removed_across_file_systems_leaves_no_copy() {
    let w = World::new();
    // The source on a tmpfs made read-only after the files are in; the target on the temp
    // folder's file system.
    let Some(fs) = Tmpfs::mount(w.path("ro"), "4m") else {
        return;
    };
    let src = |rel: &str| w.path(&format!("ro/{}", rel.strip_prefix("in/").unwrap()));
    for (rel, data) in [(MATRIX, &b"matrix"[..]), (HEAT, b"heat"), (SHOW, b"show")] {
        std::fs::create_dir_all(src(rel).parent().unwrap()).unwrap();
        std::fs::write(src(rel), data).unwrap();
    }
    let before = files(&w.path("ro"));
    fs.read_only();
    let (code, out, err) = run_in(&w, &["organize", "apply", "ro", "--into", "lib", "--yes"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("cannot be removed"), "{err}");
    assert_eq!(files(&w.path("ro")), before, "the sources stay");
    assert!(files(&w.path("lib")).is_empty(), "no second copy is left");
    // The run is partial; undo removes the folders it made.
    let msgs = w.json(&["organize", "history"], 0);
    assert_eq!(of_type(&msgs, "run")[0]["state"], "partial");
    w.json(&["organize", "undo", "--yes"], 0);
    assert!(
        folders(&w.path("lib")).is_empty(),
        "{:?}",
        folders(&w.path("lib"))
    );
}

#[test]
fn a_source_refusing_to_go_after_its_copy_landed_takes_the_copy_back() {
    let w = World::new();
    let Some(_fs) = Tmpfs::mount(w.path("other"), "4m") else {
        return;
    };
    w.write(MATRIX, b"matrix");
    // An immutable source: its folder is writable (the check before copying passes) but
    // the file cannot be renamed or removed.
    let immutable = Command::new("chattr")
        .arg("+i")
        .arg(w.path(MATRIX))
        .status()
        .is_ok_and(|s| s.success());
    if !immutable {
        eprintln!("skipping: chattr +i is not possible here");
        return;
    }
    let root = w.path("other/lib");
    let (code, out, err) = run_in(
        &w,
        &[
            "organize",
            "apply",
            "in",
            "--into",
            root.to_str().unwrap(),
            "--yes",
        ],
    );
    let _ = Command::new("chattr")
        .arg("-i")
        .arg(w.path(MATRIX))
        .status();
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("the copy was removed again"), "{err}");
    assert_eq!(std::fs::read(w.path(MATRIX)).unwrap(), b"matrix");
    assert!(files(&root).is_empty(), "{:?}", files(&root));
    w.json(&["organize", "undo", "--yes"], 0);
    assert!(folders(&root).is_empty());
}

#[test]
fn a_failed_run_is_undone_removing_the_folders_it_made() {
    let w = World::new();
    w.write(MATRIX, b"matrix");
    w.write(SHOW, b"show");
    // A file where the movies folder should be: making the movie's folder fails after the
    // shows' folders were made.
    w.write("lib/Movies", b"not a folder");
    let (code, out, err) = run_in(&w, &["organize", "apply", "in", "--into", "lib", "--yes"]);
    assert_eq!(code, Some(2), "{out}{err}");
    let msgs = w.json(&["organize", "history"], 0);
    assert_eq!(of_type(&msgs, "run")[0]["state"], "failed");
    assert!(!folders(&w.path("lib")).is_empty(), "the run made folders");
    let msgs = w.json(&["organize", "undo", "--yes"], 0);
    assert_eq!(summary(&msgs)["failed"], 0);
    assert!(
        folders(&w.path("lib")).is_empty(),
        "{:?}",
        folders(&w.path("lib"))
    );
    assert_eq!(
        std::fs::read(w.path("lib/Movies")).unwrap(),
        b"not a folder"
    );
    assert!(w.path(MATRIX).exists() && w.path(SHOW).exists());
}

/// Start `plexsync ARGS` with its stdout a pipe whose reading end is closed at once; its
/// exit code and stderr.
fn with_closed_stdout(w: &World, args: &[&str]) -> (Option<i32>, String) {
    let mut child = w
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_stops_the_printing_not_the_journal() {
    // More output than fills the output buffer, so writes meet the closed pipe mid-run.
    let w = World::new();
    for i in 0..200 {
        w.write(
            &format!(
                "in/Show.Name.S{:02}E{:02}.720p.HDTV.x264-GRP.mkv",
                i / 50 + 1,
                i % 50 + 1
            ),
            format!("episode {i}"),
        );
    }
    let (code, err) =
        with_closed_stdout(&w, &["organize", "apply", "in", "--into", "lib", "--yes"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(files(&w.path("lib")).len(), 200);
    let cat = plexsync::catalog::Catalog::open(&w.catalog()).unwrap();
    let runs = cat.runs("organize").unwrap();
    assert_eq!(runs[0].state, "done");
    let steps = cat.journal_steps(runs[0].id).unwrap();
    assert!(steps.iter().all(|s| s.state == "done"), "{steps:?}");

    // The same for dupes remove.
    for i in 0..200 {
        w.write(&format!("d/a{i}"), format!("same {i}"));
        w.write(&format!("d/b{i}"), format!("same {i}"));
    }
    let (code, err) = with_closed_stdout(&w, &["--json", "dupes", "remove", "--yes", "d"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(files(&w.path("d")).len(), 200);
    let runs = cat.runs("dupes").unwrap();
    assert_eq!(runs[0].state, "done");
    let steps = cat.journal_steps(runs[0].id).unwrap();
    assert_eq!(steps.len(), 200);
    assert!(steps.iter().all(|s| s.state == "done"), "{steps:?}");
}

#[test]
fn two_applies_from_two_catalogs_across_file_systems_keep_every_file() {
    let w = World::new();
    let Some(_fs) = Tmpfs::mount(w.path("other"), "16m") else {
        return;
    };
    let mut contents = Vec::new();
    for i in 0..60 {
        let data = format!("episode {i} ").repeat(50 + i).into_bytes();
        w.write(
            &format!("in/Show.Name.S01E{:02}.720p.HDTV.x264-GRP.mkv", i + 1),
            &data,
        );
        contents.push(data);
    }
    // The same tree into one root and into two roots, from two catalogs at once.
    for roots in [["lib", "lib"], ["lib1", "lib2"]] {
        let spawn = |cat: &str, root: &str| {
            w.std_cmd()
                .arg("--catalog")
                .arg(w.path(cat))
                .args(["organize", "apply", "in", "--into"])
                .arg(w.path(&format!("other/{root}")))
                .arg("--yes")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn("c1.db", roots[0]), spawn("c2.db", roots[1]));
        for c in [a, b] {
            let out = c.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(matches!(out.status.code(), Some(0) | Some(2)), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
        let mut standing = files(&w.path("in"));
        standing.extend(files(&w.path("other")));
        let hidden: Vec<_> = standing
            .keys()
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .collect();
        assert!(hidden.is_empty(), "{hidden:?}");
        for (i, c) in contents.iter().enumerate() {
            assert!(
                standing.values().any(|v| v == c),
                "{roots:?}: episode {i} lost"
            );
        }
        // Put everything back in `in/` for the next round.
        for data in files(&w.path("other")).into_values() {
            let i = contents.iter().position(|c| *c == data).unwrap();
            let p = w.path(&format!(
                "in/Show.Name.S01E{:02}.720p.HDTV.x264-GRP.mkv",
                i + 1
            ));
            if !p.exists() {
                std::fs::write(&p, &data).unwrap();
            }
        }
        std::fs::remove_dir_all(w.path("other/lib")).ok();
        std::fs::remove_dir_all(w.path("other/lib1")).ok();
        std::fs::remove_dir_all(w.path("other/lib2")).ok();
    }
}

#[test]
fn two_replacing_applies_in_opposite_directions_keep_every_content() {
    // Tree A on the temp folder's file system, tree B on another one, the same movies in
    // both (already in the Plex layout): one catalog organizes A into B, the other B into
    // A, both with --on-conflict replace-if-identical, at once. Each removes its sources
    // relying on the identical targets, which the other is removing.
    let w = World::new();
    let mounted = Tmpfs::mount(w.path("other"), "32m");
    let shm;
    let b_root = match &mounted {
        Some(m) => m.0.join("B"),
        None => match tempfile::tempdir_in("/dev/shm") {
            Ok(d) => {
                shm = d;
                shm.path().join("B")
            }
            Err(e) => {
                eprintln!("skipping: no second file system ({e})");
                return;
            }
        },
    };
    let a_root = w.path("A");
    for round in 0..4 {
        let mut contents = Vec::new();
        for i in 0..80u32 {
            let title = format!(
                "Title {}{}x ({})",
                (b'A' + (i % 26) as u8) as char,
                (b'a' + (i / 26) as u8) as char,
                1930 + i
            );
            let data = format!("{round} {title} ")
                .repeat(100 + i as usize)
                .into_bytes();
            for root in [&a_root, &b_root] {
                let p = root.join(format!("Movies/{title}/{title}.mkv"));
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, &data).unwrap();
            }
            contents.push(data);
        }
        let spawn = |cat: &str, from: &Path, into: &Path| {
            w.std_cmd()
                .arg("--catalog")
                .arg(w.path(cat))
                .args(["organize", "apply"])
                .arg(from)
                .arg("--into")
                .arg(into)
                .args(["--on-conflict", "replace-if-identical", "--yes"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let a = spawn("c1.db", &a_root, &b_root);
        let b = spawn("c2.db", &b_root, &a_root);
        for c in [a, b] {
            let out = c.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(matches!(out.status.code(), Some(0) | Some(2)), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
        let mut standing = files(&a_root);
        standing.extend(files(&b_root));
        let lost: Vec<usize> = (0..contents.len())
            .filter(|&i| !standing.values().any(|v| *v == contents[i]))
            .collect();
        assert!(lost.is_empty(), "round {round}: movies {lost:?} lost");
        assert!(
            !standing
                .keys()
                .any(|p| p.file_name().unwrap().to_string_lossy().starts_with('.')),
            "a hidden file was left"
        );
        std::fs::remove_dir_all(&a_root).unwrap();
        std::fs::remove_dir_all(&b_root).unwrap();
    }
}
