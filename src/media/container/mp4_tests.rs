//! Unit tests of the MP4/MOV check: boxes, indexes, fragments, tails.

use super::super::tests::run;
use super::super::{Format, Verdict};

fn bx(typ: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    let mut v = ((payload.len() + 8) as u32).to_be_bytes().to_vec();
    v.extend(typ);
    v.extend(payload);
    v
}

fn full(typ: &[u8; 4], rest: &[u8]) -> Vec<u8> {
    let mut p = vec![0u8; 4];
    p.extend(rest);
    bx(typ, &p)
}

fn u32s(v: &[u32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_be_bytes()).collect()
}

/// A faststart file: one video track whose two chunks of 3 samples (100 bytes each)
/// fill an mdat of 600 bytes; `samples` is the byte each sample is filled with.
pub(crate) fn faststart(fill: u8) -> Vec<u8> {
    let ftyp = bx(b"ftyp", b"isom\0\0\x02\0isomiso2");
    let build = |mdat_at: u32| {
        let stbl = [
            full(
                b"stsd",
                &[u32s(&[1, 16]), b"avc1".to_vec(), vec![0; 8]].concat(),
            ),
            full(b"stsz", &u32s(&[0, 6, 100, 100, 100, 100, 100, 100])),
            full(b"stsc", &u32s(&[1, 1, 3, 1])),
            full(b"stco", &u32s(&[2, mdat_at + 8, mdat_at + 308])),
        ]
        .concat();
        let dref = full(
            b"dref",
            &[u32s(&[1, 12]), b"url ".to_vec(), vec![0, 0, 0, 1]].concat(),
        );
        let minf = bx(b"minf", &[bx(b"dinf", &dref), bx(b"stbl", &stbl)].concat());
        let mdia = bx(
            b"mdia",
            &[full(b"hdlr", &[0, 0, 0, 0, b'v', b'i', b'd', b'e']), minf].concat(),
        );
        let tkhd = full(b"tkhd", &u32s(&[0, 0, 1, 0, 0]));
        bx(b"moov", &bx(b"trak", &[tkhd, mdia].concat()))
    };
    let moov_len = build(0).len() as u32;
    let moov = build(ftyp.len() as u32 + moov_len);
    [ftyp, moov, bx(b"mdat", &vec![fill; 600])].concat()
}

#[test]
fn chunks_must_lie_inside_the_file_and_an_mdat() {
    let good = faststart(7);
    assert_eq!(run(&good, Format::Mp4), Verdict::Ok);
    // Cut right after the moov: the boxes that remain are whole, the samples are gone.
    let moov_end = good.len() - 608;
    assert!(matches!(
        run(&good[..moov_end], Format::Mp4),
        Verdict::Truncated { .. }
    ));
    for cut in (1..good.len()).step_by(7) {
        assert!(!run(&good[..cut], Format::Mp4).is_ok(), "cut at {cut}");
    }
    let mut padded = good.clone();
    padded.extend([0u8; 3000]);
    assert_eq!(run(&padded, Format::Mp4), Verdict::Ok);
    // Junk after whole boxes, with every sample before it, plays.
    let mut junk = good.clone();
    junk.extend(b"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8 junk after the last box");
    assert_eq!(run(&junk, Format::Mp4), Verdict::Ok);
    let mut zeroed = good.clone();
    let n = zeroed.len();
    zeroed[n - 150..].fill(0);
    assert!(matches!(
        run(&zeroed, Format::Mp4),
        Verdict::ZeroTail { .. }
    ));
    assert!(matches!(
        run(&faststart(0), Format::Mp4),
        Verdict::ZeroTail { .. }
    ));
}

#[test]
fn a_damaged_size_field_is_corruption() {
    let good = faststart(7);
    // The moov's size with its top byte set: the boxes it holds end early and a whole
    // mdat follows them.
    let mut bad = good.clone();
    bad[24] = 0xff;
    let v = run(&bad, Format::Mp4);
    assert!(
        matches!(&v, Verdict::Invalid { reason } if reason.contains("damaged")),
        "{v:?}"
    );
    let mut bad = good.clone();
    let mdat = good.len() - 608;
    bad[mdat] = 0xff;
    let v = run(&bad, Format::Mp4);
    assert!(
        matches!(&v, Verdict::Invalid { reason } if reason.contains("damaged")),
        "{v:?}"
    );
}

#[test]
fn top_level_boxes() {
    let mut v = bx(b"ftyp", b"isom\0\0\0\x01isom");
    v.extend(1u32.to_be_bytes());
    v.extend(b"mdat");
    v.extend(5016u64.to_be_bytes());
    v.extend(vec![7u8; 5000]);
    assert!(
        matches!(run(&v, Format::Mp4), Verdict::Invalid { .. }),
        "no moov"
    );
    assert!(matches!(
        run(&v[..30], Format::Mp4),
        Verdict::Truncated { .. }
    ));
    assert!(matches!(
        run(&[0xffu8; 64], Format::Mp4),
        Verdict::Invalid { .. }
    ));
    let mut z = v.clone();
    z.extend([0u8; 100]);
    assert!(
        matches!(run(&z, Format::Mp4), Verdict::ZeroTail { .. }),
        "no moov, zeros"
    );
}
