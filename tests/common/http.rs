//! A small HTTP/1.1 client over a real TCP connection, for what Rocket's local client cannot
//! show: how a server answers on the wire (a body past its limit) and what a separate server
//! process does. One connection per request (`Connection: close`), cookies kept like a browser.
use std::collections::BTreeMap;
use std::sync::Mutex;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Requests to `127.0.0.1:<port>` with the cookies the server set.
pub struct Browser {
    pub port: u16,
    pub language: String,
    cookies: Mutex<BTreeMap<String, String>>,
}

impl Browser {
    pub fn new(port: u16) -> Browser {
        Browser { port, language: "en".into(), cookies: Mutex::new(BTreeMap::new()) }
    }

    fn cookie_header(&self) -> String {
        let jar = self.cookies.lock().unwrap_or_else(|p| p.into_inner());
        jar.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    /// Sends the whole request, body included, then reads the whole answer.
    pub async fn send(&self, method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> Response {
        self.send_framed(method, path, content_type, body, false).await
    }

    /// As `send`; `chunked` sends the body with `Transfer-Encoding: chunked` and no length.
    pub async fn send_framed(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
        chunked: bool,
    ) -> Response {
        self.try_send_framed(method, path, content_type, body, chunked)
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// As `post_form`, but a server that is gone or stops mid-answer is an `Err`, not a panic
    /// (for a test that stops the server under load).
    pub async fn try_post_form(&self, path: &str, fields: &[(&str, &str)]) -> Result<Response, String> {
        let body = fields.iter().map(|(k, v)| format!("{}={}", super::encode(k), super::encode(v))).collect::<Vec<_>>();
        self.try_send_framed("POST", path, Some("application/x-www-form-urlencoded"), body.join("&").as_bytes(), false)
            .await
    }

    /// As `get`, but a server that is gone is an `Err`.
    pub async fn try_get(&self, path: &str) -> Result<Response, String> {
        self.try_send_framed("GET", path, None, b"", false).await
    }

    async fn try_send_framed(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
        chunked: bool,
    ) -> Result<Response, String> {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nAccept-Language: {}\r\n",
            self.port, self.language
        );
        let cookies = self.cookie_header();
        if !cookies.is_empty() {
            head.push_str(&format!("Cookie: {cookies}\r\n"));
        }
        match (content_type, chunked) {
            (Some(ct), false) => head.push_str(&format!("Content-Type: {ct}\r\nContent-Length: {}\r\n", body.len())),
            (Some(ct), true) => head.push_str(&format!("Content-Type: {ct}\r\nTransfer-Encoding: chunked\r\n")),
            (None, _) => {}
        }
        head.push_str("\r\n");
        let mut stream =
            TcpStream::connect(("127.0.0.1", self.port)).await.map_err(|e| format!("connect to the server: {e}"))?;
        stream.write_all(head.as_bytes()).await.map_err(|e| format!("send the request head: {e}"))?;
        let framed;
        let body = if chunked {
            let mut out = Vec::with_capacity(body.len() + body.len() / 1000 + 16);
            for chunk in body.chunks(64 * 1024) {
                out.extend(format!("{:x}\r\n", chunk.len()).bytes());
                out.extend_from_slice(chunk);
                out.extend(b"\r\n");
            }
            out.extend(b"0\r\n\r\n");
            framed = out;
            &framed[..]
        } else {
            body
        };
        stream.write_all(body).await.map_err(|e| format!("send the {} bytes of {method} {path}: {e}", body.len()))?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.map_err(|e| format!("read the answer to {method} {path}: {e}"))?;
        if !raw.windows(4).any(|w| w == b"\r\n\r\n") {
            return Err(format!("no answer to {method} {path}"));
        }
        let response = parse(&raw);
        let mut jar = self.cookies.lock().unwrap_or_else(|p| p.into_inner());
        for (name, value) in &response.headers {
            if name.eq_ignore_ascii_case("set-cookie") {
                let pair = value.split(';').next().unwrap_or_default();
                if let Some((k, v)) = pair.split_once('=') {
                    jar.insert(k.trim().to_string(), v.trim().to_string());
                }
            }
        }
        Ok(response)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.try_get(path).await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.try_post_form(path, fields).await.unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    /// A form with one file, as a browser uploads it.
    pub async fn post_file(&self, path: &str, fields: &[(&str, &str)], file: (&str, &str, &[u8])) -> Response {
        self.post_file_framed(path, fields, file, false).await
    }

    /// As `post_file`, the body chunked (no length announced) when `chunked`.
    pub async fn post_file_framed(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
        chunked: bool,
    ) -> Response {
        let boundary = "----rustition-wire-boundary";
        let body = super::multipart(boundary, fields, file);
        self.send_framed("POST", path, Some(&format!("multipart/form-data; boundary={boundary}")), &body, chunked).await
    }
}

fn parse(raw: &[u8]) -> Response {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an answer with a head");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status code");
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked =
        headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Response { status, headers, body }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&raw[..line_end]);
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("0").trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        out.extend_from_slice(&raw[start..(start + size).min(raw.len())]);
        raw = &raw[(start + size + 2).min(raw.len())..];
    }
    out
}
