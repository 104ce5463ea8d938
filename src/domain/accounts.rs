//! Accounts: creation (first-run setup, `rustition admin create`, registration) and
//! authentication.
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::ids::UserId;
use super::{DomainError, DomainResult, FieldErrors, email, now, passwords, reserved};
use crate::entities::user;

#[derive(Debug, Clone, Default)]
pub struct NewAccount {
    pub username: String,
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub is_admin: bool,
    /// Accounts created by an admin are trusted; registrations verify their address first.
    pub verified: bool,
    pub locale: Option<String>,
}

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 32;

/// Checks a new account and creates it. Names and addresses already taken are reported on
/// their fields.
pub async fn create(db: &impl ConnectionTrait, new: NewAccount) -> DomainResult<UserId> {
    let username = new.username.trim().to_string();
    let address = new.email.trim().to_string();
    let mut errors = FieldErrors::new();
    if let Some(problem) = reserved::name_problem(&username, USERNAME_MIN, USERNAME_MAX) {
        errors.insert("username", problem);
    } else if user::Entity::find().filter(user::Column::Username.eq(&username)).count(db).await? > 0 {
        errors.insert("username", "error-username-taken");
    }
    if !email::is_valid(&address) {
        errors.insert("email", "error-email-invalid");
    } else if find_by_email(db, &address).await?.is_some() {
        errors.insert("email", "error-email-taken");
    }
    if let Some(problem) = passwords::problem(&new.password) {
        errors.insert("password", problem);
    }
    if new.display_name.chars().count() > 200 {
        errors.insert("display_name", "error-too-long");
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let now = now();
    let created = user::ActiveModel {
        username: Set(username),
        email: Set(address),
        password_hash: Set(passwords::hash(&new.password).await?),
        display_name: Set(new.display_name.trim().to_string()),
        is_admin: Set(new.is_admin),
        email_verified_at: Set(new.verified.then_some(now)),
        locale: Set(new.locale),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(UserId(created.id))
}

/// Addresses are compared case-insensitively.
pub async fn find_by_email(db: &impl ConnectionTrait, address: &str) -> DomainResult<Option<user::Model>> {
    let lower = address.trim().to_lowercase();
    let found = user::Entity::find()
        .filter(sea_orm::sea_query::Expr::cust_with_values("LOWER(email) = ?", [lower]))
        .one(db)
        .await?;
    Ok(found)
}

/// The account for a user name or address and password, or `None`.
pub async fn authenticate(db: &impl ConnectionTrait, login: &str, password: &str) -> DomainResult<Option<user::Model>> {
    let login = login.trim();
    let found = match user::Entity::find().filter(user::Column::Username.eq(login)).one(db).await? {
        Some(u) => Some(u),
        None => find_by_email(db, login).await?,
    };
    match found {
        Some(u) if passwords::verify(password, &u.password_hash).await => Ok(Some(u)),
        Some(_) => Ok(None),
        None => {
            // Same work whether or not the account exists, so timing does not tell.
            let _ = passwords::verify(password, dummy_hash().await).await;
            Ok(None)
        }
    }
}

/// The hash of a random password, verified against when no account matches.
async fn dummy_hash() -> &'static str {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DUMMY.get_or_init(|| async { passwords::hash(&super::tokens::random_token(16)).await.unwrap_or_default() }).await
}

pub async fn count(db: &impl ConnectionTrait) -> DomainResult<u64> {
    Ok(user::Entity::find().count(db).await?)
}
