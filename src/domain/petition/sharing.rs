//! Sharing without trackers: the page links only to itself; the address of a Mastodon
//! instance or a Diaspora pod is asked in a plain form, then a page of this instance names that
//! server and links to its share page. No third-party script, image or request, and no
//! redirect: one would make this instance an open redirector, and browsers block a form's
//! redirect to another host under the page's own `form-action 'self'`.
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

/// A user name as Mastodon writes it: letters, digits, `_`, `.` and `-`.
fn is_handle(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// The server a signer named, as its ASCII host name (`xn--…` for a name in another script),
/// with `:port` if one was given. People type `mastodon.social`, `https://mastodon.social/`, or
/// their handle `@me@mastodon.social`; all mean the same host. Anything but a DNS name of at
/// least two labels is refused (the error is a Fluent id): no address, path, query, fragment or
/// user part, so the link built from it can only lead to that host. A pasted address
/// (`https://mastodon.social/@me`) gives its host.
pub fn instance(input: &str) -> Result<String, &'static str> {
    const INVALID: &str = "error-instance-invalid";
    let s = input.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    let scheme = s.find("://").map_or(0, |at| at + 3);
    if scheme > 0 && !matches!(s[..scheme].to_ascii_lowercase().as_str(), "https://" | "http://") {
        return Err(INVALID);
    }
    let pasted;
    let s = if scheme > 0 {
        // A pasted address (`https://mastodon.social/@me`): its host, whatever the path; the
        // page that follows names that host before linking to it.
        let url = url::Url::parse(s).map_err(|_| INVALID)?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(INVALID);
        }
        pasted = match (url.host(), url.port()) {
            (Some(url::Host::Domain(host)), Some(port)) => format!("{host}:{port}"),
            (Some(url::Host::Domain(host)), None) => host.to_string(),
            _ => return Err(INVALID),
        };
        pasted.as_str()
    } else {
        let s = s.strip_suffix('/').unwrap_or(s);
        // A profile typed without its scheme (`mastodon.social/@me`): the host before it. Only a
        // Mastodon user name (letters, digits, `_`) may follow, so `evil.com/@good.org`, which
        // seems to name good.org, is still refused.
        match s.split_once("/@") {
            Some((host, name)) if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                host
            }
            _ => s,
        }
    };
    // A handle (`@name@host`, `name@host`): the name is letters, digits, `_`, `.` and `-` only.
    let s = match s.rsplit_once('@') {
        Some((handle, host)) => {
            if !is_handle(handle.strip_prefix('@').unwrap_or(handle)) {
                return Err(INVALID);
            }
            host
        }
        None => s,
    };
    let (host, port) = match s.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (s, None),
    };
    if let Some(port) = port
        && (port.is_empty()
            || port.len() > 5
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u16>().is_err())
    {
        return Err(INVALID);
    }
    // Before IDNA, only what a name is made of: letters of any script, digits, `-` and `.`.
    if host.is_empty() || !host.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.') {
        return Err(INVALID);
    }
    let Ok(url::Host::Domain(ascii)) = url::Host::parse(host) else { return Err(INVALID) };
    let labels: Vec<&str> = ascii.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let top_is_name = labels.last().is_some_and(|l| !l.bytes().all(|b| b.is_ascii_digit()));
    if labels.len() < 2 || ascii.len() > 253 || !labels.iter().all(label_ok) || !top_is_name {
        return Err(INVALID);
    }
    Ok(match port {
        Some(port) => format!("{ascii}:{}", port.parse::<u16>().unwrap_or_default()),
        None => ascii,
    })
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
        for typed in [
            "mastodon.social",
            " https://mastodon.social/ ",
            "@me@mastodon.social",
            "http://Mastodon.Social",
            "https://mastodon.social/@me",
            "https://mastodon.social/@me/113401234567890",
            "mastodon.social/@me",
        ] {
            assert_eq!(instance(typed), Ok("mastodon.social".into()), "{typed}");
        }
        assert_eq!(instance("pod.example.org:8443"), Ok("pod.example.org:8443".into()));
    }

    #[test]
    fn anything_but_a_domain_is_refused() {
        assert_eq!(instance(""), Err("error-required"));
        for bad in [
            "localhost",
            "127.0.0.1",
            "[::1]",
            "evil.example/path",
            "a.example?x=1",
            "x y.org",
            "javascript:alert(1)",
            "evil.com#@good.org",
            "evil.com\\@good.org",
            "user:pass@good.org",
            "good.org:99999",
            "good.org:",
            "good.org.",
            "-bad.org",
            "ftp://good.org",
            "good.org/share?text=x",
            "1.2.3.4",
            "evil.com%2F@good.org",
            "https://user:pass@good.org/",
            "https://127.0.0.1/@me",
            "https://localhost/",
            "good.org/@me/../x",
            "evil.com/@good.org",
        ] {
            assert_eq!(instance(bad), Err("error-instance-invalid"), "{bad}");
        }
    }

    #[test]
    fn a_name_in_another_script_is_given_as_its_ascii_form() {
        // The "о" are Cyrillic: the host that a browser would reach is shown for what it is.
        assert_eq!(instance("gооgle.com"), Ok("xn--ggle-55da.com".into()));
        assert_eq!(instance("Mastödon.Example"), Ok("xn--mastdon-d1a.example".into()));
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
