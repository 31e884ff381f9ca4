//! RIFF AVI, OpenDML included (more `RIFF AVIX` chunks after the first `RIFF AVI `). The
//! RIFF chunks must cover the file, and the chunks each holds (`LIST hdrl`, `LIST movi`,
//! `idx1`, ...) must lie whole inside it. A `movi` list with no `idx1` after it (an AVIX
//! part, or a file written without an index) is walked from a run of stream chunks in its
//! tail to its end, so a cut or a zero-filled tail there is found; the last chunk of each
//! compressed stream must not be zeros.

use std::io::{Read, Seek};

use super::source::{all_zero, le32, Res, Src};
use super::{invalid, Verdict};

/// The tail of a `movi` list read at most.
const TAIL: u64 = 512 * 1024;

/// A chunk: its id, where its payload starts, its size, where it ends (with the pad byte
/// of an odd size).
#[derive(Debug, Clone, Copy)]
struct Chunk {
    id: [u8; 4],
    data: u64,
    /// The payload's size (without the pad byte).
    size: u64,
    end: u64,
    /// Written by a muxer that could not seek back (a pipe): the size is 0xFFFFFFFF and
    /// the chunk runs to the end of what holds it.
    open: bool,
}

/// The size a muxer writing to a pipe leaves in a RIFF or LIST header.
const UNKNOWN: u64 = 0xFFFF_FFFF;

fn id_ok(id: &[u8]) -> bool {
    id.iter().all(|&c| (0x20..0x7f).contains(&c)) && id.iter().any(|&c| c != b' ')
}

fn chunk_at(b: &[u8], at: u64) -> Option<Chunk> {
    let id: [u8; 4] = b.get(0..4)?.try_into().ok()?;
    let size = le32(b, 4)?;
    id_ok(&id).then_some(Chunk {
        id,
        data: at + 8,
        size,
        end: at + 8 + size + (size & 1),
        open: size == UNKNOWN && (&id == b"LIST" || &id == b"RIFF"),
    })
}

/// How a walk over chunks ended.
enum End {
    Clean,
    Over(u64),
    Bad(u64),
}

pub(super) fn check<R: Read + Seek>(src: &mut Src<R>, head: &[u8]) -> Res<Verdict> {
    let len = src.len;
    if head.len() < 12 || &head[0..4] != b"RIFF" || &head[8..12] != b"AVI " {
        return Ok(
            if head.len() < 12
                && !head.is_empty()
                && b"RIFF".starts_with(&head[..head.len().min(4)])
            {
                Verdict::Truncated {
                    expected: 12,
                    actual: len,
                }
            } else {
                invalid("not a RIFF AVI file")
            },
        );
    }
    let mut riffs: Vec<(u64, u64, bool)> = Vec::new();
    let mut at = 0u64;
    while at < len && riffs.len() < 4096 {
        let h = src.get(at, 12)?;
        if at > 0 && (h.len() < 12 || &h[0..4] != b"RIFF" || &h[8..12] != b"AVIX") {
            if h.len() < 12 && b"RIFF".starts_with(&h[..h.len().min(4)]) && !all_zero(&h) {
                return Ok(Verdict::Truncated {
                    expected: at + 12,
                    actual: len,
                });
            }
            // Padding or junk after whole RIFF chunks does not stop a player.
            break;
        }
        let size = le32(&h, 4).unwrap_or(0);
        let end = if size == UNKNOWN { len } else { at + 8 + size };
        riffs.push((at, end, size == UNKNOWN));
        if end > len {
            break;
        }
        at = end + (size & 1);
    }
    let streams = streams(src)?;
    let n = riffs.len();
    for (i, &(start, end, open)) in riffs.iter().enumerate() {
        let limit = end.min(len);
        let mut kids = Vec::new();
        let e = walk(src, start + 12, limit, &mut kids, false)?;
        let over = end > len;
        match e {
            End::Over(x) if over || open => {
                return Ok(Verdict::Truncated {
                    expected: if open { x } else { end },
                    actual: len,
                })
            }
            End::Over(x) => {
                return Ok(invalid(format!(
                    "a chunk ending at byte {x} runs past its RIFF chunk's end at byte {end}"
                )))
            }
            // Whatever follows a whole index cannot stop a player.
            End::Bad(_) if kids.iter().any(|k| &k.id == b"idx1") => {}
            End::Bad(at) => return src.bad_at(at, "chunk"),
            End::Clean if over => {
                return Ok(if kids.iter().any(|k| &k.id == b"idx1") {
                    invalid(format!(
                        "the RIFF chunk at byte {start} declares {} bytes, but its chunks end with the file, index included: its size field is damaged",
                        end - start - 8
                    ))
                } else {
                    Verdict::Truncated {
                        expected: end,
                        actual: len,
                    }
                });
            }
            End::Clean => {}
        }
        if let Some(idx) = kids.iter().rev().find(|k| &k.id == b"idx1") {
            if idx.end - idx.data >= 16 && all_zero(&src.get(idx.end - 16, 16)?) {
                return Ok(Verdict::ZeroTail {
                    from: idx.end - 16,
                    actual: len,
                });
            }
        }
        let movi = kids
            .iter()
            .rposition(|k| is_list(src, k, b"movi").unwrap_or(false));
        let indexed = movi.is_some_and(|m| kids[m..].iter().any(|k| &k.id == b"idx1"));
        if i + 1 == n && !indexed {
            if let Some(m) = movi {
                let v = movi_tail(src, &kids[m], &streams)?;
                if !v.is_ok() {
                    return Ok(v);
                }
            }
        }
    }
    Ok(Verdict::Ok)
}

