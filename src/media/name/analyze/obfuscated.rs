//! The clean-up checks: whether a component is a random string (a hash, a UUID,
//! `mxNMuJWeO7PUWCMEw`) or a reversed release name rather than a name to read.

use super::Comp;

/// Random-looking: long, mixing letters and digits with many switches between them
/// (`c48db7d2aeb040e8`, `mxNMuJWeO7PUWCMEw`), or a hash or UUID.
pub(super) fn looks_random(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 16 {
        return false;
    }
    let alnum = b.iter().filter(|c| c.is_ascii_alphanumeric()).count();
    if alnum * 10 < b.len() * 9 {
        // A UUID-like string: hex groups joined by dashes.
        return b.iter().all(|c| c.is_ascii_hexdigit() || *c == b'-')
            && b.iter().filter(|&&c| c == b'-').count() >= 3;
    }
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let mut switches = 0;
    for w in b.windows(2) {
        let kind = |c: u8| {
            if c.is_ascii_digit() {
                0
            } else if c.is_ascii_uppercase() {
                1
            } else {
                2
            }
        };
        if kind(w[0]) != kind(w[1]) {
            switches += 1;
        }
    }
    digits >= 3 && switches * 3 >= b.len()
}

/// Whether a component is a random or reversed string rather than a name.
pub(super) fn obfuscated(s: &str, c: &Comp<'_>) -> bool {
    if c.n() == 1 && looks_random(s) {
        return true;
    }
    if c.n() <= 4
        && c.n() > 0
        && (0..c.n()).all(|i| {
            looks_random(c.text(i))
                || c.text(i).len() >= 6 && c.text(i).bytes().filter(u8::is_ascii_digit).count() >= 3
        })
        && s.len() >= 24
    {
        return true;
    }
    // A reversed release name (`...70E10S.5102.sregnesseM.ehT`).
    (0..c.n()).any(|i| {
        let b = c.key(i).as_bytes();
        (b.len() == 6
            && b[0].is_ascii_digit()
            && b[1].is_ascii_digit()
            && b[2] == b'e'
            && b[3].is_ascii_digit()
            && b[4].is_ascii_digit()
            && b[5] == b's')
            || matches!(c.key(i), "p0801" | "p027" | "p0612")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::name::parse;

    #[test]
    fn reversed_names_are_obfuscated() {
        let m = parse("The.Messengers.2015.S01E07.1080p.WEB-DL.DD5.1.H264.Nlsubs-Q/QoQ-sbuSLN.462.H.1.5DD.LD-BEW.p0801.70E10S.5102.sregnesseM.ehT.mkv");
        assert_eq!(m.title.as_deref(), Some("The Messengers"));
        assert_eq!((m.season, m.episode), (Some(1), Some(7)));
    }

    #[test]
    fn random_strings_are_obfuscated() {
        assert!(looks_random("c48db7d2aeb040e8a920a9fd6effcbf4"));
        assert!(looks_random("mxNMuJWeO7PUWCMEwqKSsS6D8Vs9S6V3PHD"));
        assert!(!looks_random("The.Big.Bang.Theory"));
    }
}
