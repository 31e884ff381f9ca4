//! The desktop trash, by the freedesktop.org Trash specification (1.0): a file on the
//! file system of the user's data folder goes to `$XDG_DATA_HOME/Trash`; a file on another
//! file system goes to the trash at the top of that one, `$topdir/.Trash/$uid` when the
//! administrator made a sticky, non-link `$topdir/.Trash`, else `$topdir/.Trash-$uid`
//! (made with mode 0700 when missing). The file is renamed into `files/NAME` — never
//! copied — after `info/NAME.trashinfo` (`Path`, percent-encoded, and `DeletionDate`,
//! local time) was created with `O_EXCL`, which is how the specification claims a name.
//! File managers list, restore and empty what lands there.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::{fsync_dir, parent_of, rename_noreplace};

/// A trash folder (the one holding `files/` and `info/`) and the folder its relative
/// `Path` keys start from (`None`: absolute paths).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashDir {
    pub dir: PathBuf,
    pub top: Option<PathBuf>,
}

/// Move `now` (a file whose original name is `original`) into the trash of its file
/// system. Returns where it went.
pub fn put(now: &Path, original: &Path) -> io::Result<PathBuf> {
    let dev = fs::symlink_metadata(now)?.dev();
    put_into(now, original, &trash_for(original, dev)?)
}

/// Move `now` (originally `original`) into `trash`.
pub fn put_into(now: &Path, original: &Path, trash: &TrashDir) -> io::Result<PathBuf> {
    let (files, info) = (trash.dir.join("files"), trash.dir.join("info"));
    for d in [&files, &info] {
        make_private_dir(d)?;
    }
    let key = match &trash.top {
        Some(top) => original.strip_prefix(top).unwrap_or(original),
        None => original,
    };
    let text = format!(
        "[Trash Info]\nPath={}\nDeletionDate={}\n",
        encode(key.as_os_str()),
        jiff::Zoned::now().strftime("%Y-%m-%dT%H:%M:%S")
    );
    let name = original.file_name().unwrap_or(OsStr::new("file"));
    for n in 1u32.. {
        let candidate = numbered(name, n);
        let mut info_name = candidate.clone();
        info_name.push(".trashinfo");
        let info_path = info.join(&info_name);
        let mut f = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&info_path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 10_000 => continue,
            Err(e) => return Err(e),
        };
        let written = f.write_all(text.as_bytes()).and_then(|()| f.sync_all());
        let dst = files.join(&candidate);
        let moved = written.and_then(|()| rename_noreplace(now, &dst));
        match moved {
            Ok(()) => {
                let _ = fsync_dir(&info);
                let _ = fsync_dir(&files);
                return Ok(dst);
            }
            // A file in files/ with no info of its own: try the next name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let _ = fs::remove_file(&info_path);
            }
            Err(e) => {
                let _ = fs::remove_file(&info_path);
                return Err(e);
            }
        }
    }
    unreachable!("the loop returns")
}

/// The trash a file at `original` on device `dev` goes to.
pub fn trash_for(original: &Path, dev: u64) -> io::Result<TrashDir> {
    let home = data_home().join("Trash");
    let home_dev = home
        .ancestors()
        .find_map(|a| fs::metadata(a).ok())
        .map(|m| m.dev());
    if home_dev == Some(dev) {
        return Ok(TrashDir {
            dir: home,
            top: None,
        });
    }
    let top = super::mount_point(parent_of(original))?;
    if fs::metadata(&top)?.dev() != dev {
        return Err(io::Error::other(format!(
            "{} is not on the file system it was found on",
            original.display()
        )));
    }
    // SAFETY: getuid cannot fail.
    let uid = unsafe { libc::getuid() };
    let admin = top.join(".Trash");
    if let Ok(m) = fs::symlink_metadata(&admin) {
        if m.is_dir() && m.permissions().mode() & 0o1000 != 0 {
            let dir = admin.join(uid.to_string());
            if make_private_dir(&dir).is_ok() {
                return Ok(TrashDir {
                    dir,
                    top: Some(top),
                });
            }
        }
    }
    let dir = top.join(format!(".Trash-{uid}"));
    make_private_dir(&dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "no trash on the file system of {}: cannot make {} ({e}); use --trash DIR",
                original.display(),
                dir.display()
            ),
        )
    })?;
    Ok(TrashDir {
        dir,
        top: Some(top),
    })
}

