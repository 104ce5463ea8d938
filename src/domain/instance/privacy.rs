//! What the privacy pages say, built from what the instance really does rather than written by
//! hand: the retention periods of the configuration and the settings, and for one petition the
//! very fields its form asks for, its newsletter, its public names and its own retention. The
//! admins' own text comes after, as they wrote it.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};
use serde::Serialize;

use crate::config::Settings;
use crate::domain::instance::settings::InstanceSettings;
use crate::domain::petition::content::OPTIONAL_FIELDS;
use crate::domain::petition::petitions::{self, FieldRule, PublicPetition};
use crate::domain::{DomainError, DomainResult};
use crate::entities::petition;

/// How long each kind of personal data is kept, in days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Retention {
    /// Signatures never confirmed are deleted after this long.
    pub unconfirmed_days: u32,
    /// Signers' names, addresses and answers are erased this long after a petition closes,
    /// unless the petition sets its own period.
    pub personal_data_days: u32,
    /// Mails sent (recipient, subject and text) are deleted this long after sending.
    pub sent_mail_days: u32,
}

impl Retention {
    pub fn of(settings: &InstanceSettings, config: &Settings) -> Retention {
        Retention {
            unconfirmed_days: config.signing.unconfirmed_retention_days,
            personal_data_days: settings.retention_days,
            sent_mail_days: config.mail.keep_sent_days,
        }
    }
}

/// The instance's privacy page.
#[derive(Debug, Clone, Serialize)]
pub struct InstancePrivacy {
    pub retention: Retention,
    /// The admins wrote a legal notice (which says who they are): the page links it.
    pub has_legal: bool,
    /// The admins' own text, rendered from Markdown; none when they wrote none.
    pub policy_html: Option<String>,
}

pub fn instance(settings: &InstanceSettings, config: &Settings) -> InstancePrivacy {
    InstancePrivacy {
        retention: Retention::of(settings, config),
        has_legal: settings.document("legal").is_some(),
        policy_html: settings.document("privacy").map(petitions::render_markdown),
    }
}

/// One field a petition's form asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldUse {
    /// The Fluent id of a standard field's name (`field-phone`); empty for one the organiser named.
    pub key: String,
    /// The organiser's label, for a field they named.
    pub label: String,
    pub required: bool,
}

/// How long one petition keeps its signers' personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PetitionRetention {
    pub days: u32,
    /// The petition sets its own period; otherwise the instance's default applies.
    pub own: bool,
    /// When it closed, if it is closed (reopening clears it).
    pub closed_on: Option<NaiveDate>,
    /// When its signers' data will be erased, if it is closed and they are not yet.
    pub erased_on: Option<NaiveDate>,
    /// When its signers' data was erased.
    pub erased: Option<NaiveDate>,
}

/// A petition's privacy page (its owner, title and address are the petition's own).
#[derive(Debug, Clone, Serialize)]
pub struct PetitionPrivacy {
    /// The email address first, then the fields the form asks for, in form order.
    pub fields: Vec<FieldUse>,
    /// The newsletter box's label, when the form offers one.
    pub newsletter: Option<String>,
    /// Signers may choose to have their name in the public list.
    pub names_public: bool,
    pub retention: PetitionRetention,
    /// The instance's periods (unconfirmed signatures, sent mails).
    pub instance: Retention,
}

/// The fields `petition`'s form asks for, the address first.
pub fn fields(petition: &PublicPetition) -> Vec<FieldUse> {
    let field = |key: String, label: String, rule: FieldRule| {
        (rule != FieldRule::Off).then_some(FieldUse { key, label, required: rule == FieldRule::Required })
    };
    let email = field("field-email".into(), String::new(), FieldRule::Required);
    let standard =
        OPTIONAL_FIELDS.iter().map(|name| field(format!("field-{name}"), String::new(), petition.fields.rule(name)));
    let custom = petition.fields.custom.iter().map(|c| field(String::new(), c.label.clone(), c.rule));
    std::iter::once(email).chain(standard).chain(custom).flatten().collect()
}

/// The privacy page of `petition`, a public one (the caller looked it up).
pub async fn petition(
    db: &impl ConnectionTrait,
    petition: &PublicPetition,
    (settings, config): (&InstanceSettings, &Settings),
) -> DomainResult<PetitionPrivacy> {
    type Row = (Option<i32>, Option<DateTime<Utc>>, Option<DateTime<Utc>>);
    let row: Option<Row> = petition::Entity::find_by_id(petition.id.0)
        .select_only()
        .columns([petition::Column::RetentionDays, petition::Column::ClosedAt, petition::Column::PersonalDataErasedAt])
        .into_tuple()
        .one(db)
        .await?;
    let (own_days, closed_at, erased_at) = row.ok_or(DomainError::NotFound)?;
    let instance = Retention::of(settings, config);
    let own = own_days.and_then(|d| u32::try_from(d).ok()).filter(|d| *d > 0);
    let days = own.unwrap_or(instance.personal_data_days);
    let erased = erased_at.map(|at| at.date_naive());
    let erased_on = match (closed_at, erased) {
        (Some(at), None) => Some((at + Duration::days(i64::from(days))).date_naive()),
        _ => None,
    };
    Ok(PetitionPrivacy {
        fields: fields(petition),
        newsletter: (!petition.mail.newsletter_label.is_empty()).then(|| petition.mail.newsletter_label.clone()),
        names_public: petition.fields.lists_names(),
        retention: PetitionRetention {
            days,
            own: own.is_some(),
            closed_on: closed_at.map(|at| at.date_naive()),
            erased_on,
            erased,
        },
        instance,
    })
}
