//! Reads one path component (a file name without its extension, or a folder name) into
//! the fields it carries.
//!
//! Release names follow a loose grammar: a title, then markers (year, `S01E02`, `1x02`,
//! a date), then technical words (resolution, source, codecs, languages), then the
//! release group after a final dash. The analysis runs in two passes over the tokens.
//! The lexical pass claims every token that is unambiguous on its own or with its
//! neighbours (markers, numbers with units, vocabulary phrases). The structural pass then
//! decides what only position can tell: where the title starts and ends, whether a bare
//! number is an episode or part of the title, which year is the release year, which
//! trailing words are the episode title and which the release group.

use super::tokens::{self, Tok, CLOSE, COMMA, DASH, DOT, OPEN, PLUS, SPACE, STRONG, TIMES, UNDER};
use super::vocab::{self, Entry, Field};

/// What a token turned out to be.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// Not claimed: a title, episode-title or group word.
    Free,
    /// The first token of a vocabulary phrase; the others are `Cont`.
    Vocab(&'static Entry),
    /// A later token of a claimed multi-token span.
    Cont,
    /// Part of a season or episode marker.
    Marker,
    /// A year candidate; decided in the structural pass.
    Year,
    /// Part of a date.
    Date,
    /// A resolution.
    Screen,
    /// A part or CD number.
    Part,
    /// Claimed but reported as nothing: web sites, checksums, sizes, ids, versions.
    Junk,
    /// Audio channels (`5.1`).
    Channels,
    /// A bare number: an episode, a title word, or a resolution, decided later.
    Number,
}

/// How a component's title was found, which the path merge uses to weigh it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TitleFrom {
    /// No title.
    #[default]
    None,
    /// The words before the first marker: a show or movie title.
    Lead,
    /// The words after a leading episode marker or number: likely an episode title.
    AfterMarker,
}

/// The fields found in one component.
#[derive(Debug, Default, Clone)]
pub struct Info {
    /// The title (show name for episodes).
    pub title: Option<String>,
    /// Where in the name the title was found.
    pub title_from: TitleFrom,
    /// How many tokens the title has (one-word titles may be abbreviations).
    pub title_tokens: usize,
    /// The release year.
    pub year: Option<u16>,
    /// The season.
    pub season: Option<u32>,
    /// Every episode number, in the order found.
    pub episodes: Vec<u32>,
    /// The air date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The episode title.
    pub episode_title: Option<String>,
    /// `1080p`, or `WxH`.
    pub screen_size: Option<String>,
    /// The source (`Blu-ray`, `Web`, ...).
    pub source: Option<&'static str>,
    /// The video codec.
    pub video_codec: Option<&'static str>,
    /// The audio codec.
    pub audio_codec: Option<&'static str>,
    /// The audio channels (`5.1`).
    pub audio_channels: Option<&'static str>,
    /// The edition.
    pub edition: Option<&'static str>,
    /// The part or disc number.
    pub part: Option<u32>,
    /// The release group.
    pub group: Option<String>,
    /// The group came from a name's end (`-GROUP`), not from a guess at its start.
    pub group_strong: bool,
    /// Audio languages (ISO 639-1).
    pub language: Vec<&'static str>,
    /// Subtitle languages (ISO 639-1).
    pub subtitle_language: Vec<&'static str>,
    /// Other tags.
    pub other: Vec<&'static str>,
    /// A country written after the title (`US`), kept for the match key.
    pub country: Option<&'static str>,
    /// A container word inside the name (`MP4-GRP`), used when the path has no extension.
    pub container: Option<&'static str>,
    /// Words that say "a whole series" (`Complete Series`, `Seasons`, `Miniseries`).
    pub series_words: bool,
    /// How many technical properties were found (a measure of "this is a release name").
    pub tech: u32,
    /// The component is a random or reversed string, not a name.
    pub obfuscated: bool,
}

/// Working state for one component.
struct Comp<'a> {
    s: &'a str,
    toks: Vec<Tok>,
    /// Folded lowercase key of each token, as ranges into `keybuf`.
    keys: Vec<(u32, u32)>,
    keybuf: String,
    role: Vec<Role>,
    info: Info,
    /// Token index of the first episode/season marker, if any.
    first_marker: Option<usize>,
    /// The episode marker's last token, after which an episode title may follow.
    ep_anchor: Option<usize>,
    /// Release-name style with a leading `[Group]`: bare numbers are absolute episodes.
    anime: bool,
    /// Whether bare numbers may be read as episodes (not for images and documents).
    numbers: bool,
    /// Token index of the release year.
    year_at: Option<usize>,
    /// A reusable buffer for phrase keys.
    scratch: String,
}

const MAX_EPISODES: usize = 64;

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_year(n: u32) -> bool {
    (1900..=2039).contains(&n)
}

/// Heights that stand for a resolution even without the `p` (`1080`, `720`).
fn is_bare_height(n: u32) -> bool {
    matches!(n, 480 | 576 | 720 | 1080 | 1440 | 2160)
}

fn is_height(n: u32) -> bool {
    matches!(
        n,
        240 | 288 | 360 | 368 | 480 | 540 | 576 | 720 | 900 | 1080 | 1440 | 2160 | 4320
    )
}

/// Reads leading ASCII digits (at most `max`) from `b[*i..]`.
fn digits(b: &[u8], i: &mut usize, max: usize) -> Option<u32> {
    let st = *i;
    while *i < b.len() && b[*i].is_ascii_digit() && *i - st < max {
        *i += 1;
    }
    if *i == st || (*i < b.len() && b[*i].is_ascii_digit()) {
        return None;
    }
    std::str::from_utf8(&b[st..*i]).ok()?.parse().ok()
}

/// A season/episode marker read from one token.
#[derive(Debug, Default)]
struct Se {
    season: Option<u32>,
    eps: Vec<u32>,
    complete: bool,
    extras: bool,
}

/// Skips a version suffix (`v2`) at the end of a key.
fn skip_version(b: &[u8], i: &mut usize) {
    if *i + 1 < b.len() && b[*i] == b'v' && b[*i + 1..].iter().all(u8::is_ascii_digit) {
        *i = b.len();
    }
}

/// `S01E02`, `s01e02e03`, `S01xE01`, `S2014E18`, `S07D1`, `S01Extras`, `S06`.
fn parse_s_marker(k: &str) -> Option<Se> {
    let b = k.as_bytes();
    if b.len() < 2 || b[0] != b's' {
        return None;
    }
    let mut i = 1;
    let season = digits(b, &mut i, 4)?;
    let mut se = Se {
        season: Some(season),
        ..Se::default()
    };
    if i == b.len() {
        return Some(se);
    }
    if &b[i..] == b"extras" {
        se.extras = true;
        return Some(se);
    }
    if b[i] == b'd' {
        let mut j = i + 1;
        digits(b, &mut j, 2)?;
        return (j == b.len()).then_some(se);
    }
    while i < b.len() {
        if b[i] == b'x' && i + 1 < b.len() && b[i + 1] == b'e' {
            i += 1;
        }
        if b[i] != b'e' {
            break;
        }
        i += 1;
        let e = digits(b, &mut i, 4)?;
        se.eps.push(e);
        skip_version(b, &mut i);
    }
    (i == b.len() && !se.eps.is_empty()).then_some(se)
}

/// `1x02`, `5x44x45`, `1xAll`, `T01xE08`.
fn parse_x_marker(k: &str) -> Option<Se> {
    let b = k.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b't') {
        i = 1;
    }
    let season = digits(b, &mut i, 4)?;
    if i >= b.len() || b[i] != b'x' {
        return None;
    }
    let mut se = Se {
        season: Some(season),
        ..Se::default()
    };
    if &b[i..] == b"xall" {
        se.complete = true;
        return Some(se);
    }
    while i < b.len() && b[i] == b'x' {
        i += 1;
        if i < b.len() && b[i] == b'e' {
            i += 1;
        }
        let e = digits(b, &mut i, 3)?;
        se.eps.push(e);
        skip_version(b, &mut i);
    }
    (i == b.len()).then_some(se)
}

/// `E02`, `e576`, `Ep6`, `e01v2`.
fn parse_e_marker(k: &str) -> Option<u32> {
    let b = k.as_bytes();
    let mut i = if b.starts_with(b"ep") {
        2
    } else if b.first() == Some(&b'e') {
        1
    } else {
        return None;
    };
    let e = digits(b, &mut i, 4)?;
    skip_version(b, &mut i);
    (i == b.len()).then_some(e)
}

/// A bare number with an optional version (`312v1`), as (value, digit count).
fn parse_number(k: &str) -> Option<(u32, usize)> {
    let b = k.as_bytes();
    let mut i = 0;
    let n = digits(b, &mut i, 4)?;
    let nd = i;
    skip_version(b, &mut i);
    (i == b.len()).then_some((n, nd))
}

/// `1080p`, `720i`, `1920x1080`.
fn parse_screen(k: &str) -> Option<String> {
    let b = k.as_bytes();
    let mut i = 0;
    let n = digits(b, &mut i, 4)?;
    if i + 1 == b.len() && (b[i] == b'p' || b[i] == b'i') && (200..=4320).contains(&n) && i >= 3 {
        return Some(format!("{}{}", n, b[i] as char));
    }
    if i < b.len() && b[i] == b'x' {
        i += 1;
        let h = digits(b, &mut i, 4)?;
        if i == b.len() && n >= 200 && h >= 200 {
            return Some(screen_of(n, h));
        }
    }
    None
}

/// The screen size for a width and height: `1080p` for standard sizes, else `WxH`.
fn screen_of(w: u32, h: u32) -> String {
    if is_height(h) && w * 10 >= h * 12 {
        format!("{}p", h)
    } else {
        format!("{}x{}", w, h)
    }
}

fn is_season_word(k: &str) -> bool {
    matches!(
        k,
        "season"
            | "seasons"
            | "saison"
            | "saisons"
            | "temporada"
            | "temporadas"
            | "temp"
            | "tem"
            | "stagione"
            | "staffel"
            | "seizoen"
            | "sezon"
            | "сезон"
            | "evad"
            | "series"
    )
}

fn is_episode_word(k: &str) -> bool {
    matches!(
        k,
        "episode"
            | "episodes"
            | "ep"
            | "episodio"
            | "capitulo"
            | "cap"
            | "folge"
            | "aflevering"
            | "episodul"
            | "odcinek"
            | "эпизод"
            | "серия"
            | "resz"
            | "epizod"
            | "afl"
    )
}

fn month(k: &str) -> Option<u32> {
    Some(match k {
        "jan" | "january" | "janvier" | "januar" => 1,
        "feb" | "february" | "fevrier" | "februar" => 2,
        "mar" | "march" | "mars" | "marz" => 3,
        "apr" | "april" | "avril" => 4,
        "may" | "mai" => 5,
        "jun" | "june" | "juin" | "juni" => 6,
        "jul" | "july" | "juillet" | "juli" => 7,
        "aug" | "august" | "aout" => 8,
        "sep" | "sept" | "september" | "septembre" => 9,
        "oct" | "october" | "octobre" | "oktober" => 10,
        "nov" | "november" | "novembre" => 11,
        "dec" | "december" | "decembre" | "dezember" => 12,
        _ => return None,
    })
}

/// A day of the month, maybe with an ordinal suffix (`3rd`, `21st`).
fn day_num(k: &str) -> Option<u32> {
    let d = num(k).or_else(|| {
        ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| k.strip_suffix(s).and_then(num))
    })?;
    (1..=31).contains(&d).then_some(d)
}

