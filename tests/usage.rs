//! End-to-end tests of `plexsync usage`: recording, imports from databases built here
//! with the media servers' own table layouts, scores, reports, recommendations, pruning.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{json_path, of_type, summary, World};
use rusqlite::Connection;
use serde_json::Value;

const DAY: i64 = 86_400;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Run with a fixed local zone (UTC−5, no DST) so local-time imports are checkable.
fn run(w: &World, args: &[&str], code: i32) -> Vec<Value> {
    let out = w
        .cmd()
        .env("TZ", "EST5")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "plexsync {args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    common::json_lines(&out.stdout)
}

/// The human output (stdout) of a successful run.
fn human(w: &World, args: &[&str]) -> String {
    let out = w.cmd().args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn set_age(p: &Path, days: i64) {
    let f = std::fs::File::options().write(true).open(p).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs((days * DAY) as u64))
        .unwrap();
}

fn show(w: &World, p: &Path) -> (Vec<Value>, Value) {
    let msgs = run(w, &["usage", "show", s(p)], 0);
    let sum = summary(&msgs).clone();
    (msgs, sum)
}

fn sql(db: &Path, script: &str) {
    Connection::open(db).unwrap().execute_batch(script).unwrap();
}

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

fn plex_schema(db: &Path) {
    sql(
        db,
        r#"
        CREATE TABLE "accounts" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(255), "hashed_password" varchar(255), "salt" varchar(255), "created_at" datetime, "updated_at" datetime, "default_audio_language" varchar(255), "default_subtitle_language" varchar(255), "auto_select_subtitle" boolean DEFAULT 't', "auto_select_audio" boolean DEFAULT 't');
        CREATE TABLE "metadata_items" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "library_section_id" integer, "parent_id" integer, "metadata_type" integer, "guid" varchar(255), "media_item_count" integer, "title" varchar(255), "title_sort" varchar(255), "original_title" varchar(255), "studio" varchar(255), "rating" float, "rating_count" integer, "tagline" varchar(255), "summary" text, "trivia" text, "quotes" text, "content_rating" varchar(255), "content_rating_age" integer, "index" integer, "absolute_index" integer, "duration" integer, "user_thumb_url" varchar(255), "user_art_url" varchar(255), "user_banner_url" varchar(255), "user_music_url" varchar(255), "user_fields" varchar(255), "tags_genre" varchar(255), "tags_collection" varchar(255), "tags_director" varchar(255), "tags_writer" varchar(255), "tags_star" varchar(255), "originally_available_at" datetime, "available_at" datetime, "expires_at" datetime, "refreshed_at" datetime, "year" integer, "added_at" datetime, "created_at" datetime, "updated_at" datetime, "deleted_at" datetime, "tags_country" varchar(255), "extra_data" varchar(255), "hash" varchar(255), "audience_rating" float, "changed_at" integer(8) default '0', "resources_changed_at" integer(8) default '0', "remote" integer, "edition_title" varchar(255), "slug" varchar(255));
        CREATE TABLE "media_items" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "library_section_id" integer, "section_location_id" integer, "metadata_item_id" integer, "type_id" integer, "width" integer, "height" integer, "size" integer(8), "duration" integer, "bitrate" integer, "container" varchar(255), "video_codec" varchar(255), "audio_codec" varchar(255), "display_aspect_ratio" float, "frames_per_second" float, "audio_channels" integer, "interlaced" boolean, "source" varchar(255), "hints" varchar(255), "display_offset" integer, "settings" varchar(255), "created_at" datetime, "updated_at" datetime, "optimized_for_streaming" boolean, "deleted_at" datetime, "media_analysis_version" integer DEFAULT 0, "sample_aspect_ratio" float, "extra_data" varchar(255), "proxy_type" integer, "channel_id" integer, "begins_at" datetime, "ends_at" datetime, "color_trc" varchar(255));
        CREATE TABLE "media_parts" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "media_item_id" integer, "directory_id" integer, "hash" varchar(255), "open_subtitle_hash" varchar(255), "file" varchar(255), "index" integer, "size" integer(8), "duration" integer, "created_at" datetime, "updated_at" datetime, "deleted_at" datetime, "extra_data" varchar(255));
        CREATE TABLE "metadata_item_views" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer, "guid" varchar(255), "metadata_type" integer, "library_section_id" integer, "grandparent_title" varchar(255), "parent_index" integer, "parent_title" varchar(255), "index" integer, "title" varchar(255), "thumb_url" varchar(255), "viewed_at" datetime, "grandparent_guid" varchar(255), "originally_available_at" datetime, "device_id" integer);
        INSERT INTO accounts (id, name) VALUES (1, 'ann'), (2, 'bob');
        "#,
    );
}

