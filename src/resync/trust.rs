//! Whether a source may replace a local file, so that a copy never makes a local file
//! worse. A source that is still changing (its size or mtime moved since it was queued,
//! or it was modified within the settle period: a copy on the server side still being
//! written) is not copied yet. A source that fails the container check its local file
//! passes (cut short, not the promised container) is not copied at all: the local file is
//! kept and the request ends `source_broken`.

use std::path::Path;
use std::time::Duration;

use crate::catalog::Stat;
use crate::media::container::{self, Verdict};
use crate::paths;

/// How long a source must have been left alone before it is copied, by default.
pub const DEFAULT_SETTLE: Duration = Duration::from_secs(300);

/// Why a source with stat `now` is still changing, if it is: its size or mtime moved
/// since `seen` (when it was queued), or its mtime is less than `settle` before `now_ns`
/// (or up to as far after it: a clock a little ahead of ours is no proof that the writer
/// is done; one further ahead is a skewed clock, not a writer). A zero
/// settle period turns the second rule off.
pub fn still_changing(
    now: &Stat,
    seen: Option<(u64, i64)>,
    settle: Duration,
    now_ns: i64,
) -> Option<String> {
    if let Some((size, mtime)) = seen {
        if size != now.size {
            return Some(format!(
                "source still changing: {size} bytes when queued, {} now",
                now.size
            ));
        }
        if mtime != now.mtime_ns {
            return Some("source still changing: modified since it was queued".into());
        }
    }
    let age_ns = now_ns.saturating_sub(now.mtime_ns);
    let settle_ns = i64::try_from(settle.as_nanos()).unwrap_or(i64::MAX);
    // An mtime further ahead than the settle period is a skewed clock, not a writer:
    // waiting for it would hold the file back until the clocks meet.
    if !settle.is_zero() && age_ns < settle_ns && age_ns > -settle_ns {
        let age = if age_ns < 0 {
            "in the future".to_string()
        } else {
            format!("{} s ago", age_ns / 1_000_000_000)
        };
        return Some(format!(
            "source still changing: modified {age}, within the settle period of {} s (--settle)",
            settle.as_secs()
        ));
    }
    None
}

/// When `local` passes its container check and `source` fails it, the source's failure in
/// words; `None` when the rule does not apply (no container to check, or the local file
/// fails too). An error reading the source is an `Err` (it may be offline).
pub fn source_worse(local: &Path, source: &Path) -> Result<Option<String>, String> {
    match container::check(local) {
        Ok(Some(Verdict::Ok)) => {}
        // Not a container we check, broken already, or unreadable: nothing to lose.
        _ => return Ok(None),
    }
    match container::check(source) {
        Ok(Some(v)) if !v.is_ok() => Ok(Some(v.describe())),
        Ok(_) => Ok(None),
        Err(e) => Err(format!("source {}: {e}", paths::display(source))),
    }
}

/// The warning for a local file kept because its source is broken: it names both.
pub fn kept_warning(local: &Path, source: &Path, detail: &str) -> String {
    format!(
        "{}: kept; its source {} fails the container check the local file passes ({detail}): nothing copied",
        paths::display(local),
        paths::display(source)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: i64 = 1_000_000_000;

    fn stat(size: u64, mtime_ns: i64) -> Stat {
        Stat {
            dev: 1,
            ino: 1,
            size,
            mtime_ns,
        }
    }

    #[test]
    fn a_source_moved_since_queued_or_too_fresh_is_still_changing() {
        let settle = Duration::from_secs(300);
        let now = 10_000 * S;
        let old = stat(100, now - 3600 * S);
        assert_eq!(still_changing(&old, None, settle, now), None);
        assert_eq!(
            still_changing(&old, Some((100, old.mtime_ns)), settle, now),
            None
        );
        let grown = still_changing(&old, Some((50, old.mtime_ns)), settle, now).unwrap();
        assert!(grown.contains("50 bytes when queued, 100 now"), "{grown}");
        assert!(still_changing(&old, Some((100, 7)), settle, now).is_some());
        let fresh = still_changing(&stat(100, now - 12 * S), None, settle, now).unwrap();
        assert!(
            fresh.contains("12 s ago") && fresh.contains("300 s"),
            "{fresh}"
        );
        let ahead = still_changing(&stat(100, now + 5 * S), None, settle, now).unwrap();
        assert!(ahead.contains("in the future"), "{ahead}");
        // A day ahead: a clock set wrong, not a file being written.
        assert_eq!(
            still_changing(&stat(1, now + 86_400 * S), None, settle, now),
            None
        );
        // The edge: exactly the settle period old is settled; a zero period is no wait.
        assert_eq!(
            still_changing(&stat(1, now - 300 * S), None, settle, now),
            None
        );
        for mtime in [now, now + 5 * S] {
            assert_eq!(
                still_changing(&stat(1, mtime), None, Duration::ZERO, now),
                None
            );
        }
    }

    #[test]
    fn only_a_whole_local_container_is_protected_from_a_broken_source() {
        let d = tempfile::tempdir().unwrap();
        // A real clip (scripts/make-resync-fixtures) and its first half.
        let whole = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/resync/clip.mkv"
        ))
        .unwrap();
        let cut = &whole[..whole.len() / 2];
        let put = |name: &str, b: &[u8]| {
            let p = d.path().join(name);
            std::fs::write(&p, b).unwrap();
            p
        };
        let (good, bad) = (put("good.mkv", &whole), put("bad.mkv", cut));
        let other = put("notes.txt", b"x");
        let worse = source_worse(&good, &bad).unwrap().unwrap();
        assert!(worse.contains("cut short"), "{worse}");
        assert_eq!(source_worse(&good, &good).unwrap(), None);
        assert_eq!(source_worse(&bad, &bad).unwrap(), None);
        assert_eq!(source_worse(&other, &other).unwrap(), None);
        assert!(source_worse(&good, &d.path().join("gone.mkv")).is_err());
        let w = kept_warning(&good, &bad, &worse);
        assert!(w.contains("good.mkv") && w.contains("bad.mkv"), "{w}");
    }
}