fn weekday(k: &str) -> bool {
    matches!(
        k,
        "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

fn valid_date(y: u32, m: u32, d: u32) -> Option<String> {
    if is_year(y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
        Some(format!("{:04}-{:02}-{:02}", y, m, d))
    } else {
        None
    }
}

fn is_article(k: &str) -> bool {
    matches!(k, "the" | "a" | "an")
}

/// Random-looking: long, mixing letters and digits with many switches between them
/// (`c48db7d2aeb040e8`, `mxNMuJWeO7PUWCMEw`), or a hash or UUID.
fn looks_random(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 16 {
        return false;
    }
    let alnum = b.iter().filter(|c| c.is_ascii_alphanumeric()).count();
    if alnum * 10 < b.len() * 9 {
        // A UUID-like string: hex groups joined by dashes.
        return b.iter().all(|c| c.is_ascii_hexdigit() || *c == b'-')
            && b.iter().filter(|&&c| c == b'-').count() >= 3;
    }
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let mut switches = 0;
    for w in b.windows(2) {
        let kind = |c: u8| {
            if c.is_ascii_digit() {
                0
            } else if c.is_ascii_uppercase() {
                1
            } else {
                2
            }
        };
        if kind(w[0]) != kind(w[1]) {
            switches += 1;
        }
    }
    digits >= 3 && switches * 3 >= b.len()
}

/// Buffers reused from one analysis to the next on the same thread, so parsing a name
/// costs a handful of allocations for its output rather than a dozen for working space.
#[derive(Default)]
struct Buffers {
    toks: Vec<Tok>,
    keys: Vec<(u32, u32)>,
    keybuf: String,
    role: Vec<Role>,
    scratch: String,
}

thread_local! {
    static POOL: std::cell::RefCell<Vec<Buffers>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Large buffers are dropped rather than kept, so one huge input does not pin memory.
const KEEP_BYTES: usize = 1 << 16;

impl<'a> Comp<'a> {
    fn new(s: &'a str) -> Self {
        let bufs = POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default();
        let Buffers {
            mut toks,
            mut keys,
            mut keybuf,
            mut role,
            scratch,
        } = bufs;
        tokens::tokenize(s, &mut toks);
        keybuf.clear();
        keys.clear();
        for t in &toks {
            let st = keybuf.len() as u32;
            for c in t.text(s).chars() {
                if c.is_ascii() {
                    keybuf.push(c.to_ascii_lowercase());
                } else {
                    super::normalize::push_key_char(c, &mut keybuf);
                }
            }
            keys.push((st, keybuf.len() as u32));
        }
        let n = toks.len();
        role.clear();
        role.resize(n, Role::Free);
        Comp {
            s,
            toks,
            keys,
            keybuf,
            role,
            info: Info::default(),
            first_marker: None,
            ep_anchor: None,
            anime: false,
            numbers: true,
            year_at: None,
            scratch,
        }
    }

    /// Hands the working buffers back to the thread's pool.
    fn recycle(self) {
        if self.keybuf.capacity() > KEEP_BYTES {
            return;
        }
        let bufs = Buffers {
            toks: self.toks,
            keys: self.keys,
            keybuf: self.keybuf,
            role: self.role,
            scratch: self.scratch,
        };
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < 8 {
                p.push(bufs);
            }
        });
    }

    fn n(&self) -> usize {
        self.toks.len()
    }

    fn key(&self, i: usize) -> &str {
        let (a, b) = self.keys[i];
        &self.keybuf[a as usize..b as usize]
    }

    fn text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.s)
    }

    fn sep(&self, i: usize) -> u16 {
        self.toks[i].sep
    }

    fn free(&self, i: usize) -> bool {
        i < self.n() && matches!(self.role[i], Role::Free)
    }

    fn free_or_num(&self, i: usize) -> bool {
        i < self.n() && matches!(self.role[i], Role::Free | Role::Number)
    }

    /// Whether tokens `i-1` and `i` are in the same bracket group (or both outside).
    fn same_level(&self, i: usize) -> bool {
        self.sep(i) & (OPEN | CLOSE) == 0
    }

    /// Claims tokens `i..i+len`. A vocabulary phrase keeps its entry on the first token
    /// (the rest are `Cont`); other spans repeat their role, so a date stays a date.
    fn claim(&mut self, i: usize, len: usize, role: Role) {
        self.role[i] = role;
        let rest = if matches!(role, Role::Vocab(_)) {
            Role::Cont
        } else {
            role
        };
        for r in &mut self.role[i + 1..i + len] {
            *r = rest;
        }
    }

    fn add_other(&mut self, v: &'static str) {
        if !self.info.other.contains(&v) {
            self.info.other.push(v);
        }
    }

    fn mark(&mut self, i: usize) {
        if self.first_marker.is_none_or(|m| m > i) {
            self.first_marker = Some(i);
        }
    }

    fn set_season(&mut self, s: u32) {
        if self.info.season.is_none() {
            self.info.season = Some(s);
        }
    }

    fn push_eps(&mut self, eps: &[u32]) {
        for &e in eps {
            if !self.info.episodes.contains(&e) && self.info.episodes.len() < MAX_EPISODES {
                self.info.episodes.push(e);
            }
        }
    }

    fn push_range(&mut self, to: u32) {
        if let Some(&last) = self.info.episodes.last() {
            if to > last && to - last < MAX_EPISODES as u32 {
                for e in last + 1..=to {
                    self.push_eps(&[e]);
                }
                return;
            }
        }
        self.push_eps(&[to]);
    }

    // ----- lexical pass -----

    fn lexical(&mut self) {
        let n = self.n();
        // Web sites are rare: look for them only when a name has a `www` or a domain.
        let sites = (0..n)
            .any(|j| self.key(j) == "www" || self.sep(j) & DOT != 0 && vocab::is_tld(self.key(j)));
        let mut i = 0;
        while i < n {
            if !self.free(i) {
                i += 1;
                continue;
            }
            let site = if sites { self.website(i) } else { None };
            // Most tokens are plain words: skip the matchers that need a digit in the token.
            let has_digit = self.key(i).bytes().any(|c| c.is_ascii_digit());
            let used = if has_digit {
                site.or_else(|| self.checksum_or_id(i))
                    .or_else(|| self.date(i))
                    .or_else(|| self.episode_marker(i))
                    .or_else(|| self.season_words(i))
                    .or_else(|| self.episode_words(i))
                    .or_else(|| self.number_of_total(i))
                    .or_else(|| self.part(i))
                    .or_else(|| self.measure(i))
                    .or_else(|| self.audio_with_channels(i))
                    .or_else(|| self.vocab(i))
                    .or_else(|| self.number(i))
            } else {
                site.or_else(|| self.checksum_or_id(i))
                    .or_else(|| self.date(i))
                    .or_else(|| self.season_words(i))
                    .or_else(|| self.episode_words(i))
                    .or_else(|| self.part(i))
                    .or_else(|| self.vocab(i))
            };
            i += used.unwrap_or(1).max(1);
        }
        self.channels();
    }

    /// `www.site.com`, `site.org`, `tvu.org.ru`: claimed as junk.
    fn website(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        let www = self.key(i) == "www";
        // The site's name runs over tokens glued by dots or dashes.
        let mut j = i + 1;
        let mut found_tld = false;
        // Bounded: a site name has a few labels, and a long dotted run must stay linear.
        while j < n && j < i + 6 && self.sep(j) & !(DOT | DASH) == 0 && self.sep(j) != 0 {
            if self.sep(j) & DOT != 0 && vocab::is_tld(self.key(j)) {
                found_tld = true;
                j += 1;
                while j < n && self.sep(j) == DOT && vocab::is_tld(self.key(j)) {
                    j += 1;
                }
                break;
            }
            j += 1;
        }
        if found_tld || (www && j > i + 2) {
            // A `www.` site ends at the next non-dot separator.
            self.claim(i, j - i, Role::Junk);
            return Some(j - i);
        }
        None
    }

    /// CRC32 checksums (`[1F5578AC]`), IMDb/TMDb/TVDb ids, hashes.
    fn checksum_or_id(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        let b = k.as_bytes();
        if b.len() == 8
            && b.iter().all(u8::is_ascii_hexdigit)
            && b.iter().any(u8::is_ascii_digit)
            && (b.iter().any(u8::is_ascii_alphabetic) || self.toks[i].depth > 0)
            && (self.toks[i].depth > 0 || self.sep(i) & UNDER != 0)
        {
            self.claim(i, 1, Role::Junk);
            return Some(1);
        }
        // Anime credits: `OP4a`, `ED2v2`, `NCOP1`.
        for (pre, what) in [
            ("op", "Opening Credits"),
            ("ed", "Ending Credits"),
            ("ncop", "Opening Credits"),
            ("nced", "Ending Credits"),
        ] {
            if let Some(rest) = k.strip_prefix(pre) {
                let r = rest.as_bytes();
                let mut p = 0;
                if digits(r, &mut p, 2).is_some() {
                    let tail = &rest[p..];
                    if tail.is_empty()
                        || tail.len() == 1 && tail.as_bytes()[0].is_ascii_lowercase()
                        || tail.starts_with('v') && tail[1..].bytes().all(|c| c.is_ascii_digit())
                    {
                        self.add_other(what);
                        self.info.tech += 1;
                        self.claim(i, 1, Role::Junk);
                        return Some(1);
                    }
                }
            }
        }
        // Bonus and volume numbers: `-x02-`, `vol127`.
        let bonus = b.len() == 3
            && b[0] == b'x'
            && b[1..].iter().all(u8::is_ascii_digit)
            && self.sep(i) & DASH != 0
            && self.info.season.is_none();
        let volume = b.len() > 3 && b.starts_with(b"vol") && b[3..].iter().all(u8::is_ascii_digit);
        if bonus || volume {
            self.claim(i, 1, Role::Junk);
            return Some(1);
        }
        // Versions: `v2`, `V1`.
        if (2..=3).contains(&b.len()) && b[0] == b'v' && b[1..].iter().all(u8::is_ascii_digit) {
            self.claim(i, 1, Role::Junk);
            return Some(1);
        }
        if b.len() >= 9 && b.starts_with(b"tt") && b[2..].iter().all(u8::is_ascii_digit) {
            self.claim(i, 1, Role::Junk);
            return Some(1);
        }
        if matches!(k, "tmdb" | "tmdbid" | "tvdb" | "tvdbid" | "imdb" | "imdbid")
            && i + 1 < self.n()
            && num(self.key(i + 1)).is_some()
        {
            self.claim(i, 2, Role::Junk);
            return Some(2);
        }
        None
    }

    /// Dates: `2014.10.31`, `10-11-2008`, `09.03.08`, `July.30.2021`, `Thu.2.Jan.2025`.
    fn date(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        let k0 = self.key(i);
        // A date starts with a number, a weekday or a month name.
        if i + 2 >= n || !(k0.as_bytes()[0].is_ascii_digit() || weekday(k0) || month(k0).is_some())
        {
            return None;
        }
        let joined = |c: &Self, j: usize| {
            j < n
                && c.free(j)
                && c.sep(j) & (DOT | DASH | SPACE | UNDER) != 0
                && c.sep(j) & (OPEN | CLOSE) == 0
        };
        // Weekday-prefixed and month-name dates.
        let mut st = i;
        if weekday(k0) && joined(self, i + 1) {
            st = i + 1;
        }
        if st + 2 < n && joined(self, st + 1) && joined(self, st + 2) {
            let (a, b, c) = (self.key(st), self.key(st + 1), self.key(st + 2));
            let found = if let (Some(m), Some(d), Some(y)) = (month(a), day_num(b), num(c)) {
                valid_date(y, m, d)
            } else if let (Some(d), Some(m), Some(y)) = (day_num(a), month(b), num(c)) {
                valid_date(y, m, d)
            } else {
                None
            };
            if let Some(dt) = found {
                self.info.date.get_or_insert(dt);
                self.claim(i, st + 3 - i, Role::Date);
                self.mark(i);
                return Some(st + 3 - i);
            }
        }
        if i + 2 >= n || !joined(self, i + 1) || !joined(self, i + 2) {
            return None;
        }
        // All three separators must be alike (`2014.10.31`, not `2014.10 31`).
        let sep1 = self.sep(i + 1) & (DOT | DASH | SPACE | UNDER);
        if self.sep(i + 2) & (DOT | DASH | SPACE | UNDER) != sep1 {
            return None;
        }
        // With spaces only year-first dates (`Conan 2011 04 18`): `24 12 2010` is too loose.
        if sep1 == SPACE && self.key(i).len() != 4 {
            return None;
        }
        let (a, b, c) = (self.key(i), self.key(i + 1), self.key(i + 2));
        let (la, lb, lc) = (a.len(), b.len(), c.len());
        let (x, y, z) = (num(a)?, num(b)?, num(c)?);
        let found = if la == 4 && lb <= 2 && lc <= 2 {
            valid_date(x, y, z)
        } else if lc == 4 && la <= 2 && lb <= 2 {
            // Day first unless that cannot be (`10-11-2008` is 10 November).
            if y > 12 && x <= 12 {
                valid_date(z, x, y)
            } else {
                valid_date(z, y, x)
            }
        } else if la == 2 && lb == 2 && lc == 2 && sep1 == DOT {
            valid_date(2000 + z, y, x)
        } else {
            None
        };
        let dt = found?;
        // Not the start of a longer dotted number run (`0.8.4.1`).
        if i + 3 < n
            && num(self.key(i + 3)).is_some()
            && self.key(i + 3).len() <= 2
            && self.sep(i + 3) == sep1
            && lc == 2
        {
            return None;
        }
        self.info.date.get_or_insert(dt);
        self.claim(i, 3, Role::Date);
        self.mark(i);
        Some(3)
    }

    /// `S01E02` and `1x02` markers and what continues them (`-E03`, `-04`, `+05`, `.S01E04`).
    fn episode_marker(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        let n = self.n();
        if parse_screen(k).is_some() {
            return None;
        }
        let mut se = parse_s_marker(k).or_else(|| parse_x_marker(k));
        let mut used = 1;
        // `1 x 03` and `2×7`: a number, an `x` (or `×`), a number.
        if se.is_none() {
            if let Some(s) = num(k).filter(|_| k.len() <= 2) {
                if i + 2 < n && self.key(i + 1) == "x" && self.free(i + 1) {
                    if let Some(e) = num(self.key(i + 2)).filter(|_| self.key(i + 2).len() <= 3) {
                        se = Some(Se {
                            season: Some(s),
                            eps: vec![e],
                            ..Se::default()
                        });
                        used = 3;
                    }
                } else if i + 1 < n && self.sep(i + 1) & TIMES != 0 {
                    if let Some(e) = num(self.key(i + 1)).filter(|_| self.key(i + 1).len() <= 3) {
                        se = Some(Se {
                            season: Some(s),
                            eps: vec![e],
                            ..Se::default()
                        });
                        used = 2;
                    }
                }
            }
        }
        if se.is_none() {
            // A lone `E02` marker, or `x02` right after a season marker (`s03-x02`).
            let after_season = self.info.season.is_some() && self.first_marker.is_some();
            let k = self.key(i);
            let e = parse_e_marker(k).or_else(|| {
                let b = k.as_bytes();
                if after_season && b.len() == 3 && b[0] == b'x' {
                    let mut j = 1;
                    digits(b, &mut j, 3).filter(|_| j == b.len())
                } else {
                    None
                }
            })?;
            if !self.info.episodes.is_empty() && self.ep_anchor.is_some_and(|a| a + 3 < i) {
                return None;
            }
            se = Some(Se {
                eps: vec![e],
                ..Se::default()
            });
        }
        let se = se?;
        // A marker repeated later (`S01E02 - Episode 55`) is title text, unless it carries
        // on the same season (`S01E02.S01E03`).
        if let (Some(prev), Some(s)) = (self.info.season, se.season) {
            if !self.info.episodes.is_empty() && prev != s {
                return None;
            }
        }
        if se.season.is_none()
            && !self.info.episodes.is_empty()
            && self.ep_anchor.is_some_and(|a| a + 3 < i)
        {
            return None;
        }
        if let Some(s) = se.season {
            self.set_season(s);
        }
        if se.complete {
            self.add_other("Complete");
        }
        if se.extras {
            self.add_other("Extras");
        }
        let complete = se.complete;
        self.push_eps(&se.eps);
        self.claim(i, used, Role::Marker);
        self.mark(i);
        let mut j = i + used;
        // Continuations.
        while j < n && self.free(j) {
            let k = self.key(j);
            let sep = self.sep(j);
            if sep & (OPEN | CLOSE) != 0 {
                break;
            }
            let has_eps = !self.info.episodes.is_empty();
            if let Some(e) = parse_e_marker(k) {
                if sep & DASH != 0 && has_eps {
                    self.push_range(e);
                } else {
                    self.push_eps(&[e]);
                }
            } else if let Some((e, nd)) = parse_number(k).filter(|&(_, nd)| nd <= 3) {
                if !has_eps {
                    // `Show S2 - 01`: a season, then the episode after a dash.
                    if sep & STRONG != 0 && self.info.season.is_some() {
                        self.push_eps(&[e]);
                        self.role[j] = Role::Marker;
                        j += 1;
                    }
                    break;
                }
                let last = *self.info.episodes.last().unwrap_or(&0);
                if sep & DASH != 0 && e > last {
                    self.push_range(e);
                } else if sep & PLUS != 0 || sep & DOT != 0 && e == last + 1 && nd >= 2 {
                    // `E01+02`, and `E21.22` when the number follows on.
                    self.push_eps(&[e]);
                } else {
                    break;
                }
            } else if let Some(more) = parse_s_marker(k).or_else(|| parse_x_marker(k)) {
                if more.season != self.info.season && !(more.eps.is_empty() && sep & DASH != 0) {
                    break;
                }
                if more.eps.is_empty() && !has_eps {
                    // `S01-S04`: a season range; our season is the first.
                } else if sep & DASH != 0 && has_eps && more.eps.len() == 1 {
                    self.push_range(more.eps[0]);
                } else {
                    self.push_eps(&more.eps);
                }
            } else if matches!(k, "&" | "and" | "&amp;" | "et" | "y") && j + 1 < n {
                let nk = self.key(j + 1);
                if parse_s_marker(nk)
                    .is_some_and(|m| m.season == self.info.season && !m.eps.is_empty())
                    || parse_x_marker(nk).is_some_and(|m| m.season == self.info.season)
                {
                    self.role[j] = Role::Marker;
                    j += 1;
                    continue;
                }
                break;
            } else {
                break;
            }
            self.role[j] = Role::Marker;
            j += 1;
        }
        if !complete {
            self.ep_anchor = Some(j - 1);
        }
        Some(j - i)
    }

    /// Reads a season or episode number at `j`: digits, `2of5`, a word or roman numeral.
    fn count_at(&self, j: usize, words: bool) -> Option<(u32, usize)> {
        if j >= self.n() || !self.free_or_num(j) {
            return None;
        }
        let k = self.key(j);
        if let Some((v, _)) = parse_number(k) {
            return Some((v, 1));
        }
        let b = k.as_bytes();
        let mut p = 0;
        if let Some(v) = digits(b, &mut p, 4) {
            // `2of5`, `04ª`, `1st`
            let rest = &k[p..];
            if rest.starts_with("of") && num(&rest[2..]).is_some()
                || matches!(rest, "a" | "o" | "st" | "nd" | "rd" | "th" | "e" | "eme")
            {
                return Some((v, 1));
            }
        }
        if words && self.text(j).len() <= 6 {
            if let Some(v) = vocab::word_number(k) {
                // Roman numerals must be written in capitals to count (`VII`, not `vi`).
                let roman = k.bytes().all(|c| b"ivx".contains(&c));
                if !roman || self.text(j).bytes().all(|c| c.is_ascii_uppercase()) {
                    return Some((v, 1));
                }
            }
        }
        None
    }

    /// `Season 2`, `Saison VII`, `Seasons 1 & 2`, `Season 1-3`, `2. Staffel`, `Temporada1`.
    fn season_words(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        let k = self.key(i);
        // Glued forms: `Temporada1`, `シーズン2`, `2期`, `第二季`.
        if let Some(v) = glued_count(k, &["temporada", "season", "saison", "シーズン"]) {
            self.set_season(v);
            self.claim(i, 1, Role::Marker);
            self.mark(i);
            return Some(1);
        }
        if let Some(v) = cjk_count(k, &['季', '期']) {
            self.set_season(v);
            self.claim(i, 1, Role::Marker);
            self.mark(i);
            return Some(1);
        }
        if !is_season_word(k) {
            return None;
        }
        let plural = matches!(k, "seasons" | "saisons");
        if k == "series" {
            // `Complete Series`: a whole show, not a number.
            if i > 0 && self.key(i - 1) == "complete" {
                self.info.series_words = true;
                self.claim(i, 1, Role::Junk);
                return Some(1);
            }
            return None;
        }
        // A number after the word, unless it belongs to a following episode word
        // (`2 сезон 24 серия`) or the number before has an ordinal mark (`5-й сезон`).
        let before = self.count_before(i);
        let after_is_episode = i + 2 < n && is_episode_word(self.key(i + 2));
        // Not across ` - ` (`2ND SEASON - 01` is season 2, episode 1).
        let use_after =
            (before.is_none() || !after_is_episode) && i + 1 < n && self.sep(i + 1) & STRONG == 0;
        if let Some((v, used)) = self.count_at(i + 1, true).filter(|_| use_after) {
            if self.same_level(i + 1) {
                self.set_season(v);
                self.claim(i, 1 + used, Role::Marker);
                self.mark(i);
                let mut j = i + 1 + used;
                // `1-3`, `1 & 2`, `1 to 5`, `1.3.4`, `2 of 5`, `de 5`
                while j < n && self.free_or_num(j) && self.same_level(j) {
                    let kj = self.key(j);
                    if matches!(
                        kj,
                        "&" | "and"
                            | "to"
                            | "a"
                            | "et"
                            | "y"
                            | "of"
                            | "de"
                            | "di"
                            | "von"
                            | "van"
                            | "din"
                    ) && j + 1 < n
                        && num(self.key(j + 1)).is_some()
                    {
                        self.role[j] = Role::Marker;
                        self.role[j + 1] = Role::Marker;
                        j += 2;
                    } else if let Some(e) = of_total(kj) {
                        // `Season.2.1of4`: episode 1 of 4.
                        self.push_eps(&[e]);
                        self.role[j] = Role::Marker;
                        self.ep_anchor = Some(j);
                        j += 1;
                    } else if num(kj).is_some_and(|x| x < 100)
                        && self.sep(j) & (DASH | DOT) != 0
                        && kj.len() <= 2
                    {
                        self.role[j] = Role::Marker;
                        j += 1;
                    } else {
                        break;
                    }
                }
                if plural {
                    self.info.series_words = true;
                }
                self.episode_after_dash(j);
                return Some(j - i);
            }
        }
        // A number before the word: `2. Staffel`, `3 Temporada`, `5-й сезон`.
        if let Some(v) = before {
            self.set_season(v.0);
            let st = v.1;
            for r in &mut self.role[st..=i] {
                *r = Role::Marker;
            }
            self.mark(st);
            self.episode_after_dash(i + 1);
            return Some(1);
        }
        if plural {
            self.info.series_words = true;
        }
        None
    }

    /// `Show 2nd Season - 01`: a number after ` - ` right after a season is the episode.
    fn episode_after_dash(&mut self, j: usize) {
        if j < self.n()
            && self.free(j)
            && self.sep(j) & STRONG != 0
            && self.info.episodes.is_empty()
        {
            if let Some((e, nd)) = parse_number(self.key(j)) {
                if nd <= 4 {
                    self.push_eps(&[e]);
                    self.role[j] = Role::Marker;
                    self.ep_anchor = Some(j);
                }
            }
        }
    }

    /// A count written before its word (`2. Staffel`, `5-й сезон`, `09-я серия`): value and
    /// the index of its first token.
    fn count_before(&self, i: usize) -> Option<(u32, usize)> {
        if i == 0 {
            return None;
        }
        let mut j = i - 1;
        // An ordinal suffix token (`й`, `го`, `я`) joined by a dash.
        if matches!(self.key(j), "й" | "го" | "я" | "ой" | "ая") && j > 0 && self.sep(j) & DASH != 0
        {
            j -= 1;
        }
        let (v, _) = self.count_at(j, false)?;
        if self.key(j).len() > 3 {
            return None;
        }
        Some((v, j))
    }

    /// `Episode 4`, `Ep 23`, `Capitulo 5 de 12`, `Cap.102`, `5. rész`, `第3話`.
    fn episode_words(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        let k = self.key(i);
        if let Some(v) = cjk_count(k, &['話', '话', '集']) {
            self.push_eps(&[v]);
            self.claim(i, 1, Role::Marker);
            self.mark(i);
            self.ep_anchor = Some(i);
            return Some(1);
        }
        if !is_episode_word(k) {
            return None;
        }
        // A marker repeated after the episode is known is title text (`S02E31 - Episode 55`).
        if !self.info.episodes.is_empty() {
            return None;
        }
        let is_cap = k == "cap";
        if let Some((v, used)) = self.count_at(i + 1, false) {
            if self.same_level(i + 1) || self.sep(i + 1) & OPEN != 0 && i + 1 < n {
                let digits_len = self.key(i + 1).len();
                if is_cap && digits_len >= 3 {
                    // `Cap.102` is season 1, episode 2; `Cap.1503_1506` a range.
                    self.set_season(v / 100);
                    self.push_eps(&[v % 100]);
                } else {
                    self.push_eps(&[v]);
                }
                self.claim(i, 1 + used, Role::Marker);
                self.mark(i);
                let mut j = i + 1 + used;
                while j < n && self.free_or_num(j) {
                    let kj = self.key(j);
                    if matches!(kj, "of" | "de" | "di" | "von" | "van" | "din")
                        && j + 1 < n
                        && num(self.key(j + 1)).is_some()
                    {
                        self.role[j] = Role::Marker;
                        self.role[j + 1] = Role::Marker;
                        j += 2;
                    } else if let Some(x) = num(kj)
                        .filter(|_| self.sep(j) & (DASH | UNDER) != 0 && self.sep(j) & SPACE == 0)
                    {
                        let x = if is_cap && kj.len() >= 3 { x % 100 } else { x };
                        self.push_range(x);
                        self.role[j] = Role::Marker;
                        j += 1;
                    } else {
                        break;
                    }
                }
                self.ep_anchor = Some(j - 1);
                return Some(j - i);
            }
        }
        if let Some((v, st)) = self.count_before(i) {
            self.push_eps(&[v]);
            for r in &mut self.role[st..=i] {
                *r = Role::Marker;
            }
            self.mark(st);
            self.ep_anchor = Some(i);
            return Some(1);
        }
        if k == "ep" {
            // `Ep.Title`: the abbreviation alone says nothing.
            self.claim(i, 1, Role::Junk);
            return Some(1);
        }
        None
    }

    /// `14.of.21`, `1 of 6`, `3of9`: an episode with the count of episodes.
    fn number_of_total(&mut self, i: usize) -> Option<usize> {
        if !self.info.episodes.is_empty() {
            return None;
        }
        let k = self.key(i);
        if let Some(e) = of_total(k) {
            if i > 0 {
                self.push_eps(&[e]);
                self.claim(i, 1, Role::Marker);
                self.mark(i);
                self.ep_anchor = Some(i);
                return Some(1);
            }
        }
        let (v, nd) = parse_number(k).filter(|&(_, nd)| nd <= 3)?;
        let n = self.n();
        if i == 0
            || i + 2 >= n
            || !matches!(self.key(i + 1), "of" | "de" | "di" | "von" | "van" | "din")
        {
            return None;
        }
        let total = num(self.key(i + 2))?;
        if total < v || !self.same_level(i + 1) || !self.same_level(i + 2) || nd > 3 {
            return None;
        }
        self.push_eps(&[v]);
        self.claim(i, 3, Role::Marker);
        self.mark(i);
        self.ep_anchor = Some(i + 2);
        Some(3)
    }

    /// `CD1`, `CD1of2`, `(CD3)`, `Part 2`, `Part III`, `pt2`, `part_two`; `2CD` is a count.
    fn part(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        let b = k.as_bytes();
        for pre in ["cd", "part", "pt", "disc", "disk", "dvd"] {
            if k.len() > pre.len() && k.starts_with(pre) {
                let mut p = pre.len();
                if let Some(v) = digits(b, &mut p, 2) {
                    let rest = &k[p..];
                    if rest.is_empty() || rest.starts_with("of") && num(&rest[2..]).is_some() {
                        if pre == "dvd" {
                            return None;
                        }
                        self.info.part.get_or_insert(v);
                        self.claim(i, 1, Role::Part);
                        return Some(1);
                    }
                }
            }
        }
        if b.len() >= 3 && b.ends_with(b"cd") && b[..b.len() - 2].iter().all(u8::is_ascii_digit) {
            self.claim(i, 1, Role::Junk);
            return Some(1);
        }
        if matches!(k, "cd" | "part" | "pt" | "disc" | "disk") && i > 0 {
            let k = k.to_string();
            if let Some((v, used)) = self.count_at(i + 1, true) {
                if self.same_level(i + 1) {
                    self.info.part.get_or_insert(v);
                    self.claim(i, 1 + used, Role::Part);
                    let mut j = i + 1 + used;
                    // `Part.1.and.Part.2`
                    if j + 2 < self.n()
                        && self.key(j) == "and"
                        && self.key(j + 1) == k
                        && num(self.key(j + 2)).is_some()
                    {
                        self.claim(j, 3, Role::Part);
                        j += 3;
                    }
                    return Some(j - i);
                }
            }
        }
        None
    }

    /// Sizes (`4.8GB`), bit rates (`320 Kbps`), frame rates (`24fps`): junk.
    fn measure(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        let b = k.as_bytes();
        let mut p = 0;
        let unit = |u: &str| {
            matches!(
                u,
                "mb" | "gb"
                    | "tb"
                    | "mib"
                    | "gib"
                    | "kbps"
                    | "mbps"
                    | "kbit"
                    | "kbits"
                    | "mbit"
                    | "fps"
                    | "khz"
            )
        };
        let n = self.n();
        if digits(b, &mut p, 5).is_some() && p < b.len() && unit(&k[p..]) {
            // `1.46Gb`: a decimal part glued after a dot.
            let st = if i > 0
                && self.sep(i) == DOT
                && self.free(i - 1)
                && num(self.key(i - 1)).is_some()
            {
                i - 1
            } else {
                i
            };
            self.claim(st, i + 1 - st, Role::Junk);
            return Some(1);
        }
        if num(k).is_some() && i + 1 < n && unit(self.key(i + 1)) && self.sep(i + 1) & SPACE != 0 {
            self.claim(i, 2, Role::Junk);
            return Some(2);
        }
        None
    }

    /// `DD5.1`, `AAC2.0`, `DDP5.1`, `DD+5.1`, `MA5.1`, `FLAC1.0`: codec and channels glued.
    fn audio_with_channels(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        let b = k.as_bytes();
        let last = *b.last()?;
        if !last.is_ascii_digit() || b.len() < 3 || i + 1 >= self.n() {
            return None;
        }
        let prefix = &k[..k.len() - 1];
        let codec = match prefix {
            "dd" | "ac3" => Some("Dolby Digital"),
            "ddp" | "dd+" | "eac3" => Some("Dolby Digital Plus"),
            "aac" => Some("AAC"),
            "flac" => Some("FLAC"),
            "dts" => Some("DTS"),
            "ma" | "dtshd" | "dtsma" => Some("DTS-HD"),
            "truehd" => Some("Dolby TrueHD"),
            "opus" => Some("Opus"),
            "lpcm" => Some("LPCM"),
            "pcm" => Some("PCM"),
            "atmos" => Some("Dolby Atmos"),
            _ => None,
        }?;
        let next = self.key(i + 1);
        let ch = match (last, next) {
            (b'5', "1") => "5.1",
            (b'7', "1") => "7.1",
            (b'2', "0") => "2.0",
            (b'1', "0") => "1.0",
            (b'6', "1") => "6.1",
            (b'2', "1") => "2.1",
            _ => return None,
        };
        if self.sep(i + 1) & (DOT | UNDER) == 0 || !self.free(i + 1) {
            return None;
        }
        if self.info.audio_codec.is_none() || prefix != "ma" {
            self.info.audio_codec.get_or_insert(codec);
        }
        self.info.audio_channels.get_or_insert(ch);
        self.info.tech += 1;
        self.claim(i, 2, Role::Channels);
        Some(2)
    }

    /// The longest vocabulary phrase starting at `i`.
    fn vocab(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        let mut buf = std::mem::take(&mut self.scratch);
        let head = self.key(i);
        let (single, phrase) = vocab::word(head);
        let maxlen = phrase.min(n - i);
        for len in (2..=maxlen).rev() {
            buf.clear();
            buf.push_str(head);
            let mut ok = true;
            for j in i + 1..i + len {
                if !self.free(j) || self.sep(j) & (OPEN | CLOSE | STRONG) != 0 {
                    ok = false;
                    break;
                }
                buf.push(' ');
                buf.push_str(self.key(j));
            }
            if ok {
                if let Some(e) = vocab::lookup(&buf) {
                    self.scratch = buf;
                    self.claim(i, len, Role::Vocab(e));
                    return Some(len);
                }
            }
        }
        self.scratch = buf;
        let Some(e) = single else {
            return self.glued_codec(i);
        };
        if e.props.iter().any(|p| p.0 == Field::Country) {
            // A country only in capitals or alone in brackets: `US`, `(us)`, not `Us`.
            let t = self.toks[i];
            let alone = t.depth > 0
                && self.sep(i) & OPEN != 0
                && (i + 1 >= n || self.sep(i + 1) & CLOSE != 0);
            if !alone && !self.text(i).bytes().all(|c| c.is_ascii_uppercase()) {
                return None;
            }
        }
        self.claim(i, 1, Role::Vocab(e));
        Some(1)
    }

    /// A source glued to its codec: `PDTVx264`, `DLx264`.
    fn glued_codec(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        for codec in ["x264", "x265", "h264", "h265", "xvid", "hevc"] {
            if let Some(prefix) = k.strip_suffix(codec) {
                let c = vocab::lookup(codec)?;
                let p = if prefix.is_empty() {
                    None
                } else {
                    vocab::lookup(prefix)
                };
                if !prefix.is_empty() && p.is_none() {
                    return None;
                }
                if let Some(&(Field::VideoCodec, v)) = c.props.first() {
                    self.info.video_codec.get_or_insert(v);
                    self.info.tech += 1;
                }
                self.claim(i, 1, Role::Vocab(p.unwrap_or(c)));
                return Some(1);
            }
        }
        None
    }

    /// Screen sizes and bare numbers (decided later) and year candidates.
    fn number(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        if let Some(sz) = parse_screen(k) {
            self.info.screen_size.get_or_insert(sz);
            self.info.tech += 1;
            self.claim(i, 1, Role::Screen);
            return Some(1);
        }
        // `1280*720`, `720 * 432`
        if let Some(w) = num(k) {
            if i + 1 < self.n() && self.sep(i + 1) & TIMES != 0 {
                if let Some(h) = num(self.key(i + 1)) {
                    if w >= 200 && h >= 200 {
                        self.info.screen_size.get_or_insert(screen_of(w, h));
                        self.info.tech += 1;
                        self.claim(i, 2, Role::Screen);
                        return Some(2);
                    }
                }
            }
        }
        let (v, nd) = parse_number(k)?;
        if nd == 4 && is_year(v) && k.len() == 4 {
            self.claim(i, 1, Role::Year);
        } else {
            self.claim(i, 1, Role::Number);
        }
        Some(1)
    }

    /// `5.1`, `7.1`, `2.0` after a codec or before other technical words.
    fn channels(&mut self) {
        let n = self.n();
        for i in 0..n.saturating_sub(1) {
            if !matches!(self.role[i], Role::Number) || !matches!(self.role[i + 1], Role::Number) {
                continue;
            }
            if self.sep(i + 1) & (DOT | UNDER) == 0 || self.sep(i + 1) & SPACE != 0 {
                continue;
            }
            let ch = match (self.key(i), self.key(i + 1)) {
                ("5", "1") => "5.1",
                ("7", "1") => "7.1",
                ("2", "0") => "2.0",
                ("1", "0") => "1.0",
                ("6", "1") => "6.1",
                ("6", "0") => "6.0",
                _ => continue,
            };
            let claimed = |r: Role| !matches!(r, Role::Free | Role::Number | Role::Year);
            let before = i > 0 && claimed(self.role[i - 1]);
            let after = i + 2 < n && claimed(self.role[i + 2]);
            if before || after {
                self.info.audio_channels.get_or_insert(ch);
                self.claim(i, 2, Role::Channels);
            }
        }
    }
}

