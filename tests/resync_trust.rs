//! End-to-end tests of what `resync` must never do to the one copy a user has, on real
//! media (tests/data/resync/, made by scripts/make-resync-fixtures): a cut or still
//! changing source never replaces a whole local file, replaced files are kept and can be
//! put back, an unmounted share queues nothing, and `check && run` from cron converges.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{json_path, of_type, summary, World};
use serde_json::Value;

/// A committed fixture's bytes.
fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/resync")
            .join(name),
    )
    .unwrap()
}

fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn ago(secs: u64) -> SystemTime {
    SystemTime::now() - Duration::from_secs(secs)
}

/// `extra` then `--source W/src --dest W/local`.
fn lib(w: &World, extra: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    for (flag, dir) in [("--source", "src"), ("--dest", "local")] {
        v.push(flag.into());
        v.push(w.path(dir).display().to_string());
    }
    v
}

/// `plexsync --json ARGS` expecting exit `code`: the messages and stderr.
fn run(w: &World, args: &[String], code: i32) -> (Vec<Value>, String) {
    let out = w.cmd().arg("--json").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "plexsync {args:?}\nstdout: {}\nstderr: {stderr}",
        String::from_utf8_lossy(&out.stdout)
    );
    (common::json_lines(&out.stdout), stderr)
}

