-- The original Python plexsync tool's ~/.plexsync/usage.db.
CREATE TABLE IF NOT EXISTS access_records (id INTEGER PRIMARY KEY AUTOINCREMENT, file_path TEXT NOT NULL, access_type TEXT NOT NULL, timestamp TEXT NOT NULL, metadata TEXT);
CREATE INDEX IF NOT EXISTS idx_file_path ON access_records(file_path);
CREATE INDEX IF NOT EXISTS idx_timestamp ON access_records(timestamp);
