//! Reading a claimed tier onto the methodology's tiers: the text a legacy
//! workbook's "Criticality", "Tier", "Priority" or "BIA rating" column holds
//! ("Tier 1", "P2", "Critical", "3"), or what a facilitator types as the
//! tier a process owner claims. The one place this rule lives: the import,
//! the form's check and the analysis all call [`Methodology::read_tier_claim`].
//!
//! It does not judge the claim (the analysis compares it with the tier the
//! agreed RTO gives) and stores nothing: a claim is kept as written, and read
//! again whenever it is analysed, so editing the tiers re-reads it.

use super::{Methodology, Tier};

/// How a claim was read onto a tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimReading {
    /// The text is a tier's name ("Tier 2", "tier-2", "GOLD").
    Name,
    /// The text is a tier's number, bare or after a prefix ("2", "T2",
    /// "P2", "Priority 2", "Level II"): the tiers counted most urgent first.
    Number(u32),
    /// The text is a word of the criticality scale; `step` is its place on
    /// it, 1 (critical) to 4 (low). See [`word_step`] and [`step_tier`].
    Word { step: u8 },
}

/// A claim read onto one of the methodology's tiers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadClaim<'m> {
    pub tier: &'m Tier,
    /// Its index in [`Methodology::tiers`] (0: the most urgent).
    pub index: usize,
    pub how: ClaimReading,
}

impl ReadClaim<'_> {
    /// How the text was read, for a preview or a finding: "the second of 4
    /// tiers for High", "tier number 2", "the tier's name".
    pub fn explain(&self, tiers: usize) -> String {
        match self.how {
            ClaimReading::Name => format!("{}: the tier's name", self.tier.name),
            ClaimReading::Number(n) => format!("{}: tier number {n}", self.tier.name),
            ClaimReading::Word { step } => format!(
                "{}: {} on the criticality scale, the {} of {tiers} {}",
                self.tier.name,
                STEP_NAMES[usize::from(step) - 1],
                ordinal(self.index + 1, tiers),
                if tiers == 1 { "tier" } else { "tiers" },
            ),
        }
    }
}

/// Why a claim names no tier.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClaimUnread {
    #[error("\"{text}\" cannot be read as a tier: the methodology has no tiers")]
    NoTiers { text: String },
    #[error(
        "\"{text}\" names no tier: write a tier's name ({names}), its number (1 to {count}, \
         \"T2\", \"P2\"), or Critical, High, Medium or Low"
    )]
    Unknown {
        text: String,
        /// The tiers' names, comma-separated.
        names: String,
        count: usize,
    },
    #[error("\"{text}\" is tier number {number}, but the tiers are numbered 1 to {count}")]
    BeyondTiers {
        text: String,
        number: u32,
        count: usize,
    },
    #[error("\"{text}\" says both tier number {number} and {word}, which is {word_tier}")]
    Conflicting {
        text: String,
        number: u32,
        word: String,
        word_tier: String,
    },
}

/// The criticality scale's steps, most urgent first.
const STEP_NAMES: [&str; 4] = ["critical", "high", "medium", "low"];

/// The words of the criticality scale, each with its step: 1 critical,
/// 2 high, 3 medium, 4 low; the severity scale's words fall on it too
/// (Catastrophic 1, Major 2, Moderate 3, Minor 4), for registers that rate
/// criticality as an impact ("4 - Major"). Compared after lowering the case
/// and turning punctuation into spaces ("Mission-Critical" is "mission
/// critical").
const WORDS: &[(&str, u8)] = &[
    ("critical", 1),
    ("very high", 1),
    ("mission critical", 1),
    ("business critical", 1),
    ("vital", 1),
    ("highest", 1),
    ("extreme", 1),
    ("catastrophic", 1),
    ("severe", 1),
    ("high", 2),
    ("important", 2),
    ("major", 2),
    ("significant", 2),
    ("medium", 3),
    ("moderate", 3),
    ("med", 3),
    ("low", 4),
    ("minor", 4),
    ("very low", 4),
    ("lowest", 4),
    ("minimal", 4),
    ("negligible", 4),
    ("non critical", 4),
    ("not critical", 4),
];

