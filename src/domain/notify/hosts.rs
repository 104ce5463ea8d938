//! The allow-list of hosts newsletter opt-ins may be POSTed to, which the instance admin keeps
//! (`/admin/settings`). A URL is checked against it when an organiser configures forwarding and
//! again before every send, so a host the admin removed receives nothing more.
//!
//! Entries are host names or IP addresses, matched exactly (no wildcard: `lists.example.org`
//! does not allow `evil.lists.example.org`). A URL must be `https`, except to a loopback address
//! (a list server on the same machine); it carries no user name or password (credentials are
//! configured apart and sealed).
use url::{Host, Url};

/// Hosts an instance may allow at most.
pub const MAX_HOSTS: usize = 50;
/// The longest URL accepted.
pub const URL_MAX: usize = 500;

/// The list as typed (one host per line, or separated by spaces or commas), normalised to one
/// lower-cased host per line; or the Fluent id of what is wrong with it.
pub fn normalise(text: &str) -> Result<String, &'static str> {
    let mut hosts: Vec<String> = Vec::new();
    for entry in text.split(|c: char| c.is_whitespace() || c == ',').filter(|e| !e.is_empty()) {
        let host = match Host::parse(&entry.to_lowercase()).map_err(|_| "error-newsletter-host-invalid")? {
            // Letters, digits, hyphens and dots only (IDNA gave non-ASCII names their xn-- form).
            Host::Domain(name) if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') => {
                return Err("error-newsletter-host-invalid");
            }
            host => host.to_string(),
        };
        if !hosts.contains(&host) {
            hosts.push(host);
        }
    }
    if hosts.len() > MAX_HOSTS {
        return Err("error-newsletter-hosts-too-many");
    }
    Ok(hosts.join("\n"))
}

/// `url` parsed, when the allow-list `allowed` (as `normalise` writes it) lets it be used; else
/// the Fluent id of the reason.
pub fn check(url: &str, allowed: &str) -> Result<Url, &'static str> {
    let url = url.trim();
    if url.chars().count() > URL_MAX {
        return Err("error-too-long");
    }
    let parsed = Url::parse(url).map_err(|_| "error-forward-url-invalid")?;
    let host = match parsed.host() {
        Some(host) if parsed.username().is_empty() && parsed.password().is_none() => host.to_owned(),
        _ => return Err("error-forward-url-invalid"),
    };
    let loopback = match &host {
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
        Host::Domain(name) => *name == "localhost",
    };
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => return Err("error-forward-https-required"),
    }
    let name = host.to_string();
    if !allowed.lines().any(|entry| entry == name) {
        return Err("error-forward-host-not-allowed");
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_normalised_and_matched_exactly() {
        let list = normalise("Lists.Example.org, 127.0.0.1\nlists.example.org").expect("valid");
        assert_eq!(list, "lists.example.org\n127.0.0.1");
        assert!(normalise("not a host!").is_err());
        assert!(check("https://lists.example.org/subscribe", &list).is_ok());
        assert!(check("http://127.0.0.1:9000/hook", &list).is_ok());
        assert_eq!(check("https://evil.lists.example.org/", &list), Err("error-forward-host-not-allowed"));
        assert_eq!(check("https://other.org/", &list), Err("error-forward-host-not-allowed"));
        assert_eq!(check("http://lists.example.org/", &list), Err("error-forward-https-required"));
        assert_eq!(check("https://u:p@lists.example.org/", &list), Err("error-forward-url-invalid"));
        assert_eq!(check("ftp://lists.example.org/", &list), Err("error-forward-https-required"));
        assert_eq!(check("nonsense", &list), Err("error-forward-url-invalid"));
    }
}
