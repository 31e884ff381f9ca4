//! Target templates: `Movies/{title} ({year})/{title} ({year}).{ext}`.
//!
//! A template is parsed once, when the rules are loaded, so an unknown field or a stray
//! brace is reported with the rule's name and the column before anything runs. Syntax:
//! `{field}`, `{field:02}` (zero-padded to two digits), `{field|Default text}`, optional
//! sections `[ - {episode_title}]` that vanish when a field inside them is missing, and
//! `{{ }} [[ ]]` for literal braces and brackets. Rendering sanitizes every field value
//! (see [`super::sanitize`]) and fails with the missing field's name when a required
//! field has no value and no default, which makes the rule not apply to that file.

use std::fmt::Write as _;

use super::sanitize;

/// A field a template can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Year,
    Show,
    Season,
    Episode,
    LastEpisode,
    Date,
    EpisodeTitle,
    ScreenSize,
    Source,
    VideoCodec,
    AudioCodec,
    Edition,
    Part,
    ReleaseGroup,
    Language,
    Ext,
    Kind,
    SizeClass,
    Genre,
    OriginalName,
    Country,
    Hints,
}

/// Every field with its template name, for parsing and documentation.
pub const FIELDS: &[(&str, Field)] = &[
    ("title", Field::Title),
    ("year", Field::Year),
    ("show", Field::Show),
    ("season", Field::Season),
    ("episode", Field::Episode),
    ("last_episode", Field::LastEpisode),
    ("date", Field::Date),
    ("episode_title", Field::EpisodeTitle),
    ("screen_size", Field::ScreenSize),
    ("source", Field::Source),
    ("video_codec", Field::VideoCodec),
    ("audio_codec", Field::AudioCodec),
    ("edition", Field::Edition),
    ("part", Field::Part),
    ("release_group", Field::ReleaseGroup),
    ("language", Field::Language),
    ("ext", Field::Ext),
    ("kind", Field::Kind),
    ("size_class", Field::SizeClass),
    ("genre", Field::Genre),
    ("original_name", Field::OriginalName),
    ("country", Field::Country),
    ("hints", Field::Hints),
];

impl Field {
    /// The field's name in templates.
    pub fn name(self) -> &'static str {
        FIELDS
            .iter()
            .find(|(_, f)| *f == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }
}

/// A field's value for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Num(u64),
}

/// Where a template gets its values from.
pub trait Fields {
    /// The value of `f`, or `None` when the file does not have it.
    fn get(&self, f: Field) -> Option<Value>;
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Lit(String),
    Field {
        field: Field,
        width: usize,
        default: Option<String>,
    },
    Optional(Vec<Part>),
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
}

/// Why a template could not be parsed: a message and the 1-based column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

struct Parser<'a> {
    chars: Vec<(usize, char)>,
    pos: usize,
    src: &'a str,
}

impl Parser<'_> {
    fn err(&self, at: usize, message: impl Into<String>) -> TemplateError {
        TemplateError {
            column: at + 1,
            message: message.into(),
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).map(|c| c.1)
    }

    fn seq(&mut self, depth: usize, open_at: usize) -> Result<Vec<Part>, TemplateError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        while let Some(c) = self.peek(0) {
            let at = self.pos;
            match c {
                '{' | '}' | '[' | ']' if self.peek(1) == Some(c) => {
                    lit.push(c);
                    self.pos += 2;
                }
                '{' => {
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    self.pos += 1;
                    parts.push(self.field(at)?);
                }
                '}' => return Err(self.err(at, "unmatched `}` (write `}}` for a literal one)")),
                '[' => {
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    self.pos += 1;
                    let inner = self.seq(depth + 1, at)?;
                    if !inner.iter().any(has_field) {
                        return Err(self.err(
                            at,
                            "optional section `[...]` without a field (write `[[` for a literal `[`)",
                        ));
                    }
                    parts.push(Part::Optional(inner));
                }
                ']' => {
                    if depth == 0 {
                        return Err(self.err(at, "unmatched `]` (write `]]` for a literal one)"));
                    }
                    self.pos += 1;
                    if !lit.is_empty() {
                        parts.push(Part::Lit(lit));
                    }
                    return Ok(parts);
                }
                c => {
                    lit.push(c);
                    self.pos += 1;
                }
            }
        }
        if depth > 0 {
            return Err(self.err(open_at, "optional section `[` is never closed"));
        }
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Ok(parts)
    }

    fn field(&mut self, open_at: usize) -> Result<Part, TemplateError> {
        let start = self.pos;
        let mut end = None;
        while let Some(c) = self.peek(0) {
            if c == '}' {
                end = Some(self.pos);
                break;
            }
            if c == '{' {
                return Err(self.err(self.pos, "`{` inside a field"));
            }
            self.pos += 1;
        }
        let Some(end) = end else {
            return Err(self.err(open_at, "field `{` is never closed"));
        };
        self.pos += 1;
        let byte = |i: usize| self.chars.get(i).map_or(self.src.len(), |c| c.0);
        let inner = &self.src[byte(start)..byte(end)];
        let (head, default) = match inner.split_once('|') {
            Some((h, d)) => (h, Some(d.to_string())),
            None => (inner, None),
        };
        let (name, spec) = match head.split_once(':') {
            Some((n, s)) => (n.trim(), Some(s.trim())),
            None => (head.trim(), None),
        };
        let Some(&(_, field)) = FIELDS.iter().find(|(n, _)| *n == name) else {
            let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
            return Err(self.err(
                start,
                format!("unknown field `{name}` (known: {})", known.join(", ")),
            ));
        };
        let width = match spec {
            None => 0,
            Some(s) if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse().unwrap_or(0)
            }
            Some(s) => {
                return Err(self.err(
                    start,
                    format!("bad format `{s}` for `{name}` (use a width such as `02`)"),
                ))
            }
        };
        Ok(Part::Field {
            field,
            width,
            default,
        })
    }
}

