//! Matroska and WebM (EBML). The header and the level-1 elements before the first Cluster
//! are walked; the SeekHead's targets must be in the file and be what it says; then the
//! tail is walked to the end of the Segment from the last Cluster (found from the Cues, or
//! by scanning back from the end for the Cluster ID and validating it), block by block, so
//! a cut inside an element is found even when the Segment and Clusters declare no size (a
//! live or pipe-written file). The last block of each video and audio track must not be
//! zeros. A Segment that declares more bytes than the file while its elements end with
//! the file in whole Cues or Tags has a damaged size field: corruption, not a cut.

use std::io::{Read, Seek};

use super::source::{all_zero, be, Res, Src};
use super::{invalid, Verdict};

const EBML_ID: u64 = 0x1A45_DFA3;
const SEGMENT: u64 = 0x1853_8067;
const SEEKHEAD: u64 = 0x114D_9B74;
const TRACKS: u64 = 0x1654_AE6B;
const CLUSTER: u64 = 0x1F43_B675;
const CUES: u64 = 0x1C53_BB6B;
const TAGS: u64 = 0x1254_C367;
const CHAPTERS: u64 = 0x1043_A770;
const ATTACHMENTS: u64 = 0x1941_A469;
const INFO: u64 = 0x1549_A966;
const SIMPLEBLOCK: u64 = 0xA3;

const LEVEL1: [u64; 8] = [
    SEEKHEAD,
    INFO,
    TRACKS,
    CLUSTER,
    CUES,
    ATTACHMENTS,
    CHAPTERS,
    TAGS,
];
/// Elements a Cluster holds: Timestamp, SilentTracks, Position, PrevSize, SimpleBlock,
/// BlockGroup, EncryptedBlock, Void, CRC-32.
const IN_CLUSTER: [u64; 9] = [0xE7, 0x5854, 0xA7, 0xAB, 0xA3, 0xA0, 0xAF, 0xEC, 0xBF];

/// The tail read at most, in bytes.
const TAIL: u64 = 1024 * 1024;
/// Elements walked at most from the last Cluster to the end.
const MAX_WALK: usize = 2_000_000;

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

/// An element header: its ID, header length, and size (`None`: unknown).
#[derive(Debug, Clone, Copy)]
struct Head {
    id: u64,
    len: u64,
    size: Option<u64>,
}

enum H {
    Ok(Head),
    /// The bytes end inside the header, which needs this many.
    Short(u64),
    /// Not an element header.
    Bad,
}

fn head(b: &[u8]) -> H {
    let Some(&first) = b.first() else {
        return H::Short(1);
    };
    if first == 0 {
        return H::Bad;
    }
    let n = first.leading_zeros() as usize + 1;
    if n > 4 {
        return H::Bad;
    }
    let Some((_, id, _)) = vint(b, true) else {
        return H::Short(n as u64);
    };
    let Some(&s0) = b.get(n) else {
        return H::Short(n as u64 + 1);
    };
    if s0 == 0 {
        return H::Bad;
    }
    let m = s0.leading_zeros() as usize + 1;
    let Some((_, size, unknown)) = vint(&b[n..], false) else {
        return H::Short((n + m) as u64);
    };
    H::Ok(Head {
        id,
        len: (n + m) as u64,
        size: (!unknown).then_some(size),
    })
}

/// The children of an element held in `b`: (id, payload).
fn elems(b: &[u8]) -> Vec<(u64, &[u8])> {
    let mut out = Vec::new();
    let mut at = 0usize;
    while at < b.len() && out.len() < 100_000 {
        let H::Ok(h) = head(&b[at..]) else { break };
        let Some(size) = h.size else { break };
        let data = at + h.len as usize;
        let Some(end) = data.checked_add(size as usize).filter(|&e| e <= b.len()) else {
            break;
        };
        out.push((h.id, &b[data..end]));
        at = end;
    }
    out
}

/// A track: its number and whether its last block may be zeros (or is no video or audio).
#[derive(Debug, Clone)]
struct Track {
    number: u64,
    may_be_zero: bool,
}

