//! `scale`: do costs stay flat with millions of signatures (issue 19)? The same measurements
//! twice — on a fresh database, then on one preloaded (bulk SQL, not HTTP) with `size`
//! signatures over four petitions, the demo petition every scenario uses holding half — and the
//! ratio of each figure: the petition page, signing, confirming, the organiser's dashboard, the
//! signatures page (first and last), a search, a CSV export (rows/s and the server's peak
//! RSS) and how far the public count lags behind confirmations.
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use rustition::domain::petition::petitions::{self, Content, NewPetition, OwnerId, Status as PetitionStatus};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::check::{self, PETITION_ID};
use crate::load::{self, Task};
use crate::scenarios::{self, Options};
use crate::server::Server;
use crate::stats::Summary;

const ADMIN: &str = "scale";
const PASSWORD: &str = "scale-password-for-the-bench";
/// Rows per INSERT statement, and statements per transaction, while preloading.
const ROWS_PER_INSERT: u64 = 500;
const INSERTS_PER_TRANSACTION: u64 = 20;
/// Sequential requests per measured page.
const SAMPLES: usize = 20;

/// One figure of both runs.
struct Figure {
    name: String,
    empty: f64,
    loaded: f64,
}

/// Runs both databases and prints the table; false when a run failed a check.
pub async fn run(options: &Options, size: u64) -> Result<bool, String> {
    let empty = measure(options, 0).await?;
    let loaded = measure(options, size).await?;
    // The export is complete: every preloaded signature of the demo petition is in it.
    let ok = loaded.iter().any(|(name, rows)| name == "export rows" && *rows >= (size / 2) as f64);
    println!("## scale: {size} signatures against an empty database\n");
    println!("| figure | empty | {size} signatures | ratio |");
    println!("|---|---:|---:|---:|");
    for ((name, e), (_, l)) in empty.iter().zip(&loaded) {
        let f = Figure { name: name.clone(), empty: *e, loaded: *l };
        let ratio = if f.empty > 0.0 { format!("{:.2}", f.loaded / f.empty) } else { "–".into() };
        println!("| {} | {:.2} | {:.2} | {ratio} |", f.name, f.empty, f.loaded);
    }
    println!();
    if !ok {
        println!("scale: FAILED: the export missed preloaded signatures");
    }
    Ok(ok)
}