fn has_field(p: &Part) -> bool {
    match p {
        Part::Lit(_) => false,
        Part::Field { .. } => true,
        Part::Optional(v) => v.iter().any(has_field),
    }
}

fn collect_fields(parts: &[Part], out: &mut Vec<Field>) {
    for p in parts {
        match p {
            Part::Lit(_) => {}
            Part::Field { field, .. } => out.push(*field),
            Part::Optional(v) => collect_fields(v, out),
        }
    }
}

impl Template {
    /// Parse `src`; the target must be a relative path.
    pub fn parse(src: &str) -> Result<Template, TemplateError> {
        if src.trim().is_empty() {
            return Err(TemplateError {
                column: 1,
                message: "empty template".into(),
            });
        }
        if src.starts_with('/') {
            return Err(TemplateError {
                column: 1,
                message: "a template is relative to the target root; remove the leading `/`".into(),
            });
        }
        let mut p = Parser {
            chars: src.char_indices().collect(),
            pos: 0,
            src,
        };
        let parts = p.seq(0, 0)?;
        Ok(Template {
            source: src.to_string(),
            parts,
        })
    }

    /// The folder (index of the path component) where one of `fields` first appears, and
    /// how many components every rendering has — when that is fixed by the template (no
    /// `/` inside an optional section) and the field is not in the file name.
    pub fn folder_of(&self, fields: &[Field]) -> Option<(usize, usize)> {
        fn slashes(p: &Part) -> usize {
            match p {
                Part::Lit(s) => s.matches('/').count(),
                Part::Field { .. } => 0,
                Part::Optional(v) => v.iter().map(slashes).sum(),
            }
        }
        fn mentions(p: &Part, fields: &[Field]) -> bool {
            match p {
                Part::Lit(_) => false,
                Part::Field { field, .. } => fields.contains(field),
                Part::Optional(v) => v.iter().any(|p| mentions(p, fields)),
            }
        }
        let mut at = 0;
        let mut found = None;
        for p in &self.parts {
            if matches!(p, Part::Optional(_)) && slashes(p) > 0 {
                return None;
            }
            if found.is_none() && mentions(p, fields) {
                found = Some(at);
            }
            at += slashes(p);
        }
        found.filter(|&f| f < at).map(|f| (f, at + 1))
    }

    /// The template as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every field the template mentions.
    pub fn fields(&self) -> Vec<Field> {
        let mut v = Vec::new();
        collect_fields(&self.parts, &mut v);
        v
    }

    /// Fill the template for one file: a relative path whose components are sanitized,
    /// or the first required field the file lacks.
    pub fn render(&self, values: &dyn Fields, portable: bool) -> Result<String, Field> {
        let mut out = String::with_capacity(64);
        render_parts(&self.parts, values, portable, &mut out)?;
        Ok(sanitize::join_components(&out, portable))
    }
}

