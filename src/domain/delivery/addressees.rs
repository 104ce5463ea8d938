//! Whom a petition is addressed to: a name and a role, and optionally an address to mail the
//! delivery to and a public page (http or https only, so that no `javascript:` link reaches a
//! page). At most `MAX` per petition, so that a delivery mails a bounded number.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ModifyPetition};
use crate::domain::{DomainError, DomainResult, FieldErrors, email, now};
use crate::entities::petition_addressee;

/// Addressees per petition, at most.
pub const MAX: u64 = 20;

/// An addressee as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Addressee {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub email: Option<String>,
    pub link: Option<String>,
}

impl Addressee {
    fn of(m: petition_addressee::Model) -> Addressee {
        Addressee { id: m.id, name: m.name, role: m.role, email: m.email, link: m.link }
    }
}

/// A new addressee, as typed (the web layer reads the form into it).
#[derive(Debug, Clone, Default)]
pub struct AddresseeInput {
    pub name: String,
    pub role: String,
    pub email: String,
    pub link: String,
}

/// A checked addressee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAddressee {
    name: String,
    role: String,
    email: Option<String>,
    link: Option<String>,
}

/// A web address of at most 500 characters whose scheme is http or https.
pub fn is_web_link(link: &str) -> bool {
    link.len() <= 500
        && matches!(url::Url::parse(link), Ok(u) if matches!(u.scheme(), "http" | "https") && u.has_host())
}

impl AddresseeInput {
    /// The addressee, or the errors of each field (under the form's names).
    pub fn parse(&self) -> Result<NewAddressee, FieldErrors> {
        let mut errors = FieldErrors::new();
        let (name, role) = (self.name.trim(), self.role.trim());
        if name.is_empty() {
            errors.insert("addressee_name", "error-required");
        } else if name.chars().count() > 200 {
            errors.insert("addressee_name", "error-too-long");
        }
        if role.chars().count() > 200 {
            errors.insert("addressee_role", "error-too-long");
        }
        let email = match self.email.trim() {
            "" => None,
            given => match email::normalize(given) {
                Ok(address) => Some(address),
                Err(message) => {
                    errors.insert("addressee_email", message);
                    None
                }
            },
        };
        let link = match self.link.trim() {
            "" => None,
            given if is_web_link(given) => Some(given.to_string()),
            _ => {
                errors.insert("addressee_link", "error-url-invalid");
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewAddressee { name: name.to_string(), role: role.to_string(), email, link })
    }
}

/// The addressees of `petition`, in the order they were added.
pub async fn of_petition(db: &impl ConnectionTrait, petition: PetitionId) -> DomainResult<Vec<Addressee>> {
    Ok(petition_addressee::Entity::find()
        .filter(petition_addressee::Column::PetitionId.eq(petition.0))
        .order_by_asc(petition_addressee::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Addressee::of)
        .collect())
}

/// Adds an addressee (refused past `MAX`).
pub async fn add(
    db: &impl ConnectionTrait,
    can: &Allowed<ModifyPetition, PetitionId>,
    new: NewAddressee,
) -> DomainResult<()> {
    let petition = can.target();
    let held = petition_addressee::Entity::find()
        .filter(petition_addressee::Column::PetitionId.eq(petition.0))
        .count(db)
        .await?;
    if held >= MAX {
        return Err(DomainError::Invalid(FieldErrors::from([("addressee_name", "error-addressees-too-many")])));
    }
    petition_addressee::ActiveModel {
        petition_id: Set(petition.0),
        name: Set(new.name),
        role: Set(new.role),
        email: Set(new.email),
        link: Set(new.link),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Removes addressee `id` of the petition (another petition's is not found).
pub async fn remove(db: &impl ConnectionTrait, can: &Allowed<ModifyPetition, PetitionId>, id: i64) -> DomainResult<()> {
    let removed = petition_addressee::Entity::delete_many()
        .filter(petition_addressee::Column::Id.eq(id))
        .filter(petition_addressee::Column::PetitionId.eq(can.target().0))
        .exec(db)
        .await?;
    if removed.rows_affected == 0 { Err(DomainError::NotFound) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, email: &str, link: &str) -> AddresseeInput {
        AddresseeInput { name: name.into(), role: "Mayor".into(), email: email.into(), link: link.into() }
    }

    #[test]
    fn only_web_links_and_real_addresses_pass() {
        assert!(input("Ada", "mayor@city.example", "https://city.example/mayor").parse().is_ok());
        assert!(input("Ada", "", "").parse().is_ok());
        let errors = input("", "not-an-address", "javascript:alert(1)").parse().unwrap_err();
        assert_eq!(errors.get("addressee_name"), Some(&"error-required"));
        assert_eq!(errors.get("addressee_email"), Some(&"error-email-invalid"));
        assert_eq!(errors.get("addressee_link"), Some(&"error-url-invalid"));
        assert!(input("Ada", "", "ftp://city.example/").parse().is_err());
    }
}
