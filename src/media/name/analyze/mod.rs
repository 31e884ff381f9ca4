//! Reads one path component (a file name without its extension, or a folder name) into
//! the fields it carries.
//!
//! Release names follow a loose grammar: a title, then markers (year, `S01E02`, `1x02`,
//! a date), then technical words (resolution, source, codecs, languages), then the
//! release group after a final dash. The analysis runs in two passes over the tokens,
//! each made of smaller passes that live in their own files:
//!
//! - the lexical pass claims every token that is unambiguous on its own or with its
//!   neighbours: `tags` (web sites, checksums, sizes, vocabulary phrases, channels),
//!   `dates`, `markers` (season and episode markers and words), `numbers` (screen
//!   sizes, parts, years, bare numbers);
//! - the structural pass (`resolve`) decides what only position can tell: where the
//!   `title` starts and ends, whether a bare number is an episode or part of the title
//!   (`numbers`), which year is the release year, which trailing words are the
//!   `episode_title` and which the release `group`.
//!
//! `obfuscated` recognises components that are random or reversed strings. The words
//! of every language live in `vocab`.

mod dates;
mod episode_title;
mod group;
mod markers;
mod numbers;
mod obfuscated;
mod resolve;
mod tags;
mod title;

use super::tokens::{self, Tok, CLOSE, DOT, OPEN};
use super::vocab::{self, Entry};
use obfuscated::obfuscated;

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
    /// Every season of a multi-season pack (`S01-S03`, `Seasons 1, 2 & 3`), in the order
    /// found; empty unless the name lists more than one.
    pub seasons: Vec<u32>,
    /// The episodes are numbered without a season (`[Group] Show - 12`, `Show - 351`):
    /// an absolute episode number when no season is known.
    pub absolute: bool,
    /// An absolute episode number written beside a season and episode
    /// (`One Piece - S21E01 - 892 - Title`).
    pub absolute_number: Option<u32>,
    /// The name calls itself a trailer or teaser outside its title (`Heat.1995.Trailer`).
    pub trailer: bool,
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
    /// Every edition named, in order (`Unrated Director's Cut` → Unrated, Director's Cut).
    pub editions: Vec<&'static str>,
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
    /// The component is the file name, not a folder.
    is_file: bool,
    /// Token index of the release year.
    year_at: Option<usize>,
    /// A reusable buffer for phrase keys.
    scratch: String,
}

/// The most episodes one name lists (a batch `1-500` is whole; `1-5000` is not a batch).
const MAX_EPISODES: usize = 2000;
/// The most seasons one pack lists.
const MAX_SEASONS: usize = 100;

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
            is_file: true,
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

    /// Extends the last episode into a range up to `to` (`E01-E03`, `01-25`, `1017-1088`).
    fn push_range(&mut self, to: u32) {
        if let Some(&last) = self.info.episodes.last() {
            if to > last && to - last < MAX_EPISODES as u32 {
                // Every number above the last is new: no need to look for it.
                let room = MAX_EPISODES.saturating_sub(self.info.episodes.len()) as u32;
                self.info.episodes.extend(last + 1..=to.min(last + room));
                return;
            }
        }
        self.push_eps(&[to]);
    }

    /// Adds seasons of a pack: the season list starts with the first season.
    fn push_seasons(&mut self, seasons: impl IntoIterator<Item = u32>) {
        if self.info.seasons.is_empty() {
            if let Some(s) = self.info.season {
                self.info.seasons.push(s);
            }
        }
        for s in seasons {
            if !self.info.seasons.contains(&s) && self.info.seasons.len() < MAX_SEASONS {
                self.info.seasons.push(s);
            }
        }
    }

    /// Extends the last season into a range up to `to` (`S01-S07`, `Season 1-8`).
    fn push_season_range(&mut self, to: u32) {
        let last = self.info.seasons.last().copied().or(self.info.season);
        match last {
            Some(l) if to > l && to - l < MAX_SEASONS as u32 => self.push_seasons(l + 1..=to),
            _ => {}
        }
    }

    /// The lexical pass: claims what each token is on its own or with its neighbours.
    fn lexical(&mut self) {
        let n = self.n();
        // Web sites are rare: look for them only when a name has a `www` or a domain.
        let sites = (0..n).any(|j| {
            let k = self.key(j);
            k == "www"
                || self.sep(j) & DOT != 0
                    && (vocab::is_tld(k) || self.toks[j].depth > 0 && vocab::is_bracket_tld(k))
        });
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
}

/// Analyzes one component. `is_file` is true for the file name (extension removed).
pub fn analyze(s: &str, is_file: bool, numbers: bool) -> Info {
    let mut c = Comp::new(s);
    c.numbers = numbers;
    c.is_file = is_file;
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
