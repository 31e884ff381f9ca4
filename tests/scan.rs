//! End-to-end tests of `plexsync scan` and `plexsync status` on temporary trees.

mod common;

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use common::{json_path, of_type, summary, World};
use serde_json::Value;

fn library(w: &World) -> PathBuf {
    w.write("lib/Movies/Heat (1995)/Heat (1995).mkv", vec![1u8; 5000]);
    w.write(
        "lib/Movies/Heat (1995)/Heat (1995).en.srt",
        b"1\n00:00:01,000 --> 00:00:02,000\nhi\n",
    );
    w.write("lib/TV/Show/Season 01/Show - S01E01.mp4", vec![2u8; 3000]);
    w.write("lib/TV/Show/Season 01/Show - S01E02.mp4", vec![3u8; 2000]);
    w.write("lib/notes.txt", b"x");
    w.path("lib")
}

fn scan(w: &World, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["scan"];
    a.extend_from_slice(args);
    w.json(&a, 0)
}

#[test]
fn counts_sizes_and_kinds() {
    let w = World::new();
    let lib = library(&w);
    let msgs = scan(&w, &[lib.to_str().unwrap()]);
    let s = summary(&msgs);
    assert_eq!(s["files"], 5);
    assert_eq!(s["new"], 5);
    assert_eq!(s["bytes"], 5000 + 35 + 3000 + 2000 + 1);
    let files = of_type(&msgs, "file");
    assert_eq!(files.len(), 5);
    let kinds: Vec<&str> = files.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "video").count(), 3);
    assert!(kinds.contains(&"subtitle") && kinds.contains(&"sidecar"));

    let st = w.json(&["status"], 0);
    let roots = of_type(&st, "root");
    assert_eq!(roots.len(), 1);
    assert_eq!(json_path(&roots[0]["path"]), lib);
    assert_eq!(roots[0]["by_kind"]["video"]["files"], 3);
    assert_eq!(roots[0]["by_status"]["present"]["bytes"], 10036);
    assert_eq!(summary(&st)["files"], 5);

    // Human output: a one-line summary.
    let out = w.cmd().arg("scan").arg(&lib).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("5 files (9.8 KiB): 0 new, 0 changed, 0 missing"),
        "{text}"
    );
}

