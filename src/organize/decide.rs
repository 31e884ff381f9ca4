//! One file's target: the first enabled rule (by priority) that matches and whose
//! template can be filled, then the target library's say — an existing folder of the
//! same identity is reused as spelled, several that fit are a conflict — and finally
//! Plex's own tolerance: a file already in Plex's layout at the place the rules want
//! (its folder, `Season 1` for `Season 01`, `Specials` for `Season 00`) stays, keeping
//! its multi-version label, hints and edition as written.

use std::path::{Path, PathBuf};

use super::library::{Found, Holds, Library};
use super::meta::{MediaKindName, Meta};
use super::plexname;
use super::rules::RuleSet;
use super::sanitize;
use super::template::Field;

/// What the rules and the library decided for one file.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Move to `to` (`to == from` when it is in place), by `rule`.
    Target { to: PathBuf, rule: String },
    /// The file stays, for this reason.
    Stay(String),
    /// The identity is ambiguous in the library: `to` is the folder where it would go.
    Conflict { to: PathBuf, reason: String },
}

const MARK: &str = "Qplexsyncidentitymark";

/// Decide `meta`'s target (`path`: the file, `rel`: relative to the folder given).
pub fn decide(
    path: &Path,
    rel: &Path,
    meta: &mut Meta,
    rules: &RuleSet,
    root: &Path,
    portable: bool,
    library: &Library,
) -> Outcome {
    let mut first_missing = None;
    for rule in rules.rules.iter().filter(|r| r.spec.enabled) {
        if !rule.matches(rel, meta) {
            continue;
        }
        let rendered = match rule.template.render(meta, portable) {
            Ok(r) => r,
            Err(field) => {
                first_missing.get_or_insert((rule.name().to_string(), field));
                continue;
            }
        };
        let name = rule.name().to_string();
        let rendered = match with_library(rendered, path, meta, rule, root, portable, library) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let Some(to) = sanitize::inside(root, &rendered) else {
            return Outcome::Stay(format!("rule {name}: the target would leave the root"));
        };
        return Outcome::Target {
            to: plex_tolerance(path, to, meta),
            rule: name,
        };
    }
    Outcome::Stay(match first_missing {
        Some((rule, field)) => format!(
            "rule {rule}: no {{{}}} in the name (kind {})",
            field.name(),
            meta.kind.as_str()
        ),
        None if meta.sample => {
            "a sample, not the feature (a rule with kind = \"sample\" moves it)".to_string()
        }
        None => format!("no rule matches (kind {})", meta.kind.as_str()),
    })
}

/// Reuse the library's folder of the same identity, spelled as it is.
fn with_library(
    rendered: String,
    path: &Path,
    meta: &mut Meta,
    rule: &super::rules::Rule,
    root: &Path,
    portable: bool,
    library: &Library,
) -> Result<String, Outcome> {
    // Which folder of the target is the identity's: known from the template, else found
    // by rendering once with a marker title.
    let comps: Vec<&str> = rendered.split('/').collect();
    let at = match rule.template.folder_of(&[Field::Title, Field::Show]) {
        Some((at, n)) if n == comps.len() => at,
        Some(_) => return Ok(rendered),
        None => {
            let mut probe = meta.clone();
            probe.title = Some(MARK.to_string());
            let Ok(p) = rule.template.render(&probe, portable) else {
                return Ok(rendered);
            };
            let pcomps: Vec<&str> = p.split('/').collect();
            let Some(at) = pcomps[..pcomps.len().saturating_sub(1)]
                .iter()
                .position(|c| c.contains(MARK))
            else {
                return Ok(rendered);
            };
            if comps.len() != pcomps.len() {
                return Ok(rendered);
            }
            at
        }
    };
    let (key, year, country) = meta.key();
    let find = |parent: &Path| {
        let own = path
            .strip_prefix(parent)
            .ok()
            .and_then(|r| r.components().next())
            .and_then(|c| c.as_os_str().to_str().map(str::to_string));
        library.find(
            parent,
            &key,
            year,
            country.as_deref(),
            meta.edition.as_deref(),
            own.as_deref(),
        )
    };
    let (top, found) = pick_top(&comps, at, meta, root, path, library, &find)?;
    let parent = root.join(&top).join(comps[1..at].join("/"));
    let rendered = if at > 0 && top != comps[0] {
        let mut c: Vec<&str> = comps.clone();
        c[0] = &top;
        c.join("/")
    } else {
        rendered.clone()
    };
    match found {
        Found::None => {
            library.note_new(&parent, &key, year, country.as_deref(), comps[at]);
            Ok(rendered)
        }
        Found::Several(names) => Err(Outcome::Conflict {
            to: parent,
            reason: format!(
                "{} fits several folders of the library ({}): name it with its year or country",
                meta.label(),
                names.join(", ")
            ),
        }),
        Found::One(name, id) => {
            meta.title = Some(id.title.clone());
            match meta.kind {
                MediaKindName::Episode => {
                    meta.country = id.country.clone();
                    meta.show_year = if id.country.is_some() { None } else { id.year };
                }
                _ => {
                    if meta.date.is_none() {
                        meta.year = id.year.or(meta.year);
                    }
                }
            }
            if meta.hints.is_none() && !id.hints.is_empty() {
                meta.hints = Some(id.hints.join(" "));
            }
            let n = comps.len();
            let again = rule
                .template
                .render(meta, portable)
                .unwrap_or_else(|_| rendered.clone());
            let mut c: Vec<String> = again.split('/').map(str::to_string).collect();
            if c.len() == n {
                if at > 0 {
                    c[0] = top.clone();
                }
                c[at] = sanitize::component(&name, portable);
                // The show's season folder as the library spells it (`Specials`, `Season 1`).
                if at + 2 < n {
                    if let Some(k) = plexname::season_folder(&c[at + 1]) {
                        if let Some(existing) = library.season(&parent.join(&c[at]), k) {
                            c[at + 1] = sanitize::component(&existing, portable);
                        }
                    }
                }
            }
            Ok(c.join("/"))
        }
    }
}

