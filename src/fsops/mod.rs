//! Every change plexsync makes to a file goes through here, one module a job: atomic
//! verified copies ([`copy`]), no-clobber moves and link replacement ([`moves`]), the
//! set-aside protocol every removal follows so that a copy always stands ([`aside`]),
//! folders reached below a root without following symbolic links ([`beneath`]), the
//! desktop trash ([`trash`]), and free-space checks.

pub mod aside;
pub mod beneath;
pub mod copy;
pub mod moves;
pub mod trash;

use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub use copy::{
    commit, copy_atomic, copy_range, copy_to_temp, start_writeback, sync_filesystem, Copied,
    CopyOptions, Durability, NOT_VERIFIED,
};
pub use moves::{copy_left, move_file, move_into, rename_noreplace, CopyLeft, Moved};

/// Marker in the names of plexsync's temporary files, so leftovers can be recognised.
pub const TEMP_MARKER: &str = ".plexsync-tmp";

/// A fresh temporary name beside `dst`: `.<name>.plexsync-tmp.<pid>.<n>`.
pub fn temp_path(dst: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = OsString::from(".");
    let file = dst.file_name().unwrap_or_default();
    // Keep the temp name within NAME_MAX even for a 255-byte target name.
    let bytes = file.as_bytes();
    name.push(crate::paths::os(&bytes[..bytes.len().min(200)]));
    name.push(format!("{TEMP_MARKER}.{}.{n}", std::process::id()));
    dst.with_file_name(name)
}

/// True when `name` is one of plexsync's temporary files, or a file set aside by a
/// removal in progress ([`aside`]): never a file to act on or to rely on.
pub fn is_temp_name(name: &std::ffi::OsStr) -> bool {
    let b = name.as_bytes();
    b.starts_with(b".")
        && b.windows(TEMP_MARKER.len())
            .any(|w| w == TEMP_MARKER.as_bytes())
        || aside::is_aside_name(name)
}

/// True when `name` is a temporary file of this process: a copy that may still be in
/// progress, which no clean-up of leftovers may remove.
pub fn is_own_temp_name(name: &std::ffi::OsStr) -> bool {
    let own = format!("{TEMP_MARKER}.{}.", std::process::id());
    is_temp_name(name)
        && name
            .as_bytes()
            .windows(own.len())
            .any(|w| w == own.as_bytes())
}

/// fsync a folder so a rename in it is durable.
pub fn fsync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// The folder holding `p` (`.` for a bare file name).
pub fn parent_of(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Bytes available to an unprivileged user on the file system holding `path`.
pub fn free_space(path: &Path) -> io::Result<u64> {
    free_space_and_inodes(path).map(|(bytes, _)| bytes)
}

/// Free bytes and free inodes (for an unprivileged user) on the file system holding `path`.
pub fn free_space_and_inodes(path: &Path) -> io::Result<(u64, u64)> {
    use std::ffi::CString;
    let c = CString::new(path.as_os_str().as_bytes())?;
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid C string and `st` a properly sized out-parameter.
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok((st.f_bavail as u64 * st.f_frsize as u64, st.f_favail as u64))
}

/// The top folder of the file system holding `path` (its mount point, as far as walking
/// up until the device changes tells).
pub fn mount_point(path: &Path) -> io::Result<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let mut top = std::fs::canonicalize(path)?;
    let dev = std::fs::metadata(&top)?.dev();
    while let Some(up) = top.parent() {
        if std::fs::metadata(up)?.dev() != dev {
            break;
        }
        top = up.to_path_buf();
    }
    Ok(top)
}

/// Fail with a clear `StorageFull` error when `dir` cannot take `need` more bytes.
pub fn ensure_space(dir: &Path, need: u64) -> io::Result<()> {
    let free = free_space(dir)?;
    if free < need {
        return Err(io::Error::new(
            io::ErrorKind::StorageFull,
            format!(
                "not enough space in {}: {} needed, {} free",
                dir.display(),
                crate::output::human_bytes(need),
                crate::output::human_bytes(free)
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_temp_names_are_told_from_other_runs_leftovers() {
        let own = temp_path(Path::new("/x/Movie (2001).mkv"));
        let name = own.file_name().unwrap();
        assert!(is_temp_name(name) && is_own_temp_name(name));
        let other = OsString::from(".Movie (2001).mkv.plexsync-tmp.999999999.0");
        assert!(is_temp_name(&other) && !is_own_temp_name(&other));
        assert!(!is_own_temp_name(std::ffi::OsStr::new("Movie (2001).mkv")));
    }
}
