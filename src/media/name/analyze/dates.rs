//! The dates pass: air dates of daily shows. Numeric dates in any order release names use
//! (`2014.10.31`, `10-11-2008`, `09.03.08`, `Conan 2011 04 18`) and dates with month names
//! or weekdays (`July.30.2021`, `3rd Nov 2014`, `Thu.2.Jan.2025`), reported `YYYY-MM-DD`.

use super::super::tokens::{CLOSE, DASH, DOT, OPEN, SPACE, UNDER};
use super::super::vocab::{month, weekday};
use super::{is_year, num, Comp, Role};

/// A day of the month, maybe with an ordinal suffix (`3rd`, `21st`).
pub(super) fn day_num(k: &str) -> Option<u32> {
    let d = num(k).or_else(|| {
        ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| k.strip_suffix(s).and_then(num))
    })?;
    (1..=31).contains(&d).then_some(d)
}

pub(super) fn valid_date(y: u32, m: u32, d: u32) -> Option<String> {
    if is_year(y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
        Some(format!("{:04}-{:02}-{:02}", y, m, d))
    } else {
        None
    }
}

impl<'a> Comp<'a> {
    /// `YYYYMMDD` and `YYMMDD` written as one number after a show's title
    /// (`The.View.20201013.720p`, `Show.140722.720p`): a date when it is a valid one.
    fn compact_date(&mut self, i: usize) -> Option<usize> {
        let k = self.key(i);
        let b = k.as_bytes();
        if i == 0
            || !matches!(b.len(), 6 | 8)
            || !b.iter().all(u8::is_ascii_digit)
            || self.toks[i].depth > 0
            || self.sep(i) & (DOT | SPACE | UNDER) == 0
            || !self.free(i - 1)
            || self.info.date.is_some()
        {
            return None;
        }
        let v = |r: std::ops::Range<usize>| k[r].parse::<u32>().ok();
        let dt = if b.len() == 8 {
            valid_date(v(0..4)?, v(4..6)?, v(6..8)?)
        } else {
            // Scene daily shows write the year first, in two digits.
            valid_date(2000 + v(0..2)?, v(2..4)?, v(4..6)?)
        }?;
        self.info.date = Some(dt);
        self.claim(i, 1, Role::Date);
        self.mark(i);
        Some(1)
    }

    /// Dates: `2014.10.31`, `10-11-2008`, `09.03.08`, `July.30.2021`, `Thu.2.Jan.2025`.
    pub(super) fn date(&mut self, i: usize) -> Option<usize> {
        if let Some(used) = self.compact_date(i) {
            return Some(used);
        }
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
        // With spaces only year-first dates (`Conan 2011 04 18`) and month-first ones that
        // cannot be read another way (`03 15 2024`): `24 12 2010` is too loose.
        if sep1 == SPACE && self.key(i).len() != 4 {
            let (x, y) = (num(self.key(i))?, num(self.key(i + 1))?);
            let padded = self.key(i).len() == 2 && self.key(i + 1).len() == 2;
            if !(padded && x <= 12 && y > 12 && self.key(i + 2).len() == 4) {
                return None;
            }
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
}

#[cfg(test)]
mod tests {
    use crate::media::name::parse;

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
    fn day_and_month_checks() {
        assert_eq!(super::valid_date(2020, 13, 1), None);
        assert_eq!(super::day_num("21st"), Some(21));
        assert_eq!(super::day_num("32"), None);
    }

    #[test]
    fn daily_show_spellings() {
        for name in [
            "The.View.2020.10.13.720p.HDTV",
            "The.View.2020-10-13.720p",
            "The View 2020 10 13 720p",
            "The.View.13.10.2020.720p",
            "The.View.20201013.720p.HDTV.x264-GRP",
            "The.View.201013.720p.HDTV",
            "The View 10 13 2020 720p",
            "The.View.Oct.13.2020.720p",
        ] {
            let m = parse(name);
            assert_eq!(
                (m.title.as_deref(), m.date.as_deref()),
                (Some("The View"), Some("2020-10-13")),
                "{name}"
            );
        }
        // Not a date: an invalid one, or a number in brackets.
        assert_eq!(parse("Show.201399.720p").date, None);
        assert_eq!(parse("Show [20201013] 720p").date, None);
    }
}
