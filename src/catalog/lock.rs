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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn second_holder_waits_and_is_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.db.lock");
        let first = ActLock::acquire(&path, "organize apply", &|_| {}).unwrap();
        let (tx, rx) = mpsc::channel();
        let p = path.clone();
        let waiter = std::thread::spawn(move || {
            let told = std::sync::Mutex::new(String::new());
            let lock = ActLock::acquire(&p, "dupes remove", &|m| {
                *told.lock().unwrap() = m.to_string()
            })
            .unwrap();
            tx.send(told.into_inner().unwrap()).unwrap();
            drop(lock);
        });
        // The waiter cannot get through while the first lock is held.
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
        drop(first);
        let told = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        waiter.join().unwrap();
        assert!(
            told.contains("organize apply") && told.contains("pid"),
            "{told}"
        );
    }
}
