//! Moves that never replace anything: a no-clobber rename on one file system, a verified
//! copy and the set-aside removal of the source across file systems.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::aside::{retire, verify_standing, Digests, Expect, Refusal, Then};
use super::beneath::Dir;
use super::{copy_to_temp, ensure_space, parent_of, Copied, CopyOptions};
use crate::catalog::Stat;

/// Rename `src` to `dst`, failing with `AlreadyExists` instead of replacing anything.
pub fn rename_noreplace(src: &Path, dst: &Path) -> io::Result<()> {
    use std::ffi::CString;
    let s = CString::new(src.as_os_str().as_bytes())?;
    let d = CString::new(dst.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated strings; AT_FDCWD resolves them like rename(2).
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            s.as_ptr(),
            libc::AT_FDCWD,
            d.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        // File systems without RENAME_NOREPLACE: a hard link is an atomic no-clobber too.
        Some(libc::EINVAL) | Some(libc::ENOSYS) => {
            fs::hard_link(src, dst)?;
            fs::remove_file(src)
        }
        _ => Err(err),
    }
}

/// How a file was moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Moved {
    /// A rename on the same file system.
    Renamed,
    /// Copied across file systems, verified, then the original removed.
    Copied,
}

/// A cross-device move that failed after its verified copy landed, and whose copy could
/// not be taken back: the copy's path and identity, for the journal (undo and recover
/// remove it once the source is seen standing).
#[derive(Debug, Clone)]
pub struct CopyLeft {
    pub copy: PathBuf,
    pub stat: Stat,
    pub why: String,
}

impl std::fmt::Display for CopyLeft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}; a verified copy is left at {}",
            self.why,
            self.copy.display()
        )
    }
}

impl std::error::Error for CopyLeft {}

/// The [`CopyLeft`] inside an error from [`move_into`], if that is what it is.
pub fn copy_left(e: &io::Error) -> Option<&CopyLeft> {
    e.get_ref().and_then(|i| i.downcast_ref::<CopyLeft>())
}

/// Move `src` to `dst` without ever replacing an existing file (see [`move_into`]),
/// creating `dst`'s folder, and make the move durable.
pub fn move_file(src: &Path, dst: &Path) -> io::Result<Moved> {
    let (parent, name) = split(dst)?;
    fs::create_dir_all(parent)?;
    let dir = Dir::open(parent)?;
    let how = move_into(src, &dir, name)?;
    let _ = dir.sync();
    Ok(how)
}

/// `dst`'s folder and name.
pub fn split(dst: &Path) -> io::Result<(&Path, &OsStr)> {
    let name = dst.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", dst.display()),
        )
    })?;
    Ok((parent_of(dst), name))
}

/// Move `src` to `name` in `dir`, never replacing anything: a rename on the same file
/// system (its durability left to the caller). Across file systems: a verified copy
/// (after checks that the source's folder lets it be removed and that the target has
/// room), renamed into place, fsynced; then the source is removed by the set-aside
/// protocol ([`super::aside`]) relying on the copy. When the source cannot be removed
/// after all, the copy is taken back the same way, relying on the source; when even that
/// fails, the error is a [`CopyLeft`].
pub fn move_into(src: &Path, dir: &Dir, name: &OsStr) -> io::Result<Moved> {
    match dir.rename_in(src, name) {
        Ok(()) => return Ok(Moved::Renamed),
        Err(e) if e.raw_os_error() != Some(libc::EXDEV) => return Err(e),
        Err(_) => {}
    }
    let dst = dir.path().join(name);
    let m = fs::symlink_metadata(src)?;
    if !m.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file; only files move across file systems",
            src.display()
        )));
    }
    let before = Stat::from_metadata(&m);
    removable(src)?;
    let copied = copy_into(src, dir, name, m.modified().ok(), before.size)?;
    let copy = Stat::from_metadata(&copied.metadata);
    let mut digests = Digests::default();
    let removed = retire(src, &Expect::stat(before), &mut digests, |_, d| {
        verify_standing(&dst, &Expect::stat(copy), d)
            .map(|()| Then::Unlink)
            .map_err(Refusal::NoCopy)
    });
    let why = match removed {
        Ok(()) => return Ok(Moved::Copied),
        // The source is hidden and the copy is the only standing name: both stay.
        Err(Refusal::Stranded(m)) => {
            return Err(io::Error::other(CopyLeft {
                copy: dst,
                stat: copy,
                why: m,
            }))
        }
        Err(r) => format!("could not remove {}: {r}", src.display()),
    };
    // Take the copy back, relying on the source still being what was copied.
    let back = retire(&dst, &Expect::stat(copy), &mut digests, |_, d| {
        verify_standing(src, &Expect::digest(before, copied.blake3), d)
            .map(|()| Then::Unlink)
            .map_err(Refusal::NoCopy)
    });
    match back {
        Ok(()) => {
            let _ = dir.sync();
            Err(io::Error::other(format!(
                "{why}; the copy was removed again, the source stays"
            )))
        }
        Err(r) => Err(io::Error::other(CopyLeft {
            copy: dst,
            stat: copy,
            why: format!("{why}; taking the copy back failed too: {r}"),
        })),
    }
}

/// Copy `src` (of `size` bytes, checked again after the copy) to the new name `name` in
/// `dir`, never replacing anything: a free-space check, a verified temporary file beside
/// it (fsynced, given `mtime`), renamed into place once it is seen to lie in `dir`, and
/// the folder fsynced.
pub fn copy_into(
    src: &Path,
    dir: &Dir,
    name: &OsStr,
    mtime: Option<std::time::SystemTime>,
    size: u64,
) -> io::Result<Copied> {
    ensure_space(dir.path(), size)?;
    let opts = CopyOptions {
        mtime,
        ..CopyOptions::default()
    };
    let (tmp, copied) = copy_to_temp(src, &dir.path().join(name), opts, &mut |_| {})?;
    let tmp_name = tmp.file_name().unwrap_or_default().to_os_string();
    let (cdev, cino) = (copied.metadata.dev(), copied.metadata.ino());
    let landed = if copied.size != size {
        Err(io::Error::other("the source changed size during the copy"))
    } else if !dir.holds(&tmp_name, cdev, cino) {
        // The copy went through a path that no longer leads to `dir`.
        Err(io::Error::other(format!(
            "{} changed while the copy was made",
            dir.path().display()
        )))
    } else {
        dir.rename_within(&tmp_name, name)
    };
    if let Err(e) = landed {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    dir.sync()?;
    Ok(copied)
}

/// An error unless this process may remove names from `path`'s folder (checked before a
/// cross-device copy, so a read-only source folder costs no copy).
fn removable(path: &Path) -> io::Result<()> {
    let dir = parent_of(path);
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes())?;
    // SAFETY: a valid NUL-terminated path.
    let rc = unsafe {
        libc::faccessat(
            libc::AT_FDCWD,
            c.as_ptr(),
            libc::W_OK | libc::X_OK,
            libc::AT_EACCESS,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    Err(io::Error::new(
        e.kind(),
        format!(
            "{} cannot be removed from {} ({e}), so it cannot be moved to another file system; nothing was copied",
            path.display(),
            dir.display()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_never_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("sub/b");
        fs::write(&a, b"a").unwrap();
        assert_eq!(move_file(&a, &b).unwrap(), Moved::Renamed);
        fs::write(&a, b"other").unwrap();
        let err = move_file(&a, &b).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&b).unwrap(), b"a");
    }
}
