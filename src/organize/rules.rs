//! Rules: which files go where. A rule has a name, a match (globs on the path or file
//! name, the parsed kind, extensions, conditions such as `size > 5GB`), a target
//! template, a priority and an enabled flag. Rules come from `--rules FILE`, the config's
//! `[[organize.rule]]`, or a built-in strategy, and are compiled once: a bad glob,
//! condition or template is an error naming the rule.

use std::path::Path;

use anyhow::{bail, Context, Result};
use globset::{GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};

use super::meta::Meta;
use super::template::{Field, Template};

/// How early a rule is tried: every `high` rule before any `medium`, then `low`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    High,
    #[default]
    Medium,
    Low,
}

/// A rule as written in TOML (`[[organize.rule]]` or a `--rules` file).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Shown in plans and errors.
    pub name: String,
    /// Target path template, relative to `--into ROOT`.
    pub target: String,
    /// `high`, `medium` (default) or `low`.
    #[serde(default)]
    pub priority: Priority,
    /// A disabled rule is listed but never used.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// What the rule applies to (everything when absent).
    #[serde(default, rename = "match")]
    pub matcher: MatchSpec,
    /// Movies this rule places that collide with another release of the same movie (in
    /// the plan or in the library) become Plex's versions: `Heat (1995) - 1080p.mkv`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub versions: bool,
}

fn yes() -> bool {
    true
}

/// The `match` table of a rule; every part given must hold.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MatchSpec {
    /// Globs on the path relative to the folder given to plan/apply (any may match).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// Globs on the file name (any may match).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<String>,
    /// `movie`, `episode`, `unknown` or `sample`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Extensions without the dot, case-insensitive (any may match).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<String>,
    /// Conditions such as `size > 5GB`, `resolution >= 1080p`, `year < 2000` (all must hold).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
}

/// A rules file: `[[rule]]` entries.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Size,
    Resolution,
    Year,
    Season,
    Episode,
}

/// A compiled condition: `subject op number`.
#[derive(Debug, Clone, PartialEq)]
struct Condition {
    subject: Subject,
    op: Op,
    value: u64,
}

impl Condition {
    fn parse(s: &str) -> std::result::Result<Condition, String> {
        let s = s.trim();
        let ops = [
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("==", Op::Eq),
            ("!=", Op::Ne),
            ("<", Op::Lt),
            (">", Op::Gt),
            ("=", Op::Eq),
        ];
        let Some((i, (tok, op))) = ops
            .iter()
            .find_map(|(t, o)| s.find(t).map(|i| (i, (t, *o))))
        else {
            return Err(format!(
                "condition `{s}` has no operator (use <, <=, >, >=, ==, !=)"
            ));
        };
        let lhs = s[..i].trim().to_ascii_lowercase();
        let rhs = s[i + tok.len()..].trim();
        let subject = match lhs.as_str() {
            "size" => Subject::Size,
            "resolution" | "screen_size" => Subject::Resolution,
            "year" => Subject::Year,
            "season" => Subject::Season,
            "episode" => Subject::Episode,
            other => {
                return Err(format!(
                    "condition `{s}`: unknown subject `{other}` (size, resolution, year, season, episode)"
                ))
            }
        };
        let value = match subject {
            Subject::Size => parse_size(rhs),
            Subject::Resolution => resolution_lines(rhs).map(u64::from),
            _ => rhs.parse().ok(),
        }
        .ok_or_else(|| format!("condition `{s}`: bad value `{rhs}`"))?;
        Ok(Condition { subject, op, value })
    }

    fn holds(&self, meta: &Meta) -> bool {
        let v = match self.subject {
            Subject::Size => Some(meta.size),
            Subject::Resolution => meta
                .screen_size
                .as_deref()
                .and_then(resolution_lines)
                .map(u64::from),
            Subject::Year => meta.year.map(u64::from),
            Subject::Season => meta.season.map(u64::from),
            Subject::Episode => meta.episode.map(u64::from),
        };
        // A file without the value (no year in its name) never satisfies a condition on it.
        let Some(v) = v else { return false };
        match self.op {
            Op::Lt => v < self.value,
            Op::Le => v <= self.value,
            Op::Gt => v > self.value,
            Op::Ge => v >= self.value,
            Op::Eq => v == self.value,
            Op::Ne => v != self.value,
        }
    }
}

