//! What a media file is: its kind by extension, its parsed release name, and whether its
//! container is structurally whole.

pub mod container;
pub mod kind;
