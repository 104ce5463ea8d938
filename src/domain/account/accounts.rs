//! Accounts: creation (first-run setup, `rustition admin create`, registration) and
//! authentication.
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::domain::account::account_tokens::{self, Purpose};
use crate::domain::challenge::Screened;
use crate::domain::ids::UserId;
use crate::domain::{
    DomainError, DomainResult, FieldErrors, account::passwords, account::sessions, email, now,
    organisation::organisations, reserved,
};
use crate::entities::{organisation, user};
use crate::mail::compose::Composer;
use crate::mail::queue;

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
    let errors = problems(db, &new).await?;
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    create_checked(db, new).await
}

/// What is wrong with `new`, field by field (nothing: it can be created).
async fn problems(db: &impl ConnectionTrait, new: &NewAccount) -> DomainResult<FieldErrors> {
    let username = new.username.trim().to_string();
    let mut errors = FieldErrors::new();
    if let Some(problem) = reserved::name_problem(&username, USERNAME_MIN, USERNAME_MAX) {
        errors.insert("username", problem);
    } else if user::Entity::find().filter(user::Column::Username.eq(&username)).count(db).await? > 0 {
        errors.insert("username", "error-username-taken");
    }
    match email::normalize(&new.email) {
        Err(problem) => {
            errors.insert("email", problem);
        }
        Ok(address) if find_by_email(db, &address).await?.is_some() => {
            errors.insert("email", "error-email-taken");
        }
        Ok(_) => {}
    }
    if let Some(problem) = passwords::problem(&new.password) {
        errors.insert("password", problem);
    }
    if new.display_name.chars().count() > 200 {
        errors.insert("display_name", "error-too-long");
    }
    Ok(errors)
}

async fn create_checked(db: &impl ConnectionTrait, new: NewAccount) -> DomainResult<UserId> {
    // Stored in the one written form of `email::normalize` (checked by `problems`).
    let address = email::normalize(&new.email).unwrap_or_else(|_| new.email.trim().to_string());
    let username = new.username.trim().to_string();
    let now = now();
    let created = user::ActiveModel {
        username: Set(username),
        email: Set(address),
        password_hash: Set(passwords::hash(&new.password).await?),
        display_name: Set(new.display_name.trim().to_string()),
        is_admin: Set(new.is_admin),
        // Set, not left to the column's default: SQLite's RETURNING can report NULL for a
        // column added by ALTER TABLE whose value an INSERT leaves out.
        is_moderator: Set(false),
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
    // Compared in the written form (an unquoted local part), case aside.
    let lower = email::normalize(address).unwrap_or_else(|_| address.trim().to_string()).to_lowercase();
    use sea_orm::sea_query::{Expr, ExprTrait, Func};
    let lowered = Expr::expr(Func::lower(Expr::col(user::Column::Email)));
    Ok(user::Entity::find().filter(lowered.eq(lower)).one(db).await?)
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
    DUMMY
        .get_or_init(|| async { passwords::hash(&crate::domain::tokens::random_token(16)).await.unwrap_or_default() })
        .await
}

pub async fn count(db: &impl ConnectionTrait) -> DomainResult<u64> {
    Ok(user::Entity::find().count(db).await?)
}

/// What registration did. The visitor is told the same either way, so the form does not tell
/// who has an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// A new, unverified account, and the mail that verifies its address.
    New(UserId),
    /// The address already had an account: its owner is mailed a notice instead.
    AddressTaken,
    /// A robot filled the hidden field: nothing was kept, and it is told the same as anyone.
    Ignored,
}

/// Registration: an unverified account and the mail that verifies its address, together. An
/// address that already has an account gets a notice with links to sign in or reset the
/// password instead, while the visitor sees the same outcome (user names are public, so a taken
/// one is still reported on its field).
pub async fn register(
    db: &sea_orm::DatabaseConnection,
    (new, screened): (NewAccount, Screened),
    composer: &Composer,
) -> DomainResult<Registered> {
    if screened == Screened::Bot {
        return Ok(Registered::Ignored);
    }
    if screened == Screened::WrongAnswer {
        // Every mistake at once, but nothing on whether the address has an account.
        let mut errors = problems(db, &new).await?;
        if errors.get("email") == Some(&"error-email-taken") {
            errors.shift_remove("email");
        }
        return Err(DomainError::Invalid(screened.with_errors(errors)));
    }
    let txn = crate::db::begin_write(db).await?;
    let lang = new.locale.clone().unwrap_or_else(|| composer.i18n.default_locale().to_string());
    let recipient = email::normalize(&new.email).unwrap_or_else(|_| new.email.trim().to_string());
    let password = new.password.clone();
    let owner = if email::is_valid(&recipient) { find_by_email(&txn, &recipient).await? } else { None };
    let now = now();
    let registered = match (create(&txn, NewAccount { verified: false, is_admin: false, ..new }).await, owner) {
        (Ok(id), _) => {
            let token = account_tokens::issue(&txn, id.0, Purpose::Verify, None, now).await?;
            let link = format!("{}/verify/{token}", composer.public_url);
            let values = serde_json::json!({ "link": link });
            let draft = composer.account_mail("verify", &lang, &recipient, "mail-verify-subject", values);
            queue::enqueue(&txn, draft, now).await?;
            Registered::New(id)
        }
        (Err(DomainError::Invalid(mut errors)), Some(owner)) => {
            if errors.get("email") == Some(&"error-email-taken") {
                errors.shift_remove("email");
            }
            if !errors.is_empty() {
                return Err(DomainError::Invalid(errors));
            }
            // The work a new account costs (its password hash), so the time taken does not tell.
            passwords::hash(&password).await?;
            let values = serde_json::json!({
                "login": format!("{}/login", composer.public_url),
                "forgot": format!("{}/password/forgot", composer.public_url),
            });
            let lang = owner.locale.clone().unwrap_or(lang);
            let draft =
                composer.account_mail("register_taken", &lang, &owner.email, "mail-register-taken-subject", values);
            queue::enqueue(&txn, draft, now).await?;
            Registered::AddressTaken
        }
        (Err(e), _) => return Err(e),
    };
    txn.commit().await?;
    Ok(registered)
}

