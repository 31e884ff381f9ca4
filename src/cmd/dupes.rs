//! `plexsync dupes find|remove|link|move`: the command glue around the `dupes` engine —
//! options from flags, human or JSON rendering, the confirmation prompt.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Result};
use plexsync::dupes::act::{self, ActOptions, ActSummary, Op, State, Step, Trash};
use plexsync::dupes::{self, Confidence, FindOptions, Found, KeepRule, Kind, Note};
use plexsync::output::{count, human_bytes, thousands, Output};
use plexsync::paths;
use serde::Serialize;

use super::Ctx;
use crate::cli::{DupesActArgs, DupesArgs, DupesScope, DupesVerb};

pub fn run(ctx: &Ctx, args: &DupesArgs) -> Result<i32> {
    match &args.verb {
        DupesVerb::Find(a) => find(ctx, &a.scope, a.exit_code),
        DupesVerb::Remove(a) => act(
            ctx,
            &a.act,
            Op::Remove {
                trash: match &a.trash {
                    None => None,
                    Some(None) => Some(Trash::Desktop),
                    Some(Some(dir)) => Some(Trash::Dir(absolute(dir)?)),
                },
            },
        ),
        DupesVerb::Link(a) => act(ctx, &a.act, Op::Link { symlink: a.symlink }),
        DupesVerb::Move(a) => act(
            ctx,
            &a.act,
            Op::Move {
                to: absolute(&a.to)?,
            },
        ),
    }
}

fn absolute(p: &std::path::Path) -> Result<PathBuf> {
    Ok(paths::absolute(p)?)
}

fn options(ctx: &Ctx, scope: &DupesScope, default_kinds: &[Kind]) -> Result<FindOptions> {
    let kinds = if scope.kind.is_empty() {
        default_kinds.to_vec()
    } else {
        scope
            .kind
            .iter()
            .map(|k| Kind::parse(k).ok_or_else(|| anyhow::anyhow!("unknown kind {k:?}")))
            .collect::<Result<Vec<_>>>()?
    };
    // Readers per device: `-j` on the command line, else the `jobs` of the library the
    // first root lies in, else chosen by device (see `scan::device`).
    let readers = if ctx.jobs_given {
        Some(ctx.jobs)
    } else {
        scope.paths.first().and_then(|root| {
            let root = paths::absolute(root).ok()?;
            ctx.config
                .library
                .iter()
                .filter(|l| root.starts_with(&l.path))
                .max_by_key(|l| l.path.as_os_str().len())
                .and_then(|l| l.jobs)
        })
    };
    Ok(FindOptions {
        roots: scope.paths.clone(),
        kinds,
        min_size: dupes::parse_size(&scope.min_size)?,
        keep: KeepRule::parse(&scope.keep)?,
        follow: scope.follow,
        jobs: match readers {
            Some(n) if n > 1 => n,
            _ => ctx.jobs,
        },
        readers,
    })
}

fn report_note(out: &Output, note: Note) {
    match note {
        Note::Error(Some(p), msg) => out.error(format_args!("{}: {msg}", paths::display(&p))),
        Note::Error(None, msg) => out.error(msg),
        Note::Warning(p, msg) => out.warn(format_args!("{}: {msg}", paths::display(&p))),
    }
}

fn detect(ctx: &Ctx, opts: &FindOptions) -> Result<(plexsync::catalog::Catalog, Found)> {
    let mut cat = ctx.catalog()?;
    let bar = ctx.progress();
    let found = dupes::find(&mut cat, opts, &bar, &mut |n| report_note(&ctx.out, n))?;
    Ok((cat, found))
}

fn find(ctx: &Ctx, scope: &DupesScope, exit_code: bool) -> Result<i32> {
    let opts = options(ctx, scope, &Kind::ALL)?;
    let (_cat, found) = detect(ctx, &opts)?;
    let out = &ctx.out;
    if out.json() {
        for g in &found.groups {
            out.emit("group", g);
        }
        out.emit("summary", &found.summary);
    } else {
        print_groups(out, &found);
        let s = &found.summary;
        let per_kind: Vec<String> = s
            .by_kind
            .iter()
            .map(|(k, t)| format!("{k} {}", thousands(t.groups)))
            .collect();
        out.line(format!(
            "{} group{}{}, {} files, {} wasted; {} files scanned, {} read in {:.2}s",
            thousands(s.groups),
            if s.groups == 1 { "" } else { "s" },
            if per_kind.is_empty() {
                String::new()
            } else {
                format!(" ({})", per_kind.join(", "))
            },
            thousands(s.files),
            human_bytes(s.wasted_bytes),
            thousands(s.scanned_files),
            human_bytes(s.hashing.bytes_read),
            s.elapsed_secs
        ));
    }
    Ok(ctx.finish(exit_code && !found.groups.is_empty()))
}