/// `1of4`: an episode number with the count of episodes.
fn of_total(k: &str) -> Option<u32> {
    let b = k.as_bytes();
    let mut p = 0;
    let v = digits(b, &mut p, 3)?;
    let rest = &k[p..];
    let total = num(rest.strip_prefix("of")?)?;
    (v <= total).then_some(v)
}

/// `Temporada1`, `シーズン2`: a word with its number glued on.
fn glued_count(k: &str, words: &[&str]) -> Option<u32> {
    for w in words {
        if let Some(rest) = k.strip_prefix(w) {
            if let Some(v) = num(rest) {
                return Some(v);
            }
        }
    }
    None
}

/// `第二季`, `第3話`, `2期`, `第二十三集`: a CJK count before one of `counters`.
fn cjk_count(k: &str, counters: &[char]) -> Option<u32> {
    let last = k.chars().last()?;
    if !counters.contains(&last) {
        return None;
    }
    let body = &k[..k.len() - last.len_utf8()];
    let body = body.strip_prefix('第').unwrap_or(body);
    if body.is_empty() {
        return None;
    }
    vocab::cjk_number(body)
}

/// What ended a title run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stop {
    Year,
    Marker,
    Tech,
    Bracket,
    Dash,
    End,
}

impl<'a> Comp<'a> {
    // ----- structural pass -----