/// Preloads `size` signatures on a fresh server and measures; returns (figure, value) in order.
async fn measure(options: &Options, size: u64) -> Result<Vec<(String, f64)>, String> {
    // No mail worker: the confirm step reads its links from the queue, where only unsent mail
    // keeps its body (see `scenarios::run_once`).
    let mut settings = options.settings.clone();
    settings.insert(0, ("RUSTITION_MAIL__EMBEDDED_WORKER".into(), "false".into()));
    let mut server = Server::start(&options.binary, options.database.as_deref(), &settings).await?;
    let db = check::connect(&server.database_url).await?;
    let started = Instant::now();
    let per_petition = preload(&db, size).await?;
    // The server's own count batch runs meanwhile: on PostgreSQL the recount's snapshot can lose
    // to it ("could not serialize access"), and is then made again.
    let mut tries = 0;
    let drifts = loop {
        match rustition::domain::signature::counting::full_recount(&db).await {
            Ok(drifts) => break drifts,
            Err(e) if tries < 5 => {
                tries += 1;
                eprintln!("scale: the full recount is made again: {e}");
            }
            Err(e) => return Err(e.to_string()),
        }
    };
    // A running instance reaches millions over weeks, with autovacuum keeping up; the preload
    // writes them in minutes, and the full recount has just deleted ten million change rows.
    // Measured without this, PostgreSQL's first queries read those dead rows and plan without
    // statistics: the minutes after a bulk load, not the steady state.
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared("VACUUM ANALYZE").await.map_err(|e| format!("vacuum after the preload: {e}"))?;
    }
    // What the server's batch would do within seconds, before anything is measured.
    rustition::domain::signature::search_index::catch_up(&db).await.map_err(|e| e.to_string())?;
    eprintln!(
        "scale: preloaded {size} signatures in {:.1} s (count drifts found: {})",
        started.elapsed().as_secs_f64(),
        drifts.len()
    );
    let connections = options.connections.unwrap_or(16).max(1);
    let mut figures = Vec::new();
    let d = options.duration;
    let steady = |task: Task, label: &'static str| {
        let base = server.base_url.clone();
        async move {
            let (stats, elapsed) = load::run_for(&base, connections, "scale", task, d, options.max_requests).await;
            let p50 = stats.latencies.get(label).map_or(0.0, |s| Summary::of(s).p50);
            let n = stats.latencies.get(label).map_or(0, Vec::len);
            (p50, n as f64 / elapsed.as_secs_f64().max(1e-9))
        }
    };
    let (p50, rate) = steady(Task::Page, load::PAGE).await;
    figures.push(("page p50 ms".to_string(), p50));
    figures.push(("page requests/s".to_string(), rate));
    let (p50, rate) = steady(Task::Sign, load::SIGN).await;
    figures.push(("sign p50 ms".to_string(), p50));
    figures.push(("signatures/s".to_string(), rate));
    let confirm = scenarios::confirm(&server, connections, "scalec", options).await?;
    for note in &confirm.notes {
        eprintln!("scale: confirm: {note}");
    }
    let p50 = confirm.latency.iter().find(|(l, _)| *l == load::CONFIRM).map_or(0.0, |(_, s)| s.p50);
    figures.push(("confirm p50 ms".to_string(), p50));
    figures.push(("count lag max s".to_string(), confirm.count_lag.map_or(0.0, |l| l.as_secs_f64())));

    let mut session = Session::login(&server.base_url).await?;
    let list = format!("/dashboard/petitions/{PETITION_ID}/signatures");
    let needle = format!("s1x{}@", per_petition / 2);
    for (name, path) in [
        ("dashboard p50 ms", "/dashboard".to_string()),
        ("signatures first page p50 ms", list.clone()),
        ("signatures last page p50 ms", format!("{list}?last=1")),
        ("search p50 ms", format!("{list}?q={}", needle.replace('@', "%40"))),
    ] {
        figures.push((name.to_string(), session.p50(&path).await?));
    }
    let rss_before = server.peak_rss_kib().unwrap_or(0);
    let started = Instant::now();
    let rows = session.count_lines(&format!("/dashboard/petitions/{PETITION_ID}/export.csv")).await?;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let rss_after = server.peak_rss_kib().unwrap_or(0);
    figures.push(("export rows".to_string(), rows as f64));
    figures.push(("export rows/s".to_string(), rows as f64 / secs));
    figures.push(("peak RSS before export MiB".to_string(), rss_before as f64 / 1024.0));
    figures.push(("peak RSS after export MiB".to_string(), rss_after as f64 / 1024.0));
    db.close().await.map_err(|e| e.to_string())?;
    server.kill();
    server.finish().await;
    Ok(figures)
}

/// The bench's administrator (a member of the demo organisation), three more petitions, and
/// `size` signatures: half on the demo petition, the rest shared by the others; one in a
/// hundred left pending. Returns how many the demo petition got.
async fn preload(db: &DatabaseConnection, size: u64) -> Result<u64, String> {
    let err = |e: rustition::domain::DomainError| format!("preloading: {e}");
    rustition::domain::account::accounts::create(
        db,
        rustition::domain::account::accounts::NewAccount {
            username: ADMIN.into(),
            email: format!("{ADMIN}@example.org"),
            password: PASSWORD.into(),
            is_admin: true,
            verified: true,
            ..Default::default()
        },
    )
    .await
    .map_err(err)?;
    rustition::domain::demo::seed(db).await.map_err(err)?;
    let org =
        crate::freshness::one(db, &format!("SELECT organisation_id FROM petitions WHERE id = {PETITION_ID}")).await?;
    let mut petitions = vec![PETITION_ID];
    for i in 2..=4 {
        let content = Content {
            title: format!("Scale petition {i}"),
            text: "A petition of the scale bench.".into(),
            goal: 1000,
            ..Default::default()
        };
        let new = NewPetition {
            content,
            slug: Some(format!("scale-{i}")),
            status: PetitionStatus::Published,
            locale: "en".into(),
            wizard_step: None,
        };
        let owner = rustition::domain::permissions::operator(OwnerId::Organisation(
            rustition::domain::ids::OrganisationId(org),
        ));
        petitions.push(petitions::create(db, &owner, new).await.map_err(err)?.0);
    }
    let big = size / 2;
    let rest = (size - big) / 3;
    let shares = [big, rest, rest, size - big - 2 * rest];
    for (p, n) in petitions.iter().zip(shares) {
        insert(db, *p, n).await?;
    }
    Ok(big)
}