fn strs(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// Put `data` at `src/REL` and `local/REL`, both with an mtime an hour ago (a settled
/// source and its synced copy), and record them as synced.
fn synced(w: &World, files: &[(&str, Vec<u8>)]) {
    let t = ago(3600);
    for (rel, data) in files {
        for side in ["src", "local"] {
            set_mtime(&w.write(&format!("{side}/{rel}"), data), t);
        }
    }
    let (msgs, _) = run(w, &lib(w, &["resync", "check"]), 0);
    assert_eq!(summary(&msgs)["matched"], files.len(), "{msgs:?}");
}

/// Every request in the queue, open or not.
fn queue(w: &World) -> Vec<Value> {
    let (msgs, _) = run(w, &strs(&["resync", "queue", "--all"]), 0);
    of_type(&msgs, "request").into_iter().cloned().collect()
}

#[test]
fn a_cut_source_never_replaces_a_whole_local_file() {
    for clip in ["clip.mkv", "clip.mp4"] {
        let w = World::new();
        let rel = format!("Movies/A (2001)/A.{}", &clip[5..]);
        let whole = fixture(clip);
        synced(&w, &[(&rel, whole.clone())]);
        // The server's copy stopped half way, long enough ago to have settled.
        let src = w.path(&format!("src/{rel}"));
        std::fs::write(&src, &whole[..whole.len() / 2]).unwrap();
        set_mtime(&src, ago(3600));
        let local = w.path(&format!("local/{rel}"));

        // check queues nothing: the local file is whole, the source is not.
        let (msgs, stderr) = run(&w, &lib(&w, &["resync", "check", "--exit-code"]), 1);
        assert!(of_type(&msgs, "candidate").is_empty(), "{clip}: {msgs:?}");
        let sum = summary(&msgs);
        assert_eq!(
            (&sum["source_broken"], &sum["queued"]),
            (&1.into(), &0.into())
        );
        assert!(
            stderr.contains(local.to_str().unwrap()) && stderr.contains(src.to_str().unwrap()),
            "the warning names both files: {stderr}"
        );

        // Queued by hand, run still refuses: the request ends source_broken, exit 2.
        let add = lib(&w, &["resync", "queue", "add", local.to_str().unwrap()]);
        run(&w, &add, 0);
        let (msgs, stderr) = run(&w, &strs(&["resync", "run", "--settle", "0"]), 2);
        let r = of_type(&msgs, "result")[0];
        assert_eq!(r["status"], "source_broken", "{r}");
        assert!(r["backup"].is_null());
        assert_eq!(summary(&msgs)["source_broken"], 1);
        assert!(stderr.contains(src.to_str().unwrap()), "{stderr}");
        assert_eq!(
            std::fs::read(&local).unwrap(),
            whole,
            "{clip}: the local file is kept"
        );
        assert_eq!(queue(&w)[0]["state"], "source_broken");
        let (msgs, _) = run(&w, &strs(&["resync", "report"]), 0);
        assert_eq!(summary(&msgs)["source_broken"], 1);
        // Ended: the next run has nothing to do and succeeds.
        let (msgs, _) = run(&w, &strs(&["resync", "run", "--settle", "0"]), 0);
        assert_eq!(summary(&msgs)["requests"], 0);
    }
}

#[test]
fn a_larger_local_file_is_not_outdated_by_a_never_synced_cut_source() {
    let w = World::new();
    let whole = fixture("clip.mkv");
    let local = w.write("local/A/A.mkv", &whole);
    set_mtime(&local, ago(7200));
    // Never synced; the source is newer by mtime but only its first half.
    let src = w.write("src/A/A.mkv", &whole[..whole.len() / 2]);
    set_mtime(&src, ago(3600));
    let (msgs, stderr) = run(&w, &lib(&w, &["resync", "check", "--all"]), 0);
    assert!(of_type(&msgs, "candidate").is_empty(), "{msgs:?}");
    assert_eq!(summary(&msgs)["source_broken"], 1);
    assert!(stderr.contains("fails the container check"), "{stderr}");
    // A never-synced local file larger than an older source: no "newer source" either.
    set_mtime(&w.write("src/A/notes.txt", b"short"), ago(9000));
    set_mtime(
        &w.write("local/A/notes.txt", b"longer local notes"),
        ago(3600),
    );
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check", "--all"]), 0);
    for c in of_type(&msgs, "candidate") {
        assert_ne!(c["reason"], "outdated", "{c}");
    }
    assert_eq!(std::fs::read(&local).unwrap(), whole);
}

#[test]
fn a_still_changing_source_waits_for_a_later_run() {
    let w = World::new();
    let v1 = fixture("clip.mkv");
    synced(&w, &[("A/A.mkv", v1.clone())]);
    let (src, local) = (w.path("src/A/A.mkv"), w.path("local/A/A.mkv"));
    // A new version lands on the server just now.
    let v2 = fixture("clip-v2.mkv");
    std::fs::write(&src, &v2).unwrap();
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert_eq!(of_type(&msgs, "candidate")[0]["reason"], "outdated");
    // The default settle period holds it back; nothing fails, the request waits.
    let (msgs, _) = run(&w, &strs(&["resync", "run"]), 0);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["status"], "deferred", "{r}");
    assert!(
        r["error"]
            .as_str()
            .unwrap()
            .contains("source still changing"),
        "{r}"
    );
    assert_eq!(summary(&msgs)["deferred"], 1);
    assert_eq!(std::fs::read(&local).unwrap(), v1);
    let q = queue(&w);
    assert_eq!(q[0]["state"], "pending");
    assert!(q[0]["last_error"]
        .as_str()
        .unwrap()
        .contains("source still changing"));
    let out = w.cmd().args(["resync", "run"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 deferred (source still changing)"),
        "{stdout}"
    );

    // It moves between the check and the run (an old mtime, so only the move tells).
    std::fs::write(&src, [&v2[..], b"more bytes written"].concat()).unwrap();
    set_mtime(&src, ago(3600));
    let (msgs, _) = run(&w, &strs(&["resync", "run", "--settle", "0"]), 0);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["status"], "deferred", "{r}");
    assert!(r["error"].as_str().unwrap().contains("when queued"), "{r}");
    assert_eq!(std::fs::read(&local).unwrap(), v1);
    // Held still since that run: copied. The settle period comes from the config too.
    std::fs::write(&src, &v2).unwrap();
    set_mtime(&src, ago(600));
    run(&w, &lib(&w, &["resync", "check"]), 0);
    w.write(
        "home/.config/plexsync/config.toml",
        "[resync]\nsettle = 900\n",
    );
    let (msgs, _) = run(&w, &strs(&["resync", "run"]), 0);
    assert_eq!(of_type(&msgs, "result")[0]["status"], "deferred");
    w.write(
        "home/.config/plexsync/config.toml",
        "[resync]\nsettle = 60\n",
    );
    let (msgs, _) = run(&w, &strs(&["resync", "run"]), 0);
    assert_eq!(of_type(&msgs, "result")[0]["status"], "done");
    assert_eq!(std::fs::read(&local).unwrap(), v2);
}

