//! Names as the core keeps them, normalised once where text enters: a
//! [`Name`] is trimmed, with inner runs of white space folded to one space,
//! and compared by its [`key`](Name::key) (case-folded too), so "Payroll
//! run", " payroll  Run " and "PAYROLL RUN" are one name however they are
//! typed, imported or read back. Inputs hold `Name`s; reading one from JSON
//! or from a `&str` normalises it, and nothing downstream cleans it again.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A name as stored (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct Name(String);

impl Name {
    /// `text` as a name: trimmed, inner white space folded.
    pub fn new(text: &str) -> Name {
        Name(clean_name(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key under which names are compared for uniqueness.
    pub fn key(&self) -> String {
        name_key(&self.0)
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        Ok(Name::new(&String::deserialize(d)?))
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name::new(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        if is_clean(&text) {
            Name(text)
        } else {
            Name::new(&text)
        }
    }
}

impl From<&String> for Name {
    fn from(text: &String) -> Name {
        Name::new(text)
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

/// Whether `text` is already as a name is stored.
fn is_clean(text: &str) -> bool {
    !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && !text
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b' ' && w[1] == b' ')
        && !text.contains(|c: char| c.is_whitespace() && c != ' ')
}

/// The key under which names are compared for uniqueness: trimmed, inner
/// runs of white space folded to one space, and case-folded.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

/// A name as it is stored: trimmed, inner runs of white space folded.
pub fn clean_name(name: &str) -> String {
    let mut clean = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            clean.push(' ');
        }
        clean.push_str(word);
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_key_ignores_case_and_spacing() {
        assert_eq!(name_key("  Payroll   Run "), name_key("payroll run"));
        assert_eq!(name_key("ÉTÉ"), "été");
        assert_ne!(name_key("Payroll"), name_key("Payrolls"));
    }

    #[test]
    fn a_name_is_normalised_once_however_it_arrives() {
        let typed = Name::from("  Payroll \t  run ");
        let json: Name = serde_json::from_str("\" Payroll  run\"").unwrap();
        let owned = Name::from(String::from("Payroll\nrun"));
        assert_eq!(typed, "Payroll run");
        assert_eq!(json, typed);
        assert_eq!(owned, typed);
        assert_eq!(Name::from("PAYROLL RUN").key(), typed.key());
        assert_eq!(serde_json::to_string(&typed).unwrap(), "\"Payroll run\"");
    }
}
