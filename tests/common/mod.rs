//! The harness every integration test uses: the real app (`build_rocket`) on a fresh database
//! with the real migrations, driven over HTTP by Rocket's local client, sending mail over TCP to
//! a real SMTP listener.
//!
//! The database is an SQLite file in a temporary folder, or, when `RUSTITION_TEST_DATABASE_URL`
//! names a PostgreSQL server (`postgres://user@127.0.0.1:5432/postgres`), a new database created
//! on it for this test alone.
#![allow(dead_code)]

pub mod http;
pub mod process;
pub mod seed;
pub mod smtp;

use std::path::PathBuf;
use std::time::Duration;

use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use rustition::App;
use rustition::config::{Settings, Transport};
use rustition::domain::ids::{OrganisationId, PetitionId, UserId};
use rustition::domain::organisation::organisations::{self, OrganisationInput};
use rustition::domain::petition::petitions::{
    self, Content, FieldRule, NewPetition, OwnerId, Status as PetitionStatus,
};
use rustition::entities::signature;
use sea_orm::{ConnectionTrait, Database, Set};

pub use smtp::SmtpServer;

pub struct TestApp {
    pub client: Client,
    pub smtp: SmtpServer,
    pub dir: tempfile::TempDir,
}

/// The repository root, where templates/, locales/ and static/ are.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh database URL for one test.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    match std::env::var("RUSTITION_TEST_DATABASE_URL") {
        Ok(admin) if admin.starts_with("postgres") => {
            let name = format!(
                "rustition_test_{}",
                rustition::domain::tokens::random_token(9).to_lowercase().replace(['-', '_'], "x")
            );
            let conn = Database::connect(&admin).await.expect("connect to the test PostgreSQL server");
            conn.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
            conn.close().await.expect("close the admin connection");
            let (base, _) = admin.rsplit_once('/').expect("postgres URL with a database name");
            format!("{base}/{name}")
        }
        _ => format!("sqlite://{}/test.db?mode=rwc", dir.display()),
    }
}

/// Settings for a test: its own data folder and database, mail to the test listener, and
/// background tasks that run often so that tests do not wait.
pub async fn test_settings(dir: &std::path::Path, smtp: &SmtpServer) -> Settings {
    let mut s = Settings::default();
    s.server.data_dir = dir.to_path_buf();
    s.server.public_url = Some("http://petitions.test".into());
    s.database.url = Some(fresh_database(dir).await);
    // Hundreds of apps start one after the other in the matrices: few connections each, so
    // that a PostgreSQL shared by parallel tests is not starved of them.
    s.database.max_connections = 3;
    s.mail.transport = Transport::Smtp;
    s.mail.smtp_url = Some(smtp.url());
    s.mail.poll_interval_ms = 50;
    s.mail.retry_initial_seconds = 0.2;
    s.mail.retry_max_seconds = 2.0;
    s.signing.count_interval_ms = 100;
    // Tests sign many times from one local client; `abuse::` sets the real rates.
    s.signing.per_client_per_minute = 100_000;
    s.signing.per_petition_per_minute = 100_000;
    s
}

/// Every test that renders pages or mails checks that none showed a Fluent key raw or failed to
/// format a message (`I18n::faults`): a page that shows a key a locale lacks fails its test.
impl Drop for TestApp {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let faults = self.app().i18n.take_faults();
        assert!(faults.is_empty(), "keys shown raw or messages that failed to format: {faults:#?}");
    }
}

impl TestApp {
    pub async fn start() -> TestApp {
        TestApp::start_with(|_| {}).await
    }

