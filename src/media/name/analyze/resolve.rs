//! The structural pass: what only position can tell, settled in order. A leading
//! `[Group]`; where the title starts and ends (a leading episode number or marker makes
//! what follows an episode title); bare numbers as episodes or title words; the release
//! year among the year candidates; the title's text and a trailing country; then the
//! leftover numbers, the vocabulary's fields, the release group and the episode title.

use super::super::tokens::{CLOSE, DASH, DOT, OPEN, SPACE, STRONG};
use super::super::vocab::Field;
use super::numbers::parse_number;
use super::title::Stop;
use super::{is_bare_height, is_year, Comp, Role, TitleFrom, MAX_EPISODES};

/// The title run as the structural pass narrows it down.
struct Span {
    /// The title's tokens (`t0..t1`), if any.
    title: Option<(usize, usize)>,
    /// What ended the run.
    stop: Stop,
    /// Where the title was found.
    from: TitleFrom,
}

impl<'a> Comp<'a> {
    /// The structural pass: title, episode numbers from bare numbers, year, episode
    /// title, release group.
    pub(super) fn structure(&mut self, is_file: bool) {
        let n = self.n();
        if n == 0 {
            return;
        }
        let lead_group = self.leading_group();
        let has_crc = (0..n).any(|i| {
            matches!(self.role[i], Role::Junk) && self.key(i).len() == 8 && self.toks[i].depth > 0
        });
        self.anime = lead_group.is_some() || has_crc;

        let start_from = lead_group.map_or(0, |g| g.1);
        let mut ts = self.title_start(start_from, lead_group);
        let mut from = TitleFrom::Lead;
        self.leading_number(&mut ts, &mut from);
        if let (Some(t), Some(m)) = (ts, self.first_marker) {
            if m < t
                && self.info.episodes.len() + usize::from(self.info.season.is_some()) > 0
                && from == TitleFrom::Lead
            {
                // `S02E06 - Playtime Is Different`: what follows the marker is an episode title.
                let lead_junk =
                    (0..m).all(|x| !self.free(x) || lead_group.is_some_and(|g| x < g.1));
                if lead_junk && self.toks[t].depth == 0 {
                    from = TitleFrom::AfterMarker;
                }
            }
        }
        let mut span = Span {
            title: None,
            stop: Stop::End,
            from,
        };
        if let Some(t) = ts {
            self.title_run(t, start_from, &mut span);
        }
        // A folder without jargon is a clean title; so is a Plex-style file name
        // `Title - Subtitle (Year)` (only a year in brackets after the title).
        let n_tok = self.n();
        let plex_file = is_file
            && (0..n_tok).any(|x| matches!(self.role[x], Role::Year) && self.toks[x].depth > 0)
            && (0..n_tok).all(|x| {
                matches!(self.role[x], Role::Free | Role::Year | Role::Part)
                    || matches!(self.role[x], Role::Junk) && self.toks[x].depth > 0
            });
        if !is_file || plex_file {
            self.folder_title(&mut span);
        }

        let (mut t0, mut t1) = span.title.unwrap_or((0, 0));
        self.bare_episode(&mut t0, &mut t1, &mut span);
        self.number_after_year(t1, span.stop);
        // A file named by its episode number alone: `Season 2/01.mp4`.
        if is_file && self.lone_number_file() {
            span.title = None;
            t0 = 0;
            t1 = 0;
        }
        self.release_year(t0, t1);
        if span.title.is_some() && t1 > t0 {
            self.set_title(t0, t1, &span);
        }

        self.absolute_beside_marker();
        self.resolve_numbers();
        self.apply_vocab();
        self.release_group(lead_group, is_file);
        self.episode_title();
        // `Heat.1995.Trailer.1080p`, `Dune.2021.Official.Teaser`: words no title took.
        self.info.trailer = self.info.title.is_some()
            && (0..n).any(|x| self.free(x) && matches!(self.key(x), "trailer" | "teaser"));

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

    /// `Show - S21E01 - 892 - Title`, `Show - 055 - S01E55`: a number alone between ` - `
    /// parts of a name that has a season and an episode is the absolute episode.
    fn absolute_beside_marker(&mut self) {
        let n = self.n();
        if self.info.season.is_none() || self.info.episodes.is_empty() {
            return;
        }
        for k in 0..n {
            if !matches!(self.role[k], Role::Number) || self.sep(k) & STRONG == 0 {
                continue;
            }
            let part_ends = k + 1 == n || self.sep(k + 1) & (STRONG | OPEN) != 0;
            let Some((v, nd)) = parse_number(self.key(k)) else {
                continue;
            };
            if part_ends && nd >= 2 && self.toks[k].depth == 0 {
                self.info.absolute_number = Some(v);
                self.role[k] = Role::Marker;
                // The episode title follows the number when the number follows the marker.
                if self.ep_anchor == Some(k - 1) {
                    self.ep_anchor = Some(k);
                }
                return;
            }
        }
    }

    /// Where the title starts: the first free word outside brackets (after a leading
    /// group), skipping leading jargon and a leading language part (`Fr - Title`).
    fn title_start(&self, start_from: usize, lead_group: Option<(usize, usize)>) -> Option<usize> {
        let n = self.n();
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
                return Some(i);
            }
            i += 1;
        }
        // Titles in brackets, as a last resort (`[Show Name] - 01`).
        (start_from..n).find(|&x| self.free(x) && lead_group.is_none_or(|g| x >= g.1))
    }

    /// A leading number (`03 - Title`, `003. Show - Ep`, `003-004.`): the episode, and
    /// the title starts after it.
    fn leading_number(&mut self, ts: &mut Option<usize>, from: &mut TitleFrom) {
        let n = self.n();
        let Some(t) = *ts else { return };
        if !matches!(self.role[t], Role::Number) || t + 1 >= n {
            return;
        }
        let (v, nd) = parse_number(self.key(t)).unwrap_or((0, 0));
        let mut e = t + 1;
        let mut eps = vec![v];
        while e < n && self.is_range_step(e) {
            let (to, _) = parse_number(self.key(e)).unwrap_or((0, 0));
            if to > v && to - v < MAX_EPISODES as u32 {
                eps = (v..=to).collect();
            }
            e += 1;
        }
        let after = if e < n { self.sep(e) } else { 0 };
        // `[Group] 91 Days - 05`, `[Group] 86 - Eighty Six - 20`: a later ` - NN` is the
        // episode, so the leading number is a title word; so is one glued by a dash
        // (`3-gatsu no Lion`).
        let later_episode = self.anime
            && (e + 1..n).any(|x| {
                matches!(self.role[x], Role::Number)
                    && self.sep(x) & STRONG != 0
                    && self.toks[x].depth == 0
            });
        let glued = after & DASH != 0 && after & SPACE == 0;
        // `[Group] 5 Centimeters per Second (2007)`: a film, its number a title word.
        let dated = (e..n).any(|x| matches!(self.role[x], Role::Year));
        let numbered = !later_episode
            && !glued
            && (after & STRONG != 0
                || after & DOT != 0 && after & SPACE != 0
                || (self.anime && e < n && self.titleish(e) && (2..=3).contains(&nd) && !dated));
        if numbered && e < n && nd <= 3 && self.info.episodes.is_empty() {
            self.info.absolute = self.anime;
            self.push_eps(&eps);
            for r in &mut self.role[t..e] {
                *r = Role::Marker;
            }
            self.mark(t);
            self.ep_anchor = Some(e - 1);
            *ts = (e..n).find(|&x| self.titleish(x) && self.toks[x].depth == 0);
            // `03 - Title`: one part after the number is an episode title unless
            // the name has more parts (`003. Show Name - Ep Name`).
            if let Some(t2) = *ts {
                let (e2, stop) = self.run_end(t2, true);
                let more = stop == Stop::Dash && (e2..n).any(|x| self.free(x));
                if !more && !self.anime {
                    *from = TitleFrom::AfterMarker;
                }
            }
        }
    }

    /// The title run from its first word `t`: up to what stops it, with a leading year,
    /// a numeric title before a dash and a lone year after jargon settled.
    fn title_run(&mut self, t: usize, start_from: usize, span: &mut Span) {
        let n = self.n();
        let (mut e, mut s) = self.run_end(t, true);
        // `Evangelion 1.11 You Are (Not) Alone 2007`: one word in brackets inside a title
        // that goes on after it.
        while s == Stop::Bracket
            && e + 2 < n
            && self.sep(e) & OPEN != 0
            && self.free(e)
            && self.sep(e + 1) & CLOSE != 0
            && self.toks[e + 1].depth == self.toks[t].depth
            && self.free(e + 1)
        {
            (e, s) = self.run_end(e + 1, false);
        }
        span.stop = s;
        // A leading year with words after it and no other year: `2009.shoot.fruit.chan`.
        if matches!(self.role[t], Role::Year) && e > t + 1 && span.stop != Stop::Year {
            let other_year = (e..n).any(|x| matches!(self.role[x], Role::Year));
            if !(other_year || self.first_marker.is_some() && span.stop == Stop::Marker) {
                self.take_year(t);
                let (e2, s2) = self.run_end(t + 1, false);
                span.title = Some((t + 1, e2));
                e = e2;
                span.stop = s2;
            }
        }
        // `2047 - Sights of Death (2014)`: a number alone is a poor title; the part
        // after the dash belongs to it.
        let numeric = (t..e).all(|x| matches!(self.role[x], Role::Number | Role::Year));
        if span.title.is_none()
            && span.stop == Stop::Dash
            && numeric
            && self.first_marker.is_none()
            && e < n
            && self.free(e)
        {
            let (e2, s2) = self.run_end(e, false);
            if (e..e2).all(|x| !matches!(self.role[x], Role::Number)) {
                span.title = Some((t, e2));
                span.stop = s2;
            }
        }
        // `Proper.2020.720p`: after leading jargon, a lone year is the year.
        let lead_jargon = t > start_from && (start_from..t).all(|x| !self.free(x));
        if span.title.is_none() && e == t + 1 && lead_jargon && matches!(self.role[t], Role::Year) {
            self.take_year(t);
            span.title = Some((t + 1, t + 1));
        }
        if span.title.is_none() {
            span.title = Some((t, e));
        }
    }

    /// A folder without jargon is a clean title, dashes and all:
    /// `Star Trek - The Next Generation`, `Mission Impossible - Fallout (2018)`.
    fn folder_title(&self, span: &mut Span) {
        let n = self.n();
        if span.stop != Stop::Dash || self.first_marker.is_some() {
            return;
        }
        let Some((t0, mut t1)) = span.title else {
            return;
        };
        while t1 < n && self.sep(t1) & STRONG != 0 && self.toks[t1].depth == 0 && self.free(t1) {
            let (e, s) = self.run_end(t1, false);
            // `Mission Impossible - Dead Reckoning Part One (2023)`: the part is a title's.
            let title_part = |x: usize| {
                matches!(self.role[x], Role::Part)
                    && self.role[t1..x]
                        .iter()
                        .all(|r| matches!(r, Role::Free | Role::Part))
            };
            if (t1..e).any(|x| !self.free(x) && !title_part(x)) {
                break;
            }
            t1 = e;
            span.stop = s;
        }
        if (t1..n)
            .all(|x| matches!(self.role[x], Role::Year | Role::Junk) || self.toks[x].depth > 0)
        {
            span.title = Some((t0, t1));
        }
    }

    /// Bare numbers in or after the title: episodes, or title words.
    fn bare_episode(&mut self, t0: &mut usize, t1: &mut usize, span: &mut Span) {
        if span.title.is_none()
            || !self.numbers
            || !self.info.episodes.is_empty()
            || span.from != TitleFrom::Lead
        {
            return;
        }
        if let Some(k) = self.dotted_season_episode(*t0, *t1) {
            *t1 = k;
            span.stop = Stop::Marker;
            return;
        }
        let Some((k, k_end)) = self.episode_number_in(*t0, *t1, span.stop) else {
            return;
        };
        // Title before the number; the words after it start an episode title.
        self.ep_anchor = Some(k_end - 1);
        self.mark(k);
        if k == *t0 {
            // `[NoobSubs] 06 Sword Art Online II`
            let (e, s) = self.run_end(k_end, false);
            *t0 = k_end;
            *t1 = e;
            span.stop = s;
        } else if k < *t1 {
            *t1 = k;
            span.stop = Stop::Marker;
        } else if self.anime
            && self.sep(k) & (STRONG | OPEN) != 0
            && (*t1..k).all(|x| self.free(x) && self.toks[x].depth == 0)
        {
            // Fansub names: the title is everything before the final ` - NN`
            // (`[Group] Boruto - Naruto Next Generations - 01`).
            *t1 = k;
            span.stop = Stop::Marker;
        }
    }

    /// `Spooks.9.08.HDTV`, `Midsomer Murders 14.03 Title`: season and episode written as
    /// one decimal in a name without a year or other marker; returns where it starts.
    fn dotted_season_episode(&mut self, t0: usize, t1: usize) -> Option<usize> {
        let n = self.n();
        if self.first_marker.is_some() || (0..n).any(|x| matches!(self.role[x], Role::Year)) {
            return None;
        }
        let k = (t0 + 1..t1.min(n.saturating_sub(1))).find(|&k| {
            matches!(self.role[k], Role::Number)
                && matches!(self.role[k + 1], Role::Number)
                && self.sep(k + 1) == DOT
                && self.sep(k) & (DOT | SPACE) != 0
                && self.key(k).len() <= 2
                && self.key(k + 1).len() == 2
                && self.toks[k].depth == 0
                // Not a longer dotted run (`0.8.4`, a version).
                && (k + 2 >= n || self.sep(k + 2) != DOT || !matches!(self.role[k + 2], Role::Number))
        })?;
        let (s, e) = (
            parse_number(self.key(k))?.0,
            parse_number(self.key(k + 1))?.0,
        );
        if s == 0 || e == 0 {
            return None;
        }
        self.set_season(s);
        self.push_eps(&[e]);
        self.role[k] = Role::Marker;
        self.role[k + 1] = Role::Marker;
        self.mark(k);
        self.ep_anchor = Some(k + 1);
        Some(k)
    }

    /// A number right after a year, before the jargon: `the.flash.2014.208.hdtv`.
    fn number_after_year(&mut self, t1: usize, stop: Stop) {
        let n = self.n();
        if stop != Stop::Year || !self.info.episodes.is_empty() || t1 + 1 >= n {
            return;
        }
        let k = t1 + 1;
        if matches!(self.role[k], Role::Number) && self.same_level(k) && self.sep(k) & STRONG != 0 {
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

    /// A file name that is one short number is that episode; true when it was.
    fn lone_number_file(&mut self) -> bool {
        if self.n() != 1 || !matches!(self.role[0], Role::Number) || !self.info.episodes.is_empty()
        {
            return false;
        }
        match parse_number(self.key(0)) {
            Some((v, nd)) if nd <= 3 => {
                self.push_eps(&[v]);
                self.role[0] = Role::Marker;
                true
            }
            _ => false,
        }
    }

    /// The release year: the first year candidate outside the title `t0..t1`; a season
    /// of 1900 or later is a year too (`S2014E18`, `1940x01`).
    fn release_year(&mut self, t0: usize, t1: usize) {
        for x in 0..self.n() {
            if matches!(self.role[x], Role::Year) && !(x >= t0 && x < t1) {
                if self.info.year.is_none() {
                    self.take_year(x);
                } else {
                    self.role[x] = Role::Number;
                }
            }
        }
        if self.info.year.is_none() {
            if let Some(s) = self.info.season.filter(|&s| is_year(s)) {
                self.info.year = Some(s as u16);
            }
        }
    }

    /// Sets the title from tokens `t0..t1`: an original-script title before a Latin one
    /// dropped, absolute numbers before a marker dropped, weak jargon trimmed, a trailing
    /// country moved to `country`.
    fn set_title(&mut self, mut t0: usize, mut t1: usize, span: &Span) {
        let n = self.n();
        // `超能警探.Memorist`: an original-script title before a Latin one.
        let cjk = |t: &str| {
            t.chars().any(|c| {
                ('\u{3040}'..='\u{9fff}').contains(&c) || ('\u{ac00}'..='\u{d7af}').contains(&c)
            })
        };
        let latin = |t: &str| t.bytes().any(|c| c.is_ascii_alphabetic());
        if let Some(first_latin) = (t0..t1).find(|&x| latin(self.text(x)) && !cjk(self.text(x))) {
            while t0 < first_latin && cjk(self.text(t0)) {
                t0 += 1;
            }
        }
        // `Show Name 313-315 s16e03-05`: absolute numbers before the marker.
        if span.stop == Stop::Marker && self.first_marker == Some(t1) && t1 > t0 + 2 {
            let is_num = |x: usize| matches!(self.role[x], Role::Number) && self.key(x).len() >= 3;
            if is_num(t1 - 1) && is_num(t1 - 2) && self.sep(t1 - 1) == DASH {
                t1 -= 2;
            }
        }
        let mut end = self.trim_weak(t0, t1, span.stop, 1);
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
            self.info.title_from = span.from;
            self.info.title_tokens = end - t0;
        }
        // A part inside the title numbers the film (`Dune Part Two`), not a disc of it.
        if (t0..end).any(|x| matches!(self.role[x], Role::Part))
            && !(0..n).any(|x| (x < t0 || x >= end) && matches!(self.role[x], Role::Part))
        {
            self.info.part = None;
        }
        // Title words are taken: later rules (group, episode title) must skip them.
        for r in &mut self.role[t0..end] {
            *r = Role::Junk;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::media::name::{parse, MediaKind};

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
    fn a_leading_number_is_the_episode() {
        let m = parse("Breaking Bad/Season 2/03 - Bit by a Dead Bee.mkv");
        assert_eq!(
            (m.title.as_deref(), m.season, m.episode),
            (Some("Breaking Bad"), Some(2), Some(3))
        );
        assert_eq!(m.episode_title.as_deref(), Some("Bit by a Dead Bee"));
        assert_eq!(parse("Breaking Bad/Season 2/01.mp4").episode, Some(1));
    }
}
