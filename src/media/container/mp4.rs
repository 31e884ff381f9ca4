//! ISO base media files (MP4, MOV, M4V, 3GP), plain and fragmented. The chain of top-level
//! boxes must cover the file (zero padding after the last box is allowed) and hold a
//! `moov`; every track's last chunk, located from its index (`stco`/`co64`, `stsc`,
//! `stsz`), must lie inside the file and inside an `mdat`; in a fragmented file the last
//! `moof`'s runs must lie inside the `mdat` after it. The last sample of each video and
//! audio track must not be zeros. A box whose size overruns the file while what it holds
//! ends early, followed by whole boxes, has a damaged size field: that is corruption,
//! not a cut.

use std::io::{Read, Seek};

use super::source::{all_zero, be, be_at, Res, Src};
use super::{invalid, Verdict};

/// A box: its type, where it starts, where its payload starts, where it ends.
#[derive(Debug, Clone, Copy)]
struct Box4 {
    typ: [u8; 4],
    at: u64,
    data: u64,
    end: u64,
}

/// Top-level boxes walked at most (a fragmented file has two per fragment).
const MAX_TOP: usize = 200_000;
/// The largest index box or fragment read whole.
const MAX_BOX_READ: u64 = 512 * 1024;
/// The largest part of a table read at once.
const MAX_TABLE: u64 = 64 * 1024;

/// Sample entries whose samples may really be all zeros (silence, black frames).
const RAW: [&[u8; 4]; 16] = [
    b"raw ", b"sowt", b"twos", b"lpcm", b"ipcm", b"fpcm", b"in24", b"in32", b"fl32", b"fl64",
    b"NONE", b"yuv2", b"2vuy", b"v210", b"yuvs", b"b48r",
];

/// Types a top-level box can have, for telling a damaged size from a cut.
const TOP: [&[u8; 4]; 14] = [
    b"mdat", b"moov", b"moof", b"free", b"skip", b"wide", b"udta", b"mfra", b"meta", b"uuid",
    b"sidx", b"styp", b"pdin", b"ftyp",
];

fn type_ok(t: &[u8]) -> bool {
    t.iter()
        .all(|&c| c.is_ascii_alphanumeric() || c == b' ' || c == 0xa9 || c == b'-' || c == b'_')
}

/// The box whose header is at `at` in `h` (16 bytes or fewer at the end of the file):
/// `Err` with the verdict when the header is cut or impossible.
fn parse_box(h: &[u8], at: u64, len: u64) -> Result<Box4, Verdict> {
    if h.len() < 8 {
        return Err(Verdict::Truncated {
            expected: at + 8,
            actual: len,
        });
    }
    let typ = [h[4], h[5], h[6], h[7]];
    let (hdr, size) = match be(&h[0..4]) {
        0 => (8, len - at),
        1 => {
            if h.len() < 16 {
                return Err(Verdict::Truncated {
                    expected: at + 16,
                    actual: len,
                });
            }
            (16, be(&h[8..16]))
        }
        s => (8, s),
    };
    if size < hdr {
        return Err(invalid(format!("box at byte {at} is too small")));
    }
    Ok(Box4 {
        typ,
        at,
        data: at + hdr,
        end: at.saturating_add(size),
    })
}

