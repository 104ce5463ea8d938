//! `petitions` table.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "petitions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub title: String,
    pub text: String,
    pub goal: i64,
    pub theme: String,
    pub status: String,
    /// "ok", "hidden" (by a moderator) or "pending" (published, awaiting approval).
    pub moderation: String,
    pub field_first_name: String,
    pub field_last_name: String,
    pub field_phone: String,
    pub paper_signatures: i64,
    pub default_locale: String,
    pub confirmed_count: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub field_postal_code: String,
    pub field_country: String,
    pub field_organisation: String,
    pub field_custom1: String,
    pub custom1_label: String,
    pub field_custom2: String,
    pub custom2_label: String,
    pub field_custom3: String,
    pub custom3_label: String,
    pub accent_color: Option<String>,
    pub background_color: Option<String>,
    pub share_buttons: String,
    pub social_title: Option<String>,
    pub social_description: Option<String>,
    pub reply_to: Option<String>,
    pub confirmation_text: String,
    pub newsletter_label: String,
    pub wizard_step: Option<String>,
    pub milestone_text: String,
    pub reached_goal: Option<i64>,
    /// The reason category a moderator hid it for (`report_reasons.id`).
    pub moderation_reason_id: Option<i64>,
    /// Who first published it: pre-moderation trusts an account one of whose petitions was approved.
    pub published_by: Option<i64>,
    /// Days after closing before signers' personal data is erased; `None`: the instance's default.
    pub retention_days: Option<i32>,
    /// When it was last closed (cleared when reopened): retention counts from here.
    pub closed_at: Option<DateTimeUtc>,
    /// When retention erased its signers' names, addresses and fields.
    pub personal_data_erased_at: Option<DateTimeUtc>,
    /// Whether the page lists the names of signers who opted in.
    pub show_signer_names: bool,
    /// When the default language's text last changed: a translation older than this is flagged.
    pub content_updated_at: Option<DateTimeUtc>,
    /// Markdown shown beside the main text; empty: nothing.
    pub side_text: String,
    /// Markdown shown on the thank-you page after signing; empty: nothing.
    pub thank_you_text: String,
    /// Signatures awaiting confirmation, kept as `confirmed_count` is (`signature::counting`).
    pub pending_count: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
