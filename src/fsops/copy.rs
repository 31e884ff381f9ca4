//! Atomic verified copies: a temporary file in the destination folder, hashed while it is
//! written, every chunk read back and compared, fsync (now or in a batch), then a rename.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::{fsync_dir, parent_of, temp_path};
use crate::hash::{self, Blake3};

/// The error text (kind `InvalidData`) of a copy whose read-back differs from what was
/// written.
pub const NOT_VERIFIED: &str =
    "the copy did not verify: what was written differs from what was read";

/// The result of a copy: bytes in the new file and the BLAKE3 of all of its content.
#[derive(Debug, Clone)]
pub struct Copied {
    /// Total size of the file written.
    pub size: u64,
    /// Bytes read from the source (smaller than `size` when a prefix was reused).
    pub read_from_source: u64,
    /// BLAKE3 of the whole written content.
    pub blake3: Blake3,
    /// The written file's metadata, its mtime set: a rename keeps all of it but the
    /// ctime, so it saves a `stat` of the target after [`commit`].
    pub metadata: fs::Metadata,
}

/// When the bytes of a new copy reach the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// fsync the temporary file before [`copy_to_temp`] returns.
    #[default]
    Now,
    /// Only start the write-back; the caller makes a batch of copies durable at once with
    /// [`sync_filesystem`] before renaming any of them.
    Deferred,
}

/// How [`copy_to_temp`] copies.
#[derive(Debug, Clone, Copy, Default)]
pub struct CopyOptions<'a> {
    /// The first `n` bytes come from `file` (an interrupted earlier copy); only the rest
    /// is read from the source, from offset `n`.
    pub prefix: Option<(&'a Path, u64)>,
    /// The modification time to give the copy (set before it is made durable).
    pub mtime: Option<std::time::SystemTime>,
    pub durability: Durability,
}

