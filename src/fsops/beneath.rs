//! Folders reached from a root one component at a time (`openat` with `O_NOFOLLOW`), so a
//! symbolic link below the root — a folder someone replaced by a link to elsewhere, even
//! while plexsync runs — never leads a write out of it. Every write then names its folder
//! by the descriptor walked to (`renameat2`, `linkat`, `symlinkat`, `mkdirat`), not by a
//! path the kernel would resolve again.
//!
//! Links below the root are refused with a message naming the link unless the caller
//! allows them (a folder linked to another disk on purpose); the root itself is the
//! user's choice and is followed.

use std::ffi::{CString, OsStr};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

/// An open folder and the path it was reached by.
#[derive(Debug)]
pub struct Dir {
    fd: OwnedFd,
    path: PathBuf,
}

fn cstr(s: &OsStr) -> io::Result<CString> {
    CString::new(s.as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL byte in a name"))
}

fn check(rc: libc::c_int) -> io::Result<()> {
    if rc < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// `openat(dirfd, name)` as a folder handle (`O_PATH`), following a final link or not.
fn open_at(dirfd: libc::c_int, name: &OsStr, follow: bool) -> io::Result<OwnedFd> {
    let c = cstr(name)?;
    let mut flags = libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC;
    if !follow {
        flags |= libc::O_NOFOLLOW;
    }
    // SAFETY: a valid descriptor (or AT_FDCWD) and NUL-terminated name.
    let fd = unsafe { libc::openat(dirfd, c.as_ptr(), flags) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` was just opened and is owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// `fstatat(dirfd, name)` without following a final link.
fn lstat_at(dirfd: libc::c_int, name: &OsStr) -> io::Result<libc::stat> {
    let c = cstr(name)?;
    // SAFETY: zeroed plain-data out-parameter, valid descriptor and name.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    check(unsafe { libc::fstatat(dirfd, c.as_ptr(), &mut st, libc::AT_SYMLINK_NOFOLLOW) })?;
    Ok(st)
}

/// The error for a symbolic link met below `root`.
pub fn link_refused(link: &Path, root: &Path) -> io::Error {
    let to = std::fs::read_link(link)
        .map(|t| format!(" (to {})", t.display()))
        .unwrap_or_default();
    io::Error::other(format!(
        "{} is a symbolic link{to}: refusing to write through it out of {} (--follow-links allows it)",
        link.display(),
        root.display()
    ))
}

impl Dir {
    /// Open the folder `path`, following links (a folder the user named).
    pub fn open(path: &Path) -> io::Result<Dir> {
        Ok(Dir {
            fd: open_at(libc::AT_FDCWD, path.as_os_str(), true)?,
            path: path.to_path_buf(),
        })
    }

    /// Open `dir`, which lies at or below `root`, without following a symbolic link below
    /// `root` (unless `follow_links`), creating the folders that are missing when `create`.
    pub fn beneath(root: &Path, dir: &Path, create: bool, follow_links: bool) -> io::Result<Dir> {
        let rel = dir.strip_prefix(root).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is not inside {}", dir.display(), root.display()),
            )
        })?;
        if create {
            std::fs::create_dir_all(root)?;
        }
        let mut cur = Dir::open(root)?;
        for c in rel.components() {
            let name = match c {
                Component::Normal(n) => n,
                Component::CurDir => continue,
                _ => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!("{} leaves {}", dir.display(), root.display()),
                    ))
                }
            };
            let path = cur.path.join(name);
            let fd = match open_at(cur.raw(), name, false) {
                Ok(fd) => fd,
                Err(e) if e.kind() == io::ErrorKind::NotFound && create => {
                    match cur.mkdir_in(name) {
                        Ok(()) => {}
                        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                        Err(e) => return Err(e),
                    }
                    cur.open_child(name, &path, root, follow_links)?
                }
                Err(e) if matches!(e.raw_os_error(), Some(libc::ENOTDIR) | Some(libc::ELOOP)) => {
                    cur.open_child(name, &path, root, follow_links)?
                }
                Err(e) => return Err(e),
            };
            cur = Dir { fd, path };
        }
        Ok(cur)
    }

    /// Open child `name` after a plain no-follow open failed or raced: a link is refused
    /// (or followed when allowed), anything else but a folder is an error.
    fn open_child(
        &self,
        name: &OsStr,
        path: &Path,
        root: &Path,
        follow: bool,
    ) -> io::Result<OwnedFd> {
        match open_at(self.raw(), name, false) {
            Ok(fd) => Ok(fd),
            Err(e) => {
                let st = lstat_at(self.raw(), name).map_err(|_| e)?;
                if st.st_mode & libc::S_IFMT == libc::S_IFLNK {
                    if follow {
                        open_at(self.raw(), name, true)
                    } else {
                        Err(link_refused(path, root))
                    }
                } else {
                    Err(io::Error::other(format!(
                        "{} is not a folder",
                        path.display()
                    )))
                }
            }
        }
    }

    /// The path this folder was reached by.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn raw(&self) -> libc::c_int {
        self.fd.as_raw_fd()
    }

    /// Create the folder `name` in this one.
    pub fn mkdir_in(&self, name: &OsStr) -> io::Result<()> {
        let c = cstr(name)?;
        // SAFETY: valid descriptor and name.
        check(unsafe { libc::mkdirat(self.raw(), c.as_ptr(), 0o777) })
    }

    /// Rename `src` (a path) to `name` in this folder, never replacing anything.
    pub fn rename_in(&self, src: &Path, name: &OsStr) -> io::Result<()> {
        self.rename2(
            libc::AT_FDCWD,
            src.as_os_str(),
            name,
            libc::RENAME_NOREPLACE,
        )
    }

    /// Rename `from` to `to`, both in this folder, never replacing anything.
    pub fn rename_within(&self, from: &OsStr, to: &OsStr) -> io::Result<()> {
        self.rename2(self.raw(), from, to, libc::RENAME_NOREPLACE)
    }

    /// Exchange `src` (a path) and `name` in this folder, atomically.
    pub fn exchange_in(&self, src: &Path, name: &OsStr) -> io::Result<()> {
        self.rename2(libc::AT_FDCWD, src.as_os_str(), name, libc::RENAME_EXCHANGE)
    }

    fn rename2(
        &self,
        from_dir: libc::c_int,
        from: &OsStr,
        to: &OsStr,
        flags: libc::c_uint,
    ) -> io::Result<()> {
        let (f, t) = (cstr(from)?, cstr(to)?);
        // SAFETY: valid descriptors and NUL-terminated names.
        let rc = unsafe { libc::renameat2(from_dir, f.as_ptr(), self.raw(), t.as_ptr(), flags) };
        match check(rc) {
            // File systems without RENAME_NOREPLACE: a hard link is an atomic no-clobber
            // too (then the old name goes).
            Err(e)
                if flags == libc::RENAME_NOREPLACE
                    && matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) =>
            {
                // SAFETY: as above.
                check(unsafe { libc::linkat(from_dir, f.as_ptr(), self.raw(), t.as_ptr(), 0) })?;
                check(unsafe { libc::unlinkat(from_dir, f.as_ptr(), 0) })
            }
            r => r,
        }
    }

    /// Make `name` in this folder a hard link to `src` (never replacing anything).
    pub fn link_in(&self, src: &Path, name: &OsStr) -> io::Result<()> {
        let (s, n) = (cstr(src.as_os_str())?, cstr(name)?);
        // SAFETY: valid descriptors and names.
        check(unsafe { libc::linkat(libc::AT_FDCWD, s.as_ptr(), self.raw(), n.as_ptr(), 0) })
    }

    /// Make `name` in this folder a symbolic link to `target` (never replacing anything).
    pub fn symlink_in(&self, target: &Path, name: &OsStr) -> io::Result<()> {
        let (t, n) = (cstr(target.as_os_str())?, cstr(name)?);
        // SAFETY: valid descriptor and names.
        check(unsafe { libc::symlinkat(t.as_ptr(), self.raw(), n.as_ptr()) })
    }

    /// True when `name` in this folder is the inode `(dev, ino)` (not following a link).
    pub fn holds(&self, name: &OsStr, dev: u64, ino: u64) -> bool {
        lstat_at(self.raw(), name).is_ok_and(|st| st.st_dev == dev && st.st_ino == ino)
    }

    /// fsync this folder, so renames into it are durable.
    pub fn sync(&self) -> io::Result<()> {
        let fd = {
            let dot = cstr(OsStr::new("."))?;
            // SAFETY: valid descriptor and name.
            let fd = unsafe {
                libc::openat(
                    self.raw(),
                    dot.as_ptr(),
                    libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC,
                )
            };
            if fd < 0 {
                return Err(io::Error::last_os_error());
            }
            // SAFETY: just opened, owned by nobody else.
            unsafe { OwnedFd::from_raw_fd(fd) }
        };
        std::fs::File::from(fd).sync_all()
    }

    /// Remove the file `name` from this folder.
    pub fn unlink_in(&self, name: &OsStr) -> io::Result<()> {
        let n = cstr(name)?;
        // SAFETY: valid descriptor and name.
        check(unsafe { libc::unlinkat(self.raw(), n.as_ptr(), 0) })
    }
}

/// The first symbolic link on the way from `root` down to `dir` (the folders that exist),
/// if any: what [`Dir::beneath`] would refuse.
pub fn first_link(root: &Path, dir: &Path) -> Option<PathBuf> {
    let rel = dir.strip_prefix(root).ok()?;
    let mut cur = root.to_path_buf();
    for c in rel.components() {
        let Component::Normal(n) = c else { continue };
        cur.push(n);
        match std::fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => return Some(cur),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_down_creating_and_refuses_links_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("lib");
        let away = dir.path().join("elsewhere");
        std::fs::create_dir_all(&away).unwrap();
        let d = Dir::beneath(&root, &root.join("Movies/A (2001)"), true, false).unwrap();
        assert!(root.join("Movies/A (2001)").is_dir());
        std::fs::write(dir.path().join("f"), b"x").unwrap();
        d.rename_in(&dir.path().join("f"), OsStr::new("a.mkv"))
            .unwrap();
        assert!(root.join("Movies/A (2001)/a.mkv").is_file());

        std::os::unix::fs::symlink(&away, root.join("Shows")).unwrap();
        let target = root.join("Shows/S (2020)");
        let e = Dir::beneath(&root, &target, true, false).unwrap_err();
        assert!(e.to_string().contains("Shows is a symbolic link"), "{e}");
        assert!(
            !away.join("S (2020)").exists(),
            "nothing made through the link"
        );
        assert_eq!(first_link(&root, &target), Some(root.join("Shows")));
        assert_eq!(first_link(&root, &root.join("Movies/A (2001)")), None);
        // Allowed: the folder is made on the other side.
        Dir::beneath(&root, &target, true, true).unwrap();
        assert!(away.join("S (2020)").is_dir());
        // Not below the root, or climbing out of it.
        assert!(Dir::beneath(&root, &away, false, false).is_err());
        assert!(Dir::beneath(&root, &root.join("../elsewhere"), false, false).is_err());
    }

    #[test]
    fn a_folder_swapped_for_a_link_after_it_was_opened_keeps_writes_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("lib");
        let away = dir.path().join("away");
        std::fs::create_dir_all(&away).unwrap();
        let d = Dir::beneath(&root, &root.join("M"), true, false).unwrap();
        // Someone moves the folder off and puts a link in its place.
        std::fs::rename(root.join("M"), dir.path().join("M-moved")).unwrap();
        std::os::unix::fs::symlink(&away, root.join("M")).unwrap();
        std::fs::write(dir.path().join("f"), b"x").unwrap();
        d.rename_in(&dir.path().join("f"), OsStr::new("f")).unwrap();
        assert!(!away.join("f").exists());
        assert!(dir.path().join("M-moved/f").exists());
        // And a fresh walk refuses the link.
        assert!(Dir::beneath(&root, &root.join("M"), false, false).is_err());
    }
}
