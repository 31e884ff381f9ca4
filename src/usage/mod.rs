//! The usage engine: an access log of who watched, synced, opened or managed which file,
//! imports of real watch history from media servers, a frecency score per file and
//! recommendations of what to delete, archive or keep.
//!
//! Events land in the original tool's `access_records` table; a per-file aggregate
//! (`usage_files`) is updated in the same transaction, so scores stay cheap to read for a
//! million events and survive pruning of the raw log. See `docs/usage.md`.

pub mod import;
pub mod recommend;
pub mod report;
pub mod score;
pub mod store;
pub mod time;

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;

pub use score::{Category, ScoreModel};
pub use store::Access;

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccessType {
    /// Someone watched it (a player hook or a media server's history).
    Viewed,
    /// It was opened or read without being watched.
    Accessed,
    /// plexsync moved, linked or deduplicated it.
    Managed,
    /// `resync` copied it again.
    Synced,
}

impl AccessType {
    /// Every type, in weight order.
    pub const ALL: [AccessType; 4] = [
        AccessType::Viewed,
        AccessType::Synced,
        AccessType::Accessed,
        AccessType::Managed,
    ];

    /// The name stored in `access_records.access_type`.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessType::Viewed => "viewed",
            AccessType::Accessed => "accessed",
            AccessType::Managed => "managed",
            AccessType::Synced => "synced",
        }
    }

    /// The type named `s` (as stored), if any.
    pub fn parse(s: &str) -> Option<AccessType> {
        AccessType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The weight an event adds to the score before decay.
    pub fn weight(self) -> f64 {
        match self {
            AccessType::Viewed => 1.0,
            AccessType::Synced => 0.5,
            AccessType::Accessed => 0.2,
            AccessType::Managed => 0.0,
        }
    }
}

/// Record one access of `path` at `at_unix_secs` (the API other engines call).
pub fn record(
    cat: &Catalog,
    path: &Path,
    kind: AccessType,
    at_unix_secs: i64,
    meta: Option<&serde_json::Value>,
) -> Result<()> {
    record_batch(
        cat,
        &[Access::new(
            path.to_path_buf(),
            kind,
            at_unix_secs,
            meta.cloned(),
        )],
    )?;
    Ok(())
}

/// Record many accesses in one transaction; returns how many were new (imports with a
/// dedup key already present add nothing).
pub fn record_batch(cat: &Catalog, items: &[Access]) -> Result<u64> {
    if items.len() > 1000 {
        store::big_cache(cat.conn())?;
    }
    let tx = cat.conn().unchecked_transaction()?;
    let n = store::insert(&tx, items)?;
    tx.commit()?;
    Ok(n)
}

/// A path for the usage tables: absolute and lexically clean, like the catalog's keys.
pub fn key_path(p: &Path) -> Result<PathBuf> {
    Ok(crate::paths::absolute(p)?)
}
