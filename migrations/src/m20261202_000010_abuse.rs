//! Abuse that costs the instance nothing (issue 14, part 4):
//! - each signature keeps the keyed hash of its client's address (never the address), so that
//!   moderators can see "these 900 came from one client", and the time it was invalidated by a
//!   moderator's rule (kept, out of the count, shown to the organiser as such);
//! - a re-signing with a pending address waits in `signature_changes` for its own link, instead
//!   of overwriting the first signer's details;
//! - mail jobs carry a fairness key (a petition, or a recipient domain) and a round number, so the
//!   queue's per-minute budget goes round the keys and one petition's flood delays only itself.
use crate::parts;
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
        let signature_columns = [string_len_null("client_key", 16), timestamp_with_time_zone_null("invalidated_at")];
        parts::add_columns(m, "signatures", signature_columns).await?;
        parts::drop_index(m, OLD_COUNT_INDEX, "signatures").await?;
        parts::index(m, COUNT_INDEX, "signatures", &["petition_id", "confirmed_at", "invalidated_at"]).await?;
        let changes = [
            big_integer("signature_id"),
            // The new details as typed and checked (JSON), and the language they came in.
            text("details"),
            string_len("locale", 16),
            string_len("token_hash", 64),
            timestamp_with_time_zone("token_expires_at"),
            string_len_null("client_key", 16),
            parts::created_at(),
        ];
        parts::table("signature_changes", changes)
            .cascade("fk_signature_changes_signature", "signature_id", "signatures")
            .create(m)
            .await?;
        parts::unique_index(m, "ux_signature_changes_token", "signature_changes", &["token_hash"]).await?;
        parts::unique_index(m, "ux_signature_changes_signature", "signature_changes", &["signature_id"]).await?;
        let mail_columns = [string_len_null("fair_key", 340), big_integer("fair_round").default(0).to_owned()];
        parts::add_columns(m, "mail_queue", mail_columns).await?;
        parts::add_columns(m, "mail_throttle", [big_integer("round").default(0).to_owned()]).await?;
        parts::index(m, "ix_mail_queue_fair_claim", "mail_queue", &["status", "priority", "fair_round", "id"]).await?;
        parts::index(m, "ix_mail_queue_fair_key", "mail_queue", &["fair_key", "status", "fair_round"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_index(m, "ix_mail_queue_fair_key", "mail_queue").await?;
        parts::drop_index(m, "ix_mail_queue_fair_claim", "mail_queue").await?;
        for (table, col) in [("mail_throttle", "round"), ("mail_queue", "fair_round"), ("mail_queue", "fair_key")] {
            parts::drop_columns(m, table, [col]).await?;
        }
        parts::drop_tables(m, &["signature_changes"]).await?;
        parts::drop_index(m, COUNT_INDEX, "signatures").await?;
        parts::index(m, OLD_COUNT_INDEX, "signatures", &["petition_id", "confirmed_at"]).await?;
        parts::drop_columns(m, "signatures", ["invalidated_at", "client_key"]).await
    }
}
