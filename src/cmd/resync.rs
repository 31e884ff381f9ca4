//! `plexsync resync check|run|verify|queue|report`: the glue between the command line and
//! the resync engine (`plexsync::resync`): resolve the library, drive the engine, print
//! human lines or JSON messages, choose the exit code.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use plexsync::catalog::Catalog;
use plexsync::output::{count, format_utc, human_bytes, table, thousands};
use plexsync::paths;
use plexsync::resync::check::{self, Candidate, CheckEvent, CheckOptions, CheckSummary};
use plexsync::resync::repair::{self, RunEvent, RunOptions};
use plexsync::resync::scrub::{self, VerifyOptions};
use plexsync::resync::{backup, report, restore, store, trust, Library, Reason};

use super::Ctx;
use crate::cli::{
    LibraryArgs, QueueAction, Resync, ResyncCheckArgs, ResyncQueueArgs, ResyncReportArgs,
    ResyncRestoreArgs, ResyncRunArgs, ResyncVerifyArgs,
};

/// Dispatch a `resync` subcommand.
pub fn run(ctx: &Ctx, cmd: &Resync) -> Result<i32> {
    match cmd {
        Resync::Check(a) => check_cmd(ctx, a),
        Resync::Run(a) => run_cmd(ctx, a),
        Resync::Verify(a) => verify_cmd(ctx, a),
        Resync::Queue(a) => queue_cmd(ctx, a),
        Resync::Report(a) => report_cmd(ctx, a),
        Resync::Restore(a) => restore_cmd(ctx, a),
    }
}

/// The library the flags name, if any.
fn library(ctx: &Ctx, a: &LibraryArgs) -> Result<Option<Library>> {
    if let Some(name) = &a.library {
        let lib = ctx.config.library(name)?;
        let Some(source) = &lib.source else {
            bail!("library {name:?} has no source in the config");
        };
        return Ok(Some(Library::new(source, &lib.path)?));
    }
    match (&a.source, &a.dest) {
        (Some(s), Some(d)) => Ok(Some(Library::new(s, d)?)),
        _ => Ok(None),
    }
}

fn configured_libraries(ctx: &Ctx) -> Vec<Library> {
    ctx.config
        .library
        .iter()
        .filter_map(|l| Library::new(l.source.as_deref()?, &l.path).ok())
        .collect()
}

fn print_candidates(ctx: &Ctx, cands: &[Candidate]) {
    if ctx.out.json() || cands.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = cands
        .iter()
        .map(|c| {
            vec![
                c.reason.to_string(),
                if c.reason == Reason::Orphaned {
                    "-".into()
                } else {
                    c.priority.to_string()
                },
                c.size.map_or("-".into(), human_bytes),
                paths::display(&c.path),
                c.detail.clone(),
            ]
        })
        .collect();
    ctx.out
        .line(table(&["REASON", "PRIO", "SIZE", "PATH", "DETAIL"], &rows));
}

fn on_check_event<'a>(ctx: &'a Ctx, cands: &'a mut Vec<Candidate>) -> impl FnMut(CheckEvent) + 'a {
    move |ev| match ev {
        CheckEvent::Candidate(c) => {
            ctx.out.emit("candidate", &c);
            cands.push(c);
        }
        CheckEvent::Error(Some(p), msg) => {
            ctx.out.error(format_args!("{}: {msg}", paths::display(&p)))
        }
        CheckEvent::Error(None, msg) => ctx.out.error(msg),
        CheckEvent::Warning(msg) => ctx.out.warn(msg),
    }
}

fn check_cmd(ctx: &Ctx, a: &ResyncCheckArgs) -> Result<i32> {
    let Some(lib) = library(ctx, &a.lib)? else {
        bail!("say which library: --library NAME, or --source DIR --dest DIR");
    };
    let mut cat = ctx.catalog()?;
    let opts = CheckOptions {
        checksum: a.checksum,
        all: a.all,
        priority: a.priority,
        jobs: ctx.jobs,
        dry_run: a.dry_run,
        no_mount_check: a.no_mount_check,
    };
    let (sum, problems) = check_library(ctx, &mut cat, &lib, &opts)?;
    if ctx.out.json() {
        ctx.out.emit("summary", &sum);
    }
    Ok(ctx.finish(a.exit_code && needs_attention(&sum, problems)))
}

