//! SMTP connections of our own, kept open and reused: lettre's pooled transport opens its sockets
//! without `TCP_NODELAY`, and writes each message's final `.` apart from its body, so every
//! message waited ~40 ms for the peer's delayed ACK (Nagle's algorithm): 23 mails a second per
//! connection into a local MTA. Here the socket is ours, with `TCP_NODELAY`, and lettre speaks
//! SMTP over it (EHLO, STARTTLS, AUTH, the message): thousands a second per connection.
//!
//! `smtps://` (TLS from the first byte) still connects through lettre, which gives no access to
//! the socket there: those connections are pooled too, but keep Nagle's delay.
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::Message;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;

use super::transport::{SendError, classify};

/// A connection idle longer than this is closed rather than reused.
const MAX_IDLE: Duration = Duration::from_secs(60);

pub struct Pool {
    host: String,
    port: u16,
    tls: Tls,
    hello: ClientId,
    credentials: Option<Credentials>,
    timeout: Duration,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
    max_idle: usize,
}

impl Pool {
    /// `url` as lettre reads it (`smtp://host:port?tls=…`, `smtps://host`, `/name` the EHLO
    /// name, a password in the URL); `credentials`, when given, win over the URL's.
    pub fn new(
        url: &str,
        credentials: Option<Credentials>,
        timeout: Duration,
        max_idle: usize,
    ) -> Result<Pool, String> {
        let parsed = url::Url::parse(url).map_err(|e| e.to_string())?;
        let host = parsed.host_str().ok_or("the SMTP URL has no host")?.trim_matches(['[', ']']).to_string();
        let tls_param = parsed.query_pairs().find(|(k, _)| k == "tls").map(|(_, v)| v.into_owned());
        let params = || TlsParameters::new(host.clone()).map_err(|e| e.to_string());
        let (port, tls) = match (parsed.scheme(), tls_param.as_deref()) {
            ("smtp", None | Some("none")) => (25, Tls::None),
            ("smtp", Some("required")) => (587, Tls::Required(params()?)),
            ("smtp", Some("opportunistic")) => (587, Tls::Opportunistic(params()?)),
            ("smtps", _) => (465, Tls::Wrapper(params()?)),
            (scheme, tls) => return Err(format!("unknown scheme {scheme:?} or tls parameter {tls:?}")),
        };
        let hello = match parsed.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_string()),
        };
        let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
        let from_url = parsed.password().map(|p| Credentials::new(decode(parsed.username()), decode(p)));
        Ok(Pool {
            port: parsed.port().unwrap_or(port),
            host,
            tls,
            hello,
            credentials: credentials.or(from_url),
            timeout,
            idle: Mutex::new(Vec::new()),
            max_idle: max_idle.max(1),
        })
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let unreachable =
            |e: String| SendError::Throttled(format!("cannot connect to {}:{}: {e}", self.host, self.port));
        let mut conn = match &self.tls {
            Tls::Wrapper(params) => AsyncSmtpConnection::connect_tokio1(
                (self.host.as_str(), self.port),
                Some(self.timeout),
                &self.hello,
                Some(params.clone()),
                None,
            )
            .await
            .map_err(classify)?,
            _ => {
                let connect = tokio::net::TcpStream::connect((self.host.as_str(), self.port));
                let stream = tokio::time::timeout(self.timeout, connect)
                    .await
                    .map_err(|_| unreachable("timed out".into()))?
                    .map_err(|e| unreachable(e.to_string()))?;
                stream.set_nodelay(true).map_err(|e| unreachable(e.to_string()))?;
                AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello).await.map_err(classify)?
            }
        };
        match &self.tls {
            Tls::Opportunistic(params) if conn.can_starttls() => {
                conn.starttls(params.clone(), &self.hello).await.map_err(classify)?;
            }
            Tls::Required(params) => conn.starttls(params.clone(), &self.hello).await.map_err(classify)?,
            _ => {}
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials).await.map_err(classify)?;
        }
        Ok(conn)
    }

    /// A connection from the idle ones, else a new one. An idle one is asked a NOOP first, as
    /// lettre's pool does: the server may have closed it, or answer 421 to say it will (a host
    /// that takes so many messages per connection), and a send that failed for that would pause
    /// the whole queue.
    async fn take(&self) -> Result<AsyncSmtpConnection, SendError> {
        loop {
            let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let Some((mut conn, since)) = idle else { break };
            let waited = since.elapsed();
            if waited > MAX_IDLE {
                conn.abort().await;
                continue;
            }
            if conn.test_connected().await {
                return Ok(conn);
            }
            conn.abort().await;
        }
        self.connect().await
    }

    fn give_back(&self, conn: AsyncSmtpConnection) {
        if conn.has_broken() {
            return;
        }
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < self.max_idle {
            idle.push((conn, Instant::now()));
        }
    }

    /// Sends one message over a pooled connection, within the timeout. A connection that
    /// failed is dropped (lettre closes it on any error); a good one goes back to the pool.
    pub async fn send(&self, message: &Message) -> Result<(), SendError> {
        let raw = message.formatted();
        let work = async {
            let mut conn = self.take().await?;
            let result = conn.send(message.envelope(), &raw).await;
            self.give_back(conn);
            result.map(|_| ()).map_err(classify)
        };
        tokio::time::timeout(self.timeout, work)
            .await
            .unwrap_or_else(|_| Err(SendError::Transient(format!("no answer within {} s", self.timeout.as_secs()))))
    }
}
