//! Times in and out of the usage log: everything is stored as UTC (unix seconds plus an
//! ISO-8601 `...Z` text), while the inputs come in many shapes — `--at`/`--since` from a
//! person, epoch integers from Plex and Tautulli, UTC text from Jellyfin, and local wall
//! times from Kodi, the Playback Reporting plugin and the original Python tool.
//!
//! Local times are resolved with the system time zone (`TZ`, else `/etc/localtime`);
//! jiff does the calendar and zone arithmetic so DST gaps and folds are handled.

use anyhow::{anyhow, bail, Result};
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Unix seconds as ISO-8601 UTC: `2024-05-01T20:15:00Z`. Written by hand because it runs
/// once per recorded event and a general formatter costs more than the insert around it.
pub fn iso_utc(secs: i64) -> String {
    let (y, m, d) = crate::output::civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// How a time text without an offset is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naive {
    /// As UTC (Plex text dates, Jellyfin).
    Utc,
    /// As the system's local time (Kodi, Playback Reporting, the Python tool, people).
    Local,
}

/// Parse a date-time text: RFC 3339 with an offset or `Z`, or a wall time
/// (`YYYY-MM-DD[ T]HH:MM[:SS[.fraction]]`, or a bare `YYYY-MM-DD`) read as `naive` says.
pub fn parse_datetime(s: &str, naive: Naive) -> Result<i64> {
    let s = s.trim();
    if s.is_empty() {
        bail!("empty time");
    }
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t.as_second());
    }
    // .NET writes seven fractional digits; jiff takes nine, so this is only for safety.
    let dt: DateTime = match s.parse::<DateTime>() {
        Ok(dt) => dt,
        Err(_) => match s.parse::<jiff::civil::Date>() {
            Ok(d) => d.to_datetime(jiff::civil::Time::midnight()),
            Err(e) => return Err(anyhow!("cannot read {s:?} as a date and time: {e}")),
        },
    };
    let tz = match naive {
        Naive::Utc => TimeZone::UTC,
        Naive::Local => TimeZone::try_system().unwrap_or(TimeZone::UTC),
    };
    let z = dt
        .to_zoned(tz)
        .map_err(|e| anyhow!("cannot place {s:?} in the time zone: {e}"))?;
    Ok(z.timestamp().as_second())
}

/// A time given by a person (`--at`, `--since`): `now`, unix seconds (`@1700000000` or
/// just digits), an age such as `90d`, `12h`, `2w`, `1y` (that long before `now`), or a
/// date-time as [`parse_datetime`] reads it in local time.
pub fn parse_user_time(s: &str, now: i64) -> Result<i64> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    let digits = t.strip_prefix('@').unwrap_or(t);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() >= 5 {
        return digits
            .parse::<i64>()
            .map_err(|_| anyhow!("time {s:?} is out of range"));
    }
    if let Some(secs) = parse_age(t) {
        return Ok(now - secs);
    }
    parse_datetime(t, Naive::Local).map_err(|e| {
        anyhow!("{e} (use ISO-8601 like 2024-05-01T20:15:00Z, unix seconds, or an age like 30d)")
    })
}

/// `30d` → seconds; units s, m, h, d, w, y (365 days).
pub fn parse_age(s: &str) -> Option<i64> {
    let s = s.trim();
    let unit = s.chars().last()?;
    let mult = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        'w' => 7 * 86_400,
        'y' => 365 * 86_400,
        _ => return None,
    };
    let n: f64 = s[..s.len() - 1].trim().parse().ok()?;
    if !n.is_finite() || !(0.0..=1e6).contains(&n) {
        return None;
    }
    Some((n * mult as f64).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shapes_servers_write() {
        assert_eq!(
            parse_datetime("2024-05-01T20:15:00Z", Naive::Local).unwrap(),
            1_714_594_500
        );
        assert_eq!(
            parse_datetime("2024-05-01T22:15:00+02:00", Naive::Utc).unwrap(),
            1_714_594_500
        );
        assert_eq!(
            parse_datetime("2024-05-01 20:15:00.1234567", Naive::Utc).unwrap(),
            1_714_594_500
        );
        assert_eq!(
            parse_datetime("2024-05-01", Naive::Utc).unwrap(),
            1_714_521_600
        );
        assert!(parse_datetime("yesterday-ish", Naive::Utc).is_err());
        assert!(parse_datetime("", Naive::Utc).is_err());
    }

    #[test]
    fn user_times() {
        let now = 1_800_000_000;
        assert_eq!(parse_user_time("now", now).unwrap(), now);
        assert_eq!(parse_user_time("@1700000000", now).unwrap(), 1_700_000_000);
        assert_eq!(parse_user_time("2d", now).unwrap(), now - 172_800);
        assert_eq!(
            parse_user_time("2024-05-01T20:15:00Z", now).unwrap(),
            1_714_594_500
        );
        assert!(parse_user_time("soon", now).is_err());
        assert_eq!(iso_utc(1_714_594_500), "2024-05-01T20:15:00Z");
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(iso_utc(951_782_400), "2000-02-29T00:00:00Z");
    }
}
