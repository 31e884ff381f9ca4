//! The markers pass: season and episode markers written as such. `S01E02` and its kin
//! (`s01e02e03`, `S01xE01`, `S07D1`, `S06`), `1x02` and `5x44x45`, a lone `E02`, and the
//! words for season and episode in the languages release names use (`Saison 2`,
//! `2. Staffel`, `Temporada1`, `2 сезон 24 серия`, `第二季`, `第3話`), with what continues
//! a marker (`-E03`, `-04`, `+05`, `& S01E04`). The words themselves live in `vocab`.

use super::super::tokens::{
    CLOSE, COMMA, DASH, DOT, OPEN, PLUS, SPACE, STRONG, TILDE, TIMES, UNDER,
};
use super::super::vocab::{self, is_episode_word, is_of_word, is_season_word};
use super::numbers::{of_total, parse_number};
use super::tags::parse_screen;
use super::{digits, num, Comp, Role};

/// A season/episode marker read from one token.
#[derive(Debug, Default)]
pub(super) struct Se {
    season: Option<u32>,
    eps: Vec<u32>,
    complete: bool,
    extras: bool,
}

/// Skips a version suffix (`v2`) at the end of a key.
pub(super) fn skip_version(b: &[u8], i: &mut usize) {
    if *i + 1 < b.len() && b[*i] == b'v' && b[*i + 1..].iter().all(u8::is_ascii_digit) {
        *i = b.len();
    }
}

/// `S01E02`, `s01e02e03`, `S01xE01`, `S01EP01`, `S2014E18`, `S07D1`, `S01Extras`, `S06`;
/// `T02E22` (Spanish `temporada`) when an episode follows.
pub(super) fn parse_s_marker(k: &str) -> Option<Se> {
    let b = k.as_bytes();
    if b.len() < 2 || !matches!(b[0], b's' | b't') {
        return None;
    }
    let mut i = 1;
    let season = digits(b, &mut i, 4)?;
    let mut se = Se {
        season: Some(season),
        ..Se::default()
    };
    if b[0] == b't' && (i == b.len() || b[i] != b'e') {
        return None;
    }
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
        if i < b.len() && b[i] == b'p' {
            i += 1;
        }
        let e = digits(b, &mut i, 5)?;
        se.eps.push(e);
        skip_version(b, &mut i);
    }
    (i == b.len() && !se.eps.is_empty()).then_some(se)
}

