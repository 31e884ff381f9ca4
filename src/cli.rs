//! The whole command-line definition (clap derive). `command()` serves the generators of
//! completions and man pages.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

/// Keep a local copy of a media library healthy.
#[derive(Debug, Parser)]
#[command(
    name = "plexsync",
    version,
    about = "Keep a local copy of a media library healthy",
    long_about = "Keep a local copy of a media library healthy: find broken copies and resync them, \
                  find duplicates, organize files into a clean layout, and see what is actually watched.",
    after_help = "Exit codes: 0 success, 1 found something that needs attention (where asked), 2 error.",
    propagate_version = true
)]
pub struct Cli {
    /// Catalog file [default: ~/.local/share/plexsync/catalog.db]
    #[arg(
        long,
        global = true,
        env = "PLEXSYNC_CATALOG",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub catalog: Option<PathBuf>,

    /// Config file [default: ~/.config/plexsync/config.toml]
    #[arg(
        long,
        global = true,
        env = "PLEXSYNC_CONFIG",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub config: Option<PathBuf>,

    /// Print JSON Lines on stdout (see docs/json.md)
    #[arg(long, global = true)]
    pub json: bool,

    /// When to use colour (NO_COLOR turns auto off)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// No progress and no warnings
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// More detail on stderr (repeat for more)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Worker threads [default: number of CPUs]
    #[arg(short = 'j', long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk folders and record their files in the catalog
    Scan(ScanArgs),
    /// Show what the catalog knows, per root, by kind and status
    Status(StatusArgs),
    /// Find duplicate files (exact, partial, same media) and act on them safely
    Dupes(DupesArgs),
    /// Read release names: movie or episode, title, year, season, episode, quality, group
    Parse(ParseArgs),
    /// Generate shell completions or man pages
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// `plexsync scan`
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Folders (or files) to scan
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Compute BLAKE3 of new and changed files
    #[arg(long)]
    pub hash: bool,
    /// Follow symbolic links (loops are detected)
    #[arg(long, short = 'L')]
    pub follow: bool,
}

/// `plexsync status`
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Limit to these folders (default: every scanned root)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// `plexsync dupes`
#[derive(Debug, Args)]
pub struct DupesArgs {
    #[command(subcommand)]
    pub verb: DupesVerb,
}

/// The verbs of `plexsync dupes`.
#[derive(Debug, Subcommand)]
pub enum DupesVerb {
    /// Find groups of duplicates (changes no file)
    Find(DupesFindArgs),
    /// Delete the non-keepers of the chosen groups (or move them to --trash DIR)
    Remove(DupesRemoveArgs),
    /// Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper
    Link(DupesLinkArgs),
    /// Move the non-keepers into a folder, keeping their paths relative to their root
    Move(DupesMoveArgs),
}

const DUPES_KINDS: [&str; 5] = ["exact", "partial", "media", "similar_name", "similar_size"];

/// What every `dupes` verb searches.
#[derive(Debug, Args)]
pub struct DupesScope {
    /// Folders (or files) to search
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Detectors, comma-separated [default: all for find, exact for acting verbs]
    #[arg(long, value_delimiter = ',', value_name = "KIND", value_parser = DUPES_KINDS)]
    pub kind: Vec<String>,
    /// Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)
    #[arg(long, default_value = "1", value_name = "SIZE")]
    pub min_size: String,
    /// Keeper rule: best, newest, oldest, largest or path:GLOB
    #[arg(long, default_value = "best", value_name = "RULE")]
    pub keep: String,
    /// Follow symbolic links while scanning (loops are detected)
    #[arg(long, short = 'L')]
    pub follow: bool,
}

/// `plexsync dupes find`
#[derive(Debug, Args)]
pub struct DupesFindArgs {
    #[command(flatten)]
    pub scope: DupesScope,
    /// Exit with 1 when duplicates are found
    #[arg(long)]
    pub exit_code: bool,
}

/// What every acting `dupes` verb takes.
#[derive(Debug, Args)]
pub struct DupesActArgs {
    #[command(flatten)]
    pub scope: DupesScope,
    /// Act only on groups at least this sure
    #[arg(long, default_value = "high", value_name = "LEVEL",
          value_parser = ["very_low", "low", "medium", "high", "very_high"])]
    pub min_confidence: String,
    /// Print what would happen, change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Do not ask for confirmation (required when not on a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// `plexsync dupes remove`
#[derive(Debug, Args)]
pub struct DupesRemoveArgs {
    #[command(flatten)]
    pub act: DupesActArgs,
    /// Move the files into this folder (keeping relative paths) instead of deleting them
    #[arg(long, value_name = "DIR")]
    pub trash: Option<PathBuf>,
}

/// `plexsync dupes link`
#[derive(Debug, Args)]
pub struct DupesLinkArgs {
    #[command(flatten)]
    pub act: DupesActArgs,
    /// Symbolic links (absolute) instead of hard links
    #[arg(long)]
    pub symlink: bool,
}

/// `plexsync dupes move`
#[derive(Debug, Args)]
pub struct DupesMoveArgs {
    #[command(flatten)]
    pub act: DupesActArgs,
    /// Destination folder
    #[arg(long, required = true, value_name = "DIR")]
    pub to: PathBuf,
}

/// `plexsync parse`
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Names or paths to parse; `-` reads one per line from stdin
    #[arg(required = true, value_name = "NAME", value_parser = clap::value_parser!(std::ffi::OsString))]
    pub names: Vec<std::ffi::OsString>,
}

/// `plexsync generate`
#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(subcommand)]
    pub what: Generate,
}

/// What to generate.
#[derive(Debug, Subcommand)]
pub enum Generate {
    /// Shell completions, to stdout or into a folder
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        /// Write the file into this folder instead of stdout
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Man pages (one per command) into a folder
    Man {
        /// Output folder
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// The clap command, for the generators.
pub fn command() -> clap::Command {
    Cli::command()
}

#[cfg(test)]
mod tests {
    #[test]
    fn clap_definition_is_valid() {
        super::command().debug_assert();
    }
}
