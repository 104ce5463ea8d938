//! Virtual users: each one a browser with its own connection and cookie, doing one task in a
//! loop until told to stop or the shared request budget runs out (every run is bounded in both
//! time and count). A failure is counted, and after a transport failure the user waits a moment
//! before trying again, as a person reloading would.
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use crate::check::PETITION_ID;
use crate::client::{Browser, Failure, csrf_token};
use crate::stats::Stats;

pub const PING: &str = "GET /ping";
pub const PAGE: &str = "GET /p/1";
pub const SIGN: &str = "POST /p/1/sign";
pub const LANDING: &str = "GET /p/1/confirm/…";
pub const CONFIRM: &str = "POST /p/1/confirm/…";
/// A request turned away by load shedding (503 with Retry-After): its latency is kept too.
pub const SHED: &str = "503 turned away";
const RETRY_PAUSE: Duration = Duration::from_millis(50);

/// Stop flag and remaining iterations, shared by all virtual users of a run.
pub struct Control {
    stop: AtomicBool,
    budget: AtomicI64,
}

impl Control {
    pub fn new(budget: u64) -> Arc<Control> {
        Arc::new(Control { stop: AtomicBool::new(false), budget: AtomicI64::new(budget.min(i64::MAX as u64) as i64) })
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Sleeps `wait`, or less when the run is stopped meanwhile.
    async fn sleep(&self, wait: Duration) {
        let until = Instant::now() + wait;
        while !self.stop.load(Ordering::Relaxed) && Instant::now() < until {
            tokio::time::sleep((until - Instant::now()).min(Duration::from_millis(100))).await;
        }
    }

    /// True when a user may start one more iteration (and takes it from the budget).
    fn go(&self) -> bool {
        !self.stop.load(Ordering::Relaxed) && self.budget.fetch_sub(1, Ordering::Relaxed) > 0
    }
}

/// Confirmation links handed out once each: `(address, path)`.
pub struct Links {
    items: Vec<(String, String)>,
    next: AtomicUsize,
}

impl Links {
    pub fn new(items: Vec<(String, String)>) -> Arc<Links> {
        Arc::new(Links { items, next: AtomicUsize::new(0) })
    }

