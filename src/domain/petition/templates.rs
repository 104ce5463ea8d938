//! Petition templates, per user and per organisation: the settings a new petition starts from.
//! Written from scratch (the same section forms as a petition) or saved from a petition; one per
//! owner can be the default, which the wizard offers first.
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::domain::ids::{OrganisationId, TemplateId, UserId};
use crate::domain::permissions::{Allowed, CreateTemplate, DeleteTemplate, ModifyTemplate};
use crate::domain::petition::content::{Content, SectionEdit};
use crate::domain::petition::petitions::OwnerId;
use crate::domain::{DomainError, DomainResult, FieldErrors, now};
use crate::entities::petition_template as template;

pub const MAX_NAME: usize = 200;

#[derive(Debug, Clone, Serialize)]
pub struct Template {
    pub id: TemplateId,
    pub name: String,
    pub is_default: bool,
    pub content: Content,
    #[serde(skip)]
    pub owner: OwnerId,
}

fn owner_of(t: &template::Model) -> Option<OwnerId> {
    match (t.user_id, t.organisation_id) {
        (Some(u), None) => Some(OwnerId::User(UserId(u))),
        (None, Some(o)) => Some(OwnerId::Organisation(OrganisationId(o))),
        _ => None,
    }
}

fn to_template(t: template::Model) -> DomainResult<Template> {
    let owner = owner_of(&t).ok_or(DomainError::Internal(format!("template {} has no single owner", t.id)))?;
    // Content saved by an older version may lack newer settings: serde fills them from the default.
    let content = serde_json::from_str(&t.content)
        .map_err(|e| DomainError::Internal(format!("template {} content: {e}", t.id)))?;
    Ok(Template { id: TemplateId(t.id), name: t.name, is_default: t.is_default, content, owner })
}

fn owner_condition(owner: OwnerId) -> Condition {
    match owner {
        OwnerId::User(u) => Condition::all().add(template::Column::UserId.eq(u.0)),
        OwnerId::Organisation(o) => Condition::all().add(template::Column::OrganisationId.eq(o.0)),
    }
}

/// The templates of any of `owners`, default first, then by name.
pub async fn of_owners(db: &impl ConnectionTrait, owners: &[OwnerId]) -> DomainResult<Vec<Template>> {
    if owners.is_empty() {
        return Ok(Vec::new());
    }
    let any = owners.iter().fold(Condition::any(), |c, o| c.add(owner_condition(*o)));
    template::Entity::find()
        .filter(any)
        .order_by_desc(template::Column::IsDefault)
        .order_by_asc(template::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(to_template)
        .collect()
}

pub async fn load(db: &impl ConnectionTrait, id: TemplateId) -> DomainResult<Template> {
    to_template(template::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?)
}

fn check_name(name: &str) -> DomainResult<String> {
    let name = name.trim();
    let problem = if name.is_empty() {
        Some("error-required")
    } else if name.chars().count() > MAX_NAME {
        Some("error-too-long")
    } else {
        None
    };
    match problem {
        Some(p) => Err(DomainError::Invalid(FieldErrors::from([("name", p)]))),
        None => Ok(name.to_string()),
    }
}

fn json(content: &Content) -> DomainResult<String> {
    serde_json::to_string(content).map_err(|e| DomainError::Internal(e.to_string()))
}

pub async fn create(
    db: &impl ConnectionTrait,
    can: &Allowed<CreateTemplate, OwnerId>,
    name: &str,
    content: &Content,
) -> DomainResult<TemplateId> {
    let owner = can.target();
    let name = check_name(name)?;
    let (user, org) = match owner {
        OwnerId::User(u) => (Some(u.0), None),
        OwnerId::Organisation(o) => (None, Some(o.0)),
    };
    let t = template::ActiveModel {
        user_id: Set(user),
        organisation_id: Set(org),
        name: Set(name),
        is_default: Set(false),
        content: Set(json(content)?),
        created_at: Set(now()),
        updated_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(TemplateId(t.id))
}

pub async fn rename(
    db: &impl ConnectionTrait,
    can: &Allowed<ModifyTemplate, TemplateId>,
    name: &str,
) -> DomainResult<()> {
    let id = can.target();
    let name = check_name(name)?;
    let mut active =
        template::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?.into_active_model();
    active.name = Set(name);
    active.updated_at = Set(now());
    active.update(db).await?;
    Ok(())
}

/// Checks and saves one section of a template, as for a petition.
pub async fn save(
    db: &DatabaseConnection,
    can: &Allowed<ModifyTemplate, TemplateId>,
    edit: &SectionEdit<'_>,
) -> DomainResult<()> {
    let id = can.target();
    let txn = crate::db::begin_write(db).await?;
    let mut t = load(&txn, id).await?;
    edit.apply_to(&mut t.content).map_err(DomainError::Invalid)?;
    template::Entity::update_many()
        .col_expr(template::Column::Content, Expr::value(json(&t.content)?))
        .col_expr(template::Column::UpdatedAt, Expr::value(now()))
        .filter(template::Column::Id.eq(id.0))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Makes `id` its owner's default template (or no longer the default).
pub async fn set_default(
    db: &DatabaseConnection,
    can: &Allowed<ModifyTemplate, TemplateId>,
    on: bool,
) -> DomainResult<()> {
    let id = can.target();
    let txn = crate::db::begin_write(db).await?;
    let t = load(&txn, id).await?;
    if on {
        template::Entity::update_many()
            .col_expr(template::Column::IsDefault, Expr::value(false))
            .filter(owner_condition(t.owner))
            .exec(&txn)
            .await?;
    }
    template::Entity::update_many()
        .col_expr(template::Column::IsDefault, Expr::value(on))
        .filter(template::Column::Id.eq(id.0))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn delete(db: &impl ConnectionTrait, can: Allowed<DeleteTemplate, TemplateId>) -> DomainResult<()> {
    let deleted = template::Entity::delete_by_id(can.target().0).exec(db).await?;
    if deleted.rows_affected == 0 { Err(DomainError::NotFound) } else { Ok(()) }
}

/// The owner of template `id`, for the permission check before anything else is read.
pub async fn owner(db: &impl ConnectionTrait, id: TemplateId) -> DomainResult<OwnerId> {
    let t = template::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?;
    owner_of(&t).ok_or(DomainError::Internal(format!("template {id} has no single owner")))
}
