//! One convention for the confirmation prompt of every acting verb: only `y`/`yes` goes
//! on; `n`, an empty answer or the end of input changes nothing, says "cancelled, nothing
//! changed" and exits 0. The verbs run on a real terminal (`script` gives them one).

mod common;

use std::io::Write;
use std::process::Stdio;

use common::World;

/// Run `plexsync ARGS` on a pseudo-terminal, answering `answer`; the exit code and what
/// the terminal showed. `None` when `script` is not installed.
fn on_terminal(w: &World, args: &[&str], answer: &str) -> Option<(Option<i32>, String)> {
    let bin = assert_cmd::cargo::cargo_bin("plexsync");
    let line = std::iter::once(bin.to_str().unwrap())
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let std = w.std_cmd();
    let mut c = std::process::Command::new("script");
    c.args(["-qec", &line, "/dev/null"]).env_clear();
    for (k, v) in std.get_envs() {
        if let Some(v) = v {
            c.env(k, v);
        }
    }
    let mut child = c
        .current_dir(w.root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Some((
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

#[test]
fn no_at_any_acting_prompt_changes_nothing_and_exits_0() {
    let w = World::new();
    w.write("d/a.mkv", b"same bytes");
    w.write("d/b.mkv", b"same bytes");
    w.write("in/The.Matrix.1999.720p.WEB-DL.x264-GRP.mp4", b"matrix");
    let verbs: &[&[&str]] = &[
        &["dupes", "remove", "d"],
        &["dupes", "link", "d"],
        &["dupes", "move", "d", "--to", "moved"],
        &["organize", "apply", "in", "--into", "lib"],
    ];
    for args in verbs {
        for answer in ["n\n", "\n", "no\n", ""] {
            let Some((code, shown)) = on_terminal(&w, args, answer) else {
                eprintln!("skipping: no `script` to make a terminal");
                return;
            };
            assert_eq!(code, Some(0), "{args:?} {answer:?}: {shown}");
            assert!(shown.contains("[y/N]"), "{args:?}: asked: {shown}");
            assert!(
                shown.contains("cancelled, nothing changed"),
                "{args:?}: {shown}"
            );
            assert!(w.path("d/a.mkv").exists() && w.path("d/b.mkv").exists());
            assert!(w
                .path("in/The.Matrix.1999.720p.WEB-DL.x264-GRP.mp4")
                .exists());
            assert!(!w.path("lib").exists() && !w.path("moved").exists());
        }
    }
    // `y` goes on, and then undo asks too.
    let (code, shown) = on_terminal(&w, verbs[3], "y\n").unwrap();
    assert_eq!(code, Some(0), "{shown}");
    assert!(w.path("lib").exists());
    let (code, shown) = on_terminal(&w, &["organize", "undo"], "N\n").unwrap();
    assert_eq!(code, Some(0), "{shown}");
    assert!(shown.contains("cancelled, nothing changed"), "{shown}");
    assert!(!w
        .path("in/The.Matrix.1999.720p.WEB-DL.x264-GRP.mp4")
        .exists());
}