    fn take(&self) -> Option<&(String, String)> {
        self.items.get(self.next.fetch_add(1, Ordering::Relaxed))
    }
}

/// What a virtual user does on each iteration.
#[derive(Clone)]
pub enum Task {
    Ping,
    Page,
    /// Load the petition, then sign it with a new address.
    Sign,
    /// As `Sign`, but a user turned away waits the `Retry-After` it was given before trying
    /// again, as a person told to come back would (`Sign` retries at once, a worst case).
    PatientSign,
    /// A page view, or in `sign_percent` % of iterations a signature.
    Mixed {
        sign_percent: u64,
    },
    /// Open a confirmation link, then press the button.
    Confirm(Arc<Links>),
}

/// Starts `connections` virtual users against `base`; `tag` makes their addresses unique per run.
pub fn start(base: &str, connections: usize, tag: &str, task: &Task, control: &Arc<Control>) -> Vec<JoinHandle<Stats>> {
    start_spread(&[base.to_string()], connections, tag, task, control)
}

/// As `start`, the users spread over `bases` in turn. A user whose server stops answering moves
/// to the next one, as a proxy that health-checks its servers would send it there.
pub fn start_spread(
    bases: &[String],
    connections: usize,
    tag: &str,
    task: &Task,
    control: &Arc<Control>,
) -> Vec<JoinHandle<Stats>> {
    (0..connections)
        .map(|user| {
            let (task, control) = (task.clone(), control.clone());
            let mut bases = bases.to_vec();
            let first = user % bases.len().max(1);
            bases.rotate_left(first);
            let prefix = format!("bench-{tag}-{user}");
            tokio::spawn(virtual_user(bases, prefix, user as u64, task, control))
        })
        .collect()
}

/// Waits for every virtual user and adds up what they counted.
pub async fn join(handles: Vec<JoinHandle<Stats>>) -> Stats {
    let mut total = Stats::default();
    for handle in handles {
        match handle.await {
            Ok(stats) => total.merge(stats),
            Err(_) => total.fail(Failure::Client),
        }
    }
    total
}

/// Runs `task` for at most `duration` (less if the budget or the links run out); returns what
/// was counted and the time it took.
pub async fn run_for(
    base: &str,
    connections: usize,
    tag: &str,
    task: Task,
    duration: Duration,
    budget: u64,
) -> (Stats, Duration) {
    let control = Control::new(budget);
    let started = Instant::now();
    let handles = start(base, connections, tag, &task, &control);
    let stopper = {
        let control = control.clone();
        tokio::spawn(async move {
            tokio::time::sleep(duration).await;
            control.stop();
        })
    };
    let stats = join(handles).await;
    stopper.abort();
    (stats, started.elapsed())
}

async fn virtual_user(bases: Vec<String>, prefix: String, seed: u64, task: Task, control: Arc<Control>) -> Stats {
    let mut stats = Stats::default();
    let Some(base) = bases.first() else { return stats };
    let mut browser = match Browser::new(base) {
        Ok(browser) => browser,
        Err(failure) => {
            stats.fail(failure);
            return stats;
        }
    };
    let mut rng = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut n = 0u64;
    let mut current = 0;
    while control.go() {
        n += 1;
        let email = || format!("{prefix}-{n}@example.org");
        let result = match &task {
            Task::Ping => ping(&mut browser, &mut stats).await,
            Task::Page => page(&mut browser, &mut stats).await.map(drop),
            Task::Sign | Task::PatientSign => sign(&mut browser, &mut stats, email()).await,
            Task::Mixed { sign_percent } if rng.next() % 100 < *sign_percent => {
                sign(&mut browser, &mut stats, email()).await
            }
            Task::Mixed { .. } => page(&mut browser, &mut stats).await.map(drop),
            Task::Confirm(links) => match links.take() {
                Some((address, path)) => confirm(&mut browser, &mut stats, address, path).await,
                None => break,
            },
        };
        if let Err(failure) = result {
            stats.fail(failure);
            if let (Task::PatientSign, Some(wait)) = (&task, browser.retry_after.take()) {
                control.sleep(wait).await;
            }
            if failure.is_transport() {
                tokio::time::sleep(RETRY_PAUSE).await;
                if bases.len() > 1 {
                    current = (current + 1) % bases.len();
                    match Browser::new(&bases[current]) {
                        Ok(moved) => browser = moved,
                        Err(failure) => stats.fail(failure),
                    }
                }
            }
        }
    }
    stats
}

async fn ping(browser: &mut Browser, stats: &mut Stats) -> Result<(), Failure> {
    let started = Instant::now();
    let page = browser.get("/ping").await?.expect(200)?;
    if page.body != "pong" {
        return Err(Failure::Content("no pong"));
    }
    stats.ok(PING, started);
    Ok(())
}

/// The petition page; returns its form's CSRF token.
async fn page(browser: &mut Browser, stats: &mut Stats) -> Result<String, Failure> {
    let started = Instant::now();
    let page = shed(browser.get(&format!("/p/{PETITION_ID}")).await?, stats, started).expect(200)?;
    let token = csrf_token(&page.body).ok_or(Failure::Content("no csrf token"))?.to_string();
    stats.ok(PAGE, started);
    Ok(token)
}

/// Page, then the form posted; acknowledged when the server redirects (303).
async fn sign(browser: &mut Browser, stats: &mut Stats, email: String) -> Result<(), Failure> {
    let token = page(browser, stats).await?;
    let fields = [
        ("csrf_token", token.as_str()),
        ("first_name", "Bench"),
        ("last_name", "Mark"),
        ("email", email.as_str()),
        ("phone", ""),
        ("website", ""),
    ];
    let started = Instant::now();
    shed(browser.post_form(&format!("/p/{PETITION_ID}/sign"), &fields).await?, stats, started).expect(303)?;
    stats.ok(SIGN, started);
    stats.operations += 1;
    stats.acknowledged.push(email);
    Ok(())
}

/// Records a 503's latency under `SHED` (it still counts as a failure of its request).
fn shed(page: crate::client::Page, stats: &mut Stats, started: Instant) -> crate::client::Page {
    if page.status == 503 {
        stats.ok(SHED, started);
    }
    page
}

/// The landing page of a mailed link, then its button; acknowledged when the server redirects
/// (303) to the confirmed page, as signing is (the database check then finds it confirmed).
async fn confirm(browser: &mut Browser, stats: &mut Stats, email: &str, path: &str) -> Result<(), Failure> {
    let started = Instant::now();
    let landing = browser.get(path).await?.expect(200)?;
    let token = csrf_token(&landing.body).ok_or(Failure::Content("no confirm button"))?.to_string();
    stats.ok(LANDING, started);
    let started = Instant::now();
    browser.post_form(path, &[("csrf_token", &token)]).await?.expect(303)?;
    stats.ok(CONFIRM, started);
    stats.operations += 1;
    stats.acknowledged.push(email.to_string());
    Ok(())
}

/// A tiny PRNG for the page/sign mix: reproducible, no dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
