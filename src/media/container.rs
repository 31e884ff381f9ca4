//! Structural checks of media containers that need no source to compare with: a file cut
//! short by an interrupted copy is found from its own header. Matroska/WebM: the EBML
//! header and the Segment's declared size against the file size. MP4/MOV/M4V: the chain
//! of top-level boxes must cover the file exactly and hold a `moov`. AVI: the RIFF size.
//! Only a few bytes per file are read (the headers of top-level elements and boxes).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use serde::Serialize;

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
}

impl Format {
    /// The format a file name promises by its extension, if we check that format.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "mkv" | "webm" | "mka" | "mk3d" => Some(Format::Ebml),
            "mp4" | "m4v" | "mov" | "m4a" | "3gp" => Some(Format::Mp4),
            "avi" => Some(Format::Avi),
            _ => None,
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
    /// Not the promised container at all, or its structure is broken.
    Invalid { reason: String },
}

impl Verdict {
    /// True when the file passed.
    pub fn is_ok(&self) -> bool {
        matches!(self, Verdict::Ok)
    }

    /// One line for people.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Ok => "container is whole".into(),
            Verdict::Truncated { expected, actual } => {
                format!("container cut short: declares {expected} bytes, file has {actual}")
            }
            Verdict::Invalid { reason } => format!("container is broken: {reason}"),
        }
    }
}

/// Check `path` when its extension names a format we know; `None` for other files.
pub fn check(path: &Path) -> io::Result<Option<Verdict>> {
    let Some(format) = Format::of(path) else {
        return Ok(None);
    };
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    check_reader(&mut f, len, format).map(Some)
}

/// Check a container of `len` bytes read from `r`.
pub fn check_reader<R: Read + Seek>(r: &mut R, len: u64, format: Format) -> io::Result<Verdict> {
    match format {
        Format::Ebml => ebml(r, len),
        Format::Mp4 => mp4(r, len),
        Format::Avi => avi(r, len),
    }
}

fn invalid(reason: impl Into<String>) -> Verdict {
    Verdict::Invalid {
        reason: reason.into(),
    }
}

/// Read up to `buf.len()` bytes at `at`; returns how many were there.
fn read_at<R: Read + Seek>(r: &mut R, at: u64, buf: &mut [u8]) -> io::Result<usize> {
    r.seek(SeekFrom::Start(at))?;
    crate::hash::read_full(r, buf)
}

/// An EBML variable-length integer at the start of `b`: (length, value, all value bits set).
fn vint(b: &[u8], keep_marker: bool) -> Option<(usize, u64, bool)> {
    let first = *b.first()?;
    if first == 0 {
        return None;
    }
    let n = first.leading_zeros() as usize + 1;
    if b.len() < n {
        return None;
    }
    // For n == 8 the first byte carries only the marker bit.
    let low = 0xffu8.checked_shr(n as u32).unwrap_or(0);
    let mask = if keep_marker { 0xff } else { low };
    let mut v = u64::from(first & mask);
    let mut all_ones = (first & low) == low;
    for &x in &b[1..n] {
        v = (v << 8) | u64::from(x);
        all_ones &= x == 0xff;
    }
    Some((n, v, all_ones))
}

const EBML_ID: u64 = 0x1A45_DFA3;
const SEGMENT_ID: u64 = 0x1853_8067;

