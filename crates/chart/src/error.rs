//! Why a chart could not be drawn: a name in the options that matches
//! nothing (the process to focus on, the unit, the horizon to show), an
//! offset past the last row, or the drawing itself failing.

use bia_model::UnknownName;

pub type Result<T, E = ChartError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("no {kind} named \"{name}\"")]
    NoSuchName { kind: &'static str, name: String },

    #[error(transparent)]
    Unknown(#[from] UnknownName),

    /// `offset` passes over every row there is to draw.
    #[error("{}", past_end(*offset, *total, things))]
    OffsetPastEnd {
        offset: usize,
        total: usize,
        /// The rows counted: "120 processes", "1 process in Finance", "no resources".
        things: String,
    },

    #[error("the chart could not be drawn: {0}")]
    Draw(String),
}

impl ChartError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            ChartError::NoSuchName { .. } => "no_such_name",
            ChartError::Unknown(_) => "unknown_name",
            ChartError::OffsetPastEnd { .. } => "offset_past_end",
            ChartError::Draw(_) => "chart",
        }
    }
}

/// Every code a chart error can carry.
pub fn codes() -> impl Iterator<Item = &'static str> {
    ["no_such_name", "unknown_name", "offset_past_end", "chart"].into_iter()
}

/// "offset 200 is past the end: the chart has 120 processes to draw, so
/// the offset must be below 120" (numbers in en-GB thousands).
fn past_end(offset: usize, total: usize, things: &str) -> String {
    use bia_model::thousands;
    let mut message = format!(
        "offset {} is past the end: the chart has {things} to draw",
        thousands(offset)
    );
    if total > 0 {
        message.push_str(&format!(
            ", so the offset must be below {}",
            thousands(total)
        ));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_listed_code() {
        let all = [
            ChartError::NoSuchName {
                kind: "process",
                name: "x".into(),
            },
            ChartError::Unknown(UnknownName {
                kind: "horizon",
                name: "x".into(),
                accepted: String::new(),
            }),
            ChartError::OffsetPastEnd {
                offset: 9,
                total: 3,
                things: "3 processes".into(),
            },
            ChartError::Draw("x".into()),
        ];
        for e in all {
            assert!(codes().any(|c| c == e.code()), "{} is not listed", e.code());
        }
    }
}