/// Words that may stand before a tier's number: "Tier 2", "P2", "Priority
/// level 1", "Recovery tier 3", "BIA rating 2".
const PREFIXES: &[&str] = &[
    "tier",
    "t",
    "p",
    "pri",
    "prio",
    "priority",
    "level",
    "lvl",
    "l",
    "rank",
    "ranking",
    "category",
    "cat",
    "class",
    "criticality",
    "critical",
    "recovery",
    "bia",
    "rating",
];

const ROMAN: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

/// The step (1 critical … 4 low) a word of the criticality scale stands
/// for, or `None` for any other text.
pub fn word_step(text: &str) -> Option<u8> {
    let joined = tokens(text).join(" ");
    WORDS.iter().find(|(w, _)| *w == joined).map(|(_, s)| *s)
}

/// The tier (its index, 0 the most urgent) a step of the criticality
/// scale falls on with `tiers` tiers: the four steps are spread evenly from
/// the first tier to the last, to the nearest tier. With the default four
/// tiers each step is its tier (Critical → Tier 1, High → Tier 2, Medium →
/// Tier 3, Low → Tier 4); with three, Critical → 1, High and Medium → 2,
/// Low → 3; with five, Critical → 1, High → 2, Medium → 4, Low → 5; with
/// two, Critical and High → 1, Medium and Low → 2.
pub fn step_tier(step: u8, tiers: usize) -> usize {
    if tiers == 0 {
        return 0;
    }
    let place = usize::from(step.clamp(1, 4) - 1) * (tiers - 1);
    // place / 3 rounded to the nearest (a third is never a half).
    (2 * place + 3) / 6
}

impl Methodology {
    /// Reads `text` as a tier of this methodology: a tier's name, a tier's
    /// number (bare or after a prefix such as "Tier", "T", "P", "Priority",
    /// "Level"; in digits or roman numerals), or a word of the criticality
    /// scale (see [`WORDS`] and [`step_tier`]). A number with a word after
    /// it: after a prefix ("Tier 1 - Critical", "P2 (High)") the number is
    /// the tier and the word must agree; bare ("5 - Critical", "4 - Major")
    /// the word decides, for such a number is a rating on another scale
    /// (often a severity, 5 the worst). `Ok(None)`: the text is blank,
    /// nothing is claimed.
    pub fn read_tier_claim(&self, text: &str) -> Result<Option<ReadClaim<'_>>, ClaimUnread> {
        let words = tokens(text);
        if words.is_empty() {
            return Ok(None);
        }
        let text = text.trim().to_string();
        let count = self.tiers.len();
        if count == 0 {
            return Err(ClaimUnread::NoTiers { text });
        }
        let found = |index: usize, how| ReadClaim {
            tier: &self.tiers[index],
            index,
            how,
        };
        if let Some(index) = self.tiers.iter().position(|t| tokens(&t.name) == words) {
            return Ok(Some(found(index, ClaimReading::Name)));
        }
        let word = |rest: &[String]| {
            let joined = rest.join(" ");
            WORDS.iter().find(|(w, _)| *w == joined).map(|(_, s)| *s)
        };
        if let Some(step) = word(&words) {
            return Ok(Some(found(
                step_tier(step, count),
                ClaimReading::Word { step },
            )));
        }
        // [prefix…] number [word]
        let prefixed = words
            .iter()
            .take_while(|w| PREFIXES.contains(&w.as_str()))
            .count();
        if let Some(first) = words.get(prefixed)
            && let Some(number) = first.parse::<u32>().ok().or_else(|| {
                (prefixed > 0)
                    .then(|| ROMAN.iter().position(|r| r == first))
                    .flatten()
                    .map(|i| i as u32 + 1)
            })
        {
            let rest = &words[prefixed + 1..];
            let step = if rest.is_empty() {
                None
            } else {
                match word(rest) {
                    Some(step) => Some(step),
                    None => {
                        return Err(self.unknown(text));
                    }
                }
            };
            if let (0, Some(step)) = (prefixed, step) {
                return Ok(Some(found(
                    step_tier(step, count),
                    ClaimReading::Word { step },
                )));
            }
            if number == 0 || number as usize > count {
                return Err(ClaimUnread::BeyondTiers {
                    text,
                    number,
                    count,
                });
            }
            let index = number as usize - 1;
            if let Some(step) = step
                && step_tier(step, count) != index
            {
                return Err(ClaimUnread::Conflicting {
                    text,
                    number,
                    word: rest.join(" "),
                    word_tier: self.tiers[step_tier(step, count)].name.clone(),
                });
            }
            return Ok(Some(found(index, ClaimReading::Number(number))));
        }
        Err(self.unknown(text))
    }

    fn unknown(&self, text: String) -> ClaimUnread {
        ClaimUnread::Unknown {
            text,
            names: self
                .tiers
                .iter()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            count: self.tiers.len(),
        }
    }
}

