//! The parallel walk: jwalk reads folders on rayon and we stat every entry in the same
//! parallel step, so the caller receives regular files with their stat, special files to
//! skip, and per-path errors (unreadable folders, symlink loops, vanished entries).

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalog::Stat;

/// The folder where `resync` keeps replaced files, at a library's root: plexsync's own, so
/// no walk enters it (Plex's scanner skips dot-folders too). Its files are old versions,
/// not part of the library: no engine may report, move or deduplicate them.
pub const BACKUP_DIR: &str = ".plexsync-backup";

/// What the walk found at one path.
#[derive(Debug)]
pub enum Found {
    /// A regular file (or, with `follow`, a symlink to one).
    File(PathBuf, Stat),
    /// A FIFO, socket, device or (unfollowed) symlink: never opened.
    Special(PathBuf),
    /// Something at this path could not be read.
    Error(Option<PathBuf>, String),
}

#[derive(Debug, Clone, Default)]
struct Probe {
    stat: Option<Stat>,
    regular: bool,
    linked_dir: bool,
    error: Option<String>,
}

fn probe(path: &Path, follow: bool) -> Probe {
    let md: std::io::Result<Metadata> = if follow {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    };
    match md {
        Ok(m) => Probe {
            stat: Some(Stat::from_metadata(&m)),
            regular: m.file_type().is_file(),
            linked_dir: false,
            error: None,
        },
        Err(e) => Probe {
            stat: None,
            regular: false,
            linked_dir: false,
            error: Some(e.to_string()),
        },
    }
}

/// Walk `root` with `jobs` threads, calling `f` for everything found. A root that is a
/// file yields just that file.
pub fn walk(root: &Path, follow: bool, jobs: usize, f: &mut dyn FnMut(Found)) {
    match std::fs::metadata(root) {
        Ok(m) if !m.is_dir() => {
            let p = probe(root, true);
            match (p.stat, p.regular) {
                (Some(s), true) => f(Found::File(root.to_path_buf(), s)),
                _ => f(Found::Special(root.to_path_buf())),
            }
            return;
        }
        Ok(_) => {}
        Err(e) => {
            f(Found::Error(Some(root.to_path_buf()), e.to_string()));
            return;
        }
    }
    // jwalk's own loop check compares link texts, which misses relative links, so we walk
    // without its following and descend into linked folders ourselves, keeping the chain
    // of (device, inode) of the folders above: a link back into that chain is a loop.
    let walker = jwalk::WalkDirGeneric::<(Ancestors, Probe)>::new(root)
        .follow_links(false)
        .skip_hidden(false)
        .sort(false)
        .parallelism(jwalk::Parallelism::RayonNewPool(jobs.max(1)))
        .process_read_dir(move |_, dir, ancestors, children| {
            if follow {
                if let Ok(m) = std::fs::metadata(dir) {
                    let mut chain = ancestors.0.as_ref().clone();
                    chain.push((m.dev(), m.ino()));
                    ancestors.0 = Arc::new(chain);
                }
            }
            children.retain(|c| {
                c.as_ref().map_or(true, |c| {
                    !(c.file_type.is_dir() && c.file_name == BACKUP_DIR)
                })
            });
            for child in children.iter_mut().flatten() {
                let ft = child.file_type;
                if ft.is_dir() {
                    continue;
                }
                let path = child.path();
                let p = probe(&path, follow);
                if follow && ft.is_symlink() {
                    if let Ok(m) = std::fs::metadata(&path) {
                        if m.is_dir() {
                            if ancestors.0.contains(&(m.dev(), m.ino())) {
                                child.client_state = Probe {
                                    error: Some("symlink loop (not followed)".into()),
                                    ..Probe::default()
                                };
                            } else {
                                child.read_children_path = Some(Arc::from(path.as_path()));
                                child.client_state = Probe {
                                    linked_dir: true,
                                    ..Probe::default()
                                };
                            }
                            continue;
                        }
                    }
                }
                child.client_state = p;
            }
        });
    for entry in walker {
        match entry {
            Ok(e) => {
                if let Some(err) = &e.read_children_error {
                    f(Found::Error(Some(e.path()), error_text(err)));
                }
                if e.file_type.is_dir() || e.client_state.linked_dir {
                    continue;
                }
                let p = &e.client_state;
                let path = e.path();
                match (&p.error, p.stat, p.regular) {
                    (None, Some(s), true) => f(Found::File(path, s)),
                    (None, _, _) => f(Found::Special(path)),
                    (Some(msg), _, _) => match std::fs::symlink_metadata(&path) {
                        // Vanished between readdir and stat: not an error, it is just gone.
                        Err(_) => {}
                        // A dangling symlink (under --follow) points at nothing to record.
                        Ok(m) if m.is_symlink() && is_dangling(&path) => f(Found::Special(path)),
                        Ok(_) => f(Found::Error(Some(path), msg.clone())),
                    },
                }
            }
            Err(err) => {
                let path = err.path().map(Path::to_path_buf);
                f(Found::Error(path, error_text(&err)))
            }
        }
    }
}

fn is_dangling(path: &Path) -> bool {
    std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
}

/// The (device, inode) of every folder above the one being read (only with `follow`).
#[derive(Debug, Clone, Default)]
struct Ancestors(Arc<Vec<(u64, u64)>>);

fn error_text(err: &jwalk::Error) -> String {
    if let Some(io) = err.io_error() {
        return io.to_string();
    }
    let s = err.to_string();
    if s.to_ascii_lowercase().contains("loop") {
        "symlink loop (not followed)".to_string()
    } else {
        s
    }
}
