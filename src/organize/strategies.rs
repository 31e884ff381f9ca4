//! Built-in strategies: named rule sets written in the same TOML a user would write, so
//! `plexsync organize rules --strategy NAME` prints something ready to copy and edit.

use anyhow::{bail, Result};

use super::rules::RuleSet;

/// Every built-in strategy with a one-line description.
pub const STRATEGIES: &[(&str, &str)] = &[
    (
        "plex",
        "Plex's naming: Movies/Title (Year)/..., TV Shows/Show/Season 01/... (default)",
    ),
    ("by-year", "Plex naming under a folder per year"),
    (
        "by-quality",
        "Plex naming under a folder per resolution (1080p, 2160p, ...)",
    ),
    ("by-size", "Plex naming under small/medium/large folders"),
    (
        "by-genre",
        "Plex naming under a folder per genre (from a .nfo beside the file)",
    ),
    (
        "by-type",
        "Movies/, TV Shows/Show/ and Other/, keeping the original file names",
    ),
];

const MOVIE_NAME: &str = "{title}[ ({year})][ {{edition-{edition}}}][ - pt{part}].{ext}";
const MOVIE_DIR: &str = "{title}[ ({year})][ {hints}]";
const EPISODE_FILE: &str =
    "{show} - S{season:02|01}E{episode:02}[-E{last_episode:02}][ - {episode_title}].{ext}";
const DAILY_FILE: &str = "{show} - {date}[ - {episode_title}].{ext}";

fn plex_like(prefix: &str, tag: &str) -> String {
    format!(
        r#"# Episodes: Plex's form, specials (season 0) in "Season 00", multi-episode files as S01E01-E02.
[[rule]]
name = "{tag}episode"
target = "{prefix}TV Shows/{{show}}[ {{hints}}]/Season {{season:02|01}}/{EPISODE_FILE}"
[rule.match]
kind = "episode"

# Daily shows (no episode number, a date instead): Plex's "Season YEAR" form.
[[rule]]
name = "{tag}daily"
target = "{prefix}TV Shows/{{show}}[ {{hints}}]/Season {{year}}/{DAILY_FILE}"
[rule.match]
kind = "episode"

# Movies: editions as {{edition-...}}, multi-part files as " - pt1".
[[rule]]
name = "{tag}movie"
target = "{prefix}Movies/{MOVIE_DIR}/{MOVIE_NAME}"
[rule.match]
kind = "movie"
"#
    )
}

/// The TOML text of strategy `name`.
pub fn text(name: &str) -> Result<String> {
    Ok(match name {
        "plex" => plex_like("", "plex-"),
        "by-year" => plex_like("{year|Unknown Year}/", "year-"),
        "by-quality" => plex_like("{screen_size|Unknown Quality}/", "quality-"),
        "by-size" => plex_like("{size_class}/", "size-"),
        "by-genre" => plex_like("{genre|Unknown Genre}/", "genre-"),
        "by-type" => r#"[[rule]]
name = "type-movie"
target = "Movies/{original_name}.{ext}"
[rule.match]
kind = "movie"

[[rule]]
name = "type-episode"
target = "TV Shows/{show}/{original_name}.{ext}"
[rule.match]
kind = "episode"

[[rule]]
name = "type-other"
target = "Other/{original_name}.{ext}"
priority = "low"
"#
        .to_string(),
        other => {
            let known: Vec<&str> = STRATEGIES.iter().map(|s| s.0).collect();
            bail!("unknown strategy {other:?} (known: {})", known.join(", "))
        }
    })
}

/// The compiled rules of strategy `name`.
pub fn rules(name: &str) -> Result<RuleSet> {
    RuleSet::from_toml(&text(name)?, &format!("strategy {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_strategy_compiles() {
        for (name, _) in STRATEGIES {
            let set = rules(name).unwrap_or_else(|e| panic!("{name}: {e:#}"));
            assert!(!set.rules.is_empty());
        }
        assert!(rules("nope").is_err());
    }
}
