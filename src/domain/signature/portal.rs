//! "My signatures": a signer types their address and is mailed a link that, for an hour, lists
//! every signature of that mailbox on this instance (whatever its state), withdraws any or all of
//! them, changes their newsletter consent, and downloads everything stored about them
//! (`portal_export`; GDPR articles 15 and 20).
//!
//! Holding the link proves the mailbox, as a confirmation link does; the link names the
//! mailbox by its canonical form, so `Jane.Doe+x@gmail.com` sees what `janedoe@gmail.com` signed.
//! Asking reveals nothing: whether or not the address signed anything, and whether or not a mail
//! goes out, the answer is the same; only addresses that signed are mailed, so the form cannot be
//! used to send mail to strangers, and at most once every `ONE_LINK_EVERY`.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde::Serialize;

use crate::domain::ids::{PetitionId, SignatureId};
use crate::domain::petition::petitions::{self, PublicPetition};
use crate::domain::signature::withdrawal;
use crate::domain::{DomainError, DomainResult, email, tokens};
use crate::entities::{petition, signature, signature_change, signer_link};
use crate::mail::compose::Composer;
use crate::mail::queue;

/// How long a mailed link opens the page: long enough to read the mail and act, short enough
/// that a link found later in a mailbox or a browser's history shows nothing.
pub const LINK_VALID_FOR: Duration = Duration::hours(1);
/// At most one link per address in this long, however often (and by whomever) it is asked for:
/// the form cannot flood a signer's mailbox.
pub const ONE_LINK_EVERY: Duration = Duration::minutes(10);
/// Signatures listed on the page (an address has at most one per petition; past this many, the
/// page says so, and the JSON export still holds them all).
pub const MAX_LISTED: u64 = 500;
/// The mail's template (`templates/mail/<name>.txt`) and its kind in the queue.
const MAIL: &str = "my_signatures";

/// What a link opens: the page, or "expired" (410, with the way to ask again). A link this
/// instance never made, or one forgotten since, is `DomainError::NotFound`.
#[derive(Debug)]
pub enum Opened<T> {
    Valid(T),
    Expired,
}

/// Mails a link to `address` in `lang` when it signed something here and was sent none in the
/// last `ONE_LINK_EVERY`; otherwise does nothing. Either way the caller answers the same.
pub async fn request_link(
    db: &DatabaseConnection,
    address: &str,
    lang: &str,
    now: DateTime<Utc>,
    composer: &Composer,
) -> DomainResult<()> {
    let address = email::form_address(address)?;
    let canonical = email::canonical(&address);
    let txn = crate::db::begin_write(db).await?;
    let signed = of_address(&canonical)
        .select_only()
        .column(signature::Column::Id)
        .into_tuple::<i64>()
        .one(&txn)
        .await?
        .is_some();
    let recent = signer_link::Entity::find()
        .filter(signer_link::Column::EmailCanonical.eq(&canonical))
        .filter(signer_link::Column::CreatedAt.gt(now - ONE_LINK_EVERY))
        .one(&txn)
        .await?
        .is_some();
    if !signed || recent {
        return Ok(());
    }
    let token = tokens::random_token(32);
    signer_link::Entity::insert(signer_link::ActiveModel {
        email_canonical: Set(canonical),
        token_hash: Set(tokens::hash_token(&token)),
        expires_at: Set(now + LINK_VALID_FOR),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    let values = serde_json::json!({
        "link": format!("{}{}", composer.public_url, path(&token)),
        "minutes": LINK_VALID_FOR.num_minutes(),
    });
    let mut draft = composer.account_mail(MAIL, lang, &address, "mail-portal-subject", values);
    draft.kind = MAIL;
    queue::enqueue(&txn, draft, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The path of the page a link opens.
pub fn path(token: &str) -> String {
    format!("/my-signatures/{token}")
}

/// The link `token` names, while it is valid (it holds the canonical address it shows).
pub(super) async fn link(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> DomainResult<Opened<signer_link::Model>> {
    let link = signer_link::Entity::find()
        .filter(signer_link::Column::TokenHash.eq(tokens::hash_token(token)))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok(if link.expires_at <= now { Opened::Expired } else { Opened::Valid(link) })
}

/// Every signature of one canonical address. The address is the second column of the unique
/// `(petition_id, email_canonical)` index: through the petitions, one index lookup each finds
/// them, where an index of their own would cost every signature one more insert.
pub(super) fn of_address(canonical: &str) -> sea_orm::Select<signature::Entity> {
    let petitions = sea_orm::sea_query::Query::select().column(petition::Column::Id).from(petition::Entity).to_owned();
    signature::Entity::find()
        .filter(signature::Column::PetitionId.in_subquery(petitions))
        .filter(signature::Column::EmailCanonical.eq(canonical))
}

/// Where a signature stands, as the page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Pending,
    Confirmed,
    /// A moderator's rule took it out of the count.
    Invalidated,
}

impl Standing {
    pub const ALL: [Standing; 3] = [Standing::Pending, Standing::Confirmed, Standing::Invalidated];

    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Pending => "pending",
            Standing::Confirmed => "confirmed",
            Standing::Invalidated => "invalidated",
        }
    }

    pub fn of(s: &signature::Model) -> Standing {
        match (s.invalidated_at, s.confirmed_at) {
            (Some(_), _) => Standing::Invalidated,
            (None, Some(_)) => Standing::Confirmed,
            (None, None) => Standing::Pending,
        }
    }
}

/// A petition as the page links to it.
#[derive(Debug, Clone, Serialize)]
pub struct PetitionRef {
    pub id: PetitionId,
    pub title: String,
    /// Its page on this instance (`/o/<org>/<slug>` or `/p/<id>`).
    pub path: String,
    pub locale: String,
}

impl PetitionRef {
    fn of(p: &PublicPetition) -> PetitionRef {
        PetitionRef { id: p.id, title: p.title.clone(), path: p.path.clone(), locale: p.locale.clone() }
    }
}

/// One answer the signer gave: a standard field by its form name (its label is `field-<name>`),
/// or an organiser's field with its label.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub name: &'static str,
    pub label: Option<String>,
    pub value: String,
}

/// The answers stored in `s`, in the form's order, empty ones left out.
pub(super) fn answers(s: &signature::Model, p: Option<&PublicPetition>) -> Vec<Answer> {
    let label = |i: usize| p.map(|p| p.fields.custom[i].label.clone()).filter(|l| !l.is_empty());
    let fields = [
        ("first_name", None, &s.first_name),
        ("last_name", None, &s.last_name),
        ("phone", None, &s.phone),
        ("postal_code", None, &s.postal_code),
        ("country", None, &s.country),
        ("organisation", None, &s.organisation),
        ("custom1", label(0), &s.custom1),
        ("custom2", label(1), &s.custom2),
        ("custom3", label(2), &s.custom3),
    ];
    let mut out = vec![Answer { name: "email", label: None, value: s.email.clone() }];
    out.extend(fields.into_iter().filter_map(|(name, label, value)| {
        value.as_ref().filter(|v| !v.is_empty()).map(|v| Answer { name, label, value: v.clone() })
    }));
    out
}

/// One line of the page.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: SignatureId,
    pub petition: PetitionRef,
    pub standing: Standing,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub answers: Vec<Answer>,
    /// The petition's newsletter checkbox, when it offers one (consent can be changed then).
    pub newsletter_label: Option<String>,
    pub newsletter: bool,
    /// New answers wait for their own confirmation link.
    pub change_pending: bool,
}

