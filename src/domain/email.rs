//! Email addresses: validation and the canonical form used to detect a second signature
//! from the same mailbox (case, and for providers that ignore them, dots and `+tags`).

/// Longest address accepted (RFC 5321 path limit).
pub const MAX_LEN: usize = 254;

pub fn is_valid(address: &str) -> bool {
    address.len() <= MAX_LEN
        && address.parse::<lettre::Address>().is_ok_and(|a| a.domain().contains('.') || a.domain() == "localhost")
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
    fn validity() {
        assert!(is_valid("jane@example.org"));
        assert!(!is_valid("jane@"));
        assert!(!is_valid("not an address"));
        assert!(!is_valid("jane@example"));
        assert!(!is_valid(&format!("{}@example.org", "a".repeat(250))));
    }
}
