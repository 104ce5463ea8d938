//! Confirmation links for the `confirm` scenario, read from the mail queue: the text of each
//! signer's mail as the server wrote it. Waiting for the mail worker to write tens of thousands
//! of mails first would take minutes and load the server while confirmations are measured.
use std::collections::HashSet;

use rustition::entities::mail_job;
use sea_orm::{EntityTrait, QuerySelect};

use crate::check::connect;

/// The path of the first confirmation link for petition `petition` in a mail's text
/// (`/p/<id>/confirm/<token>`), or None when it has none.
pub fn confirmation_path(text: &str, petition: i64) -> Option<String> {
    let prefix = format!("/p/{petition}/confirm/");
    let rest = &text[text.find(&prefix)? + prefix.len()..];
    let token: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    (!token.is_empty()).then(|| format!("{prefix}{token}"))
}

/// `(recipient, path)` of the confirmation link mailed to each of `recipients`.
pub async fn mailed(database_url: &str, recipients: &[String], petition: i64) -> Result<Vec<(String, String)>, String> {
    let db = connect(database_url).await?;
    let wanted: HashSet<&String> = recipients.iter().collect();
    let rows = mail_job::Entity::find()
        .select_only()
        .column(mail_job::Column::Recipient)
        .column(mail_job::Column::BodyText)
        .into_tuple::<(String, String)>()
        .all(&db)
        .await
        .map_err(|e| format!("reading the mail queue: {e}"))?;
    db.close().await.map_err(|e| format!("closing the database: {e}"))?;
    Ok(rows
        .into_iter()
        .filter(|(r, _)| wanted.contains(r))
        .filter_map(|(recipient, text)| Some((recipient, confirmation_path(&text, petition)?)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_link_of_the_petition_asked_for() {
        let text = "Open this link to confirm:\nhttp://127.0.0.1:8000/p/1/confirm/Ab3_x-Yz09\n\nThanks";
        assert_eq!(confirmation_path(text, 1).as_deref(), Some("/p/1/confirm/Ab3_x-Yz09"));
        assert_eq!(confirmation_path(text, 2), None);
        assert_eq!(confirmation_path("no link /p/1/confirm/ here", 1), None);
    }
}
