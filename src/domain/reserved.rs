//! Names that user names, organisation slugs and permalinks may not take, because routes use
//! them (a slug called `dashboard` must never shadow the dashboard, nor answer a 500).
pub const RESERVED: &[&str] = &[
    "account",
    "accounts",
    "admin",
    "api",
    "confirm",
    "create",
    "dashboard",
    "delete",
    "edit",
    "healthz",
    "invitations",
    "login",
    "logout",
    "members",
    "metrics",
    "new",
    "o",
    "p",
    "password",
    "ping",
    "readyz",
    "register",
    "settings",
    "setup",
    "sign",
    "static",
    "thanks",
    "u",
    "verify",
];

/// Fluent id of what is wrong with `name` as a URL name of `min..=max` characters, if anything
/// (for user names, which live under `/u/` and collide with no route word, see `name_problem`).
pub fn slug_problem(name: &str, min: usize, max: usize) -> Option<&'static str> {
    name_problem(name, min, max).or_else(|| RESERVED.contains(&name).then_some("error-name-reserved"))
}

/// Length and characters only.
pub fn name_problem(name: &str, min: usize, max: usize) -> Option<&'static str> {
    let n = name.chars().count();
    if n < min {
        Some("error-name-short")
    } else if n > max {
        Some("error-too-long")
    } else if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_') {
        Some("error-name-characters")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::slug_problem;

    #[test]
    fn names() {
        assert_eq!(slug_problem("jane-doe", 3, 32), None);
        assert_eq!(slug_problem("dashboard", 3, 32), Some("error-name-reserved"));
        assert_eq!(slug_problem("Jane", 3, 32), Some("error-name-characters"));
        assert_eq!(slug_problem("jo", 3, 32), Some("error-name-short"));
        assert_eq!(slug_problem(&"a".repeat(33), 3, 32), Some("error-too-long"));
    }
}