/// Marks the address verified; the link is used up.
pub async fn verify(db: &impl ConnectionTrait, token: &str) -> DomainResult<user::Model> {
    let now = now();
    let (user, row) = account_tokens::find(db, token, Purpose::Verify, now).await?;
    let mut active: user::ActiveModel = user.into();
    active.email_verified_at = Set(Some(now));
    let user = active.update(db).await?;
    account_tokens::consume(db, &row).await?;
    Ok(user)
}

/// Sends a reset link when the address has an account. The caller answers the same either
/// way, so the form does not tell who has an account.
pub async fn request_reset(db: &sea_orm::DatabaseConnection, address: &str, composer: &Composer) -> DomainResult<()> {
    let Some(user) = find_by_email(db, address).await? else { return Ok(()) };
    let txn = crate::db::begin_write(db).await?;
    let now = now();
    let token = account_tokens::issue(&txn, user.id, Purpose::Reset, None, now).await?;
    let link = format!("{}/password/reset/{token}", composer.public_url);
    let lang = user.locale.clone().unwrap_or_else(|| composer.i18n.default_locale().to_string());
    let draft =
        composer.account_mail("reset", &lang, &user.email, "mail-reset-subject", serde_json::json!({ "link": link }));
    queue::enqueue(&txn, draft, now).await?;
    txn.commit().await?;
    Ok(())
}

