//! End-to-end tests of `plexsync resync` on temporary source and local trees with
//! injected faults.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{json_lines, json_path, of_type, summary, World};
use serde_json::Value;

/// Deterministic bytes (a cheap xorshift) so sizes can be large without a RNG crate.
fn bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 32) as u8
        })
        .collect()
}

/// A valid Matroska file: EBML header and a Segment of `body` bytes.
fn mkv(body: usize, seed: u64) -> Vec<u8> {
    let mut v = vec![0x1A, 0x45, 0xDF, 0xA3, 0x84, 0x42, 0x86, 0x81, 0x01];
    v.extend([0x18, 0x53, 0x80, 0x67, 0x01]);
    v.extend(&(body as u64).to_be_bytes()[1..]);
    v.extend(bytes(body, seed));
    v
}

fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

/// Every file below `root` (relative path → content), but the backups of replaced files.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_name() == ".plexsync-backup" {
                continue;
            }
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.insert(
                    e.path().strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                );
            }
        }
    }
    out
}

fn lib_args<'a>(w: &'a World, extra: &[&'a str]) -> Vec<String> {
    let mut v: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    v.extend([
        "--source".into(),
        w.path("src").display().to_string(),
        "--dest".into(),
        w.path("local").display().to_string(),
    ]);
    v
}

fn run_json(w: &World, args: &[String], code: i32) -> Vec<Value> {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    w.json(&a, code)
}

