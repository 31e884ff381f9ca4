//! The words the parser knows besides technical tags: season and episode words of every
//! language, months and weekdays, generic and extras folders, containers and other file
//! extensions, web-site domains, and numbers written as words or CJK numerals.

/// Words for "season" in the languages release names use (folded keys).
pub fn is_season_word(k: &str) -> bool {
    matches!(
        k,
        "season"
            | "seasons"
            | "saison"
            | "saisons"
            | "temporada"
            | "temporadas"
            | "temp"
            | "tem"
            | "stagione"
            | "staffel"
            | "seizoen"
            | "sezon"
            | "сезон"
            | "evad"
            | "series"
            | "sasong"
            | "sesong"
            | "saeson"
            | "sezona"
            | "sezonul"
            | "kausi"
            | "stagioni"
            | "staffeln"
            | "сезоны"
    )
}

/// Words for "episode" in the languages release names use (folded keys).
pub fn is_episode_word(k: &str) -> bool {
    matches!(
        k,
        "episode"
            | "episodes"
            | "ep"
            | "episodio"
            | "capitulo"
            | "cap"
            | "folge"
            | "aflevering"
            | "episodul"
            | "odcinek"
            | "эпизод"
            | "серия"
            | "resz"
            | "epizod"
            | "afl"
            | "avsnitt"
            | "afsnit"
            | "puntata"
            | "bolum"
            | "jakso"
            | "epizoda"
            | "episodi"
            | "folgen"
            | "capitulos"
    )
}

/// Words that join two numbers of a list or a range (`Seasons 1 & 2`, `Season 1 to 5`):
/// `true` for a range, `false` for a list, `None` for other words.
pub fn list_joiner(k: &str) -> Option<bool> {
    match k {
        "to" | "a" | "au" | "bis" | "al" => Some(true),
        "&" | "and" | "et" | "y" | "e" | "und" | "en" | "og" | "och" => Some(false),
        _ => None,
    }
}

/// Edition words that are tags even in title case before a year (`Avatar.Extended.2009`);
/// other edition words may end a title there (`The.Collector.2009`).
pub fn is_edition_tag(k: &str) -> bool {
    matches!(
        k,
        "extended" | "remastered" | "unrated" | "uncut" | "redux" | "imax" | "theatrical"
    )
}

/// Tags indexers and reposters put after a release group (`-RP`, `[rarbg]`, `[TGx]`,
/// `-BUYMORE`): not part of the group's name.
pub fn is_indexer_tag(k: &str) -> bool {
    matches!(
        k,
        "rp" | "rarbg"
            | "rartv"
            | "eztv"
            | "eztvx"
            | "ettv"
            | "tgx"
            | "tgxgoodies"
            | "xpost"
            | "postbot"
            | "repost"
            | "obfuscated"
            | "scrambled"
            | "buymore"
            | "asrequested"
            | "rakuv"
            | "vtv"
            | "publichd"
            | "ion10"
    )
}

/// Words that number a film within a series and belong to its title (`Part Two`,
/// `Vol. 2`, `Chapter 3`), unlike disc parts (`CD1`, `pt2`).
pub fn is_title_part(k: &str) -> bool {
    matches!(k, "part" | "vol" | "volume" | "chapter")
}

/// ISO 639-1 codes that subtitle and audio files are tagged with (`Movie.en.srt`,
/// `Movie.pt-BR.srt`), for `language_code`; the table of words names the rest.
const ISO_639_1: &[&str] = &[
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo",
    "es", "et", "eu", "fa", "fi", "fil", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy",
    "id", "is", "it", "ja", "ka", "kk", "km", "kn", "ko", "ku", "lo", "lt", "lv", "mk", "ml", "mn",
    "mr", "ms", "my", "nb", "ne", "nl", "nn", "no", "pa", "pl", "ps", "pt", "ro", "ru", "si", "sk",
    "sl", "sq", "sr", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur", "uz", "vi", "zh", "zu",
];

/// A two-letter language code, as the table's own string.
pub fn iso_639_1(k: &str) -> Option<&'static str> {
    ISO_639_1.iter().copied().find(|c| *c == k)
}

/// Words after which `us` is a pronoun of a title, not the country (`This Is Us`,
/// `Between Us`, `All of Us`).
pub fn is_pronoun_lead(k: &str) -> bool {
    matches!(
        k,
        "is" | "of"
            | "for"
            | "with"
            | "between"
            | "about"
            | "like"
            | "among"
            | "save"
            | "help"
            | "against"
            | "without"
            | "to"
            | "from"
            | "join"
            | "let"
            | "found"
            | "before"
            | "after"
            | "behind"
    )
}

/// Words that put a count after a number (`2 of 5`, `2 de 5`, `2 von 5`).
pub fn is_of_word(k: &str) -> bool {
    matches!(k, "of" | "de" | "di" | "von" | "van" | "din")
}

