//! Removals that must leave a copy standing whatever runs beside them: two real
//! `plexsync dupes` processes started at once on one tree with two catalogs (one keeps the
//! oldest copy, the other the newest), for `remove`, `link` and `move`; and the desktop
//! trash of `dupes remove --trash` without a folder.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, SystemTime};

use common::{of_type, summary, Tmpfs, World};

/// `groups` groups of two identical files, `a/NNN.mkv` (a day old) and `b/NNN.mkv`
/// (an hour old), each group with content of its own. Returns every content by group.
fn tree(w: &World, groups: usize) -> Vec<Vec<u8>> {
    let now = SystemTime::now();
    (0..groups)
        .map(|g| {
            let data: Vec<u8> = (0..6000u32)
                .map(|i| (i.wrapping_mul(31).wrapping_add(g as u32 * 7919) % 251) as u8)
                .chain((g as u32).to_le_bytes())
                .collect();
            for (dir, age) in [("a", 86_400), ("b", 3_600)] {
                let p = w.write(&format!("lib/{dir}/{g:03}.mkv"), &data);
                std::fs::File::options()
                    .write(true)
                    .open(&p)
                    .unwrap()
                    .set_modified(now - Duration::from_secs(age))
                    .unwrap();
            }
            data
        })
        .collect()
}

/// Every regular file under `dir`, with its content.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                out.insert(e.path(), std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// `plexsync --catalog CATALOG ARGS` in the world, started now, its output captured.
fn spawn(w: &World, catalog: &str, args: &[&str]) -> Child {
    w.std_cmd()
        .arg("--json")
        .arg("--catalog")
        .arg(w.path(catalog))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait for `child`; its exit code, stderr and the steps its summary says were done.
fn finish(child: Child) -> (Option<i32>, String, u64) {
    let out = child.wait_with_output().unwrap();
    let msgs = common::json_lines(&out.stdout);
    let done = msgs
        .last()
        .and_then(|m| m["data"]["done"].as_u64())
        .unwrap_or(0);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        done,
    )
}

