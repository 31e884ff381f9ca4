//! Times in and out of the usage log: everything is stored as UTC (unix seconds plus an
//! ISO-8601 `...Z` text), while the inputs come in many shapes — `--at`/`--since` from a
//! person, epoch integers from Plex and Tautulli, UTC text from Jellyfin, and local wall
//! times from Kodi, the Playback Reporting plugin and the original Python tool.
//!
//! Wall times are read in the zone of the machine that wrote them: a server's zone given
//! with `--server-tz` or the config, else this machine's (`TZ`, else `/etc/localtime`);
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

/// The zone naive server times are read in when none is given: this machine's (`TZ`, else
/// `/etc/localtime`), UTC when it cannot be known.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// A zone from `--server-tz` or the config: an IANA name (`Europe/Paris`), `UTC`, or a
/// fixed offset (`+02:00`, `-0530`, `UTC+2`, `GMT-5`).
pub fn parse_zone(s: &str) -> Result<TimeZone> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("gmt")
    {
        return Ok(TimeZone::UTC);
    }
    let rest = ["UTC", "GMT", "utc", "gmt"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    if let Some(secs) = parse_offset(rest) {
        let off =
            jiff::tz::Offset::from_seconds(secs).map_err(|e| anyhow!("time zone {s:?}: {e}"))?;
        return Ok(TimeZone::fixed(off));
    }
    TimeZone::get(t).map_err(|_| {
        anyhow!("unknown time zone {s:?} (use an IANA name like Europe/Paris, or an offset like +02:00)")
    })
}

/// `+02:00`, `-0530`, `+2` → seconds east of UTC.
fn parse_offset(s: &str) -> Option<i32> {
    let (sign, digits) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    if h.is_empty()
        || h.len() > 2
        || m.len() > 2
        || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 18 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// How a zone is named in the output: its IANA name, else its offset now.
pub fn zone_label(tz: &TimeZone) -> String {
    if let Some(name) = tz.iana_name() {
        return name.to_string();
    }
    let off = tz.to_offset(Timestamp::now());
    let secs = off.seconds();
    let (sign, a) = if secs < 0 { ('-', -secs) } else { ('+', secs) };
    format!("UTC{sign}{:02}:{:02}", a / 3600, a / 60 % 60)
}

/// Parse a date-time text: RFC 3339 with an offset or `Z`, or a wall time
/// (`YYYY-MM-DD[ T]HH:MM[:SS[.fraction]]`, or a bare `YYYY-MM-DD`) read in `naive`.
pub fn parse_datetime(s: &str, naive: &TimeZone) -> Result<i64> {
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
    let z = dt
        .to_zoned(naive.clone())
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
    parse_datetime(t, &local_zone()).map_err(|e| {
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
            parse_datetime("2024-05-01T20:15:00Z", &TimeZone::UTC).unwrap(),
            1_714_594_500
        );
        assert_eq!(
            parse_datetime("2024-05-01T22:15:00+02:00", &TimeZone::UTC).unwrap(),
            1_714_594_500
        );
        assert_eq!(
            parse_datetime("2024-05-01 20:15:00.1234567", &TimeZone::UTC).unwrap(),
            1_714_594_500
        );
        assert_eq!(
            parse_datetime("2024-05-01", &TimeZone::UTC).unwrap(),
            1_714_521_600
        );
        assert!(parse_datetime("yesterday-ish", &TimeZone::UTC).is_err());
        assert!(parse_datetime("", &TimeZone::UTC).is_err());
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
        let tokyo = parse_zone("+09:00").unwrap();
        assert_eq!(
            parse_datetime("2024-05-02 05:15:00", &tokyo).unwrap(),
            1_714_594_500
        );
        assert_eq!(
            parse_zone("UTC-5")
                .unwrap()
                .to_offset(Timestamp::UNIX_EPOCH)
                .seconds(),
            -18_000
        );
        assert_eq!(
            parse_zone("-0530")
                .unwrap()
                .to_offset(Timestamp::UNIX_EPOCH)
                .seconds(),
            -19_800
        );
        assert_eq!(zone_label(&parse_zone("+9").unwrap()), "UTC+09:00");
        assert!(parse_zone("Mars/Olympus").is_err());
        assert!(parse_zone("+25:00").is_err());
        assert_eq!(iso_utc(1_714_594_500), "2024-05-01T20:15:00Z");
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(iso_utc(951_782_400), "2000-02-29T00:00:00Z");
    }
}
