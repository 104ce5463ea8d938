//! `report_reason_labels` table: a reason's label in one language.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_reason_labels")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub reason_id: i64,
    pub locale: String,
    pub label: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