fn print_groups(out: &Output, found: &Found) {
    let bold = console::Style::new().bold();
    let green = console::Style::new().green();
    for g in &found.groups {
        // What moved a media group's score, so a reader sees why it is not `high`.
        let why = if g.evidence.is_empty() {
            String::new()
        } else {
            format!(": {}", g.evidence.join(", "))
        };
        out.line(out.paint(
            format!(
                "{} · {} files · {} wasted · {} ({:.2}{why}) · {}",
                g.kind.as_str(),
                g.files.len(),
                human_bytes(g.wasted_bytes),
                g.confidence.as_str(),
                g.score,
                g.action
            ),
            &bold,
        ));
        for f in &g.files {
            let mark = if f.keep {
                out.paint("keep", &green)
            } else {
                "    ".to_string()
            };
            out.line(format!(
                "  {mark} {:>10}  {}  ({})",
                human_bytes(f.size),
                paths::display(&f.path),
                f.why
            ));
            for l in &f.links {
                out.line(format!(
                    "       {:>10}  {} (hard link: same file)",
                    "",
                    paths::display(l)
                ));
            }
        }
        out.line("");
    }
}

fn act(ctx: &Ctx, args: &DupesActArgs, op: Op) -> Result<i32> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !args.dry_run && !args.yes && !interactive {
        bail!("refusing to change files without --yes when not on a terminal (or use --dry-run)");
    }
    let opts = options(ctx, &args.scope, &[Kind::Exact])?;
    let min_confidence = Confidence::parse(&args.min_confidence)
        .ok_or_else(|| anyhow::anyhow!("unknown confidence {:?}", args.min_confidence))?;
    let act_opts = ActOptions {
        op,
        kinds: opts.kinds.clone(),
        min_confidence,
    };
    let (mut cat, found) = detect(ctx, &opts)?;
    let steps = act::plan(&found, &act_opts);
    let out = &ctx.out;
    let planned_bytes: u64 = steps.iter().map(|s| s.bytes).sum();
    if args.dry_run || steps.is_empty() {
        for s in &steps {
            show_step(out, s, true);
        }
        let sum = ActSummary {
            planned: steps.len() as u64,
            bytes: planned_bytes,
            dry_run: args.dry_run,
            ..ActSummary::default()
        };
        finish(out, &sum, &found);
        return Ok(ctx.finish(false));
    }
    let question = format!(
        "{} {} files ({}) from {} groups",
        steps[0].op,
        thousands(steps.len() as u64),
        human_bytes(planned_bytes),
        thousands(found.groups.len() as u64)
    );
    if !ctx.confirm(args.yes, &question)? {
        let sum = ActSummary {
            planned: steps.len() as u64,
            cancelled: true,
            ..ActSummary::default()
        };
        if out.json() {
            finish(out, &sum, &found);
        }
        return Ok(ctx.cancelled());
    }
    let _lock = cat.lock("dupes", &|msg| out.warn(msg))?;
    // A reader that goes away stops the printing, not the steps or their journal.
    out.keep_working_when_closed();
    let command: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let sum = act::execute(&mut cat, &found, steps, &command.join(" "), &mut |s| {
        show_step(out, s, false);
        match s.state {
            State::Skipped => out.warn(format_args!(
                "skipped {}: {}",
                paths::display(&s.path),
                s.reason.as_deref().unwrap_or("")
            )),
            State::Failed => out.error(format_args!(
                "{} {}: {}",
                s.op,
                paths::display(&s.path),
                s.reason.as_deref().unwrap_or("")
            )),
            _ => {}
        }
    })?;
    finish(out, &sum, &found);
    Ok(ctx.finish(false))
}

fn show_step(out: &Output, s: &Step, dry: bool) {
    if out.json() {
        out.emit("action", s);
        return;
    }
    if s.state != State::Done && !(dry && s.state == State::Planned) {
        return;
    }
    let verb = match (s.op, dry) {
        ("remove", true) => "would remove",
        ("remove", false) => "removed",
        ("trash", true) => "would move to trash",
        ("trash", false) => "moved to trash",
        ("link", true) => "would hard-link",
        ("link", false) => "hard-linked",
        ("symlink", true) => "would symlink",
        ("symlink", false) => "symlinked",
        ("move", true) => "would move",
        _ => "moved",
    };
    let target = match &s.dst {
        Some(d) => format!(" → {}", paths::display(d)),
        None => format!(" (keeper {})", paths::display(&s.keep)),
    };
    out.line(format!(
        "{verb} {} [{}, {}]{target}",
        paths::display(&s.path),
        s.kind.as_str(),
        human_bytes(s.bytes)
    ));
}

fn finish(out: &Output, sum: &ActSummary, found: &Found) {
    if out.json() {
        #[derive(Serialize)]
        struct Summary<'a> {
            #[serde(flatten)]
            act: &'a ActSummary,
            groups: u64,
            wasted_bytes: u64,
        }
        out.emit(
            "summary",
            &Summary {
                act: sum,
                groups: found.summary.groups,
                wasted_bytes: found.summary.wasted_bytes,
            },
        );
    } else if sum.dry_run {
        out.line(format!(
            "dry run: {} would free {}; nothing changed",
            count(sum.planned, "step"),
            human_bytes(sum.bytes)
        ));
    } else {
        out.line(format!(
            "{} done, {} skipped, {} failed; {} freed",
            thousands(sum.done),
            thousands(sum.skipped),
            thousands(sum.failed),
            human_bytes(sum.bytes)
        ));
    }
}
