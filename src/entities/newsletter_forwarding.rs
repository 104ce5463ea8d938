//! `newsletter_forwarding` table: where a petition passes its confirmed newsletter opt-ins on.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "newsletter_forwarding")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub petition_id: i64,
    /// "mail" or "http".
    pub kind: String,
    /// The list address or the URL.
    pub target: String,
    /// "json" or "form".
    pub format: String,
    /// "none", "bearer" or "basic".
    pub auth: String,
    /// The credentials, sealed with the instance key (`domain::notify::secrets`).
    pub secret_sealed: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
