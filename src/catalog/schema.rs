//! The catalog's migrations, append-only: migration `i` (0-based) brings the schema to
//! `PRAGMA user_version = i + 1`. Never edit a released entry; add a new one.

/// Every migration, in order.
pub const MIGRATIONS: &[&str] = &[
    // 1: the foundation — roots, files, cached digests, runs and their journal.
    r#"
    CREATE TABLE roots (
        id          INTEGER PRIMARY KEY,
        path        BLOB NOT NULL UNIQUE,
        last_scan   INTEGER            -- unix seconds of the last completed scan
    );
    CREATE TABLE files (
        id            INTEGER PRIMARY KEY,
        path          BLOB NOT NULL UNIQUE,
        root_id       INTEGER REFERENCES roots(id) ON DELETE SET NULL,
        dev           INTEGER NOT NULL,
        ino           INTEGER NOT NULL,
        size          INTEGER NOT NULL,
        mtime_ns      INTEGER NOT NULL,
        kind          TEXT NOT NULL,     -- video | subtitle | sidecar | other
        blake3        BLOB,              -- 32 bytes, valid for the hash_* stat below
        hash_dev      INTEGER,
        hash_ino      INTEGER,
        hash_size     INTEGER,
        hash_mtime_ns INTEGER,
        status        TEXT NOT NULL DEFAULT 'present',
        first_seen    INTEGER NOT NULL,  -- unix seconds
        last_seen     INTEGER NOT NULL,  -- unix seconds
        verified_at   INTEGER            -- unix seconds of the last hash verification
    );
    CREATE INDEX files_root ON files(root_id);
    CREATE INDEX files_inode ON files(hash_dev, hash_ino);
    CREATE TABLE digests (
        dev       INTEGER NOT NULL,
        ino       INTEGER NOT NULL,
        algo      TEXT NOT NULL,         -- e.g. sha256, blake3-head-4096, blake3-tail-4096
        size      INTEGER NOT NULL,
        mtime_ns  INTEGER NOT NULL,
        digest    BLOB NOT NULL,
        PRIMARY KEY (dev, ino, algo)
    ) WITHOUT ROWID;
    CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        engine      TEXT NOT NULL,
        command     TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        state       TEXT NOT NULL        -- running | done | failed | undone
    );
    CREATE TABLE journal (
        id          INTEGER PRIMARY KEY,
        run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        op          TEXT NOT NULL,       -- move | copy | remove | link | symlink | trash | ...
        src         BLOB,
        dst         BLOB,
        state       TEXT NOT NULL,       -- planned | started | done | failed | skipped | undone
        detail      TEXT,
        updated_at  INTEGER NOT NULL
    );
    CREATE INDEX journal_run ON journal(run_id);
    "#,
    // 2: resync: what each synced local file was copied from, the request queue, and the
    // result of every request a run processed (for `resync report`).
    r#"
    CREATE TABLE synced (
        path            BLOB PRIMARY KEY,  -- the local file
        source          BLOB NOT NULL,     -- the source file it was copied from
        source_size     INTEGER NOT NULL,
        source_mtime_ns INTEGER NOT NULL,
        source_blake3   BLOB,              -- valid for source_size/source_mtime_ns
        local_size      INTEGER NOT NULL,
        local_mtime_ns  INTEGER NOT NULL,
        local_blake3    BLOB,              -- the local file's hash when it was verified
        synced_at       INTEGER NOT NULL,  -- unix seconds
        verified_at     INTEGER
    ) WITHOUT ROWID;
    CREATE TABLE resync_queue (
        id          INTEGER PRIMARY KEY,
        path        BLOB NOT NULL,         -- the local file to make whole
        source      BLOB,                  -- where to copy it from
        reason      TEXT NOT NULL,         -- missing | incomplete | corrupted | outdated | user_request | verification_failed
        priority    INTEGER NOT NULL,      -- 1 highest .. 5 lowest
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        state       TEXT NOT NULL,         -- pending | running | failed | done | cancelled
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
    );
    CREATE INDEX resync_queue_state ON resync_queue(state, priority, created_at);
    CREATE INDEX resync_queue_path ON resync_queue(path);
    CREATE TABLE resync_results (
        id               INTEGER PRIMARY KEY,
        run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        request_id       INTEGER,
        path             BLOB NOT NULL,
        reason           TEXT NOT NULL,
        status           TEXT NOT NULL,    -- done | failed
        bytes            INTEGER NOT NULL,
        read_from_source INTEGER NOT NULL,
        attempts         INTEGER NOT NULL,
        verified         INTEGER NOT NULL,
        duration_ms      INTEGER NOT NULL,
        error            TEXT,
        finished_at      INTEGER NOT NULL
    );
    CREATE INDEX resync_results_run ON resync_results(run_id);
    "#,
    // 3: usage — the original tool's access log (plus a file id naming the exact path bytes,
    // unix time, source, user and an import dedup key), a per-file aggregate that keeps the
    // decayed score, the
    // users seen per file, engine settings, and import watermarks per source.
    r#"
    CREATE TABLE access_records (
        id          INTEGER PRIMARY KEY,
        file_path   TEXT NOT NULL,      -- the path as text (lossy U+FFFD when not UTF-8)
        access_type TEXT NOT NULL,      -- viewed | accessed | managed | synced
        timestamp   TEXT NOT NULL,      -- ISO-8601 UTC, e.g. 2024-05-01T20:15:00Z
        metadata    TEXT,               -- JSON object or NULL
        file_id     INTEGER NOT NULL,   -- usage_files.id: the exact path bytes, kept once
        at          INTEGER NOT NULL,   -- the same instant as unix seconds
        source      TEXT NOT NULL DEFAULT 'record',
        user        TEXT,
        dedup_key   TEXT                -- set by imports: the same play is stored once
    );
    CREATE INDEX access_records_path ON access_records(file_id, at);
    CREATE INDEX access_records_time ON access_records(at);
    CREATE UNIQUE INDEX access_records_dedup ON access_records(dedup_key)
        WHERE dedup_key IS NOT NULL;
    CREATE TABLE usage_files (
        id          INTEGER PRIMARY KEY,
        path        BLOB NOT NULL UNIQUE,
        score       REAL NOT NULL DEFAULT 0,  -- decayed weighted sum as of score_at
        score_at    INTEGER NOT NULL DEFAULT 0,
        plays       INTEGER NOT NULL DEFAULT 0,
        events      INTEGER NOT NULL DEFAULT 0,
        first_at    INTEGER,
        last_at     INTEGER,
        last_viewed INTEGER,
        progress    REAL,                     -- fraction reached by the latest view, if known
        added_at    INTEGER                   -- earliest date a media server added the file
    );
    CREATE TABLE usage_users (
        path  BLOB NOT NULL,
        user  TEXT NOT NULL,
        PRIMARY KEY (path, user)
    ) WITHOUT ROWID;
    CREATE TABLE usage_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO usage_meta (key, value) VALUES ('half_life_secs', '7776000');
    CREATE TABLE usage_imports (
        source      TEXT NOT NULL,
        db          BLOB NOT NULL,
        watermark   INTEGER NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (source, db)
    );
    "#,
    // 4: resync trust: a request remembers its library's local root (where replaced files
    // are kept) and the source's size and mtime when it was queued (a source that moved
    // since is still changing); every replaced local file kept as a backup; and files put
    // back by `resync restore`, held against the source version they replaced.
    r#"
    ALTER TABLE resync_queue ADD COLUMN root BLOB;
    ALTER TABLE resync_queue ADD COLUMN source_size INTEGER;
    ALTER TABLE resync_queue ADD COLUMN source_mtime_ns INTEGER;
    CREATE TABLE resync_backups (
        id         INTEGER PRIMARY KEY,
        path       BLOB NOT NULL,        -- the local file that was replaced
        backup     BLOB NOT NULL,        -- where the replaced version is kept
        size       INTEGER NOT NULL,     -- the kept file's stat, checked before pruning
        mtime_ns   INTEGER NOT NULL,
        dev        INTEGER NOT NULL,
        ino        INTEGER NOT NULL,
        run_id     INTEGER,
        kept_at    INTEGER NOT NULL,     -- unix seconds
        auto_prune INTEGER NOT NULL,     -- 1: in the library's own backup folder, pruned after the retention
        state      TEXT NOT NULL         -- kept | restored | pruned | gone
    );
    CREATE INDEX resync_backups_path ON resync_backups(path);
    CREATE TABLE resync_holds (
        path            BLOB PRIMARY KEY,  -- a local file restored by hand
        source_size     INTEGER NOT NULL,  -- the source version it is not to be replaced with
        source_mtime_ns INTEGER NOT NULL,
        held_at         INTEGER NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 5: how many requests a run set out to do, written when it starts: a run whose disk
    // filled (or that was killed) before it journaled anything still reports them.
    r#"
    ALTER TABLE runs ADD COLUMN planned INTEGER;
    "#,
];