/// The page of a valid link.
#[derive(Debug, Clone, Serialize)]
pub struct Portal {
    /// The newest `MAX_LISTED` signatures.
    pub rows: Vec<Row>,
    /// All of them, listed or not.
    pub total: u64,
    pub expires_at: DateTime<Utc>,
}

/// The petitions of `rows`, by id, as the public sees them (drafts and hidden ones included:
/// the signer signed them).
pub(super) async fn petitions_of(
    db: &impl ConnectionTrait,
    rows: &[signature::Model],
) -> DomainResult<std::collections::HashMap<i64, PublicPetition>> {
    let ids: std::collections::BTreeSet<i64> = rows.iter().map(|s| s.petition_id).collect();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let found = petition::Entity::find().filter(petition::Column::Id.is_in(ids)).all(db).await?;
    Ok(petitions::to_public_many(db, found).await?.into_iter().map(|p| (p.id.0, p)).collect())
}

/// What a link shows: the newest `MAX_LISTED` signatures of its address, with their petitions.
pub async fn open(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> DomainResult<Opened<Portal>> {
    let txn = db.begin().await?;
    let link = match link(&txn, token, now).await? {
        Opened::Valid(link) => link,
        Opened::Expired => return Ok(Opened::Expired),
    };
    let mine = of_address(&link.email_canonical);
    let total = mine.clone().count(&txn).await?;
    let rows = mine
        .order_by_desc(signature::Column::CreatedAt)
        .order_by_desc(signature::Column::Id)
        .limit(MAX_LISTED)
        .all(&txn)
        .await?;
    let petitions = petitions_of(&txn, &rows).await?;
    let changed: std::collections::HashSet<i64> = signature_change::Entity::find()
        .select_only()
        .column(signature_change::Column::SignatureId)
        .filter(signature_change::Column::SignatureId.is_in(rows.iter().map(|s| s.id)))
        .into_tuple::<i64>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    txn.commit().await?;
    let rows = rows
        .iter()
        .filter_map(|s| {
            let p = petitions.get(&s.petition_id)?;
            Some(Row {
                id: SignatureId(s.id),
                petition: PetitionRef::of(p),
                standing: Standing::of(s),
                created_at: s.created_at,
                confirmed_at: s.confirmed_at,
                answers: answers(s, Some(p)),
                newsletter_label: Some(p.mail.newsletter_label.clone()).filter(|l| !l.trim().is_empty()),
                newsletter: s.newsletter_optin,
                change_pending: changed.contains(&s.id),
            })
        })
        .collect();
    Ok(Opened::Valid(Portal { rows, total, expires_at: link.expires_at }))
}

/// Signature `id` of the link's address (another address's is "not found").
async fn own_signature(db: &impl ConnectionTrait, canonical: &str, id: SignatureId) -> DomainResult<signature::Model> {
    signature::Entity::find_by_id(id.0)
        .filter(signature::Column::EmailCanonical.eq(canonical))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

/// The canonical address a valid link is for; `None` once it expired.
async fn address_of(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> DomainResult<Option<String>> {
    Ok(match link(db, token, now).await? {
        Opened::Valid(link) => Some(link.email_canonical),
        Opened::Expired => None,
    })
}

/// Withdraws signature `id`, which must be of the link's address: erased, and the count redone.
pub async fn withdraw(
    db: &DatabaseConnection,
    token: &str,
    id: SignatureId,
    now: DateTime<Utc>,
) -> DomainResult<Opened<()>> {
    let txn = crate::db::begin_write(db).await?;
    let Some(canonical) = address_of(&txn, token, now).await? else { return Ok(Opened::Expired) };
    let s = own_signature(&txn, &canonical, id).await?;
    withdrawal::erase(&txn, &s).await?;
    txn.commit().await?;
    Ok(Opened::Valid(()))
}

/// Withdraws every signature of the link's address (listed or not); returns how many. An
/// address has at most one per petition, so this is bounded by the instance's petitions.
pub async fn withdraw_all(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> DomainResult<Opened<u64>> {
    let txn = crate::db::begin_write(db).await?;
    let Some(canonical) = address_of(&txn, token, now).await? else { return Ok(Opened::Expired) };
    let all = of_address(&canonical).all(&txn).await?;
    for s in &all {
        withdrawal::erase(&txn, s).await?;
    }
    txn.commit().await?;
    Ok(Opened::Valid(all.len() as u64))
}

/// Gives or withdraws newsletter consent on signature `id` of the link's address; refused where
/// its petition offers no newsletter.
pub async fn set_newsletter(
    db: &DatabaseConnection,
    token: &str,
    id: SignatureId,
    consent: bool,
    now: DateTime<Utc>,
) -> DomainResult<Opened<()>> {
    let txn = crate::db::begin_write(db).await?;
    let Some(canonical) = address_of(&txn, token, now).await? else { return Ok(Opened::Expired) };
    let s = own_signature(&txn, &canonical, id).await?;
    let offered = petition::Entity::find_by_id(s.petition_id)
        .one(&txn)
        .await?
        .is_some_and(|p| !p.newsletter_label.trim().is_empty());
    if !offered {
        return Err(DomainError::Refused("error-portal-no-newsletter"));
    }
    signature::Entity::update_many()
        .col_expr(signature::Column::NewsletterOptin, Expr::value(consent))
        .filter(signature::Column::Id.eq(s.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(Opened::Valid(()))
}

/// Deletes the links past their hour (run by the count batch's periodic purge); a failure is
/// logged, and the next run tries again.
pub async fn forget_expired_links(db: &impl ConnectionTrait, now: DateTime<Utc>) {
    let deleted = signer_link::Entity::delete_many().filter(signer_link::Column::ExpiresAt.lte(now)).exec(db).await;
    if let Err(e) = deleted {
        tracing::error!(error = %e, "cannot delete expired my-signatures links");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_checked_like_the_sign_forms() {
        let field = |r: DomainResult<String>| match r {
            Err(DomainError::Invalid(errors)) => errors.get("email").copied(),
            _ => None,
        };
        assert_eq!(email::form_address(" Jane@Example.ORG ").ok(), Some("Jane@example.org".to_string()));
        assert_eq!(field(email::form_address("  ")), Some("error-required"));
        assert_eq!(field(email::form_address("jane@@example")), Some("error-email-invalid"));
        assert_eq!(field(email::form_address(&format!("{}@example.org", "a".repeat(260)))), Some("error-too-long"));
    }

    #[test]
    fn a_signature_stands_invalidated_before_confirmed() {
        let now = Utc::now();
        let s = |confirmed_at, invalidated_at| signature::Model {
            id: 1,
            petition_id: 1,
            first_name: None,
            last_name: None,
            email: "a@example.org".into(),
            email_canonical: "a@example.org".into(),
            phone: None,
            locale: "en".into(),
            confirmation_token_hash: None,
            token_expires_at: None,
            confirmed_at,
            newsletter_optin: false,
            created_at: now,
            postal_code: None,
            country: None,
            organisation: None,
            custom1: None,
            custom2: None,
            custom3: None,
            client_key: None,
            invalidated_at,
            name_public: false,
            keep_informed: false,
        };
        assert_eq!(Standing::of(&s(None, None)), Standing::Pending);
        assert_eq!(Standing::of(&s(Some(now), None)), Standing::Confirmed);
        assert_eq!(Standing::of(&s(Some(now), Some(now))), Standing::Invalidated);
        let answers = answers(&s(None, None), None);
        assert_eq!(answers.iter().map(|a| a.name).collect::<Vec<_>>(), ["email"], "empty fields are left out");
    }
}
