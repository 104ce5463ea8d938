//! What signers own (issue 15): the opt-in to appear in a petition's public list of names,
//! each petition's personal-data retention after it closes, and the links of the
//! "my signatures" page.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::add_columns(m, "signatures", [boolean("name_public").default(false).to_owned()]).await?;
        // Days after closing before names, addresses and fields are erased; NULL: the instance's default.
        let petitions = [
            integer_null("retention_days"),
            timestamp_with_time_zone_null("closed_at"),
            timestamp_with_time_zone_null("personal_data_erased_at"),
            boolean("show_signer_names").default(false).to_owned(),
        ];
        parts::add_columns(m, "petitions", petitions).await?;
        // Petitions closed before this release count as closed since their last change.
        m.exec_stmt(
            Query::update()
                .table("petitions")
                .value("closed_at", Expr::col("updated_at"))
                .and_where(Expr::col("status").eq("closed"))
                .to_owned(),
        )
        .await?;
        let links = [
            // The canonical address the link shows the signatures of.
            string_len("email_canonical", 320),
            string_len("token_hash", 64).unique_key().to_owned(),
            timestamp_with_time_zone("expires_at"),
            parts::created_at(),
        ];
        parts::table("signer_links", links).create(m).await?;
        parts::index(m, "ix_signer_links_email", "signer_links", &["email_canonical"]).await
    }
}
