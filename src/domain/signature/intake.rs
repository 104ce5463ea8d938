//! Signing and confirming, the two writes a viral petition makes thousands of times a second.
//! Everything that needs no database (validation, the link's token, the mail's text) is done in
//! the request; the writes go through a group commit (`db::group_commit`), so a crowd of signers
//! shares a few transactions and a few multi-row statements instead of queueing on SQLite's lock.
use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QuerySelect, Set, SqlErr,
};

use crate::db::group_commit::{GroupCommit, GroupError, Work};
use crate::domain::ids::PetitionId;
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::signature::signatures::{
    self, ComposeConfirmation, ConfirmationMail, Confirmed, SignOutcome, SignRequest, TokenState, Valid,
};
use crate::domain::signature::withdrawal;
use crate::domain::{DomainError, DomainResult, tokens};
use crate::entities::{signature, signature_change};
use crate::mail::queue::{self, MailDraft};

/// At most this many jobs per transaction: a signature row has 18 columns, and a statement may
/// bind at most 32,766 values on SQLite.
const MAX_GROUP: usize = 256;

/// The queues of signatures and confirmations waiting to be written.
pub struct Intake {
    signing: GroupCommit<Signing>,
    confirming: GroupCommit<Confirming>,
}

impl Intake {
    /// Starts the two writing tasks on the current runtime; they end with this value.
    pub fn start(db: &DatabaseConnection) -> Self {
        Intake {
            signing: GroupCommit::start(Signing, db.clone(), MAX_GROUP),
            confirming: GroupCommit::start(Confirming, db.clone(), MAX_GROUP),
        }
    }

    /// At shutdown: refuses new signatures and confirmations and returns once those queued are
    /// committed and answered.
    pub async fn flush(&self) {
        tokio::join!(self.signing.flush(), self.confirming.flush());
    }

    /// Records a prepared signature with its confirmation mail; answers once committed.
    pub async fn sign(&self, job: SignJob) -> DomainResult<SignOutcome> {
        self.signing.write(job).await.map_err(flatten)
    }

    /// Confirms the signature `token` belongs to; answers once committed.
    pub async fn confirm(&self, petition: PetitionId, token: &str, now: DateTime<Utc>) -> DomainResult<Confirmed> {
        let job = ConfirmJob { petition, token_hash: tokens::hash_token(token), now };
        self.confirming.write(job).await.map_err(flatten)
    }
}

fn flatten(e: GroupError<DomainError>) -> DomainError {
    match e {
        GroupError::Write(e) => e,
        GroupError::Stopped => DomainError::Internal("the signature writer has stopped".into()),
    }
}

/// A signature checked and ready to write, with the mail that confirms it.
pub struct SignJob {
    petition: PetitionId,
    valid: Valid,
    locale: String,
    token_hash: String,
    valid_for: Duration,
    resend_after: Duration,
    client: Option<String>,
    now: DateTime<Utc>,
    mail: MailDraft,
}

/// Checks what the signer typed and writes the confirmation mail. Nothing is stored yet.
pub fn prepare(
    petition: &PublicPetition,
    request: SignRequest<'_>,
    composer: &dyn ComposeConfirmation,
) -> DomainResult<SignJob> {
    if !petition.accepts_signatures() {
        return Err(DomainError::Refused("sign-closed"));
    }
    let valid = signatures::validate(petition, request.input).map_err(DomainError::Invalid)?;
    let token = tokens::random_token(32);
    let withdraw_token = request.withdraw.signature_token(petition.id, &valid.email_canonical);
    let mail = composer.compose(&ConfirmationMail {
        petition,
        recipient: &valid.email,
        locale: request.locale,
        confirm_path: signatures::confirm_path(petition.id, &token),
        withdraw_path: withdrawal::path(&withdraw_token),
    });
    Ok(SignJob {
        petition: petition.id,
        valid,
        locale: request.locale.to_string(),
        token_hash: tokens::hash_token(&token),
        valid_for: request.valid_for,
        resend_after: request.resend_after,
        client: request.client.map(|c| c.as_str().to_string()),
        now: request.now,
        mail,
    })
}

