//! Typed identifiers, so a petition id can never be passed where a user id is expected.
//! They parse as route parameters (see `web::params`) and serialise as plain numbers.
use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

typed_id!(
    /// `petitions.id`
    PetitionId,
    /// `users.id`
    UserId,
    /// `organisations.id`
    OrganisationId,
    /// `signatures.id`
    SignatureId,
    /// `petition_templates.id`
    TemplateId,
);
