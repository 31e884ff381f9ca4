//! The tags pass: technical words. Vocabulary phrases (sources, codecs, editions,
//! languages, countries, other tags) looked up in `vocab`, sources glued to codecs
//! (`PDTVx264`), audio codecs glued to channels (`DD5.1`), channels on their own (`5.1`),
//! screen sizes, and what carries no field at all: web sites, checksums and ids, sizes,
//! bit rates and frame rates, claimed so no title or group takes them.

use super::super::tokens::{CLOSE, DASH, DOT, OPEN, SPACE, STRONG, UNDER};
use super::super::vocab::{self, Field};
use super::{digits, is_height, num, Comp, Role};

/// `1080p`, `720i`, `1920x1080`.
pub(super) fn parse_screen(k: &str) -> Option<String> {
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
pub(super) fn screen_of(w: u32, h: u32) -> String {
    if is_height(h) && w * 10 >= h * 12 {
        format!("{}p", h)
    } else {
        format!("{}x{}", w, h)
    }
}

impl<'a> Comp<'a> {
    /// `www.site.com`, `site.org`, `tvu.org.ru`: claimed as junk.
    pub(super) fn website(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        let www = self.key(i) == "www";
        // The site's name runs over tokens glued by dots or dashes.
        let mut j = i + 1;
        let mut found_tld = false;
        // Bounded: a site name has a few labels, and a long dotted run must stay linear.
        while j < n && j < i + 6 && self.sep(j) & !(DOT | DASH) == 0 && self.sep(j) != 0 {
            // In brackets, more domains name a site: `[site.tv]`, `[example.net]`.
            let tld = vocab::is_tld(self.key(j))
                || self.toks[j].depth > 0 && vocab::is_bracket_tld(self.key(j));
            if self.sep(j) & DOT != 0 && tld {
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
    pub(super) fn checksum_or_id(&mut self, i: usize) -> Option<usize> {
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

    /// Sizes (`4.8GB`), bit rates (`320 Kbps`), frame rates (`24fps`): junk.
    pub(super) fn measure(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn audio_with_channels(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn vocab(&mut self, i: usize) -> Option<usize> {
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
            if self.key(i).len() == 1 {
                if let Some(used) = self.dotted_country(i) {
                    return Some(used);
                }
            }
            return self.glued_codec(i);
        };
        if e.props.iter().any(|p| p.0 == Field::Country) {
            // A country only in capitals or alone in brackets: `US`, `(us)`, not `Us`.
            let t = self.toks[i];
            let alone = t.depth > 0
                && self.sep(i) & OPEN != 0
                && (i + 1 >= n || self.sep(i + 1) & CLOSE != 0);
            // In a lower-case scene name, right before the season marker: `the.office.us.s03e01`.
            // Not after a word that makes it a pronoun (`this.is.us`, `between.us`).
            let lower_scene = i > 0
                && i + 1 < n
                && self.s.bytes().all(|c| !c.is_ascii_uppercase())
                && super::markers::parse_s_marker(self.key(i + 1)).is_some()
                && !vocab::is_pronoun_lead(self.key(i - 1));
            if !alone && !lower_scene && !self.text(i).bytes().all(|c| c.is_ascii_uppercase()) {
                return None;
            }
        }
        self.claim(i, 1, Role::Vocab(e));
        Some(1)
    }

    /// `The.Office.U.S.S05E14`: a dotted country before the season marker.
    fn dotted_country(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        if i == 0 || i + 2 >= n || self.key(i + 1).len() != 1 || self.sep(i + 1) != DOT {
            return None;
        }
        let code: String = [self.text(i), self.text(i + 1)]
            .concat()
            .to_ascii_lowercase();
        let e = vocab::lookup(&code)?;
        let is_country = e.props.iter().any(|p| p.0 == Field::Country);
        let marker_next = super::markers::parse_s_marker(self.key(i + 2)).is_some();
        if !is_country || !marker_next || !self.text(i + 1).bytes().all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        self.claim(i, 2, Role::Vocab(e));
        Some(2)
    }

    /// A source glued to its codec: `PDTVx264`, `DLx264`.
    pub(super) fn glued_codec(&mut self, i: usize) -> Option<usize> {
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

    /// `5.1`, `7.1`, `2.0` after a codec or before other technical words.
    pub(super) fn channels(&mut self) {
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

    /// Records the fields of all claimed vocabulary.
    pub(super) fn apply_vocab(&mut self) {
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
                        if !info.editions.contains(&v) {
                            info.editions.push(v);
                        }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::name::parse;

    #[test]
    fn screens() {
        assert_eq!(parse_screen("1920x1080").as_deref(), Some("1080p"));
        assert_eq!(parse_screen("1444x866").as_deref(), Some("1444x866"));
        assert_eq!(parse_screen("720p").as_deref(), Some("720p"));
        assert_eq!(parse_screen("12p"), None);
    }

    #[test]
    fn codecs_glued_to_channels_and_sources() {
        let m = parse("Movie.2010.1080p.BluRay.DD5.1.x264-GRP");
        assert_eq!(m.audio_codec.as_deref(), Some("Dolby Digital"));
        assert_eq!(m.audio_channels.as_deref(), Some("5.1"));
        assert_eq!(
            parse("Show.S01E01.PDTVx264").video_codec.as_deref(),
            Some("H.264")
        );
    }

    #[test]
    fn countries_of_shows() {
        for name in [
            "The.Office.US.S03E01.720p",
            "The Office (US) S03E01",
            "the.office.us.s03e01.hdtv.xvid-fqm.avi",
        ] {
            let m = parse(name);
            assert_eq!(
                (
                    m.title.as_deref().map(str::to_lowercase),
                    m.country.as_deref()
                ),
                (Some("the office".to_string()), Some("US")),
                "{name}"
            );
        }
        // A title word that is also a country code stays a title word.
        assert_eq!(parse("Us.2019.1080p").title.as_deref(), Some("Us"));
    }
}
