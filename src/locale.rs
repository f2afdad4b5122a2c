//! The machine's locale, read from the environment once: what a new
//! assessment takes from it, the currency of its amounts. The rule is the
//! model's and pure (`Currency::of_locale`: `LC_ALL`, then `LC_MONETARY`,
//! then `LANG`; the euro when none names a country); only this reads the
//! variables, so the layers beneath stay deterministic and a test passes
//! the currency it wants.

use std::sync::OnceLock;

use bia_model::Currency;

/// The currency this machine's locale implies ("en_GB.UTF-8" → GBP), read
/// on first use and kept for the life of the process.
pub fn currency() -> Currency {
    static CURRENCY: OnceLock<Currency> = OnceLock::new();
    CURRENCY
        .get_or_init(|| Currency::of_locale(|name| std::env::var(name).ok()))
        .clone()
}
