//! What keeps unattended runs (`check && run` from cron) converging: a source root that is
//! there but holds almost none of what was synced from it is an unmounted share (an empty
//! mount point), not a library whose every file was deleted, so nothing is judged against
//! it; and open requests are looked at again by every `check` (see `check`), so one
//! queued against a source that was offline or wrong does not fail every later run.

/// Fewer synced files than this are too few to tell a share from a small library by how
/// many are present; only an empty source root then looks unmounted.
const FEW: u64 = 10;

/// Whether a source root that exists looks unmounted: of `known` files synced from it
/// (whose local copy is there), only `present` are in it, and it holds `files` in all.
/// Empty with anything synced from it, or fewer than a tenth of at least [`FEW`].
pub fn looks_unmounted(known: u64, present: u64, files: u64) -> bool {
    known > 0 && (files == 0 || (known >= FEW && present * 10 < known))
}

/// The warning for a source that looks unmounted.
pub fn unmounted_warning(source: &str, known: u64, present: u64) -> String {
    format!(
        "source {source} looks unmounted: {present} of {known} synced files present; \
         nothing checked or queued against it (mount it and check again; if its files \
         really were renamed or deleted, check with --no-mount-check)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_or_nearly_empty_source_looks_unmounted() {
        // An empty mount point, whatever was synced from it.
        assert!(looks_unmounted(29, 0, 0));
        assert!(looks_unmounted(1, 0, 0));
        // A lost+found or a stray file or two in the mount point of a large library.
        assert!(looks_unmounted(29, 0, 2));
        assert!(looks_unmounted(100, 9, 40));
        // A library that is there, even with many files deleted or new.
        assert!(!looks_unmounted(100, 10, 10));
        assert!(!looks_unmounted(29, 29, 29));
        assert!(!looks_unmounted(29, 5, 5));
        // Too few synced files to tell by the share present: only an empty root counts.
        assert!(!looks_unmounted(5, 0, 3));
        // Nothing synced from it yet: a new library, never unmounted.
        assert!(!looks_unmounted(0, 0, 0));
        assert!(unmounted_warning("/mnt/m", 29, 0)
            .contains("looks unmounted: 0 of 29 synced files present"));
    }
}
