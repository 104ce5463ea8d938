//! Everything this instance stores about the address of a "my signatures" link, as one JSON
//! document (GDPR article 15, access, and article 20, portability): each signature with its
//! petition, every answer, its language, dates, state, consents, the new answers waiting for
//! their link, the mails sent or waiting about it, and the links of this page asked for.
//!
//! Left out on purpose, and said so in the file: the hashes of tokens (confirmation, withdrawal
//! and this page's links) are the instance's means of checking a link, not information about
//! the signer, and of no use outside it; the client key is a keyed hash of a network address
//! that other people may share (a household, a campus), so a file that can be forwarded would
//! let two people's exports be compared to learn they signed from one network. The export says
//! that such a hash is kept, without its value.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait};
use serde::Serialize;

use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::signature::portal::{self, Opened, Standing};
use crate::domain::signature::signatures::{Details, Valid};
use crate::entities::{mail_job, signature, signature_change, signer_link};
use crate::mail::queue;

/// Signatures read per query (the whole export is bounded by the instance's petitions: an
/// address signs each at most once).
const BATCH: u64 = 500;

#[derive(Debug, Serialize)]
pub struct Export {
    /// This instance's address.
    pub instance: String,
    pub exported_at: DateTime<Utc>,
    /// The address the signatures were found by, in its canonical form.
    pub address: String,
    pub signatures: Vec<SignatureData>,
    /// The links of the "my signatures" page made for this address (still kept).
    pub my_signatures_links: Vec<LinkData>,
    /// What the file leaves out and why, in the reader's language (the web layer writes it).
    pub left_out: String,
}

