//! Splits one path component into word tokens and records what separated them.
//!
//! Release names use `.`, `_`, spaces and dashes interchangeably as word separators,
//! brackets for groups (`[Group]`, `(2009)`), and a dash between spaces (` - `) to split
//! a name into parts (`Show - S01E02 - Title`). The parser needs to know which of these
//! stood between two words, so each token carries a set of separator flags for the run of
//! separator characters before it, and the bracket depth it sits at. Tokens are byte
//! ranges into the input: tokenizing never allocates beyond the output vector.

/// A space (or tab, or ideographic space) came before the token.
pub const SPACE: u16 = 1;
/// A dot came before the token.
pub const DOT: u16 = 1 << 1;
/// An underscore came before the token.
pub const UNDER: u16 = 1 << 2;
/// A single dash joined the token to the previous one (`WEB-DL`, `x264-GROUP`).
pub const DASH: u16 = 1 << 3;
/// A dash between spaces or other separators (` - `, `.-.`), or `~`: a part boundary.
pub const STRONG: u16 = 1 << 4;
/// A comma came before the token.
pub const COMMA: u16 = 1 << 5;
/// A plus came before the token (`ENG+FR`, `S01E01+02`).
pub const PLUS: u16 = 1 << 6;
/// An opening bracket came before the token.
pub const OPEN: u16 = 1 << 7;
/// A closing bracket came before the token.
pub const CLOSE: u16 = 1 << 8;
/// Some other separator (`*`, `;`, `:`, `=`, a control character) came before the token.
pub const OTHER: u16 = 1 << 9;
/// A `*` or `×` stood alone between the tokens (`720 * 432`).
pub const TIMES: u16 = 1 << 10;
/// A `~` came before the token (`01~10`, a range in fansub batches); also `STRONG`.
pub const TILDE: u16 = 1 << 11;

/// One word of a name.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Separator flags for what stood before this token (0: glued to the previous one).
    pub sep: u16,
    /// Bracket nesting depth (0 = outside any bracket).
    pub depth: u8,
    /// Which top-level bracket group the token is in (0 = none); groups count from 1.
    pub group: u16,
}

impl Tok {
    /// The token's text within `s`.
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}

fn open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '【' | '「' | '『' | '（' | '［')
}

fn close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '】' | '」' | '』' | '）' | '］')
}

/// ASCII separators, as a table: the tokenizer asks for every character.
const ASCII_SEP: [bool; 128] = {
    let mut t = [false; 128];
    let seps = b" \t._,~*|=#:\"<>?/\\`^-()[]{}";
    let mut i = 0;
    while i < seps.len() {
        t[seps[i] as usize] = true;
        i += 1;
    }
    let mut c = 0;
    while c < 32 {
        t[c] = true;
        c += 1;
    }
    t[127] = true;
    t
};

fn plain_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '.'
            | '_'
            | ','
            | '~'
            | '*'
            | '|'
            | '='
            | '#'
            | ':'
            | '"'
            | '<'
            | '>'
            | '?'
            | '/'
            | '\\'
            | '\u{3000}'
            | '×'
            | '`'
            | '^'
            | '¦'
    ) || c.is_control()
}

#[inline]
fn is_sep(c: char) -> bool {
    if c.is_ascii() {
        return ASCII_SEP[c as usize];
    }
    plain_sep(c) || open_bracket(c) || close_bracket(c)
}

/// CJK counters that end a number word (`第3話`, `第二季`): the token ends after them.
fn cjk_counter(c: char) -> bool {
    matches!(c, '季' | '話' | '话' | '集' | '期' | '部')
}

