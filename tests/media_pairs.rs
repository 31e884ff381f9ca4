//! Precision and recall of `dupes find --kind media` per confidence level, on the
//! hand-labelled pairs of `tests/data/dupes/` (tune and holdout, see its README).
//!
//! Every pair gets its own folder; pairs whose titles share a word (or an id) go into
//! different trees, so no group can join two pairs. The real binary runs once per tree.
//! The test prints the table (`scripts/eval-media-pairs` shows it) and fails when `high`
//! precision drops below 0.99 or recall below its floor.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use common::{json_path, of_type, World};

/// One labelled pair.
struct Pair {
    a: String,
    b: String,
    same: bool,
    class: String,
    sizes: [u64; 2],
}

fn size(s: &str) -> u64 {
    let (num, mult) = match s.chars().last() {
        Some('G') => (&s[..s.len() - 1], (1u64 << 30) as f64),
        Some('M') => (&s[..s.len() - 1], (1u64 << 20) as f64),
        Some('K') => (&s[..s.len() - 1], 1024.0),
        _ => (s, 1.0),
    };
    (num.parse::<f64>()
        .unwrap_or_else(|_| panic!("bad size {s:?}"))
        * mult) as u64
}

fn load(name: &str) -> Vec<Pair> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/dupes")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "{name}: {l}");
            assert!(f[2] == "same" || f[2] == "different", "{name}: {l}");
            Pair {
                a: f[0].into(),
                b: f[1].into(),
                same: f[2] == "same",
                class: f[3].into(),
                sizes: [size(f[4]), size(f[5])],
            }
        })
        .collect()
}

/// Words that could make two pairs meet: title words and the ids in the names.
fn meeting_words(p: &Pair) -> HashSet<String> {
    const STOP: [&str; 8] = ["the", "and", "of", "a", "an", "in", "on", "to"];
    let mut out = HashSet::new();
    for name in [&p.a, &p.b] {
        let m = plexsync::media::parse(name);
        out.insert(format!("title:{}", m.normalized_title));
        for w in m.normalized_title.split_whitespace() {
            if !STOP.contains(&w) {
                out.insert(w.to_string());
            }
        }
        for w in name.split(|c: char| !c.is_alphanumeric()) {
            if w.len() > 4 && w.bytes().any(|b| b.is_ascii_digit()) {
                out.insert(format!("id:{}", w.to_lowercase()));
            }
        }
    }
    out
}

/// The confidence of the media group holding both files of each pair, if any.
fn run(w: &World, pairs: &[Pair], tag: u64) -> Vec<Option<String>> {
    // Greedy colouring: a pair joins the first tree that shares no word with it.
    let mut trees: Vec<HashSet<String>> = Vec::new();
    let mut tree_of = Vec::new();
    for p in pairs {
        let words = meeting_words(p);
        let t = match trees.iter().position(|t| t.is_disjoint(&words)) {
            Some(t) => t,
            None => {
                trees.push(HashSet::new());
                trees.len() - 1
            }
        };
        trees[t].extend(words);
        tree_of.push(t);
    }
    // Folder names of 16 hex digits read as ids to the parser, so they add no title.
    let tree_dir = |t: usize| w.path(&format!("{tag:016x}/{:016x}", t + 0xa000));
    let mut where_is: HashMap<PathBuf, (usize, usize)> = HashMap::new();
    for (i, p) in pairs.iter().enumerate() {
        for (side, name) in [&p.a, &p.b].into_iter().enumerate() {
            let path = tree_dir(tree_of[i])
                .join(format!("{:016x}", i + 0xb000))
                .join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let f = std::fs::File::create(&path).unwrap();
            // Sparse: the sizes are real, the disk use is not.
            f.set_len(p.sizes[side]).unwrap();
            where_is.insert(path, (i, side));
        }
    }
    let mut got = vec![None; pairs.len()];
    for t in 0..trees.len() {
        let dir = tree_dir(t);
        let msgs = w.json(
            &["dupes", "find", "--kind", "media", dir.to_str().unwrap()],
            0,
        );
        for g in of_type(&msgs, "group") {
            assert_eq!(g["kind"], "media");
            let members: Vec<(usize, usize)> = g["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    let p = json_path(&f["path"]);
                    *where_is
                        .get(&p)
                        .unwrap_or_else(|| panic!("unknown file {}", p.display()))
                })
                .collect();
            let pair = members[0].0;
            assert!(
                members.iter().all(|m| m.0 == pair),
                "a group joined two pairs: {g:#}"
            );
            if members.len() == 2 {
                got[pair] = Some(g["confidence"].as_str().unwrap().to_string());
            }
        }
    }
    got
}

