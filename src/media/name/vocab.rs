//! The release-naming vocabulary: which words mean a source, a codec, an edition, a
//! language, and so on, in guessit's value names.
//!
//! Words are looked up by a folded key (ASCII lowercase, Latin accents removed, the
//! tokens of a multi-word phrase joined by one space), so `WEB-DL`, `web.dl` and `Web DL`
//! all hit the entry `web dl`. The table is built once into a hash map; a lookup costs a
//! hash of a few bytes and never allocates.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The field a vocabulary word sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `screen_size`
    ScreenSize,
    /// `source`
    Source,
    /// `video_codec`
    VideoCodec,
    /// `audio_codec`
    AudioCodec,
    /// `audio_channels`
    AudioChannels,
    /// `edition`
    Edition,
    /// `other`
    Other,
    /// `language`
    Language,
    /// `subtitle_language`
    SubtitleLanguage,
    /// A country code that trails a show name (`The Office US`); kept out of the title.
    Country,
    /// A container named inside the name (`...HDTV.x264.MP4-GRP`), when there is no extension.
    Container,
    /// A word that is release jargon but sets nothing we report (bit depth, `HQ`, `Dubbed`).
    Noise,
}

/// One vocabulary entry: what it sets and how sure we are that it is jargon.
#[derive(Debug)]
pub struct Entry {
    /// The fields and values this word sets.
    pub props: &'static [(Field, &'static str)],
    /// A weak word (`Extended`, `French`, `DC`) is also an ordinary word; it counts as
    /// jargon only outside a title, see the title rules in `analyze`.
    pub weak: bool,
}

use Field::*;

type P = &'static [(Field, &'static str)];

