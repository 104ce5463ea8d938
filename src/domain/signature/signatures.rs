//! Signatures: what a signer may type, their confirmation links, and confirming one. Writing
//! them under load is `intake`'s; the public count is left to the count batch (see `counting`).
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::domain::client::ClientKey;
use crate::domain::ids::PetitionId;
use crate::domain::petition::petitions::{FieldRule, PublicPetition};
use crate::domain::petition::translations::{self, Texts};
use crate::domain::signature::withdrawal::{self, WithdrawKey};
use crate::domain::{DomainError, DomainResult, FieldErrors, email, tokens};
use crate::entities::{signature, signature_change};
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
    /// The box to show one's name in the public list was ticked (only counted when the
    /// petition lists names).
    pub name_public: bool,
    /// The "keep me informed about this petition" box was ticked: its updates and response are
    /// mailed to the signer once confirmed.
    pub keep_informed: bool,
}

/// The checked signature, with off fields dropped and text trimmed. Kept as JSON in a pending
/// change (`signature_changes`) until its own link confirms it.
#[derive(Debug, Serialize, Deserialize)]
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
    /// Changes stored before public names existed read as "no".
    #[serde(default)]
    name_public: bool,
    /// Changes stored before updates existed read as "no".
    #[serde(default)]
    keep_informed: bool,
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
    // Checked in the form's order, so the error summary lists mistakes top to bottom.
    let first_name = check_text(&mut errors, "first_name", &input.first_name, f.first_name, MAX_NAME_LEN);
    let last_name = check_text(&mut errors, "last_name", &input.last_name, f.last_name, MAX_NAME_LEN);
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
    let phone = check_text(&mut errors, "phone", &input.phone, f.phone, MAX_PHONE_LEN);
    if let Some(p) = &phone
        && !errors.contains_key("phone")
        && !is_phone(p)
    {
        errors.insert("phone", "error-phone-invalid");
    }
    let postal_code = check_text(&mut errors, "postal_code", &input.postal_code, f.postal_code, 20);
    let country = check_text(&mut errors, "country", &input.country, f.country, MAX_NAME_LEN);
    let organisation = check_text(&mut errors, "organisation", &input.organisation, f.organisation, 200);
    let [c1, c2, c3] = &f.custom;
    let custom = [
        check_text(&mut errors, "custom1", &input.custom1, c1.rule, 200),
        check_text(&mut errors, "custom2", &input.custom2, c2.rule, 200),
        check_text(&mut errors, "custom3", &input.custom3, c3.rule, 200),
    ];
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
        name_public: input.name_public && petition.fields.lists_names(),
        keep_informed: input.keep_informed,
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
        a.name_public = Set(self.name_public);
        a.keep_informed = Set(self.keep_informed);
    }
}

