//! `plexsync status [PATH...]`: counts and bytes by kind and status, per root.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;
use plexsync::catalog::Catalog;
use plexsync::output::{format_utc, human_bytes, table, thousands};
use plexsync::paths;
use serde::Serialize;

use super::Ctx;
use crate::cli::StatusArgs;

#[derive(Debug, Default, Serialize, Clone, Copy)]
struct Count {
    files: u64,
    bytes: u64,
}

#[derive(Debug, Serialize)]
struct RootStatus {
    #[serde(serialize_with = "paths::serialize")]
    path: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_scan: Option<i64>,
    files: u64,
    bytes: u64,
    by_kind: BTreeMap<String, Count>,
    by_status: BTreeMap<String, Count>,
    #[serde(skip)]
    cells: BTreeMap<(String, String), Count>,
}

fn tally(cat: &Catalog, path: PathBuf, last_scan: Option<i64>) -> Result<RootStatus> {
    let (lo, hi) = paths::prefix_range(&path);
    let mut stmt = cat.conn().prepare(
        "SELECT kind, status, count(*), coalesce(sum(size), 0) FROM files
         WHERE (path >= ?1 AND path < ?2) OR path = ?3 GROUP BY kind, status",
    )?;
    let mut st = RootStatus {
        path: path.clone(),
        last_scan,
        files: 0,
        bytes: 0,
        by_kind: BTreeMap::new(),
        by_status: BTreeMap::new(),
        cells: BTreeMap::new(),
    };
    let rows = stmt.query_map(rusqlite::params![lo, hi, paths::to_bytes(&path)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (kind, status, n, bytes) = row?;
        let c = Count {
            files: n as u64,
            bytes: bytes as u64,
        };
        for (map, key) in [(&mut st.by_kind, &kind), (&mut st.by_status, &status)] {
            let e = map.entry(key.clone()).or_default();
            e.files += c.files;
            e.bytes += c.bytes;
        }
        st.cells.insert((kind, status), c);
        st.files += c.files;
        st.bytes += c.bytes;
    }
    Ok(st)
}

pub fn run(ctx: &Ctx, args: &StatusArgs) -> Result<i32> {
    let cat = ctx.catalog()?;
    let roots = cat.roots()?;
    let mut wanted: Vec<(PathBuf, Option<i64>)> = Vec::new();
    if args.paths.is_empty() {
        wanted.extend(roots.iter().map(|(_, p, t)| (p.clone(), *t)));
        // Configured libraries show up even before their first scan.
        for lib in &ctx.config.library {
            let p = paths::absolute(&lib.path)?;
            if !wanted.iter().any(|(w, _)| *w == p) {
                wanted.push((p, None));
            }
        }
    } else {
        for p in &args.paths {
            let p = paths::absolute(p)?;
            let last = roots.iter().find(|(_, r, _)| *r == p).and_then(|r| r.2);
            wanted.push((p, last));
        }
    }
    let out = &ctx.out;
    let mut total = Count::default();
    let mut n_roots = 0u64;
    for (path, last) in wanted {
        let st = tally(&cat, path, last)?;
        total.files += st.files;
        total.bytes += st.bytes;
        n_roots += 1;
        if out.json() {
            out.emit("root", &st);
            continue;
        }
        out.line(format!(
            "{}  {} files, {}{}",
            out.paint(paths::display(&st.path), &console::Style::new().bold()),
            thousands(st.files),
            human_bytes(st.bytes),
            match st.last_scan {
                Some(t) => format!(", last scan {}", format_utc(t)),
                None => String::new(),
            }
        ));
        let rows: Vec<Vec<String>> = st
            .cells
            .iter()
            .map(|((k, s), c)| {
                vec![
                    format!("  {k}"),
                    s.clone(),
                    thousands(c.files),
                    human_bytes(c.bytes),
                ]
            })
            .collect();
        if !rows.is_empty() {
            out.line(table(&["  kind", "status", "files", "bytes"], &rows));
        }
    }
    if out.json() {
        #[derive(Serialize)]
        struct Summary {
            roots: u64,
            files: u64,
            bytes: u64,
        }
        out.emit(
            "summary",
            &Summary {
                roots: n_roots,
                files: total.files,
                bytes: total.bytes,
            },
        );
    } else if n_roots == 0 {
        out.line("the catalog knows no roots yet: run `plexsync scan PATH` first");
    }
    Ok(ctx.finish(false))
}
