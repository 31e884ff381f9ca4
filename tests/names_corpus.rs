//! Scores the release-name parser against guessit's published test cases
//! (`tests/data/names-dev.jsonl`, see `tests/data/README.md`), field by field, prints the
//! accuracy table (`cargo test --test names_corpus -- --nocapture`) and asserts the
//! targets. Set `NAMES_MISSES=title` (a field name) to list that field's misses, and
//! `NAMES_FP=1` as well to list where we report the field and the corpus does not.
//!
//! Comparison rules: titles, episode titles and groups compare after folding case and the
//! separators `. _ -`; list-valued fields compare as sets, a scalar expected value equal
//! to a one-element list. `season`, `part` and `edition` are scalars in our API (the first
//! season of a pack, the first part, the first edition), so a list-valued expectation is
//! scored against its first element. `kind` is scored against the expected `type`.

use plexsync::media::{parse, MediaName};
use serde_json::Value;
use std::collections::BTreeMap;

const CORPUS: &str = include_str!("data/names-dev.jsonl");

/// Fields scored, with the minimum accuracy asserted (0.0 = reported only).
const FIELDS: &[(&str, f64)] = &[
    ("title", 0.95),
    ("year", 0.98),
    ("season", 0.98),
    ("episode", 0.98),
    ("kind", 0.98),
    ("screen_size", 0.93),
    ("source", 0.93),
    ("video_codec", 0.93),
    ("release_group", 0.93),
    ("episode_title", 0.0),
    ("date", 0.0),
    ("audio_codec", 0.0),
    ("audio_channels", 0.0),
    ("edition", 0.0),
    ("part", 0.0),
    ("container", 0.0),
    ("other", 0.0),
    ("language", 0.0),
    ("subtitle_language", 0.0),
];

fn fold(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| if matches!(c, '.' | '_' | '-') { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Language names as written in the corpus, to the codes the parser reports.
fn lang_code(s: &str) -> String {
    let l = s.to_lowercase();
    let code = match l.as_str() {
        "english" | "eng" => "en",
        "french" | "fra" | "fre" => "fr",
        "german" | "deu" | "ger" => "de",
        "spanish" | "spa" => "es",
        "italian" | "ita" => "it",
        "catalan" | "cat" => "ca",
        "norwegian" | "nor" => "no",
        "russian" | "rus" => "ru",
        "korean" => "ko",
        "japanese" | "jp" => "ja",
        "multi" | "multiple languages" => "mul",
        "pt-br" => "pt",
        _ => return l,
    };
    code.to_string()
}

fn as_list(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

fn first(v: &Value) -> Value {
    as_list(v).into_iter().next().unwrap_or(Value::Null)
}

/// Our value for a field, in the corpus's shape.
fn ours(m: &MediaName, field: &str) -> Value {
    let j = serde_json::to_value(m).expect("MediaName serializes");
    match field {
        "kind" => match m.kind {
            plexsync::media::MediaKind::Unknown => Value::Null,
            _ => j["kind"].clone(),
        },
        "episode" => {
            if !m.episodes.is_empty() {
                Value::from(m.episodes.clone())
            } else {
                m.episode.map(Value::from).unwrap_or(Value::Null)
            }
        }
        f => j.get(f).cloned().unwrap_or(Value::Null),
    }
}

/// The expected value for a field, or None when the corpus entry does not say.
fn expected(e: &Value, field: &str) -> Option<Value> {
    let v = match field {
        "kind" => e.get("type"),
        "part" => e.get("part").or_else(|| e.get("cd")),
        f => e.get(f),
    }?;
    Some(match field {
        "season" | "part" | "edition" => first(v),
        _ => v.clone(),
    })
}

fn equal(field: &str, exp: &Value, got: &Value) -> bool {
    match field {
        "title" | "episode_title" | "release_group" => match (exp.as_str(), got.as_str()) {
            (Some(a), Some(b)) => fold(a) == fold(b),
            _ => false,
        },
        "language" | "subtitle_language" => {
            let mut a: Vec<String> = as_list(exp)
                .iter()
                .filter_map(|v| v.as_str().map(lang_code))
                .collect();
            let mut b: Vec<String> = as_list(got)
                .iter()
                .filter_map(|v| v.as_str().map(lang_code))
                .collect();
            a.sort();
            a.dedup();
            b.sort();
            b.dedup();
            a == b
        }
        "other" | "episode" => {
            let key = |v: &Value| v.to_string();
            let mut a: Vec<String> = as_list(exp).iter().map(key).collect();
            let mut b: Vec<String> = as_list(got).iter().map(key).collect();
            a.sort();
            a.dedup();
            b.sort();
            b.dedup();
            a == b
        }
        _ => exp == got,
    }
}

#[derive(Default)]
struct Score {
    total: usize,
    correct: usize,
    false_pos: usize,
}

#[test]
fn corpus_accuracy() {
    let misses_of = std::env::var("NAMES_MISSES").ok();
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut entries = 0;
    for line in CORPUS.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("corpus line is JSON");
        let input = v["input"].as_str().expect("input is a string");
        let exp = &v["expected"];
        let m = parse(input);
        entries += 1;
        for &(field, _) in FIELDS {
            let s = scores.entry(field).or_default();
            let got = ours(&m, field);
            match expected(exp, field) {
                Some(want) => {
                    s.total += 1;
                    if equal(field, &want, &got) {
                        s.correct += 1;
                    } else if misses_of.as_deref() == Some(field) {
                        println!("MISS {field}: {input}\n    want {want}  got {got}");
                    }
                }
                None => {
                    if !got.is_null() && field != "kind" {
                        s.false_pos += 1;
                        if misses_of.as_deref() == Some(field) && std::env::var("NAMES_FP").is_ok()
                        {
                            println!("FP {field}: {input}\n    got {got}");
                        }
                    }
                }
            }
        }
    }

    println!("\nrelease-name parser on {entries} corpus names (guessit 4.4.0 test cases)\n");
    println!(
        "{:<18} {:>6} {:>8} {:>9} {:>8} {:>14}",
        "field", "cases", "correct", "accuracy", "target", "false pos."
    );
    let mut failed = Vec::new();
    for &(field, target) in FIELDS {
        let s = &scores[field];
        let acc = if s.total == 0 {
            1.0
        } else {
            s.correct as f64 / s.total as f64
        };
        let tgt = if target > 0.0 {
            format!("{:.0}%", target * 100.0)
        } else {
            "-".to_string()
        };
        println!(
            "{:<18} {:>6} {:>8} {:>8.1}% {:>8} {:>14}",
            field,
            s.total,
            s.correct,
            acc * 100.0,
            tgt,
            s.false_pos
        );
        if acc < target {
            failed.push(format!(
                "{field}: {:.1}% < {:.0}%",
                acc * 100.0,
                target * 100.0
            ));
        }
    }
    println!(
        "\n(false pos. = corpus names where we report the field and the expected result lacks it)"
    );
    assert!(
        failed.is_empty(),
        "accuracy below target: {}",
        failed.join(", ")
    );
}
