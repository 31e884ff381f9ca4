//! A file's kind (video, subtitle, sidecar, other), decided by its extension.

use std::path::Path;

/// The broad kind of a file in a media library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Video,
    Subtitle,
    Sidecar,
    Other,
}

const VIDEO: &[&str] = &[
    "mkv", "mp4", "m4v", "avi", "mov", "wmv", "mpg", "mpeg", "ts", "m2ts", "mts", "webm", "flv",
    "ogm", "ogv", "divx", "xvid", "vob", "iso", "3gp", "rmvb", "rm", "asf", "wtv", "f4v",
];
const SUBTITLE: &[&str] = &[
    "srt", "ass", "ssa", "sub", "idx", "vtt", "sup", "smi", "ttml",
];
const SIDECAR: &[&str] = &[
    "nfo", "jpg", "jpeg", "png", "tbn", "xml", "txt", "sfv", "md5",
];

impl FileKind {
    /// The kind of `path`, from its extension (case-insensitive).
    pub fn of(path: &Path) -> FileKind {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return FileKind::Other;
        };
        let ext = ext.to_ascii_lowercase();
        if VIDEO.contains(&ext.as_str()) {
            FileKind::Video
        } else if SUBTITLE.contains(&ext.as_str()) {
            FileKind::Subtitle
        } else if SIDECAR.contains(&ext.as_str()) {
            FileKind::Sidecar
        } else {
            FileKind::Other
        }
    }

    /// The lowercase name stored in the catalog.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Video => "video",
            FileKind::Subtitle => "subtitle",
            FileKind::Sidecar => "sidecar",
            FileKind::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(FileKind::of(Path::new("a/B.MKV")), FileKind::Video);
        assert_eq!(FileKind::of(Path::new("a/b.en.srt")), FileKind::Subtitle);
        assert_eq!(FileKind::of(Path::new("movie.nfo")), FileKind::Sidecar);
        assert_eq!(FileKind::of(Path::new("README")), FileKind::Other);
        assert_eq!(FileKind::of(Path::new("x.bin")), FileKind::Other);
    }
}
