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

    /// Config file: TOML, or the original tool's YAML by its extension [default:
    /// ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]
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
    /// Move media into a clean layout by rules, with a plan, a journal and undo
    #[command(subcommand)]
    Organize(OrganizeCommand),
    /// Find duplicate files (exact, partial, same media) and act on them safely
    Dupes(DupesArgs),
    /// Record and import who watched what; score files; recommend what to delete or archive
    Usage(UsageArgs),
    /// Read release names: movie or episode, title, year, season, episode, quality, group
    Parse(ParseArgs),
    /// Find broken local copies and make them whole again from the source, verified
    #[command(subcommand)]
    Resync(Resync),
    /// Generate shell completions or man pages
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// `plexsync organize ...`
#[derive(Debug, Subcommand)]
pub enum OrganizeCommand {
    /// Show every move the rules want, and what stays and why (changes nothing)
    Plan(OrganizePlanArgs),
    /// Carry the plan out, journaled so it can be undone
    Apply(OrganizeApplyArgs),
    /// Move every file of a run back (the last run by default)
    Undo(OrganizeUndoArgs),
    /// Finish or roll back a run interrupted by a crash
    Recover(OrganizeRecoverArgs),
    /// List organize runs
    History,
    /// Print the rules in force (TOML, ready to copy into a rules file)
    Rules(OrganizeRulesArgs),
}

/// Which rules to use.
#[derive(Debug, Args)]
pub struct OrganizeRuleArgs {
    /// Built-in strategy (see `organize rules --list`) [default: plex]
    #[arg(long, value_name = "NAME", conflicts_with = "rules")]
    pub strategy: Option<String>,
    /// Rules file (TOML with [[rule]] tables)
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

/// What `plan` and `apply` share.
#[derive(Debug, Args)]
pub struct OrganizePlanArgs {
    /// Folders (or files) to organize
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Target root of the layout [default: organize.into in the config]
    #[arg(long, value_name = "ROOT")]
    pub into: Option<PathBuf>,
    #[command(flatten)]
    pub rules: OrganizeRuleArgs,
    /// When a target already exists
    #[arg(long, value_enum, default_value_t = ConflictPolicy::Skip, value_name = "HOW")]
    pub on_conflict: ConflictPolicy,
    /// Windows/SMB-safe names [default: on for CIFS, NTFS, FAT targets]
    #[arg(long, overrides_with = "no_portable")]
    pub portable: bool,
    /// Never use portable names, even on a CIFS/NTFS target
    #[arg(long)]
    pub no_portable: bool,
    /// Exit 1 when something would move (plan only; like `git diff --exit-code`)
    #[arg(long)]
    pub exit_code: bool,
}

/// What to do when a target exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConflictPolicy {
    /// Leave the file where it is
    Skip,
    /// Pick a free name: "Title (2020) (2).mkv"
    Rename,
    /// Replace the target only when its bytes are identical
    ReplaceIfIdentical,
    /// Keep the larger file in the layout; the smaller takes the source's place
    KeepLarger,
}

