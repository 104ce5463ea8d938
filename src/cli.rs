//! Command-line actions that are more than a call or two (see `main.rs` for the dispatch).
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::assets::Assets;
use crate::config::Settings;
use crate::mail::queue::{self, MailDraft, PRIORITY_URGENT};
use crate::mail::transport::Transport;
use crate::mail::worker::Worker;
use crate::{App, StartError, domain, i18n};

/// `rustition worker`: the mail worker alone, until SIGTERM or Ctrl-C; then it stops as the
/// server's does (claims nothing more, gives back a send cut off by the grace) and exits.
pub async fn worker(settings: Settings) -> Result<(), StartError> {
    let transport = Arc::new(Transport::from_settings(&settings)?);
    let app = crate::build_app(settings).await?;
    let from =
        app.settings.mail.from.parse().map_err(|_| crate::config::ConfigError::Invalid(vec!["[mail] from".into()]))?;
    let worker = Worker {
        db: app.db.clone(),
        transport,
        from,
        settings: app.settings.mail.clone(),
        wake: app.mail_wake.clone(),
        stop: app.stop.subscribe(),
        stop_grace: std::time::Duration::from_secs(u64::from(app.settings.server.shutdown_grace_seconds)),
    };
    let leadership =
        crate::db::leader::Leadership::new(&app.settings, &app.db, crate::db::leader::Job::MailHousekeeping);
    tracing::info!("mail worker started");
    let running = tokio::spawn(worker.run_all(leadership));
    terminated().await;
    tracing::info!("mail worker stopping");
    app.stop.send_replace(());
    if let Err(e) = running.await {
        tracing::error!(error = %e, "the mail worker ended abnormally");
    }
    tracing::info!("mail worker stopped");
    Ok(())
}

/// Resolves at Ctrl-C or, on Unix, SIGTERM (what `kill` and service managers send).
async fn terminated() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
                return;
            }
            Err(e) => tracing::warn!(error = %e, "cannot listen for SIGTERM; Ctrl-C only"),
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The catalogs and sources `i18n check` and `stats` read: with `[server] assets_dir`, what the
/// server loads (that folder's files over the binary's); in a checkout (a `locales/` folder in the
/// working directory), those files as they are being edited; elsewhere the binary's own. Unused
/// keys are told only where the Rust sources (`src/`) are at hand.
fn i18n_inputs(settings: &Settings) -> Result<(Vec<i18n::FtlFile>, i18n::Sources), i18n::I18nError> {
    let code = Path::new("src");
    let code = code.is_dir().then_some(code);
    if let Some(dir) = &settings.server.assets_dir {
        let assets = Assets::new(Some(dir.clone()));
        return Ok((i18n::files_in_assets(&assets), i18n::Sources::from_assets(&assets, code)));
    }
    if Path::new("locales").is_dir() {
        return Ok((i18n::files_in_dir(Path::new("locales"))?, i18n::Sources::from_dirs(Path::new("templates"), code)));
    }
    let assets = Assets::new(None);
    Ok((i18n::files_in_assets(&assets), i18n::Sources::from_assets(&assets, None)))
}

fn braces(vars: &std::collections::BTreeSet<String>) -> String {
    let vars: Vec<String> = vars.iter().map(|v| format!("${v}")).collect();
    format!("{{ {} }}", vars.join(", "))
}

