//! Planning: walk the given folders, parse every video's name, pick the first enabled
//! rule (by priority) that matches and whose template can be filled, attach sidecars,
//! and settle conflicts — all without touching a file. The plan lists every move (from,
//! to, the rule), what stays and why, and the conflicts.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use super::attach::{Attach, Maps};
use super::decide::{decide, Outcome};
use super::library::Library;
use super::meta::{genre_from_nfo, MediaKindName, Meta};
use super::rules::RuleSet;
use super::template::Field;
use super::versions;
use super::{plexname, sanitize, sidecar, words};
use crate::catalog::Stat;
use crate::media::kind::FileKind;
use crate::paths;
use crate::scan::walk::{walk, Found};

/// What to do when a target already exists on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnConflict {
    /// Leave the file where it is (default).
    #[default]
    Skip,
    /// Pick a free name: `Title (2020) (2).mkv`.
    Rename,
    /// Replace the target only when it has the same bytes (the source then goes away).
    ReplaceIfIdentical,
    /// Keep the larger file in the layout; the smaller one takes the source's place.
    KeepLarger,
}

/// How a planned step changes the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// The target does not exist: move (or copy/link) the file there.
    Place,
    /// The target exists with the same size; replace it if the bytes are identical.
    ReplaceIdentical,
    /// The target exists and is smaller: exchange the two files.
    Swap,
}

/// One planned move.
#[derive(Debug, Clone, Serialize)]
pub struct Move {
    #[serde(serialize_with = "paths::serialize")]
    pub from: PathBuf,
    #[serde(serialize_with = "paths::serialize")]
    pub to: PathBuf,
    /// The rule that decided the target.
    pub rule: String,
    /// The video this sidecar travels with, for sidecars.
    #[serde(
        serialize_with = "paths::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub sidecar_of: Option<PathBuf>,
    pub action: Action,
    pub size: u64,
    /// The source's stat when planned; re-checked right before acting.
    #[serde(skip)]
    pub stat: Stat,
    /// The identity decided for the video (of the video it travels with, for sidecars).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
}

/// A file that stays where it is, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skip {
    #[serde(serialize_with = "paths::serialize")]
    pub path: PathBuf,
    pub reason: String,
}

/// Two or more files that would land on the same target: none of them moves.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    #[serde(serialize_with = "paths::serialize")]
    pub to: PathBuf,
    #[serde(serialize_with = "serialize_paths")]
    pub from: Vec<PathBuf>,
    pub reason: String,
}

fn serialize_paths<S: serde::Serializer>(v: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for p in v {
        seq.serialize_element(&paths::JsonPath::new(p))?;
    }
    seq.end()
}

/// A complete plan.
#[derive(Debug, Default)]
pub struct Plan {
    pub root: PathBuf,
    pub moves: Vec<Move>,
    pub skipped: Vec<Skip>,
    pub conflicts: Vec<Conflict>,
    /// Files already where the rules want them.
    pub in_place: u64,
    /// Per-path errors met while walking.
    pub errors: Vec<(Option<PathBuf>, String)>,
}

/// Options of a plan.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// The target root (`--into`).
    pub root: PathBuf,
    /// Portable (Windows/SMB-safe) names.
    pub portable: bool,
    pub on_conflict: OnConflict,
    pub jobs: usize,
}

struct Source {
    path: PathBuf,
    rel: PathBuf,
    stat: Stat,
}

struct Video {
    src: usize,
    sidecars: Vec<(usize, Attach)>,
    target: Option<PathBuf>,
    rule: String,
    /// The video itself stays; only what is attached from a subtitle folder may move.
    in_place: bool,
    identity: Option<Identity>,
    /// A movie's version label (`1080p`), for Plex's multi-version names.
    version: Option<String>,
}

/// The identity organize decided for a file, as the plan shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Identity {
    /// `Doctor Who (2005) S01E02`, `Heat (1995) {edition-Director's Cut}`.
    pub label: String,
    pub kind: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub episode: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra: Option<&'static str>,
}

impl Identity {
    fn of(m: &Meta) -> Identity {
        let episode = m.kind == MediaKindName::Episode;
        Identity {
            label: m.label(),
            kind: m.kind.as_str(),
            title: m.title.clone().unwrap_or_default(),
            year: if episode { m.show_year } else { m.year },
            country: m.country.clone(),
            season: m.season.filter(|_| episode && m.date.is_none()),
            episode: m.episode.filter(|_| episode),
            date: m.date.clone(),
            edition: m.edition.clone(),
            extra: m.extra,
        }
    }
}

