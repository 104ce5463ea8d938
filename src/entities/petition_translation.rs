//! `petition_translations` table: a petition's text in a language other than its default one.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "petition_translations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub petition_id: i64,
    pub locale: String,
    pub title: String,
    pub text: String,
    pub milestone_text: String,
    pub social_title: Option<String>,
    pub social_description: Option<String>,
    pub confirmation_text: String,
    pub newsletter_label: String,
    pub custom1_label: String,
    pub custom2_label: String,
    pub custom3_label: String,
    pub updated_at: DateTimeUtc,
    pub side_text: String,
    pub thank_you_text: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
