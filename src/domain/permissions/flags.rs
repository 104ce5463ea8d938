//! The twelve member flags of Pytition, and `EditProfile` (the organisation's public profile),
//! as stored on a membership.
use serde::Serialize;

use crate::entities::membership;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    AddMembers,
    RemoveMembers,
    CreatePetitions,
    ModifyPetitions,
    DeletePetitions,
    CreateTemplates,
    ModifyTemplates,
    DeleteTemplates,
    ViewSignatures,
    ModifySignatures,
    DeleteSignatures,
    ModifyPermissions,
    EditProfile,
}

impl Flag {
    pub const ALL: [Flag; 13] = [
        Flag::AddMembers,
        Flag::RemoveMembers,
        Flag::CreatePetitions,
        Flag::ModifyPetitions,
        Flag::DeletePetitions,
        Flag::CreateTemplates,
        Flag::ModifyTemplates,
        Flag::DeleteTemplates,
        Flag::ViewSignatures,
        Flag::ModifySignatures,
        Flag::DeleteSignatures,
        Flag::ModifyPermissions,
        Flag::EditProfile,
    ];

    /// The flag's name in forms and templates (`add_members`, …), as serialised.
    pub fn name(self) -> &'static str {
        match self {
            Flag::AddMembers => "add_members",
            Flag::RemoveMembers => "remove_members",
            Flag::CreatePetitions => "create_petitions",
            Flag::ModifyPetitions => "modify_petitions",
            Flag::DeletePetitions => "delete_petitions",
            Flag::CreateTemplates => "create_templates",
            Flag::ModifyTemplates => "modify_templates",
            Flag::DeleteTemplates => "delete_templates",
            Flag::ViewSignatures => "view_signatures",
            Flag::ModifySignatures => "modify_signatures",
            Flag::DeleteSignatures => "delete_signatures",
            Flag::ModifyPermissions => "modify_permissions",
            Flag::EditProfile => "edit_profile",
        }
    }

    /// Whether the membership holds this flag.
    pub fn held_by(self, m: &membership::Model) -> bool {
        match self {
            Flag::AddMembers => m.can_add_members,
            Flag::RemoveMembers => m.can_remove_members,
            Flag::CreatePetitions => m.can_create_petitions,
            Flag::ModifyPetitions => m.can_modify_petitions,
            Flag::DeletePetitions => m.can_delete_petitions,
            Flag::CreateTemplates => m.can_create_templates,
            Flag::ModifyTemplates => m.can_modify_templates,
            Flag::DeleteTemplates => m.can_delete_templates,
            Flag::ViewSignatures => m.can_view_signatures,
            Flag::ModifySignatures => m.can_modify_signatures,
            Flag::DeleteSignatures => m.can_delete_signatures,
            Flag::ModifyPermissions => m.can_modify_permissions,
            Flag::EditProfile => m.can_edit_profile,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Flag;

    #[test]
    fn names_are_the_serialised_names() {
        for flag in Flag::ALL {
            assert_eq!(serde_json::to_value(flag).unwrap(), flag.name());
        }
    }
}
