//! An organisation's public profile, as `/o/<org>` shows it: name, description, website and a
//! logo. Edited by instance admins and by members holding `edit_profile`; every change is
//! written to the audit log. The logo takes the petition image's safe path (bounded decode,
//! re-encoded as JPEG) into a smaller box.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set,
};
use serde::Serialize;

use super::organisations::{self, OrganisationInput, validate_profile};
use crate::domain::audit::{self, Action, Target};
use crate::domain::ids::OrganisationId;
use crate::domain::permissions::{Allowed, EditProfile};
use crate::domain::petition::images::Decodes;
use crate::domain::{DomainError, DomainResult, FieldErrors};
use crate::entities::{organisation, organisation_logo, user};

/// The logo fits in this box.
pub const LOGO_BOX: (u32, u32) = (400, 400);

/// The profile's text fields, as posted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProfileInput {
    pub name: String,
    pub description: String,
    pub website: String,
}

impl ProfileInput {
    pub fn of(org: &organisation::Model) -> ProfileInput {
        ProfileInput {
            name: org.name.clone(),
            description: org.description.clone(),
            website: org.website.clone().unwrap_or_default(),
        }
    }
}

/// What changed, for the audit log: the names of the fields.
fn changed(before: &organisation::Model, after: &ProfileInput) -> Vec<&'static str> {
    let was = ProfileInput::of(before);
    [
        ("name", was.name != after.name),
        ("description", was.description != after.description),
        ("website", was.website != after.website),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

/// Saves the profile's text; false when nothing changed.
pub async fn edit(
    db: &DatabaseConnection,
    can: &Allowed<EditProfile, OrganisationId>,
    actor: &user::Model,
    input: &ProfileInput,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let input = ProfileInput {
        name: input.name.trim().to_string(),
        description: input.description.trim().to_string(),
        website: input.website.trim().to_string(),
    };
    let check = OrganisationInput {
        slug: String::new(),
        name: input.name.clone(),
        description: input.description.clone(),
        website: input.website.clone(),
    };
    let errors = validate_profile(&check);
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let org = organisations::by_id(&txn, can.target()).await?;
    let fields = changed(&org, &input);
    if fields.is_empty() {
        return Ok(false);
    }
    let target = Target::new("organisation", org.id, input.name.clone());
    let mut active: organisation::ActiveModel = org.into();
    active.name = Set(input.name);
    active.description = Set(input.description);
    active.website = Set((!input.website.is_empty()).then_some(input.website));
    active.update(&txn).await?;
    audit::record(&txn, Some(actor), Action::OrganisationEdit, target, &fields.join(", "), now).await?;
    txn.commit().await?;
    Ok(true)
}

/// Checks and re-encodes the upload, then stores it in place of any earlier logo.
pub async fn save_logo(
    db: &DatabaseConnection,
    (can, decodes): (&Allowed<EditProfile, OrganisationId>, &Decodes),
    actor: &user::Model,
    bytes: Vec<u8>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let encoded = decodes
        .reencode(bytes, LOGO_BOX)
        .await?
        .map_err(|message| DomainError::Invalid(FieldErrors::from([("logo", message)])))?;
    let id = can.target();
    let txn = crate::db::begin_write(db).await?;
    let org = organisations::by_id(&txn, id).await?;
    organisation_logo::Entity::delete_by_id(id.0).exec(&txn).await?;
    organisation_logo::ActiveModel {
        organisation_id: Set(id.0),
        data: Set(encoded.jpeg),
        width: Set(i32::try_from(encoded.width).unwrap_or(i32::MAX)),
        height: Set(i32::try_from(encoded.height).unwrap_or(i32::MAX)),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(actor),
        Action::OrganisationEdit,
        Target::new("organisation", org.id, org.name),
        "logo",
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Removes the logo; false when there was none.
pub async fn remove_logo(
    db: &DatabaseConnection,
    can: &Allowed<EditProfile, OrganisationId>,
    actor: &user::Model,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let txn = crate::db::begin_write(db).await?;
    let org = organisations::by_id(&txn, can.target()).await?;
    let gone = organisation_logo::Entity::delete_by_id(org.id).exec(&txn).await?.rows_affected > 0;
    if gone {
        let target = Target::new("organisation", org.id, org.name);
        audit::record(&txn, Some(actor), Action::OrganisationEdit, target, "logo removed", now).await?;
    }
    txn.commit().await?;
    Ok(gone)
}

/// What a page needs to show the logo, without its bytes.
#[derive(Debug, Clone, Serialize)]
pub struct LogoMeta {
    /// Changes with each upload, so that caches never show an old one.
    pub path: String,
    pub width: i32,
    pub height: i32,
}

pub async fn logo(db: &impl ConnectionTrait, org: OrganisationId) -> DomainResult<Option<LogoMeta>> {
    use organisation_logo::Column as C;
    let row: Option<(i32, i32, DateTime<Utc>)> = organisation_logo::Entity::find()
        .select_only()
        .columns([C::Width, C::Height, C::UpdatedAt])
        .filter(C::OrganisationId.eq(org.0))
        .into_tuple()
        .one(db)
        .await?;
    Ok(row.map(|(width, height, at)| LogoMeta {
        path: format!("/organisations/{}/logo.jpg?v={}", org.0, at.timestamp_millis()),
        width,
        height,
    }))
}

/// The stored JPEG, for the logo's own address.
pub async fn logo_bytes(db: &impl ConnectionTrait, org: OrganisationId) -> DomainResult<Vec<u8>> {
    Ok(organisation_logo::Entity::find_by_id(org.0).one(db).await?.ok_or(DomainError::NotFound)?.data)
}