/// `5GB` (10^9), `4.5GiB` (2^30), `700MB`, `123` (bytes) → bytes.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let num: f64 = num.parse().ok()?;
    let mult: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "t" | "tb" => 1e12,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        "tib" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some((num * mult).round() as u64)
}

/// Lines of a resolution: `1080p`/`1080i`/`1080` → 1080, `4K`/`UHD` → 2160, `8K` → 4320,
/// `SD` → 480.
pub fn resolution_lines(s: &str) -> Option<u32> {
    let l = s.trim().to_ascii_lowercase();
    match l.as_str() {
        "4k" | "uhd" | "2160p" => return Some(2160),
        "8k" => return Some(4320),
        "sd" => return Some(480),
        "hd" => return Some(720),
        "fhd" => return Some(1080),
        _ => {}
    }
    let digits = l.trim_end_matches(['p', 'i']);
    digits.parse().ok()
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub spec: RuleSpec,
    pub template: Template,
    path_globs: Option<GlobSet>,
    name_globs: Option<GlobSet>,
    conditions: Vec<Condition>,
    extensions: Vec<String>,
}

fn globset(rule: &str, what: &str, globs: &[String]) -> Result<Option<GlobSet>> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let glob = globset::GlobBuilder::new(g)
            .case_insensitive(true)
            .literal_separator(what == "path")
            .build()
            .with_context(|| format!("rule {rule:?}: bad {what} glob {g:?}"))?;
        b.add(glob);
    }
    Ok(Some(
        b.build()
            .with_context(|| format!("rule {rule:?}: {what} globs"))?,
    ))
}

impl Rule {
    /// Compile a rule; errors name it.
    pub fn compile(spec: RuleSpec) -> Result<Rule> {
        let name = &spec.name;
        if name.trim().is_empty() {
            bail!("a rule has an empty name");
        }
        let template = Template::parse(&spec.target)
            .map_err(|e| anyhow::anyhow!("rule {name:?}: target {:?}: {e}", spec.target))?;
        let m = &spec.matcher;
        if let Some(k) = &m.kind {
            if !matches!(k.as_str(), "movie" | "episode" | "unknown" | "sample") {
                bail!("rule {name:?}: kind {k:?} is not one of movie, episode, unknown, sample");
            }
        }
        let conditions = m
            .conditions
            .iter()
            .map(|c| Condition::parse(c).map_err(|e| anyhow::anyhow!("rule {name:?}: {e}")))
            .collect::<Result<Vec<_>>>()?;
        Ok(Rule {
            path_globs: globset(name, "path", &m.path)?,
            name_globs: globset(name, "name", &m.name)?,
            extensions: m
                .extension
                .iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
            conditions,
            template,
            spec,
        })
    }

    /// The rule's name.
    pub fn name(&self) -> &str {
        &self.spec.name
    }

    /// True when the match part holds for this file (`rel` is its path relative to the
    /// folder being organized).
    pub fn matches(&self, rel: &Path, meta: &Meta) -> bool {
        // A sample is matched only by a rule that asks for samples.
        let kind = if meta.sample {
            "sample"
        } else {
            meta.kind.as_str()
        };
        match &self.spec.matcher.kind {
            Some(k) if k != kind => return false,
            None if meta.sample => return false,
            _ => {}
        }
        if !self.extensions.is_empty() && !self.extensions.contains(&meta.ext) {
            return false;
        }
        if let Some(g) = &self.name_globs {
            if !rel.file_name().is_some_and(|n| g.is_match(n)) {
                return false;
            }
        }
        if let Some(g) = &self.path_globs {
            if !g.is_match(rel) {
                return false;
            }
        }
        self.conditions.iter().all(|c| c.holds(meta))
    }
}

