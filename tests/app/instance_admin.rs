//! Instance administration as an admin lives it: a setting changed at `/admin/settings` shows on
//! the very next request (no restart), and in the audit log; a mistake comes back beside its
//! field; accounts and organisations are searched and paged, moderators named and withdrawn;
//! an organisation's profile (with its logo) is edited by its members with the flag; the
//! statistics page shows the instance's numbers.
use std::time::Duration;

use rocket::http::{ContentType, Status};
use rustition::domain::ids::UserId;
use rustition::domain::organisation::organisations;
use rustition::domain::permissions::{Flag, operator};
use rustition::domain::petition::content::Content;
use rustition::domain::petition::petitions::OwnerId;
use rustition::entities::{organisation, user};
use rustition::mail::queue;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::common::{self, TestApp, location};

async fn as_admin() -> TestApp {
    let t = TestApp::start().await;
    t.user("admin", true).await;
    t.login("admin").await;
    t
}

async fn logout(t: &TestApp) {
    t.submit("/", "/logout", &[]).await;
}

#[rocket::async_test]
async fn the_name_banner_and_documents_show_on_the_next_request_and_are_audited() {
    let t = as_admin().await;
    let (_, before) = t.get("/").await;
    assert!(before.contains("<a class=\"site-name\" href=\"/\">Rustition</a>"), "the default name, from Fluent");
    assert!(!before.contains("instance-banner") && !before.contains("href=\"/terms\""));
    assert_eq!(t.get("/terms").await.0, Status::NotFound, "no terms until they are written");

    let terms = "# Terms\n\nBe **kind**.\n\n<script>alert(1)</script>";
    let changes = [
        ("name", "Petitions of Lyon"),
        ("description", "Run by the Lyon collective."),
        ("banner", "Maintenance tonight at 22:00"),
        ("terms", terms),
    ];
    assert_eq!(t.save_settings(&changes).await.0, Status::SeeOther);

    logout(&t).await;
    let (_, home) = t.get("/").await;
    assert!(home.contains("<a class=\"site-name\" href=\"/\">Petitions of Lyon</a>"));
    assert!(home.contains("<title>Petitions of Lyon</title>") && home.contains("Run by the Lyon collective."));
    assert!(home.contains("<div class=\"instance-banner\" role=\"note\">Maintenance tonight at 22:00</div>"));
    assert!(home.contains("href=\"/terms\"") && !home.contains("href=\"/legal\""), "only written documents");
    assert!(home.contains("href=\"/privacy\""), "the privacy page says what the instance does, written or not");
    let (status, page) = t.get("/terms").await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("<strong>kind</strong>") && !page.contains("<script>alert"), "{page}");
    assert_eq!(t.get("/legal").await.0, Status::NotFound);
    let (_, login) = t.get_lang("/login", "fr").await;
    assert!(login.contains("Maintenance tonight") && login.contains("Conditions d&#39;utilisation"));

    t.login("admin").await;
    let (_, log) = t.get("/admin/audit?kind=setting").await;
    assert!(log.contains("4 entries."), "one row per changed setting: {log}");
    assert!(log.contains(" → Maintenance tonight at 22:00") && log.contains(" → Petitions of Lyon"));
    assert!(log.contains("0 → 48 characters"), "a long text is logged by its length: {log}");
    // Saving the same again changes nothing and logs nothing.
    let (status, _) = t.save_settings(&changes).await;
    assert_eq!(status, Status::SeeOther);
    let (_, page) = t.get("/admin/settings").await;
    assert!(page.contains("Nothing was changed."));
    assert!(t.get("/admin/audit?kind=setting").await.1.contains("4 entries."));
}