/// Tokenizes `s` into `out` (cleared first).
pub fn tokenize(s: &str, out: &mut Vec<Tok>) {
    out.clear();
    let mut depth: u8 = 0;
    let mut group: u16 = 0;
    let mut groups: u16 = 0;
    // The separator run before the token being read.
    let mut sep: u16 = 0;
    let mut dashes = 0u32;
    let mut tok_start: Option<usize> = None;
    let mut tok_depth = 0u8;
    let mut tok_group = 0u16;
    let mut tok_sep = 0u16;
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();

    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        // '+' stays inside a word when it ends one (`DD+`, `HDR10+`) or sits between a
        // letter and a digit (`DD+5.1`); elsewhere it separates (`ENG+FR`, `E01+02`).
        let plus_in_word = c == '+'
            && tok_start.is_some()
            && (next.is_none_or(is_sep)
                || (prev.is_some_and(|p| p.is_ascii_alphabetic())
                    && next.is_some_and(|n| n.is_ascii_digit())));
        let separator = (is_sep(c) || c == '+') && !plus_in_word;
        if separator {
            if let Some(st) = tok_start.take() {
                out.push(Tok {
                    start: st,
                    end: i,
                    sep: tok_sep,
                    depth: tok_depth,
                    group: tok_group,
                });
                sep = 0;
                dashes = 0;
            }
            match c {
                ' ' | '\t' | '\u{3000}' => sep |= SPACE,
                '.' => sep |= DOT,
                '_' => sep |= UNDER,
                ',' => sep |= COMMA,
                '+' => sep |= PLUS,
                '-' => dashes += 1,
                '~' => sep |= STRONG | TILDE,
                '|' => sep |= STRONG,
                '*' | '×' => sep |= TIMES,
                _ if open_bracket(c) => {
                    sep |= OPEN;
                    if depth == 0 {
                        groups = groups.wrapping_add(1).max(1);
                        group = groups;
                    }
                    depth = depth.saturating_add(1);
                }
                _ if close_bracket(c) => {
                    if depth > 0 {
                        sep |= CLOSE;
                        depth -= 1;
                        if depth == 0 {
                            group = 0;
                        }
                    } else {
                        sep |= OTHER;
                    }
                }
                _ => sep |= OTHER,
            }
            if dashes > 0 {
                // A lone dash joins words; a dash with other separators, or several
                // dashes, splits the name into parts.
                let spaced = sep & (SPACE | DOT | UNDER) != 0;
                if dashes > 1 || spaced {
                    sep |= STRONG;
                    sep &= !DASH;
                } else if sep & STRONG == 0 {
                    sep |= DASH;
                }
            }
        } else {
            // '第' starts a new word even when glued to the previous one (`庆余年第二季`).
            if c == '第' {
                if let Some(st) = tok_start.take() {
                    out.push(Tok {
                        start: st,
                        end: i,
                        sep: tok_sep,
                        depth: tok_depth,
                        group: tok_group,
                    });
                    sep = 0;
                }
            }
            if tok_start.is_none() {
                tok_start = Some(i);
                tok_sep = sep;
                tok_depth = depth;
                tok_group = group;
            }
            if cjk_counter(c) {
                let end = i + c.len_utf8();
                if let Some(st) = tok_start.take() {
                    out.push(Tok {
                        start: st,
                        end,
                        sep: tok_sep,
                        depth: tok_depth,
                        group: tok_group,
                    });
                }
                sep = 0;
                dashes = 0;
            }
        }
        prev = Some(c);
    }
    if let Some(st) = tok_start {
        out.push(Tok {
            start: st,
            end: s.len(),
            sep: tok_sep,
            depth: tok_depth,
            group: tok_group,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(String, u16)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| (t.text(s).to_string(), t.sep)).collect()
    }

    #[test]
    fn separators_are_recorded() {
        let w = words("Show.Name - S01E02-E03 [720p]");
        assert_eq!(w[0], ("Show".into(), 0));
        assert_eq!(w[1], ("Name".into(), DOT));
        assert_eq!(w[2], ("S01E02".into(), SPACE | STRONG));
        assert_eq!(w[3], ("E03".into(), DASH));
        assert_eq!(w[4], ("720p".into(), SPACE | OPEN));
    }

    #[test]
    fn plus_joins_or_splits() {
        let w = words("DD+5.1 ENG+FR HDR10+ S01E01+02");
        let t: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(t, ["DD+5", "1", "ENG", "FR", "HDR10+", "S01E01", "02"]);
    }

    #[test]
    fn cjk_counters_split() {
        let w = words("庆余年第十一季 第二十三集");
        let t: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(t, ["庆余年", "第十一季", "第二十三集"]);
    }

    #[test]
    fn brackets_nest_and_unbalanced_closers_are_harmless() {
        let mut v = Vec::new();
        tokenize("a [b (c)] d ))) [[[[(((", &mut v);
        assert_eq!(v.len(), 4);
        assert_eq!((v[1].depth, v[1].group), (1, 1));
        assert_eq!((v[2].depth, v[2].group), (2, 1));
        assert_eq!((v[3].depth, v[3].group), (0, 0));
    }
}
