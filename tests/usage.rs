//! End-to-end tests of `plexsync usage` that need no media server: recording, scores,
//! reports, recommendations, pruning. Imports are in `usage_import*.rs`.

mod common;
mod usage_common;

use std::path::{Path, PathBuf};

use common::{json_path, of_type, summary, World};
use serde_json::Value;
use usage_common::*;

#[test]
fn record_show_and_report() {
    let w = World::new();
    let a = w.write("media/Movies/Heat (1995)/Heat.1995.mkv", b"heat");
    let b = w.write("media/Movies/Alien (1979)/Alien.1979.mkv", b"alien");
    run(&w, &["scan", s(&w.path("media"))], 0);
    let at = (now() - 2 * DAY).to_string();
    let msgs = run(
        &w,
        &[
            "usage",
            "record",
            s(&a),
            "--at",
            &at,
            "--meta",
            r#"{"player":"mpv"}"#,
            "--user",
            "ann",
        ],
        0,
    );
    assert_eq!(summary(&msgs)["recorded"], 1);
    run(&w, &["usage", "record", s(&a)], 0);
    run(&w, &["usage", "record", s(&a), "--type", "synced"], 0);

    let (events, sum) = show(&w, &a);
    assert_eq!(sum["plays"], 2);
    assert_eq!(sum["events"], 3);
    assert_eq!(sum["users"], 1);
    let score = sum["score"].as_f64().unwrap();
    // Two views and a sync, nearly fresh: 2.5 decayed → about 82 on the 0–100 scale.
    assert!((80.0..85.0).contains(&score), "{score}");
    assert_eq!(sum["category"], "very_high");
    let access = of_type(&events, "access");
    assert_eq!(access.len(), 3);
    let oldest = access.last().unwrap();
    assert_eq!(oldest["metadata"]["player"], "mpv");
    assert_eq!(oldest["metadata"]["user"], "ann");
    assert!(oldest["timestamp"].as_str().unwrap().ends_with('Z'));

    let msgs = run(&w, &["usage", "report", "--limit", "5"], 0);
    let totals = summary(&msgs);
    assert_eq!(totals["files"], 2);
    assert_eq!(totals["watched"]["files"], 1);
    assert_eq!(totals["never_watched"]["files"], 1);
    assert_eq!(totals["by_category"]["very_high"]["files"], 1);
    let top: Vec<_> = of_type(&msgs, "usage_file")
        .into_iter()
        .filter(|f| f["rank"] == "top")
        .collect();
    assert_eq!(top.len(), 1);
    assert_eq!(json_path(&top[0]["path"]), a);
    let bottom: Vec<_> = of_type(&msgs, "usage_file")
        .into_iter()
        .filter(|f| f["rank"] == "bottom")
        .collect();
    assert_eq!(json_path(&bottom[0]["path"]), b);

    // A longer half-life decays less; --since drops the older view.
    let (_, long) = {
        let m = run(&w, &["usage", "show", s(&a), "--half-life", "3650"], 0);
        (m.clone(), summary(&m).clone())
    };
    assert!(long["decayed"].as_f64().unwrap() > sum["decayed"].as_f64().unwrap());
    let recent = run(&w, &["usage", "report", "--since", "1d"], 0);
    assert_eq!(summary(&recent)["plays"], 1);
}

#[test]
fn record_rejects_bad_input_but_records_the_rest() {
    let w = World::new();
    let a = w.write("m/a.mkv", b"a");
    run(&w, &["usage", "record", s(&a), "--meta", "[1]"], 2);
    run(&w, &["usage", "record", s(&a), "--at", "someday"], 2);
    let msgs = run(
        &w,
        &["usage", "record", s(&a), s(&w.path("m/missing.mkv"))],
        2,
    );
    assert_eq!(summary(&msgs)["recorded"], 1);
    // Non-UTF-8 names are kept byte for byte.
    use std::os::unix::ffi::OsStrExt;
    let odd = w
        .path("m")
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9.mkv"));
    std::fs::write(&odd, b"x").unwrap();
    let out = w
        .cmd()
        .args(["--json", "usage", "record", "--type", "accessed"])
        .arg(&odd)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let msgs = common::json_lines(&out.stdout);
    let rec = of_type(&msgs, "recorded");
    assert!(rec[0]["path"]["bytes"].is_string());
    assert_eq!(json_path(&rec[0]["path"]), odd);
    let out = w
        .cmd()
        .args(["--json", "usage", "show"])
        .arg(&odd)
        .output()
        .unwrap();
    let msgs = common::json_lines(&out.stdout);
    assert_eq!(summary(&msgs)["events"], 1);
}

