//! Reading one cell as what its column means: a duration (numbers in the
//! header's unit, text in any form [`duration::read`] knows, Excel time
//! cells), a severity mapped onto the assessment's scale (numbers, level
//! names, the usual label families, "4 - Major"), or a list of names
//! (dependencies). Each reader returns the value and the notes the user
//! should see about how it was read; it does not know addresses — the plan
//! attaches them.

use bia_model::duration::{self, Bound, Reading, Spoken};
use bia_model::{Minutes, SeverityLevel, name_key};

use super::grid::{Value, number_text};

/// A value read from a cell, with remarks (warnings) on how.
#[derive(Clone, Debug, PartialEq)]
pub struct Read<T> {
    pub value: T,
    pub notes: Vec<String>,
}

impl<T> Read<T> {
    fn plain(value: T) -> Read<T> {
        Read {
            value,
            notes: Vec::new(),
        }
    }
}

/// A duration cell: `None` when the cell says it is not set ("N/A", "-",
/// an error cell). `unit`: minutes per unit stated by the column header.
pub fn duration_cell(value: &Value, unit: Option<u32>) -> Result<Read<Option<Spoken>>, String> {
    let bare = unit.unwrap_or(Minutes::HOUR);
    let assumed = "no unit in the cell or the column header; read as hours";
    let spoken = match value {
        Value::Error(_) => return Ok(Read::plain(None)),
        Value::Bool(_) => return Err(format!("{} is not a duration", value.display())),
        Value::Number(n) => {
            if !n.is_finite() || *n < 0.0 || n * f64::from(bare) > f64::from(u32::MAX) {
                return Err(format!("{} is not a duration", number_text(*n)));
            }
            let minutes = n * f64::from(bare);
            Spoken {
                minutes: Minutes(minutes.round() as u32),
                upper: None,
                bound: Bound::Exact,
                business: false,
                unit_stated: unit.is_some(),
                rounded: (minutes - minutes.round()).abs() > 1e-9,
            }
        }
        Value::Time { days, elapsed } => {
            if !*elapsed && *days >= 1.0 {
                return Err("a date, not a duration".into());
            }
            Spoken {
                minutes: Minutes((days * 1440.0).round().max(0.0) as u32),
                upper: None,
                bound: Bound::Exact,
                business: false,
                unit_stated: true,
                rounded: false,
            }
        }
        Value::Text(text) => match duration::read(text, bare) {
            Ok(Reading::NotSet) => return Ok(Read::plain(None)),
            Ok(Reading::Value(s)) => s,
            Err(_) => {
                return Err(format!(
                    "\"{}\" is not a duration (write e.g. 4 h, 2 days, 1-3 days, N/A)",
                    text.trim()
                ));
            }
        },
    };
    let mut notes = Vec::new();
    if !spoken.unit_stated && unit.is_none() {
        notes.push(assumed.to_string());
    }
    let m = spoken.minutes;
    match spoken.bound {
        Bound::Exact => {}
        Bound::Below => notes.push(format!("\"less than {m}\" read as {m}")),
        Bound::AtMost => notes.push(format!("\"up to {m}\" read as {m}")),
        Bound::Above => notes.push(format!(
            "\"more than {m}\" read as {m}; the real value is longer"
        )),
        Bound::Range => notes.push(format!(
            "a range {m} to {}: the lower bound {m} is taken",
            spoken.upper.unwrap_or(m)
        )),
    }
    if spoken.business {
        notes.push(format!(
            "given in business time; read as {m} of calendar time — check it"
        ));
    }
    if spoken.rounded {
        notes.push(format!("rounded to the minute: {m}"));
    }
    Ok(Read {
        value: Some(spoken),
        notes,
    })
}

/// Labels people give severities, placed on a 0–5 reference scale
/// (0 none … 5 catastrophic); mapped proportionally onto the assessment's.
const LABELS: &[(&str, f64)] = &[
    ("none", 0.0),
    ("no impact", 0.0),
    ("nil", 0.0),
    ("negligible", 1.0),
    ("insignificant", 1.0),
    ("minimal", 1.0),
    ("very low", 1.0),
    ("low", 2.0),
    ("minor", 2.0),
    ("limited", 2.0),
    ("medium", 3.0),
    ("moderate", 3.0),
    ("significant", 3.5),
    ("high", 4.0),
    ("major", 4.0),
    ("serious", 4.0),
    ("severe", 4.5),
    ("very high", 5.0),
    ("critical", 5.0),
    ("catastrophic", 5.0),
    ("extreme", 5.0),
    ("disastrous", 5.0),
];

