//! Moderation, as visitors, moderators, admins and organisers live it: a visitor reports a
//! petition, a moderator finds it in the queue and hides it (its pages answer 410 with the
//! reason, signing stops, the organisers are mailed why), shows it again, dismisses reports,
//! suspends an account or an organisation and restores it, approves or refuses the petitions
//! of new accounts when the instance pre-moderates; every action is in the audit log.
use std::time::Duration;

use rocket::http::Status;
use rustition::domain::ids::{OrganisationId, PetitionId, UserId};
use rustition::domain::petition::content::Content;
use rustition::domain::petition::petitions::{self, NewPetition, OwnerId, Status as PetitionStatus};

use crate::common::{self, TestApp};

fn content(title: &str) -> Content {
    Content { title: title.into(), text: "Plant trees on the square.".into(), goal: 100, ..Default::default() }
}

/// The value of the reason labelled `label` on a report form or a hide form.
pub(crate) fn reason_value(html: &str, label: &str) -> String {
    let radio = format!("\">{label}</label>");
    if let Some(at) = html.find(&radio) {
        let before = &html[..at];
        return before[before.rfind("for=\"reason-").expect("a reason radio") + 12..].to_string();
    }
    let option = format!("\">{label}</option>");
    let at = html.find(&option).unwrap_or_else(|| panic!("no reason {label:?} in the page"));
    let before = &html[..at];
    before[before.rfind("value=\"").expect("an option") + 7..].to_string()
}

/// Reports petition `id` for `reason` as a visitor does; returns the answer's status.
async fn report(t: &TestApp, id: PetitionId, reason: &str, details: &str) -> Status {
    let form = format!("/p/{id}/report");
    let (_, html) = t.get(&form).await;
    let value = reason_value(&html, reason);
    t.submit(&form, &form, &[("reason", &value), ("details", details)]).await.status()
}

/// Sends a moderator's action from the petition's case page.
pub(crate) async fn act(t: &TestApp, id: PetitionId, action: &str, fields: &[(&str, &str)]) -> (Status, String) {
    let case = format!("/admin/moderation/petitions/{id}");
    let r = t.submit(&case, &format!("{case}/{action}"), fields).await;
    let status = r.status();
    (status, r.into_string().await.unwrap_or_default())
}

pub(crate) async fn logout(t: &TestApp) {
    t.submit("/", "/logout", &[]).await;
}

/// A fresh instance with olive's organisation "Friends of Trees", its petition "Trees for the
/// square", the moderator mona and the admin.
async fn friends_of_trees() -> (TestApp, OrganisationId, PetitionId) {
    let t = TestApp::start().await;
    let olive = t.user("olive", false).await;
    let friends = t.organisation("friends", "Friends of Trees", olive).await;
    let id = t.petition_of(OwnerId::Organisation(friends), "trees", content("Trees for the square")).await;
    t.moderator("mona").await;
    t.user("admin", true).await;
    (t, friends, id)
}

/// The audit log filtered by `query`, as the admin reads it (whoever was signed in signs out).
async fn audit_as_admin(t: &TestApp, query: &str) -> String {
    logout(t).await;
    t.login("admin").await;
    t.get(&format!("/admin/audit?{query}")).await.1
}

/// A form's token from a page anyone may open, for POSTs to pages that cannot be opened.
async fn token(t: &TestApp) -> String {
    common::csrf_token(&t.get("/login").await.1)
}

