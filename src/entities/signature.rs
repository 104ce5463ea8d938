//! `signatures` table.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signatures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub petition_id: i64,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: String,
    pub email_canonical: String,
    pub phone: Option<String>,
    pub locale: String,
    pub confirmation_token_hash: Option<String>,
    pub token_expires_at: Option<DateTimeUtc>,
    pub confirmed_at: Option<DateTimeUtc>,
    pub newsletter_optin: bool,
    pub created_at: DateTimeUtc,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub organisation: Option<String>,
    pub custom1: Option<String>,
    pub custom2: Option<String>,
    pub custom3: Option<String>,
    /// The keyed hash of the signer's client address (`domain::client`); never the address.
    pub client_key: Option<String>,
    /// Set when a moderator's rule invalidated it: kept, but out of the count.
    pub invalidated_at: Option<DateTimeUtc>,
    /// The signer agreed to their name appearing in the petition's public list.
    pub name_public: bool,
    /// The signer asked to be mailed the petition's updates and response (until they unsubscribe).
    pub keep_informed: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
