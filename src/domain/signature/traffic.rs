//! Moderators' view of where a petition's signatures come from, hour by hour: the recipient
//! domains and the client keys (keyed hashes of addresses, never the addresses) that sent the
//! most; and invalidating by rule (a domain, a client key, a time window; pending, confirmed or
//! both) once a dry run has said how many would go. Invalidated signatures are kept, leave the
//! count, are shown to the organiser as such, and the rule and the number go to the audit log.
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Statement,
};
use serde::Serialize;

use crate::domain::DomainResult;
use crate::domain::audit::{self, Action, Target};
use crate::domain::client::ClientKey;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, Moderate};
use crate::domain::signature::signature_admin::Which;
use crate::entities::{signature, user};
use crate::mail::queue;

/// The view covers this many hours, ending at the hour asked for.
pub const HOURS: i64 = 24;
/// Domains and client keys shown per hour.
pub const TOP: i64 = 5;

#[derive(Debug, Clone, Serialize)]
pub struct Top {
    pub item: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hour {
    /// The hour's start, UTC.
    pub start: DateTime<Utc>,
    pub signatures: i64,
    pub invalidated: i64,
    pub domains: Vec<Top>,
    pub clients: Vec<Top>,
}

/// The hour (as `YYYY-MM-DD HH`) of `created_at`, and the domain of the canonical address, in
/// each database's own words.
fn expressions(backend: DbBackend) -> (&'static str, &'static str) {
    match backend {
        DbBackend::Postgres => {
            ("to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')", "split_part(email_canonical, '@', 2)")
        }
        // Stored as text ("2026-12-02 10:11:12…" or with a "T"): the first 13 characters.
        _ => {
            ("replace(substr(created_at, 1, 13), 'T', ' ')", "substr(email_canonical, instr(email_canonical, '@') + 1)")
        }
    }
}

fn parse_hour(text: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(&format!("{text}:00:00"), "%Y-%m-%d %H:%M:%S").ok().map(|t| t.and_utc())
}

/// The `HOURS` hours of `petition` up to `until` (newest first), with their top `TOP` domains
/// and client keys. Three grouped queries over the petition's signatures of that window.
pub async fn hours(
    db: &impl ConnectionTrait,
    _can: &Allowed<Moderate, ()>,
    petition: PetitionId,
    until: DateTime<Utc>,
) -> DomainResult<Vec<Hour>> {
    let backend = db.get_database_backend();
    let (hour, domain) = expressions(backend);
    let from = until - Duration::hours(HOURS);
    let values = || vec![petition.0.into(), from.into(), until.into()];
    let window = "petition_id = $1 AND created_at >= $2 AND created_at < $3";
    let totals = format!(
        "SELECT {hour} AS hour, COUNT(*) AS n, COUNT(invalidated_at) AS gone FROM signatures WHERE {window} \
         GROUP BY 1 ORDER BY 1 DESC"
    );
    let mut out: Vec<Hour> = Vec::new();
    for row in db.query_all_raw(Statement::from_sql_and_values(backend, totals, values())).await? {
        let text: String = row.try_get("", "hour")?;
        let Some(start) = parse_hour(&text) else { continue };
        let (signatures, invalidated) = (row.try_get("", "n")?, row.try_get("", "gone")?);
        out.push(Hour { start, signatures, invalidated, domains: Vec::new(), clients: Vec::new() });
    }
    for (item, into_domains) in [(domain, true), ("COALESCE(client_key, '')", false)] {
        let sql = format!(
            "SELECT hour, item, n FROM (SELECT hour, item, n, ROW_NUMBER() OVER (PARTITION BY hour ORDER BY n DESC, \
             item) AS rank FROM (SELECT {hour} AS hour, {item} AS item, COUNT(*) AS n FROM signatures WHERE {window} \
             GROUP BY 1, 2) g) r WHERE rank <= {TOP} ORDER BY hour DESC, n DESC, item"
        );
        for row in db.query_all_raw(Statement::from_sql_and_values(backend, sql, values())).await? {
            let text: String = row.try_get("", "hour")?;
            let Some(at) = parse_hour(&text) else { continue };
            let top = Top { item: row.try_get("", "item")?, count: row.try_get("", "n")? };
            if let Some(h) = out.iter_mut().find(|h| h.start == at) {
                if into_domains { h.domains.push(top) } else { h.clients.push(top) }
            }
        }
    }
    Ok(out)
}

/// The title of the petition being looked at (any status: a hidden or closed petition can be
/// flooded too); not found when there is none.
pub async fn petition_title(
    db: &impl ConnectionTrait,
    _can: &Allowed<Moderate, ()>,
    petition: PetitionId,
) -> DomainResult<String> {
    let found = crate::entities::petition::Entity::find_by_id(petition.0).one(db).await?;
    found.map(|p| p.title).ok_or(crate::domain::DomainError::NotFound)
}

/// Which signatures a moderator's rule takes: of one petition, those matching every criterion
/// given (at least one is), not invalidated yet.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rule {
    /// A recipient domain, whole (`example.org` takes `x@example.org`, not `x@sub.example.org`).
    pub domain: Option<String>,
    pub client: Option<ClientKey>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub which: Which,
}