/// Whether a check found something for `--exit-code`: a problem, a local file kept from a
/// broken source, or a source that looks unmounted.
fn needs_attention(sum: &CheckSummary, problems: usize) -> bool {
    problems > 0 || sum.source_broken > 0 || sum.source_unmounted
}

/// Check one library, printing its candidates and (human output) its summary line.
/// Returns the summary and how many problems (orphans aside) it found.
fn check_library(
    ctx: &Ctx,
    cat: &mut Catalog,
    lib: &Library,
    opts: &CheckOptions,
) -> Result<(CheckSummary, usize)> {
    let bar = ctx.progress();
    let mut cands = Vec::new();
    let sum = check::check(cat, lib, opts, &bar, &mut on_check_event(ctx, &mut cands))?;
    let problems = cands
        .iter()
        .filter(|c| c.reason != Reason::Orphaned)
        .count();
    if ctx.out.json() {
        return Ok((sum, problems));
    }
    print_candidates(ctx, &cands);
    let mut reasons: Vec<String> = sum
        .by_reason
        .iter()
        .map(|(r, n)| format!("{n} {r}"))
        .collect();
    if sum.broken_at_source > 0 {
        reasons.push(format!(
            "{} broken in the source too (not queued)",
            thousands(sum.broken_at_source)
        ));
    }
    if sum.source_broken > 0 {
        reasons.push(format!(
            "{} kept: the source is broken (not queued)",
            thousands(sum.source_broken)
        ));
    }
    if sum.held > 0 {
        reasons.push(format!(
            "{} restored by hand (not queued)",
            thousands(sum.held)
        ));
    }
    let state = if sum.source_unmounted {
        " (looks unmounted)"
    } else if !sum.source_online {
        " (offline)"
    } else {
        ""
    };
    let mut tail = if opts.dry_run {
        " (dry run: nothing queued)".to_string()
    } else if sum.queued > 0 {
        format!("; {} queued (plexsync resync run)", sum.queued)
    } else {
        String::new()
    };
    if sum.cancelled > 0 {
        tail.push_str(&format!(
            "; {} no longer needed (cancelled)",
            count(sum.cancelled, "request")
        ));
    }
    ctx.out.line(format!(
        "{} local files, {} in the source{state}: {} match, {}{tail}",
        thousands(sum.local_files),
        thousands(sum.source_files),
        thousands(sum.matched),
        if sum.source_unmounted {
            "nothing checked against it".to_string()
        } else if reasons.is_empty() {
            "nothing to repair".to_string()
        } else {
            reasons.join(", ")
        },
    ));
    Ok((sum, problems))
}

