//! Withdrawing a signature: its links and the erasure they end in.
//!
//! Two kinds of link, both under `/withdraw/<token>`:
//! - the **signature's own** link, in every mail to the signer, on the confirmed page and in
//!   "my signatures": whoever holds it has read the signer's mailbox, so it withdraws the
//!   signature whatever its state. Its token is the petition and the signer's canonical address,
//!   sealed with the instance key (AES-GCM-SIV, deterministic: every mail ever sent for that
//!   signature carries the same link). Nothing is stored for it: the signature is found through
//!   the unique `(petition_id, email_canonical)` index the table has anyway, so signing pays for
//!   no extra column or index, and a URL in a log shows no address.
//! - the **pending** link on the thank-you page, shown to whoever submitted the form, who may not
//!   own the address: it cancels only what that very submission left waiting for confirmation
//!   (the signature or the change whose confirmation link it mailed), never a confirmed signature.
//!   It names the hash of that confirmation link and is signed, so it cannot be forged; when the
//!   submission changed nothing (the address had signed already), it matches nothing, and the
//!   answer is the same as when it did, so it reveals nothing either.
use aes_gcm_siv::aead::{Aead, KeyInit};
use aes_gcm_siv::{Aes256GcmSiv, Nonce};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::domain::ids::PetitionId;
use crate::domain::signature::counting;
use crate::domain::{DomainError, DomainResult, tokens};
use crate::entities::{signature, signature_change};
use crate::mail::queue;

/// The keys the withdrawal links are signed and sealed with (derived from the instance secret).
#[derive(Clone)]
pub struct WithdrawKey {
    mac: Vec<u8>,
    /// Built once: signing seals a token for every signature's mail.
    seal: Aes256GcmSiv,
}

/// What a withdrawal token names, once its signature is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// The signature of this canonical address on this petition.
    Signature { petition: PetitionId, email_canonical: String },
    /// What a submission of `petition`'s form left pending under this confirmation link hash.
    Pending { petition: PetitionId, confirmation_hash: String },
}

impl WithdrawKey {
    pub fn new(key: Vec<u8>) -> WithdrawKey {
        // An HMAC-SHA256 is 32 bytes, the key length AES-256 takes.
        let seal = Aes256GcmSiv::new(tokens::keyed_digest(&key, b"seal").as_slice().into());
        WithdrawKey { mac: key, seal }
    }

    /// The token of the signature's own link (see the module's comment).
    pub fn signature_token(&self, petition: PetitionId, email_canonical: &str) -> String {
        let mut plain = petition.0.to_be_bytes().to_vec();
        plain.extend_from_slice(email_canonical.as_bytes());
        // Sealing in memory cannot fail (it would only for a message of gigabytes).
        let sealed = self.seal.encrypt(Nonce::from_slice(&NONCE), plain.as_slice()).unwrap_or_default();
        format!("s{}", URL_SAFE_NO_PAD.encode(sealed))
    }

    /// The token of the thank-you page's link, for the confirmation link hashed `confirmation_hash`.
    pub fn pending_token(&self, petition: PetitionId, confirmation_hash: &str) -> String {
        let mac = tokens::keyed_hash(&self.mac, pending_message(petition, confirmation_hash).as_bytes());
        format!("p{petition}.{confirmation_hash}.{mac}")
    }

    /// The token of a signer's unsubscribe link (updates and the response, `signer_updates`):
    /// signature `id`, and a MAC of it with its petition and address, so that it stops working
    /// with the signature and cannot withdraw it (it goes in mail headers, which more systems see).
    pub fn unsubscribe_token(&self, id: i64, petition: PetitionId, email_canonical: &str) -> String {
        let mac = tokens::keyed_hash(&self.mac, unsubscribe_message(id, petition, email_canonical).as_bytes());
        format!("u{id}.{mac}")
    }

    /// The signature an unsubscribe token names, before it is checked (`unsubscribe_matches`).
    pub fn unsubscribe_id(token: &str) -> Option<i64> {
        token.strip_prefix('u')?.split_once('.')?.0.parse().ok()
    }

