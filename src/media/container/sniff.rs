//! The container a file really holds, told by its first bytes: the extension only says
//! what the file claims to be (a Matroska file named `.mp4` plays fine, and must be
//! checked as Matroska).

use super::Format;

/// Box types that can open an ISO base media file.
const MP4_FIRST: [&[u8; 4]; 11] = [
    b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"styp", b"sidx", b"moof",
    b"uuid",
];

/// The format `head` (the first bytes of a file) belongs to, if it is one we know.
pub fn sniff(head: &[u8]) -> Option<Format> {
    if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Some(Format::Ebml);
    }
    if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"AVI " {
        return Some(Format::Avi);
    }
    if head.len() >= 8 && MP4_FIRST.iter().any(|t| &head[4..8] == *t) {
        let size = u32::from_be_bytes([head[0], head[1], head[2], head[3]]);
        if size == 0 || size == 1 || size >= 8 {
            return Some(Format::Mp4);
        }
    }
    ts_layout(head).map(|_| Format::Ts)
}

/// An MPEG transport stream's packet size and the offset of the sync byte in a packet:
/// 188 bytes, 192 (M2TS: a 4-byte time stamp before each packet) or 204 (with
/// Reed-Solomon parity). At least three packets must be seen, each opening with 0x47.
pub fn ts_layout(head: &[u8]) -> Option<(u64, u64)> {
    [(188u64, 0u64), (192, 4), (204, 0)]
        .into_iter()
        .find(|&(size, sync)| {
            let seen = (head.len() as u64)
                .saturating_sub(sync)
                .div_ceil(size)
                .min(8);
            seen >= 3 && (0..seen).all(|k| head.get((sync + k * size) as usize) == Some(&0x47))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_name_the_container() {
        assert_eq!(sniff(&[0x1A, 0x45, 0xDF, 0xA3, 0x9F]), Some(Format::Ebml));
        assert_eq!(sniff(b"\0\0\0\x18ftypmp42"), Some(Format::Mp4));
        assert_eq!(sniff(b"\0\0\0\x08wide\0\0\0\0mdat"), Some(Format::Mp4));
        assert_eq!(sniff(b"RIFF\0\0\0\0AVI LIST"), Some(Format::Avi));
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), None);
        let mut ts = vec![0u8; 188 * 4];
        (0..4).for_each(|k| ts[k * 188] = 0x47);
        assert_eq!(sniff(&ts), Some(Format::Ts));
        assert_eq!(ts_layout(&ts), Some((188, 0)));
        let mut m2ts = vec![0u8; 192 * 4];
        (0..4).for_each(|k| m2ts[k * 192 + 4] = 0x47);
        assert_eq!(ts_layout(&m2ts), Some((192, 4)));
        assert_eq!(sniff(&[0x47; 100]), None);
        assert_eq!(sniff(b""), None);
    }
}
