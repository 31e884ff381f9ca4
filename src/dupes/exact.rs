//! The content detectors. `exact`: files of the same size, then the same head block,
//! then the same tail block, then the same full BLAKE3 — each stage only on the files
//! still colliding (a file of at most one block is whole after the head stage).
//! `partial`: a file whose head block matches a larger file's and whose whole content
//! equals that file's first bytes — an interrupted copy.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;

use super::candidates::Entry;
use super::keep::{self, Candidate, KeepRule};
use super::model::{Group, GroupFile, Kind};
use super::pipeline::{self, Split};
use super::stages::{self, Hasher, Item, Stage};
use super::{Note, BLOCK};
use crate::catalog::Catalog;
use crate::hash::hex;

fn item(e: &Entry, stage: Stage) -> Item {
    Item {
        path: e.paths[0].clone(),
        names: e.paths.clone(),
        stat: e.stat,
        stage,
        known: e.blake3,
    }
}

/// Split each group by the digest of `stage`, keeping sub-groups of two or more.
fn refine(
    cat: &mut Catalog,
    hasher: &mut Hasher,
    entries: &[Entry],
    groups: Vec<Vec<usize>>,
    stage: Stage,
    on_note: &mut dyn FnMut(Note),
) -> Result<Split> {
    let members: Vec<usize> = groups.iter().flatten().copied().collect();
    let items: Vec<Item> = members.iter().map(|&i| item(&entries[i], stage)).collect();
    let digests = hasher.digests(cat, &items, on_note)?;
    let mut digest_of: HashMap<usize, [u8; 32]> = HashMap::with_capacity(members.len());
    for (&i, d) in members.iter().zip(digests) {
        if let Some(d) = d {
            digest_of.insert(i, d);
        }
    }
    let mut out = Vec::new();
    for g in groups {
        out.extend(pipeline::split(
            g.iter()
                .filter_map(|i| digest_of.get(i).map(|d| (*i, *d)))
                .collect(),
        ));
    }
    Ok(out)
}

/// Groups of files with identical bytes: files of the same size, then (for files larger
/// than [`pipeline::WHOLE`]) the same edge blocks, then the same BLAKE3. Groups on solid
/// devices run through [`pipeline::exact_solid`]; groups with a file on a spinning disk or
/// a network share run stage by stage, each stage read in physical order.
pub fn exact_groups(
    cat: &mut Catalog,
    entries: &[Entry],
    hasher: &mut Hasher,
    rule: &KeepRule,
    on_note: &mut dyn FnMut(Note),
) -> Result<Vec<Group>> {
    let mut by_size: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_size.entry(e.stat.size).or_default().push(i);
    }
    let colliding: Vec<Vec<usize>> = by_size.into_values().filter(|v| v.len() > 1).collect();
    let (mut solid, mut serial) = (Vec::new(), Vec::new());
    let mut on_device: HashMap<u64, Vec<(&std::path::Path, u64)>> = HashMap::new();
    for g in &colliding {
        for &i in g {
            let e = &entries[i];
            let m = hasher.medium(e.path(), &e.stat);
            if hasher.serial(m) {
                on_device
                    .entry(e.stat.dev)
                    .or_default()
                    .push((e.path(), e.stat.size));
            }
        }
    }
    // A serial device whose files are in the page cache (a re-run, a tree just written)
    // seeks no more than an SSD: read it like one.
    let forced = hasher.readers_set();
    let serial_devs: std::collections::HashSet<u64> = on_device
        .into_iter()
        .filter(|(_, files)| forced || !crate::scan::device::sample_cached(files, 64))
        .map(|(dev, _)| dev)
        .collect();
    for g in colliding {
        if g.iter()
            .any(|&i| serial_devs.contains(&entries[i].stat.dev))
        {
            serial.push(g);
        } else {
            solid.push(g);
        }
    }
    let must_read = |g: &Vec<usize>| {
        entries[g[0]].stat.size > pipeline::WHOLE && g.iter().any(|&i| entries[i].blake3.is_none())
    };
    let cache = if solid.iter().any(must_read) {
        stages::preload(cat, std::iter::once(Stage::Edges))?
    } else {
        Default::default()
    };
    let mut found = pipeline::exact_solid(cat, hasher, entries, solid, &cache, on_note)?;
    drop(cache);
    if !serial.is_empty() {
        let (small, large): (Vec<_>, Vec<_>) = serial
            .into_iter()
            .partition(|g| entries[g[0]].stat.size <= pipeline::WHOLE);
        let mut whole = refine(cat, hasher, entries, large, Stage::Edges, on_note)?
            .into_iter()
            .map(|(g, _)| g)
            .collect::<Vec<_>>();
        whole.extend(small);
        found.extend(refine(cat, hasher, entries, whole, Stage::Full, on_note)?);
    }
    let watched = crate::usage::store::watched_paths(cat.conn())?;
    Ok(found
        .into_iter()
        .map(|(g, d)| exact_group(&watched, entries, &g, d, rule))
        .collect())
}

