//! `guest_links` table: the private management links of a guest petition, by the hash of
//! their token; a revoked link opens nothing.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guest_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub guest_petition_id: i64,
    pub token_hash: String,
    pub revoked_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
