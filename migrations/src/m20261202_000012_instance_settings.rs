//! Instance settings kept in the database (over `config.toml`'s defaults, applied without a
//! restart), the version every process watches to re-read them, an organisation's logo, the
//! member flag that allows editing the organisation's public profile, and an index for the
//! instance statistics.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let settings = [
            // A key of `domain::instance::settings` ("banner", "registration"…); a key
            // without a row takes its default from the configuration.
            string_len("key", 64).primary_key().to_owned(),
            text("value"),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::keyed_table("instance_settings", settings).create(m).await?;
        // One row, raised with every save: each process compares it with the version it
        // loaded, every few seconds, and re-reads the settings when it changed.
        let version = [integer("id").primary_key().to_owned(), big_integer("version")];
        parts::keyed_table("settings_version", version).create(m).await?;
        parts::single_row(m, "settings_version", "version", 0).await?;
        let logos = [
            big_integer("organisation_id").primary_key().to_owned(),
            // Always JPEG: uploads are decoded and encoded again, which drops their metadata.
            blob("data"),
            integer("width"),
            integer("height"),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::keyed_table("organisation_logos", logos)
            .cascade("fk_organisation_logos_organisation", "organisation_id", "organisations")
            .create(m)
            .await?;
        // The statistics page counts the last 90 days of confirmations without reading older ones.
        parts::index(m, "ix_signatures_confirmed_at", "signatures", &["confirmed_at"]).await?;
        parts::add_columns(m, "memberships", [boolean("can_edit_profile").default(false).to_owned()]).await?;
        // Those who manage an organisation's members managed it all until now: they keep its profile.
        m.exec_stmt(
            Query::update()
                .table("memberships")
                .value("can_edit_profile", true)
                .and_where(Expr::col("can_modify_permissions").eq(true))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_columns(m, "memberships", ["can_edit_profile"]).await?;
        parts::drop_index(m, "ix_signatures_confirmed_at", "signatures").await?;
        parts::drop_tables(m, &["organisation_logos", "settings_version", "instance_settings"]).await
    }
}
