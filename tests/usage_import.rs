//! End-to-end tests of `plexsync usage import` from each source, on databases built from
//! the DDL the servers create (`tests/data/usage/`): mapping, matching, idempotence,
//! cross-source dedup, users, times, live databases.

mod common;
mod usage_common;

use common::{json_path, of_type, summary, World};
use rusqlite::Connection;
use usage_common::*;

#[test]
fn plex_import_maps_matches_and_is_idempotent() {
    let w = World::new();
    let heat = w.write("home/Media/Movies/Heat.mkv", b"heat");
    let alien = w.write("home/Media/Movies/Alien.mkv", b"alien");
    // Plex marked this item deleted (its file vanished on the server); the local copy is
    // still here and was watched.
    let gone = w.write("home/Media/Movies/Gone.mkv", b"gone");
    let db = w.path("plex/com.plexapp.plugins.library.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    plex_db(&db);
    let t = now() - 10 * DAY;
    plex_item(
        &db,
        1,
        "plex://movie/heat",
        "Heat",
        "/data/media/Movies/Heat.mkv",
        t - 100 * DAY,
        false,
    );
    plex_item(
        &db,
        2,
        "plex://movie/alien",
        "Alien",
        "/data/media/Movies/Alien.mkv",
        t - 200 * DAY,
        false,
    );
    plex_item(
        &db,
        3,
        "plex://movie/gone",
        "Gone",
        "/data/media/Movies/Gone.mkv",
        t,
        true,
    );
    plex_item(
        &db,
        4,
        "plex://movie/far",
        "Far",
        "/elsewhere/Far.mkv",
        t,
        false,
    );
    plex_view(
        &db,
        1,
        "plex://movie/heat",
        rusqlite::types::Value::Integer(t),
    );
    // Servers before 1.26.2 wrote text dates.
    plex_view(
        &db,
        2,
        "plex://movie/heat",
        rusqlite::types::Value::Text("2024-05-01 20:15:00".into()),
    );
    plex_view(
        &db,
        1,
        "plex://movie/gone",
        rusqlite::types::Value::Integer(t),
    );
    plex_view(
        &db,
        1,
        "plex://movie/far",
        rusqlite::types::Value::Integer(t),
    );
    let before = std::fs::read(&db).unwrap();

    let map = format!("/data/media={}", s(&w.path("home/Media")));
    let msgs = imp(
        &w,
        &["plex", "--db", s(&db), "--map", &map, "--show-unmatched"],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(sum["plays"], 4, "{sum}");
    assert_eq!(sum["matched"], 3);
    assert_eq!(sum["unmatched"], 1);
    assert_eq!(sum["imported"], 3);
    assert_eq!(sum["watermark_held"], true);
    assert_eq!(show(&w, &gone).1["plays"], 1);
    let un = of_type(&msgs, "unmatched");
    assert_eq!(un.len(), 1);
    assert_eq!(un[0]["server_path"], "/elsewhere/Far.mkv");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the server's database is never written"
    );

    let (events, sum) = show(&w, &heat);
    assert_eq!(sum["plays"], 2);
    assert_eq!(sum["users"], 2);
    let stamps: Vec<&str> = of_type(&events, "access")
        .iter()
        .map(|e| e["timestamp"].as_str().unwrap())
        .collect();
    assert!(stamps.contains(&"2024-05-01T20:15:00Z"), "{stamps:?}");

    // Again: the watermark skips what matched, and stopped before the unmatched view
    // (the last one), which is read again; --full rereads all and the keys dedup.
    let again = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(
        (
            summary(&again)["plays"].as_u64(),
            summary(&again)["unmatched"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let full = imp(&w, &["plex", "--db", s(&db), "--map", &map, "--full"], 0);
    assert_eq!(summary(&full)["imported"], 0);
    assert_eq!(summary(&full)["duplicates"], 3);
    let (_, sum) = show(&w, &heat);
    assert_eq!(sum["plays"], 2);

    // A new view is picked up; a dry run counts it without writing.
    plex_view(
        &db,
        1,
        "plex://movie/alien",
        rusqlite::types::Value::Integer(t + 60),
    );
    let dry = imp(&w, &["plex", "--db", s(&db), "--map", &map, "-n"], 0);
    assert_eq!(summary(&dry)["imported"], 1);
    assert_eq!(show(&w, &alien).1["plays"], 0);
    let real = imp(&w, &["plex", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&real)["imported"], 1);
    assert_eq!(show(&w, &alien).1["plays"], 1);

    // Not a Plex database: one clear error.
    let junk = w.write(
        "junk.db",
        b"not sqlite at all, not even close........................",
    );
    let out = w
        .cmd()
        .args(["usage", "import", "plex", "--db", s(&junk)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("plexsync:") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn tautulli_through_plex_and_cross_source_dedup() {
    let w = World::new();
    let heat = w.write("Media/Heat.mkv", b"heat");
    let plex = w.path("plex.db");
    plex_db(&plex);
    let t = now() - 5 * DAY;
    plex_item(
        &plex,
        7,
        "plex://movie/heat",
        "Heat",
        "/data/Heat.mkv",
        t - 50 * DAY,
        false,
    );
    plex_view(
        &plex,
        1,
        "plex://movie/heat",
        rusqlite::types::Value::Integer(t),
    );
    let taut = w.path("tautulli.db");
    schema(&taut, "tautulli");
    let c = Connection::open(&taut).unwrap();
    // 1: the same play Plex logged (stopped a few minutes after Plex marked it watched).
    // 2: a later partial play (20 of 100 minutes). 3: an item Plex no longer has.
    for (id, stopped, key, offset) in [
        (1, t + 300, 7, 5_900_000),
        (2, t + 3 * DAY, 7, 1_200_000),
        (3, t, 99, 0),
    ] {
        c.execute(
            "INSERT INTO session_history (id, started, stopped, rating_key, user_id, user, media_type, view_offset)
             VALUES (?1, ?2, ?3, ?4, 1, 'ann', 'movie', ?5)",
            rusqlite::params![id, stopped - 6000, stopped, key, offset],
        )
        .unwrap();
        c.execute(
            "INSERT INTO session_history_metadata (id, rating_key, title, full_title, media_type, year, duration)
             VALUES (?1, ?2, 'Heat', 'Heat', 'movie', 1995, 6000000)",
            rusqlite::params![id, key],
        )
        .unwrap();
    }
    drop(c);
    let map = format!("/data={}", s(&w.path("Media")));
    imp(&w, &["plex", "--db", s(&plex), "--map", &map], 0);
    let msgs = imp(
        &w,
        &[
            "tautulli",
            "--db",
            s(&taut),
            "--plex-db",
            s(&plex),
            "--map",
            &map,
        ],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(
        (sum["plays"].as_u64(), sum["matched"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(sum["imported"], 1);
    assert_eq!(sum["duplicates"], 1);
    assert_eq!(sum["unmatched"], 1);
    let (_, sh) = show(&w, &heat);
    assert_eq!(sh["plays"], 2);
    assert_eq!(sh["in_progress"], true);
    // In progress: never recommended for removal, even at --recent 0.
    let rec = run(&w, &["usage", "recommend", "--recent", "0"], 0);
    assert!(of_type(&rec, "recommendation")
        .iter()
        .all(|r| json_path(&r["path"]) != heat || r["kind"] == "keep_popular"));
}

#[test]
fn tautulli_by_parsed_names_without_plex() {
    let w = World::new();
    let heat = w.write(
        "Media/Movies/Heat (1995)/Heat.1995.1080p.BluRay.x264.mkv",
        b"heat",
    );
    let wire = w.write(
        "Media/TV/The Wire/Season 02/The.Wire.S02E03.720p.mkv",
        b"wire",
    );
    run(&w, &["scan", s(&w.path("Media"))], 0);
    let taut = w.path("tautulli.db");
    schema(&taut, "tautulli");
    let t = now() - DAY;
    let c = Connection::open(&taut).unwrap();
    for (id, ty, title, show, season, ep, year) in [
        (1, "movie", "Heat", None, None, None, Some(1995)),
        (
            2,
            "episode",
            "Collateral Damage",
            Some("The Wire"),
            Some(2),
            Some(3),
            Some(2003),
        ),
        (3, "movie", "Nowhere", None, None, None, Some(2001)),
    ] {
        c.execute(
            "INSERT INTO session_history (id, started, stopped, rating_key, user, media_type) VALUES (?1, ?2, ?3, ?4, 'ann', ?5)",
            rusqlite::params![id, t - 3000, t, 100 + id, ty],
        )
        .unwrap();
        c.execute(
            "INSERT INTO session_history_metadata (id, rating_key, title, grandparent_title, parent_media_index, media_index, media_type, year)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![id, 100 + id, title, show, season, ep, ty, year],
        )
        .unwrap();
    }
    drop(c);
    let msgs = imp(&w, &["tautulli", "--db", s(&taut), "--show-unmatched"], 0);
    let sum = summary(&msgs);
    assert_eq!(
        (sum["matched"].as_u64(), sum["unmatched"].as_u64()),
        (Some(2), Some(1)),
        "{sum}"
    );
    assert_eq!(show(&w, &heat).1["plays"], 1);
    assert_eq!(show(&w, &wire).1["plays"], 1);
    let un = of_type(&msgs, "unmatched");
    assert!(un[0]["server_path"].as_str().unwrap().contains("Nowhere"));
}

#[test]
fn jellyfin_core_and_playback_reporting() {
    let w = World::new();
    let ep = w.write("Media/TV/Show/Season 01/Show.S01E01.mkv", b"ep1");
    let movie = w.write("Media/Movies/Film.mkv", b"film");
    let core = w.path("jellyfin.db");
    schema(&core, "jellyfin-10.11");
    sql(
        &core,
        r#"
        INSERT INTO Users (Id, Username, MustUpdatePassword, AuthenticationProviderId, PasswordResetProviderId, InvalidLoginAttemptCount, MaxActiveSessions, SubtitleMode, PlayDefaultAudioTrack, DisplayMissingEpisodes, DisplayCollectionsView, EnableLocalPassword, HidePlayedInLatest, RememberAudioSelections, RememberSubtitleSelections, EnableNextEpisodeAutoPlay, EnableAutoLogin, EnableUserPreferenceAccess, InternalId, SyncPlayAccess, RowVersion)
          VALUES ('6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D', 'carol', 0, 'p', 'p', 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0);
        INSERT INTO BaseItems (Id, Type, Path, IsMovie, IsLocked, IsSeries, IsRepeat, IsInMixedFolder, IsFolder, IsVirtualItem, RunTimeTicks, DateCreated)
          VALUES ('A1B2C3D4-0000-4000-8000-000000000001', 'MediaBrowser.Controller.Entities.TV.Episode', '/srv/TV/Show/Season 01/Show.S01E01.mkv', 0, 0, 0, 0, 0, 0, 0, 26000000000, '2023-01-01 00:00:00'),
                 ('A1B2C3D4-0000-4000-8000-000000000002', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Movies/Film.mkv', 1, 0, 0, 0, 0, 0, 0, 72000000000, '2023-01-01 00:00:00');
        INSERT INTO UserData (ItemId, UserId, CustomDataKey, PlaybackPositionTicks, PlayCount, IsFavorite, LastPlayedDate, Played)
          VALUES ('A1B2C3D4-0000-4000-8000-000000000001', '6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D', 'k1', 0, 3, 0, '2024-06-01 18:00:00.1234567', 1);
        "#,
    );
    let pr = w.path("playback_reporting.db");
    schema(&pr, "playback_reporting");
    sql(
        &pr,
        r#"
        INSERT INTO PlaybackActivity VALUES ('2024-06-02 21:30:00.0000000', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'a1b2c3d4000040008000000000000002', 'Movie', 'Film', 'DirectPlay', 'Jellyfin Web', 'Firefox', 1800);
        INSERT INTO PlaybackActivity VALUES ('2024-06-03 10:00:00.0000000', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'ffffffff000040008000000000000009', 'Movie', 'Deleted Film', 'DirectPlay', 'Jellyfin Web', 'Firefox', 60);
        "#,
    );
    let map = format!("/srv={}", s(&w.path("Media")));
    imp(&w, &["jellyfin", "--db", s(&pr)], 2);
    let msgs = imp(
        &w,
        &["jellyfin", "--db", s(&core), "--db", s(&pr), "--map", &map],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(sum["plays"], 3, "{sum}");
    assert_eq!(sum["imported"], 2);
    assert_eq!(sum["unmatched"], 1);
    let (events, sh) = show(&w, &ep);
    assert_eq!(sh["plays"], 1);
    let e = of_type(&events, "access")[0];
    assert_eq!(e["timestamp"], "2024-06-01T18:00:00Z");
    assert_eq!(e["user"], "carol");
    assert_eq!(e["metadata"]["play_count"], 3);
    // Playback Reporting writes local time: 21:30 at UTC−5 is 02:30 UTC the next day.
    let (events, sh) = show(&w, &movie);
    assert_eq!(
        of_type(&events, "access")[0]["timestamp"],
        "2024-06-03T02:30:00Z"
    );
    assert_eq!(sh["in_progress"], true, "30 of 120 minutes");
    let again = imp(
        &w,
        &["jellyfin", "--db", s(&core), "--db", s(&pr), "--map", &map],
        0,
    );
    assert_eq!(summary(&again)["imported"], 0);
}

#[test]
fn jellyfin_10_10_library_db() {
    let w = World::new();
    let film = w.write("Media/Film.mkv", b"film");
    let db = w.path("library.db");
    schema(&db, "jellyfin-10.10-library");
    sql(
        &db,
        r#"
        INSERT INTO TypedBaseItems (guid, type, Path, RunTimeTicks, DateCreated, UserDataKey)
          VALUES (x'e004253f894fd3419a0c0305e82c3301', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Film.mkv', 72000000000, '2022-01-01 00:00:00Z', 'tmdb-42');
        INSERT INTO UserDatas (key, userId, played, playCount, isFavorite, playbackPositionTicks, lastPlayedDate)
          VALUES ('tmdb-42', 1, 1, 2, 0, 0, '2024-03-01 12:00:00Z');
        "#,
    );
    let map = format!("/srv={}", s(&w.path("Media")));
    let msgs = imp(&w, &["jellyfin", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&msgs)["imported"], 1);
    let (events, _) = show(&w, &film);
    let e = of_type(&events, "access")[0];
    assert_eq!(e["timestamp"], "2024-03-01T12:00:00Z");
    assert_eq!(e["user"], "jellyfin-user-1");

    // 10.10's jellyfin.db holds only the users: given beside library.db, it names them
    // (UserDatas.userId is Users.InternalId), and the plays already imported stay one.
    let users = w.path("jellyfin.db");
    schema(&users, "jellyfin-10.10-users");
    jellyfin_user(&users, "6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D", "dave", 1);
    w.write("Media/Other.mkv", b"other");
    sql(
        &db,
        r#"
        INSERT INTO TypedBaseItems (guid, type, Path, RunTimeTicks, DateCreated, UserDataKey)
          VALUES (x'e004253f894fd3419a0c0305e82c3302', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Other.mkv', 72000000000, '2022-01-01 00:00:00Z', 'tmdb-43');
        INSERT INTO UserDatas (key, userId, played, playCount, isFavorite, playbackPositionTicks, lastPlayedDate)
          VALUES ('tmdb-43', 1, 1, 1, 0, 0, '2024-04-01 12:00:00Z');
        "#,
    );
    let msgs = imp(
        &w,
        &["jellyfin", "--db", s(&db), "--db", s(&users), "--map", &map],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(
        (sum["imported"].as_u64(), sum["users_renamed"].as_u64()),
        (Some(1), Some(1)),
        "{sum}"
    );
    let (events, _) = show(&w, &w.path("Media/Other.mkv"));
    assert_eq!(of_type(&events, "access")[0]["user"], "dave");
    // The play imported before the names were known now names its user too.
    let (events, sh) = show(&w, &film);
    let e = of_type(&events, "access")[0];
    assert_eq!(
        (e["user"].as_str(), e["metadata"]["user"].as_str()),
        (Some("dave"), Some("dave"))
    );
    assert_eq!(sh["users"], 1);
    let text = human(
        &w,
        &[
            "usage",
            "import",
            "jellyfin",
            "--db",
            s(&db),
            "--db",
            s(&users),
            "--map",
            &map,
            "--full",
        ],
    );
    assert!(!text.contains("now carry"), "renamed once: {text}");
}

#[test]
fn kodi_local_times_and_bookmarks() {
    let w = World::new();
    let a = w.write("Media/Movies/A.mkv", b"a");
    let b = w.write("Media/Movies/B.mkv", b"b");
    let db = w.path("MyVideos131.db");
    schema(&db, "kodi");
    sql(
        &db,
        r#"
        INSERT INTO path (idPath, strPath) VALUES (1, 'smb://nas/media/Movies/');
        INSERT INTO files VALUES (1, 1, 'A.mkv', 2, '2024-05-01 15:15:00', '2023-01-01 10:00:00');
        INSERT INTO files VALUES (2, 1, 'B.mkv', NULL, '2024-05-02 09:00:00', '2023-01-01 10:00:00');
        INSERT INTO files VALUES (3, 1, 'C.mkv', NULL, NULL, '2023-01-01 10:00:00');
        INSERT INTO bookmark VALUES (1, 2, 600.0, 6000.0, NULL, 'VideoPlayer', NULL, 1);
        "#,
    );
    let map = format!("smb://nas/media={}", s(&w.path("Media")));
    let msgs = imp(&w, &["kodi", "--db", s(&db), "--map", &map], 0);
    let sum = summary(&msgs);
    assert_eq!(
        (sum["plays"].as_u64(), sum["imported"].as_u64()),
        (Some(2), Some(2))
    );
    let (events, sh) = show(&w, &a);
    // 15:15 at UTC−5.
    assert_eq!(
        of_type(&events, "access")[0]["timestamp"],
        "2024-05-01T20:15:00Z"
    );
    assert_eq!(sh["in_progress"], false);
    assert_eq!(show(&w, &b).1["in_progress"], true);
    // Kodi (still running, its WAL not checkpointed) moved lastPlayed: a new play; the old
    // one is not re-added, and the live database is left exactly as it was.
    let live = Connection::open(&db).unwrap();
    live.execute_batch("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;")
        .unwrap();
    live.execute(
        "UPDATE files SET lastPlayed = '2024-07-01 20:00:00', playCount = 3 WHERE idFile = 1",
        [],
    )
    .unwrap();
    let wal = w.path("MyVideos131.db-wal");
    let wal_before = std::fs::read(&wal).unwrap();
    assert!(!wal_before.is_empty());
    let msgs = imp(&w, &["kodi", "--db", s(&db), "--map", &map], 0);
    assert_eq!(summary(&msgs)["imported"], 1);
    assert_eq!(show(&w, &a).1["plays"], 2);
    assert_eq!(std::fs::read(&wal).unwrap(), wal_before);
    drop(live);
}

#[test]
fn legacy_usage_db_imports_unchanged() {
    let w = World::new();
    let a = w.write("Media/a.mkv", b"a");
    let db = w.path("home/.plexsync/usage.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    schema(&db, "legacy");
    let c = Connection::open(&db).unwrap();
    for (ty, ts, meta) in [
        (
            "viewed",
            "2024-01-10T20:00:00.123456",
            Some(r#"{"player": "vlc"}"#),
        ),
        ("synced", "2024-01-09T08:00:00", None),
        ("bogus", "2024-01-09T08:00:00", None),
        ("viewed", "last tuesday", None),
    ] {
        c.execute(
            "INSERT INTO access_records (file_path, access_type, timestamp, metadata) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![s(&a), ty, ts, meta],
        )
        .unwrap();
    }
    drop(c);
    // The default --db is ~/.plexsync/usage.db.
    let (msgs, err) = imp_err(&w, &["legacy"], 0);
    let sum = summary(&msgs);
    assert_eq!(sum["imported"], 2);
    assert_eq!(sum["skipped"], 2);
    assert_eq!(sum["skipped_by"]["an unknown access type"], 1);
    assert_eq!(sum["skipped_by"]["an unreadable time"], 1);
    assert!(
        err.contains("plexsync: warning: legacy: 1 row left out (an unknown access type)")
            && err.contains("legacy: 1 row left out (an unreadable time)"),
        "{err}"
    );
    let (events, sh) = show(&w, &a);
    assert_eq!(
        (sh["plays"].as_u64(), sh["events"].as_u64()),
        (Some(1), Some(2))
    );
    let viewed = of_type(&events, "access")
        .into_iter()
        .find(|e| e["access_type"] == "viewed")
        .unwrap();
    assert_eq!(viewed["timestamp"], "2024-01-11T01:00:00Z");
    assert_eq!(viewed["metadata"]["player"], "vlc");
    let msgs = imp(&w, &["legacy", "--full"], 0);
    assert_eq!(summary(&msgs)["imported"], 0);
}

#[test]
fn tautulli_paused_and_resumed_rows_are_one_play() {
    let w = World::new();
    let heat = w.write("Media/Heat.mkv", b"heat");
    let plex = w.path("plex.db");
    plex_db(&plex);
    plex_item(
        &plex,
        7,
        "plex://movie/heat",
        "Heat",
        "/data/Heat.mkv",
        1_600_000_000,
        false,
    );
    let taut = w.path("tautulli.db");
    schema(&taut, "tautulli");
    let t = now() - 10 * DAY;
    // Watched to 20 minutes, paused and stopped; Tautulli writes the first row.
    tautulli_row(&taut, 1, 1, t, t + 1200, 7, 1_200_000, "Heat");
    let map = format!("/data={}", s(&w.path("Media")));
    let args = [
        "usage",
        "import",
        "tautulli",
        "--db",
        s(&taut),
        "--plex-db",
        s(&plex),
        "--map",
        &map,
    ];
    run(&w, &args, 0);
    let sh = show(&w, &heat).1;
    assert_eq!(
        (sh["plays"].as_u64(), sh["in_progress"].as_bool()),
        (Some(1), Some(true))
    );
    // Resumed half an hour later and finished: a second row of the same reference.
    tautulli_row(&taut, 2, 1, t + 1800, t + 6600, 7, 5_900_000, "Heat");
    let msgs = run(&w, &args, 0);
    assert_eq!(summary(&msgs)["imported"], 0);
    let (events, sh) = show(&w, &heat);
    assert_eq!(
        (sh["plays"].as_u64(), sh["in_progress"].as_bool()),
        (Some(1), Some(false)),
        "{sh}"
    );
    assert_eq!(sh["last_viewed"], t + 6600);
    assert_eq!(
        of_type(&events, "access")[0]["metadata"]["tautulli_rows"],
        2
    );
    // A new session on another day is another play; read from scratch, still two.
    tautulli_row(
        &taut,
        3,
        3,
        t + 2 * DAY,
        t + 2 * DAY + 6000,
        7,
        5_950_000,
        "Heat",
    );
    run(&w, &args, 0);
    assert_eq!(show(&w, &heat).1["plays"], 2);
    let w2 = World::new();
    let heat2 = w2.write("Media/Heat.mkv", b"heat");
    let map2 = format!("/data={}", s(&w2.path("Media")));
    let msgs = imp(
        &w2,
        &[
            "tautulli",
            "--db",
            s(&taut),
            "--plex-db",
            s(&plex),
            "--map",
            &map2,
        ],
        0,
    );
    assert_eq!(summary(&msgs)["plays"], 2);
    assert_eq!(show(&w2, &heat2).1["plays"], 2);
}
