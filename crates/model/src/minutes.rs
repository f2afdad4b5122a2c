//! A length of time in whole minutes: the unit every horizon, objective and
//! capability is stored in.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whole minutes. A month is 30 days, a week 7 days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "number")]
pub struct Minutes(pub u32);

impl Minutes {
    pub const HOUR: u32 = 60;
    pub const DAY: u32 = 24 * 60;
    pub const WEEK: u32 = 7 * Minutes::DAY;
    pub const MONTH: u32 = 30 * Minutes::DAY;

    pub fn hours(h: u32) -> Minutes {
        Minutes(h * Minutes::HOUR)
    }
    pub fn days(d: u32) -> Minutes {
        Minutes(d * Minutes::DAY)
    }
}

impl fmt::Display for Minutes {
    /// The shortest exact form: `30 min`, `4 h`, `1 d`, `2 w`, `1 mo`;
    /// mixed values fall back to the largest unit that divides them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.0;
        let units = [
            (Minutes::MONTH, "mo"),
            (Minutes::WEEK, "w"),
            (Minutes::DAY, "d"),
            (Minutes::HOUR, "h"),
        ];
        if m > 0 {
            for (size, name) in units {
                if m.is_multiple_of(size) {
                    return write!(f, "{} {}", m / size, name);
                }
            }
        }
        write!(f, "{m} min")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_in_the_largest_exact_unit() {
        assert_eq!(Minutes(60).to_string(), "1 h");
        assert_eq!(Minutes(240).to_string(), "4 h");
        assert_eq!(Minutes(1440).to_string(), "1 d");
        assert_eq!(Minutes(3 * 1440).to_string(), "3 d");
        assert_eq!(Minutes(14 * 1440).to_string(), "2 w");
        assert_eq!(Minutes(30 * 1440).to_string(), "1 mo");
        assert_eq!(Minutes(90).to_string(), "90 min");
        assert_eq!(Minutes(0).to_string(), "0 min");
    }
}
