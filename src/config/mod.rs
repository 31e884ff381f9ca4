//! The optional TOML configuration (`~/.config/plexsync/config.toml`, or `--config`):
//! libraries (a local root and its source) and one table per engine. Unknown keys and
//! wrong types are errors that name the key and the line. The original tool's
//! `config.yaml` is read too ([`legacy`]). See `docs/config.md`.

pub mod legacy;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

/// A local library and the source it is synced from.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Library {
    /// Name used with `--library NAME`.
    pub name: String,
    /// The local root.
    pub path: PathBuf,
    /// The source root (e.g. a mounted share), if any.
    pub source: Option<PathBuf>,
    /// Parallel readers for this library's files (`dupes`): unset, one per spinning disk
    /// or network share and every worker elsewhere; 1, one file at a time in disk order;
    /// more, that many at once. `--jobs` on the command line wins.
    #[serde(default)]
    pub jobs: Option<usize>,
}

/// The `[resync]` table: defaults for `resync run` (each flag overrides its key).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ResyncConfig {
    /// Retries after a failed attempt (`--retries`, default 3).
    pub retries: Option<u32>,
    /// Base of the exponential backoff in seconds (`--backoff`, default 1).
    pub backoff: Option<f64>,
    /// Total read rate limit from the sources, bytes per second (`--bwlimit`).
    pub bwlimit: Option<u64>,
    /// Keep replaced copies below this folder (`--backup-dir`).
    pub backup_dir: Option<PathBuf>,
    /// Days to keep replaced files in the library's backup folder, 0 none (`--backup-days`, default 7).
    pub backup_days: Option<u32>,
    /// Seconds a source must be left unmodified before it is copied (`--settle`, default 300).
    pub settle: Option<u64>,
}

/// The `[dupes]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DupesConfig {}

/// The `[organize]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct OrganizeConfig {
    /// Built-in strategy used when there are no rules (`plex` when unset).
    pub strategy: Option<String>,
    /// `[[organize.rule]]` entries (they replace the strategy).
    pub rule: Vec<crate::organize::rules::RuleSpec>,
    /// Default target root for `organize plan/apply` (`--into`).
    pub into: Option<PathBuf>,
}

/// The `[usage]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct UsageConfig {
    /// Default `--half-life` in days (90).
    pub half_life_days: Option<f64>,
    /// Default `usage prune --older-than` in days (365).
    pub retention_days: Option<u32>,
    /// Default `usage recommend --min-age` in days (30).
    pub cleanup_min_age_days: Option<u32>,
    /// `--map FROM=TO` rewrites applied to every import (before those on the command line).
    pub map: Vec<String>,
    /// `--server-tz` per import source (`kodi = "Europe/Paris"`), for their wall-clock times.
    pub server_tz: std::collections::BTreeMap<String, String>,
}

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Catalog path (overridden by `--catalog` / `PLEXSYNC_CATALOG`).
    pub catalog: Option<PathBuf>,
    /// Worker threads (overridden by `-j`).
    pub jobs: Option<usize>,
    /// `[[library]]` entries.
    pub library: Vec<Library>,
    pub resync: ResyncConfig,
    pub dupes: DupesConfig,
    pub organize: OrganizeConfig,
    pub usage: UsageConfig,
    /// Where this configuration was read from (None: defaults).
    #[serde(skip)]
    pub source_path: Option<PathBuf>,
}

/// The default config path: `$XDG_CONFIG_HOME/plexsync/config.toml`, else
/// `~/.config/plexsync/config.toml`.
pub fn default_path() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("plexsync/config.toml");
    }
    crate::catalog::home_dir().join(".config/plexsync/config.toml")
}

impl Config {
    /// Parse configuration text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &Path) -> Result<Config> {
        let mut cfg: Config = toml::from_str(text)
            .map_err(|e| anyhow::anyhow!("{}: {}", origin.display(), e.to_string().trim_end()))?;
        cfg.source_path = Some(origin.to_path_buf());
        for lib in &mut cfg.library {
            lib.path = crate::paths::expand_tilde(&lib.path);
            lib.source = lib.source.as_deref().map(crate::paths::expand_tilde);
        }
        let mut names = std::collections::HashSet::new();
        for lib in &cfg.library {
            if !names.insert(lib.name.as_str()) {
                anyhow::bail!(
                    "{}: library name {:?} is used twice",
                    origin.display(),
                    lib.name
                );
            }
        }
        Ok(cfg)
    }

    /// Load `explicit` (which must exist; a `.yaml` or `.yml` file is read as the original
    /// tool's settings), else the default file when it exists, else the defaults. Without
    /// `explicit`, the original tool's `config.yaml` is read too when it exists: its
    /// libraries join those of the TOML file, which wins where both name one library.
    pub fn load(explicit: Option<&Path>) -> Result<Config> {
        if let Some(p) = explicit.filter(|p| legacy::is_yaml(p)) {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("reading config {}", p.display()))?;
            return Ok(Config {
                library: legacy::libraries(&text, p)?,
                source_path: Some(p.to_path_buf()),
                ..Config::default()
            });
        }
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => (default_path(), false),
        };
        let mut cfg = match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Config::default(),
            Err(e) => return Err(e).with_context(|| format!("reading config {}", path.display())),
        };
        if explicit.is_none() {
            let old = legacy::default_path();
            match std::fs::read_to_string(&old) {
                Ok(text) => {
                    for lib in legacy::libraries(&text, &old)? {
                        if !cfg.library.iter().any(|l| l.name == lib.name) {
                            cfg.library.push(lib);
                        }
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("reading {}", old.display())),
            }
        }
        Ok(cfg)
    }

    /// The library called `name`.
    pub fn library(&self, name: &str) -> Result<&Library> {
        self.library
            .iter()
            .find(|l| l.name == name)
            .with_context(|| {
                let known: Vec<&str> = self.library.iter().map(|l| l.name.as_str()).collect();
                format!(
                    "no library named {name:?} in the config (known: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libraries() {
        let cfg = Config::parse(
            "catalog = \"/tmp/c.db\"\n[[library]]\nname = \"movies\"\npath = \"/home/me/Movies\"\nsource = \"/mnt/media/Movies\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(
            cfg.library("movies").unwrap().source.as_deref(),
            Some(Path::new("/mnt/media/Movies"))
        );
        assert!(cfg.library("tv").is_err());
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = Config::parse(
            "jobs = 2\n\n[[library]]\nname = \"m\"\npath = \"/x\"\ncolour = 1\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("colour"), "{err}");
        assert!(err.contains("line 6"), "{err}");
        let err = Config::parse("jobs = \"two\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1") && err.contains("jobs"), "{err}");
    }
}
