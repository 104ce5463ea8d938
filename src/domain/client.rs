//! Who is asking, as far as limits and moderators need to know: the client's address turned into
//! a keyed hash at once. The address itself is never stored nor logged; the hash cannot be
//! reversed without the instance's secret, yet the same address always gives the same key, so
//! rates can be counted and a moderator can see "these 900 signatures came from one client".
use std::net::IpAddr;

use super::tokens;

/// A keyed hash of a client's address (16 URL-safe characters: 96 bits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct ClientKey(String);

impl ClientKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A key read back from the database.
    pub fn from_stored(s: String) -> ClientKey {
        ClientKey(s)
    }
}

/// Turns addresses into keys with the instance's own sub-key.
#[derive(Clone)]
pub struct ClientKeys {
    key: Vec<u8>,
}

impl std::fmt::Debug for ClientKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientKeys(..)")
    }
}

impl ClientKeys {
    pub fn new(key: Vec<u8>) -> ClientKeys {
        ClientKeys { key }
    }

    /// The key of `address`; an IPv6 address counts by its /64 (what one subscriber gets), so
    /// walking through one's own prefix does not make a new client.
    pub fn of(&self, address: Option<IpAddr>) -> ClientKey {
        let text = match address {
            Some(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
            Some(IpAddr::V6(v6)) => v6.to_ipv4_mapped().map_or_else(String::new, |v4| v4.to_string()),
            Some(IpAddr::V4(v4)) => v4.to_string(),
            None => "unknown".to_string(),
        };
        ClientKey(tokens::keyed_hash(&self.key, text.as_bytes()).chars().take(16).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_one_key_and_an_ipv6_prefix_counts_once() {
        let keys = ClientKeys::new(b"k".to_vec());
        let a = keys.of("192.0.2.1".parse().ok());
        assert_eq!(a, keys.of("192.0.2.1".parse().ok()));
        assert_ne!(a, keys.of("192.0.2.2".parse().ok()));
        assert_eq!(a, keys.of("::ffff:192.0.2.1".parse().ok()));
        assert_eq!(keys.of("2001:db8:1:2::1".parse().ok()), keys.of("2001:db8:1:2:ffff::9".parse().ok()));
        assert_ne!(keys.of("2001:db8:1:2::1".parse().ok()), keys.of("2001:db8:1:3::1".parse().ok()));
        assert_eq!(a.as_str().len(), 16);
        assert_ne!(a, ClientKeys::new(b"other".to_vec()).of("192.0.2.1".parse().ok()));
    }
}
