//! Paths as bytes: lossless storage in the catalog, lossless JSON (`{"text"}` or
//! `{"bytes"}`, ripgrep's convention) and safe display on a terminal.

use std::ffi::OsStr;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::{Serialize, Serializer};

/// The raw bytes of a path, as stored in the catalog.
pub fn to_bytes(p: &Path) -> &[u8] {
    p.as_os_str().as_bytes()
}

/// A path from raw catalog bytes.
pub fn from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(std::ffi::OsString::from_vec(b.to_vec()))
}

/// A path in JSON: `{"text": "..."}` when it is UTF-8, else `{"bytes": "<base64>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum JsonPath {
    Text { text: String },
    Bytes { bytes: String },
}

impl JsonPath {
    /// Encode `p` without losing a byte.
    pub fn new(p: &Path) -> JsonPath {
        match p.to_str() {
            Some(s) => JsonPath::Text {
                text: s.to_string(),
            },
            None => JsonPath::Bytes {
                bytes: base64::engine::general_purpose::STANDARD.encode(to_bytes(p)),
            },
        }
    }

    /// Decode back into a path (tests and tools reading our JSON use this).
    pub fn to_path(&self) -> PathBuf {
        match self {
            JsonPath::Text { text } => PathBuf::from(text),
            JsonPath::Bytes { bytes } => from_bytes(
                &base64::engine::general_purpose::STANDARD
                    .decode(bytes)
                    .unwrap_or_default(),
            ),
        }
    }
}

/// `serialize_with` helper so a struct field of type `PathBuf` serializes as a [`JsonPath`].
pub fn serialize<S: Serializer>(p: &Path, s: S) -> Result<S::Ok, S::Error> {
    JsonPath::new(p).serialize(s)
}

/// `serialize_with` helper for `Option<PathBuf>`.
pub fn serialize_opt<S: Serializer>(p: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
    p.as_deref().map(JsonPath::new).serialize(s)
}

/// A path for a human on a terminal: control and bidi characters escaped, invalid UTF-8
/// shown as `\xNN`, so a hostile name cannot rewrite the screen.
pub fn display(p: &Path) -> String {
    escape_bytes(to_bytes(p))
}

/// Escape arbitrary bytes for display (see [`display`]).
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() || is_bidi(c) => {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32));
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// Text of a file name for building new names: valid UTF-8 as it is, and each byte that
/// is not as Windows-1252 (the usual encoding of such names, from old Windows shares and
/// Latin-1 systems), so `Caf\xe9` reads `Café` instead of a replacement character.
pub fn name_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.into();
    }
    // 0x80..0x9F in Windows-1252; the five it leaves undefined stay C1 controls.
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.push(match b {
                0x80..=0x9f => CP1252[usize::from(b - 0x80)],
                b => char::from(b),
            });
        }
    }
    out.into()
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// The half-open byte range `[lo, hi)` that holds every path strictly below `dir`, for
/// prefix queries on the catalog's BLOB path index.
pub fn prefix_range(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    let mut lo = to_bytes(dir).to_vec();
    while lo.len() > 1 && lo.ends_with(b"/") {
        lo.pop();
    }
    if lo != b"/" {
        lo.push(b'/');
    }
    let mut hi = lo.clone();
    // '/' + 1 == '0': every byte string that starts with `lo` sorts below `hi`.
    *hi.last_mut().expect("non-empty") += 1;
    (lo, hi)
}

/// Make `p` absolute against the current folder and drop `.` and `..` components
/// lexically (without following symlinks), so the same file has one catalog key.
pub fn absolute(p: &Path) -> std::io::Result<PathBuf> {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    let mut out = PathBuf::new();
    for comp in joined.components() {
        match comp {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c.as_os_str()),
        }
    }
    Ok(out)
}

/// `~` or `~/rest` in front of a path from a config file means the home folder.
pub fn expand_tilde(p: &Path) -> PathBuf {
    match p.strip_prefix("~") {
        Ok(rest) => crate::catalog::home_dir().join(rest),
        Err(_) => p.to_path_buf(),
    }
}

/// True when `p` is `root` or lies below it (lexically).
pub fn is_within(p: &Path, root: &Path) -> bool {
    p.starts_with(root)
}

/// An `OsStr` from bytes (for building names).
pub fn os(b: &[u8]) -> &OsStr {
    OsStr::from_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_non_utf8() {
        let p = from_bytes(b"/m/caf\xe9.mkv");
        let j = JsonPath::new(&p);
        assert!(matches!(j, JsonPath::Bytes { .. }));
        assert_eq!(j.to_path(), p);
        let t = JsonPath::new(Path::new("/m/a.mkv"));
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"text":"/m/a.mkv"}"#);
    }

    #[test]
    fn names_not_in_utf8_read_as_windows_1252() {
        assert_eq!(name_text(b"Am\xe9lie (2001).mkv"), "Amélie (2001).mkv");
        assert_eq!(name_text(b"\x93Quoted\x94 \x80"), "“Quoted” €");
        // Valid UTF-8 around an invalid byte is kept as it is.
        assert_eq!(name_text(b"Caf\xc3\xa9 \xff"), "Café ÿ");
        assert!(matches!(
            name_text(b"plain"),
            std::borrow::Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn tilde_means_home() {
        let home = crate::catalog::home_dir();
        assert_eq!(expand_tilde(Path::new("~/Media/TV")), home.join("Media/TV"));
        assert_eq!(expand_tilde(Path::new("~")), home);
        assert_eq!(expand_tilde(Path::new("/mnt/~x")), Path::new("/mnt/~x"));
        assert_eq!(expand_tilde(Path::new("~bob/x")), Path::new("~bob/x"));
    }

    #[test]
    fn display_escapes() {
        assert_eq!(escape_bytes(b"a\nb\xff\x1b"), "a\\nb\\xff\\u{1b}");
    }

    #[test]
    fn prefix_range_bounds() {
        let (lo, hi) = prefix_range(Path::new("/media/"));
        assert_eq!(lo, b"/media/");
        assert_eq!(hi, b"/media0");
        assert!(b"/media/x".as_slice() >= lo.as_slice() && b"/media/x".as_slice() < hi.as_slice());
        assert!(b"/media2/x".as_slice() >= hi.as_slice());
    }

    #[test]
    fn absolute_is_lexical() {
        assert_eq!(
            absolute(Path::new("/a/./b/../c")).unwrap(),
            PathBuf::from("/a/c")
        );
    }
}
