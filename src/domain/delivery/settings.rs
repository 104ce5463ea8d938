//! When a petition is delivered: by hand only (the default, and what a petition without a
//! settings row has), once its count reaches its goal, or once it reaches a chosen count.
use sea_orm::{ConnectionTrait, EntityTrait, Set, sea_query::OnConflict};
use serde::Serialize;

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ModifyPetition};
use crate::domain::petition::content::MAX_GOAL;
use crate::domain::{DomainResult, FieldErrors};
use crate::entities::delivery_setting;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "mode", content = "count", rename_all = "lowercase")]
pub enum When {
    Manual,
    /// When the count reaches the petition's goal (never while it has none).
    Goal,
    /// When the count reaches this many.
    Milestone(i64),
}

impl When {
    pub fn mode(self) -> &'static str {
        match self {
            When::Manual => "manual",
            When::Goal => "goal",
            When::Milestone(_) => "milestone",
        }
    }

    fn of(row: Option<delivery_setting::Model>) -> When {
        match row {
            Some(r) if r.mode == "goal" => When::Goal,
            Some(r) if r.mode == "milestone" => r.milestone.map_or(When::Manual, When::Milestone),
            _ => When::Manual,
        }
    }

    /// The choice of a form (`delivery_mode`, and `delivery_milestone` for a count).
    pub fn parse(mode: &str, count: &str) -> Result<When, FieldErrors> {
        match mode {
            "manual" => Ok(When::Manual),
            "goal" => Ok(When::Goal),
            "milestone" => count
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=MAX_GOAL).contains(n))
                .map(When::Milestone)
                .ok_or_else(|| FieldErrors::from([("delivery_milestone", "error-delivery-milestone")])),
            _ => Err(FieldErrors::from([("delivery_mode", "error-choice-invalid")])),
        }
    }
}

pub async fn of_petition(db: &impl ConnectionTrait, petition: PetitionId) -> DomainResult<When> {
    Ok(When::of(delivery_setting::Entity::find_by_id(petition.0).one(db).await?))
}

pub async fn set(db: &impl ConnectionTrait, can: &Allowed<ModifyPetition, PetitionId>, when: When) -> DomainResult<()> {
    let row = delivery_setting::ActiveModel {
        petition_id: Set(can.target().0),
        mode: Set(when.mode().to_string()),
        milestone: Set(match when {
            When::Milestone(n) => Some(n),
            _ => None,
        }),
    };
    delivery_setting::Entity::insert(row)
        .on_conflict(
            OnConflict::column(delivery_setting::Column::PetitionId)
                .update_columns([delivery_setting::Column::Mode, delivery_setting::Column::Milestone])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_milestone_needs_a_count() {
        assert_eq!(When::parse("milestone", " 250 "), Ok(When::Milestone(250)));
        assert!(When::parse("milestone", "").is_err());
        assert!(When::parse("milestone", "0").is_err());
        assert_eq!(When::parse("goal", "x"), Ok(When::Goal));
        assert!(When::parse("sometimes", "").is_err());
    }
}
