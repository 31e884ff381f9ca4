//! The group pass: the release group. `-GROUP` at the end (past indexer and site tags,
//! languages and bracketed jargon), `by GROUP`, a trailing word after the jargon, a
//! bracketed word at the end, `group-title` in lower-case scene file names, or a leading
//! `[Group]` in fansub names.

use super::super::tokens::{CLOSE, DASH, DOT, OPEN, SPACE, STRONG, UNDER};
use super::super::vocab::{self, Field};
use super::{num, Comp, Role};

impl<'a> Comp<'a> {
    /// A leading `[Group]` (anime and fansub style): its tokens.
    pub(super) fn leading_group(&self) -> Option<(usize, usize)> {
        let n = self.n();
        if self.toks[0].depth == 0 {
            return None;
        }
        let g = self.toks[0].group;
        let mut e = 0;
        while e < n && self.toks[e].group == g && self.toks[e].depth > 0 {
            e += 1;
        }
        let all_free = (0..e).all(|x| {
            self.free_or_num(x) || matches!(self.role[x], Role::Junk | Role::Vocab(_) | Role::Cont)
        });
        let any_free = self.free(0);
        (e < n && all_free && any_free && !(e == 1 && num(self.key(0)).is_some())).then_some((0, e))
    }

    /// The release group: `-GROUP` at the end, `by GROUP`, a trailing word after the
    /// jargon, `group-title` in lowercase scene file names, or a leading `[Group]`.
    pub(super) fn release_group(&mut self, lead: Option<(usize, usize)>, is_file: bool) {
        let n = self.n();
        let tech = |r: Role| {
            matches!(
                r,
                Role::Vocab(_) | Role::Screen | Role::Channels | Role::Cont
            )
        };
        let strong_tech = |r: Role| {
            matches!(r, Role::Vocab(e) if !e.weak)
                || matches!(r, Role::Screen | Role::Channels | Role::Cont)
        };
        let any_tech = (0..n).any(|x| tech(self.role[x]));
        let any_marker = self.first_marker.is_some();
        // Skip what trails a group: tags (`-postbot`, `.proof`), languages (`.eng`),
        // web sites and checksums, and bracket groups of jargon (`[HD.720p]`).
        let mut end = n;
        let mut suffix_end: Option<usize> = None;
        while end > 0 {
            let i = end - 1;
            if self.toks[i].depth > 0 {
                let g = self.toks[i].group;
                let mut b = i;
                while b > 0 && self.toks[b - 1].group == g && self.toks[b - 1].depth > 0 {
                    b -= 1;
                }
                // An indexer's tag glued to the group is not part of it: `SPARKS[rarbg]`.
                let indexer = end - b == 1 && vocab::is_indexer_tag(self.key(b));
                if indexer && b > 0 && self.toks[b - 1].depth == 0 {
                    end = b;
                    continue;
                }
                // A short bracket glued to a word is part of the group: `Artik[SEDG]`.
                let glued = self.sep(b) == OPEN
                    && b > 0
                    && self.toks[b - 1].depth == 0
                    && self.free(b - 1)
                    && end - b <= 2;
                // A distribution tag after a dash group: `x264-LOL [eztv]`.
                let tag = self.sep(b) & SPACE != 0
                    && end == n
                    && end - b == 1
                    && b > 1
                    && self.toks[b - 1].depth == 0
                    && self.free(b - 1)
                    && self.sep(b - 1) & DASH != 0
                    && self.sep(b - 1) & SPACE == 0;
                if tag {
                    end = b;
                    continue;
                }
                if glued || (b..end).all(|x| !self.free(x)) {
                    suffix_end = (self.sep(b) == OPEN).then_some(end);
                    end = b;
                    continue;
                }
                break;
            }
            // A short word after `-` right after the codec is a group even if it is
            // also a language code: `AC3-de[42]`, `H.264-NL`.
            if self.is_code_group(i) && i > 0 && strong_tech(self.role[i - 1]) {
                break;
            }
            // Indexer suffixes after the group: `-RP`, `-BUYMORE`, `-1`.
            let suffix = self.free_or_num(i)
                && i > 1
                && self.sep(i) == DASH
                && self.free(i - 1)
                && self.sep(i - 1) & (DASH | STRONG) != 0
                && (vocab::is_indexer_tag(self.key(i))
                    || self.key(i).len() == 1 && num(self.key(i)).is_some());
            let skippable = suffix
                || match self.role[i] {
                    Role::Junk => true,
                    Role::Vocab(e) => e.props.iter().all(|p| {
                        matches!(
                            p.0,
                            Field::Language
                                | Field::SubtitleLanguage
                                | Field::Noise
                                | Field::Other
                                | Field::Country
                        )
                    }),
                    _ => false,
                };
            if skippable {
                end -= 1;
                suffix_end = None;
                continue;
            }
            break;
        }
        if end > 0 {
            let last = end - 1;
            let weak_group =
                self.is_code_group(last) && last > 0 && strong_tech(self.role[last - 1]);
            if self.free(last) || weak_group {
                let depth = self.toks[last].depth;
                let mut st = last;
                if !weak_group {
                    while st > 0
                        && self.free(st - 1)
                        && self.toks[st - 1].depth == depth
                        && self.sep(st) & (OPEN | CLOSE | STRONG) == 0
                        && last - st < 3
                    {
                        st -= 1;
                    }
                }
                // `by GROUP`: the word is not part of the group.
                let mut by_inside = false;
                if st < last && self.key(st) == "by" {
                    st += 1;
                    by_inside = true;
                }
                let before = st.checked_sub(1);
                let by = by_inside || before.is_some_and(|b| self.key(b) == "by");
                let accept = if depth > 0 {
                    let lone = self.sep(st) & OPEN != 0 && (end == n || self.sep(end) & CLOSE != 0);
                    let one_word = (st + 1..=last).all(|x| self.sep(x) & SPACE == 0);
                    let inside_tech = before.is_some_and(|b| {
                        self.toks[b].group == self.toks[st].group
                            && self.toks[b].depth > 0
                            && tech(self.role[b])
                    });
                    // After a leading `[Group]`, trailing brackets are tags (`[FLACx2]`,
                    // `[简体]`, `[Batch]`), not another group.
                    // A movie's `(YIFY)` in round brackets stays a group.
                    let g = self.toks[st].group;
                    let first = (0..=st).find(|&x| self.toks[x].group == g).unwrap_or(st);
                    let square = self.s[..self.toks[first].start].ends_with(['[', '【']);
                    let tag_after_lead = lead.is_some() && (square || any_marker);
                    let lone_ok = lone && one_word && (any_tech || any_marker) && !tag_after_lead;
                    lone_ok || inside_tech && !(lead.is_some() && square) || by
                } else {
                    let sep = self.sep(st);
                    let after_tech = before.is_some_and(|b| {
                        tech(self.role[b])
                            || matches!(self.role[b], Role::Junk)
                                && sep & (DASH | STRONG) != 0
                                && any_tech
                    });
                    let after_complete = before
                        .is_some_and(|b| matches!(self.role[b], Role::Marker))
                        && self.info.other.contains(&"Complete")
                        && sep & DASH != 0;
                    let glued = sep & (DASH | STRONG) != 0;
                    by || (after_tech && (glued || last - st < 2)) || after_complete
                };
                if accept && (!by || st < end) {
                    let text_end =
                        suffix_end
                            .filter(|_| depth == 0)
                            .map_or(self.toks[last].end, |e| {
                                let close = self.toks[e - 1].end;
                                // Include the closing bracket.
                                self.s[close..].chars().next().map_or(close, |c| {
                                    if matches!(c, ']' | ')' | '}') {
                                        close + c.len_utf8()
                                    } else {
                                        close
                                    }
                                })
                            });
                    self.set_group_text(st, end, text_end, true);
                    return;
                }
            }
        }
        // `blow-how.to.be.single.2016.1080p.bluray`: lowercase scene file names put the
        // group first. Only in a release name (some quality, source or codec named), and
        // a group has two letters or more: `x-men.2000`, `she-hulk.attorney.at.law.s01e01`
        // and `ant-man.and.the.wasp.2018` are titles.
        let release = self.info.screen_size.is_some()
            || self.info.source.is_some()
            || self.info.video_codec.is_some()
            || self.info.audio_codec.is_some();
        // A name written with dashes only is a title: `kill-roy-was-here-e07`.
        let other_seps = (2..n).any(|x| self.sep(x) & (DOT | SPACE | UNDER) != 0);
        if is_file
            && release
            && other_seps
            && n > 3
            && self.sep(1) == DASH
            && self.text(0).len() > 1
            && self.s.bytes().all(|c| !c.is_ascii_uppercase())
        {
            if let Some(t) = &self.info.title {
                let first = self.text(0);
                if let Some(rest) = t.strip_prefix(first) {
                    if rest.starts_with('-') && rest.len() > 2 {
                        self.info.title = Some(rest[1..].to_string());
                        self.info.group = Some(first.to_string());
                        self.info.group_strong = false;
                        return;
                    }
                }
            }
        }
        if let Some((a, b)) = lead {
            self.set_group(a, b, false);
        }
    }

