//! Words organize reads from names on its own, in Plex's spelling: edition phrases
//! (`Extended.Directors.Cut` → `Extended Director's Cut`), a country that is part of a
//! show's identity (`US`, `U.S.`, `(UK)`), subtitle languages and flags
//! (`2_English.srt` → `en`, `.forced.en` → `.en.forced`), and Plex's extras folders.

/// Splits a name into lowercase words on separators and brackets.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| {
        matches!(
            c,
            '.' | '_' | ' ' | '-' | '(' | ')' | '[' | ']' | '{' | '}' | ','
        )
    })
    .filter(|w| !w.is_empty())
    .map(|w| w.to_lowercase())
    .collect()
}

/// Edition phrases, longest first, and how Plex shows them.
const EDITIONS: &[(&[&str], &str)] = &[
    (&["extended", "directors", "cut"], "Extended Director's Cut"),
    (
        &["extended", "director's", "cut"],
        "Extended Director's Cut",
    ),
    (
        &["extended", "directors", "edition"],
        "Extended Director's Edition",
    ),
    (&["directors", "cut"], "Director's Cut"),
    (&["director's", "cut"], "Director's Cut"),
    (&["directors", "edition"], "Director's Edition"),
    (&["extended", "edition"], "Extended Edition"),
    (&["extended", "cut"], "Extended Cut"),
    (&["special", "edition"], "Special Edition"),
    (&["theatrical", "cut"], "Theatrical Cut"),
    (&["theatrical", "edition"], "Theatrical Edition"),
    (&["the", "final", "cut"], "Final Cut"),
    (&["final", "cut"], "Final Cut"),
    (&["ultimate", "edition"], "Ultimate Edition"),
    (&["ultimate", "cut"], "Ultimate Cut"),
    (&["collectors", "edition"], "Collector's Edition"),
    (&["collector's", "edition"], "Collector's Edition"),
    (&["anniversary", "edition"], "Anniversary Edition"),
    (&["imax", "edition"], "IMAX Edition"),
    (&["unrated", "edition"], "Unrated Edition"),
    (&["uncut", "edition"], "Uncut Edition"),
    (&["criterion", "collection"], "Criterion Collection"),
    (&["open", "matte"], "Open Matte"),
    (&["alternate", "cut"], "Alternate Cut"),
    (&["alternative", "cut"], "Alternative Cut"),
    (&["rogue", "cut"], "Rogue Cut"),
    (&["black", "and", "chrome"], "Black and Chrome"),
    (&["extended"], "Extended"),
    (&["theatrical"], "Theatrical"),
    (&["redux"], "Redux"),
    (&["imax"], "IMAX"),
    (&["remastered"], "Remastered"),
    (&["unrated"], "Unrated"),
    (&["uncut"], "Uncut"),
    (&["criterion"], "Criterion"),
];

/// The `{edition-…}` value written in braces anywhere in `s`, as written.
pub fn edition_braces(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let at = lower.find("{edition-")?;
    let rest = &s[at + "{edition-".len()..];
    let end = rest.find('}')?;
    let e = rest[..end].trim();
    (!e.is_empty()).then(|| e.to_string())
}

/// The edition a release name spells out after its `year` (or anywhere when it has no
/// year), in Plex's words: braces first, then the longest phrase found.
pub fn edition(stem: &str, year: Option<u16>) -> Option<String> {
    if let Some(e) = edition_braces(stem) {
        return Some(e);
    }
    // Most names have no edition: look for a word of one before splitting.
    let lower = stem.to_ascii_lowercase();
    const KEYS: &[&str] = &[
        "cut",
        "edition",
        "extended",
        "theatrical",
        "redux",
        "imax",
        "remaster",
        "unrated",
        "uncut",
        "criterion",
        "matte",
        "chrome",
    ];
    if !KEYS.iter().any(|k| lower.contains(k)) {
        return None;
    }
    let w = words(stem);
    let from = match year {
        Some(y) => w.iter().rposition(|t| *t == y.to_string())? + 1,
        None => 1,
    };
    // Adjacent phrases are one edition: "Unrated Director's Cut", "Director's Cut Remastered".
    let mut found: Vec<String> = Vec::new();
    let mut i = from;
    while i < w.len() {
        match phrase_at(&w, i, from) {
            Some((n, shown)) => {
                found.push(shown);
                i += n;
            }
            None if found.is_empty() => i += 1,
            None => break,
        }
    }
    (!found.is_empty()).then(|| found.join(" "))
}

