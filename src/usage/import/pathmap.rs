//! From a server's path to a local file: `--map FROM=TO` rewrites, Kodi's `stack://`
//! multi-part entries split into their files, and a lookup that tolerates what servers
//! change in a name. Paths from Windows (`D:\Media`, `\\NAS\media`) and SMB URLs
//! (`smb://NAS/media`) are case-insensitive there, so their maps and the rest of their
//! path match in any case; every path matches whatever its Unicode form (a name written
//! decomposed, NFD, as macOS does, finds the composed NFC local name, and the reverse).

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Result};
use rusqlite::{Connection, OptionalExtension};
use unicode_normalization::UnicodeNormalization;

use crate::paths;

/// Parse `FROM=TO`.
pub fn parse_map(s: &str) -> Result<(String, String)> {
    let Some((from, to)) = s.split_once('=') else {
        bail!("--map {s:?}: expected FROM=TO, e.g. /data/media=/home/me/Media");
    };
    if from.is_empty() || to.is_empty() {
        bail!("--map {s:?}: FROM and TO must not be empty");
    }
    let trim = |x: &str| {
        if x.len() > 1 {
            x.trim_end_matches(['/', '\\']).to_string()
        } else {
            x.to_string()
        }
    };
    Ok((trim(from), trim(to)))
}

/// True for paths of systems that ignore case: Windows drive and UNC paths, SMB URLs.
pub fn case_insensitive(server: &str) -> bool {
    let b = server.as_bytes();
    (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
        || server.starts_with("\\\\")
        || server
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("smb://"))
}

fn same_char(a: char, b: char, ci: bool) -> bool {
    a == b
        || (matches!(a, '/' | '\\') && matches!(b, '/' | '\\'))
        || (ci && a.to_lowercase().eq(b.to_lowercase()))
}

/// The byte length of `server`'s prefix that equals `from`, if it does.
fn prefix_len(server: &str, from: &str, ci: bool) -> Option<usize> {
    let mut s = server.char_indices();
    for f in from.chars() {
        let (_, c) = s.next()?;
        if !same_char(c, f, ci) {
            return None;
        }
    }
    Some(s.next().map_or(server.len(), |(i, _)| i))
}

/// A server path rewritten for this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapped {
    pub path: String,
    /// The server ignores case, so the local lookup may too.
    pub ci: bool,
}

/// Rewrite a server path with the longest matching `FROM` (whole path components only,
/// compared in NFC, ignoring case for case-insensitive servers). Windows-style remainders
/// (`\`) become `/`.
pub fn map_path(server: &str, maps: &[(String, String)]) -> Mapped {
    let ci = case_insensitive(server);
    let server: String = server.nfc().collect();
    let mut best: Option<(usize, &str)> = None;
    for (from, to) in maps {
        let from: String = from.nfc().collect();
        let Some(n) = prefix_len(&server, &from, ci || case_insensitive(&from)) else {
            continue;
        };
        let whole = n == server.len()
            || from.ends_with(['/', '\\'])
            || matches!(server.as_bytes().get(n), Some(b'/' | b'\\'));
        if whole && best.is_none_or(|(b, _)| b < n) {
            best = Some((n, to));
        }
    }
    let path = match best {
        Some((n, to)) => {
            let rest = &server[n..];
            format!("{to}{}", rest.replace('\\', "/"))
        }
        None => server,
    };
    Mapped { path, ci }
}

/// The files of a Kodi `stack://a , b` entry (`,,` in a part is a comma), or the path.
pub fn stack_parts(path: &str) -> Vec<String> {
    match path.strip_prefix("stack://") {
        Some(rest) => rest
            .split(" , ")
            .map(|p| p.replace(",,", ","))
            .filter(|p| !p.is_empty())
            .collect(),
        None => vec![path.to_string()],
    }
}

/// The form two names are compared in.
fn fold(name: &str, ci: bool) -> String {
    let n: String = name.nfc().collect();
    if ci {
        n.to_lowercase()
    } else {
        n
    }
}

/// Resolve mapped paths to local files: the catalog knows the path (and not as missing) or
/// it is a regular file on disk, spelt exactly or, component by component, up to case (for
/// case-insensitive servers) and Unicode form.
pub struct Matcher<'a> {
    pub conn: &'a Connection,
    cache: HashMap<(String, bool), Option<PathBuf>>,
    dirs: HashMap<PathBuf, Vec<OsString>>,
}

