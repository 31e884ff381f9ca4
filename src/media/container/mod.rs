//! Structural checks of media containers that need no source to compare with: a file cut
//! short by an interrupted copy, or left with a zero-filled tail by a download that
//! stopped in a preallocated file, is found from its own headers, index and tail.
//!
//! The real container is told by its magic bytes ([`sniff`]), whatever the extension says;
//! then one module per format checks it: [`matroska`] (EBML: Matroska, WebM), [`mp4`]
//! (ISO base media: MP4, MOV, M4V, fragmented MP4), [`avi`] (RIFF AVI and OpenDML) and
//! [`ts`] (MPEG transport streams, M2TS). At most [`source::BUDGET`] bytes are read per
//! file: headers, the index's last entries, the last samples and the tail.

mod avi;
mod matroska;
mod mp4;
mod sniff;
mod source;
mod ts;

use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::Path;

use serde::Serialize;

use source::{Res, Src, Stop};

pub use source::BUDGET;

/// The container families we know how to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Matroska and WebM (EBML).
    Ebml,
    /// ISO base media: MP4, MOV, M4V, 3GP.
    Mp4,
    /// RIFF AVI.
    Avi,
    /// MPEG transport stream: TS, M2TS.
    Ts,
}

impl Format {
    /// The format a file name promises by its extension, if we check that format.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "mkv" | "webm" | "mka" | "mk3d" => Some(Format::Ebml),
            "mp4" | "m4v" | "mov" | "m4a" | "3gp" => Some(Format::Mp4),
            "avi" => Some(Format::Avi),
            "ts" | "m2ts" | "mts" | "m2t" => Some(Format::Ts),
            _ => None,
        }
    }

    /// The name people know the format by.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ebml => "Matroska",
            Format::Mp4 => "MP4",
            Format::Avi => "AVI",
            Format::Ts => "MPEG-TS",
        }
    }
}

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// The structure is whole.
    Ok,
    /// The structure declares more bytes than the file has: cut short.
    Truncated { expected: u64, actual: u64 },
    /// The file has its full size but is zeros from `from` on, where data must be: a
    /// download that stopped in a preallocated file.
    ZeroTail { from: u64, actual: u64 },
    /// Not the promised container at all, or its structure is broken.
    Invalid { reason: String },
}

impl Verdict {
    /// True when the file passed.
    pub fn is_ok(&self) -> bool {
        matches!(self, Verdict::Ok)
    }

    /// True when the file is missing data at its end (cut short or zero-filled): it is
    /// incomplete rather than corrupted.
    pub fn is_incomplete(&self) -> bool {
        matches!(self, Verdict::Truncated { .. } | Verdict::ZeroTail { .. })
    }

    /// One line for people.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Ok => "container is whole".into(),
            Verdict::Truncated { expected, actual } => {
                format!("container cut short: declares {expected} bytes, file has {actual}")
            }
            Verdict::ZeroTail { from, actual } => format!(
                "container ends in zeros from byte {from} of {actual}, where data must be (a download that stopped)"
            ),
            Verdict::Invalid { reason } => format!("container is broken: {reason}"),
        }
    }
}

/// A check's full answer: the verdict, the format the extension names and the one the
/// bytes hold, and how many bytes were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    pub named: Format,
    pub found: Format,
    pub bytes_read: u64,
}

impl Report {
    /// The warning for a file whose extension names another container than it holds.
    pub fn extension_warning(&self) -> Option<String> {
        (self.named != self.found).then(|| {
            format!(
                "its extension says {} but it holds {}; checked as {}",
                self.named.name(),
                self.found.name(),
                self.found.name()
            )
        })
    }
}

/// Check `path` when its extension names a format we know; `None` for other files.
pub fn check(path: &Path) -> io::Result<Option<Verdict>> {
    Ok(inspect(path)?.map(|r| r.verdict))
}

/// [`check`] with the formats seen and the bytes read.
pub fn inspect(path: &Path) -> io::Result<Option<Report>> {
    let Some(format) = Format::of(path) else {
        return Ok(None);
    };
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    inspect_reader(&mut f, len, format).map(Some)
}

/// Check a container of `len` bytes read from `r`, named as `format`.
pub fn check_reader<R: Read + Seek>(r: &mut R, len: u64, format: Format) -> io::Result<Verdict> {
    Ok(inspect_reader(r, len, format)?.verdict)
}

/// [`check_reader`] with the formats seen and the bytes read.
pub fn inspect_reader<R: Read + Seek>(r: &mut R, len: u64, named: Format) -> io::Result<Report> {
    let mut src = Src::new(r, len, BUDGET);
    let (found, verdict) = match judge(&mut src, named) {
        Ok(v) => v,
        Err(Stop::Io(e)) => return Err(e),
        // Unreachable in practice (each parser keeps within the budget); nothing seen
        // is wrong, so the file passes.
        Err(Stop::Budget) => (named, Verdict::Ok),
    };
    Ok(Report {
        verdict,
        named,
        found,
        bytes_read: src.bytes_read(),
    })
}

