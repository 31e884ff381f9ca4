//! `plexsync usage record | import | report | show | recommend | prune | reset | export`:
//! the command glue around `plexsync::usage` (parsing arguments, printing tables or JSON).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use plexsync::catalog::now_secs;
use plexsync::output::{count, human_bytes, table, thousands};
use plexsync::paths;
use plexsync::usage::recommend::{self, Kind, Rules};
use plexsync::usage::report::{self, FileUsage, Scope};
use plexsync::usage::time::{iso_utc, parse_user_time};
use plexsync::usage::{self as engine, store, Access, AccessType, Category, ScoreModel};
use serde::Serialize;

mod import;

use super::Ctx;
use crate::cli::{HalfLifeArg, UsageArgs, UsageCmd};

/// Dispatch a `usage` verb.
pub fn run(ctx: &Ctx, args: &UsageArgs) -> Result<i32> {
    match &args.cmd {
        UsageCmd::Record(a) => record(ctx, a),
        UsageCmd::Import(a) => import::run(ctx, a),
        UsageCmd::Report(a) => report_cmd(ctx, &a.paths, a.since.as_deref(), a.limit, &a.half_life),
        UsageCmd::Show(a) => show(ctx, a),
        UsageCmd::Recommend(a) => recommend_cmd(ctx, a),
        UsageCmd::Prune(a) => prune(ctx, a),
        UsageCmd::Reset(a) => reset(ctx, a),
        UsageCmd::Export(a) => export(ctx, a),
    }
}

fn model(ctx: &Ctx, arg: &HalfLifeArg) -> Result<ScoreModel> {
    let days = arg
        .half_life
        .or(ctx.config.usage.half_life_days)
        .unwrap_or(90.0);
    if !(days.is_finite() && days > 0.0) {
        bail!("half-life must be a positive number of days (got {days})");
    }
    Ok(ScoreModel::days(days))
}

fn when(t: Option<i64>) -> String {
    t.map(iso_utc).unwrap_or_else(|| "-".to_string())
}

fn record(ctx: &Ctx, a: &crate::cli::UsageRecordArgs) -> Result<i32> {
    let now = now_secs();
    let kind = AccessType::parse(&a.kind).context("unknown access type")?;
    let at = match &a.at {
        Some(t) => parse_user_time(t, now).with_context(|| format!("--at {t:?}"))?,
        None => now,
    };
    let mut meta = match &a.meta {
        Some(text) => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(m)) => Some(m),
            Ok(_) => bail!("--meta must be a JSON object, like '{{\"user\":\"ann\"}}'"),
            Err(e) => bail!("--meta is not valid JSON: {e}"),
        },
        None => None,
    };
    if let Some(u) = &a.user {
        meta.get_or_insert_with(Default::default)
            .insert("user".into(), u.clone().into());
    }
    let meta = meta.map(serde_json::Value::Object);
    let mut items = Vec::new();
    for p in &a.paths {
        let abs = engine::key_path(p).with_context(|| format!("resolving {}", p.display()))?;
        match std::fs::metadata(&abs) {
            Ok(m) if m.is_file() => items.push(Access::new(abs, kind, at, meta.clone())),
            Ok(_) => ctx
                .out
                .error(format_args!("{}: not a regular file", paths::display(&abs))),
            Err(e) => ctx.out.error(format_args!("{}: {e}", paths::display(&abs))),
        }
    }
    let cat = ctx.catalog()?;
    let n = engine::record_batch(&cat, &items)?;
    #[derive(Serialize)]
    struct Recorded<'a> {
        #[serde(serialize_with = "paths::serialize")]
        path: &'a Path,
        access_type: AccessType,
        at: i64,
        timestamp: String,
    }
    for it in &items {
        ctx.out.emit(
            "recorded",
            &Recorded {
                path: &it.path,
                access_type: it.kind,
                at: it.at,
                timestamp: iso_utc(it.at),
            },
        );
        ctx.out.verbose(
            1,
            format_args!("recorded {} {}", it.kind.as_str(), paths::display(&it.path)),
        );
    }
    #[derive(Serialize)]
    struct Summary {
        recorded: u64,
        errors: usize,
    }
    ctx.out.emit(
        "summary",
        &Summary {
            recorded: n,
            errors: ctx.out.error_count(),
        },
    );
    if !ctx.out.mode().quiet {
        ctx.out.line(format!(
            "recorded {} {} access{}",
            n,
            kind.as_str(),
            if n == 1 { "" } else { "es" }
        ));
    }
    Ok(ctx.finish(false))
}

