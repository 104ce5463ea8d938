//! The public count is kept incrementally (issue 19): confirmations, withdrawals and deletions
//! leave +1/−1 in a change log that the count batch adds up, and a periodic full recount checks
//! it. Here the count a visitor reads and the one the organiser reads stay exact through
//! confirmation, withdrawal and retention's erasure, through concurrent confirmations, and a
//! drift made behind the app's back is found and corrected.
use crate::common;

use std::time::Duration;

use chrono::Utc;
use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::PetitionId;
use rustition::domain::signature::counting;
use rustition::entities::petition;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::dashboard_signatures::{alice_with_petition, insert_many};

const MAIL_WAIT: Duration = Duration::from_secs(10);

fn local(link: &str) -> String {
    link.trim_start_matches("http://petitions.test").to_string()
}

/// Signs as `name` and returns the (confirmation, withdrawal) links of the mail, the `nth` sent.
async fn sign(t: &TestApp, id: PetitionId, name: &str, nth: usize) -> (String, String) {
    let email = format!("{}@example.org", name.to_lowercase());
    t.sign(&format!("/p/{id}"), id, &[("first_name", name), ("last_name", "Counted"), ("email", &email)]).await;
    let mail = t.smtp.wait_for(nth, MAIL_WAIT).await.remove(nth - 1);
    let confirm = local(&mail.link_containing("/confirm/").expect("a confirmation link"));
    let withdraw = local(&mail.link_containing("/withdraw/").expect("a withdrawal link"));
    (confirm, withdraw)
}

async fn confirm(t: &TestApp, link: &str) {
    t.confirm(link).await;
}

/// What the organiser's signatures page says of the counts.
async fn dashboard_counts(t: &TestApp, id: PetitionId) -> String {
    let (status, html) = t.get(&format!("/dashboard/petitions/{id}/signatures")).await;
    assert_eq!(status, Status::Ok);
    let start = html.find("Confirmed: ").expect("the counts");
    html[start..].split('<').next().unwrap_or("").trim().to_string()
}

/// The public page, past its one-second cache.
async fn public(t: &TestApp, id: PetitionId) -> String {
    t.app().petitions.clear();
    t.get(&format!("/p/{id}")).await.1
}

/// The full recount finds nothing to correct: the incremental count was exact.
async fn no_drift(t: &TestApp) {
    assert_eq!(counting::full_recount(&t.app().db).await.unwrap(), vec![], "the kept count drifted");
}

#[rocket::async_test]
async fn the_count_stays_exact_through_confirmation_withdrawal_and_retention_erasure() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let mut links = Vec::new();
    for (i, name) in ["Ann", "Bob", "Cat"].into_iter().enumerate() {
        links.push(sign(&t, id, name, i + 1).await);
    }
    let (_, _) = sign(&t, id, "Dan", 4).await;
    assert!(public(&t, id).await.contains("0 of 100 signatures"), "nothing confirmed, nothing counted");
    for (link, _) in &links {
        confirm(&t, link).await;
    }
    t.wait_for_count(id, "3 of 100 signatures").await;
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 3 · Awaiting confirmation: 1");
    // The batch again, with nothing new: nothing moves (idempotent).
    counting::refresh(&t.app().db).await.unwrap();
    counting::refresh(&t.app().db).await.unwrap();
    assert!(public(&t, id).await.contains("3 of 100 signatures"));
    no_drift(&t).await;

    // Bob withdraws: the count drops at once, for him and for everyone.
    let withdraw = &links[1].1;
    let r = t.submit(withdraw, withdraw, &[]).await;
    assert!(r.into_string().await.unwrap_or_default().contains("Your signature is withdrawn"));
    assert!(public(&t, id).await.contains("2 of 100 signatures"));
    counting::refresh(&t.app().db).await.unwrap();
    assert!(public(&t, id).await.contains("2 of 100 signatures"), "the withdrawal is not subtracted twice");
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 2 · Awaiting confirmation: 1");
    no_drift(&t).await;

    // The petition closes and its retention runs out: the pending signature goes, the confirmed
    // rows are emptied but still counted.
    let page = format!("/dashboard/petitions/{id}");
    let r = t.submit(&page, &format!("{page}/status"), &[("change", "close")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    petition::Entity::update_many()
        .col_expr(petition::Column::ClosedAt, Expr::value(Utc::now() - chrono::Duration::days(91)))
        .filter(petition::Column::Id.eq(id.0))
        .exec(&t.app().db)
        .await
        .unwrap();
    let erased =
        rustition::domain::signature::retention::erase_due(&t.app().db, Utc::now(), 90).await.expect("erasure");
    assert_eq!(erased, 1);
    counting::refresh(&t.app().db).await.unwrap();
    assert!(public(&t, id).await.contains("2 of 100 signatures"), "erasure keeps the count");
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 2 · Awaiting confirmation: 0");
    no_drift(&t).await;
}

#[rocket::async_test]
async fn concurrent_confirmations_while_the_batch_runs_are_each_counted_once() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let db = t.app().db.clone();
    // 300 pending signatures, confirmed by 30 writers at once while the batch runs in a loop.
    insert_many(&t, id, "pending", 300).await;
    db.execute_unprepared(&format!("UPDATE signatures SET confirmed_at = NULL WHERE petition_id = {id}"))
        .await
        .unwrap();
    counting::refresh(&db).await.unwrap();
    assert!(public(&t, id).await.contains("0 of 100 signatures"));
    let ids: Vec<i64> = {
        let rows = db
            .query_all_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                format!("SELECT id FROM signatures WHERE petition_id = {id} ORDER BY id"),
            ))
            .await
            .unwrap();
        rows.iter().map(|r| r.try_get_by_index::<i64>(0).unwrap()).collect()
    };
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let batch = {
        let (db, done) = (db.clone(), done.clone());
        tokio::spawn(async move {
            let mut runs = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) || runs == 0 {
                counting::refresh(&db).await.expect("a batch run");
                runs += 1;
                tokio::task::yield_now().await;
            }
            runs
        })
    };
    let writers: Vec<_> = ids
        .chunks(10)
        .map(|chunk| {
            let (db, chunk) = (db.clone(), chunk.to_vec());
            tokio::spawn(async move {
                for sid in chunk {
                    let txn = rustition::db::begin_write(&db).await.expect("a transaction");
                    txn.execute_raw(sea_orm::Statement::from_sql_and_values(
                        txn.get_database_backend(),
                        "UPDATE signatures SET confirmed_at = $1 WHERE id = $2",
                        [Utc::now().into(), sid.into()],
                    ))
                    .await
                    .expect("a confirmation");
                    txn.commit().await.expect("committed");
                }
            })
        })
        .collect();
    for w in writers {
        w.await.unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(batch.await.unwrap() > 0);
    counting::refresh(&db).await.unwrap();
    assert!(public(&t, id).await.contains("300 of 100 signatures"), "{}", public(&t, id).await);
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 300 · Awaiting confirmation: 0");
    no_drift(&t).await;
}

