//! From server paths to local files: a forgotten `--map` keeps its plays for the next
//! import (and says so), Windows and SMB paths match in any case, names match in either
//! Unicode form, and Kodi's multi-part `stack://` entries count for each part.

mod common;
mod usage_common;

use common::{of_type, summary, World};
use usage_common::*;

#[test]
fn a_run_that_matched_nothing_keeps_its_plays_for_the_next_one() {
    let w = World::new();
    let db = w.path("plex.db");
    plex_db(&db);
    let t = now() - 5 * DAY;
    for i in 1..=13 {
        w.write(&format!("Media/Movies/M{i}.mkv"), b"m");
        let guid = format!("plex://movie/{i}");
        plex_item(
            &db,
            i,
            &guid,
            "M",
            &format!("/data/Movies/M{i}.mkv"),
            t - DAY,
            false,
        );
        plex_view(&db, 1, &guid, rusqlite::types::Value::Integer(t + i));
    }
    // --map forgotten: nothing matches; a warning says the plays are kept, and
    // --exit-code says something needs attention.
    let (text, err) = human_code(&w, &["usage", "import", "plex", "--db", s(&db)], 0);
    assert!(
        text.contains("plex: 13 plays read, 0 matched to local files, 13 unmatched"),
        "{text}"
    );
    assert!(
        err.contains("plexsync: warning: plex: no play matched a local file (13 read; is a --map FROM=TO missing?")
            && err.contains("the next import reads them again"),
        "{err}"
    );
    let msgs = imp(&w, &["plex", "--db", s(&db), "--exit-code"], 1);
    assert_eq!(summary(&msgs)["watermark_held"], true);
    // The next correct run finds all of them.
    let map = format!("/data={}", s(&w.path("Media")));
    let msgs = imp(
        &w,
        &["plex", "--db", s(&db), "--map", &map, "--exit-code"],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(
        (sum["plays"].as_u64(), sum["imported"].as_u64()),
        (Some(13), Some(13)),
        "{sum}"
    );
    assert_eq!(sum["watermark_held"], false);
    let again = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&again)["plays"], 0);
}

#[test]
fn windows_and_smb_server_paths_match_in_any_case() {
    let w = World::new();
    let heat = w.write("Media/Movies/Heat (1995)/Heat.1995.mkv", b"heat");
    let db = w.path("plex.db");
    plex_db(&db);
    let t = now() - DAY;
    // A Plex server on Windows wrote the folder in another case than the map and the disk.
    plex_item(
        &db,
        1,
        "plex://movie/heat",
        "Heat",
        "D:\\MEDIA\\movies\\heat (1995)\\HEAT.1995.MKV",
        t,
        false,
    );
    plex_view(
        &db,
        1,
        "plex://movie/heat",
        rusqlite::types::Value::Integer(t),
    );
    let map = format!("d:\\media={}", s(&w.path("Media")));
    let msgs = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&msgs)["matched"], 1, "{}", summary(&msgs));
    assert_eq!(show(&w, &heat).1["plays"], 1);

    // Kodi reading an SMB share names the host and share in upper case.
    let kodi = w.path("MyVideos131.db");
    schema(&kodi, "kodi");
    sql(
        &kodi,
        "INSERT INTO path (idPath, strPath) VALUES (1, 'smb://NAS/Media/Movies/Heat (1995)/');
         INSERT INTO files VALUES (1, 1, 'Heat.1995.mkv', 1, '2024-05-01 15:15:00', NULL);",
    );
    let map = format!("smb://nas/media={}", s(&w.path("Media")));
    let msgs = imp(&w, &["kodi", "--db", s(&kodi), "--map", &map], 0);
    assert_eq!(summary(&msgs)["matched"], 1, "{}", summary(&msgs));

    // A Linux server's paths stay case-sensitive.
    let linux = w.path("linux.db");
    plex_db(&linux);
    plex_item(
        &linux,
        1,
        "plex://movie/heat",
        "Heat",
        "/data/movies/heat (1995)/Heat.1995.mkv",
        t,
        false,
    );
    plex_view(
        &linux,
        1,
        "plex://movie/heat",
        rusqlite::types::Value::Integer(t),
    );
    let map = format!("/data={}", s(&w.path("Media")));
    let msgs = imp(&w, &["plex", "--db", s(&linux), "--map", &map], 0);
    assert_eq!(summary(&msgs)["unmatched"], 1);
}

#[test]
fn names_match_in_either_unicode_form() {
    let w = World::new();
    // Composed (NFC) here; a macOS server wrote it decomposed (NFD), folder and file.
    let film = w.write("Media/Am\u{e9}lie (2001)/Am\u{e9}lie.mkv", b"a");
    let db = w.path("plex.db");
    plex_db(&db);
    let t = now() - DAY;
    plex_item(
        &db,
        1,
        "plex://movie/a",
        "Amelie",
        "/Volumes/Media/Ame\u{301}lie (2001)/Ame\u{301}lie.mkv",
        t,
        false,
    );
    plex_view(&db, 1, "plex://movie/a", rusqlite::types::Value::Integer(t));
    let map = format!("/Volumes/Media={}", s(&w.path("Media")));
    let msgs = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&msgs)["matched"], 1, "{}", summary(&msgs));
    assert_eq!(show(&w, &film).1["plays"], 1);
}

#[test]
fn kodi_stacks_count_for_each_part() {
    let w = World::new();
    let cd1 = w.write("Media/Movies/Film/Film, The-cd1.avi", b"1");
    let cd2 = w.write("Media/Movies/Film/Film, The-cd2.avi", b"2");
    let db = w.path("MyVideos131.db");
    schema(&db, "kodi");
    // As CVideoDatabase stores a stack: the whole stack:// entry is the file name, commas
    // in a part doubled.
    sql(
        &db,
        "INSERT INTO path (idPath, strPath) VALUES (1, 'smb://nas/media/Movies/Film/');
         INSERT INTO files VALUES (1, 1, 'stack://smb://nas/media/Movies/Film/Film,, The-cd1.avi , smb://nas/media/Movies/Film/Film,, The-cd2.avi', 1, '2024-05-01 15:15:00', NULL);",
    );
    let map = format!("smb://nas/media={}", s(&w.path("Media")));
    let msgs = imp(
        &w,
        &["kodi", "--db", s(&db), "--map", &map, "--show-unmatched"],
        0,
    );
    assert!(of_type(&msgs, "unmatched").is_empty(), "{msgs:?}");
    assert_eq!(summary(&msgs)["matched"], 2);
    assert_eq!(show(&w, &cd1).1["plays"], 1);
    assert_eq!(show(&w, &cd2).1["plays"], 1);
}
