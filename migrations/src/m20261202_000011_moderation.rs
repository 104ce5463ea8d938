//! Moderation: reports by the public (with the reasons the admins set, labelled per language),
//! a petition hidden with its reason category, suspended accounts and organisations, and who
//! first published a petition (pre-moderation trusts an account once one of its petitions is
//! approved). The petition's `moderation` column (since the first migration) says "ok",
//! "hidden" or "pending" (published, waiting for approval).
use crate::parts;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The reasons a fresh instance offers, by code, with their English and French labels; admins
/// rename them, add others and retire them at `/admin/moderation/reasons`.
const REASONS: [(&str, &str, &str); 5] = [
    ("spam", "Spam or advertising", "Spam ou publicité"),
    ("hateful", "Hateful or violent", "Haineux ou violent"),
    ("illegal", "Illegal content", "Contenu illégal"),
    ("misleading", "Misleading or false", "Trompeur ou faux"),
    ("other", "Something else", "Autre chose"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let reasons = [
            // A stable name ("spam"…; "custom-<n>" for those admins add), for seeding and scripts.
            string_len_uniq("code", 32),
            integer("position").default(0).to_owned(),
            // A retired reason is no longer offered; reports that named it keep it.
            boolean("active").default(true).to_owned(),
        ];
        parts::table("report_reasons", reasons).create(m).await?;
        let labels = [big_integer("reason_id"), string_len("locale", 16), string_len("label", 120)];
        parts::table("report_reason_labels", labels)
            .cascade("fk_report_reason_labels_reason", "reason_id", "report_reasons")
            .unique("ux_report_reason_labels", &["reason_id", "locale"])
            .create(m)
            .await?;
        let db = m.get_connection();
        for (position, (code, en, fr)) in REASONS.iter().enumerate() {
            db.execute_unprepared(&format!(
                "INSERT INTO report_reasons (code, position, active) VALUES ('{code}', {position}, TRUE)"
            ))
            .await?;
            for (locale, label) in [("en", en), ("fr", fr)] {
                db.execute_unprepared(&format!(
                    "INSERT INTO report_reason_labels (reason_id, locale, label) \
                     SELECT id, '{locale}', '{label}' FROM report_reasons WHERE code = '{code}'"
                ))
                .await?;
            }
        }
        let reports = [
            big_integer("petition_id"),
            big_integer("reason_id"),
            text("details").default("").to_owned(),
            // The reporter's client key (a keyed hash of the address, never the address):
            // what the per-client bound counts.
            string_len("client_key", 32),
            parts::created_at(),
            timestamp_with_time_zone_null("resolved_at"),
            // What closed it: "dismissed", "hidden", "suspended".
            string_len_null("resolution", 16),
        ];
        parts::table("reports", reports)
            .cascade("fk_reports_petition", "petition_id", "petitions")
            .foreign_key(
                ForeignKey::create()
                    .name("fk_reports_reason")
                    .from("reports", "reason_id")
                    .to("report_reasons", "id")
                    .to_owned(),
            )
            .create(m)
            .await?;
        parts::index(m, "ix_reports_open", "reports", &["resolved_at", "petition_id"]).await?;
        parts::index(m, "ix_reports_petition", "reports", &["petition_id", "created_at"]).await?;
        parts::index(m, "ix_reports_client", "reports", &["client_key", "created_at"]).await?;
        // One column per statement: SQLite adds one at a time.
        parts::add_columns(
            m,
            "petitions",
            [big_integer_null("moderation_reason_id"), big_integer_null("published_by")],
        )
        .await?;
        parts::add_columns(m, "users", [timestamp_with_time_zone_null("suspended_at").to_owned()]).await?;
        parts::add_columns(m, "organisations", [timestamp_with_time_zone_null("suspended_at").to_owned()]).await?;
        parts::index(m, "ix_petitions_moderation", "petitions", &["moderation"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        parts::drop_index(m, "ix_petitions_moderation", "petitions").await?;
        parts::drop_columns(m, "organisations", ["suspended_at"]).await?;
        parts::drop_columns(m, "users", ["suspended_at"]).await?;
        parts::drop_columns(m, "petitions", ["published_by", "moderation_reason_id"]).await?;
        parts::drop_tables(m, &["reports", "report_reason_labels", "report_reasons"]).await
    }
}
