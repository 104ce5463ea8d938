//! The mail queue against a real SMTP listener that refuses, drops, hangs or is down — what an
//! association's rate-limited mail host does.
use crate::common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{SmtpServer, TestApp};
use rustition::entities::mail_job;
use rustition::mail::queue::{self, MailDraft, PRIORITY_BULK, PRIORITY_URGENT};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

const WAIT: Duration = Duration::from_secs(30);

fn draft(n: usize, priority: i16) -> MailDraft {
    MailDraft {
        kind: "test",
        priority,
        recipient: format!("person{n}@example.org"),
        subject: format!("Message {n}"),
        body_text: format!("Body {n}"),
        body_html: None,
        reply_to: None,
    }
}

async fn enqueue(t: &TestApp, n: usize) {
    for i in 0..n {
        queue::enqueue(&t.app().db, draft(i, PRIORITY_URGENT), chrono::Utc::now()).await.unwrap();
    }
    t.app().mail_wake.notify_one();
}

async fn jobs(db: &sea_orm::DatabaseConnection) -> Vec<mail_job::Model> {
    mail_job::Entity::find().order_by_asc(mail_job::Column::Id).all(db).await.unwrap()
}

async fn wait_until_status(db: &sea_orm::DatabaseConnection, status: &str, n: usize) -> Vec<mail_job::Model> {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let all = jobs(db).await;
        if all.iter().filter(|j| j.status == status).count() >= n {
            return all;
        }
        assert!(tokio::time::Instant::now() < deadline, "never {n} jobs {status}: {all:#?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Distinct Message-IDs among what the listener accepted.
fn distinct_ids(smtp: &SmtpServer) -> usize {
    let mut ids: Vec<String> = smtp.received().iter().filter_map(|m| m.header("Message-ID")).collect();
    ids.sort();
    ids.dedup();
    ids.len()
}

#[rocket::async_test]
async fn a_host_answering_451_three_times_gets_the_mail_on_the_fourth_try() {
    let t = TestApp::start().await;
    t.smtp.refuse_next(3, "451 4.7.1 Too much mail, try again later");
    enqueue(&t, 1).await;
    t.smtp.wait_for(1, WAIT).await;
    let all = wait_until_status(&t.app().db, "sent", 1).await;
    assert_eq!(all[0].attempts, 4);
    assert!(all[0].last_error.is_none());
    assert_eq!(t.smtp.received().len(), 1);
}

#[rocket::async_test]
async fn a_550_fails_the_job_after_one_attempt_and_keeps_the_servers_answer() {
    let t = TestApp::start().await;
    t.smtp.refuse_next(1, "550 5.1.1 No such mailbox here");
    enqueue(&t, 1).await;
    let all = wait_until_status(&t.app().db, "failed", 1).await;
    assert_eq!(all[0].attempts, 1);
    assert!(all[0].last_error.as_deref().unwrap_or_default().contains("No such mailbox here"), "{:?}", all[0]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(t.smtp.received().is_empty());
    assert_eq!(jobs(&t.app().db).await[0].attempts, 1, "never retried");
}

#[rocket::async_test]
async fn a_dropped_connection_is_retried() {
    let t = TestApp::start().await;
    t.smtp.drop_next(1);
    enqueue(&t, 1).await;
    t.smtp.wait_for(1, WAIT).await;
    let all = wait_until_status(&t.app().db, "sent", 1).await;
    assert_eq!(all[0].attempts, 2);
}

#[rocket::async_test]
async fn mail_waits_for_a_host_that_is_down_and_all_of_it_arrives_once_it_is_up() {
    let port = SmtpServer::reserve_port().await;
    let t = TestApp::start_with(|s| {
        s.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        // One sending loop, so that the attempts counted below are those of one queue.
        s.mail.concurrency = 1;
    })
    .await;
    enqueue(&t, 3).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let waiting = jobs(&t.app().db).await;
    assert!(waiting.iter().all(|j| j.status == "queued" && j.sent_at.is_none()), "{waiting:#?}");
    assert!(waiting.iter().any(|j| j.attempts >= 1 && j.last_error.is_some()), "tried and failed: {waiting:#?}");
    assert!(waiting.iter().map(|j| j.attempts).sum::<i32>() <= 4, "the whole queue backs off: {waiting:#?}");

    let smtp = SmtpServer::start_on(port).await;
    smtp.wait_for(3, WAIT).await;
    wait_until_status(&t.app().db, "sent", 3).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.received().len(), 3);
    assert_eq!(distinct_ids(&smtp), 3);
}

#[rocket::async_test]
async fn no_more_than_max_per_minute_mails_leave_in_a_minute() {
    let t = TestApp::start_with(|s| s.mail.max_per_minute = 3).await;
    enqueue(&t, 6).await;
    t.smtp.wait_for(3, WAIT).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(t.smtp.received().len(), 3, "the fourth waits for the minute to pass");
    let all = jobs(&t.app().db).await;
    assert_eq!(all.iter().filter(|j| j.status == "queued").count(), 3);
}

#[rocket::async_test]
async fn confirmations_are_claimed_before_bulk_mail() {
    let dir = tempfile::tempdir().unwrap();
    let smtp = SmtpServer::start().await;
    // The app without its worker: only the order of claims is looked at.
    let app = rustition::build_app(common::test_settings(dir.path(), &smtp).await).await.unwrap();
    let now = chrono::Utc::now();
    for i in 0..3 {
        queue::enqueue(&app.db, draft(i, PRIORITY_BULK), now).await.unwrap();
    }
    let urgent = queue::enqueue(&app.db, draft(9, PRIORITY_URGENT), now).await.unwrap();
    let first = queue::claim(&app.db, now, now + chrono::Duration::minutes(1)).await.unwrap().unwrap();
    assert_eq!(first.id, urgent);
    assert_eq!(first.status, "sending");
    let second = queue::claim(&app.db, now, now + chrono::Duration::minutes(1)).await.unwrap().unwrap();
    assert_eq!(second.priority, PRIORITY_BULK);
}

/// A `rustition worker` process on the test's database, sending to `smtp`.
fn spawn_worker(db_url: &str, data_dir: &std::path::Path, smtp: &SmtpServer, lease_seconds: u64) -> Child {
    spawn("worker", db_url, data_dir, smtp, lease_seconds)
}

/// `rustition <command>` (`worker`, or `serve` on a port of its choosing) on the test's database.
fn spawn(command: &str, db_url: &str, data_dir: &std::path::Path, smtp: &SmtpServer, lease_seconds: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rustition"))
        .arg(command)
        .env("RUSTITION_SERVER__PORT", "0")
        .current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", data_dir)
        .env("RUSTITION_DATABASE__URL", db_url)
        .env("RUSTITION_MAIL__TRANSPORT", "smtp")
        .env("RUSTITION_MAIL__SMTP_URL", smtp.url())
        .env("RUSTITION_MAIL__MAX_PER_MINUTE", "1000000")
        .env("RUSTITION_MAIL__POLL_INTERVAL_MS", "50")
        .env("RUSTITION_MAIL__RETRY_INITIAL_SECONDS", "0.2")
        .env("RUSTITION_MAIL__RETRY_MAX_SECONDS", "1")
        .env("RUSTITION_MAIL__LEASE_SECONDS", lease_seconds.to_string())
        .env("RUSTITION_MAIL__SMTP_TIMEOUT_SECONDS", (lease_seconds - 1).to_string())
        .env("RUSTITION_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start rustition worker")
}

struct Killed(Vec<Child>);

impl Drop for Killed {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A database with `n` mails queued and no worker of its own (processes are started by the test).
async fn queued_without_worker(n: usize) -> (tempfile::TempDir, SmtpServer, String, rustition::App) {
    let dir = tempfile::tempdir().unwrap();
    let smtp = SmtpServer::start().await;
    let settings = common::test_settings(dir.path(), &smtp).await;
    let db_url = settings.database_url();
    let app = rustition::build_app(settings).await.unwrap();
    let now = chrono::Utc::now();
    for i in 0..n {
        queue::enqueue(&app.db, draft(i, PRIORITY_URGENT), now).await.unwrap();
    }
    (dir, smtp, db_url, app)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_worker_processes_deliver_a_thousand_mails_exactly_once() {
    let (dir, smtp, db_url, app) = queued_without_worker(1000).await;
    let _workers =
        Killed(vec![spawn_worker(&db_url, dir.path(), &smtp, 10), spawn_worker(&db_url, dir.path(), &smtp, 10)]);
    smtp.wait_for(1000, Duration::from_secs(120)).await;
    wait_until_status(&app.db, "sent", 1000).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(smtp.received().len(), 1000, "no mail sent twice");
    assert_eq!(distinct_ids(&smtp), 1000);
    let mut recipients: Vec<String> = smtp.received().into_iter().flat_map(|m| m.to).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 1000, "each recipient exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_of_a_server_killed_while_sending_are_delivered_after_restart() {
    let (dir, smtp, db_url, app) = queued_without_worker(5).await;
    smtp.hang_next(1);
    let mut first = Killed(vec![spawn("serve", &db_url, dir.path(), &smtp, 4)]);
    // Wait until the worker is stuck sending, then kill it without warning.
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let sending =
            mail_job::Entity::find().filter(mail_job::Column::Status.eq("sending")).all(&app.db).await.unwrap();
        if !sending.is_empty() {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "the worker never started sending");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let child = &mut first.0[0];
    Command::new("kill").args(["-9", &child.id().to_string()]).status().unwrap();
    let _ = child.wait();
    let stuck = mail_job::Entity::find().filter(mail_job::Column::Status.eq("sending")).all(&app.db).await.unwrap();
    assert!(!stuck.is_empty(), "a job was being sent at the kill");

    let _second = Killed(vec![spawn("serve", &db_url, dir.path(), &smtp, 4)]);
    smtp.wait_for(5, WAIT).await;
    let all = wait_until_status(&app.db, "sent", 5).await;
    assert!(all.iter().all(|j| j.status == "sent"), "none left stuck: {all:#?}");
    let mut recipients: Vec<String> = smtp.received().into_iter().flat_map(|m| m.to).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 5, "every job delivered");
}

#[rocket::async_test]
async fn sent_mail_older_than_the_retention_is_purged_and_nothing_else() {
    let t = TestApp::start().await;
    enqueue(&t, 2).await;
    wait_until_status(&t.app().db, "sent", 2).await;
    let db = &t.app().db;
    use sea_orm::sea_query::Expr;
    mail_job::Entity::update_many()
        .col_expr(mail_job::Column::SentAt, Expr::value(chrono::Utc::now() - chrono::Duration::days(31)))
        .filter(mail_job::Column::Recipient.eq("person0@example.org"))
        .exec(db)
        .await
        .unwrap();
    queue::enqueue(db, draft(7, PRIORITY_BULK), chrono::Utc::now() + chrono::Duration::days(1)).await.unwrap();
    let purged = queue::purge_sent(db, chrono::Utc::now(), 30).await.unwrap();
    assert_eq!(purged, 1);
    let left: Vec<String> = jobs(db).await.into_iter().map(|j| j.recipient).collect();
    assert_eq!(left, ["person1@example.org", "person7@example.org"]);
}

/// A worker claims several jobs at once: each batch takes jobs no other batch holds, within the
/// minute's budget; the sends are recorded together, and only while each attempt still holds its
/// job, so a worker whose lease ran out cannot record a mail another worker has claimed since.
#[tokio::test]
async fn batches_are_claimed_once_within_the_budget_and_recorded_only_while_leased() {
    use rustition::mail::batch::{self, Claimed};
    let (_dir, _smtp, _url, app) = queued_without_worker(10).await;
    let db = &app.db;
    let now = chrono::Utc::now();
    let lease = now + chrono::Duration::seconds(60);
    let claim = |limit, budget| batch::claim_batch(db, now, lease, budget, limit);
    let Claimed::Jobs(first) = claim(4, 1000).await.unwrap() else { panic!("a batch") };
    let Claimed::Jobs(second) = claim(4, 1000).await.unwrap() else { panic!("a batch") };
    // The budget (10 a minute, 8 used) lets only 2 more go.
    let Claimed::Jobs(third) = claim(4, 10).await.unwrap() else { panic!("a batch") };
    assert!(matches!(claim(4, 10).await.unwrap(), Claimed::Wait(_)), "the minute's budget is spent");
    let mut ids: Vec<i64> = first.iter().chain(&second).chain(&third).map(|j| j.id).collect();
    assert_eq!((first.len(), second.len(), third.len()), (4, 4, 2));
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10, "no job in two batches");
    let held: Vec<queue::Lease> = first.iter().map(queue::Lease::of).collect();
    assert!(first.iter().all(|j| j.status == "sending" && j.lease_until.is_some() && j.attempts == 1));

    // The first batch's worker stalls past its lease; its jobs are claimed again by another.
    let later = lease + chrono::Duration::seconds(1);
    assert_eq!(queue::release_expired_leases(db, later).await.unwrap(), 10);
    let Claimed::Jobs(again) =
        batch::claim_batch(db, later, later + chrono::Duration::seconds(60), 1000, 4).await.unwrap()
    else {
        panic!("a batch")
    };
    assert_eq!(again.iter().map(|j| j.id).collect::<Vec<_>>(), first.iter().map(|j| j.id).collect::<Vec<_>>());
    assert_eq!(batch::mark_sent_many(db, &held, later).await.unwrap(), 0, "the stale attempt records nothing");
    let fresh: Vec<queue::Lease> = again.iter().map(queue::Lease::of).collect();
    assert_eq!(batch::mark_sent_many(db, &fresh, later).await.unwrap(), 4);
    assert_eq!(batch::mark_sent_many(db, &fresh, later).await.unwrap(), 0, "once only");
    let all = jobs(db).await;
    assert_eq!(all.iter().filter(|j| j.status == "sent").count(), 4);
    assert!(all.iter().filter(|j| j.status == "sent").all(|j| j.body_text.is_empty() && j.lease_until.is_none()));
}
