//! What each column of a table means. Headers are matched against a table
//! of synonyms shipped as data (`assets/import/synonyms.toml`), which a
//! user extends with a mapping file; the user may also pin any column to a
//! field. Matching ignores case, spaces and punctuation; a unit in the
//! header ("RTO (Hrs)", "MTPD in days") becomes the column's unit; impact
//! columns are a category and a horizon, in one header ("Financial Impact
//! @ 1 Day") or a horizon under a band naming the category. A column that
//! means nothing known is kept as a custom field.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use bia_model::{Minutes, ResourceKind, name_key};

/// The synonym table shipped with the program.
pub const SHIPPED: &str = include_str!("../../../../assets/import/synonyms.toml");

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export, rename = "ImportField")]
pub enum Field {
    /// An identifier of the process in the workbook ("BIA Ref"), used to
    /// match a re-import and kept as a custom field.
    Id,
    Process,
    Unit,
    Owner,
    Description,
    PeakPeriods,
    MinimumStaff,
    Workaround,
    Notes,
    Rto,
    Rpo,
    Mtpd,
    Wrt,
    Mbco,
    /// A criticality, tier or priority rating ("Tier 1", "P2", "Critical"):
    /// kept as a custom field, and read as the tier the workbook claimed
    /// (`Methodology::read_tier_claim`).
    Criticality,
    /// How fast the process can be recovered today, kept as a custom field.
    RecoveryCapability,
    /// Resources of one kind the process needs.
    Dependency {
        resource: ResourceKind,
    },
    /// Processes this one needs.
    UpstreamProcess,
    /// In a table of one row per impact: when (a duration; the header's
    /// unit, else hours).
    TimePoint,
    /// The same, in seconds (CISO Assistant's `point_in_time`).
    TimePointSeconds,
    /// In a table of one row per impact: how severe.
    Severity,
    /// In a table of one row per impact: the categories it is in (a list).
    ImpactCategories,
    /// A severity for one category (`None`: not named by the header) at
    /// one horizon.
    Impact {
        category: Option<String>,
        #[ts(type = "number")]
        horizon: Minutes,
    },
    /// Kept as a custom field under the column's name.
    Custom,
    /// Not imported at all.
    Ignore,
}

impl Field {
    /// The form a mapping file writes: `rto`, `dependency:supplier`,
    /// `upstream_process`, `impact:Financial@1 d`, `custom`, `ignore`.
    pub fn key(&self) -> String {
        match self {
            Field::Dependency { resource } => format!("dependency:{}", resource.as_str()),
            Field::Impact { category, horizon } => {
                format!("impact:{}@{horizon}", category.as_deref().unwrap_or(""))
            }
            other => SIMPLE
                .iter()
                .find(|(_, f)| f == other)
                .map(|(k, _)| (*k).to_string())
                .unwrap_or_default(),
        }
    }

    /// Reads [`Field::key`]'s form.
    pub fn parse(key: &str) -> Option<Field> {
        let key = key.trim();
        if let Some(kind) = key.strip_prefix("dependency:") {
            return ResourceKind::parse(kind).map(|resource| Field::Dependency { resource });
        }
        if let Some(rest) = key.strip_prefix("impact:") {
            let (category, horizon) = rest.rsplit_once('@')?;
            let horizon = bia_model::duration::parse(horizon).ok()?;
            let category = category.trim();
            return Some(Field::Impact {
                category: (!category.is_empty()).then(|| category.to_string()),
                horizon,
            });
        }
        let lower = key.to_lowercase();
        SIMPLE
            .iter()
            .find(|(k, _)| *k == lower)
            .map(|(_, f)| f.clone())
    }

    /// Counts towards recognising a sheet as a BIA table (with a process
    /// column): fields a list of anything else would not have.
    fn is_bia_signal(&self) -> bool {
        !matches!(
            self,
            Field::Id
                | Field::Process
                | Field::Owner
                | Field::Description
                | Field::Notes
                | Field::Custom
                | Field::Ignore
        )
    }
}

/// One entry of the desktop's mapping dropdown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportFieldOption")]
pub struct FieldOption {
    pub field: Field,
    pub label: String,
}

