//! `petition_addressees` table: whom a petition is addressed to.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "petition_addressees")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub petition_id: i64,
    pub name: String,
    pub role: String,
    /// Where the delivery is mailed; none: named on the page, not mailed.
    pub email: Option<String>,
    /// Their public page (http or https).
    pub link: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
