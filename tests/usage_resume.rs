//! Plays that stopped before the end, as each server keeps them (Plex's resume position,
//! Jellyfin's `PlaybackPositionTicks`, Kodi's resume bookmark): the file is in progress,
//! counts as watched, and is never recommended for cleanup. Views of items the server
//! has since deleted still count.

mod common;
mod usage_common;

use std::path::Path;

use common::{json_path, of_type, summary, World};
use usage_common::*;

fn kinds_of(w: &World, p: &Path) -> Vec<String> {
    let msgs = run(w, &["usage", "recommend", "--recent", "0"], 0);
    of_type(&msgs, "recommendation")
        .iter()
        .filter(|r| json_path(&r["path"]) == p)
        .map(|r| r["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn plex_half_watched_film_is_in_progress_and_never_recommended() {
    let w = World::new();
    let heat = w.write("Media/Movies/Heat (1995)/Heat.1995.mkv", vec![0u8; 500]);
    let alien = w.write("Media/Movies/Alien (1979)/Alien.1979.mkv", vec![0u8; 500]);
    set_age(&heat, 400);
    set_age(&alien, 400);
    run(&w, &["scan", s(&w.path("Media"))], 0);
    let db = w.path("plex.db");
    plex_db(&db);
    let old = now() - 500 * DAY;
    plex_item(
        &db,
        1,
        "plex://movie/heat",
        "Heat",
        "/data/Movies/Heat (1995)/Heat.1995.mkv",
        old,
        false,
    );
    plex_item(
        &db,
        2,
        "plex://movie/alien",
        "Alien",
        "/data/Movies/Alien (1979)/Alien.1979.mkv",
        old,
        false,
    );
    // Stopped at 60 of 100 minutes, 45 days ago: only a resume position, no view.
    plex_resume(&db, 1, "plex://movie/heat", 3_600_000, now() - 45 * DAY);
    let map = format!("/data={}", s(&w.path("Media")));
    let msgs = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&msgs)["imported"], 1, "{}", summary(&msgs));
    let (events, sh) = show(&w, &heat);
    assert_eq!(
        (sh["plays"].as_u64(), sh["in_progress"].as_bool()),
        (Some(1), Some(true))
    );
    let e = of_type(&events, "access")[0];
    assert_eq!(
        (
            e["metadata"]["position_secs"].as_i64(),
            e["metadata"]["duration_secs"].as_i64()
        ),
        (Some(3600), Some(6000))
    );
    assert_eq!(e["user"], "ann");

    // Past the 30-day window and even at --recent 0, a film in progress is left alone.
    assert!(kinds_of(&w, &heat).is_empty());
    assert_eq!(kinds_of(&w, &alien), vec!["cleanup_never_accessed"]);
    let msgs = run(&w, &["usage", "recommend", "--recent", "0"], 0);
    assert_eq!(summary(&msgs)["protected"], 1);
    let text = human(&w, &["usage", "report"]);
    assert!(
        text.contains("1 watched") && text.contains("1 in progress"),
        "{text}"
    );

    // Read once: the next import reads nothing new.
    let again = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&again)["plays"], 0);
    // Finished later: Plex logs a view and clears the position; no longer in progress.
    plex_view(
        &db,
        1,
        "plex://movie/heat",
        rusqlite::types::Value::Integer(now() - 40 * DAY),
    );
    sql(
        &db,
        "UPDATE metadata_item_settings SET view_offset = 0, view_count = 1",
    );
    // Plex's history shows one play, so does plexsync: the resume event becomes the view.
    let msgs = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(
        (
            summary(&msgs)["imported"].as_u64(),
            summary(&msgs)["continued"].as_u64()
        ),
        (Some(0), Some(1)),
        "{}",
        summary(&msgs)
    );
    let (events, sh) = show(&w, &heat);
    assert_eq!(
        (sh["plays"].as_u64(), sh["in_progress"].as_bool()),
        (Some(1), Some(false)),
        "{sh}"
    );
    let e = of_type(&events, "access")[0];
    assert_eq!(e["metadata"]["resume"], serde_json::Value::Null, "{e}");
    // Read again (and in full): still one play.
    imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    imp(&w, &["plex", "--db", s(&db), "--map", &map, "--full"], 0);
    assert_eq!(show(&w, &heat).1["plays"], 1);
    // A rewatch later is a second play.
    plex_view(
        &db,
        1,
        "plex://movie/heat",
        rusqlite::types::Value::Integer(now() - 10 * DAY),
    );
    imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(show(&w, &heat).1["plays"], 2);
}