#[derive(Debug, Serialize)]
pub struct PetitionData {
    pub id: PetitionId,
    pub title: String,
    /// Its public page.
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct CustomAnswer {
    /// The organiser's label for the field.
    pub label: String,
    pub value: String,
}

#[derive(Debug, Serialize)]
pub struct SignatureData {
    pub id: i64,
    /// `None` only if the petition could not be read.
    pub petition: Option<PetitionData>,
    pub status: Standing,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub organisation: Option<String>,
    /// The organiser's own fields, with their labels.
    pub custom: Vec<CustomAnswer>,
    /// The language pages and mails were shown in.
    pub locale: String,
    pub signed_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// When its confirmation link stops working (while not confirmed).
    pub confirmation_link_expires_at: Option<DateTime<Utc>>,
    /// Set when a moderator's rule took it out of the count.
    pub invalidated_at: Option<DateTime<Utc>>,
    pub newsletter_consent: bool,
    /// The petition's newsletter checkbox, when it offers one.
    pub newsletter_label: Option<String>,
    /// Agreed to the name appearing in the petition's public list of signers.
    pub name_public: bool,
    /// A keyed hash of the network address it was sent from is kept (its value is left out).
    pub network_address_hash_kept: bool,
    pub pending_change: Option<ChangeData>,
    pub mails: Vec<MailData>,
}

/// New answers given when signing again, waiting for their own confirmation link.
#[derive(Debug, Serialize)]
pub struct ChangeData {
    pub details: Option<Details>,
    pub locale: String,
    pub created_at: DateTime<Utc>,
    pub link_expires_at: DateTime<Utc>,
    pub network_address_hash_kept: bool,
}

/// A mail about the signature, sent or waiting (its text holds links, so it is not repeated).
#[derive(Debug, Serialize)]
pub struct MailData {
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize)]
pub struct LinkData {
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// The export of the link `token`'s address; `public_url` makes the petitions' addresses whole.
pub async fn export(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
    public_url: &str,
) -> DomainResult<Opened<Export>> {
    let txn = db.begin().await?;
    let address = match portal::link(&txn, token, now).await? {
        Opened::Valid(link) => link.email_canonical,
        Opened::Expired => return Ok(Opened::Expired),
    };
    let mut signatures = Vec::new();
    let mut after = 0_i64;
    loop {
        let rows = super::portal::of_address(&address)
            .filter(signature::Column::Id.gt(after))
            .order_by_asc(signature::Column::Id)
            .limit(BATCH)
            .all(&txn)
            .await?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        let petitions = portal::petitions_of(&txn, &rows).await?;
        let changes: HashMap<i64, signature_change::Model> = signature_change::Entity::find()
            .filter(signature_change::Column::SignatureId.is_in(rows.iter().map(|s| s.id)))
            .all(&txn)
            .await?
            .into_iter()
            .map(|c| (c.signature_id, c))
            .collect();
        // The same mails `withdrawal::erase` deletes: of the petition, to the signature's address.
        let mut mails: HashMap<(String, String), Vec<MailData>> = HashMap::new();
        let keys: Vec<String> = rows.iter().map(|s| queue::petition_key(s.petition_id)).collect();
        for m in mail_job::Entity::find()
            .filter(mail_job::Column::FairKey.is_in(keys))
            .filter(mail_job::Column::Recipient.is_in(rows.iter().map(|s| s.email.as_str())))
            .order_by_asc(mail_job::Column::Id)
            .all(&txn)
            .await?
        {
            let data = MailData {
                kind: m.kind,
                subject: m.subject,
                status: m.status,
                created_at: m.created_at,
                sent_at: m.sent_at,
            };
            mails.entry((m.fair_key.unwrap_or_default(), m.recipient)).or_default().push(data);
        }
        for s in rows {
            let p = petitions.get(&s.petition_id);
            let label = |i: usize| p.map(|p| p.fields.custom[i].label.clone()).unwrap_or_default();
            let custom = [(0, &s.custom1), (1, &s.custom2), (2, &s.custom3)]
                .into_iter()
                .filter_map(|(i, v)| v.clone().map(|value| CustomAnswer { label: label(i), value }))
                .collect();
            let pending_change = changes.get(&s.id).map(|c| ChangeData {
                details: serde_json::from_str::<Valid>(&c.details).ok().map(Details::from),
                locale: c.locale.clone(),
                created_at: c.created_at,
                link_expires_at: c.token_expires_at,
                network_address_hash_kept: c.client_key.is_some(),
            });
            signatures.push(SignatureData {
                id: s.id,
                petition: p.map(|p| PetitionData {
                    id: p.id,
                    title: p.title.clone(),
                    url: format!("{public_url}{}", p.path),
                }),
                status: Standing::of(&s),
                mails: mails.remove(&(queue::petition_key(s.petition_id), s.email.clone())).unwrap_or_default(),
                email: s.email,
                first_name: s.first_name,
                last_name: s.last_name,
                phone: s.phone,
                postal_code: s.postal_code,
                country: s.country,
                organisation: s.organisation,
                custom,
                locale: s.locale,
                signed_at: s.created_at,
                confirmed_at: s.confirmed_at,
                confirmation_link_expires_at: s.token_expires_at.filter(|_| s.confirmed_at.is_none()),
                invalidated_at: s.invalidated_at,
                newsletter_consent: s.newsletter_optin,
                newsletter_label: p.map(|p| p.mail.newsletter_label.clone()).filter(|l| !l.trim().is_empty()),
                name_public: s.name_public,
                network_address_hash_kept: s.client_key.is_some(),
                pending_change,
            });
        }
    }
    let links = signer_link::Entity::find()
        .filter(signer_link::Column::EmailCanonical.eq(&address))
        .order_by_asc(signer_link::Column::Id)
        .all(&txn)
        .await?
        .into_iter()
        .map(|l| LinkData { created_at: l.created_at, expires_at: l.expires_at })
        .collect();
    txn.commit().await?;
    Ok(Opened::Valid(Export {
        instance: public_url.to_string(),
        exported_at: now,
        address,
        signatures,
        my_signatures_links: links,
        left_out: String::new(),
    }))
}
