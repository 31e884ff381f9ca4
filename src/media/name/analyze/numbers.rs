//! The numbers pass: bare numbers and what they turn out to be. In the lexical pass a
//! number is a screen size (`1080p`, `1920x1080`), a year candidate, a part (`CD1`,
//! `Part 2`) or an episode with its count (`14.of.21`); everything else waits as a bare
//! `Number`. Once the title is placed, position decides: a leading `03 - Title`, `Show 13`,
//! `Show - 102` (season 1, episode 2), `Naruto - 351` (absolute), ranges `003-004`, the
//! release year among the year candidates, and leftover `720`/`1080` as resolutions.

use super::super::tokens::{CLOSE, DASH, DOT, OPEN, SPACE, STRONG, TILDE, TIMES};
use super::super::vocab;
use super::markers::skip_version;
use super::tags::{parse_screen, screen_of};
use super::title::Stop;
use super::{digits, is_bare_height, is_year, num, Comp, Role};

/// A bare number with an optional version (`312v1`), as (value, digit count).
pub(super) fn parse_number(k: &str) -> Option<(u32, usize)> {
    let b = k.as_bytes();
    let mut i = 0;
    let n = digits(b, &mut i, 4)?;
    let nd = i;
    skip_version(b, &mut i);
    (i == b.len()).then_some((n, nd))
}

/// `1of4`: an episode number with the count of episodes.
pub(super) fn of_total(k: &str) -> Option<u32> {
    let b = k.as_bytes();
    let mut p = 0;
    let v = digits(b, &mut p, 3)?;
    let rest = &k[p..];
    let total = num(rest.strip_prefix("of")?)?;
    (v <= total).then_some(v)
}

