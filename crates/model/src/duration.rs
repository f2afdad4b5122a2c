//! Durations as people say them in a workshop — "4h", "1 day", "30 min",
//! "2 weeks", "1 month", "immediately" — parsed into [`Minutes`], with a
//! message naming the accepted forms when the text is not one of them.
//!
//! [`read`] is the lenient reading of what legacy spreadsheets hold:
//! "15 Minutes", "24 hrs", "1 business day", "ASAP", "N/A", "< 1 hr",
//! "Up to 4 hours", "1-3 days". It keeps what the text said beyond the
//! number (a bound, a range, business time) so the caller can say how it
//! was read. Both share one table of units and one number reader.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Minutes;

/// The accepted forms, for messages.
pub const FORMS: &str = "e.g. 0, 30 min, 4 h, 1.5 h, 1 d, 2 w, 1 mo";

/// Why a text is not a duration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationError {
    pub text: String,
}

impl std::fmt::Display for DurationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\" is not a duration; write {FORMS}", self.text)
    }
}

const UNITS: &[(&[&str], u32)] = &[
    (&["m", "min", "mins", "minute", "minutes", "mn"], 1),
    (&["h", "hr", "hrs", "hour", "hours"], Minutes::HOUR),
    (&["d", "day", "days"], Minutes::DAY),
    (&["w", "wk", "wks", "week", "weeks"], Minutes::WEEK),
    (&["mo", "mon", "month", "months"], Minutes::MONTH),
];

/// Words that mean "no time at all".
const ZERO: &[&str] = &["0", "immediate", "immediately", "none"];

/// The size in minutes of a unit as written ("hrs", "Days", "hour(s)").
pub fn unit_minutes(unit: &str) -> Option<u32> {
    let unit = unit.trim().trim_end_matches('.').replace("(s)", "");
    let unit = unit.trim().to_lowercase();
    UNITS
        .iter()
        .find(|(names, _)| names.contains(&unit.as_str()))
        .map(|(_, size)| *size)
}

/// "4.5 h" → (270.0 minutes, unit stated). A bare number takes `bare`
/// minutes per unit. The text is lower-case and trimmed.
fn amount(t: &str, bare: u32) -> Option<(f64, bool)> {
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number.parse().ok()?;
    let unit = unit.trim();
    let (size, stated) = if unit.is_empty() {
        (bare, false)
    } else {
        (unit_minutes(unit)?, true)
    };
    let minutes = value * f64::from(size);
    (minutes.is_finite() && (0.0..=f64::from(u32::MAX)).contains(&minutes))
        .then_some((minutes, stated))
}

/// Parses a duration. A bare number is hours (the usual unit of recovery
/// objectives); "0", "immediate" and "immediately" are zero.
pub fn parse(text: &str) -> Result<Minutes, DurationError> {
    let err = || DurationError {
        text: text.trim().to_string(),
    };
    let t = text.trim().to_lowercase();
    if ZERO.contains(&t.as_str()) {
        return Ok(Minutes(0));
    }
    match amount(&t, Minutes::HOUR) {
        Some((minutes, _)) if minutes.fract() <= 1e-9 => Ok(Minutes(minutes.round() as u32)),
        _ => Err(err()),
    }
}

/// Parses an optional duration: blank is `None`.
pub fn parse_optional(text: &str) -> Result<Option<Minutes>, DurationError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// What a text said about its number beyond the number itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "DurationBound")]
pub enum Bound {
    /// "4 h".
    Exact,
    /// "< 4 h", "less than 4 h", "under 4 h".
    Below,
    /// "up to 4 h", "within 4 h", "≤ 4 h", "max 4 h".
    AtMost,
    /// "> 72 h", "more than 72 h", "≥ 72 h", "at least 72 h".
    Above,
    /// "1-3 days": `minutes` is the lower bound, `upper` the upper one.
    Range,
}

/// A duration read from a spreadsheet, with what the text said about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Spoken {
    /// The value; for a range, its lower bound.
    pub minutes: Minutes,
    /// The upper bound of a range.
    pub upper: Option<Minutes>,
    pub bound: Bound,
    /// Said in business (working) time: "1 business day".
    pub business: bool,
    /// False when the text was a bare number and took the caller's unit.
    pub unit_stated: bool,
    /// The text gave a fraction of a minute, rounded away.
    pub rounded: bool,
}

/// A spreadsheet's duration cell: a value, or explicitly not set ("N/A", "-").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    NotSet,
    Value(Spoken),
}