    fn is_weak(&self, i: usize) -> bool {
        matches!(self.role[i], Role::Vocab(e) if e.weak)
    }

    fn weak_field(&self, i: usize) -> Option<Field> {
        match self.role[i] {
            Role::Vocab(e) if e.weak => e.props.first().map(|p| p.0),
            _ => None,
        }
    }

    /// Can token `i` be a title word? (Free, weak jargon, a bare number, a year.)
    fn titleish(&self, i: usize) -> bool {
        matches!(self.role[i], Role::Free | Role::Number | Role::Year) || self.is_weak(i)
    }

    /// Rebuilds the text of tokens `a..b` with readable separators (`Ant-Man`, `S.H.I.E.L.D.`,
    /// `Paris 2054, Renaissance`, `Simpsons, The` → `The Simpsons`).
    fn join(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        let mut i = a;
        while i < b {
            // Single letters or digits joined by dots are an acronym: `S.H.I.E.L.D.`
            let mut j = i;
            while j < b
                && self.text(j).chars().count() == 1
                && self.text(j).chars().all(char::is_alphanumeric)
                && (j == i || self.sep(j) == DOT)
            {
                j += 1;
            }
            if j - i >= 2 {
                if !out.is_empty() {
                    out.push(if self.sep(i) & DASH != 0 { '-' } else { ' ' });
                }
                for x in i..j {
                    out.push_str(self.text(x));
                    out.push('.');
                }
                let next_is_dot = self.toks[j - 1].end < self.s.len()
                    && self.s.as_bytes()[self.toks[j - 1].end] == b'.';
                if !next_is_dot {
                    out.pop();
                }
                i = j;
                continue;
            }
            if i > a {
                let sep = self.sep(i);
                if sep == 0 {
                } else if sep & COMMA != 0 {
                    out.push_str(", ");
                } else if sep & STRONG != 0 {
                    out.push_str(" - ");
                } else if sep & DASH != 0 && sep & (SPACE | DOT | UNDER) == 0 {
                    out.push('-');
                } else if sep == DOT && is_digits(self.text(i)) && is_digits(self.text(i - 1)) {
                    // A decimal stays one: `Evangelion 1.11`.
                    out.push('.');
                } else {
                    out.push(' ');
                }
            }
            out.push_str(self.text(i));
            i += 1;
        }
        // `Simpsons, The` is `The Simpsons`.
        if b > a + 1 && self.sep(b - 1) & COMMA != 0 && is_article(self.key(b - 1)) {
            let art = self.text(b - 1);
            let cut = out.rfind(',').unwrap_or(out.len());
            out.truncate(cut);
            out = format!("{} {}", art, out);
        }
        out
    }