pub(super) fn check<R: Read + Seek>(src: &mut Src<R>) -> Res<Verdict> {
    let len = src.len;
    let mut tops: Vec<Box4> = Vec::new();
    let mut padding = None;
    // Bytes after the last box that are neither boxes nor zeros: harmless when the index
    // proves every sample is before them.
    let mut junk = None;
    let mut at = 0u64;
    while at < len {
        if tops.len() >= MAX_TOP {
            return Ok(Verdict::Ok);
        }
        let h = src.get(at, 16)?;
        if h.len() >= 8 && !type_ok(&h[4..8]) || h.len() < 8 && all_zero(&h) {
            if tops.is_empty() {
                return Ok(invalid("not an MP4/MOV file"));
            }
            if src.zeros_to_end(at)? {
                padding = Some(at);
            } else {
                junk = Some(at);
            }
            break;
        }
        let b = match parse_box(&h, at, len) {
            Ok(b) => b,
            Err(v) => return Ok(v),
        };
        if b.end > len {
            return overrun(src, &tops, &b);
        }
        tops.push(b);
        at = b.end;
    }
    if tops.is_empty() {
        return Ok(invalid("empty file"));
    }
    let Some(moov) = tops.iter().find(|b| &b.typ == b"moov").copied() else {
        if let Some(from) = padding {
            return Ok(Verdict::ZeroTail { from, actual: len });
        }
        if let Some(at) = junk {
            return Ok(invalid(format!("bad box type at byte {at}")));
        }
        return Ok(invalid("no moov box (the index is missing)"));
    };
    let fragmented = tops.iter().any(|b| &b.typ == b"moof");
    if let Some(at) = junk.filter(|_| fragmented && tops.last().map(|b| b.typ) != Some(*b"mfra")) {
        return Ok(invalid(format!("bad box type at byte {at}")));
    }
    let movie = parse_moov(src, &moov)?;
    // Zeros where the index's boxes should be: the index was being written, or zeroed.
    if let Some(h) = movie.hole {
        if src.zeros_to_end(h)? {
            return Ok(Verdict::ZeroTail {
                from: h,
                actual: len,
            });
        }
    }
    let mdats: Vec<(u64, u64)> = tops
        .iter()
        .filter(|b| &b.typ == b"mdat")
        .map(|b| (b.data, b.end))
        .collect();
    let inside = |a: u64, e: u64| mdats.iter().any(|&(s, t)| a >= s && e <= t);
    let mut last_samples: Vec<(u64, (u64, u64))> = Vec::new();
    for t in &movie.tracks {
        for c in &t.chunks {
            if c.end() > len {
                return Ok(Verdict::Truncated {
                    expected: movie
                        .tracks
                        .iter()
                        .flat_map(|t| &t.chunks)
                        .map(|c| c.end())
                        .max()
                        .unwrap_or(c.end()),
                    actual: len,
                });
            }
            if !inside(c.off, c.end()) {
                return Ok(invalid(format!(
                    "track {}: a chunk at byte {} ({} bytes) lies outside every mdat",
                    t.id, c.off, c.size
                )));
            }
        }
        if let Some(c) = t.chunks.iter().max_by_key(|c| c.end()) {
            last_samples.push((t.id, c.last));
        }
    }
    let last_moof = tops.iter().rev().find(|b| &b.typ == b"moof").copied();
    if let Some(moof) = last_moof {
        match fragment(src, &moof, &movie)? {
            Fragment::Runs(runs) => {
                for (id, start, end, last) in runs {
                    if end > len {
                        return Ok(Verdict::Truncated {
                            expected: end,
                            actual: len,
                        });
                    }
                    if end > start
                        && !mdats
                            .iter()
                            .any(|&(s, t)| s > moof.at && start >= s && end <= t)
                    {
                        return Ok(invalid(format!(
                            "the last fragment (moof at byte {}) has samples outside the mdat after it",
                            moof.at
                        )));
                    }
                    if let Some(l) = last {
                        last_samples.retain(|s| s.0 != id);
                        last_samples.push((id, l));
                    }
                }
            }
            Fragment::Broken(v) => return Ok(v),
            Fragment::Unread => {}
        }
        // Zeros after the last fragment and no mfra closing the file: more than alignment
        // padding is a download that stopped between two fragments.
        if let Some(from) = padding {
            let last = tops.last().map(|b| b.typ);
            if last != Some(*b"mfra") && len - from >= 64 * 1024 {
                return Ok(Verdict::ZeroTail { from, actual: len });
            }
        }
    }
    for (id, (off, size)) in last_samples {
        let Some(t) = movie.tracks.iter().find(|t| t.id == id) else {
            continue;
        };
        if t.may_be_zero() {
            continue;
        }
        if src.sample_zeroed(off, size)? {
            return Ok(Verdict::ZeroTail {
                from: off,
                actual: len,
            });
        }
    }
    Ok(Verdict::Ok)
}

