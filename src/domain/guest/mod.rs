//! Petitions without an account (issue 17). A visitor gives an email address at `/new`; a
//! guest identity (a `users` row with `guest_since` set, which cannot sign in) is made to own a
//! draft, and a verification link is mailed. Once the address is verified, a private
//! management link (`links`) opens that one petition's dashboard pages; it can be revoked, and
//! asked for again by address. The petition can later be attached to an account or one of its
//! organisations (`attach`), which then owns it.
//!
//! The petition stays a draft, and nothing can be done with it, until the address is
//! verified: the management link is only made then. Publishing goes through the same rules as
//! any petition (`petition::editing::set_status`, pre-moderation included: the guest identity is
//! a new account).
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, StartGuestPetition};
use crate::domain::petition::content::Content;
use crate::domain::petition::petitions::{OwnerId, Status};
use crate::domain::petition::wizard::Step;
use crate::domain::{DomainError, DomainResult, email, ids::UserId, tokens};
use crate::entities::{guest_petition, petition, user};
use crate::mail::compose::Composer;
use crate::mail::queue;

pub mod attach;
pub mod links;

/// How long the verification link works.
pub const VERIFY_VALID_FOR: Duration = Duration::days(2);
/// At most this many petitions started by one address a day: past it, the form answers the
/// same and nothing is made or mailed.
pub const MAX_PER_ADDRESS_PER_DAY: u64 = 3;
/// The kind of their mails in the queue.
const MAIL_KIND: &str = "guest";

/// What the `/new` form gives.
#[derive(Debug, Clone)]
pub struct Start {
    pub email: String,
    /// The language of the visitor, for the petition and its mails.
    pub lang: String,
    pub theme: String,
}

/// Starts a petition for `input.email`: a draft owned by a new guest identity, and the mail
/// with its verification link. Past `MAX_PER_ADDRESS_PER_DAY` it does nothing (the caller
/// answers the same either way).
pub async fn start(
    db: &DatabaseConnection,
    _can: &Allowed<StartGuestPetition, ()>,
    input: &Start,
    composer: &Composer,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let address = email::form_address(&input.email)?;
    let canonical = email::canonical(&address);
    let txn = crate::db::begin_write(db).await?;
    let recent = guest_petition::Entity::find()
        .filter(guest_petition::Column::EmailCanonical.eq(&canonical))
        .filter(guest_petition::Column::CreatedAt.gt(now - Duration::days(1)))
        .count(&txn)
        .await?;
    if recent >= MAX_PER_ADDRESS_PER_DAY {
        return Ok(());
    }
    let username = format!("guest-{}", tokens::random_token(12));
    let guest = user::ActiveModel {
        email: Set(format!("{username}@guest.invalid")),
        username: Set(username),
        // Not an Argon2 hash: no password ever verifies, so the identity cannot sign in.
        password_hash: Set("!".into()),
        display_name: Set(String::new()),
        is_admin: Set(false),
        is_moderator: Set(false),
        email_verified_at: Set(None),
        locale: Set(Some(input.lang.clone())),
        created_at: Set(now),
        suspended_at: Set(None),
        guest_since: Set(Some(now)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut content = Content::default();
    content.look.theme = input.theme.clone();
    let mut draft = petition::ActiveModel {
        status: Set(Status::Draft.as_str().into()),
        default_locale: Set(input.lang.clone()),
        wizard_step: Set(Some(Step::Start.name().into())),
        created_at: Set(now),
        updated_at: Set(now),
        show_signer_names: Set(false),
        ..Default::default()
    };
    OwnerId::User(UserId(guest.id)).write(&mut draft);
    content.write(&mut draft);
    let draft = draft.insert(&txn).await?;
    let token = tokens::random_token(32);
    guest_petition::ActiveModel {
        petition_id: Set(draft.id),
        user_id: Set(guest.id),
        email: Set(address.clone()),
        email_canonical: Set(canonical),
        verify_token_hash: Set(Some(tokens::hash_token(&token))),
        verify_expires_at: Set(now + VERIFY_VALID_FOR),
        verified_at: Set(None),
        locale: Set(input.lang.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let values = serde_json::json!({
        "link": format!("{}/new/verify/{token}", composer.public_url),
        "days": VERIFY_VALID_FOR.num_days(),
    });
    let mut mail = composer.account_mail("guest_verify", &input.lang, &address, "mail-guest-verify-subject", values);
    mail.kind = MAIL_KIND;
    queue::enqueue(&txn, mail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// A verified address: the petition, and the management link's token (also mailed), which
/// the browser keeps to act for it at once.
#[derive(Debug)]
pub struct Verified {
    pub petition: PetitionId,
    pub token: String,
}

/// Verifies the address of the petition whose verification link holds `token` (once), and
/// mails its management link. A link used or expired is refused with the message to show.
pub async fn verify(
    db: &DatabaseConnection,
    token: &str,
    composer: &Composer,
    now: DateTime<Utc>,
) -> DomainResult<Verified> {
    let txn = crate::db::begin_write(db).await?;
    let found = guest_petition::Entity::find()
        .filter(guest_petition::Column::VerifyTokenHash.eq(tokens::hash_token(token)))
        .one(&txn)
        .await?;
    let Some(guest) = found.filter(|g| g.verify_expires_at > now) else {
        return Err(DomainError::Refused("guest-verify-gone"));
    };
    let mut active: guest_petition::ActiveModel = guest.clone().into();
    active.verify_token_hash = Set(None);
    active.verified_at = Set(Some(now));
    let guest = active.update(&txn).await?;
    let title = petition::Entity::find_by_id(guest.petition_id).one(&txn).await?.map(|p| p.title).unwrap_or_default();
    let token = links::issue(&txn, &guest, now).await?;
    let entry = links::entry(composer, &title, &token);
    let values = serde_json::json!({ "petitions": [entry] });
    let mut mail = composer.account_mail("guest_link", &guest.locale, &guest.email, "mail-guest-link-subject", values);
    mail.kind = MAIL_KIND;
    queue::enqueue(&txn, mail, now).await?;
    txn.commit().await?;
    Ok(Verified { petition: PetitionId(guest.petition_id), token })
}
