//! The organize engine: move media into a clean layout (Plex's naming by default) by
//! rules and templates, with a plan, a journal and undo.
//!
//! [`rules`] and [`template`] decide each file's target from its parsed name ([`meta`]),
//! [`sanitize`] keeps every target inside the root, [`plan`] walks the folders and
//! settles conflicts without touching a file, [`apply`] journals and carries a plan out
//! through [`steps`], and [`undo`] takes runs back or recovers after a crash.

pub mod apply;
pub mod attach;
pub mod batch;
pub mod decide;
pub mod library;
pub mod meta;
pub mod plan;
pub mod plexname;
pub mod rules;
pub mod sanitize;
pub mod sidecar;
pub mod steps;
pub mod strategies;
pub mod template;
pub mod undo;
pub mod versions;
pub mod words;

use std::path::Path;

use anyhow::{Context, Result};

use crate::config::OrganizeConfig;
use rules::RuleSet;

/// The rules in force: `--rules FILE`, else `--strategy NAME`, else the config's
/// `[[organize.rule]]`, else the config's `organize.strategy`, else `plex`.
pub fn load_rules(
    rules_file: Option<&Path>,
    strategy: Option<&str>,
    config: &OrganizeConfig,
) -> Result<RuleSet> {
    if let Some(f) = rules_file {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading rules {}", f.display()))?;
        return RuleSet::from_toml(&text, &f.display().to_string());
    }
    if let Some(s) = strategy {
        return strategies::rules(s);
    }
    if !config.rule.is_empty() {
        return RuleSet::new("config [[organize.rule]]", config.rule.clone())
            .context("config [[organize.rule]]");
    }
    strategies::rules(config.strategy.as_deref().unwrap_or("plex"))
}
