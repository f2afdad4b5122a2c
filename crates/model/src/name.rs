//! Names as the core keeps them, normalised once where text enters: a
//! [`Name`] is trimmed, with inner runs of white space folded to one space,
//! in Unicode's composed form (NFC), and compared by its [`key`](Name::key)
//! (case-folded too), so "Payroll run", " payroll  Run " and "PAYROLL RUN"
//! are one name however they are typed, imported or read back, and so are
//! "Café" typed with a precomposed é and with an e and a combining accent.
//! Inputs hold `Name`s; reading one from JSON or from a `&str` normalises
//! it, and nothing downstream cleans it again.
//!
//! Control characters are removed, not refused: a name arrives from a
//! form, a command line or a spreadsheet cell, where refusing would lose a
//! whole row for a character nobody sees. Tabs and line breaks are white
//! space and fold to a space like any other; every other control character
//! (C0, DEL, C1) is dropped, and a terminal escape sequence (`ESC [ 31 m`,
//! `ESC ] … BEL`, their C1 forms) is dropped whole, so a name can neither
//! drive a terminal nor look like another name that it is not.

use std::fmt;
use std::ops::Deref;

use std::borrow::Cow;
use std::iter::Peekable;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A name as stored (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct Name(String);

impl Name {
    /// `text` as a name: trimmed, inner white space folded, composed (NFC),
    /// without control characters.
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
        && !text.contains(|c: char| (c.is_whitespace() && c != ' ') || c.is_control())
        && (text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes)
}

/// The key under which names are compared for uniqueness: the name as
/// stored ([`clean_name`]), case-folded.
pub fn name_key(name: &str) -> String {
    let mut key = clean_name(name);
    if key.is_ascii() {
        key.make_ascii_lowercase();
        key
    } else {
        key.to_lowercase()
    }
}

/// A name as it is stored: without control characters, trimmed, inner runs
/// of white space folded, composed (NFC). See the module doc.
pub fn clean_name(name: &str) -> String {
    let name = without_controls(name);
    let mut clean = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            clean.push(' ');
        }
        clean.push_str(word);
    }
    if clean.is_ascii() || is_nfc_quick(clean.chars()) == IsNormalized::Yes {
        clean
    } else {
        clean.nfc().collect()
    }
}

/// `text` without its control characters but white space, and without the
/// escape sequences they begin.
fn without_controls(text: &str) -> Cow<'_, str> {
    let dropped = |c: char| c.is_control() && !c.is_whitespace();
    if !text.contains(dropped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // CSI, and DCS, SOS, OSC, PM, APC: their C1 forms.
            '\u{9b}' => skip_control_sequence(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_control_string(&mut chars),
            c if dropped(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Passes over what follows an ESC (ECMA-48): a control sequence after
/// `[`, a control string after `]`, `P`, `X`, `^` or `_`, otherwise any
/// intermediate characters and the final one.
fn skip_escape(chars: &mut Peekable<impl Iterator<Item = char>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_control_sequence(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_control_string(chars);
        }
        _ => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
    }
}

/// Parameters, intermediates and the final character of a control
/// sequence (`ESC [ 1 ; 31 m`).
fn skip_control_sequence(chars: &mut Peekable<impl Iterator<Item = char>>) {
    while chars
        .next_if(|c| ('\u{30}'..='\u{3f}').contains(c))
        .is_some()
    {}
    while chars
        .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// A control string (a window title, a hyperlink) up to its terminator:
/// BEL, ST, or ESC `\`.
fn skip_control_string(chars: &mut Peekable<impl Iterator<Item = char>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
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

    #[test]
    fn a_name_is_one_name_however_its_accents_are_typed() {
        let composed = Name::from("Café ops");
        let decomposed = Name::from("Cafe\u{301} ops");
        let owned = Name::from(String::from("Cafe\u{301} ops"));
        assert_eq!(decomposed, composed, "stored composed (NFC)");
        assert_eq!(owned, composed, "however the text arrives");
        assert_eq!(decomposed.as_str().chars().count(), 8);
        assert_eq!(name_key("CAFE\u{301} OPS"), composed.key());
        assert_eq!(clean_name("Cafe\u{301}"), "Café");
        assert_ne!(
            name_key("Cafe ops"),
            composed.key(),
            "an accent still counts"
        );
    }

    #[test]
    fn control_characters_and_terminal_escapes_are_removed_from_names() {
        let cases = [
            ("Pay\u{7}roll\u{7f}", "Payroll"),
            ("\u{1b}[1;31mPayroll\u{1b}[0m run", "Payroll run"),
            ("\u{1b}]0;owned\u{7}Payroll", "Payroll"),
            (
                "\u{1b}]8;;http://x\u{1b}\\Payroll\u{1b}]8;;\u{1b}\\",
                "Payroll",
            ),
            ("\u{9b}2JPayroll\u{85}run", "Payroll run"),
            ("Payroll\u{1b}", "Payroll"),
            ("\u{1b}(BPay\u{1b}7roll", "Payroll"),
            ("Pay\troll\r\nrun", "Pay roll run"),
            ("\u{1b}é", "é"),
        ];
        for (typed, stored) in cases {
            let name = Name::from(typed);
            assert_eq!(name, stored, "{typed:?}");
            assert_eq!(Name::from(String::from(typed)), stored, "{typed:?}");
            assert_eq!(name_key(typed), name_key(stored), "{typed:?}");
        }
        assert!(
            Name::from("\u{1b}[31m\u{7}").is_empty(),
            "nothing left is no name"
        );
    }
}
