//! Random tokens and their stored form. Only hashes of tokens reach the database, so a leaked
//! backup cannot confirm signatures or open sessions.
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// `bytes` random bytes from the OS, URL-safe base64 encoded.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    // The OS random source failing means the machine is unusable; there is nothing to recover.
    getrandom::fill(&mut buf).expect("the operating system's random source is unavailable");
    URL_SAFE_NO_PAD.encode(buf)
}

/// What is stored for a token: its SHA-256, hex encoded (tokens are random, so no salt is needed).
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Keyed hash (HMAC-SHA256), URL-safe base64.
pub fn keyed_hash(key: &[u8], message: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(hmac(key, message))
}

/// Keyed hash (HMAC-SHA256), the 32 raw bytes: secret material derived from `message`.
pub fn keyed_digest(key: &[u8], message: &[u8]) -> Vec<u8> {
    hmac(key, message)
}

fn hmac(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

/// Checks `tag` against the keyed hash of `message` in constant time.
pub fn verify_keyed_hash(key: &[u8], message: &[u8], tag: &str) -> bool {
    let Ok(tag) = URL_SAFE_NO_PAD.decode(tag) else { return false };
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(message);
    mac.verify_slice(&tag).is_ok()
}

/// A sub-key for one purpose, so one secret serves CSRF, IP hashing, … without reuse.
pub fn derive_key(secret: &str, purpose: &str) -> Vec<u8> {
    hmac(secret.as_bytes(), purpose.as_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hashes_stable() {
        let a = random_token(32);
        assert_ne!(a, random_token(32));
        assert_eq!(a.len(), 43);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_eq!(hash_token("abc").len(), 64);
    }

    #[test]
    fn keyed_hash_verifies_only_with_its_key() {
        let tag = keyed_hash(b"k1", b"m");
        assert!(verify_keyed_hash(b"k1", b"m", &tag));
        assert!(!verify_keyed_hash(b"k2", b"m", &tag));
        assert!(!verify_keyed_hash(b"k1", b"n", &tag));
        assert!(!verify_keyed_hash(b"k1", b"m", "not base64!"));
    }
}
