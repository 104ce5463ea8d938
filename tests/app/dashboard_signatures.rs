//! An organiser works with a petition's signatures: finds signers, deletes a signature, sends the
//! confirmation again and reminds everyone pending. Downloads, the chart and the lists' query
//! counts are in `dashboard_exports`; the helpers here that make signatures serve both.
use crate::common;

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use common::{TestApp, location, signature};
use rocket::http::Status;
use rustition::domain::ids::{PetitionId, UserId};
use rustition::domain::petition::petitions::{Content, OwnerId};
use rustition::domain::signature::search_index;
use rustition::entities::signature;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set};

const MAIL_WAIT: Duration = Duration::from_secs(10);

pub(super) async fn petition_of(t: &TestApp, owner: OwnerId, slug: &str, content: Content) -> PetitionId {
    t.petition_of(owner, slug, content).await
}

pub(super) fn trees() -> Content {
    Content { title: "Trees for the square".into(), text: "Plant trees.".into(), goal: 100, ..Default::default() }
}

/// alice, signed in, with her petition "Trees for the square".
pub(super) async fn alice_with_petition(t: &TestApp) -> (UserId, PetitionId) {
    let alice = t.user("alice", false).await;
    let id = petition_of(t, OwnerId::User(alice), "trees", trees()).await;
    t.login("alice").await;
    (alice, id)
}

/// A signature awaiting confirmation since `signed_at`, its link mailed then.
fn pending(t: &TestApp, petition: PetitionId, name: &str, signed_at: DateTime<Utc>) -> signature::ActiveModel {
    let mut s = signature(petition, name, "Pending", &format!("{}@example.org", name.to_lowercase()));
    let valid = chrono::Duration::hours(i64::from(t.app().settings.signing.confirmation_valid_hours));
    s.confirmed_at = Set(None);
    s.created_at = Set(signed_at);
    s.confirmation_token_hash = Set(Some(format!("{:0>64}", name.to_lowercase())));
    s.token_expires_at = Set(Some(signed_at + valid));
    s
}

pub(super) async fn insert(t: &TestApp, s: signature::ActiveModel) -> i64 {
    s.insert(&t.app().db).await.expect("insert signature").id
}