const LEVELS: [&str; 5] = ["very_high", "high", "medium", "low", "very_low"];

fn rank(c: &str) -> usize {
    LEVELS.iter().position(|l| *l == c).unwrap()
}

/// (precision, recall) when acting on groups at `level` or above.
fn at_level(
    pairs: &[Pair],
    got: &[Option<String>],
    level: usize,
) -> (f64, f64, usize, usize, usize) {
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (p, g) in pairs.iter().zip(got) {
        let yes = g.as_deref().is_some_and(|c| rank(c) <= level);
        match (p.same, yes) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fneg += 1,
            _ => {}
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fneg == 0 {
        1.0
    } else {
        tp as f64 / (tp + fneg) as f64
    };
    (precision, recall, tp, fp, fneg)
}

fn report(
    name: &str,
    pairs: &[Pair],
    got: &[Option<String>],
) -> BTreeMap<&'static str, (f64, f64)> {
    let pos = pairs.iter().filter(|p| p.same).count();
    println!(
        "\n{name}: {} pairs ({pos} same, {} different)",
        pairs.len(),
        pairs.len() - pos
    );
    println!("| acting on | grouped pairs | right | wrong | precision | recall |");
    println!("|---|---|---|---|---|---|");
    let mut out = BTreeMap::new();
    for (i, l) in LEVELS.iter().enumerate().take(4) {
        let (p, r, tp, fp, _) = at_level(pairs, got, i);
        println!("| ≥ {l} | {} | {tp} | {fp} | {p:.3} | {r:.3} |", tp + fp);
        out.insert(*l, (p, r));
    }
    println!("\n| level (exactly) | same | different |");
    println!("|---|---|---|");
    for l in LEVELS.iter().map(|l| Some(l.to_string())).chain([None]) {
        let n = |same: bool| {
            pairs
                .iter()
                .zip(got)
                .filter(|(p, g)| p.same == same && **g == l)
                .count()
        };
        println!(
            "| {} | {} | {} |",
            l.as_deref().unwrap_or("not grouped"),
            n(true),
            n(false)
        );
    }
    println!("\nby class (grouped at each level / pairs):");
    let mut classes: BTreeMap<(&str, bool), Vec<usize>> = BTreeMap::new();
    for (i, p) in pairs.iter().enumerate() {
        classes.entry((&p.class, p.same)).or_default().push(i);
    }
    for ((class, same), idx) in &classes {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in idx {
            *counts
                .entry(got[i].as_deref().unwrap_or("none"))
                .or_default() += 1;
        }
        let label = if *same { "same" } else { "different" };
        println!("  {class:16} {label:9} {:3}  {counts:?}", idx.len());
    }
    println!("\nmistakes:");
    for (p, g) in pairs.iter().zip(got) {
        let wrong = match (p.same, g.as_deref()) {
            (false, Some(_)) => true,
            (true, None) => true,
            (true, Some(c)) => rank(c) > 1,
            _ => false,
        };
        if wrong {
            println!(
                "  {:9} {:16} {:10} {}  |  {}",
                if p.same { "same" } else { "different" },
                p.class,
                g.as_deref().unwrap_or("none"),
                p.a,
                p.b
            );
        }
    }
    out
}

/// Lowest recall accepted at `high` (and above) and at any level, per set: a floor that
/// catches a regression, a few points under what was measured.
const FLOORS: [(&str, f64, f64); 2] = [("tune", 0.83, 0.93), ("holdout", 0.85, 0.95)];

