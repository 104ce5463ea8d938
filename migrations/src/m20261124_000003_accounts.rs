//! Accounts and organisations: mailed tokens (email verification, password reset, email
//! change), invitations to organisations, and server-side challenges for registration.
use crate::parts;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Registration challenges as this migration made them (000007 replaced them, and its `down`
/// makes them again).
pub(crate) fn challenges() -> parts::NewTable {
    let cols = [
        string_len("answer_hash", 64),
        // The picture of an image challenge (PNG); none for a question.
        blob_null("image"),
        timestamp_with_time_zone("expires_at"),
        parts::created_at(),
    ];
    parts::table("challenges", cols)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let email_tokens = [
            big_integer("user_id"),
            // "verify", "reset" or "email_change"
            string_len("purpose", 16),
            string_len_uniq("token_hash", 64),
            string_len_null("new_email", 320),
            timestamp_with_time_zone("expires_at"),
            parts::created_at(),
        ];
        parts::table("email_tokens", email_tokens)
            .cascade("fk_email_tokens_user", "user_id", "users")
            .create(m)
            .await?;
        let invitations = [
            big_integer("organisation_id"),
            big_integer_null("invited_user_id"),
            string_len_null("email", 320),
            string_len_uniq("token_hash", 64),
            big_integer_null("invited_by"),
            timestamp_with_time_zone("expires_at"),
            parts::created_at(),
        ];
        parts::table("invitations", invitations)
            .cascade("fk_invitations_organisation", "organisation_id", "organisations")
            .cascade("fk_invitations_user", "invited_user_id", "users")
            .foreign_key(
                ForeignKey::create()
                    .name("fk_invitations_invited_by")
                    .from("invitations", "invited_by")
                    .to("users", "id")
                    .on_delete(ForeignKeyAction::SetNull)
                    .to_owned(),
            )
            .create(m)
            .await?;
        challenges().create(m).await?;
        parts::index(m, "ix_sessions_user", "sessions", &["user_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_index(m, "ix_sessions_user", "sessions").await?;
        parts::drop_tables(m, &["challenges", "invitations", "email_tokens"]).await?;
        Ok(())
    }
}