impl<'a> Comp<'a> {
    /// `14.of.21`, `1 of 6`, `3of9`: an episode with the count of episodes.
    pub(super) fn number_of_total(&mut self, i: usize) -> Option<usize> {
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
        if i == 0 || i + 2 >= n || !vocab::is_of_word(self.key(i + 1)) {
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
    pub(super) fn part(&mut self, i: usize) -> Option<usize> {
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
        // `Vol. 2`, `Chapter 3` number a film; after an episode marker they are words of
        // the episode's title (`S02E05.Chapter.Five`).
        let film_part = matches!(k, "vol" | "volume" | "chapter") && self.first_marker.is_none();
        if (matches!(k, "cd" | "part" | "pt" | "disc" | "disk") || film_part) && i > 0 {
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

    /// Screen sizes and bare numbers (decided later) and year candidates.
    pub(super) fn number(&mut self, i: usize) -> Option<usize> {
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

    pub(super) fn take_year(&mut self, x: usize) {
        if let Some(v) = num(self.key(x)) {
            self.info.year = Some(v as u16);
            self.year_at = Some(x);
            self.role[x] = Role::Junk;
        }
    }

    /// Finds a bare number inside or right after the title run that is an episode
    /// (`Show 13`, `Show - 102`, `[Group] Show 12`); returns its token range.
    /// Whether token `x` continues a number range: a bare number after `-` (`01-25`) or
    /// `~` (`01~10`, `01 ~ 24`).
    pub(super) fn is_range_step(&self, x: usize) -> bool {
        let sep = self.sep(x);
        matches!(self.role[x], Role::Number)
            && (sep & DASH != 0 && sep & SPACE == 0 || sep & TILDE != 0)
    }

    pub(super) fn episode_number_in(
        &mut self,
        t0: usize,
        t1: usize,
        stop: Stop,
    ) -> Option<(usize, usize)> {
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
            // A number before a season marker is a title word: `The.100.S01`, `Station 19 S03`.
            if self
                .first_marker
                .is_some_and(|m| k < m && matches!(self.role[m], Role::Marker))
            {
                k += 1;
                continue;
            }
            // In brackets only when alone there (`The Office [401] Fun Run`), or a
            // range alone there (`(01-26)`, `[01-13]`).
            let alone = self.toks[k].depth == 0
                || self.sep(k) & OPEN != 0 && {
                    let mut x = k + 1;
                    while x < n && self.is_range_step(x) {
                        x += 1;
                    }
                    x >= n || self.sep(x) & CLOSE != 0
                };
            if !alone {
                k += 1;
                continue;
            }
            let (v, nd) = parse_number(self.key(k)).unwrap_or((0, 9));
            let mut e = k + 1;
            while e < scan_end && self.is_range_step(e) {
                e += 1;
            }
            let after_dash = self.sep(k) & STRONG != 0;
            // A show folder without jargon keeps its numbers (`The 4400/`, `Station 19/`).
            let plain_folder = !self.is_file && self.info.tech == 0;
            let height = nd == 4 && is_bare_height(v);
            let bare_ok = nd >= 2 && !plain_folder && !year_follows && !height;
            let ok = nd <= 4
                // A leading number in a fansub name is padded (`06 Title`), and a film's
                // is a title word (`5 Centimeters per Second (2007)`).
                && (k > t0 || self.anime && k + 1 < scan_end && nd >= 2 && !year_follows)
                && (after_dash || self.anime || bare_ok);
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
            self.info.absolute = self.info.season.is_none();
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
    pub(super) fn resolve_numbers(&mut self) {
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
}

#[cfg(test)]
mod tests {
    use crate::media::name::parse;

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
    fn parts() {
        assert_eq!(parse("Movie.2001.CD1.avi").part, Some(1));
        assert_eq!(parse("Movie (2001) Part 2.mkv").part, Some(2));
        assert_eq!(parse("Movie.2001.pt3.mkv").part, Some(3));
    }

    /// The episodes of a name, one or many.
    fn eps(name: &str) -> Vec<u32> {
        let m = parse(name);
        if m.episodes.is_empty() {
            m.episode.into_iter().collect()
        } else {
            m.episodes
        }
    }

    #[test]
    fn batches_are_whole_ranges() {
        let one_to_12: Vec<u32> = (1..=12).collect();
        for name in [
            "[Group] Chainsaw Man 01-12 [1080p]",
            "[Group] Chainsaw Man (01-12) [BD 1080p]",
            "[Group] Chainsaw Man [01-12][BDRip 1080p HEVC]",
            "[Group] Chainsaw Man - 01~12 [720p]",
            "[Group] Chainsaw Man - 01 ~ 12 [720p]",
            "[Group]_Chainsaw_Man_(01-12)_[720p]",
        ] {
            assert_eq!(eps(name), one_to_12, "{name}");
            assert_eq!(parse(name).title.as_deref(), Some("Chainsaw Man"), "{name}");
        }
        assert_eq!(eps("One Piece 1017-1088 [1080p]").len(), 72);
        assert_eq!(eps("[Group] Naruto (1-500) [Complete]").len(), 500);
    }

    #[test]
    fn absolute_episodes() {
        let abs = |n: &str| parse(n).absolute_episode;
        assert_eq!(
            abs("[SubsPlease] Frieren - 12 (1080p) [A1B2C3D4].mkv"),
            Some(12)
        );
        assert_eq!(abs("[Group] Vinland Saga - 10v3 [720p].mkv"), Some(10));
        assert_eq!(abs("[Group] One Piece - 1085 (1080p).mkv"), Some(1085));
        assert_eq!(abs("Naruto Shippuuden - 351 (720p)"), Some(351));
        // Not with a season.
        assert_eq!(abs("Show.S01E05.720p"), None);
        assert_eq!(abs("Show/Season 2/05.mkv"), None);
    }

    #[test]
    fn absolute_episodes_beside_season_and_episode() {
        for (name, abs, title) in [
            (
                "One Piece - S21E01 - 892 - The Land of Wano [HDTV-1080p]",
                892,
                Some("The Land of Wano"),
            ),
            (
                "Jujutsu Kaisen - S02E01 - 025 - Hidden Inventory",
                25,
                Some("Hidden Inventory"),
            ),
            ("Dragon Ball Super - 055 - S01E55 [1080p]", 55, None),
        ] {
            let m = parse(name);
            assert_eq!(
                (m.absolute_episode, m.episode_title.as_deref()),
                (Some(abs), title),
                "{name}"
            );
        }
    }

    #[test]
    fn numbers_that_are_titles_and_full_width_digits() {
        for (name, title, abs) in [
            ("[Group] Mob Psycho 100 - 05 [1080p]", "Mob Psycho 100", 5),
            ("[Group] 91 Days - 05 [720p]", "91 Days", 5),
            (
                "[Group] 86 - Eighty Six - 20 [1080p]",
                "86 - Eighty Six",
                20,
            ),
            (
                "[Group] 3-gatsu no Lion - 15 [1080p]",
                "3-gatsu no Lion",
                15,
            ),
            ("[Group] Naruto - ０５ [480p].avi", "Naruto", 5),
            ("[Group] One Piece - １０８０ [1080p]", "One Piece", 1080),
        ] {
            let m = parse(name);
            assert_eq!(
                (m.title.as_deref(), m.absolute_episode),
                (Some(title), Some(abs)),
                "{name}"
            );
        }
        let m = parse("[Group] 5 Centimeters per Second (2007) [BD 1080p]");
        assert_eq!(
            (m.title.as_deref(), m.episode),
            (Some("5 Centimeters per Second"), None)
        );
    }
}
