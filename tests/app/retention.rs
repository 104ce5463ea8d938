//! Signers' personal data is kept only so long after a petition closes (issue 15): the organiser
//! sets the petition's own number of days or leaves the instance's; the batch then erases names,
//! addresses and every field, keeping the count and the daily figures; the public page says
//! when; the organiser's list and downloads say which rows were erased. The batch is driven
//! with the clock moved (`erase_due` takes `now`), not by waiting.
use crate::common;

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use common::{TestApp, signature};
use rocket::http::Status;
use rustition::domain::ids::{PetitionId, UserId};
use rustition::domain::petition::content::CustomField;
use rustition::domain::petition::petitions::{Content, FieldRule, OwnerId};
use rustition::domain::petition::stats;
use rustition::domain::signature::retention::erase_due;
use rustition::entities::{petition, signature};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::dashboard_edit::{assert_error_at, edit, refused};

/// The instance's default in the test settings (`[signing] personal_data_retention_days`).
const DEFAULT_DAYS: u32 = 90;

fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

/// A petition asking a phone number, a neighbourhood and the newsletter.
fn content(title: &str) -> Content {
    let mut c = Content { title: title.into(), text: "Plant trees.".into(), goal: 100, ..Default::default() };
    c.fields.phone = FieldRule::Optional;
    c.fields.custom[0] = CustomField { label: "Neighbourhood".into(), rule: FieldRule::Optional };
    c.mail.newsletter_label = "Keep me posted".into();
    c
}

/// A confirmed signature with every field filled, the newsletter ticked.
async fn signed(t: &TestApp, id: PetitionId, name: &str, at: DateTime<Utc>) {
    let mut s = signature(id, name, "Signer", &format!("{}@example.org", name.to_lowercase()));
    s.phone = Set(Some("+33 1 23 45 67 89".into()));
    s.custom1 = Set(Some("North".into()));
    s.newsletter_optin = Set(true);
    s.name_public = Set(true);
    s.client_key = Set(Some("0123456789abcdef".into()));
    s.created_at = Set(at);
    s.confirmed_at = Set(Some(at));
    s.insert(&t.app().db).await.expect("insert signature");
}

async fn rows(t: &TestApp, id: PetitionId) -> Vec<signature::Model> {
    signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(id.0))
        .order_by_asc(signature::Column::Id)
        .all(&t.app().db)
        .await
        .unwrap()
}

async fn model(t: &TestApp, id: PetitionId) -> petition::Model {
    petition::Entity::find_by_id(id.0).one(&t.app().db).await.unwrap().unwrap()
}

/// The organiser presses a status button on the petition's dashboard page.
async fn press(t: &TestApp, id: PetitionId, change: &str) {
    let page = format!("/dashboard/petitions/{id}");
    let r = t.submit(&page, &format!("{page}/status"), &[("change", change)]).await;
    assert_eq!(r.status(), Status::SeeOther, "{change} petition {id}");
}

/// As if the petition had been closed `ago` before now.
async fn closed_ago(t: &TestApp, id: PetitionId, ago: chrono::Duration) {
    petition::Entity::update_many()
        .col_expr(petition::Column::ClosedAt, Expr::value(Utc::now() - ago))
        .filter(petition::Column::Id.eq(id.0))
        .exec(&t.app().db)
        .await
        .unwrap();
}

/// The public page as a visitor sees it now (the page cache keeps a petition a second).
async fn public(t: &TestApp, id: PetitionId) -> String {
    t.app().petitions.clear();
    let (status, html) = t.get(&format!("/p/{id}")).await;
    assert_eq!(status, Status::Ok);
    html
}

/// (day, confirmed) of the daily chart.
async fn confirmed_per_day(t: &TestApp, id: PetitionId) -> Vec<(chrono::NaiveDate, i64)> {
    stats::per_day(&t.app().db, id).await.unwrap().days.into_iter().map(|d| (d.date, d.confirmed)).collect()
}