impl Field {
    /// What a person calls the field.
    pub fn label(&self) -> String {
        match self {
            Field::Id => "ID (matches a re-import; kept as a custom field)".into(),
            Field::Process => "Process name".into(),
            Field::Unit => "Unit".into(),
            Field::Owner => "Owner".into(),
            Field::Description => "Description".into(),
            Field::PeakPeriods => "Peak periods".into(),
            Field::MinimumStaff => "Minimum staff".into(),
            Field::Workaround => "Workaround".into(),
            Field::Notes => "Notes".into(),
            Field::Rto => "RTO".into(),
            Field::Rpo => "RPO".into(),
            Field::Mtpd => "MTPD".into(),
            Field::Wrt => "WRT".into(),
            Field::Mbco => "MBCO".into(),
            Field::Criticality => "Tier claimed (also kept as a custom field)".into(),
            Field::RecoveryCapability => "Recovery capability (kept as a custom field)".into(),
            Field::Dependency { resource } => format!("Depends on: {}", resource.label()),
            Field::UpstreamProcess => "Depends on: upstream processes".into(),
            Field::TimePoint => "Impact rows: time point".into(),
            Field::TimePointSeconds => "Impact rows: time point in seconds".into(),
            Field::Severity => "Impact rows: severity".into(),
            Field::ImpactCategories => "Impact rows: categories".into(),
            Field::Impact { category, horizon } => format!(
                "Impact: {} at {horizon}",
                category.as_deref().unwrap_or("(no category)")
            ),
            Field::Custom => "Custom field".into(),
            Field::Ignore => "Do not import".into(),
        }
    }
}

/// Every field a column may be mapped to, for `methodology`: the fixed
/// fields, a dependency per resource kind, and an impact per live
/// category and horizon.
pub fn field_options(methodology: &bia_model::Methodology) -> Vec<FieldOption> {
    let mut fields: Vec<Field> = SIMPLE
        .iter()
        .map(|(_, f)| f.clone())
        .filter(|f| !matches!(f, Field::Custom | Field::Ignore))
        .collect();
    fields.extend(
        ResourceKind::ALL
            .into_iter()
            .map(|resource| Field::Dependency { resource }),
    );
    for c in methodology.categories.iter().filter(|c| !c.retired) {
        for h in &methodology.horizons {
            fields.push(Field::Impact {
                category: Some(c.name.clone()),
                horizon: h.minutes,
            });
        }
    }
    fields.extend([Field::Custom, Field::Ignore]);
    fields
        .into_iter()
        .map(|field| FieldOption {
            label: field.label(),
            field,
        })
        .collect()
}

const SIMPLE: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("process", Field::Process),
    ("unit", Field::Unit),
    ("owner", Field::Owner),
    ("description", Field::Description),
    ("peak_periods", Field::PeakPeriods),
    ("minimum_staff", Field::MinimumStaff),
    ("workaround", Field::Workaround),
    ("notes", Field::Notes),
    ("rto", Field::Rto),
    ("rpo", Field::Rpo),
    ("mtpd", Field::Mtpd),
    ("wrt", Field::Wrt),
    ("mbco", Field::Mbco),
    ("criticality", Field::Criticality),
    ("recovery_capability", Field::RecoveryCapability),
    ("upstream_process", Field::UpstreamProcess),
    ("time_point", Field::TimePoint),
    ("time_point_seconds", Field::TimePointSeconds),
    ("severity", Field::Severity),
    ("impact_categories", Field::ImpactCategories),
    ("custom", Field::Custom),
    ("ignore", Field::Ignore),
];

/// A synonym file: the shipped one, or the `[synonyms]` of a user's
/// mapping file.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct SynonymFile {
    pub fields: BTreeMap<String, Vec<String>>,
    pub dependencies: BTreeMap<String, Vec<String>>,
    pub categories: BTreeMap<String, Vec<String>>,
    pub units: BTreeMap<String, Vec<String>>,
}

