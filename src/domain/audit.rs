//! The audit log: every moderation and administration action, written by the use case that does
//! it, on the same connection (so inside its transaction: no action without its row, no row
//! without its action). Admins read it, filtered by who, what and when.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde::Serialize;

use super::DomainResult;
use super::permissions::{Allowed, ManageInstance};
use crate::entities::{audit_entry, user};

/// Rows per page of the log.
pub const PAGE_SIZE: u64 = 50;

/// What was done. The dotted name is stored and shown through Fluent (`audit-<name with
/// dashes>`), so adding a variant means adding its message in every language (a test checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    MailRetry,
    MailCancel,
    RoleGrant,
    RoleRevoke,
    PetitionHide,
    PetitionUnhide,
    PetitionApprove,
    ReportDismiss,
    UserSuspend,
    UserUnsuspend,
    OrganisationSuspend,
    OrganisationUnsuspend,
    OrganisationEdit,
    SettingChange,
    SignaturesInvalidate,
    PetitionRefuse,
    ReasonChange,
    /// The batch erased a closed petition's signers' personal data (actor: the system).
    RetentionErase,
}

impl Action {
    pub const ALL: [Action; 18] = [
        Action::MailRetry,
        Action::MailCancel,
        Action::RoleGrant,
        Action::RoleRevoke,
        Action::PetitionHide,
        Action::PetitionUnhide,
        Action::PetitionApprove,
        Action::ReportDismiss,
        Action::UserSuspend,
        Action::UserUnsuspend,
        Action::OrganisationSuspend,
        Action::OrganisationUnsuspend,
        Action::OrganisationEdit,
        Action::SettingChange,
        Action::SignaturesInvalidate,
        Action::PetitionRefuse,
        Action::ReasonChange,
        Action::RetentionErase,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::MailRetry => "mail.retry",
            Action::MailCancel => "mail.cancel",
            Action::RoleGrant => "role.grant",
            Action::RoleRevoke => "role.revoke",
            Action::PetitionHide => "petition.hide",
            Action::PetitionUnhide => "petition.unhide",
            Action::PetitionApprove => "petition.approve",
            Action::ReportDismiss => "report.dismiss",
            Action::UserSuspend => "user.suspend",
            Action::UserUnsuspend => "user.unsuspend",
            Action::OrganisationSuspend => "organisation.suspend",
            Action::OrganisationUnsuspend => "organisation.unsuspend",
            Action::OrganisationEdit => "organisation.edit",
            Action::SettingChange => "setting.change",
            Action::SignaturesInvalidate => "signatures.invalidate",
            Action::PetitionRefuse => "petition.refuse",
            Action::ReasonChange => "reason.change",
            Action::RetentionErase => "retention.erase",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The Fluent id naming the action in the log (the prefix quoted alone, so that
    /// `i18n check` counts the `audit-…` messages as used).
    pub fn message_id(self) -> String {
        const PREFIX: &str = "audit-";
        format!("{PREFIX}{}", self.as_str().replace('.', "-"))
    }
}

/// What the action was done to: its kind, its id as text, and a label as it was at the time.
#[derive(Debug, Clone)]
pub struct Target {
    pub kind: &'static str,
    pub id: String,
    pub label: String,
}

impl Target {
    pub fn new(kind: &'static str, id: impl ToString, label: impl Into<String>) -> Target {
        Target { kind, id: id.to_string(), label: label.into() }
    }
}

/// Writes one row. `actor` none is the operator at the shell.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: Option<&user::Model>,
    action: Action,
    target: Target,
    reason: &str,
    at: DateTime<Utc>,
) -> DomainResult<()> {
    audit_entry::ActiveModel {
        at: Set(at),
        actor_id: Set(actor.map(|u| u.id)),
        // Empty for the operator, whom the log page names in the reader's language.
        actor_name: Set(actor.map_or_else(String::new, |u| u.username.clone())),
        action: Set(action.as_str().to_string()),
        target_kind: Set(target.kind.to_string()),
        target_id: Set(target.id),
        target_label: Set(target.label.chars().take(256).collect()),
        reason: Set(reason.chars().take(2000).collect()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// How the log is filtered; every part optional.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Part of the actor's username.
    pub actor: Option<String>,
    pub action: Option<Action>,
    pub target_kind: Option<String>,
    pub target_id: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub page: u64,
}

/// One row as the log page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub message_id: String,
    pub target_kind: String,
    pub target_id: String,
    pub target_label: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    pub rows: Vec<Row>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
}

/// A page of the log, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    _can: &Allowed<ManageInstance, ()>,
    filter: &Filter,
) -> DomainResult<Listing> {
    let mut query = audit_entry::Entity::find();
    if let Some(actor) = filter.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        query = query
            .filter(Expr::expr(Func::lower(Expr::col(audit_entry::Column::ActorName))).like(super::contains(actor)));
    }
    if let Some(action) = filter.action {
        query = query.filter(audit_entry::Column::Action.eq(action.as_str()));
    }
    if let Some(kind) = filter.target_kind.as_deref().filter(|k| !k.is_empty()) {
        query = query.filter(audit_entry::Column::TargetKind.eq(kind));
    }
    if let Some(id) = filter.target_id.as_deref().filter(|k| !k.is_empty()) {
        query = query.filter(audit_entry::Column::TargetId.eq(id));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_entry::Column::At.gte(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_entry::Column::At.lt(until));
    }
    let total = query.clone().count(db).await?;
    let pages = std::cmp::max(total.div_ceil(PAGE_SIZE), 1);
    let page = filter.page.clamp(1, pages);
    let rows = query
        .order_by_desc(audit_entry::Column::At)
        .order_by_desc(audit_entry::Column::Id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?
        .into_iter()
        .map(|m| Row {
            id: m.id,
            at: m.at,
            message_id: Action::parse(&m.action).map_or_else(|| "audit-unknown".to_string(), Action::message_id),
            actor: m.actor_name,
            action: m.action,
            target_kind: m.target_kind,
            target_id: m.target_id,
            target_label: m.target_label,
            reason: m.reason,
        })
        .collect();
    Ok(Listing { rows, page, pages, total })
}