#[test]
fn rescan_sees_changed_added_removed() {
    let w = World::new();
    let lib = library(&w);
    let lib_s = lib.to_str().unwrap();
    scan(&w, &[lib_s]);
    w.write("lib/TV/Show/Season 01/Show - S01E02.mp4", vec![9u8; 2500]);
    w.write("lib/Movies/New (2020)/New (2020).mkv", vec![4u8; 100]);
    std::fs::remove_file(w.path("lib/notes.txt")).unwrap();
    let msgs = scan(&w, &[lib_s]);
    let s = summary(&msgs);
    assert_eq!(
        (
            s["new"].as_u64(),
            s["changed"].as_u64(),
            s["missing"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(s["unchanged"], 3);
    let change_of = |name: &str| {
        of_type(&msgs, "file")
            .into_iter()
            .find(|f| json_path(&f["path"]).ends_with(name))
            .map(|f| f["change"].as_str().unwrap().to_string())
    };
    assert_eq!(change_of("Show - S01E02.mp4").as_deref(), Some("changed"));
    assert_eq!(change_of("New (2020).mkv").as_deref(), Some("new"));
    assert_eq!(change_of("notes.txt").as_deref(), Some("missing"));
    // Missing files are kept, marked, not deleted.
    let st = w.json(&["status", lib_s], 0);
    assert_eq!(of_type(&st, "root")[0]["by_status"]["missing"]["files"], 1);
    // A file that comes back is present again.
    w.write("lib/notes.txt", b"x");
    let s2 = scan(&w, &[lib_s]);
    assert_eq!(summary(&s2)["changed"], 1);
    let st = w.json(&["status", lib_s], 0);
    assert!(of_type(&st, "root")[0]["by_status"]
        .get("missing")
        .is_none());
}

#[test]
fn hash_on_unchanged_tree_reads_nothing() {
    let w = World::new();
    let lib = library(&w);
    let lib_s = lib.to_str().unwrap();
    let first = scan(&w, &["--hash", lib_s]);
    assert_eq!(summary(&first)["hashed"], 5);
    let want = blake3::hash(&[1u8; 5000]).to_hex().to_string();
    let heat = of_type(&first, "file")
        .into_iter()
        .find(|f| json_path(&f["path"]).ends_with("Heat (1995).mkv"))
        .unwrap()
        .clone();
    assert_eq!(heat["blake3"], want.as_str());
    let second = scan(&w, &["--hash", lib_s]);
    assert_eq!(summary(&second)["hashed"], 0);
    assert_eq!(summary(&second)["hashed_bytes"], 0);
    // A renamed file keeps its digest (same device and inode): reused, not re-read.
    std::fs::rename(w.path("lib/notes.txt"), w.path("lib/notes2.txt")).unwrap();
    let third = scan(&w, &["--hash", lib_s]);
    assert_eq!(summary(&third)["hashed"], 0);
    assert_eq!(summary(&third)["reused"], 1);
    // One changed file: exactly one is hashed.
    w.write("lib/TV/Show/Season 01/Show - S01E01.mp4", vec![7u8; 3001]);
    let fourth = scan(&w, &["--hash", lib_s]);
    assert_eq!(summary(&fourth)["hashed"], 1);
}

fn as_nobody(w: &World) -> bool {
    // Root reads anything, so the unreadable-folder case runs the binary as `nobody`.
    if unsafe { libc::geteuid() } != 0 {
        return false;
    }
    for e in walk(w.root()) {
        let _ = std::fs::set_permissions(&e, std::fs::Permissions::from_mode(0o777));
    }
    true
}

fn as_user_nobody(w: &World) -> assert_cmd::Command {
    let mut real = std::process::Command::new("setpriv");
    real.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(assert_cmd::cargo::cargo_bin("plexsync"));
    let mut c = assert_cmd::Command::from_std(real);
    c.env_clear()
        .env("HOME", w.path("home"))
        .env("XDG_DATA_HOME", w.path("home/.local/share"))
        .env("XDG_CONFIG_HOME", w.path("home/.config"))
        .env("NO_COLOR", "1")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    c
}

fn walk(p: &std::path::Path) -> Vec<PathBuf> {
    let mut out = vec![p.to_path_buf()];
    if let Ok(rd) = std::fs::read_dir(p) {
        for e in rd.flatten() {
            if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                out.extend(walk(&e.path()));
            } else if e.file_type().map(|t| t.is_file()).unwrap_or(false) {
                out.push(e.path());
            }
        }
    }
    out
}

#[test]
fn hostile_tree_fifo_unreadable_loop_non_utf8_newline() {
    let w = World::new();
    let lib = library(&w);
    let fifo = w.path("lib/pipe");
    let c = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("..", w.path("lib/TV/loop")).unwrap();
    std::os::unix::fs::symlink("self", w.path("lib/self")).unwrap();
    let odd = lib.join(std::ffi::OsStr::from_bytes(b"caf\xe9 (2001).mkv"));
    std::fs::write(&odd, b"odd").unwrap();
    let newline = lib.join("two\nlines.avi");
    std::fs::write(&newline, b"nl").unwrap();
    w.write("lib/locked/secret.mkv", b"s");
    // Make everything reachable for `nobody`, then lock one folder.
    let nobody = as_nobody(&w);
    std::fs::create_dir_all(w.catalog().parent().unwrap()).unwrap();
    if nobody {
        for e in walk(w.root()) {
            let _ = std::fs::set_permissions(&e, std::fs::Permissions::from_mode(0o777));
        }
    }
    std::fs::set_permissions(w.path("lib/locked"), std::fs::Permissions::from_mode(0o000)).unwrap();

    let runner = || if nobody { as_user_nobody(&w) } else { w.cmd() };
    for follow in [false, true] {
        let mut args = vec!["--json", "scan"];
        if follow {
            args.push("--follow");
        }
        let out = runner().args(&args).arg(&lib).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Per-file errors: the run goes on, exit 2 at the end, each error named.
        assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
        assert!(
            stderr.contains("locked") && stderr.contains("Permission denied"),
            "{stderr}"
        );
        let msgs = common::json_lines(&out.stdout);
        let s = summary(&msgs);
        assert_eq!(s["files"], 7, "{s}");
        assert!(
            s["skipped"].as_u64().unwrap() >= 1,
            "the FIFO is skipped: {s}"
        );
        if follow {
            assert!(stderr.contains("symlink loop"), "{stderr}");
        }
        // Non-UTF-8 and newline names survive losslessly in JSON.
        let paths: Vec<PathBuf> = of_type(&msgs, "file")
            .iter()
            .map(|f| json_path(&f["path"]))
            .collect();
        if !follow {
            assert!(paths.contains(&odd), "{paths:?}");
            assert!(paths.contains(&newline), "{paths:?}");
        }
        let raw = String::from_utf8(out.stdout.clone()).unwrap();
        assert!(raw.contains("\"bytes\""), "non-UTF-8 path is base64: {raw}");
    }
    // Human output escapes the newline instead of printing it raw.
    let fresh = w.path("fresh.db");
    let out = runner()
        .args(["-v", "--catalog"])
        .arg(&fresh)
        .arg("scan")
        .arg(&lib)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("two\\nlines.avi") && !stderr.contains("two\nlines"),
        "{stderr}"
    );
    std::fs::set_permissions(w.path("lib/locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn two_concurrent_scans_both_finish_correctly() {
    let w = World::new();
    for d in 0..20 {
        for f in 0..100 {
            w.write(&format!("a/{d}/{f}.mkv"), format!("{d}-{f}"));
            w.write(&format!("b/{d}/{f}.mkv"), format!("{d}-{f}-b"));
        }
    }
    let spawn = |dir: &str| {
        let mut c = w.std_cmd();
        c.args(["--json", "scan", "--hash"]).arg(w.path(dir));
        c.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let procs = [spawn("a"), spawn("b"), spawn("a")];
    for p in procs {
        let out = p.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let msgs = common::json_lines(&out.stdout);
        assert_eq!(summary(&msgs)["files"], 2000);
    }
    let st = w.json(&["status"], 0);
    assert_eq!(summary(&st)["files"], 4000);
    // Every file ended with its digest: a further hash scan reads nothing.
    let again = w.json(
        &[
            "scan",
            "--hash",
            w.path("a").to_str().unwrap(),
            w.path("b").to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(summary(&again)["hashed"], 0);
}

#[test]
fn corrupt_or_foreign_catalog_is_refused_untouched() {
    let w = World::new();
    let lib = library(&w);
    let bad = w.write("bad.db", vec![0x5au8; 4096]);
    let out = w
        .cmd()
        .arg("--catalog")
        .arg(&bad)
        .arg("scan")
        .arg(&lib)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("plexsync: catalog") && err.contains("not a SQLite database"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    assert_eq!(
        std::fs::read(&bad).unwrap(),
        vec![0x5au8; 4096],
        "never overwritten"
    );
    // A catalog from a newer plexsync.
    let newer = w.path("newer.db");
    w.cmd()
        .arg("--catalog")
        .arg(&newer)
        .arg("status")
        .assert()
        .success();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 9999")
        .unwrap();
    let out = w
        .cmd()
        .arg("--catalog")
        .arg(&newer)
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer plexsync"));
}

#[test]
fn bad_paths_and_config_errors() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["scan", "/definitely/not/here"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/definitely/not/here"));
    // Usage errors exit 2 too.
    assert_eq!(w.cmd().arg("scan").output().unwrap().status.code(), Some(2));
    // A config with an unknown key names the key and line.
    let cfg = w.write(
        "home/.config/plexsync/config.toml",
        "jobs = 2\nbogus = true\n",
    );
    let out = w.cmd().arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bogus") && err.contains("line 2") && err.contains(cfg.to_str().unwrap()),
        "{err}"
    );
    // A configured library shows in status before its first scan; env var beats the file.
    std::fs::write(
        &cfg,
        "[[library]]\nname = \"movies\"\npath = \"/srv/movies\"\n",
    )
    .unwrap();
    let st = w.json(&["status"], 0);
    assert_eq!(
        json_path(&of_type(&st, "root")[0]["path"]),
        PathBuf::from("/srv/movies")
    );
    let other = w.write(
        "other.toml",
        "catalog = \"/nonexistent-dir/x/catalog.db\"\n",
    );
    let out = w
        .cmd()
        .env("PLEXSYNC_CONFIG", &other)
        .env("PLEXSYNC_CATALOG", w.path("c2.db"))
        .arg("status")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(w.path("c2.db").exists());
}

#[test]
fn broken_pipe_exits_quietly() {
    let w = World::new();
    for i in 0..3000 {
        w.write(&format!("many/{i}.mkv"), b"x");
    }
    let mut c = w.std_cmd();
    c.args(["--json", "scan"]).arg(w.path("many"));
    c.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