// Strong entries: these words (or phrases) are never part of a title in practice.
const STRONG: &[(&str, P)] = &[
    // screen sizes that are not plain `NNNp` (those are parsed numerically)
    ("4k|uhd 4k", &[(ScreenSize, "2160p")]),
    // sources
    (
        "bluray|blu ray|bdrip25|bd25|bd50|bd5|bd9|bdr|bdremux",
        &[(Source, "Blu-ray")],
    ),
    (
        "bdrip|bd rip|blurayrip|bluray rip",
        &[(Source, "Blu-ray"), (Other, "Rip")],
    ),
    (
        "brrip|br rip",
        &[(Source, "Blu-ray"), (Other, "Reencoded"), (Other, "Rip")],
    ),
    (
        "bdmux|bluraymux|bluray mux",
        &[(Source, "Blu-ray"), (Other, "Mux")],
    ),
    (
        "brmux",
        &[(Source, "Blu-ray"), (Other, "Reencoded"), (Other, "Mux")],
    ),
    (
        "bdripmux",
        &[(Source, "Blu-ray"), (Other, "Rip"), (Other, "Mux")],
    ),
    (
        "brripmux",
        &[
            (Source, "Blu-ray"),
            (Other, "Reencoded"),
            (Other, "Rip"),
            (Other, "Mux"),
        ],
    ),
    ("hddvd|hd dvd", &[(Source, "HD-DVD")]),
    ("hddvdrip|hd dvdrip", &[(Source, "HD-DVD"), (Other, "Rip")]),
    (
        "dvd|dvdr|dvd r|dvd5|dvd9|video ts|video_ts|ntsc dvd|pal dvd",
        &[(Source, "DVD")],
    ),
    (
        "dvdrip|dvd rip|dvdriprip",
        &[(Source, "DVD"), (Other, "Rip")],
    ),
    ("dvdmux", &[(Source, "DVD"), (Other, "Mux")]),
    (
        "dvdscr|dvd scr|dvdscreener",
        &[(Source, "DVD"), (Other, "Screener")],
    ),
    ("dvdivx", &[(VideoCodec, "DivX")]),
    ("hdtv", &[(Source, "HDTV")]),
    ("hdtvmux", &[(Source, "HDTV"), (Other, "Mux")]),
    ("hdtvrip|hdtv rip", &[(Source, "HDTV"), (Other, "Rip")]),
    ("pdtv|dvb|dvbrip|dtv|dsr|dth", &[(Source, "Digital TV")]),
    ("sdtv", &[(Source, "TV")]),
    ("tvrip|tv rip", &[(Source, "TV"), (Other, "Rip")]),
    (
        "dsrip|satrip|sat rip|ds rip",
        &[(Source, "Satellite"), (Other, "Rip")],
    ),
    ("web dl|webdl|webhd|webuhd|web hd", &[(Source, "Web")]),
    (
        "dlmux|dl mux|webmux|web mux",
        &[(Source, "Web"), (Other, "Mux")],
    ),
    (
        "webrip|web rip|web dlrip|webdlrip|webcap|web cap",
        &[(Source, "Web"), (Other, "Rip")],
    ),
    ("vhs", &[(Source, "VHS")]),
    ("vhsrip|vhs rip", &[(Source, "VHS"), (Other, "Rip")]),
    ("hdcam", &[(Source, "Camera"), (Other, "HD")]),
    ("camrip|cam rip", &[(Source, "Camera"), (Other, "Rip")]),
    ("telesync|hdts|hd ts|hdtelesync", &[(Source, "HD Telesync")]),
    ("telecine|hdtc", &[(Source, "Telecine")]),
    (
        "dmrip|dm rip",
        &[(Source, "Digital Master"), (Other, "Rip")],
    ),
    (
        "ldrip|ld rip|laserdisc|laser disc",
        &[(Source, "Laserdisc")],
    ),
    ("ppv|ppvrip", &[(Source, "Pay-per-view")]),
    ("vodrip|vod", &[(Source, "Video on Demand")]),
    ("hdrip|hd rip", &[(Other, "HD"), (Other, "Rip")]),
    ("scr|screener", &[(Other, "Screener")]),
    ("r5", &[(Other, "Region 5")]),
    // video codecs
    (
        "x264|h264|h 264|x 264|avc|avchd|avc1",
        &[(VideoCodec, "H.264")],
    ),
    (
        "x265|h265|h 265|x 265|hevc|hevc10|hevc 10bit",
        &[(VideoCodec, "H.265")],
    ),
    ("xvid", &[(VideoCodec, "Xvid")]),
    ("divx", &[(VideoCodec, "DivX")]),
    (
        "mpeg2|mpeg 2|mpg2|h262|h 262|mpeg2video",
        &[(VideoCodec, "MPEG-2")],
    ),
    ("vc1|vc 1|wvc1", &[(VideoCodec, "VC-1")]),
    ("h263|h 263", &[(VideoCodec, "H.263")]),
    ("vp9|vp 9", &[(VideoCodec, "VP9")]),
    ("vp8", &[(VideoCodec, "VP8")]),
    ("av1", &[(VideoCodec, "AV1")]),
    (
        "rv10|rv20|rv30|rv40|realvideo",
        &[(VideoCodec, "RealVideo")],
    ),
    // audio codecs
    (
        "ac3|dd|dolby digital|ac3d|ac 3",
        &[(AudioCodec, "Dolby Digital")],
    ),
    (
        "eac3|e ac3|ddp|dd+|ddplus|dolby digital plus",
        &[(AudioCodec, "Dolby Digital Plus")],
    ),
    ("dts", &[(AudioCodec, "DTS")]),
    (
        "dtshd|dts hd|dts hd ma|dtsma|dts ma|dts hdma|dts hd hra|dts hra|dtshr",
        &[(AudioCodec, "DTS-HD")],
    ),
    ("dts x|dtsx", &[(AudioCodec, "DTS:X")]),
    (
        "truehd|true hd|dolby truehd",
        &[(AudioCodec, "Dolby TrueHD")],
    ),
    ("atmos|dolby atmos", &[(AudioCodec, "Dolby Atmos")]),
    (
        "aac|he aac|lc aac|heaac|aaclc|aac lc",
        &[(AudioCodec, "AAC")],
    ),
    ("flac", &[(AudioCodec, "FLAC")]),
    ("lpcm", &[(AudioCodec, "LPCM")]),
    ("pcm", &[(AudioCodec, "PCM")]),
    ("mp3|lame", &[(AudioCodec, "MP3")]),
    ("mp2", &[(AudioCodec, "MP2")]),
    ("vorbis|ogg vorbis", &[(AudioCodec, "Vorbis")]),
    // audio channels spelled as words
    ("6ch|6 ch|5 1ch|5 1 ch", &[(AudioChannels, "5.1")]),
    ("8ch|8 ch|7 1ch", &[(AudioChannels, "7.1")]),
    ("2ch|2 ch|stereo|2 0ch", &[(AudioChannels, "2.0")]),
    ("1ch|mono", &[(AudioChannels, "1.0")]),
    // other
    (
        "repack|rerip|proper|repack2|repack3|proper2",
        &[(Other, "Proper")],
    ),
    ("remux", &[(Other, "Remux")]),
    ("mux", &[(Other, "Mux")]),
    ("readnfo|read nfo|read the nfo", &[(Other, "Read NFO")]),
    (
        "nfofix|prooffix|dirfix|syncfix|samplefix",
        &[(Other, "Fix")],
    ),
    ("reenc|re enc|reencoded|re encoded", &[(Other, "Reencoded")]),
    ("hdr|hdr10|hdr 10", &[(Other, "HDR10")]),
    ("hdr10+|hdr10plus|hdr10 plus", &[(Other, "HDR10+")]),
    ("dolby vision|dovi|dv hdr", &[(Other, "Dolby Vision")]),
    ("sdr", &[(Other, "Standard Dynamic Range")]),
    ("bt2020|bt 2020", &[(Other, "BT.2020")]),
    ("hfr", &[(Other, "High Frame Rate")]),
    ("hsbs|half sbs|h sbs", &[(Other, "Half Side By Side")]),
    ("hou|half ou|h ou", &[(Other, "Half Over Under")]),
    ("vr180|vr 180|vr360|vr 360", &[(Other, "Virtual Reality")]),
    ("fastsub", &[(Other, "Fast Subtitled")]),
    ("fansub", &[(Other, "Fan Subtitled")]),
    ("mhd|hdlight|micro hd|microhd", &[(Other, "Micro HD")]),
    ("fhd|fullhd|full hd", &[(Other, "Full HD")]),
    ("ituneshd|amazonhd|hditunes", &[(Other, "HD")]),
    ("netflixuhd", &[(Other, "Ultra HD")]),
    ("upscaled|upscale", &[(Other, "Upscaled")]),
    ("preair", &[(Other, "Preair")]),
    ("nced|ncop", &[(Other, "Creditless")]),
    (
        "oped",
        &[(Other, "Opening Credits"), (Other, "Ending Credits")],
    ),
    ("obfuscated|scrambled", &[(Other, "Obfuscated")]),
    ("asrequested|postbot|xpost|repost", &[(Other, "Repost")]),
    ("docu|doku|documentary", &[(Other, "Documentary")]),
    ("stv", &[(Other, "Straight to Video")]),
    (
        "west feed|west coast feed|westcoastfeed",
        &[(Other, "West Coast Feed")],
    ),
    (
        "east feed|east coast feed|eastcoastfeed",
        &[(Other, "East Coast Feed")],
    ),
    (
        "dual audio|dualaudio|dublado|dual subtitulos",
        &[(Other, "Dual Audio")],
    ),
    (
        "hardsub|hardsubs|hardcoded",
        &[(Other, "Hardcoded Subtitles")],
    ),
    ("oad|ova|oav", &[(Other, "Original Animation DVD")]),
    // editions
    (
        "director's cut|directors cut|director cut|director's edition|directors edition|dircut",
        &[(Edition, "Director's Cut")],
    ),
    (
        "extended cut|extended edition|extended version",
        &[(Edition, "Extended")],
    ),
    (
        "theatrical cut|theatrical edition|theatrical version",
        &[(Edition, "Theatrical")],
    ),
    (
        "alternative cut|alternate cut|alternative version|alternate version",
        &[(Edition, "Alternative Cut")],
    ),
    ("ultimate edition|ultimate cut", &[(Edition, "Ultimate")]),
    ("special edition", &[(Edition, "Special")]),
    (
        "collector's edition|collectors edition|edition collector|collector edition",
        &[(Edition, "Collector")],
    ),
    (
        "criterion collection|criterion edition",
        &[(Edition, "Criterion")],
    ),
    ("limited edition", &[(Edition, "Limited")]),
    ("deluxe edition", &[(Edition, "Deluxe")]),
    ("final cut", &[(Edition, "Final Cut")]),
    ("imax edition", &[(Edition, "IMAX")]),
    ("uncut", &[(Edition, "Uncut")]),
    // noise that looks like words but is release jargon
    (
        "10bit|10 bit|8bit|8 bit|12bit|12 bit|hi10p|hi10|10bits|8bits|yuv420p10|hi444pp",
        &[(Noise, "")],
    ),
    (
        "subbed|dubbed|subtitles|subtitled|legendado|legendas|legenda|subtitulado|subs|dub",
        &[(Noise, "")],
    ),
    (
        "dxva|hq|lq|subforced|esub|esubs|multisub|multisubs",
        &[(Noise, "")],
    ),
    ("mp4", &[(Container, "mp4")]),
    ("mkv", &[(Container, "mkv")]),
    ("avi", &[(Container, "avi")]),
    ("wmv", &[(Container, "wmv")]),
    ("vostfr|vost fr|stfr", &[(SubtitleLanguage, "fr")]),
    ("vost|vosten", &[(SubtitleLanguage, "en")]),
    ("nlsubs|nl subs|nlsub", &[(SubtitleLanguage, "nl")]),
    ("swesub|swesubs|swe sub", &[(SubtitleLanguage, "sv")]),
    ("hebsubs|hebsub", &[(SubtitleLanguage, "he")]),
    ("engsub|engsubs|eng subs", &[(SubtitleLanguage, "en")]),
    ("truefrench|vff|vfq|vf2|vfi", &[(Language, "fr")]),
];

