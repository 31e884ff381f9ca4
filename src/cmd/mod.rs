//! One file per subcommand; each gets the shared [`Ctx`] and returns an exit code.

pub mod dupes;
pub mod generate;
pub mod organize;
pub mod parse;
pub mod resync;
pub mod scan;
pub mod status;
pub mod usage;

use std::path::PathBuf;

use anyhow::Result;
use plexsync::catalog::Catalog;
use plexsync::config::Config;
use plexsync::output::{Output, OutputMode};

use crate::cli::{Cli, ColorWhen};
use crate::ui::Bar;

/// What every command needs: output, configuration, where the catalog is, threads.
pub struct Ctx {
    pub out: Output,
    pub config: Config,
    pub catalog_path: PathBuf,
    pub jobs: usize,
    /// `-j` was given on the command line (it then also sets the readers per device).
    pub jobs_given: bool,
}

impl Ctx {
    /// Build the context from the global flags (flag > environment > file > default).
    pub fn new(cli: &Cli) -> Result<Ctx> {
        let color = match cli.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && console::Term::stdout().is_term()
            }
        };
        let out = Output::new(OutputMode {
            json: cli.json,
            color,
            quiet: cli.quiet,
            verbose: cli.verbose,
        });
        let config = Config::load(cli.config.as_deref())?;
        let catalog_path = cli
            .catalog
            .clone()
            .or_else(|| config.catalog.clone())
            .unwrap_or_else(plexsync::catalog::default_path);
        let jobs = cli
            .jobs
            .map(usize::from)
            .or(config.jobs)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
            .max(1);
        Ok(Ctx {
            out,
            config,
            catalog_path,
            jobs,
            jobs_given: cli.jobs.is_some(),
        })
    }

    /// Open the catalog (the one place it is opened).
    pub fn catalog(&self) -> Result<Catalog> {
        Catalog::open(&self.catalog_path)
    }

    /// A progress display for this run (invisible unless stderr is a terminal).
    pub fn progress(&self) -> Bar {
        Bar::new(self.out.mode().quiet || self.out.json() && !console::Term::stderr().is_term())
    }

    /// Ask `question` on the terminal, the one way every acting verb confirms: only `y`
    /// or `yes` (any case) goes on; anything else — an empty line, `n`, the end of input —
    /// is a no, which changes nothing and exits 0 (see [`Ctx::cancelled`]). Without a
    /// terminal on stdin and stderr, `--yes` is required: refusing is an error (exit 2).
    pub fn confirm(&self, yes: bool, question: &str) -> Result<bool> {
        use std::io::{BufRead, IsTerminal, Write};
        if yes {
            return Ok(true);
        }
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            anyhow::bail!("{question}: refusing without a terminal to ask on; pass --yes");
        }
        self.out.flush();
        eprint!("plexsync: {question}? [y/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        Ok(matches!(
            answer.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }

    /// The end of a verb whose prompt was answered no: said on stderr, exit code 0.
    pub fn cancelled(&self) -> i32 {
        self.out.flush();
        eprintln!("plexsync: cancelled, nothing changed");
        self.finish(false)
    }

    /// Exit code for a run that reported per-item errors through `out.error`.
    pub fn finish(&self, found: bool) -> i32 {
        self.out.flush();
        if self.out.error_count() > 0 {
            plexsync::exit::ERROR
        } else if found {
            plexsync::exit::FOUND
        } else {
            plexsync::exit::SUCCESS
        }
    }
}
