//! A petition in several languages (issue 16): each translation of its text, share card, mail
//! text and field labels, and when the default language's text last changed, so that the
//! dashboard can flag a translation older than it.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::table(
            "petition_translations",
            [
                big_integer("petition_id"),
                string_len("locale", 16),
                string_len("title", 200),
                text("text").default("").to_owned(),
                text("milestone_text").default("").to_owned(),
                string_len_null("social_title", 200),
                string_len_null("social_description", 300),
                text("confirmation_text").default("").to_owned(),
                string_len("newsletter_label", 200).default("").to_owned(),
                string_len("custom1_label", 100).default("").to_owned(),
                string_len("custom2_label", 100).default("").to_owned(),
                string_len("custom3_label", 100).default("").to_owned(),
                timestamp_with_time_zone("updated_at"),
            ],
        )
        .cascade("fk_petition_translations_petition", "petition_id", "petitions")
        .unique("ux_petition_translations", &["petition_id", "locale"])
        .create(m)
        .await?;
        // NULL: not changed since translations exist, so no translation is older than it.
        parts::add_columns(m, "petitions", [timestamp_with_time_zone_null("content_updated_at")]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_columns(m, "petitions", ["content_updated_at"]).await?;
        parts::drop_tables(m, &["petition_translations"]).await
    }
}