fn scope(ctx: &Ctx, roots: &[PathBuf], since: Option<&str>, hl: &HalfLifeArg) -> Result<Scope> {
    let now = now_secs();
    let since = since
        .map(|s| parse_user_time(s, now).with_context(|| format!("--since {s:?}")))
        .transpose()?;
    let roots = roots
        .iter()
        .map(|r| {
            let p = paths::absolute(r)?;
            std::fs::metadata(&p).with_context(|| paths::display(&p))?;
            Ok(p)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Scope {
        roots,
        model: model(ctx, hl)?,
        since,
        now,
        jobs: ctx.jobs,
    })
}

fn collect(ctx: &Ctx, scope: &Scope) -> Result<Vec<FileUsage>> {
    let cat = ctx.catalog()?;
    if !report::uses_aggregates(&cat, &scope.model, scope.since)? {
        if let Some(t) = store::pruned_before(cat.conn())? {
            ctx.out.warn(format_args!(
                "events before {} were pruned; scores at this half-life or with --since count only later events",
                iso_utc(t)
            ));
        }
    }
    let c = report::collect(&cat, scope)?;
    for e in c.errors {
        ctx.out.error(e);
    }
    Ok(c.files)
}

fn file_row(f: &FileUsage) -> Vec<String> {
    vec![
        format!("{:.0}", f.score),
        f.category.label().to_string(),
        thousands(f.plays),
        when(f.last_viewed),
        human_bytes(f.bytes),
        paths::display(&f.path),
    ]
}

const FILE_HEADER: [&str; 6] = ["score", "category", "plays", "last viewed", "size", "path"];

fn report_cmd(
    ctx: &Ctx,
    roots: &[PathBuf],
    since: Option<&str>,
    limit: usize,
    hl: &HalfLifeArg,
) -> Result<i32> {
    let scope = scope(ctx, roots, since, hl)?;
    let files = collect(ctx, &scope)?;
    let rep = report::build(&files, limit);
    let out = &ctx.out;
    if out.json() {
        #[derive(Serialize)]
        struct Ranked<'a> {
            rank: &'static str,
            #[serde(flatten)]
            file: &'a FileUsage,
        }
        for f in &rep.top {
            out.emit(
                "usage_file",
                &Ranked {
                    rank: "top",
                    file: f,
                },
            );
        }
        for f in &rep.bottom {
            out.emit(
                "usage_file",
                &Ranked {
                    rank: "bottom",
                    file: f,
                },
            );
        }
        for s in &rep.shows {
            out.emit("usage_show", s);
        }
        #[derive(Serialize)]
        struct Summary<'a> {
            #[serde(flatten)]
            totals: &'a report::Totals,
            half_life_days: f64,
            #[serde(skip_serializing_if = "Option::is_none")]
            since: Option<i64>,
            now: i64,
        }
        out.emit(
            "summary",
            &Summary {
                totals: &rep.totals,
                half_life_days: scope.model.half_life_secs / 86_400.0,
                since: scope.since,
                now: scope.now,
            },
        );
        return Ok(ctx.finish(false));
    }
    let t = &rep.totals;
    out.line(format!(
        "{} ({}): {} watched ({}), {} never watched ({}), {} in progress, {}",
        count(t.files, "file"),
        human_bytes(t.bytes),
        thousands(t.watched.files),
        human_bytes(t.watched.bytes),
        thousands(t.never_watched.files),
        human_bytes(t.never_watched.bytes),
        thousands(t.in_progress),
        count(t.plays, "play")
    ));
    let rows: Vec<Vec<String>> = Category::ALL
        .iter()
        .map(|c| {
            let n = t.by_category.get(c).copied().unwrap_or_default();
            vec![
                c.label().to_string(),
                thousands(n.files),
                human_bytes(n.bytes),
            ]
        })
        .collect();
    out.line(table(&["category", "files", "bytes"], &rows));
    if !rep.top.is_empty() {
        out.line("\ntop files");
        out.line(table(
            &FILE_HEADER,
            &rep.top.iter().map(file_row).collect::<Vec<_>>(),
        ));
    }
    if !rep.bottom.is_empty() {
        out.line("\nbottom files");
        out.line(table(
            &FILE_HEADER,
            &rep.bottom.iter().map(file_row).collect::<Vec<_>>(),
        ));
    }
    if !rep.shows.is_empty() {
        out.line("\nshows");
        let rows: Vec<Vec<String>> = rep
            .shows
            .iter()
            .take(limit.max(1) * 2)
            .map(|s| {
                vec![
                    paths::escape_bytes(s.show.as_bytes()),
                    format!("{}/{}", s.watched, s.episodes),
                    thousands(s.plays),
                    when(s.last_viewed),
                    human_bytes(s.bytes),
                ]
            })
            .collect();
        out.line(table(
            &["show", "watched/episodes", "plays", "last viewed", "size"],
            &rows,
        ));
    }
    Ok(ctx.finish(false))
}

