//! The resync engine: find local files that are missing, incomplete, corrupted or
//! outdated against their source ([`check`]), scrub local files alone ([`scrub`]), keep a
//! queue of repair requests in the catalog ([`store`]), and make them whole again with
//! verified, resumable, atomic copies ([`repair`]). No clap and no terminal in here: the
//! binary drives it and renders what it reports.

pub mod backup;
pub mod check;
pub mod converge;
pub mod leftovers;
pub mod repair;
pub mod report;
pub mod restore;
pub mod scrub;
pub mod store;
pub mod trust;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Serialize;

/// A local root and the source root it is synced from; relative paths map one to one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    /// The local root.
    pub dest: PathBuf,
    /// The source root.
    pub source: PathBuf,
}

impl Library {
    /// A library from two folders, made absolute.
    pub fn new(source: &Path, dest: &Path) -> Result<Library> {
        let source = crate::paths::absolute(source)
            .with_context(|| format!("resolving {}", source.display()))?;
        let dest = crate::paths::absolute(dest)
            .with_context(|| format!("resolving {}", dest.display()))?;
        if source.starts_with(&dest) || dest.starts_with(&source) {
            bail!(
                "source {} and destination {} overlap; they must be separate folders",
                source.display(),
                dest.display()
            );
        }
        Ok(Library { dest, source })
    }

    /// The source file for local file `local`, when it lies under the local root.
    pub fn source_of(&self, local: &Path) -> Option<PathBuf> {
        let rel = local.strip_prefix(&self.dest).ok()?;
        Some(if rel.as_os_str().is_empty() {
            self.source.clone()
        } else {
            self.source.join(rel)
        })
    }
}

/// Why a local file needs to be copied again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Synced before (or in the source, with `--all`) and absent locally.
    Missing,
    /// Shorter than the source, a leftover partial, or a container cut short.
    Incomplete,
    /// Same size but different content, or no longer the recorded hash.
    Corrupted,
    /// The source changed since the local copy was made.
    Outdated,
    /// Queued by hand.
    UserRequest,
    /// An earlier copy did not verify.
    VerificationFailed,
    /// In the local tree but not in the source: reported, never queued or touched.
    Orphaned,
}

impl Reason {
    /// The name stored in the catalog and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Missing => "missing",
            Reason::Incomplete => "incomplete",
            Reason::Corrupted => "corrupted",
            Reason::Outdated => "outdated",
            Reason::UserRequest => "user_request",
            Reason::VerificationFailed => "verification_failed",
            Reason::Orphaned => "orphaned",
        }
    }

    /// Parse a stored name.
    pub fn parse(s: &str) -> Option<Reason> {
        Some(match s {
            "missing" => Reason::Missing,
            "incomplete" => Reason::Incomplete,
            "corrupted" => Reason::Corrupted,
            "outdated" => Reason::Outdated,
            "user_request" => Reason::UserRequest,
            "verification_failed" => Reason::VerificationFailed,
            "orphaned" => Reason::Orphaned,
            _ => return None,
        })
    }

    /// The default priority (1 highest … 5 lowest): data that is silently wrong first,
    /// then files that are not there, then the rest.
    pub fn default_priority(self) -> u8 {
        match self {
            Reason::UserRequest => 1,
            Reason::Corrupted => 2,
            Reason::Missing => 2,
            Reason::Incomplete => 3,
            Reason::VerificationFailed => 3,
            Reason::Outdated => 4,
            Reason::Orphaned => 5,
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_maps_and_refuses_overlap() {
        let lib = Library::new(Path::new("/mnt/m"), Path::new("/home/me/M")).unwrap();
        assert_eq!(
            lib.source_of(Path::new("/home/me/M/a/b.mkv")),
            Some(PathBuf::from("/mnt/m/a/b.mkv"))
        );
        assert_eq!(lib.source_of(Path::new("/home/me/Mx/b.mkv")), None);
        assert!(Library::new(Path::new("/a"), Path::new("/a/b")).is_err());
        for r in [
            Reason::Missing,
            Reason::VerificationFailed,
            Reason::UserRequest,
        ] {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
        }
    }
}
