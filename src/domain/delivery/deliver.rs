//! Delivering a petition: one transaction records the delivery (a random token opens its
//! page; only the token's hash is stored), whom it went to, and a mail to each addressee with
//! an address, queued with it. By hand (`by_hand`, as often as the organiser chooses) or on its
//! own (`run_due`, called by the count batch): at most one automatic delivery per petition,
//! checked in the transaction and backed by a unique index.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Set,
};
use serde::Serialize;

use super::addressees::{self, Addressee};
use super::milestones;
use super::settings::When;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ModifyPetition};
use crate::domain::petition::petitions::{self, PublicPetition};
use crate::domain::{DomainError, DomainResult, FieldErrors, now, tokens};
use crate::entities::{delivery, delivery_recipient};
use crate::mail::queue::{self, MailDraft};

/// Why a delivery was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trigger {
    Manual,
    Goal,
    Milestone,
}

impl Trigger {
    pub fn name(self) -> &'static str {
        match self {
            Trigger::Manual => "manual",
            Trigger::Goal => "goal",
            Trigger::Milestone => "milestone",
        }
    }

    pub fn parse(s: &str) -> Trigger {
        match s {
            "goal" => Trigger::Goal,
            "milestone" => Trigger::Milestone,
            _ => Trigger::Manual,
        }
    }
}

/// What a delivery mail says: to whom, about what, and the path of the delivery's page.
pub struct DeliveryMail<'a> {
    pub petition: &'a PublicPetition,
    pub addressee: &'a Addressee,
    pub path: &'a str,
    pub count: i64,
}

/// Writes the delivery mail (`mail::delivery` does, from the templates).
pub trait ComposeDelivery: Send + Sync {
    fn compose(&self, mail: &DeliveryMail<'_>) -> MailDraft;
}

/// The path of a delivery's page.
pub fn path(token: &str) -> String {
    format!("/delivery/{token}")
}

/// Delivers the petition now, at the organiser's request; refused while moderators withhold it.
pub async fn by_hand(
    db: &DatabaseConnection,
    can: &Allowed<ModifyPetition, PetitionId>,
    by: &str,
    mailer: &dyn ComposeDelivery,
) -> DomainResult<()> {
    let refused = |why| Err(DomainError::Invalid(FieldErrors::from([("deliver", why)])));
    match make(db, can.target(), Trigger::Manual, Some(by), mailer).await? {
        Outcome::Delivered => Ok(()),
        Outcome::Nothing => refused("error-delivery-no-addressees"),
        Outcome::Withheld => refused(super::page::WITHHELD),
    }
}

/// Makes the automatic deliveries that are due (see `milestones::due`); returns how many.
/// A petition that fails is logged and tried again at the next run.
pub async fn run_due(db: &DatabaseConnection, mailer: &dyn ComposeDelivery) -> DomainResult<usize> {
    let mut made = 0;
    for due in milestones::due(db).await? {
        let trigger = match due.when {
            When::Milestone(_) => Trigger::Milestone,
            _ => Trigger::Goal,
        };
        match make(db, due.petition, trigger, None, mailer).await {
            Ok(Outcome::Delivered) => {
                made += 1;
                tracing::info!(petition = %due.petition, trigger = trigger.name(), "petition delivered");
            }
            Ok(Outcome::Nothing | Outcome::Withheld) => {}
            Err(e) => tracing::error!(error = %e, petition = %due.petition, "cannot deliver the petition"),
        }
    }
    Ok(made)
}

/// What `make` did.
enum Outcome {
    Delivered,
    /// Nothing to do: no addressee, or an automatic delivery already made.
    Nothing,
    /// Moderators withhold the petition (hidden, its owner suspended, awaiting review).
    Withheld,
}

/// One delivery of `id`. Whether moderators withhold the petition is asked in the transaction
/// that delivers it, after locking its row (on SQLite the transaction holds the write lock), so
/// that a petition hidden meanwhile is not delivered.
async fn make(
    db: &DatabaseConnection,
    id: PetitionId,
    trigger: Trigger,
    by: Option<&str>,
    mailer: &dyn ComposeDelivery,
) -> DomainResult<Outcome> {
    let auto = trigger != Trigger::Manual;
    let txn = crate::db::begin_write(db).await?;
    crate::entities::petition::Entity::find_by_id(id.0).lock_exclusive().one(&txn).await?;
    if crate::domain::moderation::visibility::withheld(&txn, id).await?.is_some() {
        return Ok(Outcome::Withheld);
    }
    if auto && auto_made(&txn, id).await? {
        return Ok(Outcome::Nothing);
    }
    let petition = petitions::any_by_id(&txn, id).await?;
    let to = addressees::of_petition(&txn, id).await?;
    if to.is_empty() || (auto && to.iter().all(|a| a.email.is_none())) {
        return Ok(Outcome::Nothing);
    }
    let token = tokens::random_token(32);
    let at = now();
    let made = delivery::ActiveModel {
        petition_id: Set(id.0),
        token_hash: Set(tokens::hash_token(&token)),
        trigger: Set(trigger.name().to_string()),
        auto_key: Set(auto.then(|| "auto".to_string())),
        signature_count: Set(petition.count),
        delivered_by: Set(by.map(str::to_string)),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let path = path(&token);
    for addressee in &to {
        let job = match &addressee.email {
            Some(_) => {
                let mail = DeliveryMail { petition: &petition, addressee, path: &path, count: petition.count };
                Some(queue::enqueue(&txn, mailer.compose(&mail), at).await?)
            }
            None => None,
        };
        delivery_recipient::ActiveModel {
            delivery_id: Set(made.id),
            name: Set(addressee.name.clone()),
            role: Set(addressee.role.clone()),
            email: Set(addressee.email.clone()),
            mail_job_id: Set(job),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Outcome::Delivered)
}

async fn auto_made(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<bool> {
    Ok(delivery::Entity::find()
        .filter(delivery::Column::PetitionId.eq(id.0))
        .filter(delivery::Column::AutoKey.eq("auto"))
        .count(db)
        .await?
        > 0)
}

/// A delivery as the dashboard lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Made {
    pub at: chrono::DateTime<chrono::Utc>,
    pub trigger: Trigger,
    pub count: i64,
    pub by: Option<String>,
    pub recipients: Vec<Recipient>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Recipient {
    pub name: String,
    pub role: String,
    pub email: Option<String>,
}

/// Deliveries listed on the dashboard, the latest first.
pub const LISTED: u64 = 50;

/// The latest `LISTED` deliveries of `petition`, with their recipients.
pub async fn list(db: &impl ConnectionTrait, petition: PetitionId) -> DomainResult<Vec<Made>> {
    use sea_orm::{QueryOrder, QuerySelect};
    let rows = delivery::Entity::find()
        .filter(delivery::Column::PetitionId.eq(petition.0))
        .order_by_desc(delivery::Column::Id)
        .limit(LISTED)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|d| d.id).collect();
    let recipients = delivery_recipient::Entity::find()
        .filter(delivery_recipient::Column::DeliveryId.is_in(ids))
        .order_by_asc(delivery_recipient::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|d| Made {
            at: d.created_at,
            trigger: Trigger::parse(&d.trigger),
            count: d.signature_count,
            by: d.delivered_by,
            recipients: recipients
                .iter()
                .filter(|r| r.delivery_id == d.id)
                .map(|r| Recipient { name: r.name.clone(), role: r.role.clone(), email: r.email.clone() })
                .collect(),
        })
        .collect())
}
