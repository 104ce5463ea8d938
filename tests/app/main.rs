//! The one integration-test binary: the real app over HTTP on real SQLite (or, with
//! `RUSTITION_TEST_DATABASE_URL`, PostgreSQL), mail over TCP to a real SMTP listener, pages in a
//! real Chromium. One module per subject, each read as the stories of the people who use it; a
//! new module declared here runs on both databases in CI without anyone remembering to add it.
#[path = "../common/mod.rs"]
mod common;

mod abuse;
mod account_life;
mod account_security;
mod accounts;
mod admin;
mod browser;
mod cli;
mod counting;
mod dashboard;
mod dashboard_design;
mod dashboard_edit;
mod dashboard_exports;
mod dashboard_lifecycle;
mod dashboard_permissions;
mod dashboard_signatures;
mod dashboard_templates;
mod delivery;
mod demo;
mod formats;
mod guest_petitions;
mod i18n;
mod instance_admin;
mod languages;
mod logs;
mod mail_queue;
mod moderation;
mod my_signatures;
mod notifications;
mod observability;
mod operations;
mod organisations;
mod overload;
mod permalinks;
mod permissions_matrix;
mod petition_asides;
mod petition_languages;
mod privacy;
mod processes;
mod retention;
mod secrets_at_rest;
mod server_process;
mod shutdown;
mod sign_challenge;
mod signer_updates;
mod signing;
mod themes;
mod withdrawing;