    /// Whether `token` is the unsubscribe token of signature `id` of `petition` and that address.
    pub fn unsubscribe_matches(&self, token: &str, id: i64, petition: PetitionId, email_canonical: &str) -> bool {
        let Some((_, mac)) = token.split_once('.') else { return false };
        Self::unsubscribe_id(token) == Some(id)
            && tokens::verify_keyed_hash(&self.mac, unsubscribe_message(id, petition, email_canonical).as_bytes(), mac)
    }

    /// What `token` names, or `None` for a token this instance did not make.
    pub fn parse(&self, token: &str) -> Option<Link> {
        if let Some(sealed) = token.strip_prefix('s') {
            let sealed = URL_SAFE_NO_PAD.decode(sealed).ok()?;
            let plain = self.seal.decrypt(Nonce::from_slice(&NONCE), sealed.as_slice()).ok()?;
            let (petition, address) = plain.split_at_checked(8)?;
            let petition = PetitionId(i64::from_be_bytes(petition.try_into().ok()?));
            let email_canonical = String::from_utf8(address.to_vec()).ok()?;
            return Some(Link::Signature { petition, email_canonical });
        }
        let mut parts = token.strip_prefix('p')?.splitn(3, '.');
        let petition = PetitionId(parts.next()?.parse().ok()?);
        let (hash, mac) = (parts.next()?, parts.next()?);
        let well_formed = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        (well_formed && tokens::verify_keyed_hash(&self.mac, pending_message(petition, hash).as_bytes(), mac))
            .then(|| Link::Pending { petition, confirmation_hash: hash.to_string() })
    }
}

/// GCM-SIV's nonce, the same for every token, which GCM-SIV allows: it then tells only whether
/// two tokens seal the same signature, which is the point (every mail carries the same link).
const NONCE: [u8; 12] = [0; 12];

fn unsubscribe_message(id: i64, petition: PetitionId, email_canonical: &str) -> String {
    format!("unsubscribe:{id}:{petition}:{email_canonical}")
}

fn pending_message(petition: PetitionId, confirmation_hash: &str) -> String {
    format!("pending\n{petition}\n{confirmation_hash}")
}

/// The path of a withdrawal link.
pub fn path(token: &str) -> String {
    format!("/withdraw/{token}")
}

/// What a withdrawal link's landing page shows before its button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Landing {
    /// The signature's own link: its holder read the mailbox, and is shown which address signed.
    Signature { petition: PetitionId, email: String, locale: String },
    /// A thank-you page's link: whether it still matches anything is not told.
    Pending { petition: PetitionId },
}

/// What pressing the button did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Withdrawn {
    /// The signature is deleted; `counted` when it was in the public count (which dropped).
    Signature { petition: PetitionId, locale: String, counted: bool },
    /// Whatever the submission left pending is cancelled, if anything was (not told).
    Pending { petition: PetitionId },
}

async fn by_link(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    email_canonical: &str,
) -> DomainResult<signature::Model> {
    signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(petition.0))
        .filter(signature::Column::EmailCanonical.eq(email_canonical))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

/// The landing page of `token`, changing nothing (mail scanners open links). `NotFound` for a
/// token this instance did not make, or a signature's link whose signature is gone.
pub async fn landing(db: &impl ConnectionTrait, key: &WithdrawKey, token: &str) -> DomainResult<Landing> {
    match key.parse(token).ok_or(DomainError::NotFound)? {
        Link::Signature { petition, email_canonical } => {
            let s = by_link(db, petition, &email_canonical).await?;
            Ok(Landing::Signature { petition: PetitionId(s.petition_id), email: s.email, locale: s.locale })
        }
        Link::Pending { petition, .. } => Ok(Landing::Pending { petition }),
    }
}