/// True while a reset link can still be used, so its page can say at once when it cannot.
pub async fn reset_link_valid(db: &impl ConnectionTrait, token: &str) -> DomainResult<bool> {
    match account_tokens::find(db, token, Purpose::Reset, now()).await {
        Ok(_) => Ok(true),
        Err(DomainError::Refused(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Sets a new password from a reset link. Every session of the account ends, and a pending
/// change of address is cancelled: whoever took the account must not keep it that way.
pub async fn reset_password(
    db: &sea_orm::DatabaseConnection,
    token: &str,
    password: &str,
) -> DomainResult<user::Model> {
    if let Some(problem) = passwords::problem(password) {
        return Err(DomainError::Invalid(FieldErrors::from([("password", problem)])));
    }
    let now = now();
    let (user, row) = account_tokens::find(db, token, Purpose::Reset, now).await?;
    let hash = passwords::hash(password).await?;
    let txn = crate::db::begin_write(db).await?;
    let mut active: user::ActiveModel = user.into();
    active.password_hash = Set(hash);
    // Receiving the link proves the address too.
    if active.email_verified_at.as_ref().is_none() {
        active.email_verified_at = Set(Some(now));
    }
    let user = active.update(&txn).await?;
    account_tokens::consume(&txn, &row).await?;
    sessions::close_all(&txn, user.id).await?;
    account_tokens::revoke(&txn, user.id, Purpose::EmailChange).await?;
    txn.commit().await?;
    Ok(user)
}

/// Changes the password of a signed-in user who knows the current one. Every other session of
/// the account ends (one opened with the old password may be a thief's); `keep` is the token of
/// the session that made the change, which stays.
pub async fn change_password(
    db: &sea_orm::DatabaseConnection,
    user: &user::Model,
    current: &str,
    new: &str,
    keep: &str,
) -> DomainResult<()> {
    let mut errors = FieldErrors::new();
    if !passwords::verify(current, &user.password_hash).await {
        errors.insert("current_password", "error-password-wrong");
    }
    if let Some(problem) = passwords::problem(new) {
        errors.insert("new_password", problem);
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let hash = passwords::hash(new).await?;
    let txn = crate::db::begin_write(db).await?;
    let mut active: user::ActiveModel = user.clone().into();
    active.password_hash = Set(hash);
    active.update(&txn).await?;
    sessions::close_others(&txn, user.id, keep).await?;
    txn.commit().await?;
    Ok(())
}

/// Name shown to others and preferred language.
pub async fn update_profile(
    db: &impl ConnectionTrait,
    user: &user::Model,
    display_name: &str,
    locale: Option<String>,
) -> DomainResult<user::Model> {
    if display_name.trim().chars().count() > 200 {
        return Err(DomainError::Invalid(FieldErrors::from([("display_name", "error-too-long")])));
    }
    let mut active: user::ActiveModel = user.clone().into();
    active.display_name = Set(display_name.trim().to_string());
    active.locale = Set(locale);
    Ok(active.update(db).await?)
}

/// Sends a confirmation link to a new address; the address changes when it is opened. An
/// address that has an account already gets a notice instead of a link, and the requester is
/// told the same either way. The old address is told of the change (without the new address in
/// full), with a way to take the account back.
pub async fn request_email_change(
    db: &sea_orm::DatabaseConnection,
    user: &user::Model,
    new_address: &str,
    composer: &Composer,
) -> DomainResult<()> {
    let new_address = match email::normalize(new_address) {
        Ok(address) => address,
        Err(problem) => return Err(DomainError::Invalid(FieldErrors::from([("email", problem)]))),
    };
    let new_address = new_address.as_str();
    if new_address.to_lowercase() == user.email.to_lowercase() {
        return Err(DomainError::Invalid(FieldErrors::from([("email", "error-email-same")])));
    }
    let owner = find_by_email(db, new_address).await?;
    let txn = crate::db::begin_write(db).await?;
    let now = now();
    let default_lang = || composer.i18n.default_locale().to_string();
    let lang = user.locale.clone().unwrap_or_else(default_lang);
    let draft = match owner {
        None => {
            let token =
                account_tokens::issue(&txn, user.id, Purpose::EmailChange, Some(new_address.to_string()), now).await?;
            let values = serde_json::json!({ "link": format!("{}/account/email/{token}", composer.public_url) });
            composer.account_mail("email_change", &lang, new_address, "mail-email-change-subject", values)
        }
        Some(owner) => {
            let values = serde_json::json!({ "forgot": format!("{}/password/forgot", composer.public_url) });
            let owner_lang = owner.locale.clone().unwrap_or_else(default_lang);
            composer.account_mail("email_taken", &owner_lang, &owner.email, "mail-email-taken-subject", values)
        }
    };
    queue::enqueue(&txn, draft, now).await?;
    let values = serde_json::json!({
        "masked": mask(new_address),
        "forgot": format!("{}/password/forgot", composer.public_url),
    });
    let notice = composer.account_mail("email_change_notice", &lang, &user.email, "mail-email-notice-subject", values);
    queue::enqueue(&txn, notice, now).await?;
    txn.commit().await?;
    Ok(())
}

/// An address shown to its old owner's mailbox: enough to recognise it, not to learn it
/// (`ana@new.example.org` → `a***@n***.org`).
fn mask(address: &str) -> String {
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    let first = |s: &str| s.chars().next().map(String::from).unwrap_or_default();
    let top = domain.rsplit_once('.').map(|(_, top)| format!(".{top}")).unwrap_or_default();
    format!("{}***@{}***{top}", first(local), first(domain))
}

pub async fn confirm_email_change(db: &impl ConnectionTrait, token: &str) -> DomainResult<user::Model> {
    let now = now();
    let (user, row) = account_tokens::find(db, token, Purpose::EmailChange, now).await?;
    let new_address = row.new_email.clone().ok_or(DomainError::Refused("error-link-invalid"))?;
    if find_by_email(db, &new_address).await?.is_some() {
        return Err(DomainError::Refused("error-email-taken"));
    }
    let mut active: user::ActiveModel = user.into();
    active.email = Set(new_address);
    active.email_verified_at = Set(Some(now));
    let user = active.update(db).await?;
    account_tokens::consume(db, &row).await?;
    Ok(user)
}

/// Deletes the account with its own petitions. Organisations it alone belongs to go with it;
/// one where it is the last member allowed to manage permissions while others remain blocks
/// the deletion (someone must be handed that right first).
pub async fn delete(db: &sea_orm::DatabaseConnection, user: &user::Model, password: &str) -> DomainResult<()> {
    if !passwords::verify(password, &user.password_hash).await {
        return Err(DomainError::Invalid(FieldErrors::from([("password", "error-password-wrong")])));
    }
    let id = UserId(user.id);
    if !organisations::blocking_departure(db, id).await?.is_empty() {
        return Err(DomainError::Refused("error-delete-last-admin"));
    }
    let txn = crate::db::begin_write(db).await?;
    for org in organisations::solely_held(&txn, id).await? {
        organisation::Entity::delete_by_id(org.id).exec(&txn).await?;
    }
    // Petitions, memberships, sessions and tokens follow by foreign-key cascade.
    user::Entity::delete_by_id(user.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}
