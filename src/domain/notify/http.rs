//! The newsletter POST: one request, bounded in time (connection included), never following a
//! redirect (the allow-list checked the URL, not where it might send us), reading at most
//! `BODY_MAX` bytes of the answer (kept for the delivery's last error, never the credentials).
use std::time::Duration;

use reqwest::header::CONTENT_TYPE;
use url::Url;

/// Bytes of an answer read at most.
pub const BODY_MAX: usize = 1024;

/// The HTTP client, built once.
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
}

/// The credentials of one POST, opened from their seal just before sending.
pub enum Credentials {
    None,
    Bearer(String),
    Basic { username: String, password: String },
}

/// How one POST ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx answer.
    Delivered,
    /// Worth trying again later: no answer, a timeout, 408, 429 or 5xx.
    Retry(String),
    /// Refused for good (another 4xx, a redirect).
    Refused(String),
}

impl Sender {
    pub fn new(timeout: Duration) -> Result<Sender, String> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Rustition/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Sender { client })
    }

    /// POSTs `body` (of `content_type`) to `url`.
    pub async fn post(&self, url: &Url, (content_type, body): (&str, Vec<u8>), credentials: Credentials) -> Outcome {
        let request = self.client.post(url.clone()).header(CONTENT_TYPE, content_type).body(body);
        let request = match credentials {
            Credentials::None => request,
            Credentials::Bearer(token) => request.bearer_auth(token),
            Credentials::Basic { username, password } => request.basic_auth(username, Some(password)),
        };
        let mut response = match request.send().await {
            Ok(response) => response,
            // Without the URL: it may carry a query the organiser considers private.
            Err(e) => return Outcome::Retry(describe(&e.without_url())),
        };
        let status = response.status();
        if status.is_success() {
            return Outcome::Delivered;
        }
        let mut body = Vec::new();
        while body.len() < BODY_MAX {
            match response.chunk().await {
                Ok(Some(chunk)) => body.extend_from_slice(&chunk[..chunk.len().min(BODY_MAX - body.len())]),
                _ => break,
            }
        }
        let text = String::from_utf8_lossy(&body).chars().filter(|c| !c.is_control()).take(200).collect::<String>();
        let error = format!("HTTP {}: {text}", status.as_u16());
        if status.is_server_error() || status.as_u16() == 408 || status.as_u16() == 429 {
            Outcome::Retry(error)
        } else {
            Outcome::Refused(error)
        }
    }
}

fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        "cannot connect".into()
    } else {
        e.to_string()
    }
}