// Weak entries: jargon after the title, ordinary words inside one.
const WEAK: &[(&str, P)] = &[
    ("web", &[(Source, "Web")]),
    ("tv", &[(Source, "TV")]),
    ("opus", &[(AudioCodec, "Opus")]),
    ("fix", &[(Other, "Fix")]),
    ("dual", &[(Other, "Dual Audio")]),
    ("hc", &[(Other, "Hardcoded Subtitles")]),
    ("xxx", &[(Other, "XXX")]),
    ("custom|forced|chapters|dolby|audio|sdh", &[(Noise, "")]),
    ("the complete", &[(Other, "Complete")]),
    ("cam", &[(Source, "Camera")]),
    ("ts", &[(Source, "Telesync")]),
    ("tc", &[(Source, "Telecine")]),
    ("dm", &[(Source, "Digital Master")]),
    ("bd", &[(Source, "Blu-ray")]),
    ("uhd", &[(Other, "Ultra HD")]),
    ("hd", &[(Other, "HD")]),
    ("hr", &[(Other, "High Resolution")]),
    ("3d", &[(Other, "3D")]),
    ("sbs", &[(Other, "Side By Side")]),
    ("hybrid", &[(Other, "Hybrid")]),
    (
        "complete|integrale|l'integrale|coffret|complet",
        &[(Other, "Complete")],
    ),
    ("internal", &[(Other, "Internal")]),
    ("sample", &[(Other, "Sample")]),
    ("proof", &[(Other, "Proof")]),
    ("bonus", &[(Other, "Bonus")]),
    ("extras", &[(Other, "Extras")]),
    ("ntsc", &[(Other, "NTSC")]),
    ("pal", &[(Other, "PAL")]),
    ("secam", &[(Other, "SECAM")]),
    ("ws|widescreen", &[(Other, "Widescreen")]),
    ("fs|fullscreen", &[(Other, "Fullscreen")]),
    ("md", &[(Other, "Mic Dubbed")]),
    ("ld|line", &[(Other, "Line Audio")]),
    ("om|open matte|openmatte", &[(Other, "Open Matte")]),
    ("vo", &[(Other, "Original Video")]),
    ("dv", &[(Other, "Dolby Vision")]),
    ("vr", &[(Other, "Virtual Reality")]),
    ("creditless", &[(Other, "Creditless")]),
    ("retail", &[(Other, "Retail")]),
    ("festival", &[(Edition, "Festival")]),
    ("limited", &[(Edition, "Limited")]),
    ("extended", &[(Edition, "Extended")]),
    ("unrated", &[(Edition, "Unrated")]),
    ("uncensored", &[(Edition, "Uncensored")]),
    ("remastered|remaster", &[(Edition, "Remastered")]),
    ("restored", &[(Edition, "Restored")]),
    ("theatrical", &[(Edition, "Theatrical")]),
    ("criterion", &[(Edition, "Criterion")]),
    ("collector|collectors", &[(Edition, "Collector")]),
    ("ultimate", &[(Edition, "Ultimate")]),
    ("imax", &[(Edition, "IMAX")]),
    ("dc", &[(Edition, "Director's Cut")]),
    ("alternative|alternate", &[(Edition, "Alternative Cut")]),
    ("edition|cut|version|dl|miniseries|clean", &[(Noise, "")]),
    ("us|usa", &[(Country, "US")]),
    ("uk|gb", &[(Country, "GB")]),
    ("au", &[(Country, "AU")]),
    ("nz", &[(Country, "NZ")]),
    ("ca", &[(Country, "CA")]),
    // languages (ISO 639-1 codes out; `mul` for multi-language releases)
    ("english|eng|en", &[(Language, "en")]),
    ("french|fre|fra|fr|francais|vf|vostfr", &[(Language, "fr")]),
    ("german|ger|deu|deutsch", &[(Language, "de")]),
    ("italian|ita|italiano", &[(Language, "it")]),
    (
        "spanish|spa|esp|espanol|castellano|latino",
        &[(Language, "es")],
    ),
    ("portuguese|por|portugues|pt", &[(Language, "pt")]),
    ("russian|rus|ru", &[(Language, "ru")]),
    ("japanese|jap|jpn|jp", &[(Language, "ja")]),
    ("korean|kor", &[(Language, "ko")]),
    (
        "chinese|chi|chs|cht|mandarin|cantonese",
        &[(Language, "zh")],
    ),
    ("hindi|hin", &[(Language, "hi")]),
    ("tamil|tam", &[(Language, "ta")]),
    ("telugu|tel", &[(Language, "te")]),
    ("dutch|nld|flemish|nl", &[(Language, "nl")]),
    ("swedish|swe", &[(Language, "sv")]),
    ("norwegian|nor", &[(Language, "no")]),
    ("danish|dan", &[(Language, "da")]),
    ("finnish|fin", &[(Language, "fi")]),
    ("polish|pol|pl", &[(Language, "pl")]),
    ("hungarian|hun", &[(Language, "hu")]),
    ("czech|cze|ces", &[(Language, "cs")]),
    ("greek|gre|ell", &[(Language, "el")]),
    ("turkish|tur", &[(Language, "tr")]),
    ("arabic|ara", &[(Language, "ar")]),
    ("hebrew|heb", &[(Language, "he")]),
    ("catalan|cat", &[(Language, "ca")]),
    ("romanian|rom|ron", &[(Language, "ro")]),
    ("ukrainian|ukr", &[(Language, "uk")]),
    ("thai", &[(Language, "th")]),
    ("vietnamese|vie", &[(Language, "vi")]),
    (
        "multi|multilang|multilanguage|multi lang",
        &[(Language, "mul")],
    ),
    // Streaming services: guessit's `streaming_service` is not in our API; known, so they
    // are neither title nor group words.
    (
        "amzn|dsnp|hulu|atvp|hmax|nf|pcok|pmtp|crav|dcu|vudu|itunes",
        &[(Noise, "")],
    ),
];

