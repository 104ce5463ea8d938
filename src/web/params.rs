//! Typed ids as route parameters: `/p/<id>` with `id: PetitionId` answers 404 for `/p/abc`.
use rocket::request::FromParam;

use crate::domain::ids::{OrganisationId, PetitionId, SignatureId, TemplateId, UserId};

macro_rules! from_param {
    ($($name:ident),*) => {$(
        impl<'a> FromParam<'a> for $name {
            type Error = std::num::ParseIntError;
            fn from_param(param: &'a str) -> Result<Self, Self::Error> {
                param.parse()
            }
        }
    )*};
}

from_param!(PetitionId, UserId, OrganisationId, SignatureId, TemplateId);
