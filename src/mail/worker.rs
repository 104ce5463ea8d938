//! The mail worker: takes a send slot from the shared throttle, claims the most urgent due job,
//! sends it, and records the outcome. A refused or failed send is retried with exponential
//! backoff and jitter; "slow down" (421/451) or an unreachable host pauses the whole queue; a
//! 5xx fails the job at once. Several workers (threads or processes) can run side by side: the
//! lease makes each claim one worker's, and the housekeeping runs in one process at a time (see
//! `db::leader`).
//!
//! When told to stop, a worker claims nothing more; a send under way gets `stop_grace` to end
//! and is recorded as usual, else it is given up and its job put back in the queue at once, so
//! another process sends it without waiting for the lease to expire.
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::Mailbox;
use sea_orm::DatabaseConnection;
use tokio::sync::{Notify, watch};

use super::transport::{SendError, Transport};
use super::{batch, queue, throttle};
use crate::config::Mail;
use crate::domain::now;
use crate::entities::mail_job;

/// How often leases are checked, old sends forgotten and old sent jobs purged (more often when
/// leases are short, so a crashed worker's jobs come back within about one lease).
fn housekeeping_interval(settings: &Mail) -> Duration {
    Duration::from_millis(settings.lease_seconds * 500).min(Duration::from_secs(30))
}

#[derive(Clone)]
pub struct Worker {
    pub db: DatabaseConnection,
    pub transport: Arc<Transport>,
    pub from: Mailbox,
    pub settings: Mail,
    /// Notified when a job is queued, so a confirmation leaves at once rather than at the next poll.
    pub wake: Arc<Notify>,
    /// Changed (or dropped) when the process shuts down.
    pub stop: watch::Receiver<()>,
    /// How long a send under way at shutdown may go on before its job is given back.
    pub stop_grace: Duration,
}

fn seconds(s: f64) -> chrono::Duration {
    chrono::Duration::milliseconds((s * 1000.0) as i64)
}

/// Delay before attempt `attempts + 1`: initial × 2^(attempts−1), capped, ±20 % jitter so that
/// many jobs refused together do not come back together.
pub fn backoff(settings: &Mail, attempts: i32) -> chrono::Duration {
    let exp = attempts.clamp(1, 30) - 1;
    let base = (settings.retry_initial_seconds * 2f64.powi(exp)).min(settings.retry_max_seconds);
    let mut byte = [0u8; 1];
    let jitter = match getrandom::fill(&mut byte) {
        Ok(()) => 0.8 + 0.4 * f64::from(byte[0]) / 255.0,
        Err(_) => 1.0,
    };
    seconds(base * jitter)
}

impl Worker {
    /// Runs `[mail] concurrency` sending loops side by side (each its own SMTP connection from
    /// the pool): one connection alone sends a few dozen mails a second at best; and the
    /// housekeeping, while `leadership` says this process leads it.
    pub async fn run_all(self, mut leadership: crate::db::leader::Leadership) {
        let mut loops = tokio::task::JoinSet::new();
        for _ in 0..self.settings.concurrency.max(1) {
            loops.spawn(self.clone().run());
        }
        let keeper = self.clone();
        loops.spawn(async move {
            let mut tick = tokio::time::interval(housekeeping_interval(&keeper.settings));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            while !keeper.stopping() {
                tokio::select! {
                    _ = tick.tick() => {}
                    () = keeper.shutdown() => break,
                }
                if leadership.is_leader().await {
                    keeper.housekeeping().await;
                }
            }
        });
        while loops.join_next().await.is_some() {}
    }

    /// Sends until told to stop (see the module's comment), then returns.
    pub async fn run(self) {
        let poll = Duration::from_millis(self.settings.poll_interval_ms);
        while !self.stopping() {
            match self.step().await {
                Ok(Some(Wait::Idle(wait))) => self.pause(wait).await,
                Ok(Some(Wait::Throttled(wait))) => self.sleep(wait).await,
                Ok(None) => {}
                Err(e) => {
                    tracing::error!(error = %e, "mail worker: database error");
                    self.pause(poll).await;
                }
            }
        }
    }

    /// Whether the process is shutting down (the sender changed the value or is gone).
    fn stopping(&self) -> bool {
        !matches!(self.stop.has_changed(), Ok(false))
    }

