//! `retired_slugs` table: permalinks that no longer name their petition but still lead to it.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "retired_slugs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub petition_id: i64,
    pub owner_key: String,
    pub slug: String,
    pub retired_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
