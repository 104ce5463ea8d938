//! Signatures: what a signer may type, their confirmation links, and confirming one. Writing
//! them under load is `intake`'s; the public count is left to the count batch (see `counting`).
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::domain::ids::PetitionId;
use crate::domain::petition::petitions::{FieldRule, PublicPetition};
use crate::domain::{DomainResult, FieldErrors, email, tokens};
use crate::entities::signature;
use crate::mail::queue::{self, MailDraft};

pub const MAX_NAME_LEN: usize = 100;
pub const MAX_PHONE_LEN: usize = 40;
/// A second mail for the same pending signature is sent only after this long, so re-submitting
/// the form cannot be used to flood someone's mailbox.
pub const RESEND_AFTER: Duration = Duration::minutes(10);

/// What the signer typed, as typed (it is sent back with the form when something is wrong).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SignInput {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub postal_code: String,
    pub country: String,
    pub organisation: String,
    pub custom1: String,
    pub custom2: String,
    pub custom3: String,
    /// The newsletter box was ticked (only counted when the petition offers one).
    pub newsletter: bool,
}

/// The checked signature, with off fields dropped and text trimmed.
#[derive(Debug)]
pub(super) struct Valid {
    first_name: Option<String>,
    last_name: Option<String>,
    pub(super) email: String,
    pub(super) email_canonical: String,
    phone: Option<String>,
    postal_code: Option<String>,
    country: Option<String>,
    organisation: Option<String>,
    custom: [Option<String>; 3],
    newsletter: bool,
}

fn check_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    rule: FieldRule,
    max: usize,
) -> Option<String> {
    let value = value.trim();
    match rule {
        FieldRule::Off => return None,
        FieldRule::Required if value.is_empty() => {
            errors.insert(field, "error-required");
        }
        _ if value.chars().count() > max => {
            errors.insert(field, "error-too-long");
        }
        _ if value.chars().any(char::is_control) => {
            errors.insert(field, "error-invalid-characters");
        }
        _ => {}
    }
    (!value.is_empty()).then(|| value.to_string())
}

pub(super) fn validate(petition: &PublicPetition, input: &SignInput) -> Result<Valid, FieldErrors> {
    let mut errors = FieldErrors::new();
    let f = &petition.fields;
    let first_name = check_text(&mut errors, "first_name", &input.first_name, f.first_name, MAX_NAME_LEN);
    let last_name = check_text(&mut errors, "last_name", &input.last_name, f.last_name, MAX_NAME_LEN);
    let phone = check_text(&mut errors, "phone", &input.phone, f.phone, MAX_PHONE_LEN);
    let postal_code = check_text(&mut errors, "postal_code", &input.postal_code, f.postal_code, 20);
    let country = check_text(&mut errors, "country", &input.country, f.country, MAX_NAME_LEN);
    let organisation = check_text(&mut errors, "organisation", &input.organisation, f.organisation, 200);
    let [c1, c2, c3] = &f.custom;
    let custom = [
        check_text(&mut errors, "custom1", &input.custom1, c1.rule, 200),
        check_text(&mut errors, "custom2", &input.custom2, c2.rule, 200),
        check_text(&mut errors, "custom3", &input.custom3, c3.rule, 200),
    ];
    if let Some(p) = &phone
        && !errors.contains_key("phone")
        && !is_phone(p)
    {
        errors.insert("phone", "error-phone-invalid");
    }
    // One written form per mailbox, so that `"jane"@x.org` is the same signer as `jane@x.org`.
    let address = input.email.trim();
    let address = if address.is_empty() {
        errors.insert("email", "error-required");
        String::new()
    } else if address.len() > email::MAX_LEN {
        errors.insert("email", "error-too-long");
        String::new()
    } else {
        email::normalize(address).unwrap_or_else(|message| {
            errors.insert("email", message);
            String::new()
        })
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Valid {
        first_name,
        last_name,
        email_canonical: email::canonical(&address),
        email: address,
        phone,
        postal_code,
        country,
        organisation,
        custom,
        newsletter: input.newsletter && !petition.mail.newsletter_label.is_empty(),
    })
}

impl Valid {
    /// The signer's answers, into a new or re-signed signature.
    pub(super) fn write(&self, a: &mut signature::ActiveModel) {
        a.first_name = Set(self.first_name.clone());
        a.last_name = Set(self.last_name.clone());
        a.email = Set(self.email.clone());
        a.phone = Set(self.phone.clone());
        a.postal_code = Set(self.postal_code.clone());
        a.country = Set(self.country.clone());
        a.organisation = Set(self.organisation.clone());
        let [c1, c2, c3] = &self.custom;
        a.custom1 = Set(c1.clone());
        a.custom2 = Set(c2.clone());
        a.custom3 = Set(c3.clone());
        a.newsletter_optin = Set(self.newsletter);
    }
}