/// `plexsync organize apply`
#[derive(Debug, Args)]
pub struct OrganizeApplyArgs {
    #[command(flatten)]
    pub plan: OrganizePlanArgs,
    /// Copy (verified) instead of moving
    #[arg(long, group = "mode")]
    pub copy: bool,
    /// Hard-link instead of moving
    #[arg(long, group = "mode")]
    pub hardlink: bool,
    /// Symlink instead of moving
    #[arg(long, group = "mode")]
    pub symlink: bool,
    /// Write through symbolic links to folders below --into (a folder linked to another
    /// disk on purpose); without it such a link stops the run
    #[arg(long)]
    pub follow_links: bool,
    /// Show what would happen, change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Do not ask for confirmation (required without a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// `plexsync organize undo`
#[derive(Debug, Args)]
pub struct OrganizeUndoArgs {
    /// The run to undo (see `organize history`) [default: the last one]
    #[arg(value_name = "RUN")]
    pub run: Option<i64>,
    /// Show what would be moved back, change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Do not ask for confirmation (required without a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// `plexsync organize recover`
#[derive(Debug, Args)]
pub struct OrganizeRecoverArgs {
    /// Show the interrupted runs, change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

/// `plexsync organize rules`
#[derive(Debug, Args)]
pub struct OrganizeRulesArgs {
    #[command(flatten)]
    pub rules: OrganizeRuleArgs,
    /// List the built-in strategies and template fields instead
    #[arg(long)]
    pub list: bool,
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
    /// Delete the non-keepers of the chosen groups (or move them to the trash: --trash)
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
    /// Move the files to the desktop trash of their file system instead of deleting them
    /// (freedesktop.org: restorable from a file manager), or into DIR keeping relative
    /// paths. Without DIR, give it after the paths
    #[arg(long, value_name = "DIR", num_args = 0..=1)]
    pub trash: Option<Option<PathBuf>>,
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
    /// The server's time zone, for the wall-clock times Kodi, Playback Reporting and the
    /// old tool write: an IANA name or an offset like +02:00 [default: [usage.server_tz], else
    /// this machine's]
    #[arg(long, value_name = "ZONE")]
    pub server_tz: Option<String>,
    /// Exit 1 when a play matched no local file
    #[arg(long)]
    pub exit_code: bool,
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
    /// What to report: the same scope as `usage report`
    #[command(flatten)]
    pub report: UsageReportArgs,
}

/// `plexsync parse`
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Names or paths to parse; `-` reads one per line from stdin
    #[arg(required = true, value_name = "NAME", value_parser = clap::value_parser!(std::ffi::OsString))]
    pub names: Vec<std::ffi::OsString>,
}

/// `plexsync resync`
#[derive(Debug, Subcommand)]
pub enum Resync {
    /// Compare local files with the source and queue what is missing, incomplete, corrupted or outdated
    Check(ResyncCheckArgs),
    /// Copy queued files again from the source, verified (resumes, retries, backups)
    Run(ResyncRunArgs),
    /// Scrub local files alone: container check and recorded-hash check; queue failures
    Verify(ResyncVerifyArgs),
    /// List, add, cancel or clear queued requests
    Queue(ResyncQueueArgs),
    /// The history of runs and their statistics, and the replaced files kept as backups
    Report(ResyncReportArgs),
    /// Put a replaced local file back from its backup (the file it replaces is kept in turn)
    Restore(ResyncRestoreArgs),
}

/// Which library: a name from the config, or a source and destination folder.
#[derive(Debug, Args, Clone, Default)]
pub struct LibraryArgs {
    /// A library from the config file ([[library]] name, path, source)
    #[arg(long, value_name = "NAME", conflicts_with_all = ["source", "dest"])]
    pub library: Option<String>,
    /// The source folder (e.g. a mounted share)
    #[arg(long, value_name = "DIR", requires = "dest")]
    pub source: Option<PathBuf>,
    /// The local folder synced from the source
    #[arg(long, value_name = "DIR", requires = "source")]
    pub dest: Option<PathBuf>,
}

/// `plexsync resync check`
#[derive(Debug, Args)]
pub struct ResyncCheckArgs {
    #[command(flatten)]
    pub lib: LibraryArgs,
    /// Hash both sides (reads every byte) to find same-size corruption
    #[arg(long)]
    pub checksum: bool,
    /// Also treat source files never synced as missing
    #[arg(long)]
    pub all: bool,
    /// Priority of every request queued, 1 (highest) to 5 [default: by reason]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub priority: Option<u8>,
    /// Report only: queue nothing and record nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Exit with 1 when a problem was found
    #[arg(long)]
    pub exit_code: bool,
    /// Judge against the source even when it looks unmounted (its files really were renamed or deleted)
    #[arg(long)]
    pub no_mount_check: bool,
}

/// `plexsync resync run`
#[derive(Debug, Args)]
pub struct ResyncRunArgs {
    /// Only requests below this library's local folder [default: the whole queue]
    #[command(flatten)]
    pub lib: LibraryArgs,
    /// Retries after a failed attempt (source I/O errors, failed verification) [default: 3]
    #[arg(long, value_name = "N")]
    pub retries: Option<u32>,
    /// Base of the exponential backoff between attempts, in seconds, capped at 60 [default: 1]
    #[arg(long, value_name = "SECS")]
    pub backoff: Option<f64>,
    /// Always copy whole files, never resume from an interrupted copy
    #[arg(long)]
    pub no_resume: bool,
    /// Keep each replaced local file below this folder, never pruned [default: .plexsync-backup at the library root, pruned after --backup-days]
    #[arg(long, value_name = "DIR")]
    pub backup_dir: Option<PathBuf>,
    /// Days to keep replaced files in the library's .plexsync-backup folder; 0 keeps none [default: 7]
    #[arg(long, value_name = "DAYS")]
    pub backup_days: Option<u32>,
    /// Copy a source only once it has not been modified for this long, in seconds [default: 300]
    #[arg(long, value_name = "SECS")]
    pub settle: Option<u64>,
    /// Check the library first (or every configured one), then run: one command for cron
    #[arg(long)]
    pub check: bool,
    /// With --check: hash both sides (reads every byte)
    #[arg(long, requires = "check")]
    pub checksum: bool,
    /// With --check: also copy source files never synced
    #[arg(long, requires = "check")]
    pub all: bool,
    /// Limit the total read rate from the source (bytes per second; K, M, G suffixes)
    #[arg(long, value_name = "BYTES_PER_SEC", value_parser = parse_rate)]
    pub bwlimit: Option<u64>,
    /// Show what would be copied and how many bytes; change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

/// `plexsync resync verify`
#[derive(Debug, Args)]
pub struct ResyncVerifyArgs {
    /// Files or folders to scrub [default: the library's local folder, or every configured library]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub lib: LibraryArgs,
    /// Priority of every request queued, 1 (highest) to 5 [default: by reason]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub priority: Option<u8>,
    /// Report only: queue nothing and record nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Exit with 1 when a file failed
    #[arg(long)]
    pub exit_code: bool,
}

/// `plexsync resync queue`
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ResyncQueueArgs {
    #[command(subcommand)]
    pub action: Option<QueueAction>,
    /// Without a subcommand: list done and cancelled requests too (as `queue list --all`)
    #[arg(long)]
    pub all: bool,
}

/// What to do with the queue.
#[derive(Debug, Subcommand)]
pub enum QueueAction {
    /// List requests (open ones unless --all)
    List {
        /// Include done and cancelled requests
        #[arg(long)]
        all: bool,
    },
    /// Queue local files by hand (reason user_request)
    Add {
        /// Local files to copy again from their source
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Priority, 1 (highest) to 5
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=5))]
        priority: u8,
        #[command(flatten)]
        lib: LibraryArgs,
    },
    /// Cancel an open request by id or by path
    Cancel {
        /// A request id or a local path
        #[arg(value_name = "PATH|ID")]
        target: String,
    },
    /// Delete finished requests from the queue
    Clear {
        /// Delete done and cancelled requests
        #[arg(long, required_unless_present = "all")]
        done: bool,
        /// Delete every request that is not running
        #[arg(long)]
        all: bool,
    },
}

/// `plexsync resync report`
#[derive(Debug, Args)]
pub struct ResyncReportArgs {
    /// Write the whole history as JSON to this file
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `plexsync resync restore`
#[derive(Debug, Args)]
pub struct ResyncRestoreArgs {
    /// The local file to put back (its newest backup), or a backup file itself
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Show what would be restored; change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

/// `10M` → 10485760: a byte rate with an optional K/M/G (binary) suffix.
fn parse_rate(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown unit {c:?} (use K, M or G)")),
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    let n: f64 = num.parse().map_err(|_| format!("{s:?} is not a rate"))?;
    if !n.is_finite() || n <= 0.0 {
        return Err("the rate must be positive".into());
    }
    Ok((n * mult as f64) as u64)
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
