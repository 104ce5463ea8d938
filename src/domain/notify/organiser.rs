//! The organisers' mails: a milestone or the goal reached, and the digest of new signatures.
//! Each goes to the members who asked for it on that petition (`preferences`) and still see it
//! (a member who left the organisation hears nothing more), in their language, through the mail
//! queue, at bulk priority. All the recipients of one milestone are queued in one transaction.
use chrono::{DateTime, Duration, Utc};
use fluent_bundle::FluentValue;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set,
};

use super::Job;
use super::milestones::Milestone;
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::permissions;
use crate::domain::petition::petitions::OwnerId;
use crate::entities::{membership, notification_preference as pref, petition, signature, user};
use crate::mail::queue::{self, MailDraft, PRIORITY_BULK};

/// Digests prepared at most per run.
const DIGEST_BATCH: u64 = 500;
/// A digest counts confirmations up to this long ago, so that one committed late is counted
/// in the next digest rather than never.
const DIGEST_LAG: Duration = Duration::seconds(2);

/// The members of `p`'s preferences rows that may still see it, with their row.
async fn still_see(
    db: &impl ConnectionTrait,
    p: &petition::Model,
    rows: Vec<pref::Model>,
) -> DomainResult<Vec<(user::Model, pref::Model)>> {
    let Some(owner) = OwnerId::of(p) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for r in rows {
        let Some(u) = user::Entity::find_by_id(r.user_id).one(db).await? else { continue };
        if u.suspended_at.is_some() {
            continue;
        }
        let m = match owner {
            OwnerId::Organisation(org) => {
                membership::Entity::find()
                    .filter(membership::Column::UserId.eq(u.id))
                    .filter(membership::Column::OrganisationId.eq(org.0))
                    .one(db)
                    .await?
            }
            OwnerId::User(_) => None,
        };
        if permissions::grants(&u, owner, m.as_ref(), None) {
            out.push((u, r));
        }
    }
    Ok(out)
}

fn lang(job: &Job, u: &user::Model) -> String {
    u.locale.clone().unwrap_or_else(|| job.default_locale.clone())
}

fn dashboard_link(job: &Job, petition: i64) -> String {
    format!("{}/dashboard/petitions/{petition}/notifications", job.composer.public_url)
}

/// A mail of `template`, its subject `subject_key` formatted with the title and `count`.
fn draft(
    job: &Job,
    (template, subject_key): (&str, &str),
    u: &user::Model,
    p: &petition::Model,
    count: i64,
) -> MailDraft {
    let lang = lang(job, u);
    let link = dashboard_link(job, p.id);
    let mut context = tera::Context::new();
    context.insert("lang", &lang);
    context.insert("title", &p.title);
    context.insert("count", &count);
    context.insert("link", &link);
    let name = format!("mail/{template}.txt");
    let body_text = job.composer.views.render(&name, &context).unwrap_or_else(|e| {
        // Templates are checked at start-up; should one still fail, the mail still says where to look.
        tracing::error!(error = %e, template = name, "cannot render a mail");
        link.clone()
    });
    let subject = job.composer.i18n.tr_args(
        &lang,
        subject_key,
        [("title", FluentValue::from(p.title.as_str())), ("count", FluentValue::from(count))],
    );
    MailDraft {
        kind: "notification",
        priority: PRIORITY_BULK,
        recipient: u.email.clone(),
        subject,
        body_text,
        body_html: None,
        reply_to: None,
    }
}

/// Mails `milestone` of `petition` to the members who want milestone mails.
pub async fn mail_milestone(
    job: &Job,
    petition: PetitionId,
    milestone: Milestone,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let Some(p) = petition::Entity::find_by_id(petition.0).one(&job.db).await? else { return Ok(()) };
    let rows = pref::Entity::find()
        .filter(pref::Column::PetitionId.eq(p.id))
        .filter(pref::Column::Milestones.eq(true))
        .all(&job.db)
        .await?;
    let kind = match milestone {
        Milestone::Count(_) => ("notify_milestone", "mail-notify-milestone-subject"),
        Milestone::Goal(_) => ("notify_goal", "mail-notify-goal-subject"),
    };
    let txn = crate::db::begin_write(&job.db).await?;
    for (u, _) in still_see(&txn, &p, rows).await? {
        queue::enqueue(&txn, draft(job, kind, &u, &p, milestone.value()), now).await?;
    }
    txn.commit().await?;
    job.mail_wake.notify_one();
    Ok(())
}

/// Mails each member whose digest is due the number of signatures confirmed since their last
/// one (nothing when there were none), and starts their next count.
pub async fn send_digests(job: &Job, now: DateTime<Utc>) -> DomainResult<()> {
    let until = now - DIGEST_LAG;
    let due_before =
        until - Duration::seconds(i64::try_from(job.settings.digest_interval_seconds).unwrap_or(i64::MAX / 2_000));
    let rows = pref::Entity::find()
        .filter(pref::Column::Digest.eq(true))
        .filter(pref::Column::DigestFrom.lte(due_before))
        .limit(DIGEST_BATCH)
        .all(&job.db)
        .await?;
    let mut sent = false;
    for r in rows {
        let Some(p) = petition::Entity::find_by_id(r.petition_id).one(&job.db).await? else { continue };
        let from = r.digest_from;
        let txn = crate::db::begin_write(&job.db).await?;
        let recipient = still_see(&txn, &p, vec![r.clone()]).await?.pop();
        if let Some((u, _)) = recipient {
            let count = signature::Entity::find()
                .filter(signature::Column::PetitionId.eq(p.id))
                .filter(signature::Column::ConfirmedAt.gt(from))
                .filter(signature::Column::ConfirmedAt.lte(until))
                .filter(signature::Column::InvalidatedAt.is_null())
                .count(&txn)
                .await?;
            if count > 0 {
                let count = i64::try_from(count).unwrap_or(i64::MAX);
                queue::enqueue(&txn, draft(job, ("notify_digest", "mail-notify-digest-subject"), &u, &p, count), now)
                    .await?;
                sent = true;
            }
        }
        let mut a: pref::ActiveModel = r.into();
        a.digest_from = Set(until);
        a.update(&txn).await?;
        txn.commit().await?;
    }
    if sent {
        job.mail_wake.notify_one();
    }
    Ok(())
}