    /// Where a title-like run starting at `st` ends, and why.
    fn run_end(&self, st: usize, allow_year_first: bool) -> (usize, Stop) {
        let n = self.n();
        let mut j = st;
        while j < n {
            if j > st && self.sep(j) & (OPEN | CLOSE) != 0 {
                return (j, Stop::Bracket);
            }
            if j > st && self.sep(j) & STRONG != 0 {
                return (j, Stop::Dash);
            }
            if self.toks[j].depth != self.toks[st].depth {
                return (j, Stop::Bracket);
            }
            match self.role[j] {
                Role::Year if j == st && allow_year_first => {}
                // Two years in a row: the first is part of the title
                // (`Wonder.Woman.1984.2020`, `Wonder Woman 1984 (2020)`).
                Role::Year
                    if j + 1 < n
                        && matches!(self.role[j + 1], Role::Year)
                        && self.sep(j + 1) & (CLOSE | STRONG) == 0 => {}
                Role::Year => return (j, Stop::Year),
                Role::Marker | Role::Date | Role::Part => return (j, Stop::Marker),
                _ if self.titleish(j) => {}
                _ => return (j, Stop::Tech),
            }
            j += 1;
        }
        (n, Stop::End)
    }

    /// Trims trailing weak jargon from a run `st..end` according to what stopped it.
    fn trim_weak(&self, st: usize, mut end: usize, stop: Stop, keep: usize) -> usize {
        while end > st + keep {
            let i = end - 1;
            let Some(f) = self.weak_field(i) else { break };
            // A word joined by a dash to the title is part of it: `Shang-Chi`.
            if self.sep(i) == DASH {
                break;
            }
            // Before a year only jargon written as jargon goes: `3D`, `DC`, `OM`, not `Collector`.
            let shouty = self.text(i).bytes().all(|c| !c.is_ascii_lowercase());
            let strip = match stop {
                Stop::Year => {
                    matches!(f, Field::Edition | Field::Other) && !self.is_complete(i) && shouty
                }
                Stop::Marker => matches!(f, Field::Country) || self.is_complete(i),
                Stop::Tech | Stop::Bracket | Stop::Dash => true,
                // `Show - s01e01.en.srt`, `.en.forced.srt`: subtitle suffixes.
                Stop::End => {
                    matches!(f, Field::Country)
                        || self.is_complete(i)
                        || f == Field::Language && self.key(i).len() <= 3 && self.sep(i) == DOT
                        || f == Field::Noise && matches!(self.key(i), "forced" | "sdh" | "cc")
                }
            };
            if !strip {
                break;
            }
            end -= 1;
        }
        end
    }

    fn is_complete(&self, i: usize) -> bool {
        matches!(self.role[i], Role::Vocab(e) if e.props.iter().any(|p| p.1 == "Complete"))
    }

