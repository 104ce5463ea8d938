//! Stopping the server: SIGTERM during a crowd of signers loses no signature the server
//! answered for, and the mail worker leaves no job held ("sending") for a lease to expire.
use std::sync::{Arc, Mutex};

use rustition::entities::{mail_job, signature};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::common::{self, SmtpServer, http::Browser, process::Server};

/// One signer after another from the same task, until the server stops answering: each opens
/// the petition (for the form's token), then signs with an address of its own. Returns the
/// addresses whose signature the server acknowledged (303, the thank-you redirect).
async fn sign_until_stopped(port: u16, id: i64, task: usize, acknowledged: Arc<Mutex<Vec<String>>>) -> usize {
    let mut tries = 0;
    for n in 0.. {
        let signer = Browser::new(port);
        let Ok(page) = signer.try_get(&format!("/p/{id}")).await else { break };
        if page.status != 200 {
            break;
        }
        let token = common::csrf_token(&page.text());
        let email = format!("signer-{task}-{n}@example.org");
        let fields = [("csrf_token", token.as_str()), ("first_name", "Jo"), ("last_name", "Doe"), ("email", &email)];
        tries += 1;
        match signer.try_post_form(&format!("/p/{id}/sign"), &fields).await {
            Ok(r) if r.status == 303 => acknowledged.lock().unwrap().push(email),
            // Refused while stopping (503) or cut off: not acknowledged, so not owed.
            Ok(_) | Err(_) => break,
        }
    }
    tries
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_keeps_every_acknowledged_signature_and_gives_back_the_mail_being_sent() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let database = common::fresh_database(dir.path()).await;
    let smtp = SmtpServer::start().await;
    // The first confirmation mail never gets an answer: the worker is sending it at SIGTERM.
    smtp.hang_next(1);
    let smtp_url = smtp.url();
    let env = [
        ("RUSTITION_MAIL__TRANSPORT", "smtp"),
        ("RUSTITION_MAIL__SMTP_URL", smtp_url.as_str()),
        ("RUSTITION_MAIL__MAX_PER_MINUTE", "1000000"),
        ("RUSTITION_MAIL__LEASE_SECONDS", "600"),
        ("RUSTITION_MAIL__SMTP_TIMEOUT_SECONDS", "500"),
        ("RUSTITION_SERVER__SHUTDOWN_GRACE_SECONDS", "2"),
        ("RUSTITION_SIGNING__PER_CLIENT_PER_MINUTE", "1000000"),
        ("RUSTITION_SIGNING__PER_PETITION_PER_MINUTE", "1000000"),
    ];
    let mut server = Server::start_with_env(&dir.path().join("data"), Some(&database), &env).await;
    let id = common::seed::alice_with_petition(&database).await.0;
    let db = sea_orm::Database::connect(&database).await.expect("the server's database");

    // A first signer, whose mail hangs.
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let first = tokio::spawn(sign_until_stopped(server.port, id, usize::MAX, acknowledged.clone()));
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    while mail_job::Entity::find().filter(mail_job::Column::Status.eq("sending")).all(&db).await.unwrap().is_empty() {
        assert!(tokio::time::Instant::now() < deadline, "the worker never started sending");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // A crowd, and SIGTERM once a good number of them have been answered.
    let crowd: Vec<_> =
        (0..48).map(|task| tokio::spawn(sign_until_stopped(server.port, id, task, acknowledged.clone()))).collect();
    while acknowledged.lock().unwrap().len() < 200 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    server.sigterm();
    let mut tries = first.await.unwrap();
    for task in crowd {
        tries += task.await.unwrap();
    }
    let status = server.exit_status().await;
    assert!(status.success(), "the server exits cleanly after SIGTERM: {status:?}");

    let acknowledged = acknowledged.lock().unwrap().clone();
    let stored: std::collections::HashSet<String> =
        signature::Entity::find().all(&db).await.unwrap().into_iter().map(|s| s.email_canonical).collect();
    let lost: Vec<&String> = acknowledged.iter().filter(|e| !stored.contains(*e)).collect();
    eprintln!("{} acknowledged of {tries} tried; {} stored", acknowledged.len(), stored.len());
    assert!(acknowledged.len() >= 200);
    assert!(lost.is_empty(), "acknowledged but not stored: {lost:?}");

    let jobs = mail_job::Entity::find().all(&db).await.unwrap();
    let held: Vec<_> = jobs.iter().filter(|j| j.status == "sending").collect();
    assert!(held.is_empty(), "jobs left held by the stopped worker: {held:#?}");
    let given_back = jobs.iter().find(|j| j.last_error.as_deref() == Some("the worker stopped during the send"));
    let given_back = given_back.expect("the mail that hung was given back");
    assert_eq!(given_back.status, "queued", "due again at once for the next worker");
    assert!(given_back.lease_until.is_none());
}

/// `rustition worker` stops the same way: at SIGTERM it gives back the mail it could not finish
/// within the grace, and exits with 0; the job is due at once, for another worker.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_process_given_sigterm_mid_send_gives_its_job_back_and_exits_cleanly() {
    use rustition::mail::queue;
    let dir = tempfile::tempdir().expect("temporary folder");
    let smtp = SmtpServer::start().await;
    smtp.hang_next(1);
    let settings = common::test_settings(dir.path(), &smtp).await;
    let db_url = settings.database_url();
    let app = rustition::build_app(settings).await.unwrap();
    let draft = crate::common::test_mail;
    queue::enqueue(&app.db, draft("stuck@example.org"), chrono::Utc::now()).await.unwrap();

    let mut worker = std::process::Command::new(env!("CARGO_BIN_EXE_rustition"))
        .arg("worker")
        .current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", dir.path())
        .env("RUSTITION_DATABASE__URL", &db_url)
        .env("RUSTITION_MAIL__TRANSPORT", "smtp")
        .env("RUSTITION_MAIL__SMTP_URL", smtp.url())
        .env("RUSTITION_MAIL__POLL_INTERVAL_MS", "50")
        .env("RUSTITION_MAIL__LEASE_SECONDS", "600")
        .env("RUSTITION_MAIL__SMTP_TIMEOUT_SECONDS", "500")
        .env("RUSTITION_SERVER__SHUTDOWN_GRACE_SECONDS", "1")
        .env("RUSTITION_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("start rustition worker");
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    while mail_job::Entity::find().filter(mail_job::Column::Status.eq("sending")).all(&app.db).await.unwrap().is_empty()
    {
        assert!(tokio::time::Instant::now() < deadline, "the worker never started sending");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let term = std::process::Command::new("kill").args(["-TERM", &worker.id().to_string()]).status().unwrap();
    assert!(term.success());
    let status = loop {
        if let Some(status) = worker.try_wait().unwrap() {
            break status;
        }
        assert!(tokio::time::Instant::now() < deadline, "the worker never exited");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
    let jobs = mail_job::Entity::find().all(&app.db).await.unwrap();
    let stuck = jobs.iter().find(|j| j.recipient == "stuck@example.org").unwrap();
    assert_eq!((stuck.status.as_str(), stuck.lease_until), ("queued", None), "given back: {stuck:#?}");
    assert!(stuck.next_attempt_at <= chrono::Utc::now(), "due at once");
    assert!(smtp.received().is_empty());
}
