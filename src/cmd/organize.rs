//! `plexsync organize plan|apply|undo|recover|history|rules`: the command glue around
//! the organize engine (flags, confirmation, the catalog lock, human and JSON output).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use plexsync::catalog::Catalog;
use plexsync::organize::apply::{self, StepReport};
use plexsync::organize::plan::{self, OnConflict, Plan, PlanOptions};
use plexsync::organize::rules::RuleSet;
use plexsync::organize::steps::Mode;
use plexsync::organize::{self as engine, sanitize, strategies, template, undo};
use plexsync::output::{format_utc, human_bytes, table, thousands};
use plexsync::paths;
use serde::Serialize;

use super::Ctx;
use crate::cli::{
    ConflictPolicy, OrganizeApplyArgs, OrganizeCommand, OrganizePlanArgs, OrganizeRecoverArgs,
    OrganizeRuleArgs, OrganizeRulesArgs, OrganizeUndoArgs,
};

pub fn run(ctx: &Ctx, cmd: &OrganizeCommand) -> Result<i32> {
    match cmd {
        OrganizeCommand::Plan(a) => plan_cmd(ctx, a),
        OrganizeCommand::Apply(a) => apply_cmd(ctx, a),
        OrganizeCommand::Undo(a) => undo_cmd(ctx, a),
        OrganizeCommand::Recover(a) => recover_cmd(ctx, a),
        OrganizeCommand::History => history_cmd(ctx),
        OrganizeCommand::Rules(a) => rules_cmd(ctx, a),
    }
}

fn load_rules(ctx: &Ctx, a: &OrganizeRuleArgs) -> Result<RuleSet> {
    engine::load_rules(
        a.rules.as_deref(),
        a.strategy.as_deref(),
        &ctx.config.organize,
    )
}

fn options(ctx: &Ctx, a: &OrganizePlanArgs) -> Result<PlanOptions> {
    let Some(root) = a.into.clone().or_else(|| ctx.config.organize.into.clone()) else {
        bail!("organize needs a target root: --into ROOT (or organize.into in the config)");
    };
    let root = paths::absolute(&root).context("resolving --into")?;
    if root.exists() && !root.is_dir() {
        bail!("--into {} is not a folder", paths::display(&root));
    }
    for p in &a.paths {
        std::fs::symlink_metadata(p).with_context(|| paths::display(p))?;
    }
    // The nearest existing folder tells which file system the layout lands on.
    let probe = root
        .ancestors()
        .find(|d| d.is_dir())
        .unwrap_or(Path::new("/"));
    let portable = if a.portable {
        true
    } else if a.no_portable {
        false
    } else {
        sanitize::needs_portable(probe)
    };
    Ok(PlanOptions {
        root,
        portable,
        on_conflict: match a.on_conflict {
            ConflictPolicy::Skip => OnConflict::Skip,
            ConflictPolicy::Rename => OnConflict::Rename,
            ConflictPolicy::ReplaceIfIdentical => OnConflict::ReplaceIfIdentical,
            ConflictPolicy::KeepLarger => OnConflict::KeepLarger,
        },
        jobs: ctx.jobs,
    })
}

fn bases(a: &OrganizePlanArgs) -> Result<Vec<PathBuf>> {
    a.paths
        .iter()
        .map(|p| {
            let abs = paths::absolute(p)?;
            Ok(if abs.is_dir() {
                abs
            } else {
                abs.parent().map(Path::to_path_buf).unwrap_or(abs)
            })
        })
        .collect()
}

#[derive(Serialize)]
struct PlanSummary<'a> {
    moves: u64,
    bytes: u64,
    skipped: u64,
    conflicts: u64,
    in_place: u64,
    errors: u64,
    rules: &'a str,
    #[serde(serialize_with = "paths::serialize")]
    root: &'a Path,
    portable: bool,
    dry_run: bool,
    elapsed_secs: f64,
}