fn is_list<R: Read + Seek>(src: &mut Src<R>, k: &Chunk, typ: &[u8; 4]) -> Res<bool> {
    Ok(&k.id == b"LIST" && src.get(k.data, 4)? == typ)
}

/// Walk the chunks from `at` to `limit` (reading headers only), collecting them.
fn walk<R: Read + Seek>(
    src: &mut Src<R>,
    mut at: u64,
    limit: u64,
    out: &mut Vec<Chunk>,
    into_rec: bool,
) -> Res<End> {
    for _ in 0..1_000_000 {
        if at >= limit {
            return Ok(End::Clean);
        }
        let h = src.get(at, 12)?;
        if h.len() < 8 {
            return Ok(if all_zero(&h) {
                End::Bad(at)
            } else {
                End::Over(at + 8)
            });
        }
        let Some(mut c) = chunk_at(&h, at) else {
            return Ok(End::Bad(at));
        };
        if c.open {
            c.end = limit;
        }
        // A pad byte past the end of the last chunk is no overrun.
        if !c.open && c.data + c.size > limit {
            return Ok(End::Over(c.end));
        }
        out.push(c);
        at = if into_rec && &c.id == b"LIST" && h.get(8..12) == Some(b"rec ") {
            c.data + 4
        } else {
            c.end
        };
    }
    Ok(End::Clean)
}

/// Stream numbers whose chunks may be zeros: uncompressed video, PCM audio, and anything
/// but video and audio.
fn streams<R: Read + Seek>(src: &mut Src<R>) -> Res<Vec<bool>> {
    let h = src.get(12, 12)?;
    if h.get(0..4) != Some(b"LIST") || h.get(8..12) != Some(b"hdrl") {
        return Ok(Vec::new());
    }
    let size = le32(&h, 4).unwrap_or(0).min(64 * 1024);
    let hdrl = src.get(24, size.saturating_sub(4) as usize)?;
    let mut out = Vec::new();
    for (id, body) in list(&hdrl) {
        if id != *b"LIST" || body.get(0..4) != Some(b"strl") {
            continue;
        }
        let kids = list(&body[4..]);
        let strh = kids.iter().find(|k| &k.0 == b"strh").map(|k| k.1);
        let strf = kids.iter().find(|k| &k.0 == b"strf").map(|k| k.1);
        let typ = strh.and_then(|s| s.get(0..4));
        let handler = strh.and_then(|s| s.get(4..8));
        let tag = strf
            .and_then(|f| f.get(0..2))
            .map(|t| u16::from_le_bytes([t[0], t[1]]));
        let zero_ok = match typ {
            Some(b"vids") => {
                handler.is_some_and(|h| h == b"\0\0\0\0" || h == b"DIB " || h == b"RGB ")
                    && strf.and_then(|f| le32(f, 16)).unwrap_or(1) == 0
            }
            Some(b"auds") => matches!(tag, Some(1) | Some(3) | Some(0xFFFE)),
            _ => true,
        };
        out.push(zero_ok);
    }
    Ok(out)
}