fn is_phone(p: &str) -> bool {
    p.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) && p.chars().filter(char::is_ascii_digit).count() >= 6
}

/// The confirmation mail's content, written by the mail layer in the signer's language.
pub struct ConfirmationMail<'a> {
    pub petition: &'a PublicPetition,
    pub recipient: &'a str,
    pub locale: &'a str,
    /// Path of the confirmation landing page (`/p/<id>/confirm/<token>`).
    pub confirm_path: String,
}

pub trait ComposeConfirmation: Sync {
    fn compose(&self, mail: &ConfirmationMail<'_>) -> MailDraft;
}

#[derive(Debug, PartialEq, Eq)]
pub enum SignOutcome {
    /// A confirmation mail is queued (or one was queued a moment ago).
    MailQueued,
    /// The address had already confirmed: nothing changes. The signer is told the same as above,
    /// so the form does not reveal who signed.
    AlreadyConfirmed,
}

pub struct SignRequest<'a> {
    pub input: &'a SignInput,
    pub locale: &'a str,
    pub valid_for: Duration,
    pub now: DateTime<Utc>,
}

/// A new confirmation link for a pending signature, mailed at `priority`. The old link stops
/// working. `None` when the signature is confirmed already or was mailed too recently.
pub async fn reissue(
    txn: &DatabaseTransaction,
    petition: &PublicPetition,
    s: signature::Model,
    (valid_for, min_gap): (Duration, Duration),
    now: DateTime<Utc>,
    (composer, priority): (&dyn ComposeConfirmation, i16),
) -> DomainResult<bool> {
    let issued = s.token_expires_at.map(|e| e - valid_for);
    if s.confirmed_at.is_some() || issued.is_some_and(|issued| now - issued < min_gap) {
        return Ok(false);
    }
    let token = tokens::random_token(32);
    let (recipient, locale) = (s.email.clone(), s.locale.clone());
    let mut active: signature::ActiveModel = s.into();
    active.confirmation_token_hash = Set(Some(tokens::hash_token(&token)));
    active.token_expires_at = Set(Some(now + valid_for));
    active.update(txn).await?;
    let mut draft = composer.compose(&ConfirmationMail {
        petition,
        recipient: &recipient,
        locale: &locale,
        confirm_path: confirm_path(petition.id, &token),
    });
    draft.priority = priority;
    queue::enqueue(txn, draft, now).await?;
    Ok(true)
}

pub fn confirm_path(petition: PetitionId, token: &str) -> String {
    format!("/p/{petition}/confirm/{token}")
}

/// What a confirmation link is worth, checked without using it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenState {
    Valid,
    AlreadyConfirmed,
    Expired,
    Unknown,
}

async fn find_by_hash(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    token_hash: &str,
) -> DomainResult<Option<signature::Model>> {
    Ok(signature::Entity::find()
        .filter(signature::Column::ConfirmationTokenHash.eq(token_hash))
        .filter(signature::Column::PetitionId.eq(petition.0))
        .one(db)
        .await?)
}

pub(super) fn state_of(s: Option<&signature::Model>, now: DateTime<Utc>) -> TokenState {
    match s {
        None => TokenState::Unknown,
        Some(s) if s.confirmed_at.is_some() => TokenState::AlreadyConfirmed,
        Some(s) if s.token_expires_at.is_none_or(|e| e <= now) => TokenState::Expired,
        Some(_) => TokenState::Valid,
    }
}

pub async fn token_state(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    token: &str,
    now: DateTime<Utc>,
) -> DomainResult<TokenState> {
    Ok(state_of(find_by_hash(db, petition, &tokens::hash_token(token)).await?.as_ref(), now))
}

/// Confirms the signature whose link's token hashes to `token_hash`. Using a link twice is
/// harmless: the second time answers `AlreadyConfirmed` and changes nothing. Under load,
/// confirmations are written in groups instead (see `intake`).
pub async fn confirm(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    token_hash: &str,
    now: DateTime<Utc>,
) -> DomainResult<TokenState> {
    let found = find_by_hash(db, petition, token_hash).await?;
    let state = state_of(found.as_ref(), now);
    let Some(s) = found.filter(|_| state == TokenState::Valid) else { return Ok(state) };
    let updated = signature::Entity::update_many()
        .col_expr(signature::Column::ConfirmedAt, Expr::value(now))
        .filter(signature::Column::Id.eq(s.id))
        .filter(signature::Column::ConfirmedAt.is_null())
        .exec(db)
        .await?;
    Ok(if updated.rows_affected == 1 { TokenState::Valid } else { TokenState::AlreadyConfirmed })
}
