//! Property tests for the parser: it never panics, its output is self-consistent, and
//! its time stays linear in the input, whatever the input.
//!
//! Inputs come from a small deterministic generator (xorshift) that glues together
//! fragments chosen to stress the tokenizer and the rules: release jargon, markers,
//! numbers, brackets, separators, non-ASCII letters, control characters and surrogates'
//! neighbours. Deterministic so a failure reproduces; no extra dependency needed.

use super::{normalize_title, parse, MediaKind, MediaName};
use std::time::Duration;

/// xorshift64*: small, fast, good enough to vary test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "Show",
    "Name",
    "the",
    "A",
    "Movie",
    "1080p",
    "720",
    "2160p",
    "x264",
    "H.264",
    "HEVC",
    "WEB-DL",
    "BluRay",
    "DVDRip",
    "S01E02",
    "s1",
    "E03",
    "1x02",
    "x",
    "×",
    "-",
    " - ",
    ".",
    "_",
    " ",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "[[[[(((",
    ")))]]]",
    "2019",
    "1999",
    "2001",
    "102",
    "13",
    "7",
    "0",
    "00000000",
    "5.1",
    "DD+",
    "+",
    "&",
    "&amp;",
    "Season",
    "Episode",
    "Temporada",
    "Cap",
    "第",
    "季",
    "話",
    "二十三",
    "ª",
    "й",
    "сезон",
    "серия",
    "é",
    "Ö",
    "ß",
    "ﬁ",
    "\u{0}",
    "\u{7}",
    "\n",
    "\t",
    "\u{202e}",
    "\u{300}",
    "🎬",
    "中文",
    "Part",
    "III",
    "CD1of2",
    "v2",
    "PROPER",
    "REPACK",
    "-GRP",
    "[Group]",
    "www.",
    "site.com",
    ".mkv",
    "/",
    "\\",
    "Complete",
    "US",
    "(US)",
    "Director's Cut",
    "10-11-2008",
    "2014.10.31",
    "of",
    "by",
    "DTS-HD.MA",
    "7.1",
    "tt1234567",
    "1280x720",
    "99999999999999999999",
    "S9999E9999",
    "Season 1-3",
    "Seasons 1 & 2",
    "¦",
    "~",
    "\u{3000}",
    "'",
    "’",
    ",",
    ":",
    "?",
    "*",
];

fn random_name(rng: &mut Rng) -> String {
    let parts = rng.below(24);
    let mut s = String::new();
    for _ in 0..parts {
        if rng.below(8) == 0 {
            // A random code point now and then, including unusual planes.
            let c = char::from_u32((rng.next() % 0x3_0000) as u32).unwrap_or('?');
            s.push(c);
        } else {
            s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
    }
    s
}

/// What must hold for every parse, whatever the input.
fn check(input: &str, m: &MediaName) {
    if let Some(t) = &m.title {
        assert!(!t.trim().is_empty(), "empty title for {input:?}");
        let key = normalize_title(t);
        assert!(
            m.normalized_title.starts_with(&key),
            "key {:?} for title {:?}",
            m.normalized_title,
            t
        );
    } else {
        assert!(
            m.normalized_title.is_empty(),
            "key without title for {input:?}"
        );
    }
    if !m.episodes.is_empty() {
        assert_eq!(
            m.episode,
            m.episodes.first().copied(),
            "episode vs episodes for {input:?}"
        );
        assert!(m.episodes.len() > 1);
        assert!(
            m.episodes.windows(2).all(|w| w[0] < w[1]),
            "episodes sorted for {input:?}"
        );
    }
    if m.kind == MediaKind::Unknown {
        assert!(
            m.season.is_none() && m.episode.is_none(),
            "unknown with numbers: {input:?}"
        );
    }
    let json = serde_json::to_string(m).expect("serializes");
    let back: MediaName = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(&back, m, "JSON round trip for {input:?}");
}

#[test]
fn never_panics_on_random_names() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let name = random_name(&mut rng);
        check(&name, &parse(&name));
    }
}

#[test]
fn never_panics_on_edge_inputs() {
    let inputs = [
        "",
        " ",
        ".",
        "-",
        "/",
        "\\\\",
        "[[[[(((",
        ")))]]]",
        "[]",
        "()",
        ".mkv",
        "...mkv",
        "a/b/c/",
        "\u{0}\u{1}\u{2}",
        "S",
        "S01E",
        "1x",
        "x1",
        "第",
        "季",
        "第季",
        "Season",
        "Season Season Season",
        "- - - -",
        "Cap.",
        "99999999999999999999999999",
        "S99999999E99999999",
        "1x99999999",
        "0000-00-00",
        "2019.13.45",
        "Part",
        "by",
        "[a]-",
        "www.",
        "a.com",
        "ª",
        "5-й",
    ];
    for i in inputs {
        check(i, &parse(i));
    }
}

#[test]
fn not_media_is_unknown() {
    for name in [
        "IMG_2041.JPG",
        "notes.txt",
        "photos/DSC00012.jpg",
        "report.pdf",
    ] {
        let m = parse(name);
        assert_eq!(m.kind, MediaKind::Unknown, "{name}");
        assert!(m.title.is_some(), "{name} keeps a title");
    }
}

/// CPU time used by this thread: unlike wall time, it does not count time spent waiting
/// for a core, so the linearity check holds on a machine busy with other builds.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own; the clock id is valid.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// CPU time to parse `s`, best of a few runs (to damp cache and frequency noise).
fn best_time(s: &str) -> Duration {
    (0..5)
        .map(|_| {
            let t = thread_cpu();
            std::hint::black_box(parse(std::hint::black_box(s)));
            thread_cpu().saturating_sub(t)
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn time_is_linear_in_length() {
    let patterns = [
        "a.b-c [d] (1080p) S01E02 ",
        "[[[[(((",
        "1.2.3.4.",
        "S01E01E02-",
        "Season 1 & 2 ",
        "x264-GRP.",
        "中文第二季",
        "www.a.b.",
        "a.b.c.d.e.f.g.",
        "2019 ",
        "1 2 3 ",
        "- ",
        "The ",
        "é",
    ];
    for p in patterns {
        let small: String = p.repeat(10_000 / p.len() + 1);
        let large: String = p.repeat(100_000 / p.len() + 1);
        let (ts, tl) = (best_time(&small), best_time(&large));
        // Ten times the input may take at most ~30 times as long (linear with slack for
        // allocation and cache effects); a quadratic rule would take ~100 times.
        let limit = ts * 30 + Duration::from_millis(20);
        assert!(
            tl <= limit,
            "pattern {p:?}: 10 KB took {ts:?}, 100 KB took {tl:?}"
        );
        check(&large, &parse(&large));
    }
}
