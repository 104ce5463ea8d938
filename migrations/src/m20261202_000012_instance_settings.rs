//! Instance settings kept in the database (over `config.toml`'s defaults, applied without a
//! restart), the version every process watches to re-read them, an organisation's logo, the
//! member flag that allows editing the organisation's public profile, and an index for the
//! instance statistics.
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
        m.exec_stmt(
            Query::insert()
                .into_table("settings_version")
                .columns(["id", "version"])
                .values_panic([1.into(), 0.into()])
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("organisation_logos")
                .col(big_integer("organisation_id").primary_key())
                // Always JPEG: uploads are decoded and encoded again, which drops their metadata.
                .col(blob("data"))
                .col(integer("width"))
                .col(integer("height"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_organisation_logos_organisation")
                        .from("organisation_logos", "organisation_id")
                        .to("organisations", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // The statistics page counts the last 90 days of confirmations without reading older ones.
        m.create_index(
            Index::create().name("ix_signatures_confirmed_at").table("signatures").col("confirmed_at").to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter().table("memberships").add_column(boolean("can_edit_profile").default(false)).to_owned(),
        )
        .await?;
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
        m.alter_table(Table::alter().table("memberships").drop_column("can_edit_profile").to_owned()).await?;
        m.drop_index(Index::drop().name("ix_signatures_confirmed_at").table("signatures").to_owned()).await?;
        m.drop_table(Table::drop().table("organisation_logos").to_owned()).await?;
        m.drop_table(Table::drop().table("settings_version").to_owned()).await?;
        m.drop_table(Table::drop().table("instance_settings").to_owned()).await
    }
}
