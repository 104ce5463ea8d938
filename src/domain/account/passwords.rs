//! Password hashing with argon2id. Hashing costs tens of milliseconds of CPU, so it runs on the
//! blocking pool, never on the async threads that serve pages.
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::domain::{DomainError, DomainResult};

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 200;

pub async fn hash(password: &str) -> DomainResult<String> {
    let password = password.to_string();
    let hashed = tokio::task::spawn_blocking(move || {
        Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string())
    })
    .await
    .map_err(|e| DomainError::Internal(format!("password hashing task: {e}")))?;
    hashed.map_err(|e| DomainError::Internal(format!("password hashing: {e}")))
}

/// False for a wrong password and for a stored hash that does not parse.
pub async fn verify(password: &str, stored: &str) -> bool {
    let (password, stored) = (password.to_string(), stored.to_string());
    tokio::task::spawn_blocking(move || Argon2::default().verify_password(password.as_bytes(), stored.as_str()).is_ok())
        .await
        .unwrap_or(false)
}

/// Fluent id of what is wrong with a new password, if anything.
pub fn problem(password: &str) -> Option<&'static str> {
    let n = password.chars().count();
    if n < MIN_LEN {
        Some("error-password-short")
    } else if n > MAX_LEN {
        Some("error-too-long")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let h = super::hash("correct horse battery").await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("correct horse battery", &h).await);
        assert!(!super::verify("wrong", &h).await);
        assert!(!super::verify("x", "not a hash").await);
    }
}