/// `1x02`, `5x44x45`, `1xAll`, `T01xE08`.
pub(super) fn parse_x_marker(k: &str) -> Option<Se> {
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

/// `E02`, `e576`, `Ep6`, `e01v2`, `E10478` (long-running soaps number past 9999).
pub(super) fn parse_e_marker(k: &str) -> Option<u32> {
    match parse_e_list(k)?.as_slice() {
        [e] => Some(*e),
        _ => None,
    }
}

/// `E1E2`, `E12E13`, `Ep01Ep02`: episode markers glued into one token; also one alone.
pub(super) fn parse_e_list(k: &str) -> Option<Vec<u32>> {
    let b = k.as_bytes();
    let mut i = 0;
    let mut eps = Vec::new();
    while i < b.len() {
        if b[i] != b'e' {
            return None;
        }
        i += 1;
        if b.get(i) == Some(&b'p') {
            i += 1;
        }
        eps.push(digits(b, &mut i, 5)?);
        skip_version(b, &mut i);
    }
    (!eps.is_empty()).then_some(eps)
}

/// `x03`: an episode after a dash in an `NxMM` range (`1x01-x03`).
fn x_episode(k: &str) -> Option<u32> {
    let b = k.as_bytes();
    if b.first() != Some(&b'x') {
        return None;
    }
    let mut i = 1;
    let e = digits(b, &mut i, 3)?;
    (i == b.len()).then_some(e)
}

/// `Temporada1`, `シーズン2`: a word with its number glued on.
pub(super) fn glued_count(k: &str, words: &[&str]) -> Option<u32> {
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
pub(super) fn cjk_count(k: &str, counters: &[char]) -> Option<u32> {
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

impl<'a> Comp<'a> {
    /// `S01E02` and `1x02` markers and what continues them (`-E03`, `-04`, `+05`, `.S01E04`).
    pub(super) fn episode_marker(&mut self, i: usize) -> Option<usize> {
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
            let last = self.info.episodes.last().copied().unwrap_or(0);
            // A range runs over a dash, and over ` - ` between two `Ep` markers.
            let range = sep & DASH != 0 || sep & STRONG != 0 && k.starts_with("ep");
            if let Some(eps) = parse_e_list(k) {
                if range && has_eps && eps.len() == 1 && eps[0] > last {
                    self.push_range(eps[0]);
                } else if sep & STRONG != 0 && has_eps {
                    break;
                } else {
                    self.push_eps(&eps);
                }
            } else if let Some(e) = x_episode(k).filter(|_| has_eps && sep & DASH != 0) {
                // `1x01-x03`: the whole range.
                self.push_range(e);
            } else if let Some(e) = self.spelled_episode(j).filter(|_| !has_eps) {
                // `S01.E.01`, `S03 Ep 07`: the letter and the number apart.
                self.push_eps(&[e]);
                self.role[j] = Role::Marker;
                j += 1;
            } else if let Some((e, nd)) = parse_number(k).filter(|&(_, nd)| nd <= 3) {
                if !has_eps {
                    let season = self.info.season.unwrap_or(0);
                    if sep & STRONG != 0 && self.info.season.is_some() {
                        // `Show S2 - 01`: a season, then the episode after a dash.
                        self.push_eps(&[e]);
                        self.role[j] = Role::Marker;
                        j += 1;
                    } else if sep & DASH != 0 && e > season && nd >= 2 {
                        // `S01-07`: a season range.
                        self.push_season_range(e);
                        self.role[j] = Role::Marker;
                        j += 1;
                        continue;
                    }
                    break;
                }
                if sep & DASH != 0 && e > last {
                    self.push_range(e);
                } else if sep & PLUS != 0 || sep & (DOT | UNDER) != 0 && e == last + 1 && nd >= 2 {
                    // `E01+02`, and `E21.22`, `8x01_02` when the number follows on.
                    self.push_eps(&[e]);
                } else {
                    break;
                }
            } else if let Some(more) = parse_s_marker(k).or_else(|| parse_x_marker(k)) {
                let season = self.info.season.unwrap_or(0);
                let next_season = more.eps.is_empty() && !has_eps && more.season.is_some();
                if next_season && more.season.is_some_and(|s| s > season) {
                    // `S01-S07` is a range; `S01.S02.S03` a list.
                    let s = more.season.unwrap_or(0);
                    if sep & DASH != 0 {
                        self.push_season_range(s);
                    } else if self.info.seasons.last().copied().unwrap_or(season) + 1 == s {
                        self.push_seasons([s]);
                    } else {
                        break;
                    }
                } else if more.season != self.info.season {
                    break;
                } else if more.eps.is_empty() && !has_eps {
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

    /// `E.01`, `Ep 07` at `j`: an episode letter or abbreviation, then its number.
    fn spelled_episode(&self, j: usize) -> Option<u32> {
        if !matches!(self.key(j), "e" | "ep") || j + 1 >= self.n() || !self.free_or_num(j + 1) {
            return None;
        }
        if self.sep(j + 1) & (DOT | SPACE | UNDER) == 0 || self.sep(j + 1) & STRONG != 0 {
            return None;
        }
        parse_number(self.key(j + 1))
            .filter(|&(_, nd)| nd <= 4)
            .map(|(e, _)| e)
    }

    /// Reads a season or episode number at `j`: digits, `2of5`, a word or roman numeral.
    pub(super) fn count_at(&self, j: usize, words: bool) -> Option<(u32, usize)> {
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
    pub(super) fn season_words(&mut self, i: usize) -> Option<usize> {
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
            // `Series 15` is a season in British usage; `Series.911` is a title.
            // Not a date's start either (`Date.Series.10-11-2008`).
            let short = i + 1 < n
                && self.key(i + 1).len() <= 2
                && num(self.key(i + 1)).is_some()
                && (i + 2 >= n || num(self.key(i + 2)).is_none());
            if !short {
                return None;
            }
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
                // `1-3`, `1 & 2`, `1 to 5`, `1, 2 & 3`, `1.2.3`, `2 of 5`, `de 5`
                let mut last = v;
                while j < n && self.free_or_num(j) && self.same_level(j) {
                    let kj = self.key(j);
                    let joiner = vocab::list_joiner(kj);
                    let next = (j + 1 < n).then(|| num(self.key(j + 1))).flatten();
                    if let (true, Some(x)) = (joiner.is_some() || is_of_word(kj), next) {
                        // `2 of 5` counts the seasons; the others list them.
                        match joiner {
                            Some(true) => self.push_season_range(x),
                            Some(false) if x > last => self.push_seasons([x]),
                            _ => {}
                        }
                        last = last.max(x);
                        self.role[j] = Role::Marker;
                        self.role[j + 1] = Role::Marker;
                        j += 2;
                    } else if let Some(e) = of_total(kj) {
                        // `Season.2.1of4`: episode 1 of 4.
                        self.push_eps(&[e]);
                        self.role[j] = Role::Marker;
                        self.ep_anchor = Some(j);
                        j += 1;
                    } else if let Some(x) = num(kj).filter(|&x| x < 100 && kj.len() <= 2) {
                        let sep = self.sep(j);
                        // `Season 1 - 6` is a range; `Season 2 - 05` an episode (padded).
                        let spaced_range = sep & STRONG != 0
                            && sep & TILDE == 0
                            && !kj.starts_with('0')
                            && x > last
                            && (j + 1 >= n
                                || self.sep(j + 1) & STRONG != 0
                                || parse_screen(self.key(j + 1)).is_some()
                                || vocab::word(self.key(j + 1)).0.is_some_and(|e| !e.weak));
                        // `Seasons 1 2 3`: after the plural, numbers that follow on.
                        let spaced_list = plural && sep == SPACE && x == last + 1;
                        if sep & (DASH | DOT | COMMA) == 0 && !spaced_range && !spaced_list {
                            break;
                        }
                        if sep & DASH != 0 || spaced_range {
                            self.push_season_range(x);
                        } else if sep & COMMA != 0 && x > last || x == last + 1 {
                            self.push_seasons([x]);
                        }
                        last = last.max(x);
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
    pub(super) fn episode_after_dash(&mut self, j: usize) {
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
    pub(super) fn count_before(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn episode_words(&mut self, i: usize) -> Option<usize> {
        let n = self.n();
        let k = self.key(i);
        if let Some(v) = cjk_count(k, &['話', '话', '集']) {
            // Numbered without a season unless a season word said one.
            self.info.absolute = true;
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
                    if is_of_word(kj) && j + 1 < n && num(self.key(j + 1)).is_some() {
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
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn markers() {
        assert_eq!(parse_s_marker("s01e02e03").unwrap().eps, vec![2, 3]);
        assert_eq!(parse_s_marker("s2014e18").unwrap().season, Some(2014));
        assert_eq!(parse_s_marker("s06xe01").unwrap().eps, vec![1]);
        assert!(parse_s_marker("s1ave").is_none());
        assert_eq!(parse_x_marker("5x44x45").unwrap().eps, vec![44, 45]);
        assert!(parse_x_marker("1xall").unwrap().complete);
        assert_eq!(parse_e_marker("e01v2"), Some(1));
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

    /// (season, seasons, episode, episodes) of a name.
    fn packs(name: &str) -> (Option<u32>, Vec<u32>, Option<u32>) {
        let m = parse(name);
        (m.season, m.seasons, m.episode)
    }

    #[test]
    fn season_packs_list_their_seasons() {
        let want = (Some(1), vec![1, 2, 3], None);
        for name in [
            "Deadwood.S01-S03.1080p.BluRay.x264-GRP",
            "Deadwood S01-03 720p WEB-DL",
            "Deadwood.Season.1-3.DVDRip",
            "Deadwood Seasons 1, 2 & 3 DVDRip",
            "Deadwood Seasons 1 to 3 720p",
            "Deadwood.S01.S02.S03.1080p.WEB",
            "Deadwood Temporada 1 a 3",
        ] {
            assert_eq!(packs(name), want, "{name}");
        }
        // One season is a season and no list.
        assert_eq!(packs("Deadwood.S02.720p.BluRay"), (Some(2), vec![], None));
        // A number before the season marker is part of the title.
        for (name, title) in [
            ("Series.911.S01.1080p.WEB-DL", "Series 911"),
            ("The.100.S03.720p.HDTV", "The 100"),
            ("Station 19 S02 1080p", "Station 19"),
        ] {
            let m = parse(name);
            assert_eq!(
                (m.title.as_deref(), m.episode),
                (Some(title), None),
                "{name}"
            );
        }
        // British `Series N` is a season; a date after `Series` is a date.
        assert_eq!(parse("Taskmaster Series 15 Episode 2").season, Some(15));
        assert_eq!(
            parse("Date.Series.10-11-2008.XViD").date.as_deref(),
            Some("2008-11-10")
        );
    }

    #[test]
    fn episode_marker_spellings() {
        let se = |n: &str| {
            let m = parse(n);
            let eps = if m.episodes.is_empty() {
                m.episode.into_iter().collect()
            } else {
                m.episodes
            };
            (m.title, m.season, eps)
        };
        for name in [
            "Hacks.S02EP05.1080p.WEB",
            "Hacks S02 EP05 1080p",
            "Hacks.S02.E.05.720p",
            "Hacks.S02.Ep.05.720p",
            "Hacks.T02E05.DVDRip",
            "Hacks 2x05 HDTV",
        ] {
            assert_eq!(se(name), (t("Hacks"), Some(2), vec![5]), "{name}");
        }
        for name in [
            "Hacks.S02.E05E06.720p",
            "Hacks.2x05_06.HDTV",
            "Hacks.2x05-x06.HDTV",
            "Hacks S02E05-E06 720p",
        ] {
            assert_eq!(se(name), (t("Hacks"), Some(2), vec![5, 6]), "{name}");
        }
        assert_eq!(se("Soap.S1.E10478.720p").2, vec![10478]);
        assert_eq!(
            se("Soap.Ep10718.-.Ep10720.720p.HDTV"),
            (t("Soap"), None, vec![10718, 10719, 10720])
        );
        assert_eq!(se("Soap Ep8120 - Ep8121").2, vec![8120, 8121]);
    }

    #[test]
    fn season_and_episode_words_of_other_languages() {
        for name in [
            "Bron Säsong 2 Avsnitt 5",
            "Bron Sesong 2 Episode 5",
            "Bron Sæson 2 Afsnit 5",
            "Bron Sezon 2 Odcinek 5",
            "Bron Sezon 2 Bölüm 5",
            "Bron Temporada 2 Capítulo 5",
            "Bron Staffel 2 Folge 5",
            "Bron Saison 2 Épisode 5",
            "Bron Stagione 2 Puntata 5",
            "Bron Сезон 2 Серия 5",
            "Bron 第2季 第05話",
        ] {
            assert_eq!(tse(name), (t("Bron"), Some(2), Some(5)), "{name}");
        }
    }

    #[test]
    fn spaced_season_ranges_and_lists() {
        for name in [
            "Americans Season 1 - 3 1080p",
            "Americans Seasons 1 2 3 720p",
            "Americans.Seasons.1-3.720p",
        ] {
            assert_eq!(packs(name), (Some(1), vec![1, 2, 3], None), "{name}");
        }
        // A padded number after ` - ` is the episode.
        assert_eq!(
            packs("Americans Season 2 - 05 720p"),
            (Some(2), vec![], Some(5))
        );
    }
}