fn whole_seconds(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Waits until the petition's mails are delivered (a mail being sent is left to its worker).
async fn mails_settled(t: &TestApp, id: PetitionId) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let sql = format!("SELECT COUNT(*) FROM mail_queue WHERE fair_key = 'p:{id}' AND status <> 'sent'");
    while t.count(&sql).await > 0 {
        assert!(tokio::time::Instant::now() < deadline, "the confirmation mail was never sent");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn alice(t: &TestApp) -> UserId {
    let alice = t.user("alice", false).await;
    t.login("alice").await;
    alice
}

#[rocket::async_test]
async fn retention_erases_the_right_petitions_only() {
    let t = TestApp::start().await;
    let alice = alice(&t).await;
    let owner = OwnerId::User(alice);
    let a = t.petition_of(owner, "a", content("Closed long ago")).await;
    let b = t.petition_of(owner, "b", content("Closed recently")).await;
    let c = t.petition_of(owner, "c", content("Still open")).await;
    let d = t.petition_of(owner, "d", content("Its own day")).await;
    let now = Utc::now();
    signed(&t, a, "Jane", now - days(3)).await;
    signed(&t, a, "John", now - days(1)).await;
    // A visitor signs A and never confirms; the confirmation mail is kept after sending.
    t.sign(
        "/u/alice/a",
        a,
        &[("first_name", "Pat"), ("last_name", "Pending"), ("email", "pat@example.org"), ("newsletter", "true")],
    )
    .await;
    mails_settled(&t, a).await;
    for id in [b, c, d] {
        signed(&t, id, &format!("Other{id}"), now - days(2)).await;
    }
    // Signatures confirmed days ago are counted by the batch's full recount.
    rustition::domain::signature::counting::refresh(&t.app().db).await.unwrap();
    t.wait_for_count(a, "2 of 100 signatures").await;

    // D keeps its signers a single day; the others the instance's 90.
    let page = format!("/dashboard/petitions/{d}/edit/fields");
    let (_, html) = t.get(&page).await;
    assert!(html.contains("default: 90 days."), "the instance's default is named");
    let r = edit(&t, d, "fields", &fields(&[("retention_days", "1")])).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(model(&t, d).await.retention_days, Some(1));

    for id in [a, b, d] {
        press(&t, id, "close").await;
    }
    closed_ago(&t, a, days(91)).await;
    let a_chart = confirmed_per_day(&t, a).await;
    assert_eq!(stats::per_day(&t.app().db, a).await.unwrap().pending, 1);
    let (b_rows, c_rows, d_rows) = (rows(&t, b).await, rows(&t, c).await, rows(&t, d).await);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM mail_queue WHERE fair_key = 'p:{a}'")).await, 1);

    // The pages say when, before anything is erased.
    let b_closed = model(&t, b).await.closed_at.expect("B is closed");
    let html = public(&t, b).await;
    assert!(html.contains(&format!("personal data will be erased on {}.", (b_closed + days(90)).format("%B %-d, %Y"))));
    let html = public(&t, c).await;
    assert!(html.contains("personal data is erased 90 days after this petition closes."), "{html}");
    let html = public(&t, d).await;
    let d_closed = model(&t, d).await.closed_at.expect("D is closed");
    assert!(html.contains(&format!("will be erased on {}.", (d_closed + days(1)).format("%B %-d, %Y"))));

    // Now: only A is due.
    let run = DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap();
    assert_eq!(erase_due(&t.app().db, run, DEFAULT_DAYS).await.unwrap(), 1);
    let erased = rows(&t, a).await;
    assert_eq!(erased.len(), 2, "the unconfirmed signature is gone, the confirmed ones stay");
    for s in &erased {
        assert!(s.confirmed_at.is_some());
        assert_eq!((s.first_name.as_deref(), s.last_name.as_deref(), s.email.as_str()), (None, None, ""));
        assert_eq!((s.phone.as_deref(), s.custom1.as_deref(), s.client_key.as_deref()), (None, None, None));
        assert!(!s.newsletter_optin && !s.name_public);
        assert_eq!(s.email_canonical, format!("erased:{}", s.id));
    }
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM mail_queue WHERE fair_key = 'p:{a}'")).await, 0);
    assert_eq!(model(&t, a).await.personal_data_erased_at, Some(run));
    // The count and the daily chart are as they were.
    assert_eq!(model(&t, a).await.confirmed_count, 2);
    assert_eq!(confirmed_per_day(&t, a).await, a_chart);
    let html = public(&t, a).await;
    assert!(html.contains("2 of 100 signatures"));
    assert!(html.contains(&format!("personal data was erased on {}.", run.format("%B %-d, %Y"))), "{html}");
    // B, C and D are untouched.
    assert_eq!((rows(&t, b).await, rows(&t, c).await, rows(&t, d).await), (b_rows.clone(), c_rows, d_rows));
    assert_eq!(model(&t, b).await.personal_data_erased_at, None);

    // Running again changes nothing.
    assert_eq!(erase_due(&t.app().db, run + days(1) / 2, DEFAULT_DAYS).await.unwrap(), 0);
    assert_eq!(rows(&t, a).await, erased);

    // The organiser's list and downloads say which rows were erased.
    let (status, html) = t.get(&format!("/dashboard/petitions/{a}/signatures")).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(html.matches("<em>(erased)</em>").count(), 4, "name and address of both rows");
    assert!(!html.contains("jane@example.org") && !html.contains("Jane"));
    assert!(html.contains(&format!("fields were erased on {}", run.format("%B %-d, %Y"))));
    let (status, html) = t.get(&format!("/dashboard/petitions/{a}/signatures/{}/delete", erased[0].id)).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Delete the signature of (erased)"));
    let (_, csv) = t.get(&format!("/dashboard/petitions/{a}/export.csv")).await;
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Signed at,Confirmed at,Invalidated at,First name,Last name,Email address,Phone number,Neighbourhood,Newsletter,Personal data erased on"
    );
    let signed_at = whole_seconds(erased[0].created_at);
    let expected = format!(
        "{signed_at},{signed_at},,(erased),(erased),(erased),(erased),(erased),(erased),{}",
        whole_seconds(run)
    );
    assert_eq!(lines[1], expected);
    assert_eq!(lines.len(), 3);
    let (_, json) = t.get(&format!("/dashboard/petitions/{a}/export.json")).await;
    let json: Vec<serde_json::Value> = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(json[0]["email"], serde_json::Value::Null);
    assert_eq!(json[0]["first_name"], serde_json::Value::Null);
    assert_eq!(json[0]["newsletter"], serde_json::Value::Null);
    assert_eq!(json[0]["personal_data_erased_at"], whole_seconds(run).as_str());
    // B's download has no such column.
    let (_, csv) = t.get(&format!("/dashboard/petitions/{b}/export.csv")).await;
    assert!(!csv.contains("erased"), "{csv}");

    // Two days on, D's own single day is over; B's 90 are not.
    assert_eq!(erase_due(&t.app().db, run + days(2), DEFAULT_DAYS).await.unwrap(), 1);
    assert!(rows(&t, d).await.iter().all(|s| s.email.is_empty() && s.first_name.is_none()));
    assert_eq!(rows(&t, b).await, b_rows);

    // B, as if closed fifty days ago, is reopened and closed again: its clock starts anew.
    closed_ago(&t, b, days(50)).await;
    press(&t, b, "reopen").await;
    assert_eq!(model(&t, b).await.closed_at, None);
    let html = public(&t, b).await;
    assert!(html.contains("erased 90 days after this petition closes."));
    press(&t, b, "close").await;
    assert_eq!(erase_due(&t.app().db, run + days(45), DEFAULT_DAYS).await.unwrap(), 0);
    assert_eq!(rows(&t, b).await, b_rows);

    // A is reopened after its erasure, signed again and closed: erased again in its turn.
    press(&t, a, "reopen").await;
    signed(&t, a, "Late", Utc::now()).await;
    press(&t, a, "close").await;
    assert_eq!(erase_due(&t.app().db, run + days(91), DEFAULT_DAYS).await.unwrap(), 2, "A again, and B");
    let again = rows(&t, a).await;
    assert_eq!(again.len(), 3);
    assert!(again.iter().all(|s| s.email.is_empty() && s.first_name.is_none()));
    assert!(rows(&t, b).await.iter().all(|s| s.email.is_empty()));
    assert!(rows(&t, c).await.iter().all(|s| !s.email.is_empty()), "C is open: never erased");

    // Each erasure is in the audit log.
    assert_eq!(t.count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.erase'").await, 4);
}

/// The signer fields form as the page first shows it for `content()`, with `changes`.
fn fields<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("field_first_name", "required"),
        ("field_last_name", "required"),
        ("field_phone", "optional"),
        ("field_postal_code", "off"),
        ("field_country", "off"),
        ("field_organisation", "off"),
        ("custom1_label", "Neighbourhood"),
        ("field_custom1", "optional"),
        ("custom2_label", ""),
        ("field_custom2", "off"),
        ("custom3_label", ""),
        ("field_custom3", "off"),
        ("retention_days", ""),
    ];
    for (k, v) in changes {
        if let Some(pair) = form.iter_mut().find(|(name, _)| name == k) {
            pair.1 = v;
        }
    }
    form
}