impl Valid {
    /// Whether `s` holds these very answers (signing again changes nothing).
    pub(super) fn same_as(&self, s: &signature::Model) -> bool {
        let [c1, c2, c3] = &self.custom;
        self.first_name == s.first_name
            && self.last_name == s.last_name
            && self.email == s.email
            && self.phone == s.phone
            && self.postal_code == s.postal_code
            && self.country == s.country
            && self.organisation == s.organisation
            && (c1, c2, c3) == (&s.custom1, &s.custom2, &s.custom3)
            && self.newsletter == s.newsletter_optin
            && self.name_public == s.name_public
            && self.keep_informed == s.keep_informed
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
    /// Path of the signature's own withdrawal link (`/withdraw/<token>`, see `withdrawal`).
    pub withdraw_path: String,
}

pub trait ComposeConfirmation: Sync {
    fn compose(&self, mail: &ConfirmationMail<'_>) -> MailDraft;
}

#[derive(Debug, PartialEq, Eq)]
pub enum SignOutcome {
    /// A confirmation mail is queued.
    MailQueued,
    /// A confirmation mail went to this address for this petition less than
    /// `[signing] resend_after_minutes` ago: none is sent, nothing changes, and the signer is
    /// told so (a flood cannot mail a stranger twice an hour).
    AlreadyMailed,
    /// The address had already confirmed: nothing changes. The signer is told the same as above,
    /// so the form does not reveal who signed.
    AlreadyConfirmed,
}

pub struct SignRequest<'a> {
    pub input: &'a SignInput,
    pub locale: &'a str,
    pub valid_for: Duration,
    /// At most one confirmation mail per address and petition in this long.
    pub resend_after: Duration,
    /// Who sent it, as a keyed hash (kept for moderators' traffic view).
    pub client: Option<&'a ClientKey>,
    /// Signs the withdrawal link the confirmation mail carries.
    pub withdraw: &'a WithdrawKey,
    pub now: DateTime<Utc>,
}

/// A new confirmation link for a pending signature, mailed at `priority` with its withdrawal
/// link (whose hash a signature made before those links gets now). The old link stops working.
/// `false` when the signature is confirmed already or was mailed too recently.
pub async fn reissue(
    txn: &DatabaseTransaction,
    petition: &PublicPetition,
    s: signature::Model,
    (valid_for, min_gap): (Duration, Duration),
    now: DateTime<Utc>,
    (composer, withdraw, priority): (&dyn ComposeConfirmation, &WithdrawKey, i16),
) -> DomainResult<bool> {
    let issued = s.token_expires_at.map(|e| e - valid_for);
    if s.confirmed_at.is_some() || issued.is_some_and(|issued| now - issued < min_gap) {
        return Ok(false);
    }
    let token = tokens::random_token(32);
    let withdraw_token = withdraw.signature_token(petition.id, &s.email_canonical);
    let (recipient, locale) = (s.email.clone(), s.locale.clone());
    let mut active: signature::ActiveModel = s.into();
    active.confirmation_token_hash = Set(Some(tokens::hash_token(&token)));
    active.token_expires_at = Set(Some(now + valid_for));
    active.update(txn).await?;
    // In the language the signer read the petition in, when it has that translation.
    let translated = match translations::one(txn, petition.id, &locale).await {
        Ok(t) if locale != petition.locale => Some(Texts::of_row(&t).overlay(petition, &locale)),
        Ok(_) | Err(DomainError::NotFound) => None,
        Err(e) => return Err(e),
    };
    let mut draft = composer.compose(&ConfirmationMail {
        petition: translated.as_ref().unwrap_or(petition),
        recipient: &recipient,
        locale: &locale,
        confirm_path: confirm_path(petition.id, &token),
        withdraw_path: withdrawal::path(&withdraw_token),
    });
    draft.priority = priority;
    queue::enqueue_for_petitions(txn, vec![(petition.id.0, draft)], now).await?;
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

/// What a confirmation link would confirm, shown on its landing page before the button.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Details {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: String,
    pub phone: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub organisation: Option<String>,
    pub custom: [Option<String>; 3],
    pub newsletter: bool,
}

impl From<&signature::Model> for Details {
    fn from(s: &signature::Model) -> Details {
        Details {
            first_name: s.first_name.clone(),
            last_name: s.last_name.clone(),
            email: s.email.clone(),
            phone: s.phone.clone(),
            postal_code: s.postal_code.clone(),
            country: s.country.clone(),
            organisation: s.organisation.clone(),
            custom: [s.custom1.clone(), s.custom2.clone(), s.custom3.clone()],
            newsletter: s.newsletter_optin,
        }
    }
}

impl From<Valid> for Details {
    fn from(v: Valid) -> Details {
        Details {
            first_name: v.first_name,
            last_name: v.last_name,
            email: v.email,
            phone: v.phone,
            postal_code: v.postal_code,
            country: v.country,
            organisation: v.organisation,
            custom: v.custom,
            newsletter: v.newsletter,
        }
    }
}

/// A pending change of `petition` by its link's hash, with the signature it changes.
async fn find_change(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    token_hash: &str,
) -> DomainResult<Option<(signature_change::Model, signature::Model)>> {
    let Some(change) =
        signature_change::Entity::find().filter(signature_change::Column::TokenHash.eq(token_hash)).one(db).await?
    else {
        return Ok(None);
    };
    let signature = signature::Entity::find_by_id(change.signature_id)
        .filter(signature::Column::PetitionId.eq(petition.0))
        .one(db)
        .await?;
    Ok(signature.map(|s| (change, s)))
}

fn change_state(change: &signature_change::Model, now: DateTime<Utc>) -> TokenState {
    if change.token_expires_at <= now { TokenState::Expired } else { TokenState::Valid }
}

/// The state of a link and, while it is valid, what it confirms: a signature's details, or the
/// new details of a re-signing waiting for their own link.
pub async fn token_state(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    token: &str,
    now: DateTime<Utc>,
) -> DomainResult<(TokenState, Option<Details>)> {
    let hash = tokens::hash_token(token);
    if let Some(s) = find_by_hash(db, petition, &hash).await? {
        let state = state_of(Some(&s), now);
        return Ok((state, (state == TokenState::Valid).then(|| Details::from(&s))));
    }
    let Some((change, _)) = find_change(db, petition, &hash).await? else { return Ok((TokenState::Unknown, None)) };
    let state = change_state(&change, now);
    let details = match state {
        TokenState::Valid => serde_json::from_str::<Valid>(&change.details).ok().map(Details::from),
        _ => None,
    };
    Ok((state, details))
}

/// Confirms the pending change whose link hashes to `token_hash`: its details replace the
/// signature's (whose owner's mailbox got this link), the signature is confirmed if it was not,
/// and the change is done. `None` when no change has this link.
pub(super) async fn confirm_change(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    token_hash: &str,
    now: DateTime<Utc>,
) -> DomainResult<Option<Confirmed>> {
    let Some((change, s)) = find_change(db, petition, token_hash).await? else { return Ok(None) };
    let state = change_state(&change, now);
    if state != TokenState::Valid {
        return Ok(Some(Confirmed { state, signer: None }));
    }
    let signer = Some(s.email_canonical.clone());
    let valid: Valid = serde_json::from_str(&change.details)
        .map_err(|e| crate::domain::DomainError::Internal(format!("a stored change does not read back: {e}")))?;
    let confirmed_at = s.confirmed_at.unwrap_or(now);
    let mut row: signature::ActiveModel = s.into();
    valid.write(&mut row);
    row.locale = Set(change.locale.clone());
    row.confirmed_at = Set(Some(confirmed_at));
    row.update(db).await?;
    signature_change::Entity::delete_by_id(change.id).exec(db).await?;
    Ok(Some(Confirmed { state: TokenState::Valid, signer }))
}

/// What pressing a confirmation link's button did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmed {
    pub state: TokenState,
    /// The canonical address of the signature the link confirmed (now, or before): the confirmed
    /// page gives its holder the signature's withdrawal link, as the mail did.
    pub signer: Option<String>,
}