/// A timestamp as both databases read it in SQL text (`2026-11-24T09:00:00+00:00`).
fn sql_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Inserts `n` confirmed signatures on `petition` with a few multi-row INSERTs in one transaction:
/// `<prefix><i>@example.org`, signed one second apart, oldest first.
pub(super) async fn insert_many(t: &TestApp, petition: PetitionId, prefix: &str, n: usize) {
    let db = &t.app().db;
    let txn = rustition::db::begin_write(db).await.unwrap();
    let start = Utc::now() - chrono::Duration::seconds(n as i64 + 60);
    for chunk in (0..n).collect::<Vec<_>>().chunks(1000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|i| {
                let at = sql_time(start + chrono::Duration::seconds(*i as i64));
                format!(
                    "({petition}, 'First{i}', 'Last{i}', '{prefix}{i}@example.org', '{prefix}{i}@example.org', 'en', '{at}', '{at}')"
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO signatures (petition_id, first_name, last_name, email, email_canonical, locale, created_at, confirmed_at) VALUES {}",
            values.join(", ")
        );
        txn.execute_unprepared(&sql).await.expect("insert signatures");
    }
    txn.commit().await.unwrap();
}

/// The link of a page's pagination marked `rel`, as a browser follows it.
fn page_link(html: &str, rel: &str) -> String {
    let end = html.find(&format!("\" rel=\"{rel}\"")).unwrap_or_else(|| panic!("no {rel} link"));
    let start = html[..end].rfind("href=\"").expect("the link's href") + 6;
    html[start..end].replace("&amp;", "&")
}

/// The names in a page's rows, in order.
fn names(html: &str) -> Vec<String> {
    html.split("<th scope=\"row\">").skip(1).map(|row| row.split('<').next().unwrap_or("").to_string()).collect()
}

fn count_rows(html: &str) -> usize {
    html.matches("<th scope=\"row\">").count()
}

#[rocket::async_test]
async fn an_organiser_finds_signers_by_name_or_email_filters_them_and_pages_through() {
    let t = TestApp::start_with(batch_hourly).await;
    let (_, id) = alice_with_petition(&t).await;
    let now = Utc::now();
    let mut jane = signature(id, "Jane", "Doe", "jane.doe@example.org");
    jane.created_at = Set(now - chrono::Duration::minutes(300));
    insert(&t, jane).await;
    let mut john = signature(id, "John", "Smith", "js@smith.example");
    john.created_at = Set(now - chrono::Duration::minutes(299));
    john.confirmed_at = Set(None);
    insert(&t, john).await;
    for i in 0..118 {
        let mut s = signature(id, &format!("Signer{i:03}"), "Many", &format!("signer{i:03}@example.org"));
        s.created_at = Set(now - chrono::Duration::minutes(200 - i));
        if i % 2 == 1 {
            s.confirmed_at = Set(None);
        }
        insert(&t, s).await;
    }
    let list = format!("/dashboard/petitions/{id}/signatures");

    // Found the same before the periodic batch has indexed them (on SQLite the search scans
    // what is not indexed yet) and after.
    for indexed in [false, true] {
        if indexed {
            let n = search_index::catch_up(&t.app().db).await.expect("index the new signatures");
            let sqlite = t.app().db.get_database_backend() == DbBackend::Sqlite;
            assert_eq!(n, if sqlite { 120 } else { 0 }, "indexed by this call, not before");
        }
        for (q, found) in [
            ("jane", "jane.doe@example.org"),
            ("JANE DOE", "jane.doe@example.org"),
            ("doe jane", "jane.doe@example.org"),
            ("smith.example", "js@smith.example"),
            ("smith", "js@smith.example"),
            ("mit", "js@smith.example"),
            ("ANE", "jane.doe@example.org"),
            ("e.doe@exa", "jane.doe@example.org"),
        ] {
            let (status, html) = t.get(&format!("{list}?q={}", common::encode(q))).await;
            assert_eq!(status, Status::Ok);
            assert!(html.contains("One signature"), "searching {q:?} (indexed: {indexed})");
            assert!(html.contains(found) && count_rows(&html) == 1, "searching {q:?} finds {found} ({indexed})");
            assert!(html.contains(&format!("value=\"{q}\"")), "the search stays in its box");
        }
        let (_, html) = t.get(&format!("{list}?q=jane+smith")).await;
        assert!(html.contains("0 signatures"), "every word must match");
        let (_, html) = t.get(&format!("{list}?q=%25")).await;
        assert!(html.contains("0 signatures"), "% is a character, not a wildcard");
    }

    let (_, html) = t.get(&format!("{list}?which=confirmed")).await;
    assert!(html.contains("60 signatures"));
    assert_eq!(html.matches(">Confirmed</td>").count(), 50);
    assert!(!html.contains(">Awaiting confirmation</td>") && !html.contains("js@smith.example"));
    let next = page_link(&html, "next");
    assert!(next.contains("which=confirmed&q=&before="), "the next page keeps the filter: {next}");
    let (_, html) = t.get(&next).await;
    assert_eq!(html.matches(">Confirmed</td>").count(), 10, "the ten confirmed left");
    assert!(!html.contains(">Awaiting confirmation</td>") && !html.contains("rel=\"next\""));
    let (_, html) = t.get(&format!("{list}?which=pending&q=smith")).await;
    assert!(html.contains("One signature") && html.contains("js@smith.example"));
    let (_, html) = t.get(&format!("{list}?which=pending&q=jane")).await;
    assert!(html.contains("0 signatures"));

    // 120 signatures, newest first, 50 a page, in keyset pages: first, next, next, previous, last.
    let (_, first) = t.get(&list).await;
    assert!(first.contains("120 signatures") && !first.contains("rel=\"prev\"") && !first.contains("rel=\"first\""));
    assert_eq!(count_rows(&first), 50);
    assert_eq!(names(&first)[0], "Signer117 Many", "newest first");
    let (_, second) = t.get(&page_link(&first, "next")).await;
    assert_eq!(count_rows(&second), 50);
    assert_eq!(names(&second)[0], "Signer067 Many", "the next page starts where the first ended");
    assert!(second.contains("rel=\"prev\"") && second.contains("rel=\"next\"") && second.contains("rel=\"first\""));
    let (_, third) = t.get(&page_link(&second, "next")).await;
    assert_eq!(count_rows(&third), 20);
    assert_eq!(names(&third).last().map(String::as_str), Some("Jane Doe"), "the oldest last");
    assert!(!third.contains("rel=\"next\"") && !third.contains("rel=\"last\""), "nothing after the last");
    let (_, back) = t.get(&page_link(&third, "prev")).await;
    assert_eq!(names(&back), names(&second), "previous comes back to the same page");
    let (_, again) = t.get(&page_link(&back, "first")).await;
    assert_eq!(names(&again), names(&first));

    let (_, last) = t.get(&page_link(&first, "last")).await;
    let oldest = names(&last);
    assert_eq!(oldest.len(), 50, "the last page is full: the fifty oldest");
    assert_eq!((oldest[0].as_str(), oldest[49].as_str()), ("Signer047 Many", "Jane Doe"));
    assert!(!last.contains("rel=\"next\"") && last.contains("rel=\"prev\""));
    let (_, before_last) = t.get(&page_link(&last, "prev")).await;
    assert_eq!(names(&before_last)[0], "Signer097 Many");
    assert_eq!(names(&before_last)[49], "Signer048 Many", "just newer than the last page");

    let (status, html) = t.get(&format!("{list}?before=99999999")).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(count_rows(&html), 50, "a cursor of no signature shows the nearest end");
}

/// The periodic batch (counts, and the search's index on SQLite) runs once at the start, then
/// not again during the test: what it would index, the test indexes when it says.
fn batch_hourly(s: &mut rustition::config::Settings) {
    s.signing.count_interval_ms = 3_600_000;
}

/// How many signatures a search of the list finds, as its heading says.
async fn found(t: &TestApp, list: &str, q: &str) -> usize {
    let (status, html) = t.get(&format!("{list}?q={}", common::encode(q))).await;
    assert_eq!(status, Status::Ok);
    match (html.contains("One signature"), html.contains("0 signatures")) {
        (true, _) => 1,
        (_, true) => 0,
        _ => count_rows(&html),
    }
}

async fn delete(t: &TestApp, list: &str, row: i64) -> Status {
    let page = format!("{list}/{row}/delete");
    t.submit(&page, &page, &[]).await.status()
}

/// The addresses in a page's rows, in order.
fn emails(html: &str) -> Vec<String> {
    let cell = "<td data-label=\"Email address\">";
    html.split(cell).skip(1).map(|row| row.split('<').next().unwrap_or("").to_string()).collect()
}

/// A search orders up to a thousand matches itself and pages through them like the whole list;
/// one that finds more says "more than" and still shows the newest first, page by page.
#[rocket::async_test]
async fn a_search_pages_through_its_matches_and_says_more_than_a_thousand_when_it_finds_more() {
    let t = TestApp::start_with(batch_hourly).await;
    let (_, id) = alice_with_petition(&t).await;
    insert_many(&t, id, "many", 1_100).await;
    insert_many(&t, id, "few", 120).await;
    search_index::catch_up(&t.app().db).await.expect("index the signatures");
    let list = format!("/dashboard/petitions/{id}/signatures");
    let few = |from: usize, to: usize| (to..=from).rev().map(|i| format!("few{i}@example.org")).collect::<Vec<_>>();

    let (status, first) = t.get(&format!("{list}?q=few")).await;
    assert_eq!(status, Status::Ok);
    assert!(first.contains("120 signatures") && !first.contains("More than"), "counted exactly");
    assert_eq!(emails(&first), few(119, 70), "the newest fifty matches first");
    assert!(!first.contains("rel=\"prev\"") && first.contains("rel=\"last\""));
    let next = page_link(&first, "next");
    assert!(next.contains("q=few&before="), "the next page keeps the search: {next}");
    let (_, second) = t.get(&next).await;
    assert_eq!(emails(&second), few(69, 20));
    let (_, third) = t.get(&page_link(&second, "next")).await;
    assert_eq!(emails(&third), few(19, 0), "the twenty oldest");
    assert!(!third.contains("rel=\"next\"") && third.contains("rel=\"prev\""));
    let (_, back) = t.get(&page_link(&third, "prev")).await;
    assert_eq!(emails(&back), emails(&second), "previous comes back to the same page");
    let (_, last) = t.get(&page_link(&first, "last")).await;
    assert_eq!(emails(&last), few(49, 0), "the last page is full");
    let (_, before_last) = t.get(&page_link(&last, "prev")).await;
    assert_eq!(emails(&before_last), few(99, 50));
    let (_, gone) = t.get(&format!("{list}?q=few&before=99999999")).await;
    assert_eq!(emails(&gone), few(49, 0), "a cursor of no signature shows the nearest end");

    let (_, many) = t.get(&format!("{list}?q=many")).await;
    assert!(many.contains("More than 1,000 signatures"), "not all counted");
    let newest: Vec<String> = (1_050..1_100).rev().map(|i| format!("many{i}@example.org")).collect();
    assert_eq!(emails(&many), newest);
    let (_, next) = t.get(&page_link(&many, "next")).await;
    assert_eq!(emails(&next).first().map(String::as_str), Some("many1049@example.org"));
    let (_, many) = t.get_lang(&format!("{list}?q=many"), "fr").await;
    assert!(many.contains("Plus de 1\u{202f}000 signatures"), "in French, with its number format");
}

/// On SQLite the search index is filled by the periodic batch, not by signing: a signature
/// deleted or renamed before the batch reached it, or after, is searched as it is now, and the
/// index stays whole (FTS5's own check against the table).
#[rocket::async_test]
async fn a_signature_deleted_or_renamed_before_or_after_it_was_indexed_is_found_as_it_is_now() {
    let t = TestApp::start_with(batch_hourly).await;
    let (_, id) = alice_with_petition(&t).await;
    let db = &t.app().db;
    let list = format!("/dashboard/petitions/{id}/signatures");
    let rename = |row: i64, name: &'static str| {
        signature::Entity::update_many()
            .col_expr(signature::Column::FirstName, Expr::value(name))
            .filter(signature::Column::Id.eq(row))
            .exec(db)
    };
    let kept = insert(&t, signature(id, "Marguerite", "Yourcenar", "my@example.org")).await;
    let gone = insert(&t, signature(id, "Gustave", "Flaubert", "gf@example.org")).await;
    assert_eq!(delete(&t, &list, gone).await, Status::SeeOther);
    rename(kept, "Colette").await.expect("rename");
    search_index::catch_up(db).await.expect("index");
    for (q, n) in [("flaubert", 0), ("marguerite", 0), ("colette", 1), ("yourcenar", 1)] {
        assert_eq!(found(&t, &list, q).await, n, "searching {q:?} once indexed");
    }
    // The same once indexed: renamed again, and a newer one deleted.
    let later = insert(&t, signature(id, "Victor", "Hugo", "vh@example.org")).await;
    search_index::catch_up(db).await.expect("index");
    rename(kept, "Simone").await.expect("rename");
    assert_eq!(delete(&t, &list, later).await, Status::SeeOther);
    for (q, n) in [("colette", 0), ("simone", 1), ("hugo", 0), ("yourcenar", 1)] {
        assert_eq!(found(&t, &list, q).await, n, "searching {q:?} after changes to indexed rows");
    }
    assert_eq!(search_index::catch_up(db).await.expect("index"), 0, "nothing new to index");
    if db.get_database_backend() == DbBackend::Sqlite {
        let check = "INSERT INTO signatures_search (signatures_search, rank) VALUES ('integrity-check', 1)";
        db.execute_unprepared(check).await.expect("the index agrees with the signatures");
    }
}