fn show(ctx: &Ctx, a: &crate::cli::UsageShowArgs) -> Result<i32> {
    let path = engine::key_path(&a.path)?;
    let m = model(ctx, &a.half_life)?;
    let cat = ctx.catalog()?;
    let now = now_secs();
    let agg = if report::uses_aggregates(&cat, &m, None)? {
        store::aggregate_of(cat.conn(), &path)?
    } else {
        store::aggregates_from_events(cat.conn(), &m, None, std::slice::from_ref(&path))?
            .remove(paths::to_bytes(&path))
    };
    let events = store::history(cat.conn(), &path, a.limit)?;
    let agg = agg.unwrap_or_default();
    let decayed = m.value_at((agg.score, agg.score_at), now);
    let score = plexsync::usage::score::scale(decayed);
    #[derive(Serialize)]
    struct Shown<'a> {
        #[serde(serialize_with = "paths::serialize")]
        path: &'a Path,
        score: f64,
        category: Category,
        decayed: f64,
        plays: u64,
        events: u64,
        users: u64,
        first_access: Option<i64>,
        last_access: Option<i64>,
        last_viewed: Option<i64>,
        in_progress: bool,
        half_life_days: f64,
    }
    let shown = Shown {
        path: &path,
        score,
        category: Category::of(score),
        decayed,
        plays: agg.plays,
        events: agg.events,
        users: agg.users,
        first_access: agg.first_at,
        last_access: agg.last_at,
        last_viewed: agg.last_viewed,
        in_progress: agg.in_progress(),
        half_life_days: m.half_life_secs / 86_400.0,
    };
    let out = &ctx.out;
    if out.json() {
        for e in &events {
            out.emit("access", e);
        }
        out.emit("summary", &shown);
        return Ok(ctx.finish(false));
    }
    out.line(paths::display(&path));
    out.line(format!(
        "  score {:.1} ({}), {}, {}, {}{}",
        score,
        Category::of(score).label(),
        count(agg.plays, "play"),
        count(agg.events, "event"),
        count(agg.users, "user"),
        if shown.in_progress {
            ", in progress"
        } else {
            ""
        }
    ));
    out.line(format!(
        "  first access {}, last access {}, last viewed {}",
        when(agg.first_at),
        when(agg.last_at),
        when(agg.last_viewed)
    ));
    if agg.events == 0 {
        out.line("  no recorded history");
    }
    if !events.is_empty() {
        let rows: Vec<Vec<String>> = events
            .iter()
            .map(|e| {
                vec![
                    format!("  {}", e.timestamp),
                    e.access_type.clone(),
                    e.source.clone(),
                    e.user.clone().unwrap_or_default(),
                ]
            })
            .collect();
        out.line(table(&["  time", "type", "source", "user"], &rows));
    }
    Ok(ctx.finish(false))
}

