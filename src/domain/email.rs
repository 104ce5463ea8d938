//! Email addresses: one written form for each mailbox (`normalize`), and the canonical form
//! used to detect a second signature from the same mailbox (case, and for providers that
//! ignore them, dots and `+tags`).

/// Longest address accepted (RFC 5321 path limit).
pub const MAX_LEN: usize = 254;

/// The address as a form gives it, checked like the sign form's, or the error beside the
/// `email` field.
pub(crate) fn form_address(address: &str) -> super::DomainResult<String> {
    let address = address.trim();
    let problem = if address.is_empty() {
        "error-required"
    } else if address.len() > MAX_LEN {
        "error-too-long"
    } else {
        match normalize(address) {
            Ok(address) => return Ok(address),
            Err(problem) => problem,
        }
    };
    Err(super::DomainError::Invalid(super::FieldErrors::from([("email", problem)])))
}

pub fn is_valid(address: &str) -> bool {
    normalize(address).is_ok()
}

/// The one way an address is written: a quoted local part that needs no quotes loses them
/// (`"jane"@x.org` is `jane@x.org`), the domain is lowercase ASCII (IDNA: `xn--…` for other
/// scripts). Refused, with a Fluent id: a local part that needs its quotes (spaces, `@`, …,
/// which mail programs handle badly), an address literal (`jane@[127.0.0.1]`, which the
/// mailer refuses, so its signature would stay pending forever), and what does not parse.
pub fn normalize(address: &str) -> Result<String, &'static str> {
    const INVALID: &str = "error-email-invalid";
    let address = address.trim();
    let (local, domain) = address.rsplit_once('@').ok_or(INVALID)?;
    if domain.starts_with('[') || domain.parse::<std::net::IpAddr>().is_ok() {
        return Err("error-email-literal");
    }
    let local = match local.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
        Some(quoted) => unquote(quoted).filter(|l| is_dot_atom(l)).ok_or("error-email-quoted")?,
        None if is_dot_atom(local) => local.to_string(),
        None => return Err(INVALID),
    };
    let domain = match url::Host::parse(domain) {
        Ok(url::Host::Domain(d)) => d,
        Ok(_) => return Err("error-email-literal"),
        Err(_) => return Err(INVALID),
    };
    if !((domain.contains('.') && !domain.ends_with('.')) || domain == "localhost") {
        return Err(INVALID);
    }
    let normal = format!("{local}@{domain}");
    if normal.len() > MAX_LEN || normal.parse::<lettre::Address>().is_err() {
        return Err(INVALID);
    }
    Ok(normal)
}

/// The content of a quoted local part, its `\x` escapes undone.
fn unquote(quoted: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// A local part that needs no quotes: atoms of RFC 5322 `atext` (or non-ASCII, RFC 6531)
/// joined by single dots.
fn is_dot_atom(local: &str) -> bool {
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c) || !c.is_ascii();
    !local.is_empty() && local.split('.').all(|atom| !atom.is_empty() && atom.chars().all(atext))
}

/// Providers known to ignore dots in the local part (and to deliver `user+tag` to `user`).
const DOT_BLIND: [&str; 2] = ["gmail.com", "googlemail.com"];
/// Providers known to deliver `user+tag` to `user`.
const TAG_BLIND: [&str; 9] = [
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "fastmail.com",
    "protonmail.com",
    "proton.me",
    "icloud.com",
    "posteo.de",
];

/// Of an address as `normalize` writes it.
pub fn canonical(address: &str) -> String {
    let lower = address.trim().to_lowercase();
    let Some((local, domain)) = lower.rsplit_once('@') else { return lower };
    let mut local = local.to_string();
    if TAG_BLIND.contains(&domain) {
        local.truncate(local.find('+').unwrap_or(local.len()));
    }
    if DOT_BLIND.contains(&domain) {
        return format!("{}@gmail.com", local.replace('.', ""));
    }
    format!("{local}@{domain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical(" Jane.Doe+petitions@GoogleMail.com "), "janedoe@gmail.com");
        assert_eq!(canonical("Jane.Doe+x@example.org"), "jane.doe+x@example.org");
        assert_eq!(canonical("jane+x@Proton.me"), "jane@proton.me");
        assert_eq!(canonical("a@b.fr"), "a@b.fr");
    }

    #[test]
    fn one_written_form_per_mailbox() {
        assert_eq!(normalize(" \"dup\"@Example.ORG "), Ok("dup@example.org".into()));
        assert_eq!(normalize("\"d\\up\"@example.org"), Ok("dup@example.org".into()));
        assert_eq!(normalize("Jane@Exämple.org"), Ok("Jane@xn--exmple-cua.org".into()));
        assert_eq!(normalize("\"two words\"@example.org"), Err("error-email-quoted"));
        assert_eq!(normalize("\"a@b\"@example.org"), Err("error-email-quoted"));
        assert_eq!(normalize("dup@[127.0.0.1]"), Err("error-email-literal"));
        assert_eq!(normalize("dup@[IPv6:::1]"), Err("error-email-literal"));
        assert_eq!(normalize("dup@127.0.0.1"), Err("error-email-literal"));
        assert_eq!(normalize("a..b@example.org"), Err("error-email-invalid"));
        assert_eq!(normalize("a b@example.org"), Err("error-email-invalid"));
        assert_eq!(canonical(&normalize("\"Dup\"@X.org").unwrap_or_default()), canonical("dup@x.org"));
    }

    #[test]
    fn validity() {
        assert!(is_valid("jane@example.org"));
        assert!(!is_valid("jane@"));
        assert!(!is_valid("not an address"));
        assert!(!is_valid("jane@example"));
        assert!(!is_valid(&format!("{}@example.org", "a".repeat(250))));
    }
}
