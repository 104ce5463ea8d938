//! `petition_responses` table: the addressee's response to a petition, at most one.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "petition_responses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub petition_id: i64,
    /// Markdown, rendered and cleaned as the petition's text is.
    pub body: String,
    /// The day the addressee responded, `YYYY-MM-DD`.
    pub responded_on: String,
    /// A link to the response's document, http(s) only.
    pub document_url: Option<String>,
    /// How many signers it was mailed to (when it was first recorded).
    pub recipients: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
