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
        m.create_table(
            Table::create()
                .table("instance_settings")
                // A key of `domain::instance::settings` ("banner", "registration"…); a key
                // without a row takes its default from the configuration.
                .col(string_len("key", 64).primary_key())
                .col(text("value"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        // One row, raised with every save: each process compares it with the version it
        // loaded, every few seconds, and re-reads the settings when it changed.
        m.create_table(
            Table::create()
                .table("settings_version")
                .col(integer("id").primary_key())
                .col(big_integer("version"))
                .to_owned(),
        )
        .await?;
        parts::single_row(m, "settings_version", "version", 0).await?;
        m.create_table(
            Table::create()
                .table("organisation_logos")
                .col(big_integer("organisation_id").primary_key())
                // Always JPEG: uploads are decoded and encoded again, which drops their metadata.
                .col(blob("data"))
                .col(integer("width"))
                .col(integer("height"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut parts::cascade(
                    "fk_organisation_logos_organisation",
                    "organisation_logos",
                    "organisation_id",
                    "organisations",
                ))
                .to_owned(),
        )
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