    /// A language or country code right after `-` (`AC3-de`, `H.264-NL`): in that place
    /// it is a group's name, not a language.
    pub(super) fn is_code_group(&self, i: usize) -> bool {
        self.sep(i) == DASH
            && matches!(self.weak_field(i), Some(Field::Language | Field::Country))
            && self.key(i).len() <= 3
    }

    pub(super) fn set_group(&mut self, a: usize, b: usize, strong: bool) {
        let end = self.toks[b - 1].end;
        self.set_group_text(a, b, end, strong);
    }

    /// Records the group as the source text from token `a` to byte `text_end`, and
    /// claims tokens `a..b`.
    pub(super) fn set_group_text(&mut self, a: usize, b: usize, text_end: usize, strong: bool) {
        let text = &self.s[self.toks[a].start..text_end];
        let g = text.trim_matches(|c: char| matches!(c, '+' | '(' | '[' | ' ' | '.' | '-'));
        self.info.group = Some(g.to_string());
        self.info.group_strong = strong;
        for r in &mut self.role[a..b] {
            *r = Role::Junk;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::media::name::parse;

    #[test]
    fn release_groups() {
        let g = |n: &str| parse(n).release_group;
        assert_eq!(
            g("Show.S01E01.HDTV.x264-LOL [eztv]").as_deref(),
            Some("LOL")
        );
        assert_eq!(
            g("Movie.2019.1080p.BluRay.x264-GRP[rarbg]").as_deref(),
            Some("GRP")
        );
        assert_eq!(
            g("El.dia.de.la.bestia.DVDrip.Spanish.DivX.by.Artik[SEDG].avi").as_deref(),
            Some("Artik[SEDG]")
        );
        assert_eq!(
            g("Show.S02E10.1080p.WEB.H264-STRiFE-postbot").as_deref(),
            Some("STRiFE")
        );
        assert_eq!(
            g("The.Director’s.Notebook.2006.Blu-Ray.x264.720p.AC3-de[42].mkv").as_deref(),
            Some("de[42]")
        );
        assert_eq!(
            g("Battle Royale 2000 DC (1080p Bluray x265 HEVC 10bit AAC 7.1 Japanese Tigole)")
                .as_deref(),
            Some("Tigole")
        );
        // Words after the marker with no jargon before them are an episode title.
        assert_eq!(g("Test.S01E01E07-FooBar-Group.avi"), None);
    }

    #[test]
    fn leading_bracket_group() {
        assert_eq!(
            parse("[SubGroup] Show Name - 05 [720p].mkv")
                .release_group
                .as_deref(),
            Some("SubGroup")
        );
    }

    #[test]
    fn indexer_suffixes_are_not_the_group() {
        let g = |n: &str| parse(n).release_group;
        for name in [
            "Heat.1995.1080p.BluRay.x264-SPARKS",
            "Heat.1995.1080p.BluRay.x264-SPARKS-RP",
            "Heat.1995.1080p.BluRay.x264-SPARKS-Obfuscated",
            "Heat.1995.1080p.BluRay.x264-SPARKS-xpost",
            "Heat.1995.1080p.BluRay.x264-SPARKS-1",
            "Heat.1995.1080p.BluRay.x264-SPARKS-BUYMORE",
            "Heat.1995.1080p.BluRay.x264-SPARKS[rarbg]",
            "Heat.1995.1080p.BluRay.x264-SPARKS[TGx]",
            "Heat.1995.1080p.BluRay.x264-SPARKS [eztv]",
            "Heat.1995.1080p.BluRay.x264-SPARKS [www.example.com]",
            "Heat.1995.1080p.BluRay.x264-SPARKS.[example.com]",
        ] {
            assert_eq!(g(name).as_deref(), Some("SPARKS"), "{name}");
        }
    }

    #[test]
    fn a_leading_bracket_group_wins_over_trailing_tags() {
        let g = |n: &str| parse(n).release_group;
        for name in [
            "[EMBER] Oshi no Ko - 11 [1080p] [FLACx2]",
            "[EMBER] Oshi no Ko - 11 [1080p][简体]",
            "[EMBER] Oshi no Ko - 01-11 [1080p] [Batch]",
            "[EMBER] Oshi no Ko - 11 (BD 1080p FLAC) [DEADBEEF].mkv",
            "[EMBER]_Oshi_no_Ko_-_11_[BD][1080p][CAFEBABE].mkv",
        ] {
            assert_eq!(g(name).as_deref(), Some("EMBER"), "{name}");
        }
        // A movie's group in round brackets at the end stays the group.
        assert_eq!(
            g("[YTS.MX] Movie Name (2019) 1080p BluRay (YIFY)").as_deref(),
            Some("YIFY")
        );
    }

    #[test]
    fn dash_only_lower_case_names_are_titles() {
        let m = parse("kill-roy-was-here-e07.mkv");
        assert_eq!(
            (m.title.as_deref(), m.release_group),
            (Some("kill-roy-was-here"), None)
        );
        let m = parse("iron-man-2008-1080p.mkv");
        assert_eq!(m.title.as_deref(), Some("iron-man"));
        // With dots, the word before the first dash is the group.
        let m = parse("dmt-inception.2010.720p.mkv");
        assert_eq!(m.release_group.as_deref(), Some("dmt"));
    }

    #[test]
    fn bracketed_tags_after_a_leading_group() {
        let m = parse("[Group] Trigun Stampede - 07 [WEB 1080p HEVC E-AC-3] [Multi-Sub]");
        assert_eq!(m.release_group.as_deref(), Some("Group"));
        let m = parse("[Group] Frieren - Beyond Journey's End (01-28) (1080p) [Batch]");
        assert_eq!(m.title.as_deref(), Some("Frieren - Beyond Journey's End"));
        assert_eq!(m.episodes.len(), 28);
        let m = parse("【喵萌奶茶屋】[葬送的芙莉莲][第１２話][1080p][简日双语]");
        assert_eq!(
            (m.absolute_episode, m.release_group.as_deref()),
            (Some(12), Some("喵萌奶茶屋"))
        );
    }
}
