//! What a media file is: its kind by extension, its parsed release name, and whether its
//! container is structurally whole.

pub mod container;
pub mod kind;
pub mod name;

pub use name::{normalize_title, parse, MediaKind, MediaName};
