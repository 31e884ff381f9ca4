//! The file under check as the parsers see it: reads at offsets, counted against a budget
//! (a check reads headers and tails, never the whole file), with the larger windows kept
//! so a header walk over them costs nothing more.

use std::io::{self, Read, Seek, SeekFrom};

/// The most a check reads from one file.
pub const BUDGET: u64 = 2 * 1024 * 1024;

/// Why a parser stopped early.
#[derive(Debug)]
pub enum Stop {
    /// The file could not be read.
    Io(io::Error),
    /// The budget is spent: what was seen so far is all there is to judge.
    Budget,
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

/// A parser's result: a value, or a reason to stop.
pub type Res<T> = Result<T, Stop>;

/// Reads worth keeping for later lookups.
const KEEP: usize = 4096;

/// A reader of known length with a byte count and a budget.
pub struct Src<'a, R> {
    r: &'a mut R,
    /// The file's length.
    pub len: u64,
    read: u64,
    budget: u64,
    windows: Vec<(u64, Vec<u8>)>,
}

impl<'a, R: Read + Seek> Src<'a, R> {
    /// A source over `r`, `len` bytes long.
    pub fn new(r: &'a mut R, len: u64, budget: u64) -> Self {
        Src {
            r,
            len,
            read: 0,
            budget,
            windows: Vec::new(),
        }
    }

    /// Bytes read from the file so far.
    pub fn bytes_read(&self) -> u64 {
        self.read
    }

    /// What is left of the budget.
    pub fn left(&self) -> u64 {
        self.budget.saturating_sub(self.read)
    }

    /// Up to `n` bytes at `at` (fewer at the end of the file).
    pub fn get(&mut self, at: u64, n: usize) -> Res<Vec<u8>> {
        if at >= self.len || n == 0 {
            return Ok(Vec::new());
        }
        let n = n.min((self.len - at).min(usize::MAX as u64) as usize);
        for (start, w) in &self.windows {
            if at >= *start && at + n as u64 <= start + w.len() as u64 {
                let o = (at - start) as usize;
                return Ok(w[o..o + n].to_vec());
            }
        }
        if self.read + n as u64 > self.budget {
            return Err(Stop::Budget);
        }
        let mut buf = vec![0u8; n];
        self.r.seek(SeekFrom::Start(at))?;
        let got = crate::hash::read_full(self.r, &mut buf)?;
        buf.truncate(got);
        self.read += got as u64;
        if got >= KEEP {
            self.windows.push((at, buf.clone()));
        }
        Ok(buf)
    }

    /// Keep `[at, at + n)` in memory for later lookups (clamped to the file and budget).
    pub fn window(&mut self, at: u64, n: u64) -> Res<Vec<u8>> {
        let n = n.min(self.len.saturating_sub(at)).min(self.left());
        self.get(at, n as usize)
    }

    /// Whether the bytes from `at` to the end of the file are zeros, judged from up to
    /// 64 KiB at `at` and the last 64 KiB.
    pub fn zeros_to_end(&mut self, at: u64) -> Res<bool> {
        const SPAN: u64 = 64 * 1024;
        if at >= self.len {
            return Ok(false);
        }
        let head = self.get(at, SPAN.min(self.len - at) as usize)?;
        if !all_zero(&head) {
            return Ok(false);
        }
        let from = self.len.saturating_sub(SPAN).max(at);
        Ok(all_zero(&self.get(from, (self.len - from) as usize)?))
    }

    /// Nothing valid at `at`: zeros from there to the end are a zero-filled tail, anything
    /// else is a bad `what` (chunk, element) id.
    pub fn bad_at(&mut self, at: u64, what: &str) -> Res<super::Verdict> {
        Ok(if self.zeros_to_end(at)? {
            super::Verdict::ZeroTail {
                from: at,
                actual: self.len,
            }
        } else {
            super::invalid(format!("bad {what} id at byte {at}"))
        })
    }

    /// Whether the last bytes of a sample `[at, at + size)` are zeros, as left by a
    /// download that stopped in a preallocated file. Small samples are read whole (their
    /// own header is never zero); large ones by their last KiB.
    pub fn sample_zeroed(&mut self, at: u64, size: u64) -> Res<bool> {
        const TAIL: u64 = 1024;
        if size < 16 || at.saturating_add(size) > self.len {
            return Ok(false);
        }
        let n = size.min(TAIL);
        Ok(all_zero(&self.get(at + size - n, n as usize)?))
    }
}

/// True when every byte is zero (and there is at least one).
pub fn all_zero(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(|&x| x == 0)
}

/// A big-endian integer of `b.len()` bytes (at most 8).
pub fn be(b: &[u8]) -> u64 {
    b.iter().fold(0u64, |v, &x| (v << 8) | u64::from(x))
}

/// A little-endian 32-bit integer at `o` in `b`, if there.
pub fn le32(b: &[u8], o: usize) -> Option<u64> {
    let s = b.get(o..o + 4)?;
    Some(u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])))
}

/// A big-endian integer of `n` bytes at `o` in `b`, if there.
pub fn be_at(b: &[u8], o: usize, n: usize) -> Option<u64> {
    b.get(o..o.checked_add(n)?).map(be)
}