/// Build the plan for `inputs` (folders or files) into `opts.root`.
pub fn plan(inputs: &[PathBuf], rules: &RuleSet, opts: &PlanOptions) -> Result<Plan> {
    let root = paths::absolute(&opts.root).context("resolving --into")?;
    let mut plan = Plan {
        root: root.clone(),
        ..Plan::default()
    };
    let mut sources: Vec<Source> = Vec::new();
    for input in inputs {
        let input =
            paths::absolute(input).with_context(|| format!("resolving {}", input.display()))?;
        let base = if input.is_dir() {
            input.clone()
        } else {
            input.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        walk(&input, false, opts.jobs, &mut |f| match f {
            Found::File(path, stat) => {
                if path.file_name().is_some_and(crate::fsops::is_temp_name) {
                    plan.skipped.push(Skip {
                        path,
                        reason: "plexsync temporary file (run `organize recover`)".into(),
                    });
                } else {
                    let rel = path.strip_prefix(&base).unwrap_or(&path).to_path_buf();
                    sources.push(Source { path, rel, stat });
                }
            }
            Found::Special(path) => plan.skipped.push(Skip {
                path,
                reason: "not a regular file (symlinks are not followed)".into(),
            }),
            Found::Error(path, msg) => plan.errors.push((path, msg)),
        });
    }
    // Byte order: std's Path ordering compares component by component, far slower.
    sources.sort_unstable_by(|a, b| paths::to_bytes(&a.path).cmp(paths::to_bytes(&b.path)));
    // Overlapping PATHs find a file twice: once is enough.
    sources.dedup_by(|a, b| a.path == b.path);

    // Group by folder; videos own the sidecars named after them.
    // Sources are sorted, so the files of one folder are adjacent.
    let mut by_dir: Vec<(&Path, Vec<usize>)> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let dir = s.path.parent().unwrap_or(Path::new("/"));
        match by_dir.last_mut() {
            Some((d, v)) if paths::to_bytes(d) == paths::to_bytes(dir) => v.push(i),
            _ => by_dir.push((dir, vec![i])),
        }
    }
    let mut videos: Vec<Video> = Vec::new();
    let mut orphan: Vec<usize> = Vec::new();
    for (_, idx) in by_dir {
        let (vids, others): (Vec<usize>, Vec<usize>) = idx
            .into_iter()
            .partition(|&i| FileKind::of(&sources[i].path) == FileKind::Video);
        let first = videos.len();
        let stems: Vec<&[u8]> = vids
            .iter()
            .map(|&i| sidecar::stem(sources[i].path.file_name().unwrap_or_default()))
            .collect();
        for &v in &vids {
            videos.push(Video {
                src: v,
                sidecars: Vec::new(),
                target: None,
                rule: String::new(),
                in_place: false,
                identity: None,
                version: None,
            });
        }
        for o in others {
            let name = sources[o].path.file_name().unwrap_or_default();
            match sidecar::owner(name, &stems) {
                Some(k) => {
                    let suf = sidecar::suffix(name, stems[k]).unwrap_or_default();
                    // Subtitle language and flags in Plex's order: `.en.forced.srt`.
                    let suf = words::plex_suffix(&paths::name_text(suf)).into_bytes();
                    videos[first + k].sidecars.push((o, Attach::Suffix(suf)));
                }
                None => orphan.push(o),
            }
        }
    }

    // Parse in parallel: this is where the time goes for large trees.
    let want_genre = rules.uses(Field::Genre);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.max(1))
        .build()
        .context("starting worker threads")?;
    let library = Library::default();
    let mut metas: Vec<Meta> = pool.install(|| {
        videos
            .par_iter()
            .map(|v| {
                let s = &sources[v.src];
                let mut m = Meta::from_source(&s.path, &s.rel, s.stat.size);
                if m.year.is_none() {
                    m.year = m
                        .date
                        .as_deref()
                        .and_then(|d| d.get(..4))
                        .and_then(|y| y.parse().ok());
                }
                if want_genre {
                    m.genre = genre_near(&s.path);
                }
                m
            })
            .collect()
    });
    // Features first (movies, episodes, samples); extras follow their feature.
    let decide_all = |metas: &mut Vec<Meta>| -> Vec<Option<Outcome>> {
        pool.install(|| {
            videos
                .par_iter()
                .zip(metas.par_iter_mut())
                .map(|(v, m)| {
                    let s = &sources[v.src];
                    m.extra
                        .is_none()
                        .then(|| decide(&s.path, &s.rel, m, rules, &root, opts.portable, &library))
                })
                .collect()
        })
    };
    let mut decided = decide_all(&mut metas);
    // Several spellings of one new show or movie folder: once more, against the one kept.
    if library.settle_spellings() {
        decided = decide_all(&mut metas);
    }
    // Where each folder's features went: needed only for extras and unattached files.
    let mut maps = Maps::default();
    let needed = !orphan.is_empty() || metas.iter().any(|m| m.extra.is_some());
    for ((v, m), d) in videos.iter().zip(&metas).zip(&decided) {
        if let (true, Some(Outcome::Target { to, .. })) = (needed, d) {
            if !m.sample {
                maps.add(&sources[v.src].path, to, m);
            }
        }
    }
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(videos.len());
    for (i, d) in decided.into_iter().enumerate() {
        let s = &sources[videos[i].src];
        outcomes.push(match d {
            Some(o) => o,
            None => match maps.extra_target(&s.path, &metas[i]) {
                Ok((to, base)) => {
                    metas[i].title = Some(base);
                    metas[i].year = None;
                    extra_outcome(&root, &to)
                }
                Err(owner) => extra_by_owner(
                    owner.as_deref(),
                    &sources[videos[i].src],
                    &mut metas[i],
                    rules,
                    &root,
                    opts.portable,
                    &library,
                ),
            },
        });
    }

    // Orphans: subtitle folders and folder art travel with their video or folder.
    let mut by_dir: HashMap<PathBuf, Vec<(usize, Vec<u8>)>> = HashMap::new();
    for (k, (v, m)) in videos.iter().zip(&metas).enumerate() {
        if m.extra.is_none() && !m.sample {
            let p = &sources[v.src].path;
            by_dir
                .entry(p.parent().unwrap_or(Path::new("/")).to_path_buf())
                .or_default()
                .push((k, sidecar::stem(p.file_name().unwrap_or_default()).to_vec()));
        }
    }
    for o in orphan {
        if let Some((k, how)) = maps.owner(&sources[o].path, &by_dir) {
            videos[k].sidecars.push((o, how));
            continue;
        }
        let kind = FileKind::of(&sources[o].path);
        plan.skipped.push(Skip {
            path: sources[o].path.clone(),
            reason: match kind {
                FileKind::Subtitle | FileKind::Sidecar => "no video named like it beside it".into(),
                _ => "not a video".into(),
            },
        });
    }

    let mut keep = Vec::with_capacity(videos.len());
    for ((mut v, d), m) in videos.into_iter().zip(outcomes).zip(&metas) {
        v.identity = Some(Identity::of(m));
        v.version = match &d {
            Outcome::Target { rule, .. } if rules.versions(rule) => versions::label(m),
            _ => None,
        };
        match d {
            Outcome::Target { to, rule } if to == sources[v.src].path => {
                plan.in_place += 1;
                v.in_place = true;
                v.target = Some(to);
                v.rule = rule;
                // Sidecars of a video in place stay too, even when misnamed: no guesswork.
                let staying = v
                    .sidecars
                    .iter()
                    .filter(|s| !matches!(s.1, Attach::SubsFolder(_)))
                    .count();
                plan.in_place += staying as u64;
                v.sidecars.retain(|s| matches!(s.1, Attach::SubsFolder(_)));
                if !v.sidecars.is_empty() {
                    keep.push(v);
                }
            }
            Outcome::Target { to, rule } => {
                v.target = Some(to);
                v.rule = rule;
                keep.push(v);
            }
            Outcome::Stay(reason) => {
                for i in std::iter::once(v.src).chain(v.sidecars.iter().map(|s| s.0)) {
                    plan.skipped.push(Skip {
                        path: sources[i].path.clone(),
                        reason: reason.clone(),
                    });
                }
            }
            Outcome::Conflict { to, reason } => {
                plan.conflicts.push(Conflict {
                    to,
                    from: vec![sources[v.src].path.clone()],
                    reason,
                });
                for &(s, _) in &v.sidecars {
                    plan.skipped.push(Skip {
                        path: sources[s].path.clone(),
                        reason: "its video is in a conflict".into(),
                    });
                }
            }
        }
    }
    settle(&mut plan, keep, &sources, opts);
    Ok(plan)
}

