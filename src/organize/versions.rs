//! Multi-version movies as Plex's guide names them: two different releases of one movie
//! that want the same target (`Heat (1995)/Heat (1995).mkv`) go side by side as
//! `Heat (1995) - 720p.mkv` and `Heat (1995) - 1080p.mkv`, when each one given a suffix
//! carries a label of its own (its resolution, else its source). A file already in the
//! library is never renamed: a new release beside it gets the suffix. Identical content
//! is never a version: it stays a collision (a duplicate) as before.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::meta::{MediaKindName, Meta};
use super::sanitize;
use super::sidecar;
use crate::paths;

/// A video of the plan that wants `target`.
pub struct Want<'a> {
    pub target: &'a mut Option<PathBuf>,
    pub label: Option<&'a str>,
    pub path: &'a Path,
    pub size: u64,
}

/// Videos of one plan wanting one target (by `key`), each with a label of its own and no
/// two alike in content, get Plex's version names. Copies of the library's file there
/// are left on the plain target (a duplicate, as before); one release beside the
/// library's file is a version too.
pub fn split(wants: &mut [Want], key: &dyn Fn(&Path) -> Vec<u8>, portable: bool) {
    let mut by_target: HashMap<Vec<u8>, Vec<usize>> = HashMap::new();
    for (i, w) in wants.iter().enumerate() {
        if let Some(t) = w.target.as_deref() {
            by_target.entry(key(t)).or_default().push(i);
        }
    }
    for g in by_target.into_values().filter(|g| g.len() > 1) {
        let target = wants[g[0]].target.clone().expect("decided");
        let existing = std::fs::symlink_metadata(&target).ok();
        let on_disk = existing.as_ref().is_some_and(|e| e.is_file());
        let g: Vec<usize> = match existing {
            Some(e) if e.is_file() => g
                .into_iter()
                .filter(|&i| !same_content(&target, e.len(), wants[i].path, wants[i].size))
                .collect(),
            _ => g,
        };
        let labels: Vec<Option<&str>> = g.iter().map(|&i| wants[i].label).collect();
        let versions = distinct(&labels) || on_disk && labels.len() == 1 && labels[0].is_some();
        if !versions {
            continue;
        }
        let same = g.iter().enumerate().any(|(n, &a)| {
            g[n + 1..]
                .iter()
                .any(|&b| same_content(wants[a].path, wants[a].size, wants[b].path, wants[b].size))
        });
        if same {
            continue;
        }
        for &i in &g {
            let w = &mut wants[i];
            if let (Some(t), Some(l)) = (w.target.as_deref(), w.label) {
                if let Some(n) = named(t, l, portable) {
                    *w.target = Some(n);
                }
            }
        }
    }
}

/// The version label of a movie file (`1080p`, else `Blu-ray`); none for episodes,
/// extras and samples.
pub fn label(meta: &Meta) -> Option<String> {
    if meta.kind != MediaKindName::Movie || meta.extra.is_some() || meta.sample {
        return None;
    }
    meta.screen_size
        .clone()
        .or_else(|| meta.source.clone())
        .filter(|l| !l.trim().is_empty())
}

/// `target` with ` - <label>` after its stem; `None` when its name already ends so.
pub fn named(target: &Path, label: &str, portable: bool) -> Option<PathBuf> {
    let dir = target.parent()?;
    let name = target.file_name()?;
    let stem = sidecar::stem(name);
    let ext = &name.as_encoded_bytes()[stem.len()..];
    let stem_text = paths::name_text(stem);
    let suffix = format!(" - {label}");
    if stem_text.to_lowercase().ends_with(&suffix.to_lowercase()) {
        return None;
    }
    let full = format!("{stem_text}{suffix}{}", paths::name_text(ext));
    Some(dir.join(sanitize::component(&full, portable)))
}

/// The labels of several files that want one target, when they make versions: every
/// one has a label and no two labels are alike.
pub fn distinct(labels: &[Option<&str>]) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for l in labels {
        let Some(l) = l else { return false };
        let l = l.to_lowercase();
        if seen.contains(&l) {
            return false;
        }
        seen.push(l);
    }
    seen.len() > 1
}

/// Whether two files hold the same bytes (sizes first; a read error counts as same,
/// so a doubt is never made a version).
pub fn same_content(a: &Path, a_size: u64, b: &Path, b_size: u64) -> bool {
    if a_size != b_size {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (File::open(a), File::open(b)) else {
        return true;
    };
    let (mut ra, mut rb) = (BufReader::new(fa), BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let Ok(n) = read_full(&mut ra, &mut ba) else {
            return true;
        };
        let Ok(m) = read_full(&mut rb, &mut bb) else {
            return true;
        };
        if n != m || ba[..n] != bb[..m] {
            return false;
        }
        if n == 0 {
            return true;
        }
    }
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names_and_labels() {
        let t = Path::new("/l/Movies/Heat (1995)/Heat (1995).mkv");
        assert_eq!(
            named(t, "1080p", false).unwrap(),
            Path::new("/l/Movies/Heat (1995)/Heat (1995) - 1080p.mkv")
        );
        let v = Path::new("/l/Movies/Heat (1995)/Heat (1995) - 1080p.mkv");
        assert_eq!(named(v, "1080p", false), None);
        assert!(distinct(&[Some("720p"), Some("1080p")]));
        assert!(!distinct(&[Some("1080p"), Some("1080P")]));
        assert!(!distinct(&[Some("1080p"), None]));
        let d = tempfile::tempdir().unwrap();
        let (a, b, c) = (d.path().join("a"), d.path().join("b"), d.path().join("c"));
        std::fs::write(&a, b"same bytes").unwrap();
        std::fs::write(&b, b"same bytes").unwrap();
        std::fs::write(&c, b"other byte").unwrap();
        assert!(same_content(&a, 10, &b, 10));
        assert!(!same_content(&a, 10, &c, 10));
        assert!(!same_content(&a, 10, &c, 11));
    }
}
