//! What every mail worker of the instance shares, so that several processes on one PostgreSQL
//! respect one sending limit: the sends of the last minute, and a pause of the whole queue
//! after the SMTP host said "slow down" (421/451) or could not be reached.
use crate::parts;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::table("mail_sends", [timestamp_with_time_zone("sent_at")]).create(m).await?;
        parts::index(m, "ix_mail_sends_sent_at", "mail_sends", &["sent_at"]).await?;
        let throttle = [
            integer("id").primary_key().to_owned(),
            timestamp_with_time_zone_null("paused_until"),
            // Consecutive refusals: the pause doubles with each.
            integer("level").default(0).to_owned(),
        ];
        parts::keyed_table("mail_throttle", throttle).create(m).await?;
        parts::single_row(m, "mail_throttle", "level", 0).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["mail_throttle", "mail_sends"]).await
    }
}