const NOT_SET: &[&str] = &[
    "n/a",
    "na",
    "n.a.",
    "n.a",
    "-",
    "--",
    "not applicable",
    "not set",
    "nil",
];
const ZERO_WORDS: &[&str] = &[
    "asap",
    "as soon as possible",
    "real-time",
    "real time",
    "realtime",
    "instant",
    "instantly",
    "zero",
    "no downtime",
    "no data loss",
];
const PREFIXES: &[(&str, Bound)] = &[
    ("<=", Bound::AtMost),
    ("≤", Bound::AtMost),
    ("=<", Bound::AtMost),
    (">=", Bound::Above),
    ("≥", Bound::Above),
    ("=>", Bound::Above),
    ("<", Bound::Below),
    (">", Bound::Above),
    ("up to", Bound::AtMost),
    ("within", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost),
    ("maximum", Bound::AtMost),
    ("max.", Bound::AtMost),
    ("max", Bound::AtMost),
    ("less than", Bound::Below),
    ("under", Bound::Below),
    ("more than", Bound::Above),
    ("greater than", Bound::Above),
    ("over", Bound::Above),
    ("at least", Bound::Above),
    ("minimum", Bound::Above),
    ("min.", Bound::Above),
];

/// Reads a duration as legacy spreadsheets write it. A bare number takes
/// `bare_unit` minutes per unit (the column header's unit, or hours).
pub fn read(text: &str, bare_unit: u32) -> Result<Reading, DurationError> {
    let err = || DurationError {
        text: text.trim().to_string(),
    };
    let mut t = text
        .trim()
        .to_lowercase()
        .replace(['\u{2013}', '\u{2014}', '\u{2212}'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if t.is_empty() || NOT_SET.contains(&t.as_str()) || t.chars().all(|c| c == '-') {
        return Ok(Reading::NotSet);
    }
    if ZERO.contains(&t.as_str()) || ZERO_WORDS.contains(&t.as_str()) {
        return Ok(Reading::Value(Spoken {
            minutes: Minutes(0),
            upper: None,
            bound: Bound::Exact,
            business: false,
            unit_stated: true,
            rounded: false,
        }));
    }
    let mut bound = Bound::Exact;
    for (prefix, b) in PREFIXES {
        if let Some(rest) = t.strip_prefix(prefix) {
            bound = *b;
            t = rest.trim().to_string();
            break;
        }
    }
    let mut business = false;
    for word in ["business ", "working ", "work "] {
        if t.contains(word) {
            business = true;
            t = t.replace(word, "");
        }
    }
    let mut rounded = false;
    let mut whole = |m: f64| {
        let r = m.round();
        if (m - r).abs() > 1e-9 {
            rounded = true;
        }
        Minutes(r as u32)
    };
    // A range: "1-3 days", "4 - 12 hours", "1 to 3 days", "2h-4h".
    let split = t
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '-')
        .map(|(i, _)| (i, 1))
        .or_else(|| t.find(" to ").map(|i| (i, 4)));
    if bound == Bound::Exact
        && let Some((at, len)) = split
    {
        let (low, high) = (t[..at].trim(), t[at + len..].trim());
        let (high_minutes, high_stated) = amount(high, bare_unit).ok_or_else(err)?;
        let high_unit = high.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        let low_unit = if high_stated {
            unit_minutes(high_unit).ok_or_else(err)?
        } else {
            bare_unit
        };
        let (low_minutes, _) = amount(low, low_unit).ok_or_else(err)?;
        if low_minutes > high_minutes {
            return Err(err());
        }
        return Ok(Reading::Value(Spoken {
            minutes: whole(low_minutes),
            upper: Some(whole(high_minutes)),
            bound: Bound::Range,
            business,
            unit_stated: high_stated,
            rounded,
        }));
    }
    let (minutes, unit_stated) = amount(&t, bare_unit).ok_or_else(err)?;
    Ok(Reading::Value(Spoken {
        minutes: whole(minutes),
        upper: None,
        bound,
        business,
        unit_stated,
        rounded,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_say() {
        let cases = [
            ("4h", 240),
            ("4 h", 240),
            ("4 hours", 240),
            ("1 day", 1440),
            ("30 min", 30),
            ("2 weeks", 20160),
            ("1 month", 43200),
            ("1.5h", 90),
            ("24h", 1440),
            ("8", 480),
            ("Immediately", 0),
            ("0", 0),
            (" 3 D ", 4320),
        ];
        for (text, minutes) in cases {
            assert_eq!(parse(text), Ok(Minutes(minutes)), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_duration() {
        for text in ["soon", "-4h", "4 parsecs", "", "h", "1.25 min", "4h30"] {
            let e = parse(text).unwrap_err();
            assert!(
                e.to_string().contains("is not a duration; write e.g."),
                "{text}: {e}"
            );
        }
    }

    fn spoken(minutes: u32, bound: Bound) -> Reading {
        Reading::Value(Spoken {
            minutes: Minutes(minutes),
            upper: None,
            bound,
            business: false,
            unit_stated: true,
            rounded: false,
        })
    }

    #[test]
    fn reads_every_form_legacy_spreadsheets_use() {
        let h = Minutes::HOUR;
        let exact = |m| spoken(m, Bound::Exact);
        let range = |lo: u32, hi: u32| {
            Reading::Value(Spoken {
                minutes: Minutes(lo),
                upper: Some(Minutes(hi)),
                bound: Bound::Range,
                business: false,
                unit_stated: true,
                rounded: false,
            })
        };
        let business_day = Reading::Value(Spoken {
            business: true,
            ..match exact(1440) {
                Reading::Value(s) => s,
                Reading::NotSet => unreachable!(),
            }
        });
        let bare = |m| {
            Reading::Value(Spoken {
                unit_stated: false,
                ..match exact(m) {
                    Reading::Value(s) => s,
                    Reading::NotSet => unreachable!(),
                }
            })
        };
        let cases: Vec<(&str, Reading)> = vec![
            ("15 Minutes", exact(15)),
            ("1 Hour", exact(60)),
            ("4h", exact(240)),
            ("24 hrs", exact(1440)),
            ("24 Hrs.", exact(1440)),
            ("2 Days", exact(2880)),
            ("2 day(s)", exact(2880)),
            ("1 business day", business_day),
            ("1 week", exact(10080)),
            ("1 month", exact(43200)),
            ("Immediate", exact(0)),
            ("Immediately", exact(0)),
            ("ASAP", exact(0)),
            ("0", exact(0)),
            ("Real-time", exact(0)),
            ("N/A", Reading::NotSet),
            ("n/a", Reading::NotSet),
            ("-", Reading::NotSet),
            ("\u{2014}", Reading::NotSet),
            ("", Reading::NotSet),
            ("< 1 hr", spoken(60, Bound::Below)),
            ("<1hr", spoken(60, Bound::Below)),
            ("> 72 hrs", spoken(72 * h, Bound::Above)),
            ("Up to 4 hours", spoken(240, Bound::AtMost)),
            ("within 2 days", spoken(2880, Bound::AtMost)),
            ("1-3 days", range(1440, 4320)),
            ("4 - 12 hours", range(240, 720)),
            ("24-48 hrs", range(1440, 2880)),
            ("4 \u{2013} 12 hours", range(240, 720)),
            ("1 to 3 days", range(1440, 4320)),
            ("2h-1d", range(120, 1440)),
            ("48", bare(48 * h)),
            ("1.5", bare(90)),
        ];
        for (text, want) in cases {
            assert_eq!(read(text, Minutes::HOUR), Ok(want), "{text:?}");
        }
        assert_eq!(read("2", Minutes::DAY), Ok(bare(2 * Minutes::DAY)));
        match read("3-5", Minutes::DAY) {
            Ok(Reading::Value(s)) => {
                assert_eq!((s.minutes, s.upper), (Minutes(4320), Some(Minutes(7200))));
                assert!(!s.unit_stated);
            }
            other => panic!("{other:?}"),
        }
        match read("1.33 hours", Minutes::HOUR) {
            Ok(Reading::Value(s)) => assert!(s.rounded && s.minutes == Minutes(80)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lenient_reading_still_refuses_what_is_not_a_duration() {
        for text in [
            "soon",
            "-4h",
            "4 parsecs",
            "TBD",
            "3-1 days",
            "1-",
            "h",
            "4h30",
        ] {
            assert!(read(text, Minutes::HOUR).is_err(), "{text:?}");
        }
    }

    #[test]
    fn display_and_parse_round_trip() {
        for m in [0, 30, 60, 90, 240, 1440, 4320, 10080, 20160, 43200, 2880] {
            assert_eq!(parse(&Minutes(m).to_string()), Ok(Minutes(m)), "{m}");
        }
    }

    proptest::proptest! {
        #[test]
        fn reading_never_panics(text in "\\PC{0,24}", unit in 1u32..50_000) {
            let _ = read(&text, unit);
            let _ = parse(&text);
        }

        #[test]
        fn reading_round_trips_printed_durations(m in 0u32..=u32::MAX) {
            let printed = Minutes(m).to_string();
            proptest::prop_assert_eq!(read(&printed, Minutes::HOUR), Ok(spoken(m, Bound::Exact)));
            proptest::prop_assert_eq!(parse(&printed), Ok(Minutes(m)));
        }

        #[test]
        fn ranges_keep_both_bounds(lo in 0u32..1000, extra in 0u32..1000) {
            let hi = lo + extra;
            match read(&format!("{lo}-{hi} hrs"), 1) {
                Ok(Reading::Value(s)) => {
                    proptest::prop_assert_eq!(s.minutes, Minutes(lo * 60));
                    proptest::prop_assert_eq!(s.upper, Some(Minutes(hi * 60)));
                }
                other => proptest::prop_assert!(false, "{:?}", other),
            }
        }
    }
}
