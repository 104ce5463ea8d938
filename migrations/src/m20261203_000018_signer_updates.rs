//! Updates to signers (issue 17): the signer's "keep me informed" box, the organiser's updates
//! and the addressee's response, and the unsubscribe link a bulk mail carries in its headers.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::add_columns(m, "signatures", [boolean("keep_informed").default(false).to_owned()]).await?;
        // The recipients of an update are read by petition, in id order, in batches.
        parts::index(m, "ix_signatures_informed", "signatures", &["petition_id", "keep_informed", "id"]).await?;
        // The `List-Unsubscribe` address of a bulk mail (none for other mail).
        parts::add_columns(m, "mail_queue", [text_null("list_unsubscribe")]).await?;
        let updates = [
            big_integer("petition_id"),
            string_len("title", 200),
            text("body"),
            // How many signers it was mailed to.
            big_integer("recipients").default(0).to_owned(),
            parts::created_at(),
        ];
        parts::table("petition_updates", updates)
            .cascade("fk_petition_updates_petition", "petition_id", "petitions")
            .create(m)
            .await?;
        parts::index(m, "ix_petition_updates_petition", "petition_updates", &["petition_id", "created_at"]).await?;
        let responses = [
            big_integer("petition_id").unique_key().to_owned(),
            text("body"),
            // The day the addressee responded, `YYYY-MM-DD`.
            string_len("responded_on", 10),
            string_len_null("document_url", 2000),
            big_integer("recipients").default(0).to_owned(),
            parts::created_at(),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::table("petition_responses", responses)
            .cascade("fk_petition_responses_petition", "petition_id", "petitions")
            .create(m)
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["petition_responses", "petition_updates"]).await?;
        parts::drop_columns(m, "mail_queue", ["list_unsubscribe"]).await?;
        parts::drop_index(m, "ix_signatures_informed", "signatures").await?;
        parts::drop_columns(m, "signatures", ["keep_informed"]).await
    }
}
