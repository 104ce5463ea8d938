//! Rustition: a self-hosted petition platform.
//!
//! `build_rocket` assembles the exact application that ships, so tests mount it with settings
//! of their own.
// No `unwrap()` outside tests: what a user, the database or the network controls is an error,
// and an invariant says why it holds with `expect("…")` (clippy.toml allows unwrap in tests).
#![deny(clippy::unwrap_used)]
use std::sync::Arc;
use std::time::Duration;

use rocket::data::{Limits, ToByteUnit};
use rocket::fairing::AdHoc;
use rocket::{Build, Rocket};
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

pub mod assets;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod entities;
pub mod i18n;
pub mod mail;
pub mod metrics;
pub mod views;
pub mod web;

use config::Settings;

/// Everything a request handler may need, built once at start-up.
pub struct App {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    /// The settings an admin changes at run time, over `settings`' defaults (see
    /// `domain::instance::settings`): read them with `instance.get()`.
    pub instance: Arc<domain::instance::settings::Live>,
    pub i18n: Arc<i18n::I18n>,
    pub views: Arc<views::Views>,
    pub composer: mail::compose::Composer,
    pub csrf_key: Vec<u8>,
    /// Templates, locales and static files: the binary's, under `assets_dir` if set.
    pub assets: assets::Assets,
    /// Turns client addresses into keyed hashes (see `domain::client`).
    pub client_keys: domain::client::ClientKeys,
    /// Signs the signers' withdrawal links (see `domain::signature::withdrawal`).
    pub withdraw_key: domain::signature::withdrawal::WithdrawKey,
    /// Seals newsletter endpoints' credentials (see `domain::notify::secrets`).
    pub notify_key: domain::notify::secrets::SecretBox,
    /// The challenge every public form asks (signed with its own key, recorded on the writer).
    pub bot_defence: domain::challenge::BotDefence,
    /// Wakes the mail worker when a job is queued.
    pub mail_wake: Arc<Notify>,
    pub limits: web::limits::Limits,
    /// The one connection that the steady writers share: the group commits of signing and
    /// confirming, the count batch and the embedded mail worker. Its queue is first come, first
    /// served; on SQLite's lock, whose busy handler retries at random, a writer that never
    /// pauses (a signing surge) would starve the others, and the count and the mail would lag.
    pub writer: DatabaseConnection,
    /// Signatures and confirmations waiting to be written (see `domain::signature::intake`).
    pub intake: domain::signature::intake::Intake,
    /// Image decodes in progress, bounded so that parallel uploads cannot exhaust memory.
    pub decodes: domain::petition::images::Decodes,
    /// Public petitions as shown, kept for a second (see `web::cache`).
    pub petitions: web::petition::cache::PetitionCache,
    /// While no account exists: the token of the one-time setup page (printed in the log).
    pub setup_token: std::sync::Mutex<Option<String>>,
    /// Dropped with the app: the background tasks it started (mail worker, count batch) end
    /// then and release their database connections.
    pub stop: tokio::sync::watch::Sender<()>,
    /// Background tasks that end cleanly when `stop` changes (the mail worker gives back its
    /// leases): `shutdown` waits for them.
    pub finishing: std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
    /// When the demo is next reset (`[demo] reset_hours`), for every page's banner.
    pub demo: domain::demo::Clock,
    /// What `/metrics` reports (see `metrics`).
    pub metrics: Arc<metrics::Metrics>,
}