/// Print a plan (moves, what stays, conflicts) and its summary.
fn show_plan(
    ctx: &Ctx,
    plan: &Plan,
    rules: &RuleSet,
    opts: &PlanOptions,
    dry_run: bool,
    started: std::time::Instant,
) {
    let out = &ctx.out;
    for (p, msg) in &plan.errors {
        match p {
            Some(p) => out.error(format_args!("{}: {msg}", paths::display(p))),
            None => out.error(msg),
        }
    }
    let human = !out.json();
    for m in &plan.moves {
        out.emit("move", m);
        if !human {
            continue;
        }
        let tag = match m.action {
            plan::Action::Place => "",
            plan::Action::ReplaceIdentical => "  [replace if identical]",
            plan::Action::Swap => "  [swap: keep larger]",
        };
        // The identity decided, so a user sees why files went together.
        let identity = match (&m.identity, &m.sidecar_of) {
            (Some(id), None) => format!(" [{}]", id.label),
            _ => String::new(),
        };
        out.line(format!(
            "{} {}\n   → {}  ({}){tag}{identity}",
            if m.sidecar_of.is_some() {
                "  +"
            } else {
                "move"
            },
            paths::display(&m.from),
            paths::display(&m.to),
            m.rule
        ));
    }
    for s in &plan.skipped {
        out.emit("skip", s);
        if human {
            out.line(format!("stay {}: {}", paths::display(&s.path), s.reason));
        }
    }
    for c in &plan.conflicts {
        out.emit("conflict", c);
        out.line(format!("conflict {}: {}", paths::display(&c.to), c.reason));
        for f in &c.from {
            out.line(format!("   ← {}", paths::display(f)));
        }
    }
    let bytes: u64 = plan.moves.iter().map(|m| m.size).sum();
    let elapsed = started.elapsed().as_secs_f64();
    out.emit(
        "summary",
        &PlanSummary {
            moves: plan.moves.len() as u64,
            bytes,
            skipped: plan.skipped.len() as u64,
            conflicts: plan.conflicts.len() as u64,
            in_place: plan.in_place,
            errors: plan.errors.len() as u64,
            rules: &rules.origin,
            root: &opts.root,
            portable: opts.portable,
            dry_run,
            elapsed_secs: elapsed,
        },
    );
    out.line(format!(
        "{} to move ({}), {} stay, {} conflicts, {} already in place — rules: {}, into {}{} in {:.2}s",
        thousands(plan.moves.len() as u64),
        human_bytes(bytes),
        thousands(plan.skipped.len() as u64),
        thousands(plan.conflicts.len() as u64),
        thousands(plan.in_place),
        rules.origin,
        paths::display(&opts.root),
        if opts.portable { " (portable names)" } else { "" },
        elapsed
    ));
}

/// Warn about runs a dead process left behind (inspecting verbs do not repair them).
fn warn_stale(ctx: &Ctx, cat: &Catalog) -> Result<()> {
    let stale = cat
        .runs("organize")?
        .into_iter()
        .filter(|r| r.state == "running" || r.state == "undoing")
        .count();
    if stale > 0 {
        ctx.out.warn(format_args!(
            "{stale} organize run(s) were interrupted; `plexsync organize recover` settles them"
        ));
    }
    Ok(())
}

fn plan_cmd(ctx: &Ctx, a: &OrganizePlanArgs) -> Result<i32> {
    let started = std::time::Instant::now();
    let rules = load_rules(ctx, &a.rules)?;
    let opts = options(ctx, a)?;
    let cat = ctx.catalog()?;
    warn_stale(ctx, &cat)?;
    let plan = plan::plan(&a.paths, &rules, &opts)?;
    show_plan(ctx, &plan, &rules, &opts, true, started);
    Ok(ctx.finish(a.exit_code && !plan.moves.is_empty()))
}

fn take_lock(ctx: &Ctx, cat: &Catalog, purpose: &str) -> Result<plexsync::catalog::ActLock> {
    cat.lock(purpose, &|msg| ctx.out.warn(msg))
}

fn report_step(ctx: &Ctx, s: &StepReport) {
    let out = &ctx.out;
    out.emit("step", s);
    let path = |p: &Option<PathBuf>| p.as_deref().map(paths::display).unwrap_or_default();
    match s.state.as_str() {
        "failed" => out.error(format_args!(
            "{} {} → {}: {}",
            s.op,
            path(&s.from),
            path(&s.to),
            s.detail.as_deref().unwrap_or("failed")
        )),
        state => out.line(match (&s.from, &s.to) {
            (Some(f), Some(t)) => format!(
                "{state:<7} {} {} → {}",
                s.op,
                paths::display(f),
                paths::display(t)
            ),
            (f, t) => format!("{state:<7} {} {}{}", s.op, path(f), path(t)),
        }),
    }
}

fn recover_first(ctx: &Ctx, cat: &Catalog) -> Result<()> {
    let sum = undo::recover(cat, &mut |s| report_step(ctx, s))?;
    if !sum.runs.is_empty() {
        ctx.out.warn(format_args!(
            "recovered interrupted run(s) {:?}: {} finished, {} rolled back, {} failed",
            sum.runs, sum.finished, sum.rolled_back, sum.failed
        ));
    }
    Ok(())
}

fn command_line() -> String {
    std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Serialize)]
struct ApplyOut<'a> {
    #[serde(flatten)]
    sum: &'a apply::ApplySummary,
    mode: Mode,
    skipped_in_plan: u64,
    conflicts: u64,
    elapsed_secs: f64,
    /// The prompt was answered no: nothing was done.
    cancelled: bool,
}

