//! Sidecar files travel with their video: subtitles (`.srt`, `.en.srt`, `.forced.en.srt`,
//! `.ass`, `.sub` + `.idx`), `.nfo`, and images named after the video (`.jpg`,
//! `-poster.jpg`, `-fanart.jpg`). A sidecar belongs to the video in the same folder whose
//! name without extension is the longest prefix of the sidecar's name followed by `.` or
//! `-`; it moves to the video's new folder as the video's new stem plus that suffix.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

/// The video stem (name without extension) of a video file name.
pub fn stem(name: &OsStr) -> &[u8] {
    let b = name.as_bytes();
    match b.iter().rposition(|&c| c == b'.') {
        Some(i) if i > 0 => &b[..i],
        _ => b,
    }
}

/// The suffix of `sidecar` after `video_stem` (`.en.srt`, `-poster.jpg`), if it is one
/// of its sidecars.
pub fn suffix<'a>(sidecar: &'a OsStr, video_stem: &[u8]) -> Option<&'a [u8]> {
    let b = sidecar.as_bytes();
    let rest = b.strip_prefix(video_stem)?;
    // A sidecar needs something after the separator: "Movie." alone is no sidecar.
    (rest.len() > 1 && matches!(rest[0], b'.' | b'-')).then_some(rest)
}

/// Which of `stems` (video stems in one folder) `name` belongs to: the longest match.
pub fn owner(name: &OsStr, stems: &[&[u8]]) -> Option<usize> {
    stems
        .iter()
        .enumerate()
        .filter(|(_, s)| suffix(name, s).is_some())
        .max_by_key(|(_, s)| s.len())
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecars_find_their_video() {
        let stems: Vec<&[u8]> = vec![b"Movie.2020.1080p", b"Movie.2020.1080p.Extended"];
        let o = |n: &str| owner(OsStr::new(n), &stems);
        assert_eq!(o("Movie.2020.1080p.en.srt"), Some(0));
        assert_eq!(o("Movie.2020.1080p.forced.en.srt"), Some(0));
        assert_eq!(o("Movie.2020.1080p.Extended.idx"), Some(1));
        assert_eq!(o("Movie.2020.1080p-poster.jpg"), Some(0));
        assert_eq!(o("Other.srt"), None);
        assert_eq!(
            suffix(OsStr::new("A.forced.en.srt"), b"A"),
            Some(&b".forced.en.srt"[..])
        );
        assert_eq!(stem(OsStr::new("A.b.mkv")), b"A.b");
    }
}
