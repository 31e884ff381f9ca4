//! The floor of a verified copy of a tree: only the steps that `resync run` cannot leave
//! out, with none of its bookkeeping (no catalog, no queue, no temporary names, no
//! renames, no safety `stat`s, no progress). `scripts/floor-resync` times it against `cp`
//! and `resync run` to tell what the machine allows from what the tool spends.
//!
//!   copy_floor SRC DST THREADS STEPS
//!
//! STEPS is how much of a verified copy to do, each level adding to the one before:
//! - `copy`: create each file and have the kernel copy it (`copy_file_range`), as `cp` does;
//! - `hash`: also read the source and hash it (BLAKE3), as the verification needs;
//! - `verify`: also read the copy back and compare it with what was hashed;
//! - `durable`: also start each file's write-back and wait for the disk at the end
//!   (`syncfs`), as a durable copy needs.
//!
//! The copy, the write-back and the `syncfs` are `plexsync::fsops`'s own calls, as `resync run` makes
//! them. Small files are split between THREADS in contiguous runs (each thread in its own
//! folders); a file over 2 MiB is split into THREADS contiguous ranges, each copied by one
//! thread in 256 KiB chunks (its write-back started every 2 MiB, the file fsynced at the
//! end), as `resync run` copies one large file on several cores.

use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use plexsync::fsops;

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Steps {
    Copy,
    Hash,
    Verify,
    Durable,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: copy_floor SRC DST THREADS copy|hash|verify|durable";
    let [_, src, dst, threads, steps] = &args[..] else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let (src, dst) = (PathBuf::from(src), PathBuf::from(dst));
    let threads: usize = threads.parse().expect(usage);
    let steps = match steps.as_str() {
        "copy" => Steps::Copy,
        "hash" => Steps::Hash,
        "verify" => Steps::Verify,
        "durable" => Steps::Durable,
        _ => panic!("{usage}"),
    };
    let threads = threads.max(1);
    let mut files = Vec::new();
    walk(&src, Path::new(""), &dst, &mut files);
    files.sort();
    let (large, small): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|rel| fs::metadata(src.join(rel)).expect("stat a source").len() > LARGE);
    let per = small.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        for run in small.chunks(per) {
            let (src, dst) = (&src, &dst);
            s.spawn(move || {
                let mut buf = Vec::new();
                let mut check = Vec::new();
                for rel in run {
                    copy_one(&src.join(rel), &dst.join(rel), steps, &mut buf, &mut check);
                }
            });
        }
    });
    for rel in &large {
        copy_large(&src.join(rel), &dst.join(rel), steps, threads);
    }
    if steps == Steps::Durable {
        fsops::sync_filesystem(&dst).expect("syncfs");
    }
}

/// The kernel's copy of bytes `off..off + n`, as `resync run` makes it.
fn kernel_copy(from: &File, to: &File, off: u64, n: usize) {
    assert!(
        fsops::copy_range(from, to, off, n),
        "copy_file_range failed"
    );
}

/// A new, empty copy at `dst`.
fn create(dst: &Path) -> File {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(dst)
        .expect("create a copy")
}

/// Files over this size are copied in ranges, one per thread.
const LARGE: u64 = 2 << 20;
const CHUNK: usize = 256 << 10;
const WRITEBACK: u64 = 2 << 20;

/// Copy one large file, each thread a range of it, chunk by chunk.
fn copy_large(src: &Path, dst: &Path, steps: Steps, threads: usize) {
    let s = File::open(src).expect("open a source");
    let len = s.metadata().expect("stat a source").len();
    let out = create(dst);
    // Ranges on chunk boundaries, so that each chunk is a whole piece of the hash tree.
    let chunks = len.div_ceil(CHUNK as u64);
    std::thread::scope(|sc| {
        for t in 0..threads as u64 {
            let (s, out) = (&s, &out);
            let from = (chunks * t / threads as u64) * CHUNK as u64;
            let to = ((chunks * (t + 1) / threads as u64) * CHUNK as u64).min(len);
            sc.spawn(move || {
                let mut buf = vec![0u8; CHUNK];
                let mut check = vec![0u8; CHUNK];
                let mut unsubmitted = from;
                let mut at = from;
                while at < to {
                    let n = (to - at).min(CHUNK as u64) as usize;
                    if steps >= Steps::Hash {
                        s.read_exact_at(&mut buf[..n], at).expect("read a source");
                        std::hint::black_box(blake3::hash(&buf[..n]));
                    }
                    kernel_copy(s, out, at, n);
                    if steps >= Steps::Durable && at + n as u64 - unsubmitted >= WRITEBACK {
                        fsops::start_writeback(out, unsubmitted, at + n as u64);
                        unsubmitted = at + n as u64;
                    }
                    if steps >= Steps::Verify {
                        out.read_exact_at(&mut check[..n], at).expect("read back");
                        assert!(check[..n] == buf[..n], "the copy differs");
                    }
                    at += n as u64;
                }
            });
        }
    });
    if steps >= Steps::Durable {
        out.sync_all().expect("fsync");
    }
}

/// Collect the files under `root/rel`, making their folders under `dst` on the way.
fn walk(root: &Path, rel: &Path, dst: &Path, files: &mut Vec<PathBuf>) {
    fs::create_dir_all(dst.join(rel)).expect("make a folder");
    for e in fs::read_dir(root.join(rel)).expect("read a folder") {
        let e = e.expect("read a folder");
        let rel = rel.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            walk(root, &rel, dst, files);
        } else {
            files.push(rel);
        }
    }
}

fn copy_one(src: &Path, dst: &Path, steps: Steps, buf: &mut Vec<u8>, check: &mut Vec<u8>) {
    let s = File::open(src).expect("open a source");
    let len = s.metadata().expect("stat a source").len() as usize;
    let out = create(dst);
    if steps >= Steps::Hash {
        if buf.len() < len {
            buf.resize(len, 0);
        }
        (&s).read_exact(&mut buf[..len]).expect("read a source");
        std::hint::black_box(blake3::hash(&buf[..len]));
    }
    kernel_copy(&s, &out, 0, len);
    if steps >= Steps::Durable {
        fsops::start_writeback(&out, 0, len as u64);
    }
    if steps >= Steps::Verify {
        if check.len() < len {
            check.resize(len, 0);
        }
        out.read_exact_at(&mut check[..len], 0).expect("read back");
        assert!(check[..len] == buf[..len], "the copy differs");
    }
}
