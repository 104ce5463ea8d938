//! The mail worker: claims due jobs one at a time, respects the per-minute cap, retries what
//! failed for a passing reason with exponential backoff and jitter, and gives up on 5xx.
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::Mailbox;
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::queue;
use super::transport::{SendError, Transport};
use crate::config::Mail;
use crate::domain::now;

/// How long a claimed job stays leased before another worker may take it over.
const LEASE: chrono::Duration = chrono::Duration::minutes(5);

pub struct Worker {
    pub db: DatabaseConnection,
    pub transport: Arc<Transport>,
    pub from: Mailbox,
    pub settings: Mail,
    /// Notified when a job is queued, so a confirmation leaves at once rather than at the next poll.
    pub wake: Arc<Notify>,
}

/// Sends allowed in any 60-second window: the times of the last sends.
struct RateLimit {
    per_minute: usize,
    sent: VecDeque<Instant>,
}

impl RateLimit {
    /// How long to wait before the next send is allowed.
    fn wait(&mut self) -> Option<Duration> {
        let window = Duration::from_secs(60);
        while self.sent.front().is_some_and(|t| t.elapsed() >= window) {
            self.sent.pop_front();
        }
        if self.sent.len() < self.per_minute {
            return None;
        }
        self.sent.front().map(|t| window.saturating_sub(t.elapsed()))
    }
}

/// Delay before attempt `attempts + 1`: initial × 2^(attempts−1), capped, ±20 % jitter so that
/// many jobs refused together do not come back together.
pub fn backoff(settings: &Mail, attempts: i32) -> chrono::Duration {
    let exp = attempts.clamp(1, 30) as u32 - 1;
    let base = settings.retry_initial_seconds.saturating_mul(1u64 << exp.min(20)).min(settings.retry_max_seconds);
    let mut byte = [0u8; 1];
    let jitter = match getrandom::fill(&mut byte) {
        Ok(()) => 0.8 + 0.4 * f64::from(byte[0]) / 255.0,
        Err(_) => 1.0,
    };
    chrono::Duration::milliseconds((base as f64 * 1000.0 * jitter) as i64)
}

impl Worker {
    pub async fn run(self) {
        let mut limit = RateLimit { per_minute: self.settings.max_per_minute as usize, sent: VecDeque::new() };
        let poll = Duration::from_millis(self.settings.poll_interval_ms);
        let mut last_release: Option<Instant> = None;
        loop {
            if last_release.is_none_or(|t| t.elapsed() >= Duration::from_secs(30)) {
                match queue::release_expired_leases(&self.db, now()).await {
                    Ok(0) => {}
                    Ok(n) => tracing::warn!(jobs = n, "mail jobs whose lease expired are queued again"),
                    Err(e) => tracing::error!(error = %e, "cannot release expired mail leases"),
                }
                last_release = Some(Instant::now());
            }
            if let Some(wait) = limit.wait() {
                tokio::time::sleep(wait).await;
                continue;
            }
            let started = now();
            match queue::claim(&self.db, started, started + LEASE).await {
                Ok(Some(job)) => {
                    limit.sent.push_back(Instant::now());
                    self.deliver(job).await;
                }
                Ok(None) => {
                    let _ = tokio::time::timeout(poll, self.wake.notified()).await;
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot claim mail jobs");
                    tokio::time::sleep(poll).await;
                }
            }
        }
    }

    async fn deliver(&self, job: crate::entities::mail_job::Model) {
        let result = self.transport.send(&self.from, &job).await;
        let done: DateTime<Utc> = now();
        let update = match &result {
            Ok(()) => {
                tracing::info!(job = job.id, kind = %job.kind, attempt = job.attempts, "mail sent");
                queue::mark_sent(&self.db, job.id, done).await
            }
            Err(SendError::Transient(e)) if (job.attempts as u32) < self.settings.max_attempts => {
                let next = done + backoff(&self.settings, job.attempts);
                tracing::warn!(job = job.id, attempt = job.attempts, error = %e, retry_at = %next, "mail deferred");
                queue::mark_retry(&self.db, job.id, e, next).await
            }
            Err(SendError::Transient(e) | SendError::Permanent(e)) => {
                tracing::error!(job = job.id, attempt = job.attempts, error = %e, "mail failed");
                queue::mark_failed(&self.db, job.id, e).await
            }
        };
        if let Err(e) = update {
            // The lease expires and the job is tried again: at least once, never lost.
            tracing::error!(job = job.id, error = %e, "cannot record the mail job's outcome");
        }
    }
}