#[rocket::async_test]
async fn a_count_changed_behind_the_apps_back_is_found_and_corrected_by_the_full_recount() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let db = &t.app().db;
    insert_many(&t, id, "s", 12).await;
    counting::refresh(db).await.unwrap();
    assert!(public(&t, id).await.contains("12 of 100 signatures"));
    db.execute_unprepared(&format!("UPDATE petitions SET confirmed_count = 40, pending_count = 7 WHERE id = {id}"))
        .await
        .unwrap();
    assert!(public(&t, id).await.contains("40 of 100 signatures"), "the drift shows");
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 40 · Awaiting confirmation: 7");
    let drifts = counting::full_recount(db).await.unwrap();
    assert_eq!(
        drifts,
        vec![
            counting::Drift { petition: id.0, count: "confirmed", expected: 40, actual: 12 },
            counting::Drift { petition: id.0, count: "pending", expected: 7, actual: 0 },
        ]
    );
    assert!(public(&t, id).await.contains("12 of 100 signatures"), "corrected");
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 12 · Awaiting confirmation: 0");
    no_drift(&t).await;
}

/// The organiser's "awaiting confirmation" is kept like the public count, through signing,
/// confirmation, a withdrawal before confirming, and the purge of what was never confirmed.
#[rocket::async_test]
async fn the_pending_count_follows_signing_confirmation_withdrawal_and_the_purge() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let db = &t.app().db;
    let mut links = Vec::new();
    for (i, name) in ["Eve", "Fay", "Gus", "Hal"].into_iter().enumerate() {
        links.push(sign(&t, id, name, i + 1).await);
    }
    // Read before the batch has run: the unconsumed changes are added in.
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 0 · Awaiting confirmation: 4");
    counting::refresh(db).await.unwrap();
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 0 · Awaiting confirmation: 4", "consumed once");
    no_drift(&t).await;

    confirm(&t, &links[0].0).await;
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 1 · Awaiting confirmation: 3");
    // Fay withdraws before confirming.
    let withdraw = &links[1].1;
    let r = t.submit(withdraw, withdraw, &[]).await;
    assert!(r.into_string().await.unwrap_or_default().contains("Your signature is withdrawn"));
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 1 · Awaiting confirmation: 2");
    counting::refresh(db).await.unwrap();
    no_drift(&t).await;

    // Past the retention of unconfirmed signatures, Gus and Hal go.
    let purged = counting::purge_unconfirmed(db, Utc::now() + chrono::Duration::days(8), 7).await.unwrap();
    assert_eq!(purged, 2);
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 1 · Awaiting confirmation: 0");
    counting::refresh(db).await.unwrap();
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 1 · Awaiting confirmation: 0");
    no_drift(&t).await;
}

/// Undoing migration 23 brings back migration 21's triggers (a confirmation made meanwhile is
/// still counted); redoing it sets the pending counts from the signatures.
#[rocket::async_test]
async fn the_pending_count_migration_can_be_undone_and_redone() {
    use migrations::MigratorTrait;
    use rustition::entities::signature;
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    let db = &t.app().db;
    sign(&t, id, "Ivy", 1).await;
    sign(&t, id, "Jon", 2).await;
    migrations::Migrator::down(db, Some(1)).await.expect("down");
    signature::Entity::update_many()
        .col_expr(signature::Column::ConfirmedAt, Expr::value(Utc::now()))
        .filter(signature::Column::Email.eq("ivy@example.org"))
        .exec(db)
        .await
        .unwrap();
    migrations::Migrator::up(db, None).await.expect("up again");
    counting::refresh(db).await.unwrap();
    assert_eq!(dashboard_counts(&t, id).await, "Confirmed: 1 · Awaiting confirmation: 1");
    no_drift(&t).await;
}
