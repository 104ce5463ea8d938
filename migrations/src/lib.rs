//! Schema migrations. One file per change, named by its stem, never edited once landed:
//! SeaORM records each migration by that name.
pub use sea_orm_migration::prelude::*;

mod parts;

mod m20261124_000001_initial;
mod m20261124_000002_mail_throttle;
mod m20261124_000003_accounts;
mod m20261124_000004_dashboard;
mod m20261124_000005_themes;
mod m20261124_000006_count_index;
mod m20261124_000007_challenge_uses;
mod m20261124_000008_retired_slugs;
mod m20261202_000009_roles_audit;
mod m20261202_000010_abuse;
mod m20261202_000011_moderation;
mod m20261202_000012_instance_settings;
mod m20261202_000013_signer_rights;
mod m20261203_000014_demo_state;
mod m20261203_000015_petition_translations;
mod m20261203_000016_side_and_thanks;
mod m20261203_000017_guest_petitions;
mod m20261203_000018_signer_updates;
mod m20261203_000019_delivery;
mod m20261203_000020_notifications;
mod m20261203_000021_scale;
mod m20261204_000022_search_batch;
mod m20261204_000023_pending_count;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_initial::Migration),
            Box::new(m20261124_000002_mail_throttle::Migration),
            Box::new(m20261124_000003_accounts::Migration),
            Box::new(m20261124_000004_dashboard::Migration),
            Box::new(m20261124_000005_themes::Migration),
            Box::new(m20261124_000006_count_index::Migration),
            Box::new(m20261124_000007_challenge_uses::Migration),
            Box::new(m20261124_000008_retired_slugs::Migration),
            Box::new(m20261202_000009_roles_audit::Migration),
            Box::new(m20261202_000010_abuse::Migration),
            Box::new(m20261202_000011_moderation::Migration),
            Box::new(m20261202_000012_instance_settings::Migration),
            Box::new(m20261202_000013_signer_rights::Migration),
            Box::new(m20261203_000014_demo_state::Migration),
            Box::new(m20261203_000015_petition_translations::Migration),
            Box::new(m20261203_000016_side_and_thanks::Migration),
            Box::new(m20261203_000017_guest_petitions::Migration),
            Box::new(m20261203_000018_signer_updates::Migration),
            Box::new(m20261203_000019_delivery::Migration),
            Box::new(m20261203_000020_notifications::Migration),
            Box::new(m20261203_000021_scale::Migration),
            Box::new(m20261204_000022_search_batch::Migration),
            Box::new(m20261204_000023_pending_count::Migration),
        ]
    }
}
