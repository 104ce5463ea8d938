//! What a moderator does to one petition: hide it (the owner is mailed the reason), show it
//! again, dismiss its reports, approve or refuse it when it waits for review (`Review`: those
//! that mail no one). Each is one transaction with its audit row and, for hiding and refusing,
//! the owners' mails.
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set,
};

use super::{Act, HIDDEN, OK, PENDING, reasons, suspension::close_reports};
use crate::domain::audit::{self, Action, Target};
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, Moderate};
use crate::domain::petition::content::Status;
use crate::domain::{DomainError, DomainResult, FieldErrors};
use crate::entities::{membership, petition, user};
use crate::mail::compose::Composer;
use crate::mail::queue;

async fn load(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<petition::Model> {
    petition::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)
}

fn target(p: &petition::Model) -> Target {
    Target::new("petition", p.id, p.title.clone())
}

/// Who is told what happened to a petition: its personal owner, or the members of its
/// organisation who may modify its petitions (those who can act on it).
async fn owners(db: &impl ConnectionTrait, p: &petition::Model) -> DomainResult<Vec<user::Model>> {
    let ids: Vec<i64> = match (p.user_id, p.organisation_id) {
        (Some(u), _) => vec![u],
        (_, Some(o)) => {
            membership::Entity::find()
                .filter(membership::Column::OrganisationId.eq(o))
                .filter(membership::Column::CanModifyPetitions.eq(true))
                .select_only()
                .column(membership::Column::UserId)
                .into_tuple()
                .all(db)
                .await?
        }
        _ => Vec::new(),
    };
    Ok(user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?)
}

/// Queues mail `kind` (`hidden` or `refused`, with its subject's id) to each owner, in their language, with the reason
/// category (when there is one) in that language and the moderator's note.
async fn tell_owners(
    db: &impl ConnectionTrait,
    p: &petition::Model,
    (mail, subject, category): (&str, &str, Option<i64>),
    act: Act<'_>,
    composer: &Composer,
) -> DomainResult<()> {
    let default = composer.i18n.default_locale().to_string();
    for owner in owners(db, p).await? {
        let lang = owner.locale.clone().filter(|l| composer.i18n.supported(l).is_some()).unwrap_or(default.clone());
        let category = match category {
            Some(id) => reasons::label(db, id, (&lang, &default)).await?.unwrap_or_default(),
            None => String::new(),
        };
        let draft = composer.account_mail(
            "moderation",
            &lang,
            &owner.email,
            subject,
            serde_json::json!({
                "title": p.title, "category": category, "note": act.note, "kind": mail,
                "link": format!("{}/dashboard/petitions/{}", composer.public_url, p.id),
            }),
        );
        queue::enqueue(db, draft, act.now).await?;
    }
    Ok(())
}

/// One moderator's action on a petition, as `apply` carries it out.
struct Change<'a> {
    /// The `moderation` state the petition must be in, and the refusal otherwise.
    from: Option<(&'static str, &'static str)>,
    set: Box<dyn FnOnce(&mut petition::ActiveModel) + Send + 'a>,
    /// Closes the petition's open reports with this resolution.
    close: Option<&'static str>,
    action: Action,
    /// The mail its owners get: kind, subject, reason category.
    mail: Option<(&'static str, &'static str, Option<i64>)>,
}

