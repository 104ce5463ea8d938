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
    self, ComposeConfirmation, ConfirmationMail, RESEND_AFTER, SignOutcome, SignRequest, TokenState, Valid,
};
use crate::domain::{DomainError, DomainResult, tokens};
use crate::entities::{mail_job, signature};
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

    /// Records a prepared signature with its confirmation mail; answers once committed.
    pub async fn sign(&self, job: SignJob) -> DomainResult<SignOutcome> {
        self.signing.write(job).await.map_err(flatten)
    }

    /// Confirms the signature `token` belongs to; answers once committed.
    pub async fn confirm(&self, petition: PetitionId, token: &str, now: DateTime<Utc>) -> DomainResult<TokenState> {
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
    let mail = composer.compose(&ConfirmationMail {
        petition,
        recipient: &valid.email,
        locale: request.locale,
        confirm_path: signatures::confirm_path(petition.id, &token),
    });
    Ok(SignJob {
        petition: petition.id,
        valid,
        locale: request.locale.to_string(),
        token_hash: tokens::hash_token(&token),
        valid_for: request.valid_for,
        now: request.now,
        mail,
    })
}

impl SignJob {
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
            ..Default::default()
        };
        self.valid.write(&mut row);
        row
    }

    /// This signer's answers replace those of an earlier, unconfirmed signing.
    fn update(&self, row: &mut signature::ActiveModel) {
        self.valid.write(row);
        row.locale = Set(self.locale.clone());
    }
}

/// What signing again with an address already on the petition does.
enum Again {
    /// Confirmed already: nothing changes, and the signer is told the same as anyone.
    Confirmed,
    /// Pending: the answers are updated, and a new link is mailed unless one was a moment ago
    /// (so that re-submitting the form cannot flood someone's mailbox).
    Updated { row: Box<signature::Model>, send: bool },
}

async fn sign_again(txn: &DatabaseTransaction, stored: &signature::Model, job: &SignJob) -> Result<Again, DbErr> {
    if stored.confirmed_at.is_some() {
        return Ok(Again::Confirmed);
    }
    let issued = stored.token_expires_at.map(|e| e - job.valid_for);
    let send = issued.is_none_or(|issued| job.now - issued >= RESEND_AFTER);
    let mut row: signature::ActiveModel = stored.clone().into();
    job.update(&mut row);
    if send {
        row.confirmation_token_hash = Set(Some(job.token_hash.clone()));
        row.token_expires_at = Set(Some(job.now + job.valid_for));
    }
    Ok(Again::Updated { row: Box::new(row.update(txn).await?), send })
}

struct Signing;

/// In a group, an address is either stored already or added earlier in the same group.
enum Known {
    Stored(Box<signature::Model>),
    Added(usize),
}

impl Work for Signing {
    type Job = SignJob;
    type Out = SignOutcome;
    type Error = DomainError;