/// The edition phrase starting at word `i`: its length in words and Plex's spelling.
fn phrase_at(w: &[String], i: usize, from: usize) -> Option<(usize, String)> {
    for (phrase, shown) in EDITIONS {
        let fits = w.len() - i >= phrase.len()
            && w[i..i + phrase.len()]
                .iter()
                .zip(phrase.iter())
                .all(|(a, b)| a == b);
        if !fits {
            continue;
        }
        // "25th Anniversary Edition": the ordinal belongs to the edition.
        if phrase[0] == "anniversary" && i > from && w[i - 1].ends_with("th") {
            return Some((phrase.len(), format!("{} {shown}", w[i - 1])));
        }
        return Some((phrase.len(), shown.to_string()));
    }
    None
}

/// Countries that tell same-name shows apart, in Plex's folder spelling.
const COUNTRIES: &[(&str, &str)] = &[
    ("us", "US"),
    ("usa", "US"),
    ("u.s.", "US"),
    ("u.s", "US"),
    ("uk", "UK"),
    ("gb", "UK"),
    ("u.k.", "UK"),
    ("u.k", "UK"),
    ("au", "AU"),
    ("nz", "NZ"),
    ("ca", "CA"),
];

/// A country code as Plex's folders write it (`GB` → `UK`, `U.S.` → `US`).
pub fn country(code: &str) -> Option<&'static str> {
    let c = code.trim().to_ascii_lowercase();
    COUNTRIES.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

/// Words after which a trailing `us`/`uk` is a word of the title, not a country.
const NOT_BEFORE_COUNTRY: &[&str] = &[
    "is", "of", "for", "with", "between", "among", "about", "to", "from", "save", "help", "all",
    "them", "let", "like", "without", "under", "against", "before", "after", "behind", "beyond",
    "love", "kill", "leave", "find", "join", "give", "take", "trust", "tell", "show", "watch",
    "inside", "within", "upon", "around", "near", "beside", "above", "over", "by", "on", "in",
    "at",
];

/// A title ending in a country (`The Office US`, `the office u.s.`, `Shameless (UK)`):
/// the title without it and the country. Titles whose last word only looks like one
/// (`This Is Us`) are left alone.
pub fn split_country(title: &str) -> Option<(String, &'static str)> {
    let t = title.trim().trim_end_matches(')');
    let cut = t.rfind([' ', '('])?;
    let last = &t[cut + 1..];
    let c = country(last)?;
    let head = t[..cut].trim_end_matches(['(', ' ']);
    let prev = head.rsplit(' ').next()?.to_ascii_lowercase();
    if head.is_empty() || NOT_BEFORE_COUNTRY.contains(&prev.as_str()) {
        return None;
    }
    Some((head.to_string(), c))
}