/// Loads the petition, checks its state, changes it, closes its reports, writes the audit row
/// and queues the owners' mails: one transaction.
async fn apply(
    db: &DatabaseConnection,
    id: PetitionId,
    change: Change<'_>,
    act: Act<'_>,
    composer: Option<&Composer>,
) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let p = load(&txn, id).await?;
    if let Some((state, refusal)) = change.from
        && p.moderation != state
    {
        return Err(DomainError::Refused(refusal));
    }
    let mut active = p.clone().into_active_model();
    (change.set)(&mut active);
    active.updated_at = Set(act.now);
    active.update(&txn).await?;
    if let Some(resolution) = change.close {
        close_reports(&txn, Condition::all().add(petition::Column::Id.eq(p.id)), resolution, act.now).await?;
    }
    audit::record(&txn, Some(act.by), change.action, target(&p), act.note, act.now).await?;
    if let (Some(mail), Some(composer)) = (change.mail, composer) {
        tell_owners(&txn, &p, mail, act, composer).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Hides petition `id` for reason `reason` (a report reason's id): its public pages answer 410
/// with that category, signing stops, its open reports close, and its owners are mailed.
pub async fn hide(
    db: &DatabaseConnection,
    _can: &Allowed<Moderate, ()>,
    (id, reason): (PetitionId, Option<i64>),
    act: Act<'_>,
    composer: &Composer,
) -> DomainResult<()> {
    let langs = (composer.i18n.default_locale(), composer.i18n.default_locale());
    let known = match reason {
        Some(r) => reasons::label(db, r, langs).await?.is_some(),
        None => false,
    };
    let note = super::checked_note(act.note, true);
    let mut errors = match &note {
        Err(DomainError::Invalid(e)) => e.clone(),
        _ => FieldErrors::new(),
    };
    if !known {
        errors.insert("reason", "error-report-reason");
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let change = Change {
        from: None,
        set: Box::new(move |p| {
            p.moderation = Set(HIDDEN.into());
            p.moderation_reason_id = Set(reason);
        }),
        close: Some("hidden"),
        action: Action::PetitionHide,
        mail: Some(("hidden", "mail-moderation-hidden-subject", reason)),
    };
    apply(db, id, change, Act { note: note?, ..act }, Some(composer)).await
}

/// The actions that mail no one and take an optional note.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Review {
    /// Shows a hidden petition again.
    Unhide,
    /// Closes the petition's open reports without acting on it.
    Dismiss,
    /// Lets a petition waiting for review go public; its publisher is trusted from then on.
    Approve,
}

pub async fn review(
    db: &DatabaseConnection,
    _can: &Allowed<Moderate, ()>,
    id: PetitionId,
    review: Review,
    act: Act<'_>,
) -> DomainResult<()> {
    let change = match review {
        Review::Unhide => Change {
            from: Some((HIDDEN, "error-moderation-not-hidden")),
            set: Box::new(|p| {
                p.moderation = Set(OK.into());
                p.moderation_reason_id = Set(None);
            }),
            close: None,
            action: Action::PetitionUnhide,
            mail: None,
        },
        Review::Dismiss => Change {
            from: None,
            set: Box::new(|_| {}),
            close: Some("dismissed"),
            action: Action::ReportDismiss,
            mail: None,
        },
        Review::Approve => Change {
            from: Some((PENDING, "error-moderation-not-pending")),
            set: Box::new(|p| p.moderation = Set(OK.into())),
            close: None,
            action: Action::PetitionApprove,
            mail: None,
        },
    };
    apply(db, id, change, Act { note: super::checked_note(act.note, false)?, ..act }, None).await
}

/// Sends a petition waiting for review back to draft, its owners mailed why; published again,
/// it waits for review again.
pub async fn refuse(
    db: &DatabaseConnection,
    _can: &Allowed<Moderate, ()>,
    id: PetitionId,
    act: Act<'_>,
    composer: &Composer,
) -> DomainResult<()> {
    let change = Change {
        from: Some((PENDING, "error-moderation-not-pending")),
        set: Box::new(|p| {
            p.moderation = Set(OK.into());
            p.status = Set(Status::Draft.as_str().into());
            p.published_by = Set(None);
        }),
        close: None,
        action: Action::PetitionRefuse,
        mail: Some(("refused", "mail-moderation-refused-subject", None)),
    };
    apply(db, id, change, Act { note: super::checked_note(act.note, true)?, ..act }, Some(composer)).await
}