/// Withdraws what `token` names, in one transaction. A signature's link erases the signature
/// whatever its state. A pending link erases the unconfirmed signature whose confirmation link
/// it names, or else only the pending change with that link (the signature stays as it was
/// confirmed); a confirmed signature is never touched by it.
pub async fn withdraw(db: &DatabaseConnection, key: &WithdrawKey, token: &str) -> DomainResult<Withdrawn> {
    let link = key.parse(token).ok_or(DomainError::NotFound)?;
    let txn = crate::db::begin_write(db).await?;
    let done = match link {
        Link::Signature { petition, email_canonical } => {
            let s = by_link(&txn, petition, &email_canonical).await?;
            erase(&txn, &s).await?;
            let counted = s.confirmed_at.is_some() && s.invalidated_at.is_none();
            Withdrawn::Signature { petition: PetitionId(s.petition_id), locale: s.locale, counted }
        }
        Link::Pending { petition, confirmation_hash } => {
            cancel_pending(&txn, petition, &confirmation_hash).await?;
            Withdrawn::Pending { petition }
        }
    };
    txn.commit().await?;
    Ok(done)
}

async fn cancel_pending(db: &impl ConnectionTrait, petition: PetitionId, confirmation_hash: &str) -> DomainResult<()> {
    let pending = signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(petition.0))
        .filter(signature::Column::ConfirmationTokenHash.eq(confirmation_hash))
        .filter(signature::Column::ConfirmedAt.is_null())
        // Invalidated by a moderator: kept as the evidence behind their audit log entry.
        .filter(signature::Column::InvalidatedAt.is_null())
        .one(db)
        .await?;
    if let Some(s) = pending {
        return erase(db, &s).await;
    }
    let Some(change) = signature_change::Entity::find()
        .filter(signature_change::Column::TokenHash.eq(confirmation_hash))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let of_petition = signature::Entity::find_by_id(change.signature_id)
        .filter(signature::Column::PetitionId.eq(petition.0))
        .one(db)
        .await?
        .is_some();
    if of_petition {
        signature_change::Entity::delete_by_id(change.id).exec(db).await?;
    }
    Ok(())
}

/// Deletes signature `s` and everything that still names its signer: its pending change, the
/// mails to them about this petition (waiting or kept after sending), and the row itself; the
/// petition's count is recomputed at once. Every way of withdrawing ends here.
pub async fn erase(db: &impl ConnectionTrait, s: &signature::Model) -> DomainResult<()> {
    signature_change::Entity::delete_many().filter(signature_change::Column::SignatureId.eq(s.id)).exec(db).await?;
    queue::forget_for_petition(db, s.petition_id, Some(&s.email)).await?;
    signature::Entity::delete_by_id(s.id).exec(db).await?;
    counting::recount(db, s.petition_id).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> WithdrawKey {
        WithdrawKey::new(tokens::derive_key("secret", "withdraw"))
    }

    #[test]
    fn a_signature_token_is_stable_shows_no_address_and_cannot_be_forged() {
        let k = key();
        let t = k.signature_token(PetitionId(3), "jane@example.org");
        assert_eq!(t, k.signature_token(PetitionId(3), "jane@example.org"));
        assert_ne!(t, k.signature_token(PetitionId(4), "jane@example.org"));
        assert!(!t.contains("jane") && t.len() < 80, "{t}");
        let named = Link::Signature { petition: PetitionId(3), email_canonical: "jane@example.org".into() };
        assert_eq!(k.parse(&t), Some(named));
        let mut tampered = t.clone().into_bytes();
        tampered[5] = if tampered[5] == b'A' { b'B' } else { b'A' };
        assert_eq!(k.parse(&String::from_utf8(tampered).unwrap_or_default()), None);
        assert_eq!(WithdrawKey::new(tokens::derive_key("other", "withdraw")).parse(&t), None);
        assert_eq!(k.parse("s"), None);
    }

    #[test]
    fn a_pending_token_cannot_be_forged() {
        let k = key();
        let hash = tokens::hash_token("confirmation");
        let t = k.pending_token(PetitionId(7), &hash);
        assert_eq!(k.parse(&t), Some(Link::Pending { petition: PetitionId(7), confirmation_hash: hash.clone() }));
        assert_eq!(k.parse(&t.replacen("p7.", "p8.", 1)), None);
        let other = tokens::hash_token("another");
        assert_eq!(k.parse(&t.replace(&hash, &other)), None);
        assert_eq!(WithdrawKey::new(b"other".to_vec()).parse(&t), None);
        assert_eq!(k.parse("nonsense"), None);
    }
}
