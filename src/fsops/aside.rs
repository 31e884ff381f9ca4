//! The one way plexsync removes a file that has a copy elsewhere (a duplicate, the source
//! of a cross-device move, a copy being taken back): set it aside, check that a copy
//! stands, and only then let it go; otherwise put it back.
//!
//! The protocol, for a victim V relying on a keeper K:
//!
//! 1. *Set aside*: rename V, on its own file system and in its own folder, to a fresh
//!    hidden name (`.NAME.plexsync-aside.PID-N`, made with `RENAME_NOREPLACE`). From now on
//!    no other process finds V at its name, so none can take it for a keeper.
//! 2. *Check the victim*: what was set aside is the file analysed (device, inode, size,
//!    mtime, and where the decision rests on content, its digest).
//! 3. *Check the keeper*: K stands at its own (not hidden) name as a regular file, with the
//!    identity analysed and the content wanted (hashed through the open file; the name
//!    must still lead to that same inode once the hash is done).
//! 4. *Let go*: unlink the set-aside name (or move it on: trash, another folder). If 2 or
//!    3 fails, rename it back.
//!
//! Why no interleaving of any number of processes, each with its own catalog, can lose
//! the last copy of a content. Call a name *standing* when it is a file's ordinary name
//! (not a hidden set-aside or temporary name). Names leave the library only in step 4,
//! and a name there was set aside at some time `a`, its keeper was seen standing at a time
//! `c > a`, and it stays aside from `a` until it goes. Suppose every name of a content were
//! gone. Take any of them, F, and its keeper k(F) seen standing at `c_F`: k(F) went too,
//! so it was set aside for the last time at `a_k(F)`, and since it stood at `c_F` and never
//! stood again after its last set-aside, `a_k(F) > c_F > a_F`. Following keepers, F,
//! k(F), k(k(F)), ... have strictly growing last set-aside times, so they are all
//! different names: an endless chain of names, impossible with finitely many. So some
//! name always stands. (A keeper is never a hidden name, so the set-aside file of one
//! process never vouches for another's removal; and it is never a symbolic link.)
//!
//! Two processes that set each other's keepers aside at once both put their files back;
//! the callers retry after a short random pause. A process killed between 1 and 4 leaves
//! the file under its set-aside name, never lost: [`recover`] puts the set-aside files of
//! dead processes back.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{fsync_dir, parent_of, rename_noreplace};
use crate::catalog::Stat;
use crate::hash::{self, Blake3};

/// Marker in the names of files set aside (see the module documentation). Distinct from
/// [`super::TEMP_MARKER`], so no clean-up of temporary files ever removes one.
pub const ASIDE_MARKER: &str = ".plexsync-aside.";

/// The content a file must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// Not checked (the decision does not rest on bytes, or identity vouches for them).
    Any,
    /// The whole file has this BLAKE3.
    Digest(Blake3),
    /// The first `len` bytes have this BLAKE3.
    Prefix { len: u64, digest: Blake3 },
}

/// What a file must still be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect {
    /// Device, inode, size and mtime, when they are known.
    pub stat: Option<Stat>,
    pub content: Content,
}

impl Expect {
    /// The file analysed as `stat`, whatever its bytes.
    pub fn stat(stat: Stat) -> Expect {
        Expect {
            stat: Some(stat),
            content: Content::Any,
        }
    }

    /// The file analysed as `stat`, holding `digest`.
    pub fn digest(stat: Stat, digest: Blake3) -> Expect {
        Expect {
            stat: Some(stat),
            content: Content::Digest(digest),
        }
    }
}

/// Digests already verified in this process, by inode and change time: a file whose
/// ctime has not moved has not been written since (any write or `utimensat` moves it), so
/// a keeper shared by many victims is read once.
#[derive(Default)]
pub struct Digests(HashMap<(u64, u64, i64, i64, u64), Blake3>);

