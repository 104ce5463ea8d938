//! Instance roles and the audit log. A moderator (a role an admin grants) sees every
//! organisation's petitions and works the moderation queue; every moderation and admin action
//! is written to `audit_log`, in the same transaction as the action itself.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::add_columns(m, "users", [boolean("is_moderator").default(false).to_owned()]).await?;
        let audit_log = [
            timestamp_with_time_zone("at"),
            // The acting account, and its username at the time (kept when the account goes);
            // none for the operator at the shell.
            big_integer_null("actor_id"),
            string_len("actor_name", 64),
            // A dotted name from `domain::audit::Action` ("petition.hide", "mail.retry"…).
            string_len("action", 64),
            // What was acted on: "petition", "organisation", "user", "mail", "setting",
            // "report", "instance"; its id as text (a setting's key, a row's id).
            string_len("target_kind", 32),
            string_len("target_id", 128),
            // A human label of the target at the time (a petition's title, an org's name).
            string_len("target_label", 256),
            text("reason"),
        ];
        parts::table("audit_log", audit_log).create(m).await?;
        parts::index(m, "ix_audit_log_at", "audit_log", &["at"]).await?;
        parts::index(m, "ix_audit_log_target", "audit_log", &["target_kind", "target_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["audit_log"]).await?;
        parts::drop_columns(m, "users", ["is_moderator"]).await
    }
}
