//! MPEG transport streams (`.ts`, and `.m2ts` with a 4-byte time stamp before each
//! packet): every packet in the head and the tail must open with the sync byte 0x47, and
//! the file must hold whole packets (a copy cut mid-packet does not).

use std::io::{Read, Seek};

use super::sniff::ts_layout;
use super::source::Res;
use super::source::Src;
use super::{invalid, Verdict};

/// How much of the head and of the tail is checked packet by packet.
const SPAN: u64 = 64 * 1024;

pub(super) fn check<R: Read + Seek>(src: &mut Src<R>, head: &[u8]) -> Res<Verdict> {
    let len = src.len;
    let Some((size, sync, start)) = ts_layout(head)
        .map(|(size, sync)| (size, sync, 0))
        .or_else(|| phase(head))
    else {
        // Fewer than three packets that open with a sync byte: a cut, or no stream.
        let opens = head.first() == Some(&0x47) || head.get(4) == Some(&0x47);
        return Ok(if opens && len < 3 * 204 {
            Verdict::Truncated {
                expected: 3 * 188,
                actual: len,
            }
        } else {
            invalid("not an MPEG-TS file (no sync byte every 188 or 192 bytes)")
        });
    };
    // Packets from `start` on (a stream cut from a longer one may open mid-packet).
    let body = len - start;
    let whole = body / size;
    let head_packets = ((head.len() as u64).saturating_sub(start) / size).min(whole);
    for k in 0..head_packets {
        if head[(start + k * size + sync) as usize] != 0x47 {
            return missing(src, start + k * size);
        }
    }
    let rem = body % size;
    if rem != 0 {
        return Ok(Verdict::Truncated {
            expected: len - rem + size,
            actual: len,
        });
    }
    let first = whole.saturating_sub(SPAN / size).max(head_packets);
    if first < whole {
        let w = src.window(start + first * size, (whole - first) * size)?;
        for k in 0..whole - first {
            if w.get((k * size + sync) as usize) != Some(&0x47) {
                return missing(src, start + (first + k) * size);
            }
        }
    }
    Ok(Verdict::Ok)
}

/// A stream that does not open on a packet: the first whole packet's start, found where
/// eight sync bytes follow each other at the packet size.
fn phase(head: &[u8]) -> Option<(u64, u64, u64)> {
    [(188u64, 0u64), (192, 4), (204, 0)]
        .into_iter()
        .find_map(|(size, sync)| {
            (0..size)
                .find(|&o| (0..8).all(|k| head.get((o + sync + k * size) as usize) == Some(&0x47)))
                .map(|o| (size, sync, o))
        })
}

/// The packet at `at` has no sync byte: a zero-filled tail, or a broken stream.
fn missing<R: Read + Seek>(src: &mut Src<R>, at: u64) -> Res<Verdict> {
    Ok(if src.zeros_to_end(at)? {
        Verdict::ZeroTail {
            from: at,
            actual: src.len,
        }
    } else {
        invalid(format!("no sync byte in the packet at byte {at}"))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::super::{Format, Verdict};

    fn stream(packets: usize, size: usize, sync: usize) -> Vec<u8> {
        let mut v = vec![0x11u8; packets * size];
        for k in 0..packets {
            v[k * size + sync] = 0x47;
        }
        v
    }

    #[test]
    fn whole_packets_with_sync_bytes() {
        for (size, sync) in [(188, 0), (192, 4)] {
            let good = stream(1000, size, sync);
            assert_eq!(run(&good, Format::Ts), Verdict::Ok);
            let mut found = 0;
            for cut in (size * 3..good.len()).step_by(97) {
                found += usize::from(!run(&good[..cut], Format::Ts).is_ok());
            }
            assert!(found > 0);
            assert!(matches!(
                run(&good[..good.len() - 5], Format::Ts),
                Verdict::Truncated { .. }
            ));
            let mut z = good.clone();
            let n = z.len();
            z[n - 1000..].fill(0);
            assert!(matches!(run(&z, Format::Ts), Verdict::ZeroTail { .. }));
            let mut z = good.clone();
            z[n / 2..].fill(0);
            assert!(matches!(run(&z, Format::Ts), Verdict::ZeroTail { .. }));
            // Opening mid-packet, as a stream cut from a longer one may.
            assert_eq!(run(&good[size * 2 + 77..], Format::Ts), Verdict::Ok);
            let mut broken = good.clone();
            broken[n - size * 3 + sync] = 0x12;
            assert!(matches!(run(&broken, Format::Ts), Verdict::Invalid { .. }));
        }
    }
}