/// `$XDG_DATA_HOME`, else `~/.local/share`.
fn data_home() -> PathBuf {
    match std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => crate::catalog::home_dir().join(".local/share"),
    }
}

/// Make `dir` (mode 0700) unless it exists; an existing one must be a real folder.
fn make_private_dir(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(io::Error::other(format!(
                "{} is not a folder",
                dir.display()
            )))
        }
        Err(_) => {}
    }
    match fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// `name` for the n-th try: `a.mkv`, then `a.2.mkv`, `a.3.mkv`, ...
fn numbered(name: &OsStr, n: u32) -> OsString {
    if n == 1 {
        return name.to_os_string();
    }
    let b = name.as_bytes();
    let (stem, ext) = match b.iter().rposition(|&c| c == b'.') {
        Some(i) if i > 0 => (&b[..i], &b[i..]),
        _ => (b, &b""[..]),
    };
    let mut out = stem.to_vec();
    out.extend_from_slice(format!(".{n}").as_bytes());
    out.extend_from_slice(ext);
    OsString::from_vec(out)
}

/// A path's bytes escaped as in URLs (RFC 2396 section 2): unreserved characters and `/`
/// stay, every other byte is `%XX`.
fn encode(p: &OsStr) -> String {
    let mut s = String::new();
    for &c in p.as_bytes() {
        if c.is_ascii_alphanumeric() || b"-_.!~*'()/".contains(&c) {
            s.push(c as char);
        } else {
            s.push_str(&format!("%{c:02X}"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded_byte_by_byte() {
        assert_eq!(
            encode(OsStr::new("/m/A b (2001).mkv")),
            "/m/A%20b%20(2001).mkv"
        );
        assert_eq!(encode(OsStr::new("/é%")), "/%C3%A9%25");
        assert_eq!(encode(OsStr::from_bytes(b"/x\xff\n")), "/x%FF%0A");
    }

    #[test]
    fn names_are_numbered_before_the_extension() {
        let n = |s: &str, k| numbered(OsStr::new(s), k).into_string().unwrap();
        assert_eq!(n("a.mkv", 1), "a.mkv");
        assert_eq!(n("a.mkv", 2), "a.2.mkv");
        assert_eq!(n(".hidden", 3), ".hidden.3");
        assert_eq!(n("plain", 2), "plain.2");
    }

    #[test]
    fn a_file_is_renamed_in_after_its_info_and_names_do_not_collide() {
        let dir = tempfile::tempdir().unwrap();
        let trash = TrashDir {
            dir: dir.path().join(".Trash-1000"),
            top: Some(dir.path().to_path_buf()),
        };
        let original = dir.path().join("lib/A b.mkv");
        fs::create_dir_all(original.parent().unwrap()).unwrap();
        for content in [&b"one"[..], b"two"] {
            fs::write(&original, content).unwrap();
            let aside = dir.path().join("lib/.A b.mkv.plexsync-aside.1-0");
            fs::rename(&original, &aside).unwrap();
            put_into(&aside, &original, &trash).unwrap();
            assert!(!aside.exists());
        }
        let files = trash.dir.join("files");
        assert_eq!(fs::read(files.join("A b.mkv")).unwrap(), b"one");
        assert_eq!(fs::read(files.join("A b.2.mkv")).unwrap(), b"two");
        let info = fs::read_to_string(trash.dir.join("info/A b.2.mkv.trashinfo")).unwrap();
        // Relative to the top of the file system in a top-folder trash.
        assert!(
            info.starts_with("[Trash Info]\nPath=lib/A%20b.mkv\nDeletionDate="),
            "{info}"
        );
        let mode = fs::metadata(&trash.dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }

    #[test]
    fn the_top_folder_is_the_mount_point() {
        let dir = tempfile::tempdir().unwrap();
        let dev = fs::metadata(dir.path()).unwrap().dev();
        let top = crate::fsops::mount_point(dir.path()).unwrap();
        assert_eq!(fs::metadata(&top).unwrap().dev(), dev);
        let up = top.parent().map(|p| fs::metadata(p).unwrap().dev());
        assert!(top == Path::new("/") || up != Some(dev));
    }
}
