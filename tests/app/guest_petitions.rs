//! A petition without an account (issue 17): a visitor gives only an email address at `/new`,
//! verifies it from the mail, writes and publishes the petition in the dashboard's own wizard,
//! manages it from the mailed private link (edit, signatures, export), revokes the link, asks
//! for a new one by address, then attaches the petition to an account. A management link opens
//! its own petition only, and an instance can turn the whole thing off.
use crate::common;

use std::time::Duration;

use common::{SmtpServer, TestApp, location};
use rocket::http::Status;
use rustition::domain::ids::PetitionId;
use rustition::domain::permissions::{self, ViewSignatures};
use rustition::domain::petition::petitions::{Content, OwnerId};
use rustition::domain::{DomainError, guest};

const MAIL_WAIT: Duration = Duration::from_secs(10);
const HOST: &str = "http://petitions.test";
const ADDRESS: &str = "gus@example.org";

/// The path of the newest link containing `needle` mailed to `to`.
fn mailed_link(smtp: &SmtpServer, to: &str, needle: &str) -> Option<String> {
    let mail = smtp.received().into_iter().rev().find(|m| m.to.iter().any(|r| r == to))?;
    Some(mail.link_containing(needle)?.trim_start_matches(HOST).to_string())
}

/// Submits a wizard step, expecting to be sent on to `next`.
async fn step(t: &TestApp, path: &str, fields: &[(&str, &str)], next: &str) {
    let r = t.submit(path, path, fields).await;
    assert_eq!(r.status(), Status::SeeOther, "{path} with {fields:?}");
    assert!(location(&r).ends_with(next), "{path} sent to {} instead of …{next}", location(&r));
}

/// Starts a petition for `address` at `/new`, verifies it from the mail, and returns the wizard's
/// first step (the browser now holds the management link).
async fn start_and_verify(t: &TestApp, address: &str, mails_before: usize) -> String {
    let r = t.submit("/new", "/new", &[("email", address)]).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap().contains("Check your mailbox"));
    t.smtp.wait_for(mails_before + 1, MAIL_WAIT).await;
    let verify = mailed_link(&t.smtp, address, "/new/verify/").expect("a verification link");
    // The mailed link opens a page whose button verifies (scanners open links too).
    let r = t.submit(&verify, &verify, &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let start = location(&r);
    assert!(start.starts_with("/dashboard/petitions/") && start.ends_with("/wizard/start"), "{start}");
    start
}

const FIELDS: [(&str, &str); 13] = [
    ("field_first_name", "required"),
    ("field_last_name", "required"),
    ("field_phone", "off"),
    ("field_postal_code", "off"),
    ("field_country", "off"),
    ("field_organisation", "off"),
    ("field_custom1", "off"),
    ("custom1_label", ""),
    ("field_custom2", "off"),
    ("custom2_label", ""),
    ("field_custom3", "off"),
    ("custom3_label", ""),
    ("goal", "100"),
];