impl Rule {
    fn condition(&self, petition: PetitionId) -> Condition {
        let mut c = Condition::all()
            .add(signature::Column::PetitionId.eq(petition.0))
            .add(signature::Column::InvalidatedAt.is_null());
        if let Some(domain) = &self.domain {
            c = c.add(Expr::col(signature::Column::EmailCanonical).like(ends_with(domain)));
        }
        if let Some(client) = &self.client {
            c = c.add(signature::Column::ClientKey.eq(client.as_str()));
        }
        if let Some(from) = self.from {
            c = c.add(signature::Column::CreatedAt.gte(from));
        }
        if let Some(until) = self.until {
            c = c.add(signature::Column::CreatedAt.lt(until));
        }
        match self.which {
            Which::All => c,
            Which::Confirmed => c.add(signature::Column::ConfirmedAt.is_not_null()),
            Which::Pending => c.add(signature::Column::ConfirmedAt.is_null()),
        }
    }

    /// The rule in words for the audit log (ids and values, not a translated sentence: the log
    /// is read in every language).
    fn describe(&self) -> String {
        let which = match self.which {
            Which::All => "all",
            Which::Confirmed => "confirmed",
            Which::Pending => "pending",
        };
        let time =
            |t: Option<DateTime<Utc>>| t.map_or_else(|| "-".to_string(), |t| t.format("%Y-%m-%d %H:%M").to_string());
        format!(
            "domain={} client={} from={} until={} which={which}",
            self.domain.as_deref().unwrap_or("-"),
            self.client.as_ref().map_or("-", ClientKey::as_str),
            time(self.from),
            time(self.until),
        )
    }
}

/// `LIKE` pattern for "ends with @`domain`", wildcards taken literally.
fn ends_with(domain: &str) -> sea_orm::sea_query::LikeExpr {
    let escaped = domain.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    sea_orm::sea_query::LikeExpr::new(format!("%@{escaped}")).escape('\\')
}

/// The dry run: how many signatures the rule would invalidate.
pub async fn matching(
    db: &impl ConnectionTrait,
    _can: &Allowed<Moderate, ()>,
    petition: PetitionId,
    rule: &Rule,
) -> DomainResult<u64> {
    Ok(signature::Entity::find().filter(rule.condition(petition)).count(db).await?)
}

/// Invalidates what `rule` matches, in one transaction with its audit row (the rule and the
/// number, after the moderator's reason); the confirmation mails still queued for the pending
/// ones are cancelled, and the petition's count is recounted at once. Returns the number.
pub async fn invalidate(
    db: &DatabaseConnection,
    _can: &Allowed<Moderate, ()>,
    actor: &user::Model,
    (petition, title): (PetitionId, &str),
    (rule, reason): (&Rule, &str),
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let txn = crate::db::begin_write(db).await?;
    let condition = rule.condition(petition);
    let pending: Vec<String> = signature::Entity::find()
        .select_only()
        .column(signature::Column::Email)
        .filter(condition.clone())
        .filter(signature::Column::ConfirmedAt.is_null())
        .into_tuple()
        .all(&txn)
        .await?;
    let done = signature::Entity::update_many()
        .col_expr(signature::Column::InvalidatedAt, Expr::value(now))
        .filter(condition)
        .exec(&txn)
        .await?
        .rows_affected;
    // In chunks: a statement binds a bounded number of values.
    for chunk in pending.chunks(500) {
        queue::cancel_queued_for_petition(&txn, petition.0, chunk).await?;
    }
    crate::domain::signature::counting::recount(&txn, petition.0).await?;
    let why = format!("{} — {} — {done}", reason.trim(), rule.describe());
    audit::record(&txn, Some(actor), Action::SignaturesInvalidate, Target::new("petition", petition, title), &why, now)
        .await?;
    txn.commit().await?;
    Ok(done)
}
