//! Where results go: human lines or JSON Lines on stdout, warnings and errors on stderr
//! (prefixed `plexsync:`), with an error count that decides the exit code.
//!
//! JSON mode writes one message per line, `{"type": "<kind>", "data": {...}}`, ending
//! with a `summary` (see `docs/json.md`). A closed pipe ends the process quietly with
//! exit code 0, as `grep` and ripgrep do — except while a verb changes files
//! ([`Output::keep_working_when_closed`]): then it only stops the printing, and the work
//! and its journal are finished (`organize apply … | head` leaves no run half-recorded).

use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use console::Style;
use serde::Serialize;

/// How output is rendered.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputMode {
    /// JSON Lines instead of human text.
    pub json: bool,
    /// Colour in human output.
    pub color: bool,
    /// No warnings or progress (errors are still printed).
    pub quiet: bool,
    /// Verbosity level (`-v` count).
    pub verbose: u8,
}

/// The sink for every result a command prints.
pub struct Output {
    mode: OutputMode,
    stdout: Mutex<BufWriter<io::Stdout>>,
    errors: AtomicUsize,
    /// A closed stdout stops the printing only (see the module documentation).
    keep_working: AtomicBool,
    /// stdout was found closed: nothing more is written to it.
    closed: AtomicBool,
}

#[derive(Serialize)]
struct Message<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'a str,
    data: &'a T,
}

impl Output {
    /// An output in the given mode.
    pub fn new(mode: OutputMode) -> Output {
        Output {
            mode,
            stdout: Mutex::new(BufWriter::new(io::stdout())),
            errors: AtomicUsize::new(0),
            keep_working: AtomicBool::new(false),
            closed: AtomicBool::new(false),
        }
    }

    /// From now on a closed stdout only stops the printing: the process goes on with its
    /// work (a verb that changes files finishes its steps and journal).
    pub fn keep_working_when_closed(&self) {
        self.keep_working.store(true, Ordering::Relaxed);
    }

    /// True once stdout was found closed (with [`Output::keep_working_when_closed`]).
    pub fn closed(&self) -> bool {
        self.closed.load(Ordering::Relaxed)
    }

    /// The mode this output renders in.
    pub fn mode(&self) -> OutputMode {
        self.mode
    }

    /// True in `--json` mode.
    pub fn json(&self) -> bool {
        self.mode.json
    }

    /// Emit one JSON Lines message (only in JSON mode; a no-op otherwise).
    pub fn emit<T: Serialize>(&self, kind: &str, data: &T) {
        if !self.mode.json {
            return;
        }
        let mut line = serde_json::to_vec(&Message { kind, data }).expect("serializable");
        line.push(b'\n');
        self.write(&line);
    }

    /// Print one line of human output (only in human mode).
    pub fn line(&self, text: impl AsRef<str>) {
        if self.mode.json {
            return;
        }
        let mut buf = text.as_ref().as_bytes().to_vec();
        buf.push(b'\n');
        self.write(&buf);
    }

    /// Paint `text` with `style` when colour is on.
    pub fn paint(&self, text: impl std::fmt::Display, style: &Style) -> String {
        if self.mode.color {
            style.apply_to(text).force_styling(true).to_string()
        } else {
            text.to_string()
        }
    }

    /// A warning on stderr (suppressed by `-q`).
    pub fn warn(&self, msg: impl std::fmt::Display) {
        if !self.mode.quiet {
            self.flush();
            to_stderr(format_args!("plexsync: warning: {msg}"));
        }
    }

    /// A per-item error on stderr; counted, so the run can go on and exit 2 at the end.
    pub fn error(&self, msg: impl std::fmt::Display) {
        self.errors.fetch_add(1, Ordering::Relaxed);
        self.flush();
        to_stderr(format_args!("plexsync: {msg}"));
    }

    /// A note for `-v` runs on stderr.
    pub fn verbose(&self, level: u8, msg: impl std::fmt::Display) {
        if self.mode.verbose >= level && !self.mode.quiet {
            to_stderr(format_args!("plexsync: {msg}"));
        }
    }

    /// How many per-item errors were reported.
    pub fn error_count(&self) -> usize {
        self.errors.load(Ordering::Relaxed)
    }

    /// Flush stdout (a closed pipe ends the process with 0, unless it keeps working).
    pub fn flush(&self) {
        if self.closed() {
            return;
        }
        let mut out = self.stdout.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = out.flush() {
            self.write_failed(e);
        }
    }

    fn write(&self, bytes: &[u8]) {
        if self.closed() {
            return;
        }
        let mut out = self.stdout.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = out.write_all(bytes) {
            self.write_failed(e);
        }
    }

    fn write_failed(&self, e: io::Error) {
        if e.kind() == io::ErrorKind::BrokenPipe && self.keep_working.load(Ordering::Relaxed) {
            self.closed.store(true, Ordering::Relaxed);
            return;
        }
        broken_pipe_or_panic(e);
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        self.flush();
    }
}

/// One line on stderr; a closed stderr is no reason to stop (`eprintln!` would panic).
fn to_stderr(line: std::fmt::Arguments) {
    let _ = writeln!(io::stderr(), "{line}");
}

fn broken_pipe_or_panic(e: io::Error) {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("plexsync: writing output: {e}");
    std::process::exit(crate::exit::ERROR);
}

/// `1536` → `1.5 KiB`: sizes for people.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64;
    let mut i = 0;
    while v >= 1024.0 && i < UNITS.len() - 1 {
        v /= 1024.0;
        i += 1;
    }
    format!("{v:.1} {}", UNITS[i])
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` and a noun, plural unless `n` is 1: `count(1, "file")` → `1 file`, `count(1234,
/// "play")` → `1,234 plays` (nouns with a regular plural only).
pub fn count(n: u64, noun: &str) -> String {
    format!("{} {noun}{}", thousands(n), if n == 1 { "" } else { "s" })
}

/// Render rows as a left-aligned text table with a header (widths by char count).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(cols) {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    let fmt_row = |cells: Vec<&str>, out: &mut String| {
        let mut line = String::new();
        for (i, c) in cells.iter().enumerate() {
            line.push_str(c);
            if i + 1 < cells.len() {
                let pad = width[i] - c.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    fmt_row(header.to_vec(), &mut out);
    for r in rows {
        fmt_row(r.iter().map(|s| s.as_str()).collect(), &mut out);
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(3 * 1024 * 1024 * 1024), "3.0 GiB");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(count(1, "file"), "1 file");
        assert_eq!(count(0, "file"), "0 files");
        assert_eq!(count(1234, "play"), "1,234 plays");
    }

    #[test]
    fn tables_align() {
        let t = table(&["a", "bb"], &[vec!["xyz".into(), "1".into()]]);
        assert_eq!(t, "a    bb\nxyz  1");
    }
}

/// Unix seconds as `YYYY-MM-DD HH:MM:SS UTC`.
pub fn format_utc(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// Days since 1970-01-01 to a civil (year, month, day) date (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod time_tests {
    #[test]
    fn utc_dates() {
        assert_eq!(super::format_utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(super::format_utc(1_764_061_200), "2025-11-25 09:00:00 UTC");
    }
}