fn apply_cmd(ctx: &Ctx, a: &OrganizeApplyArgs) -> Result<i32> {
    let started = std::time::Instant::now();
    let mode = if a.copy {
        Mode::Copy
    } else if a.hardlink {
        Mode::Hardlink
    } else if a.symlink {
        Mode::Symlink
    } else {
        Mode::Move
    };
    let rules = load_rules(ctx, &a.plan.rules)?;
    let opts = options(ctx, &a.plan)?;
    let cat = ctx.catalog()?;
    if a.dry_run {
        warn_stale(ctx, &cat)?;
        let plan = plan::plan(&a.plan.paths, &rules, &opts)?;
        show_plan(ctx, &plan, &rules, &opts, true, started);
        return Ok(ctx.finish(false));
    }
    let _lock = take_lock(ctx, &cat, "organize apply")?;
    ctx.out.keep_working_when_closed();
    recover_first(ctx, &cat)?;
    let plan = plan::plan(&a.plan.paths, &rules, &opts)?;
    for (p, msg) in &plan.errors {
        match p {
            Some(p) => ctx.out.error(format_args!("{}: {msg}", paths::display(p))),
            None => ctx.out.error(msg),
        }
    }
    for c in &plan.conflicts {
        ctx.out.emit("conflict", c);
        ctx.out.warn(format_args!(
            "conflict, nothing moves: {} ← {}",
            paths::display(&c.to),
            c.from
                .iter()
                .map(|p| paths::display(p))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for s in &plan.skipped {
        ctx.out.emit("skip", s);
        ctx.out.verbose(
            1,
            format_args!("stays: {}: {}", paths::display(&s.path), s.reason),
        );
    }
    let bytes: u64 = plan.moves.iter().map(|m| m.size).sum();
    if !plan.moves.is_empty()
        && !ctx.confirm(
            a.yes,
            &format!(
                "{} {} files ({}) into {}",
                mode.op(),
                thousands(plan.moves.len() as u64),
                human_bytes(bytes),
                paths::display(&opts.root)
            ),
        )?
    {
        ctx.out.emit(
            "summary",
            &ApplyOut {
                sum: &apply::ApplySummary::default(),
                mode,
                skipped_in_plan: plan.skipped.len() as u64,
                conflicts: plan.conflicts.len() as u64,
                elapsed_secs: started.elapsed().as_secs_f64(),
                cancelled: true,
            },
        );
        return Ok(ctx.cancelled());
    }
    let bases = bases(&a.plan)?;
    let bar = ctx.progress();
    // Nothing to move: no run is recorded (history lists only runs that did something).
    let sum = if plan.moves.is_empty() {
        apply::ApplySummary::default()
    } else {
        apply::apply(
            &cat,
            &plan,
            mode,
            &bases,
            a.follow_links,
            &command_line(),
            &bar,
            &mut |s| report_step(ctx, s),
        )?
    };
    ctx.out.emit(
        "summary",
        &ApplyOut {
            sum: &sum,
            mode,
            skipped_in_plan: plan.skipped.len() as u64,
            conflicts: plan.conflicts.len() as u64,
            elapsed_secs: started.elapsed().as_secs_f64(),
            cancelled: false,
        },
    );
    if plan.moves.is_empty() {
        ctx.out.line(format!(
            "nothing to move: {} stay, {} conflicts, {} already in place",
            thousands(plan.skipped.len() as u64),
            thousands(plan.conflicts.len() as u64),
            thousands(plan.in_place)
        ));
        return Ok(ctx.finish(false));
    }
    ctx.out.line(format!(
        "run {}: {} done ({}), {} failed, {} skipped, {} stay, {} conflicts; {} folders created, {} emptied folders removed — undo with `plexsync organize undo {}`",
        sum.run,
        thousands(sum.done),
        human_bytes(sum.bytes),
        thousands(sum.failed),
        thousands(sum.skipped),
        thousands(plan.skipped.len() as u64),
        thousands(plan.conflicts.len() as u64),
        sum.folders_created,
        sum.folders_removed,
        sum.run
    ));
    Ok(ctx.finish(false))
}

fn undo_cmd(ctx: &Ctx, a: &OrganizeUndoArgs) -> Result<i32> {
    let cat = ctx.catalog()?;
    if a.dry_run {
        warn_stale(ctx, &cat)?;
        let runs = cat.runs("organize")?;
        let run = match a.run {
            Some(id) => runs.into_iter().find(|r| r.id == id),
            None => runs
                .into_iter()
                .find(|r| undo::UNDOABLE.contains(&r.state.as_str())),
        }
        .context("no organize run to undo")?;
        let mut n = 0u64;
        for s in cat.journal_steps(run.id)?.into_iter().rev() {
            if undo::to_undo(&s) {
                n += 1;
                report_step(
                    ctx,
                    &StepReport {
                        run: run.id,
                        op: s.op,
                        from: s.src,
                        to: s.dst,
                        state: "would undo".into(),
                        detail: None,
                    },
                );
            }
        }
        ctx.out.emit(
            "summary",
            &serde_json::json!({"run": run.id, "steps": n, "dry_run": true}),
        );
        ctx.out
            .line(format!("run {}: {} steps would be undone", run.id, n));
        return Ok(ctx.finish(false));
    }
    let _lock = take_lock(ctx, &cat, "organize undo")?;
    ctx.out.keep_working_when_closed();
    recover_first(ctx, &cat)?;
    let what = match a.run {
        Some(id) => format!("undo organize run {id}"),
        None => "undo the last organize run".to_string(),
    };
    if !ctx.confirm(a.yes, &what)? {
        ctx.out.emit(
            "summary",
            &undo::UndoSummary {
                cancelled: true,
                ..undo::UndoSummary::default()
            },
        );
        return Ok(ctx.cancelled());
    }
    let sum = undo::undo(&cat, a.run, &mut |s| report_step(ctx, s))?;
    ctx.out.emit("summary", &sum);
    ctx.out.line(format!(
        "run {:?}: {} steps undone, {} failed",
        sum.runs, sum.undone, sum.failed
    ));
    Ok(ctx.finish(false))
}

fn recover_cmd(ctx: &Ctx, a: &OrganizeRecoverArgs) -> Result<i32> {
    let cat = ctx.catalog()?;
    if a.dry_run {
        let stale: Vec<_> = cat
            .runs("organize")?
            .into_iter()
            .filter(|r| r.state == "running" || r.state == "undoing")
            .collect();
        for r in &stale {
            ctx.out.emit("run", r);
            ctx.out.line(format!(
                "run {} ({}) was interrupted: {}",
                r.id, r.state, r.command
            ));
        }
        ctx.out.emit(
            "summary",
            &serde_json::json!({"runs": stale.len(), "dry_run": true}),
        );
        return Ok(ctx.finish(false));
    }
    let _lock = take_lock(ctx, &cat, "organize recover")?;
    ctx.out.keep_working_when_closed();
    let sum = undo::recover(&cat, &mut |s| report_step(ctx, s))?;
    ctx.out.emit("summary", &sum);
    ctx.out.line(if sum.runs.is_empty() {
        "nothing to recover".to_string()
    } else {
        format!(
            "recovered run(s) {:?}: {} finished, {} rolled back, {} failed",
            sum.runs, sum.finished, sum.rolled_back, sum.failed
        )
    });
    Ok(ctx.finish(false))
}

fn history_cmd(ctx: &Ctx) -> Result<i32> {
    let cat = ctx.catalog()?;
    warn_stale(ctx, &cat)?;
    let runs = undo::history(&cat)?;
    let mut rows = Vec::new();
    for r in &runs {
        ctx.out.emit("run", r);
        rows.push(vec![
            r.run.id.to_string(),
            format_utc(r.run.started_at),
            r.run.state.clone(),
            thousands(r.done),
            thousands(r.undone),
            thousands(r.failed),
            r.run.command.clone(),
        ]);
    }
    ctx.out
        .emit("summary", &serde_json::json!({"runs": runs.len()}));
    if runs.is_empty() {
        ctx.out.line("no organize runs yet");
    } else {
        ctx.out.line(table(
            &[
                "run", "started", "state", "done", "undone", "failed", "command",
            ],
            &rows,
        ));
    }
    Ok(ctx.finish(false))
}

fn rules_cmd(ctx: &Ctx, a: &OrganizeRulesArgs) -> Result<i32> {
    if a.list {
        for (name, about) in strategies::STRATEGIES {
            ctx.out.emit(
                "strategy",
                &serde_json::json!({"name": name, "about": about}),
            );
            ctx.out.line(format!("{name:<11} {about}"));
        }
        let fields: Vec<&str> = template::FIELDS.iter().map(|f| f.0).collect();
        ctx.out.emit(
            "summary",
            &serde_json::json!({"strategies": strategies::STRATEGIES.len(), "fields": fields}),
        );
        ctx.out
            .line(format!("\ntemplate fields: {}", fields.join(", ")));
        return Ok(ctx.finish(false));
    }
    let rules = load_rules(ctx, &a.rules)?;
    for r in &rules.rules {
        ctx.out.emit("rule", &r.spec);
    }
    ctx.out.emit(
        "summary",
        &serde_json::json!({"rules": rules.rules.len(), "origin": rules.origin}),
    );
    ctx.out
        .line(format!("# rules in force: {}\n", rules.origin));
    ctx.out.line(rules.to_toml().trim_end());
    Ok(ctx.finish(false))
}
