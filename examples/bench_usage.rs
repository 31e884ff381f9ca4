//! Benchmark driver for `scripts/bench-usage`: records EVENTS accesses spread over the
//! video files of a scanned folder through the library's batched API
//! (`plexsync::usage::record_batch`), then compares reading every score from the
//! aggregate with recomputing it from the raw events. Prints `key=value` lines.
//!
//! Usage: bench_usage CATALOG MEDIA_DIR EVENTS

use std::path::PathBuf;
use std::time::Instant;

use plexsync::catalog::{now_secs, Catalog};
use plexsync::usage::{self, store, Access, AccessType, ScoreModel};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        anyhow::bail!("usage: bench_usage CATALOG MEDIA_DIR EVENTS");
    }
    let cat = Catalog::open(&PathBuf::from(&args[1]))?;
    let files: Vec<PathBuf> = cat
        .files_under(&plexsync::paths::absolute(&PathBuf::from(&args[2]))?)?
        .into_iter()
        .filter(|f| f.kind == "video")
        .map(|f| f.path)
        .collect();
    anyhow::ensure!(!files.is_empty(), "scan the media folder first");
    let events: usize = args[3].parse()?;
    let now = now_secs();
    // xorshift: reproducible without a dependency.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    // A log is written as time goes by: event i happens at a steady pace over three
    // years (with jitter), so the time index grows at its end as it does in real use.
    let span = 3 * 365 * 86_400i64;
    let start = now - span;
    let batch: usize = std::env::var("BATCH")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(250_000);
    let mut recorded = 0u64;
    let mut spent = 0.0f64;
    let mut done = 0;
    while done < events {
        let n = batch.min(events - done);
        let items: Vec<Access> = (0..n)
            .map(|i| {
                let r = next();
                // Popularity is skewed (u² favours the first files) but every file can be hit.
                let u = (r % 1_000_000) as f64 / 1_000_000.0;
                let idx = (u * u * files.len() as f64) as usize;
                let kind = match (r >> 20) % 20 {
                    0..=11 => AccessType::Viewed,
                    12..=16 => AccessType::Accessed,
                    17..=18 => AccessType::Synced,
                    _ => AccessType::Managed,
                };
                let at =
                    start + span * (done + i) as i64 / events as i64 + ((r >> 32) % 3600) as i64;
                Access::new(files[idx % files.len()].clone(), kind, at, None)
            })
            .collect();
        let t = Instant::now();
        recorded += usage::record_batch(&cat, &items)?;
        spent += t.elapsed().as_secs_f64();
        done += n;
    }
    println!("files={}", files.len());
    println!("recorded={recorded}");
    println!("record_secs={spent:.3}");
    println!("record_rate={:.0}", recorded as f64 / spent);
    let t = Instant::now();
    let aggs = store::aggregates(cat.conn(), &[])?;
    let agg_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let raw = store::aggregates_from_events(cat.conn(), &ScoreModel::days(90.0), None, &[])?;
    let raw_secs = t.elapsed().as_secs_f64();
    anyhow::ensure!(
        aggs.len() == raw.len(),
        "aggregate and raw disagree on files"
    );
    println!("scores_from_aggregate_secs={agg_secs:.4}");
    println!("scores_from_events_secs={raw_secs:.4}");
    Ok(())
}