/// A top-level box `b` ends beyond the file: cut short, unless what it holds shows its
/// size field is damaged.
fn overrun<R: Read + Seek>(src: &mut Src<R>, tops: &[Box4], b: &Box4) -> Res<Verdict> {
    let len = src.len;
    let cut = Verdict::Truncated {
        expected: b.end,
        actual: len,
    };
    let damaged = |why: String| {
        invalid(format!(
            "{} box at byte {} declares {} bytes in a file of {len}, but {why}: its size field is damaged",
            String::from_utf8_lossy(&b.typ),
            b.at,
            b.end - b.at
        ))
    };
    match &b.typ {
        b"mdat" => {
            if let Some(m) = tops.iter().find(|t| &t.typ == b"moov") {
                let movie = parse_moov(src, m)?;
                let ends = movie
                    .tracks
                    .iter()
                    .flat_map(|t| &t.chunks)
                    .map(|c| c.end())
                    .max();
                if let Some(e) = ends.filter(|&e| e > b.data && e <= len) {
                    return Ok(damaged(format!("every track's samples end by byte {e}")));
                }
                return Ok(cut);
            }
            if let Some(p) = moov_in_tail(src, b.data)? {
                return Ok(damaged(format!("a whole moov box follows at byte {p}")));
            }
            Ok(cut)
        }
        b"moov" | b"moof" | b"free" | b"skip" | b"udta" | b"meta" => {
            if let Some(x) = children_end(src, b.data, len)? {
                if x > b.data && (x == len || plausible_top(src, x)?) {
                    return Ok(damaged(format!("the boxes it holds end at byte {x}")));
                }
            }
            Ok(cut)
        }
        _ => Ok(cut),
    }
}

/// Walk the boxes inside a container from `start`: where they stop (at `limit`, or at the
/// first header that is no box), or `None` when one runs past `limit` (a cut).
fn children_end<R: Read + Seek>(src: &mut Src<R>, start: u64, limit: u64) -> Res<Option<u64>> {
    let mut at = start;
    for _ in 0..10_000 {
        if at >= limit {
            return Ok(Some(at));
        }
        let h = src.get(at, 16)?;
        if h.len() < 8 {
            return Ok(None);
        }
        if !type_ok(&h[4..8]) || be(&h[0..4]) == 0 {
            return Ok(Some(at));
        }
        match parse_box(&h, at, limit) {
            Ok(c) if c.end <= limit => at = c.end,
            Ok(_) => return Ok(None),
            Err(_) => return Ok(Some(at)),
        }
    }
    Ok(None)
}

/// Whether a whole top-level box starts at `at`.
fn plausible_top<R: Read + Seek>(src: &mut Src<R>, at: u64) -> Res<bool> {
    let h = src.get(at, 16)?;
    Ok(match parse_box(&h, at, src.len) {
        Ok(b) => TOP.iter().any(|t| **t == b.typ) && b.end <= src.len,
        Err(_) => false,
    })
}

/// A whole `moov` box (opening with `mvhd`, ending the file or followed by whole boxes)
/// in the file's last 256 KiB, after `after`.
fn moov_in_tail<R: Read + Seek>(src: &mut Src<R>, after: u64) -> Res<Option<u64>> {
    let len = src.len;
    let from = len.saturating_sub(256 * 1024).max(after);
    let w = src.window(from, len - from)?;
    for i in (4..w.len().saturating_sub(12)).rev() {
        if &w[i..i + 4] != b"moov" || &w[i + 8..i + 12] != b"mvhd" {
            continue;
        }
        let at = from + i as u64 - 4;
        let size = be(&w[i - 4..i]);
        let end = at + size;
        if size >= 16 && end <= len && (end == len || plausible_top(src, end)?) {
            return Ok(Some(at));
        }
    }
    Ok(None)
}

/// A chunk located from a track's index: where it starts, its size, and its last sample.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    off: u64,
    size: u64,
    last: (u64, u64),
}

impl Chunk {
    fn end(&self) -> u64 {
        self.off.saturating_add(self.size)
    }
}

/// What the check needs of a track.
#[derive(Debug, Default)]
struct Track {
    id: u64,
    handler: [u8; 4],
    codec: [u8; 4],
    external: bool,
    /// The last chunk and the one at the highest offset.
    chunks: Vec<Chunk>,
    default_size: u64,
    /// Where the boxes inside the track stop short of their container's end.
    hole: Option<u64>,
}

