//! Whole-file BLAKE3 tuned for `check --checksum` and `verify`: a small file is read in
//! one exact-sized read and hashed on the calling thread (the files themselves are spread
//! over the pool, so nesting rayon inside would only add scheduling); a large file is
//! read by a helper thread while the previous buffer is hashed on rayon, so reading and
//! hashing overlap instead of taking turns.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::mpsc;

use crate::hash::{self, Blake3, BUF_SIZE};

/// Files up to this size are hashed in one piece.
const SMALL: u64 = 2 << 20;

/// BLAKE3 of the file at `path`; `on_bytes` hears every chunk hashed.
pub fn file(path: &Path, on_bytes: &(dyn Fn(u64) + Sync)) -> io::Result<Blake3> {
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    if len <= SMALL {
        let mut buf = Vec::with_capacity(len as usize + 1);
        f.read_to_end(&mut buf)?;
        on_bytes(buf.len() as u64);
        return Ok(*blake3::hash(&buf).as_bytes());
    }
    let (full_tx, full_rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(1);
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<u8>>();
    for _ in 0..2 {
        let _ = empty_tx.send(vec![0u8; BUF_SIZE]);
    }
    std::thread::scope(|s| {
        // Owned here, so an early return also ends the reader.
        let empty_tx = empty_tx;
        s.spawn(move || {
            while let Ok(mut buf) = empty_rx.recv() {
                buf.resize(BUF_SIZE, 0);
                match hash::read_full(&mut f, &mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        buf.truncate(n);
                        if full_tx.send(Ok(buf)).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = full_tx.send(Err(e));
                        break;
                    }
                }
            }
        });
        let mut hasher = blake3::Hasher::new();
        for buf in full_rx {
            let buf = buf?;
            hash::update(&mut hasher, &buf);
            on_bytes(buf.len() as u64);
            // The reader may already be gone after the last buffer.
            let _ = empty_tx.send(buf);
        }
        Ok(*hasher.finalize().as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_blake3_small_and_large() {
        let d = tempfile::tempdir().unwrap();
        for n in [0usize, 1, 5000, (SMALL as usize) + 1, BUF_SIZE * 2 + 17] {
            let data: Vec<u8> = (0..n).map(|i| (i * 31 % 253) as u8).collect();
            let p = d.path().join(format!("f{n}"));
            std::fs::write(&p, &data).unwrap();
            let seen = std::sync::atomic::AtomicU64::new(0);
            let got = file(&p, &|b| {
                seen.fetch_add(b, std::sync::atomic::Ordering::Relaxed);
            })
            .unwrap();
            assert_eq!(got, *blake3::hash(&data).as_bytes(), "size {n}");
            assert_eq!(seen.into_inner(), n as u64);
        }
        assert!(file(&d.path().join("nope"), &|_| {}).is_err());
    }
}
