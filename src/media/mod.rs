//! What a media file is: its kind by extension and its parsed release name.

pub mod kind;
pub mod name;

pub use name::{normalize_title, parse, MediaKind, MediaName};
