//! The integration-test harness: a temporary world (HOME, XDG folders, catalog) and the
//! real `plexsync` binary run inside it, with helpers to read its JSON Lines.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A temporary HOME with its own catalog; every command runs inside it.
pub struct World {
    pub dir: tempfile::TempDir,
}

impl World {
    pub fn new() -> World {
        World {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// The temporary root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the world.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The catalog file every command uses.
    pub fn catalog(&self) -> PathBuf {
        self.path("home/.local/share/plexsync/catalog.db")
    }

    /// Write a file (creating folders).
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, content).unwrap();
        p
    }

    /// `plexsync` with HOME, XDG_* and the catalog pointed into the world.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same as [`World::cmd`], as a `std::process::Command` (to spawn in parallel).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("plexsync"));
        let home = self.path("home");
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("NO_COLOR", "1")
            .current_dir(self.root());
        c
    }

    /// Run `plexsync --json ARGS`, expect exit `code`, return the parsed messages.
    pub fn json(&self, args: &[&str], code: i32) -> Vec<Value> {
        let out = self.cmd().arg("--json").args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "plexsync {args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        json_lines(&out.stdout)
    }
}

/// Parse JSON Lines; every line must be a `{"type", "data"}` message.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("JSON output is UTF-8")
        .lines()
        .map(|l| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}"));
            assert!(
                v.get("type").is_some() && v.get("data").is_some(),
                "not a message: {l}"
            );
            v
        })
        .collect()
}

/// The messages of one type.
pub fn of_type<'a>(msgs: &'a [Value], kind: &str) -> Vec<&'a Value> {
    msgs.iter()
        .filter(|m| m["type"] == kind)
        .map(|m| &m["data"])
        .collect()
}

/// The `data` of the final summary (which must be the last message).
pub fn summary(msgs: &[Value]) -> &Value {
    let last = msgs.last().expect("at least a summary");
    assert_eq!(last["type"], "summary", "last message is the summary");
    &last["data"]
}

/// A JSON path (`{"text"}` or `{"bytes"}`) back to a path.
pub fn json_path(v: &Value) -> PathBuf {
    let p: plexsync::paths::JsonPath = serde_json::from_value(v.clone()).expect("a JSON path");
    p.to_path()
}

/// A tmpfs mounted on `dir` for as long as this lives (root only): a second file system,
/// a tiny disk to fill, or one to make read-only.
pub struct Tmpfs(pub PathBuf);

impl Tmpfs {
    /// Mount a tmpfs of `size` (e.g. `4m`) on `dir`; `None`, said on stderr, where this
    /// process may not mount.
    pub fn mount(dir: PathBuf, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(&dir).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipping the tmpfs part: cannot mount one here (not root?)");
            return None;
        }
        Some(Tmpfs(dir))
    }

    /// Make it read-only.
    pub fn read_only(&self) {
        let ok = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}
