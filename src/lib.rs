//! plexsync: keep a local copy of a media library healthy.
//!
//! The library holds everything but the command line: the catalog, the scanner, hashing,
//! media names, file operations, output, and the four engines.

pub mod media;
