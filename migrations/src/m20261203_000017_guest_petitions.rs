//! Petitions without an account (issue 17): the address that started one, its verification,
//! and the private management links that act for it. A guest petition is owned by a guest
//! identity (a `users` row with `guest_since` set) that cannot sign in and owns nothing else.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Nullable, so an INSERT that leaves it out is read back as "not a guest".
        parts::add_columns(m, "users", [timestamp_with_time_zone_null("guest_since")]).await?;
        let guests = [
            big_integer("petition_id").unique_key().to_owned(),
            big_integer("user_id"),
            string_len("email", 320),
            string_len("email_canonical", 320),
            string_len_null("verify_token_hash", 64),
            timestamp_with_time_zone("verify_expires_at"),
            timestamp_with_time_zone_null("verified_at"),
            string_len("locale", 16),
            parts::created_at(),
        ];
        parts::table("guest_petitions", guests)
            .cascade("fk_guest_petitions_petition", "petition_id", "petitions")
            .cascade("fk_guest_petitions_user", "user_id", "users")
            .create(m)
            .await?;
        parts::index(m, "ix_guest_petitions_email", "guest_petitions", &["email_canonical"]).await?;
        parts::unique_index(m, "ux_guest_petitions_verify", "guest_petitions", &["verify_token_hash"]).await?;
        let links = [
            big_integer("guest_petition_id"),
            string_len("token_hash", 64).unique_key().to_owned(),
            timestamp_with_time_zone_null("revoked_at"),
            parts::created_at(),
        ];
        parts::table("guest_links", links)
            .cascade("fk_guest_links_guest", "guest_petition_id", "guest_petitions")
            .create(m)
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["guest_links", "guest_petitions"]).await?;
        parts::drop_columns(m, "users", ["guest_since"]).await
    }
}
