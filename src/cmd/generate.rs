//! Hidden `plexsync generate completions|man`: writes what `completions/` and `man/` hold.

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{command, Generate, GenerateArgs};

pub fn run(args: &GenerateArgs) -> Result<i32> {
    match &args.what {
        Generate::Completions { shell, out } => {
            let mut cmd = command();
            match out {
                Some(dir) => {
                    std::fs::create_dir_all(dir)?;
                    clap_complete::generate_to(*shell, &mut cmd, "plexsync", dir)
                        .with_context(|| format!("writing completions into {}", dir.display()))?;
                }
                None => {
                    clap_complete::generate(*shell, &mut cmd, "plexsync", &mut std::io::stdout())
                }
            }
        }
        Generate::Man { dir } => {
            std::fs::create_dir_all(dir)?;
            write_man(&command(), "plexsync", dir)?;
        }
    }
    Ok(0)
}

fn write_man(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    let cmd = cmd.clone().name(name.to_string());
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    let file = dir.join(format!("{name}.1"));
    std::fs::write(&file, buf).with_context(|| format!("writing {}", file.display()))?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_man(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
