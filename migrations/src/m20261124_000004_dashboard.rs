//! The organiser's dashboard: more signer fields (postal code, country, organisation, three custom
//! fields), the petition's look, sharing and mail settings, the wizard's progress, and templates.
use crate::parts;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// New `petitions` columns. SQLite alters one column per statement, hence a list.
fn petition_columns() -> Vec<ColumnDef> {
    let mut cols = vec![
        string_len("field_postal_code", 8).default("off").to_owned(),
        string_len("field_country", 8).default("off").to_owned(),
        string_len("field_organisation", 8).default("off").to_owned(),
    ];
    for n in 1..=3 {
        cols.push(string_len(format!("field_custom{n}"), 8).default("off").to_owned());
        cols.push(string_len(format!("custom{n}_label"), 100).default("").to_owned());
    }
    cols.extend([
        // Colours as `#rrggbb`; none means the theme's own.
        string_len_null("accent_color", 7),
        string_len_null("background_color", 7),
        // Which sharing links the page shows, comma-separated (`email,mastodon,diaspora,link`).
        string_len("share_buttons", 64).default("email,mastodon,diaspora,link").to_owned(),
        string_len_null("social_title", 200),
        string_len_null("social_description", 300),
        string_len_null("reply_to", 320),
        // Extra words in the confirmation mail, written by the organiser.
        text("confirmation_text").default("").to_owned(),
        // The newsletter opt-in checkbox's label; empty means no checkbox.
        string_len("newsletter_label", 200).default("").to_owned(),
        // The next creation-wizard step of a petition still in the wizard; none once out of it.
        string_len_null("wizard_step", 16),
    ]);
    cols
}

fn signature_columns() -> Vec<ColumnDef> {
    let mut cols =
        vec![string_len_null("postal_code", 20), string_len_null("country", 100), string_len_null("organisation", 200)];
    for n in 1..=3 {
        cols.push(string_len_null(format!("custom{n}"), 200));
    }
    cols
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::add_columns(m, "petitions", petition_columns()).await?;
        parts::add_columns(m, "signatures", signature_columns()).await?;
        // The organiser's reply-to address on a confirmation mail.
        parts::add_columns(m, "mail_queue", [string_len_null("reply_to", 320).to_owned()]).await?;
        // The signatures page and the daily chart read one petition's signatures by date.
        parts::index(m, "ix_signatures_petition_created", "signatures", &["petition_id", "created_at"]).await?;
        let templates = [
            big_integer_null("user_id"),
            big_integer_null("organisation_id"),
            string_len("name", 200),
            boolean("is_default").default(false).to_owned(),
            // The petition settings the template gives a new petition, as JSON.
            text("content"),
            parts::created_at(),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::table("petition_templates", templates).one_owner("fk_templates").create(m).await?;
        parts::index(m, "ix_templates_owner", "petition_templates", &["organisation_id", "user_id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["petition_templates"]).await?;
        parts::drop_index(m, "ix_signatures_petition_created", "signatures").await?;
        parts::drop_columns(m, "mail_queue", ["reply_to"]).await?;
        parts::drop_columns(m, "signatures", parts::names(signature_columns())).await?;
        parts::drop_columns(m, "petitions", parts::names(petition_columns())).await?;
        Ok(())
    }
}
