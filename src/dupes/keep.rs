//! Which file of a group stays: `best` (per kind: for identical bytes the likely
//! original, for media the best release), `newest`, `oldest`, `largest`, or
//! `path:GLOB` (a file whose path matches, then `best`).

use std::cmp::Ordering;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::catalog::Stat;

/// The keeper rule (`--keep`).
#[derive(Debug, Clone)]
pub enum KeepRule {
    Best,
    Newest,
    Oldest,
    Largest,
    /// Prefer files whose full path matches the glob.
    Path(globset::GlobMatcher),
}

impl KeepRule {
    /// Parse `best|newest|oldest|largest|path:GLOB`.
    pub fn parse(s: &str) -> Result<KeepRule> {
        Ok(match s {
            "best" => KeepRule::Best,
            "newest" => KeepRule::Newest,
            "oldest" => KeepRule::Oldest,
            "largest" => KeepRule::Largest,
            _ => match s.strip_prefix("path:") {
                Some(glob) if !glob.is_empty() => KeepRule::Path(
                    globset::GlobBuilder::new(glob)
                        .literal_separator(false)
                        .build()
                        .with_context(|| format!("invalid --keep glob {glob:?}"))?
                        .compile_matcher(),
                ),
                _ => bail!("invalid --keep {s:?}: use best, newest, oldest, largest or path:GLOB"),
            },
        })
    }
}

/// A candidate keeper: its path and stat.
pub struct Candidate<'a> {
    pub path: &'a Path,
    pub stat: Stat,
    /// The usage log has plays of this path (the copy the media server knows).
    pub watched: bool,
}

/// Choose the keeper among `files` with `rule`; `best` orders two candidates (Less =
/// the first is better) for the kind at hand. Returns its index and why it was kept.
pub fn choose(
    rule: &KeepRule,
    files: &[Candidate],
    best: &dyn Fn(usize, usize) -> Ordering,
    best_why: &str,
) -> (usize, String) {
    let n = files.len();
    let pick = |cmp: &dyn Fn(usize, usize) -> Ordering| -> usize {
        (0..n)
            .min_by(|&a, &b| cmp(a, b).then_with(|| best(a, b)))
            .unwrap_or(0)
    };
    match rule {
        KeepRule::Best => (pick(&|_, _| Ordering::Equal), best_why.to_string()),
        KeepRule::Newest => (
            pick(&|a, b| files[b].stat.mtime_ns.cmp(&files[a].stat.mtime_ns)),
            "kept: newest (--keep newest)".into(),
        ),
        KeepRule::Oldest => (
            pick(&|a, b| files[a].stat.mtime_ns.cmp(&files[b].stat.mtime_ns)),
            "kept: oldest (--keep oldest)".into(),
        ),
        KeepRule::Largest => (
            pick(&|a, b| files[b].stat.size.cmp(&files[a].stat.size)),
            "kept: largest (--keep largest)".into(),
        ),
        KeepRule::Path(m) => {
            let i = pick(&|a, b| m.is_match(files[b].path).cmp(&m.is_match(files[a].path)));
            if m.is_match(files[i].path) {
                (i, format!("kept: path matches {}", m.glob()))
            } else {
                (i, format!("{best_why} (no path matches {})", m.glob()))
            }
        }
    }
}

/// How much a name looks like a copy: "copy", "(1)", "~", ".bak", "dup" in its name.
pub fn copy_marks(path: &Path) -> u32 {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut n = 0;
    for w in ["copy", "kopie", "dup", ".bak", "~", "backup"] {
        if name.contains(w) {
            n += 1;
        }
    }
    let b = name.as_bytes();
    if b.windows(3)
        .any(|w| w[0] == b'(' && w[1].is_ascii_digit() && w[2] == b')')
    {
        n += 1;
    }
    n
}

/// The `best` order for identical bytes: the copy that is watched (its path is the one the
/// media server plays and the usage log follows), then fewest copy marks in the name, then
/// the oldest (most likely the original), then the shortest path, then path order.
pub fn original_first(a: &Candidate, b: &Candidate) -> Ordering {
    b.watched
        .cmp(&a.watched)
        .then(copy_marks(a.path).cmp(&copy_marks(b.path)))
        .then(a.stat.mtime_ns.cmp(&b.stat.mtime_ns))
        .then(a.path.as_os_str().len().cmp(&b.path.as_os_str().len()))
        .then(a.path.cmp(b.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(path: &str, size: u64, mtime: i64) -> (std::path::PathBuf, Stat) {
        (
            path.into(),
            Stat {
                dev: 1,
                ino: 0,
                size,
                mtime_ns: mtime,
            },
        )
    }

    #[test]
    fn rules_pick_their_keeper() {
        let raw = [
            c("/m/a/Movie (1).mkv", 10, 1),
            c("/m/b/Movie.mkv", 10, 5),
            c("/m/keep/Movie.mkv", 20, 9),
        ];
        let files: Vec<Candidate> = raw
            .iter()
            .map(|(p, s)| Candidate {
                path: p,
                stat: *s,
                watched: false,
            })
            .collect();
        let best = |a: usize, b: usize| original_first(&files[a], &files[b]);
        assert_eq!(choose(&KeepRule::Best, &files, &best, "best").0, 1);
        assert_eq!(choose(&KeepRule::Oldest, &files, &best, "best").0, 0);
        assert_eq!(choose(&KeepRule::Newest, &files, &best, "best").0, 2);
        assert_eq!(choose(&KeepRule::Largest, &files, &best, "best").0, 2);
        let glob = KeepRule::parse("path:*/keep/*").unwrap();
        assert_eq!(choose(&glob, &files, &best, "best").0, 2);
        assert!(KeepRule::parse("path:").is_err());
        assert!(KeepRule::parse("smallest").is_err());
    }
}