fn plex_item(db: &Path, id: i64, guid: &str, title: &str, file: &str, added: i64, deleted: bool) {
    let c = Connection::open(db).unwrap();
    c.execute(
        "INSERT INTO metadata_items (id, library_section_id, metadata_type, guid, title, duration, added_at, deleted_at)
         VALUES (?1, 1, 1, ?2, ?3, 6000000, ?4, ?5)",
        rusqlite::params![id, guid, title, added, deleted.then_some(added)],
    )
    .unwrap();
    c.execute(
        "INSERT INTO media_items (id, library_section_id, metadata_item_id, size, container) VALUES (?1, 1, ?1, 100, 'mkv')",
        [id],
    )
    .unwrap();
    c.execute(
        "INSERT INTO media_parts (id, media_item_id, file, size) VALUES (?1, ?1, ?2, 100)",
        rusqlite::params![id, file],
    )
    .unwrap();
}

fn plex_view(db: &Path, account: i64, guid: &str, viewed_at: rusqlite::types::Value) {
    Connection::open(db)
        .unwrap()
        .execute(
            "INSERT INTO metadata_item_views (account_id, guid, metadata_type, library_section_id, title, viewed_at)
             VALUES (?1, ?2, 1, 1, 't', ?3)",
            rusqlite::params![account, guid, viewed_at],
        )
        .unwrap();
}