/// The rules in force, in the order they are tried.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Where the rules came from (`strategy plex`, a file path, `config`).
    pub origin: String,
    /// Every rule, enabled or not, sorted by priority (stable).
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// Whether the rule named `name` makes Plex's multi-version names.
    pub fn versions(&self, name: &str) -> bool {
        self.rules
            .iter()
            .any(|r| r.spec.versions && r.name() == name)
    }

    /// Compile `specs` (sorted by priority, file order within one priority).
    pub fn new(origin: impl Into<String>, specs: Vec<RuleSpec>) -> Result<RuleSet> {
        let mut seen = std::collections::HashSet::new();
        for s in &specs {
            if !seen.insert(s.name.clone()) {
                bail!("rule name {:?} is used twice", s.name);
            }
        }
        let mut rules = specs
            .into_iter()
            .map(Rule::compile)
            .collect::<Result<Vec<_>>>()?;
        rules.sort_by_key(|r| r.spec.priority);
        if !rules.iter().any(|r| r.spec.enabled) {
            bail!("no enabled rule");
        }
        Ok(RuleSet {
            origin: origin.into(),
            rules,
        })
    }

    /// Parse a rules file (`[[rule]]` tables).
    pub fn from_toml(text: &str, origin: &str) -> Result<RuleSet> {
        let f: RulesFile = toml::from_str(text)
            .map_err(|e| anyhow::anyhow!("{origin}: {}", e.to_string().trim_end()))?;
        if f.rule.is_empty() {
            bail!("{origin}: no [[rule]] in it");
        }
        RuleSet::new(origin, f.rule).with_context(|| origin.to_string())
    }

    /// True when some enabled rule's template uses `field` (so it is worth computing).
    pub fn uses(&self, field: Field) -> bool {
        self.rules
            .iter()
            .filter(|r| r.spec.enabled)
            .any(|r| r.template.fields().contains(&field))
    }

    /// The rules as a TOML rules file (what `organize rules` prints, ready to copy).
    pub fn to_toml(&self) -> String {
        let f = RulesFile {
            rule: self.rules.iter().map(|r| r.spec.clone()).collect(),
        };
        toml::to_string(&f).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::organize::meta::MediaKindName;

    #[test]
    fn conditions_parse_and_hold() {
        let c = Condition::parse("size > 5GB").unwrap();
        let mut m = Meta::for_tests("mkv", 6_000_000_000);
        assert!(c.holds(&m));
        m.size = 4_000_000_000;
        assert!(!c.holds(&m));
        let r = Condition::parse("resolution >= 1080p").unwrap();
        assert!(!r.holds(&m), "no resolution: the condition does not hold");
        m.screen_size = Some("2160p".into());
        assert!(r.holds(&m));
        m.screen_size = Some("720p".into());
        assert!(!r.holds(&m));
        assert!(Condition::parse("year < 2000").is_ok());
        assert!(Condition::parse("colour > 3").is_err());
        assert!(Condition::parse("size > lots").is_err());
        assert_eq!(parse_size("1.5GiB"), Some(1_610_612_736));
    }

    #[test]
    fn errors_name_the_rule_and_priority_orders() {
        let err = RuleSet::from_toml(
            "[[rule]]\nname = \"films\"\ntarget = \"Movies/{titel}\"\n",
            "rules.toml",
        )
        .unwrap_err();
        let msg = format!("{err:#}");
        assert!(msg.contains("films") && msg.contains("column 9"), "{msg}");

        let set = RuleSet::from_toml(
            "[[rule]]\nname = \"a\"\ntarget = \"A/{title}\"\npriority = \"low\"\n\
             [[rule]]\nname = \"b\"\ntarget = \"B/{title}\"\npriority = \"high\"\n\
             [rule.match]\nkind = \"movie\"\nname = [\"*.MKV\"]\nconditions = [\"year < 2000\"]\n",
            "rules.toml",
        )
        .unwrap();
        assert_eq!(set.rules[0].name(), "b");
        let mut m = Meta::for_tests("mkv", 1);
        m.kind = MediaKindName::Movie;
        m.year = Some(1999);
        assert!(set.rules[0].matches(Path::new("x/Film.1999.mkv"), &m));
        m.year = Some(2001);
        assert!(!set.rules[0].matches(Path::new("x/Film.2001.mkv"), &m));
        let again = RuleSet::from_toml(&set.to_toml(), "printed").unwrap();
        assert_eq!(again.rules.len(), 2);
    }
}
