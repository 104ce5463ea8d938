//! When the demo is next wiped and seeded again (`[demo] reset_hours`): one row that every
//! process reads, and that the one process whose conditional update moves it on resets.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // next_reset_at None: never reset yet (the first process to look resets at once).
        crate::parts::keyed_table(
            "demo_state",
            [integer("id").primary_key().to_owned(), timestamp_with_time_zone_null("next_reset_at")],
        )
        .create(m)
        .await?;
        m.exec_stmt(Query::insert().into_table("demo_state").columns(["id"]).values_panic([1.into()]).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::parts::drop_tables(m, &["demo_state"]).await
    }
}