fn tracks(b: &[u8]) -> Vec<Track> {
    elems(b)
        .into_iter()
        .filter(|e| e.0 == 0xAE)
        .filter_map(|(_, entry)| {
            let mut number = None;
            let mut codec = String::new();
            for (id, p) in elems(entry) {
                match id {
                    0xD7 => number = Some(be(&p[..p.len().min(8)])),
                    0x86 => codec = String::from_utf8_lossy(p).into_owned(),
                    _ => {}
                }
            }
            let av = codec.starts_with("V_") || codec.starts_with("A_");
            let raw = codec.starts_with("A_PCM")
                || codec.starts_with("V_UNCOMPRESSED")
                || codec == "A_MS/ACM"
                || codec == "V_MS/VFW/FOURCC";
            number.map(|number| Track {
                number,
                may_be_zero: !av || raw,
            })
        })
        .collect()
}

/// The last SimpleBlock of each track: (track, frame data position, size).
type LastBlocks = Vec<(u64, u64, u64)>;

/// How a walk to the end ended.
enum End {
    /// At the limit, on an element boundary; the last level-1 element's ID.
    Clean(u64),
    /// An element runs past the limit: it should end here.
    Over(u64),
    /// No element where one must start.
    Bad(u64),
}

pub(super) fn check<R: Read + Seek>(src: &mut Src<R>, _head: &[u8]) -> Res<Verdict> {
    let len = src.len;
    let mut at = 0u64;
    let mut seg = None;
    for i in 0..64 {
        let b = src.get(at, 12)?;
        if b.is_empty() {
            return Ok(invalid("no Segment element"));
        }
        let h = match head(&b) {
            H::Ok(h) => h,
            H::Short(n) => {
                return Ok(Verdict::Truncated {
                    expected: at + n,
                    actual: len,
                })
            }
            H::Bad if i == 0 => return Ok(invalid("not an EBML file")),
            H::Bad => return Ok(invalid(format!("bad element id at byte {at}"))),
        };
        if i == 0 && h.id != EBML_ID {
            return Ok(invalid("not an EBML file"));
        }
        if h.id == SEGMENT {
            seg = Some((at + h.len, h.size));
            break;
        }
        let Some(size) = h.size else {
            return Ok(invalid("an element before the Segment has no size"));
        };
        let end = at + h.len + size;
        if end > len {
            return Ok(Verdict::Truncated {
                expected: end,
                actual: len,
            });
        }
        at = end;
    }
    let Some((data, size)) = seg else {
        return Ok(invalid("no Segment element among the first 64"));
    };
    let seg_end = size.map(|s| data.saturating_add(s));
    let overrun = seg_end.filter(|&e| e > len);
    let limit = seg_end.map_or(len, |e| e.min(len));
    let cut = |expected: u64| Verdict::Truncated {
        expected: overrun.unwrap_or(expected).max(expected),
        actual: len,
    };

    // The level-1 elements before the first Cluster.
    let mut pos = data;
    let mut seeks: Vec<(u64, u64)> = Vec::new();
    let mut tracks_seen: Vec<Track> = Vec::new();
    let mut first_cluster = None;
    for _ in 0..4096 {
        if pos >= limit {
            break;
        }
        let b = src.get(pos, 12)?;
        let h = match head(&b) {
            H::Ok(h) => h,
            H::Short(n) => return Ok(cut(pos + n)),
            H::Bad if src.zeros_to_end(pos)? => {
                return Ok(Verdict::ZeroTail {
                    from: pos,
                    actual: len,
                })
            }
            // What cannot be read as a known element is not judged (a muxer's own data,
            // or damage no decoder reads): the Segment's size alone says if it is cut.
            H::Bad => break,
        };
        if !LEVEL1.contains(&h.id) && h.id != 0xEC && h.id != 0xBF {
            break;
        }
        if h.id == CLUSTER {
            first_cluster = Some(pos);
            break;
        }
        let Some(size) = h.size else {
            break;
        };
        let end = pos.saturating_add(h.len).saturating_add(size);
        if end > limit {
            return Ok(if end > len {
                cut(end)
            } else {
                invalid(format!("element at byte {pos} runs past the Segment's end"))
            });
        }
        if h.id == SEEKHEAD && size <= 64 * 1024 {
            let p = src.get(pos + h.len, size as usize)?;
            for (_, seek) in elems(&p).into_iter().filter(|e| e.0 == 0x4DBB) {
                let kids = elems(seek);
                let id = kids
                    .iter()
                    .find(|k| k.0 == 0x53AB)
                    .map(|k| be(&k.1[..k.1.len().min(4)]));
                let at = kids
                    .iter()
                    .find(|k| k.0 == 0x53AC)
                    .map(|k| be(&k.1[..k.1.len().min(8)]));
                if let (Some(id), Some(at)) = (id, at) {
                    seeks.push((id, at));
                }
            }
        }
        if h.id == TRACKS && size <= 256 * 1024 {
            let p = src.get(pos + h.len, size as usize)?;
            tracks_seen = tracks(&p);
        }
        pos = end;
    }

    // What the SeekHead points to must be there.
    let mut cues = None;
    for &(id, rel) in &seeks {
        let abs = data.saturating_add(rel);
        if abs >= len {
            return Ok(cut(abs + 1));
        }
        if abs >= limit {
            continue;
        }
        let b = src.get(abs, 12)?;
        match head(&b) {
            H::Ok(h) if h.id == id => {
                if let Some(size) = h.size {
                    let end = abs + h.len + size;
                    if end > len {
                        return Ok(cut(end));
                    }
                    if id == CUES {
                        cues = Some((abs + h.len, size));
                    }
                }
            }
            H::Short(n) => return Ok(cut(abs + n)),
            // A stale SeekHead is no proof of damage; zeros where data must be are.
            _ => {
                if src.zeros_to_end(abs)? {
                    return Ok(Verdict::ZeroTail {
                        from: abs,
                        actual: len,
                    });
                }
            }
        }
    }
    let Some(first_cluster) = first_cluster else {
        return Ok(match overrun {
            Some(e) => cut(e),
            None => Verdict::Ok,
        });
    };

    // Where to start the walk to the end: the last Cluster the Cues or the tail show.
    let mut starts: Vec<(u64, Option<Option<u64>>)> = Vec::new();
    if let Some((cd, cs)) = cues.filter(|c| c.1 <= 768 * 1024 && c.1 + TAIL / 2 < src.left()) {
        let p = src.get(cd, cs as usize)?;
        let last = elems(&p)
            .into_iter()
            .filter(|e| e.0 == 0xBB)
            .flat_map(|(_, cp)| elems(cp))
            .filter(|e| e.0 == 0xB7)
            .flat_map(|(_, tp)| elems(tp))
            .filter(|e| e.0 == 0xF1)
            .map(|(_, v)| be(&v[..v.len().min(8)]))
            .max();
        if let Some(abs) = last.map(|r| data.saturating_add(r)).filter(|&a| a < limit) {
            if matches!(head(&src.get(abs, 12)?), H::Ok(h) if h.id == CLUSTER) {
                starts.push((abs, None));
            }
        }
    }
    // A small tail first: most files end in a Cluster far shorter than the whole tail.
    let mut wstart = limit;
    let mut w = Vec::new();
    let mut tail_clusters: Vec<u64> = Vec::new();
    // The Cues already name the last Cluster (or one close to it): walk from there.
    let spans: &[u64] = if starts.is_empty() {
        &[128 * 1024, TAIL]
    } else {
        &[]
    };
    for &span in spans {
        wstart = limit
            .saturating_sub(span.min(src.left().saturating_sub(128 * 1024)))
            .max(first_cluster);
        w = src.window(wstart, limit - wstart)?;
        tail_clusters = (0..w.len().saturating_sub(3))
            .filter(|&i| w[i..i + 4] == [0x1F, 0x43, 0xB6, 0x75] && cluster_at(&w[i..]))
            .map(|i| wstart + i as u64)
            .collect();
        if !tail_clusters.is_empty() || wstart == first_cluster {
            break;
        }
    }
    tail_clusters.retain(|&c| starts.first().is_none_or(|s| c > s.0));
    starts.extend(tail_clusters.iter().rev().take(8).map(|&c| (c, None)));
    starts.sort_by_key(|s| std::cmp::Reverse(s.0));
    if starts.is_empty() {
        // A Cluster longer than the tail: start at a run of blocks inside it.
        if let Some(q) = (0..w.len()).find(|&q| block_run(&w[q..], &tracks_seen)) {
            starts.push((wstart + q as u64, Some(None)));
        } else if all_zero(&w) {
            return Ok(Verdict::ZeroTail {
                from: wstart,
                actual: len,
            });
        } else {
            return Ok(match overrun {
                Some(e) => cut(e),
                None => Verdict::Ok,
            });
        }
    }
    let mut result = None;
    for &(s, ctx) in &starts {
        let (end, blocks) = walk(src, s, limit, ctx)?;
        let bad = matches!(end, End::Bad(_));
        if result.is_none() || !bad {
            result = Some((end, blocks));
        }
        if !bad {
            break;
        }
    }
    let Some((end, blocks)) = result else {
        return Ok(Verdict::Ok);
    };
    match end {
        End::Clean(last) => {
            if let Some(e) = overrun {
                if [CUES, TAGS, CHAPTERS, ATTACHMENTS, SEEKHEAD].contains(&last) {
                    return Ok(invalid(format!(
                        "the Segment declares {} bytes, but its elements end with the file in whole {}: its size field is damaged",
                        e - data,
                        name(last)
                    )));
                }
                return Ok(cut(e));
            }
            for (track, at, size) in blocks {
                let zero_ok = tracks_seen
                    .iter()
                    .find(|t| t.number == track)
                    .is_some_and(|t| t.may_be_zero);
                if !zero_ok && src.sample_zeroed(at, size)? {
                    return Ok(Verdict::ZeroTail {
                        from: at,
                        actual: len,
                    });
                }
            }
            Ok(Verdict::Ok)
        }
        End::Over(e) if limit == len => Ok(cut(e)),
        End::Over(e) => Ok(invalid(format!(
            "an element ending at byte {e} runs past the Segment's end at byte {limit}"
        ))),
        End::Bad(at) => src.bad_at(at, "element"),
    }
}

