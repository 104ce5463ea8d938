//! Confirmation links from the `.eml` files the server's `file` transport writes, as a signer
//! would find them in a mailbox.
use std::path::Path;
use std::time::{Duration, Instant};

/// Decodes quoted-printable text (RFC 2045): soft line breaks (`=` at the end of a line) are
/// joined and `=XX` becomes the byte XX. Anything else, malformed escapes included, is kept.
pub fn decode_quoted_printable(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if bytes[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if bytes[i + 1..].starts_with(b"\n") {
                i += 2;
                continue;
            }
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The path of the first confirmation link for petition `petition` in a raw message
/// (`/p/<id>/confirm/<token>`), or None when the message has none (or is still being written).
pub fn confirmation_path(eml: &str, petition: i64) -> Option<String> {
    let decoded = decode_quoted_printable(eml);
    let prefix = format!("/p/{petition}/confirm/");
    let rest = &decoded[decoded.find(&prefix)? + prefix.len()..];
    let token: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    (!token.is_empty()).then(|| format!("{prefix}{token}"))
}

/// A pending signature: its mail job and address.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub recipient: String,
}

/// Waits until every job's `<id>.eml` holds a confirmation link, or `timeout` passes.
/// Returns `(recipient, path)` for the links found.
pub async fn wait_for_links(outbox: &Path, jobs: &[Job], petition: i64, timeout: Duration) -> Vec<(String, String)> {
    let deadline = Instant::now() + timeout;
    let mut pending: Vec<&Job> = jobs.iter().collect();
    let mut found = Vec::with_capacity(jobs.len());
    loop {
        pending.retain(|job| {
            // A file may exist half written: it is read again on the next pass.
            let link = std::fs::read_to_string(outbox.join(format!("{}.eml", job.id)))
                .ok()
                .and_then(|eml| confirmation_path(&eml, petition));
            match link {
                Some(path) => {
                    found.push((job.recipient.clone(), path));
                    false
                }
                None => true,
            }
        });
        if pending.is_empty() || Instant::now() >= deadline {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_soft_breaks_and_escapes() {
        assert_eq!(decode_quoted_printable("caf=C3=A9 =3D ok"), "café = ok");
        assert_eq!(decode_quoted_printable("a long li=\r\nne joined"), "a long line joined");
        assert_eq!(decode_quoted_printable("unix=\nbreak"), "unixbreak");
        assert_eq!(decode_quoted_printable("bad =ZZ and trailing ="), "bad =ZZ and trailing =");
        assert_eq!(decode_quoted_printable("hard\r\nbreak kept"), "hard\r\nbreak kept");
    }

    #[test]
    fn extracts_a_link_split_across_lines() {
        let eml = "Subject: Please confirm\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
                   Open this link:\r\nhttp://127.0.0.1:8000/p/1/confirm/Ab3_x-=\r\nYz09\r\n\r\n\
                   <a href=3D\"http://127.0.0.1:8000/p/1/confirm/Ab3_x-Yz09\">confirm</a>\r\n";
        assert_eq!(confirmation_path(eml, 1).as_deref(), Some("/p/1/confirm/Ab3_x-Yz09"));
        assert_eq!(confirmation_path(eml, 2), None);
        assert_eq!(confirmation_path("no link /p/1/confirm/ here", 1), None);
    }
}
