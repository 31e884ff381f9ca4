//! The release-naming vocabulary: which words mean a source, a codec, an edition, a
//! language, and so on, in guessit's value names.
//!
//! Words are looked up by a folded key (ASCII lowercase, Latin accents removed, the
//! tokens of a multi-word phrase joined by one space), so `WEB-DL`, `web.dl` and `Web DL`
//! all hit the entry `web dl`. The table is built once into a hash map; a lookup costs a
//! hash of a few bytes and never allocates.
//!
//! The tables of technical words are in `tags` (strong words, never a title's, and weak
//! ones that may be); the other words the parser knows (season and episode words of
//! every language, months, weekdays, folders, containers, numbers written as words) are
//! in `words`.

mod tags;
mod words;

pub use words::*;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The field a vocabulary word sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `screen_size`
    ScreenSize,
    /// `source`
    Source,
    /// `video_codec`
    VideoCodec,
    /// `audio_codec`
    AudioCodec,
    /// `audio_channels`
    AudioChannels,
    /// `edition`
    Edition,
    /// `other`
    Other,
    /// `language`
    Language,
    /// `subtitle_language`
    SubtitleLanguage,
    /// A country code that trails a show name (`The Office US`); kept out of the title.
    Country,
    /// A container named inside the name (`...HDTV.x264.MP4-GRP`), when there is no extension.
    Container,
    /// A word that is release jargon but sets nothing we report (bit depth, `HQ`, `Dubbed`).
    Noise,
}

/// One vocabulary entry: what it sets and how sure we are that it is jargon.
#[derive(Debug)]
pub struct Entry {
    /// The fields and values this word sets.
    pub props: &'static [(Field, &'static str)],
    /// A weak word (`Extended`, `French`, `DC`) is also an ordinary word; it counts as
    /// jargon only outside a title, see the title rules in `analyze`.
    pub weak: bool,
}

use tags::{STRONG, WEAK};

/// A small, fast hasher for the short ASCII keys of the tables (FNV-1a).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// One key of the table: the entry it names (if any) and, when the key is the first word
/// of phrases, the longest phrase length. One hash lookup answers both questions.
#[derive(Default)]
struct Slot {
    entry: Option<Entry>,
    phrase: u8,
}

fn tables() -> &'static Map<Slot> {
    static T: OnceLock<Map<Slot>> = OnceLock::new();
    T.get_or_init(|| {
        let mut map: Map<Slot> = Map::default();
        for (list, weak) in [(STRONG, false), (WEAK, true)] {
            for (pats, props) in list {
                for pat in pats.split('|') {
                    let n = pat.split(' ').count() as u8;
                    if n > 1 {
                        let head = pat.split(' ').next().unwrap_or(pat);
                        let slot = map.entry(head).or_default();
                        slot.phrase = slot.phrase.max(n);
                    }
                    // The first definition wins, so strong entries shadow weak ones.
                    let slot = map.entry(pat).or_default();
                    if slot.entry.is_none() {
                        slot.entry = Some(Entry { props, weak });
                    }
                }
            }
        }
        map
    })
}

/// The entry for a folded key (one word, or words joined by single spaces).
pub fn lookup(key: &str) -> Option<&'static Entry> {
    tables().get(key).and_then(|s| s.entry.as_ref())
}

/// The entry for a folded word and the longest phrase (in words) starting with it (0: none).
pub fn word(key: &str) -> (Option<&'static Entry>, usize) {
    match tables().get(key) {
        Some(s) => (s.entry.as_ref(), s.phrase as usize),
        None => (None, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Field::*;

    #[test]
    fn phrases_and_words_are_found() {
        assert_eq!(lookup("web dl").unwrap().props[0], (Source, "Web"));
        assert_eq!(lookup("x264").unwrap().props[0], (VideoCodec, "H.264"));
        assert!(lookup("french").unwrap().weak);
        assert!(!lookup("bdrip").unwrap().weak);
        assert_eq!(word("dts").1, 3);
        assert_eq!(word("matrix").1, 0);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(word_number("vii"), Some(7));
        assert_eq!(word_number("sept"), Some(7));
        assert_eq!(cjk_number("十一"), Some(11));
        assert_eq!(cjk_number("二十三"), Some(23));
        assert_eq!(cjk_number("二"), Some(2));
        assert_eq!(cjk_number("195"), Some(195));
    }
}
