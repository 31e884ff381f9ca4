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
    /// Record and import who watched what; score files; recommend what to delete or archive
    Usage(UsageArgs),
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

/// `plexsync usage`
#[derive(Debug, Args)]
pub struct UsageArgs {
    #[command(subcommand)]
    pub cmd: UsageCmd,
}

/// The `usage` verbs.
#[derive(Debug, Subcommand)]
pub enum UsageCmd {
    /// Record accesses of files (for player hooks and scripts)
    Record(UsageRecordArgs),
    /// Import watch history from a media server's database (read-only)
    Import(UsageImportArgs),
    /// Totals, top and bottom files, and a per-show roll-up
    Report(UsageReportArgs),
    /// One file's history and score
    Show(UsageShowArgs),
    /// What could be deleted or archived, and what to keep
    Recommend(UsageRecommendArgs),
    /// Delete raw events older than a retention period (scores are kept)
    Prune(UsagePruneArgs),
    /// Forget all usage history
    Reset(UsageResetArgs),
    /// Write the JSON report to a file
    Export(UsageExportArgs),
}

/// Decay settings shared by the reading verbs.
#[derive(Debug, Args)]
pub struct HalfLifeArg {
    /// Days for an access's weight to halve [default: 90, or [usage] half_life_days]
    #[arg(long, value_name = "DAYS", value_parser = parse_positive_days)]
    pub half_life: Option<f64>,
}

fn parse_positive_days(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(d) if d.is_finite() && d > 0.0 && d <= 36_500.0 => Ok(d),
        _ => Err(format!("{s:?} is not a number of days between 0 and 36500")),
    }
}

/// `plexsync usage record`
#[derive(Debug, Args)]
pub struct UsageRecordArgs {
    /// Files that were accessed
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// What happened
    #[arg(long = "type", value_name = "TYPE", default_value = "viewed",
          value_parser = ["viewed", "accessed", "managed", "synced"])]
    pub kind: String,
    /// When: ISO-8601, unix seconds, or an age like 2h [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Extra facts as a JSON object (e.g. '{"user":"ann","position_secs":300}')
    #[arg(long, value_name = "JSON")]
    pub meta: Option<String>,
    /// Who watched (stored in the metadata as "user")
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
}

/// `plexsync usage import`
#[derive(Debug, Args)]
pub struct UsageImportArgs {
    /// Where the history comes from
    #[arg(value_name = "SOURCE", value_parser = ["plex", "tautulli", "jellyfin", "kodi", "legacy"])]
    pub source: String,
    /// The source's database (repeat for Jellyfin: core db and playback_reporting.db)
    /// [legacy default: ~/.plexsync/usage.db]
    #[arg(long, value_name = "PATH")]
    pub db: Vec<PathBuf>,
    /// Rewrite server paths to local ones (repeatable; longest FROM wins)
    #[arg(long, value_name = "FROM=TO")]
    pub map: Vec<String>,
    /// Tautulli: the Plex database that resolves rating keys to files
    #[arg(long, value_name = "PATH")]
    pub plex_db: Option<PathBuf>,
    /// List plays that matched no local file
    #[arg(long)]
    pub show_unmatched: bool,
    /// Read everything again, ignoring the watermark (nothing is imported twice)
    #[arg(long)]
    pub full: bool,
    /// Read and count, write nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

/// `plexsync usage report`
#[derive(Debug, Args)]
pub struct UsageReportArgs {
    /// Limit to these folders or files (walked, so unscanned files count) [default: the catalog]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Count only accesses since TIME (ISO-8601, unix seconds, or an age like 30d)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// How many top and bottom files to list
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub half_life: HalfLifeArg,
}

/// `plexsync usage show`
#[derive(Debug, Args)]
pub struct UsageShowArgs {
    /// The file
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// How many events to list, newest first
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
    #[command(flatten)]
    pub half_life: HalfLifeArg,
}

/// `plexsync usage recommend`
#[derive(Debug, Args)]
pub struct UsageRecommendArgs {
    /// Limit to these folders or files (walked, so unscanned files count) [default: the catalog]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Never-viewed files younger than this are left alone [default: 30]
    #[arg(long, value_name = "DAYS")]
    pub min_age: Option<u32>,
    /// Files watched within this many days are never recommended for removal
    #[arg(long, value_name = "DAYS", default_value_t = 30)]
    pub recent: u32,
    /// How many files to list per kind on screen (JSON lists all)
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub half_life: HalfLifeArg,
}

/// `plexsync usage prune`
#[derive(Debug, Args)]
pub struct UsagePruneArgs {
    /// Delete raw events older than this many days [default: 365, or [usage] retention_days]
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Count what would be deleted, delete nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

/// `plexsync usage reset`
#[derive(Debug, Args)]
pub struct UsageResetArgs {
    /// Do it without asking (required when not on a terminal)
    #[arg(long)]
    pub yes: bool,
    /// Count what would be deleted, delete nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

/// `plexsync usage export`
#[derive(Debug, Args)]
pub struct UsageExportArgs {
    /// The JSON file to write (replaced atomically)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Limit to these folders or files [default: the catalog]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Count only accesses since TIME
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// How many top and bottom files to include
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub half_life: HalfLifeArg,
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
