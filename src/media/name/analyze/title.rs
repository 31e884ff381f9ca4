//! The title-span pass: where a title-like run of words starts and ends, and why it
//! stopped (a year, a marker, jargon, a bracket, a ` - `), trimming weak jargon off its
//! end (`Pacific.Rim.3D.2013` is `Pacific Rim`) and rebuilding its text with readable
//! separators (`Ant-Man`, `S.H.I.E.L.D.`, `Simpsons, The` is `The Simpsons`).

use super::super::tokens::{CLOSE, COMMA, DASH, DOT, OPEN, SPACE, STRONG, UNDER};
use super::super::vocab::{self, is_article, Field};
use super::{is_digits, Comp, Role};

/// What ended a title run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Stop {
    Year,
    Marker,
    Tech,
    Bracket,
    Dash,
    End,
}

impl<'a> Comp<'a> {
    pub(super) fn is_weak(&self, i: usize) -> bool {
        matches!(self.role[i], Role::Vocab(e) if e.weak)
    }

    pub(super) fn weak_field(&self, i: usize) -> Option<Field> {
        match self.role[i] {
            Role::Vocab(e) if e.weak => e.props.first().map(|p| p.0),
            _ => None,
        }
    }

    /// Can token `i` be a title word? (Free, weak jargon, a bare number, a year.)
    pub(super) fn titleish(&self, i: usize) -> bool {
        matches!(self.role[i], Role::Free | Role::Number | Role::Year) || self.is_weak(i)
    }

    /// Rebuilds the text of tokens `a..b` with readable separators (`Ant-Man`, `S.H.I.E.L.D.`,
    /// `Paris 2054, Renaissance`, `Simpsons, The` → `The Simpsons`).
    pub(super) fn join(&self, a: usize, b: usize) -> String {
        // Room for the text and a few widened separators: one allocation, not several.
        let span = if b > a {
            self.toks[b - 1].end - self.toks[a].start
        } else {
            0
        };
        let mut out = String::with_capacity(span + 8);
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
            // `Vol. 2` keeps its period when the name is written with spaces.
            if i + 1 < b && self.sep(i + 1) == DOT | SPACE && vocab::is_title_part(self.key(i)) {
                out.push('.');
            }
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
    pub(super) fn run_end(&self, st: usize, allow_year_first: bool) -> (usize, Stop) {
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
                // A film's `Part Two`, `Vol. 2`, `Chapter 3` is part of its title (`Dune Part
                // Two` is not `Dune`); the part number is reported as well.
                Role::Part if vocab::is_title_part(self.key(j)) => {
                    let mut e = j + 1;
                    while e < n && matches!(self.role[e], Role::Part) && self.sep(e) & DASH == 0 {
                        e += 1;
                    }
                    return (e, Stop::Marker);
                }
                Role::Marker | Role::Date | Role::Part => return (j, Stop::Marker),
                _ if self.titleish(j) => {}
                _ => return (j, Stop::Tech),
            }
            j += 1;
        }
        (n, Stop::End)
    }

    /// Trims trailing weak jargon from a run `st..end` according to what stopped it.
    pub(super) fn trim_weak(&self, st: usize, mut end: usize, stop: Stop, keep: usize) -> usize {
        while end > st + keep {
            let i = end - 1;
            let Some(f) = self.weak_field(i) else { break };
            // A word joined by a dash to the title is part of it: `Shang-Chi`.
            if self.sep(i) == DASH {
                break;
            }
            // Before a year only jargon written as jargon goes: `3D`, `DC`, `OM`, not `Collector`.
            let shouty = self.text(i).bytes().all(|c| !c.is_ascii_lowercase());
            // Scene capitals: `GERMAN`, `iTALiAN`, `MULTi` (more capitals than not).
            let loud = {
                let t = self.text(i).as_bytes();
                let up = t.iter().filter(|c| c.is_ascii_uppercase()).count();
                up * 2 > t.len()
            };
            let strip = match stop {
                Stop::Year => {
                    !self.is_complete(i)
                        && (matches!(f, Field::Edition | Field::Other) && shouty
                            || f == Field::Edition && vocab::is_edition_tag(self.key(i))
                            || f == Field::Language && loud)
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

    pub(super) fn is_complete(&self, i: usize) -> bool {
        matches!(self.role[i], Role::Vocab(e) if e.props.iter().any(|p| p.1 == "Complete"))
    }
}

#[cfg(test)]
mod tests {
    use crate::media::name::parse;

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
    fn joined_text() {
        assert_eq!(
            parse("Marvels.Agents.of.S.H.I.E.L.D.S01E01.720p")
                .title
                .as_deref(),
            Some("Marvels Agents of S.H.I.E.L.D.")
        );
        assert_eq!(
            parse("Simpsons, The S01E01.mkv").title.as_deref(),
            Some("The Simpsons")
        );
    }

    #[test]
    fn tags_before_the_year_are_not_title_words() {
        for (name, title, edition) in [
            (
                "Avatar.Extended.2009.1080p.BluRay",
                "Avatar",
                Some("Extended"),
            ),
            ("Avatar.EXTENDED.2009.1080p", "Avatar", Some("Extended")),
            ("Tenet.IMAX.2020.2160p.WEB-DL", "Tenet", Some("IMAX")),
            ("Aliens.Remastered.1986.1080p", "Aliens", Some("Remastered")),
            (
                "Apocalypse.Now.Redux.1979.1080p",
                "Apocalypse Now",
                Some("Redux"),
            ),
            ("Lola.rennt.GERMAN.1998.DVDRip", "Lola rennt", None),
            ("Volver.SPANiSH.2006.720p.BluRay", "Volver", None),
            ("Coco.MULTi.2017.1080p.BluRay", "Coco", None),
        ] {
            let m = parse(name);
            assert_eq!(
                (m.title.as_deref(), m.edition.as_deref()),
                (Some(title), edition),
                "{name}"
            );
        }
        // Words that are also title words stay when written as such.
        assert_eq!(
            parse("The.Collector.2009.1080p").title.as_deref(),
            Some("The Collector")
        );
    }

    #[test]
    fn one_bracketed_word_inside_a_title() {
        for name in [
            "Evangelion 1.11 You Are (Not) Alone 2007",
            "Evangelion 1.11 You Are (Not) Alone (2007) 1080p",
            "Evangelion.1.11.You.Are.Not.Alone.2007.1080p.BluRay",
        ] {
            assert_eq!(
                parse(name).title.as_deref(),
                Some("Evangelion 1.11 You Are Not Alone"),
                "{name}"
            );
        }
        // A bracketed other title at the end is dropped.
        assert_eq!(
            parse("La Defense Lincoln (The Lincoln Lawyer) 2011 [DVDRIP]")
                .title
                .as_deref(),
            Some("La Defense Lincoln")
        );
    }
}
