-- Jellyfin Playback Reporting plugin (playback_reporting.db), ActivityRepository.
create table if not exists PlaybackActivity (DateCreated DATETIME NOT NULL, UserId TEXT, ItemId TEXT, ItemType TEXT, ItemName TEXT, PlaybackMethod TEXT, ClientName TEXT, DeviceName TEXT, PlayDuration INT);