#[rocket::async_test]
async fn mistakes_come_back_beside_their_fields_and_change_nothing() {
    let t = as_admin().await;
    let long = "x".repeat(101);
    let changes = [
        ("name", long.as_str()),
        ("registration", "sometimes"),
        ("default_theme", "../../etc"),
        ("signing_paused", "true"),
        ("banner", "Kept as typed"),
        ("retention_days", "0"),
    ];
    let (status, page) = t.save_settings(&changes).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"name-error\">This is too long."));
    assert!(page.contains("id=\"registration-error\">Choose one of the options."));
    assert!(page.contains("id=\"default_theme-error\">Choose one of the options."));
    assert!(page.contains("id=\"signing_paused_message-error\">Tell signers why signing is paused."));
    assert!(page.contains("id=\"retention_days-error\">Enter a number of days between 1 and 3650."));
    assert!(page.contains("value=\"Kept as typed\""), "what was typed is kept");
    assert!(!t.get("/").await.1.contains("instance-banner"), "nothing was saved");
    assert!(t.get("/admin/audit?kind=setting").await.1.contains("No entry."));

    let (_, fr) = t.get_lang("/admin/settings", "fr").await;
    assert!(fr.contains("<h1>Réglages</h1>") && fr.contains("Suspendre les signatures sur toutes les pétitions"));
}

#[rocket::async_test]
async fn registration_closes_then_opens_to_invited_people_only() {
    let t = as_admin().await;
    let founder = t.user("founder", false).await;
    t.organisation("friends", "Friends", founder).await;

    assert!(t.get("/login").await.1.contains("href=\"/register\""));
    t.save_settings(&[("registration", "closed")]).await;
    logout(&t).await;
    assert!(!t.get("/login").await.1.contains("href=\"/register\""), "no link to a closed form");
    let (status, page) = t.get("/register").await;
    assert_eq!(status, Status::NotFound);
    assert!(page.contains("This instance does not accept new accounts."), "{page}");

    t.login("admin").await;
    t.save_settings(&[("registration", "invite-only")]).await;
    logout(&t).await;
    let (status, page) = t.get("/register").await;
    assert_eq!(status, Status::Forbidden);
    assert!(page.contains("New accounts need an invitation from an organisation on this instance."));
    let (_, login) = t.get("/login").await;
    let token = common::csrf_token(&login);
    let fields = [
        ("csrf_token", token.as_str()),
        ("username", "sneaky"),
        ("email", "sneaky@example.org"),
        ("password", "a long enough password"),
    ];
    assert_eq!(t.post_form("/register", &fields).await.status(), Status::Forbidden, "the form too refuses");
    assert_eq!(
        t.post_form("/register", &[fields.as_slice(), &[("invitation", "made-up")]].concat()).await.status(),
        Status::Forbidden
    );

    // Someone invited by the organisation may register.
    t.login("founder").await;
    let r = t.invite("friends", "new@example.net").await;
    assert_eq!(r.status(), Status::SeeOther);
    logout(&t).await;
    let mail = t.smtp.wait_for(1, Duration::from_secs(10)).await.pop().expect("the invitation mail");
    let link =
        mail.link_containing("/invitations/").expect("a link").trim_start_matches("http://petitions.test").to_string();
    let invitation = link.trim_start_matches("/invitations/").to_string();
    let register = format!("/register?invitation={invitation}");
    let (status, form) = t.get(&register).await;
    assert_eq!(status, Status::Ok, "an invitation opens the form");
    let (token, answer) =
        (common::csrf_token(&form), t.answer_challenge(&form, rustition::domain::challenge::Scope::Registration));
    let challenge_token = common::hidden_field(&form, "challenge_token");
    let fields = [
        ("csrf_token", token.as_str()),
        ("username", "newcomer"),
        ("email", "new@example.net"),
        ("password", "a long enough password"),
        ("invitation", invitation.as_str()),
        ("challenge", answer.as_str()),
        ("challenge_token", challenge_token.as_str()),
    ];
    let r = t.post_form("/register", &fields).await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap_or_default().contains("Check your mail"), "the account is created");
}

#[rocket::async_test]
async fn organisation_creation_and_personal_petitions_follow_the_policy() {
    let t = as_admin().await;
    t.user("maria", false).await;
    t.save_settings(&[("organisation_creation", "admins"), ("personal_petitions", "")]).await;
    logout(&t).await;

    t.login("maria").await;
    assert_eq!(t.get("/organisations/new").await.0, Status::Forbidden);
    let (_, wizard) = t.get("/dashboard/new").await;
    assert!(!wizard.contains("value=\"me\""), "no personal choice");
    assert!(
        wizard.contains("This instance hosts petitions of organisations only. Join or create an organisation first.")
    );
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "me")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap_or_default().contains("organisations only: choose an organisation."));
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions").await, 0);
    logout(&t).await;

    t.login("admin").await;
    t.save_settings(&[("default_theme", "minimal")]).await;
    logout(&t).await;
    t.login("maria").await;
    assert_eq!(t.get("/organisations/new").await.0, Status::Ok);
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "me")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let start = location(&r);
    let look = start.replace("/wizard/start", "/wizard/look");
    let (_, page) = t.get(&look).await;
    assert!(page.contains("value=\"minimal\" checked"), "a new petition starts in the default theme");
}

