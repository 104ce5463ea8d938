//! `memberships` table.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "memberships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub organisation_id: i64,
    pub can_add_members: bool,
    pub can_remove_members: bool,
    pub can_create_petitions: bool,
    pub can_modify_petitions: bool,
    pub can_delete_petitions: bool,
    pub can_create_templates: bool,
    pub can_modify_templates: bool,
    pub can_delete_templates: bool,
    pub can_view_signatures: bool,
    pub can_modify_signatures: bool,
    pub can_delete_signatures: bool,
    pub can_modify_permissions: bool,
    /// The organisation's public profile: name, description, website, logo.
    pub can_edit_profile: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