/// Run `verb` (with `extra` flags) from two catalogs at once, keep oldest against keep
/// newest, on a tree of `groups` groups; every content must still stand in `lib/`.
fn two_catalogs_at_once(verb: &str, extra: &dyn Fn(&World) -> Vec<String>, groups: usize) {
    let w = World::new();
    let extra = extra(&w);
    let data = tree(&w, groups);
    let lib = w.path("lib");
    let lib = lib.to_str().unwrap();
    // Both catalogs know the tree already, so both reach their removals together.
    for c in ["c1.db", "c2.db"] {
        let (code, err, _) = finish(spawn(&w, c, &["scan", "--hash", lib]));
        assert_eq!(code, Some(0), "{err}");
    }
    let args = |keep: &'static str| -> Vec<String> {
        let mut a: Vec<String> = ["dupes", verb, "--yes", "--keep", keep]
            .iter()
            .map(|s| s.to_string())
            .collect();
        a.extend(extra.iter().cloned());
        a.push(lib.to_string());
        a
    };
    let a1 = args("oldest");
    let a2 = args("newest");
    let p1 = spawn(
        &w,
        "c1.db",
        &a1.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let p2 = spawn(
        &w,
        "c2.db",
        &a2.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let (r1, r2) = (finish(p1), finish(p2));
    for (code, err, _) in [&r1, &r2] {
        // A step the other process made impossible is skipped or failed (exit 2), never
        // a panic or a crash.
        assert!(matches!(code, Some(0) | Some(2)), "{code:?} {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let standing = contents(&w.path("lib"));
    let lost: Vec<usize> = data
        .iter()
        .enumerate()
        .filter(|(_, d)| !standing.values().any(|c| c == *d))
        .map(|(g, _)| g)
        .collect();
    assert!(
        lost.is_empty(),
        "{verb}: contents of groups {lost:?} lost\n1: {}\n2: {}",
        r1.1,
        r2.1
    );
    // Nothing is left under a hidden name: every file set aside was removed or put back.
    let hidden: Vec<&PathBuf> = standing
        .keys()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
    // Not a vacuous pass: most groups lost their duplicate to one process or the other.
    assert!(r1.2 + r2.2 >= groups as u64 / 2, "done {} + {}", r1.2, r2.2);
}

#[test]
fn two_removals_from_two_catalogs_leave_every_content() {
    two_catalogs_at_once("remove", &|_| vec![], 150);
}

#[test]
fn two_links_from_two_catalogs_leave_every_content() {
    two_catalogs_at_once("link", &|_| vec![], 100);
    two_catalogs_at_once("link", &|_| vec!["--symlink".into()], 100);
}

#[test]
fn two_moves_from_two_catalogs_leave_every_content() {
    let to = |w: &World| vec!["--to".into(), w.path("out").to_string_lossy().into_owned()];
    two_catalogs_at_once("move", &to, 100);
}

/// `dupes remove --yes --keep oldest LIB --trash` (the desktop trash), its messages.
fn remove_to_desktop_trash(w: &World, lib: &Path) -> Vec<serde_json::Value> {
    let lib = lib.to_str().unwrap();
    w.json(
        &[
            "dupes", "remove", "--yes", "--keep", "oldest", lib, "--trash",
        ],
        0,
    )
}

#[test]
fn trash_without_a_folder_is_the_desktop_trash() {
    let w = World::new();
    let data = tree(&w, 2);
    let msgs = remove_to_desktop_trash(&w, &w.path("lib"));
    assert_eq!(summary(&msgs)["done"], 2, "{msgs:#?}");
    // The world's HOME is on the same file system as the tree: the home trash.
    let trash = w.path("home/.local/share/Trash");
    for (g, d) in data.iter().enumerate() {
        let name = format!("{g:03}.mkv");
        assert_eq!(std::fs::read(w.path(&format!("lib/a/{name}"))).unwrap(), *d);
        assert!(!w.path(&format!("lib/b/{name}")).exists());
        assert_eq!(std::fs::read(trash.join("files").join(&name)).unwrap(), *d);
        let info =
            std::fs::read_to_string(trash.join("info").join(format!("{name}.trashinfo"))).unwrap();
        let mut lines = info.lines();
        assert_eq!(lines.next(), Some("[Trash Info]"));
        let path = w.path(&format!("lib/b/{name}"));
        assert_eq!(
            lines.next().unwrap(),
            format!("Path={}", path.to_str().unwrap().replace(' ', "%20"))
        );
        let date = lines.next().unwrap().strip_prefix("DeletionDate=").unwrap();
        // YYYY-MM-DDThh:mm:ss
        assert_eq!(date.len(), 19, "{date}");
        assert_eq!(&date[4..5], "-");
        assert_eq!(&date[10..11], "T");
    }
    let actions = of_type(&msgs, "action");
    assert!(actions.iter().all(|a| a["op"] == "trash"), "{actions:?}");
}

#[test]
fn trash_on_another_file_system_is_the_trash_at_its_top() {
    let w = World::new();
    let disk = w.path("disk");
    let Some(_fs) = Tmpfs::mount(disk.clone(), "4m") else {
        return;
    };
    let data = b"the same bytes twice".to_vec();
    for (name, age) in [("old.mkv", 86_400), ("new.mkv", 60)] {
        let p = disk.join("lib").join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, &data).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(age))
            .unwrap();
    }
    let lib = disk.join("lib");
    let msgs = remove_to_desktop_trash(&w, &lib);
    assert_eq!(summary(&msgs)["done"], 1, "{msgs:#?}");
    // SAFETY: getuid cannot fail.
    let uid = unsafe { libc::getuid() };
    let trash = disk.join(format!(".Trash-{uid}"));
    assert_eq!(std::fs::read(trash.join("files/new.mkv")).unwrap(), data);
    let info = std::fs::read_to_string(trash.join("info/new.mkv.trashinfo")).unwrap();
    // On a top-folder trash the path is relative to the top of the file system.
    assert!(info.contains("\nPath=lib/new.mkv\n"), "{info}");
    assert!(lib.join("old.mkv").exists() && !lib.join("new.mkv").exists());
    // Nothing went to the home trash (another file system: that would be a copy).
    assert!(!w.path("home/.local/share/Trash/files/new.mkv").exists());
}

/// A file another removal holds set aside (`.NAME.plexsync-aside.PID-N`) is not listed
/// as anyone's duplicate: a group of it could only offer to act on a name about to go.
#[test]
fn files_set_aside_by_another_removal_are_not_listed() {
    let w = World::new();
    let data = vec![7u8; 5000];
    w.write("lib/a/movie.mkv", &data);
    w.write("lib/b/movie.mkv", &data);
    w.write("lib/b/.other.mkv.plexsync-aside.4242-0", &data);
    let lib = w.path("lib");
    let msgs = w.json(
        &["dupes", "find", "--kind", "exact", lib.to_str().unwrap()],
        0,
    );
    let groups = of_type(&msgs, "group");
    assert_eq!(groups.len(), 1, "{msgs:#?}");
    let names: Vec<String> = groups[0]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| common::json_path(&f["path"]).display().to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().all(|n| !n.contains("plexsync-aside")),
        "{names:?}"
    );
}
