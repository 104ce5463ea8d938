//! `guest_petitions` table: a petition started without an account, the address that started
//! it and its verification. The petition is owned by the guest identity `user_id`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guest_petitions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub petition_id: i64,
    /// The guest identity (`users.guest_since` set) that owns the petition.
    pub user_id: i64,
    pub email: String,
    pub email_canonical: String,
    /// The hash of the verification link's token, until it is used.
    pub verify_token_hash: Option<String>,
    pub verify_expires_at: DateTimeUtc,
    pub verified_at: Option<DateTimeUtc>,
    /// The language of its mails.
    pub locale: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
