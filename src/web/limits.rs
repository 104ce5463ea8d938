//! Rate limits on what attackers repeat: login and registration attempts, per client address
//! and per account. In memory, per process: enough to make guessing passwords slow.
use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct Limits {
    pub login_per_ip: DefaultKeyedRateLimiter<IpAddr>,
    pub login_per_account: DefaultKeyedRateLimiter<String>,
    pub register_per_ip: DefaultKeyedRateLimiter<IpAddr>,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl Limits {
    pub fn new() -> Limits {
        Limits {
            login_per_ip: RateLimiter::keyed(per_minute(20)),
            login_per_account: RateLimiter::keyed(per_minute(5)),
            register_per_ip: RateLimiter::keyed(per_minute(5)),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}
