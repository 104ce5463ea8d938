//! Public themes: the milestone text shown once a goal is reached, the goal that was reached
//! before the organiser raised it, and the petition's uploaded image (social cards and the
//! campaign theme's header), kept in the database so that a backup holds everything.
use crate::parts;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn petition_columns() -> Vec<ColumnDef> {
    vec![
        // Shown beside the progress bar once the goal is reached.
        text("milestone_text").default("").to_owned(),
        // The goal the count had reached when the organiser raised it; none until then.
        big_integer_null("reached_goal"),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::add_columns(m, "petitions", petition_columns()).await?;
        let images = [
            big_integer("petition_id").primary_key().to_owned(),
            // Always `image/jpeg`: uploads are decoded and encoded again, which drops their metadata.
            string_len("content_type", 32),
            blob("data"),
            integer("width"),
            integer("height"),
            // The image's description for people who cannot see it.
            string_len("alt", 300),
            timestamp_with_time_zone("updated_at"),
        ];
        parts::keyed_table("petition_images", images)
            .cascade("fk_petition_images_petition", "petition_id", "petitions")
            .create(m)
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_tables(m, &["petition_images"]).await?;
        parts::drop_columns(m, "petitions", parts::names(petition_columns())).await?;
        Ok(())
    }
}