#[test]
fn an_unmounted_share_queues_nothing_and_fails_the_exit_code() {
    let w = World::new();
    let clip = fixture("clip.mkv");
    let files: Vec<(String, Vec<u8>)> = (1..=12)
        .map(|i| (format!("Movies/M{i} (20{i:02})/M{i}.mkv"), clip.clone()))
        .collect();
    let refs: Vec<(&str, Vec<u8>)> = files.iter().map(|(r, d)| (r.as_str(), d.clone())).collect();
    synced(&w, &refs);
    // The share is not mounted: its mount point is an empty folder. A local file goes too.
    std::fs::rename(w.path("src"), w.path("share")).unwrap();
    std::fs::create_dir(w.path("src")).unwrap();
    std::fs::remove_file(w.path("local/Movies/M1 (2001)/M1.mkv")).unwrap();
    let (msgs, stderr) = run(&w, &lib(&w, &["resync", "check", "--exit-code"]), 1);
    assert!(
        stderr.contains("looks unmounted: 0 of 11 synced files present"),
        "{stderr}"
    );
    assert!(
        of_type(&msgs, "candidate").is_empty(),
        "no orphans: {msgs:?}"
    );
    let sum = summary(&msgs);
    assert_eq!(sum["source_unmounted"], true);
    assert_eq!(sum["queued"], 0);
    assert!(queue(&w).is_empty());
    // Without --exit-code it is a warning, not a failure; `run --check` fails.
    run(&w, &lib(&w, &["resync", "check"]), 0);
    let (msgs, _) = run(&w, &lib(&w, &["resync", "run", "--check"]), 2);
    assert_eq!(summary(&msgs)["requests"], 0);
    // A lost+found and a stray file in the mount point change nothing.
    std::fs::create_dir(w.path("src/lost+found")).unwrap();
    w.write("src/.stray", b"x");
    let (_, stderr) = run(&w, &lib(&w, &["resync", "check", "--exit-code"]), 1);
    assert!(stderr.contains("looks unmounted"), "{stderr}");
    // Told that the files really are gone, check judges against it (orphans, not queued).
    let (msgs, _) = run(
        &w,
        &lib(&w, &["resync", "check", "-n", "--no-mount-check"]),
        0,
    );
    let c = of_type(&msgs, "candidate");
    assert_eq!(c.len(), 11, "the local files are orphans: {c:?}");
    assert!(c
        .iter()
        .all(|c| c["reason"] == "orphaned" && c["id"].is_null()));

    // Mounted again: the one file gone locally is missing, and only that.
    std::fs::remove_dir_all(w.path("src")).unwrap();
    std::fs::rename(w.path("share"), w.path("src")).unwrap();
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    let cands = of_type(&msgs, "candidate");
    assert_eq!(cands.len(), 1, "{cands:?}");
    assert_eq!(cands[0]["reason"], "missing");
}

