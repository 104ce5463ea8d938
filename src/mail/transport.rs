//! Where mail goes: an SMTP server through lettre, or `.eml` files in the data directory.
use std::path::PathBuf;
use std::time::Duration;

use lettre::Message;
use lettre::message::header::ContentTransferEncoding;
use lettre::message::{Body, Mailbox, MultiPart, SinglePart, header};
use lettre::transport::smtp::authentication::Credentials;

use crate::config::{Settings, Transport as Kind};
use crate::entities::mail_job;

pub enum Transport {
    File(PathBuf),
    /// Connections of our own (see `mail::smtp`), `[mail] concurrency` of them kept open.
    Smtp(super::smtp::Pool),
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

pub(super) fn classify(e: lettre::transport::smtp::Error) -> SendError {
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
                let mut credentials = None;
                if let Some(var) = &settings.mail.smtp_password_env {
                    let password = std::env::var(var)
                        .map_err(|_| TransportError::Url(format!("environment variable {var} is not set")))?;
                    let user = url::Url::parse(url)
                        .map(|u| u.username().to_string())
                        .map_err(|e| TransportError::Url(e.to_string()))?;
                    credentials = Some(Credentials::new(user, password));
                }
                let timeout = Duration::from_secs(settings.mail.smtp_timeout_seconds);
                let idle = settings.mail.concurrency.max(1) as usize;
                let pool = super::smtp::Pool::new(url, credentials, timeout, idle).map_err(TransportError::Url)?;
                Ok(Transport::Smtp(pool))
            }
        }
    }

    pub async fn send(&self, from: &Mailbox, job: &mail_job::Model) -> Result<(), SendError> {
        let message = build(from, job, true)?;
        match self {
            Transport::File(dir) => {
                let path = dir.join(format!("{}.eml", job.id));
                write_private(&path, message.formatted())
                    .await
                    .map_err(|e| SendError::Transient(format!("{}: {e}", path.display())))
            }
            Transport::Smtp(smtp) => match smtp.send(&message).await {
                // A server without 8BITMIME (rare) gets text it can take: quoted-printable.
                Err(SendError::Permanent(e)) if e.contains("8BITMIME") => smtp.send(&build(from, job, false)?).await,
                result => result,
            },
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

/// The longest line SMTP carries, without its CRLF (RFC 5321).
const MAX_LINE: usize = 998;

/// A text part as written: 7bit when ASCII, else 8bit (when the server takes it), so that a
/// link stays whole on its line for whoever reads the mail as plain text or opens the `.eml`.
/// Quoted-printable, which cuts lines at 76 characters, only for text that cannot go as is;
/// never base64, which no one can read.
fn text_body(text: &str, eight_bit: bool) -> Body {
    let crlf = text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
    let fits = crlf.split("\r\n").all(|line| line.len() <= MAX_LINE) && !crlf.contains('\0');
    let encoding = match () {
        _ if fits && crlf.is_ascii() => ContentTransferEncoding::SevenBit,
        _ if fits && eight_bit => ContentTransferEncoding::EightBit,
        _ => {
            return Body::new_with_encoding(text.to_string(), ContentTransferEncoding::QuotedPrintable)
                .unwrap_or_else(Body::new);
        }
    };
    // Checked above: CRLF line ends, no line too long, no NUL; 7bit is ASCII.
    Body::dangerous_pre_encoded(crlf.into_bytes(), encoding)
}

fn build(from: &Mailbox, job: &mail_job::Model, eight_bit: bool) -> Result<Message, SendError> {
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
    // Bulk mail to signers: their mail program offers its own "unsubscribe" button, which
    // POSTs `List-Unsubscribe=One-Click` to the address (RFC 8058).
    if let Some(link) = &job.list_unsubscribe {
        builder = builder.header(ListUnsubscribe(format!("<{link}>"))).header(ListUnsubscribePost);
    }
    let text = text_body(&job.body_text, eight_bit);
    let message = match &job.body_html {
        Some(html) => builder.multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::builder().header(header::ContentType::TEXT_PLAIN).body(text))
                .singlepart(
                    SinglePart::builder().header(header::ContentType::TEXT_HTML).body(text_body(html, eight_bit)),
                ),
        ),
        None => builder.header(header::ContentType::TEXT_PLAIN).body(text),
    };
    message.map_err(|e| SendError::Permanent(format!("message: {e}")))
}

/// `List-Unsubscribe: <https://…>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl header::Header for ListUnsubscribe {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }

    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl header::Header for ListUnsubscribePost {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_goes_as_written_so_that_a_long_link_stays_on_its_line() {
        let link = format!("https://petitions.example.org/p/12/confirm/{}", "A".repeat(43));
        let body = text_body(&format!("Hello,\n\n{link}\n"), true);
        assert_eq!(body.encoding(), ContentTransferEncoding::SevenBit);
        assert_eq!(String::from_utf8(body.into_vec()).unwrap(), format!("Hello,\r\n\r\n{link}\r\n"));

        let french = text_body(&format!("Bonjour Zoé,\n\n{link}\n"), true);
        assert_eq!(french.encoding(), ContentTransferEncoding::EightBit);
        assert!(String::from_utf8(french.into_vec()).unwrap().contains(&format!("\r\n{link}\r\n")));

        // A server without 8BITMIME, or a line longer than SMTP carries: quoted-printable.
        assert_eq!(text_body("Zoé", false).encoding(), ContentTransferEncoding::QuotedPrintable);
        assert_eq!(text_body(&"a".repeat(999), true).encoding(), ContentTransferEncoding::QuotedPrintable);
    }
}
