//! The acting safety net through the library: a file changed between detection and
//! action is skipped (by its stat, and by its hash when the stat was forged back), and
//! every step is journaled; a file a killed run left set aside comes back.

use std::path::Path;
use std::time::{Duration, SystemTime};

use plexsync::catalog::Catalog;
use plexsync::dupes::act::{self, ActOptions, Op, State};
use plexsync::dupes::{self, Confidence, FindOptions, KeepRule, Kind};
use plexsync::progress::NoProgress;

fn write(p: &Path, data: &[u8], age_secs: u64) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, data).unwrap();
    set_mtime(p, SystemTime::now() - Duration::from_secs(age_secs));
}

fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn find(cat: &mut Catalog, root: &Path) -> dupes::Found {
    let opts = FindOptions {
        roots: vec![root.to_path_buf()],
        kinds: vec![Kind::Exact],
        min_size: 1,
        keep: KeepRule::Best,
        follow: false,
        jobs: 2,
        readers: None,
    };
    dupes::find(cat, &opts, &NoProgress, &mut |n| panic!("{n:?}")).unwrap()
}

#[test]
fn changed_files_are_skipped_and_everything_is_journaled() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("lib");
    let data: Vec<u8> = (0..50_000u32).map(|i| (i % 253) as u8).collect();
    write(&root.join("orig.mkv"), &data, 7200);
    write(&root.join("copy1.mkv"), &data, 60);
    write(&root.join("copy2.mkv"), &data, 60);
    write(&root.join("copy3.mkv"), &data, 60);
    let mut cat = Catalog::open(&dir.path().join("c.db")).unwrap();
    let found = find(&mut cat, &root);
    assert_eq!(found.groups.len(), 1);
    assert_eq!(found.groups[0].keep, root.join("orig.mkv"));

    // copy1: rewritten with a new mtime. copy2: same size, other bytes, mtime forged back.
    let mut other = data.clone();
    other[25_000] ^= 0xff;
    std::fs::write(root.join("copy1.mkv"), &other).unwrap();
    let m2 = std::fs::metadata(root.join("copy2.mkv"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::write(root.join("copy2.mkv"), &other).unwrap();
    set_mtime(&root.join("copy2.mkv"), m2);

    let opts = ActOptions {
        op: Op::Remove { trash: None },
        kinds: vec![Kind::Exact],
        min_confidence: Confidence::High,
    };
    let steps = act::plan(&found, &opts);
    assert_eq!(steps.len(), 3);
    let mut seen = Vec::new();
    let sum = act::execute(&mut cat, &found, steps, "dupes remove (test)", &mut |s| {
        seen.push((s.path.clone(), s.state, s.reason.clone()))
    })
    .unwrap();
    assert_eq!((sum.done, sum.skipped, sum.failed), (1, 2, 0), "{seen:?}");
    assert!(root.join("orig.mkv").exists());
    assert!(root.join("copy1.mkv").exists(), "changed stat: kept");
    assert!(root.join("copy2.mkv").exists(), "changed content: kept");
    assert!(!root.join("copy3.mkv").exists());
    let why2 = seen
        .iter()
        .find(|s| s.0.ends_with("copy2.mkv"))
        .unwrap()
        .2
        .clone()
        .unwrap();
    assert!(why2.contains("content"), "{why2}");
    let journal = cat.journal_steps(sum.run.unwrap()).unwrap();
    assert_eq!(journal.len(), 3);
    let states: Vec<&str> = journal.iter().map(|s| s.state.as_str()).collect();
    assert_eq!(states.iter().filter(|s| **s == "skipped").count(), 2);
    assert_eq!(states.iter().filter(|s| **s == "done").count(), 1);
    assert_eq!(cat.runs("dupes").unwrap()[0].state, "done");
    assert_eq!(
        cat.file(&root.join("copy3.mkv")).unwrap().unwrap().status,
        "missing"
    );
    assert!(seen.iter().all(|s| s.1 != State::Planned));
}

#[test]
fn a_changed_keeper_stops_its_group() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("lib");
    let data = vec![7u8; 20_000];
    write(&root.join("orig.mkv"), &data, 7200);
    write(&root.join("copy.mkv"), &data, 60);
    let mut cat = Catalog::open(&dir.path().join("c.db")).unwrap();
    let found = find(&mut cat, &root);
    std::fs::remove_file(root.join("orig.mkv")).unwrap();
    let opts = ActOptions {
        op: Op::Link { symlink: false },
        kinds: vec![Kind::Exact],
        min_confidence: Confidence::VeryHigh,
    };
    let sum = act::execute(
        &mut cat,
        &found,
        act::plan(&found, &opts),
        "dupes link (test)",
        &mut |_| {},
    )
    .unwrap();
    assert_eq!((sum.done, sum.skipped), (0, 1));
    assert_eq!(std::fs::read(root.join("copy.mkv")).unwrap(), data);
}

#[test]
fn a_file_a_killed_run_left_set_aside_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("lib");
    let data = vec![9u8; 30_000];
    write(&root.join("orig.mkv"), &data, 7200);
    write(&root.join("copy.mkv"), &data, 60);
    let mut cat = Catalog::open(&dir.path().join("c.db")).unwrap();
    let found = find(&mut cat, &root);
    // A run killed between setting its file aside and letting it go: journaled `started`,
    // the file under a set-aside name of a process that no longer exists.
    let run = cat.begin_run("dupes", "dupes remove (killed)").unwrap();
    let victim = root.join("copy.mkv");
    let step = cat
        .journal_add(
            run,
            "remove",
            Some(&victim),
            Some(&root.join("orig.mkv")),
            None,
        )
        .unwrap();
    cat.journal_set(step, "started", None).unwrap();
    let aside = root.join(".copy.mkv.plexsync-aside.2147483646-0");
    std::fs::rename(&victim, &aside).unwrap();

    let sum = act::execute(&mut cat, &found, Vec::new(), "dupes remove", &mut |_| {}).unwrap();
    assert_eq!(sum.recovered, 1);
    assert_eq!(std::fs::read(&victim).unwrap(), data);
    assert!(!aside.exists());
    let killed = cat.runs("dupes").unwrap();
    let killed = killed.iter().find(|r| r.id == run).unwrap();
    assert_eq!(killed.state, "recovered");
}