impl SignJob {
    /// The hash of the confirmation link this job mails (if it mails one): what the thank-you
    /// page's withdrawal link names.
    pub fn confirmation_hash(&self) -> &str {
        &self.token_hash
    }

    fn key(&self) -> (i64, String) {
        (self.petition.0, self.valid.email_canonical.clone())
    }

    fn new_row(&self) -> signature::ActiveModel {
        let mut row = signature::ActiveModel {
            petition_id: Set(self.petition.0),
            email_canonical: Set(self.valid.email_canonical.clone()),
            locale: Set(self.locale.clone()),
            confirmation_token_hash: Set(Some(self.token_hash.clone())),
            token_expires_at: Set(Some(self.now + self.valid_for)),
            confirmed_at: Set(None),
            created_at: Set(self.now),
            client_key: Set(self.client.clone()),
            invalidated_at: Set(None),
            ..Default::default()
        };
        self.valid.write(&mut row);
        row
    }

    /// These answers, waiting for their own link to replace those of `signature`.
    fn change_row(&self, signature: i64) -> Result<signature_change::ActiveModel, DbErr> {
        let details = serde_json::to_string(&self.valid).map_err(|e| DbErr::Custom(format!("details: {e}")))?;
        Ok(signature_change::ActiveModel {
            signature_id: Set(signature),
            details: Set(details),
            locale: Set(self.locale.clone()),
            token_hash: Set(self.token_hash.clone()),
            token_expires_at: Set(self.now + self.valid_for),
            client_key: Set(self.client.clone()),
            created_at: Set(self.now),
            ..Default::default()
        })
    }
}

/// What signing again with an address already on the petition does.
enum Again {
    /// Confirmed already: nothing changes, and the signer is told the same as anyone.
    Confirmed,
    /// A link went to this address a short while ago: no mail, nothing changes.
    RecentlyMailed,
    /// A new link is mailed: for the same answers, the signature's own (its old link stops
    /// working); for new answers, a pending change's, so that whoever knows a pending signer's
    /// address cannot replace their name: the first link still confirms the first answers.
    Mailed,
}

/// When a link last went to the signer of `stored`: its own, or that of its pending change.
fn last_mailed(
    stored: &signature::Model,
    change: Option<&signature_change::Model>,
    valid_for: Duration,
) -> Option<DateTime<Utc>> {
    stored.token_expires_at.map(|e| e - valid_for).max(change.map(|c| c.created_at))
}

async fn sign_again(
    txn: &DatabaseTransaction,
    stored: &signature::Model,
    change: Option<&signature_change::Model>,
    job: &SignJob,
) -> Result<Again, DbErr> {
    // Invalidated by a moderator: signing again neither revives nor re-mails it.
    if stored.confirmed_at.is_some() || stored.invalidated_at.is_some() {
        return Ok(Again::Confirmed);
    }
    if last_mailed(stored, change, job.valid_for).is_some_and(|last| job.now - last < job.resend_after) {
        return Ok(Again::RecentlyMailed);
    }
    if job.valid.same_as(stored) {
        let mut row: signature::ActiveModel = stored.clone().into();
        row.locale = Set(job.locale.clone());
        row.confirmation_token_hash = Set(Some(job.token_hash.clone()));
        row.token_expires_at = Set(Some(job.now + job.valid_for));
        row.update(txn).await?;
    } else {
        // One pending change per signature: the latest answers, with the latest link.
        signature_change::Entity::delete_many()
            .filter(signature_change::Column::SignatureId.eq(stored.id))
            .exec(txn)
            .await?;
        job.change_row(stored.id)?.insert(txn).await?;
    }
    Ok(Again::Mailed)
}

fn outcome(again: &Again) -> SignOutcome {
    match again {
        Again::Confirmed => SignOutcome::AlreadyConfirmed,
        Again::RecentlyMailed => SignOutcome::AlreadyMailed,
        Again::Mailed => SignOutcome::MailQueued,
    }
}