/// An inline extra (`Heat.1995.720p-trailer.mp4`) with no feature beside it: its movie
/// read from its own name.
fn inline_by_name(
    src: &Source,
    meta: &mut Meta,
    rules: &RuleSet,
    root: &Path,
    portable: bool,
    library: &Library,
) -> Outcome {
    let kind = meta.extra.unwrap_or("other");
    let unclear = || Outcome::Stay(format!("a {kind} extra whose movie or show is not clear"));
    let file = paths::name_text(paths::to_bytes(Path::new(
        src.path.file_name().unwrap_or_default(),
    )));
    let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(&file);
    let Some((base, _)) = words::split_inline_extra(stem) else {
        return unclear();
    };
    let probe = src.path.with_file_name(format!("{base}.mkv"));
    let rel = src.rel.with_file_name(format!("{base}.mkv"));
    let mut m = Meta::from_source(&probe, &rel, 0);
    if m.title.is_none() || m.sample {
        return unclear();
    }
    match decide(&probe, &rel, &mut m, rules, root, portable, library) {
        Outcome::Target { to, .. } => {
            let mut maps = Maps::default();
            maps.add(&probe, &to, &m);
            match maps.extra_target(&src.path, meta) {
                Ok((t, base)) => {
                    meta.title = Some(base);
                    meta.year = None;
                    extra_outcome(root, &t)
                }
                Err(_) => unclear(),
            }
        }
        other => other,
    }
}

