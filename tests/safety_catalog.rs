//! A catalog on a full disk: the error says that the disk holding the catalog is full and
//! where, instead of SQLite's `disk I/O error … xShmMap`. Needs a tiny tmpfs (root);
//! says so and passes where it cannot mount one.

mod common;

use common::{Tmpfs, World};

#[test]
fn a_full_catalog_disk_is_named_in_one_line() {
    let w = World::new();
    let disk = w.path("tiny");
    let Some(_tiny) = Tmpfs::mount(disk.clone(), "512k") else {
        return;
    };
    for i in 0..3000 {
        w.write(
            &format!("lib/a file with a rather long name {i:05}.mkv"),
            b"x",
        );
    }
    let catalog = disk.join("catalog.db");
    // Fill what the catalog left of the disk (the remainder of a write is ignored: the
    // disk is full when it fails).
    let run = |args: &[&str]| {
        w.cmd()
            .arg("--catalog")
            .arg(&catalog)
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["status"]).status.code(), Some(0));
    let _ = std::fs::write(disk.join("filler"), vec![0u8; 1 << 20]);
    let out = run(&["scan", "--hash", "lib"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let line = err
        .lines()
        .find(|l| l.contains("the disk holding the catalog"))
        .unwrap_or_else(|| panic!("not named: {err}"));
    assert!(line.contains(catalog.to_str().unwrap()), "{line}");
    assert!(
        line.contains("is full") && line.contains("--catalog"),
        "{line}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
