//! Why a chart could not be drawn: a name in the options that matches
//! nothing (the process to focus on, the horizon to show), or the drawing
//! itself failing.

use bia_model::UnknownName;

pub type Result<T, E = ChartError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("no {kind} named \"{name}\"")]
    NoSuchName { kind: &'static str, name: String },

    #[error(transparent)]
    Unknown(#[from] UnknownName),

    #[error("the chart could not be drawn: {0}")]
    Draw(String),
}

impl ChartError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            ChartError::NoSuchName { .. } => "no_such_name",
            ChartError::Unknown(_) => "unknown_name",
            ChartError::Draw(_) => "chart",
        }
    }
}

/// Every code a chart error can carry.
pub fn codes() -> impl Iterator<Item = &'static str> {
    ["no_such_name", "unknown_name", "chart"].into_iter()
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
            ChartError::Draw("x".into()),
        ];
        for e in all {
            assert!(codes().any(|c| c == e.code()), "{} is not listed", e.code());
        }
    }
}