/// `n` signatures on petition `p`, one second apart, ending an hour ago.
async fn insert(db: &DatabaseConnection, p: i64, n: u64) -> Result<(), String> {
    let start = Utc::now() - chrono::Duration::seconds(i64::try_from(n).unwrap_or(i64::MAX / 2) + 3600);
    let mut i = 0;
    while i < n {
        let txn = rustition::db::begin_write(db).await.map_err(|e| e.to_string())?;
        for _ in 0..INSERTS_PER_TRANSACTION {
            if i >= n {
                break;
            }
            let end = (i + ROWS_PER_INSERT).min(n);
            let values: Vec<String> = (i..end)
                .map(|k| {
                    let at = (start + chrono::Duration::seconds(k as i64)).to_rfc3339_opts(SecondsFormat::Secs, false);
                    let confirmed = if k % 100 == 99 { "NULL".to_string() } else { format!("'{at}'") };
                    // A confirmation token's hash (64 hex digits, unique) and a client key (16
                    // characters, shared by a thousand signers) on every row, as signing leaves
                    // them: the token's unique index is then the size it reaches in use.
                    format!(
                        "({p}, 'First{k}', 'Scale{k}', 's{p}x{k}@example.org', 's{p}x{k}@example.org', 'en', '{at}', \
                         {confirmed}, '{p:016x}{k:048x}', '{:016x}')",
                        k / 1000
                    )
                })
                .collect();
            let sql = format!(
                "INSERT INTO signatures (petition_id, first_name, last_name, email, email_canonical, locale, \
                 created_at, confirmed_at, confirmation_token_hash, client_key) VALUES {}",
                values.join(", ")
            );
            txn.execute_unprepared(&sql).await.map_err(|e| format!("preloading signatures: {e}"))?;
            i = end;
        }
        txn.commit().await.map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A signed-in organiser's browser: every cookie the server sets is sent back.
struct Session {
    http: reqwest::Client,
    base: String,
    cookies: std::collections::BTreeMap<String, String>,
}

impl Session {
    async fn login(base: &str) -> Result<Session, String> {
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(600))
            .build()
            .map_err(|e| e.to_string())?;
        let mut s = Session { http, base: base.to_string(), cookies: Default::default() };
        let form = s.get("/login").await?.text().await.map_err(|e| e.to_string())?;
        let token = crate::client::csrf_token(&form).ok_or("no CSRF token on the login page")?.to_string();
        let body = crate::client::form_encode(&[("csrf_token", &token), ("login", ADMIN), ("password", PASSWORD)]);
        let request = s
            .http
            .post(format!("{}/login", s.base))
            .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        let response = s.send(request).await?;
        if response.status().as_u16() != 303 {
            return Err(format!("login refused ({})", response.status()));
        }
        Ok(s)
    }

    async fn send(&mut self, mut request: reqwest::RequestBuilder) -> Result<reqwest::Response, String> {
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            request = request.header(reqwest::header::COOKIE, jar.join("; "));
        }
        let response = request.send().await.map_err(|e| e.to_string())?;
        for header in response.headers().get_all(reqwest::header::SET_COOKIE) {
            let Some(pair) = header.to_str().ok().and_then(|h| h.split(';').next()) else { continue };
            if let Some((k, v)) = pair.split_once('=') {
                self.cookies.insert(k.trim().to_string(), v.trim().to_string());
            }
        }
        Ok(response)
    }

    async fn get(&mut self, path: &str) -> Result<reqwest::Response, String> {
        let request = self.http.get(format!("{}{path}", self.base));
        self.send(request).await
    }

    /// The median time of `SAMPLES` sequential loads of `path` (each read to its end), in ms.
    async fn p50(&mut self, path: &str) -> Result<f64, String> {
        let mut samples = Vec::with_capacity(SAMPLES);
        for _ in 0..SAMPLES {
            let started = Instant::now();
            let response = self.get(path).await?;
            let status = response.status().as_u16();
            response.bytes().await.map_err(|e| e.to_string())?;
            if status != 200 {
                return Err(format!("GET {path}: {status}"));
            }
            samples.push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
        }
        Ok(Summary::of(&samples).p50)
    }

    /// Streams `path` and returns its lines less the header.
    async fn count_lines(&mut self, path: &str) -> Result<u64, String> {
        let mut response = self.get(path).await?;
        if response.status().as_u16() != 200 {
            return Err(format!("GET {path}: {}", response.status()));
        }
        let mut lines = 0_u64;
        while let Some(chunk) = response.chunk().await.map_err(|e| e.to_string())? {
            lines += chunk.iter().filter(|b| **b == b'\n').count() as u64;
        }
        Ok(lines.saturating_sub(1))
    }
}
