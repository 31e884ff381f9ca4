//! Content hashes: BLAKE3 for speed (streamed in large buffers, each buffer hashed on
//! rayon), SHA-256 on request for interchange, and BLAKE3 of a byte range for the cheap
//! head/tail stages that `dupes` and `resync` use before reading whole files.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::mpsc;

use sha2::Digest as _;

/// Read buffer size of streamed hashing (readers, byte ranges): large enough that a buffer
/// splits well across cores, small enough that it is still in the core's L2 cache when it
/// is hashed (a streamed 2 GiB file pair took 0.73 s with 4 MiB buffers and 0.68 s with
/// 1 MiB). Whole files are hashed in pieces instead ([`blake3_file`]).
pub const BUF_SIZE: usize = 1 << 20;

/// A BLAKE3 digest.
pub type Blake3 = [u8; 32];

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

/// Fill `buf` as far as the reader allows (short only at end of file).
pub fn read_full(r: &mut (impl Read + ?Sized), buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Feed `data` to `hasher`, splitting large chunks across rayon's threads.
pub fn update(hasher: &mut blake3::Hasher, data: &[u8]) {
    if data.len() >= 256 * 1024 {
        hasher.update_rayon(data);
    } else {
        hasher.update(data);
    }
}

/// Files up to this size are read in one exact-sized buffer, with no read-ahead thread.
const SMALL: u64 = 2 << 20;

/// Read `r` to the end in chunks and hand each to `f`. A large input (by `len_hint`) is
/// read ahead by a helper thread, so reading the next chunk overlaps whatever `f` does
/// with this one (hashing, writing); a small one is read with a buffer sized to it.
/// Returns the number of bytes read.
pub fn read_chunks(
    r: &mut (dyn Read + Send),
    len_hint: u64,
    f: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<u64> {
    if len_hint <= SMALL {
        let mut buf = vec![0u8; (len_hint as usize + 1).max(64 << 10)];
        let mut total = 0u64;
        loop {
            let n = read_full(r, &mut buf)?;
            if n == 0 {
                return Ok(total);
            }
            f(&buf[..n])?;
            total += n as u64;
        }
    }
    let (full_tx, full_rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(1);
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<u8>>();
    for _ in 0..2 {
        let _ = empty_tx.send(vec![0u8; BUF_SIZE]);
    }
    std::thread::scope(|s| {
        // Owned by this closure, so an early return also ends the reader.
        let empty_tx = empty_tx;
        s.spawn(move || {
            while let Ok(mut buf) = empty_rx.recv() {
                buf.resize(BUF_SIZE, 0);
                match read_full(r, &mut buf) {
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
        let mut total = 0u64;
        for buf in full_rx {
            let buf = buf?;
            f(&buf)?;
            total += buf.len() as u64;
            // The reader may already be gone after the last buffer.
            let _ = empty_tx.send(buf);
        }
        Ok(total)
    })
}

/// BLAKE3 of everything `r` yields; `on_bytes` hears every chunk's length.
pub fn blake3_reader(
    r: &mut (dyn Read + Send),
    len_hint: u64,
    on_bytes: &mut dyn FnMut(u64),
) -> io::Result<(Blake3, u64)> {
    let mut hasher = blake3::Hasher::new();
    let total = read_chunks(r, len_hint, &mut |chunk| {
        update(&mut hasher, chunk);
        on_bytes(chunk.len() as u64);
        Ok(())
    })?;
    Ok((*hasher.finalize().as_bytes(), total))
}

/// BLAKE3 of a whole file (its size when opened). A small file is read in one buffer; a
/// larger one is hashed in pieces, in parallel (see [`blake3_pieces`]). A file that shrinks
/// while it is read is an error (`UnexpectedEof`).
pub fn blake3_file(path: &Path, on_bytes: &mut (dyn FnMut(u64) + Send)) -> io::Result<Blake3> {
    let f = File::open(path)?;
    let len = f.metadata()?.len();
    blake3_open(&f, len, on_bytes)
}

/// BLAKE3 of the first `len` bytes of an open file: one buffer when small, else in
/// parallel pieces on the current rayon pool. Fewer bytes than `len` is `UnexpectedEof`
/// for a large file.
pub fn blake3_open(
    f: &File,
    len: u64,
    on_bytes: &mut (dyn FnMut(u64) + Send),
) -> io::Result<Blake3> {
    if len <= SMALL {
        let mut r = f.take(len);
        return Ok(blake3_reader(&mut r, len, on_bytes)?.0);
    }
    blake3_pieces(f, len, on_bytes)
}

/// BLAKE3 of the first `len` bytes of an open file, read front to back by one thread
/// (with read-ahead): the order a spinning disk or a network share reads fastest.
pub fn blake3_sequential(f: &File, len: u64) -> io::Result<Blake3> {
    let mut r = f.take(len);
    let (d, n) = blake3_reader(&mut r, len, &mut |_| {})?;
    if n < len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(d)
}

/// Pieces of [`blake3_pieces`]: a power of two of BLAKE3's 1 KiB chunks, so each piece at
/// a multiple of its size is a whole subtree of the file's BLAKE3 tree.
const PIECE: usize = 1 << 20;

/// BLAKE3 of the first `len` bytes of `f`, hashed in [`PIECE`]s on rayon's threads: each
/// thread reads a run of pieces into a buffer of its own and hashes them there, and the
/// pieces' chaining values are merged into the root at the end. A streamed hash, one
/// thread reading and the cores sharing each buffer, moved every byte between cores:
/// `check --checksum` of a 2 GiB pair ran at 65-75% of b3sum's speed, and 90-100% this way
/// (b3sum maps the files into memory instead, which a file truncated meanwhile turns into
/// a crash).
fn blake3_pieces(f: &File, len: u64, on_bytes: &mut (dyn FnMut(u64) + Send)) -> io::Result<Blake3> {
    use blake3::hazmat::ChainingValue;
    use std::os::unix::fs::FileExt;
    use std::sync::Mutex;

    let pieces = len.div_ceil(PIECE as u64) as usize;
    let runs = rayon::current_num_threads().clamp(1, pieces);
    let cvs: Vec<Mutex<ChainingValue>> = (0..pieces).map(|_| Mutex::new([0; 32])).collect();
    let on_bytes = Mutex::new(on_bytes);
    let failed: Mutex<Option<io::Error>> = Mutex::new(None);
    rayon::scope(|s| {
        for run in 0..runs {
            let (cvs, on_bytes, failed) = (&cvs, &on_bytes, &failed);
            s.spawn(move |_| {
                PIECE_BUF.with(|buf| {
                    let mut buf = buf.borrow_mut();
                    buf.resize(PIECE, 0);
                    let (first, end) = (run * pieces / runs, (run + 1) * pieces / runs);
                    for (k, slot) in cvs.iter().enumerate().take(end).skip(first) {
                        if failed.lock().unwrap_or_else(|e| e.into_inner()).is_some() {
                            return;
                        }
                        let off = (k * PIECE) as u64;
                        let n = (len - off).min(PIECE as u64) as usize;
                        if let Err(e) = f.read_exact_at(&mut buf[..n], off) {
                            *failed.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                            return;
                        }
                        let cv = piece_cv(off, &buf[..n]);
                        *slot.lock().unwrap_or_else(|e| e.into_inner()) = cv;
                        (on_bytes.lock().unwrap_or_else(|e| e.into_inner()))(n as u64);
                    }
                })
            });
        }
    });
    if let Some(e) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    let cvs: Vec<ChainingValue> = cvs
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect();
    Ok(root_from_pieces(&cvs, PIECE as u64, len))
}

/// The chaining value of the piece of a file that starts at byte `off` and holds `piece`
/// (a whole subtree: see [`root_from_pieces`]).
pub fn piece_cv(off: u64, piece: &[u8]) -> blake3::hazmat::ChainingValue {
    use blake3::hazmat::HasherExt;
    blake3::Hasher::new()
        .set_input_offset(off)
        .update(piece)
        .finalize_non_root()
}

/// The BLAKE3 of `len` bytes (more than one piece) from the chaining values of its pieces:
/// piece k is bytes `k * piece..` (the last one may be short), hashed with
/// `blake3::hazmat`'s `set_input_offset(k * piece)` and `finalize_non_root`. `piece` is a
/// power of two of at least 1 KiB, so that every piece is a whole subtree.
pub fn root_from_pieces(cvs: &[blake3::hazmat::ChainingValue], piece: u64, len: u64) -> Blake3 {
    debug_assert!(piece.is_power_of_two() && piece >= blake3::CHUNK_LEN as u64);
    debug_assert!(len > piece && cvs.len() as u64 == len.div_ceil(piece));
    let split = left_subtree_len(len);
    let k = (split / piece) as usize;
    let (l, r) = (
        merge_cvs(&cvs[..k], piece, split),
        merge_cvs(&cvs[k..], piece, len - split),
    );
    *blake3::hazmat::merge_subtrees_root(&l, &r, blake3::hazmat::Mode::Hash).as_bytes()
}

/// Where BLAKE3 splits `len` bytes (more than one chunk) into its left and right
/// subtrees: the largest power-of-two number of 1 KiB chunks that leaves some input on
/// the right.
fn left_subtree_len(len: u64) -> u64 {
    let chunks = len.div_ceil(blake3::CHUNK_LEN as u64);
    (1u64 << (63 - (chunks - 1).leading_zeros())) * blake3::CHUNK_LEN as u64
}

/// The chaining value of a (non-root) subtree of `len` bytes from its pieces' values. A
/// subtree larger than a piece splits at a multiple of the piece size.
fn merge_cvs(
    cvs: &[blake3::hazmat::ChainingValue],
    piece: u64,
    len: u64,
) -> blake3::hazmat::ChainingValue {
    if cvs.len() == 1 {
        return cvs[0];
    }
    let split = left_subtree_len(len);
    let k = (split / piece) as usize;
    let (l, r) = (
        merge_cvs(&cvs[..k], piece, split),
        merge_cvs(&cvs[k..], piece, len - split),
    );
    blake3::hazmat::merge_subtrees_non_root(&l, &r, blake3::hazmat::Mode::Hash)
}

/// BLAKE3 of `len` bytes of `path` starting at `offset` (fewer at end of file).
pub fn blake3_range(path: &Path, offset: u64, len: u64) -> io::Result<Blake3> {
    let mut f = File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut take = f.take(len);
    Ok(blake3_reader(&mut take, len, &mut |_| {})?.0)
}

thread_local! {
    /// Each rayon thread's piece buffer, kept between files: a fresh 1 MiB buffer per
    /// file is a fresh mapping, and its pages fault in again every time.
    static PIECE_BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// SHA-256 of a whole file, streamed.
pub fn sha256_file(path: &Path) -> io::Result<[u8; 32]> {
    let mut f = File::open(path)?;
    let mut h = sha2::Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = read_full(&mut f, &mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_reference_digests() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let data: Vec<u8> = (0..(BUF_SIZE * 2 + 12345))
            .map(|i| (i % 251) as u8)
            .collect();
        std::fs::write(&p, &data).unwrap();
        let mut seen = 0;
        let d = blake3_file(&p, &mut |n| seen += n).unwrap();
        assert_eq!(d, *blake3::hash(&data).as_bytes());
        assert_eq!(seen, data.len() as u64);
        assert_eq!(
            blake3_range(&p, 10, 100).unwrap(),
            *blake3::hash(&data[10..110]).as_bytes()
        );
        let s: [u8; 32] = sha2::Sha256::digest(&data).into();
        assert_eq!(sha256_file(&p).unwrap(), s);
        assert_eq!(hex(&[0, 255, 16]), "00ff10");
    }

    #[test]
    fn pieces_hash_like_the_whole_file() {
        // Sizes around piece and subtree boundaries: just over the small-file limit, whole
        // pieces, a last piece of one byte, of one chunk and of a chunk and a byte.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        for len in [
            SMALL as usize + 1,
            3 * PIECE,
            3 * PIECE + 1,
            4 * PIECE + 1024,
            5 * PIECE + 1025,
            8 * PIECE - 1,
        ] {
            let data: Vec<u8> = (0..len)
                .map(|i| (i % 253) as u8 ^ (i >> 13) as u8)
                .collect();
            std::fs::write(&p, &data).unwrap();
            let want = *blake3::hash(&data).as_bytes();
            let mut seen = 0;
            assert_eq!(blake3_file(&p, &mut |n| seen += n).unwrap(), want, "{len}");
            assert_eq!(seen, len as u64);
            // One thread does it all the same.
            let one = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .unwrap();
            let d = one.install(|| blake3_file(&p, &mut |_| {}).unwrap());
            assert_eq!(d, want, "{len}, one thread");
        }
    }

    #[test]
    fn a_file_that_shrinks_while_hashed_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, vec![7u8; 4 * PIECE]).unwrap();
        let f = File::open(&p).unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&p)
            .unwrap()
            .set_len(2 * PIECE as u64)
            .unwrap();
        let e = blake3_pieces(&f, 4 * PIECE as u64, &mut |_| {}).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
    }
}
