//! The committed completions/ and man/ must match what the clap definition generates now;
//! run `scripts/generate` after changing the command line.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn assert_same(committed: &str, fresh: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(committed);
    let want = read_dir(fresh);
    let have = read_dir(&root);
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&have),
        names(&want),
        "{committed}/ files drifted: run scripts/generate"
    );
    for (name, bytes) in &want {
        assert!(
            have[name] == *bytes,
            "{committed}/{name} drifted from cli.rs: run scripts/generate"
        );
    }
}

#[test]
fn completions_match_cli() {
    let w = common::World::new();
    let out = w.path("completions");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        w.cmd()
            .args(["generate", "completions", shell, "--out"])
            .arg(&out)
            .assert()
            .success();
    }
    assert_same("completions", &out);
}

#[test]
fn man_pages_match_cli() {
    let w = common::World::new();
    let out = w.path("man");
    w.cmd()
        .args(["generate", "man"])
        .arg(&out)
        .assert()
        .success();
    assert_same("man", &out);
}
