//! The group writers against a real SQLite database, one group at a time.
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
    let input =
        SignInput { first_name: first_name.into(), last_name: "Doe".into(), email: email.into(), ..Default::default() };
    prepared(petition, &input, Utc::now())
}

/// `input` checked and ready to write, as signed at `now`.
fn prepared(petition: &PublicPetition, input: &SignInput, now: DateTime<Utc>) -> SignJob {
    let request = SignRequest {
        input,
        locale: "en",
        valid_for: Duration::hours(48),
        resend_after: Duration::hours(1),
        client: None,
        withdraw: &withdrawal::WithdrawKey::new(b"test".to_vec()),
        now,
    };
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
async fn an_address_twice_in_one_group_is_one_signature_with_the_first_answers_and_one_mail() {
    let (_dir, db, p) = database().await;
    let jobs =
        [job(&p, "Ann", "ann@example.org"), job(&p, "Bob", "bob@example.org"), job(&p, "Anna", "Ann@Example.org")];
    let outs = in_one_group(&db, Signing, &jobs).await;
    assert_eq!(outs, [SignOutcome::MailQueued, SignOutcome::MailQueued, SignOutcome::AlreadyMailed]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures").await, 2);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE first_name = 'Ann'").await, 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM mail_queue").await, 2);

    // A later group finds Ann stored and mailed a moment ago: nothing changes, no new mail.
    let outs = in_one_group(&db, Signing, &[job(&p, "Annie", "ann@example.org")]).await;
    assert_eq!(outs, [SignOutcome::AlreadyMailed]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE first_name = 'Ann'").await, 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM mail_queue").await, 2);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signature_changes").await, 0);
}

#[tokio::test]
async fn one_link_pressed_twice_in_a_group_confirms_once_and_a_stranger_link_nothing() {
    let (_dir, db, p) = database().await;
    let signed = job(&p, "Ann", "ann@example.org");
    let token = signed.mail.body_text.rsplit('/').next().expect("a token").to_string();
    in_one_group(&db, Signing, &[signed]).await;
    let press = |token: &str| ConfirmJob { petition: p.id, token_hash: tokens::hash_token(token), now: Utc::now() };
    let outs = in_one_group(&db, Confirming, &[press(&token), press("no-such-token"), press(&token)]).await;
    let states: Vec<TokenState> = outs.iter().map(|o| o.state).collect();
    assert_eq!(states, [TokenState::Valid, TokenState::Unknown, TokenState::AlreadyConfirmed]);
    assert!(outs[0].signer.is_some() && outs[1].signer.is_none() && outs[0].signer == outs[2].signer);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE confirmed_at IS NOT NULL").await, 1);

    // Confirmed, the same address signing again is told the same and changes nothing.
    let outs = in_one_group(&db, Signing, &[job(&p, "Mallory", "ann@example.org")]).await;
    assert_eq!(outs, [SignOutcome::AlreadyConfirmed]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE first_name = 'Ann'").await, 1);
}

#[tokio::test]
async fn ticking_the_public_name_box_when_signing_again_waits_for_its_own_link() {
    let (_dir, db, mut p) = database().await;
    p.fields.show_signer_names = true;
    in_one_group(&db, Signing, &[job(&p, "Ann", "ann@example.org")]).await;
    let input = SignInput {
        first_name: "Ann".into(),
        last_name: "Doe".into(),
        email: "ann@example.org".into(),
        name_public: true,
        ..Default::default()
    };
    let again = prepared(&p, &input, Utc::now() + Duration::hours(2));
    let token = again.mail.body_text.rsplit('/').next().expect("a token").to_string();
    assert_eq!(in_one_group(&db, Signing, &[again]).await, [SignOutcome::MailQueued]);
    // Whoever knows a pending signer's address cannot publish their name: the choice waits.
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signature_changes").await, 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE name_public").await, 0);
    let press = ConfirmJob { petition: p.id, token_hash: tokens::hash_token(&token), now: Utc::now() };
    let outs = in_one_group(&db, Confirming, &[press]).await;
    assert_eq!(outs.iter().map(|o| o.state).collect::<Vec<_>>(), [TokenState::Valid]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures WHERE name_public AND confirmed_at IS NOT NULL").await, 1);
}

#[tokio::test]
async fn a_crowd_through_the_queue_is_answered_once_each_after_its_commit() {
    let (_dir, db, p) = database().await;
    let intake = Intake::start(&db);
    let signers: Vec<SignJob> = (0..60).map(|i| job(&p, "Crowd", &format!("signer{}@example.org", i % 50))).collect();
    // Joined, so that they queue together.
    let answers = rocket::futures::future::join_all(signers.into_iter().map(|j| intake.sign(j))).await;
    let mailed = answers.iter().filter(|a| matches!(a, Ok(SignOutcome::MailQueued))).count();
    let again = answers.iter().filter(|a| matches!(a, Ok(SignOutcome::AlreadyMailed))).count();
    assert_eq!((mailed, again), (50, 10), "{answers:?}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM signatures").await, 50);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM mail_queue").await, 50);
}