#[test]
fn recommend_rules_rollups_prune_reset_export() {
    let w = World::new();
    let n = now();
    let mut eps = Vec::new();
    for e in 1..=3 {
        let p = w.write(
            &format!("tv/Show/Season 1/Show.S01E0{e}.mkv"),
            vec![0u8; 1000],
        );
        set_age(&p, 400);
        eps.push(p);
    }
    let new = w.write("movies/New.mkv", vec![0u8; 10]);
    let old = w.write("movies/Old.mkv", vec![0u8; 20]);
    set_age(&old, 900);
    let fav = w.write("movies/Fav.mkv", vec![0u8; 30]);
    set_age(&fav, 900);
    let rare = w.write("movies/Rare.mkv", vec![0u8; 40]);
    set_age(&rare, 900);
    for (p, days) in [(&old, 500), (&rare, 200)] {
        run(
            &w,
            &[
                "usage",
                "record",
                s(p),
                "--at",
                &(n - days * DAY).to_string(),
            ],
            0,
        );
    }
    for _ in 0..4 {
        run(&w, &["usage", "record", s(&fav)], 0);
    }
    // Unscanned paths count: nothing was scanned here.
    let msgs = run(
        &w,
        &["usage", "recommend", s(&w.path("tv")), s(&w.path("movies"))],
        0,
    );
    let recs = of_type(&msgs, "recommendation");
    let kind = |p: &Path| {
        recs.iter()
            .find(|r| json_path(&r["path"]) == p)
            .map(|r| r["kind"].as_str().unwrap().to_string())
    };
    for e in &eps {
        assert_eq!(kind(e).as_deref(), Some("cleanup_never_accessed"));
    }
    assert_eq!(kind(&new), None, "younger than 30 days");
    assert_eq!(kind(&old).as_deref(), Some("archive_old"));
    assert_eq!(kind(&rare).as_deref(), Some("archive_rarely_used"));
    assert_eq!(kind(&fav).as_deref(), Some("keep_popular"));
    let rollups = of_type(&msgs, "rollup");
    assert_eq!(rollups.len(), 1);
    assert_eq!(json_path(&rollups[0]["folder"]), w.path("tv/Show/Season 1"));
    assert_eq!(rollups[0]["bytes"], 3000);
    let sum = summary(&msgs);
    assert_eq!(sum["kinds"]["cleanup_never_accessed"]["bytes"], 3000);
    assert_eq!(sum["bytes_freed"], 3000 + 20 + 40);
    assert_eq!(sum["too_new"], 1, "New.mkv");
    let text = human(&w, &["usage", "recommend", s(&w.path("movies"))]);
    assert!(
        text.contains("1 file never watched but younger than 30 days (--min-age) left out"),
        "{text}"
    );
    // Episodes kept flat in their show folder roll up by the season their names give.
    for e in 1..=2 {
        let p = w.write(&format!("flat/Flat/Flat.S02E0{e}.mkv"), vec![0u8; 500]);
        set_age(&p, 400);
    }
    let msgs = run(&w, &["usage", "recommend", s(&w.path("flat"))], 0);
    let rollups = of_type(&msgs, "rollup");
    assert_eq!(rollups.len(), 1);
    assert_eq!(json_path(&rollups[0]["folder"]), w.path("flat/Flat"));
    assert_eq!(rollups[0]["season_number"], 2);
    let text = human(&w, &["usage", "recommend", s(&w.path("flat"))]);
    assert!(
        text.contains("/flat/Flat/ (season 2 kept flat: all 2 episodes)"),
        "{text}"
    );
    for r in &recs {
        let c = r["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }

    // Pruning old events keeps scores; only the raw rows go.
    let before = show(&w, &old).1;
    let msgs = run(&w, &["usage", "prune", "--older-than", "365"], 0);
    assert_eq!(summary(&msgs)["pruned"], 1);
    let (events, after) = show(&w, &old);
    assert!(of_type(&events, "access").is_empty());
    assert_eq!(after["plays"], before["plays"]);
    let (b, a) = (
        before["decayed"].as_f64().unwrap(),
        after["decayed"].as_f64().unwrap(),
    );
    assert!(a <= b && (b - a) / b < 1e-3, "{b} {a}");

    // Export writes one JSON document.
    let out = w.path("report.json");
    run(&w, &["usage", "export", "--out", s(&out)], 0);
    let doc: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert!(doc["totals"]["files"].as_u64().unwrap() >= 1);
    assert!(doc["recommendations"]["items"].is_array());

    // Reset needs --yes without a terminal.
    run(&w, &["usage", "reset"], 2);
    let msgs = run(&w, &["usage", "reset", "--yes"], 0);
    assert!(summary(&msgs)["deleted"].as_u64().unwrap() >= 5);
    assert_eq!(show(&w, &fav).1["plays"], 0);
}

#[test]
fn history_follows_a_catalog_rename() {
    let w = World::new();
    let a = w.write("m/a.mkv", b"a");
    run(&w, &["scan", s(&w.path("m"))], 0);
    run(&w, &["usage", "record", s(&a)], 0);
    let to: PathBuf = w.path("m/b.mkv");
    std::fs::rename(&a, &to).unwrap();
    let mut cat = plexsync::catalog::Catalog::open(&w.catalog()).unwrap();
    cat.rename_path(&a, &to).unwrap();
    drop(cat);
    assert_eq!(show(&w, &to).1["plays"], 1);
    assert_eq!(show(&w, &a).1["plays"], 0);
}
