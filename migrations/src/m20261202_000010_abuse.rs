//! Abuse that costs the instance nothing (issue 14, part 4):
//! - each signature keeps the keyed hash of its client's address (never the address), so that
//!   moderators can see "these 900 came from one client", and the time it was invalidated by a
//!   moderator's rule (kept, out of the count, shown to the organiser as such);
//! - a re-signing with a pending address waits in `signature_changes` for its own link, instead
//!   of overwriting the first signer's details;
//! - mail jobs carry a fairness key (a petition, or a recipient domain) and a round number, so the
//!   queue's per-minute budget goes round the keys and one petition's flood delays only itself.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The count reads this index alone; with `invalidated_at` in it, it still does.
const OLD_COUNT_INDEX: &str = "ix_signatures_petition_confirmed";
const COUNT_INDEX: &str = "ix_signatures_petition_confirmed_valid";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        let add = |table: &'static str, col: ColumnDef| Table::alter().table(table).add_column(col).to_owned();
        m.alter_table(add("signatures", string_len_null("client_key", 16))).await?;
        m.alter_table(add("signatures", timestamp_with_time_zone_null("invalidated_at"))).await?;
        m.drop_index(Index::drop().name(OLD_COUNT_INDEX).table("signatures").to_owned()).await?;
        m.create_index(
            Index::create()
                .name(COUNT_INDEX)
                .table("signatures")
                .col("petition_id")
                .col("confirmed_at")
                .col("invalidated_at")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("signature_changes")
                .col(big_pk_auto("id"))
                .col(big_integer("signature_id"))
                // The new details as typed and checked (JSON), and the language they came in.
                .col(text("details"))
                .col(string_len("locale", 16))
                .col(string_len("token_hash", 64))
                .col(timestamp_with_time_zone("token_expires_at"))
                .col(string_len_null("client_key", 16))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_signature_changes_signature")
                        .from("signature_changes", "signature_id")
                        .to("signatures", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_signature_changes_token")
                .table("signature_changes")
                .col("token_hash")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_signature_changes_signature")
                .table("signature_changes")
                .col("signature_id")
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(add("mail_queue", string_len_null("fair_key", 340))).await?;
        m.alter_table(add("mail_queue", big_integer("fair_round").default(0).to_owned())).await?;
        m.alter_table(add("mail_throttle", big_integer("round").default(0).to_owned())).await?;
        m.create_index(
            Index::create()
                .name("ix_mail_queue_fair_claim")
                .table("mail_queue")
                .col("status")
                .col("priority")
                .col("fair_round")
                .col("id")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_mail_queue_fair_key")
                .table("mail_queue")
                .col("fair_key")
                .col("status")
                .col("fair_round")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_mail_queue_fair_key").table("mail_queue").to_owned()).await?;
        m.drop_index(Index::drop().name("ix_mail_queue_fair_claim").table("mail_queue").to_owned()).await?;
        for (table, col) in [("mail_throttle", "round"), ("mail_queue", "fair_round"), ("mail_queue", "fair_key")] {
            m.alter_table(Table::alter().table(table).drop_column(col).to_owned()).await?;
        }
        m.drop_table(Table::drop().table("signature_changes").to_owned()).await?;
        m.drop_index(Index::drop().name(COUNT_INDEX).table("signatures").to_owned()).await?;
        m.create_index(
            Index::create().name(OLD_COUNT_INDEX).table("signatures").col("petition_id").col("confirmed_at").to_owned(),
        )
        .await?;
        for col in ["invalidated_at", "client_key"] {
            m.alter_table(Table::alter().table("signatures").drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