/// An extra's target, checked to lie inside the root.
fn extra_outcome(root: &Path, to: &Path) -> Outcome {
    let rel = to.strip_prefix(root).unwrap_or(to);
    match sanitize::inside(root, &rel.to_string_lossy()) {
        Some(to) => Outcome::Target {
            to,
            rule: "extra".into(),
        },
        None => Outcome::Stay("an extra whose target would leave the root".into()),
    }
}

/// An extra whose movie or show is not in this plan: its target from the folder it
/// belongs to (`owner`, read as a movie or, with season folders, a show), else from
/// its own name.
fn extra_by_owner(
    owner: Option<&Path>,
    src: &Source,
    meta: &mut Meta,
    rules: &RuleSet,
    root: &Path,
    portable: bool,
    library: &Library,
) -> Outcome {
    let kind = meta.extra.unwrap_or("other");
    let Some(owner) = owner else {
        return inline_by_name(src, meta, rules, root, portable, library);
    };
    let name = paths::name_text(paths::to_bytes(Path::new(
        owner.file_name().unwrap_or_default(),
    )));
    let show = std::fs::read_dir(owner).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            e.file_type().is_ok_and(|t| t.is_dir())
                && plexname::season_folder(&e.file_name().to_string_lossy()).is_some()
        })
    });
    let probe = if show {
        owner.join("Season 01").join(format!("{name} - S01E01.mkv"))
    } else {
        owner.join(format!("{name}.mkv"))
    };
    let rel = src
        .rel
        .parent()
        .map(|p| p.join(probe.file_name().unwrap_or_default()))
        .unwrap_or_default();
    let mut m = Meta::from_source(&probe, &rel, 0);
    if m.kind == MediaKindName::Unknown || m.title.is_none() {
        return Outcome::Stay(format!("a {kind} extra whose movie or show is not clear"));
    }
    match decide(&probe, &rel, &mut m, rules, root, portable, library) {
        Outcome::Target { to, .. } => {
            let mut maps = Maps::default();
            maps.add(&probe, &to, &m);
            match maps.extra_target(&src.path, meta) {
                Ok((t, base)) => {
                    meta.title = Some(base);
                    meta.year = None;
                    extra_outcome(root, &t)
                }
                Err(_) => Outcome::Stay(format!("a {kind} extra whose movie or show is not clear")),
            }
        }
        other => other,
    }
}

/// The genre from `<stem>.nfo`, `movie.nfo`, or `tvshow.nfo` in the folder or the one above.
fn genre_near(video: &Path) -> Option<String> {
    let dir = video.parent()?;
    let stem = sidecar::stem(video.file_name()?);
    let mut own = stem.to_vec();
    own.extend_from_slice(b".nfo");
    let mut candidates = vec![
        dir.join(OsString::from_vec(own)),
        dir.join("movie.nfo"),
        dir.join("tvshow.nfo"),
    ];
    if let Some(up) = dir.parent() {
        candidates.push(up.join("tvshow.nfo"));
    }
    candidates.iter().find_map(|p| {
        let bytes = std::fs::read(p).ok()?;
        genre_from_nfo(&String::from_utf8_lossy(&bytes))
    })
}