/// Why a removal did not happen.
#[derive(Debug)]
pub enum Refusal {
    /// The file is not the one analysed (or is gone): it was left as it is.
    Changed(String),
    /// No copy stood when it was checked: the file was put back.
    NoCopy(String),
    /// An error while acting; the file was put back.
    Io(io::Error),
    /// The file could not be put back: it waits under its set-aside name, named here.
    Stranded(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Changed(m) | Refusal::NoCopy(m) | Refusal::Stranded(m) => f.write_str(m),
            Refusal::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for Refusal {
    fn from(e: io::Error) -> Refusal {
        Refusal::Io(e)
    }
}

impl std::error::Error for Refusal {}

/// What to do with the set-aside file once the keeper check passed.
pub enum Then {
    /// Unlink it.
    Unlink,
    /// Nothing: the caller moved it on.
    Gone,
}

/// A fresh set-aside name beside `path`: `.<name>.plexsync-aside.<pid>-<n>`.
pub fn aside_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = OsString::from(".");
    let b = path.file_name().unwrap_or_default().as_bytes();
    name.push(crate::paths::os(&b[..b.len().min(200)]));
    // A dash before the counter: the name never ends like rsync's `.NAME.XXXXXX`
    // temporaries, which resync's leftover clean-up removes.
    name.push(format!("{ASIDE_MARKER}{}-{n}", std::process::id()));
    path.with_file_name(name)
}

/// True when `name` is a set-aside name.
pub fn is_aside_name(name: &OsStr) -> bool {
    let b = name.as_bytes();
    b.starts_with(b".")
        && b.windows(ASIDE_MARKER.len())
            .any(|w| w == ASIDE_MARKER.as_bytes())
}

/// Remove `victim` (analysed as `want`) when `keep` passes: the whole protocol of the
/// module documentation. `keep` runs with the victim set aside (its set-aside path given)
/// and checks the keeper (or places what replaces the victim); it answers what to do with
/// the set-aside file. On any refusal the victim is back at its name.
pub fn retire<F>(
    victim: &Path,
    want: &Expect,
    digests: &mut Digests,
    keep: F,
) -> Result<(), Refusal>
where
    F: FnOnce(&Path, &mut Digests) -> Result<Then, Refusal>,
{
    let aside = set_aside(victim).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Refusal::Changed("it is gone".into()),
        _ => Refusal::Io(e),
    })?;
    let outcome = check_file(&aside, want, digests)
        .map_err(|m| Refusal::Changed(format!("it {m}")))
        .and_then(|()| keep(&aside, digests));
    match outcome {
        Ok(Then::Unlink) => {
            if let Err(e) = fs::remove_file(&aside) {
                return Err(put_back(&aside, victim, Refusal::Io(e)));
            }
            let _ = fsync_dir(parent_of(victim));
            Ok(())
        }
        Ok(Then::Gone) => Ok(()),
        Err(refusal) => Err(put_back(&aside, victim, refusal)),
    }
}

/// Rename `path` to a fresh set-aside name beside it.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    loop {
        let aside = aside_path(path);
        match rename_noreplace(path, &aside) {
            Ok(()) => return Ok(aside),
            // A name left by a dead process with the same pid: take the next one.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Put a set-aside file back at `original`; `why` is what made it necessary.
fn put_back(aside: &Path, original: &Path, why: Refusal) -> Refusal {
    match rename_noreplace(aside, original) {
        Ok(()) => why,
        Err(e) => Refusal::Stranded(format!(
            "{why}; and {} could not be put back ({e}): it is at {}",
            original.display(),
            aside.display()
        )),
    }
}

/// Check that a copy stands at `path`: an ordinary (not hidden set-aside or temporary)
/// name of a regular file that is `want`. The message says what is wrong.
pub fn verify_standing(path: &Path, want: &Expect, digests: &mut Digests) -> Result<(), String> {
    if path.file_name().is_none_or(super::is_temp_name) {
        return Err(format!(
            "{} is a plexsync temporary or set-aside file, not a copy to rely on",
            path.display()
        ));
    }
    check_file(path, want, digests).map_err(|m| format!("{} {m}", path.display()))
}

/// Check a file this process made under a hidden name (a new link to a keeper) before it
/// takes a place: as [`verify_standing`], without the name rule.
pub fn verify_own(path: &Path, want: &Expect, digests: &mut Digests) -> Result<(), String> {
    check_file(path, want, digests)
}

/// `path` is a regular file matching `want`, and still the same inode at that name once
/// its content was read.
fn check_file(path: &Path, want: &Expect, digests: &mut Digests) -> Result<(), String> {
    // O_NOFOLLOW: a symbolic link is not a copy; O_NONBLOCK: a FIFO does not hang.
    let f = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => "is a symbolic link".to_string(),
            Some(libc::ENOENT) => "is gone".to_string(),
            _ => format!("cannot be read: {e}"),
        })?;
    let m = f.metadata().map_err(|e| format!("cannot be read: {e}"))?;
    if !m.is_file() {
        return Err("is not a regular file".into());
    }
    if want.stat.is_some_and(|s| s != Stat::from_metadata(&m)) {
        return Err("changed since it was analysed (size, mtime or inode)".into());
    }
    let (len, digest) = match want.content {
        Content::Any => (None, None),
        Content::Digest(d) => (None, Some(d)),
        Content::Prefix { len, digest } => (Some(len), Some(digest)),
    };
    if let Some(d) = digest {
        let got = digest_of(&f, &m, len, digests).map_err(|e| format!("cannot be read: {e}"))?;
        if got != d {
            return Err("no longer has the content analysed".into());
        }
    }
    match fs::symlink_metadata(path) {
        Ok(now) if now.dev() == m.dev() && now.ino() == m.ino() => Ok(()),
        _ => Err("was replaced while it was checked".into()),
    }
}