impl App {
    /// The end of a graceful shutdown, once the server takes no more requests (`rustition serve`
    /// after Rocket's launch returns): the background tasks are told to stop and the ones that
    /// finish their work are waited for, and the signatures and confirmations still queued for the
    /// group commit are written. Then the process may exit without losing anything it answered.
    pub async fn shutdown(&self) {
        self.stop.send_replace(());
        let tasks = std::mem::take(&mut *self.finishing.lock().unwrap_or_else(|p| p.into_inner()));
        let tasks = async {
            for task in tasks {
                if let Err(e) = task.await {
                    tracing::error!(error = %e, "a background task ended abnormally");
                }
            }
        };
        tokio::join!(tasks, self.intake.flush());
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("database: {0}")]
    Migrate(#[from] db::schema::MigrateError),
    #[error("{0}")]
    Domain(#[from] domain::DomainError),
    #[error("translations: {0}")]
    I18n(#[from] i18n::I18nError),
    #[error("templates: {0}")]
    Templates(#[from] tera::Error),
    #[error("mail: {0}")]
    Mail(#[from] mail::transport::TransportError),
}

/// Loads what the app needs (translations, templates, database with migrations applied).
pub async fn build_app(settings: Settings) -> Result<App, StartError> {
    settings.validate()?;
    let secret = settings.secret_key()?;
    let assets = assets::Assets::new(settings.server.assets_dir.clone());
    let i18n = Arc::new(i18n::I18n::from_assets(&assets, &settings.i18n.available, &settings.i18n.default_locale)?);
    let views = Arc::new(views::Views::load(&assets, i18n.clone())?);
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    let writer = db::connect_writer(&settings).await?;
    let defaults = domain::instance::settings::InstanceSettings::defaults(&settings);
    let instance = Arc::new(domain::instance::settings::Live::load(&db, defaults).await?);
    let composer =
        mail::compose::Composer { views: views.clone(), i18n: i18n.clone(), public_url: settings.public_url() };
    // While no account exists, the setup page is open to whoever has the token printed in the log.
    let setup_token = (domain::account::accounts::count(&db).await? == 0).then(|| domain::tokens::random_token(24));
    Ok(App {
        limits: web::limits::Limits::new(&settings.signing),
        petitions: web::petition::cache::PetitionCache::default(),
        decodes: domain::petition::images::Decodes::default(),
        intake: domain::signature::intake::Intake::start(&writer),
        bot_defence: domain::challenge::BotDefence::new(
            writer.clone(),
            domain::tokens::derive_key(&secret, "challenge"),
        ),
        setup_token: std::sync::Mutex::new(setup_token),
        db,
        writer,
        csrf_key: domain::tokens::derive_key(&secret, "csrf"),
        assets,
        client_keys: domain::client::ClientKeys::new(domain::tokens::derive_key(&secret, "client")),
        withdraw_key: domain::signature::withdrawal::WithdrawKey::new(domain::tokens::derive_key(&secret, "withdraw")),
        notify_key: domain::notify::secrets::SecretBox::new(&domain::tokens::derive_key(&secret, "newsletter")),
        settings: Arc::new(settings),
        instance,
        i18n,
        views,
        composer,
        mail_wake: Arc::new(Notify::new()),
        stop: tokio::sync::watch::channel(()).0,
        finishing: std::sync::Mutex::default(),
        demo: domain::demo::Clock::default(),
        metrics: Arc::new(metrics::Metrics::new()),
    })
}

/// The web application, with the mail worker (unless `[mail] embedded_worker` is off) and the
/// count batch started at lift-off.
pub async fn build_rocket(settings: Settings) -> Result<Rocket<Build>, StartError> {
    let transport = Arc::new(mail::transport::Transport::from_settings(&settings)?);
    let app = build_app(settings).await?;
    let s = app.settings.clone();
    let figment = rocket::Config::figment()
        .merge(("address", s.server.address.clone()))
        .merge(("port", s.server.port))
        .merge(("ident", false))
        .merge(("log_level", rocket::config::LogLevel::Off))
        .merge(("cli_colors", false))
        // SIGTERM and Ctrl-C stop the server gracefully (then `App::shutdown`).
        .merge(("shutdown", rocket::config::Shutdown { grace: s.server.shutdown_grace_seconds, ..Default::default() }))
        // `data-form` and `bytes` bound the one upload (a petition's image): a file a little
        // larger than `images::MAX_BYTES` still reaches the form, to be refused with a message.
        .merge((
            "limits",
            Limits::default()
                .limit("form", 64.kibibytes())
                .limit("data-form", 3.mebibytes())
                .limit("bytes", (domain::petition::images::MAX_BYTES as u64).bytes() + 64.kibibytes()),
        ));
    let figment = match &s.server.ip_header {
        Some(header) => figment.merge(("ip_header", header.clone())),
        None => figment.merge(("ip_header", false)),
    };
    let figment = if s.server.workers > 0 { figment.merge(("workers", s.server.workers)) } else { figment };
    let headers = web::security::SecurityHeaders {
        hsts: s.public_url().starts_with("https://"),
        onion_location: s.server.onion_url.clone(),
    };
    let worker = mail::worker::Worker {
        db: app.writer.clone(),
        transport,
        from: s.mail.from.parse().map_err(|_| config::ConfigError::Invalid(vec!["[mail] from".into()]))?,
        settings: s.mail.clone(),
        wake: app.mail_wake.clone(),
        stop: app.stop.subscribe(),
        stop_grace: Duration::from_secs(u64::from(s.server.shutdown_grace_seconds)),
    };
    let counter_db = app.writer.clone();
    // Of several processes on one database, one runs each periodic job (see `db::leader`).
    let count_leader = db::leader::Leadership::new(&s, &app.writer, db::leader::Job::Counting);
    let mail_leader = db::leader::Leadership::new(&s, &app.writer, db::leader::Job::MailHousekeeping);
    let embedded_worker = s.mail.embedded_worker;
    let watched = (app.instance.clone(), app.db.clone());
    let stop = app.stop.subscribe();
    let public_url = s.public_url();
    let setup_url = app.setup_token.lock().ok().and_then(|t| t.as_ref().map(|t| format!("{public_url}/setup/{t}")));
    let count_interval = Duration::from_millis(s.signing.count_interval_ms);
    let retention_days = s.signing.unconfirmed_retention_days;
    let instance = app.instance.clone();
    let last_count = app.metrics.last_count.clone();
    let shed = web::shed::Shed::new(&s.server);
    // The count batch makes the automatic deliveries (`domain::delivery`) and mails them.
    let delivery_mail: Arc<dyn domain::delivery::deliver::ComposeDelivery> = Arc::new(mail::compose::Composer {
        views: app.views.clone(),
        i18n: app.i18n.clone(),
        public_url: app.composer.public_url.clone(),
    });
    let notify = domain::notify::Job {
        db: app.writer.clone(),
        composer: mail::compose::Composer {
            views: app.views.clone(),
            i18n: app.i18n.clone(),
            public_url: s.public_url(),
        },
        key: app.notify_key.clone(),
        instance: app.instance.clone(),
        settings: s.notifications.clone(),
        default_locale: s.i18n.default_locale.clone(),
        sender: domain::notify::http::Sender::new(Duration::from_secs(s.notifications.http_timeout_seconds))
            .map_err(|e| config::ConfigError::Invalid(vec![format!("[notifications] HTTP client: {e}")]))?,
        mail_wake: app.mail_wake.clone(),
    };
    let notify_leader = db::leader::Leadership::new(&s, &app.writer, db::leader::Job::Notifications);
    let demo = (s.demo.reset_hours > 0)
        .then(|| (app.db.clone(), s.demo.reset_hours, s.i18n.available.clone(), app.demo.clone()));
    // Load shedding first: a request turned away costs no other fairing's work.
    let rocket =
        rocket::custom(figment).manage(app).attach(shed).attach(AdHoc::on_liftoff("background tasks", move |rocket| {
            Box::pin(async move {
                if embedded_worker {
                    let mail = tokio::spawn(worker.run_all(mail_leader));
                    if let Some(app) = rocket.state::<App>() {
                        app.finishing.lock().unwrap_or_else(|p| p.into_inner()).push(mail);
                    }
                }
                until_stopped(stop.clone(), domain::instance::settings::watch(watched.0, watched.1));
                if let Some((db, hours, languages, clock)) = demo {
                    until_stopped(stop.clone(), domain::demo::run(db, hours, languages, clock));
                }
                until_stopped(stop.clone(), notify.run(notify_leader));
                until_stopped(
                    stop,
                    domain::signature::counting::run(
                        counter_db,
                        (count_interval, Duration::from_secs(900)),
                        retention_days,
                        instance,
                        count_leader,
                        (last_count, delivery_mail),
                    ),
                );
                tracing::info!("Rustition is serving at {public_url}/");
                if let Some(url) = setup_url {
                    tracing::warn!("No account exists yet. Create the first administrator at {url}");
                }
            })
        }));
    // At SIGTERM, while Rocket's grace runs: the mail worker claims nothing more and its send
    // under way gets the same grace; `App::shutdown` waits for it.
    let rocket = rocket.attach(AdHoc::on_shutdown("stop background tasks", |rocket| {
        Box::pin(async move {
            if let Some(app) = rocket.state::<App>() {
                app.stop.send_replace(());
            }
        })
    }));
    Ok(web::mount(rocket, headers))
}

/// Runs `task` in the background until the app that started it is dropped.
fn until_stopped(mut stop: tokio::sync::watch::Receiver<()>, task: impl Future<Output = ()> + Send + 'static) {
    tokio::spawn(async move {
        tokio::select! {
            () = task => {}
            // Err once the sender (the app) is gone.
            _ = stop.changed() => {}
        }
    });
}