    /// Waits `wait`, or less when a job is queued or the process shuts down.
    async fn pause(&self, wait: Duration) {
        tokio::select! {
            _ = tokio::time::timeout(wait, self.wake.notified()) => {}
            () = self.shutdown() => {}
        }
    }

    /// Resolves once the process shuts down. Waits on a copy of the receiver: `self.stop` never
    /// marks the change seen, so `stopping` keeps telling it.
    async fn shutdown(&self) {
        let mut stop = self.stop.clone();
        if !self.stopping() {
            let _ = stop.changed().await;
        }
    }

    /// Waits `wait`, or less when the process shuts down: new mail does not end a wait for the
    /// throttle. (Woken by each signature's mail, every loop would take the shared writer
    /// connection thousands of times a second during a surge only to learn it must still wait,
    /// and each signature group would queue behind it.)
    async fn sleep(&self, wait: Duration) {
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = self.shutdown() => {}
        }
    }

    /// Sends at most one batch of jobs. Returns how long to wait before the next step, if at all.
    async fn step(&self) -> Result<Option<Wait>, sea_orm::DbErr> {
        let poll = Duration::from_millis(self.settings.poll_interval_ms);
        let started = now();
        if !queue::has_due(&self.db, started).await? {
            return Ok(Some(Wait::Idle(poll)));
        }
        let lease_until = started + chrono::Duration::seconds(self.settings.lease_seconds as i64);
        let claimed =
            batch::claim_batch(&self.db, started, lease_until, self.settings.max_per_minute, self.settings.batch)
                .await?;
        match claimed {
            // Sleep until a slot frees, but look again at least every poll interval.
            batch::Claimed::Wait(wait) => {
                Ok(Some(Wait::Throttled(wait.to_std().unwrap_or(poll).min(poll.max(wait_cap())))))
            }
            batch::Claimed::Jobs(jobs) if jobs.is_empty() => Ok(Some(Wait::Idle(poll))),
            batch::Claimed::Jobs(jobs) => {
                self.deliver_batch(jobs).await?;
                Ok(None)
            }
        }
    }

    /// Sends a claimed batch, one job after the other over this loop's connection, then records
    /// the deliveries together (failures at once, they are rare). When the process stops, the
    /// send under way may finish (see `deliver`) and the jobs not tried yet are given back.
    async fn deliver_batch(&self, jobs: Vec<mail_job::Model>) -> Result<(), sea_orm::DbErr> {
        let mut sent = Vec::with_capacity(jobs.len());
        let mut jobs = jobs.into_iter();
        for job in jobs.by_ref() {
            let lease = queue::Lease::of(&job);
            match self.deliver(job).await? {
                Delivered::Sent => sent.push(lease),
                Delivered::Recorded => {}
                Delivered::Stopped | Delivered::Paused => break,
            }
            if self.stopping() {
                break;
            }
        }
        let untried: Vec<queue::Lease> = jobs.map(|job| queue::Lease::of(&job)).collect();
        if !sent.is_empty() {
            let recorded = batch::mark_sent_many(&self.db, &sent, now()).await?;
            throttle::resume(&self.db).await?;
            if recorded < sent.len() as u64 {
                // Only a process stalled past its lease (a frozen VM, a paused container) gets here.
                tracing::warn!(
                    jobs = sent.len() as u64 - recorded,
                    "mail jobs' leases ran out during the batch: their delivery is not recorded"
                );
            }
        }
        if !untried.is_empty() {
            let put_back = batch::put_back_untried(&self.db, &untried, now()).await?;
            tracing::info!(put_back, "mail jobs claimed but not tried are queued again");
        }
        Ok(())
    }

    /// Sends a claimed job and records the outcome, unless it was sent: the batch records those.
    /// The whole send must end before the lease does (with a tenth of it to spare): a send
    /// still going then is given up and retried by this worker, instead of going on after
    /// another worker has taken the job, which is the one way a mail would leave twice. (The
    /// SMTP timeout bounds each send; a host that answers slowly could otherwise outlast the
    /// lease.)
    async fn deliver(&self, job: mail_job::Model) -> Result<Delivered, sea_orm::DbErr> {
        let margin = Duration::from_millis(self.settings.lease_seconds * 100).max(Duration::from_secs(1));
        let left = job.lease_until.map_or(chrono::Duration::zero(), |until| until - now());
        let limit = left.to_std().unwrap_or_default().saturating_sub(margin);
        let send = tokio::time::timeout(limit, self.transport.send(&self.from, &job));
        let result = tokio::select! {
            result = send => match result {
                Ok(result) => result,
                Err(_) => Err(SendError::Transient(format!("not sent within the lease ({} s)", limit.as_secs()))),
            },
            () = async { self.shutdown().await; tokio::time::sleep(self.stop_grace).await } => {
                let given_back = queue::give_back(&self.db, queue::Lease::of(&job), now()).await?;
                tracing::warn!(job = job.id, given_back, "mail worker stopping: the send under way is given up, its job queued again");
                return Ok(Delivered::Stopped);
            }
        };
        let done: DateTime<Utc> = now();
        let attempt = job.attempts;
        let lease = queue::Lease::of(&job);
        let held = match result {
            Ok(()) => {
                tracing::info!(job = job.id, kind = %job.kind, attempt, "mail sent");
                return Ok(Delivered::Sent);
            }
            Err(SendError::Permanent(e)) => {
                tracing::error!(job = job.id, attempt, error = %e, "mail refused for good");
                queue::mark_failed(&self.db, lease, &e).await?
            }
            Err(e) if attempt as u32 >= self.settings.max_attempts => {
                tracing::error!(job = job.id, attempt, error = %e.message(), "mail failed: no attempts left");
                queue::mark_failed(&self.db, lease, e.message()).await?
            }
            Err(SendError::Throttled(e)) => {
                let until = throttle::pause(
                    &self.db,
                    done,
                    seconds(self.settings.retry_initial_seconds),
                    seconds(self.settings.retry_max_seconds),
                )
                .await?;
                tracing::warn!(job = job.id, attempt, error = %e, resume_at = %until, "mail host refused or unreachable: queue paused");
                if !queue::mark_retry(&self.db, lease, &e, until).await? {
                    tracing::warn!(job = job.id, attempt, "mail job's lease ran out during the attempt");
                }
                return Ok(Delivered::Paused);
            }
            Err(SendError::Transient(e)) => {
                let next = done + backoff(&self.settings, attempt);
                tracing::warn!(job = job.id, attempt, error = %e, retry_at = %next, "mail deferred");
                queue::mark_retry(&self.db, lease, &e, next).await?
            }
        };
        if !held {
            // Only a process stalled past its lease (a frozen VM, a paused container) gets here.
            tracing::warn!(
                job = job.id,
                attempt,
                "mail job's lease ran out during the attempt: its outcome is not recorded"
            );
        }
        Ok(Delivered::Recorded)
    }

    async fn housekeeping(&self) {
        let at = now();
        match queue::release_expired_leases(&self.db, at).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!(jobs = n, "mail jobs whose worker stopped while sending are queued again"),
            Err(e) => tracing::error!(error = %e, "cannot release expired mail leases"),
        }
        if let Err(e) = throttle::forget_old(&self.db, at).await {
            tracing::error!(error = %e, "cannot forget old mail sends");
        }
        match queue::purge_sent(&self.db, at, self.settings.keep_sent_days).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(jobs = n, "old sent mail jobs purged"),
            Err(e) => tracing::error!(error = %e, "cannot purge old sent mail jobs"),
        }
    }
}

/// Why a worker loop waits before its next step.
enum Wait {
    /// Nothing due: until new mail is queued (`wake`), or the poll interval.
    Idle(Duration),
    /// The throttle's budget is spent: until a slot frees, whatever is queued meanwhile.
    Throttled(Duration),
}

/// Longest single sleep while the queue waits for a slot, so a worker notices a shorter pause
/// set meanwhile.
fn wait_cap() -> Duration {
    Duration::from_secs(5)
}

/// What became of one job of a batch.
enum Delivered {
    /// Sent: the batch records it.
    Sent,
    /// Failed or deferred, and recorded so.
    Recorded,
    /// Given back as the process stops.
    Stopped,
    /// Deferred, and the whole queue paused (the host asked to slow down, or is unreachable).
    Paused,
}
