//! `plexsync scan PATH... [--hash]`

use anyhow::Result;
use plexsync::output::{count, human_bytes, thousands};
use plexsync::paths;
use plexsync::scan::{self, Event, ScanOptions};

use super::Ctx;
use crate::cli::ScanArgs;

pub fn run(ctx: &Ctx, args: &ScanArgs) -> Result<i32> {
    let mut cat = ctx.catalog()?;
    let opts = ScanOptions {
        hash: args.hash,
        follow: args.follow,
        jobs: ctx.jobs,
    };
    let bar = ctx.progress();
    let started = std::time::Instant::now();
    let out = &ctx.out;
    let summary = scan::scan(&mut cat, &args.paths, &opts, &bar, &mut |ev| match ev {
        Event::File(f) => {
            out.emit("file", &f);
            out.verbose(
                1,
                format_args!("{:?} {}", f.change, paths::display(&f.path)),
            );
        }
        Event::Error(Some(p), msg) => out.error(format_args!("{}: {msg}", paths::display(&p))),
        Event::Error(None, msg) => out.error(msg),
        Event::Warning(p, msg) => out.warn(format_args!("{}: {msg}", paths::display(&p))),
    })?;
    let secs = started.elapsed().as_secs_f64();
    if out.json() {
        #[derive(serde::Serialize)]
        struct Summary<'a> {
            #[serde(flatten)]
            s: &'a scan::ScanSummary,
            elapsed_secs: f64,
        }
        out.emit(
            "summary",
            &Summary {
                s: &summary,
                elapsed_secs: secs,
            },
        );
    } else {
        out.line(format!(
            "{} ({}): {} new, {} changed, {} missing, {} hashed ({}){}{} in {:.2}s",
            count(summary.files, "file"),
            human_bytes(summary.bytes),
            thousands(summary.new),
            thousands(summary.changed),
            thousands(summary.missing),
            thousands(summary.hashed),
            human_bytes(summary.hashed_bytes),
            if summary.skipped > 0 {
                format!(", {} special skipped", thousands(summary.skipped))
            } else {
                String::new()
            },
            if summary.errors > 0 {
                format!(", {} errors", thousands(summary.errors))
            } else {
                String::new()
            },
            secs
        ));
    }
    Ok(ctx.finish(false))
}