    /// The structural pass: title, episode numbers from bare numbers, year, episode
    /// title, release group.
    fn structure(&mut self, is_file: bool) {
        let n = self.n();
        if n == 0 {
            return;
        }
        // A leading `[Group]` (anime and fansub style).
        let mut lead_group: Option<(usize, usize)> = None;
        if self.toks[0].depth > 0 {
            let g = self.toks[0].group;
            let mut e = 0;
            while e < n && self.toks[e].group == g && self.toks[e].depth > 0 {
                e += 1;
            }
            let all_free = (0..e).all(|x| {
                self.free_or_num(x)
                    || matches!(self.role[x], Role::Junk | Role::Vocab(_) | Role::Cont)
            });
            let any_free = self.free(0);
            if e < n && all_free && any_free && !(e == 1 && num(self.key(0)).is_some()) {
                lead_group = Some((0, e));
            }
        }
        let has_crc = (0..n).any(|i| {
            matches!(self.role[i], Role::Junk) && self.key(i).len() == 8 && self.toks[i].depth > 0
        });
        self.anime = lead_group.is_some() || has_crc;

        // Where the title starts: the first free word outside brackets (after a leading
        // group), skipping leading jargon and a leading language part (`Fr - Title`).
        let start_from = lead_group.map_or(0, |g| g.1);
        let mut ts = None;
        let mut i = start_from;
        while i < n {
            if self.toks[i].depth == 0 && self.titleish(i) {
                // A part of only weak words before a dash: `Fr - Paris`, `h265 - HEVC`.
                let (e, stop) = self.run_end(i, true);
                let all_weak = (i..e).all(|x| self.is_weak(x));
                if all_weak && stop == Stop::Dash && e < n {
                    i = e;
                    continue;
                }
                ts = Some(i);
                break;
            }
            i += 1;
        }
        if ts.is_none() {
            // Titles in brackets, as a last resort (`[Show Name] - 01`).
            ts = (start_from..n).find(|&x| self.free(x) && lead_group.is_none_or(|g| x >= g.1));
        }

        // A leading number (`03 - Title`, `003. Show - Ep`, `003-004.`) or marker.
        let mut title_from = TitleFrom::Lead;
        if let Some(t) = ts {
            if matches!(self.role[t], Role::Number) && t + 1 < n {
                let (v, nd) = parse_number(self.key(t)).unwrap_or((0, 0));
                let mut e = t + 1;
                let mut eps = vec![v];
                while e < n
                    && matches!(self.role[e], Role::Number)
                    && self.sep(e) & DASH != 0
                    && self.sep(e) & SPACE == 0
                {
                    let (to, _) = parse_number(self.key(e)).unwrap_or((0, 0));
                    if to > v && to - v < MAX_EPISODES as u32 {
                        eps = (v..=to).collect();
                    }
                    e += 1;
                }
                let after = if e < n { self.sep(e) } else { 0 };
                let numbered = after & STRONG != 0
                    || after & DOT != 0 && after & SPACE != 0
                    || (self.anime && e < n && self.titleish(e) && nd <= 3);
                if numbered && e < n && nd <= 3 && self.info.episodes.is_empty() {
                    self.push_eps(&eps);
                    for r in &mut self.role[t..e] {
                        *r = Role::Marker;
                    }
                    self.mark(t);
                    self.ep_anchor = Some(e - 1);
                    ts = (e..n).find(|&x| self.titleish(x) && self.toks[x].depth == 0);
                    // `03 - Title`: one part after the number is an episode title unless
                    // the name has more parts (`003. Show Name - Ep Name`).
                    if let Some(t2) = ts {
                        let (e2, stop) = self.run_end(t2, true);
                        let more = stop == Stop::Dash && (e2..n).any(|x| self.free(x));
                        if !more && !self.anime {
                            title_from = TitleFrom::AfterMarker;
                        }
                    }
                }
            }
        }
        if let (Some(t), Some(m)) = (ts, self.first_marker) {
            if m < t
                && self.info.episodes.len() + usize::from(self.info.season.is_some()) > 0
                && title_from == TitleFrom::Lead
            {
                // `S02E06 - Playtime Is Different`: what follows the marker is an episode title.
                let lead_junk =
                    (0..m).all(|x| !self.free(x) || lead_group.is_some_and(|g| x < g.1));
                if lead_junk && self.toks[t].depth == 0 {
                    title_from = TitleFrom::AfterMarker;
                }
            }
        }

        let mut title: Option<(usize, usize)> = None;
        let mut stop = Stop::End;
        if let Some(t) = ts {
            let (mut e, s) = self.run_end(t, true);
            stop = s;
            // A leading year with words after it and no other year: `2009.shoot.fruit.chan`.
            if matches!(self.role[t], Role::Year) && e > t + 1 && stop != Stop::Year {
                let other_year = (e..n).any(|x| matches!(self.role[x], Role::Year));
                if !(other_year || self.first_marker.is_some() && stop == Stop::Marker) {
                    self.take_year(t);
                    let (e2, s2) = self.run_end(t + 1, false);
                    title = Some((t + 1, e2));
                    e = e2;
                    stop = s2;
                }
            }
            // `2047 - Sights of Death (2014)`: a number alone is a poor title; the part
            // after the dash belongs to it.
            let numeric = (t..e).all(|x| matches!(self.role[x], Role::Number | Role::Year));
            if title.is_none()
                && stop == Stop::Dash
                && numeric
                && self.first_marker.is_none()
                && e < n
                && self.free(e)
            {
                let (e2, s2) = self.run_end(e, false);
                if (e..e2).all(|x| !matches!(self.role[x], Role::Number)) {
                    title = Some((t, e2));
                    stop = s2;
                }
            }
            // `Proper.2020.720p`: after leading jargon, a lone year is the year.
            let lead_jargon = t > start_from && (start_from..t).all(|x| !self.free(x));
            if title.is_none() && e == t + 1 && lead_jargon && matches!(self.role[t], Role::Year) {
                self.take_year(t);
                title = Some((t + 1, t + 1));
            }
            if title.is_none() {
                title = Some((t, e));
            }
        }

        // A folder without jargon is a clean title, dashes and all:
        // `Star Trek - The Next Generation`, `Mission Impossible - Fallout (2018)`.
        if !is_file && stop == Stop::Dash && self.first_marker.is_none() {
            if let Some((t0, mut t1)) = title {
                while t1 < n
                    && self.sep(t1) & STRONG != 0
                    && self.toks[t1].depth == 0
                    && self.free(t1)
                {
                    let (e, s) = self.run_end(t1, false);
                    if (t1..e).any(|x| !self.free(x)) {
                        break;
                    }
                    t1 = e;
                    stop = s;
                }
                if (t1..n).all(|x| {
                    matches!(self.role[x], Role::Year | Role::Junk) || self.toks[x].depth > 0
                }) {
                    title = Some((t0, t1));
                }
            }
        }

        // Bare numbers: episodes, or title words.
        let (mut t0, mut t1) = title.unwrap_or((0, 0));
        if title.is_some()
            && self.numbers
            && self.info.episodes.is_empty()
            && title_from == TitleFrom::Lead
        {
            if let Some((k, k_end)) = self.episode_number_in(t0, t1, stop) {
                // Title before the number; the words after it start an episode title.
                self.ep_anchor = Some(k_end - 1);
                self.mark(k);
                if k == t0 {
                    // `[NoobSubs] 06 Sword Art Online II`
                    let (e, s) = self.run_end(k_end, false);
                    t0 = k_end;
                    t1 = e;
                    stop = s;
                } else if k < t1 {
                    t1 = k;
                    stop = Stop::Marker;
                } else if self.anime
                    && self.sep(k) & STRONG != 0
                    && (t1..k).all(|x| self.free(x) && self.toks[x].depth == 0)
                {
                    // Fansub names: the title is everything before the final ` - NN`
                    // (`[Group] Boruto - Naruto Next Generations - 01`).
                    t1 = k;
                    stop = Stop::Marker;
                }
            }
        }

        // A number right after a year, before the jargon: `the.flash.2014.208.hdtv`.
        if stop == Stop::Year && self.info.episodes.is_empty() && t1 + 1 < n {
            let k = t1 + 1;
            if matches!(self.role[k], Role::Number)
                && self.same_level(k)
                && self.sep(k) & STRONG != 0
            {
                // `Hunter x Hunter 2011 - 01`: after ` - `, any number is the episode.
                if let Some((v, _)) = parse_number(self.key(k)) {
                    self.push_eps(&[v]);
                    self.role[k] = Role::Marker;
                    self.mark(k);
                    self.ep_anchor = Some(k);
                }
            } else if matches!(self.role[k], Role::Number)
                && self.same_level(k)
                && (k + 1 >= n || !self.titleish(k + 1))
            {
                if let Some((v, nd)) = parse_number(self.key(k)) {
                    if nd == 3 && v % 100 > 0 && !is_bare_height(v) {
                        self.set_season(v / 100);
                        self.push_eps(&[v % 100]);
                        self.role[k] = Role::Marker;
                        self.mark(k);
                        self.ep_anchor = Some(k);
                    }
                }
            }
        }
        // A file named by its episode number alone: `Season 2/01.mp4`.
        if is_file
            && n == 1
            && matches!(self.role[0], Role::Number)
            && self.info.episodes.is_empty()
        {
            if let Some((v, nd)) = parse_number(self.key(0)) {
                if nd <= 3 {
                    self.push_eps(&[v]);
                    self.role[0] = Role::Marker;
                    title = None;
                    t0 = 0;
                    t1 = 0;
                }
            }
        }

        // The release year: the first year candidate outside the title.
        for x in 0..n {
            if matches!(self.role[x], Role::Year) && !(x >= t0 && x < t1) {
                if self.info.year.is_none() {
                    self.take_year(x);
                } else {
                    self.role[x] = Role::Number;
                }
            }
        }
        // A season of 1900 or later is a year too (`S2014E18`, `1940x01`).
        if self.info.year.is_none() {
            if let Some(s) = self.info.season.filter(|&s| is_year(s)) {
                self.info.year = Some(s as u16);
            }
        }

        if title.is_some() && t1 > t0 {
            // `超能警探.Memorist`: an original-script title before a Latin one.
            let cjk = |t: &str| {
                t.chars().any(|c| {
                    ('\u{3040}'..='\u{9fff}').contains(&c) || ('\u{ac00}'..='\u{d7af}').contains(&c)
                })
            };
            let latin = |t: &str| t.bytes().any(|c| c.is_ascii_alphabetic());
            if let Some(first_latin) = (t0..t1).find(|&x| latin(self.text(x)) && !cjk(self.text(x)))
            {
                while t0 < first_latin && cjk(self.text(t0)) {
                    t0 += 1;
                }
            }
            // `Show Name 313-315 s16e03-05`: absolute numbers before the marker.
            if stop == Stop::Marker && self.first_marker == Some(t1) && t1 > t0 + 2 {
                let is_num =
                    |x: usize| matches!(self.role[x], Role::Number) && self.key(x).len() >= 3;
                if is_num(t1 - 1) && is_num(t1 - 2) && self.sep(t1 - 1) == DASH {
                    t1 -= 2;
                }
            }
            let mut end = self.trim_weak(t0, t1, stop, 1);
            // A trailing country (`The Office US`) goes to `country`.
            if end > t0 + 1 {
                if let Role::Vocab(e) = self.role[end - 1] {
                    if let Some(&(Field::Country, c)) = e.props.first() {
                        self.info.country = Some(c);
                        end -= 1;
                    }
                }
            }
            // Weak words inside the title are title words.
            for x in t0..end {
                if matches!(self.role[x], Role::Vocab(_) | Role::Number | Role::Year) {
                    self.role[x] = Role::Free;
                }
            }
            let text = self.join(t0, end);
            if !text.is_empty() {
                self.info.title = Some(text);
                self.info.title_from = title_from;
                self.info.title_tokens = end - t0;
            }
            // Title words are taken: later rules (group, episode title) must skip them.
            for r in &mut self.role[t0..end] {
                *r = Role::Junk;
            }
        }

        self.resolve_numbers();
        self.apply_vocab();
        self.release_group(lead_group, is_file);
        self.episode_title();

        if self.info.title.is_none() {
            if let Some((a, b)) = lead_group {
                // `[Group]` alone, or `[Title]`: better a title than nothing.
                if b == n {
                    self.info.title = Some(self.join(a, b));
                    self.info.title_from = TitleFrom::Lead;
                }
            }
        }
    }

    fn take_year(&mut self, x: usize) {
        if let Some(v) = num(self.key(x)) {
            self.info.year = Some(v as u16);
            self.year_at = Some(x);
            self.role[x] = Role::Junk;
        }
    }

    /// Finds a bare number inside or right after the title run that is an episode
    /// (`Show 13`, `Show - 102`, `[Group] Show 12`); returns its token range.
    fn episode_number_in(&mut self, t0: usize, t1: usize, stop: Stop) -> Option<(usize, usize)> {
        let n = self.n();
        // Look through the title and the free parts right after it (`Title - IS - 07`).
        let mut scan_end = t1;
        if stop == Stop::Dash || stop == Stop::Bracket {
            let mut j = t1;
            while j < n && self.titleish(j) {
                j += 1;
            }
            scan_end = j;
        }
        let year_follows = (t1..n).any(|x| matches!(self.role[x], Role::Year));
        let mut best: Option<(usize, usize, bool)> = None;
        let mut k = t0;
        while k < scan_end {
            if !matches!(self.role[k], Role::Number) {
                k += 1;
                continue;
            }
            // In brackets only when alone there: `The Office [401] Fun Run`.
            let alone = self.toks[k].depth == 0
                || self.sep(k) & OPEN != 0 && (k + 1 >= n || self.sep(k + 1) & CLOSE != 0);
            if !alone {
                k += 1;
                continue;
            }
            let (v, nd) = parse_number(self.key(k)).unwrap_or((0, 9));
            let mut e = k + 1;
            while e < scan_end
                && matches!(self.role[e], Role::Number)
                && self.sep(e) & DASH != 0
                && self.sep(e) & SPACE == 0
            {
                e += 1;
            }
            let after_dash = self.sep(k) & STRONG != 0;
            let ok = nd <= 4
                && (k > t0 || self.anime && k + 1 < scan_end)
                && (after_dash
                    || self.anime
                    || (nd >= 2 && !year_follows && !(nd == 4 && is_bare_height(v))));
            if ok && (best.is_none() || after_dash || !best.is_some_and(|b| b.2)) {
                best = Some((k, e, after_dash));
            }
            k = e;
        }
        let (k, e, _) = best?;
        let (v, nd) = parse_number(self.key(k))?;
        if self.info.screen_size.is_none()
            && is_bare_height(v)
            && nd >= 3
            && !self.anime
            && self.sep(k) & STRONG == 0
        {
            return None;
        }
        // After ` - `, a three-digit number is an absolute episode (`Naruto - 351`).
        let absolute = self.sep(k) & STRONG != 0 && self.info.season.is_none();
        if nd >= 3 && !self.anime && !absolute && e == k + 1 && v % 100 != 0 {
            // `102` is season 1, episode 2; `2401` season 24, episode 1. (`500` is an
            // absolute episode: no season has an episode 00 in this form.)
            let (s, ep) = (v / 100, v % 100);
            if s == 0 {
                return None;
            }
            self.set_season(s);
            self.push_eps(&[ep]);
        } else {
            let mut last = v;
            self.push_eps(&[v]);
            for x in k + 1..e {
                if let Some((to, _)) = parse_number(self.key(x)) {
                    if to > last {
                        self.push_range(to);
                        last = to;
                    }
                }
            }
        }
        // `16.5`: a recap between episodes; its decimal is not a word of anything.
        let mut e = e;
        if e < n
            && self.sep(e) == DOT
            && matches!(self.role[e], Role::Number)
            && self.key(e).len() == 1
        {
            e += 1;
        }
        for r in &mut self.role[k..e] {
            *r = Role::Marker;
        }
        Some((k, e))
    }

