//! Exit codes, in one place: 0 success, 1 found something that needs attention (where a
//! flag asks for that, like `grep`), 2 usage or runtime error.

/// Everything went fine and nothing needs attention.
pub const SUCCESS: i32 = 0;
/// The run went fine but found something that needs attention.
pub const FOUND: i32 = 1;
/// A usage error, a runtime error, or per-file errors during the run.
pub const ERROR: i32 = 2;