#[test]
fn plex_views_of_deleted_items_still_count() {
    let w = World::new();
    let heat = w.write("Media/Movies/Heat (1995)/Heat.1995.1080p.mkv", b"heat");
    let wire = w.write("Media/TV/The Wire/Season 02/The.Wire.S02E03.mkv", b"wire");
    run(&w, &["scan", s(&w.path("Media"))], 0);
    let db = w.path("plex.db");
    plex_db(&db);
    let t = now() - 3 * DAY;
    // The items were removed from the library (trash emptied); the views remain, with the
    // titles Plex copied into them.
    sql(
        &db,
        &format!(
            "INSERT INTO metadata_item_views (account_id, guid, metadata_type, library_section_id, title, viewed_at, originally_available_at)
               VALUES (1, 'plex://movie/heat', 1, 1, 'Heat', {t}, 819936000);
             INSERT INTO metadata_item_views (account_id, guid, metadata_type, library_section_id, grandparent_title, parent_index, \"index\", title, viewed_at)
               VALUES (2, 'plex://episode/x', 4, 2, 'The Wire', 2, 3, 'Collateral Damage', {t});
             INSERT INTO metadata_item_views (account_id, guid, metadata_type, library_section_id, viewed_at)
               VALUES (1, 'plex://track/y', 10, 3, {t});"
        ),
    );
    let msgs = imp(&w, &["plex", "--db", s(&db), "--show-unmatched"], 0);
    let sum = summary(&msgs);
    assert_eq!(
        (sum["matched"].as_u64(), sum["skipped"].as_u64()),
        (Some(2), Some(1)),
        "{sum}"
    );
    assert_eq!(sum["skipped_by"]["no file and no title"], 1);
    assert_eq!(show(&w, &heat).1["plays"], 1);
    assert_eq!(show(&w, &wire).1["plays"], 1);
    assert!(kinds_of(&w, &heat).is_empty());
}

#[test]
fn jellyfin_resume_positions_mark_files_in_progress() {
    let w = World::new();
    let film = w.write("Media/Film.mkv", b"film");
    let again = w.write("Media/Again.mkv", b"again");
    set_age(&film, 400);
    set_age(&again, 400);
    let core = w.path("jellyfin.db");
    schema(&core, "jellyfin-10.11");
    jellyfin_user(&core, "6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D", "carol", 1);
    let played = |days: i64| {
        jiff::Timestamp::from_second(now() - days * DAY)
            .unwrap()
            .strftime("%Y-%m-%d %H:%M:%S.0000000")
            .to_string()
    };
    sql(
        &core,
        &format!(
            "INSERT INTO BaseItems (Id, Type, Path, IsMovie, IsLocked, IsSeries, IsRepeat, IsInMixedFolder, IsFolder, IsVirtualItem, RunTimeTicks)
               VALUES ('A1B2C3D4-0000-4000-8000-000000000001', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Film.mkv', 1, 0, 0, 0, 0, 0, 0, 72000000000),
                      ('A1B2C3D4-0000-4000-8000-000000000002', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Again.mkv', 1, 0, 0, 0, 0, 0, 0, 72000000000);
             -- Half-watched; and a film marked played, rewatched and stopped at 10 minutes.
             INSERT INTO UserData (ItemId, UserId, CustomDataKey, PlaybackPositionTicks, PlayCount, IsFavorite, LastPlayedDate, Played)
               VALUES ('A1B2C3D4-0000-4000-8000-000000000001', '6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D', 'k1', 36000000000, 0, 0, '{}', 0),
                      ('A1B2C3D4-0000-4000-8000-000000000002', '6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D', 'k2', 6000000000, 1, 0, '{}', 1);",
            played(60),
            played(50)
        ),
    );
    let map = format!("/srv={}", s(&w.path("Media")));
    imp(&w, &["jellyfin", "--db", s(&core), "--map", &map], 0);
    for f in [&film, &again] {
        assert_eq!(show(&w, f).1["in_progress"], true, "{}", f.display());
        assert!(kinds_of(&w, f).is_empty());
    }
    // The half-watched film is finished later: Jellyfin clears the position and marks it
    // played. One play, as Jellyfin shows it, no longer in progress.
    sql(
        &core,
        &format!(
            "UPDATE UserData SET PlaybackPositionTicks = 0, PlayCount = 1, Played = 1,
               LastPlayedDate = '{}' WHERE CustomDataKey = 'k1'",
            played(40)
        ),
    );
    imp(&w, &["jellyfin", "--db", s(&core), "--map", &map], 0);
    let sh = show(&w, &film).1;
    assert_eq!(
        (sh["plays"].as_u64(), sh["in_progress"].as_bool()),
        (Some(1), Some(false)),
        "{sh}"
    );
}

#[test]
fn kodi_resume_bookmark_protects_a_file() {
    let w = World::new();
    let a = w.write("Media/A.mkv", b"a");
    set_age(&a, 400);
    let db = w.path("MyVideos131.db");
    schema(&db, "kodi");
    let played = jiff::Timestamp::from_second(now() - 90 * DAY)
        .unwrap()
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string();
    sql(
        &db,
        &format!(
            "INSERT INTO path (idPath, strPath) VALUES (1, 'smb://nas/media/');
             INSERT INTO files VALUES (1, 1, 'A.mkv', NULL, '{played}', '2023-01-01 10:00:00');
             INSERT INTO bookmark VALUES (1, 1, 1200.0, 6000.0, NULL, 'VideoPlayer', NULL, 1);"
        ),
    );
    let map = format!("smb://nas/media={}", s(&w.path("Media")));
    imp(&w, &["kodi", "--db", s(&db), "--map", &map], 0);
    assert_eq!(show(&w, &a).1["in_progress"], true);
    assert!(kinds_of(&w, &a).is_empty());
    // Finished a week later: Kodi drops the bookmark and counts the play. One play.
    let later = jiff::Timestamp::from_second(now() - 83 * DAY)
        .unwrap()
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string();
    sql(
        &db,
        &format!("DELETE FROM bookmark; UPDATE files SET playCount = 1, lastPlayed = '{later}';"),
    );
    imp(&w, &["kodi", "--db", s(&db), "--map", &map], 0);
    let sh = show(&w, &a).1;
    assert_eq!(
        (sh["plays"].as_u64(), sh["in_progress"].as_bool()),
        (Some(1), Some(false)),
        "{sh}"
    );
}

/// Jellyfin forgets a deleted item's path, but the Playback Reporting plugin keeps the name
/// it played under: a recent play of it still counts for the local copy.
#[test]
fn jellyfin_plays_of_deleted_items_still_count() {
    let w = World::new();
    let wire = w.write("Media/TV/The Wire/Season 02/The.Wire.S02E03.mkv", b"wire");
    let heat = w.write("Media/Movies/Heat (1995)/Heat.1995.mkv", b"heat");
    let other = w.write("Media/Movies/Ronin (1998)/Ronin.1998.mkv", b"ronin");
    for f in [&wire, &heat, &other] {
        set_age(f, 400);
    }
    run(&w, &["scan", s(&w.path("Media"))], 0);
    let core = w.path("jellyfin.db");
    schema(&core, "jellyfin-10.11");
    // One item still in the library, so the ids can be read; the two played are gone.
    sql(
        &core,
        "INSERT INTO BaseItems (Id, Type, Path, IsMovie, IsLocked, IsSeries, IsRepeat, IsInMixedFolder, IsFolder, IsVirtualItem, RunTimeTicks)
           VALUES ('A1B2C3D4-0000-4000-8000-000000000003', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Movies/Ronin (1998)/Ronin.1998.mkv', 1, 0, 0, 0, 0, 0, 0, 72000000000);",
    );
    let pr = w.path("playback_reporting.db");
    schema(&pr, "playback_reporting");
    let at = |days: i64| {
        jiff::Timestamp::from_second(now() - days * DAY)
            .unwrap()
            .strftime("%Y-%m-%d %H:%M:%S.0000000")
            .to_string()
    };
    sql(
        &pr,
        &format!(
            "INSERT INTO PlaybackActivity VALUES ('{}', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'ffffffff000040008000000000000001', 'Episode', 'The Wire - s02e03 - Collateral Damage', 'DirectPlay', 'Jellyfin Web', 'Firefox', 3000);
             INSERT INTO PlaybackActivity VALUES ('{}', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'ffffffff000040008000000000000002', 'Movie', 'Heat', 'DirectPlay', 'Jellyfin Web', 'Firefox', 9000);
             INSERT INTO PlaybackActivity VALUES ('{}', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'ffffffff000040008000000000000004', 'Movie', 'A Film Nobody Has', 'DirectPlay', 'Jellyfin Web', 'Firefox', 9000);",
            at(3),
            at(4),
            at(5)
        ),
    );
    let map = format!("/srv={}", s(&w.path("Media")));
    let msgs = imp(
        &w,
        &["jellyfin", "--db", s(&core), "--db", s(&pr), "--map", &map],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(
        (sum["matched"].as_u64(), sum["unmatched"].as_u64()),
        (Some(2), Some(1)),
        "{sum}"
    );
    assert_eq!(show(&w, &wire).1["plays"], 1);
    assert_eq!(show(&w, &heat).1["plays"], 1);
    assert!(
        kinds_of(&w, &heat).is_empty(),
        "watched recently: not proposed"
    );
    assert_eq!(show(&w, &other).1["plays"], 0);
}