#[test]
fn media_pairs_precision_and_recall_per_confidence() {
    let w = World::new();
    let mut failures = Vec::new();
    for (set, (name, floor_high, floor_any)) in FLOORS.into_iter().enumerate() {
        let pairs = load(&format!("media-pairs-{name}.tsv"));
        assert!(pairs.len() >= 100, "{name}: {} pairs", pairs.len());
        let got = run(&w, &pairs, 0xc000 + set as u64);
        let table = report(name, &pairs, &got);
        let (p_high, r_high) = table["high"];
        let (_, r_any) = table["low"];
        if p_high < 0.99 {
            failures.push(format!("{name}: high precision {p_high:.3} < 0.99"));
        }
        if r_high < floor_high {
            failures.push(format!("{name}: high recall {r_high:.3} < {floor_high}"));
        }
        if r_any < floor_any {
            failures.push(format!("{name}: recall at low {r_any:.3} < {floor_any}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// `dupes remove --kind media` acts on `high` (and `very_high`) groups only, unless
/// `--min-confidence` says otherwise: a movie without a year is `medium` and stays.
#[test]
fn remove_acts_on_high_media_groups_only_by_default() {
    let w = World::new();
    let files = [
        ("lib/Heat.1995.1080p.BluRay.x264-AMIABLE.mkv", 9000),
        ("lib/Heat.1995.720p.BluRay.x264-SiNNERS.mkv", 4000),
        ("lib/Gattaca.1080p.BluRay.x264.mkv", 9000),
        ("lib/Gattaca.1997.720p.BluRay.x264-SiNNERS.mkv", 4000),
        ("lib/Dune.1984.1080p.BluRay.x264.mkv", 9000),
        ("lib/Dune.2021.1080p.WEB-DL.x264.mkv", 8000),
        (
            "lib/General.Hospital.S20E142.2019.05.01.720p.HDTV.x264.mkv",
            500,
        ),
        (
            "lib/General.Hospital.S20E143.2019.05.01.720p.HDTV.x264.mkv",
            500,
        ),
    ];
    for (i, (p, n)) in files.iter().enumerate() {
        w.write(p, vec![i as u8; *n]);
    }
    let lib = w.path("lib");
    let lib = lib.to_str().unwrap();
    let found = w.json(&["dupes", "find", "--kind", "media", lib], 0);
    let levels: Vec<(String, String)> = of_type(&found, "group")
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_string(),
                g["confidence"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(levels.len(), 2, "{levels:?}");
    assert!(
        levels.contains(&("movie: heat (1995)".into(), "high".into())),
        "{levels:?}"
    );
    assert!(
        levels
            .iter()
            .any(|(k, c)| k.contains("gattaca") && c == "medium"),
        "{levels:?}"
    );
    let gattaca = of_type(&found, "group")
        .into_iter()
        .find(|g| g["key"].as_str().unwrap().contains("gattaca"))
        .unwrap();
    assert_eq!(
        gattaca["evidence"],
        serde_json::json!(["year on one side only"])
    );
    let removed = |msgs: &[serde_json::Value]| -> Vec<String> {
        of_type(msgs, "action")
            .iter()
            .map(|a| {
                json_path(&a["path"])
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    let plan = w.json(&["dupes", "remove", "--dry-run", "--kind", "media", lib], 0);
    assert_eq!(removed(&plan), ["Heat.1995.720p.BluRay.x264-SiNNERS.mkv"]);
    let plan = w.json(
        &[
            "dupes",
            "remove",
            "--dry-run",
            "--kind",
            "media",
            "--min-confidence",
            "medium",
            lib,
        ],
        0,
    );
    let mut got = removed(&plan);
    got.sort();
    assert_eq!(
        got,
        [
            "Gattaca.1997.720p.BluRay.x264-SiNNERS.mkv",
            "Heat.1995.720p.BluRay.x264-SiNNERS.mkv"
        ]
    );
    let done = w.json(&["dupes", "remove", "--yes", "--kind", "media", lib], 0);
    assert_eq!(removed(&done), ["Heat.1995.720p.BluRay.x264-SiNNERS.mkv"]);
    assert!(!w
        .path("lib/Heat.1995.720p.BluRay.x264-SiNNERS.mkv")
        .exists());
    assert!(w
        .path("lib/Gattaca.1997.720p.BluRay.x264-SiNNERS.mkv")
        .exists());
}