#[rocket::async_test]
async fn an_organiser_sends_a_signer_their_link_again_but_not_twice_in_ten_minutes_and_deletes_a_signature() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    t.sign(&format!("/p/{id}"), id, &[("first_name", "Jo"), ("last_name", "Doe"), ("email", "jo@example.org")]).await;
    let first = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let first_link =
        first.link_containing("/confirm/").unwrap().trim_start_matches("http://petitions.test").to_string();
    let jo = t.count("SELECT id FROM signatures WHERE email = 'jo@example.org'").await;
    let ann = insert(&t, signature(id, "Ann", "Lee", "ann@example.org")).await;
    let other = t.petition().await;
    let stranger = insert(&t, signature(other, "Kim", "Park", "kim@example.org")).await;

    let list = format!("/dashboard/petitions/{id}/signatures");
    let (_, html) = t.get(&list).await;
    assert!(html.contains(&format!("{list}/{jo}/resend\"")), "a pending signer can be mailed again");
    assert!(!html.contains(&format!("{list}/{ann}/resend\"")), "a confirmed one cannot");

    // Mailed a moment ago: refused, and no mail is queued.
    let r = t.submit(&list, &format!("{list}/{jo}/resend"), &[]).await;
    assert_eq!(r.status(), Status::Conflict);
    let html = r.into_string().await.unwrap();
    assert!(
        html.contains("Confirmation mail: A confirmation mail was sent to this address less than ten minutes ago.")
    );
    assert!(!html.contains("Signatures: A confirmation"), "not labelled as the signatures: {html}");
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, 1);
    let r = t.submit(&list, &format!("{list}/{ann}/resend"), &[]).await;
    assert_eq!(r.status(), Status::Conflict);
    assert!(r.into_string().await.unwrap().contains("already confirmed"));

    // Eleven minutes later (the link was issued then), it goes.
    let valid = chrono::Duration::hours(i64::from(t.app().settings.signing.confirmation_valid_hours));
    let issued = Utc::now() - chrono::Duration::minutes(11);
    signature::Entity::update_many()
        .col_expr(signature::Column::TokenExpiresAt, Expr::value(issued + valid))
        .filter(signature::Column::Id.eq(jo))
        .exec(&t.app().db)
        .await
        .unwrap();
    let r = t.submit(&list, &format!("{list}/{jo}/resend"), &[]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, list.clone()));
    let (_, html) = t.get(&list).await;
    assert!(html.contains("A new confirmation mail is on its way."));
    let second = t.smtp.wait_for(2, MAIL_WAIT).await.remove(1);
    assert_eq!(second.to, vec!["jo@example.org"]);
    let second_link =
        second.link_containing("/confirm/").unwrap().trim_start_matches("http://petitions.test").to_string();
    assert_ne!(first_link, second_link);
    // The withdrawal link is the signature's own: the same in every mail.
    assert!(second.link_containing("/withdraw/").is_some());
    assert_eq!(second.link_containing("/withdraw/"), first.link_containing("/withdraw/"));
    assert_eq!(t.get(&first_link).await.0, Status::NotFound, "the old link stops working");
    let (status, html) = t.get(&second_link).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Confirm my signature"));
    let r = t.submit(&list, &format!("{list}/{jo}/resend"), &[]).await;
    assert_eq!(r.status(), Status::Conflict, "and not again right away");

    // Deleting asks first, then the signature is gone.
    let (status, html) = t.get(&format!("{list}/{ann}/delete")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Delete the signature of ann@example.org on"));
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE id = {ann}")).await, 1);
    let r = t.submit(&format!("{list}/{ann}/delete"), &format!("{list}/{ann}/delete"), &[]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, list.clone()));
    let (_, html) = t.get(&list).await;
    assert!(html.contains("The signature is deleted.") && !html.contains("ann@example.org"));
    assert!(html.contains("One signature") && html.contains("jo@example.org"));
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE id = {ann}")).await, 0);

    // Another petition's signature cannot be reached through this one.
    assert_eq!(t.get(&format!("{list}/{stranger}/delete")).await.0, Status::NotFound);
    let r = t.submit(&list, &format!("{list}/{stranger}/delete"), &[]).await;
    assert_eq!(r.status(), Status::NotFound);
    let r = t.submit(&list, &format!("{list}/{stranger}/resend"), &[]).await;
    assert_eq!(r.status(), Status::NotFound);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE id = {stranger}")).await, 1);
}

