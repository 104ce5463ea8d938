//! The first cut of the data model (DESIGN.md): accounts, organisations, petitions, permalinks,
//! signatures, the mail queue and server-side sessions.
use crate::parts;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let users = [
            string_len_uniq("username", 64),
            string_len_uniq("email", 320),
            string("password_hash"),
            string_len("display_name", 200).default("").to_owned(),
            boolean("is_admin").default(false).to_owned(),
            timestamp_with_time_zone_null("email_verified_at"),
            string_len_null("locale", 16),
            parts::created_at(),
        ];
        parts::table("users", users).create(m).await?;

        let organisations = [
            string_len_uniq("slug", 64),
            string_len("name", 200),
            text("description").default("").to_owned(),
            string_len_null("website", 500),
            parts::created_at(),
        ];
        parts::table("organisations", organisations).create(m).await?;

        let mut memberships = vec![big_integer("user_id"), big_integer("organisation_id")];
        for flag in [
            "can_add_members",
            "can_remove_members",
            "can_create_petitions",
            "can_modify_petitions",
            "can_delete_petitions",
            "can_create_templates",
            "can_modify_templates",
            "can_delete_templates",
            "can_view_signatures",
            "can_modify_signatures",
            "can_delete_signatures",
            "can_modify_permissions",
        ] {
            memberships.push(boolean(flag).default(false).to_owned());
        }
        memberships.push(parts::created_at());
        parts::table("memberships", memberships)
            .cascade("fk_memberships_user", "user_id", "users")
            .cascade("fk_memberships_organisation", "organisation_id", "organisations")
            .unique("ux_memberships_user_organisation", &["user_id", "organisation_id"])
            .create(m)
            .await?;

        let petitions = [
            big_integer_null("user_id"),
            big_integer_null("organisation_id"),
            string_len("title", 200),
            text("text").default("").to_owned(),
            big_integer("goal").default(0).to_owned(),
            string_len("theme", 64).default("classic").to_owned(),
            string_len("status", 16).default("draft").to_owned(),
            string_len("moderation", 16).default("ok").to_owned(),
            string_len("field_first_name", 8).default("required").to_owned(),
            string_len("field_last_name", 8).default("required").to_owned(),
            string_len("field_phone", 8).default("off").to_owned(),
            big_integer("paper_signatures").default(0).to_owned(),
            string_len("default_locale", 16).default("en").to_owned(),
            // Confirmed signatures, refreshed by the periodic count batch (never per signature).
            big_integer("confirmed_count").default(0).to_owned(),
            parts::created_at(),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::table("petitions", petitions).one_owner("fk_petitions").create(m).await?;

        let slugs = [
            big_integer("petition_id"),
            // "o:<organisation id>" or "u:<user id>": permalinks are unique per owner.
            string_len("owner_key", 32),
            string_len("slug", 128),
            parts::created_at(),
        ];
        parts::table("slugs", slugs)
            .cascade("fk_slugs_petition", "petition_id", "petitions")
            .unique("ux_slugs_owner_slug", &["owner_key", "slug"])
            .create(m)
            .await?;
        parts::index(m, "ix_slugs_petition", "slugs", &["petition_id"]).await?;

        let signatures = [
            big_integer("petition_id"),
            string_len_null("first_name", 100),
            string_len_null("last_name", 100),
            string_len("email", 320),
            string_len("email_canonical", 320),
            string_len_null("phone", 40),
            string_len("locale", 16),
            string_len_null("confirmation_token_hash", 64),
            timestamp_with_time_zone_null("token_expires_at"),
            timestamp_with_time_zone_null("confirmed_at"),
            boolean("newsletter_optin").default(false).to_owned(),
            parts::created_at(),
        ];
        parts::table("signatures", signatures)
            .cascade("fk_signatures_petition", "petition_id", "petitions")
            .unique("ux_signatures_petition_email", &["petition_id", "email_canonical"])
            .create(m)
            .await?;
        parts::unique_index(m, "ux_signatures_token", "signatures", &["confirmation_token_hash"]).await?;
        parts::index(m, "ix_signatures_confirmed", "signatures", &["confirmed_at", "petition_id"]).await?;

        let mail_queue = [
            // 0 = signer and account mail, larger = bulk; claimed in ascending order.
            small_integer("priority").default(0).to_owned(),
            string_len("kind", 32),
            string_len("recipient", 320),
            string_len("subject", 500),
            text("body_text"),
            text_null("body_html"),
            string_len("message_id", 200),
            string_len("status", 16).default("queued").to_owned(),
            integer("attempts").default(0).to_owned(),
            timestamp_with_time_zone("next_attempt_at"),
            timestamp_with_time_zone_null("lease_until"),
            text_null("last_error"),
            parts::created_at(),
            timestamp_with_time_zone_null("sent_at"),
        ];
        parts::table("mail_queue", mail_queue).create(m).await?;
        parts::index(m, "ix_mail_queue_claim", "mail_queue", &["status", "priority", "next_attempt_at"]).await?;

        let sessions = [
            string_len_uniq("token_hash", 64),
            big_integer("user_id"),
            timestamp_with_time_zone("expires_at"),
            parts::created_at(),
        ];
        parts::table("sessions", sessions).cascade("fk_sessions_user", "user_id", "users").create(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(
            m,
            &["sessions", "mail_queue", "signatures", "slugs", "petitions", "memberships", "organisations", "users"],
        )
        .await?;
        Ok(())
    }
}
