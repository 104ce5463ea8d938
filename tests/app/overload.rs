//! Load shedding: past `[server] max_in_flight` requests at once, a visitor gets a short page in
//! their language, 503 and `Retry-After`, at once; health probes always get through; the
//! request let in finishes as usual. A signature held up by a locked database keeps the one
//! place of a limit of 1 taken, without any timing.
use crate::common;

use common::{TestApp, csrf_token, encode};
use rocket::http::{ContentType, Header, Status};
use sea_orm::ConnectionTrait;

#[rocket::async_test]
async fn past_the_limit_a_visitor_is_told_to_come_back_and_probes_still_pass() {
    let t = TestApp::start_with(|s| {
        s.server.max_in_flight = 1;
        s.server.retry_after_seconds = 7;
    })
    .await;
    let id = t.petition().await;
    let page = format!("/p/{id}");
    let (status, html) = t.get(&page).await;
    assert_eq!(status, Status::Ok);
    let body = [
        ("csrf_token", csrf_token(&html)),
        ("first_name", "Ada".into()),
        ("last_name", "Lovelace".into()),
        ("email", "ada@example.org".into()),
        ("phone", String::new()),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", encode(v)))
    .collect::<Vec<_>>()
    .join("&");

    // Another connection holds the database's write lock, so the signature waits in its handler.
    let other = rustition::db::connect(&t.app().settings).await.expect("a second connection");
    let lock = rustition::db::begin_write(&other).await.expect("a write transaction");
    if lock.get_database_backend() == sea_orm::DbBackend::Postgres {
        lock.execute_unprepared("LOCK TABLE signatures IN ACCESS EXCLUSIVE MODE").await.expect("lock");
    } else {
        lock.execute_unprepared("UPDATE mail_throttle SET level = level").await.expect("take the write lock");
    }
    let signing = t.client.post(format!("/p/{id}/sign")).header(ContentType::Form).body(body).dispatch();
    tokio::pin!(signing);

    // While it waits, the next visitor is turned away (polled after the signature each time).
    let mut turned_away = None;
    for _ in 0..200 {
        tokio::select! {
            biased;
            _ = &mut signing => panic!("the signature went through while the database was locked"),
            r = t.client.get(page.clone()).header(Header::new("Accept-Language", "fr")).dispatch() => {
                if r.status() == Status::ServiceUnavailable {
                    turned_away = Some((r.headers().get_one("Retry-After").map(str::to_string), r.into_string().await.unwrap_or_default()));
                    break;
                }
            }
        }
    }
    let (retry_after, busy) = turned_away.expect("a request past the limit is answered 503");
    assert_eq!(retry_after.as_deref(), Some("7"));
    assert!(busy.contains("Beaucoup de monde utilise ce site en ce moment"), "{busy}");
    // Probes are never turned away.
    let health = t.client.get("/healthz").dispatch().await;
    assert_eq!(health.status(), Status::Ok);
    drop(health);

    // The lock goes: the signature is taken, and once it is answered the next visitor is let in.
    lock.rollback().await.expect("release the lock");
    let signed = signing.await;
    assert_eq!(signed.status(), Status::SeeOther, "the signature let in is taken");
    drop(signed);
    let (status, _) = t.get(&page).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1);
}

/// Asked for directly, the busy page does not exist.
#[rocket::async_test]
async fn the_busy_page_is_only_for_requests_turned_away() {
    let t = TestApp::start().await;
    let (status, _) = t.get("/_overloaded").await;
    assert_eq!(status, Status::NotFound);
}

/// Writes are synced to disk at each commit by default (`PRAGMA synchronous` 2 = FULL), on the
/// pool and on the writer's connection; `normal` (1) when configured.
#[rocket::async_test]
async fn sqlite_syncs_every_commit_unless_told_otherwise() {
    async fn synchronous(db: &sea_orm::DatabaseConnection) -> i64 {
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), "PRAGMA synchronous"))
            .await
            .expect("pragma")
            .expect("a row");
        row.try_get_by_index::<i64>(0).expect("a number")
    }
    let t = TestApp::start().await;
    if t.app().db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        return;
    }
    assert_eq!((synchronous(&t.app().db).await, synchronous(&t.app().writer).await), (2, 2));
    drop(t);
    let t = TestApp::start_with(|s| s.database.sqlite_synchronous = rustition::config::Synchronous::Normal).await;
    assert_eq!((synchronous(&t.app().db).await, synchronous(&t.app().writer).await), (1, 1));
}
