//! A petition's addresses never break: a permalink removed by its organisers, or left behind
//! when the petition changed owner, is kept here and redirects to the petition's current main
//! address, until the same owner gives that name to a live permalink (which then wins).
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let retired_slugs = [
            big_integer("petition_id"),
            // As in `slugs`: "o:<organisation id>" or "u:<user id>", the owner at the time.
            string_len("owner_key", 32),
            string_len("slug", 128),
            timestamp_with_time_zone("retired_at"),
        ];
        parts::table("retired_slugs", retired_slugs)
            .cascade("fk_retired_slugs_petition", "petition_id", "petitions")
            .unique("ux_retired_slugs_owner_slug", &["owner_key", "slug"])
            .create(m)
            .await?;
        parts::index(m, "ix_retired_slugs_petition", "retired_slugs", &["petition_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["retired_slugs"]).await
    }
}
