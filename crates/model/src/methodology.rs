//! The methodology of an assessment: impact categories, the severity scale
//! with a definition of each level per category, the time horizons at which
//! impact is scored, the tolerance threshold, the recovery tiers and the
//! currency the definitions' amounts are in. [`Methodology::default`] is
//! what a new assessment is seeded with (its currency chosen by the caller,
//! [`Methodology::with_currency`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Currency, FieldIssue, Id, Minutes};

/// The rules a whole assessment is scored by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Methodology {
    /// Impact categories, in display order.
    pub categories: Vec<Category>,
    /// Severity levels, lowest first.
    pub scale: Vec<SeverityLevel>,
    /// Time horizons, shortest first.
    pub horizons: Vec<Horizon>,
    /// The severity at which impact becomes unacceptable.
    pub threshold: u8,
    /// Recovery tiers, most urgent first.
    pub tiers: Vec<Tier>,
    /// The currency of the amounts in the level definitions ("loss over
    /// 1 M"): an ISO 4217 code, e.g. "GBP".
    #[ts(type = "string")]
    pub currency: Currency,
}

/// A kind of impact (financial, operational, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Category {
    pub id: Id,
    pub name: String,
    /// A threshold for this category alone, overriding the assessment's.
    pub threshold: Option<u8>,
    /// Retired categories keep their scores but are no longer scored or
    /// counted towards the MTPD.
    pub retired: bool,
    /// What each severity level means for this category, lowest first.
    pub definitions: Vec<LevelDefinition>,
}

/// What one severity level means in one category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LevelDefinition {
    pub level: u8,
    pub text: String,
}

/// One step of the severity scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeverityLevel {
    pub id: Id,
    pub value: u8,
    pub name: String,
}

/// A point in time after the start of a disruption at which impact is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Horizon {
    pub id: Id,
    pub minutes: Minutes,
    pub label: String,
}

/// A recovery priority band: processes whose RTO is at most `max_rto_minutes`
/// (and above the previous tier's) fall in it; `None` means "beyond".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Tier {
    pub id: Id,
    pub rank: u8,
    pub name: String,
    pub max_rto_minutes: Option<Minutes>,
}

/// A whole methodology as edited: rows with `id: None` are new. Category
/// order is the order given; horizons are kept shortest first; tiers most
/// urgent first, each band wider than the one before, the last may be open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct MethodologyInput {
    pub categories: Vec<CategoryInput>,
    /// Level names, lowest first (the number of levels is fixed).
    pub scale: Vec<String>,
    pub horizons: Vec<HorizonInput>,
    pub threshold: u8,
    pub tiers: Vec<TierInput>,
    /// The currency's ISO 4217 code as typed ("GBP", "gbp").
    pub currency: String,
}