fn judge<R: Read + Seek>(src: &mut Src<R>, named: Format) -> Res<(Format, Verdict)> {
    let head = src.window(0, 64 * 1024)?;
    let found = sniff::sniff(&head).unwrap_or(named);
    let v = match found {
        Format::Ebml => matroska::check(src, &head),
        Format::Mp4 => mp4::check(src),
        Format::Avi => avi::check(src, &head),
        Format::Ts => ts::check(src, &head),
    };
    match v {
        Ok(Verdict::Invalid { reason }) => Ok((found, zero_tail(src)?.unwrap_or(invalid(reason)))),
        Ok(v) => Ok((found, v)),
        Err(Stop::Budget) => Ok((found, Verdict::Ok)),
        Err(e) => Err(e),
    }
}

/// A file whose structure is broken and whose last KiB or more is zeros lost its tail to
/// a download that stopped: the zero run's start (as far back as 64 KiB) is where.
fn zero_tail<R: Read + Seek>(src: &mut Src<R>) -> Res<Option<Verdict>> {
    let len = src.len;
    let from = len.saturating_sub(64 * 1024);
    let w = src.get(from, (len - from) as usize)?;
    let run = w.iter().rev().take_while(|&&b| b == 0).count();
    Ok((run >= 1024).then(|| Verdict::ZeroTail {
        from: len - run as u64,
        actual: len,
    }))
}

fn invalid(reason: impl Into<String>) -> Verdict {
    Verdict::Invalid {
        reason: reason.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    pub(super) fn run(data: &[u8], f: Format) -> Verdict {
        check_reader(&mut Cursor::new(data), data.len() as u64, f).unwrap()
    }

    fn garbage(n: usize, seed: &mut u64) -> Vec<u8> {
        (0..n)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                (*seed >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn never_panics_on_prefixes_of_garbage() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let magics: [&[u8]; 6] = [
            b"",
            &[0x1A, 0x45, 0xDF, 0xA3],
            b"\0\0\0\x10ftypisom",
            b"RIFF\xff\xff\0\0AVI ",
            &[0x47],
            b"\0\0\0\x01mdat",
        ];
        for n in 0..400usize {
            for m in magics {
                let mut data = m.to_vec();
                data.extend(garbage(n, &mut seed));
                for cut in [data.len(), data.len() / 2, data.len().min(13)] {
                    for f in [Format::Ebml, Format::Mp4, Format::Avi, Format::Ts] {
                        let _ = run(&data[..cut], f);
                    }
                }
            }
        }
        assert_eq!(Format::of(Path::new("a.MKV")), Some(Format::Ebml));
        assert_eq!(Format::of(Path::new("a.m2ts")), Some(Format::Ts));
        assert_eq!(Format::of(Path::new("a.srt")), None);
    }

    #[test]
    fn never_panics_on_damaged_real_files() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/media");
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let Some(f) = Format::of(&p) else { continue };
            let good = std::fs::read(&p).unwrap();
            assert_eq!(run(&good, f), Verdict::Ok, "{}", p.display());
            for cut in (0..good.len()).step_by(13) {
                let _ = run(&good[..cut], f);
            }
            for _ in 0..300 {
                let mut bad = good.clone();
                for b in garbage(8, &mut seed).chunks(4) {
                    let at = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize % bad.len();
                    bad[at] = b[0] ^ 0xff;
                }
                let _ = run(&bad, f);
                let r = inspect_reader(&mut Cursor::new(&bad), bad.len() as u64, f).unwrap();
                assert!(r.bytes_read <= BUDGET);
            }
        }
    }

    #[test]
    fn the_magic_bytes_win_over_the_extension() {
        let mkv = matroska::tests::mkv(1000);
        let r = inspect_reader(&mut Cursor::new(&mkv), mkv.len() as u64, Format::Mp4).unwrap();
        assert_eq!(r.verdict, Verdict::Ok);
        assert_eq!(r.found, Format::Ebml);
        assert!(r.extension_warning().unwrap().contains("holds Matroska"));
        assert!(r.bytes_read <= BUDGET);
        let zeros = vec![0u8; 5000];
        assert!(!run(&zeros, Format::Mp4).is_ok());
        assert!(!run(&zeros, Format::Ebml).is_ok());
        assert!(!run(&zeros, Format::Avi).is_ok());
        assert!(!run(&zeros, Format::Ts).is_ok());
    }
}