#[rocket::async_test]
async fn a_report_reaches_the_queue_then_hiding_answers_410_mails_the_owner_and_unhiding_restores_it() {
    let (t, _, id) = friends_of_trees().await;

    // Every public page of the petition links to the report form, which needs no account.
    for page in [format!("/p/{id}"), "/o/friends/trees".to_string()] {
        let (status, html) = t.get(&page).await;
        assert_eq!(status, Status::Ok);
        assert!(html.contains(&format!("href=\"/p/{id}/report\"")), "{page} links to the report form");
    }
    let form = format!("/p/{id}/report");
    let (status, html) = t.get(&form).await;
    assert_eq!(status, Status::Ok);
    for reason in
        ["Spam or advertising", "Hateful or violent", "Illegal content", "Misleading or false", "Something else"]
    {
        assert!(html.contains(reason), "the form offers {reason:?}");
    }
    let r = t.submit(&form, &form, &[("details", "Selling watches")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity, "a reason is needed");
    let html = r.into_string().await.unwrap_or_default();
    assert!(html.contains("Choose one of the reasons.") && html.contains("Selling watches"), "kept: {html}");
    let (_, fr) = t.get_lang(&form, "fr").await;
    assert!(fr.contains("Signaler cette pétition") && fr.contains("Spam ou publicité"));

    assert_eq!(report(&t, id, "Spam or advertising", "Selling watches, not a petition").await, Status::SeeOther);
    let (_, thanks) = t.get(&format!("/p/{id}/reported")).await;
    assert!(thanks.contains("Your report was received."));

    t.login("mona").await;
    let (_, admin) = t.get("/admin").await;
    assert!(admin.contains("href=\"/admin/moderation\""), "moderators find the queue from /admin");
    let (status, queue) = t.get("/admin/moderation").await;
    assert_eq!(status, Status::Ok);
    assert!(queue.contains("One petition has open reports."), "{queue}");
    assert!(queue.contains("Trees for the square") && queue.contains("By Friends of Trees"));
    assert!(queue.contains("One open report") && queue.contains("Spam or advertising: 1"));
    assert!(queue.contains("Selling watches, not a petition"));
    assert!(queue.contains(&format!("href=\"/admin/petitions/{id}/traffic\"")), "each entry links to its traffic");

    // Hiding needs a category and a reason the organisers will read.
    let (_, case) = t.get(&format!("/admin/moderation/petitions/{id}")).await;
    let spam = reason_value(&case, "Spam or advertising");
    let (status, page) = act(&t, id, "hide", &[("reason", &spam), ("note", "  ")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Write the reason"));
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::Ok, "nothing hidden yet");
    let (status, _) = act(&t, id, "hide", &[("reason", &spam), ("note", "Advertising for watches.")]).await;
    assert_eq!(status, Status::SeeOther);

    for page in [format!("/p/{id}"), "/o/friends/trees".to_string()] {
        let (status, html) = t.get(&page).await;
        assert_eq!(status, Status::Gone, "{page} is gone");
        assert!(html.contains("The moderators of this site have hidden this petition."));
        assert!(html.contains("Reason: Spam or advertising"), "{html}");
    }
    let (_, fr) = t.get_lang(&format!("/p/{id}"), "fr").await;
    assert!(fr.contains("Motif\u{a0}: Spam ou publicité"), "the category in the visitor's language");
    let csrf = token(&t).await;
    for action in [format!("/p/{id}/sign"), "/o/friends/trees/sign".to_string()] {
        let r = t
            .post_form(
                &action,
                &[("csrf_token", &csrf), ("email", "x@example.org"), ("first_name", "X"), ("last_name", "Y")],
            )
            .await;
        assert_eq!(r.status(), Status::Gone, "signing {action} stops");
    }
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id}")).await, 0);
    assert!(!t.get("/").await.1.contains("Trees for the square"), "it leaves the home page");
    assert!(!t.get("/o/friends").await.1.contains("Trees for the square"), "and its organisation's page");
    let (_, queue) = t.get("/admin/moderation").await;
    assert!(queue.contains("No petition has open reports."), "hiding closed the reports");

    let mails = t.smtp.wait_for(1, Duration::from_secs(10)).await;
    let mail = mails.iter().find(|m| m.to.iter().any(|to| to == "olive@example.org")).expect("the founder is mailed");
    let text = mail.text();
    assert!(text.contains("Advertising for watches.") && text.contains("Category: Spam or advertising"), "{text}");
    assert!(text.contains(&format!("http://petitions.test/dashboard/petitions/{id}")));

    // The organisers see why in their dashboard.
    logout(&t).await;
    t.login("olive").await;
    let (_, dashboard) = t.get(&format!("/dashboard/petitions/{id}")).await;
    assert!(dashboard.contains("The moderators have hidden this petition"));
    logout(&t).await;

    t.login("mona").await;
    let (_, withheld) = t.get("/admin/moderation/withheld").await;
    assert!(withheld.contains("Trees for the square"), "the hidden petition is listed to undo");
    let r = t.submit("/admin/moderation/withheld", &format!("/admin/moderation/petitions/{id}/unhide"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    logout(&t).await;
    let (status, _) = t.get(&format!("/p/{id}")).await;
    assert_eq!(status, Status::Ok, "shown again");
    t.sign(&format!("/p/{id}"), id, &[("first_name", "Ann"), ("last_name", "Lee"), ("email", "ann@example.org")]).await;

    // The admin reads both actions in the log, who did them and why.
    t.login("admin").await;
    let (_, log) = t.get(&format!("/admin/audit?kind=petition&target={id}")).await;
    assert!(log.contains("2 entries.") && log.contains("Petition hidden") && log.contains("Petition shown again"));
    assert!(log.contains("mona") && log.contains("Advertising for watches."));
}

#[rocket::async_test]
async fn dismissing_closes_the_reports_and_leaves_the_petition_as_it_was() {
    let t = TestApp::start().await;
    let olive = t.user("olive", false).await;
    let id = t.petition_of(OwnerId::User(olive), "trees", content("Trees for the square")).await;
    t.moderator("mona").await;
    t.user("admin", true).await;
    assert_eq!(report(&t, id, "Misleading or false", "").await, Status::SeeOther);
    t.login("mona").await;
    let (_, queue) = t.get("/admin/moderation").await;
    assert!(queue.contains("Misleading or false: 1"));
    let (status, _) = act(&t, id, "dismiss", &[("note", "Nothing wrong.")]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, queue) = t.get("/admin/moderation").await;
    assert!(queue.contains("No petition has open reports."));
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::Ok);
    let (_, fr) = t.get_lang("/admin/moderation", "fr").await;
    assert!(fr.contains("<h1>Modération</h1>") && fr.contains("Aucune pétition n’a de signalement ouvert."));
    let log = audit_as_admin(&t, "action=report.dismiss").await;
    assert!(log.contains("One entry.") && log.contains("Reports dismissed") && log.contains("Nothing wrong."));
}

#[rocket::async_test]
async fn a_suspended_account_cannot_sign_in_and_its_petitions_are_withheld_until_it_is_restored() {
    let t = TestApp::start().await;
    let sam = t.user("sam", false).await;
    let id = t.petition_of(OwnerId::User(sam), "trees", content("Trees for the square")).await;
    t.moderator("mona").await;
    let boss = t.user("boss", true).await;
    let staff = t.petition_of(OwnerId::User(boss), "staff", content("The admin's own")).await;

    // Sam is signed in on another browser, which the suspension signs out.
    t.login("sam").await;
    let sams_cookies: Vec<_> = t.client.cookies().iter().map(|c| c.clone().into_owned()).collect();
    logout(&t).await;
    let sams_session = sams_cookies.iter().find(|c| c.name() == "session").expect("a session cookie").clone();

    t.login("mona").await;
    let (status, page) = act(&t, id, "suspend-owner", &[("note", "")]).await;
    assert_eq!(status, Status::UnprocessableEntity, "a suspension says why");
    assert!(page.contains("Write the reason"));
    let (status, _) = act(&t, id, "suspend-owner", &[("note", "Spam from this account.")]).await;
    assert_eq!(status, Status::SeeOther);
    let (status, _) = act(&t, staff, "suspend-owner", &[("note", "No.")]).await;
    assert_eq!(status, Status::Conflict, "an admin is not suspended by a moderator");
    logout(&t).await;

    for page in [format!("/p/{id}"), "/u/sam/trees".to_string()] {
        let (status, html) = t.get(&page).await;
        assert_eq!(status, Status::Gone);
        assert!(html.contains("The account or organisation that runs this petition is suspended."));
    }
    assert!(!t.get("/").await.1.contains("Trees for the square"));
    let r = t.client.get("/dashboard").cookie(sams_session.clone()).dispatch().await;
    assert_eq!(r.status(), Status::SeeOther, "the session was closed");
    let r = t.submit("/login", "/login", &[("login", "sam"), ("password", "sam-password")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap_or_default().contains("This account is suspended"));

    t.login("mona").await;
    let (_, withheld) = t.get("/admin/moderation/withheld").await;
    assert!(withheld.contains("sam"));
    let r = t.submit("/admin/moderation/withheld", &format!("/admin/moderation/users/{sam}/unsuspend"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    logout(&t).await;
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::Ok);
    assert!(t.get("/").await.1.contains("Trees for the square"));
    t.login("sam").await;

    logout(&t).await;
    t.login("boss").await;
    let (_, log) = t.get(&format!("/admin/audit?kind=user&target={sam}")).await;
    assert!(
        log.contains("Account suspended")
            && log.contains("Account restored")
            && log.contains("Spam from this account.")
    );
}

#[rocket::async_test]
async fn a_suspended_organisation_withholds_its_petitions_and_takes_no_new_one() {
    let (t, friends, id) = friends_of_trees().await;
    t.login("mona").await;
    let (status, _) = act(&t, id, "suspend-owner", &[("note", "A front for spam.")]).await;
    assert_eq!(status, Status::SeeOther);
    logout(&t).await;

    assert_eq!(t.get("/o/friends/trees").await.0, Status::Gone);
    assert!(!t.get("/o/friends").await.1.contains("Trees for the square"));
    t.login("olive").await;
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "friends")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap_or_default().contains("This organisation is suspended"));
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions").await, 1);
    logout(&t).await;

    t.login("mona").await;
    let r = t
        .submit("/admin/moderation/withheld", &format!("/admin/moderation/organisations/{friends}/unsuspend"), &[])
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    logout(&t).await;
    assert_eq!(t.get("/o/friends/trees").await.0, Status::Ok);
    t.login("admin").await;
    let (_, log) = t.get(&format!("/admin/audit?kind=organisation&target={friends}")).await;
    assert!(log.contains("Organisation suspended") && log.contains("Organisation restored"));
}

/// A draft of `owner`, published by the signed-in user from its dashboard page.
async fn publish_draft(t: &TestApp, owner: UserId, slug: &str, title: &str) -> PetitionId {
    let id = petitions::create(
        &t.app().db,
        &rustition::domain::permissions::operator(OwnerId::User(owner)),
        NewPetition {
            content: content(title),
            slug: Some(slug.into()),
            status: PetitionStatus::Draft,
            locale: "en".into(),
            wizard_step: None,
        },
    )
    .await
    .expect("a draft");
    let page = format!("/dashboard/petitions/{id}");
    let r = t.submit(&page, &format!("{page}/status"), &[("change", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther, "published");
    id
}

#[rocket::async_test]
async fn with_pre_moderation_a_new_accounts_first_petition_waits_for_approval() {
    let t = TestApp::start_with(|s| {
        s.moderation.premoderation = true;
        s.moderation.premoderation_account_days = 7;
    })
    .await;
    let nina = t.user("nina", false).await;
    let ivan = t.user("ivan", false).await;
    t.moderator("mona").await;
    t.user("admin", true).await;

    t.login("nina").await;
    let first = publish_draft(&t, nina, "trees", "Trees for the square").await;
    let (_, dashboard) = t.get(&format!("/dashboard/petitions/{first}")).await;
    assert!(dashboard.contains("This petition is awaiting review by the moderators"));
    assert!(dashboard.contains("Published"), "its status stays published for its organisers");
    logout(&t).await;
    let (status, html) = t.get(&format!("/p/{first}")).await;
    assert_eq!(status, Status::NotFound);
    assert!(html.contains("This petition is awaiting review"));
    assert!(!t.get("/").await.1.contains("Trees for the square"));
    let csrf = token(&t).await;
    let r = t.post_form(&format!("/p/{first}/sign"), &[("csrf_token", &csrf), ("email", "a@example.org")]).await;
    assert_eq!(r.status(), Status::NotFound, "no signing before approval");

    t.login("ivan").await;
    let other = publish_draft(&t, ivan, "bins", "More bins").await;
    logout(&t).await;

    t.login("mona").await;
    let (_, queue) = t.get("/admin/moderation").await;
    assert!(
        queue.contains("Awaiting approval") && queue.contains("Trees for the square") && queue.contains("More bins")
    );
    assert_eq!(act(&t, first, "approve", &[("note", "")]).await.0, Status::SeeOther);
    let (status, page) = act(&t, other, "refuse", &[("note", "")]).await;
    assert_eq!(status, Status::UnprocessableEntity, "refusing says why");
    assert!(page.contains("Write the reason"));
    assert_eq!(act(&t, other, "refuse", &[("note", "Not a petition.")]).await.0, Status::SeeOther);
    logout(&t).await;

    assert_eq!(t.get(&format!("/p/{first}")).await.0, Status::Ok, "approved, it is public");
    assert!(t.get("/").await.1.contains("Trees for the square"));
    // Once one of her petitions is approved, nina is trusted.
    t.login("nina").await;
    let second = publish_draft(&t, nina, "benches", "Benches too").await;
    logout(&t).await;
    assert_eq!(t.get(&format!("/p/{second}")).await.0, Status::Ok);

    let mails = t.smtp.wait_for(1, Duration::from_secs(10)).await;
    let mail = mails.iter().find(|m| m.to.iter().any(|to| to == "ivan@example.org")).expect("ivan is mailed");
    assert!(mail.text().contains("did not approve") && mail.text().contains("Not a petition."));
    t.login("ivan").await;
    let (_, dashboard) = t.get(&format!("/dashboard/petitions/{other}")).await;
    assert!(dashboard.contains("Draft") && !dashboard.contains("awaiting review"), "back to draft");

    let log = audit_as_admin(&t, "kind=petition").await;
    assert!(log.contains("Petition approved") && log.contains("Petition refused") && log.contains("Not a petition."));
}

#[rocket::async_test]
async fn without_pre_moderation_a_new_account_publishes_at_once() {
    let t = TestApp::start().await;
    let nina = t.user("nina", false).await;
    t.login("nina").await;
    let id = publish_draft(&t, nina, "trees", "Trees for the square").await;
    assert!(!t.get(&format!("/dashboard/petitions/{id}")).await.1.contains("awaiting review"));
    logout(&t).await;
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::Ok);
}

#[rocket::async_test]
async fn reports_are_bounded_per_client_and_per_petition() {
    let t = TestApp::start().await;
    let olive = t.user("olive", false).await;
    t.moderator("mona").await;
    let mut ids = Vec::new();
    for i in 0..11 {
        ids.push(t.petition_of(OwnerId::User(olive), &format!("p{i}"), content(&format!("Petition number {i}"))).await);
    }
    // Reporting one petition twice counts once.
    assert_eq!(report(&t, ids[0], "Something else", "first").await, Status::SeeOther);
    assert_eq!(report(&t, ids[0], "Something else", "again").await, Status::SeeOther);
    for id in &ids[1..10] {
        assert_eq!(report(&t, *id, "Something else", "").await, Status::SeeOther);
    }
    let status = report(&t, ids[10], "Something else", "").await;
    assert_eq!(status, Status::TooManyRequests, "the eleventh report of the day from one client");
    let (_, refused) = t.get(&format!("/p/{}/report", ids[10])).await;
    let value = reason_value(&refused, "Something else");
    let form = format!("/p/{}/report", ids[10]);
    let r = t.submit(&form, &form, &[("reason", &value)]).await;
    assert!(r.into_string().await.unwrap_or_default().contains("You have sent many reports today."));

    // A petition takes so many reports a day; past them, reporters are thanked, nothing is stored.
    let db = &t.app().db;
    let now = chrono::Utc::now();
    let reason = t.count("SELECT MIN(id) FROM report_reasons").await;
    for n in 0..200 {
        use sea_orm::{ActiveModelTrait, Set};
        rustition::entities::report::ActiveModel {
            petition_id: Set(ids[10].0),
            reason_id: Set(reason),
            details: Set(String::new()),
            client_key: Set(format!("other-client-{n}")),
            created_at: Set(now),
            resolved_at: Set(None),
            resolution: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    t.login("mona").await;
    let (_, queue) = t.get("/admin/moderation").await;
    assert!(queue.contains("11 petitions have open reports.") && queue.contains("200 open reports"), "{queue}");
    let (_, case) = t.get(&format!("/admin/moderation/petitions/{}", ids[0])).await;
    assert!(case.contains("One open report") && case.contains("first") && !case.contains("again"));
}

#[rocket::async_test]
async fn the_admins_set_the_reasons_in_each_language() {
    let t = TestApp::start().await;
    let olive = t.user("olive", false).await;
    let id = t.petition_of(OwnerId::User(olive), "trees", content("Trees for the square")).await;
    t.user("admin", true).await;
    t.moderator("mona").await;

    t.login("mona").await;
    assert_eq!(t.get("/admin/moderation/reasons").await.0, Status::Forbidden, "reasons are the admins'");
    logout(&t).await;

    t.login("admin").await;
    let page = "/admin/moderation/reasons";
    let (status, html) = t.get(page).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("value=\"Spam or advertising\"") && html.contains("value=\"Spam ou publicité\""));
    let r = t.submit(page, page, &[("label[en]", ""), ("label[fr]", "Droit d’auteur")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity, "the default language's label is required");
    let html = r.into_string().await.unwrap_or_default();
    assert!(html.contains("This field is required.") && html.contains("value=\"Droit d’auteur\""));
    let r = t.submit(page, page, &[("label[en]", "Copyright"), ("label[fr]", "Droit d’auteur")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    // Spam is retired: the form no longer offers it.
    let spam = t.count("SELECT id FROM report_reasons WHERE code = 'spam'").await;
    let r = t
        .submit(
            page,
            &format!("{page}/{spam}"),
            &[("label[en]", "Spam or advertising"), ("label[fr]", "Spam ou publicité")],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, log) = t.get("/admin/audit?action=reason.change").await;
    assert!(log.contains("2 entries.") && log.contains("Copyright"));
    logout(&t).await;

    let (_, en) = t.get(&format!("/p/{id}/report")).await;
    assert!(en.contains("Copyright") && !en.contains("Spam or advertising"));
    let (_, fr) = t.get_lang(&format!("/p/{id}/report"), "fr").await;
    assert!(fr.contains("Droit d’auteur") && !fr.contains("Spam ou publicité"));
    assert_eq!(report(&t, id, "Copyright", "").await, Status::SeeOther);
}
