//! The currency an assessment's amounts are in — the financial level
//! definitions' "loss over 1 M" — as an ISO 4217 code ("GBP", "EUR",
//! "USD"); the common currencies with their symbols, for a picker and for
//! labels ("£ GBP"); and the currency a locale implies ("en_GB.UTF-8" →
//! GBP), a new assessment's default.
//!
//! Reads no environment: the caller hands the locale variables in
//! ([`Currency::of_locale`]), so the rule is the same in every test.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::FieldIssue;

/// An ISO 4217 currency code: three letters, upper case. Any three letters
/// are accepted (the list of codes changes; the common ones are in
/// [`COMMON_CURRENCIES`]). Crosses to the UI as its code, a string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(String);

/// A currency as a picker offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CurrencyInfo {
    /// ISO 4217, e.g. "GBP".
    pub code: &'static str,
    /// How amounts are marked, e.g. "£"; shared by several ("$", "kr").
    pub symbol: &'static str,
    /// In English, e.g. "Pound sterling".
    pub name: &'static str,
}

const fn info(code: &'static str, symbol: &'static str, name: &'static str) -> CurrencyInfo {
    CurrencyInfo { code, symbol, name }
}

/// The currencies a picker lists first, with their symbols.
pub const COMMON_CURRENCIES: [CurrencyInfo; 24] = [
    info("GBP", "£", "Pound sterling"),
    info("EUR", "€", "Euro"),
    info("USD", "$", "US dollar"),
    info("CHF", "Fr.", "Swiss franc"),
    info("CAD", "$", "Canadian dollar"),
    info("AUD", "$", "Australian dollar"),
    info("NZD", "$", "New Zealand dollar"),
    info("JPY", "¥", "Japanese yen"),
    info("CNY", "¥", "Chinese yuan"),
    info("HKD", "$", "Hong Kong dollar"),
    info("SGD", "$", "Singapore dollar"),
    info("INR", "₹", "Indian rupee"),
    info("KRW", "₩", "South Korean won"),
    info("SEK", "kr", "Swedish krona"),
    info("NOK", "kr", "Norwegian krone"),
    info("DKK", "kr", "Danish krone"),
    info("PLN", "zł", "Polish złoty"),
    info("CZK", "Kč", "Czech koruna"),
    info("HUF", "Ft", "Hungarian forint"),
    info("TRY", "₺", "Turkish lira"),
    info("ILS", "₪", "Israeli new shekel"),
    info("ZAR", "R", "South African rand"),
    info("BRL", "R$", "Brazilian real"),
    info("MXN", "$", "Mexican peso"),
];

/// The currency of a territory (the `GB` of `en_GB`), for the common ones.
const TERRITORIES: [(&str, &str); 54] = [
    ("GB", "GBP"),
    ("UK", "GBP"),
    ("IM", "GBP"),
    ("JE", "GBP"),
    ("GG", "GBP"),
    ("US", "USD"),
    ("PR", "USD"),
    ("IE", "EUR"),
    ("DE", "EUR"),
    ("FR", "EUR"),
    ("ES", "EUR"),
    ("IT", "EUR"),
    ("NL", "EUR"),
    ("BE", "EUR"),
    ("LU", "EUR"),
    ("AT", "EUR"),
    ("FI", "EUR"),
    ("PT", "EUR"),
    ("GR", "EUR"),
    ("CY", "EUR"),
    ("MT", "EUR"),
    ("SK", "EUR"),
    ("SI", "EUR"),
    ("EE", "EUR"),
    ("LV", "EUR"),
    ("LT", "EUR"),
    ("HR", "EUR"),
    ("AD", "EUR"),
    ("MC", "EUR"),
    ("SM", "EUR"),
    ("VA", "EUR"),
    ("ME", "EUR"),
    ("CH", "CHF"),
    ("LI", "CHF"),
    ("CA", "CAD"),
    ("AU", "AUD"),
    ("NZ", "NZD"),
    ("JP", "JPY"),
    ("CN", "CNY"),
    ("HK", "HKD"),
    ("SG", "SGD"),
    ("IN", "INR"),
    ("KR", "KRW"),
    ("SE", "SEK"),
    ("NO", "NOK"),
    ("DK", "DKK"),
    ("PL", "PLN"),
    ("CZ", "CZK"),
    ("HU", "HUF"),
    ("TR", "TRY"),
    ("IL", "ILS"),
    ("ZA", "ZAR"),
    ("BR", "BRL"),
    ("MX", "MXN"),
];