/// A user's mapping file (TOML or JSON): synonyms to add, columns to
/// pin to a field by header text or by `Sheet!F` / `F`, the levels of
/// severity words (`[levels]`, `"High" = 3`), and the kinds of resources
/// (`[kinds]`).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct MappingFile {
    pub synonyms: SynonymFile,
    /// Header (or `Sheet!Letter`, or `Letter`) → field key.
    pub columns: BTreeMap<String, String>,
    /// Severity word → level on the assessment's scale.
    pub levels: BTreeMap<String, u8>,
    /// A name read from a dependency list that said no kind ("Citrix"
    /// under "Dependencies") → the kind to create it as (`application`, …).
    pub kinds: BTreeMap<String, String>,
}

/// The kind the user gave a resource an import would otherwise create
/// "to classify" (the preview's select, a mapping file's `[kinds]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportKindChoice")]
pub struct ResourceKindChoice {
    /// The name as the workbook writes it (compared by `name_key`).
    pub name: String,
    pub kind: ResourceKind,
}

/// A column pinned to a field by the user (the desktop's dropdown, or a
/// mapping file's `[columns]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportColumnChoice")]
pub struct ColumnChoice {
    /// Only this sheet; `None`: any sheet.
    pub sheet: Option<String>,
    /// The header as written, or the column's letter ("F").
    pub column: String,
    pub field: Field,
}

impl MappingFile {
    /// Reads a mapping file, TOML or JSON by its extension (or content).
    pub fn parse(text: &str, json: bool) -> Result<MappingFile, String> {
        if json {
            serde_json::from_str(text).map_err(|e| e.to_string())
        } else {
            toml::from_str(text).map_err(|e| e.to_string())
        }
    }

    /// The `[levels]`, as the plan takes them.
    pub fn levels(&self) -> Vec<super::words::WordLevel> {
        self.levels
            .iter()
            .map(|(word, level)| super::words::WordLevel {
                word: word.clone(),
                level: *level,
            })
            .collect()
    }

    /// The `[kinds]` as choices; an unknown kind is an error.
    pub fn kinds(&self) -> Result<Vec<ResourceKindChoice>, String> {
        self.kinds
            .iter()
            .map(|(name, kind)| {
                let kind = ResourceKind::parse(kind).ok_or_else(|| {
                    format!(
                        "\"{kind}\" (for \"{name}\") is not a kind of resource; use one of {}",
                        ResourceKind::ALL.map(ResourceKind::as_str).join(", ")
                    )
                })?;
                Ok(ResourceKindChoice {
                    name: name.clone(),
                    kind,
                })
            })
            .collect()
    }