fn run_cmd(ctx: &Ctx, a: &ResyncRunArgs) -> Result<i32> {
    if !a.dry_run {
        // `resync run | head` must finish the copies it started and record them.
        ctx.out.keep_working_when_closed();
    }
    let cfg = &ctx.config.resync;
    let backoff = a.backoff.or(cfg.backoff).unwrap_or(1.0);
    if !(backoff.is_finite() && backoff >= 0.0) {
        bail!("--backoff must be a number of seconds, 0 or more");
    }
    let lib = library(ctx, &a.lib)?;
    let backup_dir = match a.backup_dir.as_ref().or(cfg.backup_dir.as_ref()) {
        Some(d) => Some(paths::absolute(d).with_context(|| format!("resolving {}", d.display()))?),
        None => None,
    };
    let mut roots: Vec<PathBuf> = configured_libraries(ctx)
        .into_iter()
        .map(|l| l.dest)
        .collect();
    roots.extend(lib.iter().map(|l| l.dest.clone()));
    let mut opts = RunOptions {
        retries: a.retries.or(cfg.retries).unwrap_or(3),
        backoff: Duration::from_secs_f64(backoff),
        resume: !a.no_resume,
        backup: backup::Policy {
            dir: backup_dir,
            days: a
                .backup_days
                .or(cfg.backup_days)
                .unwrap_or(backup::DEFAULT_DAYS),
            roots,
        },
        bwlimit: a.bwlimit.or(cfg.bwlimit).filter(|b| *b > 0),
        jobs: ctx.jobs,
        dry_run: a.dry_run,
        under: lib.as_ref().map(|l| l.dest.clone()),
        skip: Vec::new(),
        settle: a
            .settle
            .or(cfg.settle)
            .map_or(trust::DEFAULT_SETTLE, Duration::from_secs),
    };
    let mut cat = ctx.catalog()?;
    let mut checks = Vec::new();
    if a.check {
        // One command for cron: check, then copy; one exit status for both.
        let libs = match &lib {
            Some(l) => vec![l.clone()],
            None => configured_libraries(ctx),
        };
        if libs.is_empty() {
            bail!("--check: say which library (--library NAME, or --source DIR --dest DIR), or configure some");
        }
        let copts = CheckOptions {
            checksum: a.checksum,
            all: a.all,
            priority: None,
            jobs: ctx.jobs,
            dry_run: a.dry_run,
            no_mount_check: false,
        };
        for l in &libs {
            let (sum, _) = check_library(ctx, &mut cat, l, &copts)?;
            if sum.source_unmounted || !sum.source_online {
                // Copying from it can only fail: its requests wait for the share.
                ctx.out.error(format_args!(
                    "source {} is not there: nothing copied into {}",
                    paths::display(&l.source),
                    paths::display(&l.dest)
                ));
                opts.skip.push(l.dest.clone());
            }
            ctx.out.emit("check", &sum);
            checks.push(sum);
        }
    }
    let bar = ctx.progress();
    let out = &ctx.out;
    let on_event = |ev: RunEvent| match ev {
        RunEvent::Warning(msg) => out.warn(msg),
        RunEvent::Result(o) => {
            out.emit("result", &o);
            print_result(ctx, &o);
        }
    };
    let sum = repair::run(&mut cat, &opts, &bar, &on_event)?;
    if out.json() {
        #[derive(serde::Serialize)]
        struct WithChecks<'a> {
            #[serde(flatten)]
            run: &'a repair::RunSummary,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            checks: &'a [CheckSummary],
        }
        out.emit(
            "summary",
            &WithChecks {
                run: &sum,
                checks: &checks,
            },
        );
    } else if sum.requests == 0 {
        out.line(if a.check {
            "nothing to copy: the queue is empty".to_string()
        } else {
            "the queue is empty: nothing to copy (plexsync resync check finds what needs \
             copying; resync run --check does both)"
                .to_string()
        });
    } else if sum.dry_run {
        out.line(format!(
            "{}: would read {} from the source (dry run: nothing copied)",
            count(sum.requests, "request"),
            human_bytes(sum.read_from_source)
        ));
    } else {
        let mut also = String::new();
        if sum.source_broken > 0 {
            also.push_str(&format!(
                ", {} kept (source broken)",
                thousands(sum.source_broken)
            ));
        }
        if sum.deferred > 0 {
            also.push_str(&format!(
                ", {} deferred (source still changing)",
                thousands(sum.deferred)
            ));
        }
        out.line(format!(
            "{}: {} done, {} failed{also}; {} copied ({} read from the source) in {:.1}s",
            count(sum.requests, "request"),
            thousands(sum.done),
            thousands(sum.failed),
            human_bytes(sum.bytes),
            human_bytes(sum.read_from_source),
            sum.elapsed_secs
        ));
    }
    if !out.json() && sum.backups_pruned > 0 {
        out.line(format!(
            "{} removed (older than {} days)",
            count(sum.backups_pruned, "expired backup"),
            opts.backup.days
        ));
    }
    let code = ctx.finish(false);
    // A local file kept from a broken source is a request not done: the status says so.
    Ok(if sum.source_broken > 0 && !sum.dry_run {
        plexsync::exit::ERROR
    } else {
        code
    })
}