#[rocket::async_test]
async fn paused_signing_shows_the_message_instead_of_the_form_and_refuses_signatures() {
    let t = as_admin().await;
    let id = t.petition().await;
    let (_, open) = t.get(&format!("/p/{id}")).await;
    assert!(open.contains(&format!("action=\"/p/{id}/sign\"")));

    t.save_settings(&[("signing_paused", "true"), ("signing_paused_message", "Back on Monday, after the audit.")])
        .await;
    logout(&t).await;
    let (_, paused) = t.get(&format!("/p/{id}")).await;
    assert!(
        paused.contains("Back on Monday, after the audit.") && !paused.contains(&format!("action=\"/p/{id}/sign\""))
    );
    let (_, token_page) = t.get("/login").await;
    let token = common::csrf_token(&token_page);
    let r = t
        .post_form(
            &format!("/p/{id}/sign"),
            &[("csrf_token", &token), ("first_name", "Ann"), ("email", "ann@example.org")],
        )
        .await;
    assert_eq!(r.status(), Status::ServiceUnavailable);
    assert!(r.into_string().await.unwrap_or_default().contains("Back on Monday, after the audit."));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);

    t.login("admin").await;
    t.save_settings(&[]).await;
    logout(&t).await;
    t.sign(&format!("/p/{id}"), id, &[("first_name", "Ann"), ("last_name", "Lee"), ("email", "ann@example.org")]).await;
}