fn name(id: u64) -> &'static str {
    match id {
        CUES => "Cues",
        TAGS => "Tags",
        CHAPTERS => "Chapters",
        ATTACHMENTS => "Attachments",
        SEEKHEAD => "SeekHead",
        _ => "elements",
    }
}

/// Whether `b` opens with a Cluster header followed by an element a Cluster holds.
fn cluster_at(b: &[u8]) -> bool {
    let H::Ok(h) = head(b) else { return false };
    if h.id != CLUSTER {
        return false;
    }
    match b.get(h.len as usize..) {
        Some([]) | None => true,
        Some(rest) => match head(rest) {
            H::Ok(c) => IN_CLUSTER.contains(&c.id) && c.size.is_some(),
            H::Short(_) => true,
            H::Bad => false,
        },
    }
}

/// Whether `b` opens with three whole elements a Cluster holds, blocks of known tracks.
fn block_run(b: &[u8], tracks: &[Track]) -> bool {
    let mut at = 0usize;
    for _ in 0..3 {
        let H::Ok(h) = head(&b[at.min(b.len())..]) else {
            return false;
        };
        let Some(size) = h.size else { return false };
        if !IN_CLUSTER.contains(&h.id) {
            return false;
        }
        let data = at + h.len as usize;
        if h.id == SIMPLEBLOCK {
            let Some((_, track, _)) = b.get(data..).and_then(|d| vint(d, false)) else {
                return false;
            };
            if !tracks.is_empty() && !tracks.iter().any(|t| t.number == track) {
                return false;
            }
        }
        at = match data.checked_add(size as usize) {
            Some(e) if e <= b.len() => e,
            _ => return false,
        };
    }
    true
}

