//! Servers' wall-clock times (Kodi, Playback Reporting, the old tool) read in the server's
//! zone: `--server-tz`, `[usage.server_tz]` per source, else this machine's; the output
//! says which. A zone shift larger than the same-play window would count one play twice.

mod common;
mod usage_common;

use common::{of_type, summary, World};
use usage_common::*;

/// One play of Heat seen by Plex (epoch seconds) and by Kodi on a machine in Tokyo
/// (UTC+9, wall-clock text); plexsync itself runs at UTC−5.
fn world() -> (World, String, String, String) {
    let w = World::new();
    w.write("Media/Heat.mkv", b"heat");
    let plex = w.path("plex.db");
    plex_db(&plex);
    plex_item(
        &plex,
        1,
        "plex://movie/heat",
        "Heat",
        "/data/Heat.mkv",
        1_700_000_000,
        false,
    );
    // 2024-05-01T20:15:00Z is 2024-05-02 05:15 in Tokyo.
    plex_view(
        &plex,
        1,
        "plex://movie/heat",
        rusqlite::types::Value::Integer(1_714_594_500),
    );
    let kodi = w.path("MyVideos131.db");
    schema(&kodi, "kodi");
    sql(
        &kodi,
        "INSERT INTO path (idPath, strPath) VALUES (1, 'smb://nas/media/');
         INSERT INTO files VALUES (1, 1, 'Heat.mkv', 1, '2024-05-02 05:20:00', '2023-01-01 10:00:00');",
    );
    let pmap = format!("/data={}", s(&w.path("Media")));
    let kmap = format!("smb://nas/media={}", s(&w.path("Media")));
    imp(&w, &["plex", "--db", s(&plex), "--map", &pmap], 0);
    (w, s(&kodi).to_string(), kmap, s(&plex).to_string())
}

fn heat_plays(w: &World) -> u64 {
    show(w, &w.path("Media/Heat.mkv")).1["plays"]
        .as_u64()
        .unwrap()
}

#[test]
fn without_the_server_zone_a_14_hour_shift_counts_a_play_twice() {
    let (w, kodi, map, _) = world();
    let msgs = imp(&w, &["kodi", "--db", &kodi, "--map", &map], 0);
    assert_eq!(
        summary(&msgs)["server_tz"],
        "UTC-05:00 (this machine's zone)"
    );
    assert_eq!(heat_plays(&w), 2);
}

#[test]
fn server_tz_reads_wall_clock_times_in_the_servers_zone() {
    let (w, kodi, map, _) = world();
    let msgs = imp(
        &w,
        &[
            "kodi",
            "--db",
            &kodi,
            "--map",
            &map,
            "--server-tz",
            "+09:00",
        ],
        0,
    );
    let sum = summary(&msgs);
    assert_eq!(
        (sum["duplicates"].as_u64(), sum["imported"].as_u64()),
        (Some(1), Some(0)),
        "{sum}"
    );
    assert_eq!(sum["server_tz"], "UTC+09:00 (--server-tz)");
    assert_eq!(heat_plays(&w), 1);
    let (_, e) = imp_err(
        &w,
        &["kodi", "--db", &kodi, "--server-tz", "Mars/Olympus"],
        2,
    );
    assert!(e.contains("unknown time zone \"Mars/Olympus\""), "{e}");
}

#[test]
fn config_gives_each_source_its_zone() {
    let (w, kodi, map, _) = world();
    w.write(
        "home/.config/plexsync/config.toml",
        "[usage.server_tz]\nkodi = \"Asia/Tokyo\"\n",
    );
    let (text, _) = human_code(
        &w,
        &["usage", "import", "kodi", "--db", &kodi, "--map", &map],
        0,
    );
    assert!(
        text.contains("kodi: wall-clock times read in Asia/Tokyo ([usage.server_tz] kodi)"),
        "{text}"
    );
    assert_eq!(heat_plays(&w), 1);
    let events = show(&w, &w.path("Media/Heat.mkv")).0;
    assert_eq!(
        of_type(&events, "access")[0]["timestamp"],
        "2024-05-01T20:15:00Z"
    );
    w.write(
        "home/.config/plexsync/config.toml",
        "[usage.server_tz]\nkoddi = \"UTC\"\n",
    );
    let (_, e) = imp_err(&w, &["kodi", "--db", &kodi], 2);
    assert!(e.contains("\"koddi\" is not an import source"), "{e}");
}

#[test]
fn playback_reporting_times_use_the_server_zone_too() {
    let w = World::new();
    let film = w.write("Media/Film.mkv", b"film");
    let core = w.path("jellyfin.db");
    schema(&core, "jellyfin-10.11");
    jellyfin_user(&core, "6E4C9D2A-1B3F-4A5E-8C7D-9E0F1A2B3C4D", "carol", 1);
    sql(
        &core,
        "INSERT INTO BaseItems (Id, Type, Path, IsMovie, IsLocked, IsSeries, IsRepeat, IsInMixedFolder, IsFolder, IsVirtualItem, RunTimeTicks)
           VALUES ('A1B2C3D4-0000-4000-8000-000000000002', 'MediaBrowser.Controller.Entities.Movies.Movie', '/srv/Film.mkv', 1, 0, 0, 0, 0, 0, 0, 72000000000);",
    );
    let pr = w.path("playback_reporting.db");
    schema(&pr, "playback_reporting");
    sql(
        &pr,
        "INSERT INTO PlaybackActivity VALUES ('2024-06-02 21:30:00.0000000', '6e4c9d2a1b3f4a5e8c7d9e0f1a2b3c4d', 'a1b2c3d4000040008000000000000002', 'Movie', 'Film', 'DirectPlay', 'Jellyfin Web', 'Firefox', 7000);",
    );
    let map = format!("/srv={}", s(&w.path("Media")));
    imp(
        &w,
        &[
            "jellyfin",
            "--db",
            s(&core),
            "--db",
            s(&pr),
            "--map",
            &map,
            "--server-tz",
            "Europe/Paris",
        ],
        0,
    );
    // 21:30 in Paris in June (UTC+2) is 19:30 UTC.
    let events = show(&w, &film).0;
    assert_eq!(
        of_type(&events, "access")[0]["timestamp"],
        "2024-06-02T19:30:00Z"
    );
}
