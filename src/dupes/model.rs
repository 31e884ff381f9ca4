//! What detection produces: groups of files with a kind, a keeper, a score and its
//! confidence, and the totals of a run. These serialize as the `group` and `summary`
//! messages of `docs/json.md`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Serialize, Serializer};

use crate::catalog::Stat;
use crate::paths;

/// Why files were grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Identical bytes.
    Exact,
    /// One file is a byte-for-byte prefix of another (an interrupted copy).
    Partial,
    /// The same movie or episode in different releases.
    Media,
    /// Names that normalize to almost the same title.
    SimilarName,
    /// Sizes within 1% and similar names.
    SimilarSize,
}

impl Kind {
    /// Every kind, strongest first.
    pub const ALL: [Kind; 5] = [
        Kind::Exact,
        Kind::Partial,
        Kind::Media,
        Kind::SimilarName,
        Kind::SimilarSize,
    ];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::Partial => "partial",
            Kind::Media => "media",
            Kind::SimilarName => "similar_name",
            Kind::SimilarSize => "similar_size",
        }
    }

    /// The kind named `s`.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True when the files of such a group hold the same bytes (or a prefix of them), so
    /// the content survives whatever happens to the non-keepers.
    pub fn content_verified(self) -> bool {
        matches!(self, Kind::Exact | Kind::Partial)
    }
}

/// How sure a group is, from its 0–1 score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    VeryLow,
    Low,
    Medium,
    High,
    VeryHigh,
}

impl Confidence {
    /// The documented mapping: ≥ 0.95 very_high, ≥ 0.80 high, ≥ 0.60 medium, ≥ 0.40 low,
    /// below that very_low.
    pub fn of(score: f64) -> Confidence {
        if score >= 0.95 {
            Confidence::VeryHigh
        } else if score >= 0.80 {
            Confidence::High
        } else if score >= 0.60 {
            Confidence::Medium
        } else if score >= 0.40 {
            Confidence::Low
        } else {
            Confidence::VeryLow
        }
    }

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::VeryLow => "very_low",
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
            Confidence::VeryHigh => "very_high",
        }
    }

    /// The confidence named `s`.
    pub fn parse(s: &str) -> Option<Confidence> {
        [
            Confidence::VeryLow,
            Confidence::Low,
            Confidence::Medium,
            Confidence::High,
            Confidence::VeryHigh,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

fn serialize_paths<S: Serializer>(v: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|p| paths::JsonPath::new(p)))
}

/// One file of a group (one inode: its other names are `links`).
#[derive(Debug, Clone, Serialize)]
pub struct GroupFile {
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    pub size: u64,
    pub keep: bool,
    /// Why this file is kept, or why it ranks below the keeper.
    pub why: String,
    /// Other paths of the same inode (hard links): the same file, never counted as waste.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "serialize_paths"
    )]
    pub links: Vec<PathBuf>,
    /// The stat the decision was made on (re-checked before acting).
    #[serde(skip)]
    pub stat: Stat,
    /// The full BLAKE3 when it was computed (exact and partial groups).
    #[serde(skip)]
    pub blake3: Option<[u8; 32]>,
}

/// A set of files that duplicate each other in some way.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub kind: Kind,
    /// 0–1: how likely the non-keepers are redundant.
    pub score: f64,
    pub confidence: Confidence,
    /// Bytes that acting would free: every file but the keeper (hard links count once).
    pub wasted_bytes: u64,
    /// The recommended keeper.
    #[serde(serialize_with = "paths::serialize")]
    pub keep: PathBuf,
    /// The recommended action: `remove` (or `link`) for exact copies and partials,
    /// `review` for the name-based kinds.
    pub action: &'static str,
    /// What the files share: a BLAKE3 for exact groups, a title for media groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// What moved a media group's score from 0.90: `ids agree`, `no year on one side`,
    /// ... (empty for the other kinds and for clean names).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<&'static str>,
    pub files: Vec<GroupFile>,
}

impl Group {
    /// Build a group from its files (exactly one has `keep`), computing the waste.
    pub fn new(kind: Kind, score: f64, key: Option<String>, files: Vec<GroupFile>) -> Group {
        let keep = files
            .iter()
            .find(|f| f.keep)
            .map(|f| f.path.clone())
            .unwrap_or_default();
        let wasted_bytes = files.iter().filter(|f| !f.keep).map(|f| f.size).sum();
        let action = if kind.content_verified() {
            "remove"
        } else {
            "review"
        };
        Group {
            kind,
            score,
            confidence: Confidence::of(score),
            wasted_bytes,
            keep,
            action,
            key,
            evidence: Vec::new(),
            files,
        }
    }

    /// The keeper.
    pub fn keeper(&self) -> Option<&GroupFile> {
        self.files.iter().find(|f| f.keep)
    }
}

/// Totals for one kind.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct KindTotals {
    pub groups: u64,
    pub files: u64,
    pub wasted_bytes: u64,
}

/// How much reading the detection needed (zero on a warm catalog and unchanged tree).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Hashing {
    /// Bytes read from files to hash them, all stages together.
    pub bytes_read: u64,
    /// Digests computed now, per stage.
    pub head: u64,
    pub tail: u64,
    pub full: u64,
    pub prefix: u64,
    /// Digests taken from the catalog cache instead of the file.
    pub cached: u64,
}

/// Totals of a detection run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub groups: u64,
    /// Files in groups (hard links count once).
    pub files: u64,
    pub wasted_bytes: u64,
    pub by_kind: BTreeMap<&'static str, KindTotals>,
    /// Files seen by the scan of the roots.
    pub scanned_files: u64,
    /// Distinct files (inodes) at or above `--min-size`.
    pub candidates: u64,
    /// Files that have more than one name (hard links): one file, no waste.
    pub hardlinks: u64,
    pub hashing: Hashing,
    pub scan_errors: u64,
    /// Seconds per phase: the catalog update (scan), the content detectors, the name
    /// detectors (parsing included).
    pub timings: Timings,
    pub elapsed_secs: f64,
}

/// Seconds spent in each phase of detection.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timings {
    pub scan_secs: f64,
    pub content_secs: f64,
    pub names_secs: f64,
    /// The part of `names_secs` spent parsing names.
    pub parse_secs: f64,
}

impl Summary {
    /// Totals of `groups`.
    pub fn of(groups: &[Group]) -> Summary {
        let mut s = Summary::default();
        for g in groups {
            s.groups += 1;
            s.files += g.files.len() as u64;
            s.wasted_bytes += g.wasted_bytes;
            let k = s.by_kind.entry(g.kind.as_str()).or_default();
            k.groups += 1;
            k.files += g.files.len() as u64;
            k.wasted_bytes += g.wasted_bytes;
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_mapping() {
        assert_eq!(Confidence::of(1.0), Confidence::VeryHigh);
        assert_eq!(Confidence::of(0.85), Confidence::High);
        assert_eq!(Confidence::of(0.6), Confidence::Medium);
        assert_eq!(Confidence::of(0.45), Confidence::Low);
        assert_eq!(Confidence::of(0.1), Confidence::VeryLow);
        assert!(Confidence::High > Confidence::Medium);
        assert_eq!(Confidence::parse("very_high"), Some(Confidence::VeryHigh));
        assert_eq!(Kind::parse("similar_name"), Some(Kind::SimilarName));
    }
}