fn exact_group(
    watched: &std::collections::HashSet<Vec<u8>>,
    entries: &[Entry],
    members: &[usize],
    digest: [u8; 32],
    rule: &KeepRule,
) -> Group {
    let cands: Vec<Candidate> = members
        .iter()
        .map(|&i| Candidate {
            path: entries[i].path(),
            stat: entries[i].stat,
            watched: entries[i]
                .paths
                .iter()
                .any(|p| watched.contains(crate::paths::to_bytes(p))),
        })
        .collect();
    let best = |a: usize, b: usize| keep::original_first(&cands[a], &cands[b]);
    let (k, why) = keep::choose(
        rule,
        &cands,
        &best,
        if cands.iter().any(|c| c.watched) {
            "kept: the copy that is watched (usage log)"
        } else {
            "kept: likely the original (no copy marker, oldest, shortest path)"
        },
    );
    let files = members
        .iter()
        .enumerate()
        .map(|(j, &i)| {
            let e = &entries[i];
            GroupFile {
                path: e.paths[0].clone(),
                size: e.stat.size,
                keep: j == k,
                why: if j == k {
                    why.clone()
                } else {
                    "same bytes as the keeper".into()
                },
                links: e.paths[1..].to_vec(),
                stat: e.stat,
                blake3: Some(digest),
            }
        })
        .collect();
    Group::new(Kind::Exact, 1.0, Some(hex(&digest)), files)
}

/// Groups of a complete file (kept) and the files that are byte prefixes of it. A
/// partial that has exact copies takes them into its group; a complete file that has
/// exact copies is represented by their keeper.
pub fn partial_groups(
    cat: &mut Catalog,
    entries: &[Entry],
    exact: &[Group],
    hasher: &mut Hasher,
    on_note: &mut dyn FnMut(Note),
) -> Result<Vec<Group>> {
    let index: HashMap<&std::path::Path, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.path(), i))
        .collect();
    // Exact non-keepers are represented by their keeper; remember who they are.
    let mut copies_of: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut hidden = vec![false; entries.len()];
    for g in exact {
        let Some(k) = g.keeper().and_then(|f| index.get(f.path.as_path())) else {
            continue;
        };
        for f in g.files.iter().filter(|f| !f.keep) {
            if let Some(&i) = index.get(f.path.as_path()) {
                hidden[i] = true;
                copies_of.entry(*k).or_default().push(i);
            }
        }
    }
    let reps: Vec<usize> = (0..entries.len())
        .filter(|&i| !hidden[i] && entries[i].stat.size >= BLOCK)
        .collect();
    let items: Vec<Item> = reps
        .iter()
        .map(|&i| item(&entries[i], Stage::Head))
        .collect();
    let heads = hasher.digests(cat, &items, on_note)?;
    let mut by_head: HashMap<[u8; 32], Vec<usize>> = HashMap::new();
    for (&i, d) in reps.iter().zip(heads) {
        if let Some(d) = d {
            by_head.entry(d).or_default().push(i);
        }
    }
    // Every (smaller, larger) pair sharing a head block is a candidate.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in by_head.values().filter(|v| v.len() > 1) {
        for &s in members {
            for &l in members {
                if entries[l].stat.size > entries[s].stat.size {
                    pairs.push((s, l));
                }
            }
        }
    }
    if pairs.is_empty() {
        return Ok(Vec::new());
    }
    let mut smalls: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    smalls.sort_unstable();
    smalls.dedup();
    let items: Vec<Item> = smalls
        .iter()
        .map(|&i| item(&entries[i], Stage::Full))
        .collect();
    let full: HashMap<usize, [u8; 32]> = smalls
        .iter()
        .zip(hasher.digests(cat, &items, on_note)?)
        .filter_map(|(&i, d)| d.map(|d| (i, d)))
        .collect();
    let items: Vec<Item> = pairs
        .iter()
        .map(|&(s, l)| item(&entries[l], Stage::Prefix(entries[s].stat.size)))
        .collect();
    let prefixes = hasher.digests(cat, &items, on_note)?;
    // Each partial belongs to the largest file it is a prefix of (that one is complete).
    let mut parent: HashMap<usize, usize> = HashMap::new();
    for (&(s, l), p) in pairs.iter().zip(prefixes) {
        if p.is_some() && p == full.get(&s).copied() {
            let better = match parent.get(&s) {
                None => true,
                Some(&cur) => {
                    (entries[l].stat.size, std::cmp::Reverse(entries[l].path()))
                        > (
                            entries[cur].stat.size,
                            std::cmp::Reverse(entries[cur].path()),
                        )
                }
            };
            if better {
                parent.insert(s, l);
            }
        }
    }
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut digest_of: HashMap<usize, [u8; 32]> = HashMap::new();
    for (s, l) in parent {
        let kids = children.entry(l).or_default();
        for c in std::iter::once(s).chain(copies_of.get(&s).into_iter().flatten().copied()) {
            kids.push(c);
            if let Some(d) = full.get(&s) {
                digest_of.insert(c, *d);
            }
        }
    }
    let mut groups = Vec::new();
    for (l, mut kids) in children {
        kids.sort_by(|a, b| entries[*a].path().cmp(entries[*b].path()));
        let big = &entries[l];
        let mut files = vec![GroupFile {
            path: big.paths[0].clone(),
            size: big.stat.size,
            keep: true,
            why: "kept: the complete file".into(),
            links: big.paths[1..].to_vec(),
            stat: big.stat,
            blake3: None,
        }];
        for s in kids {
            let e = &entries[s];
            files.push(GroupFile {
                path: e.paths[0].clone(),
                size: e.stat.size,
                keep: false,
                why: format!(
                    "its {} bytes are the start of the keeper ({:.1}% of it): an interrupted copy",
                    e.stat.size,
                    e.stat.size as f64 * 100.0 / big.stat.size as f64
                ),
                links: e.paths[1..].to_vec(),
                stat: e.stat,
                blake3: digest_of.get(&s).copied(),
            });
        }
        groups.push(Group::new(Kind::Partial, 0.95, None, files));
    }
    Ok(groups)
}