/// The locale variables that name the currency, strongest first, as
/// POSIX has it: `LC_ALL` overrides `LC_MONETARY`, which overrides `LANG`.
pub const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MONETARY", "LANG"];

impl Currency {
    /// What a currency must look like, for messages.
    pub const EXPECTED: &'static str = "a three-letter ISO 4217 code, such as GBP, EUR or USD";

    /// A code as typed: three letters, any case ("gbp" is GBP), blanks
    /// around ignored. `None` for anything else.
    pub fn parse(text: &str) -> Option<Currency> {
        let code = text.trim();
        (code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()))
            .then(|| Currency(code.to_ascii_uppercase()))
    }

    /// The currency of a new assessment when no locale names one: the euro,
    /// the currency of the most countries of any (and shown, and changed in
    /// one edit, on the Methodology screen).
    pub fn fallback() -> Currency {
        Currency("EUR".into())
    }

    /// Pound sterling, the demo's (Harbourline Logistics is in the UK).
    pub fn gbp() -> Currency {
        Currency("GBP".into())
    }

    /// The ISO 4217 code, e.g. "GBP".
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The common currency's details, if it is one.
    pub fn info(&self) -> Option<&'static CurrencyInfo> {
        COMMON_CURRENCIES.iter().find(|c| c.code == self.0)
    }

    /// How amounts are marked ("£"), for a common currency.
    pub fn symbol(&self) -> Option<&'static str> {
        self.info().map(|c| c.symbol)
    }

    /// The code with its symbol where known: "£ GBP", or "XOF".
    pub fn label(&self) -> String {
        match self.symbol() {
            Some(symbol) => format!("{symbol} {}", self.0),
            None => self.0.clone(),
        }
    }

    /// The currency a locale's name implies, by its territory:
    /// "en_GB.UTF-8" → GBP, "de_DE@euro" → EUR, "en-US" → USD. `None` for
    /// a locale without a territory ("C", "POSIX", "en") or one not in the
    /// table.
    pub fn of_locale_name(locale: &str) -> Option<Currency> {
        let (name, modifier) = locale.split_once('@').unwrap_or((locale, ""));
        if modifier.eq_ignore_ascii_case("euro") {
            return Some(Currency("EUR".into()));
        }
        let name = name.split('.').next().unwrap_or_default();
        let territory = name.split(['_', '-']).nth(1)?;
        TERRITORIES
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(territory))
            .map(|(_, code)| Currency((*code).into()))
    }

    /// The currency of a machine's locale, given how to read its variables
    /// (`std::env::var`, or a table in a test): the first of
    /// [`LOCALE_VARIABLES`] that names a locale decides ("C" and "POSIX"
    /// name none and are passed over); its territory's currency, or the
    /// [`Currency::fallback`] when no variable names one or the territory
    /// is not in the table.
    pub fn of_locale(variable: impl Fn(&str) -> Option<String>) -> Currency {
        LOCALE_VARIABLES
            .iter()
            .filter_map(|name| variable(name))
            .map(|value| value.trim().to_string())
            .find(|value| {
                let language = value.split(['.', '@']).next().unwrap_or_default();
                !(language.is_empty() || language == "C" || language == "POSIX")
            })
            .and_then(|locale| Currency::of_locale_name(&locale))
            .unwrap_or_else(Currency::fallback)
    }
}

