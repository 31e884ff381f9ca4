//! Times the release-name parser over the corpus names on one thread, side by side with
//! the `hunch` crate (a guessit-vocabulary parser) on the same names.
//!
//! Run by `scripts/bench-names` (which also times guessit); on its own:
//! `cargo bench --bench parse -- [SECONDS]`. Rates are reported twice: per wall-clock
//! second, and per second of this thread's CPU time, which stays meaningful when other
//! processes share the cores. One `RESULT name wall_rate cpu_rate` line per parser is
//! printed for the script to read, after a human-readable line.

use std::hint::black_box;
use std::time::{Duration, Instant};

const CORPUS: &str = include_str!("../tests/data/names-dev.jsonl");

/// The `input` field of each corpus line.
fn names() -> Vec<String> {
    CORPUS
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["input"].as_str().map(str::to_string))
        .collect()
}

/// CPU time consumed by the calling thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own; the clock id is valid.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Parses every name repeatedly for about `budget`; returns names per wall second and
/// per CPU second.
fn time<F: FnMut(&str)>(names: &[String], budget: Duration, mut f: F) -> (f64, f64) {
    // Warm up (tables, caches) before the clock starts.
    for n in names {
        f(n);
    }
    let (start, cpu0) = (Instant::now(), thread_cpu());
    let mut done = 0u64;
    while start.elapsed() < budget {
        for n in names {
            f(n);
        }
        done += names.len() as u64;
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = (thread_cpu() - cpu0).as_secs_f64().max(1e-9);
    (done as f64 / wall, done as f64 / cpu)
}

fn main() {
    // `cargo bench` passes `--bench`; the only argument we take is a number of seconds.
    let secs: f64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(3.0);
    let budget = Duration::from_secs_f64(secs);
    let names = names();
    let (w, c) = time(&names, budget, |n| {
        black_box(plexsync::media::parse(black_box(n)));
    });
    println!(
        "plexsync {w:>12.0} names/s wall, {c:>12.0} names/s CPU, {} names",
        names.len()
    );
    println!("RESULT plexsync {w:.0} {c:.0}");
    let (w, c) = time(&names, budget, |n| {
        let _ = black_box(hunch::hunch(black_box(n)));
    });
    println!(
        "hunch    {w:>12.0} names/s wall, {c:>12.0} names/s CPU, {} names",
        names.len()
    );
    println!("RESULT hunch {w:.0} {c:.0}");
}