impl Track {
    /// Tracks whose last sample can legitimately be zeros, or that are not video or audio.
    fn may_be_zero(&self) -> bool {
        !(self.handler == *b"vide" || self.handler == *b"soun")
            || RAW.iter().any(|r| **r == self.codec)
            || self.external
    }
}

#[derive(Debug, Default)]
struct Movie {
    tracks: Vec<Track>,
    /// Where the boxes inside the moov (or a track) stop short of their container's end.
    hole: Option<u64>,
}

/// Payload position and size of the sample-table boxes of one track.
#[derive(Debug, Default, Clone, Copy)]
struct Tables {
    stsz: Option<(u64, u64)>,
    stsc: Option<(u64, u64)>,
    stco: Option<(u64, u64, u64)>,
}

fn parse_moov<R: Read + Seek>(src: &mut Src<R>, moov: &Box4) -> Res<Movie> {
    if moov.end - moov.at <= MAX_BOX_READ {
        src.window(moov.at, moov.end - moov.at)?;
    }
    let mut movie = Movie::default();
    let mut trex: Vec<(u64, u64)> = Vec::new();
    let (kids, hole) = covered(src, moov.data, moov.end)?;
    movie.hole = hole;
    // The moov's last bytes are data (names, tags), never zeros, unless it ends in free
    // space.
    if let Some(last) = kids.last() {
        let free = [b"free", b"skip", b"wide"].contains(&&last.typ);
        if !free && last.end - last.data >= 16 && all_zero(&src.get(last.end - 16, 16)?) {
            movie.hole.get_or_insert(last.end - 16);
        }
    }
    for b in kids {
        match &b.typ {
            b"trak" => {
                let mut t = Track::default();
                let mut tables = Tables::default();
                walk_trak(src, &b, &mut t, &mut tables, 0)?;
                t.chunks = locate_chunks(src, &tables)?;
                movie.tracks.push(t);
            }
            b"mvex" => {
                for x in children(src, b.data, b.end)? {
                    if &x.typ == b"trex" {
                        let p = src.get(x.data, 20)?;
                        if let (Some(id), Some(size)) = (be_at(&p, 4, 4), be_at(&p, 16, 4)) {
                            trex.push((id, size));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if movie.hole.is_none() {
        movie.hole = movie.tracks.iter().find_map(|t| t.hole);
    }
    for t in &mut movie.tracks {
        if let Some(&(_, s)) = trex.iter().find(|x| x.0 == t.id) {
            t.default_size = s;
        }
    }
    Ok(movie)
}

/// The boxes inside `[start, end)`, as far as they are whole.
fn children<R: Read + Seek>(src: &mut Src<R>, start: u64, end: u64) -> Res<Vec<Box4>> {
    Ok(covered(src, start, end)?.0)
}

/// [`children`], and where they stop when that is 8 bytes or more before `end` (a hole:
/// what should be boxes is not).
fn covered<R: Read + Seek>(
    src: &mut Src<R>,
    start: u64,
    end: u64,
) -> Res<(Vec<Box4>, Option<u64>)> {
    let mut out = Vec::new();
    let mut at = start;
    while at + 8 <= end && out.len() < 10_000 {
        let h = src.get(at, 16)?;
        match parse_box(&h, at, end) {
            Ok(b) if b.end <= end && type_ok(&b.typ) && be(&h[0..4]) != 0 => {
                out.push(b);
                at = b.end;
            }
            _ => break,
        }
    }
    Ok((out, (at + 8 <= end).then_some(at)))
}

fn walk_trak<R: Read + Seek>(
    src: &mut Src<R>,
    b: &Box4,
    t: &mut Track,
    tables: &mut Tables,
    depth: u32,
) -> Res<()> {
    if depth > 8 {
        return Ok(());
    }
    let (kids, hole) = covered(src, b.data, b.end)?;
    if let Some(h) = hole {
        t.hole.get_or_insert(h);
    }
    for c in kids {
        let size = c.end - c.data;
        match &c.typ {
            b"mdia" | b"minf" | b"stbl" | b"dinf" => walk_trak(src, &c, t, tables, depth + 1)?,
            b"tkhd" => {
                let p = src.get(c.data, 24)?;
                let v1 = p.first() == Some(&1);
                t.id = be_at(&p, if v1 { 20 } else { 12 }, 4).unwrap_or(0);
            }
            b"hdlr" => {
                let p = src.get(c.data, 12)?;
                if p.len() == 12 {
                    t.handler.copy_from_slice(&p[8..12]);
                }
            }
            b"stsd" => {
                let p = src.get(c.data, 16)?;
                if p.len() == 16 {
                    t.codec.copy_from_slice(&p[12..16]);
                }
            }
            b"dref" => {
                // The first data reference: flag 1 means "in this file".
                let p = src.get(c.data, 20)?;
                if let Some(flags) = be_at(&p, 17, 3) {
                    t.external = flags & 1 == 0;
                }
            }
            b"stsz" => tables.stsz = Some((c.data, size)),
            b"stsc" => tables.stsc = Some((c.data, size)),
            b"stco" => tables.stco = Some((c.data, size, 4)),
            b"co64" => tables.stco = Some((c.data, size, 8)),
            _ => {}
        }
    }
    Ok(())
}

/// The last chunk of a track and the one at its highest offset, with their sizes.
fn locate_chunks<R: Read + Seek>(src: &mut Src<R>, tb: &Tables) -> Res<Vec<Chunk>> {
    let (Some((co, co_size, w)), Some((sz, sz_size)), Some((sc, sc_size))) =
        (tb.stco, tb.stsz, tb.stsc)
    else {
        return Ok(Vec::new());
    };
    let head = src.get(co, 8)?;
    let n = be_at(&head, 4, 4)
        .unwrap_or(0)
        .min(co_size.saturating_sub(8) / w);
    if n == 0 {
        return Ok(Vec::new());
    }
    // Offsets: the whole table when small, else the last entry.
    let (first_k, table) = if n * w <= MAX_TABLE {
        (1, src.get(co + 8, (n * w) as usize)?)
    } else {
        (n, src.get(co + 8 + (n - 1) * w, w as usize)?)
    };
    let offsets: Vec<u64> = table.chunks_exact(w as usize).map(be).collect();
    let mut wanted = vec![n];
    if let Some((i, _)) = offsets.iter().enumerate().max_by_key(|(_, o)| **o) {
        let k = first_k + i as u64;
        if k != n {
            wanted.push(k);
        }
    }
    let sh = src.get(sz, 12)?;
    let (Some(const_size), Some(samples)) = (be_at(&sh, 4, 4), be_at(&sh, 8, 4)) else {
        return Ok(Vec::new());
    };
    let samples = if const_size == 0 {
        samples.min(sz_size.saturating_sub(12) / 4)
    } else {
        samples
    };
    let ch = src.get(sc, 8)?;
    let runs_n = be_at(&ch, 4, 4)
        .unwrap_or(0)
        .min(sc_size.saturating_sub(8) / 12);
    if runs_n == 0 {
        return Ok(Vec::new());
    }
    let runs: Vec<(u64, u64)> = if runs_n * 12 <= MAX_TABLE {
        src.get(sc + 8, (runs_n * 12) as usize)?
    } else {
        wanted.truncate(1);
        src.get(sc + 8 + (runs_n - 1) * 12, 12)?
    }
    .chunks_exact(12)
    .map(|e| (be(&e[0..4]), be(&e[4..8])))
    .collect();
    let mut out = Vec::new();
    for k in wanted {
        let Some(off) = offsets.get((k - first_k) as usize).copied() else {
            continue;
        };
        // The chunk's first sample and how many it holds.
        let (first, count) = if k == n {
            let spc = runs.last().map_or(0, |r| r.1);
            (samples.saturating_sub(spc), spc.min(samples))
        } else {
            let mut acc = 0u64;
            let mut found = None;
            for (i, &(f, spc)) in runs.iter().enumerate() {
                let next = runs.get(i + 1).map_or(n + 1, |r| r.0);
                if k < next {
                    found = Some((
                        acc.saturating_add(k.saturating_sub(f).saturating_mul(spc)),
                        spc,
                    ));
                    break;
                }
                acc = acc.saturating_add(next.saturating_sub(f).saturating_mul(spc));
            }
            match found {
                Some(x) => x,
                None => continue,
            }
        };
        if count == 0 || first.saturating_add(count) > samples {
            continue;
        }
        let sizes: Vec<u64> = if const_size != 0 {
            vec![const_size; count.min(2) as usize]
        } else if count * 4 <= MAX_TABLE {
            src.get(sz + 12 + first * 4, (count * 4) as usize)?
                .chunks_exact(4)
                .map(be)
                .collect()
        } else {
            continue;
        };
        let total = if const_size != 0 {
            const_size.saturating_mul(count)
        } else {
            sizes.iter().sum()
        };
        let last = *sizes.last().unwrap_or(&0);
        out.push(Chunk {
            off,
            size: total,
            last: (off.saturating_add(total) - last.min(total), last),
        });
    }
    Ok(out)
}

/// A run of the last fragment: (track, data start, data end, last sample).
type Run = (u64, u64, u64, Option<(u64, u64)>);

/// What the last fragment says.
enum Fragment {
    Runs(Vec<Run>),
    Broken(Verdict),
    Unread,
}

fn fragment<R: Read + Seek>(src: &mut Src<R>, moof: &Box4, movie: &Movie) -> Res<Fragment> {
    if moof.end - moof.at > MAX_BOX_READ {
        return Ok(Fragment::Unread);
    }
    let m = src.get(moof.at, (moof.end - moof.at) as usize)?;
    let local = |b: &Box4| (b.data - moof.at) as usize..(b.end - moof.at) as usize;
    let mut runs = Vec::new();
    let mut prev_end = moof.at;
    for traf in children(src, moof.data, moof.end)? {
        if &traf.typ != b"traf" {
            continue;
        }
        let mut id = 0;
        let mut base = None;
        let mut default_size = None;
        let mut cursor = None;
        for b in children(src, traf.data, traf.end)? {
            let p = &m[local(&b)];
            match &b.typ {
                b"tfhd" => {
                    let flags = be_at(p, 1, 3).unwrap_or(0);
                    id = be_at(p, 4, 4).unwrap_or(0);
                    let mut o = 8;
                    if flags & 0x01 != 0 {
                        base = be_at(p, o, 8);
                        o += 8;
                    } else if flags & 0x02_0000 != 0 {
                        base = Some(moof.at);
                    }
                    o += 4 * usize::from(flags & 0x02 != 0);
                    o += 4 * usize::from(flags & 0x08 != 0);
                    if flags & 0x10 != 0 {
                        default_size = be_at(p, o, 4);
                    }
                }
                b"trun" => {
                    let Some(flags) = be_at(p, 1, 3) else {
                        continue;
                    };
                    let count = be_at(p, 4, 4).unwrap_or(0);
                    let mut o = 8;
                    let base = base.unwrap_or(prev_end);
                    let start = if flags & 0x01 != 0 {
                        let d = be_at(p, o, 4).unwrap_or(0) as u32 as i32;
                        o += 4;
                        base.saturating_add_signed(i64::from(d))
                    } else {
                        cursor.unwrap_or(base)
                    };
                    o += 4 * usize::from(flags & 0x04 != 0);
                    let per = [0x100u64, 0x200, 0x400, 0x800]
                        .iter()
                        .filter(|f| flags & **f != 0)
                        .count();
                    let fallback = default_size
                        .or_else(|| {
                            movie
                                .tracks
                                .iter()
                                .find(|t| t.id == id)
                                .map(|t| t.default_size)
                        })
                        .unwrap_or(0);
                    let mut total = 0u64;
                    let mut last = 0u64;
                    for i in 0..count {
                        let size = if flags & 0x200 != 0 {
                            let at =
                                o + (i as usize) * per * 4 + 4 * usize::from(flags & 0x100 != 0);
                            match be_at(p, at, 4) {
                                Some(s) => s,
                                None => {
                                    return Ok(Fragment::Broken(invalid(format!(
                                        "the last fragment's run table (moof at byte {}) is cut",
                                        moof.at
                                    ))))
                                }
                            }
                        } else {
                            fallback
                        };
                        total += size;
                        last = size;
                    }
                    let end = start.saturating_add(total);
                    cursor = Some(end);
                    prev_end = end;
                    let tail = (count > 0).then(|| (end - last, last));
                    runs.push((id, start, end, tail));
                }
                _ => {}
            }
        }
    }
    Ok(Fragment::Runs(runs))
}

#[cfg(test)]
#[path = "mp4_tests.rs"]
mod tests;
