//! `rustition-bench`: load and crash harness for Rustition. It builds and starts a real server
//! on 127.0.0.1 with a fresh database, drives it with virtual browsers (CSRF cookie and token
//! included), and checks that every signature the server acknowledged is in the database.
//!
//! `cargo run --release -p rustition-bench -- <scenario> [--duration S] [--connections N]
//! [--database URL] [--runs N] [--server-profile release|debug]`
//! (`cluster` needs `--database postgres://…`)
mod check;
mod client;
mod cluster;
mod compare;
mod freshness;
mod links;
mod load;
mod mail;
mod postfix;
mod report;
mod scale;
mod scenarios;
mod server;
mod stats;

use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};

use scenarios::{Kind, Options};
use server::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Scenario {
    /// GET /ping: the bare server, the yardstick for the others.
    Hello,
    /// GET /p/1: the petition page.
    Page,
    /// GET /p/1 then POST /p/1/sign, as a browser signs.
    Sign,
    /// Open mailed confirmation links and press the button (signatures prepared unmeasured).
    Confirm,
    /// 95% page views, 5% signatures.
    Mixed,
    /// Signing load; SIGKILL the server halfway, restart it, check nothing acknowledged was lost.
    Crash,
    /// Drain a queue of --jobs mails through a `rustition worker` into an SMTP sink.
    Mail,
    /// The queue into a local Postfix (discarding), next to Postfix's smtp-source; skips
    /// without one (see bench/postfix-setup.sh).
    Postfix,
    /// sign with SQLite `synchronous = normal`, then `full` (the default), alternately.
    Durability,
    /// sign, then sign at ten times the connections against the load shedding: a crowd that
    /// retries at once, then one that waits the Retry-After it is given.
    Overload,
    /// hello, then page (on --database when given), alternately: the page's ratio to the ceiling.
    Ceiling,
    /// sign on SQLite, then on --database (PostgreSQL), alternately.
    Backends,
    /// Two `serve` and two `worker` processes on one PostgreSQL (--database): load over both,
    /// SIGKILL to one server; no acknowledged signature lost, no mail twice, counts recounted.
    Cluster,
    /// The costs at --size signatures (bulk-preloaded over four petitions, half on the demo
    /// one) as ratios against an empty database: page, sign, confirm, dashboard, signatures
    /// pages, search, export, count freshness.
    Scale,
    /// hello, page, sign, confirm and mixed, then a markdown table of medians.
    All,
    /// A short run of everything for CI (debug server unless --server-profile says otherwise).
    Smoke,
}

#[derive(Debug, Parser)]
#[command(name = "rustition-bench", about = "Load and crash harness for Rustition")]
struct Cli {
    #[arg(value_enum)]
    scenario: Scenario,
    /// Seconds of measured load per run.
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    duration: f64,
    /// Virtual users, each with one connection (default: 32; 64 for sign, confirm and crash).
    #[arg(long, value_name = "N")]
    connections: Option<usize>,
    /// Default: a fresh SQLite file. postgres://…/admin_db: a fresh database on that server.
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// Runs per scenario; with more than one, the median of each figure is printed too.
    #[arg(long, default_value_t = 1, value_name = "N")]
    runs: usize,
    /// Which build of the server to run (default: release; debug for smoke).
    #[arg(long, value_enum)]
    server_profile: Option<Profile>,
    /// Run this server binary instead of building one: a copy of another commit's build, to
    /// compare two versions of one schema on the same machine in the same hour.
    #[arg(long, value_name = "FILE")]
    server_binary: Option<std::path::PathBuf>,
    /// Mails queued for the `mail` scenario.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    jobs: u64,
    /// Signatures preloaded by the `scale` scenario.
    #[arg(long, default_value_t = 10_000_000, value_name = "N")]
    size: u64,
    /// Upper bound on iterations per measured phase, all virtual users together.
    #[arg(long, default_value_t = 5_000_000, value_name = "N")]
    max_requests: u64,
    /// A server setting for the runs, e.g. `--set signing.challenge=question` (repeatable).
    #[arg(long = "set", value_name = "SECTION.KEY=VALUE", value_parser = setting)]
    settings: Vec<(String, String)>,
}

