//! The scenarios: each run gets a fresh server and database, drives one kind of load, then
//! checks the database and reads the server's memory, CPU and log before stopping it.
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;

use crate::check::{self, PETITION_ID};
use crate::freshness;
use crate::links;
use crate::load::{self, Control, Links, Task};
use crate::report::{self, Report};
use crate::server::{Server, process_cpu_seconds};

/// One scenario (as opposed to `all` and `smoke`, which chain several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    Hello,
    Page,
    Sign,
    Confirm,
    Mixed,
    Crash,
    /// Signing at ten times `sign`'s connections, against the server's load shedding.
    Overload,
    /// As `Overload`, each user waiting the `Retry-After` it is given when turned away.
    Patient,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Hello => "hello",
            Kind::Page => "page",
            Kind::Sign => "sign",
            Kind::Confirm => "confirm",
            Kind::Mixed => "mixed",
            Kind::Crash => "crash",
            Kind::Overload => "overload",
            Kind::Patient => "patient",
        }
    }

    /// Writers get more connections: their requests wait on the database more than on CPU.
    pub fn default_connections(self) -> usize {
        match self {
            Kind::Hello | Kind::Page | Kind::Mixed => 32,
            Kind::Sign | Kind::Confirm | Kind::Crash => 64,
            Kind::Overload | Kind::Patient => 640,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub binary: PathBuf,
    pub duration: Duration,
    pub connections: Option<usize>,
    /// None for a fresh SQLite file; a PostgreSQL admin URL; or a database URL used as is.
    pub database: Option<String>,
    /// Upper bound on iterations of all virtual users together, per measured phase.
    pub max_requests: u64,
    /// Extra server settings, as `RUSTITION_…` variables (from `--set section.key=value`).
    pub settings: Vec<(String, String)>,
}

/// Runs `kind` `runs` times, printing each run and, for several, the medians.
pub async fn run_many(kind: Kind, options: &Options, runs: usize) -> Result<Vec<Report>, String> {
    let mut reports = Vec::with_capacity(runs);
    for run in 1..=runs {
        let report = run_once(kind, options, run).await?;
        report.print(run, runs);
        reports.push(report);
    }
    if runs > 1 {
        report::print_medians(kind.name(), &report::medians(&reports), runs);
    }
    Ok(reports)
}

/// Must be called from the main task (see `server`): it spawns the server.
pub async fn run_once(kind: Kind, options: &Options, run: usize) -> Result<Report, String> {
    let mut settings = options.settings.clone();
    if kind == Kind::Confirm {
        // The links are read from the queue, and a sent mail keeps no body: with no worker
        // every confirmation mail stays queued (the scenario measures confirming, not mail).
        settings.insert(0, ("RUSTITION_MAIL__EMBEDDED_WORKER".into(), "false".into()));
    }
    let mut server = Server::start(&options.binary, options.database.as_deref(), &settings).await?;
    let connections = options.connections.unwrap_or(kind.default_connections()).max(1);
    let tag = format!("r{run}");
    let log_start = server.log_mark();
    let mut report = match kind {
        Kind::Hello => steady(&server, kind, connections, &tag, Task::Ping, options).await?,
        Kind::Page => steady(&server, kind, connections, &tag, Task::Page, options).await?,
        Kind::Sign | Kind::Overload => steady(&server, kind, connections, &tag, Task::Sign, options).await?,
        Kind::Patient => steady(&server, kind, connections, &tag, Task::PatientSign, options).await?,
        Kind::Mixed => steady(&server, kind, connections, &tag, Task::Mixed { sign_percent: 5 }, options).await?,
        Kind::Confirm => confirm(&server, connections, &tag, options).await?,
        Kind::Crash => crash(&mut server, connections, &tag, options).await?,
    };
    report.peak_rss_kib = report.peak_rss_kib.max(server.peak_rss_kib());
    if kind != Kind::Confirm {
        // (confirm reads only what its measured phase logged)
        report.server_log = server.log_lines(log_start);
    }
    server.finish().await;
    Ok(report)
}

/// CPU used by the server and by this harness since it was created.
struct Meter {
    server: f64,
    client: f64,
}

impl Meter {
    fn start(server: &Server) -> Meter {
        Meter { server: server.cpu_seconds().unwrap_or(0.0), client: own_cpu().unwrap_or(0.0) }
    }

    fn finish(&self, server: &Server, report: &mut Report) {
        report.server_cpu = server.cpu_seconds().map(|now| now - self.server);
        report.client_cpu = own_cpu().map(|now| now - self.client);
    }
}

fn own_cpu() -> Option<f64> {
    process_cpu_seconds("/proc/self/stat")
}

/// The same task by every virtual user for the whole duration.
async fn steady(
    server: &Server,
    kind: Kind,
    connections: usize,
    tag: &str,
    task: Task,
    options: &Options,
) -> Result<Report, String> {
    let writes = matches!(task, Task::Sign | Task::PatientSign | Task::Mixed { .. });
    let meter = Meter::start(server);
    let stop = Arc::new(AtomicBool::new(false));
    let probe = tokio::spawn(probe_health(server.base_url.clone(), stop.clone()));
    let (stats, elapsed) =
        load::run_for(&server.base_url, connections, tag, task, options.duration, options.max_requests).await;
    stop.store(true, Ordering::Relaxed);
    let mut report = Report::new(kind.name(), connections, elapsed, &stats);
    meter.finish(server, &mut report);
    if matches!(kind, Kind::Overload | Kind::Patient) {
        let (answered, asked, slowest) = probe.await.map_err(|e| format!("the health probe died: {e}"))?;
        report.notes.push(format!(
            "health probes during the load: {answered} of {asked} answered 200, slowest {:.1} ms",
            slowest.as_secs_f64() * 1000.0
        ));
    } else {
        probe.abort();
    }
    if writes {
        report.operations = Some(("signatures", stats.operations));
        report.check = Some(check::verify(&server.database_url, &stats.acknowledged, false).await?);
    }
    Ok(report)
}

/// `GET /healthz` every 100 ms until `stop`, as a load balancer would: (answered 200, asked,
/// slowest answer).
async fn probe_health(base: String, stop: Arc<AtomicBool>) -> (u64, u64, Duration) {
    let (mut answered, mut asked, mut slowest) = (0, 0, Duration::ZERO);
    let Ok(mut browser) = crate::client::Browser::new(&base) else { return (0, 0, slowest) };
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        asked += 1;
        if matches!(browser.get("/healthz").await, Ok(page) if page.status == 200) {
            answered += 1;
        }
        slowest = slowest.max(started.elapsed());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (answered, asked, slowest)
}

/// Pending signatures prepared per second of the (doubled) duration, at most.
const PREPARED_PER_S: u64 = 5_000;

/// Unmeasured: sign for the duration and collect the mailed links. Measured: open each link
/// and press the button, until the duration is over or the links run out.
pub async fn confirm(server: &Server, connections: usize, tag: &str, options: &Options) -> Result<Report, String> {
    let started = Instant::now();
    // Twice the duration, so that links do not run out, but no more than this many: past them,
    // the note below says the links ran out, and the rate measured until then stands.
    let prep_time = options.duration * 2;
    let most = options.max_requests.min(prep_time.as_secs().max(1) * PREPARED_PER_S);
    let (prep, _) = load::run_for(&server.base_url, connections, tag, Task::Sign, prep_time, most).await;
    let signed = prep.acknowledged.len();
    let links = links::mailed(&server.database_url, &prep.acknowledged, PETITION_ID).await?;
    let mut notes = vec![format!(
        "prepared {signed} pending signatures and found {} confirmation links in {:.1} s (not measured)",
        links.len(),
        started.elapsed().as_secs_f64()
    )];
    if !prep.failures.is_empty() {
        let failures: Vec<String> = prep.failures.iter().map(|(f, n)| format!("{f}: {n}")).collect();
        notes.push(format!("errors while preparing: {}", failures.join(", ")));
    }
    if links.len() < signed {
        notes.push(format!(
            "{} acknowledged signatures had no confirmation link in the mail queue",
            signed - links.len()
        ));
    }
    let available = links.len();
    let log_start = server.log_mark();
    let meter = Meter::start(server);
    let task = Task::Confirm(Links::new(links));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = freshness::start(server.base_url.clone(), server.database_url.clone(), stop.clone());
    let (stats, elapsed) =
        load::run_for(&server.base_url, connections, tag, task, options.duration, options.max_requests).await;
    stop.store(true, Ordering::Relaxed);
    let mut report = Report::new(Kind::Confirm.name(), connections, elapsed, &stats);
    meter.finish(server, &mut report);
    let seen = sampler.await.map_err(|e| format!("the count sampler died: {e}"))??;
    report.count_lag = Some(seen.max_lag);
    notes.push(format!(
        "count freshness: the page's count was at most {:.1} s behind the database ({} samples)",
        seen.max_lag.as_secs_f64(),
        seen.samples
    ));
    let interval = Duration::from_millis(rustition::config::Settings::default().signing.count_interval_ms);
    let (kept, recount) = freshness::drift(&server.database_url, interval).await?;
    notes.push(format!("count drift after the run: kept {kept}, full recount {recount}, drift {}", recount - kept));
    if elapsed < options.duration.mul_f64(0.9) {
        notes.push(format!("all {available} links were used after {:.1} s", elapsed.as_secs_f64()));
    }
    report.notes = notes;
    report.server_log = server.log_lines(log_start);
    report.operations = Some(("confirmations", stats.operations));
    report.check = Some(check::verify(&server.database_url, &stats.acknowledged, true).await?);
    Ok(report)
}

/// Signing load; halfway, SIGKILL and restart the server; the load goes on (users retry after
/// connection errors) for another half duration once it serves again.
async fn crash(server: &mut Server, connections: usize, tag: &str, options: &Options) -> Result<Report, String> {
    let control = Control::new(options.max_requests);
    let meter = Meter::start(server);
    let started = Instant::now();
    let handles = load::start(&server.base_url, connections, tag, &Task::Sign, &control);
    tokio::time::sleep(options.duration / 2).await;
    let peak_before = server.peak_rss_kib();
    let cpu_before = server.cpu_seconds().unwrap_or(0.0) - meter.server;
    server.kill();
    let killed = Instant::now();
    let restarted = match server.spawn() {
        Ok(()) => server.wait_ready().await,
        Err(e) => Err(e),
    };
    let restart = killed.elapsed();
    if restarted.is_ok() {
        tokio::time::sleep(options.duration / 2).await;
    }
    control.stop();
    let stats = load::join(handles).await;
    restarted.map_err(|e| format!("the server did not come back after SIGKILL: {e}"))?;
    let mut report = Report::new(Kind::Crash.name(), connections, started.elapsed(), &stats);
    report.client_cpu = own_cpu().map(|now| now - meter.client);
    report.server_cpu = server.cpu_seconds().map(|now| now + cpu_before);
    report.peak_rss_kib = peak_before;
    report.restart = Some(restart);
    report.operations = Some(("signatures", stats.operations));
    report.check = Some(check::verify(&server.database_url, &stats.acknowledged, false).await?);
    Ok(report)
}
