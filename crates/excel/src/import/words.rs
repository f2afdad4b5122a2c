//! Words written for severities ("Low", "Medium", "High", "Critical",
//! "Minor", "Severe", …) placed on the assessment's scale: one mapping per
//! import, from each word the workbook uses to a level, shown in the
//! preview with how many cells hold each word, and changeable there or in
//! a mapping file's `[levels]`. Tables and forms share it.
//!
//! **The default rule.** In order:
//! 1. a word the user mapped takes the user's level;
//! 2. a word that is the name of one of the scale's levels takes it
//!    ("Major" on the default scale is 4);
//! 3. a word meaning no impact ("None", "Nil", "No impact") is the lowest
//!    level;
//! 4. the other known words are ranked by how severe they say an impact is
//!    (negligible < low < medium < significant < high < severe < critical,
//!    with their usual synonyms beside them; a word the user placed keeps
//!    its rank, so placing one moves no other). When the workbook uses three
//!    or more ranks, they are spread evenly by rank over the levels above
//!    the lowest: the least severe word to the first level above it, the
//!    most severe to the top, the others evenly between, rounded. So a
//!    four-word scale Low/Medium/High/Critical onto 0–5 is Low 1, Medium 2,
//!    High 4, Critical 5, and five words onto 0–5 are 1 to 5. With one or
//!    two ranks there is nothing to spread: each word takes its place on a
//!    0–5 reference (Low 2, Medium 3, High 4, Critical 5), scaled to the
//!    assessment's scale.
//! 5. any other word is not read: its cells are left unscored, each with an
//!    error, until the user maps the word.
//!
//! This module decides levels; it reads no cells (the plan counts words as
//! it reads them) and knows no addresses but the first cell of each word.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use bia_model::{SeverityLevel, name_key};

use super::grid::{Pos, address};
use super::values::label_position;

/// A word mapped to a level by the user (the preview's select, or a
/// mapping file's `[levels]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportWordLevel")]
pub struct WordLevel {
    pub word: String,
    pub level: u8,
}

/// Why a word has its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportWordSource")]
pub enum WordSource {
    /// Chosen by the user.
    User,
    /// The name of a level of the assessment's scale.
    Scale,
    /// By the default rule (see the module's documentation).
    Rule,
    /// Not a word the rule knows: its cells are left unscored.
    Unknown,
}

/// A word the workbook uses for severities, and the level it is read as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportLevelWord")]
pub struct LevelWord {
    /// As first written (trimmed).
    pub word: String,
    /// How many cells hold it.
    pub count: usize,
    /// `Sheet!B7` of the first.
    pub first: String,
    /// `None`: not read (an unknown word the user has not mapped).
    pub level: Option<u8>,
    pub source: WordSource,
}

/// The key a word is compared by: case and inner spaces folded.
pub fn word_key(word: &str) -> String {
    name_key(word)
}

/// Whether a severity cell's text is a word (no digit: "4 - Major" is a
/// number with a label, read by its number).
pub fn is_word(text: &str) -> bool {
    let key = word_key(text);
    !key.is_empty()
        && !text.chars().any(|c| c.is_ascii_digit())
        && !matches!(key.as_str(), "n/a" | "na" | "-" | "not scored")
        && text.chars().any(char::is_alphabetic)
}

/// The words met, in the order first met, with their counts and first cells.
#[derive(Clone, Debug, Default)]
pub struct WordBook {
    /// (as first written, key, cells, sheet and cell of the first).
    words: Vec<(String, String, usize, (String, Pos))>,
    by_key: rustc_hash::FxHashMap<String, u32>,
}

impl WordBook {
    /// Counts one cell holding `text` at `pos` of `sheet`; its word's number.
    pub fn count(&mut self, text: &str, sheet: &str, pos: Pos) -> u32 {
        let key = word_key(text);
        if let Some(&i) = self.by_key.get(&key) {
            self.bump(i);
            return i;
        }
        let i = self.words.len() as u32;
        self.words.push((
            text.trim().to_string(),
            key.clone(),
            1,
            (sheet.to_string(), pos),
        ));
        self.by_key.insert(key, i);
        i
    }

    /// Counts one more cell of word `i`.
    pub fn bump(&mut self, i: u32) {
        if let Some(w) = self.words.get_mut(i as usize) {
            w.2 += 1;
        }
    }

    /// The sheet and cell where word `i` was first met.
    pub fn first(&self, i: usize) -> Option<(&str, Pos)> {
        self.words.get(i).map(|w| (w.3.0.as_str(), w.3.1))
    }

    /// Each word with the level the rule (and the user's choices) give it
    /// on `scale`, in the order first met.
    pub fn levels(&self, scale: &[SeverityLevel], user: &[WordLevel]) -> Vec<LevelWord> {
        let keys: Vec<&str> = self.words.iter().map(|(_, k, _, _)| k.as_str()).collect();
        let levels = resolve(&keys, scale, user);
        self.words
            .iter()
            .zip(levels)
            .map(
                |((word, _, count, (sheet, pos)), (level, source))| LevelWord {
                    word: word.clone(),
                    count: *count,
                    first: address(sheet, *pos),
                    level,
                    source,
                },
            )
            .collect()
    }
}