#[test]
fn an_identical_broken_pair_is_recorded_so_a_deletion_is_missing() {
    let w = World::new();
    // The same cut file on both sides, same mtime: copying again cannot mend it.
    let whole = fixture("clip.mkv");
    let cut = whole[..whole.len() / 2].to_vec();
    synced(&w, &[("Fine/Fine.mkv", whole)]);
    let t = ago(3600);
    for side in ["src", "local"] {
        set_mtime(&w.write(&format!("{side}/Cut/Cut.mkv"), &cut), t);
    }
    let (msgs, stderr) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert!(of_type(&msgs, "candidate").is_empty(), "{msgs:?}");
    let sum = summary(&msgs);
    assert_eq!(
        (&sum["broken_at_source"], &sum["recorded"]),
        (&1.into(), &1.into())
    );
    assert!(stderr.contains("and so is the source's"), "{stderr}");
    // Deleted locally later: known as missing, and a run brings the same bytes back.
    std::fs::remove_file(w.path("local/Cut/Cut.mkv")).unwrap();
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    let c = of_type(&msgs, "candidate");
    assert_eq!((c.len(), &c[0]["reason"]), (1, &"missing".into()), "{c:?}");
    run(&w, &strs(&["resync", "run", "--settle", "0"]), 0);
    assert_eq!(std::fs::read(w.path("local/Cut/Cut.mkv")).unwrap(), cut);

    // Other mtimes but the same bytes: recorded by --checksum, not by metadata. (The
    // first --checksum records the other files' hashes.)
    run(&w, &lib(&w, &["resync", "check", "--checksum"]), 0);
    for side in ["src", "local"] {
        let p = w.write(&format!("{side}/Cut2/Cut2.mkv"), &cut);
        set_mtime(&p, ago(if side == "src" { 3600 } else { 1800 }));
    }
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert_eq!(summary(&msgs)["recorded"], 0);
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check", "--checksum"]), 0);
    assert_eq!(summary(&msgs)["recorded"], 1);
    std::fs::remove_file(w.path("local/Cut2/Cut2.mkv")).unwrap();
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert_eq!(of_type(&msgs, "candidate")[0]["reason"], "missing");
}

#[test]
fn requests_against_an_offline_or_wrong_source_clear_and_cron_converges() {
    let w = World::new();
    let clip = fixture("clip.mkv");
    synced(
        &w,
        &[
            ("A/A.mkv", clip.clone()),
            ("B/B.mkv", clip.clone()),
            ("C/C.srt", b"1\n".to_vec()),
        ],
    );
    // The share is away; local files go. check queues them against it, run fails.
    std::fs::rename(w.path("src"), w.path("share")).unwrap();
    for p in ["local/A/A.mkv", "local/B/B.mkv", "local/C/C.srt"] {
        std::fs::remove_file(w.path(p)).unwrap();
    }
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert_eq!(summary(&msgs)["queued"], 3);
    // One is queued again by hand against a wrong source (a typo).
    let srt = w.path("local/C/C.srt");
    run(
        &w,
        &strs(&["resync", "queue", "cancel", srt.to_str().unwrap()]),
        0,
    );
    let mut add = strs(&["resync", "queue", "add", srt.to_str().unwrap(), "--source"]);
    add.extend(strs(&[w.path("typo").to_str().unwrap(), "--dest"]));
    add.push(w.path("local").display().to_string());
    run(&w, &add, 0);
    let (msgs, _) = run(&w, &strs(&["resync", "run", "--retries", "0"]), 2);
    assert_eq!(summary(&msgs)["failed"], 3);

    // The share is back, but B was deleted on the server meanwhile.
    std::fs::rename(w.path("share"), w.path("src")).unwrap();
    std::fs::remove_file(w.path("src/B/B.mkv")).unwrap();
    for p in ["src/A/A.mkv", "src/C/C.srt"] {
        set_mtime(&w.path(p), ago(3600));
    }
    // cron: `run --check`, one exit status: A and C are copied from the right source,
    // B's request is cancelled (nothing to copy it from), and it succeeds.
    let (msgs, _) = run(&w, &lib(&w, &["resync", "run", "--check"]), 0);
    let checks = of_type(&msgs, "check");
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0]["cancelled"], 1, "{:?}", checks[0]);
    let done: Vec<PathBuf> = of_type(&msgs, "result")
        .iter()
        .filter(|r| r["status"] == "done")
        .map(|r| json_path(&r["path"]))
        .collect();
    assert_eq!(done.len(), 2, "{msgs:?}");
    assert_eq!(std::fs::read(w.path("local/A/A.mkv")).unwrap(), clip);
    assert_eq!(std::fs::read(&srt).unwrap(), b"1\n");
    let states: Vec<String> = queue(&w)
        .iter()
        .map(|r| r["state"].as_str().unwrap().to_string())
        .collect();
    assert!(
        states.iter().all(|s| s == "done" || s == "cancelled"),
        "{states:?}"
    );
    // And from now on, `check && run` exits 0 with nothing to do.
    run(&w, &lib(&w, &["resync", "check", "--exit-code"]), 0);
    let (msgs, _) = run(&w, &strs(&["resync", "run"]), 0);
    assert_eq!(summary(&msgs)["requests"], 0);
    let out = w.cmd().args(["resync", "run"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("resync check"), "says what to do: {stdout}");
}

