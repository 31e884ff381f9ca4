//! The quality ranking that picks the best release of a movie or episode: resolution,
//! then source, then video codec, then HDR, then remux, then size. Each criterion is a
//! small rank; the first one that differs decides, and names the reason a file lost.

use std::cmp::Ordering;

use crate::output::human_bytes;

/// What a release name says about its quality, as ranks (higher is better).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quality {
    /// Vertical resolution (2160, 1080, 720, 576, 480; 0 unknown).
    pub resolution: u32,
    /// Source rank: Blu-ray 6, Web-DL/Web 5, HD-DVD 4, HDTV 3, DVD 2, VHS/TV/other 1,
    /// Cam/Telesync 0... unknown counts as 1.
    pub source: u8,
    /// Codec rank: AV1 4, H.265 3, H.264 2, VP9/MPEG-2/VC-1 1, Xvid/DivX/unknown 0.
    pub codec: u8,
    /// HDR10, HDR10+, Dolby Vision, HLG.
    pub hdr: bool,
    /// A remux (untouched video from the disc).
    pub remux: bool,
    /// Labels for the reasons (`1080p`, `Blu-ray`, `H.265`).
    pub labels: [Option<String>; 3],
}

/// The vertical resolution in a `screen_size` such as `1080p`, `2160p`, `4K`, `720i`.
pub fn resolution(screen_size: Option<&str>) -> u32 {
    let Some(s) = screen_size else { return 0 };
    let l = s.to_ascii_lowercase();
    if l == "4k" || l == "uhd" {
        return 2160;
    }
    if l == "8k" {
        return 4320;
    }
    let digits: String = l.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().unwrap_or(0)
}

/// The rank of a source name (guessit vocabulary, case-insensitive).
pub fn source_rank(source: Option<&str>) -> u8 {
    let Some(s) = source else { return 1 };
    let l = s.to_ascii_lowercase().replace(['-', ' ', '.'], "");
    match l.as_str() {
        "bluray" | "ultrahdbluray" | "uhdbluray" | "bd" | "bdrip" | "brrip" => 6,
        "web" | "webdl" | "webrip" | "webcap" => 5,
        "hddvd" => 4,
        "hdtv" | "ultrahdtv" | "satellite" | "digitaltv" => 3,
        "dvd" | "dvdrip" | "videocd" => 2,
        "camera" | "cam" | "hdcamera" | "telesync" | "hdtelesync" | "telecine" | "workprint"
        | "screener" => 0,
        _ => 1,
    }
}

/// The rank of a video codec name.
pub fn codec_rank(codec: Option<&str>) -> u8 {
    let Some(c) = codec else { return 0 };
    let l = c.to_ascii_lowercase().replace(['-', ' ', '.'], "");
    match l.as_str() {
        "av1" => 4,
        "h265" | "hevc" | "x265" => 3,
        "h264" | "avc" | "x264" => 2,
        "vp9" | "mpeg2" | "vc1" | "vp8" => 1,
        _ => 0,
    }
}

/// True when an `other` tag marks HDR.
pub fn is_hdr(tag: &str) -> bool {
    let l = tag.to_ascii_lowercase();
    l.starts_with("hdr") || l.contains("dolby vision") || l == "dv" || l == "hlg"
}

/// Compare two files, better first (Less = `a` is better); on a difference, the reason
/// the worse one lost.
pub fn compare(a: &Quality, a_size: u64, b: &Quality, b_size: u64) -> (Ordering, Option<String>) {
    let label = |q: &Quality, i: usize, fallback: &str| {
        q.labels[i].clone().unwrap_or_else(|| fallback.to_string())
    };
    let steps: [(Ordering, &dyn Fn(bool) -> String); 6] = [
        (b.resolution.cmp(&a.resolution), &|a_better| {
            let (w, k) = if a_better { (b, a) } else { (a, b) };
            format!(
                "lower resolution ({} < {})",
                label(w, 0, "unknown"),
                label(k, 0, "unknown")
            )
        }),
        (b.source.cmp(&a.source), &|a_better| {
            let (w, k) = if a_better { (b, a) } else { (a, b) };
            format!(
                "weaker source ({} < {})",
                label(w, 1, "unknown"),
                label(k, 1, "unknown")
            )
        }),
        (b.codec.cmp(&a.codec), &|a_better| {
            let (w, k) = if a_better { (b, a) } else { (a, b) };
            format!(
                "older video codec ({} < {})",
                label(w, 2, "unknown"),
                label(k, 2, "unknown")
            )
        }),
        (b.hdr.cmp(&a.hdr), &|_| {
            "no HDR (the keeper has it)".to_string()
        }),
        (b.remux.cmp(&a.remux), &|_| {
            "not a remux (the keeper is)".to_string()
        }),
        (b_size.cmp(&a_size), &|a_better| {
            let (w, k) = if a_better {
                (b_size, a_size)
            } else {
                (a_size, b_size)
            };
            format!("smaller ({} < {})", human_bytes(w), human_bytes(k))
        }),
    ];
    for (ord, why) in steps {
        if ord != Ordering::Equal {
            return (ord, Some(why(ord == Ordering::Less)));
        }
    }
    (Ordering::Equal, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(res: &str, src: &str, codec: &str) -> Quality {
        Quality {
            resolution: resolution(Some(res)),
            source: source_rank(Some(src)),
            codec: codec_rank(Some(codec)),
            hdr: false,
            remux: false,
            labels: [Some(res.into()), Some(src.into()), Some(codec.into())],
        }
    }

    #[test]
    fn ranking_order() {
        let uhd = q("2160p", "Web", "H.265");
        let fhd = q("1080p", "Blu-ray", "H.264");
        let (o, why) = compare(&uhd, 1, &fhd, 10);
        assert_eq!(o, Ordering::Less);
        assert_eq!(why.unwrap(), "lower resolution (1080p < 2160p)");
        let web = q("1080p", "Web", "H.265");
        let (o, why) = compare(&web, 1, &fhd, 1);
        assert_eq!(o, Ordering::Greater);
        assert_eq!(why.unwrap(), "weaker source (Web < Blu-ray)");
        let x265 = q("1080p", "Blu-ray", "H.265");
        assert_eq!(compare(&x265, 1, &fhd, 1).0, Ordering::Less);
        let mut hdr = fhd.clone();
        hdr.hdr = true;
        assert_eq!(compare(&fhd, 9, &hdr, 1).0, Ordering::Greater);
        assert_eq!(compare(&fhd, 9, &fhd, 1).0, Ordering::Less);
        assert_eq!(compare(&fhd, 1, &fhd, 1).0, Ordering::Equal);
        assert_eq!(resolution(Some("4K")), 2160);
        assert_eq!(source_rank(Some("HDTV")), 3);
    }
}