/// `section.key=value` → (`RUSTITION_SECTION__KEY`, `value`), as the server reads its environment.
fn setting(text: &str) -> Result<(String, String), String> {
    let (name, value) = text.split_once('=').ok_or("expected section.key=value")?;
    let (section, key) = name.split_once('.').ok_or("expected section.key=value")?;
    Ok((format!("RUSTITION_{}__{}", section.to_uppercase(), key.to_uppercase()), value.to_string()))
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("rustition-bench: FAILED: a check failed (see the report above)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("rustition-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Ok(false) when a check failed.
async fn run(cli: Cli) -> Result<bool, String> {
    if !(cli.duration > 0.0 && cli.duration < 86_400.0) || cli.runs == 0 {
        return Err("--duration must be between 0 and 86400 seconds and --runs at least 1".into());
    }
    let default_profile = if cli.scenario == Scenario::Smoke { Profile::Debug } else { Profile::Release };
    let options = Options {
        binary: match &cli.server_binary {
            Some(binary) => binary.clone(),
            None => server::build(cli.server_profile.unwrap_or(default_profile))?,
        },
        duration: Duration::from_secs_f64(cli.duration),
        connections: cli.connections,
        database: cli.database.clone(),
        max_requests: cli.max_requests,
        settings: cli.settings.clone(),
    };
    let kind = match cli.scenario {
        Scenario::Hello => Kind::Hello,
        Scenario::Page => Kind::Page,
        Scenario::Sign => Kind::Sign,
        Scenario::Confirm => Kind::Confirm,
        Scenario::Mixed => Kind::Mixed,
        Scenario::Crash => Kind::Crash,
        Scenario::Mail => return mail::run(&options.binary, cli.jobs, Duration::from_secs(600)).await,
        Scenario::Postfix => return postfix::run(&options.binary, cli.jobs, cli.runs).await,
        Scenario::Durability => return compare::durability(&options, cli.runs).await,
        Scenario::Overload => return compare::overload(&options, cli.runs).await,
        Scenario::Ceiling => return compare::ceiling(&options, cli.runs).await,
        Scenario::Backends => return compare::backends(&options, cli.runs).await,
        Scenario::Cluster => return cluster::run(&options).await,
        Scenario::Scale => return scale::run(&options, cli.size).await,
        Scenario::All => return all(&options, cli.runs).await,
        Scenario::Smoke => return smoke(&options).await,
    };
    Ok(passed(&scenarios::run_many(kind, &options, cli.runs).await?))
}

/// Every acknowledged write stored, and some work done: a scenario whose every request failed
/// (a changed page or answer the load no longer recognises) fails too, rather than measuring 0.
fn passed(reports: &[report::Report]) -> bool {
    reports.iter().all(|r| {
        let worked = r.requests > 0 && r.operations.is_none_or(|(_, n)| n > 0);
        if !worked {
            println!("{}: FAILED: no request or no write succeeded", r.scenario);
        }
        worked && r.check.is_none_or(|c| c.passed())
    })
}

async fn all(options: &Options, runs: usize) -> Result<bool, String> {
    let mut ok = true;
    let mut rows = Vec::new();
    for kind in [Kind::Hello, Kind::Page, Kind::Sign, Kind::Confirm, Kind::Mixed] {
        let reports = scenarios::run_many(kind, options, runs).await?;
        ok &= passed(&reports);
        let connections = options.connections.unwrap_or(kind.default_connections());
        rows.push(report::Row { scenario: kind.name(), connections, figures: report::medians(&reports) });
    }
    println!("## Medians of {runs} run(s) of {} s each\n", options.duration.as_secs_f64());
    println!("{}", report::markdown_tables(&rows));
    Ok(ok)
}

/// A few seconds of each scenario with 4 connections, a short crash check, then the mail,
/// postfix, durability and overload scenarios briefly, and `scale` with a few thousand signatures.
async fn smoke(options: &Options) -> Result<bool, String> {
    let short = Options { duration: Duration::from_secs(2), connections: Some(4), ..options.clone() };
    let mut ok = true;
    for kind in [Kind::Hello, Kind::Page, Kind::Sign, Kind::Confirm] {
        ok &= passed(&scenarios::run_many(kind, &short, 1).await?);
    }
    let crash = Options { duration: Duration::from_secs(4), ..short.clone() };
    ok &= passed(&scenarios::run_many(Kind::Crash, &crash, 1).await?);
    // The new scenarios, briefly: mail into the sink and into Postfix (skipped without one),
    // durability, and overload at 40 connections against a server that lets 8 in at once.
    ok &= mail::run(&options.binary, 300, Duration::from_secs(120)).await?;
    ok &= postfix::run(&options.binary, 200, 1).await?;
    ok &= compare::durability(&short, 1).await?;
    ok &= compare::ceiling(&short, 1).await?;
    let mut settings = short.settings.clone();
    settings.push(("RUSTITION_SERVER__MAX_IN_FLIGHT".into(), "8".into()));
    ok &= compare::overload(&Options { settings, ..short.clone() }, 1).await?;
    let scale = Options { duration: Duration::from_secs(1), ..short };
    ok &= scale::run(&scale, 3_000).await?;
    println!("smoke: {}", if ok { "passed" } else { "FAILED" });
    Ok(ok)
}