#[test]
fn a_plain_check_does_not_cancel_what_only_a_read_shows() {
    let w = World::new();
    synced(
        &w,
        &[(
            "A/A.srt",
            b"1\n00:00:01,000 --> 00:00:02,000\nhi\n".to_vec(),
        )],
    );
    run(&w, &lib(&w, &["resync", "check", "--checksum"]), 0);
    // Bit rot: same size and mtime, found by verify's read.
    let p = w.path("local/A/A.srt");
    let mtime = std::fs::metadata(&p).unwrap().modified().unwrap();
    let mut data = std::fs::read(&p).unwrap();
    data[3] ^= 1;
    std::fs::write(&p, &data).unwrap();
    set_mtime(&p, mtime);
    run(&w, &lib(&w, &["resync", "verify", "--exit-code"]), 1);
    // A check that reads only metadata sees a match, and must leave the request alone.
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert_eq!(summary(&msgs)["cancelled"], 0);
    assert_eq!(queue(&w)[0]["state"], "pending");
    run(&w, &strs(&["resync", "run", "--settle", "0"]), 0);
    assert_eq!(
        std::fs::read(&p).unwrap(),
        std::fs::read(w.path("src/A/A.srt")).unwrap()
    );
}

#[test]
fn replaced_files_are_kept_pruned_after_their_retention_and_restored() {
    let w = World::new();
    let v1 = fixture("clip.mkv");
    synced(&w, &[("Movies/A (2001)/A.mkv", v1.clone())]);
    let local = w.path("local/Movies/A (2001)/A.mkv");
    let old_ino = std::fs::metadata(&local).unwrap().ino();
    let v2 = fixture("clip-v2.mkv");
    set_mtime(&w.write("src/Movies/A (2001)/A.mkv", &v2), ago(3600));
    run(&w, &lib(&w, &["resync", "check"]), 0);
    let (msgs, _) = run(&w, &strs(&["resync", "run"]), 0);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["status"], "done");
    let kept = json_path(&r["backup"]);
    assert_eq!(kept, w.path("local/.plexsync-backup/Movies/A (2001)/A.mkv"));
    assert_eq!(std::fs::read(&kept).unwrap(), v1);
    // The old file itself, by a second name: no byte was copied to keep it.
    assert_eq!(std::fs::metadata(&kept).unwrap().ino(), old_ino);
    assert_eq!(std::fs::read(&local).unwrap(), v2);
    // Plex skips dot-folders, and so does plexsync: the backup is no orphan, no duplicate.
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert!(of_type(&msgs, "candidate").is_empty(), "{msgs:?}");
    let (msgs, _) = run(&w, &strs(&["scan", w.path("local").to_str().unwrap()]), 0);
    assert_eq!(summary(&msgs)["files"], 1, "{msgs:?}");
    // Listed by report.
    let (msgs, _) = run(&w, &strs(&["resync", "report"]), 0);
    let b = of_type(&msgs, "backup");
    assert_eq!(b.len(), 1);
    assert_eq!(json_path(&b[0]["path"]), local);
    assert_eq!(json_path(&b[0]["backup"]), kept);

    // Put back: the version it replaces is kept in turn, and check && run leave it be.
    let (msgs, _) = run(
        &w,
        &strs(&["resync", "restore", local.to_str().unwrap()]),
        0,
    );
    let done = of_type(&msgs, "restored")[0];
    let kept_v2 = json_path(&done["kept"]);
    assert_eq!(std::fs::read(&local).unwrap(), v1);
    assert_eq!(std::fs::read(&kept_v2).unwrap(), v2);
    assert!(!kept.exists());
    let (msgs, _) = run(&w, &lib(&w, &["resync", "run", "--check"]), 0);
    assert_eq!(summary(&msgs)["requests"], 0);
    assert_eq!(std::fs::read(&local).unwrap(), v1);
    // Nothing kept to restore: a clear error.
    let other = w.path("local/none.mkv");
    run(
        &w,
        &strs(&["resync", "restore", other.to_str().unwrap()]),
        2,
    );

    // Past its retention, a later run prunes it (the catalog says when it was kept).
    let cat = plexsync::catalog::Catalog::open(&w.catalog()).unwrap();
    cat.conn()
        .execute(
            "UPDATE resync_backups SET kept_at = kept_at - 8 * 86400",
            [],
        )
        .unwrap();
    drop(cat);
    let (msgs, _) = run(&w, &strs(&["resync", "run"]), 0);
    assert_eq!(summary(&msgs)["backups_pruned"], 1);
    assert!(!kept_v2.exists());
    assert!(
        !w.path("local/.plexsync-backup").exists(),
        "emptied folders go too"
    );
    let (msgs, _) = run(&w, &strs(&["resync", "report"]), 0);
    assert!(of_type(&msgs, "backup").is_empty());

    // --backup-days 0 keeps nothing.
    set_mtime(&w.write("src/Movies/A (2001)/A.mkv", &v2), ago(1800));
    run(&w, &lib(&w, &["resync", "check"]), 0);
    let (msgs, _) = run(&w, &strs(&["resync", "run", "--backup-days", "0"]), 0);
    assert!(of_type(&msgs, "result")[0]["backup"].is_null());
    assert!(!w.path("local/.plexsync-backup").exists());
}

