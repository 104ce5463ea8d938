//! The `rustition` command: parse, load the configuration, dispatch. Nothing else lives here.
// No `unwrap()` outside tests: what a user, the database or the network controls is an error,
// and an invariant says why it holds with `expect("…")` (clippy.toml allows unwrap in tests).
#![deny(clippy::unwrap_used)]
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rustition::config::{LogFormat, Settings};

#[derive(Parser)]
#[command(name = "rustition", version, about = "A self-hosted petition platform")]
struct Cli {
    /// Configuration file (default: ./config.toml when present).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply migrations, then serve the web app and run the mail worker (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate {
        /// List every migration as applied or pending, and change nothing.
        #[arg(long)]
        status: bool,
    },
    /// Copy the database and the secret key into FILE while the server runs (SQLite: one file
    /// made with SQLite's backup API; PostgreSQL: pg_dump's, with the key in FILE.secret_key).
    Backup {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Replace the database (SQLite) and the secret key with a backup's; stop the server first.
    Restore {
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// Replace a database that holds data.
        #[arg(long)]
        force: bool,
    },
    /// Run the mail worker alone (when scaling out with PostgreSQL).
    Worker,
    /// Create a demo organisation with a published petition (once) and print its URL.
    Demo,
    /// Translation tools.
    I18n {
        #[command(subcommand)]
        command: I18nCommand,
    },
    /// Account administration.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Mail tools.
    Mail {
        #[command(subcommand)]
        command: MailCommand,
    },
}

#[derive(Subcommand)]
enum I18nCommand {
    /// Per locale: completeness, missing, extra and unused keys, placeables that differ from
    /// English, syntax errors with file:line. Fails on a syntax error or when en or fr is incomplete.
    Check,
    /// Print the completeness of every locale as a Markdown table (for the README).
    Stats,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an instance administrator; the password is read from standard input.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Queue one test message.
    Test {
        /// Recipient address.
        #[arg(long)]
        to: String,
    },
    /// Print how many jobs are queued, sending, sent and failed.
    Status,
}

/// Logs go to standard error through `tracing` alone, as text or JSON lines (`[log] format`).
/// The bridge from the `log` crate is left out on purpose: Rocket logs each request's full URI
/// (tokens included) through `log`, and without the bridge Rocket's own logger, set to off in
/// `build_rocket`, keeps that quiet at every `RUSTITION_LOG` level.
fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RUSTITION_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Text => tracing::subscriber::set_global_default(builder.with_ansi(ansi).finish()),
        LogFormat::Json => tracing::subscriber::set_global_default(builder.json().flatten_event(true).finish()),
    };
    if let Err(e) = result {
        eprintln!("rustition: cannot start logging: {e}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Settings first: they choose the log's format (their own errors go to standard error).
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("rustition: {e}");
            return ExitCode::from(2);
        }
    };
    init_logging(settings.log.format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("rustition: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(cli.command.unwrap_or(Command::Serve), settings));
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rustition: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match command {
        Command::Serve => {
            let _in_use = rustition::db::hold_in_use(&settings)?;
            let rocket = rustition::build_rocket(settings).await?;
            // Returns once SIGTERM or Ctrl-C has stopped the server and its requests have ended.
            match rocket.launch().await {
                Ok(rocket) => {
                    if let Some(app) = rocket.state::<rustition::App>() {
                        app.shutdown().await;
                    }
                }
                Err(e) => {
                    // Connections still busy after the grace (a crowd on keep-alive) were cut:
                    // they were never answered. What was answered is in the group commit's
                    // queue or written, so the app's own shutdown still runs and loses nothing.
                    let rocket::error::ErrorKind::Shutdown(orbit, _) = e.kind() else { return Err(Box::new(e)) };
                    tracing::warn!("requests still running after the shutdown grace were cut off");
                    if let Some(app) = orbit.state::<rustition::App>() {
                        app.shutdown().await;
                    }
                }
            }
            tracing::info!("Rustition stopped");
        }
        Command::Migrate { status: true } => return Ok(rustition::cli::migrate_status(&settings).await?),
        Command::Migrate { status: false } => {
            let db = rustition::db::connect(&settings).await?;
            rustition::db::migrate(&db).await?;
            println!("migrations applied");
        }
        Command::Backup { to } => rustition::cli::report(rustition::db::backup::backup(&settings, &to).await?),
        Command::Restore { from, force } => {
            rustition::cli::report(rustition::db::backup::restore(&settings, &from, force).await?);
        }
        Command::Worker => {
            let _in_use = rustition::db::hold_in_use(&settings)?;
            rustition::cli::worker(settings).await?;
        }
        Command::Demo => {
            let app = rustition::build_app(settings).await?;
            let path = rustition::domain::demo::seed(&app.db).await?;
            println!(
                "Demo petition ready. Start the server (`rustition`, or `cargo run --release` in a checkout) and open:"
            );
            println!("{}{path}", app.settings.public_url());
        }
        Command::Admin { command: AdminCommand::Create { username, email } } => {
            let mut password = String::new();
            std::io::stdin().read_line(&mut password)?;
            let app = rustition::build_app(settings).await?;
            return Ok(
                rustition::cli::admin_create(&app, &username, &email, password.trim_end_matches(['\r', '\n'])).await?
            );
        }
        Command::I18n { command: I18nCommand::Check } => return Ok(rustition::cli::i18n_check(&settings)?),
        Command::I18n { command: I18nCommand::Stats } => return Ok(rustition::cli::i18n_stats(&settings)?),
        Command::Mail { command: MailCommand::Test { to } } => {
            let app = rustition::build_app(settings).await?;
            rustition::cli::mail_test(&app, &to).await?;
            println!("test message queued for {to}; it leaves with the next running server or worker");
        }
        Command::Mail { command: MailCommand::Status } => {
            let db = rustition::db::connect(&settings).await?;
            for (status, n) in rustition::mail::queue::counts(&db).await? {
                println!("{status:8} {n}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
