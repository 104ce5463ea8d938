//! Typed settings, loaded once: defaults < `config.toml` (or `--config FILE`) < `RUSTITION_<SECTION>__<KEY>`.
//!
//! They are validated before anything starts and then handed to Rocket as state, so tests build apps
//! with settings of their own and nothing reads a global.
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

mod database;
mod notifications;
mod private;
pub use database::{Database, Synchronous};
pub use notifications::Notifications;
use private::write_private;
pub use private::{private_dir, private_file};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub server: Server,
    pub database: Database,
    pub mail: Mail,
    pub signing: Signing,
    pub accounts: Accounts,
    pub i18n: I18nSettings,
    pub moderation: Moderation,
    pub demo: DemoSettings,
    pub log: Log,
    pub metrics: Metrics,
    pub health: Health,
    pub updates: Updates,
    pub notifications: Notifications,
}

/// Organisers' updates to the signers who asked for them (`domain::signer_updates`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Updates {
    /// Updates a petition may mail in any seven days; the next one is refused. The addressee's
    /// response does not count.
    pub per_week: u32,
}

impl Default for Updates {
    fn default() -> Self {
        Updates { per_week: 3 }
    }
}

/// A public demo instance.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DemoSettings {
    /// Every this many hours the demo organisation is wiped and seeded again (`domain::demo`),
    /// and every page says when next; 0: never.
    pub reset_hours: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Who {
    Anyone,
    Admins,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Accounts {
    /// Whether visitors may create accounts (admins can always create them).
    pub registration: bool,
    /// Who may create organisations.
    pub organisation_creation: Who,
    /// The challenge on the registration form.
    pub challenge: Challenge,
    /// Whether a visitor may start a petition at `/new` with only an email address (a default:
    /// admins change it at /admin/settings).
    pub guest_petitions: bool,
}

impl Default for Accounts {
    fn default() -> Self {
        Accounts {
            registration: true,
            organisation_creation: Who::Anyone,
            challenge: Challenge::Question,
            guest_petitions: true,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Server {
    pub address: String,
    pub port: u16,
    /// The address people use to reach the instance; links in mails are built from it.
    /// Defaults to `http://<address>:<port>`.
    pub public_url: Option<String>,
    pub data_dir: PathBuf,
    /// A folder with any of `templates/`, `locales/`, `static/`, searched before what the
    /// binary carries (an admin's own theme or wording). Unset: the binary's own alone.
    pub assets_dir: Option<PathBuf>,
    /// Generated and kept in `<data_dir>/secret_key` when absent.
    pub secret_key: Option<String>,
    pub onion_url: Option<String>,
    /// Rocket worker threads; 0 means one per core.
    pub workers: usize,
    /// Header holding the client's address, set by a trusted reverse proxy (e.g. "X-Real-IP").
    /// Unset, the connection's address is used: a client cannot choose the address it is limited by.
    pub ip_header: Option<String>,
    /// On SIGTERM (or Ctrl-C), how long requests under way, and a mail being sent, may take to
    /// finish before they are cut off (a mail cut off is queued again at once).
    pub shutdown_grace_seconds: u32,
    /// Requests handled at once, health probes aside; past it a request is answered 503 with
    /// `Retry-After` at once (load shedding). 0: no limit.
    pub max_in_flight: u32,
    /// The `Retry-After` of that 503, in seconds.
    pub retry_after_seconds: u32,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            address: "127.0.0.1".into(),
            port: 8000,
            public_url: None,
            data_dir: "data".into(),
            assets_dir: None,
            secret_key: None,
            onion_url: None,
            workers: 0,
            ip_header: None,
            shutdown_grace_seconds: 10,
            max_in_flight: 256,
            retry_after_seconds: 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// `.eml` files in `<data_dir>/outbox/`, so a fresh install works without SMTP.
    File,
    Smtp,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mail {
    pub from: String,
    pub transport: Transport,
    pub smtp_url: Option<String>,
    /// Name of an environment variable holding the SMTP password, kept out of config files.
    pub smtp_password_env: Option<String>,
    pub smtp_timeout_seconds: u64,
    pub max_per_minute: u32,
    pub max_attempts: u32,
    /// First retry delay; it doubles with each attempt (with jitter) up to `retry_max_seconds`.
    pub retry_initial_seconds: f64,
    pub retry_max_seconds: f64,
    /// How long a worker may hold a job it is sending before another worker takes it over.
    /// Longer than the SMTP timeout.
    pub lease_seconds: u64,
    pub keep_sent_days: u32,
    /// How often the worker looks for due jobs when nobody wakes it.
    pub poll_interval_ms: u64,
    /// Mails sent at the same time by one process (SMTP connections in use).
    pub concurrency: u32,
    /// Jobs one sending loop claims at once (with one commit), then sends one after the other.
    pub batch: u32,
    /// Whether `serve` sends mail too. Off when `rustition worker` processes send it all, so
    /// that servers hold no mail in flight (see the README's "Several processes").
    pub embedded_worker: bool,
}

impl Default for Mail {
    fn default() -> Self {
        Mail {
            from: "Rustition <rustition@localhost>".into(),
            transport: Transport::File,
            smtp_url: None,
            smtp_password_env: None,
            smtp_timeout_seconds: 30,
            max_per_minute: 60,
            max_attempts: 8,
            retry_initial_seconds: 60.0,
            retry_max_seconds: 6.0 * 3600.0,
            lease_seconds: 120,
            keep_sent_days: 30,
            poll_interval_ms: 2000,
            concurrency: 4,
            batch: 16,
            embedded_worker: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Challenge {
    None,
    Question,
    Image,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signing {
    /// The challenge on every petition's sign form: off by default, since the confirmation mail
    /// is the real guard; for an instance whose forms are flooded by bots. A question only: a
    /// picture would leave blind signers no way to sign.
    pub challenge: Challenge,
    pub unconfirmed_retention_days: u32,
    /// Days after a petition closes before its signers' names, addresses and fields are erased
    /// (counts and per-day figures stay): the default of petitions that set none, which an admin
    /// may change at `/admin/settings`.
    pub personal_data_retention_days: u32,
    /// How long a confirmation link stays valid.
    pub confirmation_valid_hours: u32,
    /// How often the public counts are refreshed from confirmed signatures.
    pub count_interval_ms: u64,
    /// Signatures one client (one address, one IPv6 /64) may send a minute before its sign forms
    /// ask the challenge (a burst of as many, refilled evenly).
    pub per_client_per_minute: u32,
    /// Signatures one petition may take a minute from everyone before its form asks the challenge.
    pub per_petition_per_minute: u32,
    /// Registrations, password reset and "my signatures" link requests, and reports one client
    /// may send a minute, each.
    pub form_per_client_per_minute: u32,
    /// Clients each limiter remembers at most (about 100 bytes each).
    pub tracked_clients: u32,
    /// At most one confirmation mail per address and petition in this many minutes.
    pub resend_after_minutes: u32,
}

impl Default for Signing {
    fn default() -> Self {
        Signing {
            challenge: Challenge::None,
            unconfirmed_retention_days: 30,
            personal_data_retention_days: 90,
            confirmation_valid_hours: 7 * 24,
            count_interval_ms: 2000,
            per_client_per_minute: 10,
            per_petition_per_minute: 600,
            form_per_client_per_minute: 5,
            tracked_clients: 100_000,
            resend_after_minutes: 60,
        }
    }
}

/// Pre-moderation: read through `domain::moderation::premoderation::policy`, the one place that
/// will read the database-backed settings instead.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Moderation {
    /// New petitions of new accounts wait for a moderator's approval when published.
    pub premoderation: bool,
    /// An account is new for this many days after it was created, unless a petition it
    /// published was approved already.
    pub premoderation_account_days: u32,
}

impl Default for Moderation {
    fn default() -> Self {
        Moderation { premoderation: false, premoderation_account_days: 7 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Log {
    pub format: LogFormat,
    /// One info line per request (method, route pattern, status, time). Off, a busy instance
    /// writes only its warnings, errors and start-up lines.
    pub access: bool,
}

impl Default for Log {
    fn default() -> Self {
        Log { format: LogFormat::Text, access: true }
    }
}

/// `/metrics` exists only when a token is set, and answers only to `Authorization: Bearer <token>`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Metrics {
    pub token: Option<String>,
    /// Name of an environment variable holding the token, kept out of config files.
    pub token_env: Option<String>,
}

/// The shortest metrics token accepted: the endpoint is on the public address.
pub const MIN_METRICS_TOKEN: usize = 16;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Health {
    /// `/readyz` answers 503 while the oldest due mail has waited longer than this.
    pub ready_mail_lag_seconds: u64,
}

impl Default for Health {
    fn default() -> Self {
        Health { ready_mail_lag_seconds: 300 }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct I18nSettings {
    pub default_locale: String,
    pub available: Vec<String>,
}

/// English and French are complete; German, Spanish and Italian have every public page, mail and
/// error, and borrow the rest from English message by message.
impl Default for I18nSettings {
    fn default() -> Self {
        let available = ["en", "fr", "de", "es", "it"].map(String::from).to_vec();
        I18nSettings { default_locale: "en".into(), available }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration: {0}")]
    Load(#[from] Box<figment::Error>),
    #[error("invalid configuration:\n  - {}", .0.join("\n  - "))]
    Invalid(Vec<String>),
    #[error("cannot create or read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

impl Settings {
    /// Reads `file` (when it exists; a missing explicitly named file is an error) and the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        match file {
            Some(path) if !path.exists() => {
                return Err(ConfigError::Invalid(vec![format!("configuration file {} not found", path.display())]));
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            // From any other folder (an installed binary), the defaults and the environment alone.
            None if Path::new("config.toml").exists() => figment = figment.merge(Toml::file_exact("config.toml")),
            None => {}
        }
        // Only `RUSTITION_<SECTION>__<KEY>`: other RUSTITION_ variables (RUSTITION_LOG, …) are not settings.
        figment = figment.merge(Env::prefixed("RUSTITION_").filter(|k| k.as_str().contains("__")).split("__"));
        let settings: Settings = figment.extract().map_err(Box::new)?;
        settings.validate()?;
        Ok(settings)
    }

    /// Every problem at once, so an admin fixes the file in one go.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let mut problems = Vec::new();
        if let Some(url) = &self.server.public_url
            && !matches!(url::Url::parse(url), Ok(u) if matches!(u.scheme(), "http" | "https"))
        {
            problems.push(format!("[server] public_url {url:?} is not an http(s) URL"));
        }
        if let Some(url) = &self.server.onion_url
            && url::Url::parse(url).is_err()
        {
            problems.push(format!("[server] onion_url {url:?} is not a URL"));
        }
        if self.demo.reset_hours > 24 * 366 {
            problems.push("[demo] reset_hours must be at most a year (8784)".into());
        }
        if !(1..=50).contains(&self.updates.per_week) {
            problems.push("[updates] per_week must be between 1 and 50".into());
        }
        if self.server.shutdown_grace_seconds > 600 || !(1..=3600).contains(&self.server.retry_after_seconds) {
            problems.push("[server] shutdown_grace_seconds must be at most 600, retry_after_seconds 1 to 3600".into());
        }
        let db = self.database_url();
        if !(db.starts_with("sqlite:") || db.starts_with("postgres://") || db.starts_with("postgresql://")) {
            problems.push(format!("[database] url {db:?} must start with sqlite:, postgres:// or postgresql://"));
        }
        if self.database.max_connections == 0 {
            problems.push("[database] max_connections must be at least 1".into());
        }
        if self.mail.from.parse::<lettre::message::Mailbox>().is_err() {
            problems.push(format!("[mail] from {:?} is not a mail address", self.mail.from));
        }
        if self.mail.transport == Transport::Smtp {
            match &self.mail.smtp_url {
                None => problems.push("[mail] transport = \"smtp\" needs smtp_url".into()),
                Some(u) => match url::Url::parse(u) {
                    Ok(parsed) if matches!(parsed.scheme(), "smtp" | "smtps") => {}
                    _ => problems.push(format!("[mail] smtp_url {u:?} must look like smtp://host:587 or smtps://host")),
                },
            }
        }
        if !(1..=32).contains(&self.mail.concurrency) || !(1..=256).contains(&self.mail.batch) {
            problems.push("[mail] concurrency must be between 1 and 32, batch between 1 and 256".into());
        }
        if self.mail.max_attempts == 0 || self.mail.max_per_minute == 0 {
            problems.push("[mail] max_attempts and max_per_minute must be at least 1".into());
        }
        if !(self.mail.retry_initial_seconds > 0.0 && self.mail.retry_initial_seconds <= self.mail.retry_max_seconds) {
            problems.push("[mail] retry_initial_seconds must be positive and not exceed retry_max_seconds".into());
        }
        if self.mail.lease_seconds <= self.mail.smtp_timeout_seconds {
            problems.push("[mail] lease_seconds must be longer than smtp_timeout_seconds".into());
        }
        if !self.i18n.available.contains(&self.i18n.default_locale) {
            problems.push(format!(
                "[i18n] default_locale {:?} is not among available {:?}",
                self.i18n.default_locale, self.i18n.available
            ));
        }
        if self.signing.challenge == Challenge::Image {
            problems.push(
                "[signing] challenge: \"image\" would shut out signers who cannot see it (there is no one to \
                 ask for help, as an administrator can for an account); use \"question\""
                    .into(),
            );
        }
        if self.signing.confirmation_valid_hours == 0 || self.signing.count_interval_ms == 0 {
            problems.push("[signing] confirmation_valid_hours and count_interval_ms must be positive".into());
        }
        let s = &self.signing;
        if [s.per_client_per_minute, s.per_petition_per_minute, s.form_per_client_per_minute, s.tracked_clients]
            .contains(&0)
        {
            problems.push(
                "[signing] per_client_per_minute, per_petition_per_minute, form_per_client_per_minute and \
                 tracked_clients must be at least 1"
                    .into(),
            );
        }
        if self.health.ready_mail_lag_seconds == 0 {
            problems.push("[health] ready_mail_lag_seconds must be at least 1".into());
        }
        if let Some(name) = &self.metrics.token_env
            && std::env::var(name).is_err()
        {
            problems.push(format!("[metrics] token_env names {name:?}, which is not set"));
        }
        if self.metrics_token().is_some_and(|t| t.len() < MIN_METRICS_TOKEN) {
            problems.push(format!("[metrics] the token must be at least {MIN_METRICS_TOKEN} characters long"));
        }
        problems.extend(self.notifications.problems());
        if problems.is_empty() { Ok(()) } else { Err(ConfigError::Invalid(problems)) }
    }

    /// The token `/metrics` asks for: `[metrics] token`, else the variable `token_env` names.
    /// `None`: the endpoint is off.
    pub fn metrics_token(&self) -> Option<String> {
        let token = match (&self.metrics.token, &self.metrics.token_env) {
            (Some(token), _) => Some(token.clone()),
            (None, Some(name)) => std::env::var(name).ok(),
            (None, None) => None,
        };
        token.filter(|t| !t.is_empty())
    }

    pub fn database_url(&self) -> String {
        match &self.database.url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}/rustition.db?mode=rwc", self.server.data_dir.display()),
        }
    }

    pub fn public_url(&self) -> String {
        let url = match &self.server.public_url {
            Some(url) => url.clone(),
            None => format!("http://{}:{}", self.server.address, self.server.port),
        };
        url.trim_end_matches('/').to_string()
    }

    /// The configured secret, or the one kept in the data directory (created on first run).
    pub fn secret_key(&self) -> Result<String, ConfigError> {
        if let Some(key) = &self.server.secret_key {
            return Ok(key.clone());
        }
        let dir = &self.server.data_dir;
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ConfigError::Io { path, source }
        };
        private_dir(dir).map_err(io(dir))?;
        let path = dir.join("secret_key");
        match std::fs::read_to_string(&path) {
            Ok(key) if !key.trim().is_empty() => return Ok(key.trim().to_string()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&path)(e)),
        }
        let key = crate::domain::tokens::random_token(64);
        write_private(&path, &key).map_err(io(&path))?;
        tracing::info!(path = %path.display(), "generated a new secret key");
        Ok(key)
    }
}
