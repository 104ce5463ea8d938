//! Whether what the server acknowledged is really in its database, read with the server's own
//! connection code and entities (so the check sees what the application sees).
use std::collections::{HashMap, HashSet};

use rustition::config::Settings;
use rustition::entities::{mail_job, signature};
use sea_orm::prelude::DateTimeUtc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

/// The demo petition every scenario signs.
pub const PETITION_ID: i64 = 1;

/// The outcome of comparing acknowledgements with the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Check {
    pub acknowledged: usize,
    pub stored: usize,
    /// Acknowledged signatures that have a `mail_queue` row addressed to them.
    pub with_mail: usize,
    /// True when "stored" means "confirmed".
    pub confirmations: bool,
}

impl Check {
    pub fn missing(&self) -> usize {
        self.acknowledged - self.stored
    }

    pub fn without_mail(&self) -> usize {
        self.acknowledged - self.with_mail
    }

    /// Nothing acknowledged was lost.
    pub fn passed(&self) -> bool {
        self.missing() == 0 && self.without_mail() == 0
    }
}

pub async fn connect(database_url: &str) -> Result<DatabaseConnection, String> {
    let mut settings = Settings::default();
    settings.database.url = Some(database_url.to_string());
    settings.database.max_connections = 2;
    rustition::db::connect(&settings).await.map_err(|e| format!("cannot open the database: {e}"))
}

/// Compares `acknowledged` addresses with the stored signatures (and, with `confirmed`, their
/// confirmation) and with the mail queue's recipients.
pub async fn verify(database_url: &str, acknowledged: &[String], confirmed: bool) -> Result<Check, String> {
    let db = connect(database_url).await?;
    let err = |e: sea_orm::DbErr| format!("reading the database: {e}");
    let stored: HashMap<String, bool> = signature::Entity::find()
        .select_only()
        .column(signature::Column::Email)
        .column(signature::Column::ConfirmedAt)
        .filter(signature::Column::PetitionId.eq(PETITION_ID))
        .into_tuple::<(String, Option<DateTimeUtc>)>()
        .all(&db)
        .await
        .map_err(err)?
        .into_iter()
        .map(|(email, confirmed_at)| (email, confirmed_at.is_some()))
        .collect();
    let recipients: HashSet<String> = mail_job::Entity::find()
        .select_only()
        .column(mail_job::Column::Recipient)
        .into_tuple::<String>()
        .all(&db)
        .await
        .map_err(err)?
        .into_iter()
        .collect();
    db.close().await.map_err(err)?;
    let is_stored = |email: &String| stored.get(email).is_some_and(|&is_confirmed| is_confirmed || !confirmed);
    Ok(Check {
        acknowledged: acknowledged.len(),
        stored: acknowledged.iter().filter(|e| is_stored(e)).count(),
        with_mail: acknowledged.iter().filter(|e| recipients.contains(*e)).count(),
        confirmations: confirmed,
    })
}