impl<'a> Matcher<'a> {
    /// A matcher reading the catalog through `conn`.
    pub fn new(conn: &'a Connection) -> Matcher<'a> {
        Matcher {
            conn,
            cache: HashMap::new(),
            dirs: HashMap::new(),
        }
    }

    fn known(&self, p: &Path) -> bool {
        let status: Option<String> = self
            .conn
            .query_row(
                "SELECT status FROM files WHERE path = ?1",
                [paths::to_bytes(p)],
                |r| r.get(0),
            )
            .optional()
            .ok()
            .flatten();
        status.is_some_and(|s| s != "missing") || std::fs::metadata(p).is_ok_and(|m| m.is_file())
    }

    /// The local file `m` names, if any.
    pub fn local(&mut self, m: &Mapped) -> Option<PathBuf> {
        let key = (m.path.clone(), m.ci);
        if let Some(hit) = self.cache.get(&key) {
            return hit.clone();
        }
        let found = (|| {
            let p = Path::new(&m.path);
            if !p.is_absolute() {
                return None;
            }
            let p = paths::absolute(p).ok()?;
            if self.known(&p) {
                return Some(p);
            }
            let loose = self.loose(&p, m.ci)?;
            std::fs::metadata(&loose)
                .is_ok_and(|md| md.is_file())
                .then_some(loose)
        })();
        self.cache.insert(key, found.clone());
        found
    }

    /// Walk `p` from the root, taking each component as it is when it exists, else the one
    /// entry of its folder that is the same name up to form (and case).
    fn loose(&mut self, p: &Path, ci: bool) -> Option<PathBuf> {
        let mut at = PathBuf::new();
        for c in p.components() {
            match c {
                Component::Normal(name) => {
                    let next = at.join(name);
                    if std::fs::symlink_metadata(&next).is_ok() {
                        at = next;
                        continue;
                    }
                    let want = fold(&name.to_string_lossy(), ci);
                    let entries = self.dirs.entry(at.clone()).or_insert_with(|| {
                        let mut v: Vec<OsString> = std::fs::read_dir(&at)
                            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.file_name())).collect())
                            .unwrap_or_default();
                        v.sort();
                        v
                    });
                    let hit = entries
                        .iter()
                        .find(|e| e.to_str().is_some_and(|s| fold(s, ci) == want))?
                        .clone();
                    at.push(hit);
                }
                other => at.push(other.as_os_str()),
            }
        }
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maps(v: &[&str]) -> Vec<(String, String)> {
        v.iter().map(|m| parse_map(m).unwrap()).collect()
    }

    #[test]
    fn maps_whole_components_longest_first() {
        let m = maps(&[
            "/data=/x",
            "/data/media/=/home/me/Media",
            "D:\\Media=/srv/m",
        ]);
        let p = |s: &str| map_path(s, &m).path;
        assert_eq!(p("/data/media/a.mkv"), "/home/me/Media/a.mkv");
        assert_eq!(p("/data/other/a.mkv"), "/x/other/a.mkv");
        assert_eq!(p("/database/a.mkv"), "/database/a.mkv");
        assert_eq!(p("D:\\Media\\TV\\a.mkv"), "/srv/m/TV/a.mkv");
        assert!(parse_map("nope").is_err());
    }

    #[test]
    fn windows_and_smb_paths_ignore_case_unix_ones_do_not() {
        let m = maps(&["d:\\media=/srv/m", "smb://nas/media=/l", "/Data=/d"]);
        let p = |s: &str| map_path(s, &m);
        assert_eq!(p("D:\\Media\\Heat.mkv").path, "/srv/m/Heat.mkv");
        assert!(p("D:\\Media\\Heat.mkv").ci);
        assert_eq!(p("D:/MEDIA/x.mkv").path, "/srv/m/x.mkv");
        assert_eq!(p("SMB://NAS/Media/Movies/a.mkv").path, "/l/Movies/a.mkv");
        assert_eq!(p("/data/x.mkv").path, "/data/x.mkv");
        assert!(!p("/Data/x.mkv").ci);
        assert_eq!(p("D:\\Mediathek\\x.mkv").path, "D:\\Mediathek\\x.mkv");
        let unc = maps(&["\\\\NAS\\media=/u"]);
        assert_eq!(
            map_path("\\\\nas\\Media\\TV\\a.mkv", &unc).path,
            "/u/TV/a.mkv"
        );
        assert!(!case_insensitive("/mnt/NAS/media"));
    }

    #[test]
    fn maps_match_in_either_unicode_form() {
        // "Amélie" composed (NFC) in the map, decomposed (NFD) on the server, and back.
        let m = maps(&["/srv/Am\u{e9}lie=/l"]);
        assert_eq!(map_path("/srv/Ame\u{301}lie/a.mkv", &m).path, "/l/a.mkv");
        let m = maps(&["/srv/Ame\u{301}lie=/l"]);
        assert_eq!(map_path("/srv/Am\u{e9}lie/a.mkv", &m).path, "/l/a.mkv");
    }

    #[test]
    fn kodi_stacks_split_into_their_parts() {
        assert_eq!(
            stack_parts("stack://smb://nas/m/A-cd1.avi , smb://nas/m/A,, B-cd2.avi"),
            vec!["smb://nas/m/A-cd1.avi", "smb://nas/m/A, B-cd2.avi"]
        );
        assert_eq!(stack_parts("/m/a.mkv"), vec!["/m/a.mkv"]);
    }

    #[test]
    fn loose_lookup_finds_other_case_and_form_on_disk() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("Movies/Am\u{e9}lie (2001)")).unwrap();
        let f = d.path().join("Movies/Am\u{e9}lie (2001)/Am\u{e9}lie.mkv");
        std::fs::write(&f, b"x").unwrap();
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE files (path BLOB, status TEXT)")
            .unwrap();
        let mut m = Matcher::new(&conn);
        let root = d.path().to_str().unwrap();
        let nfd = format!("{root}/Movies/Ame\u{301}lie (2001)/Ame\u{301}lie.mkv");
        let upper = format!("{root}/movies/AM\u{c9}LIE (2001)/am\u{e9}lie.MKV");
        let hit = |m: &mut Matcher, p: &str, ci| m.local(&Mapped { path: p.into(), ci });
        assert_eq!(hit(&mut m, &nfd, false), Some(f.clone()));
        assert_eq!(hit(&mut m, &upper, true), Some(f.clone()));
        assert_eq!(
            hit(&mut m, &upper, false),
            None,
            "case matters on Unix servers"
        );
    }
}