/// Fills the wizard from `start` to publication.
async fn write_and_publish(t: &TestApp, start: &str, title: &str) -> String {
    let base = start.trim_end_matches("/wizard/start").to_string();
    step(t, start, &[("template", "blank")], "/wizard/content").await;
    let content = format!("{base}/wizard/content");
    step(t, &content, &[("title", title), ("text", "Open the pool in **August**."), ("go", "next")], "/wizard/preview")
        .await;
    step(t, &format!("{base}/wizard/preview"), &[("go", "next")], "/wizard/fields").await;
    step(t, &format!("{base}/wizard/fields"), &FIELDS, "/wizard/look").await;
    let look = format!("{base}/wizard/look");
    step(t, &look, &[("theme", "classic"), ("accent_color", ""), ("background_color", "")], "/wizard/image").await;
    step(t, &format!("{base}/wizard/image"), &[("go", "next")], "/wizard/review").await;
    let review = format!("{base}/wizard/review");
    let r = t.submit(&review, &review, &[("go", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), base);
    base
}

#[rocket::async_test]
async fn a_visitor_starts_publishes_and_manages_a_petition_without_an_account_then_attaches_it() {
    let t = TestApp::start().await;
    let (_, home) = t.get("/").await;
    assert!(home.contains("href=\"/new\""), "the home page links to /new");

    let (status, html) = t.get("/new").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Start a petition without an account"));
    let r = t.submit("/new", "/new", &[("email", "not an address")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("id=\"email-error\"") && html.contains("value=\"not an address\""));
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions").await, 0, "nothing made for a wrong address");

    let start = start_and_verify(&t, ADDRESS, 0).await;
    // The management link came by mail too.
    t.smtp.wait_for(2, MAIL_WAIT).await;
    let link = mailed_link(&t.smtp, ADDRESS, "/new/manage/").expect("a management link");

    let base = write_and_publish(&t, &start, "Open the pool").await;
    let id = base.trim_start_matches("/dashboard/petitions/").to_string();
    let (status, public) = t.get(&format!("/p/{id}")).await;
    assert_eq!(status, Status::Ok);
    assert!(public.contains("Open the pool"), "published like any petition");

    // Someone signs; the guest sees the signature and exports it, with the dashboard's pages.
    let petition = PetitionId(id.parse().unwrap());
    t.sign(
        &format!("/p/{id}"),
        petition,
        &[("first_name", "Ada"), ("last_name", "Byron"), ("email", "ada@example.org")],
    )
    .await;
    let (status, list) = t.get(&format!("{base}/signatures?which=all")).await;
    assert_eq!(status, Status::Ok);
    assert!(list.contains("ada@example.org"), "the signatures page lists the signer");
    let (status, csv) = t.get(&format!("{base}/export.csv?which=all")).await;
    assert_eq!(status, Status::Ok);
    assert!(csv.contains("ada@example.org") && csv.contains("Byron"));

    // Editing it, from the dashboard's edit section.
    let edit = format!("{base}/edit/content");
    let r =
        t.submit(&edit, &edit, &[("title", "Open the pool all summer"), ("text", "Please."), ("goal", "100")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, public) = t.get(&format!("/p/{id}")).await;
    assert!(public.contains("Open the pool all summer"));

    // The guest has its petition only: no dashboard, no new petition, no account page.
    for path in ["/dashboard", "/dashboard/new", "/account"] {
        let (status, _) = t.get(path).await;
        assert_ne!(status, Status::Ok, "{path} is not the guest's");
    }

    // Revoking: the link and the browser's copy stop working at once.
    let (status, manage) = t.get("/new/manage").await;
    assert_eq!(status, Status::Ok);
    assert!(manage.contains("Open the pool all summer") && manage.contains("Revoke"));
    let r = t.submit("/new/manage", "/new/manage/revoke", &[]).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap().contains("Link revoked"));
    let (status, _) = t.get(&base).await;
    assert_eq!(status, Status::SeeOther, "sent to sign in");
    let (status, gone) = t.get(&link).await;
    assert_eq!(status, Status::NotFound);
    assert!(gone.contains("This link does not work"));

    // Asking again answers the same for any address, and mails only the one that has petitions.
    let mails = t.smtp.received().len();
    let r = t.submit("/new", "/new/links", &[("guest_address", "nobody@example.org")]).await;
    let unknown = r.into_string().await.unwrap();
    let r = t.submit("/new", "/new/links", &[("guest_address", ADDRESS)]).await;
    assert_eq!(r.status(), Status::Ok);
    let known = r.into_string().await.unwrap();
    let says = "If this address started petitions here";
    assert!(unknown.contains(says) && known.contains(says));
    t.smtp.wait_for(mails + 1, MAIL_WAIT).await;
    let fresh = mailed_link(&t.smtp, ADDRESS, "/new/manage/").expect("a new management link");
    assert_ne!(fresh, link);
    assert!(!t.smtp.received().iter().any(|m| m.to.iter().any(|r| r == "nobody@example.org")));
    let r = t.client.get(fresh.clone()).dispatch().await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), "/new/manage");
    let (status, _) = t.get(&base).await;
    assert_eq!(status, Status::Ok, "the new link manages it");

    // The guest identity is not an account: the admins' list of accounts does not show it.
    t.user("ada", true).await;
    t.login("ada").await;
    let (status, users) = t.get("/admin/users").await;
    assert_eq!(status, Status::Ok);
    assert!(users.contains("ada") && !users.contains("guest.invalid"), "{users}");
    crate::moderation::logout(&t).await;
    let guests = "SELECT COUNT(*) FROM users WHERE guest_since IS NOT NULL";
    assert_eq!(t.count(guests).await, 1);

    // Attaching to a new account: signed in, the management page offers it.
    let (_, manage) = t.get("/new/manage").await;
    assert!(manage.contains("Sign in or create an account"));
    t.user("gus", false).await;
    t.login("gus").await;
    let (_, manage) = t.get("/new/manage").await;
    assert!(manage.contains("Attach the petition"));
    let r = t.submit("/new/manage", "/new/manage/attach", &[("owner", "me")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), base);
    let (status, page) = t.get(&base).await;
    assert_eq!(status, Status::Ok, "gus manages it as its owner");
    assert!(page.contains("Open the pool all summer"));
    let (_, dashboard) = t.get("/dashboard").await;
    assert!(dashboard.contains("Open the pool all summer"), "on gus's dashboard");
    let r = t.client.get("/u/gus/open-the-pool").dispatch().await;
    let status = r.status();
    let to = location(&r);
    assert_eq!(status, Status::Ok, "published under its new owner: {to}");
    let (status, _) = t.get(&fresh).await;
    assert_eq!(status, Status::NotFound, "the management link is done with");
    assert_eq!(t.count(guests).await, 0, "the guest identity, which owns nothing now, is gone");
}