/// A library that became read-only (a remount after disk errors, a share mounted `ro`):
/// the run says so, keeps the old file where it is, and does not retry in vain.
#[test]
fn a_read_only_library_keeps_the_old_file_and_says_so() {
    let w = World::new();
    let Some(disk) = common::Tmpfs::mount(w.path("local"), "8m") else {
        return;
    };
    let v1 = fixture("clip.mkv");
    synced(&w, &[("Movies/A (2001)/A.mkv", v1.clone())]);
    set_mtime(
        &w.write("src/Movies/A (2001)/A.mkv", fixture("clip-v2.mkv")),
        ago(3600),
    );
    let (msgs, _) = run(&w, &lib(&w, &["resync", "check"]), 0);
    assert_eq!(of_type(&msgs, "candidate").len(), 1, "{msgs:?}");
    disk.read_only();
    let (msgs, err) = run(&w, &strs(&["resync", "run", "--backoff", "0"]), 2);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["status"], "failed", "{r}");
    assert_eq!(r["attempts"], 1, "a read-only disk is not retried: {r}");
    let why = r["error"].as_str().unwrap();
    assert!(why.contains("read-only"), "{why}");
    assert!(err.contains("read-only"), "{err}");
    let local = w.path("local/Movies/A (2001)/A.mkv");
    assert_eq!(std::fs::read(&local).unwrap(), v1, "the old file stays");
    // Still queued for when the disk is writable again.
    assert!(
        queue(&w).iter().any(|q| q["state"] != "done"),
        "{:?}",
        queue(&w)
    );
}