/// The chunks held in `b`: (id, payload).
fn list(b: &[u8]) -> Vec<([u8; 4], &[u8])> {
    let mut out = Vec::new();
    let mut at = 0usize;
    while let Some(c) = chunk_at(&b[at.min(b.len())..], 0) {
        let (data, end) = (at + 8, at + c.end as usize);
        if data > b.len() {
            break;
        }
        out.push((c.id, &b[data..end.min(b.len())]));
        at = end;
    }
    out
}

/// A stream chunk id: `NNdc`, `NNdb`, `NNwb`, `NNtx`, `NNpc`, `ixNN`, or `JUNK`/`LIST`.
fn stream_id(id: &[u8]) -> Option<Option<usize>> {
    let digits = |a: u8, b: u8| {
        (a.is_ascii_hexdigit() && b.is_ascii_hexdigit())
            .then(|| usize::from_str_radix(std::str::from_utf8(&[a, b]).ok()?, 16).ok())
            .flatten()
    };
    match id {
        [a, b, c, d] if [*c, *d] == *b"dc" || [*c, *d] == *b"db" || [*c, *d] == *b"wb" => {
            digits(*a, *b).map(Some)
        }
        [a, b, c, d] if [*c, *d] == *b"tx" || [*c, *d] == *b"pc" => digits(*a, *b).map(|_| None),
        [b'i', b'x', c, d] => digits(*c, *d).map(|_| None),
        b"JUNK" | b"LIST" => Some(None),
        _ => None,
    }
}

