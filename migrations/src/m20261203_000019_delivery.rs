//! Addressees and delivery (issue 17): whom a petition is addressed to, when it is delivered
//! to them (by hand, at its goal, at a count), and each delivery made, with its recipients.
//! A delivery's page is opened by a random token, stored hashed. The automatic delivery of a
//! petition is unique (`auto_key` is `auto` for it and NULL for deliveries by hand, and NULLs
//! never collide in a unique index), so two count batches at once cannot both make it.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::table(
            "petition_addressees",
            [
                big_integer("petition_id"),
                string_len("name", 200),
                string_len("role", 200).default("").to_owned(),
                string_len_null("email", 254),
                string_len_null("link", 500),
                parts::created_at(),
            ],
        )
        .cascade("fk_petition_addressees_petition", "petition_id", "petitions")
        .create(m)
        .await?;
        parts::index(m, "ix_petition_addressees_petition", "petition_addressees", &["petition_id"]).await?;
        parts::keyed_table(
            "delivery_settings",
            [
                big_integer("petition_id").primary_key().to_owned(),
                string_len("mode", 16).default("manual").to_owned(),
                big_integer_null("milestone"),
            ],
        )
        .cascade("fk_delivery_settings_petition", "petition_id", "petitions")
        .create(m)
        .await?;
        parts::table(
            "deliveries",
            [
                big_integer("petition_id"),
                string_len("token_hash", 64),
                string_len("trigger", 16),
                string_len_null("auto_key", 16),
                big_integer("signature_count"),
                string_len_null("delivered_by", 100),
                parts::created_at(),
            ],
        )
        .cascade("fk_deliveries_petition", "petition_id", "petitions")
        .unique("ux_deliveries_token", &["token_hash"])
        .unique("ux_deliveries_auto", &["petition_id", "auto_key"])
        .create(m)
        .await?;
        parts::table(
            "delivery_recipients",
            [
                big_integer("delivery_id"),
                string_len("name", 200),
                string_len("role", 200).default("").to_owned(),
                string_len_null("email", 254),
                big_integer_null("mail_job_id"),
            ],
        )
        .cascade("fk_delivery_recipients_delivery", "delivery_id", "deliveries")
        .create(m)
        .await?;
        parts::index(m, "ix_delivery_recipients_delivery", "delivery_recipients", &["delivery_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["delivery_recipients", "deliveries", "delivery_settings", "petition_addressees"]).await
    }
}