fn recommend_cmd(ctx: &Ctx, a: &crate::cli::UsageRecommendArgs) -> Result<i32> {
    let scope = scope(ctx, &a.paths, None, &a.half_life)?;
    let files = collect(ctx, &scope)?;
    let rules = Rules {
        min_age_days: a
            .min_age
            .or(ctx.config.usage.cleanup_min_age_days)
            .unwrap_or(30),
        recent_days: a.recent,
        ..Rules::default()
    };
    let recs = recommend::recommend(&files, &rules, scope.now);
    let out = &ctx.out;
    if out.json() {
        for it in &recs.items {
            out.emit("recommendation", it);
        }
        for r in &recs.rollups {
            out.emit("rollup", r);
        }
        #[derive(Serialize)]
        struct Summary<'a> {
            files: u64,
            protected: u64,
            too_new: u64,
            kinds: &'a std::collections::BTreeMap<Kind, recommend::KindTotal>,
            bytes_freed: u64,
        }
        out.emit(
            "summary",
            &Summary {
                files: files.len() as u64,
                protected: recs.protected,
                too_new: recs.too_new,
                kinds: &recs.totals,
                bytes_freed: recs
                    .totals
                    .iter()
                    .filter(|(k, _)| k.frees_space())
                    .map(|(_, t)| t.bytes)
                    .sum(),
            },
        );
        return Ok(ctx.finish(false));
    }
    for kind in Kind::ALL {
        let t = recs.totals.get(&kind).copied().unwrap_or_default();
        out.line(format!(
            "{}: {}, {}{}, confidence {:.0}%",
            out.paint(kind.as_str(), &console::Style::new().bold()),
            count(t.files, "file"),
            human_bytes(t.bytes),
            if kind.frees_space() { " to free" } else { "" },
            t.confidence * 100.0
        ));
        let mut rows: Vec<Vec<String>> = Vec::new();
        for r in recs.rollups.iter().filter(|r| r.kind == kind) {
            rows.push(vec![
                format!("{:.0}%", r.confidence * 100.0),
                human_bytes(r.bytes),
                match r.season_number {
                    Some(n) => format!(
                        "{}/ (season {n} kept flat: all {} episodes)",
                        paths::display(&r.folder),
                        r.files
                    ),
                    None => format!(
                        "{}/ (whole season, {} episodes)",
                        paths::display(&r.folder),
                        r.files
                    ),
                },
            ]);
        }
        for it in recs
            .items
            .iter()
            .filter(|i| i.kind == kind && i.season.is_none())
        {
            rows.push(vec![
                format!("{:.0}%", it.confidence * 100.0),
                human_bytes(it.bytes),
                format!("{}  ({})", paths::display(&it.path), it.reason),
            ]);
        }
        let more = rows.len().saturating_sub(a.limit);
        rows.truncate(a.limit);
        if !rows.is_empty() {
            out.line(table(
                &["  confidence", "size", "file"],
                &rows
                    .into_iter()
                    .map(|mut r| {
                        r[0] = format!("  {}", r[0]);
                        r
                    })
                    .collect::<Vec<_>>(),
            ));
        }
        if more > 0 {
            out.line(format!(
                "  ... and {more} more (--limit, or --json for all)"
            ));
        }
    }
    if recs.protected > 0 {
        out.line(format!(
            "{} in progress or watched in the last {} days left out",
            count(recs.protected, "file"),
            rules.recent_days
        ));
    }
    if recs.too_new > 0 {
        out.line(format!(
            "{} never watched but younger than {} days (--min-age) left out",
            count(recs.too_new, "file"),
            rules.min_age_days
        ));
    }
    Ok(ctx.finish(false))
}