fn render_parts(
    parts: &[Part],
    values: &dyn Fields,
    portable: bool,
    out: &mut String,
) -> Result<(), Field> {
    for p in parts {
        match p {
            Part::Lit(s) => out.push_str(s),
            Part::Field {
                field,
                width,
                default,
            } => {
                let v = values
                    .get(*field)
                    .filter(|v| !matches!(v, Value::Text(t) if t.trim().is_empty()));
                match (v, default) {
                    (Some(Value::Num(n)), _) => {
                        let _ = write!(out, "{n:0width$}", width = *width);
                    }
                    (Some(Value::Text(t)), _) => {
                        out.push_str(&sanitize::value(&t, portable));
                    }
                    (None, Some(d)) => out.push_str(&sanitize::value(d, portable)),
                    (None, None) => return Err(*field),
                }
            }
            Part::Optional(inner) => {
                let mut buf = String::new();
                if render_parts(inner, values, portable, &mut buf).is_ok() {
                    out.push_str(&buf);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Map(HashMap<Field, Value>);
    impl Fields for Map {
        fn get(&self, f: Field) -> Option<Value> {
            self.0.get(&f).cloned()
        }
    }

    fn episode() -> Map {
        Map(HashMap::from([
            (Field::Show, Value::Text("The Office".into())),
            (Field::Season, Value::Num(2)),
            (Field::Episode, Value::Num(5)),
            (Field::Ext, Value::Text("mkv".into())),
        ]))
    }

    #[test]
    fn renders_padding_optional_and_defaults() {
        let t = Template::parse(
            "TV Shows/{show}/Season {season:02}/{show} - S{season:02}E{episode:02}[-E{last_episode:02}][ - {episode_title}].{ext}",
        )
        .unwrap();
        let mut m = episode();
        assert_eq!(
            t.render(&m, false).unwrap(),
            "TV Shows/The Office/Season 02/The Office - S02E05.mkv"
        );
        m.0.insert(Field::EpisodeTitle, Value::Text("Halloween".into()));
        m.0.insert(Field::LastEpisode, Value::Num(6));
        assert_eq!(
            t.render(&m, false).unwrap(),
            "TV Shows/The Office/Season 02/The Office - S02E05-E06 - Halloween.mkv"
        );
        let t = Template::parse("{year|Unknown Year}/{title}").unwrap();
        assert_eq!(t.render(&m, false), Err(Field::Title));
        m.0.insert(Field::Title, Value::Text("X".into()));
        assert_eq!(t.render(&m, false).unwrap(), "Unknown Year/X");
    }

    #[test]
    fn the_folder_a_field_names() {
        let t = Template::parse("Movies/{title}[ ({year})]/{title}.{ext}").unwrap();
        assert_eq!(t.folder_of(&[Field::Title]), Some((1, 3)));
        let t = Template::parse("{title}.{ext}").unwrap();
        assert_eq!(t.folder_of(&[Field::Title]), None);
        let t = Template::parse("A[/{year}]/{title}/x.{ext}").unwrap();
        assert_eq!(t.folder_of(&[Field::Title]), None);
    }

    #[test]
    fn literal_braces_for_plex_editions() {
        let t = Template::parse("{title}[ {{edition-{edition}}}].{ext}").unwrap();
        let mut m = episode();
        m.0.insert(Field::Title, Value::Text("Blade Runner".into()));
        assert_eq!(t.render(&m, false).unwrap(), "Blade Runner.mkv");
        m.0.insert(Field::Edition, Value::Text("Final Cut".into()));
        assert_eq!(
            t.render(&m, false).unwrap(),
            "Blade Runner {edition-Final Cut}.mkv"
        );
    }

    #[test]
    fn errors_name_the_column() {
        let e = Template::parse("Movies/{titel}").unwrap_err();
        assert_eq!(e.column, 9);
        assert!(e.message.contains("unknown field `titel`"), "{e}");
        assert_eq!(Template::parse("a/{title").unwrap_err().column, 3);
        assert_eq!(Template::parse("a]").unwrap_err().column, 2);
        assert_eq!(Template::parse("a/[{title}").unwrap_err().column, 3);
        assert!(Template::parse("[abc]").is_err());
        assert!(Template::parse("{season:x}").is_err());
        assert!(Template::parse("/abs/{title}").is_err());
    }

    #[test]
    fn field_values_cannot_add_components() {
        let t = Template::parse("Movies/{title}/{title}.{ext}").unwrap();
        let mut m = episode();
        m.0.insert(Field::Title, Value::Text("../../etc/passwd".into()));
        let r = t.render(&m, false).unwrap();
        assert_eq!(r.matches('/').count(), 2, "{r}");
        assert!(
            !r.split('/').any(|c| c == ".." || c.starts_with('.')),
            "{r}"
        );
    }

    #[test]
    fn never_panics_and_never_escapes_on_any_input() {
        // A small deterministic generator stands in for a property-testing crate.
        let alphabet: Vec<char> = "{}[]|:0123titlesahowyr/\\. \n\u{e9}".chars().collect();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut m = episode();
        m.0.insert(Field::Title, Value::Text("../..".into()));
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let src: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            if let Ok(t) = Template::parse(&src) {
                if let Ok(rel) = t.render(&m, next() % 2 == 0) {
                    let root = std::path::Path::new("/root");
                    if let Some(p) = sanitize::inside(root, &rel) {
                        assert!(p.starts_with(root), "{src:?} → {p:?}");
                    }
                    assert!(
                        !rel.split('/')
                            .any(|c| c == ".." || c == "." || c.len() > 255),
                        "{src:?} → {rel:?}"
                    );
                }
            }
        }
    }
}
