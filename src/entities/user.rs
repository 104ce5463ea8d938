//! `users` table.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub username: String,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub is_admin: bool,
    /// Sees every organisation's petitions and works the moderation queue (granted by an admin).
    pub is_moderator: bool,
    pub email_verified_at: Option<DateTimeUtc>,
    pub locale: Option<String>,
    pub created_at: DateTimeUtc,
    /// Suspended by a moderator: cannot sign in, and their petitions are withheld from the public.
    pub suspended_at: Option<DateTimeUtc>,
    /// Set for the identity a petition started without an account acts as (`guest_petitions`):
    /// it cannot sign in and owns that one petition only.
    pub guest_since: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
