//! The real application served over TCP on 127.0.0.1, as a browser needs it, with mail going to
//! the test SMTP listener; and the petitions the scenarios sign, one per theme.
use std::sync::Arc;
use std::time::Duration;

use rocket::Shutdown;
use rustition::App;
use rustition::domain::ids::{OrganisationId, PetitionId, UserId};
use rustition::domain::petition::petitions::{self, Content, FieldRule, NewPetition, OwnerId, Status};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::{self, SmtpServer};

pub const MAIL_WAIT: Duration = Duration::from_secs(10);

/// A published petition as the public reaches it.
pub struct Petition {
    pub id: PetitionId,
    pub theme: String,
    /// `/o/<org>/<slug>`.
    pub path: String,
}

pub struct Served {
    /// `http://127.0.0.1:<port>`, also the instance's public URL (links in mails).
    pub base: String,
    pub db: DatabaseConnection,
    pub i18n: Arc<rustition::i18n::I18n>,
    pub views: Arc<rustition::views::Views>,
    pub smtp: SmtpServer,
    /// Signs the signers' links, to make an unsubscribe token as a mail would carry it.
    pub withdraw_key: rustition::domain::signature::withdrawal::WithdrawKey,
    organisation: OrganisationId,
    shutdown: Shutdown,
    _dir: tempfile::TempDir,
}

impl Served {
    pub async fn start() -> Served {
        let dir = tempfile::tempdir().expect("temporary folder");
        let smtp = SmtpServer::start().await;
        let port = SmtpServer::reserve_port().await;
        let base = format!("http://127.0.0.1:{port}");
        let mut settings = common::test_settings(dir.path(), &smtp).await;
        settings.server.address = "127.0.0.1".into();
        settings.server.port = port;
        settings.server.public_url = Some(base.clone());
        let rocket = rustition::build_rocket(settings).await.expect("the app builds");
        let rocket = rocket.ignite().await.expect("the app ignites");
        let app = rocket.state::<App>().expect("App state");
        let (db, i18n, views) = (app.db.clone(), app.i18n.clone(), app.views.clone());
        let withdraw_key = app.withdraw_key.clone();
        let shutdown = rocket.shutdown();
        tokio::spawn(rocket.launch());
        wait_until_healthy(port).await;

        let org = rustition::entities::organisation::ActiveModel {
            slug: sea_orm::Set("friends".into()),
            name: sea_orm::Set("Friends of the Street Trees".into()),
            description: sea_orm::Set(String::new()),
            created_at: sea_orm::Set(chrono::Utc::now()),
            ..Default::default()
        };
        let org = sea_orm::ActiveModelTrait::insert(org, &db).await.expect("insert organisation");
        Served { base, db, i18n, views, smtp, withdraw_key, organisation: OrganisationId(org.id), shutdown, _dir: dir }
    }

    /// The full URL of `path` on the instance.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Every theme the instance offers, `classic` first.
    pub fn themes(&self) -> Vec<String> {
        self.views.themes()
    }

    /// A published petition in `theme`, with a goal, a heading and a list in its text, and
    /// signer fields of each kind (required, optional, a checkbox).
    pub async fn petition(&self, theme: &str) -> Petition {
        let mut content = Content {
            title: format!("More trees in our streets ({theme})"),
            text: "## Why\n\nShade in summer, cleaner air, birds.\n\n\
                   ## What we ask\n\n- a tree every ten metres\n- watering in the first two summers\n"
                .into(),
            goal: 500,
            ..Default::default()
        };
        content.look.theme = theme.to_string();
        content.fields.first_name = FieldRule::Required;
        content.fields.last_name = FieldRule::Optional;
        content.mail.newsletter_label = "Tell me how the campaign goes".into();
        let new = NewPetition {
            content,
            slug: Some(format!("trees-{theme}")),
            status: Status::Published,
            locale: "en".into(),
            wizard_step: None,
        };
        let id = petitions::create(
            &self.db,
            &rustition::domain::permissions::operator(OwnerId::Organisation(self.organisation)),
            new,
        )
        .await
        .expect("create petition");
        // An uploaded image, so that screenshots and axe see the header image area.
        let alt = "Young trees along a street";
        rustition::domain::petition::images::save::<rustition::domain::permissions::ModifyPetition>(
            &self.db,
            (&rustition::domain::permissions::operator(id), &Default::default()),
            header_png(),
            alt,
        )
        .await
        .expect("the image is accepted");
        let path = petitions::public_by_id(&self.db, id).await.expect("the petition is public").path;
        Petition { id, theme: theme.to_string(), path }
    }

    /// A verified account whose password is `<username>-password`, as `common::TestApp::user`.
    pub async fn user(&self, username: &str) -> UserId {
        let new = rustition::domain::account::accounts::NewAccount {
            username: username.into(),
            email: format!("{username}@example.org"),
            password: format!("{username}-password"),
            verified: true,
            ..Default::default()
        };
        rustition::domain::account::accounts::create(&self.db, new).await.expect("create account")
    }

    /// The confirmation link of the `n`th mail (1-based) the listener receives.
    pub async fn confirmation_link(&self, n: usize, to: &str) -> String {
        let mail = self.smtp.wait_for(n, MAIL_WAIT).await.remove(n - 1);
        assert_eq!(mail.to, vec![to.to_string()], "mail {n} goes to the signer");
        let link = mail.link_containing("/confirm/").expect("a confirmation link in the mail");
        assert!(link.starts_with(&format!("{}/", self.base)), "the link leads to the instance: {link}");
        link
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let statement = sea_orm::Statement::from_string(self.db.get_database_backend(), sql.to_string());
        let row = self.db.query_one_raw(statement).await.expect("query").expect("one row");
        row.try_get_by_index::<i64>(0).expect("a count")
    }

    /// An English message, as the pages show it.
    pub fn english(&self, key: &str) -> String {
        self.i18n.tr("en", key, None)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.shutdown.clone().notify();
    }
}

/// Waits until `GET /healthz` answers 200 over a real connection.
async fn wait_until_healthy(port: u16) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(mut stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
            let request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            let mut answer = String::new();
            if stream.write_all(request.as_bytes()).await.is_ok()
                && stream.read_to_string(&mut answer).await.is_ok()
                && answer.starts_with("HTTP/1.1 200")
            {
                return;
            }
        }
        assert!(tokio::time::Instant::now() < deadline, "the server never answered /healthz on port {port}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A 1200 × 400 picture: green rows on sky blue, drawn here rather than read from a file.
fn header_png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(1200, 400, |x, y| {
        if (y > 250 && (x / 60) % 2 == 0) || y > 340 { image::Rgb([34, 110, 60]) } else { image::Rgb([150, 200, 235]) }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Png).expect("encode png");
    out.into_inner()
}