/// One line (or warning) for a request's outcome.
fn print_result(ctx: &Ctx, o: &store::Outcome) {
    let out = &ctx.out;
    let shown = paths::display(&o.path);
    let error = o.error.as_deref().unwrap_or("");
    match o.status.as_str() {
        "failed" if o.attempts == 0 => {
            out.error(format_args!("{shown}: {error} (before the first attempt)"))
        }
        "failed" => out.error(format_args!(
            "{shown}: {error} (after {} attempt{})",
            o.attempts,
            if o.attempts == 1 { "" } else { "s" }
        )),
        // The message names the local file and its source.
        "source_broken" => out.warn(error),
        "deferred" => out.line(format!("deferred {:<12} {shown}: {error}", o.reason)),
        "planned" if o.error.is_some() => out.warn(format_args!("{shown}: {error}")),
        "planned" => out.line(format!(
            "would copy {:<9} {:<12} {shown}{}",
            human_bytes(o.read_from_source),
            o.reason,
            if o.resumed_from > 0 {
                format!(" (resuming after {})", human_bytes(o.resumed_from))
            } else {
                String::new()
            }
        )),
        _ => out.line(format!(
            "copied {:<9} {:<12} {shown}{}{}",
            human_bytes(o.bytes),
            o.reason,
            if o.resumed_from > 0 {
                format!(" (resumed: {} read)", human_bytes(o.read_from_source))
            } else {
                String::new()
            },
            o.backup.as_deref().map_or(String::new(), |b| format!(
                " (the replaced file is kept at {})",
                paths::display(b)
            ))
        )),
    }
}

fn verify_cmd(ctx: &Ctx, a: &ResyncVerifyArgs) -> Result<i32> {
    let lib = library(ctx, &a.lib)?;
    let mut libs = configured_libraries(ctx);
    if let Some(l) = &lib {
        libs.insert(0, l.clone());
    }
    let roots: Vec<PathBuf> = if !a.paths.is_empty() {
        a.paths.clone()
    } else if let Some(l) = &lib {
        vec![l.dest.clone()]
    } else if !ctx.config.library.is_empty() {
        ctx.config.library.iter().map(|l| l.path.clone()).collect()
    } else {
        bail!("say what to verify: PATH..., --library NAME, or --source DIR --dest DIR");
    };
    for r in &roots {
        if std::fs::symlink_metadata(r).is_err() {
            bail!("{}: no such file or folder", r.display());
        }
    }
    let mut cat = ctx.catalog()?;
    let opts = VerifyOptions {
        priority: a.priority,
        jobs: ctx.jobs,
        dry_run: a.dry_run,
    };
    let bar = ctx.progress();
    let mut cands = Vec::new();
    let sum = scrub::verify(
        &mut cat,
        &roots,
        &libs,
        &opts,
        &bar,
        &mut on_check_event(ctx, &mut cands),
    )?;
    if ctx.out.json() {
        ctx.out.emit("summary", &sum);
    } else {
        print_candidates(ctx, &cands);
        ctx.out.line(format!(
            "{}: {} containers checked, {} hashed ({}), {} failed{}{}",
            count(sum.files, "file"),
            thousands(sum.containers_checked),
            thousands(sum.hashed),
            human_bytes(sum.hashed_bytes),
            thousands(sum.failed),
            if sum.broken_at_source > 0 {
                format!(
                    " ({} broken in the source too: not queued)",
                    thousands(sum.broken_at_source)
                )
            } else {
                String::new()
            },
            if sum.queued > 0 {
                format!("; {} queued (plexsync resync run)", sum.queued)
            } else {
                String::new()
            }
        ));
    }
    Ok(ctx.finish(a.exit_code && sum.failed > 0))
}