/// Languages subtitle names spell out, with their ISO 639-1 code.
const LANGUAGES: &[(&str, &str)] = &[
    ("english", "en"),
    ("eng", "en"),
    ("en", "en"),
    ("french", "fr"),
    ("francais", "fr"),
    ("français", "fr"),
    ("fre", "fr"),
    ("fra", "fr"),
    ("fr", "fr"),
    ("german", "de"),
    ("deutsch", "de"),
    ("ger", "de"),
    ("deu", "de"),
    ("de", "de"),
    ("spanish", "es"),
    ("espanol", "es"),
    ("español", "es"),
    ("spa", "es"),
    ("es", "es"),
    ("italian", "it"),
    ("ita", "it"),
    ("it", "it"),
    ("dutch", "nl"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("nl", "nl"),
    ("portuguese", "pt"),
    ("por", "pt"),
    ("pt", "pt"),
    ("brazilian", "pt-BR"),
    ("pt-br", "pt-BR"),
    ("swedish", "sv"),
    ("swe", "sv"),
    ("sv", "sv"),
    ("danish", "da"),
    ("dan", "da"),
    ("da", "da"),
    ("norwegian", "no"),
    ("nor", "no"),
    ("no", "no"),
    ("finnish", "fi"),
    ("fin", "fi"),
    ("fi", "fi"),
    ("polish", "pl"),
    ("pol", "pl"),
    ("pl", "pl"),
    ("russian", "ru"),
    ("rus", "ru"),
    ("ru", "ru"),
    ("japanese", "ja"),
    ("jpn", "ja"),
    ("ja", "ja"),
    ("chinese", "zh"),
    ("chi", "zh"),
    ("zho", "zh"),
    ("zh", "zh"),
    ("korean", "ko"),
    ("kor", "ko"),
    ("ko", "ko"),
    ("arabic", "ar"),
    ("ara", "ar"),
    ("ar", "ar"),
    ("hebrew", "he"),
    ("heb", "he"),
    ("he", "he"),
    ("greek", "el"),
    ("gre", "el"),
    ("ell", "el"),
    ("el", "el"),
    ("turkish", "tr"),
    ("tur", "tr"),
    ("tr", "tr"),
    ("czech", "cs"),
    ("cze", "cs"),
    ("ces", "cs"),
    ("cs", "cs"),
    ("hungarian", "hu"),
    ("hun", "hu"),
    ("hu", "hu"),
    ("romanian", "ro"),
    ("rum", "ro"),
    ("ron", "ro"),
    ("ro", "ro"),
    ("hindi", "hi"),
    ("hin", "hi"),
    ("thai", "th"),
    ("tha", "th"),
    ("th", "th"),
    ("vietnamese", "vi"),
    ("vie", "vi"),
    ("vi", "vi"),
    ("indonesian", "id"),
    ("ind", "id"),
    ("ukrainian", "uk"),
    ("ukr", "uk"),
];

/// Subtitle flags Plex reads after the language, in its spelling.
const FLAGS: &[(&str, &str)] = &[
    ("forced", "forced"),
    ("sdh", "sdh"),
    ("cc", "cc"),
    ("hi", "sdh"),
    ("default", "default"),
];

fn language(w: &str) -> Option<&'static str> {
    let w = w.to_lowercase();
    LANGUAGES.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn flag(w: &str) -> Option<&'static str> {
    let w = w.to_lowercase();
    FLAGS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Subtitle extensions (with their companions).
pub fn is_subtitle_ext(ext: &str) -> bool {
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "srt" | "ass" | "ssa" | "sub" | "idx" | "vtt" | "smi" | "sup" | "pgs"
    )
}

/// A sidecar suffix in Plex's order: `.forced.en.srt` → `.en.forced.srt`. Suffixes that
/// are not only a language and flags before a subtitle extension are returned as they are.
pub fn plex_suffix(suffix: &str) -> String {
    let Some(body) = suffix.strip_prefix('.') else {
        return suffix.to_string();
    };
    let parts: Vec<&str> = body.split('.').collect();
    let Some((ext, tags)) = parts.split_last() else {
        return suffix.to_string();
    };
    if !is_subtitle_ext(ext) || tags.is_empty() {
        return suffix.to_string();
    }
    let mut lang = None;
    let mut flags = Vec::new();
    for t in tags {
        if let Some(f) = flag(t) {
            flags.push(f);
        } else if lang.is_none() && language(t).is_some() {
            // The language as written when it is a code, else its ISO 639-1 code.
            lang = Some(if t.len() <= 3 {
                t.to_lowercase()
            } else {
                language(t).unwrap_or("").to_string()
            });
        } else {
            return suffix.to_string();
        }
    }
    let mut out = String::new();
    if let Some(l) = lang {
        out.push('.');
        out.push_str(&l);
    }
    for f in flags {
        out.push('.');
        out.push_str(f);
    }
    out.push('.');
    out.push_str(ext);
    out
}