fn ebml<R: Read + Seek>(r: &mut R, len: u64) -> io::Result<Verdict> {
    let mut at = 0u64;
    for i in 0..64 {
        let mut head = [0u8; 12];
        let n = read_at(r, at, &mut head)?;
        if n == 0 {
            return Ok(invalid("no Segment element"));
        }
        let head = &head[..n];
        let Some((id_len, id, _)) = vint(head, true).filter(|(l, _, _)| *l <= 4) else {
            let short = head[0] != 0 && head[0].leading_zeros() as usize + 1 > head.len();
            return Ok(if short {
                Verdict::Truncated {
                    expected: at + head[0].leading_zeros() as u64 + 1,
                    actual: len,
                }
            } else if i == 0 {
                invalid("not an EBML file")
            } else {
                invalid(format!("bad element id at byte {at}"))
            });
        };
        if i == 0 && id != EBML_ID {
            return Ok(invalid("not an EBML file"));
        }
        let Some((size_len, size, unknown)) = vint(&head[id_len..], false) else {
            return Ok(Verdict::Truncated {
                expected: at + head.len() as u64 + 1,
                actual: len,
            });
        };
        let data = at + (id_len + size_len) as u64;
        if id == SEGMENT_ID {
            if unknown {
                // A live-streamed file declares no size: nothing to compare with.
                return Ok(Verdict::Ok);
            }
            let end = data.saturating_add(size);
            return Ok(if end > len {
                Verdict::Truncated {
                    expected: end,
                    actual: len,
                }
            } else {
                Verdict::Ok
            });
        }
        if unknown {
            return Ok(invalid("an element before the Segment has no size"));
        }
        let end = data.saturating_add(size);
        if end > len {
            return Ok(Verdict::Truncated {
                expected: end,
                actual: len,
            });
        }
        at = end;
    }
    Ok(invalid("no Segment element among the first 64"))
}

fn box_type_ok(t: &[u8]) -> bool {
    t.iter()
        .all(|&c| c.is_ascii_alphanumeric() || c == b' ' || c == 0xa9 || c == b'-' || c == b'_')
}

fn mp4<R: Read + Seek>(r: &mut R, len: u64) -> io::Result<Verdict> {
    let mut at = 0u64;
    let mut moov = false;
    let mut boxes = 0u32;
    while at < len {
        let mut head = [0u8; 16];
        let n = read_at(r, at, &mut head)?;
        if n < 8 {
            return Ok(Verdict::Truncated {
                expected: at + 8,
                actual: len,
            });
        }
        let typ = &head[4..8];
        if !box_type_ok(typ) {
            return Ok(if boxes == 0 {
                invalid("not an MP4/MOV file")
            } else {
                invalid(format!("bad box type at byte {at}"))
            });
        }
        let small = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
        let size = match small {
            0 => len - at,
            1 => {
                if n < 16 {
                    return Ok(Verdict::Truncated {
                        expected: at + 16,
                        actual: len,
                    });
                }
                let big = u64::from_be_bytes(head[8..16].try_into().expect("8 bytes"));
                if big < 16 {
                    return Ok(invalid(format!("box at byte {at} is too small")));
                }
                big
            }
            s if s < 8 => return Ok(invalid(format!("box at byte {at} is too small"))),
            s => s,
        };
        if typ == b"moov" {
            moov = true;
        }
        boxes += 1;
        let end = at.saturating_add(size);
        if end > len {
            return Ok(Verdict::Truncated {
                expected: end,
                actual: len,
            });
        }
        at = end;
    }
    if boxes == 0 {
        return Ok(invalid("empty file"));
    }
    Ok(if moov {
        Verdict::Ok
    } else {
        invalid("no moov box (the index is missing)")
    })
}