#[rocket::async_test]
async fn an_organiser_sets_the_petition_retention_and_a_bad_number_is_refused_by_the_field() {
    let t = TestApp::start().await;
    let alice = alice(&t).await;
    let id = t.petition_of(OwnerId::User(alice), "trees", content("Trees")).await;

    let page = format!("/dashboard/petitions/{id}/edit/fields");
    let (_, html) = t.get(&page).await;
    assert!(html.contains("name=\"retention_days\""));
    assert!(html.contains("default: 90 days."), "the instance's default is named");

    for bad in ["0", "3651", "soon"] {
        let r = edit(&t, id, "fields", &fields(&[("retention_days", bad), ("custom2_label", "Street")])).await;
        let html = refused(r, "a retention out of bounds").await;
        assert_error_at(&html, "retention_days", "Enter a number of days between 1 and 3650.");
        assert!(html.contains(&format!("value=\"{bad}\"")), "what was typed is kept");
        assert!(html.contains("value=\"Street\""), "the rest of the form too");
    }
    assert_eq!(model(&t, id).await.retention_days, None, "nothing was saved");

    let r = edit(&t, id, "fields", &fields(&[("retention_days", "30")])).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get(&page).await;
    assert!(html.contains("value=\"30\""), "the saved number is shown");
    assert!(public(&t, id).await.contains("personal data is erased 30 days after this petition closes."));
    let r = edit(&t, id, "fields", &fields(&[("retention_days", "1")])).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(public(&t, id).await.contains("personal data is erased one day after this petition closes."));

    // Emptied: the instance's default again.
    let r = edit(&t, id, "fields", &fields(&[])).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(model(&t, id).await.retention_days, None);
    assert!(public(&t, id).await.contains("personal data is erased 90 days after this petition closes."));
    let (_, html) = t.get(&format!("/p/{id}?lang=fr")).await;
    assert!(html.contains("sont effacées 90 jours après la clôture de cette pétition."), "{html}");
}