    pub async fn start_with(change: impl FnOnce(&mut Settings)) -> TestApp {
        let dir = tempfile::tempdir().expect("temporary folder");
        let smtp = SmtpServer::start().await;
        let mut settings = test_settings(dir.path(), &smtp).await;
        change(&mut settings);
        let rocket = rustition::build_rocket(settings).await.expect("the app builds");
        let client = Client::tracked(rocket).await.expect("the app launches");
        let t = TestApp { client, smtp, dir };
        if std::env::var("RUSTITION_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")) {
            assert_eq!(t.app().db.get_database_backend(), sea_orm::DbBackend::Postgres, "tests run on PostgreSQL");
        }
        t
    }

    pub fn app(&self) -> &App {
        self.client.rocket().state::<App>().expect("App state")
    }

    /// The right answer to the challenge of a page's form of `scope` (the server alone can work
    /// it out from the token; the questions' kinds and normalised answers are `abuse::`'s and the
    /// unit tests' concern).
    pub fn answer_challenge(&self, html: &str, scope: rustition::domain::challenge::Scope) -> String {
        let token = hidden_field(html, "challenge_token");
        let key = self.app().bot_defence.key();
        rustition::domain::challenge::expected(key, scope, &token, chrono::Utc::now()).expect("a valid challenge")
    }

    /// A published petition of a new organisation, with the given signer fields.
    pub async fn petition_with(&self, slug: &str, phone: FieldRule) -> PetitionId {
        let db = &self.app().db;
        let org = rustition::entities::organisation::ActiveModel {
            slug: sea_orm::Set(format!("org-{slug}")),
            name: sea_orm::Set("Friends of the Test".into()),
            description: sea_orm::Set(String::new()),
            created_at: sea_orm::Set(chrono::Utc::now()),
            ..Default::default()
        };
        let org = sea_orm::ActiveModelTrait::insert(org, db).await.expect("insert organisation");
        petitions::create(
            db,
            &rustition::domain::permissions::operator(OwnerId::Organisation(OrganisationId(org.id))),
            NewPetition {
                content: {
                    let mut c = Content {
                        title: "Save the <Old> Library & Park".into(),
                        text: "We ask the council to **keep** the library open.\n\n<script>alert('x')</script>".into(),
                        goal: 100,
                        ..Default::default()
                    };
                    c.fields.phone = phone;
                    c
                },
                slug: Some(slug.into()),
                status: PetitionStatus::Published,
                locale: "en".into(),
                wizard_step: None,
            },
        )
        .await
        .expect("create petition")
    }

    /// A published petition of `owner` at `…/<slug>`.
    pub async fn petition_of(&self, owner: OwnerId, slug: &str, content: Content) -> PetitionId {
        let new = NewPetition {
            content,
            slug: Some(slug.into()),
            status: PetitionStatus::Published,
            locale: "en".into(),
            wizard_step: None,
        };
        petitions::create(&self.app().db, &rustition::domain::permissions::operator(owner), new)
            .await
            .expect("create petition")
    }

    pub async fn petition(&self) -> PetitionId {
        self.petition_with("library", FieldRule::Optional).await
    }

    /// Signs petition `id` from `page` as a visitor does, and expects the redirect that follows
    /// a signature that was taken.
    pub async fn sign(&self, page: &str, id: PetitionId, fields: &[(&str, &str)]) {
        let r = self.submit(page, &format!("/p/{id}/sign"), fields).await;
        assert_eq!(r.status(), Status::SeeOther, "signing petition {id} from {page}");
    }

    /// Creates the organisation `slug` called `name`, with `founder` as its first admin, as the
    /// "new organisation" form would; returns its id.
    pub async fn organisation(&self, slug: &str, name: &str, founder: UserId) -> OrganisationId {
        let input = OrganisationInput { slug: slug.into(), name: name.into(), ..Default::default() };
        let org = organisations::create(&self.app().db, &rustition::domain::permissions::operator(()), founder, input)
            .await
            .expect("create organisation");
        OrganisationId(org.id)
    }

    /// Creates an account (verified) directly, as an admin would.
    pub async fn user(&self, username: &str, admin: bool) -> rustition::domain::ids::UserId {
        rustition::domain::account::accounts::create(
            &self.app().db,
            rustition::domain::account::accounts::NewAccount {
                username: username.into(),
                email: format!("{username}@example.org"),
                password: format!("{username}-password"),
                is_admin: admin,
                verified: true,
                ..Default::default()
            },
        )
        .await
        .expect("create account")
    }

    /// Creates a verified account holding the moderator role (as an admin would grant it).
    pub async fn moderator(&self, username: &str) -> rustition::domain::ids::UserId {
        let id = self.user(username, false).await;
        let db = &self.app().db;
        let mut user: rustition::entities::user::ActiveModel =
            <rustition::entities::user::Entity as sea_orm::EntityTrait>::find_by_id(id.0)
                .one(db)
                .await
                .expect("read")
                .expect("the user")
                .into();
        user.is_moderator = sea_orm::Set(true);
        sea_orm::ActiveModelTrait::update(user, db).await.expect("grant moderator");
        id
    }

    /// Signs in through the login form (the password of `user()` accounts).
    pub async fn login(&self, username: &str) {
        let password = format!("{username}-password");
        let r = self.submit("/login", "/login", &[("login", username), ("password", &password)]).await;
        assert_eq!(r.status(), Status::SeeOther, "login as {username}");
    }

    pub async fn get(&self, path: &str) -> (Status, String) {
        let response = self.client.get(path.to_string()).dispatch().await;
        let status = response.status();
        (status, response.into_string().await.unwrap_or_default())
    }

    pub async fn get_lang(&self, path: &str, accept_language: &str) -> (Status, String) {
        let response = self
            .client
            .get(path.to_string())
            .header(Header::new("Accept-Language", accept_language.to_string()))
            .dispatch()
            .await;
        let status = response.status();
        (status, response.into_string().await.unwrap_or_default())
    }

    /// POSTs a urlencoded form as a browser would.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> LocalResponse<'_> {
        let body = fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        self.client.post(path.to_string()).header(ContentType::Form).body(body).dispatch().await
    }

    /// Opens the page at `path`, then submits its form at `action` with the page's CSRF token.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> LocalResponse<'_> {
        let (status, html) = self.get(page).await;
        assert_eq!(status, Status::Ok, "GET {page} before submitting");
        let token = csrf_token(&html);
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form(action, &all).await
    }

    /// Presses the button of a mailed confirmation link (`/p/<id>/confirm/<token>`, local path),
    /// as the signer does: the POST answers 303 to the confirmed page, whose text is returned.
    pub async fn confirm(&self, link: &str) -> String {
        let r = self.submit(link, link, &[]).await;
        assert_eq!(r.status(), Status::SeeOther, "confirming {link}");
        let (status, page) = self.get(&location(&r)).await;
        assert!(status == Status::Ok && page.contains("Your signature is confirmed"), "confirming {link}: {page}");
        page
    }

    /// Submits the new-organisation form as the signed-in user.
    pub async fn new_organisation(&self, fields: &[(&str, &str)]) -> LocalResponse<'_> {
        self.submit("/organisations/new", "/organisations/new", fields).await
    }

    /// Invites `invitee` (a username or an address) from organisation `slug`'s members page.
    pub async fn invite(&self, slug: &str, invitee: &str) -> LocalResponse<'_> {
        let (page, action) = (format!("/dashboard/o/{slug}/members"), format!("/dashboard/o/{slug}/invite"));
        self.submit(&page, &action, &[("invitee", invitee)]).await
    }

    /// Changes the signed-in account's password through the account page.
    pub async fn change_password(&self, current: &str, new: &str) -> LocalResponse<'_> {
        self.submit("/account", "/account/password", &[("current_password", current), ("new_password", new)]).await
    }

    /// Posts the settings form as the signed-in admin: the defaults of a fresh instance, with
    /// `changes` in place of (or beside) them. A box given as `("personal_petitions", "")` (or
    /// `guest_petitions`) is left out, as an unticked box is.
    pub async fn save_settings(&self, changes: &[(&str, &str)]) -> (Status, String) {
        let mut fields: Vec<(&str, &str)> =
            SETTINGS_DEFAULTS.iter().filter(|(k, _)| !changes.iter().any(|(c, _)| c == k)).copied().collect();
        fields.extend_from_slice(changes);
        fields.retain(|(k, v)| !(matches!(*k, "personal_petitions" | "guest_petitions") && v.is_empty()));
        let r = self.submit("/admin/settings", "/admin/settings", &fields).await;
        let status = r.status();
        if status == Status::SeeOther {
            assert_eq!(location(&r), "/admin/settings");
        }
        (status, r.into_string().await.unwrap_or_default())
    }

    /// GETs `path`, or POSTs `fields` to it with a CSRF token from a page any visitor can open
    /// (`/login`): the status and the redirect's target, for checking who may do what.
    pub async fn request(&self, method: &str, path: &str, fields: &[(&str, &str)]) -> (Status, String) {
        let response = if method == "GET" {
            self.client.get(path.to_string()).dispatch().await
        } else {
            let (_, login) = self.get("/login").await;
            let token = csrf_token(&login);
            let mut all = vec![("csrf_token", token.as_str())];
            all.extend_from_slice(fields);
            self.post_form(path, &all).await
        };
        (response.status(), location(&response))
    }

    /// Sends a file form as a browser does (multipart/form-data): the CSRF token read from
    /// `page` (or `token` when given), the text `fields`, and `file` as (field, file name, bytes).
    pub async fn upload(
        &self,
        (page, action): (&str, &str),
        token: Option<&str>,
        fields: &[(&str, &str)],
        (field, filename, file): (&str, &str, &[u8]),
    ) -> LocalResponse<'_> {
        let (_, html) = self.get(page).await;
        let token = token.map_or_else(|| csrf_token(&html), str::to_string);
        let boundary = "----rustition-test-boundary";
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        let body = multipart(boundary, &all, (field, filename, file));
        let ct = ContentType::new("multipart", "form-data").with_params(("boundary", boundary));
        // As a browser does: an upload without its length is refused (see `web::csrf`).
        let length = rocket::http::Header::new("Content-Length", body.len().to_string());
        self.client.post(action.to_string()).header(ct).header(length).body(body).dispatch().await
    }

    /// Waits until the public page of `petition` shows `n` signatures.
    pub async fn wait_for_count(&self, petition: PetitionId, text: &str) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let (_, html) = self.get(&format!("/p/{petition}")).await;
            if html.contains(text) {
                return;
            }
            assert!(tokio::time::Instant::now() < deadline, "the page never showed {text:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let db = &self.app().db;
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql.to_string()))
            .await
            .expect("query")
            .expect("one row");
        row.try_get_by_index::<i64>(0).expect("a count")
    }
}

