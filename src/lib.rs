//! plexsync: keep a local copy of a media library healthy.
//!
//! The library holds everything but the command line: the catalog, the scanner, hashing,
//! media names, file operations, output, and the four engines. It has no clap and no
//! indicatif in it: engines report progress through [`progress::Progress`].

pub mod catalog;
pub mod config;
pub mod dupes;
pub mod exit;
pub mod fsops;
pub mod hash;
pub mod media;
pub mod organize;
pub mod output;
pub mod paths;
pub mod progress;
pub mod resync;
pub mod scan;
pub mod usage;
