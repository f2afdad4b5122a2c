//! Why a document could not be made: a picture it was given is not a PNG
//! that can be read, or the PDF could not be written. Each carries the
//! PDF writer's own words.
//!
//! Nothing a user types can fail a document (text is drawn as given, however
//! long, in whatever characters), so there is no variant for it.

pub type Result<T, E = DocumentError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// A picture (the heatmap) is not a PNG the writer can read.
    #[error("the picture could not be read as PNG: {message}")]
    Picture { message: String },

    /// The pages could not be written as PDF.
    #[error("the PDF could not be written: {message}")]
    Pdf { message: String },
}

impl DocumentError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            DocumentError::Picture { .. } => "document_picture",
            DocumentError::Pdf { .. } => "document_pdf",
        }
    }
}

/// Every code a document error can carry.
pub fn codes() -> impl Iterator<Item = &'static str> {
    ["document_picture", "document_pdf"].into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_listed_code() {
        let all = [
            DocumentError::Picture {
                message: "x".into(),
            },
            DocumentError::Pdf {
                message: "x".into(),
            },
        ];
        for e in all {
            assert!(codes().any(|c| c == e.code()), "{} is not listed", e.code());
        }
    }
}
