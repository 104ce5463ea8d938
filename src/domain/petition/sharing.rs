//! Sharing without trackers: the page links only to itself; the address of a Mastodon
//! instance or a Diaspora pod is asked in a plain form, then the instance answers with a
//! redirect to that server's own share page. No third-party script, image or request.
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

/// The networks that need the signer's own server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    Mastodon,
    Diaspora,
}

impl Network {
    pub fn parse(s: &str) -> Option<Network> {
        match s {
            "mastodon" => Some(Network::Mastodon),
            "diaspora" => Some(Network::Diaspora),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Network::Mastodon => "mastodon",
            Network::Diaspora => "diaspora",
        }
    }
}

/// The server a signer named, as `host` or `host:port`. People type `mastodon.social`,
/// `https://mastodon.social/`, or their handle `@me@mastodon.social`; all mean the same host.
/// Anything else than a public domain name is refused (the error is a Fluent id).
pub fn instance(input: &str) -> Result<String, &'static str> {
    let s = input.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    let s = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(s);
    let s = s.trim_end_matches('/');
    let s = s.rsplit('@').next().unwrap_or(s);
    let parsed = url::Url::parse(&format!("https://{s}/")).map_err(|_| "error-instance-invalid")?;
    let plain = parsed.path() == "/" && parsed.query().is_none() && parsed.username().is_empty();
    match parsed.host() {
        Some(url::Host::Domain(d)) if plain && d.contains('.') && !d.ends_with('.') => {
            Ok(parsed.port().map_or_else(|| d.to_string(), |p| format!("{d}:{p}")))
        }
        _ => Err("error-instance-invalid"),
    }
}

/// The share page of `host` for a petition's `title` and address.
pub fn share_url(network: Network, host: &str, text: &str, link: &str) -> String {
    let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
    match network {
        Network::Mastodon => format!("https://{host}/share?text={}", enc(&format!("{text} {link}"))),
        Network::Diaspora => format!("https://{host}/bookmarklet?url={}&title={}", enc(link), enc(text)),
    }
}

/// A `mailto:` link with no recipient, for the signer's own mail program.
pub fn mailto(subject: &str, body: &str) -> String {
    let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
    format!("mailto:?subject={}&body={}", enc(subject), enc(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_people_name_their_instance_give_its_host() {
        for typed in ["mastodon.social", " https://mastodon.social/ ", "@me@mastodon.social", "http://Mastodon.Social"]
        {
            assert_eq!(instance(typed), Ok("mastodon.social".into()), "{typed}");
        }
        assert_eq!(instance("pod.example.org:8443"), Ok("pod.example.org:8443".into()));
    }

    #[test]
    fn anything_but_a_domain_is_refused() {
        assert_eq!(instance(""), Err("error-required"));
        for bad in
            ["localhost", "127.0.0.1", "[::1]", "evil.example/path", "a.example?x=1", "x y.org", "javascript:alert(1)"]
        {
            assert_eq!(instance(bad), Err("error-instance-invalid"), "{bad}");
        }
    }

    #[test]
    fn share_links_are_encoded() {
        let u = share_url(Network::Mastodon, "m.example", "Save the park & the trees", "https://p.test/o/a/park");
        assert_eq!(
            u,
            "https://m.example/share?text=Save%20the%20park%20%26%20the%20trees%20https%3A%2F%2Fp%2Etest%2Fo%2Fa%2Fpark"
        );
        let d = share_url(Network::Diaspora, "pod.example", "A", "https://p.test/x");
        assert_eq!(d, "https://pod.example/bookmarklet?url=https%3A%2F%2Fp%2Etest%2Fx&title=A");
        assert_eq!(mailto("Hi there", "a\nb"), "mailto:?subject=Hi%20there&body=a%0Ab");
    }
}