/// Different releases of one movie planned to one target: Plex's versions.
fn split_versions(videos: &mut [Video], sources: &[Source], portable: bool) {
    let mut wants: Vec<versions::Want> = videos
        .iter_mut()
        .filter(|v| !v.in_place)
        .map(|v| versions::Want {
            target: &mut v.target,
            label: v.version.as_deref(),
            path: &sources[v.src].path,
            size: sources[v.src].stat.size,
        })
        .collect();
    versions::split(&mut wants, &|p| key(p, portable), portable);
}

fn key(p: &Path, portable: bool) -> Vec<u8> {
    // On a case-insensitive target two names differing in case are the same file.
    if portable {
        p.as_os_str().to_string_lossy().to_lowercase().into_bytes()
    } else {
        paths::to_bytes(p).to_vec()
    }
}

fn with_stem(dir: &Path, stem: &[u8], suffix: &[u8], portable: bool) -> PathBuf {
    let mut name = stem.to_vec();
    name.extend_from_slice(suffix);
    // The suffix comes from a file name too: the whole new name is cleaned as one component.
    dir.join(sanitize::component(&paths::name_text(&name), portable))
}

fn free_name(target: &Path, taken: &HashSet<Vec<u8>>, portable: bool) -> PathBuf {
    let dir = target.parent().unwrap_or(Path::new("/"));
    let name = target.file_name().unwrap_or_default();
    let stem = sidecar::stem(name);
    let ext = &name.as_bytes()[stem.len()..];
    for n in 2.. {
        let mut s = stem.to_vec();
        s.extend_from_slice(format!(" ({n})").as_bytes());
        let cand = with_stem(dir, &s, ext, portable);
        if std::fs::symlink_metadata(&cand).is_err() && !taken.contains(&key(&cand, portable)) {
            return cand;
        }
    }
    unreachable!("an unbounded search finds a free name")
}

/// Existence checks of targets, skipping the stat when the target's folder is known
/// not to exist (most targets of a first run land in new folders).
#[derive(Default)]
struct Exists {
    dirs: HashMap<Vec<u8>, bool>,
}

impl Exists {
    fn get(&mut self, p: &Path) -> Option<std::fs::Metadata> {
        let dir = p.parent()?;
        let present = match self.dirs.get(paths::to_bytes(dir)) {
            Some(&b) => b,
            None => {
                let b = dir.is_dir();
                self.dirs.insert(paths::to_bytes(dir).to_vec(), b);
                b
            }
        };
        if present {
            std::fs::symlink_metadata(p).ok()
        } else {
            None
        }
    }
}