fn prune(ctx: &Ctx, a: &crate::cli::UsagePruneArgs) -> Result<i32> {
    let days = a
        .older_than
        .or(ctx.config.usage.retention_days)
        .unwrap_or(365);
    let before = now_secs() - i64::from(days) * 86_400;
    let cat = ctx.catalog()?;
    let tx = cat.conn().unchecked_transaction()?;
    let n = store::prune(&tx, before, a.dry_run)?;
    tx.commit()?;
    #[derive(Serialize)]
    struct Summary {
        pruned: u64,
        before: i64,
        dry_run: bool,
    }
    ctx.out.emit(
        "summary",
        &Summary {
            pruned: n,
            before,
            dry_run: a.dry_run,
        },
    );
    ctx.out.line(format!(
        "{} {} events older than {} days (before {}); scores keep their contribution",
        if a.dry_run { "would prune" } else { "pruned" },
        thousands(n),
        days,
        iso_utc(before)
    ));
    Ok(ctx.finish(false))
}

fn reset(ctx: &Ctx, a: &crate::cli::UsageResetArgs) -> Result<i32> {
    let cat = ctx.catalog()?;
    let count = store::event_count(cat.conn())?;
    if !a.dry_run && !ctx.confirm(a.yes, &format!("delete all usage history ({count} events)"))? {
        return Ok(ctx.cancelled());
    }
    let n = if a.dry_run {
        count
    } else {
        let tx = cat.conn().unchecked_transaction()?;
        let n = store::reset(&tx)?;
        tx.commit()?;
        n
    };
    #[derive(Serialize)]
    struct Summary {
        deleted: u64,
        dry_run: bool,
    }
    ctx.out.emit(
        "summary",
        &Summary {
            deleted: n,
            dry_run: a.dry_run,
        },
    );
    ctx.out.line(format!(
        "{} {} events and every score",
        if a.dry_run { "would delete" } else { "deleted" },
        thousands(n)
    ));
    Ok(ctx.finish(false))
}

fn export(ctx: &Ctx, a: &crate::cli::UsageExportArgs) -> Result<i32> {
    let r = &a.report;
    let scope = scope(ctx, &r.paths, r.since.as_deref(), &r.half_life)?;
    let mut files = collect(ctx, &scope)?;
    let rep = report::build(&files, r.limit);
    let recs = recommend::recommend(
        &files,
        &Rules {
            min_age_days: ctx.config.usage.cleanup_min_age_days.unwrap_or(30),
            ..Rules::default()
        },
        scope.now,
    );
    files.sort_by(|x, y| x.path.cmp(&y.path));
    #[derive(Serialize)]
    struct Export<'a> {
        generated_at: String,
        now: i64,
        half_life_days: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        since: Option<i64>,
        #[serde(flatten)]
        report: &'a report::Report,
        recommendations: &'a recommend::Recommendations,
        files: &'a [FileUsage],
    }
    let doc = Export {
        generated_at: iso_utc(scope.now),
        now: scope.now,
        half_life_days: scope.model.half_life_secs / 86_400.0,
        since: scope.since,
        report: &rep,
        recommendations: &recs,
        files: &files,
    };
    let target = paths::absolute(&a.out)?;
    if target.is_dir() {
        bail!("{} is a folder; give a file name", paths::display(&target));
    }
    let mut bytes = serde_json::to_vec_pretty(&doc)?;
    bytes.push(b'\n');
    let tmp = plexsync::fsops::temp_path(&target);
    let written = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
        plexsync::fsops::commit(&tmp, &target)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("writing {}", paths::display(&target)));
    }
    #[derive(Serialize)]
    struct Summary {
        #[serde(serialize_with = "paths::serialize")]
        out: PathBuf,
        files: u64,
        bytes: u64,
    }
    ctx.out.emit(
        "summary",
        &Summary {
            out: target.clone(),
            files: files.len() as u64,
            bytes: bytes.len() as u64,
        },
    );
    ctx.out.line(format!(
        "wrote the usage report of {} to {}",
        count(files.len() as u64, "file"),
        paths::display(&target)
    ));
    Ok(ctx.finish(false))
}