/// The library's own top-level folder for this identity (`TV/` rather than the
/// template's `TV Shows/`), with what the library holds of the identity there: an
/// identity folder under any top-level folder (not one holding the other kind) wins;
/// under two it is a conflict; with none and no folder named as the template's, the one
/// top-level folder holding this kind of folders (shows or movies) is used.
fn pick_top(
    comps: &[&str],
    at: usize,
    meta: &Meta,
    root: &Path,
    meta_path: &Path,
    library: &Library,
    find: &dyn Fn(&Path) -> Found,
) -> Result<(String, Found), Outcome> {
    let template = comps[0].to_string();
    let here = |top: &str| root.join(top).join(comps[1..at].join("/"));
    if at == 0 {
        return Ok((template, Found::None));
    }
    let found = find(&here(&template));
    let want = match meta.kind {
        MediaKindName::Episode => Holds::Shows,
        MediaKindName::Movie => Holds::Movies,
        MediaKindName::Unknown => return Ok((template, found)),
    };
    let other = if want == Holds::Shows {
        Holds::Movies
    } else {
        Holds::Shows
    };
    let tops = library.tops(root);
    let mut hits: Vec<(String, Found)> = Vec::new();
    if found != Found::None {
        hits.push((template.clone(), found));
    }
    for (name, holds) in tops.iter() {
        if *name == template || *holds == other {
            continue;
        }
        let f = find(&here(name));
        if f != Found::None {
            hits.push((name.clone(), f));
        }
    }
    // A file lying in one of them stays in its own.
    if let Some(i) = hits
        .iter()
        .position(|(t, f)| matches!(f, Found::One(n, _) if path_in(meta_path, &here(t).join(n))))
    {
        return Ok(hits.swap_remove(i));
    }
    match hits.len() {
        0 => {
            if tops.iter().any(|(n, _)| *n == template) {
                return Ok((template, Found::None));
            }
            let of_kind: Vec<&(String, Holds)> = tops.iter().filter(|(_, h)| *h == want).collect();
            Ok(match of_kind.as_slice() {
                [one] => (one.0.clone(), Found::None),
                _ => (template, Found::None),
            })
        }
        1 => Ok(hits.pop().expect("one hit")),
        _ => {
            let names: Vec<String> = hits
                .iter()
                .flat_map(|(t, f)| match f {
                    Found::One(n, _) => vec![format!("{t}/{n}")],
                    Found::Several(v) => v.iter().map(|n| format!("{t}/{n}")).collect(),
                    Found::None => vec![],
                })
                .collect();
            Err(Outcome::Conflict {
                to: root.to_path_buf(),
                reason: format!(
                    "{} is in several top folders of the library ({}): keep one",
                    meta.label(),
                    names.join(", ")
                ),
            })
        }
    }
}

fn path_in(path: &Path, dir: &Path) -> bool {
    path.starts_with(dir)
}

/// A file already in Plex's layout where the rules want it stays as it is written; one
/// coming from another Plex library keeps its Plex name in the new folder.
fn plex_tolerance(path: &Path, to: PathBuf, meta: &Meta) -> PathBuf {
    let Some(plex) = &meta.plex else { return to };
    if matches!(plex.role, plexname::Role::Extra { .. }) {
        return to;
    }
    // The rule writes Plex names too (its target reads as Plex's layout).
    let text = to.to_string_lossy().into_owned();
    let comps: Vec<&str> = text.split('/').filter(|c| !c.is_empty()).collect();
    let Some(target) = plexname::read(&comps[comps.len().saturating_sub(5)..]) else {
        return to;
    };
    if target.role != same_numbers(&plex.role, &target.role) {
        return to;
    }
    let (Some(src_dir), Some(dir)) = (path.parent(), to.parent()) else {
        return to;
    };
    // `Season 1` for `Season 01`, `Specials` for `Season 00`; episodes straight in their
    // show's folder (season folders are optional to Plex).
    let episode = matches!(plex.role, plexname::Role::Episode { .. });
    let same_dir = src_dir == dir
        || src_dir.parent() == dir.parent()
            && plex.season_dir.is_some()
            && plex.season_dir == target.season_dir
        || episode && plex.season_dir.is_none() && Some(src_dir) == dir.parent();
    if same_dir {
        return path.to_path_buf();
    }
    // From another library: the Plex name is kept when it spells the same title.
    // Its edition must be in the name kept (not only in the folder it leaves).
    if plex.folder.title == target.folder.title && plex.file_edition == meta.edition {
        if let Some(name) = path.file_name() {
            return dir.join(name);
        }
    }
    to
}

/// `b` when the numbers `a` reads agree with it (episode titles aside), else `a`.
fn same_numbers(a: &plexname::Role, b: &plexname::Role) -> plexname::Role {
    use plexname::Role::*;
    match (a, b) {
        (Movie { part: x }, Movie { part: y }) if x == y => b.clone(),
        (
            Episode {
                season: s1,
                episodes: e1,
                date: d1,
                ..
            },
            Episode {
                season: s2,
                episodes: e2,
                date: d2,
                ..
            },
        ) if s1 == s2 && e1 == e2 && d1 == d2 => b.clone(),
        _ => a.clone(),
    }
}