/// `rustition i18n check`: prints the report; exit code 1 on a syntax error anywhere, en or fr
/// incomplete, or a key a page asks for that English lacks (`CheckReport::fails`).
/// `rustition migrate --status`: every migration of this binary, applied or pending, and any
/// the database holds that this binary does not know (then the exit code is 1).
pub async fn migrate_status(settings: &Settings) -> Result<ExitCode, StartError> {
    let db = crate::db::connect(settings).await?;
    let state = crate::db::schema::state(&db).await?;
    for (name, applied) in &state.migrations {
        println!("{:8} {name}", if *applied { "applied" } else { "pending" });
    }
    for name in &state.unknown {
        println!("{:8} {name}", "unknown");
    }
    let pending = state.pending().count();
    println!("{} applied, {pending} pending", state.migrations.len() - pending);
    if let Err(e) = state.refuse_newer() {
        eprintln!("rustition: {e}");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints what a backup or a restore has to tell.
pub fn report(report: crate::db::backup::Report) {
    for line in report.lines {
        println!("{line}");
    }
    for warning in report.warnings {
        eprintln!("warning: {warning}");
    }
}

/// `rustition i18n check`: prints the report; exit code 1 when en or fr lacks a key.
pub fn i18n_check(settings: &Settings) -> Result<ExitCode, i18n::I18nError> {
    let (files, sources) = i18n_inputs(settings)?;
    let report = i18n::check(&files, &sources);
    for (code, locale) in &report.locales {
        println!(
            "{code}: {} % ({} / {}), {} missing, {} extra, {} placeables differ, {} syntax errors",
            locale.percent(report.total),
            locale.translated,
            report.total,
            locale.missing.len(),
            locale.extra.len(),
            locale.placeables.len(),
            locale.errors.len()
        );
        for error in &locale.errors {
            println!("  error     {error}");
        }
        for key in &locale.missing {
            println!("  missing   {key}");
        }
        for key in &locale.extra {
            println!("  extra     {key}");
        }
        for m in &locale.placeables {
            println!(
                "  placeable {} at {}: English has {}, this has {}",
                m.key,
                m.at,
                braces(&m.reference),
                braces(&m.here)
            );
        }
        for line in &locale.typography {
            println!("  typography {line}");
        }
    }
    match &report.unused {
        Some(unused) => {
            println!("unused: {}", unused.len());
            for key in unused {
                println!("  unused    {key}");
            }
        }
        None => println!("unused: not checked (no src/ folder here)"),
    }
    println!("undefined: {}", report.undefined.len());
    for key in &report.undefined {
        println!("  undefined {key}");
    }
    if !report.unregistered.is_empty() {
        println!("unregistered key prefixes (add them to src/i18n/dynamic.rs): {}", report.unregistered.len());
        for prefix in &report.unregistered {
            println!("  prefix    {prefix}");
        }
    }
    Ok(if report.fails() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// `rustition i18n stats`: the completeness table for the README, in Markdown.
pub fn i18n_stats(settings: &Settings) -> Result<ExitCode, i18n::I18nError> {
    let (files, sources) = i18n_inputs(settings)?;
    print!("{}", i18n::stats_table(&i18n::check(&files, &sources)));
    Ok(ExitCode::SUCCESS)
}

/// `rustition mail test --to ADDRESS`: queues one message in the instance's default language.
pub async fn mail_test(app: &App, to: &str) -> Result<(), StartError> {
    if !domain::email::is_valid(to) {
        return Err(crate::config::ConfigError::Invalid(vec![format!("{to:?} is not a mail address")]).into());
    }
    let lang = app.i18n.default_locale();
    let draft = MailDraft {
        kind: "test",
        priority: PRIORITY_URGENT,
        recipient: to.to_string(),
        subject: app.i18n.tr(lang, "mail-test-subject", None),
        body_text: app.i18n.tr(lang, "mail-test-body", None),
        body_html: None,
        reply_to: None,
    };
    queue::enqueue(&app.db, draft, domain::now()).await?;
    Ok(())
}

/// `rustition admin create`: an administrator account, verified. Problems are printed per field.
pub async fn admin_create(app: &App, username: &str, email: &str, password: &str) -> Result<ExitCode, StartError> {
    let new = domain::account::accounts::NewAccount {
        username: username.to_string(),
        email: email.to_string(),
        password: password.to_string(),
        is_admin: true,
        verified: true,
        ..Default::default()
    };
    match domain::account::accounts::create(&app.db, new).await {
        Ok(id) => {
            println!("administrator {username} created (id {id})");
            Ok(ExitCode::SUCCESS)
        }
        Err(domain::DomainError::Invalid(errors)) => {
            let lang = app.i18n.default_locale();
            for (field, problem) in errors {
                eprintln!(
                    "{}: {}",
                    app.i18n.tr(lang, &format!("field-{field}"), None),
                    app.i18n.tr(lang, problem, None)
                );
            }
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e.into()),
    }
}