/// BLAKE3 of `f` (its first `len` bytes when given), from the cache when its inode has not
/// changed since it was verified.
fn digest_of(
    f: &File,
    m: &fs::Metadata,
    len: Option<u64>,
    digests: &mut Digests,
) -> io::Result<Blake3> {
    let n = len.unwrap_or(m.len());
    let key = (m.dev(), m.ino(), m.ctime(), m.ctime_nsec(), n);
    if let Some(d) = digests.0.get(&key) {
        return Ok(*d);
    }
    if m.len() < n {
        return Err(io::Error::other("shorter than the part to compare"));
    }
    let mut r = f.take(n);
    let (d, read) = hash::blake3_reader(&mut r, n, &mut |_| {})?;
    if read != n {
        return Err(io::Error::other("it shrank while it was read"));
    }
    // Written while it was read: no cache, and no trust in this digest either.
    match f.metadata() {
        Ok(after) if after.ctime() == m.ctime() && after.ctime_nsec() == m.ctime_nsec() => {
            digests.0.insert(key, d);
            Ok(d)
        }
        _ => Err(io::Error::other("it changed while it was read")),
    }
}

/// The files set aside from `original` now, each with the pid of the process that did it
/// (`None` when the name does not say).
fn set_aside_from(original: &Path) -> Vec<(PathBuf, Option<i32>)> {
    let Some(name) = original.file_name() else {
        return Vec::new();
    };
    let b = name.as_bytes();
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(&b[..b.len().min(200)]);
    prefix.extend_from_slice(ASIDE_MARKER.as_bytes());
    let Ok(rd) = fs::read_dir(parent_of(original)) else {
        return Vec::new();
    };
    rd.flatten()
        .filter_map(|e| {
            let n = e.file_name();
            let rest = n.as_bytes().strip_prefix(prefix.as_slice())?;
            let pid = std::str::from_utf8(rest)
                .ok()
                .and_then(|r| r.split('-').next())
                .and_then(|p| p.parse::<i32>().ok());
            Some((e.path(), pid))
        })
        .collect()
}

/// True when a live process has `original` set aside right now (it may put it back).
pub fn held_aside(original: &Path) -> bool {
    set_aside_from(original)
        .iter()
        .any(|(_, pid)| pid.is_some_and(alive))
}

/// Put back the files a dead process left set aside from `original` (when its name is
/// free). Returns the files put back and those that could not be.
pub fn recover(original: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut back, mut stuck) = (Vec::new(), Vec::new());
    for (path, pid) in set_aside_from(original) {
        // A live process may be in the middle of the protocol: its file is its own.
        if pid.is_none_or(alive) {
            continue;
        }
        match rename_noreplace(&path, original) {
            Ok(()) => back.push(original.to_path_buf()),
            Err(_) => stuck.push(path),
        }
    }
    if !back.is_empty() {
        let _ = fsync_dir(parent_of(original));
    }
    (back, stuck)
}

