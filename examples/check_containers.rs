//! Run the library's container check on files and print one tab-separated line each:
//! path, verdict, the format the bytes hold, bytes read, microseconds, and the verdict in
//! words. `scripts/check-containers` uses it to count what is found and what is read.
//!
//!     cargo run --release --example check_containers -- FILE...   (or paths on stdin)

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Instant;

use plexsync::media::container::{self, Verdict};

fn main() {
    let mut files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        files = std::io::stdin()
            .lock()
            .lines()
            .map_while(Result::ok)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect();
    }
    let mut out = std::io::stdout().lock();
    for f in files {
        let t = Instant::now();
        let r = container::inspect(&f);
        let us = t.elapsed().as_micros();
        let line = match r {
            Ok(Some(r)) => {
                let v = match r.verdict {
                    Verdict::Ok => "ok",
                    Verdict::Truncated { .. } => "truncated",
                    Verdict::ZeroTail { .. } => "zero_tail",
                    Verdict::Invalid { .. } => "invalid",
                };
                format!(
                    "{}\t{v}\t{}\t{}\t{us}\t{}",
                    f.display(),
                    r.found.name(),
                    r.bytes_read,
                    r.verdict.describe()
                )
            }
            Ok(None) => format!(
                "{}\tnone\t-\t0\t{us}\tnot a container we check",
                f.display()
            ),
            Err(e) => format!("{}\terror\t-\t0\t{us}\t{e}", f.display()),
        };
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}