fn queue_cmd(ctx: &Ctx, a: &ResyncQueueArgs) -> Result<i32> {
    let cat = ctx.catalog()?;
    match &a.action {
        None => list(ctx, &cat, a.all),
        Some(QueueAction::List { all }) => list(ctx, &cat, *all),
        Some(QueueAction::Add {
            paths: files,
            priority,
            lib,
        }) => {
            let lib = library(ctx, lib)?;
            let libs = configured_libraries(ctx);
            let mut added = 0u64;
            for p in files {
                let p = paths::absolute(p).with_context(|| format!("resolving {}", p.display()))?;
                let source = store::synced(&cat, &p)?
                    .map(|s| s.source)
                    .or_else(|| lib.as_ref().and_then(|l| l.source_of(&p)))
                    .or_else(|| libs.iter().find_map(|l| l.source_of(&p)));
                let Some(source) = source else {
                    ctx.out.error(format_args!(
                        "{}: no source known; name one with --source DIR --dest DIR or --library NAME",
                        paths::display(&p)
                    ));
                    continue;
                };
                let root = lib
                    .iter()
                    .chain(&libs)
                    .find(|l| p.starts_with(&l.dest))
                    .map(|l| l.dest.clone());
                let id = store::enqueue(
                    cat.conn(),
                    &store::NewRequest {
                        path: &p,
                        source: Some(&source),
                        reason: Reason::UserRequest,
                        priority: *priority,
                        root: root.as_deref(),
                        seen: plexsync::catalog::Stat::of(&source).ok(),
                    },
                )?;
                // Asked for by hand: a hold from `resync restore` gives way.
                store::drop_hold(cat.conn(), &p)?;
                added += 1;
                #[derive(serde::Serialize)]
                struct Added<'a> {
                    id: i64,
                    #[serde(serialize_with = "paths::serialize")]
                    path: &'a Path,
                    #[serde(serialize_with = "paths::serialize")]
                    source: &'a Path,
                    priority: u8,
                }
                ctx.out.emit(
                    "request",
                    &Added {
                        id,
                        path: &p,
                        source: &source,
                        priority: *priority,
                    },
                );
                ctx.out.line(format!("queued #{id} {}", paths::display(&p)));
            }
            ctx.out
                .emit("summary", &serde_json::json!({ "queued": added }));
            Ok(ctx.finish(false))
        }
        Some(QueueAction::Cancel { target }) => {
            let n = match target.parse::<i64>() {
                Ok(id) => store::cancel(&cat, Some(id), None)?,
                Err(_) => {
                    let p = paths::absolute(Path::new(target))?;
                    store::cancel(&cat, None, Some(&p))?
                }
            };
            if n == 0 {
                bail!("no open request matches {target:?}");
            }
            ctx.out
                .emit("summary", &serde_json::json!({ "cancelled": n }));
            ctx.out.line(format!(
                "cancelled {n} request{}",
                if n == 1 { "" } else { "s" }
            ));
            Ok(ctx.finish(false))
        }
        Some(QueueAction::Clear { done: _, all }) => {
            let n = store::clear(&cat, *all)?;
            ctx.out
                .emit("summary", &serde_json::json!({ "cleared": n }));
            ctx.out.line(format!(
                "cleared {n} request{}",
                if n == 1 { "" } else { "s" }
            ));
            Ok(ctx.finish(false))
        }
    }
}

fn list(ctx: &Ctx, cat: &Catalog, all: bool) -> Result<i32> {
    let states = if all {
        store::ALL_STATES
    } else {
        store::OPEN_STATES
    };
    let reqs = store::requests(cat, states, None)?;
    for r in &reqs {
        ctx.out.emit("request", r);
    }
    if ctx.out.json() {
        ctx.out
            .emit("summary", &serde_json::json!({ "requests": reqs.len() }));
    } else if reqs.is_empty() {
        ctx.out.line("the queue is empty");
    } else {
        let rows: Vec<Vec<String>> = reqs
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.priority.to_string(),
                    r.state.clone(),
                    r.reason.clone(),
                    r.attempts.to_string(),
                    paths::display(&r.path),
                    r.last_error.clone().unwrap_or_default(),
                ]
            })
            .collect();
        ctx.out.line(table(
            &[
                "ID",
                "PRIO",
                "STATE",
                "REASON",
                "TRIES",
                "PATH",
                "LAST ERROR",
            ],
            &rows,
        ));
    }
    Ok(ctx.finish(false))
}

