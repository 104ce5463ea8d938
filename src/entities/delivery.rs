//! `deliveries` table: each delivery of a petition to its addressees.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "deliveries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub petition_id: i64,
    /// SHA-256 of the token of its page.
    pub token_hash: String,
    /// `manual`, `goal` or `milestone`.
    pub trigger: String,
    /// `auto` for the one automatic delivery; none for those by hand.
    pub auto_key: Option<String>,
    /// The public count when it was made.
    pub signature_count: i64,
    /// The user name of who delivered it by hand.
    pub delivered_by: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