/// Reads a severity onto `scale` (the assessment's levels, lowest first).
/// `None` for a cell that says it is not scored ("N/A", "-").
pub fn severity_cell(value: &Value, scale: &[SeverityLevel]) -> Result<Read<Option<u8>>, String> {
    let (lo, hi) = match (scale.first(), scale.last()) {
        (Some(a), Some(b)) => (a.value, b.value),
        _ => return Err("the assessment has no severity scale".into()),
    };
    let number = |n: f64, shown: &dyn Fn() -> String| -> Result<u8, String> {
        if n.fract() != 0.0 || n < f64::from(lo) || n > f64::from(hi) {
            Err(format!(
                "{} is not a level of the scale ({lo}–{hi})",
                shown()
            ))
        } else {
            Ok(n as u8)
        }
    };
    match value {
        Value::Error(_) => Ok(Read::plain(None)),
        Value::Number(n) => Ok(Read::plain(Some(number(*n, &|| number_text(*n))?))),
        Value::Bool(_) | Value::Time { .. } => {
            Err(format!("{} is not a severity", value.display()))
        }
        Value::Text(text) => {
            let t = text.trim();
            let key = name_key(t);
            if key.is_empty() || matches!(key.as_str(), "n/a" | "na" | "-" | "not scored") {
                return Ok(Read::plain(None));
            }
            // "4 - Major", "4: Major", "4 (Major)", "Major (4)", or "4".
            let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
            let label: String = t
                .chars()
                .filter(|c| c.is_alphabetic() || c.is_whitespace())
                .collect();
            let label = name_key(&label);
            if !digits.is_empty() {
                let n: f64 = digits
                    .parse()
                    .map_err(|_| format!("\"{t}\" is not a severity"))?;
                let level = number(n, &|| format!("\"{t}\""))?;
                let mut notes = Vec::new();
                if !label.is_empty()
                    && let Ok(by_label) = label_level(&label, scale, lo, hi)
                    && by_label.value != level
                {
                    notes.push(format!(
                        "\"{t}\": the number {level} is taken; the label would be {}",
                        by_label.value
                    ));
                }
                return Ok(Read {
                    value: Some(level),
                    notes,
                });
            }
            let read = label_level(&key, scale, lo, hi)
                .map_err(|_| format!("\"{t}\" is not a level of the scale ({})", names(scale)))?;
            Ok(Read {
                value: Some(read.value),
                notes: read.notes,
            })
        }
    }
}

