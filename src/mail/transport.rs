//! Where mail goes: an SMTP server through lettre, or `.eml` files in the data directory.
use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart, header};
use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{Settings, Transport as Kind};
use crate::entities::mail_job;

pub enum Transport {
    File(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// Why a send did not go through, and whether trying again can help.
#[derive(Debug)]
pub enum SendError {
    /// The host asked us to slow down (421, 451) or could not be reached: the whole queue waits.
    Throttled(String),
    /// Another 4xx: this message is tried again later.
    Transient(String),
    /// 5xx or an unusable message: never retried.
    Permanent(String),
}

impl SendError {
    pub fn message(&self) -> &str {
        match self {
            SendError::Throttled(m) | SendError::Transient(m) | SendError::Permanent(m) => m,
        }
    }
}

fn classify(e: lettre::transport::smtp::Error) -> SendError {
    let text = e.to_string();
    match e.status().map(|code| code.to_string()) {
        _ if e.is_permanent() || e.is_client() => SendError::Permanent(text),
        Some(code) if code == "421" || code == "451" => SendError::Throttled(text),
        Some(_) => SendError::Transient(text),
        None => SendError::Throttled(text),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("[mail] smtp_url: {0}")]
    Url(String),
    #[error("cannot create the outbox {path}: {source}")]
    Outbox { path: PathBuf, source: std::io::Error },
}

impl Transport {
    pub fn from_settings(settings: &Settings) -> Result<Transport, TransportError> {
        match settings.mail.transport {
            Kind::File => {
                // Mails carry live confirmation links: the outbox and its files are owner-only.
                let dir = settings.server.data_dir.join("outbox");
                crate::config::private_dir(&settings.server.data_dir)
                    .and_then(|()| crate::config::private_dir(&dir))
                    .map_err(|source| TransportError::Outbox { path: dir.clone(), source })?;
                Ok(Transport::File(dir))
            }
            Kind::Smtp => {
                let url = settings.mail.smtp_url.as_deref().ok_or_else(|| TransportError::Url("missing".into()))?;
                let url = &with_default_tls(url)?;
                let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| TransportError::Url(e.to_string()))?
                    .timeout(Some(Duration::from_secs(settings.mail.smtp_timeout_seconds)))
                    .pool_config(PoolConfig::new().max_size(settings.mail.concurrency.max(1)));
                if let Some(var) = &settings.mail.smtp_password_env {
                    let password = std::env::var(var)
                        .map_err(|_| TransportError::Url(format!("environment variable {var} is not set")))?;
                    let user = url::Url::parse(url)
                        .map(|u| u.username().to_string())
                        .map_err(|e| TransportError::Url(e.to_string()))?;
                    builder = builder.credentials(Credentials::new(user, password));
                }
                Ok(Transport::Smtp(builder.build()))
            }
        }
    }

    pub async fn send(&self, from: &Mailbox, job: &mail_job::Model) -> Result<(), SendError> {
        let message = build(from, job)?;
        match self {
            Transport::File(dir) => {
                let path = dir.join(format!("{}.eml", job.id));
                write_private(&path, message.formatted())
                    .await
                    .map_err(|e| SendError::Transient(format!("{}: {e}", path.display())))
            }
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(classify),
        }
    }
}

/// Writes a mail readable by this user alone, whatever the umask, under a temporary name first:
/// whoever reads the outbox never finds a mail half written.
async fn write_private(path: &std::path::Path, contents: Vec<u8>) -> std::io::Result<()> {
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        let partial = path.with_extension("eml.part");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(&partial)?.write_all(&contents)?;
        std::fs::rename(&partial, &path)
    })
    .await
    .map_err(std::io::Error::other)?
}

/// `smtp://` without a `tls` parameter upgrades with STARTTLS when the server offers it
/// (lettre alone would never encrypt); `?tls=required` insists, `smtps://` wraps.
fn with_default_tls(url: &str) -> Result<String, TransportError> {
    let mut parsed = url::Url::parse(url).map_err(|e| TransportError::Url(e.to_string()))?;
    if parsed.scheme() == "smtp" && !parsed.query_pairs().any(|(k, _)| k == "tls") {
        parsed.query_pairs_mut().append_pair("tls", "opportunistic");
    }
    Ok(parsed.to_string())
}

fn build(from: &Mailbox, job: &mail_job::Model) -> Result<Message, SendError> {
    let to: Mailbox = job.recipient.parse().map_err(|e| SendError::Permanent(format!("recipient: {e}")))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(job.subject.clone())
        .message_id(Some(format!("<{}@{}>", job.message_id, from.email.domain())));
    // A reply-to that no longer parses is dropped rather than failing the signer's mail.
    if let Some(reply_to) = job.reply_to.as_deref().and_then(|r| r.parse::<Mailbox>().ok()) {
        builder = builder.reply_to(reply_to);
    }
    let message = match &job.body_html {
        Some(html) => builder.multipart(MultiPart::alternative_plain_html(job.body_text.clone(), html.clone())),
        None => builder.header(header::ContentType::TEXT_PLAIN).body(job.body_text.clone()),
    };
    message.map_err(|e| SendError::Permanent(format!("message: {e}")))
}
