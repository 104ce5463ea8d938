//! `signature_changes` table: new details for a pending signature, waiting for their own link.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signature_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub signature_id: i64,
    /// The checked details, as JSON (`domain::signature::signatures::Details`).
    pub details: String,
    pub locale: String,
    pub token_hash: String,
    pub token_expires_at: DateTimeUtc,
    pub client_key: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