    /// Bare numbers left after the title: resolutions (`720`, `1080` after other
    /// jargon or in brackets), or nothing.
    fn resolve_numbers(&mut self) {
        let n = self.n();
        let mut after_prop = false;
        for i in 0..n {
            if !matches!(self.role[i], Role::Number) {
                after_prop |= !matches!(self.role[i], Role::Free);
                continue;
            }
            if let Some((v, nd)) = parse_number(self.key(i)) {
                if nd >= 3 && is_bare_height(v) && (after_prop || self.toks[i].depth > 0) {
                    self.info.screen_size.get_or_insert(format!("{}p", v));
                    self.info.tech += 1;
                    self.role[i] = Role::Screen;
                }
            }
        }
    }

    /// The words after the episode marker (or date), up to the next jargon.
    fn episode_title(&mut self) {
        let n = self.n();
        let anchor = match (self.ep_anchor, self.info.date.is_some()) {
            (Some(a), _) => a,
            (None, true) => match (0..n).rev().find(|&x| matches!(self.role[x], Role::Date)) {
                Some(a) => a,
                None => return,
            },
            // `Doctor Who 2013 Christmas Special`: a special after the year is an episode.
            _ => match self.year_at {
                Some(y) if self.special_follows(y) => y,
                _ => return,
            },
        };
        let mut st = anchor + 1;
        // Skip jargon that sits between the marker and the title (`REPACK`, a date).
        while st < n
            && (matches!(self.role[st], Role::Date | Role::Cont | Role::Marker)
                || matches!(self.role[st], Role::Vocab(e) if e.props.iter().all(|p| matches!(p.1, "Proper" | "Internal" | "Preair" | "Fix" | "Limited" | "Read NFO") || p.0 == Field::Noise)
                    && self.text(st).bytes().any(|c| c.is_ascii_uppercase())))
        {
            st += 1;
        }
        if st >= n
            || !self.titleish(st)
            || self.toks[st].depth > 0 && self.sep(st) & OPEN != 0 && self.toks[anchor].depth == 0
        {
            return;
        }
        let (e, stop) = self.run_end(st, false);
        let e = self.trim_weak(st, e, stop, 0);
        if e <= st {
            return;
        }
        // Jargon words inside the episode title are title words (`Show.S01E01.Cam.mkv`).
        for x in st..e {
            if matches!(self.role[x], Role::Vocab(_) | Role::Number | Role::Year) {
                self.role[x] = Role::Free;
            }
        }
        let text = self.join(st, e);
        if !text.is_empty() {
            self.info.episode_title = Some(text);
        }
        for r in &mut self.role[st..e] {
            *r = Role::Junk;
        }
    }