struct Signing;

/// In a group, an address is either stored already, or was mailed by a job of the same group.
enum Known {
    Stored(Box<signature::Model>),
    MailedNow,
}

impl Work for Signing {
    type Job = SignJob;
    type Out = SignOutcome;
    type Error = DomainError;

    /// One query finds the addresses already on their petitions (one more their pending
    /// changes); new signatures and their mails go in with one statement each. Each job sees
    /// those before it, as if written one by one.
    async fn group(&self, txn: &DatabaseTransaction, jobs: &[SignJob]) -> Result<Vec<SignOutcome>, DbErr> {
        // Mostly one petition: each id once, so the statement binds few values and stays the same.
        let petitions: std::collections::BTreeSet<i64> = jobs.iter().map(|j| j.petition.0).collect();
        let stored = signature::Entity::find()
            .filter(signature::Column::PetitionId.is_in(petitions))
            .filter(signature::Column::EmailCanonical.is_in(jobs.iter().map(|j| j.valid.email_canonical.as_str())))
            .all(txn)
            .await?;
        let pending: Vec<i64> = stored.iter().filter(|s| s.confirmed_at.is_none()).map(|s| s.id).collect();
        let changes: HashMap<i64, signature_change::Model> = if pending.is_empty() {
            HashMap::new()
        } else {
            signature_change::Entity::find()
                .filter(signature_change::Column::SignatureId.is_in(pending))
                .all(txn)
                .await?
                .into_iter()
                .map(|c| (c.signature_id, c))
                .collect()
        };
        let mut known: HashMap<(i64, String), Known> = stored
            .into_iter()
            .map(|s| ((s.petition_id, s.email_canonical.clone()), Known::Stored(Box::new(s))))
            .collect();
        let (mut rows, mut mails, mut outs) = (Vec::new(), Vec::new(), Vec::with_capacity(jobs.len()));
        for job in jobs {
            let key = job.key();
            let again = match known.get(&key) {
                Some(Known::Stored(stored)) => sign_again(txn, stored, changes.get(&stored.id), job).await?,
                // Its link was mailed a moment ago, by this very group.
                Some(Known::MailedNow) => Again::RecentlyMailed,
                None => {
                    rows.push(job.new_row());
                    Again::Mailed
                }
            };
            if matches!(again, Again::Mailed) {
                known.insert(key, Known::MailedNow);
                mails.push((job.petition.0, job.mail.clone()));
            }
            outs.push(outcome(&again));
        }
        if !rows.is_empty() {
            signature::Entity::insert_many(rows).exec_without_returning(txn).await?;
        }
        queue::enqueue_for_petitions(txn, mails, jobs[0].now).await?;
        Ok(outs)
    }

    async fn alone(&self, db: &DatabaseConnection, job: &SignJob) -> DomainResult<SignOutcome> {
        // Two submissions of one address can race to the unique index (another process writing
        // the same database); the loser tries again, and finds the winner's row.
        for _ in 0..2 {
            let txn = crate::db::begin_write(db).await?;
            match sign_alone(&txn, job).await {
                Ok(outcome) => {
                    txn.commit().await?;
                    return Ok(outcome);
                }
                Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => txn.rollback().await?,
                Err(e) => return Err(e.into()),
            }
        }
        Err(DomainError::Refused("error-busy"))
    }
}

async fn sign_alone(txn: &DatabaseTransaction, job: &SignJob) -> Result<SignOutcome, DbErr> {
    let stored = signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(job.petition.0))
        .filter(signature::Column::EmailCanonical.eq(&job.valid.email_canonical))
        .one(txn)
        .await?;
    let again = match stored {
        Some(stored) => {
            let change = signature_change::Entity::find()
                .filter(signature_change::Column::SignatureId.eq(stored.id))
                .one(txn)
                .await?;
            sign_again(txn, &stored, change.as_ref(), job).await?
        }
        None => {
            job.new_row().insert(txn).await?;
            Again::Mailed
        }
    };
    if matches!(again, Again::Mailed) {
        queue::enqueue_for_petitions(txn, vec![(job.petition.0, job.mail.clone())], job.now).await?;
    }
    Ok(outcome(&again))
}

