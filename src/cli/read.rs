//! Words typed on the command line read into the model's values, shared
//! by the subcommands.

/// A review status as typed: `draft`, `in_review` (also "in review",
/// "in-review"), `approved`.
pub fn status(text: &str) -> Result<bia::model::Status, bia::model::UnknownName> {
    bia::model::Status::parse(&text.trim().to_lowercase().replace([' ', '-'], "_")).ok_or_else(
        || bia::model::UnknownName {
            kind: "status",
            name: text.trim().to_string(),
            accepted: "draft, in_review, approved".into(),
        },
    )
}
