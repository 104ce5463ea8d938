//! Mailing an update or the response to the signers who asked: read in batches by id, each
//! batch written to the queue with one statement, so that a petition of a hundred thousand
//! subscribers holds one batch in memory at a time.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};

use super::Sending;
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::petition::translations::Texts;
use crate::domain::signature::withdrawal;
use crate::entities::signature;
use crate::mail::queue::{self, MailDraft};

/// Signatures read and mails queued per statement: a mail job binds 18 values, well within
/// what SQLite (32,766) and PostgreSQL (65,535) take in one statement.
const BATCH: u64 = 500;

/// What is mailed.
#[derive(Debug, Clone, Copy)]
pub enum News<'a> {
    Update { title: &'a str, body: &'a str },
    Response { body: &'a str, responded_on: &'a str, document_url: Option<&'a str> },
}

/// One signer's mail, written by the mail layer in the signer's language.
pub struct UpdateMail<'a> {
    pub petition: &'a PublicPetition,
    pub recipient: &'a str,
    pub locale: &'a str,
    pub news: &'a News<'a>,
    /// `/unsubscribe/<token>`: the page with the button.
    pub unsubscribe_path: String,
    /// The signature's own withdrawal link, as in every mail to a signer.
    pub withdraw_path: String,
}

pub trait ComposeUpdate: Sync {
    fn compose(&self, mail: &UpdateMail<'_>) -> MailDraft;
    /// The absolute address of `path` on this instance (the unsubscribe header needs one).
    fn absolute(&self, path: &str) -> String;
}

/// The signatures of `petition` an update goes to: confirmed, not invalidated, asked.
pub(super) fn recipients(petition: PetitionId) -> Select<signature::Entity> {
    signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(petition.0))
        .filter(signature::Column::KeepInformed.eq(true))
        .filter(signature::Column::ConfirmedAt.is_not_null())
        .filter(signature::Column::InvalidatedAt.is_null())
        // Erased by retention (`retention`): no address left.
        .filter(signature::Column::Email.ne(""))
}

/// Queues `news` for every signer of `petition` who asked; returns how many.
pub(super) async fn mail_signers(
    db: &impl ConnectionTrait,
    petition: &PublicPetition,
    news: &News<'_>,
    sending: &Sending<'_>,
) -> DomainResult<u64> {
    // Each signer gets the petition as they read it: in their language's translation, if any.
    let translated: std::collections::HashMap<String, PublicPetition> =
        crate::domain::petition::translations::of_petition(db, petition.id)
            .await?
            .iter()
            .filter(|t| t.locale != petition.locale)
            .map(|t| (t.locale.clone(), Texts::of_row(t).overlay(petition, &t.locale)))
            .collect();
    let (mut after, mut total) = (0_i64, 0_u64);
    loop {
        let batch: Vec<(i64, String, String, String)> = recipients(petition.id)
            .filter(signature::Column::Id.gt(after))
            .select_only()
            .columns([
                signature::Column::Id,
                signature::Column::Email,
                signature::Column::EmailCanonical,
                signature::Column::Locale,
            ])
            .order_by_asc(signature::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(db)
            .await?;
        let Some((last, ..)) = batch.last() else { break };
        after = *last;
        let full = batch.len() as u64 == BATCH;
        total += batch.len() as u64;
        let drafts = batch
            .iter()
            .map(|(id, email, canonical, locale)| {
                let token = sending.key.unsubscribe_token(*id, petition.id, canonical);
                let path = super::unsubscribe::path(&token);
                let one_click = sending.composer.absolute(&super::unsubscribe::one_click_path(&token));
                let withdraw_path = withdrawal::path(&sending.key.signature_token(petition.id, canonical));
                let petition = translated.get(locale).unwrap_or(petition);
                let mail =
                    UpdateMail { petition, recipient: email, locale, news, unsubscribe_path: path, withdraw_path };
                (sending.composer.compose(&mail), one_click)
            })
            .collect();
        queue::enqueue_unsubscribable(db, petition.id.0, drafts, sending.now).await?;
        if !full {
            break;
        }
    }
    Ok(total)
}
