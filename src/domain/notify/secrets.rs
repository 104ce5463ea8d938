//! Credentials at rest: a newsletter endpoint's token or password is sealed with a key derived
//! from the instance secret (AES-256-GCM-SIV, a random nonce per seal), so a stolen database
//! or backup does not give it away. Only the notification job opens it, to send.
use aes_gcm_siv::aead::{Aead, KeyInit};
use aes_gcm_siv::{Aes256GcmSiv, Nonce};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::domain::tokens;

const PREFIX: &str = "v1.";
const NONCE_LEN: usize = 12;

/// The key credentials are sealed with. Its `Debug` shows nothing of it.
#[derive(Clone)]
pub struct SecretBox {
    cipher: Aes256GcmSiv,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(…)")
    }
}

impl SecretBox {
    /// `key`: derived from the instance secret for this purpose alone.
    pub fn new(key: &[u8]) -> SecretBox {
        // An HMAC-SHA256 is 32 bytes, the key length AES-256 takes.
        SecretBox { cipher: Aes256GcmSiv::new(tokens::keyed_digest(key, b"seal").as_slice().into()) }
    }

    /// `plain`, sealed: printable, and different at every call.
    pub fn seal(&self, plain: &str) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        // Without randomness the OS is broken; SIV keeps even a repeated nonce from leaking more
        // than whether two secrets are equal.
        let _ = getrandom::fill(&mut nonce);
        // Sealing in memory cannot fail (it would only for a message of gigabytes).
        let sealed = self.cipher.encrypt(Nonce::from_slice(&nonce), plain.as_bytes()).unwrap_or_default();
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(out))
    }

    /// What `sealed` holds, or `None` when another key sealed it (the secret changed) or it is damaged.
    pub fn open(&self, sealed: &str) -> Option<String> {
        let bytes = URL_SAFE_NO_PAD.decode(sealed.strip_prefix(PREFIX)?).ok()?;
        let (nonce, body) = bytes.split_at_checked(NONCE_LEN)?;
        let plain = self.cipher.decrypt(Nonce::from_slice(nonce), body).ok()?;
        String::from_utf8(plain).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_with_its_key_only_and_never_shows() {
        let key = SecretBox::new(&tokens::derive_key("secret", "newsletter"));
        let sealed = key.seal("s3cret-token");
        assert!(!sealed.contains("s3cret"));
        assert_ne!(sealed, key.seal("s3cret-token"), "a fresh nonce each time");
        assert_eq!(key.open(&sealed).as_deref(), Some("s3cret-token"));
        assert_eq!(SecretBox::new(&tokens::derive_key("other", "newsletter")).open(&sealed), None);
        assert_eq!(key.open("v1.garbage"), None);
        assert_eq!(format!("{key:?}"), "SecretBox(…)");
    }
}
