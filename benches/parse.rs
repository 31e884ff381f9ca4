//! Times the release-name parser over the corpus names on one thread, side by side with
//! the `hunch` crate (a guessit-vocabulary parser) on the same names.
//!
//! Run by `scripts/bench-names` (which also times guessit); on its own:
//! `cargo bench --bench parse -- [SECONDS]`. Prints one `RESULT name names_per_second`
//! line per parser for the script to read, after a human-readable line.

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

/// Parses every name repeatedly for about `budget`; returns names per second.
fn time<F: FnMut(&str)>(names: &[String], budget: Duration, mut f: F) -> f64 {
    // Warm up (tables, caches) before the clock starts.
    for n in names {
        f(n);
    }
    let start = Instant::now();
    let mut done = 0u64;
    while start.elapsed() < budget {
        for n in names {
            f(n);
        }
        done += names.len() as u64;
    }
    done as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    // `cargo bench` passes `--bench`; the only argument we take is a number of seconds.
    let secs: f64 = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(3.0);
    let budget = Duration::from_secs_f64(secs);
    let names = names();
    let ours = time(&names, budget, |n| {
        black_box(plexsync::media::parse(black_box(n)));
    });
    println!("plexsync  {:>12.0} names/s over {} names", ours, names.len());
    println!("RESULT plexsync {ours:.0}");
    let hunch = time(&names, budget, |n| {
        let _ = black_box(hunch::hunch(black_box(n)));
    });
    println!("hunch     {:>12.0} names/s over {} names", hunch, names.len());
    println!("RESULT hunch {hunch:.0}");
}