/// Walk the tail of a `movi` list with no index after it to the list's end.
fn movi_tail<R: Read + Seek>(src: &mut Src<R>, movi: &Chunk, streams: &[bool]) -> Res<Verdict> {
    let len = src.len;
    let limit = movi.end.min(len);
    let from = limit.saturating_sub(TAIL).max(movi.data + 4);
    let w = src.window(from, limit - from)?;
    // The first run of three stream chunk headers in the tail, each after the one before
    // (the last may run past the tail: that is a cut). At the start of the list one is
    // enough: a chunk must start there.
    let at_start = from == movi.data + 4;
    let run = (0..w.len().saturating_sub(8)).find(|&q| {
        let mut at = q;
        for seen in 1..=3 {
            let Some(c) = chunk_at(&w[at..], 0) else {
                return false;
            };
            if stream_id(&c.id).is_none() {
                return false;
            }
            at += c.end as usize;
            if at + 8 > w.len() {
                return seen >= 2 || at_start && q == 0;
            }
        }
        true
    });
    let Some(q) = run else {
        return Ok(if all_zero(&w) {
            Verdict::ZeroTail { from, actual: len }
        } else {
            Verdict::Ok
        });
    };
    let mut kids = Vec::new();
    match walk(src, from + q as u64, limit, &mut kids, true)? {
        End::Over(e) if movi.end > len || movi.open => {
            return Ok(Verdict::Truncated {
                expected: movi.end.max(e),
                actual: len,
            })
        }
        End::Over(e) => {
            return Ok(invalid(format!(
                "a chunk ending at byte {e} runs past the movi list"
            )))
        }
        End::Bad(at) => return src.bad_at(at, "chunk"),
        End::Clean if movi.end > len => {
            return Ok(Verdict::Truncated {
                expected: movi.end,
                actual: len,
            })
        }
        End::Clean => {}
    }
    let mut seen = Vec::new();
    for k in kids.iter().rev() {
        let Some(Some(n)) = stream_id(&k.id) else {
            continue;
        };
        if seen.contains(&n) || &k.id[2..] == b"db" {
            continue;
        }
        seen.push(n);
        let size = k.size;
        if !streams.get(n).copied().unwrap_or(false) && src.sample_zeroed(k.data, size)? {
            return Ok(Verdict::ZeroTail {
                from: k.data,
                actual: len,
            });
        }
    }
    Ok(Verdict::Ok)
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::super::{Format, Verdict};

    fn ck(id: &[u8; 4], payload: &[u8]) -> Vec<u8> {
        let mut v = id.to_vec();
        v.extend((payload.len() as u32).to_le_bytes());
        v.extend(payload);
        if payload.len() % 2 == 1 {
            v.push(0);
        }
        v
    }

    fn riff(kind: &[u8; 4], kids: &[u8]) -> Vec<u8> {
        ck(b"RIFF", &[kind.as_slice(), kids].concat())
    }

    /// An AVI of `frames` video chunks, with or without idx1, then `avix` OpenDML parts.
    fn avi(frames: usize, idx1: bool, avix: usize, fill: u8) -> Vec<u8> {
        let hdrl = ck(
            b"LIST",
            &[b"hdrl".as_slice(), &ck(b"avih", &[0; 56])].concat(),
        );
        let movi_of = |n: usize| {
            let mut m = b"movi".to_vec();
            for _ in 0..n {
                m.extend(ck(b"00dc", &vec![fill; 301]));
            }
            ck(b"LIST", &m)
        };
        let mut body = [hdrl, movi_of(frames)].concat();
        if idx1 {
            body.extend(ck(
                b"idx1",
                &[
                    b"00dc".as_slice(),
                    &[0x10, 0, 0, 0],
                    &[4, 0, 0, 0],
                    &[0x2d, 1, 0, 0],
                ]
                .concat(),
            ));
        }
        let mut v = riff(b"AVI ", &body);
        for _ in 0..avix {
            v.extend(riff(b"AVIX", &movi_of(frames)));
        }
        v
    }

    #[test]
    fn riff_avi() {
        for (idx1, avix) in [(true, 0), (false, 0), (true, 2)] {
            let good = avi(20, idx1, avix, 5);
            assert_eq!(run(&good, Format::Avi), Verdict::Ok, "{idx1} {avix}");
            for cut in (13..good.len()).step_by(11) {
                assert!(
                    !run(&good[..cut], Format::Avi).is_ok(),
                    "cut {cut} {idx1} {avix}"
                );
            }
            let mut z = good.clone();
            let n = z.len();
            z[n - 500..].fill(0);
            assert!(
                matches!(run(&z, Format::Avi), Verdict::ZeroTail { .. }),
                "{idx1} {avix}"
            );
            let mut padded = good.clone();
            padded.extend([0u8; 100]);
            assert_eq!(run(&padded, Format::Avi), Verdict::Ok);
        }
        // Written to a pipe: RIFF and movi sizes left at 0xFFFFFFFF, no index.
        let mut piped = avi(20, false, 0, 5);
        piped[4..8].fill(0xff);
        let movi = piped.windows(4).position(|w| w == b"movi").unwrap();
        piped[movi - 4..movi].fill(0xff);
        assert_eq!(run(&piped, Format::Avi), Verdict::Ok);
        // (Cuts between two chunks, or of a pad byte only, leave a whole stream.)
        let inside = |c: &usize| matches!((c - movi - 4) % 310, 1..=308);
        for cut in (movi + 20..piped.len()).step_by(13).filter(inside) {
            assert!(
                matches!(run(&piped[..cut], Format::Avi), Verdict::Truncated { .. }),
                "{cut}"
            );
        }
        // Cut inside the list's second chunk: one whole chunk before the cut.
        let second = movi + 4 + 310 + 100;
        assert!(matches!(
            run(&piped[..second], Format::Avi),
            Verdict::Truncated { .. }
        ));
        let n = piped.len();
        piped[n - 400..].fill(0);
        assert!(matches!(run(&piped, Format::Avi), Verdict::ZeroTail { .. }));
        assert!(matches!(
            run(&avi(20, true, 0, 0), Format::Avi),
            Verdict::Ok
        ));
        assert!(matches!(
            run(&avi(20, false, 0, 0), Format::Avi),
            Verdict::ZeroTail { .. }
        ));
        let mut damaged = avi(20, true, 0, 5);
        damaged[7] = 0xff;
        let v = run(&damaged, Format::Avi);
        assert!(
            matches!(&v, Verdict::Invalid { reason } if reason.contains("damaged")),
            "{v:?}"
        );
        assert!(matches!(
            run(b"RIFX1234WAVEjunk", Format::Avi),
            Verdict::Invalid { .. }
        ));
    }
}