#[rocket::async_test]
async fn a_newsletter_box_is_exported_as_consent_only_once_the_signature_is_confirmed() {
    let t = TestApp::start().await;
    let alice = alice(&t).await;
    let id = t.petition_of(OwnerId::User(alice), "trees", content("Trees")).await;
    let now = Utc::now();
    signed(&t, id, "Confirmed", now - days(1)).await;
    let mut pending = signature(id, "Pending", "Signer", "pending@example.org");
    pending.newsletter_optin = Set(true);
    pending.confirmed_at = Set(None);
    pending.insert(&t.app().db).await.unwrap();

    let (_, csv) = t.get(&format!("/dashboard/petitions/{id}/export.csv")).await;
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let newsletter = reader.headers().unwrap().iter().position(|h| h == "Newsletter").expect("a newsletter column");
    let consents: Vec<(String, String)> =
        reader.records().map(|r| r.unwrap()).map(|r| (r[5].to_string(), r[newsletter].to_string())).collect();
    assert_eq!(consents, [("confirmed@example.org".into(), "yes".into()), ("pending@example.org".into(), "no".into())]);
    let (_, json) = t.get(&format!("/dashboard/petitions/{id}/export.json")).await;
    let json: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!((json[0]["newsletter"].as_str(), json[1]["newsletter"].as_str()), (Some("yes"), Some("no")));
    // The signatures page, where the downloads are, says so.
    let (_, html) = t.get(&format!("/dashboard/petitions/{id}/signatures")).await;
    assert!(html.contains("only for confirmed signatures whose signer ticked the box"), "{html}");
}
