//! The rights a capability names, and the capability itself.
//!
//! `Allowed<R, T>` proves that the permission service allowed right `R` on target `T`. Its
//! fields are private to this module and only `permissions` (the parent) builds one, so a
//! domain function that takes `&Allowed<ModifyPetition, PetitionId>` cannot be called by a
//! handler that did not ask.
use std::marker::PhantomData;

use super::Flag;

/// Proof that right `R` was granted on `T`. Neither `Clone` nor constructible outside the
/// permission service; it lives as long as the request that asked for it.
#[derive(Debug)]
pub struct Allowed<R, T> {
    target: T,
    right: PhantomData<fn() -> R>,
}

impl<R, T: Copy> Allowed<R, T> {
    /// What the right was granted on.
    pub fn target(&self) -> T {
        self.target
    }
}

impl<R, T> Allowed<R, T> {
    /// Only the permission service (this module's parent) grants.
    pub(super) fn grant(target: T) -> Allowed<R, T> {
        Allowed { target, right: PhantomData }
    }
}

macro_rules! rights {
    ($trait:ident: $($(#[$doc:meta])* $name:ident => $flag:expr),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name;
        impl $trait for $name {
            const FLAG: Option<Flag> = $flag;
        }
    )*};
}

/// A right on one petition; `FLAG` is the member flag it needs (none: any member sees it).
pub trait PetitionRight {
    const FLAG: Option<Flag>;
}

/// A right on an owner's petitions or templates (creating one).
pub trait OwnerRight {
    const FLAG: Option<Flag>;
}

/// A right on one template.
pub trait TemplateRight {
    const FLAG: Option<Flag>;
}

/// A right on one organisation's membership.
pub trait OrganisationRight {
    const FLAG: Option<Flag>;
}

rights!(PetitionRight:
    /// Seeing it in the dashboard, its statistics and its image.
    SeePetition => None,
    /// Editing its sections, paper signatures, permalinks and image.
    ModifyPetition => Some(Flag::ModifyPetitions),
    /// Publishing, unpublishing, closing, reopening — from the status buttons or the wizard.
    PublishPetition => Some(Flag::ModifyPetitions),
    /// Deleting it, or giving it away.
    DeletePetition => Some(Flag::DeletePetitions),
    /// Reading its signatures and exporting them.
    ViewSignatures => Some(Flag::ViewSignatures),
    /// Sending confirmation links again.
    ModifySignatures => Some(Flag::ModifySignatures),
    DeleteSignatures => Some(Flag::DeleteSignatures),
);

rights!(OwnerRight:
    CreatePetition => Some(Flag::CreatePetitions),
    CreateTemplate => Some(Flag::CreateTemplates),
);

rights!(TemplateRight:
    ModifyTemplate => Some(Flag::ModifyTemplates),
    DeleteTemplate => Some(Flag::DeleteTemplates),
);

rights!(OrganisationRight:
    /// Its members page; leaving it.
    SeeOrganisation => None,
    AddMembers => Some(Flag::AddMembers),
    RemoveMembers => Some(Flag::RemoveMembers),
    ModifyPermissions => Some(Flag::ModifyPermissions),
    /// Its public profile: name, description, website and logo.
    EditProfile => Some(Flag::EditProfile),
);

/// Filling a draft through the creation wizard: the right to create petitions for its owner,
/// on a draft that is still in the wizard. A published petition is changed by `ModifyPetition`.
#[derive(Debug)]
pub struct EditDraft;

/// Starting a petition without an account (`/new`), while the instance allows it.
#[derive(Debug)]
pub struct StartGuestPetition;

/// What a guest petition's management link allows beyond the dashboard's rights on that one
/// petition: revoking its links, attaching it to an account.
#[derive(Debug)]
pub struct ManageGuestPetition;

/// The mail queue and everything under `/admin`.
#[derive(Debug)]
pub struct ManageInstance;

/// The moderation queue: reports, hiding and unhiding petitions, suspending accounts and
/// organisations, invalidating signatures by rule. Moderators and admins hold it.
#[derive(Debug)]
pub struct Moderate;

/// Creating an organisation, under the instance's policy.
#[derive(Debug)]
pub struct CreateOrganisation;

/// The rights that show one signature: reading them, or deleting one (its page says whose).
pub trait SeesSignature {}
impl SeesSignature for ViewSignatures {}
impl SeesSignature for DeleteSignatures {}

/// The rights that may change a petition's content: editing it, or filling a wizard draft.
pub trait EditsContent {}
impl EditsContent for ModifyPetition {}
impl EditsContent for EditDraft {}