/// A month named in English, French or German (folded, full or short).
pub fn month(k: &str) -> Option<u32> {
    Some(match k {
        "jan" | "january" | "janvier" | "januar" => 1,
        "feb" | "february" | "fevrier" | "februar" => 2,
        "mar" | "march" | "mars" | "marz" => 3,
        "apr" | "april" | "avril" => 4,
        "may" | "mai" => 5,
        "jun" | "june" | "juin" | "juni" => 6,
        "jul" | "july" | "juillet" | "juli" => 7,
        "aug" | "august" | "aout" => 8,
        "sep" | "sept" | "september" | "septembre" => 9,
        "oct" | "october" | "octobre" | "oktober" => 10,
        "nov" | "november" | "novembre" => 11,
        "dec" | "december" | "decembre" | "dezember" => 12,
        _ => return None,
    })
}

/// A weekday named in English (full or short).
pub fn weekday(k: &str) -> bool {
    matches!(
        k,
        "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// An English article, which moves to the front in `Simpsons, The`.
pub fn is_article(k: &str) -> bool {
    matches!(k, "the" | "a" | "an")
}

/// File extensions that are containers of media or of releases, reported as `container`.
pub fn is_container(ext: &str) -> bool {
    matches!(
        ext,
        "mkv"
            | "mp4"
            | "m4v"
            | "avi"
            | "mov"
            | "wmv"
            | "mpg"
            | "mpeg"
            | "ts"
            | "m2ts"
            | "mts"
            | "webm"
            | "flv"
            | "ogm"
            | "ogv"
            | "divx"
            | "vob"
            | "iso"
            | "3gp"
            | "rmvb"
            | "rm"
            | "asf"
            | "wtv"
            | "f4v"
            | "mk3d"
            | "mka"
            | "m2v"
            | "qt"
            | "srt"
            | "ass"
            | "ssa"
            | "sub"
            | "idx"
            | "vtt"
            | "sup"
            | "smi"
            | "nfo"
            | "torrent"
            | "nzb"
            | "rar"
            | "zip"
            | "7z"
            | "tar"
            | "gz"
            | "bz2"
            | "tgz"
            | "xz"
            | "ace"
            | "arj"
            | "cbz"
            | "cbr"
            | "cb7"
            | "jpg"
            | "jpeg"
            | "png"
            | "bmp"
            | "gif"
            | "tbn"
            | "txt"
            | "sfv"
            | "md5"
            | "par2"
            | "mp3"
            | "flac"
            | "m4a"
            | "aac"
            | "ogg"
            | "wav"
            | "pdf"
            | "epub"
            | "json"
            | "xml"
            | "heic"
            | "webp"
            | "tif"
            | "tiff"
            | "doc"
            | "docx"
            | "log"
            | "db"
            | "exe"
    ) || is_split_archive(ext)
}

/// `r00`, `r01`, ...: the parts of a split RAR archive.
fn is_split_archive(ext: &str) -> bool {
    let b = ext.as_bytes();
    b.len() == 3 && b[0] == b'r' && b[1].is_ascii_digit() && b[2].is_ascii_digit()
}

/// Extensions whose files are certainly not a video or its companion (images, documents):
/// a name with one of these and no release jargon is of unknown kind.
pub fn is_non_media(ext: &str) -> bool {
    matches!(
        ext,
        "jpg"
            | "jpeg"
            | "png"
            | "bmp"
            | "gif"
            | "heic"
            | "webp"
            | "tif"
            | "tiff"
            | "txt"
            | "pdf"
            | "doc"
            | "docx"
            | "log"
            | "db"
            | "exe"
            | "json"
            | "xml"
            | "md5"
            | "sfv"
            | "mp3"
            | "flac"
            | "m4a"
            | "wav"
            | "ogg"
            | "epub"
    )
}

/// Top-level domains that mark a token run as a web site (`www.site.com`, `site.org`).
pub fn is_tld(key: &str) -> bool {
    matches!(
        key,
        "com" | "org" | "ru" | "party" | "vip" | "pics" | "xyz" | "biz"
    )
}

/// Domains that name a web site only inside brackets (`[site.tv]`): outside they are words.
pub fn is_bracket_tld(key: &str) -> bool {
    matches!(
        key,
        "tv" | "net" | "me" | "to" | "io" | "cc" | "info" | "se" | "nl" | "co" | "uk" | "in"
    )
}

/// Plex's folders for a movie's or show's extras (`Featurettes/`, `Behind The Scenes/`).
pub fn is_extras_folder(key: &str) -> bool {
    matches!(
        key,
        "extras"
            | "featurettes"
            | "behind the scenes"
            | "deleted scenes"
            | "interviews"
            | "scenes"
            | "shorts"
            | "trailers"
            | "other"
            | "others"
            | "bonus"
            | "sample"
            | "samples"
    )
}

/// The extra kind, in Plex's suffix words, of an extras folder's folded name; `None` for
/// sample folders.
pub fn extras_folder_kind(key: &str) -> Option<&'static str> {
    match key {
        "featurettes" => Some("featurette"),
        "behind the scenes" => Some("behindthescenes"),
        "deleted scenes" => Some("deleted"),
        "interviews" => Some("interview"),
        "scenes" => Some("scene"),
        "shorts" => Some("short"),
        "trailers" => Some("trailer"),
        "sample" | "samples" => None,
        _ => Some("other"),
    }
}

/// Generic folder names that never carry a title (`Movies`, `TV Shows`, `Downloads`).
pub fn is_generic_folder(key: &str) -> bool {
    matches!(
        key,
        "movies"
            | "movie"
            | "films"
            | "film"
            | "series"
            | "serie"
            | "tv"
            | "tv shows"
            | "tvshows"
            | "tv series"
            | "shows"
            | "show"
            | "videos"
            | "video"
            | "media"
            | "medias"
            | "downloads"
            | "download"
            | "downloads finished"
            | "complete"
            | "completed"
            | "incoming"
            | "torrents"
            | "torrent"
            | "mnt"
            | "home"
            | "volumes"
            | "share"
            | "public"
            | "data"
            | "tmp"
            | "temp"
            | "var"
            | "usr"
            | "srv"
            | "nas"
            | "library"
            | "plex"
            | "anime"
            | "animes"
            | "cartoons"
            | "documentaries"
            | "kids"
            | "unsorted"
            | "new"
            | "sample"
            | "samples"
            | "subs"
            | "subtitles"
            | "extras"
            | "featurettes"
            | "specials"
            | "minisodes"
            | "bonus"
            | "postprocessing"
            | "av"
            | "files"
            | "storage"
            | "disk"
            | "disk1"
            | "disk2"
            | "users"
            | "user"
            | "sitcoms"
            | "uncategorized"
            | "misc"
            | "other"
            | "others"
            | "4k"
            | "hd"
            | "dvd"
            | "bluray"
            | "video ts"
            | "video_ts"
            | "bdmv"
            | "stream"
            | "mydata"
            | "mydatapool"
            | "usenet"
            | "sabnzbd"
            | "nzbget"
            | "transmission"
            | "qbittorrent"
            | "deluge"
            | "utorrent"
            | "recordings"
            | "dvr"
            | "tv recordings"
            | "nosubstvshows"
    )
}

/// The value of a small number written as a word or a roman numeral (`two`, `sept`, `VII`).
pub fn word_number(key: &str) -> Option<u32> {
    let n = match key {
        "one" | "un" | "une" | "eins" | "uno" | "i" => 1,
        "two" | "deux" | "zwei" | "dos" | "due" | "ii" => 2,
        "three" | "trois" | "drei" | "tres" | "tre" | "iii" => 3,
        "four" | "quatre" | "vier" | "cuatro" | "quattro" | "iv" => 4,
        "five" | "cinq" | "funf" | "cinco" | "cinque" | "v" => 5,
        "six" | "sechs" | "seis" | "sei" | "vi" => 6,
        "seven" | "sept" | "sieben" | "siete" | "sette" | "vii" => 7,
        "eight" | "huit" | "acht" | "ocho" | "otto" | "viii" => 8,
        "nine" | "neuf" | "neun" | "nueve" | "nove" | "ix" => 9,
        "ten" | "dix" | "zehn" | "diez" | "dieci" | "x" => 10,
        "eleven" | "onze" | "elf" | "once" | "xi" => 11,
        "twelve" | "douze" | "zwolf" | "doce" | "xii" => 12,
        "xiii" => 13,
        "xiv" => 14,
        "xv" => 15,
        _ => return None,
    };
    Some(n)
}

/// The value of a number written with CJK numerals (`十一`, `二十三`) or digits, short only.
pub fn cjk_number(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    // Counts of seasons and episodes are short; longer runs are not numbers we read.
    if s.chars().count() > 5 {
        return None;
    }
    let mut total = 0u32;
    let mut cur: Option<u32> = None;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if c == '十' {
            total = total.saturating_add(cur.unwrap_or(1).saturating_mul(10));
            cur = None;
        } else if let Some(d) = digit(c) {
            cur = Some(d);
        } else if let Some(d) = c.to_digit(10) {
            cur = Some(cur.unwrap_or(0).saturating_mul(10).saturating_add(d));
        } else {
            return None;
        }
    }
    if !any {
        return None;
    }
    Some(total.saturating_add(cur.unwrap_or(0)))
}