impl Default for Currency {
    /// [`Currency::fallback`].
    fn default() -> Currency {
        Currency::fallback()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(text: String) -> Result<Currency, String> {
        Currency::parse(&text).ok_or_else(|| format!("\"{text}\" is not {}", Currency::EXPECTED))
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0
    }
}

/// The field issue of a currency as typed into `field`, or the currency.
pub fn checked_currency(field: &str, text: &str) -> Result<Currency, FieldIssue> {
    Currency::parse(text).ok_or_else(|| {
        let typed = text.trim();
        FieldIssue::new(
            field,
            if typed.is_empty() {
                format!("Give the currency of the amounts: {}.", Currency::EXPECTED)
            } else {
                format!(
                    "\u{201c}{typed}\u{201d} is not a currency: use {}.",
                    Currency::EXPECTED
                )
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_three_letters_in_any_case_kept_upper_case() {
        assert_eq!(Currency::parse("GBP").unwrap().code(), "GBP");
        assert_eq!(Currency::parse(" eur ").unwrap().code(), "EUR");
        assert_eq!(
            Currency::parse("xof").unwrap().code(),
            "XOF",
            "any three letters: the list of codes is ISO's, not ours"
        );
        for bad in ["", "GB", "GBPX", "£", "G1P", "US$", "€€€", "G B"] {
            assert_eq!(Currency::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_field_issue_names_the_field_and_what_was_typed() {
        let issue = checked_currency("currency", "pounds").unwrap_err();
        assert_eq!(issue.field, "currency");
        assert_eq!(
            issue.message,
            "“pounds” is not a currency: use a three-letter ISO 4217 code, such as GBP, EUR or USD."
        );
        let blank = checked_currency("currency", "  ").unwrap_err();
        assert!(blank.message.starts_with("Give the currency"), "{blank:?}");
        assert_eq!(checked_currency("currency", "usd").unwrap().code(), "USD");
    }

    #[test]
    fn labels_carry_the_symbol_where_known() {
        assert_eq!(Currency::gbp().label(), "£ GBP");
        assert_eq!(Currency::parse("CHF").unwrap().label(), "Fr. CHF");
        assert_eq!(Currency::parse("XOF").unwrap().label(), "XOF");
        assert_eq!(Currency::fallback().symbol(), Some("€"));
    }

    #[test]
    fn it_crosses_as_its_code_and_refuses_a_bad_one() {
        let json = serde_json::to_string(&Currency::gbp()).unwrap();
        assert_eq!(json, "\"GBP\"");
        assert_eq!(
            serde_json::from_str::<Currency>("\"usd\"").unwrap().code(),
            "USD"
        );
        assert!(serde_json::from_str::<Currency>("\"pounds\"").is_err());
    }

    #[test]
    fn a_locale_name_gives_its_territory_s_currency() {
        let of = |l: &str| Currency::of_locale_name(l).map(|c| c.code().to_string());
        assert_eq!(of("en_GB.UTF-8").as_deref(), Some("GBP"));
        assert_eq!(of("de_DE").as_deref(), Some("EUR"));
        assert_eq!(of("en_US.utf8").as_deref(), Some("USD"));
        assert_eq!(of("fr_CH.UTF-8").as_deref(), Some("CHF"));
        assert_eq!(of("en-AU").as_deref(), Some("AUD"));
        assert_eq!(of("de_DE@euro").as_deref(), Some("EUR"));
        assert_eq!(of("ga_IE.UTF-8@euro").as_deref(), Some("EUR"));
        for none in ["C", "POSIX", "C.UTF-8", "en", "xx_ZZ.UTF-8", ""] {
            assert_eq!(of(none), None, "{none:?}");
        }
    }

    #[test]
    fn every_territory_s_currency_is_one_the_picker_lists() {
        for (territory, code) in TERRITORIES {
            assert!(
                COMMON_CURRENCIES.iter().any(|c| c.code == code),
                "{territory} → {code} has no symbol"
            );
        }
    }

    fn environment(vars: &[(&str, &str)]) -> Currency {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Currency::of_locale(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn the_machine_s_locale_decides_as_posix_orders_the_variables() {
        assert_eq!(environment(&[("LANG", "en_GB.UTF-8")]).code(), "GBP");
        assert_eq!(
            environment(&[("LANG", "en_GB.UTF-8"), ("LC_MONETARY", "de_DE.UTF-8")]).code(),
            "EUR",
            "LC_MONETARY is the monetary locale, over LANG"
        );
        assert_eq!(
            environment(&[
                ("LANG", "en_GB.UTF-8"),
                ("LC_MONETARY", "de_DE.UTF-8"),
                ("LC_ALL", "en_US.UTF-8")
            ])
            .code(),
            "USD",
            "LC_ALL overrides every other"
        );
        assert_eq!(
            environment(&[("LC_ALL", "C.UTF-8"), ("LANG", "en_GB.UTF-8")]).code(),
            "GBP",
            "C names no country: passed over"
        );
        assert_eq!(
            environment(&[("LC_MONETARY", ""), ("LANG", "en_NZ.UTF-8")]).code(),
            "NZD"
        );
    }

    #[test]
    fn without_a_locale_that_names_a_country_it_is_the_euro() {
        assert_eq!(environment(&[]).code(), "EUR");
        assert_eq!(environment(&[("LANG", "C")]).code(), "EUR");
        assert_eq!(
            environment(&[("LANG", "xx_ZZ.UTF-8")]).code(),
            "EUR",
            "a territory not in the table"
        );
    }
}