impl Confirmed {
    pub(super) fn of(state: TokenState, s: &signature::Model) -> Confirmed {
        let theirs = matches!(state, TokenState::Valid | TokenState::AlreadyConfirmed);
        Confirmed { state, signer: theirs.then(|| s.email_canonical.clone()) }
    }
}

/// Confirms the signature whose link's token hashes to `token_hash`. Using a link twice is
/// harmless: the second time answers `AlreadyConfirmed` and changes nothing. Under load,
/// confirmations are written in groups instead (see `intake`).
pub async fn confirm(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    token_hash: &str,
    now: DateTime<Utc>,
) -> DomainResult<Confirmed> {
    let found = find_by_hash(db, petition, token_hash).await?;
    if found.is_none()
        && let Some(confirmed) = confirm_change(db, petition, token_hash, now).await?
    {
        return Ok(confirmed);
    }
    let state = state_of(found.as_ref(), now);
    let Some(s) = found else { return Ok(Confirmed { state, signer: None }) };
    if state != TokenState::Valid {
        return Ok(Confirmed::of(state, &s));
    }
    let updated = signature::Entity::update_many()
        .col_expr(signature::Column::ConfirmedAt, Expr::value(now))
        .filter(signature::Column::Id.eq(s.id))
        .filter(signature::Column::ConfirmedAt.is_null())
        .exec(db)
        .await?;
    let state = if updated.rows_affected == 1 { TokenState::Valid } else { TokenState::AlreadyConfirmed };
    Ok(Confirmed::of(state, &s))
}