fn report_cmd(ctx: &Ctx, a: &ResyncReportArgs) -> Result<i32> {
    let cat = ctx.catalog()?;
    let runs = report::history(&cat)?;
    let days = ctx
        .config
        .resync
        .backup_days
        .unwrap_or(backup::DEFAULT_DAYS);
    let backups = backup::list(&cat, days)?;
    #[derive(serde::Serialize)]
    struct Totals {
        runs: usize,
        requests: u64,
        done: u64,
        failed: u64,
        source_broken: u64,
        deferred: u64,
        bytes: u64,
        read_from_source: u64,
        backups: usize,
    }
    let totals = Totals {
        runs: runs.len(),
        requests: runs.iter().map(|r| r.requests).sum(),
        done: runs.iter().map(|r| r.done).sum(),
        failed: runs.iter().map(|r| r.failed).sum(),
        source_broken: runs.iter().map(|r| r.source_broken).sum(),
        deferred: runs.iter().map(|r| r.deferred).sum(),
        bytes: runs.iter().map(|r| r.bytes).sum(),
        read_from_source: runs.iter().map(|r| r.read_from_source).sum(),
        backups: backups.len(),
    };
    if let Some(out) = &a.out {
        let doc = serde_json::json!({ "runs": runs, "backups": backups, "totals": totals });
        let text = serde_json::to_vec_pretty(&doc)?;
        std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    }
    for r in &runs {
        ctx.out.emit("run", r);
    }
    for b in &backups {
        ctx.out.emit("backup", b);
    }
    if ctx.out.json() {
        ctx.out.emit("summary", &totals);
    } else {
        let rows: Vec<Vec<String>> = runs
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    format_utc(r.started_at),
                    r.state.clone(),
                    r.requests.to_string(),
                    r.done.to_string(),
                    r.failed.to_string(),
                    r.source_broken.to_string(),
                    r.deferred.to_string(),
                    human_bytes(r.bytes),
                    human_bytes(r.read_from_source),
                ]
            })
            .collect();
        if rows.is_empty() {
            ctx.out.line("no resync runs yet");
        } else {
            ctx.out.line(table(
                &[
                    "RUN", "STARTED", "STATE", "REQUESTS", "DONE", "FAILED", "KEPT", "DEFERRED",
                    "BYTES", "READ",
                ],
                &rows,
            ));
        }
        if !backups.is_empty() {
            let rows: Vec<Vec<String>> = backups
                .iter()
                .map(|b| {
                    vec![
                        format_utc(b.kept_at),
                        b.expires_at.map_or("never".into(), format_utc),
                        human_bytes(b.size),
                        paths::display(&b.path),
                        if b.present {
                            paths::display(&b.backup)
                        } else {
                            format!("{} (gone)", paths::display(&b.backup))
                        },
                    ]
                })
                .collect();
            ctx.out.line(format!(
                "\nreplaced files kept (plexsync resync restore PATH puts one back):\n{}",
                table(&["KEPT", "PRUNED", "SIZE", "PATH", "BACKUP"], &rows)
            ));
        }
        if let Some(out) = &a.out {
            ctx.out.line(format!("wrote {}", out.display()));
        }
    }
    Ok(ctx.finish(false))
}

fn restore_cmd(ctx: &Ctx, a: &ResyncRestoreArgs) -> Result<i32> {
    let path =
        paths::absolute(&a.path).with_context(|| format!("resolving {}", a.path.display()))?;
    let cat = ctx.catalog()?;
    let b = restore::find(&cat, &path)?;
    let _lock = if a.dry_run {
        None
    } else {
        Some(cat.lock("plexsync resync restore", &|msg| ctx.out.warn(msg))?)
    };
    let done = restore::restore(&cat, &b, a.dry_run)?;
    ctx.out.emit("restored", &done);
    if ctx.out.json() {
        ctx.out.emit(
            "summary",
            &serde_json::json!({ "restored": usize::from(!done.dry_run), "dry_run": done.dry_run }),
        );
    } else {
        ctx.out.line(format!(
            "{} {} from {}{}",
            if done.dry_run {
                "would restore"
            } else {
                "restored"
            },
            paths::display(&done.path),
            paths::display(&done.from),
            done.kept.as_deref().map_or(String::new(), |k| format!(
                "; the file it replaces is kept at {}",
                paths::display(k)
            ))
        ));
        if done.held {
            ctx.out.line(
                "the source's current version will not be copied over it until the source changes \
                 (plexsync resync queue add PATH copies it anyway)",
            );
        }
    }
    Ok(ctx.finish(false))
}
