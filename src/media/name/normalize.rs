//! The match key for titles: one spelling for every way a release writes the same name.
//!
//! `dupes` groups releases and `organize` finds existing folders by this key, so it must
//! not care about case, accents, punctuation, separators, `&` versus `and`, or a leading
//! article: `The.Office.US`, `the office (us)` and `The Office US` all become `office us`.
//! Letters of non-Latin scripts are kept (lowercased), so CJK or Cyrillic titles still get
//! a usable key.

/// What one character folds to: nothing, a separator, or replacement text.
enum Fold {
    Drop,
    Sep,
    Char(char),
    Str(&'static str),
}

/// Folds a lowercase character: Latin accents to their base letter, ligatures spelled out.
fn fold_char(c: char) -> Fold {
    let r = match c {
        'a'..='z' | '0'..='9' => return Fold::Char(c),
        '\'' | '’' | '‘' | '`' | '´' => return Fold::Drop,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ª' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'º' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => return Fold::Str("ss"),
        'æ' => return Fold::Str("ae"),
        'œ' => return Fold::Str("oe"),
        'þ' => return Fold::Str("th"),
        '&' => return Fold::Str(" and "),
        _ if c.is_alphanumeric() => c,
        _ => return Fold::Sep,
    };
    Fold::Char(r)
}

/// Lowercases and folds one character into `out` for a vocabulary key; returns false when
/// the character is a separator (the caller decides what to do).
pub fn push_key_char(c: char, out: &mut String) {
    // Full-width forms (`１５８`, `ＳＯ１`) are their ASCII letters and digits.
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    };
    let lc = c.to_lowercase().next().unwrap_or(c);
    match fold_char(lc) {
        Fold::Char(f) => out.push(f),
        Fold::Str(s) => out.push_str(s.trim()),
        Fold::Drop => out.push('\''),
        Fold::Sep => out.push(lc),
    }
}

/// Articles dropped from the front of a key (`the office` and `office` match).
fn is_article(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "le" | "la" | "les" | "l" | "der" | "die" | "das"
    )
}

/// The match key of a title: folded case, accents and punctuation, `&` as `and`, no
/// leading article, words joined by single spaces. Empty when `s` has no letters or digits.
pub fn normalize_title(s: &str) -> String {
    let mut folded = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        // `&amp;` is how some indexers write `&`.
        if c == '&' && rest.starts_with("&amp;") {
            folded.push_str(" and ");
            rest = &rest[5..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        for lc in c.to_lowercase() {
            match fold_char(lc) {
                Fold::Char(f) => folded.push(f),
                Fold::Str(t) => folded.push_str(t),
                Fold::Drop => {}
                Fold::Sep => folded.push(' '),
            }
        }
    }
    let mut out = String::with_capacity(folded.len());
    let mut words = folded.split_whitespace().peekable();
    if let Some(&first) = words.peek() {
        let mut it = folded.split_whitespace();
        let count = it.by_ref().take(2).count();
        if count > 1 && is_article(first) {
            words.next();
        }
    }
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_title_share_a_key() {
        assert_eq!(normalize_title("The.Office.US"), "office us");
        assert_eq!(normalize_title("the office (us)"), "office us");
        assert_eq!(normalize_title("The Office US"), "office us");
    }

    #[test]
    fn accents_ampersands_and_apostrophes_fold() {
        assert_eq!(
            normalize_title("Bunker Palace Hôtel"),
            "bunker palace hotel"
        );
        assert_eq!(normalize_title("Vita & Virginia"), "vita and virginia");
        assert_eq!(normalize_title("Foo's &amp; Bars"), "foos and bars");
        assert_eq!(
            normalize_title("Marvel’s Agent Carter"),
            "marvels agent carter"
        );
        assert_eq!(normalize_title("Straße"), "strasse");
    }

    #[test]
    fn a_lone_article_is_kept_and_empty_stays_empty() {
        assert_eq!(normalize_title("The"), "the");
        assert_eq!(normalize_title("A Place in the Sun"), "place in the sun");
        assert_eq!(normalize_title(" .-_ "), "");
        assert_eq!(normalize_title("庆余年"), "庆余年");
    }
}