#[rocket::async_test]
async fn settings_saved_by_another_process_are_read_within_a_few_seconds() {
    let t = TestApp::start().await;
    let db = &t.app().db;
    // What another process's save leaves in the shared database.
    db.execute_unprepared(
        "INSERT INTO instance_settings (key, value, updated_at) VALUES ('banner', 'From elsewhere', '2026-12-01T00:00:00+00:00')",
    )
    .await
    .unwrap();
    assert!(!t.get("/").await.1.contains("From elsewhere"), "not before the version says so");
    db.execute_unprepared("UPDATE settings_version SET version = version + 1").await.unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !t.get("/").await.1.contains("From elsewhere") {
        assert!(tokio::time::Instant::now() < deadline, "the banner never appeared");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// `n` accounts named `prefix00`, `prefix01`…, written directly (no password to hash).
async fn accounts(t: &TestApp, prefix: &str, n: usize) {
    for i in 0..n {
        user::ActiveModel {
            username: Set(format!("{prefix}{i:02}")),
            email: Set(format!("{prefix}{i:02}@example.org")),
            password_hash: Set("-".into()),
            display_name: Set(format!("Person {i}")),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&t.app().db)
        .await
        .unwrap();
    }
}

#[rocket::async_test]
async fn accounts_are_searched_and_paged_and_moderators_named_and_withdrawn() {
    let t = as_admin().await;
    accounts(&t, "user", 55).await;
    let (_, first) = t.get("/admin/users").await;
    assert!(first.contains("56 accounts.") && first.contains("Page 1 of 2"), "{first}");
    let (_, second) = t.get("/admin/users?page=2").await;
    assert!(second.contains("user54") && !second.contains("user00@"));
    let (_, found) = t.get("/admin/users?q=USER07%40").await;
    assert!(found.contains("One account.") && found.contains("Person 7"));
    let (_, nobody) = t.get("/admin/users?q=zz").await;
    assert!(nobody.contains("No account.") && nobody.contains("Nothing matches."));

    let maria = t.user("maria", false).await;
    let r = t.submit("/admin/users?q=maria", &format!("/admin/users/{maria}/moderator"), &[("on", "true")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, listed) = t.get("/admin/users?q=maria").await;
    assert!(listed.contains(">Moderator</td>") && listed.contains("Withdraw maria&#39;s moderator role"), "{listed}");
    let r = t.submit("/admin/users?q=maria", &format!("/admin/users/{maria}/moderator"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(t.get("/admin/users?q=maria").await.1.contains("Make maria a moderator"));
    let (_, log) = t.get("/admin/audit?kind=user").await;
    assert!(log.contains(">Role granted</td>") && log.contains(">Role withdrawn</td>") && log.contains("maria"));

    let admin = UserId(t.count("SELECT id FROM users WHERE username = 'admin'").await);
    let r = t.submit("/admin/users", &format!("/admin/users/{admin}/moderator"), &[("on", "true")]).await;
    assert_eq!(r.status(), Status::Conflict, "not on oneself");
    assert!(r.into_string().await.unwrap_or_default().contains("You cannot change your own role."));
    let (_, fr) = t.get_lang("/admin/users?q=maria", "fr").await;
    assert!(fr.contains("Un compte.") && fr.contains("Faire de maria un modérateur"));
}

#[rocket::async_test]
async fn organisations_are_searched_and_paged_each_linking_to_its_profile() {
    let t = as_admin().await;
    for i in 0..51 {
        organisation::ActiveModel {
            slug: Set(format!("group-{i:02}")),
            name: Set(format!("Group {i:02}")),
            description: Set(String::new()),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&t.app().db)
        .await
        .unwrap();
    }
    let (_, first) = t.get("/admin/organisations").await;
    assert!(first.contains("51 organisations.") && first.contains("Page 1 of 2"));
    assert!(first.contains("href=\"/dashboard/o/group-00/profile\"") && !first.contains("group-50"));
    let (_, second) = t.get("/admin/organisations?page=2").await;
    assert!(second.contains("Group 50"));
    let (_, found) = t.get("/admin/organisations?q=group-1").await;
    assert!(found.contains("10 organisations."), "{found}");
    let (_, fr) = t.get_lang("/admin/organisations?q=group-07", "fr").await;
    assert!(fr.contains("Une organisation.") && fr.contains("Modifier le profil de Group 07"));
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        let mut writer = encoder.write_header().expect("png header");
        writer.write_image_data(&vec![90u8; (width * height * 3) as usize]).expect("png data");
    }
    out
}

/// A PNG header promising 8000 × 8000 pixels (256 MB decoded) in a file of a few bytes.
fn huge_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, 8000, 8000);
        encoder.set_color(png::ColorType::Rgba);
        let mut writer = encoder.write_header().expect("header");
        writer.write_chunk(png::chunk::IDAT, b"not deflate").expect("chunk");
    }
    out
}

#[rocket::async_test]
async fn members_with_the_flag_edit_the_profile_and_its_logo() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let bob = t.user("bob", false).await;
    let org = t.organisation("friends", "Friends", alice).await;
    let db = &t.app().db;
    organisations::add_member(db, &operator(org), bob).await.unwrap();
    organisations::set_permissions(db, &operator(org), bob, &[Flag::CreatePetitions]).await.unwrap();
    t.petition_of(OwnerId::Organisation(org), "trees", Content { title: "Plant trees".into(), ..Default::default() })
        .await;

    t.login("bob").await;
    assert_eq!(t.get("/dashboard/o/friends/profile").await.0, Status::Forbidden, "bob lacks the flag");
    logout(&t).await;

    t.login("alice").await;
    let (_, members) = t.get("/dashboard/o/friends/members").await;
    assert!(members.contains("href=\"/dashboard/o/friends/profile\"") && members.contains("value=\"edit_profile\""));
    let r = t
        .submit(
            "/dashboard/o/friends/profile",
            "/dashboard/o/friends/profile",
            &[("name", ""), ("website", "javascript:x")],
        )
        .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = r.into_string().await.unwrap_or_default();
    assert!(page.contains("id=\"name-error\">This field is required.") && page.contains("value=\"javascript:x\""));
    let fields = [
        ("name", "Friends of the Park"),
        ("description", "We keep the **park** green."),
        ("website", "https://friends.example.org"),
    ];
    let r = t.submit("/dashboard/o/friends/profile", "/dashboard/o/friends/profile", &fields).await;
    assert_eq!(r.status(), Status::SeeOther);

    let action = "/dashboard/o/friends/profile/logo";
    let r = t.upload(("/dashboard/o/friends/profile", action), None, &[], ("logo", "logo.png", &png(800, 200))).await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.upload(("/dashboard/o/friends/profile", action), None, &[], ("logo", "bomb.png", &huge_png())).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap_or_default().contains("id=\"logo-error\">"), "refused beside the field");
    logout(&t).await;

    let (_, public) = t.get("/o/friends").await;
    assert!(public.contains("<h1>Friends of the Park</h1>") && public.contains("<strong>park</strong>"));
    assert!(public.contains("href=\"https://friends.example.org\"") && public.contains("Plant trees"));
    let at = public.find("src=\"/organisations/").expect("the logo");
    let src = public[at + 5..].split('"').next().unwrap().to_string();
    assert!(public.contains("width=\"400\" height=\"100\""), "scaled into its box: {public}");
    let r = t.client.get(src).dispatch().await;
    assert_eq!(r.content_type(), Some(ContentType::JPEG), "re-encoded");

    // An admin edits any organisation's profile; every change is in the log.
    t.user("admin", true).await;
    t.login("admin").await;
    let r = t.submit("/dashboard/o/friends/profile", "/dashboard/o/friends/profile/logo/remove", &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(!t.get("/o/friends").await.1.contains("src=\"/organisations/"));
    let (_, log) = t.get(&format!("/admin/audit?kind=organisation&target={}", org.0)).await;
    assert!(log.contains("3 entries.") && log.contains("name, description, website") && log.contains("logo removed"));
    let (_, fr) = t.get_lang("/dashboard/o/friends/profile", "fr").await;
    assert!(fr.contains("Profil public") && fr.contains("Envoyer le logo"));
}

