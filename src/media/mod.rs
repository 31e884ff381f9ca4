//! What a media file is: its kind by extension and its parsed release name.

pub mod kind;