    /// One query finds the addresses already on their petitions; new signatures and their mails
    /// go in with one statement each. Each job sees those before it, as if written one by one.
    async fn group(&self, txn: &DatabaseTransaction, jobs: &[SignJob]) -> Result<Vec<SignOutcome>, DbErr> {
        // Mostly one petition: each id once, so the statement binds few values and stays the same.
        let petitions: std::collections::BTreeSet<i64> = jobs.iter().map(|j| j.petition.0).collect();
        let stored = signature::Entity::find()
            .filter(signature::Column::PetitionId.is_in(petitions))
            .filter(signature::Column::EmailCanonical.is_in(jobs.iter().map(|j| j.valid.email_canonical.as_str())))
            .all(txn)
            .await?;
        let mut known: HashMap<(i64, String), Known> = stored
            .into_iter()
            .map(|s| ((s.petition_id, s.email_canonical.clone()), Known::Stored(Box::new(s))))
            .collect();
        let (mut rows, mut mails, mut outs) = (Vec::new(), Vec::new(), Vec::with_capacity(jobs.len()));
        for job in jobs {
            let key = job.key();
            let out = match known.get_mut(&key) {
                Some(Known::Stored(stored)) => match sign_again(txn, stored, job).await? {
                    Again::Confirmed => SignOutcome::AlreadyConfirmed,
                    Again::Updated { row, send } => {
                        *stored = row;
                        if send {
                            mails.push(queue::job_row(job.mail.clone(), job.now));
                        }
                        SignOutcome::MailQueued
                    }
                },
                // Its link was mailed a moment ago: no second mail.
                Some(Known::Added(i)) => {
                    job.update(&mut rows[*i]);
                    SignOutcome::MailQueued
                }
                None => {
                    known.insert(key, Known::Added(rows.len()));
                    rows.push(job.new_row());
                    mails.push(queue::job_row(job.mail.clone(), job.now));
                    SignOutcome::MailQueued
                }
            };
            outs.push(out);
        }
        if !rows.is_empty() {
            signature::Entity::insert_many(rows).exec_without_returning(txn).await?;
        }
        if !mails.is_empty() {
            mail_job::Entity::insert_many(mails).exec_without_returning(txn).await?;
        }
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
    let send = match stored {
        Some(stored) => match sign_again(txn, &stored, job).await? {
            Again::Confirmed => return Ok(SignOutcome::AlreadyConfirmed),
            Again::Updated { send, .. } => send,
        },
        None => {
            job.new_row().insert(txn).await?;
            true
        }
    };
    if send {
        queue::enqueue(txn, job.mail.clone(), job.now).await?;
    }
    Ok(SignOutcome::MailQueued)
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
    type Out = TokenState;
    type Error = DomainError;

    /// One query finds the links' signatures, one statement confirms the valid ones.
    async fn group(&self, txn: &DatabaseTransaction, jobs: &[ConfirmJob]) -> Result<Vec<TokenState>, DbErr> {
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
            if let Some(s) = s.filter(|_| state == TokenState::Valid) {
                // A second press in the same group finds it confirmed.
                s.confirmed_at = Some(job.now);
                confirm.push(s.id);
                at = at.max(Some(job.now));
            }
            outs.push(state);
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

    async fn alone(&self, db: &DatabaseConnection, job: &ConfirmJob) -> DomainResult<TokenState> {
        signatures::confirm(db, job.petition, &job.token_hash, job.now).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::ConnectionTrait;

    use crate::domain::petition::petitions;
    use crate::domain::signature::signatures::SignInput;
    use crate::entities::petition;

    /// The mail's text is its link: enough to confirm with.
    struct LinkOnly;
    impl ComposeConfirmation for LinkOnly {
        fn compose(&self, mail: &ConfirmationMail<'_>) -> MailDraft {
            MailDraft {
                kind: "confirm",
                priority: queue::PRIORITY_URGENT,
                recipient: mail.recipient.to_string(),
                subject: String::new(),
                body_text: mail.confirm_path.clone(),
                body_html: None,
                reply_to: None,
            }
        }
    }

    /// A migrated SQLite file with the demo petition.
    async fn database() -> (tempfile::TempDir, DatabaseConnection, PublicPetition) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut settings = crate::config::Settings::default();
        settings.database.url = Some(format!("sqlite://{}/intake.db?mode=rwc", dir.path().display()));
        let db = crate::db::connect(&settings).await.expect("database");
        crate::db::migrate(&db).await.expect("migrations");
        crate::domain::demo::seed(&db).await.expect("demo petition");
        let id = petition::Entity::find().one(&db).await.expect("query").expect("a petition").id;
        let shown = petitions::public_by_id(&db, PetitionId(id)).await.expect("public petition");
        (dir, db, shown)
    }

    fn job(petition: &PublicPetition, first_name: &str, email: &str) -> SignJob {
        let input = SignInput {
            first_name: first_name.into(),
            last_name: "Doe".into(),
            email: email.into(),
            ..Default::default()
        };
        let request = SignRequest { input: &input, locale: "en", valid_for: Duration::hours(48), now: Utc::now() };
        prepare(petition, request, &LinkOnly).expect("a valid signature")
    }

    async fn in_one_group<W: Work>(db: &DatabaseConnection, work: W, jobs: &[W::Job]) -> Vec<W::Out> {
        let txn = crate::db::begin_write(db).await.expect("begin");
        let outs = work.group(&txn, jobs).await.expect("the group is written");
        txn.commit().await.expect("commit");
        outs
    }

    async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
        let row = db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await;
        row.expect("query").expect("a row").try_get_by_index(0).expect("a count")
    }

    #[tokio::test]
    async fn an_address_twice_in_one_group_is_one_signature_with_the_later_answers_and_one_mail() {
        let (_dir, db, p) = database().await;
        let jobs =
            [job(&p, "Ann", "ann@example.org"), job(&p, "Bob", "bob@example.org"), job(&p, "Anna", "Ann@Example.org")];
        let outs = in_one_group(&db, Signing, &jobs).await;
        assert_eq!(outs, [SignOutcome::MailQueued, SignOutcome::MailQueued, SignOutcome::MailQueued]);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures").await, 2);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE first_name = 'Anna'").await, 1);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM mail_queue").await, 2);

        // A later group finds Ann stored and mailed a moment ago: her answers change, no new mail.
        let outs = in_one_group(&db, Signing, &[job(&p, "Annie", "ann@example.org")]).await;
        assert_eq!(outs, [SignOutcome::MailQueued]);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE first_name = 'Annie'").await, 1);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM mail_queue").await, 2);
    }

    #[tokio::test]
    async fn one_link_pressed_twice_in_a_group_confirms_once_and_a_stranger_link_nothing() {
        let (_dir, db, p) = database().await;
        let signed = job(&p, "Ann", "ann@example.org");
        let token = signed.mail.body_text.rsplit('/').next().expect("a token").to_string();
        in_one_group(&db, Signing, &[signed]).await;
        let press = |token: &str| ConfirmJob { petition: p.id, token_hash: tokens::hash_token(token), now: Utc::now() };
        let outs = in_one_group(&db, Confirming, &[press(&token), press("no-such-token"), press(&token)]).await;
        assert_eq!(outs, [TokenState::Valid, TokenState::Unknown, TokenState::AlreadyConfirmed]);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 1);

        // Confirmed, the same address signing again is told the same and changes nothing.
        let outs = in_one_group(&db, Signing, &[job(&p, "Mallory", "ann@example.org")]).await;
        assert_eq!(outs, [SignOutcome::AlreadyConfirmed]);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE first_name = 'Ann'").await, 1);
    }

    #[tokio::test]
    async fn a_crowd_through_the_queue_is_answered_once_each_after_its_commit() {
        let (_dir, db, p) = database().await;
        let intake = Intake::start(&db);
        let signers: Vec<SignJob> =
            (0..60).map(|i| job(&p, "Crowd", &format!("signer{}@example.org", i % 50))).collect();
        // Joined, so that they queue together.
        let answers = rocket::futures::future::join_all(signers.into_iter().map(|j| intake.sign(j))).await;
        assert!(answers.iter().all(|a| matches!(a, Ok(SignOutcome::MailQueued))), "{answers:?}");
        assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures").await, 50);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM mail_queue").await, 50);
    }
}
