//! The `plexsync` binary: parse the command line, dispatch, map errors to exit codes.

mod cli;
mod cmd;
mod ui;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let code = match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            let msg = plexsync::catalog::full_disk_message(&e).unwrap_or_else(|| format!("{e:#}"));
            eprintln!("plexsync: {msg}");
            plexsync::exit::ERROR
        }
    };
    std::process::exit(code);
}

fn run(cli: &cli::Cli) -> anyhow::Result<i32> {
    use cli::Command;
    if let Command::Generate(args) = &cli.command {
        return cmd::generate::run(args);
    }
    let ctx = cmd::Ctx::new(cli)?;
    match &cli.command {
        Command::Scan(args) => cmd::scan::run(&ctx, args),
        Command::Status(args) => cmd::status::run(&ctx, args),
        Command::Organize(args) => cmd::organize::run(&ctx, args),
        Command::Dupes(args) => cmd::dupes::run(&ctx, args),
        Command::Usage(args) => cmd::usage::run(&ctx, args),
        Command::Parse(args) => cmd::parse::run(&ctx, args),
        Command::Resync(args) => cmd::resync::run(&ctx, args),
        Command::Generate(_) => unreachable!("handled above"),
    }
}
