//! Durations as people say them in a workshop — "4h", "1 day", "30 min",
//! "2 weeks", "1 month", "immediately" — parsed into [`Minutes`], with a
//! message naming the accepted forms when the text is not one of them.

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
    (&["m", "min", "mins", "minute", "minutes"], 1),
    (&["h", "hr", "hrs", "hour", "hours"], Minutes::HOUR),
    (&["d", "day", "days"], Minutes::DAY),
    (&["w", "wk", "wks", "week", "weeks"], Minutes::WEEK),
    (&["mo", "mon", "month", "months"], Minutes::MONTH),
];

/// Parses a duration. A bare number is hours (the usual unit of recovery
/// objectives); "0", "immediate" and "immediately" are zero.
pub fn parse(text: &str) -> Result<Minutes, DurationError> {
    let err = || DurationError {
        text: text.trim().to_string(),
    };
    let t = text.trim().to_lowercase();
    if matches!(t.as_str(), "0" | "immediate" | "immediately" | "none") {
        return Ok(Minutes(0));
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number.parse().map_err(|_| err())?;
    let unit = unit.trim();
    let size = if unit.is_empty() {
        Minutes::HOUR
    } else {
        UNITS
            .iter()
            .find(|(names, _)| names.contains(&unit))
            .map(|(_, size)| *size)
            .ok_or_else(err)?
    };
    let minutes = value * f64::from(size);
    if !minutes.is_finite()
        || minutes < 0.0
        || minutes > f64::from(u32::MAX)
        || minutes.fract() > 1e-9
    {
        return Err(err());
    }
    Ok(Minutes(minutes.round() as u32))
}

/// Parses an optional duration: blank is `None`.
pub fn parse_optional(text: &str) -> Result<Option<Minutes>, DurationError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
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

    #[test]
    fn display_and_parse_round_trip() {
        for m in [0, 30, 60, 90, 240, 1440, 4320, 10080, 20160, 43200, 2880] {
            assert_eq!(parse(&Minutes(m).to_string()), Ok(Minutes(m)), "{m}");
        }
    }
}