/// The text's words, lowered, split at anything that is not a letter or a
/// digit and where letters turn into digits ("T2" → "t", "2").
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        match lower.find(|c: char| c.is_ascii_digit()) {
            Some(at)
                if at > 0
                    && lower[..at].chars().all(char::is_alphabetic)
                    && lower[at..].chars().all(|c| c.is_ascii_digit()) =>
            {
                out.push(lower[..at].to_string());
                out.push(lower[at..].to_string());
            }
            _ => out.push(lower),
        }
    }
    out
}

fn ordinal(n: usize, of: usize) -> String {
    if n == of && of > 1 {
        return "last".into();
    }
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        n => format!("{n}th"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Minutes;

    fn tier_name(m: &Methodology, text: &str) -> Option<String> {
        m.read_tier_claim(text)
            .ok()
            .flatten()
            .map(|r| r.tier.name.clone())
    }

    fn with_tiers(names: &[&str]) -> Methodology {
        Methodology {
            tiers: names
                .iter()
                .enumerate()
                .map(|(i, n)| Tier {
                    id: crate::Id::new(),
                    rank: i as u8 + 1,
                    name: (*n).to_string(),
                    max_rto_minutes: (i + 1 < names.len()).then_some(Minutes((i as u32 + 1) * 60)),
                })
                .collect(),
            ..Methodology::default()
        }
    }

    #[test]
    fn names_and_numbers_in_the_forms_workbooks_write_them() {
        let m = Methodology::default();
        let table = [
            ("Tier 1", "Tier 1"),
            ("  tier-2 ", "Tier 2"),
            ("TIER3", "Tier 3"),
            ("2", "Tier 2"),
            ("T2", "Tier 2"),
            ("P1", "Tier 1"),
            ("p 4", "Tier 4"),
            ("Priority 2", "Tier 2"),
            ("Priority level 3", "Tier 3"),
            ("Level 1", "Tier 1"),
            ("Recovery Tier 3", "Tier 3"),
            ("Tier II", "Tier 2"),
            ("Tier IV", "Tier 4"),
            ("Tier 1 - Critical", "Tier 1"),
            ("P2 (High)", "Tier 2"),
        ];
        for (text, tier) in table {
            assert_eq!(tier_name(&m, text).as_deref(), Some(tier), "{text:?}");
        }
    }

    #[test]
    fn words_follow_the_stated_rule_on_the_default_four_tiers() {
        let m = Methodology::default();
        let table = [
            ("Critical", "Tier 1"),
            ("Very high", "Tier 1"),
            ("Mission-Critical", "Tier 1"),
            ("High", "Tier 2"),
            ("medium", "Tier 3"),
            ("Moderate", "Tier 3"),
            ("Low", "Tier 4"),
            ("Minor", "Tier 4"),
            ("Non-critical", "Tier 4"),
        ];
        for (text, tier) in table {
            assert_eq!(tier_name(&m, text).as_deref(), Some(tier), "{text:?}");
        }
        let read = m.read_tier_claim("High").unwrap().unwrap();
        assert_eq!(read.how, ClaimReading::Word { step: 2 });
        assert_eq!(
            read.explain(4),
            "Tier 2: high on the criticality scale, the second of 4 tiers"
        );
    }

    #[test]
    fn a_bare_rating_with_a_word_is_read_by_the_word() {
        // A "Criticality Ranking" that rates on the severity scale, 5 the worst.
        let m = Methodology::default();
        let table = [
            ("5 - Critical", "Tier 1"),
            ("4 - Major", "Tier 2"),
            ("3 - Moderate", "Tier 3"),
            ("2 - Minor", "Tier 4"),
            ("1 - Critical", "Tier 1"),
        ];
        for (text, tier) in table {
            assert_eq!(tier_name(&m, text).as_deref(), Some(tier), "{text:?}");
        }
        assert_eq!(
            m.read_tier_claim("5 - Critical").unwrap().unwrap().how,
            ClaimReading::Word { step: 1 }
        );
    }

    #[test]
    fn words_spread_over_other_tier_counts() {
        let spread =
            |tiers: usize| -> Vec<usize> { (1..=4).map(|s| step_tier(s, tiers)).collect() };
        assert_eq!(spread(4), [0, 1, 2, 3], "the default: each step its tier");
        assert_eq!(
            spread(3),
            [0, 1, 1, 2],
            "High and Medium share the middle tier"
        );
        assert_eq!(spread(5), [0, 1, 3, 4]);
        assert_eq!(spread(2), [0, 0, 1, 1]);
        assert_eq!(spread(1), [0, 0, 0, 0]);
        let m = with_tiers(&["Gold", "Silver", "Bronze"]);
        assert_eq!(
            tier_name(&m, "Low").as_deref(),
            Some("Bronze"),
            "the last tier"
        );
        assert_eq!(tier_name(&m, "medium").as_deref(), Some("Silver"));
        assert_eq!(
            tier_name(&m, "gold").as_deref(),
            Some("Gold"),
            "by its name"
        );
        assert_eq!(
            tier_name(&m, "3").as_deref(),
            Some("Bronze"),
            "by its number"
        );
    }

    #[test]
    fn blank_is_no_claim_and_anything_else_says_why_it_is_not_read() {
        let m = Methodology::default();
        assert_eq!(m.read_tier_claim("   ").unwrap(), None);
        assert_eq!(
            m.read_tier_claim("Gold").unwrap_err().to_string(),
            "\"Gold\" names no tier: write a tier's name (Tier 1, Tier 2, Tier 3, Tier 4), its \
             number (1 to 4, \"T2\", \"P2\"), or Critical, High, Medium or Low"
        );
        assert!(matches!(
            m.read_tier_claim("P5"),
            Err(ClaimUnread::BeyondTiers {
                number: 5,
                count: 4,
                ..
            })
        ));
        assert!(matches!(
            m.read_tier_claim("P0"),
            Err(ClaimUnread::BeyondTiers { number: 0, .. })
        ));
        assert_eq!(
            m.read_tier_claim("Tier 1 - Low").unwrap_err().to_string(),
            "\"Tier 1 - Low\" says both tier number 1 and low, which is Tier 4"
        );
        assert!(
            m.read_tier_claim("3 - Purple").is_err(),
            "a word that is no criticality"
        );
        assert!(
            m.read_tier_claim("2 days").is_err(),
            "a duration is not a tier"
        );
        assert!(
            m.read_tier_claim("II").is_err(),
            "roman numerals only after a prefix"
        );
        assert!(matches!(
            with_tiers(&[]).read_tier_claim("Tier 1"),
            Err(ClaimUnread::NoTiers { .. })
        ));
    }
}
