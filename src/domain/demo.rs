//! `rustition demo`: a demo organisation with one published petition, created once.
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::ids::{OrganisationId, PetitionId};
use super::petition::petitions::{self, Content, FieldRule, NewPetition, OwnerId, Status};
use super::{DomainResult, now};
use crate::entities::{organisation, slug};

pub const ORG_SLUG: &str = "demo";
pub const PETITION_SLUG: &str = "more-trees-in-our-streets";

/// Returns the demo petition's path (`/o/demo/…`), creating what is missing.
pub async fn seed(db: &DatabaseConnection) -> DomainResult<String> {
    let org = match organisation::Entity::find().filter(organisation::Column::Slug.eq(ORG_SLUG)).one(db).await? {
        Some(org) => org,
        None => {
            organisation::ActiveModel {
                slug: Set(ORG_SLUG.into()),
                name: Set("Demo association".into()),
                description: Set("An organisation created by `rustition demo`.".into()),
                created_at: Set(now()),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    let owner_key = format!("o:{}", org.id);
    let existing = slug::Entity::find()
        .filter(slug::Column::OwnerKey.eq(&owner_key))
        .filter(slug::Column::Slug.eq(PETITION_SLUG))
        .one(db)
        .await?;
    if existing.is_none() {
        // The shell's operator seeds it: no user asked.
        let owner = super::permissions::operator(OwnerId::Organisation(OrganisationId(org.id)));
        petitions::create(
            db,
            &owner,
            NewPetition {
                content: demo_content(),
                slug: Some(PETITION_SLUG.into()),
                status: Status::Published,
                locale: "en".into(),
                wizard_step: None,
            },
        )
        .await
        .map(|_: PetitionId| ())?;
    }
    Ok(format!("/o/{ORG_SLUG}/{PETITION_SLUG}"))
}

fn demo_content() -> Content {
    let mut content =
        Content { title: "More trees in our streets".into(), text: DEMO_TEXT.into(), goal: 1000, ..Default::default() };
    content.fields.phone = FieldRule::Optional;
    content
}

const DEMO_TEXT: &str = "We ask the city council to plant **one tree in every street** that has none.\n\n\
Trees cool our streets in summer, clean the air and make our neighbourhoods better places to live.\n\n\
- shade for pedestrians and cyclists\n- homes for birds and insects\n- less flooding after storms\n";
