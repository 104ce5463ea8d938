//! The first cut of the data model (DESIGN.md): accounts, organisations, petitions, permalinks,
//! signatures, the mail queue and server-side sessions.
use crate::parts;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn created_at() -> ColumnDef {
    timestamp_with_time_zone("created_at")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("users")
                .col(big_pk_auto("id"))
                .col(string_len_uniq("username", 64))
                .col(string_len_uniq("email", 320))
                .col(string("password_hash"))
                .col(string_len("display_name", 200).default(""))
                .col(boolean("is_admin").default(false))
                .col(timestamp_with_time_zone_null("email_verified_at"))
                .col(string_len_null("locale", 16))
                .col(created_at())
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("organisations")
                .col(big_pk_auto("id"))
                .col(string_len_uniq("slug", 64))
                .col(string_len("name", 200))
                .col(text("description").default(""))
                .col(string_len_null("website", 500))
                .col(created_at())
                .to_owned(),
        )
        .await?;

        let mut memberships = Table::create();
        memberships
            .table("memberships")
            .col(big_pk_auto("id"))
            .col(big_integer("user_id"))
            .col(big_integer("organisation_id"));
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
            memberships.col(boolean(flag).default(false));
        }
        memberships
            .col(created_at())
            .foreign_key(&mut parts::cascade("fk_memberships_user", "memberships", "user_id", "users"))
            .foreign_key(&mut parts::cascade(
                "fk_memberships_organisation",
                "memberships",
                "organisation_id",
                "organisations",
            ))
            .index(
                Index::create().name("ux_memberships_user_organisation").col("user_id").col("organisation_id").unique(),
            );
        m.create_table(memberships.to_owned()).await?;

        m.create_table(
            Table::create()
                .table("petitions")
                .col(big_pk_auto("id"))
                .col(big_integer_null("user_id"))
                .col(big_integer_null("organisation_id"))
                .col(string_len("title", 200))
                .col(text("text").default(""))
                .col(big_integer("goal").default(0))
                .col(string_len("theme", 64).default("classic"))
                .col(string_len("status", 16).default("draft"))
                .col(string_len("moderation", 16).default("ok"))
                .col(string_len("field_first_name", 8).default("required"))
                .col(string_len("field_last_name", 8).default("required"))
                .col(string_len("field_phone", 8).default("off"))
                .col(big_integer("paper_signatures").default(0))
                .col(string_len("default_locale", 16).default("en"))
                // Confirmed signatures, refreshed by the periodic count batch (never per signature).
                .col(big_integer("confirmed_count").default(0))
                .col(created_at())
                .col(timestamp_with_time_zone("updated_at"))
                .check(Expr::cust(
                    "(user_id IS NULL AND organisation_id IS NOT NULL) OR (user_id IS NOT NULL AND organisation_id IS NULL)",
                ))
                .foreign_key(&mut parts::cascade("fk_petitions_user", "petitions", "user_id", "users"))
                .foreign_key(&mut parts::cascade("fk_petitions_organisation", "petitions", "organisation_id", "organisations"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("slugs")
                .col(big_pk_auto("id"))
                .col(big_integer("petition_id"))
                // "o:<organisation id>" or "u:<user id>": permalinks are unique per owner.
                .col(string_len("owner_key", 32))
                .col(string_len("slug", 128))
                .col(created_at())
                .foreign_key(&mut parts::cascade("fk_slugs_petition", "slugs", "petition_id", "petitions"))
                .index(Index::create().name("ux_slugs_owner_slug").col("owner_key").col("slug").unique())
                .to_owned(),
        )
        .await?;
        parts::index(m, "ix_slugs_petition", "slugs", &["petition_id"]).await?;

        m.create_table(
            Table::create()
                .table("signatures")
                .col(big_pk_auto("id"))
                .col(big_integer("petition_id"))
                .col(string_len_null("first_name", 100))
                .col(string_len_null("last_name", 100))
                .col(string_len("email", 320))
                .col(string_len("email_canonical", 320))
                .col(string_len_null("phone", 40))
                .col(string_len("locale", 16))
                .col(string_len_null("confirmation_token_hash", 64))
                .col(timestamp_with_time_zone_null("token_expires_at"))
                .col(timestamp_with_time_zone_null("confirmed_at"))
                .col(boolean("newsletter_optin").default(false))
                .col(created_at())
                .foreign_key(&mut parts::cascade("fk_signatures_petition", "signatures", "petition_id", "petitions"))
                .index(
                    Index::create()
                        .name("ux_signatures_petition_email")
                        .col("petition_id")
                        .col("email_canonical")
                        .unique(),
                )
                .to_owned(),
        )
        .await?;
        parts::unique_index(m, "ux_signatures_token", "signatures", &["confirmation_token_hash"]).await?;
        parts::index(m, "ix_signatures_confirmed", "signatures", &["confirmed_at", "petition_id"]).await?;

        m.create_table(
            Table::create()
                .table("mail_queue")
                .col(big_pk_auto("id"))
                // 0 = signer and account mail, larger = bulk; claimed in ascending order.
                .col(small_integer("priority").default(0))
                .col(string_len("kind", 32))
                .col(string_len("recipient", 320))
                .col(string_len("subject", 500))
                .col(text("body_text"))
                .col(text_null("body_html"))
                .col(string_len("message_id", 200))
                .col(string_len("status", 16).default("queued"))
                .col(integer("attempts").default(0))
                .col(timestamp_with_time_zone("next_attempt_at"))
                .col(timestamp_with_time_zone_null("lease_until"))
                .col(text_null("last_error"))
                .col(created_at())
                .col(timestamp_with_time_zone_null("sent_at"))
                .to_owned(),
        )
        .await?;
        parts::index(m, "ix_mail_queue_claim", "mail_queue", &["status", "priority", "next_attempt_at"]).await?;

        m.create_table(
            Table::create()
                .table("sessions")
                .col(big_pk_auto("id"))
                .col(string_len_uniq("token_hash", 64))
                .col(big_integer("user_id"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(created_at())
                .foreign_key(&mut parts::cascade("fk_sessions_user", "sessions", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        Ok(())
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