/// Copy `src` into a new temporary file beside `dst`, hashing while copying. Every chunk
/// is read back right after it is written and compared with what was written (an error
/// of kind `InvalidData`, [`NOT_VERIFIED`], when they differ), so the BLAKE3 returned is
/// that of the bytes in the file. Write-back to the disk starts chunk by chunk while the
/// copy goes on, so the final fsync (or the caller's [`sync_filesystem`]) has little left
/// to wait for. Returns the verified temporary path; the caller checks what else it must
/// (sizes, recorded hashes) and then calls [`commit`].
pub fn copy_to_temp(
    src: &Path,
    dst: &Path,
    opts: CopyOptions,
    on_bytes: &mut dyn FnMut(u64),
) -> io::Result<(PathBuf, Copied)> {
    let tmp = temp_path(dst);
    let result = (|| {
        let out = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        // The source's size picks the buffering: a small file gets a buffer sized to it
        // (zeroing 4 MiB per file dominated copying thousands of small files).
        let s = File::open(src)?;
        let len = s.metadata()?.len();
        let mut hashing = if opts.prefix.is_none() && len > SMALL_FILE {
            Hashing::Pieces(Vec::new())
        } else {
            Hashing::Stream(Box::default())
        };
        let mut at = 0u64;
        if let Some((file, n)) = opts.prefix {
            let pf = File::open(file)?;
            let mut p = (&pf).take(n);
            pump(
                &mut p,
                Some(&pf),
                n,
                &out,
                &mut at,
                &mut hashing,
                &mut |_| {},
            )?;
            if at != n {
                return Err(io::Error::other(
                    "the partial copy is shorter than expected",
                ));
            }
        }
        let from = at;
        if from > 0 {
            (&s).seek(SeekFrom::Start(from))?;
        }
        pump(
            &mut &s,
            Some(&s),
            len.saturating_sub(from),
            &out,
            &mut at,
            &mut hashing,
            on_bytes,
        )?;
        let blake3 = hashing.finish(at)?;
        if let Some(t) = opts.mtime {
            out.set_modified(t)?;
        }
        if opts.durability == Durability::Now {
            out.sync_all()?;
        }
        Ok(Copied {
            size: at,
            read_from_source: at - from,
            blake3,
            metadata: out.metadata()?,
        })
    })();
    match result {
        Ok(c) => Ok((tmp, c)),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Chunk size of copies over [`SMALL_FILE`]: a chunk and the page-cache pages it is copied
/// into should stay in a core's L2 cache while it is hashed, written and read back. The
/// verified copy of a 2 GiB file took 1.57-1.98 s with 1 MiB chunks and 0.93-1.26 s with
/// 256 KiB chunks, in alternated runs (`scripts/ab-resync`).
const COPY_CHUNK: usize = 256 << 10;

/// Files up to this size are copied in one read and one write, in the calling thread.
const SMALL_FILE: u64 = 2 << 20;

/// How [`pump`] hashes what it copies.
enum Hashing {
    /// All of it, in order, in the reading thread.
    Stream(Box<blake3::Hasher>),
    /// A whole file from its start, in [`COPY_CHUNK`] pieces (whole subtrees of its BLAKE3
    /// tree) that the two threads of the pipeline take turns to hash: the chaining value of
    /// each piece, merged into the root at the end ([`hash::root_from_pieces`]). With the
    /// reading thread hashing everything, the 2 GiB copy's median over 18 alternated runs
    /// on a busy machine was 1.8-2.6 s; with the hashing shared, 1.3-1.4 s (best 0.92-0.98 s
    /// either way).
    Pieces(Vec<blake3::hazmat::ChainingValue>),
}

impl Hashing {
    /// The BLAKE3 of the `len` bytes hashed.
    fn finish(self, len: u64) -> io::Result<Blake3> {
        match self {
            Hashing::Stream(h) => Ok(*h.finalize().as_bytes()),
            // A source that shrank to one piece meanwhile; the caller retries.
            Hashing::Pieces(_) if len <= COPY_CHUNK as u64 => Err(io::Error::other(
                "the source shrank while it was being copied",
            )),
            Hashing::Pieces(cvs) => Ok(hash::root_from_pieces(&cvs, COPY_CHUNK as u64, len)),
        }
    }
}

/// Copy `r` to `out` from offset `*at`, hashing what is read and reading back what is
/// written. A small input is done in this thread; a larger one in a pipeline of two: this
/// thread reads and hashes chunk k+1 while a writer thread writes chunk k, and reads back
/// and compares each chunk the writer hands back. `r` may be `file`, read at the same
/// offsets as `out` is written: each chunk is then copied by the kernel from it
/// (`copy_file_range`, where the file systems allow), and the read-back proves that what
/// landed is what was read and hashed. On the benchmark machine the kernel's page-to-page
/// copy cost a ninth of writing the same bytes from user memory (a profile of 2,000
/// small files: 34 ms against 313 ms).
/// Returns the number of bytes copied (`*at` advances by as much).
fn pump(
    r: &mut (dyn Read + Send),
    file: Option<&File>,
    len_hint: u64,
    out: &File,
    at: &mut u64,
    hashing: &mut Hashing,
    on_bytes: &mut dyn FnMut(u64),
) -> io::Result<u64> {
    let start = *at;
    if let (true, Hashing::Stream(hasher)) = (len_hint <= SMALL_FILE, &mut *hashing) {
        // One read of the whole file (and one more byte, to see the end) into buffers
        // this thread keeps: allocating and zeroing them per file cost more than the copy
        // of a small file.
        thread_local! {
            static BUFFERS: std::cell::RefCell<(PageBuf, PageBuf)> = Default::default();
        }
        return BUFFERS.with_borrow_mut(|(buf, check)| {
            let want = (len_hint as usize + 1).clamp(64 << 10, SMALL_FILE as usize + 1);
            let buf = buf.get(want);
            loop {
                let n = hash::read_full(r, buf)?;
                if n > 0 {
                    hasher.update(&buf[..n]);
                    write_verified(out, &buf[..n], *at, check, file)?;
                    *at += n as u64;
                    on_bytes(n as u64);
                }
                if n < buf.len() {
                    return Ok(*at - start);
                }
            }
        });
    }
    // The writer thread puts chunks in the file (the costliest step) and, hashing in
    // pieces, hashes every other one; this thread reads and hashes the rest, and reads
    // back each chunk the writer hands back. Reading back in the writer after a kernel
    // copy ran at the same best speed but was slower in most of 18 alternated runs of the
    // 2 GiB copy (median 2.2 s against 1.3 s) on a busy machine.
    type Returned = (PageBuf, usize, u64, Option<blake3::hazmat::ChainingValue>);
    let (to_writer, chunks) = mpsc::sync_channel::<(PageBuf, usize, u64, bool)>(2);
    let (give_back, returned) = mpsc::channel::<Returned>();
    std::thread::scope(|s| {
        let writer = s.spawn(move || -> io::Result<()> {
            let mut unsubmitted = None;
            let mut kernel_copy = file;
            for (mut buf, n, off, hash_it) in chunks {
                let cv = hash_it.then(|| hash::piece_cv(off, buf.get(n)));
                if !kernel_copy.is_some_and(|f| copy_range(f, out, off, n)) {
                    // Not possible here (or cut short): write what was read, from now on.
                    kernel_copy = None;
                    out.write_all_at(buf.get(n), off)?;
                }
                let from = *unsubmitted.get_or_insert(off);
                if off + n as u64 - from >= WRITEBACK {
                    start_writeback(out, from, off + n as u64);
                    unsubmitted = None;
                }
                // The reader may be done already.
                let _ = give_back.send((buf, n, off, cv));
            }
            Ok(())
        });
        let mut spare: Vec<PageBuf> = (0..4).map(|_| PageBuf::default()).collect();
        let mut check = PageBuf::default();
        let mut pending = 0usize;
        // A chunk back from the writer: read it back; keep its piece's value.
        let mut take_back =
            |(mut b, n, off, cv): Returned, hashing: &mut Hashing| -> io::Result<PageBuf> {
                verify_chunk(out, b.get(n), off, &mut check)?;
                if let (Some(cv), Hashing::Pieces(cvs)) = (cv, hashing) {
                    cvs[(off / COPY_CHUNK as u64) as usize] = cv;
                }
                Ok(b)
            };
        let read = (|| -> io::Result<()> {
            loop {
                // The writer hands buffers back; when it stops (an error) so does reading.
                let mut buf = match spare.pop() {
                    Some(b) => b,
                    None => match returned.recv() {
                        Ok(back) => {
                            pending -= 1;
                            take_back(back, hashing)?
                        }
                        Err(_) => return Ok(()),
                    },
                };
                let n = hash::read_full(r, buf.get(COPY_CHUNK))?;
                if n == 0 {
                    return Ok(());
                }
                let mut hash_it = false;
                match &mut *hashing {
                    Hashing::Stream(hasher) => {
                        hasher.update(buf.get(n));
                    }
                    // Only the last piece may be short: a source that had ended and goes
                    // on is one that grew during the copy.
                    Hashing::Pieces(_) if !(*at).is_multiple_of(COPY_CHUNK as u64) => {
                        return Err(io::Error::other(
                            "the source grew while it was being copied",
                        ));
                    }
                    Hashing::Pieces(cvs) => {
                        let k = (*at / COPY_CHUNK as u64) as usize;
                        cvs.resize(k + 1, [0; 32]);
                        if k.is_multiple_of(2) {
                            cvs[k] = hash::piece_cv(*at, buf.get(n));
                        } else {
                            hash_it = true;
                        }
                    }
                }
                if to_writer.send((buf, n, *at, hash_it)).is_err() {
                    return Ok(());
                }
                pending += 1;
                *at += n as u64;
                on_bytes(n as u64);
            }
        })();
        drop(to_writer);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the copy's writer thread panicked")));
        // A read error is reported first: a writer error may only be its consequence.
        read?;
        written?;
        // The chunks still out were all written: read them back too.
        for back in returned.try_iter() {
            pending -= 1;
            take_back(back, hashing)?;
        }
        if pending != 0 {
            return Err(io::Error::other("the copy's writer lost a chunk"));
        }
        Ok(*at - start)
    })
}

/// A reusable copy buffer, grown on demand and never shrunk (so it is zeroed once, not per
/// file), whose bytes start on a page boundary like the page-cache pages they are copied
/// to and from.
#[derive(Default)]
struct PageBuf {
    raw: Vec<u8>,
    start: usize,
}

impl PageBuf {
    const ALIGN: usize = 4096;

    /// The first `n` bytes of the buffer, growing it when it is smaller.
    fn get(&mut self, n: usize) -> &mut [u8] {
        if self.raw.len() < self.start + n {
            self.raw = vec![0u8; n + Self::ALIGN];
            self.start = self.raw.as_ptr().align_offset(Self::ALIGN);
        }
        &mut self.raw[self.start..self.start + n]
    }
}

/// Put `chunk` in `out` at `off` (copied by the kernel from the same offset of `file` when
/// it can, else written), start its write-back, and read it back to compare.
fn write_verified(
    out: &File,
    chunk: &[u8],
    off: u64,
    check: &mut PageBuf,
    file: Option<&File>,
) -> io::Result<()> {
    if !file.is_some_and(|f| copy_range(f, out, off, chunk.len())) {
        out.write_all_at(chunk, off)?;
    }
    start_writeback(out, off, off + chunk.len() as u64);
    verify_chunk(out, chunk, off, check)
}

/// Have the kernel copy bytes `off..off + n` of `from` to the same offsets of `to`
/// (`copy_file_range`). False when it cannot, for any reason (file systems that do not
/// support it, a source cut short); the caller then writes the bytes itself.
pub fn copy_range(from: &File, to: &File, off: u64, n: usize) -> bool {
    use std::os::unix::io::AsRawFd;
    let (mut src_off, mut dst_off) = (off as libc::loff_t, off as libc::loff_t);
    let mut left = n;
    while left > 0 {
        // SAFETY: valid descriptors and offsets owned by this frame.
        let k = unsafe {
            libc::copy_file_range(
                from.as_raw_fd(),
                &mut src_off,
                to.as_raw_fd(),
                &mut dst_off,
                left,
                0,
            )
        };
        if k <= 0 {
            return false;
        }
        left -= k as usize;
    }
    true
}

/// Large copies start write-back in runs of this many bytes: a 2 GiB verified copy took
/// 0.88-1.03 s with 2 MiB runs, 0.93-1.14 s with 1 MiB and 1.07-2.9 s with one run per
/// 256 KiB chunk, in alternated runs (`scripts/ab-resync`).
const WRITEBACK: u64 = 2 << 20;

/// Start write-back of bytes `from..to` of `out` to the disk, without waiting for it.
pub fn start_writeback(out: &File, from: u64, to: u64) {
    use std::os::unix::io::AsRawFd;
    // SAFETY: a valid descriptor and range; SYNC_FILE_RANGE_WRITE only starts write-back
    // (a hint: its failure is not an error of the copy).
    unsafe {
        libc::sync_file_range(
            out.as_raw_fd(),
            from as libc::off64_t,
            to.saturating_sub(from) as libc::off64_t,
            libc::SYNC_FILE_RANGE_WRITE,
        );
    }
}

/// Read back the `chunk` written at `off` and compare ([`NOT_VERIFIED`] when they differ).
fn verify_chunk(out: &File, chunk: &[u8], off: u64, check: &mut PageBuf) -> io::Result<()> {
    let check = check.get(chunk.len());
    out.read_exact_at(check, off)?;
    if check != chunk {
        return Err(io::Error::new(io::ErrorKind::InvalidData, NOT_VERIFIED));
    }
    Ok(())
}

/// Flush everything written to the file system holding `path` (`syncfs`): one call makes
/// a whole batch of [`Durability::Deferred`] copies durable.
pub fn sync_filesystem(path: &Path) -> io::Result<()> {
    use std::os::unix::io::AsRawFd;
    let f = File::open(path)?;
    // SAFETY: a valid open descriptor.
    if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Rename a verified temporary file over `dst` and make the rename durable.
pub fn commit(tmp: &Path, dst: &Path) -> io::Result<()> {
    fs::rename(tmp, dst)?;
    fsync_dir(parent_of(dst))
}

/// Copy `src` to `dst` atomically: temp file, hash while copying, read back and compare,
/// fsync, rename. `dst` is replaced only when all of that
/// succeeded.
pub fn copy_atomic(src: &Path, dst: &Path, on_bytes: &mut dyn FnMut(u64)) -> io::Result<Copied> {
    let (tmp, copied) = copy_to_temp(src, dst, CopyOptions::default(), on_bytes)?;
    if let Err(e) = commit(&tmp, dst) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fsops::is_temp_name;

    #[test]
    fn atomic_copy_and_resume_from_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src.bin");
        let data: Vec<u8> = (0..1_000_000u32).map(|i| (i * 7 % 256) as u8).collect();
        fs::write(&src, &data).unwrap();
        let dst = dir.path().join("out/dst.bin");
        fs::create_dir_all(dst.parent().unwrap()).unwrap();
        let c = copy_atomic(&src, &dst, &mut |_| {}).unwrap();
        assert_eq!(fs::read(&dst).unwrap(), data);
        assert_eq!(c.blake3, *blake3::hash(&data).as_bytes());

        let partial = dir.path().join("partial.bin");
        fs::write(&partial, &data[..400_000]).unwrap();
        let opts = CopyOptions {
            prefix: Some((&partial, 400_000)),
            ..CopyOptions::default()
        };
        let (tmp, c) = copy_to_temp(&src, &dst, opts, &mut |_| {}).unwrap();
        assert_eq!(c.read_from_source, 600_000);
        assert!(is_temp_name(tmp.file_name().unwrap()));
        commit(&tmp, &dst).unwrap();
        assert_eq!(fs::read(&dst).unwrap(), data);
    }

    #[test]
    fn pipelined_copy_of_a_large_file_with_a_large_prefix() {
        // Over 2 MiB on both sides of the prefix: both run as the two-thread pipeline.
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src.bin");
        let data: Vec<u8> = (0..9_000_000u32).map(|i| (i * 31 % 253) as u8).collect();
        fs::write(&src, &data).unwrap();
        let partial = dir.path().join("partial.bin");
        fs::write(&partial, &data[..3_500_000]).unwrap();
        let dst = dir.path().join("dst.bin");
        let mtime = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        let opts = CopyOptions {
            prefix: Some((&partial, 3_500_000)),
            mtime: Some(mtime),
            durability: Durability::Deferred,
        };
        let mut seen = 0;
        let (tmp, c) = copy_to_temp(&src, &dst, opts, &mut |n| seen += n).unwrap();
        assert_eq!(seen, 5_500_000);
        assert_eq!((c.size, c.read_from_source), (9_000_000, 5_500_000));
        assert_eq!(c.blake3, *blake3::hash(&data).as_bytes());
        sync_filesystem(dir.path()).unwrap();
        commit(&tmp, &dst).unwrap();
        assert_eq!(fs::read(&dst).unwrap(), data);
        assert_eq!(fs::metadata(&dst).unwrap().modified().unwrap(), mtime);

        // A prefix file shorter than it claims is an error, and no temporary file stays.
        fs::write(&partial, &data[..10]).unwrap();
        let opts = CopyOptions {
            prefix: Some((&partial, 3_500_000)),
            ..CopyOptions::default()
        };
        assert!(copy_to_temp(&src, &dst, opts, &mut |_| {}).is_err());
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| is_temp_name(&e.as_ref().unwrap().file_name()))
            .collect();
        assert!(left.is_empty());
    }

    /// Run [`pump`] over `data` (the two-thread pipeline above 2 MiB) into a new file in
    /// `dir`, with `file` offered for kernel copies; the file's bytes and the digest, or
    /// the error.
    fn pipeline(dir: &Path, data: &[u8], file: Option<&File>) -> io::Result<(Vec<u8>, Blake3)> {
        let hashing = if data.len() as u64 > SMALL_FILE {
            Hashing::Pieces(Vec::new())
        } else {
            Hashing::Stream(Box::default())
        };
        pipeline_hashing(dir, data, file, hashing)
    }

    fn pipeline_hashing(
        dir: &Path,
        data: &[u8],
        file: Option<&File>,
        mut hashing: Hashing,
    ) -> io::Result<(Vec<u8>, Blake3)> {
        let path = dir.join("out.bin");
        let _ = fs::remove_file(&path);
        let out = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        let mut at = 0;
        let mut r = data;
        let n = pump(
            &mut r,
            file,
            data.len() as u64,
            &out,
            &mut at,
            &mut hashing,
            &mut |_| {},
        )?;
        assert_eq!((n, at), (data.len() as u64, data.len() as u64));
        Ok((fs::read(&path)?, hashing.finish(at)?))
    }

    #[test]
    fn the_pipeline_hashes_in_pieces_or_in_one_stream_alike() {
        // Lengths around piece boundaries, an odd and an even number of pieces.
        let dir = tempfile::tempdir().unwrap();
        for len in [
            8 * COPY_CHUNK + 1,
            9 * COPY_CHUNK,
            9 * COPY_CHUNK + 1024,
            10 * COPY_CHUNK + 1025,
            16 * COPY_CHUNK - 1,
        ] {
            let data: Vec<u8> = (0..len)
                .map(|i| (i % 241) as u8 ^ (i >> 12) as u8)
                .collect();
            let want = *blake3::hash(&data).as_bytes();
            for hashing in [Hashing::Pieces(Vec::new()), Hashing::Stream(Box::default())] {
                let (bytes, digest) = pipeline_hashing(dir.path(), &data, None, hashing).unwrap();
                assert!(bytes == data, "{len}");
                assert_eq!(digest, want, "{len}");
            }
        }
        // Pieces need more than one: a source that shrank to one fails the copy.
        assert!(Hashing::Pieces(vec![[0; 32]]).finish(10).is_err());
    }

    /// A reader that ends (reads 0) after each of its parts, then goes on with the next:
    /// a file that grows while it is read.
    struct Growing(Vec<Vec<u8>>, usize);

    impl Read for Growing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let Some(part) = self.0.first_mut() else {
                return Ok(0);
            };
            if self.1 == part.len() {
                self.0.remove(0);
                self.1 = 0;
                return Ok(0);
            }
            let n = buf.len().min(part.len() - self.1);
            buf[..n].copy_from_slice(&part[self.1..self.1 + n]);
            self.1 += n;
            Ok(n)
        }
    }

    #[test]
    fn a_source_that_grows_during_a_copy_in_pieces_fails_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(dir.path().join("out"))
            .unwrap();
        let first = vec![1u8; 12 * COPY_CHUNK + 5];
        let mut r = Growing(vec![first, vec![2u8; COPY_CHUNK]], 0);
        let mut hashing = Hashing::Pieces(Vec::new());
        let mut at = 0;
        let e = pump(
            &mut r,
            None,
            13 * COPY_CHUNK as u64,
            &out,
            &mut at,
            &mut hashing,
            &mut |_| {},
        )
        .unwrap_err();
        assert!(e.to_string().contains("grew"), "{e}");
    }

    #[test]
    fn the_pipeline_writes_itself_when_the_kernel_cannot_copy() {
        let dir = tempfile::tempdir().unwrap();
        let data: Vec<u8> = (0..7_000_001u32).map(|i| (i * 17 % 251) as u8).collect();
        let (bytes, digest) = pipeline(dir.path(), &data, None).unwrap();
        assert!(bytes == data);
        assert_eq!(digest, *blake3::hash(&data).as_bytes());
    }

    #[test]
    fn a_kernel_copy_of_other_bytes_than_were_read_does_not_verify() {
        // The kernel copies from `file`, which holds other bytes near the end than the
        // ones read and hashed: the read-back must catch it, in a large file (the
        // pipeline) and in a small one (one read and one write).
        let dir = tempfile::tempdir().unwrap();
        for len in [7_000_000u32, 100_000] {
            let data: Vec<u8> = (0..len).map(|i| (i * 13 % 249) as u8).collect();
            let mut other = data.clone();
            other[len as usize * 5 / 7] ^= 1;
            let file = dir.path().join("other.bin");
            fs::write(&file, &other).unwrap();
            let f = File::open(&file).unwrap();
            let probe = File::create(dir.path().join("probe")).unwrap();
            if copy_range(&f, &probe, 0, 10) {
                let e = pipeline(dir.path(), &data, Some(&f)).unwrap_err();
                assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{len}");
                assert_eq!(e.to_string(), NOT_VERIFIED);
            } else {
                eprintln!(
                    "no copy_file_range in {}: mismatch not tried",
                    dir.path().display()
                );
            }
            // The same bytes: copied by the kernel (or written, where it cannot), verified.
            fs::write(&file, &data).unwrap();
            let f = File::open(&file).unwrap();
            let (bytes, digest) = pipeline(dir.path(), &data, Some(&f)).unwrap();
            assert!(bytes == data, "{len}");
            assert_eq!(digest, *blake3::hash(&data).as_bytes());
        }
    }
}