fn avi<R: Read + Seek>(r: &mut R, len: u64) -> io::Result<Verdict> {
    let mut head = [0u8; 12];
    let n = read_at(r, 0, &mut head)?;
    if n < 12 || &head[0..4] != b"RIFF" || &head[8..12] != b"AVI " {
        return Ok(
            if n < 12 && b"RIFF".starts_with(&head[..n.min(4)]) && n > 0 {
                Verdict::Truncated {
                    expected: 12,
                    actual: len,
                }
            } else {
                invalid("not a RIFF AVI file")
            },
        );
    }
    let size = u64::from(u32::from_le_bytes([head[4], head[5], head[6], head[7]]));
    let end = 8 + size;
    // OpenDML files continue with further RIFF AVIX chunks after the first one.
    Ok(if end > len {
        Verdict::Truncated {
            expected: end,
            actual: len,
        }
    } else {
        Verdict::Ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn run(data: &[u8], f: Format) -> Verdict {
        check_reader(&mut Cursor::new(data), data.len() as u64, f).unwrap()
    }

    /// A minimal Matroska file: EBML header, then a Segment of `body` bytes.
    fn mkv(body: usize) -> Vec<u8> {
        let mut v = vec![0x1A, 0x45, 0xDF, 0xA3, 0x84, 0x42, 0x86, 0x81, 0x01];
        v.extend([0x18, 0x53, 0x80, 0x67, 0x08]);
        v.extend((body as u64).to_be_bytes().iter().skip(1).copied());
        v[13] = 0x01; // 8-byte size marker
        v.extend(vec![0xEC; body]);
        v
    }

    fn mp4_file(mdat: usize, with_moov: bool) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend(20u32.to_be_bytes());
        v.extend(b"ftypisom\0\0\0\x01isom");
        if with_moov {
            v.extend(16u32.to_be_bytes());
            v.extend(b"moov");
            v.extend([0u8; 8]);
        }
        v.extend(1u32.to_be_bytes());
        v.extend(b"mdat");
        v.extend(((mdat + 16) as u64).to_be_bytes());
        v.extend(vec![7u8; mdat]);
        v
    }

    fn avi_file(body: usize) -> Vec<u8> {
        let mut v = b"RIFF".to_vec();
        v.extend(((body + 4) as u32).to_le_bytes());
        v.extend(b"AVI ");
        v.extend(vec![1u8; body]);
        v
    }

    #[test]
    fn matroska() {
        let good = mkv(1000);
        assert_eq!(run(&good, Format::Ebml), Verdict::Ok);
        let cut = &good[..600];
        assert_eq!(
            run(cut, Format::Ebml),
            Verdict::Truncated {
                expected: good.len() as u64,
                actual: 600
            }
        );
        assert!(matches!(
            run(&good[..11], Format::Ebml),
            Verdict::Truncated { .. }
        ));
        assert!(matches!(
            run(b"garbage garbage", Format::Ebml),
            Verdict::Invalid { .. }
        ));
        assert!(matches!(run(b"", Format::Ebml), Verdict::Invalid { .. }));
    }

    #[test]
    fn mp4_boxes() {
        let good = mp4_file(5000, true);
        assert_eq!(run(&good, Format::Mp4), Verdict::Ok);
        assert!(matches!(
            run(&good[..good.len() - 1], Format::Mp4),
            Verdict::Truncated { .. }
        ));
        assert!(matches!(
            run(&good[..30], Format::Mp4),
            Verdict::Truncated { .. }
        ));
        assert!(matches!(
            run(&mp4_file(100, false), Format::Mp4),
            Verdict::Invalid { .. }
        ));
        let mut trailing = good.clone();
        trailing.extend([0u8; 3]);
        assert!(!run(&trailing, Format::Mp4).is_ok());
        assert!(matches!(
            run(&[0xffu8; 64], Format::Mp4),
            Verdict::Invalid { .. }
        ));
    }

    #[test]
    fn riff_avi() {
        let good = avi_file(300);
        assert_eq!(run(&good, Format::Avi), Verdict::Ok);
        assert!(matches!(
            run(&good[..100], Format::Avi),
            Verdict::Truncated { .. }
        ));
        assert!(matches!(
            run(b"RIFX1234WAVEjunk", Format::Avi),
            Verdict::Invalid { .. }
        ));
    }

    #[test]
    fn never_panics_on_prefixes_of_garbage() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for n in 0..400usize {
            let data: Vec<u8> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed >> 24) as u8
                })
                .collect();
            for f in [Format::Ebml, Format::Mp4, Format::Avi] {
                let _ = run(&data, f);
            }
        }
        assert_eq!(Format::of(Path::new("a.MKV")), Some(Format::Ebml));
        assert_eq!(Format::of(Path::new("a.srt")), None);
    }
}