#[rocket::async_test]
async fn a_reminder_to_everyone_pending_reaches_only_this_petitions_signers_and_once_a_day() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with_petition(&t).await;
    let other = petition_of(&t, OwnerId::User(alice), "benches", trees()).await;
    let days_ago = Utc::now() - chrono::Duration::days(3);
    insert(&t, pending(&t, id, "Pat", days_ago)).await;
    insert(&t, pending(&t, id, "Sam", days_ago)).await;
    insert(&t, signature(id, "Ann", "Lee", "ann@example.org")).await;
    insert(&t, pending(&t, other, "Bea", days_ago)).await;
    // Jo signs now: mailed a moment ago, no reminder yet.
    t.sign(&format!("/p/{id}"), id, &[("first_name", "Jo"), ("last_name", "Doe"), ("email", "jo@example.org")]).await;
    t.smtp.wait_for(1, MAIL_WAIT).await;

    let list = format!("/dashboard/petitions/{id}/signatures");
    let (_, html) = t.get(&list).await;
    assert!(html.contains("Remind everyone awaiting confirmation"));
    let r = t.submit(&list, &format!("{list}/resend"), &[]).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap().contains("2 reminders are on their way."));
    t.smtp.wait_for(3, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(500)).await; // room for a mail that should not come
    let mails = t.smtp.received();
    let mut reminded: Vec<String> = mails[1..].iter().flat_map(|m| m.to.clone()).collect();
    reminded.sort();
    assert_eq!(reminded, vec!["pat@example.org", "sam@example.org"], "only this petition's pending signers");
    assert!(mails[1].link_containing(&format!("/p/{id}/confirm/")).is_some());

    // The same day, a second click sends nothing.
    let r = t.submit(&list, &format!("{list}/resend"), &[]).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap().contains("Nobody needed a reminder"));
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, 3);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(t.smtp.received().len(), 3);
}