#[test]
fn plex_import_maps_matches_and_is_idempotent() {
    let w = World::new();
    let heat = w.write("home/Media/Movies/Heat.mkv", b"heat");
    let alien = w.write("home/Media/Movies/Alien.mkv", b"alien");
    let db = w.path("plex/com.plexapp.plugins.library.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    plex_schema(&db);
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
    let msgs = run(
        &w,
        &[
            "usage",
            "import",
            "plex",
            "--db",
            s(&db),
            "--map",
            &map,
            "--show-unmatched",
        ],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(sum["plays"], 3, "{sum}");
    assert_eq!(sum["matched"], 2);
    assert_eq!(sum["unmatched"], 1);
    assert_eq!(sum["imported"], 2);
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

    // Again: the watermark skips everything; --full rereads and the keys dedup.
    let again = run(
        &w,
        &["usage", "import", "plex", "--db", s(&db), "--map", &map],
        0,
    );
    assert_eq!(summary(&again)["plays"], 0);
    let full = run(
        &w,
        &[
            "usage",
            "import",
            "plex",
            "--db",
            s(&db),
            "--map",
            &map,
            "--full",
        ],
        0,
    );
    assert_eq!(summary(&full)["imported"], 0);
    assert_eq!(summary(&full)["duplicates"], 2);
    let (_, sum) = show(&w, &heat);
    assert_eq!(sum["plays"], 2);

    // A new view is picked up; a dry run counts it without writing.
    plex_view(
        &db,
        1,
        "plex://movie/alien",
        rusqlite::types::Value::Integer(t + 60),
    );
    let dry = run(
        &w,
        &[
            "usage",
            "import",
            "plex",
            "--db",
            s(&db),
            "--map",
            &map,
            "-n",
        ],
        0,
    );
    assert_eq!(summary(&dry)["imported"], 1);
    assert_eq!(show(&w, &alien).1["plays"], 0);
    let real = run(
        &w,
        &["usage", "import", "plex", "--db", s(&db), "--map", &map],
        0,
    );
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
    plex_schema(&plex);
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
    sql(
        &taut,
        r#"
        CREATE TABLE session_history (id INTEGER PRIMARY KEY AUTOINCREMENT, reference_id INTEGER, started INTEGER, stopped INTEGER, rating_key INTEGER, user_id INTEGER, user TEXT, ip_address TEXT, paused_counter INTEGER DEFAULT 0, player TEXT, product TEXT, product_version TEXT, platform TEXT, platform_version TEXT, profile TEXT, machine_id TEXT, bandwidth INTEGER, location TEXT, quality_profile TEXT, secure INTEGER, relayed INTEGER, parent_rating_key INTEGER, grandparent_rating_key INTEGER, media_type TEXT, section_id INTEGER, view_offset INTEGER DEFAULT 0);
        CREATE TABLE session_history_metadata (id INTEGER PRIMARY KEY, rating_key INTEGER, parent_rating_key INTEGER, grandparent_rating_key INTEGER, title TEXT, parent_title TEXT, grandparent_title TEXT, original_title TEXT, full_title TEXT, media_index INTEGER, parent_media_index INTEGER, thumb TEXT, parent_thumb TEXT, grandparent_thumb TEXT, art TEXT, media_type TEXT, year INTEGER, originally_available_at TEXT, added_at INTEGER, updated_at INTEGER, last_viewed_at INTEGER, content_rating TEXT, summary TEXT, tagline TEXT, rating TEXT, duration INTEGER DEFAULT 0, guid TEXT, directors TEXT, writers TEXT, actors TEXT, genres TEXT, studio TEXT, labels TEXT, live INTEGER DEFAULT 0, channel_call_sign TEXT, channel_identifier TEXT, channel_thumb TEXT, marker_credits_first INTEGER DEFAULT NULL, marker_credits_final INTEGER DEFAULT NULL);
        "#,
    );
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
    run(
        &w,
        &["usage", "import", "plex", "--db", s(&plex), "--map", &map],
        0,
    );
    let msgs = run(
        &w,
        &[
            "usage",
            "import",
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

fn tautulli_schema(db: &Path) {
    sql(
        db,
        r#"
        CREATE TABLE session_history (id INTEGER PRIMARY KEY AUTOINCREMENT, reference_id INTEGER, started INTEGER, stopped INTEGER, rating_key INTEGER, user_id INTEGER, user TEXT, ip_address TEXT, paused_counter INTEGER DEFAULT 0, player TEXT, product TEXT, product_version TEXT, platform TEXT, platform_version TEXT, profile TEXT, machine_id TEXT, bandwidth INTEGER, location TEXT, quality_profile TEXT, secure INTEGER, relayed INTEGER, parent_rating_key INTEGER, grandparent_rating_key INTEGER, media_type TEXT, section_id INTEGER, view_offset INTEGER DEFAULT 0);
        CREATE TABLE session_history_metadata (id INTEGER PRIMARY KEY, rating_key INTEGER, parent_rating_key INTEGER, grandparent_rating_key INTEGER, title TEXT, parent_title TEXT, grandparent_title TEXT, original_title TEXT, full_title TEXT, media_index INTEGER, parent_media_index INTEGER, thumb TEXT, parent_thumb TEXT, grandparent_thumb TEXT, art TEXT, media_type TEXT, year INTEGER, originally_available_at TEXT, added_at INTEGER, updated_at INTEGER, last_viewed_at INTEGER, content_rating TEXT, summary TEXT, tagline TEXT, rating TEXT, duration INTEGER DEFAULT 0, guid TEXT, directors TEXT, writers TEXT, actors TEXT, genres TEXT, studio TEXT, labels TEXT, live INTEGER DEFAULT 0, channel_call_sign TEXT, channel_identifier TEXT, channel_thumb TEXT, marker_credits_first INTEGER DEFAULT NULL, marker_credits_final INTEGER DEFAULT NULL);
        "#,
    );
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
    tautulli_schema(&taut);
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
    let msgs = run(
        &w,
        &[
            "usage",
            "import",
            "tautulli",
            "--db",
            s(&taut),
            "--show-unmatched",
        ],
        0,
    );
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
    sql(
        &core,
        r#"
        CREATE TABLE "BaseItems" ("Id" TEXT NOT NULL CONSTRAINT "PK_BaseItems" PRIMARY KEY, "Type" TEXT NOT NULL, "Data" TEXT NULL, "Path" TEXT NULL, "StartDate" TEXT NULL, "EndDate" TEXT NULL, "ChannelId" TEXT NULL, "IsMovie" INTEGER NOT NULL, "CommunityRating" REAL NULL, "CustomRating" TEXT NULL, "IndexNumber" INTEGER NULL, "IsLocked" INTEGER NOT NULL, "Name" TEXT NULL, "OfficialRating" TEXT NULL, "MediaType" TEXT NULL, "Overview" TEXT NULL, "ParentIndexNumber" INTEGER NULL, "PremiereDate" TEXT NULL, "ProductionYear" INTEGER NULL, "Genres" TEXT NULL, "SortName" TEXT NULL, "ForcedSortName" TEXT NULL, "RunTimeTicks" INTEGER NULL, "DateCreated" TEXT NULL, "DateModified" TEXT NULL, "IsSeries" INTEGER NOT NULL, "EpisodeTitle" TEXT NULL, "IsRepeat" INTEGER NOT NULL, "PreferredMetadataLanguage" TEXT NULL, "PreferredMetadataCountryCode" TEXT NULL, "DateLastRefreshed" TEXT NULL, "DateLastSaved" TEXT NULL, "IsInMixedFolder" INTEGER NOT NULL, "Studios" TEXT NULL, "ExternalServiceId" TEXT NULL, "Tags" TEXT NULL, "IsFolder" INTEGER NOT NULL, "InheritedParentalRatingValue" INTEGER NULL, "UnratedType" TEXT NULL, "CriticRating" REAL NULL, "CleanName" TEXT NULL, "PresentationUniqueKey" TEXT NULL, "OriginalTitle" TEXT NULL, "PrimaryVersionId" TEXT NULL, "DateLastMediaAdded" TEXT NULL, "Album" TEXT NULL, "LUFS" REAL NULL, "NormalizationGain" REAL NULL, "IsVirtualItem" INTEGER NOT NULL, "SeriesName" TEXT NULL, "SeasonName" TEXT NULL, "ExternalSeriesId" TEXT NULL, "Tagline" TEXT NULL, "ProductionLocations" TEXT NULL, "ExtraIds" TEXT NULL, "TotalBitrate" INTEGER NULL, "ExtraType" INTEGER NULL, "Artists" TEXT NULL, "AlbumArtists" TEXT NULL, "ExternalId" TEXT NULL, "SeriesPresentationUniqueKey" TEXT NULL, "ShowId" TEXT NULL, "OwnerId" TEXT NULL, "Width" INTEGER NULL, "Height" INTEGER NULL, "Size" INTEGER NULL, "Audio" INTEGER NULL, "ParentId" TEXT NULL, "TopParentId" TEXT NULL, "SeasonId" TEXT NULL, "SeriesId" TEXT NULL);
        CREATE TABLE "Users" ("Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY, "Username" TEXT NOT NULL, "Password" TEXT NULL, "MustUpdatePassword" INTEGER NOT NULL, "AudioLanguagePreference" TEXT NULL, "AuthenticationProviderId" TEXT NOT NULL, "PasswordResetProviderId" TEXT NOT NULL, "InvalidLoginAttemptCount" INTEGER NOT NULL, "LastActivityDate" TEXT NULL, "LastLoginDate" TEXT NULL, "LoginAttemptsBeforeLockout" INTEGER NULL, "MaxActiveSessions" INTEGER NOT NULL, "SubtitleMode" INTEGER NOT NULL, "PlayDefaultAudioTrack" INTEGER NOT NULL, "SubtitleLanguagePreference" TEXT NULL, "DisplayMissingEpisodes" INTEGER NOT NULL, "DisplayCollectionsView" INTEGER NOT NULL, "EnableLocalPassword" INTEGER NOT NULL, "HidePlayedInLatest" INTEGER NOT NULL, "RememberAudioSelections" INTEGER NOT NULL, "RememberSubtitleSelections" INTEGER NOT NULL, "EnableNextEpisodeAutoPlay" INTEGER NOT NULL, "EnableAutoLogin" INTEGER NOT NULL, "EnableUserPreferenceAccess" INTEGER NOT NULL, "MaxParentalRatingScore" INTEGER NULL, "MaxParentalRatingSubScore" INTEGER NULL, "RemoteClientBitrateLimit" INTEGER NULL, "InternalId" INTEGER NOT NULL, "SyncPlayAccess" INTEGER NOT NULL, "CastReceiverId" TEXT NULL, "RowVersion" INTEGER NOT NULL);
        CREATE TABLE "UserData" ("ItemId" TEXT NOT NULL, "UserId" TEXT NOT NULL, "CustomDataKey" TEXT NOT NULL, "Rating" REAL NULL, "PlaybackPositionTicks" INTEGER NOT NULL, "PlayCount" INTEGER NOT NULL, "IsFavorite" INTEGER NOT NULL, "LastPlayedDate" TEXT NULL, "Played" INTEGER NOT NULL, "AudioStreamIndex" INTEGER NULL, "SubtitleStreamIndex" INTEGER NULL, "Likes" INTEGER NULL, "RetentionDate" TEXT NULL, CONSTRAINT "PK_UserData" PRIMARY KEY ("ItemId", "UserId", "CustomDataKey"));
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
    sql(
        &pr,
        r#"
        CREATE TABLE PlaybackActivity (DateCreated DATETIME NOT NULL, UserId TEXT, ItemId TEXT, ItemType TEXT, ItemName TEXT, PlaybackMethod TEXT, ClientName TEXT, DeviceName TEXT, PlayDuration INT);
        INSERT INTO PlaybackActivity VALUES ('2024-06-02 21:30:00.0000000', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'a1b2c3d4000040008000000000000002', 'Movie', 'Film', 'DirectPlay', 'Jellyfin Web', 'Firefox', 1800);
        INSERT INTO PlaybackActivity VALUES ('2024-06-03 10:00:00.0000000', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'ffffffff000040008000000000000009', 'Movie', 'Deleted Film', 'DirectPlay', 'Jellyfin Web', 'Firefox', 60);
        "#,
    );
    let map = format!("/srv={}", s(&w.path("Media")));
    run(&w, &["usage", "import", "jellyfin", "--db", s(&pr)], 2);
    let msgs = run(
        &w,
        &[
            "usage",
            "import",
            "jellyfin",
            "--db",
            s(&core),
            "--db",
            s(&pr),
            "--map",
            &map,
        ],
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
    let again = run(
        &w,
        &[
            "usage",
            "import",
            "jellyfin",
            "--db",
            s(&core),
            "--db",
            s(&pr),
            "--map",
            &map,
        ],
        0,
    );
    assert_eq!(summary(&again)["imported"], 0);
}

#[test]
fn jellyfin_10_10_library_db() {
    let w = World::new();
    let film = w.write("Media/Film.mkv", b"film");
    let db = w.path("library.db");
    sql(
        &db,
        r#"
        CREATE TABLE TypedBaseItems (guid GUID primary key NOT NULL, type TEXT NOT NULL, data BLOB NULL, ParentId GUID NULL, Path TEXT NULL, StartDate DATETIME, EndDate DATETIME, ChannelId Text, IsMovie BIT, IsSeries BIT, EpisodeTitle Text, IsRepeat BIT, CommunityRating Float, CustomRating Text, IndexNumber INT, IsLocked BIT, Name Text, OfficialRating Text, MediaType Text, Overview Text, ParentIndexNumber INT, PremiereDate DATETIME, ProductionYear INT, Genres Text, SortName Text, ForcedSortName Text, RunTimeTicks BIGINT, DateCreated DATETIME, DateModified DATETIME, IsSeason BIT, IsFolder BIT, UnratedType Text, TopParentId Text, CriticRating Float, IsVirtualItem BIT, SeriesName Text, UserDataKey Text, SeasonName Text, SeasonId GUID, SeriesId GUID, PresentationUniqueKey Text);
        CREATE TABLE UserDatas (key nvarchar not null, userId INT not null, rating float null, played bit not null, playCount int not null, isFavorite bit not null, playbackPositionTicks BIGINT not null, lastPlayedDate DATETIME null, AudioStreamIndex INT null, SubtitleStreamIndex INT null);
        INSERT INTO TypedBaseItems (guid, type, Path, RunTimeTicks, DateCreated, UserDataKey)
          VALUES (x'e004253f894fd3419a0c0305e82c3301', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Film.mkv', 72000000000, '2022-01-01 00:00:00Z', 'tmdb-42');
        INSERT INTO UserDatas (key, userId, played, playCount, isFavorite, playbackPositionTicks, lastPlayedDate)
          VALUES ('tmdb-42', 1, 1, 2, 0, 0, '2024-03-01 12:00:00Z');
        "#,
    );
    let map = format!("/srv={}", s(&w.path("Media")));
    let msgs = run(
        &w,
        &["usage", "import", "jellyfin", "--db", s(&db), "--map", &map],
        0,
    );
    assert_eq!(summary(&msgs)["imported"], 1);
    let (events, _) = show(&w, &film);
    let e = of_type(&events, "access")[0];
    assert_eq!(e["timestamp"], "2024-03-01T12:00:00Z");
    assert_eq!(e["user"], "jellyfin-user-1");

    // 10.10's jellyfin.db holds only the users: given beside library.db, it names them
    // (UserDatas.userId is Users.InternalId), and the plays already imported stay one.
    let users = w.path("jellyfin.db");
    sql(
        &users,
        r#"
        CREATE TABLE "Users" ("Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY, "Username" TEXT NOT NULL, "InternalId" INTEGER NOT NULL, "RowVersion" INTEGER NOT NULL);
        INSERT INTO Users VALUES ('6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D', 'dave', 1, 0);
        "#,
    );
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
    let msgs = run(
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
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(
        (sum["imported"].as_u64(), sum["duplicates"].as_u64()),
        (Some(1), Some(1)),
        "{sum}"
    );
    let (events, _) = show(&w, &w.path("Media/Other.mkv"));
    assert_eq!(of_type(&events, "access")[0]["user"], "dave");
}

#[test]
fn kodi_local_times_and_bookmarks() {
    let w = World::new();
    let a = w.write("Media/Movies/A.mkv", b"a");
    let b = w.write("Media/Movies/B.mkv", b"b");
    let db = w.path("MyVideos131.db");
    sql(
        &db,
        r#"
        CREATE TABLE path ( idPath integer primary key, strPath text, strContent text, strScraper text, strHash text, scanRecursive integer, useFolderNames bool, strSettings text, noUpdate bool, exclude bool, allAudio bool, dateAdded text, idParentPath integer);
        CREATE TABLE files ( idFile integer primary key, idPath integer, strFilename text, playCount integer, lastPlayed text, dateAdded text);
        CREATE TABLE bookmark ( idBookmark integer primary key, idFile integer, timeInSeconds double, totalTimeInSeconds double, thumbNailImage text, player text, playerState text, type integer);
        INSERT INTO path (idPath, strPath) VALUES (1, 'smb://nas/media/Movies/');
        INSERT INTO files VALUES (1, 1, 'A.mkv', 2, '2024-05-01 15:15:00', '2023-01-01 10:00:00');
        INSERT INTO files VALUES (2, 1, 'B.mkv', NULL, '2024-05-02 09:00:00', '2023-01-01 10:00:00');
        INSERT INTO files VALUES (3, 1, 'C.mkv', NULL, NULL, '2023-01-01 10:00:00');
        INSERT INTO bookmark VALUES (1, 2, 600.0, 6000.0, NULL, 'VideoPlayer', NULL, 1);
        "#,
    );
    let map = format!("smb://nas/media={}", s(&w.path("Media")));
    let msgs = run(
        &w,
        &["usage", "import", "kodi", "--db", s(&db), "--map", &map],
        0,
    );
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
    let msgs = run(
        &w,
        &["usage", "import", "kodi", "--db", s(&db), "--map", &map],
        0,
    );
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
    sql(
        &db,
        r#"
        CREATE TABLE access_records (id INTEGER PRIMARY KEY AUTOINCREMENT, file_path TEXT NOT NULL, access_type TEXT NOT NULL, timestamp TEXT NOT NULL, metadata TEXT);
        CREATE INDEX idx_file_path ON access_records(file_path);
        CREATE INDEX idx_timestamp ON access_records(timestamp);
        "#,
    );
    let c = Connection::open(&db).unwrap();
    for (ty, ts, meta) in [
        (
            "viewed",
            "2024-01-10T20:00:00.123456",
            Some(r#"{"player": "vlc"}"#),
        ),
        ("synced", "2024-01-09T08:00:00", None),
        ("bogus", "2024-01-09T08:00:00", None),
    ] {
        c.execute(
            "INSERT INTO access_records (file_path, access_type, timestamp, metadata) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![s(&a), ty, ts, meta],
        )
        .unwrap();
    }
    drop(c);
    // The default --db is ~/.plexsync/usage.db.
    let msgs = run(&w, &["usage", "import", "legacy"], 0);
    assert_eq!(summary(&msgs)["imported"], 2);
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
    let msgs = run(&w, &["usage", "import", "legacy", "--full"], 0);
    assert_eq!(summary(&msgs)["imported"], 0);
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