impl MethodologyInput {
    /// The currency as typed, checked: the issue names the field
    /// `currency`.
    pub fn currency(&self) -> Result<Currency, FieldIssue> {
        crate::currency::checked_currency("currency", &self.currency)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CategoryInput {
    pub id: Option<Id>,
    pub name: String,
    pub threshold: Option<u8>,
    pub retired: bool,
    /// One definition per level, lowest first.
    pub definitions: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct HorizonInput {
    pub id: Option<Id>,
    pub label: String,
    /// As typed: "4 h", "1 day", "2 weeks".
    pub duration: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct TierInput {
    pub id: Option<Id>,
    pub name: String,
    /// The widest RTO in the band, as typed; blank for "beyond".
    pub max_rto: String,
}

impl Methodology {
    /// The methodology as a form edits it.
    pub fn to_input(&self) -> MethodologyInput {
        MethodologyInput {
            categories: self
                .categories
                .iter()
                .map(|c| CategoryInput {
                    id: Some(c.id),
                    name: c.name.clone(),
                    threshold: c.threshold,
                    retired: c.retired,
                    definitions: c.definitions.iter().map(|d| d.text.clone()).collect(),
                })
                .collect(),
            scale: self.scale.iter().map(|l| l.name.clone()).collect(),
            horizons: self
                .horizons
                .iter()
                .map(|h| HorizonInput {
                    id: Some(h.id),
                    label: h.label.clone(),
                    duration: h.minutes.to_string(),
                })
                .collect(),
            threshold: self.threshold,
            tiers: self
                .tiers
                .iter()
                .map(|t| TierInput {
                    id: Some(t.id),
                    name: t.name.clone(),
                    max_rto: t.max_rto_minutes.map(|m| m.to_string()).unwrap_or_default(),
                })
                .collect(),
            currency: self.currency.to_string(),
        }
    }

    /// This methodology with its amounts in `currency`.
    pub fn with_currency(self, currency: Currency) -> Methodology {
        Methodology { currency, ..self }
    }

    /// The threshold that applies to a category.
    pub fn threshold_of(&self, category: &Category) -> u8 {
        category.threshold.unwrap_or(self.threshold)
    }

    /// The tier an RTO falls in: the first band wide enough, else the last.
    pub fn tier_for(&self, rto: Minutes) -> Option<&Tier> {
        self.tiers
            .iter()
            .find(|t| t.max_rto_minutes.is_none_or(|max| rto <= max))
            .or(self.tiers.last())
    }

    /// The category with this name (trimmed, case-folded).
    pub fn category_named(&self, name: &str) -> Result<&Category, crate::UnknownName> {
        self.categories
            .iter()
            .find(|c| super::name_key(&c.name) == super::name_key(name))
            .ok_or_else(|| crate::UnknownName {
                kind: "impact category",
                name: name.trim().to_string(),
                accepted: self
                    .categories
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The horizon with this label, or at this duration ("24h" is the
    /// `1 d` horizon).
    pub fn horizon_named(&self, text: &str) -> Result<&Horizon, crate::UnknownName> {
        let by_label = self
            .horizons
            .iter()
            .find(|h| super::name_key(&h.label) == super::name_key(text));
        let by_duration = || {
            super::duration::parse(text)
                .ok()
                .and_then(|m| self.horizons.iter().find(|h| h.minutes == m))
        };
        by_label
            .or_else(by_duration)
            .ok_or_else(|| crate::UnknownName {
                kind: "horizon",
                name: text.trim().to_string(),
                accepted: self
                    .horizons
                    .iter()
                    .map(|h| h.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// A severity given as a number of the scale or a level's name.
    pub fn severity_named(&self, text: &str) -> Result<u8, crate::UnknownName> {
        let found = match text.trim().parse::<u8>() {
            Ok(n) => self.scale.iter().find(|l| l.value == n),
            Err(_) => self
                .scale
                .iter()
                .find(|l| super::name_key(&l.name) == super::name_key(text)),
        };
        found.map(|l| l.value).ok_or_else(|| crate::UnknownName {
            kind: "severity",
            name: text.trim().to_string(),
            accepted: self
                .scale
                .iter()
                .map(|l| format!("{} ({})", l.value, l.name))
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// The name of a severity level ("4" if the scale has no such level).
    pub fn level_name(&self, value: u8) -> String {
        self.scale
            .iter()
            .find(|l| l.value == value)
            .map(|l| l.name.clone())
            .unwrap_or_else(|| value.to_string())
    }
}

const LEVEL_NAMES: [&str; 6] = [
    "None",
    "Minimal",
    "Minor",
    "Moderate",
    "Major",
    "Catastrophic",
];

/// Category names with a definition per level 0..=5.
const CATEGORIES: [(&str, [&str; 6]); 7] = [
    (
        "Financial",
        [
            "No financial loss",
            "Loss or extra cost under 10 k",
            "Loss or extra cost of 10 k to 100 k",
            "Loss or extra cost of 100 k to 1 M",
            "Loss or extra cost of 1 M to 10 M",
            "Loss or extra cost over 10 M, or a threat to solvency",
        ],
    ),
    (
        "Operational",
        [
            "No effect on operations",
            "Minor inconvenience absorbed by the team",
            "Some activities delayed; backlog cleared within a day",
            "Significant backlog; other teams affected",
            "Core operations halted at one site",
            "Core operations halted across the organisation",
        ],
    ),
    (
        "Customer",
        [
            "No customer notices",
            "A few customers notice; no complaints",
            "Complaints from some customers; service levels missed",
            "Many customers affected; key accounts escalate",
            "Loss of key customers or contractual penalties",
            "Widespread loss of customers",
        ],
    ),
    (
        "Reputational",
        [
            "No external attention",
            "Internal attention only",
            "Local or trade press mention",
            "Regional media coverage; social media criticism",
            "National media coverage; leadership questioned",
            "Sustained international coverage; lasting brand damage",
        ],
    ),
    (
        "Legal & Regulatory",
        [
            "No legal or regulatory consequence",
            "Minor breach, handled internally",
            "Reportable breach with no sanction expected",
            "Regulator inquiry or formal warning",
            "Fines, enforcement action or litigation",
            "Loss of licence, criminal liability",
        ],
    ),
    (
        "Health & Safety",
        [
            "No harm to anyone",
            "Minor discomfort, no treatment needed",
            "Minor injury needing first aid",
            "Injury needing medical treatment",
            "Serious injury or long-term harm",
            "Loss of life",
        ],
    ),
    (
        "Environmental",
        [
            "No environmental effect",
            "Negligible, contained on site",
            "Minor release, cleaned up within days",
            "Notifiable release with short-term harm",
            "Significant harm needing long remediation",
            "Severe, lasting damage to the environment",
        ],
    ),
];

const HORIZONS: [(u32, &str); 8] = [
    (60, "1 h"),
    (4 * 60, "4 h"),
    (8 * 60, "8 h"),
    (Minutes::DAY, "1 d"),
    (3 * Minutes::DAY, "3 d"),
    (Minutes::WEEK, "1 w"),
    (2 * Minutes::WEEK, "2 w"),
    (Minutes::MONTH, "1 mo"),
];

const TIERS: [(&str, Option<u32>); 4] = [
    ("Tier 1", Some(4 * 60)),
    ("Tier 2", Some(Minutes::DAY)),
    ("Tier 3", Some(3 * Minutes::DAY)),
    ("Tier 4", None),
];

impl Default for Methodology {
    /// ISO/TS 22317-style defaults: seven categories, a 0–5 scale, eight
    /// horizons from 1 hour to 1 month, threshold 4 (Major), four tiers;
    /// amounts in the [`Currency::fallback`] (a new assessment takes its
    /// creator's, [`Methodology::with_currency`]).
    fn default() -> Methodology {
        Methodology {
            categories: CATEGORIES
                .iter()
                .map(|(name, defs)| Category {
                    id: Id::new(),
                    name: (*name).to_string(),
                    threshold: None,
                    retired: false,
                    definitions: defs
                        .iter()
                        .enumerate()
                        .map(|(level, text)| LevelDefinition {
                            level: level as u8,
                            text: (*text).to_string(),
                        })
                        .collect(),
                })
                .collect(),
            scale: LEVEL_NAMES
                .iter()
                .enumerate()
                .map(|(value, name)| SeverityLevel {
                    id: Id::new(),
                    value: value as u8,
                    name: (*name).to_string(),
                })
                .collect(),
            horizons: HORIZONS
                .iter()
                .map(|(minutes, label)| Horizon {
                    id: Id::new(),
                    minutes: Minutes(*minutes),
                    label: (*label).to_string(),
                })
                .collect(),
            threshold: 4,
            tiers: TIERS
                .iter()
                .enumerate()
                .map(|(i, (name, max))| Tier {
                    id: Id::new(),
                    rank: i as u8 + 1,
                    name: (*name).to_string(),
                    max_rto_minutes: max.map(Minutes),
                })
                .collect(),
            currency: Currency::fallback(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_define_every_level_of_every_category() {
        let m = Methodology::default();
        assert_eq!(m.categories.len(), 7);
        assert_eq!(m.scale.len(), 6);
        for c in &m.categories {
            assert_eq!(
                c.definitions.len(),
                m.scale.len(),
                "{} lacks a definition",
                c.name
            );
        }
        assert_eq!(m.horizons.last().unwrap().minutes, Minutes(43_200));
        assert_eq!(m.threshold, 4);
        assert_eq!(m.tiers[0].max_rto_minutes, Some(Minutes(240)));
        assert_eq!(m.tiers[3].max_rto_minutes, None);
        assert_eq!(m.currency, Currency::fallback());
    }

    #[test]
    fn the_currency_goes_to_the_form_and_is_checked_coming_back() {
        let m = Methodology::default().with_currency(Currency::gbp());
        let mut input = m.to_input();
        assert_eq!(input.currency, "GBP");
        assert_eq!(input.currency().unwrap(), Currency::gbp());
        input.currency = "sterling".into();
        let issue = input.currency().unwrap_err();
        assert_eq!(
            issue.field, "currency",
            "the form shows it beside the field"
        );
        assert!(
            issue.message.contains("three-letter ISO 4217 code"),
            "{issue:?}"
        );
    }

    #[test]
    fn tiers_follow_the_bands() {
        let m = Methodology::default();
        let tier = |minutes| m.tier_for(Minutes(minutes)).unwrap().name.as_str();
        assert_eq!(tier(0), "Tier 1");
        assert_eq!(tier(240), "Tier 1");
        assert_eq!(tier(241), "Tier 2");
        assert_eq!(tier(1440), "Tier 2");
        assert_eq!(tier(4320), "Tier 3");
        assert_eq!(tier(4321), "Tier 4");
        assert_eq!(tier(43200), "Tier 4");
    }
}