#[rocket::async_test]
async fn the_statistics_page_shows_petitions_signatures_and_the_mail_queue() {
    let t = as_admin().await;
    let id = t.petition().await;
    let alice = t.user("alice", false).await;
    let draft = Content { title: "Not yet".into(), ..Default::default() };
    let draft_id = t.petition_of(OwnerId::User(alice), "later", draft).await;
    t.app()
        .db
        .execute_unprepared(&format!("UPDATE petitions SET status = 'draft' WHERE id = {draft_id}"))
        .await
        .unwrap();
    let now = chrono::Utc::now();
    for (i, when) in [now, now, now - chrono::Duration::days(3), now - chrono::Duration::days(200)].iter().enumerate() {
        let mut s = common::signature(id, "Ann", "Lee", &format!("ann{i}@example.org"));
        s.confirmed_at = Set(Some(*when));
        s.insert(&t.app().db).await.unwrap();
    }
    let draft_mail = crate::common::test_mail;
    // Due tomorrow, so that the worker leaves them waiting.
    let later = now + chrono::Duration::days(1);
    queue::enqueue(&t.app().db, draft_mail("a@example.org"), later).await.unwrap();
    let failed = queue::enqueue(&t.app().db, draft_mail("b@example.org"), later).await.unwrap();
    t.app()
        .db
        .execute_unprepared(&format!("UPDATE mail_queue SET status = 'failed' WHERE id = {failed}"))
        .await
        .unwrap();

    let (status, page) = t.get("/admin/statistics").await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("<dt>Draft</dt><dd>1</dd>") && page.contains("<dt>Published</dt><dd>1</dd>"), "{page}");
    assert!(page.contains("<dt>All petitions</dt><dd>2</dd>"));
    assert!(page.contains("3 signatures were confirmed in that time."), "the 200-day-old one is outside");
    assert!(page.contains("<svg") && page.contains("Confirmed signatures over the last 90 days"));
    assert!(page.contains("<dt>Mails waiting to be sent</dt><dd>1</dd>"));
    assert!(page.contains("queued less than a minute ago"));
    assert!(page.contains("href=\"/admin/mail?status=failed\">1</a>"));
    let (_, fr) = t.get_lang("/admin/statistics", "fr").await;
    assert!(fr.contains("3 signatures ont été confirmées pendant cette période."));
}