/// True when process `pid` exists (this one included).
fn alive(pid: i32) -> bool {
    if pid <= 0 {
        return true;
    }
    // SAFETY: signal 0 only checks that the process exists.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(p: &Path) -> Stat {
        Stat::of(p).unwrap()
    }

    #[test]
    fn aside_names_are_hidden_distinct_and_never_taken_for_leftovers() {
        let p = Path::new("/lib/Movie (2001).mkv");
        let (a, b) = (aside_path(p), aside_path(p));
        assert_ne!(a, b);
        let n = a.file_name().unwrap();
        assert!(is_aside_name(n) && super::super::is_temp_name(n));
        assert!(!n.as_bytes().windows(6).any(|w| w == b"-tmp.."));
        // Resync's clean-up of interrupted copies does not see it as one of them.
        assert_eq!(crate::resync::leftovers::target_name(n), None);
        assert!(!is_aside_name(OsStr::new("Movie (2001).mkv")));
    }

    #[test]
    fn a_removal_happens_only_while_the_keeper_stands() {
        let dir = tempfile::tempdir().unwrap();
        let (k, v) = (dir.path().join("k.mkv"), dir.path().join("v.mkv"));
        fs::write(&k, b"same bytes").unwrap();
        fs::write(&v, b"same bytes").unwrap();
        let d = *blake3::hash(b"same bytes").as_bytes();
        let (ks, vs) = (stat(&k), stat(&v));
        let mut digests = Digests::default();
        // The keeper is gone: the victim is put back.
        fs::rename(&k, dir.path().join("elsewhere")).unwrap();
        let keep = |_: &Path, dg: &mut Digests| {
            verify_standing(&k, &Expect::digest(ks, d), dg)
                .map(|()| Then::Unlink)
                .map_err(Refusal::NoCopy)
        };
        let r = retire(&v, &Expect::digest(vs, d), &mut digests, keep);
        assert!(matches!(r, Err(Refusal::NoCopy(_))), "{r:?}");
        assert_eq!(fs::read(&v).unwrap(), b"same bytes");
        // Back in place: the victim goes, the keeper stays, nothing hidden remains.
        fs::rename(dir.path().join("elsewhere"), &k).unwrap();
        retire(&v, &Expect::digest(vs, d), &mut digests, keep).unwrap();
        assert!(!v.exists() && k.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_keeper_with_other_bytes_a_link_or_a_hidden_name_vouches_for_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let k = dir.path().join("k");
        fs::write(&k, b"abc").unwrap();
        let d = *blake3::hash(b"abc").as_bytes();
        let mut dg = Digests::default();
        let want = Expect::digest(stat(&k), d);
        assert!(verify_standing(&k, &want, &mut dg).is_ok());
        let other = Expect {
            stat: None,
            content: Content::Digest(*blake3::hash(b"abd").as_bytes()),
        };
        let e = verify_standing(&k, &other, &mut dg).unwrap_err();
        assert!(e.contains("content"), "{e}");
        let l = dir.path().join("l");
        std::os::unix::fs::symlink(&k, &l).unwrap();
        let e = verify_standing(&l, &Expect { stat: None, ..want }, &mut dg).unwrap_err();
        assert!(e.contains("symbolic link"), "{e}");
        let hidden = aside_path(&k);
        fs::hard_link(&k, &hidden).unwrap();
        assert!(verify_standing(&hidden, &Expect { stat: None, ..want }, &mut dg).is_err());
        // A prefix.
        let p = Expect {
            stat: None,
            content: Content::Prefix {
                len: 2,
                digest: *blake3::hash(b"ab").as_bytes(),
            },
        };
        assert!(verify_standing(&k, &p, &mut dg).is_ok());
    }

    #[test]
    fn a_changed_victim_is_left_alone_and_a_dead_process_files_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let v = dir.path().join("v");
        fs::write(&v, b"one").unwrap();
        let before = stat(&v);
        fs::write(&v, b"other bytes").unwrap();
        let r = retire(
            &v,
            &Expect::stat(before),
            &mut Digests::default(),
            |_, _| Ok(Then::Unlink),
        );
        assert!(matches!(r, Err(Refusal::Changed(_))), "{r:?}");
        assert_eq!(fs::read(&v).unwrap(), b"other bytes");

        // A set-aside file of a process that no longer exists (pid 0x7ffffffe is beyond
        // the kernel's pid_max) goes back; a live one's stays.
        let mut name = OsString::from(".v");
        name.push(format!("{ASIDE_MARKER}2147483646-0"));
        let dead = dir.path().join(&name);
        fs::rename(&v, &dead).unwrap();
        let (back, stuck) = recover(&v);
        assert_eq!((back.len(), stuck.len()), (1, 0));
        assert_eq!(fs::read(&v).unwrap(), b"other bytes");
        let mine = set_aside(&v).unwrap();
        assert_eq!(recover(&v), (vec![], vec![]));
        assert!(mine.exists());
    }
}
