//! The one error the model raises: a name the user typed that is none of
//! the accepted ones (a category, a horizon, a severity), with the list
//! to choose from. Everything else the model checks comes back as
//! [`FieldIssue`](crate::FieldIssue)s for a form to show.

/// A name that matches nothing of its kind.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no {kind} \"{name}\"; use one of: {accepted}")]
pub struct UnknownName {
    pub kind: &'static str,
    pub name: String,
    /// The names that would have been accepted, comma-separated.
    pub accepted: String,
}