    /// Whether the free words right after token `y` include `Special`.
    fn special_follows(&self, y: usize) -> bool {
        let n = self.n();
        let mut j = y + 1;
        while j < n && self.titleish(j) && self.toks[j].depth == self.toks[y].depth {
            if self.key(j) == "special" {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Records the fields of all claimed vocabulary.
    fn apply_vocab(&mut self) {
        for i in 0..self.n() {
            let Role::Vocab(e) = self.role[i] else {
                continue;
            };
            for &(f, v) in e.props {
                let info = &mut self.info;
                match f {
                    Field::ScreenSize => {
                        info.screen_size.get_or_insert_with(|| v.to_string());
                    }
                    Field::Source => {
                        info.source.get_or_insert(v);
                    }
                    Field::VideoCodec => {
                        info.video_codec.get_or_insert(v);
                    }
                    Field::AudioCodec => {
                        info.audio_codec.get_or_insert(v);
                    }
                    Field::AudioChannels => {
                        info.audio_channels.get_or_insert(v);
                    }
                    Field::Edition => {
                        info.edition.get_or_insert(v);
                    }
                    Field::Other => {
                        if !info.other.contains(&v) {
                            info.other.push(v);
                        }
                    }
                    Field::Language => {
                        if !info.language.contains(&v) {
                            info.language.push(v);
                        }
                    }
                    Field::SubtitleLanguage => {
                        if !info.subtitle_language.contains(&v) {
                            info.subtitle_language.push(v);
                        }
                    }
                    Field::Country => {
                        info.country.get_or_insert(v);
                    }
                    Field::Container => {
                        info.container.get_or_insert(v);
                    }
                    Field::Noise => {}
                }
                if !matches!(f, Field::Noise | Field::Country | Field::Container) {
                    info.tech += 1;
                }
            }
            if self.key(i) == "complete"
                && i + 1 < self.n()
                && matches!(self.key(i + 1), "series" | "miniseries")
            {
                self.info.series_words = true;
            }
            if matches!(
                self.key(i),
                "miniseries" | "integrale" | "l'integrale" | "coffret"
            ) {
                self.info.series_words = true;
            }
        }
        for i in 0..self.n() {
            if matches!(self.key(i), "miniseries") {
                self.info.series_words = true;
            }
        }
    }

    /// The release group: `-GROUP` at the end, `by GROUP`, a trailing word after the
    /// jargon, `group-title` in lowercase scene file names, or a leading `[Group]`.
    fn release_group(&mut self, lead: Option<(usize, usize)>, is_file: bool) {
        let n = self.n();
        let tech = |r: Role| {
            matches!(
                r,
                Role::Vocab(_) | Role::Screen | Role::Channels | Role::Cont
            )
        };
        let strong_tech = |r: Role| {
            matches!(r, Role::Vocab(e) if !e.weak)
                || matches!(r, Role::Screen | Role::Channels | Role::Cont)
        };
        let any_tech = (0..n).any(|x| tech(self.role[x]));
        let any_marker = self.first_marker.is_some();
        // Skip what trails a group: tags (`-postbot`, `.proof`), languages (`.eng`),
        // web sites and checksums, and bracket groups of jargon (`[HD.720p]`).
        let mut end = n;
        let mut suffix_end: Option<usize> = None;
        while end > 0 {
            let i = end - 1;
            if self.toks[i].depth > 0 {
                let g = self.toks[i].group;
                let mut b = i;
                while b > 0 && self.toks[b - 1].group == g && self.toks[b - 1].depth > 0 {
                    b -= 1;
                }
                // A short bracket glued to a word is part of the group: `GalaxyTV[TGx]`.
                let glued = self.sep(b) == OPEN
                    && b > 0
                    && self.toks[b - 1].depth == 0
                    && self.free(b - 1)
                    && end - b <= 2;
                // A distribution tag after a dash group: `x264-LOL [eztv]`.
                let tag = self.sep(b) & SPACE != 0
                    && end == n
                    && end - b == 1
                    && b > 1
                    && self.toks[b - 1].depth == 0
                    && self.free(b - 1)
                    && self.sep(b - 1) & DASH != 0
                    && self.sep(b - 1) & SPACE == 0;
                if tag {
                    end = b;
                    continue;
                }
                if glued || (b..end).all(|x| !self.free(x)) {
                    suffix_end = (self.sep(b) == OPEN).then_some(end);
                    end = b;
                    continue;
                }
                break;
            }
            // A short word after `-` right after the codec is a group even if it is
            // also a language code: `AC3-de[42]`, `H.264-NL`.
            if self.is_code_group(i) && i > 0 && strong_tech(self.role[i - 1]) {
                break;
            }
            let skippable = match self.role[i] {
                Role::Junk => true,
                Role::Vocab(e) => e.props.iter().all(|p| {
                    matches!(
                        p.0,
                        Field::Language
                            | Field::SubtitleLanguage
                            | Field::Noise
                            | Field::Other
                            | Field::Country
                    )
                }),
                _ => false,
            };
            if skippable {
                end -= 1;
                suffix_end = None;
                continue;
            }
            break;
        }
        if end > 0 {
            let last = end - 1;
            let weak_group =
                self.is_code_group(last) && last > 0 && strong_tech(self.role[last - 1]);
            if self.free(last) || weak_group {
                let depth = self.toks[last].depth;
                let mut st = last;
                if !weak_group {
                    while st > 0
                        && self.free(st - 1)
                        && self.toks[st - 1].depth == depth
                        && self.sep(st) & (OPEN | CLOSE | STRONG) == 0
                        && last - st < 3
                    {
                        st -= 1;
                    }
                }
                // `by GROUP`: the word is not part of the group.
                let mut by_inside = false;
                if st < last && self.key(st) == "by" {
                    st += 1;
                    by_inside = true;
                }
                let before = st.checked_sub(1);
                let by = by_inside || before.is_some_and(|b| self.key(b) == "by");
                let accept = if depth > 0 {
                    let lone = self.sep(st) & OPEN != 0 && (end == n || self.sep(end) & CLOSE != 0);
                    let one_word = (st + 1..=last).all(|x| self.sep(x) & SPACE == 0);
                    let inside_tech = before.is_some_and(|b| {
                        self.toks[b].group == self.toks[st].group
                            && self.toks[b].depth > 0
                            && tech(self.role[b])
                    });
                    (lone && one_word && (any_tech || any_marker)) || inside_tech || by
                } else {
                    let sep = self.sep(st);
                    let after_tech = before.is_some_and(|b| {
                        tech(self.role[b])
                            || matches!(self.role[b], Role::Junk)
                                && sep & (DASH | STRONG) != 0
                                && any_tech
                    });
                    let after_complete = before
                        .is_some_and(|b| matches!(self.role[b], Role::Marker))
                        && self.info.other.contains(&"Complete")
                        && sep & DASH != 0;
                    let glued = sep & (DASH | STRONG) != 0;
                    by || (after_tech && (glued || last - st < 2)) || after_complete
                };
                if accept && (!by || st < end) {
                    let text_end =
                        suffix_end
                            .filter(|_| depth == 0)
                            .map_or(self.toks[last].end, |e| {
                                let close = self.toks[e - 1].end;
                                // Include the closing bracket.
                                self.s[close..].chars().next().map_or(close, |c| {
                                    if matches!(c, ']' | ')' | '}') {
                                        close + c.len_utf8()
                                    } else {
                                        close
                                    }
                                })
                            });
                    self.set_group_text(st, end, text_end, true);
                    return;
                }
            }
        }
        // `blow-how.to.be.single.2016.1080p.bluray`: lowercase scene file names put the
        // group first. Only in a release name (some quality, source or codec named), and
        // a group has two letters or more: `x-men.2000`, `she-hulk.attorney.at.law.s01e01`
        // and `ant-man.and.the.wasp.2018` are titles.
        let release = self.info.screen_size.is_some()
            || self.info.source.is_some()
            || self.info.video_codec.is_some()
            || self.info.audio_codec.is_some();
        if is_file
            && release
            && n > 3
            && self.sep(1) == DASH
            && self.text(0).len() > 1
            && self.s.bytes().all(|c| !c.is_ascii_uppercase())
        {
            if let Some(t) = &self.info.title {
                let first = self.text(0);
                if let Some(rest) = t.strip_prefix(first) {
                    if rest.starts_with('-') && rest.len() > 2 {
                        self.info.title = Some(rest[1..].to_string());
                        self.info.group = Some(first.to_string());
                        self.info.group_strong = false;
                        return;
                    }
                }
            }
        }
        if let Some((a, b)) = lead {
            self.set_group(a, b, false);
        }
    }

    /// A language or country code right after `-` (`AC3-de`, `H.264-NL`): in that place
    /// it is a group's name, not a language.
    fn is_code_group(&self, i: usize) -> bool {
        self.sep(i) == DASH
            && matches!(self.weak_field(i), Some(Field::Language | Field::Country))
            && self.key(i).len() <= 3
    }

    fn set_group(&mut self, a: usize, b: usize, strong: bool) {
        let end = self.toks[b - 1].end;
        self.set_group_text(a, b, end, strong);
    }

    /// Records the group as the source text from token `a` to byte `text_end`, and
    /// claims tokens `a..b`.
    fn set_group_text(&mut self, a: usize, b: usize, text_end: usize, strong: bool) {
        let text = &self.s[self.toks[a].start..text_end];
        let g = text.trim_matches(|c: char| matches!(c, '+' | '(' | '[' | ' ' | '.' | '-'));
        self.info.group = Some(g.to_string());
        self.info.group_strong = strong;
        for r in &mut self.role[a..b] {
            *r = Role::Junk;
        }
    }
}

/// Whether a component is a random or reversed string rather than a name.
fn obfuscated(s: &str, c: &Comp<'_>) -> bool {
    if c.n() == 1 && looks_random(s) {
        return true;
    }
    if c.n() <= 4
        && c.n() > 0
        && (0..c.n()).all(|i| {
            looks_random(c.text(i))
                || c.text(i).len() >= 6 && c.text(i).bytes().filter(u8::is_ascii_digit).count() >= 3
        })
        && s.len() >= 24
    {
        return true;
    }
    // A reversed release name (`...70E10S.5102.sregnesseM.ehT`).
    (0..c.n()).any(|i| {
        let b = c.key(i).as_bytes();
        (b.len() == 6
            && b[0].is_ascii_digit()
            && b[1].is_ascii_digit()
            && b[2] == b'e'
            && b[3].is_ascii_digit()
            && b[4].is_ascii_digit()
            && b[5] == b's')
            || matches!(c.key(i), "p0801" | "p027" | "p0612")
    })
}

/// Analyzes one component. `is_file` is true for the file name (extension removed).
pub fn analyze(s: &str, is_file: bool, numbers: bool) -> Info {
    let mut c = Comp::new(s);
    c.numbers = numbers;
    let random = obfuscated(s, &c);
    if is_file && random {
        c.recycle();
        return Info {
            obfuscated: true,
            ..Info::default()
        };
    }
    c.info.obfuscated = random;
    c.lexical();
    c.structure(is_file);
    let mut info = std::mem::take(&mut c.info);
    c.recycle();
    if let Some(t) = &info.title {
        if t.trim().is_empty() {
            info.title = None;
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(parse_s_marker("s01e02e03").unwrap().eps, vec![2, 3]);
        assert_eq!(parse_s_marker("s2014e18").unwrap().season, Some(2014));
        assert_eq!(parse_s_marker("s06xe01").unwrap().eps, vec![1]);
        assert!(parse_s_marker("s1ave").is_none());
        assert_eq!(parse_x_marker("5x44x45").unwrap().eps, vec![44, 45]);
        assert!(parse_x_marker("1xall").unwrap().complete);
        assert_eq!(parse_e_marker("e01v2"), Some(1));
        assert_eq!(parse_screen("1920x1080").as_deref(), Some("1080p"));
        assert_eq!(parse_screen("1444x866").as_deref(), Some("1444x866"));
    }

    use crate::media::name::{parse, MediaKind};

    /// (title, season, episode) of a name.
    fn tse(name: &str) -> (Option<String>, Option<u32>, Option<u32>) {
        let m = parse(name);
        (m.title, m.season, m.episode)
    }

    fn t(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn bare_numbers_by_position() {
        // One digit belongs to the title; two are an episode; three are SEE.
        assert_eq!(
            tse("Bad.Boys.2.1080p.BluRay.x264"),
            (t("Bad Boys 2"), None, None)
        );
        assert_eq!(tse("Test.13.HDTV-GRP"), (t("Test"), None, Some(13)));
        assert_eq!(
            tse("the.mentalist.501.hdtv-lol.mp4"),
            (t("the mentalist"), Some(5), Some(1))
        );
        assert_eq!(
            tse("the.100.109.hdtv-lol.mp4"),
            (t("the 100"), Some(1), Some(9))
        );
        // After ` - `, or in a fansub name, a number is an absolute episode.
        assert_eq!(
            tse("Naruto Shippuuden - 351 (720p)"),
            (t("Naruto Shippuuden"), None, Some(351))
        );
        assert_eq!(
            tse("[Group] Show - 1080 [x264].mkv"),
            (t("Show"), None, Some(1080))
        );
        // Before a year, a number is a title word.
        assert_eq!(tse("Apollo.13.1995.1080p.BluRay").0, t("Apollo 13"));
        // Two years in a row: the last is the release year.
        let m = parse("Wonder.Woman.1984.2020.1080p.WEB-DL");
        assert_eq!(
            (m.title.as_deref(), m.year),
            (Some("Wonder Woman 1984"), Some(2020))
        );
        // After other jargon, 720 and 1080 are resolutions.
        assert_eq!(
            parse("Movie.Name.2013.1080.x265-Ox.mkv")
                .screen_size
                .as_deref(),
            Some("1080p")
        );
    }

    #[test]
    fn weak_jargon_at_the_end_of_a_title() {
        assert_eq!(
            parse("Pacific.Rim.3D.2013.BluRay").title.as_deref(),
            Some("Pacific Rim")
        );
        assert_eq!(
            parse("The.Collector.2009.1080p.mkv").title.as_deref(),
            Some("The Collector")
        );
        assert_eq!(
            parse("Immersion.French.2011.DVDR").title.as_deref(),
            Some("Immersion French")
        );
        assert_eq!(
            parse("Das.Appartement.German.AC3D.720p").title.as_deref(),
            Some("Das Appartement")
        );
        assert_eq!(
            parse("The.English.S01E01.1080p.mkv").title.as_deref(),
            Some("The English")
        );
        assert_eq!(
            parse("Shang-Chi (2021) 720p").title.as_deref(),
            Some("Shang-Chi")
        );
    }

    #[test]
    fn season_and_episode_words() {
        assert_eq!(tse("Dexter Saison VII FRENCH.BDRip.XviD-MiND").1, Some(7));
        assert_eq!(
            tse("Интерны 2 сезон 24 серия"),
            (t("Интерны"), Some(2), Some(24))
        );
        assert_eq!(
            tse("庆余年第十一季 第二十三集.mkv"),
            (t("庆余年"), Some(11), Some(23))
        );
        assert_eq!(
            tse("Show.Name.-.Temporada.1.720p.HDTV.x264[Cap.102]SPANISH").2,
            Some(2)
        );
        assert_eq!(tse("FlexGet.14.of.21.Title.Here.720p.HDTV").2, Some(14));
        assert_eq!(
            tse("[Judas] Vinland Saga S2 - 01 [1080p].mkv"),
            (t("Vinland Saga"), Some(2), Some(1))
        );
        let m = parse("Show Name - S01E02 - S01E03 - S01E04 - Ep Name");
        assert_eq!(m.episodes, vec![2, 3, 4]);
        assert_eq!(m.episode_title.as_deref(), Some("Ep Name"));
        // A second marker of another kind is title text.
        assert_eq!(
            parse("Show Name - S02E31 - Episode 55 (720p.HDTV)").episode,
            Some(31)
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse("Date.Series.10-11-2008.XViD").date.as_deref(),
            Some("2008-11-10")
        );
        assert_eq!(
            parse("WWE Raw 3rd Nov 2014 HDTV").date.as_deref(),
            Some("2014-11-03")
        );
        assert_eq!(
            parse("Conan 2011 04 18 Guest HDTV").date.as_deref(),
            Some("2011-04-18")
        );
        assert_eq!(
            parse("Show.Name.July.30.2021.1080p").date.as_deref(),
            Some("2021-07-30")
        );
        assert_eq!(
            parse("Marvels.Agents.of.S.H.I.E.L.D.s01e02.0.8.4.720p").date,
            None
        );
    }

    #[test]
    fn release_groups() {
        let g = |n: &str| parse(n).release_group;
        assert_eq!(
            g("Show.S01E01.HDTV.x264-LOL [eztv]").as_deref(),
            Some("LOL")
        );
        assert_eq!(
            g("Movie.2019.1080p.BluRay.x264-GRP[rarbg]").as_deref(),
            Some("GRP[rarbg]")
        );
        assert_eq!(
            g("El.dia.de.la.bestia.DVDrip.Spanish.DivX.by.Artik[SEDG].avi").as_deref(),
            Some("Artik[SEDG]")
        );
        assert_eq!(
            g("Show.S02E10.1080p.WEB.H264-STRiFE-postbot").as_deref(),
            Some("STRiFE")
        );
        assert_eq!(
            g("The.Director’s.Notebook.2006.Blu-Ray.x264.720p.AC3-de[42].mkv").as_deref(),
            Some("de[42]")
        );
        assert_eq!(
            g("Battle Royale 2000 DC (1080p Bluray x265 HEVC 10bit AAC 7.1 Japanese Tigole)")
                .as_deref(),
            Some("Tigole")
        );
        // Words after the marker with no jargon before them are an episode title.
        assert_eq!(g("Test.S01E01E07-FooBar-Group.avi"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            parse("The.Matrix.COMPLETE.BLURAY-GRP").kind,
            MediaKind::Episode
        );
        assert_eq!(
            parse("The.Matrix.1999.COMPLETE.BLURAY-GRP").kind,
            MediaKind::Movie
        );
        assert_eq!(
            parse("Doctor Who 2005 50th Anniversary Special").kind,
            MediaKind::Episode
        );
        assert_eq!(parse("FlexGet.epic").kind, MediaKind::Movie);
    }

    #[test]
    fn reversed_names_are_obfuscated() {
        let m = parse("The.Messengers.2015.S01E07.1080p.WEB-DL.DD5.1.H264.Nlsubs-Q/QoQ-sbuSLN.462.H.1.5DD.LD-BEW.p0801.70E10S.5102.sregnesseM.ehT.mkv");
        assert_eq!(m.title.as_deref(), Some("The Messengers"));
        assert_eq!((m.season, m.episode), (Some(1), Some(7)));
    }

    #[test]
    fn random_strings_are_obfuscated() {
        assert!(looks_random("c48db7d2aeb040e8a920a9fd6effcbf4"));
        assert!(looks_random("mxNMuJWeO7PUWCMEwqKSsS6D8Vs9S6V3PHD"));
        assert!(!looks_random("The.Big.Bang.Theory"));
    }
}
