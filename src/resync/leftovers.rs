//! Leftovers of interrupted copies beside a target: `NAME.part`, `NAME.partial`, rsync's
//! `.NAME.XXXXXX` temporaries and plexsync's own `.NAME.plexsync-tmp.*` files. `check`
//! maps them to the file they were meant to become; `run` may resume from one and removes
//! them once the target is whole.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use crate::fsops::TEMP_MARKER;

/// The name of the file a leftover was meant to become, or `None` for an ordinary name.
pub fn target_name(name: &OsStr) -> Option<OsString> {
    let b = name.as_bytes();
    for suffix in [&b".part"[..], b".partial"] {
        if b.len() > suffix.len() && b.ends_with(suffix) {
            return Some(OsString::from_vec(b[..b.len() - suffix.len()].to_vec()));
        }
    }
    if b.first() != Some(&b'.') {
        return None;
    }
    let marker = TEMP_MARKER.as_bytes();
    if let Some(i) = b.windows(marker.len()).position(|w| w == marker) {
        if i > 1 {
            return Some(OsString::from_vec(b[1..i].to_vec()));
        }
    }
    // rsync: ".NAME.XXXXXX" with six letters or digits.
    if b.len() > 9 {
        let (head, tail) = b.split_at(b.len() - 7);
        if tail[0] == b'.' && tail[1..].iter().all(u8::is_ascii_alphanumeric) {
            return Some(OsString::from_vec(head[1..].to_vec()));
        }
    }
    None
}

/// Every leftover for `target` in its folder (regular files only).
pub fn find(target: &Path) -> Vec<PathBuf> {
    Folders::default().find(target)
}

/// Folder listings read once and reused: finding the leftovers of many targets in one
/// folder would otherwise read that folder once per target.
#[derive(Default)]
pub struct Folders {
    listed: std::collections::HashMap<PathBuf, Vec<(OsString, bool)>>,
}

impl Folders {
    /// Every leftover for `target` in its folder, as the folder was when first listed.
    pub fn find(&mut self, target: &Path) -> Vec<PathBuf> {
        let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
            return Vec::new();
        };
        let entries = self.listed.entry(dir.to_path_buf()).or_insert_with(|| {
            std::fs::read_dir(dir)
                .map(|rd| {
                    rd.flatten()
                        .filter(|e| target_name(&e.file_name()).is_some())
                        .map(|e| (e.file_name(), e.file_type().is_ok_and(|t| t.is_file())))
                        .collect()
                })
                .unwrap_or_default()
        });
        let name_b = name.as_bytes();
        // plexsync's temp names keep at most 200 bytes of the target's name.
        let short = &name_b[..name_b.len().min(200)];
        let mut out = Vec::new();
        for (n, is_file) in entries.iter() {
            let Some(t) = target_name(n) else { continue };
            let tb = t.as_bytes();
            let is_ours = tb == name_b
                || (tb == short
                    && n.as_bytes()
                        .windows(TEMP_MARKER.len())
                        .any(|w| w == TEMP_MARKER.as_bytes()));
            if is_ours && *is_file {
                out.push(dir.join(n));
            }
        }
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let t = |s: &str| target_name(OsStr::new(s)).map(|o| o.into_string().unwrap());
        assert_eq!(t("a.mkv.part").as_deref(), Some("a.mkv"));
        assert_eq!(t("a.mkv.partial").as_deref(), Some("a.mkv"));
        assert_eq!(t(".a.mkv.Xy12Zq").as_deref(), Some("a.mkv"));
        assert_eq!(t(".a.mkv.plexsync-tmp.123.4").as_deref(), Some("a.mkv"));
        assert_eq!(t("a.mkv"), None);
        assert_eq!(t(".hidden"), None);
        assert_eq!(t(".part"), None);
    }

    #[test]
    fn finds_beside_target() {
        let d = tempfile::tempdir().unwrap();
        for n in [
            "a.mkv.part",
            ".a.mkv.plexsync-tmp.1.2",
            "b.mkv.part",
            "a.mkv",
        ] {
            std::fs::write(d.path().join(n), b"x").unwrap();
        }
        let got = find(&d.path().join("a.mkv"));
        assert_eq!(got.len(), 2);
    }
}