/// The user's level for a word, if any (and on the scale).
pub fn user_level(key: &str, scale: &[SeverityLevel], user: &[WordLevel]) -> Option<u8> {
    user.iter()
        .rev()
        .find(|w| word_key(&w.word) == key)
        .map(|w| w.level)
        .filter(|l| scale.iter().any(|s| s.value == *l))
}

/// The levels of words (by key), as the module's rule says.
pub fn resolve(
    keys: &[&str],
    scale: &[SeverityLevel],
    user: &[WordLevel],
) -> Vec<(Option<u8>, WordSource)> {
    let (Some(lo), Some(hi)) = (
        scale.iter().map(|l| l.value).min(),
        scale.iter().map(|l| l.value).max(),
    ) else {
        return keys.iter().map(|_| (None, WordSource::Unknown)).collect();
    };
    let by_name = |key: &str| {
        scale
            .iter()
            .find(|l| name_key(&l.name) == key)
            .map(|l| l.value)
    };
    // The ranks the rule spreads: known words the scale does not name,
    // meaning some impact (a word the user placed still counts, so placing
    // one moves no other).
    let spread: Vec<f64> = {
        let mut positions: Vec<f64> = keys
            .iter()
            .filter(|k| by_name(k).is_none())
            .filter_map(|k| label_position(k))
            .filter(|p| *p > 0.0)
            .collect();
        positions.sort_by(f64::total_cmp);
        positions.dedup();
        positions
    };
    keys.iter()
        .map(|key| {
            if let Some(level) = user_level(key, scale, user) {
                return (Some(level), WordSource::User);
            }
            if let Some(level) = by_name(key) {
                return (Some(level), WordSource::Scale);
            }
            let Some(position) = label_position(key) else {
                return (None, WordSource::Unknown);
            };
            let level = if position <= 0.0 {
                lo
            } else if spread.len() >= 3 && hi > lo {
                let rank = spread.iter().position(|p| *p == position).unwrap_or(0);
                let above = f64::from(hi - lo - 1);
                lo + 1 + (rank as f64 * above / (spread.len() - 1) as f64).round() as u8
            } else {
                (f64::from(lo) + position / 5.0 * f64::from(hi - lo)).round() as u8
            };
            (Some(level), WordSource::Rule)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bia_model::Methodology;

    fn levels(words: &[&str], user: &[WordLevel]) -> Vec<Option<u8>> {
        let scale = Methodology::default().scale;
        let keys: Vec<String> = words.iter().map(|w| word_key(w)).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        resolve(&keys, &scale, user)
            .into_iter()
            .map(|(l, _)| l)
            .collect()
    }

    #[test]
    fn a_four_word_scale_spreads_over_the_levels_above_none() {
        assert_eq!(
            levels(&["Low", "Medium", "High", "Critical"], &[]),
            vec![Some(1), Some(2), Some(4), Some(5)]
        );
        assert_eq!(
            levels(&["high", "LOW", "Very high", "medium"], &[]),
            vec![Some(4), Some(1), Some(5), Some(2)],
            "order of meeting does not matter; case does not either"
        );
        assert_eq!(
            levels(&["Low", "Medium", "High"], &[]),
            vec![Some(1), Some(3), Some(5)]
        );
        assert_eq!(
            levels(&["Negligible", "Low", "Medium", "High", "Critical"], &[]),
            vec![Some(1), Some(2), Some(3), Some(4), Some(5)]
        );
    }

    #[test]
    fn scale_names_keep_their_level_and_few_words_take_the_reference() {
        assert_eq!(
            levels(&["Minor", "Moderate", "Major", "Severe"], &[]),
            vec![Some(2), Some(3), Some(4), Some(5)],
            "Minor, Moderate and Major are the default scale's names"
        );
        assert_eq!(
            levels(&["Low", "High"], &[]),
            vec![Some(2), Some(4)],
            "two ranks: nothing to spread"
        );
        assert_eq!(levels(&["None", "Nil"], &[]), vec![Some(0), Some(0)]);
        assert_eq!(levels(&["Amber"], &[]), vec![None]);
    }

    #[test]
    fn the_users_choice_wins_and_leaves_the_others_to_the_rule() {
        let user = [
            WordLevel {
                word: "high".into(),
                level: 3,
            },
            WordLevel {
                word: "Amber".into(),
                level: 2,
            },
            WordLevel {
                word: "Critical".into(),
                level: 9,
            },
        ];
        assert_eq!(
            levels(&["Low", "Medium", "High", "Critical", "Amber"], &user),
            vec![Some(1), Some(2), Some(3), Some(5), Some(2)],
            "High placed at 3 moves no other word; 9 is off the scale"
        );
    }

    #[test]
    fn words_are_counted_once_per_cell_by_their_key() {
        let mut book = WordBook::default();
        book.count("High", "S", Pos::new(1, 1));
        book.count(" high ", "S", Pos::new(2, 1));
        book.count("Low", "S", Pos::new(1, 2));
        let got = book.levels(&Methodology::default().scale, &[]);
        assert_eq!(
            got.iter()
                .map(|w| (w.word.as_str(), w.count, w.first.as_str()))
                .collect::<Vec<_>>(),
            vec![("High", 2, "S!B2"), ("Low", 1, "S!C2")]
        );
        assert!(is_word("Very high") && !is_word("4 - Major") && !is_word("N/A"));
    }
}
