//! Terminal progress: an indicatif bar on stderr, drawn only when stderr is a terminal
//! and `-q` is off; otherwise every call is a no-op.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use plexsync::progress::Progress;

/// Progress drawn with indicatif: one total bar, plus a bar per item in flight (each file
/// being copied) when the engine reports items.
pub struct Bar {
    multi: Option<MultiProgress>,
    pb: Option<ProgressBar>,
    children: Mutex<HashMap<u64, ProgressBar>>,
    items: AtomicU64,
    items_total: AtomicU64,
    unit: Mutex<&'static str>,
}

impl Bar {
    /// A bar when stderr is a terminal and not quiet; invisible otherwise.
    pub fn new(quiet: bool) -> Bar {
        let multi = (!quiet && console::Term::stderr().is_term())
            .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(10)));
        let pb = multi.as_ref().map(|m| {
            let pb = m.add(ProgressBar::new_spinner());
            pb.enable_steady_tick(Duration::from_millis(120));
            pb
        });
        Bar {
            multi,
            pb,
            children: Mutex::new(HashMap::new()),
            items: AtomicU64::new(0),
            items_total: AtomicU64::new(0),
            unit: Mutex::new("files"),
        }
    }
}

impl Progress for Bar {
    fn phase(&self, name: &str, items: Option<u64>, bytes: Option<u64>) {
        let Some(pb) = &self.pb else { return };
        self.items.store(0, Ordering::Relaxed);
        self.items_total
            .store(items.unwrap_or(0), Ordering::Relaxed);
        self.items_are("files");
        pb.reset();
        match bytes {
            Some(total) => {
                pb.set_length(total);
                pb.set_style(
                    ProgressStyle::with_template(
                        "{prefix:>9} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} ETA {eta}",
                    )
                    .expect("valid template")
                    .progress_chars("=> "),
                );
            }
            None => {
                pb.unset_length();
                pb.set_style(
                    ProgressStyle::with_template("{prefix:>9} {spinner} {msg}")
                        .expect("valid template"),
                );
            }
        }
        pb.set_prefix(name.to_string());
        pb.set_message(String::new());
    }

    fn advance(&self, items: u64, bytes: u64) {
        let Some(pb) = &self.pb else { return };
        if bytes > 0 && pb.length().is_some() {
            pb.inc(bytes);
        }
        if items > 0 {
            let n = self.items.fetch_add(items, Ordering::Relaxed) + items;
            // Formatting on every file would cost more than the work it reports.
            if n < 2000 || n.is_multiple_of(128) || n == self.items_total.load(Ordering::Relaxed) {
                let total = self.items_total.load(Ordering::Relaxed);
                let unit = *self.unit.lock().unwrap_or_else(|e| e.into_inner());
                if total > 0 {
                    pb.set_message(format!("{n}/{total} {unit}"));
                } else {
                    pb.set_message(format!("{n} {unit}"));
                }
            }
        }
    }

    fn items_are(&self, unit: &'static str) {
        *self.unit.lock().unwrap_or_else(|e| e.into_inner()) = unit;
    }

    fn finish(&self) {
        if let Some(pb) = &self.pb {
            pb.finish_and_clear();
        }
    }

    fn item_start(&self, id: u64, name: &str, bytes: u64) {
        let Some(multi) = &self.multi else { return };
        let child = multi.add(ProgressBar::new(bytes));
        child.set_style(
            ProgressStyle::with_template(
                "          {bytes:>10}/{total_bytes:<10} {binary_bytes_per_sec:>12} {wide_msg}",
            )
            .expect("valid template"),
        );
        child.set_message(name.to_string());
        self.children
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, child);
    }

    fn item_advance(&self, id: u64, bytes: u64) {
        if self.multi.is_none() {
            return;
        }
        if let Some(c) = self
            .children
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
        {
            c.inc(bytes);
        }
    }

    fn item_done(&self, id: u64) {
        let Some(multi) = &self.multi else { return };
        if let Some(c) = self
            .children
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id)
        {
            c.finish_and_clear();
            multi.remove(&c);
        }
    }
}
