//! The episode-title pass: the words after the episode marker (or the air date, or a
//! `Special` after the year), past jargon that sits between (`REPACK`), up to the next
//! technical word.

use super::super::tokens::OPEN;
use super::super::vocab::Field;
use super::{Comp, Role};

impl<'a> Comp<'a> {
    /// The words after the episode marker (or date), up to the next jargon.
    pub(super) fn episode_title(&mut self) {
        let n = self.n();
        let anchor = match (self.ep_anchor, self.info.date.is_some()) {
            (Some(a), _) => a,
            (None, true) => match (0..n).rev().find(|&x| matches!(self.role[x], Role::Date)) {
                Some(a) => a,
                None => return,
            },
            // `Doctor Who 2013 Christmas Special`: a special after the year is an episode.
            _ => match self.year_at {
                Some(y) if self.special_follows(y) => y,
                _ => return,
            },
        };
        let mut st = anchor + 1;
        // Skip jargon that sits between the marker and the title (`REPACK`, a date).
        while st < n
            && (matches!(self.role[st], Role::Date | Role::Cont | Role::Marker)
                || matches!(self.role[st], Role::Vocab(e) if e.props.iter().all(|p| matches!(p.1, "Proper" | "Internal" | "Preair" | "Fix" | "Limited" | "Read NFO") || p.0 == Field::Noise)
                    && self.text(st).bytes().any(|c| c.is_ascii_uppercase())))
        {
            st += 1;
        }
        if st >= n
            || !self.titleish(st)
            || self.toks[st].depth > 0 && self.sep(st) & OPEN != 0 && self.toks[anchor].depth == 0
        {
            return;
        }
        let (e, stop) = self.run_end(st, false);
        let e = self.trim_weak(st, e, stop, 0);
        if e <= st {
            return;
        }
        // Jargon words inside the episode title are title words (`Show.S01E01.Cam.mkv`).
        for x in st..e {
            if matches!(self.role[x], Role::Vocab(_) | Role::Number | Role::Year) {
                self.role[x] = Role::Free;
            }
        }
        // `Lost.S01E01.Pilot.Part.1`: the part is the episode title's, not a disc.
        if (st..e).any(|x| matches!(self.role[x], Role::Part)) {
            self.info.part = None;
        }
        let text = self.join(st, e);
        if !text.is_empty() {
            self.info.episode_title = Some(text);
        }
        for r in &mut self.role[st..e] {
            *r = Role::Junk;
        }
    }

    /// Whether the free words right after token `y` include `Special`.
    pub(super) fn special_follows(&self, y: usize) -> bool {
        let n = self.n();
        let mut j = y + 1;
        while j < n && self.titleish(j) && self.toks[j].depth == self.toks[y].depth {
            if self.key(j) == "special" {
                return true;
            }
            j += 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::media::name::parse;

    #[test]
    fn words_after_the_marker() {
        let et = |n: &str| parse(n).episode_title;
        assert_eq!(
            et("Show.Name.S01E02.The.Title.720p.HDTV-GRP").as_deref(),
            Some("The Title")
        );
        assert_eq!(
            et("Show.Name.S01E02.REPACK.The.Title.720p.HDTV-GRP").as_deref(),
            Some("The Title")
        );
        assert_eq!(et("Show.Name.S01E02.720p.HDTV-GRP"), None);
    }
}