/// The suffix a subtitle from a subtitle folder gets beside its video: the language and
/// flags read from its name (`2_English.srt` → `.en.srt`, `English (Forced).srt` →
/// `.en.forced.srt`), or just its extension.
pub fn subs_folder_suffix(name: &str) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], name[i + 1..].to_ascii_lowercase()),
        _ => (name, String::new()),
    };
    let w = words(stem);
    // A language spelled as a word wins over a two-letter token that may be a title's.
    let lang = w
        .iter()
        .rev()
        .find(|t| t.len() > 3 && language(t).is_some())
        .or_else(|| w.iter().rev().find(|t| language(t).is_some()))
        .and_then(|t| language(t));
    let mut out = String::new();
    if let Some(l) = lang {
        out.push('.');
        out.push_str(l);
    }
    let mut seen = Vec::new();
    for t in &w {
        if let Some(f) = flag(t) {
            let hindi = f == "sdh" && t == "hi" && lang == Some("hi");
            if !seen.contains(&f) && !hindi {
                seen.push(f);
                out.push('.');
                out.push_str(f);
            }
        }
    }
    out.push('.');
    out.push_str(&ext);
    out
}

/// Folders that hold subtitles for the video beside them.
pub fn is_subs_folder(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "subs" | "sub" | "subtitles" | "subtitle" | "subpack"
    )
}

/// Plex's extras folders with the extra kind each holds. `Extras` (not one of Plex's
/// names) holds `other` extras.
pub const EXTRAS_FOLDERS: &[(&str, &str)] = &[
    ("Behind The Scenes", "behindthescenes"),
    ("Deleted Scenes", "deleted"),
    ("Featurettes", "featurette"),
    ("Interviews", "interview"),
    ("Scenes", "scene"),
    ("Shorts", "short"),
    ("Trailers", "trailer"),
    ("Other", "other"),
];

/// The extra kind of a folder name (`featurettes`, `Behind.The.Scenes`, `Extras`).
pub fn extras_folder_kind(name: &str) -> Option<&'static str> {
    let key = name.to_ascii_lowercase().replace(['_', '.', '-'], " ");
    let key = key.trim();
    if matches!(key, "extras" | "extra" | "bonus" | "bonus features") {
        return Some("other");
    }
    if matches!(
        key,
        "featurette" | "trailer" | "interview" | "short" | "deleted scene"
    ) {
        return EXTRAS_FOLDERS
            .iter()
            .find(|(f, _)| f.to_ascii_lowercase().starts_with(key))
            .map(|(_, k)| *k);
    }
    EXTRAS_FOLDERS
        .iter()
        .find(|(f, _)| f.eq_ignore_ascii_case(key))
        .map(|(_, k)| *k)
}

/// Plex's folder for an extra kind.
pub fn extras_folder(kind: &str) -> &'static str {
    EXTRAS_FOLDERS
        .iter()
        .find(|(_, k)| *k == kind)
        .map(|(f, _)| *f)
        .unwrap_or("Other")
}

/// Plex's inline extra suffixes (`Avatar (2009)-trailer.mkv`): the stem without it and
/// the kind.
pub fn split_inline_extra(stem: &str) -> Option<(&str, &'static str)> {
    for (_, kind) in EXTRAS_FOLDERS {
        let n = kind.len() + 1;
        if stem.len() > n {
            let cut = stem.len() - n;
            if stem.is_char_boundary(cut)
                && stem.as_bytes()[cut] == b'-'
                && stem[cut + 1..].eq_ignore_ascii_case(kind)
            {
                return Some((&stem[..cut], kind));
            }
        }
    }
    None
}

/// Whether a file or folder name marks a sample (`Sample/`, `heat.sample.mkv`,
/// `sample-heat.mkv`, `grp-heat-sample.mkv`).
pub fn is_sample(name: &str) -> bool {
    name.split(|c: char| {
        matches!(
            c,
            '.' | '_' | ' ' | '-' | '(' | ')' | '[' | ']' | '{' | '}' | ','
        )
    })
    .any(|w| w.eq_ignore_ascii_case("sample") || w.eq_ignore_ascii_case("samples"))
}

