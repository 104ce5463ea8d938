//! The virtual browser: one keep-alive connection, the `csrf` cookie it was given, no redirects
//! followed (a 303 is the answer we measure), and failures sorted by kind instead of panics.
use std::fmt;
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, COOKIE, RETRY_AFTER, SET_COOKIE};

/// Past this a request counts as a timeout; keeps a stuck server from stalling the run.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const CSRF_COOKIE: &str = "csrf";
const CSRF_FIELD: &str = "csrf_token";

/// Why a request did not succeed; the report counts each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Failure {
    /// The server answered with a status other than the expected one.
    Status(u16),
    /// No connection could be opened (server down or restarting).
    Connect,
    Timeout,
    /// The connection broke mid-request (e.g. the server was killed).
    Closed,
    /// The answer arrived but lacked what a browser needs (form token, confirmation text…).
    Content(&'static str),
    /// The client itself could not be built.
    Client,
}

impl Failure {
    /// Failures after which a browser would wait a moment before trying again.
    pub fn is_transport(self) -> bool {
        matches!(self, Failure::Connect | Failure::Timeout | Failure::Closed)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Status(code) => write!(f, "HTTP {code}"),
            Failure::Connect => f.write_str("connect error"),
            Failure::Timeout => f.write_str("timeout"),
            Failure::Closed => f.write_str("connection closed"),
            Failure::Content(what) => write!(f, "bad page ({what})"),
            Failure::Client => f.write_str("client setup"),
        }
    }
}

fn classify(e: &reqwest::Error) -> Failure {
    if e.is_timeout() {
        Failure::Timeout
    } else if e.is_connect() {
        Failure::Connect
    } else {
        Failure::Closed
    }
}

/// A response as the scenario needs it.
pub struct Page {
    pub status: u16,
    pub body: String,
}

impl Page {
    /// The page if its status is `expected`, else the failure to count.
    pub fn expect(self, expected: u16) -> Result<Page, Failure> {
        if self.status == expected { Ok(self) } else { Err(Failure::Status(self.status)) }
    }
}

pub struct Browser {
    http: reqwest::Client,
    base: String,
    /// The `csrf` cookie value, sent back like a browser's cookie jar would.
    csrf_cookie: Option<String>,
    /// The last 503's `Retry-After`, until a patient user takes it (see `load::Task::PatientSign`).
    pub retry_after: Option<Duration>,
}

impl Browser {
    /// `base` is `http://127.0.0.1:<port>`; proxies from the environment are ignored so traffic
    /// stays on the loopback.
    pub fn new(base: &str) -> Result<Browser, Failure> {
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(Duration::from_secs(2))
            .pool_max_idle_per_host(1)
            .tcp_nodelay(true)
            .build()
            .map_err(|_| Failure::Client)?;
        Ok(Browser { http, base: base.to_string(), csrf_cookie: None, retry_after: None })
    }

    pub async fn get(&mut self, path: &str) -> Result<Page, Failure> {
        let request = self.http.get(format!("{}{path}", self.base));
        self.send(request).await
    }

    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Result<Page, Failure> {
        let request = self
            .http
            .post(format!("{}{path}", self.base))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form_encode(fields));
        self.send(request).await
    }

    async fn send(&mut self, mut request: reqwest::RequestBuilder) -> Result<Page, Failure> {
        if let Some(value) = &self.csrf_cookie {
            request = request.header(COOKIE, format!("{CSRF_COOKIE}={value}"));
        }
        let response = request.send().await.map_err(|e| classify(&e))?;
        for header in response.headers().get_all(SET_COOKIE) {
            if let Some(value) = header.to_str().ok().and_then(|h| cookie_value(h, CSRF_COOKIE)) {
                self.csrf_cookie = Some(value.to_string());
            }
        }
        let status = response.status().as_u16();
        // Load shedding's answer must tell the browser when to come back.
        if status == 503 {
            let seconds = response.headers().get(RETRY_AFTER).and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
            let Some(seconds) = seconds else { return Err(Failure::Content("503 without Retry-After")) };
            self.retry_after = Some(Duration::from_secs(seconds));
        }
        let body = response.text().await.map_err(|e| classify(&e))?;
        Ok(Page { status, body })
    }
}

/// The value of cookie `name` in one `Set-Cookie` header.
pub fn cookie_value<'a>(set_cookie: &'a str, name: &str) -> Option<&'a str> {
    let pair = set_cookie.split(';').next()?.trim();
    let (key, value) = pair.split_once('=')?;
    (key == name).then_some(value)
}

/// The hidden CSRF field's value in a page, whatever the attribute order in its tag.
pub fn csrf_token(html: &str) -> Option<&str> {
    let at = html.find(&format!("name=\"{CSRF_FIELD}\""))?;
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    let tag = &html[start..end];
    let value = &tag[tag.find("value=\"")? + 7..];
    Some(&value[..value.find('"')?])
}

/// `application/x-www-form-urlencoded`, as a browser writes it.
pub fn form_encode(fields: &[(&str, &str)]) -> String {
    fn encode(out: &mut String, text: &str) {
        for byte in text.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => out.push(char::from(byte)),
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
    }
    let mut out = String::new();
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode(&mut out, name);
        out.push('=');
        encode(&mut out, value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_csrf_token_in_either_attribute_order() {
        let html = r#"<form><input type="hidden" name="csrf_token" value="abc-_12"><input name="x"></form>"#;
        assert_eq!(csrf_token(html), Some("abc-_12"));
        let html = r#"<p><input value="tok" type="hidden" name="csrf_token"></p>"#;
        assert_eq!(csrf_token(html), Some("tok"));
        assert_eq!(csrf_token("<p>no form here</p>"), None);
        assert_eq!(csrf_token(r#"<input name="csrf_token">"#), None);
    }

    #[test]
    fn reads_the_csrf_cookie_only() {
        assert_eq!(cookie_value("csrf=AbC_9; Path=/; HttpOnly; SameSite=Lax", "csrf"), Some("AbC_9"));
        assert_eq!(cookie_value("lang=fr; Path=/", "csrf"), None);
        assert_eq!(cookie_value("csrf_other=1", "csrf"), None);
    }

    #[test]
    fn encodes_forms_like_a_browser() {
        let body = form_encode(&[("csrf_token", "a-b_c"), ("email", "bench-1@example.org"), ("name", "Zoë B")]);
        assert_eq!(body, "csrf_token=a-b_c&email=bench-1%40example.org&name=Zo%C3%AB+B");
    }

    #[test]
    fn expects_a_status() {
        assert!(Page { status: 303, body: String::new() }.expect(303).is_ok());
        assert_eq!(Page { status: 403, body: String::new() }.expect(303).err(), Some(Failure::Status(403)));
    }
}
