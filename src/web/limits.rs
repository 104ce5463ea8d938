//! Rate limits on what attackers repeat, in memory, per process (governor's keyed limiters: a
//! sharded map of atomic cells, so a check costs a hash and a compare-and-swap, never a lock
//! held across requests nor a database read). Behind a proxy over N servers, a client spread
//! over all of them gets up to N times each rate (see the README, "Several processes").
//!
//! - Login attempts, per client address and per account: enough to make guessing passwords slow.
//! - Public forms (signing, registering, asking for a password reset, reporting a petition), per
//!   client (the keyed hash of its address, `domain::client`) and, for signing, per petition. Past
//!   a rate the answer is not "no" but "answer the challenge first": people behind one shared
//!   address (a Tor exit, a campus NAT) can still sign, while a script flooding a form from one
//!   client has nothing more queued or mailed.
//!
//! Memory is bounded: each limiter tracks at most `[signing] tracked_clients` keys. Keys whose
//! limit has fully recovered are forgotten when the table fills; if a flood of distinct keys
//! keeps it full, every new client is asked the challenge until it drains (asked, not refused).
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicI64, Ordering};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::Signing;
use crate::domain::client::ClientKey;
use crate::domain::ids::PetitionId;

/// What a public form may do with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Within the rates: go on as usual.
    Allowed,
    /// Past a rate: the form asks the challenge (or refuses, for forms that already ask one).
    Challenge,
}

/// The public forms that share the per-client limiter, each with its own budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PublicForm {
    Registration,
    ForgotPassword,
    Report,
    /// Starting a petition without an account, or asking for its management links again (the
    /// address is also limited, in `domain::guest`).
    GuestPetition,
    /// Asking for a "my signatures" link (the address is also limited, in `domain::signature::portal`).
    MySignatures,
}

/// A keyed limiter that tracks at most `max_keys` keys (see the module's notes).
pub struct Bounded<K: Hash + Eq + Clone> {
    limiter: DefaultKeyedRateLimiter<K>,
    max_keys: usize,
    /// When (Unix seconds) recovered keys were last forgotten: at most once a second, since
    /// walking the table costs its size.
    last_sweep: AtomicI64,
}

impl<K: Hash + Eq + Clone> Bounded<K> {
    pub fn new(quota: Quota, max_keys: usize) -> Self {
        Bounded { limiter: RateLimiter::keyed(quota), max_keys: max_keys.max(1), last_sweep: AtomicI64::new(0) }
    }

    pub fn check(&self, key: &K) -> Verdict {
        if self.limiter.len() >= self.max_keys && !self.sweep() {
            return Verdict::Challenge;
        }
        if self.limiter.check_key(key).is_ok() { Verdict::Allowed } else { Verdict::Challenge }
    }

    /// Forgets the keys whose budget is whole again; false when the table is still full.
    fn sweep(&self) -> bool {
        let now = chrono::Utc::now().timestamp();
        let last = self.last_sweep.load(Ordering::Relaxed);
        if last != now && self.last_sweep.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
        }
        self.limiter.len() < self.max_keys
    }

    /// Keys tracked now (for tests and metrics).
    pub fn len(&self) -> usize {
        self.limiter.len()
    }

    pub fn is_empty(&self) -> bool {
        self.limiter.is_empty()
    }
}

pub struct Limits {
    pub login_per_ip: DefaultKeyedRateLimiter<IpAddr>,
    pub login_per_account: DefaultKeyedRateLimiter<String>,
    sign_per_client: Bounded<ClientKey>,
    sign_per_petition: Bounded<i64>,
    forms_per_client: Bounded<(PublicForm, ClientKey)>,
}

/// `n` a minute, with a burst of `n`; zero is taken as one.
fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl Limits {
    pub fn new(signing: &Signing) -> Limits {
        let keys = signing.tracked_clients as usize;
        Limits {
            login_per_ip: RateLimiter::keyed(per_minute(20)),
            login_per_account: RateLimiter::keyed(per_minute(5)),
            sign_per_client: Bounded::new(per_minute(signing.per_client_per_minute), keys),
            sign_per_petition: Bounded::new(per_minute(signing.per_petition_per_minute), keys),
            forms_per_client: Bounded::new(per_minute(signing.form_per_client_per_minute), keys),
        }
    }

    /// A signature from `client` on `petition`: past either rate, the form asks the challenge.
    /// Both budgets are spent, so a client flooding one petition also raises its guard.
    pub fn signing(&self, client: &ClientKey, petition: PetitionId) -> Verdict {
        let by_client = self.sign_per_client.check(client);
        let by_petition = self.sign_per_petition.check(&petition.0);
        if by_client == Verdict::Allowed && by_petition == Verdict::Allowed {
            Verdict::Allowed
        } else {
            Verdict::Challenge
        }
    }

    /// Another public form sent by `client`.
    pub fn public_form(&self, client: &ClientKey, form: PublicForm) -> Verdict {
        self.forms_per_client.check(&(form, client.clone()))
    }

    /// Clients tracked by the signing limiter (for tests: memory stays bounded).
    pub fn tracked_signers(&self) -> usize {
        self.sign_per_client.len()
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new(&Signing::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::client::ClientKeys;

    #[test]
    fn past_its_rate_a_client_is_asked_the_challenge_and_others_are_not() {
        let signing = Signing { per_client_per_minute: 3, per_petition_per_minute: 100, ..Signing::default() };
        let limits = Limits::new(&signing);
        let keys = ClientKeys::new(b"k".to_vec());
        let (one, other) = (keys.of("192.0.2.1".parse().ok()), keys.of("192.0.2.2".parse().ok()));
        for _ in 0..3 {
            assert_eq!(limits.signing(&one, PetitionId(1)), Verdict::Allowed);
        }
        assert_eq!(limits.signing(&one, PetitionId(2)), Verdict::Challenge, "per client, on any petition");
        assert_eq!(limits.signing(&other, PetitionId(1)), Verdict::Allowed);
        assert_eq!(limits.public_form(&one, PublicForm::Report), Verdict::Allowed, "a budget of its own");
    }

    #[test]
    fn a_flood_of_distinct_clients_cannot_grow_the_table_past_its_bound() {
        let signing = Signing { tracked_clients: 50, per_petition_per_minute: 100_000, ..Signing::default() };
        let limits = Limits::new(&signing);
        let keys = ClientKeys::new(b"k".to_vec());
        let verdicts: Vec<Verdict> = (0..500u32)
            .map(|i| limits.signing(&keys.of(Some(std::net::Ipv4Addr::from(i).into())), PetitionId(1)))
            .collect();
        assert!(limits.tracked_signers() <= 50, "{} keys", limits.tracked_signers());
        assert!(verdicts[..50].iter().all(|v| *v == Verdict::Allowed));
        assert!(verdicts[50..].iter().all(|v| *v == Verdict::Challenge), "new clients are asked, not dropped");
    }
}
