//! The advisory lock engines take, beside the catalog, for the part of their work that
//! moves or writes files. A second process waits and is told who holds it.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The lock file that belongs to the catalog at `catalog`.
pub fn lock_path(catalog: &Path) -> PathBuf {
    let mut name = catalog.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Held while an engine acts; released on drop (or when the process dies).
pub struct ActLock {
    file: File,
}

impl ActLock {
    /// Take the lock at `path`, waiting for the current holder if there is one.
    pub fn acquire(path: &Path, purpose: &str, on_wait: &dyn Fn(&str)) -> Result<ActLock> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .with_context(|| format!("opening lock file {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                on_wait(&format!(
                    "waiting for the catalog lock held by {}",
                    if holder.is_empty() {
                        "another plexsync"
                    } else {
                        holder
                    }
                ));
                file.lock()
                    .with_context(|| format!("locking {}", path.display()))?;
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("locking {}", path.display()))
            }
        }
        file.set_len(0)?;
        file.rewind()?;
        let _ = writeln!(
            file,
            "pid {} ({}, since {})",
            std::process::id(),
            purpose,
            super::now_secs()
        );
        Ok(ActLock { file })
    }
}

impl Drop for ActLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}
