//! Leadership: however many `serve` and `worker` processes share one database, each periodic
//! job runs in one of them at a time. The job asks `is_leader()` at every tick and does its work
//! only on `true`; the others keep asking, so one of them takes over at its next tick once the
//! leader is gone.
//!
//! - PostgreSQL: a session-level `pg_try_advisory_lock` held on a connection of its own, outside
//!   the pool (a pooled connection may be closed and replaced, and the lock with it, unseen).
//!   When the leader dies, PostgreSQL ends its session and releases the lock. The leader checks
//!   its connection at every tick: an error means the session, and the lock, may be gone.
//! - SQLite: an exclusive OS lock on `<database file>.<job>.leader`, which the kernel releases
//!   when the process ends, however it ends.
//! - An in-memory SQLite database is one process's alone: that process always leads.
//!
//! Two leaders at once can only happen for a moment, when PostgreSQL dropped a leader's session
//! (a network cut) before the leader's next check noticed. The jobs are built for it: each is
//! idempotent (a recount, a deletion of what is past a date, leases released by date).
use std::path::PathBuf;
use std::sync::Arc;

use sea_orm::sqlx::postgres::{PgConnectOptions, PgConnection};
use sea_orm::sqlx::{self, Connection as _};
use sea_orm::{DatabaseConnection, DbBackend};

use crate::config::Settings;

/// The periodic jobs, each led separately: the count batch runs in `serve` processes, the mail
/// housekeeping wherever mail is sent (`serve` and `worker`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// `domain::signature::counting::run`: the count batch, the purge of unconfirmed signatures
    /// and of expired challenge records and links, the erasure of data past its retention.
    Counting,
    /// `mail::worker`'s housekeeping: expired leases released, old sends and sent jobs purged.
    MailHousekeeping,
    /// `domain::notify::Job::run`: newsletter forwarding, milestone and digest mails.
    Notifications,
}

impl Job {
    pub fn name(self) -> &'static str {
        match self {
            Job::Counting => "count batch",
            Job::MailHousekeeping => "mail housekeeping",
            Job::Notifications => "notifications",
        }
    }

    /// Advisory lock keys: "rustlead" in ASCII, plus the job (the migrations use another key).
    fn key(self) -> i64 {
        const BASE: i64 = 0x7275_7374_6c65_6100;
        match self {
            Job::Counting => BASE + 1,
            Job::MailHousekeeping => BASE + 2,
            Job::Notifications => BASE + 3,
        }
    }

    fn file_suffix(self) -> &'static str {
        match self {
            Job::Counting => ".count.leader",
            Job::MailHousekeeping => ".mail.leader",
            Job::Notifications => ".notify.leader",
        }
    }
}

enum Lock {
    /// The connection is kept between ticks, leader or not, so a follower does not reconnect
    /// every tick.
    Postgres {
        options: Arc<PgConnectOptions>,
        session: Option<PgConnection>,
    },
    File {
        path: PathBuf,
        file: Option<std::fs::File>,
    },
    Alone,
}

/// One job's claim to lead, owned by the task that runs the job (dropped with it, which
/// releases the lock).
pub struct Leadership {
    job: Job,
    lock: Lock,
    leading: bool,
}

impl Leadership {
    /// Nothing is locked yet: the first `is_leader` tries.
    pub fn new(settings: &Settings, db: &DatabaseConnection, job: Job) -> Leadership {
        let lock = if db.get_database_backend() == DbBackend::Postgres {
            Lock::Postgres { options: db.get_postgres_connection_pool().connect_options(), session: None }
        } else {
            match super::sqlite_file(&settings.database_url()) {
                Some(file) => {
                    let mut path = file.into_os_string();
                    path.push(job.file_suffix());
                    Lock::File { path: PathBuf::from(path), file: None }
                }
                None => Lock::Alone,
            }
        };
        Leadership { job, lock, leading: false }
    }

    /// Whether this process leads the job now: keeps the lock if it has it, tries to take it if
    /// not. Logs each change (at info when it leads, at warn when it lost the lead).
    pub async fn is_leader(&mut self) -> bool {
        let key = self.job.key();
        let (now, error) = match &mut self.lock {
            Lock::Alone => (true, None),
            Lock::File { path, file } => file_lock(path, file, self.leading),
            Lock::Postgres { options, session } => advisory_lock(options, session, key, self.leading).await,
        };
        if now && !self.leading {
            tracing::info!("this process now leads the {}", self.job.name());
        } else if !now && self.leading {
            tracing::warn!(
                error = error.as_deref().unwrap_or(""),
                "this process no longer leads the {}",
                self.job.name()
            );
        } else if let Some(error) = error {
            tracing::debug!(error, "cannot try to lead the {}", self.job.name());
        }
        self.leading = now;
        now
    }
}

fn file_lock(path: &std::path::Path, file: &mut Option<std::fs::File>, leading: bool) -> (bool, Option<String>) {
    if leading && file.is_some() {
        // The kernel holds the lock for as long as the file is open.
        return (true, None);
    }
    let handle = match file {
        Some(handle) => handle,
        None => match super::schema::private_lock_file(path) {
            Ok(handle) => file.insert(handle),
            Err(e) => return (false, Some(format!("{}: {e}", path.display()))),
        },
    };
    match fs4::FileExt::try_lock(handle) {
        Ok(()) => (true, None),
        Err(fs4::TryLockError::WouldBlock) => (false, None),
        Err(fs4::TryLockError::Error(e)) => (false, Some(format!("{}: {e}", path.display()))),
    }
}

async fn advisory_lock(
    options: &PgConnectOptions,
    session: &mut Option<PgConnection>,
    key: i64,
    leading: bool,
) -> (bool, Option<String>) {
    let connection = match session {
        Some(connection) => connection,
        // A new session holds no lock, whatever the previous one held.
        None => match PgConnection::connect_with(options).await {
            Ok(connection) => session.insert(connection),
            Err(e) => return (false, Some(e.to_string())),
        },
    };
    let result = if leading {
        // The lock is the session's: the same connection answering means the same session.
        sqlx::query("SELECT 1").execute(&mut *connection).await.map(|_| true)
    } else {
        sqlx::query_scalar::<_, bool>("SELECT pg_try_advisory_lock($1)").bind(key).fetch_one(&mut *connection).await
    };
    match result {
        Ok(leads) => (leads, None),
        Err(e) => {
            // Dropped: a lock it might still hold ends with the session.
            *session = None;
            (false, Some(e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two processes' claims on one SQLite file (two open files, as two processes have): one
    /// leads, and the other takes over once the first is gone.
    #[tokio::test]
    async fn one_claim_leads_and_another_takes_over_when_it_is_dropped() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut settings = Settings::default();
        settings.database.url = Some(format!("sqlite://{}/lead.db?mode=rwc", dir.path().display()));
        settings.server.data_dir = dir.path().to_path_buf();
        let db = crate::db::connect(&settings).await.expect("database");
        let mut first = Leadership::new(&settings, &db, Job::Counting);
        let mut second = Leadership::new(&settings, &db, Job::Counting);
        let mut mail = Leadership::new(&settings, &db, Job::MailHousekeeping);
        assert!(first.is_leader().await);
        assert!(!second.is_leader().await);
        assert!(first.is_leader().await, "the leader stays the leader");
        assert!(!second.is_leader().await);
        assert!(mail.is_leader().await, "each job is led on its own");
        drop(first);
        assert!(second.is_leader().await);
    }
}