/// Targets that exist on disk, collisions inside the plan, sidecar targets.
fn settle(plan: &mut Plan, mut videos: Vec<Video>, sources: &[Source], opts: &PlanOptions) {
    let portable = opts.portable;
    split_versions(&mut videos, sources, portable);
    // Collisions between videos of this plan: nobody moves, never merged.
    let mut by_target: HashMap<Vec<u8>, Vec<usize>> = HashMap::new();
    for (i, v) in videos.iter().enumerate().filter(|(_, v)| !v.in_place) {
        by_target
            .entry(key(v.target.as_ref().expect("decided"), portable))
            .or_default()
            .push(i);
    }
    let mut dropped = vec![false; videos.len()];
    let mut conflict_groups: Vec<Vec<usize>> = by_target
        .values()
        .filter(|g| g.len() > 1)
        .cloned()
        .collect();
    conflict_groups.sort();
    for g in conflict_groups {
        let to = videos[g[0]].target.clone().expect("decided");
        plan.conflicts.push(Conflict {
            to,
            from: g
                .iter()
                .map(|&i| sources[videos[i].src].path.clone())
                .collect(),
            reason: "several files map to this target".into(),
        });
        for &i in &g {
            dropped[i] = true;
            for &(s, _) in &videos[i].sidecars {
                plan.skipped.push(Skip {
                    path: sources[s].path.clone(),
                    reason: "its video is in a conflict".into(),
                });
            }
        }
    }
    let mut taken: HashSet<Vec<u8>> = by_target.into_keys().collect();
    for v in videos.iter().filter(|v| v.in_place) {
        taken.insert(key(&sources[v.src].path, portable));
    }

    let mut exists = Exists::default();
    for (i, v) in videos.iter_mut().enumerate() {
        if dropped[i] {
            continue;
        }
        let src = &sources[v.src];
        let mut target = v.target.take().expect("decided");
        let mut action = Action::Place;
        if v.in_place {
            // Only what comes from a subtitle folder moves beside it.
        } else if let Some(existing) = exists.get(&target) {
            // A different release of a movie the library has: a version beside it.
            let version = v
                .version
                .as_deref()
                .and_then(|l| versions::named(&target, l, portable));
            if let Some(named) = version.filter(|n| {
                existing.is_file()
                    && !versions::same_content(&target, existing.len(), &src.path, src.stat.size)
                    && exists.get(n).is_none()
                    && taken.insert(key(n, portable))
            }) {
                target = named;
            }
        }
        if v.in_place {
        } else if let Some(existing) = exists.get(&target) {
            let skip_reason = match opts.on_conflict {
                OnConflict::Skip => Some("the target exists (--on-conflict skip)".to_string()),
                OnConflict::Rename => {
                    target = free_name(&target, &taken, portable);
                    taken.insert(key(&target, portable));
                    None
                }
                OnConflict::ReplaceIfIdentical if existing.len() == src.stat.size => {
                    action = Action::ReplaceIdentical;
                    None
                }
                OnConflict::ReplaceIfIdentical => {
                    Some("the target exists and differs in size".to_string())
                }
                OnConflict::KeepLarger if existing.len() < src.stat.size => {
                    action = Action::Swap;
                    None
                }
                OnConflict::KeepLarger => Some("the target exists and is not smaller".to_string()),
            };
            if let Some(reason) = skip_reason {
                plan.skipped.push(Skip {
                    path: src.path.clone(),
                    reason: format!("{reason}: {}", paths::display(&target)),
                });
                for &(s, _) in &v.sidecars {
                    plan.skipped.push(Skip {
                        path: sources[s].path.clone(),
                        reason: "its video stays".into(),
                    });
                }
                continue;
            }
            if !existing.is_file() {
                plan.skipped.push(Skip {
                    path: src.path.clone(),
                    reason: format!(
                        "the target exists and is not a regular file: {}",
                        paths::display(&target)
                    ),
                });
                continue;
            }
        }
        if !v.in_place {
            plan.moves.push(Move {
                from: src.path.clone(),
                to: target.clone(),
                rule: v.rule.clone(),
                sidecar_of: None,
                action,
                size: src.stat.size,
                stat: src.stat,
                identity: v.identity.clone(),
            });
        }
        let dir = target.parent().unwrap_or(Path::new("/"));
        let new_stem = sidecar::stem(target.file_name().unwrap_or_default()).to_vec();
        for (s, how) in &v.sidecars {
            let s = &sources[*s];
            let to = match how {
                Attach::Suffix(suffix) | Attach::SubsFolder(suffix) => {
                    with_stem(dir, &new_stem, suffix, portable)
                }
                // Its own name, cleaned like any target name (portable targets).
                Attach::Keep { up } => with_stem(
                    dir.ancestors().nth(*up).unwrap_or(dir),
                    s.path.file_name().unwrap_or_default().as_bytes(),
                    b"",
                    portable,
                ),
            };
            if to == s.path {
                plan.in_place += 1;
                continue;
            }
            if !taken.insert(key(&to, portable)) || exists.get(&to).is_some() {
                plan.skipped.push(Skip {
                    path: s.path.clone(),
                    reason: format!("its target is taken: {}", paths::display(&to)),
                });
                continue;
            }
            plan.moves.push(Move {
                from: s.path.clone(),
                to,
                rule: v.rule.clone(),
                sidecar_of: Some(src.path.clone()),
                action: Action::Place,
                size: s.stat.size,
                stat: s.stat,
                identity: v.identity.clone(),
            });
        }
    }
    plan.skipped
        .sort_unstable_by(|a, b| paths::to_bytes(&a.path).cmp(paths::to_bytes(&b.path)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_names_count_up() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("Movie (2020).mkv");
        std::fs::write(&t, b"x").unwrap();
        std::fs::write(dir.path().join("Movie (2020) (2).mkv"), b"x").unwrap();
        let got = free_name(&t, &HashSet::new(), false);
        assert_eq!(got, dir.path().join("Movie (2020) (3).mkv"));
    }
}