/// reason by local file name, for candidates.
fn reasons(msgs: &[Value]) -> BTreeMap<String, String> {
    of_type(msgs, "candidate")
        .into_iter()
        .map(|c| {
            (
                json_path(&c["path"])
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                c["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A source tree and an identical local copy, recorded as synced with hashes.
/// Wait (up to 20 s) until `dir` holds one of plexsync's temporary files of at least
/// `min_len` bytes: a copy in progress. False when none appeared.
fn wait_for_temp_file(dir: &Path, min_len: u64) -> bool {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let has_temp = std::fs::read_dir(dir).is_ok_and(|rd| {
            rd.flatten().any(|e| {
                plexsync::fsops::is_temp_name(&e.file_name())
                    && e.metadata().is_ok_and(|m| m.len() >= min_len)
            })
        });
        if has_temp || std::time::Instant::now() > deadline {
            return has_temp;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn synced_world() -> World {
    let w = World::new();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("Movies/Deleted (2001)/Deleted.mkv", mkv(50_000, 1)),
        ("Movies/Cut (2002)/Cut.mkv", mkv(80_000, 2)),
        ("Movies/Flipped (2003)/Flipped.bin", bytes(60_000, 3)),
        ("Movies/Partial (2004)/Partial.mkv", mkv(70_000, 4)),
        ("TV/Show/Season 01/Changed.S01E01.bin", bytes(30_000, 5)),
        ("TV/Show/Season 01/Fine.S01E02.mkv", mkv(20_000, 6)),
        (
            "TV/Show/Season 01/Fine.S01E02.srt",
            b"1\n00:00:01,000 --> 00:00:02,000\nhi\n".to_vec(),
        ),
    ];
    for (rel, data) in &files {
        w.write(&format!("src/{rel}"), data);
        w.write(&format!("local/{rel}"), data);
    }
    let msgs = run_json(&w, &lib_args(&w, &["resync", "check", "--checksum"]), 0);
    assert!(of_type(&msgs, "candidate").is_empty(), "{msgs:?}");
    assert_eq!(summary(&msgs)["matched"], 7);
    w
}

fn inject_faults(w: &World) {
    let later = SystemTime::now() + Duration::from_secs(10);
    std::fs::remove_file(w.path("local/Movies/Deleted (2001)/Deleted.mkv")).unwrap();
    let cut = w.path("local/Movies/Cut (2002)/Cut.mkv");
    let data = std::fs::read(&cut).unwrap();
    std::fs::write(&cut, &data[..30_000]).unwrap();
    let flip = w.path("local/Movies/Flipped (2003)/Flipped.bin");
    let mut data = std::fs::read(&flip).unwrap();
    data[30_000] ^= 0x40;
    std::fs::write(&flip, &data).unwrap();
    set_mtime(&flip, later);
    let part = w.path("local/Movies/Partial (2004)/Partial.mkv");
    let data = std::fs::read(&part).unwrap();
    std::fs::remove_file(&part).unwrap();
    w.write(
        "local/Movies/Partial (2004)/Partial.mkv.part",
        &data[..25_000],
    );
    let changed = w.write(
        "src/TV/Show/Season 01/Changed.S01E01.bin",
        bytes(31_000, 55),
    );
    set_mtime(&changed, later);
    w.write("local/Movies/orphan.nfo", b"<movie/>");
}

fn expected_reasons() -> BTreeMap<String, String> {
    [
        ("Deleted.mkv", "missing"),
        ("Cut.mkv", "incomplete"),
        ("Flipped.bin", "corrupted"),
        ("Partial.mkv", "incomplete"),
        ("Changed.S01E01.bin", "outdated"),
        ("orphan.nfo", "orphaned"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

#[test]
fn check_finds_each_fault_and_run_repairs_the_tree() {
    let w = synced_world();
    inject_faults(&w);
    // A dry run reports the same and queues nothing.
    let dry = run_json(&w, &lib_args(&w, &["resync", "check", "-n"]), 0);
    assert_eq!(reasons(&dry), expected_reasons());
    assert_eq!(w.json(&["resync", "queue"], 0).len(), 1);

    // The flipped byte is found through the hash recorded at the last verification...
    let msgs = run_json(&w, &lib_args(&w, &["resync", "check", "--exit-code"]), 1);
    assert_eq!(reasons(&msgs), expected_reasons());
    // ... and by reading both sides.
    let msgs = run_json(&w, &lib_args(&w, &["resync", "check", "--checksum"]), 0);
    assert_eq!(reasons(&msgs), expected_reasons());
    for c in of_type(&msgs, "candidate") {
        let queued = c["id"].is_i64();
        assert_eq!(queued, c["reason"] != "orphaned", "{c}");
    }
    let queue = w.json(&["resync", "queue"], 0);
    assert_eq!(of_type(&queue, "request").len(), 5);

    let msgs = w.json(&["resync", "run", "--settle", "0", "--backoff", "0.01"], 0);
    let results = of_type(&msgs, "result");
    assert_eq!(results.len(), 5);
    assert!(results
        .iter()
        .all(|r| r["status"] == "done" && r["verified"] == true));
    assert_eq!(summary(&msgs)["failed"], 0);

    // Each repaired file is logged as `synced` in the usage log.
    let first = results[0]["path"].clone();
    let shown = w.json(
        &["usage", "show", common::json_path(&first).to_str().unwrap()],
        0,
    );
    let kinds: Vec<&Value> = of_type(&shown, "access")
        .iter()
        .map(|e| &e["access_type"])
        .collect();
    assert!(kinds.iter().any(|k| *k == "synced"), "{shown:?}");

    let mut local = tree(&w.path("local"));
    let orphan = local.remove(Path::new("Movies/orphan.nfo"));
    assert_eq!(orphan.as_deref(), Some(&b"<movie/>"[..]));
    assert_eq!(local, tree(&w.path("src")));
    // Every file that was replaced is kept in the library's backup folder, as it was.
    let kept = tree(&w.path("local/.plexsync-backup"));
    let names: Vec<String> = kept
        .keys()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for n in ["Cut.mkv", "Flipped.bin", "Changed.S01E01.bin"] {
        assert!(names.iter().any(|k| k == n), "{n} kept: {names:?}");
    }
    assert_eq!(kept[Path::new("Movies/Cut (2002)/Cut.mkv")].len(), 30_000);

    // Nothing left to do; the queue is empty and the next check is clean.
    let msgs = run_json(&w, &lib_args(&w, &["resync", "check", "--exit-code"]), 0);
    assert_eq!(reasons(&msgs).len(), 1);
    assert!(of_type(&w.json(&["resync", "queue"], 0), "request").is_empty());
}

#[test]
fn container_check_finds_a_cut_file_with_the_source_offline() {
    let w = synced_world();
    let cut = w.path("local/Movies/Cut (2002)/Cut.mkv");
    let data = std::fs::read(&cut).unwrap();
    std::fs::write(&cut, &data[..40_000]).unwrap();
    std::fs::rename(w.path("src"), w.path("src-offline")).unwrap();
    let msgs = run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    assert_eq!(
        reasons(&msgs),
        [("Cut.mkv".to_string(), "incomplete".to_string())].into()
    );
    // The scrub finds it too, without a source.
    let msgs = w.json(
        &["resync", "verify", "-n", w.path("local").to_str().unwrap()],
        0,
    );
    assert_eq!(
        reasons(&msgs),
        [("Cut.mkv".to_string(), "incomplete".to_string())].into()
    );
}

#[test]
fn a_container_broken_in_the_source_too_is_counted_not_queued() {
    let w = synced_world();
    // Not a Matroska file at all, on both sides: copying it again would not help.
    let junk = b"this is not an EBML header, just text".repeat(100);
    w.write("src/Movies/Junk (2005)/Junk.mkv", &junk);
    w.write("local/Movies/Junk (2005)/Junk.mkv", &junk);
    let msgs = run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    assert!(of_type(&msgs, "candidate").is_empty(), "{msgs:?}");
    let sum = summary(&msgs);
    assert_eq!(sum["broken_at_source"], 1);
    assert_eq!(sum["matched"], 7);
    assert_eq!(sum["queued"], 0);
    let out = w
        .cmd()
        .args(lib_args(&w, &["resync", "check"]))
        .assert()
        .success();
    let o = out.get_output();
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stdout.contains(
            "8 local files, 8 in the source: 7 match, 1 broken in the source too (not queued)"
        ),
        "{stdout}"
    );
    assert!(
        stderr.contains("Junk.mkv: container is broken") && stderr.contains("not queued"),
        "{stderr}"
    );
    // The scrub (told the library, since check records no sync for a broken file) fails
    // it, but its source being broken too, queues nothing.
    let verify = |extra: &[&str]| {
        let mut a = lib_args(&w, &["resync", "verify"]);
        a.extend(extra.iter().map(|s| s.to_string()));
        a.push(w.path("local").display().to_string());
        a
    };
    let msgs = run_json(&w, &verify(&[]), 0);
    assert!(of_type(&msgs, "candidate").is_empty(), "{msgs:?}");
    let sum = summary(&msgs);
    assert_eq!(
        [&sum["failed"], &sum["broken_at_source"], &sum["queued"]],
        [1, 1, 0]
    );
    let out = w.cmd().args(verify(&["--exit-code"])).assert().code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains("1 failed (1 broken in the source too: not queued)"),
        "{stdout}"
    );
    // With the source gone, a copy might mend it one day: queued.
    std::fs::remove_file(w.path("src/Movies/Junk (2005)/Junk.mkv")).unwrap();
    let msgs = run_json(&w, &verify(&[]), 0);
    assert_eq!(
        reasons(&msgs),
        [("Junk.mkv".to_string(), "corrupted".to_string())].into()
    );
    assert_eq!(summary(&msgs)["queued"], 1);
}

#[test]
fn verify_scrubs_recorded_hashes() {
    let w = synced_world();
    // Bit rot: same size, same mtime.
    let p = w.path("local/TV/Show/Season 01/Fine.S01E02.srt");
    let mtime = std::fs::metadata(&p).unwrap().modified().unwrap();
    let mut data = std::fs::read(&p).unwrap();
    data[3] ^= 1;
    std::fs::write(&p, &data).unwrap();
    set_mtime(&p, mtime);
    let msgs = w.json(
        &[
            "resync",
            "verify",
            "--exit-code",
            w.path("local").to_str().unwrap(),
        ],
        1,
    );
    assert_eq!(
        reasons(&msgs),
        [("Fine.S01E02.srt".to_string(), "corrupted".to_string())].into()
    );
    assert_eq!(summary(&msgs)["hashed"], 6);
    let msgs = w.json(&["resync", "run", "--settle", "0", "--backoff", "0"], 0);
    assert_eq!(of_type(&msgs, "result")[0]["status"], "done");
    assert_eq!(
        std::fs::read(&p).unwrap(),
        std::fs::read(w.path("src/TV/Show/Season 01/Fine.S01E02.srt")).unwrap()
    );
}

#[test]
fn source_vanishing_retries_then_fails_and_replaces_nothing() {
    let w = synced_world();
    let local = w.path("local/Movies/Cut (2002)/Cut.mkv");
    let before = std::fs::read(&local).unwrap();
    w.json(&["resync", "queue", "add", local.to_str().unwrap()], 0);
    std::fs::remove_dir_all(w.path("src")).unwrap();
    let msgs = w.json(
        &[
            "resync",
            "run",
            "--settle",
            "0",
            "--retries",
            "2",
            "--backoff",
            "0.01",
        ],
        2,
    );
    let r = of_type(&msgs, "result");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["status"], "failed");
    assert_eq!(r[0]["attempts"], 3);
    assert!(
        r[0]["error"].as_str().unwrap().contains("Cut.mkv"),
        "{}",
        r[0]
    );
    assert_eq!(std::fs::read(&local).unwrap(), before);
    let q = w.json(&["resync", "queue"], 0);
    let q = of_type(&q, "request");
    assert_eq!(q[0]["state"], "failed");
    assert_eq!(q[0]["attempts"], 3);

    // A source file replaced by a folder is an error too, never a panic.
    w.write("src/Movies/Cut (2002)/Cut.mkv/inner", b"x");
    let msgs = w.json(&["resync", "run", "--settle", "0", "--retries", "0"], 2);
    assert!(of_type(&msgs, "result")[0]["error"]
        .as_str()
        .unwrap()
        .contains("not a regular file"));
    assert_eq!(std::fs::read(&local).unwrap(), before);
    let report = w.path("report.json");
    w.json(&["resync", "report", "--out", report.to_str().unwrap()], 0);
    let doc: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(doc["totals"]["runs"], 2);
    assert_eq!(doc["totals"]["failed"], 2);
}

#[test]
fn resume_reads_only_the_missing_bytes() {
    let w = World::new();
    let data = bytes(3_000_000, 9);
    w.write("src/big.bin", &data);
    run_json(&w, &lib_args(&w, &["resync", "check", "--all"]), 0);
    let msgs = w.json(&["resync", "run", "--settle", "0"], 0);
    assert_eq!(of_type(&msgs, "result")[0]["read_from_source"], 3_000_000);

    let local = w.path("local/big.bin");
    std::fs::write(&local, &data[..1_200_000]).unwrap();
    let msgs = run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    assert_eq!(reasons(&msgs)["big.bin"], "incomplete");
    let msgs = w.json(&["resync", "run", "--settle", "0"], 0);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["resumed_from"], 1_200_000);
    assert_eq!(r["read_from_source"], 1_800_000);
    assert_eq!(r["bytes"], 3_000_000);
    assert_eq!(std::fs::read(&local).unwrap(), data);

    // A prefix that is not the source's fails verification once and is then recopied whole.
    let mut bad = data[..1_000_000].to_vec();
    bad[10] ^= 1;
    std::fs::write(&local, &bad).unwrap();
    run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    let msgs = w.json(&["resync", "run", "--settle", "0", "--backoff", "0"], 0);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["attempts"], 2);
    assert_eq!(r["read_from_source"], 3_000_000);
    assert_eq!(std::fs::read(&local).unwrap(), data);

    // Without retries the bad prefix ends as verification_failed, the local file untouched;
    // the next run does not trust the prefix again.
    std::fs::write(&local, &bad).unwrap();
    run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    let msgs = w.json(&["resync", "run", "--settle", "0", "--retries", "0"], 2);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["reason"], "verification_failed");
    assert_eq!(r["verified"], false);
    assert_eq!(std::fs::read(&local).unwrap(), bad);
    let msgs = w.json(&["resync", "run", "--settle", "0", "--retries", "0"], 0);
    assert_eq!(of_type(&msgs, "result")[0]["read_from_source"], 3_000_000);
    assert_eq!(std::fs::read(&local).unwrap(), data);

    // --no-resume always copies everything.
    std::fs::write(&local, &data[..500_000]).unwrap();
    run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    let msgs = w.json(&["resync", "run", "--settle", "0", "--no-resume"], 0);
    assert_eq!(of_type(&msgs, "result")[0]["read_from_source"], 3_000_000);
}

#[test]
fn a_full_destination_fails_the_request_and_replaces_nothing() {
    let w = World::new();
    w.write("local/huge.mkv", b"old copy");
    let src = w.write("src/huge.mkv", b"");
    let free = plexsync::fsops::free_space(w.root()).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&src)
        .unwrap()
        .set_len(free + (1 << 30))
        .unwrap();
    let local = w.path("local/huge.mkv");
    let args = lib_args(&w, &["resync", "queue", "add", local.to_str().unwrap()]);
    run_json(&w, &args, 0);
    let msgs = w.json(&["resync", "run", "--settle", "0", "--backoff", "0"], 2);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["status"], "failed");
    assert_eq!(r["attempts"], 1, "a full disk is not retried");
    assert!(
        r["error"].as_str().unwrap().contains("not enough space")
            && r["error"]
                .as_str()
                .unwrap()
                .contains("the local file is kept as it was"),
        "{r}"
    );
    assert_eq!(std::fs::read(&local).unwrap(), b"old copy");
    let names: Vec<_> = std::fs::read_dir(w.path("local")).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn sigkill_mid_copy_then_run_again_ends_whole() {
    let w = World::new();
    let data = bytes(24 << 20, 11);
    w.write("src/Movie/movie.bin", &data);
    run_json(&w, &lib_args(&w, &["resync", "check", "--all"]), 0);
    let mut child = w
        .std_cmd()
        .args(["resync", "run", "--settle", "0", "--bwlimit", "8M"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let dir = w.path("local/Movie");
    let temp_seen = wait_for_temp_file(&dir, 1);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(temp_seen, "the copy was in progress when killed");
    assert!(
        !dir.join("movie.bin").exists(),
        "no half-written file under the real name"
    );

    let msgs = w.json(&["resync", "run", "--settle", "0"], 0);
    assert_eq!(of_type(&msgs, "result")[0]["status"], "done");
    assert_eq!(tree(&w.path("local")), tree(&w.path("src")));
    let runs = w.json(&["resync", "report"], 0);
    let states: Vec<&str> = of_type(&runs, "run")
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, vec!["done", "interrupted"]);
}

/// Two runs at once, the first killed (SIGKILL) while it replaces a synced file: at every
/// moment the local file is one whole version, and the second run, waiting on the lock,
/// finishes the replacement with the old version kept.
#[test]
fn two_runs_one_killed_mid_replacement_leave_one_whole_version() {
    let w = World::new();
    let v1 = bytes(2 << 20, 21);
    let t = SystemTime::now() - Duration::from_secs(7200);
    for side in ["src", "local"] {
        set_mtime(&w.write(&format!("{side}/Movie/movie.bin"), &v1), t);
    }
    run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    let v2 = bytes(24 << 20, 22);
    set_mtime(
        &w.write("src/Movie/movie.bin", &v2),
        SystemTime::now() - Duration::from_secs(3600),
    );
    run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    let spawn = |limit: &str| {
        let mut c = w.std_cmd();
        c.args(["--json", "resync", "run", "--settle", "0"]);
        if !limit.is_empty() {
            c.args(["--bwlimit", limit]);
        }
        c.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut first = spawn("8M");
    let dir = w.path("local/Movie");
    assert!(wait_for_temp_file(&dir, 1), "the first run was copying");
    let second = spawn("");
    std::thread::sleep(Duration::from_millis(300));
    first.kill().unwrap(); // SIGKILL
    first.wait().unwrap();
    let local = dir.join("movie.bin");
    let now = std::fs::read(&local).unwrap();
    assert!(
        now == v1 || now == v2,
        "the local file is one whole version"
    );
    let out = second.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let msgs = json_lines(&out.stdout);
    let r = of_type(&msgs, "result")[0];
    assert_eq!(r["status"], "done", "{r}");
    assert_eq!(std::fs::read(&local).unwrap(), v2);
    let kept = json_path(&r["backup"]);
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        v1,
        "the replaced version is kept"
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("movie.bin")],
        "no temporary left"
    );
    let runs = w.json(&["resync", "report"], 0);
    let states: Vec<&str> = of_type(&runs, "run")
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, vec!["done", "interrupted"]);
}

#[test]
fn backup_dir_keeps_the_replaced_copy() {
    let w = synced_world();
    let p = w.path("local/Movies/Flipped (2003)/Flipped.bin");
    let mut data = std::fs::read(&p).unwrap();
    data[0] ^= 0xff;
    std::fs::write(&p, &data).unwrap();
    set_mtime(&p, SystemTime::now() + Duration::from_secs(5));
    run_json(&w, &lib_args(&w, &["resync", "check"]), 0);
    let backups = w.path("backups");
    let mut args = lib_args(&w, &["resync", "run", "--settle", "0", "--backup-dir"]);
    args.insert(5, backups.display().to_string());
    let msgs = run_json(&w, &args, 0);
    let r = of_type(&msgs, "result")[0];
    let kept = json_path(&r["backup"]);
    assert_eq!(kept, backups.join("Movies/Flipped (2003)/Flipped.bin"));
    assert_eq!(std::fs::read(kept).unwrap(), data);
    assert_eq!(
        std::fs::read(&p).unwrap(),
        std::fs::read(w.path("src/Movies/Flipped (2003)/Flipped.bin")).unwrap()
    );
}

#[test]
fn queue_add_cancel_clear_and_bad_input() {
    let w = synced_world();
    let a = w.path("local/Movies/Cut (2002)/Cut.mkv");
    let msgs = w.json(
        &[
            "resync",
            "queue",
            "add",
            "--priority",
            "3",
            a.to_str().unwrap(),
        ],
        0,
    );
    let id = of_type(&msgs, "request")[0]["id"].as_i64().unwrap();
    w.json(&["resync", "queue", "cancel", &id.to_string()], 0);
    let all = w.json(&["resync", "queue", "list", "--all"], 0);
    assert_eq!(of_type(&all, "request")[0]["state"], "cancelled");
    // `queue --all` is `queue list --all`; plain `queue` lists open requests only.
    assert_eq!(w.json(&["resync", "queue", "--all"], 0), all);
    assert!(of_type(&w.json(&["resync", "queue"], 0), "request").is_empty());
    w.json(&["resync", "queue", "clear", "--done"], 0);
    assert!(of_type(&w.json(&["resync", "queue", "list", "--all"], 0), "request").is_empty());

    // The config names the library and sets run's defaults: retries = 0 makes a missing
    // source fail after exactly one attempt.
    w.write(
        "home/.config/plexsync/config.toml",
        format!(
            "[[library]]\nname = \"m\"\npath = {:?}\nsource = {:?}\n[resync]\nretries = 0\nbackoff = 0.0\n",
            w.path("local"),
            w.path("src")
        ),
    );
    std::fs::remove_file(w.path("src/Movies/Cut (2002)/Cut.mkv")).unwrap();
    w.json(&["resync", "queue", "add", a.to_str().unwrap()], 0);
    let msgs = w.json(&["resync", "run", "--settle", "0", "--library", "m"], 2);
    assert_eq!(of_type(&msgs, "result")[0]["attempts"], 1);
    let msgs = w.json(
        &[
            "resync",
            "run",
            "--settle",
            "0",
            "--library",
            "m",
            "--retries",
            "1",
        ],
        2,
    );
    assert_eq!(of_type(&msgs, "result")[0]["attempts"], 2);
    w.json(&["resync", "queue", "clear", "--all"], 0);

    // A path no library covers cannot be queued; unknown ids and bad flags are errors.
    let outside = w.write("elsewhere/x.mkv", b"x");
    w.json(&["resync", "queue", "add", outside.to_str().unwrap()], 2);
    w.json(&["resync", "queue", "cancel", "999"], 2);
    for args in [
        vec!["resync", "check"],
        vec!["resync", "check", "--source", "/nonexistent"],
        vec!["resync", "run", "--settle", "0", "--backoff", "-1"],
        vec!["resync", "check", "--library", "nope"],
        vec!["resync", "queue", "add", "--priority", "9", "x"],
        vec!["resync", "queue", "--all", "clear", "--done"],
    ] {
        let out = w.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_batch_with_one_failure_still_lands_the_others() {
    // 300 files: two batches (256 + 44), one source removed after check. Every other file
    // lands byte for byte; the failed one leaves nothing behind, nor do the leftovers of
    // earlier runs, and the run exits 2.
    let w = World::new();
    for i in 0..300 {
        w.write(
            &format!("src/TV/Show/Season 01/Show.S01E{i:03}.bin"),
            bytes(1_000 + i * 7, i as u64),
        );
    }
    run_json(&w, &lib_args(&w, &["resync", "check", "--all"]), 0);
    let gone = w.path("src/TV/Show/Season 01/Show.S01E100.bin");
    std::fs::remove_file(&gone).unwrap();
    // Leftovers of earlier runs beside targets of both batches, in the folder the second
    // batch is being copied into while the first is cleaned up: they go, its copies stay.
    for stale in [
        "Show.S01E010.bin.part",
        ".Show.S01E020.bin.plexsync-tmp.999999.0",
        "Show.S01E280.bin.partial",
        ".Show.S01E290.bin.plexsync-tmp.999999.1",
    ] {
        w.write(&format!("local/TV/Show/Season 01/{stale}"), b"stale");
    }
    let msgs = w.json(&["resync", "run", "--settle", "0", "--retries", "0"], 2);
    let results = of_type(&msgs, "result");
    assert_eq!(results.len(), 300);
    let failed: Vec<_> = results.iter().filter(|r| r["status"] == "failed").collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(json_path(&failed[0]["path"]).ends_with("Show.S01E100.bin"));
    let summary = &of_type(&msgs, "summary")[0];
    assert_eq!(summary["done"], 299);
    let local = w.path("local/TV/Show/Season 01");
    let names: Vec<_> = std::fs::read_dir(&local)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 299, "no temporary file is left: {names:?}");
    for i in (0..300).filter(|i| *i != 100) {
        let name = format!("Show.S01E{i:03}.bin");
        assert_eq!(
            std::fs::read(local.join(&name)).unwrap(),
            bytes(1_000 + i * 7, i as u64),
            "{name}"
        );
    }
    // The next run retries only the failed request; a check now finds nothing else.
    let q = w.json(&["resync", "queue"], 0);
    assert_eq!(of_type(&q, "request").len(), 1);
}

#[test]
fn the_source_vanishing_mid_run_fails_cleanly_and_the_next_run_converges() {
    // A share that drops while a copy is under way: the paths vanish. The copy in
    // progress must not land (its source can no longer be confirmed), the rest fail after
    // their retries, nothing is left behind; when the share is back, a run converges.
    let w = World::new();
    for i in 1..=3 {
        w.write(&format!("src/Show/e{i}.bin"), bytes(4 << 20, i));
    }
    run_json(&w, &lib_args(&w, &["resync", "check", "--all"]), 0);
    let child = w
        .std_cmd()
        .args([
            "--json",
            "-j",
            "1",
            "resync",
            "run",
            "--settle",
            "0",
            "--bwlimit",
            "4M",
        ])
        .args(["--retries", "2", "--backoff", "0.05"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let dir = w.path("local/Show");
    let in_progress = wait_for_temp_file(&dir, 0);
    std::fs::rename(w.path("src"), w.path("src.gone")).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(in_progress, "a copy was under way when the source vanished");
    assert_eq!(out.status.code(), Some(2));
    let msgs = json_lines(&out.stdout);
    let results = of_type(&msgs, "result");
    assert_eq!(results.len(), 3);
    for r in &results {
        assert_eq!(r["status"], "failed", "{r}");
        assert_eq!(r["attempts"], 3, "{r}");
    }
    assert!(
        std::fs::read_dir(&dir).unwrap().next().is_none(),
        "nothing landed and no temporary file is left"
    );

    std::fs::rename(w.path("src.gone"), w.path("src")).unwrap();
    let msgs = w.json(&["resync", "run", "--settle", "0"], 0);
    assert_eq!(of_type(&msgs, "summary")[0]["done"], 3);
    assert_eq!(tree(&w.path("local")), tree(&w.path("src")));
}

#[test]
fn the_original_tools_config_yaml_names_libraries() {
    // The old tool's settings, as it wrote them: its enabled sources become libraries whose
    // local root is the destination of their media type; the TOML file wins on a name.
    let w = World::new();
    w.write("src/Movies/A (2001)/A.mkv", b"movie a");
    w.write("src/Movies2/B (2002)/B.mkv", b"movie b");
    w.write("src/TV/S/Season 01/S.S01E01.mkv", b"episode");
    let yaml = format!(
        "active_profile: default\nprofiles:\n  default:\n    destinations:\n      movies: ~/Media/Movies\n      tv: {tv}\n    sources:\n    - {{name: Movies Primary, base_path: {m}, media_type: movie, enabled: true}}\n    - {{name: Movies Secondary, base_path: {m2}, media_type: movie, enabled: false}}\n    - {{name: TV, base_path: {t}, media_type: tv_show}}\n    sync: {{retry_attempts: 3, mode: incremental}}\n",
        tv = w.path("local-tv").display(),
        m = w.path("src/Movies").display(),
        m2 = w.path("src/Movies2").display(),
        t = w.path("src/TV").display(),
    );
    w.write("home/.config/plexsync/config.yaml", &yaml);
    std::fs::create_dir_all(w.path("home/Media/Movies")).unwrap();
    std::fs::create_dir_all(w.path("local-tv")).unwrap();
    for lib in ["Movies Primary", "TV"] {
        w.json(&["resync", "check", "--all", "--library", lib], 0);
    }
    w.json(&["resync", "run", "--settle", "0"], 0);
    assert_eq!(
        std::fs::read(w.path("home/Media/Movies/A (2001)/A.mkv")).unwrap(),
        b"movie a"
    );
    assert_eq!(
        std::fs::read(w.path("local-tv/S/Season 01/S.S01E01.mkv")).unwrap(),
        b"episode"
    );
    // A disabled source is no library.
    w.json(&["resync", "check", "--library", "Movies Secondary"], 2);

    // The TOML file's library of the same name wins.
    w.write(
        "home/.config/plexsync/config.toml",
        format!(
            "[[library]]\nname = \"TV\"\npath = {:?}\nsource = {:?}\n",
            w.path("toml-tv"),
            w.path("src/TV")
        ),
    );
    std::fs::create_dir_all(w.path("toml-tv")).unwrap();
    w.json(&["resync", "check", "--all", "--library", "TV"], 0);
    w.json(&["resync", "run", "--settle", "0"], 0);
    assert!(w.path("toml-tv/S/Season 01/S.S01E01.mkv").is_file());
    // The legacy file given by --config is read alone; a broken one is a clear error.
    let out = w
        .cmd()
        .args([
            "--config",
            w.path("home/.config/plexsync/config.yaml")
                .to_str()
                .unwrap(),
        ])
        .args(["resync", "check", "--library", "TV"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    w.write("home/.config/plexsync/config.yaml", "profiles:\n  a: [1\n");
    let out = w.cmd().args(["status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.yaml: not valid YAML"), "{err}");
}