    /// The `[columns]` as choices; an unknown field key is an error.
    pub fn choices(&self) -> Result<Vec<ColumnChoice>, String> {
        self.columns
            .iter()
            .map(|(column, key)| {
                let field = Field::parse(key).ok_or_else(|| {
                    format!(
                        "\"{key}\" (for column \"{column}\") is not a field; use one of {}, \
                         dependency:KIND, impact:CATEGORY@HORIZON",
                        SIMPLE
                            .iter()
                            .map(|(k, _)| *k)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?;
                let (sheet, column) = match column.rsplit_once('!') {
                    Some((sheet, col)) => (Some(sheet.trim_matches('\'').to_string()), col),
                    None => (None, column.as_str()),
                };
                Ok(ColumnChoice {
                    sheet,
                    column: column.to_string(),
                    field,
                })
            })
            .collect()
    }
}

/// What a header was recognised as.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub field: Field,
    /// Minutes per unit stated by the header ("(Hrs)" → 60).
    pub unit: Option<u32>,
}

/// The synonym table, ready for matching.
#[derive(Clone, Debug)]
pub struct Synonyms {
    fields: FxHashMap<String, Field>,
    /// Category word (normalised) → category name.
    categories: FxHashMap<String, String>,
    units: FxHashMap<String, u32>,
}

/// Lower case, `&` as "and", letters and digits only.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '&' {
            out.push_str("and");
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A header's text outside brackets, and what each bracket holds:
/// "Maximum Tolerable Downtime (MTD) [days]" → ("Maximum Tolerable
/// Downtime  ", ["MTD", "days"]). A plural written "(s)" right after a
/// word joins it ("Service provider(s)" → "Service providers").
fn bracketed(header: &str) -> (String, Vec<String>) {
    let mut outside = String::with_capacity(header.len());
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut group = String::new();
    for c in header.chars() {
        match c {
            '(' | '[' => {
                if depth > 0 {
                    group.push(c);
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth > 0 {
                    group.push(c);
                } else if group.eq_ignore_ascii_case("s")
                    && outside.chars().last().is_some_and(char::is_alphabetic)
                {
                    outside.push('s');
                    group.clear();
                } else {
                    groups.push(std::mem::take(&mut group));
                    outside.push(' ');
                }
            }
            _ if depth > 0 => group.push(c),
            _ => outside.push(c),
        }
    }
    if depth > 0 {
        // An unclosed bracket: what follows it is a group all the same.
        groups.push(group);
    }
    (outside, groups)
}

/// Words of a header, lower case, `&` as "and", split at anything that is
/// not a letter or digit, and at a change from digits to letters ("4hrs").
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut digits = false;
    for c in text.replace('&', " and ").chars() {
        if c.is_alphanumeric() || c == '.' && digits {
            let d = c.is_ascii_digit() || c == '.';
            if !word.is_empty() && d != digits {
                out.push(std::mem::take(&mut word));
            }
            digits = d;
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

const FILLERS: &[&str] = &[
    "impact",
    "impacts",
    "rating",
    "ratings",
    "score",
    "scores",
    "level",
    "levels",
    "severity",
    "at",
    "after",
    "of",
    "the",
    "in",
    "within",
    "by",
    "on",
    "for",
    "assessment",
    "loss",
];

impl Synonyms {
    /// The shipped table.
    pub fn shipped() -> Synonyms {
        let file: SynonymFile = toml::from_str(SHIPPED).expect("the shipped synonym table parses");
        let mut s = Synonyms {
            fields: FxHashMap::default(),
            categories: FxHashMap::default(),
            units: FxHashMap::default(),
        };
        s.extend(&file)
            .expect("the shipped synonym table is consistent");
        s
    }

    /// Adds a synonym file's names. A name already meaning another field
    /// is refused, naming both.
    pub fn extend(&mut self, file: &SynonymFile) -> Result<(), String> {
        let add = |name: &str, field: Field, fields: &mut FxHashMap<String, Field>| {
            let key = normalise(name);
            if key.is_empty() {
                return Err(format!("\"{name}\" has no letters or digits"));
            }
            match fields.get(&key) {
                Some(old) if *old != field => Err(format!(
                    "\"{name}\" would mean both {} and {}",
                    old.key(),
                    field.key()
                )),
                _ => {
                    fields.insert(key, field);
                    Ok(())
                }
            }
        };
        for (key, names) in &file.fields {
            let field = Field::parse(key)
                .filter(|f| SIMPLE.iter().any(|(_, s)| s == f))
                .ok_or_else(|| format!("[fields] has an unknown field \"{key}\""))?;
            for name in names {
                add(name, field.clone(), &mut self.fields)?;
            }
        }
        for (kind, names) in &file.dependencies {
            let field = if kind == "process" {
                Field::UpstreamProcess
            } else {
                Field::Dependency {
                    resource: ResourceKind::parse(kind)
                        .ok_or_else(|| format!("[dependencies] has an unknown kind \"{kind}\""))?,
                }
            };
            for name in names {
                add(name, field.clone(), &mut self.fields)?;
            }
        }
        for (category, names) in &file.categories {
            self.categories
                .insert(normalise(category), category.to_string());
            for name in names {
                self.categories
                    .insert(normalise(name), category.to_string());
            }
        }
        for (unit, names) in &file.units {
            let minutes = bia_model::duration::unit_minutes(unit)
                .ok_or_else(|| format!("[units] has an unknown unit \"{unit}\""))?;
            for name in names {
                self.units.insert(normalise(name), minutes);
            }
        }
        Ok(())
    }

    /// The category a text names (a synonym, or one of the assessment's
    /// own category names).
    pub fn category(&self, text: &str, own: &[String]) -> Option<String> {
        let key = normalise(text);
        if key.is_empty() {
            return None;
        }
        if let Some(name) = own.iter().find(|n| normalise(n) == key) {
            return Some(name.clone());
        }
        self.categories.get(&key).cloned()
    }

    fn unit(&self, text: &str) -> Option<u32> {
        self.units.get(&normalise(text)).copied()
    }

    /// Recognises a header, with the band above it if any. `own`: the
    /// assessment's category names.
    pub fn classify(&self, header: &str, band: Option<&str>, own: &[String]) -> Option<Match> {
        if let Some(m) = self.field(header) {
            return Some(m);
        }
        let band_category = band.and_then(|b| self.impact_category(&words(b), own));
        if let Some((category, horizon)) = self.impact(header, own) {
            let category = category.or_else(|| band_category.flatten());
            return Some(Match {
                field: Field::Impact { category, horizon },
                unit: None,
            });
        }
        None
    }

    /// A field named by the header alone, with its unit: "RTO (Hrs)",
    /// "MTPD in days", "RPO - mins", "MTD [d]", "Maximum Tolerable
    /// Downtime (MTD) in days", "Service provider(s)".
    fn field(&self, header: &str) -> Option<Match> {
        if let Some(f) = self.fields.get(&normalise(header)) {
            return Some(Match {
                field: f.clone(),
                unit: None,
            });
        }
        let (outside, groups) = bracketed(header);
        // A bracket holds a unit ("(days)"), or another name of the field
        // ("(MTD)").
        let mut unit = None;
        let mut names = Vec::new();
        for group in &groups {
            match self.unit(group) {
                Some(u) => unit = unit.or(Some(u)),
                None => names.push(normalise(group)),
            }
        }
        let w = words(&outside);
        // A unit after the name: "RTO hours", "MTPD in days", "RPO - hrs".
        let mut core: &[String] = &w;
        if w.len() >= 2
            && let Some(u) = self.unit(&w[w.len() - 1])
        {
            core = &w[..w.len() - 1];
            if core.last().is_some_and(|x| x == "in") {
                core = &core[..core.len() - 1];
            }
            unit = unit.or(Some(u));
        }
        let found = [w.concat(), core.concat()]
            .into_iter()
            .chain(names)
            .find_map(|key| self.fields.get(&key))?;
        Some(Match {
            field: found.clone(),
            unit,
        })
    }

    /// A category and horizon: "Financial Impact @ 1 Day", "4 hrs",
    /// "Impact Rating @ 1 Day". `None` when there is no horizon, or the
    /// words beside it name no category.
    fn impact(&self, header: &str, own: &[String]) -> Option<(Option<String>, Minutes)> {
        let w = words(header);
        let at = w.iter().enumerate().position(|(i, word)| {
            word.parse::<f64>().is_ok() && w.get(i + 1).is_some_and(|u| self.unit(u).is_some())
        })?;
        let number: f64 = w[at].parse().ok()?;
        let minutes = number * f64::from(self.unit(&w[at + 1])?);
        if !(0.0..=f64::from(u32::MAX)).contains(&minutes) || minutes.fract() != 0.0 {
            return None;
        }
        let rest: Vec<String> = w[..at].iter().chain(&w[at + 2..]).cloned().collect();
        let category = self.impact_category(&rest, own)?;
        Some((category, Minutes(minutes as u32)))
    }

    /// The category a row of a form's impact table names: "Financial",
    /// "Financial impact", "Reputation / brand" as [`Synonyms::category`]
    /// reads it, with the filler words ("impact", "rating", …) ignored.
    pub fn category_named(&self, text: &str, own: &[String]) -> Option<String> {
        self.category(text, own)
            .or_else(|| self.impact_category(&words(text), own).flatten())
    }

    /// Minutes per unit of a unit written alone ("hours", "Days").
    pub fn unit_named(&self, text: &str) -> Option<u32> {
        self.unit(text)
    }

    /// `Some(None)` when the words are only fillers ("Impact Rating");
    /// `Some(Some(name))` when they name a category; `None` otherwise.
    fn impact_category(&self, w: &[String], own: &[String]) -> Option<Option<String>> {
        let meaning: Vec<&str> = w
            .iter()
            .map(String::as_str)
            .filter(|x| !FILLERS.contains(x))
            .collect();
        if meaning.is_empty() {
            return Some(None);
        }
        self.category(&meaning.join(" "), own).map(Some)
    }
}

/// How a column's meaning was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportMappingSource")]
pub enum Source {
    /// Recognised from the synonym table.
    Synonym,
    /// Pinned by the user.
    User,
    /// Not recognised: kept as a custom field.
    Unmapped,
}

/// Whether a table whose headers mean `fields` is a BIA table.
pub fn looks_like_bia(fields: &[&Field]) -> bool {
    fields.contains(&&Field::Process) && fields.iter().any(|f| f.is_bia_signal())
}

/// Whether a choice applies to the column `letter` with `header` on `sheet`.
pub fn choice_applies(choice: &ColumnChoice, sheet: &str, letter: &str, header: &str) -> bool {
    choice
        .sheet
        .as_ref()
        .is_none_or(|s| name_key(s) == name_key(sheet))
        && (choice.column == letter || normalise(&choice.column) == normalise(header))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(header: &str) -> Option<Field> {
        Synonyms::shipped()
            .classify(header, None, &[])
            .map(|m| m.field)
    }

    #[test]
    fn the_many_names_of_each_field_are_recognised() {
        let cases = [
            ("Process", Field::Process),
            ("Process Name", Field::Process),
            ("Business Process", Field::Process),
            ("Mission/Business Process", Field::Process),
            ("Business Function", Field::Process),
            ("Function / Process Name", Field::Process),
            ("ACTIVITY", Field::Process),
            ("Department / Unit", Field::Unit),
            ("Business Unit", Field::Unit),
            ("Process Owner", Field::Owner),
            ("Description", Field::Description),
            ("RTO", Field::Rto),
            ("Recovery Time Objective", Field::Rto),
            ("RPO", Field::Rpo),
            ("MTPD (Hrs)", Field::Mtpd),
            ("MTD", Field::Mtpd),
            ("MAD", Field::Mtpd),
            ("MTO", Field::Mtpd),
            ("Maximum Tolerable Downtime (MTD)", Field::Mtpd),
            ("WRT", Field::Wrt),
            ("MBCO", Field::Mbco),
            ("Criticality Ranking", Field::Criticality),
            ("Tier", Field::Criticality),
            ("Peak Periods", Field::PeakPeriods),
            (
                "Current Recovery Capability (Hrs)",
                Field::RecoveryCapability,
            ),
            ("BIA Ref", Field::Id),
            ("Comments / Notes", Field::Notes),
            (
                "IT Applications",
                Field::Dependency {
                    resource: ResourceKind::Application,
                },
            ),
            (
                "Supporting Systems",
                Field::Dependency {
                    resource: ResourceKind::Application,
                },
            ),
            (
                "Key Systems",
                Field::Dependency {
                    resource: ResourceKind::Application,
                },
            ),
            (
                "Third Parties",
                Field::Dependency {
                    resource: ResourceKind::Supplier,
                },
            ),
            (
                "Vendors",
                Field::Dependency {
                    resource: ResourceKind::Supplier,
                },
            ),
            (
                "Key Personnel",
                Field::Dependency {
                    resource: ResourceKind::People,
                },
            ),
            (
                "Site / Location",
                Field::Dependency {
                    resource: ResourceKind::Site,
                },
            ),
            ("Upstream Dependencies", Field::UpstreamProcess),
        ];
        for (header, want) in cases {
            assert_eq!(field(header), Some(want), "{header}");
        }
        assert_eq!(field("Strategy Summary"), None);
        assert_eq!(field("Prepared By (BCC)"), None);
    }

    #[test]
    fn units_in_headers_are_read() {
        let s = Synonyms::shipped();
        let unit = |h: &str| s.classify(h, None, &[]).and_then(|m| m.unit);
        assert_eq!(unit("RTO (Hrs)"), Some(60));
        assert_eq!(unit("MTPD (hours)"), Some(60));
        assert_eq!(unit("RPO (days)"), Some(1440));
        assert_eq!(unit("MTPD in days"), Some(1440));
        assert_eq!(unit("RTO - mins"), Some(1));
        assert_eq!(unit("RTO"), None);
        // Every common way of stating a unit, on every duration column.
        let cases = [
            ("MTD (d)", Field::Mtpd, 1440),
            ("RTO [min]", Field::Rto, 1),
            ("RPO - Hrs", Field::Rpo, 60),
            ("MTPD Days", Field::Mtpd, 1440),
            ("RTO in hours", Field::Rto, 60),
            ("WRT (hrs.)", Field::Wrt, 60),
            (
                "Maximum Tolerable Period of Disruption (days)",
                Field::Mtpd,
                1440,
            ),
            (
                "Maximum Tolerable Period of Disruption in Days",
                Field::Mtpd,
                1440,
            ),
            (
                "Maximum Tolerable Downtime (MTD) in days",
                Field::Mtpd,
                1440,
            ),
            ("Maximum Acceptable Outage (MAO) [hours]", Field::Mtpd, 60),
            ("MTPoD (Days)", Field::Mtpd, 1440),
            ("Recovery Time Objective (RTO) - Hours", Field::Rto, 60),
            ("RTO (day(s))", Field::Rto, 1440),
            (
                "Current Recovery Capability (Hrs)",
                Field::RecoveryCapability,
                60,
            ),
        ];
        for (header, want, minutes) in cases {
            let m = s.classify(header, None, &[]);
            assert_eq!(
                m.as_ref().map(|m| (&m.field, m.unit)),
                Some((&want, Some(minutes))),
                "{header}"
            );
        }
        // A unit alone, or a unit beside words that name nothing, is not a field.
        assert_eq!(field("Days"), None);
        assert_eq!(field("Prepared by (days)"), None);
    }

    #[test]
    fn the_names_of_the_mtpd_and_of_resource_columns_in_practice() {
        for header in [
            "MTD",
            "MTPD",
            "MAO",
            "MTPoD",
            "Maximum Tolerable Downtime",
            "Maximum Acceptable Downtime",
            "Maximum Allowable Downtime",
            "Maximum Tolerable Outage",
            "Maximum Acceptable Outage",
            "Maximum Tolerable Period of Disruption",
            "Maximum Acceptable Period of Disruption",
            "Max. Tolerable Downtime",
            "Max Tolerable Period of Disruption",
        ] {
            assert_eq!(field(header), Some(Field::Mtpd), "{header}");
        }
        let kind = |resource| Field::Dependency { resource };
        let cases = [
            ("Vendors", ResourceKind::Supplier),
            ("Third-party providers", ResourceKind::Supplier),
            ("Outsourced to", ResourceKind::Supplier),
            ("Service provider(s)", ResourceKind::Supplier),
            ("Supplier(s)", ResourceKind::Supplier),
            ("Key Vendors / Suppliers", ResourceKind::Supplier),
            ("Critical Suppliers", ResourceKind::Supplier),
            ("Site(s)", ResourceKind::Site),
            ("Primary Location", ResourceKind::Site),
            ("Work Area", ResourceKind::Site),
            ("Key Roles", ResourceKind::People),
            ("Critical Staff", ResourceKind::People),
            ("Key Individuals", ResourceKind::People),
            ("Subject Matter Experts", ResourceKind::People),
            ("Vital Records / Data", ResourceKind::Data),
            ("Critical Records", ResourceKind::Data),
            ("Key Documents", ResourceKind::Data),
            ("Systems Required", ResourceKind::Application),
            ("Critical Applications", ResourceKind::Application),
            ("Applications / Systems", ResourceKind::Application),
        ];
        for (header, want) in cases {
            assert_eq!(field(header), Some(kind(want)), "{header}");
        }
    }

    #[test]
    fn impact_columns_are_category_by_horizon() {
        let s = Synonyms::shipped();
        let impact = |h: &str, band: Option<&str>| s.classify(h, band, &[]).map(|m| m.field);
        let at = |c: Option<&str>, m: u32| {
            Some(Field::Impact {
                category: c.map(str::to_string),
                horizon: Minutes(m),
            })
        };
        assert_eq!(
            impact("Financial Impact @ 1 Day", None),
            at(Some("Financial"), 1440)
        );
        assert_eq!(
            impact("1 hr", Some("Financial Impact")),
            at(Some("Financial"), 60)
        );
        assert_eq!(
            impact("4 hrs", Some("Financial Impact")),
            at(Some("Financial"), 240)
        );
        assert_eq!(
            impact("1 week", Some("Reputation")),
            at(Some("Reputational"), 10080)
        );
        assert_eq!(impact("Impact Rating @ 1 Day", None), at(None, 1440));
        assert_eq!(
            impact("Legal & Regulatory 24h", None),
            at(Some("Legal & Regulatory"), 1440)
        );
        assert_eq!(impact("H&S - 4hrs", None), at(Some("Health & Safety"), 240));
        assert_eq!(
            impact("Strategy 4 hrs", None),
            None,
            "no category, no impact"
        );
        let own = vec!["Data Protection".to_string()];
        assert_eq!(
            s.classify("Data Protection @ 8h", None, &own)
                .map(|m| m.field),
            at(Some("Data Protection"), 480),
            "an assessment's own category"
        );
    }

    #[test]
    fn the_dropdown_offers_every_field_once() {
        let options = field_options(&bia_model::Methodology::default());
        assert_eq!(options.len(), 23 + 7 + 7 * 8);
        assert_eq!(options[1].label, "Process name");
        assert!(
            options
                .iter()
                .any(|o| o.label == "Impact: Financial at 4 h")
        );
        assert!(options.iter().any(|o| o.label == "Depends on: supplier"));
        let mut keys: Vec<String> = options.iter().map(|o| o.field.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), options.len());
    }

    #[test]
    fn field_keys_round_trip() {
        let fields = SIMPLE.iter().map(|(_, f)| f.clone()).chain([
            Field::Dependency {
                resource: ResourceKind::Supplier,
            },
            Field::Impact {
                category: Some("Financial".into()),
                horizon: Minutes(240),
            },
            Field::Impact {
                category: None,
                horizon: Minutes(1440),
            },
        ]);
        for f in fields {
            assert_eq!(Field::parse(&f.key()), Some(f.clone()), "{}", f.key());
        }
        assert_eq!(Field::parse("nonsense"), None);
    }

    #[test]
    fn a_user_file_extends_the_table_and_refuses_contradictions() {
        let file = MappingFile::parse(
            "[synonyms.fields]\nprocess = [\"Service Line\"]\n[columns]\n\"Crit\" = \"criticality\"\n\"Register!F\" = \"rto\"\n",
            false,
        )
        .unwrap();
        let mut s = Synonyms::shipped();
        s.extend(&file.synonyms).unwrap();
        assert_eq!(
            s.classify("service-line", None, &[]).map(|m| m.field),
            Some(Field::Process)
        );
        let choices = file.choices().unwrap();
        assert_eq!(choices[1].sheet.as_deref(), Some("Register"));
        assert_eq!(choices[1].column, "F");
        let bad = MappingFile::parse("[synonyms.fields]\nrto = [\"MTPD\"]\n", false).unwrap();
        let err = s.extend(&bad.synonyms).unwrap_err();
        assert!(err.contains("both mtpd and rto"), "{err}");
        let json = MappingFile::parse(r#"{"columns": {"Crit": "tier"}}"#, true).unwrap();
        assert!(json.choices().unwrap_err().contains("\"tier\""));
    }

    proptest::proptest! {
        #[test]
        fn the_matcher_never_panics(header in "\\PC{0,40}", band in "\\PC{0,20}") {
            let s = Synonyms::shipped();
            let _ = s.classify(&header, Some(&band), &[]);
        }

        #[test]
        fn case_spacing_and_punctuation_do_not_matter(
            pick in 0usize..10_000,
            upper in proptest::collection::vec(proptest::bool::ANY, 64),
            seps in proptest::collection::vec("[ _./-]{0,2}", 64),
        ) {
            let file: SynonymFile = toml::from_str(SHIPPED).unwrap();
            let names: Vec<&String> = file.fields.values().chain(file.dependencies.values()).flatten().collect();
            let name = names[pick % names.len()];
            let mut mangled = String::new();
            for (i, c) in name.chars().enumerate() {
                if c == ' ' || c == '/' {
                    mangled.push_str(&seps[i % seps.len()]);
                    mangled.push(' ');
                } else if upper[i % upper.len()] {
                    mangled.extend(c.to_uppercase());
                } else {
                    mangled.extend(c.to_lowercase());
                }
            }
            let s = Synonyms::shipped();
            proptest::prop_assert_eq!(
                s.classify(&mangled, None, &[]).map(|m| m.field),
                s.classify(name, None, &[]).map(|m| m.field),
                "{:?} vs {:?}", mangled, name
            );
        }
    }
}
