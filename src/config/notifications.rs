//! `[notifications]`: the periodic job that passes newsletter opt-ins on and mails organisers
//! (`domain::notify::run`), and the bounds of its HTTP POSTs.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Notifications {
    /// How often the job looks for opt-ins to pass on, milestones reached and digests due.
    pub interval_ms: u64,
    /// Seconds between two digests of new signatures to one member (86400: daily; 0: at every
    /// run of the job, which only tests want).
    pub digest_interval_seconds: u64,
    /// Seconds a newsletter POST may take, connection included.
    pub http_timeout_seconds: u64,
    /// Attempts at passing one opt-in on before it is marked failed.
    pub max_attempts: u32,
    /// First retry delay; it doubles with each attempt up to `retry_max_seconds`.
    pub retry_initial_seconds: f64,
    pub retry_max_seconds: f64,
}

impl Default for Notifications {
    fn default() -> Self {
        Notifications {
            interval_ms: 30_000,
            digest_interval_seconds: 24 * 3600,
            http_timeout_seconds: 10,
            max_attempts: 6,
            retry_initial_seconds: 60.0,
            retry_max_seconds: 6.0 * 3600.0,
        }
    }
}

impl Notifications {
    /// What is wrong with these settings, for `Settings::validate`.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.interval_ms == 0 {
            problems.push("[notifications] interval_ms must be positive".into());
        }
        if !(1..=60).contains(&self.http_timeout_seconds) {
            problems.push("[notifications] http_timeout_seconds must be between 1 and 60".into());
        }
        if !(1..=50).contains(&self.max_attempts) {
            problems.push("[notifications] max_attempts must be between 1 and 50".into());
        }
        if !(self.retry_initial_seconds > 0.0 && self.retry_initial_seconds <= self.retry_max_seconds) {
            problems
                .push("[notifications] retry_initial_seconds must be positive and not exceed retry_max_seconds".into());
        }
        problems
    }
}