/// Folder art and metadata Plex (and Kodi) read from a movie, show or season folder.
pub fn is_folder_asset(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let (stem, ext) = match lower.rfind('.') {
        Some(i) => (&lower[..i], &lower[i + 1..]),
        None => return false,
    };
    if ext == "nfo" {
        return true;
    }
    if ext == "mp3" && stem == "theme" {
        return true;
    }
    if !matches!(ext, "jpg" | "jpeg" | "png" | "tbn" | "webp") {
        return false;
    }
    const ART: &[&str] = &[
        "poster",
        "fanart",
        "folder",
        "banner",
        "backdrop",
        "background",
        "cover",
        "default",
        "movie",
        "show",
        "art",
        "clearart",
        "clearlogo",
        "logo",
        "landscape",
        "thumb",
        "disc",
        "discart",
        "keyart",
        "season-specials-poster",
        "season-all-poster",
        "season-all-banner",
        "season-all-fanart",
    ];
    if ART.contains(&stem) {
        return true;
    }
    // backdrop1, fanart2, season01-poster, season02-banner, season01.
    let digits_end = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits_end.len() < stem.len() && ["backdrop", "fanart", "season"].contains(&digits_end) {
        return true;
    }
    if let Some(rest) = stem.strip_prefix("season") {
        let n = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        return n.len() < rest.len()
            && matches!(n, "-poster" | "-banner" | "-fanart" | "-landscape");
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_in_full_words() {
        for (name, year, want) in [
            (
                "Movie.2010.Extended.Directors.Cut.1080p",
                Some(2010),
                Some("Extended Director's Cut"),
            ),
            ("Apocalypse.Now.1979.Redux.1080p", Some(1979), Some("Redux")),
            (
                "Aliens.1986.Special.Edition.mkv",
                Some(1986),
                Some("Special Edition"),
            ),
            (
                "Blade.Runner.1982.The.Final.Cut",
                Some(1982),
                Some("Final Cut"),
            ),
            (
                "Movie (2010) {edition-Theatrical Cut}",
                Some(2010),
                Some("Theatrical Cut"),
            ),
            (
                "Jaws.1975.25th.Anniversary.Edition",
                Some(1975),
                Some("25th Anniversary Edition"),
            ),
            ("Final.Cut.2004.1080p", Some(2004), None),
            ("Movie.2010.1080p", Some(2010), None),
            (
                "Watchmen.2009.Unrated.Directors.Cut",
                Some(2009),
                Some("Unrated Director's Cut"),
            ),
        ] {
            assert_eq!(edition(name, year).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn countries_and_subtitles() {
        assert_eq!(
            split_country("the office us"),
            Some(("the office".into(), "US"))
        );
        assert_eq!(
            split_country("The Office U.S."),
            Some(("The Office".into(), "US"))
        );
        assert_eq!(
            split_country("Shameless (UK)"),
            Some(("Shameless".into(), "UK"))
        );
        assert_eq!(split_country("This Is Us"), None);
        assert_eq!(split_country("Us"), None);
        assert_eq!(plex_suffix(".forced.en.srt"), ".en.forced.srt");
        assert_eq!(plex_suffix(".en.sdh.srt"), ".en.sdh.srt");
        assert_eq!(plex_suffix(".English.srt"), ".en.srt");
        assert_eq!(plex_suffix("-poster.jpg"), "-poster.jpg");
        assert_eq!(subs_folder_suffix("2_English.srt"), ".en.srt");
        assert_eq!(subs_folder_suffix("English (Forced).srt"), ".en.forced.srt");
        assert_eq!(subs_folder_suffix("3_French_SDH.srt"), ".fr.sdh.srt");
        assert!(is_folder_asset("season01-poster.jpg"));
        assert!(is_folder_asset("theme.mp3"));
        assert!(is_folder_asset("fanart.jpg"));
        assert!(!is_folder_asset("random.jpg"));
        assert_eq!(
            extras_folder_kind("Behind.The.Scenes"),
            Some("behindthescenes")
        );
        assert_eq!(extras_folder_kind("featurettes"), Some("featurette"));
        assert!(is_sample("heat.1995.sample.mkv") && !is_sample("Sampler.2010.mkv"));
    }
}