/// Walk elements from `start` to `limit`, headers only; `cluster` is `Some` when the walk
/// starts inside a Cluster (with its end, when known). Also returns the last SimpleBlock
/// of each track: (track, frame data position, size).
fn walk<R: Read + Seek>(
    src: &mut Src<R>,
    start: u64,
    limit: u64,
    mut cluster: Option<Option<u64>>,
) -> Res<(End, LastBlocks)> {
    let mut pos = start;
    let mut last = 0u64;
    let mut blocks: LastBlocks = Vec::new();
    for _ in 0..MAX_WALK {
        if cluster == Some(Some(pos)) {
            cluster = None;
        }
        if pos >= limit {
            return Ok((End::Clean(last), blocks));
        }
        let b = src.get(pos, 16)?;
        let h = match head(&b) {
            H::Ok(h) => h,
            H::Short(n) => return Ok((End::Over(pos + n), blocks)),
            H::Bad => return Ok((End::Bad(pos), blocks)),
        };
        let data = pos + h.len;
        let top = LEVEL1.contains(&h.id) || h.id == EBML_ID || h.id == SEGMENT;
        if let Some(cend) = cluster {
            if !top {
                let Some(size) = h.size else {
                    return Ok((End::Bad(pos), blocks));
                };
                let end = data.saturating_add(size);
                if end > limit {
                    return Ok((End::Over(end), blocks));
                }
                if cend.is_some_and(|e| end > e) {
                    return Ok((End::Bad(pos), blocks));
                }
                if h.id == SIMPLEBLOCK {
                    if let Some((n, track, _)) =
                        b.get(h.len as usize..).and_then(|d| vint(d, false))
                    {
                        let frame = data + n as u64 + 3;
                        if frame < end {
                            blocks.retain(|x| x.0 != track);
                            blocks.push((track, frame, end - frame));
                        }
                    }
                }
                pos = end;
                continue;
            }
            if cend.is_some() {
                return Ok((End::Bad(pos), blocks));
            }
            cluster = None;
        }
        if h.id == EBML_ID || h.id == SEGMENT {
            // A second Segment chained after this one: the walk ends here.
            return Ok((End::Clean(last), blocks));
        }
        last = h.id;
        if h.id == CLUSTER {
            let end = h.size.map(|s| data.saturating_add(s));
            if let Some(e) = end.filter(|&e| e > limit) {
                return Ok((End::Over(e), blocks));
            }
            cluster = Some(end);
            pos = data;
            continue;
        }
        let Some(size) = h.size else {
            return Ok((End::Bad(pos), blocks));
        };
        let end = data.saturating_add(size);
        if end > limit {
            return Ok((End::Over(end), blocks));
        }
        pos = end;
    }
    Ok((End::Clean(last), blocks))
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::tests::run;
    use super::super::{Format, Verdict};

    /// A minimal Matroska file: EBML header, then a Segment of `body` bytes of Void.
    pub(crate) fn mkv(body: usize) -> Vec<u8> {
        let mut v = vec![0x1A, 0x45, 0xDF, 0xA3, 0x84, 0x42, 0x86, 0x81, 0x01];
        v.extend([0x18, 0x53, 0x80, 0x67, 0x01]);
        v.extend((body as u64).to_be_bytes().iter().skip(1).copied());
        v.push(0xEC);
        v.extend([0x01]);
        v.extend(((body - 9) as u64).to_be_bytes().iter().skip(1).copied());
        v.extend(vec![0x55; body - 9]);
        v
    }

    fn el(id: &[u8], payload: &[u8]) -> Vec<u8> {
        let mut v = id.to_vec();
        v.push(0x08);
        v.extend((payload.len() as u64).to_be_bytes()[1..].iter());
        v[id.len()] = 0x01;
        v.extend(payload);
        v
    }

    fn unknown(id: &[u8]) -> Vec<u8> {
        let mut v = id.to_vec();
        v.extend([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        v
    }

    /// A live file: unknown-size Segment and Clusters, blocks of track 1.
    fn live(clusters: usize, fill: u8) -> Vec<u8> {
        let mut v = el(&[0x1A, 0x45, 0xDF, 0xA3], &el(&[0x42, 0x82], b"webm"));
        v.extend(unknown(&[0x18, 0x53, 0x80, 0x67]));
        let entry = el(
            &[0xAE],
            &[el(&[0xD7], &[1]), el(&[0x86], b"V_VP8")].concat(),
        );
        v.extend(el(&[0x16, 0x54, 0xAE, 0x6B], &entry));
        for c in 0..clusters {
            v.extend(unknown(&[0x1F, 0x43, 0xB6, 0x75]));
            v.extend(el(&[0xE7], &[c as u8]));
            for _ in 0..5 {
                let mut b = vec![0x81, 0, 0, 0x80];
                b.extend(vec![fill; 700]);
                v.extend(el(&[0xA3], &b));
            }
        }
        v
    }

    #[test]
    fn matroska_with_sizes() {
        let good = mkv(1000);
        assert_eq!(run(&good, Format::Ebml), Verdict::Ok);
        assert_eq!(
            run(&good[..600], Format::Ebml),
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
    fn live_files_are_walked_from_the_last_cluster() {
        let good = live(4, 9);
        assert_eq!(run(&good, Format::Ebml), Verdict::Ok);
        let mut found = 0;
        let from = 100;
        for cut in from..good.len() {
            if !run(&good[..cut], Format::Ebml).is_ok() {
                found += 1;
            }
        }
        // Only cuts on an element boundary leave a whole file.
        assert!(found >= good.len() - from - 30, "{found}");
        let mut zeroed = good.clone();
        let n = zeroed.len();
        zeroed[n - 2000..].fill(0);
        assert!(matches!(
            run(&zeroed, Format::Ebml),
            Verdict::ZeroTail { .. }
        ));
        // Zeros over the whole last frame, its block header intact.
        let mut z2 = good.clone();
        z2[n - 702..].fill(0);
        assert!(matches!(run(&z2, Format::Ebml), Verdict::ZeroTail { .. }));
        assert!(matches!(
            run(&live(3, 0), Format::Ebml),
            Verdict::ZeroTail { .. }
        ));
    }
}
