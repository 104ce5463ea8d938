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
    pub moderation: String,
    pub field_first_name: String,
    pub field_last_name: String,
    pub field_phone: String,
    pub paper_signatures: i64,
    pub default_locale: String,
    pub confirmed_count: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
