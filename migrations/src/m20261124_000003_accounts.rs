//! Accounts and organisations: mailed tokens (email verification, password reset, email
//! change), invitations to organisations, and server-side challenges for registration.
use crate::parts;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("email_tokens")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                // "verify", "reset" or "email_change"
                .col(string_len("purpose", 16))
                .col(string_len_uniq("token_hash", 64))
                .col(string_len_null("new_email", 320))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut parts::cascade("fk_email_tokens_user", "email_tokens", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("invitations")
                .col(big_pk_auto("id"))
                .col(big_integer("organisation_id"))
                .col(big_integer_null("invited_user_id"))
                .col(string_len_null("email", 320))
                .col(string_len_uniq("token_hash", 64))
                .col(big_integer_null("invited_by"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut parts::cascade(
                    "fk_invitations_organisation",
                    "invitations",
                    "organisation_id",
                    "organisations",
                ))
                .foreign_key(&mut parts::cascade("fk_invitations_user", "invitations", "invited_user_id", "users"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_invitations_invited_by")
                        .from("invitations", "invited_by")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("challenges")
                .col(big_pk_auto("id"))
                .col(string_len("answer_hash", 64))
                // The picture of an image challenge (PNG); none for a question.
                .col(blob_null("image"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        parts::index(m, "ix_sessions_user", "sessions", &["user_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_index(m, "ix_sessions_user", "sessions").await?;
        parts::drop_tables(m, &["challenges", "invitations", "email_tokens"]).await?;
        Ok(())
    }
}