/// A small, fast hasher for the short ASCII keys of the tables (FNV-1a).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// One key of the table: the entry it names (if any) and, when the key is the first word
/// of phrases, the longest phrase length. One hash lookup answers both questions.
#[derive(Default)]
struct Slot {
    entry: Option<Entry>,
    phrase: u8,
}

fn tables() -> &'static Map<Slot> {
    static T: OnceLock<Map<Slot>> = OnceLock::new();
    T.get_or_init(|| {
        let mut map: Map<Slot> = Map::default();
        for (list, weak) in [(STRONG, false), (WEAK, true)] {
            for (pats, props) in list {
                for pat in pats.split('|') {
                    let n = pat.split(' ').count() as u8;
                    if n > 1 {
                        let head = pat.split(' ').next().unwrap_or(pat);
                        let slot = map.entry(head).or_default();
                        slot.phrase = slot.phrase.max(n);
                    }
                    // The first definition wins, so strong entries shadow weak ones.
                    let slot = map.entry(pat).or_default();
                    if slot.entry.is_none() {
                        slot.entry = Some(Entry { props, weak });
                    }
                }
            }
        }
        map
    })
}

/// The entry for a folded key (one word, or words joined by single spaces).
pub fn lookup(key: &str) -> Option<&'static Entry> {
    tables().get(key).and_then(|s| s.entry.as_ref())
}

/// The entry for a folded word and the longest phrase (in words) starting with it (0: none).
pub fn word(key: &str) -> (Option<&'static Entry>, usize) {
    match tables().get(key) {
        Some(s) => (s.entry.as_ref(), s.phrase as usize),
        None => (None, 0),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_and_words_are_found() {
        assert_eq!(lookup("web dl").unwrap().props[0], (Source, "Web"));
        assert_eq!(lookup("x264").unwrap().props[0], (VideoCodec, "H.264"));
        assert!(lookup("french").unwrap().weak);
        assert!(!lookup("bdrip").unwrap().weak);
        assert_eq!(word("dts").1, 3);
        assert_eq!(word("matrix").1, 0);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(word_number("vii"), Some(7));
        assert_eq!(word_number("sept"), Some(7));
        assert_eq!(cjk_number("十一"), Some(11));
        assert_eq!(cjk_number("二十三"), Some(23));
        assert_eq!(cjk_number("二"), Some(2));
        assert_eq!(cjk_number("195"), Some(195));
    }
}
