//! What signers own (issue 15): the opt-in to appear in a petition's public list of names,
//! each petition's personal-data retention after it closes, and the links of the
//! "my signatures" page.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("signatures").add_column(boolean("name_public").default(false)).to_owned())
            .await?;
        // Days after closing before names, addresses and fields are erased; NULL: the instance's default.
        m.alter_table(Table::alter().table("petitions").add_column(integer_null("retention_days")).to_owned()).await?;
        m.alter_table(
            Table::alter().table("petitions").add_column(timestamp_with_time_zone_null("closed_at")).to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("petitions")
                .add_column(timestamp_with_time_zone_null("personal_data_erased_at"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter().table("petitions").add_column(boolean("show_signer_names").default(false)).to_owned(),
        )
        .await?;
        // Petitions closed before this release count as closed since their last change.
        m.exec_stmt(
            Query::update()
                .table("petitions")
                .value("closed_at", Expr::col("updated_at"))
                .and_where(Expr::col("status").eq("closed"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("signer_links")
                .col(big_pk_auto("id"))
                // The canonical address the link shows the signatures of.
                .col(string_len("email_canonical", 320))
                .col(string_len("token_hash", 64).unique_key())
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_signer_links_email").table("signer_links").col("email_canonical").to_owned(),
        )
        .await
    }
}
