//! Making names parsed from files safe to use as path components.
//!
//! A release name is hostile input: it can hold `/`, `..`, control characters, or
//! characters a Windows/SMB share refuses. Field values lose their separators before
//! they reach a template ([`value`]); the rendered path is then cut into components and
//! each is cleaned and limited to 255 bytes on a UTF-8 boundary ([`join_components`]);
//! finally the joined target is checked lexically to lie inside the root ([`inside`]).

use std::path::{Component, Path, PathBuf};

/// Longest file name most file systems accept, in bytes.
pub const NAME_MAX: usize = 255;

const WINDOWS_RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Clean one field value: no path separators, no control characters, no characters a
/// portable (Windows/SMB) name refuses when `portable`, whitespace collapsed.
pub fn value(v: &str, portable: bool) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' | '\\' => out.push('-'),
            c if c.is_control() => out.push(' '),
            ':' if portable => {
                // "Title: Subtitle" reads best as "Title - Subtitle".
                if chars.peek() == Some(&' ') {
                    out.push_str(" -");
                } else {
                    out.push('-');
                }
            }
            '"' if portable => out.push('\''),
            '<' | '>' | '|' | '?' | '*' if portable => out.push('_'),
            c => out.push(c),
        }
    }
    let collapsed: Vec<&str> = out.split_whitespace().collect();
    collapsed.join(" ")
}

/// Clean one path component (see the module doc); never empty, never `.` or `..`.
pub fn component(c: &str, portable: bool) -> String {
    let mut s: String = c
        .chars()
        .map(|ch| match ch {
            '\\' => '-',
            ch if ch.is_control() => ' ',
            '<' | '>' | ':' | '"' | '|' | '?' | '*' if portable => '_',
            ch => ch,
        })
        .collect();
    s = s.trim().to_string();
    // Hidden names and `..` would hide or escape; replace the leading dots.
    if s.starts_with('.') {
        let dots = s.len() - s.trim_start_matches('.').len();
        s = format!("{}{}", "_".repeat(dots), &s[dots..]);
    }
    if portable {
        // Windows drops trailing dots and spaces, which would merge distinct names.
        while s.ends_with('.') || s.ends_with(' ') {
            s.pop();
        }
        let stem = s.split('.').next().unwrap_or("").to_ascii_uppercase();
        if WINDOWS_RESERVED.contains(&stem.as_str()) {
            s.insert(0, '_');
        }
    }
    if s.is_empty() {
        s.push('_');
    }
    cut(&s, NAME_MAX)
}

/// Cut `name` to at most `max` bytes on a character boundary, keeping a short extension
/// (up to 16 bytes) so a long file name keeps its type.
pub fn cut(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    let ext = match name.rfind('.') {
        Some(i) if i > 0 && name.len() - i <= 16 => &name[i..],
        _ => "",
    };
    let mut end = max - ext.len();
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let stem = name[..end].trim_end();
    format!("{stem}{ext}")
}

/// Split a rendered template on `/` and clean every component; empty components vanish.
pub fn join_components(rendered: &str, portable: bool) -> String {
    let parts: Vec<String> = rendered
        .split('/')
        .filter(|c| !c.trim().is_empty())
        .map(|c| component(c, portable))
        .collect();
    parts.join("/")
}

/// `root/rel`, or `None` when the result would not lie strictly inside `root` (checked
/// lexically, component by component, after joining).
pub fn inside(root: &Path, rel: &str) -> Option<PathBuf> {
    let joined = root.join(rel);
    let mut depth = 0usize;
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            _ => return None,
        }
    }
    (depth > 0 && joined.starts_with(root) && joined != root).then_some(joined)
}

/// True when `dir` lies on a file system that needs portable (Windows) names: CIFS/SMB,
/// NTFS, FAT and exFAT mounts, read from `/proc/self/mounts`.
pub fn needs_portable(dir: &Path) -> bool {
    let Ok(mounts) = std::fs::read_to_string("/proc/self/mounts") else {
        return false;
    };
    let mut best: Option<(usize, String)> = None;
    for line in mounts.lines() {
        let mut f = line.split(' ');
        let (Some(_dev), Some(mnt), Some(fstype)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        // /proc/mounts escapes spaces and friends as octal.
        let mnt = mnt.replace("\\040", " ").replace("\\011", "\t");
        if dir.starts_with(&mnt) && best.as_ref().is_none_or(|(l, _)| mnt.len() > *l) {
            best = Some((mnt.len(), fstype.to_string()));
        }
    }
    best.is_some_and(|(_, t)| {
        matches!(
            t.as_str(),
            "cifs" | "smb3" | "smbfs" | "ntfs" | "ntfs3" | "fuseblk" | "vfat" | "msdos" | "exfat"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_components() {
        assert_eq!(component("..", false), "__");
        assert_eq!(component(".hidden", false), "_hidden");
        assert_eq!(component("a\nb", false), "a b");
        assert_eq!(component("a:b?", true), "a_b_");
        assert_eq!(component("a:b?", false), "a:b?");
        assert_eq!(component("CON.mkv", true), "_CON.mkv");
        assert_eq!(component("name. ", true), "name");
        assert_eq!(component("", false), "_");
        assert_eq!(value("A/B\\C", false), "A-B-C");
        assert_eq!(
            value("Star Wars: A New Hope", true),
            "Star Wars - A New Hope"
        );
    }

    #[test]
    fn cuts_on_char_boundary_keeping_extension() {
        let long = format!("{}.mkv", "é".repeat(200));
        let c = component(&long, false);
        assert!(c.len() <= NAME_MAX, "{}", c.len());
        assert!(c.ends_with(".mkv"));
        assert!(std::str::from_utf8(c.as_bytes()).is_ok());
    }

    #[test]
    fn stays_inside_root() {
        let root = Path::new("/lib");
        assert_eq!(
            inside(root, "Movies/a.mkv"),
            Some(PathBuf::from("/lib/Movies/a.mkv"))
        );
        assert_eq!(inside(root, "../x"), None);
        assert_eq!(inside(root, "/etc/passwd"), None);
        assert_eq!(inside(root, ""), None);
        let rel = join_components("Movies/../../etc/passwd.mkv", false);
        assert!(inside(root, &rel).is_some(), "{rel}");
        let rel = join_components("Movie.(2020)/..\\..\\x.mkv", true);
        assert_eq!(rel, "Movie.(2020)/__-..-x.mkv");
    }
}