/// A press of the button on the confirmation page.
pub struct ConfirmJob {
    petition: PetitionId,
    token_hash: String,
    now: DateTime<Utc>,
}

struct Confirming;

impl Work for Confirming {
    type Job = ConfirmJob;
    type Out = Confirmed;
    type Error = DomainError;

    /// One query finds the links' signatures, one statement confirms the valid ones.
    async fn group(&self, txn: &DatabaseTransaction, jobs: &[ConfirmJob]) -> Result<Vec<Confirmed>, DbErr> {
        // Locked until the commit: on SQLite the transaction holds the write lock already; on
        // PostgreSQL, FOR UPDATE keeps another process from confirming them meanwhile.
        let found = signature::Entity::find()
            .filter(signature::Column::ConfirmationTokenHash.is_in(jobs.iter().map(|j| j.token_hash.as_str())))
            .lock_exclusive()
            .all(txn)
            .await?;
        let mut by_link: HashMap<(i64, String), signature::Model> =
            found.into_iter().filter_map(|s| Some(((s.petition_id, s.confirmation_token_hash.clone()?), s))).collect();
        let (mut confirm, mut outs, mut at) = (Vec::new(), Vec::with_capacity(jobs.len()), None);
        for job in jobs {
            let s = by_link.get_mut(&(job.petition.0, job.token_hash.clone()));
            let state = signatures::state_of(s.as_deref(), job.now);
            let Some(s) = s else {
                outs.push(Confirmed { state, signer: None });
                continue;
            };
            if state == TokenState::Valid {
                // A second press in the same group finds it confirmed.
                s.confirmed_at = Some(job.now);
                confirm.push(s.id);
                at = at.max(Some(job.now));
            }
            outs.push(Confirmed::of(state, s));
        }
        // Links not of a signature may be of a pending change (rare: one query finds out).
        let unknown: Vec<usize> = (0..jobs.len()).filter(|i| outs[*i].state == TokenState::Unknown).collect();
        if !unknown.is_empty() {
            let hashes = unknown.iter().map(|i| jobs[*i].token_hash.as_str());
            let changes: std::collections::HashSet<String> = signature_change::Entity::find()
                .filter(signature_change::Column::TokenHash.is_in(hashes))
                .all(txn)
                .await?
                .into_iter()
                .map(|c| c.token_hash)
                .collect();
            for i in unknown.into_iter().filter(|i| changes.contains(&jobs[*i].token_hash)) {
                let job = &jobs[i];
                let state = signatures::confirm_change(txn, job.petition, &job.token_hash, job.now).await;
                outs[i] = match state {
                    Ok(confirmed) => {
                        confirmed.unwrap_or(Confirmed { state: TokenState::AlreadyConfirmed, signer: None })
                    }
                    Err(DomainError::Db(e)) => return Err(e),
                    Err(e) => return Err(DbErr::Custom(e.to_string())),
                };
            }
        }
        if let Some(at) = at {
            // By id alone: with `confirmed_at IS NULL` added, SQLite would walk the index of
            // every unconfirmed signature (a hundred thousand in a surge) instead of the ids.
            let done = signature::Entity::update_many()
                .col_expr(signature::Column::ConfirmedAt, Expr::value(at))
                .filter(signature::Column::Id.is_in(confirm.iter().copied()))
                .exec(txn)
                .await?;
            if done.rows_affected != confirm.len() as u64 {
                return Err(DbErr::Custom(format!("{} of {} signatures confirmed", done.rows_affected, confirm.len())));
            }
        }
        Ok(outs)
    }

    async fn alone(&self, db: &DatabaseConnection, job: &ConfirmJob) -> DomainResult<Confirmed> {
        signatures::confirm(db, job.petition, &job.token_hash, job.now).await
    }
}

#[cfg(test)]
mod tests;
