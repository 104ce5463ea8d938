//! Notifications (issue 17, parts 4 and 5): a petition's newsletter forwarding (to a list
//! address, or POSTed to an allow-listed URL with credentials sealed by the instance key) and the
//! queue of confirmed opt-ins passed on; each member's own choice of organiser notifications
//! per petition (a daily digest, milestone and goal mails); the milestones already mailed, so
//! that each is mailed once.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let forwarding = [
            big_integer("petition_id").primary_key().to_owned(),
            // "mail" (to a list address) or "http" (a POST to an allow-listed URL).
            string_len("kind", 8),
            // The list address or the URL.
            string_len("target", 500),
            // "json" or "form" (HTTP only).
            string_len("format", 8),
            // "none", "bearer" or "basic" (HTTP only).
            string_len("auth", 8),
            // The token or "user:password", sealed with the instance key (never in clear).
            text_null("secret_sealed"),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::keyed_table("newsletter_forwarding", forwarding)
            .cascade("fk_newsletter_forwarding_petition", "petition_id", "petitions")
            .create(m)
            .await?;
        let deliveries = [
            // One per signature ever: a signature is passed on once.
            big_integer("signature_id").unique_key().to_owned(),
            big_integer("petition_id"),
            // "queued", "sent" or "failed".
            string_len("status", 16),
            integer("attempts").default(0).to_owned(),
            timestamp_with_time_zone("next_attempt_at"),
            text_null("last_error"),
            parts::created_at(),
            timestamp_with_time_zone_null("sent_at"),
        ];
        parts::table("newsletter_deliveries", deliveries)
            .cascade("fk_newsletter_deliveries_signature", "signature_id", "signatures")
            .cascade("fk_newsletter_deliveries_petition", "petition_id", "petitions")
            .create(m)
            .await?;
        parts::index(m, "ix_newsletter_deliveries_due", "newsletter_deliveries", &["status", "next_attempt_at"])
            .await?;
        let preferences = [
            big_integer("petition_id"),
            big_integer("user_id"),
            boolean("digest").default(false).to_owned(),
            boolean("milestones").default(false).to_owned(),
            // The digest counts the confirmations after this moment.
            timestamp_with_time_zone("digest_from"),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::table("notification_preferences", preferences)
            .cascade("fk_notification_preferences_petition", "petition_id", "petitions")
            .cascade("fk_notification_preferences_user", "user_id", "users")
            .unique("ux_notification_preferences", &["petition_id", "user_id"])
            .create(m)
            .await?;
        let milestones = [
            big_integer("petition_id"),
            // "count" (a round number of signatures) or "goal".
            string_len("kind", 8),
            big_integer("value"),
            timestamp_with_time_zone("reached_at"),
        ];
        parts::table("petition_milestones", milestones)
            .cascade("fk_petition_milestones_petition", "petition_id", "petitions")
            .unique("ux_petition_milestones", &["petition_id", "kind", "value"])
            .create(m)
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables =
            ["petition_milestones", "notification_preferences", "newsletter_deliveries", "newsletter_forwarding"];
        parts::drop_tables(m, &tables).await
    }
}
