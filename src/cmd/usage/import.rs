//! `plexsync usage import`: options to [`ImportOptions`] (maps, the server's zone), then the
//! summary line, the zone naive times were read in, and warnings for rows left out and
//! plays kept for a later import.

use anyhow::{bail, Context, Result};
use plexsync::catalog::now_secs;
use plexsync::output::{count, thousands};
use plexsync::paths;
use plexsync::usage::import::{self, ImportOptions, Source};
use plexsync::usage::time::{iso_utc, local_zone, parse_zone, zone_label};

use crate::cmd::Ctx;

/// `usage import`: read a source, print what it gave and what needs attention.
pub fn run(ctx: &Ctx, a: &crate::cli::UsageImportArgs) -> Result<i32> {
    let source = Source::parse(&a.source).context("unknown source")?;
    let mut dbs = a.db.clone();
    if dbs.is_empty() {
        if source == Source::Legacy {
            dbs.push(plexsync::catalog::home_dir().join(".plexsync/usage.db"));
        } else {
            bail!(
                "usage import {}: give the database with --db PATH",
                a.source
            );
        }
    }
    let mut maps = Vec::new();
    for m in ctx.config.usage.map.iter().chain(a.map.iter()) {
        maps.push(import::parse_map(m)?);
    }
    let (server_tz, server_tz_label) = server_zone(ctx, a, source)?;
    let opts = ImportOptions {
        source,
        dbs,
        maps,
        plex_db: a.plex_db.clone(),
        full: a.full,
        dry_run: a.dry_run,
        server_tz,
        server_tz_label,
    };
    let cat = ctx.catalog()?;
    let out = &ctx.out;
    let mut shown = 0u64;
    let bar = ctx.progress();
    let sum = import::import(&cat, &opts, now_secs(), &bar, &mut |u| {
        if !a.show_unmatched {
            return;
        }
        shown += 1;
        out.emit("unmatched", u);
        out.line(format!(
            "unmatched  {}  {}{}",
            iso_utc(u.at),
            paths::escape_bytes(u.server_path.as_bytes()),
            match &u.local_path {
                Some(p) if p.as_os_str() != u.server_path.as_str() =>
                    format!("  (as {})", paths::display(p)),
                _ => String::new(),
            }
        ));
    })?;
    out.emit("summary", &sum);
    for (why, n) in &sum.skipped_by {
        out.warn(format_args!(
            "{}: {} left out ({why})",
            sum.source,
            count(*n, "row")
        ));
    }
    if sum.unmatched > 0 && sum.matched == 0 {
        out.warn(format_args!(
            "{}: no play matched a local file ({} read; is a --map FROM=TO missing? --show-unmatched lists them); the next import reads {} again",
            sum.source,
            thousands(sum.plays),
            if sum.plays == 1 { "it" } else { "them" }
        ));
    } else if sum.watermark_held {
        out.warn(format_args!(
            "{}: {} matched no local file; the next import reads {} again (with --map FROM=TO, or after a scan)",
            sum.source,
            count(sum.unmatched, "play"),
            if sum.unmatched == 1 { "it" } else { "them" }
        ));
    }
    out.line(format!(
        "{}{}: {} read, {} matched to local files, {} unmatched; {} imported, {} already known{}",
        if sum.dry_run { "dry run: " } else { "" },
        sum.source,
        count(sum.plays, "play"),
        thousands(sum.matched),
        thousands(sum.unmatched),
        thousands(sum.imported),
        thousands(sum.duplicates),
        if sum.unmatched > 0 && !a.show_unmatched {
            " (list them with --show-unmatched; fix paths with --map FROM=TO)"
        } else {
            ""
        }
    ));
    if let Some(tz) = &sum.server_tz {
        out.line(format!("{}: wall-clock times read in {tz}", sum.source));
    }
    if sum.users_renamed > 0 {
        out.line(format!(
            "{}: {} imported before now carry their user's name",
            sum.source,
            count(sum.users_renamed, "play")
        ));
    }
    Ok(ctx.finish(a.exit_code && sum.unmatched > 0))
}

/// The zone a source's wall-clock times are read in, and how to name it: `--server-tz`,
/// else `[usage.server_tz]` for the source, else this machine's.
fn server_zone(
    ctx: &Ctx,
    a: &crate::cli::UsageImportArgs,
    source: Source,
) -> Result<(jiff::tz::TimeZone, String)> {
    for key in ctx.config.usage.server_tz.keys() {
        if Source::parse(key).is_none() {
            bail!(
                "[usage.server_tz] {key:?} is not an import source (plex, tautulli, jellyfin, kodi, legacy)"
            );
        }
    }
    if let Some(z) = &a.server_tz {
        let tz = parse_zone(z).context("--server-tz")?;
        return Ok((tz.clone(), format!("{} (--server-tz)", zone_label(&tz))));
    }
    if let Some(z) = ctx.config.usage.server_tz.get(source.as_str()) {
        let tz = parse_zone(z).with_context(|| format!("[usage.server_tz] {}", source.as_str()))?;
        return Ok((
            tz.clone(),
            format!(
                "{} ([usage.server_tz] {})",
                zone_label(&tz),
                source.as_str()
            ),
        ));
    }
    let tz = local_zone();
    Ok((
        tz.clone(),
        format!("{} (this machine's zone)", zone_label(&tz)),
    ))
}