/// An account-style mail to `to`, for tests of the queue itself.
pub fn test_mail(to: &str) -> rustition::mail::queue::MailDraft {
    rustition::mail::queue::MailDraft {
        kind: "test",
        priority: rustition::mail::queue::PRIORITY_URGENT,
        recipient: to.into(),
        subject: "Hello".into(),
        body_text: "Hello.".into(),
        body_html: None,
        reply_to: None,
    }
}

/// The path a redirect points to.
/// A confirmed signature made now, as the signing form writes it; change what a test needs.
pub fn signature(petition: PetitionId, first: &str, last: &str, email: &str) -> signature::ActiveModel {
    let now = chrono::Utc::now();
    signature::ActiveModel {
        petition_id: Set(petition.0),
        first_name: Set(Some(first.into())),
        last_name: Set(Some(last.into())),
        email: Set(email.into()),
        email_canonical: Set(email.to_lowercase()),
        phone: Set(None),
        locale: Set("en".into()),
        confirmation_token_hash: Set(None),
        token_expires_at: Set(None),
        confirmed_at: Set(Some(now)),
        newsletter_optin: Set(false),
        created_at: Set(now),
        postal_code: Set(None),
        country: Set(None),
        organisation: Set(None),
        custom1: Set(None),
        custom2: Set(None),
        custom3: Set(None),
        ..Default::default()
    }
}

