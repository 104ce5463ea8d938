//! Two more texts of a petition (issue 16): a side text shown beside the main text and a
//! thank-you text shown after signing, each translatable. Empty means nothing is shown.
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 2] = ["petitions", "petition_translations"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            let cols = [text("side_text").default("").to_owned(), text("thank_you_text").default("").to_owned()];
            parts::add_columns(m, table, cols).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            parts::drop_columns(m, table, ["side_text", "thank_you_text"]).await?;
        }
        Ok(())
    }
}