#[rocket::async_test]
async fn a_management_link_opens_its_own_petition_and_no_other() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let content = Content { title: "The library of Alice".into(), text: "Hers.".into(), ..Default::default() };
    let other = t.petition_of(OwnerId::User(alice), "hers", content).await;
    let start = start_and_verify(&t, ADDRESS, 0).await;
    let base = start.trim_end_matches("/wizard/start").to_string();
    let (status, _) = t.get(&start).await;
    assert_eq!(status, Status::Ok, "its own wizard");
    for path in ["", "/signatures", "/export.csv", "/edit/content", "/wizard/start"] {
        let r = t.client.get(format!("/dashboard/petitions/{other}{path}")).dispatch().await;
        assert_eq!(r.status(), Status::SeeOther, "petition B at {path}");
        assert!(location(&r).starts_with("/login?next="), "petition B at {path}: {}", location(&r));
    }
    let r = t
        .submit(
            &format!("{base}/wizard/start"),
            &format!("/dashboard/petitions/{other}/status"),
            &[("change", "unpublish")],
        )
        .await;
    // Not the guest's page: sent to sign in, and nothing changed.
    assert!(location(&r).starts_with("/login?next="), "{}", location(&r));
    let (status, public) = t.get(&format!("/p/{other}")).await;
    assert_eq!(status, Status::Ok, "B is still published");
    assert!(public.contains("The library of Alice"));

    // The permission service itself: the guest identity holds rights on its petition only.
    let token = mailed_link(&t.smtp, ADDRESS, "/new/manage/").unwrap().trim_start_matches("/new/manage/").to_string();
    let db = &t.app().db;
    let manager = guest::links::manager(db, &token).await.unwrap().expect("the link works");
    assert!(permissions::petition::<ViewSignatures>(db, &manager.user, manager.petition).await.is_ok());
    let refused = permissions::petition::<ViewSignatures>(db, &manager.user, other).await;
    assert!(matches!(refused, Err(DomainError::NotFound)), "{refused:?}");
    assert!(permissions::guest(db, &manager.user, other).await.is_err());
}

#[rocket::async_test]
async fn an_instance_without_guest_petitions_says_so_at_new() {
    let t = TestApp::start_with(|s| s.accounts.guest_petitions = false).await;
    let (status, html) = t.get("/new").await;
    assert_eq!(status, Status::NotFound);
    assert!(html.contains("does not offer petitions without an account"), "{html}");
    let (_, home) = t.get("/").await;
    assert!(!home.contains("href=\"/new\""), "no link to it");
    let (_, page) = t.get("/login").await;
    let csrf = common::csrf_token(&page);
    let r = t.post_form("/new", &[("csrf_token", &csrf), ("email", ADDRESS)]).await;
    assert_eq!(r.status(), Status::NotFound);
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions").await, 0);

    // An admin turns it on at runtime.
    t.user("root", true).await;
    t.login("root").await;
    let (status, _) = t.save_settings(&[("guest_petitions", "true")]).await;
    assert_eq!(status, Status::SeeOther);
    let r = t.submit("/dashboard", "/logout", &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (status, html) = t.get("/new").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Start a petition without an account"));
}

#[rocket::async_test]
async fn with_pre_moderation_a_guest_petition_waits_for_approval_like_any_new_accounts() {
    let t = TestApp::start_with(|s| s.moderation.premoderation = true).await;
    // Before the address is verified there is a draft, and nothing public.
    let r = t.submit("/new", "/new", &[("email", ADDRESS)]).await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions WHERE status = 'draft'").await, 1);
    t.smtp.wait_for(1, MAIL_WAIT).await;
    let verify = mailed_link(&t.smtp, ADDRESS, "/new/verify/").expect("a verification link");
    let r = t.submit(&verify, &verify, &[]).await;
    let start = location(&r);
    // A verification link works once.
    let r = t.submit(&verify, &verify, &[]).await;
    assert_eq!(r.status(), Status::NotFound);
    assert!(r.into_string().await.unwrap().contains("already used or has expired"));

    let base = write_and_publish(&t, &start, "Open the pool").await;
    let (_, dashboard) = t.get(&base).await;
    assert!(dashboard.contains("This petition is awaiting review by the moderators"));
    let id = base.trim_start_matches("/dashboard/petitions/");
    let (status, html) = t.get(&format!("/p/{id}")).await;
    assert_eq!(status, Status::NotFound);
    assert!(html.contains("This petition is awaiting review"));
}