pub fn location(r: &LocalResponse<'_>) -> String {
    r.headers().get_one("Location").unwrap_or_default().to_string()
}

pub fn csrf_token(html: &str) -> String {
    hidden_field(html, "csrf_token")
}

/// The value of the first field named `name` in the page.
/// The settings form as it stands on a fresh instance.
const SETTINGS_DEFAULTS: [(&str, &str); 10] = [
    ("name", ""),
    ("description", ""),
    ("registration", "open"),
    ("organisation_creation", "anyone"),
    ("personal_petitions", "true"),
    ("guest_petitions", "true"),
    ("default_theme", "classic"),
    ("banner", ""),
    ("signing_paused_message", ""),
    ("retention_days", "90"),
];

/// The signer fields form as the page first shows it (first and last name required).
pub const SIGNER_FIELDS: [(&str, &str); 12] = [
    ("field_first_name", "required"),
    ("field_last_name", "required"),
    ("field_phone", "off"),
    ("field_postal_code", "off"),
    ("field_country", "off"),
    ("field_organisation", "off"),
    ("custom1_label", ""),
    ("field_custom1", "off"),
    ("custom2_label", ""),
    ("field_custom2", "off"),
    ("custom3_label", ""),
    ("field_custom3", "off"),
];

/// A multipart/form-data body: the text `fields`, then `file` as (field, file name, bytes),
/// sent as a PNG.
pub fn multipart(boundary: &str, fields: &[(&str, &str)], (field, filename, file): (&str, &str, &[u8])) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes(),
        );
    }
    body.extend(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n\
             Content-Type: image/png\r\n\r\n"
        )
        .bytes(),
    );
    body.extend_from_slice(file);
    body.extend(format!("\r\n--{boundary}--\r\n").bytes());
    body
}

pub fn hidden_field(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("the page has a {name} field")) + marker.len();
    html[start..].split('"').next().unwrap_or_default().to_string()
}

/// application/x-www-form-urlencoded encoding.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Every `src`, `href` and `action` in the page stays on the instance: relative, a fragment, or
/// under `origin` (or a `mailto:` without recipient).
pub fn assert_same_origin_only(html: &str, origin: &str) {
    for attr in ["src=\"", "href=\"", "action=\"", "srcset=\""] {
        for (at, _) in html.match_indices(attr) {
            let value = html[at + attr.len()..].split('"').next().unwrap_or_default();
            // `mailto:?…` (no recipient) opens the signer's own mail program and loads nothing.
            let local = value.starts_with('/') && !value.starts_with("//")
                || value.starts_with('#')
                || value.starts_with('?')
                || value.starts_with("mailto:?");
            assert!(local || value.starts_with(origin), "{attr}{value}\" leaves the instance");
        }
    }
}