fn names(scale: &[SeverityLevel]) -> String {
    scale
        .iter()
        .map(|l| format!("{} {}", l.value, l.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a severity word (its `name_key`) sits on the 0–5 reference scale
/// of the usual labels; `None` for a word no BIA uses.
pub fn label_position(key: &str) -> Option<f64> {
    LABELS.iter().find(|(l, _)| *l == key).map(|(_, p)| *p)
}

fn label_level(key: &str, scale: &[SeverityLevel], lo: u8, hi: u8) -> Result<Read<u8>, ()> {
    if let Some(level) = scale.iter().find(|l| name_key(&l.name) == key) {
        return Ok(Read::plain(level.value));
    }
    let &(_, position) = LABELS.iter().find(|(label, _)| *label == key).ok_or(())?;
    let exact = f64::from(lo) + position / 5.0 * f64::from(hi - lo);
    let value = exact.round() as u8;
    let mut notes = Vec::new();
    let name = scale
        .iter()
        .find(|l| l.value == value)
        .map(|l| l.name.as_str())
        .unwrap_or("");
    let same_name = name_key(name) == key;
    if (exact - exact.round()).abs() > 1e-9 || !same_name {
        notes.push(format!("\"{key}\" read as {value} {name}"));
    }
    Ok(Read { value, notes })
}

/// Splits a cell listing names: on commas, semicolons, line breaks, " / "
/// and bullets; trimmed, inner spaces folded, repeats (by `name_key`) dropped.
pub fn split_list(text: &str) -> Vec<String> {
    split_list_keyed(text)
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// [`split_list`], each name with its `name_key`.
pub fn split_list_keyed(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |part: &str| {
        let part = part.trim().trim_start_matches(['-', '*']).trim();
        if part.is_empty() {
            return;
        }
        let name = if part.contains(char::is_whitespace) {
            part.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            part.to_string()
        };
        let key = name.to_lowercase();
        if !out.iter().any(|(_, k)| *k == key) {
            out.push((name, key));
        }
    };
    for piece in text.split([',', ';', '\n', '\r', '|', '•', '·']) {
        if piece.contains(" / ") {
            piece.split(" / ").for_each(&mut push);
        } else {
            push(piece);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bia_model::Methodology;

    fn minutes(r: Result<Read<Option<Spoken>>, String>) -> (Option<u32>, Vec<String>) {
        let r = r.expect("a duration");
        (r.value.map(|s| s.minutes.0), r.notes)
    }

    #[test]
    fn numbers_take_the_header_unit_and_say_when_there_is_none() {
        assert_eq!(
            minutes(duration_cell(&Value::Number(4.0), Some(Minutes::HOUR))),
            (Some(240), vec![])
        );
        assert_eq!(
            minutes(duration_cell(&Value::Number(2.0), Some(Minutes::DAY))),
            (Some(2880), vec![])
        );
        let (m, notes) = minutes(duration_cell(&Value::Number(4.0), None));
        assert_eq!(m, Some(240));
        assert!(notes[0].contains("read as hours"), "{notes:?}");
        let (m, notes) = minutes(duration_cell(
            &Value::Text("48".into()),
            Some(Minutes::HOUR),
        ));
        assert_eq!((m, notes.len()), (Some(2880), 0), "a number stored as text");
    }

    #[test]
    fn text_forms_say_how_they_were_read() {
        let (m, notes) = minutes(duration_cell(&Value::Text("1-3 days".into()), None));
        assert_eq!(m, Some(1440));
        assert!(notes[0].contains("lower bound 1 d"), "{notes:?}");
        let (m, notes) = minutes(duration_cell(&Value::Text("1 business day".into()), None));
        assert_eq!(m, Some(1440));
        assert!(notes[0].contains("business time"), "{notes:?}");
        let (m, notes) = minutes(duration_cell(&Value::Text("> 72 hrs".into()), None));
        assert_eq!(m, Some(72 * 60));
        assert!(notes[0].contains("more than 3 d"), "{notes:?}");
        assert_eq!(
            minutes(duration_cell(&Value::Text("N/A".into()), None)),
            (None, vec![])
        );
        assert_eq!(
            minutes(duration_cell(&Value::Error("#N/A".into()), None)),
            (None, vec![])
        );
        let e = duration_cell(&Value::Text("soon".into()), None).unwrap_err();
        assert!(e.contains("\"soon\" is not a duration"), "{e}");
    }

    #[test]
    fn excel_time_cells_are_durations_and_dates_are_not() {
        let four_hours = Value::Time {
            days: 4.0 / 24.0,
            elapsed: false,
        };
        assert_eq!(
            minutes(duration_cell(&four_hours, None)),
            (Some(240), vec![])
        );
        let thirty_hours = Value::Time {
            days: 1.25,
            elapsed: true,
        };
        assert_eq!(
            minutes(duration_cell(&thirty_hours, None)),
            (Some(1800), vec![])
        );
        let date = Value::Time {
            days: 46_000.0,
            elapsed: false,
        };
        assert!(duration_cell(&date, None).unwrap_err().contains("a date"));
    }

    #[test]
    fn severities_map_onto_the_scale() {
        let scale = Methodology::default().scale;
        let level = |v: Value| severity_cell(&v, &scale).map(|r| r.value);
        let text = |s: &str| Value::Text(s.into());
        assert_eq!(level(Value::Number(3.0)), Ok(Some(3)));
        assert_eq!(level(text("3")), Ok(Some(3)));
        assert_eq!(level(text("4 - Major")), Ok(Some(4)));
        assert_eq!(level(text("5 – Critical")), Ok(Some(5)));
        assert_eq!(level(text("Major (4)")), Ok(Some(4)));
        assert_eq!(level(text("Catastrophic")), Ok(Some(5)));
        assert_eq!(level(text("moderate")), Ok(Some(3)));
        for (label, want) in [("Low", 2), ("Medium", 3), ("High", 4), ("Critical", 5)] {
            assert_eq!(level(text(label)), Ok(Some(want)), "{label}");
        }
        for (label, want) in [
            ("Insignificant", 1),
            ("Minor", 2),
            ("Moderate", 3),
            ("Major", 4),
            ("Severe", 5),
            ("Catastrophic", 5),
        ] {
            assert_eq!(level(text(label)), Ok(Some(want)), "{label}");
        }
        assert_eq!(level(text("N/A")), Ok(None));
        assert!(level(Value::Number(7.0)).unwrap_err().contains("0–5"));
        assert!(level(Value::Number(2.5)).is_err());
        assert!(level(text("purple")).unwrap_err().contains("4 Major"));
        let severe = severity_cell(&text("Severe"), &scale).unwrap();
        assert!(severe.notes[0].contains("read as 5"), "{:?}", severe.notes);
        let odd = severity_cell(&text("2 - Major"), &scale).unwrap();
        assert_eq!(odd.value, Some(2));
        assert!(odd.notes[0].contains("label would be 4"), "{:?}", odd.notes);
    }

    #[test]
    fn labels_spread_over_a_shorter_scale() {
        let scale: Vec<SeverityLevel> = ["Low", "Medium", "High", "Very high"]
            .iter()
            .enumerate()
            .map(|(i, n)| SeverityLevel {
                id: bia_model::Id::new(),
                value: i as u8 + 1,
                name: n.to_string(),
            })
            .collect();
        let level = |s: &str| severity_cell(&Value::Text(s.into()), &scale).unwrap().value;
        assert_eq!(level("High"), Some(3), "a level name of the scale wins");
        assert_eq!(level("Catastrophic"), Some(4));
        assert_eq!(level("Insignificant"), Some(2), "1 + 1/5 of 3, rounded");
    }

    #[test]
    fn lists_split_on_the_usual_separators() {
        assert_eq!(
            split_list("SAP, Payroll DB; Email\nVPN / Citrix  •  Active   Directory,sap"),
            vec![
                "SAP",
                "Payroll DB",
                "Email",
                "VPN",
                "Citrix",
                "Active Directory"
            ]
        );
        assert_eq!(split_list("TCP/IP gateway"), vec!["TCP/IP gateway"]);
        assert_eq!(split_list(" ,; \n"), Vec::<String>::new());
        assert_eq!(split_list("- Payroll\n- HR"), vec!["Payroll", "HR"]);
    }
}
