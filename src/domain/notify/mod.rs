//! Notifications (issue 17): what happens after a signature, outside the signer's request.
//!
//! - **Newsletter forwarding** (`forwarding`, `deliveries`, `hosts`, `secrets`, `http`): a
//!   petition with a newsletter opt-in may pass each confirmed opt-in on to its organisation, as
//!   a mail to a list address or a POST to a URL on the admin's allow-list.
//! - **Organiser notifications** (`preferences`, `milestones`, `organiser`): each member's own
//!   choice per petition of a daily digest of new signatures and of a mail at each milestone
//!   and when the goal is reached.
//!
//! One periodic job does all of it (`run`), in one process at a time (`db::leader`).
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use crate::config::Notifications;
use crate::domain::instance::settings::Live;
use crate::mail::compose::Composer;

pub mod deliveries;
pub mod forwarding;
pub mod hosts;
pub mod http;
pub mod milestones;
pub mod organiser;
pub mod preferences;
pub mod secrets;

/// What the job works with, built once at start-up.
pub struct Job {
    pub db: DatabaseConnection,
    pub composer: Composer,
    /// Opens the sealed credentials of newsletter endpoints.
    pub key: secrets::SecretBox,
    /// The admin's settings, for the allow-list in force at each send.
    pub instance: Arc<Live>,
    pub settings: Notifications,
    /// The language of mails to list addresses (and to members who chose none).
    pub default_locale: String,
    pub sender: http::Sender,
    pub mail_wake: Arc<Notify>,
}

impl Job {
    /// One pass: opt-ins confirmed since `since` queued and the due ones sent, milestones
    /// recorded and mailed, due digests mailed. Returns whether every new opt-in was queued
    /// (else the next pass looks again from the same point).
    pub async fn pass(&self, since: Option<DateTime<Utc>>, now: DateTime<Utc>) -> crate::domain::DomainResult<bool> {
        let queued = deliveries::queue_new(&self.db, since, now).await?;
        deliveries::deliver_due(self, now).await?;
        for (petition, milestone) in milestones::record_new(&self.db, now).await? {
            organiser::mail_milestone(self, petition, milestone, now).await?;
        }
        organiser::send_digests(self, now).await?;
        Ok(queued < deliveries::QUEUE_BATCH as u64)
    }

    /// Runs forever, a pass every `interval_ms`, while `leadership` says this process leads.
    pub async fn run(self, mut leadership: crate::db::leader::Leadership) {
        let interval = std::time::Duration::from_millis(self.settings.interval_ms);
        let mut since: Option<DateTime<Utc>> = None;
        loop {
            if !leadership.is_leader().await {
                since = None;
                tokio::time::sleep(interval).await;
                continue;
            }
            let started = crate::domain::now();
            match self.pass(since, started).await {
                Ok(true) => since = Some(started),
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "the notification job failed"),
            }
            tokio::time::sleep(interval).await;
        }
    }
}
