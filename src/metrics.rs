//! What `/metrics` reports, in Prometheus' text format. Counters and the latency histogram live
//! in memory, in a registry each app owns (tests run many apps in one process, each counting its
//! own); the mail queue's depth and lag are read from the database at scrape time, a few index
//! ranges, so that every process reports the one shared queue.
//!
//! Requests are labelled by the pattern of the route that answered (`/p/<id>/confirm/<token>`),
//! never by the path: paths carry tokens, and patterns keep the number of series bounded.
use std::sync::Arc;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use sea_orm::{ConnectionTrait, DbErr};
use std::sync::atomic::AtomicU64;

use crate::domain::signature::counting::LastRefresh;
use crate::domain::signature::signatures::SignOutcome;
use crate::mail::queue;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: &'static str,
}

type Seconds = Gauge<f64, AtomicU64>;

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    signatures: Family<OutcomeLabels, Counter>,
    confirmations: Counter,
    mail_jobs: Family<StatusLabels, Gauge>,
    mail_oldest_due: Seconds,
    count_lag: Seconds,
    /// Written by this process's count batch (`counting::run`).
    pub last_count: Arc<LastRefresh>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("rustition");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "Requests answered, by method, route pattern and status", requests.clone());
        // 1 ms to about 16 s.
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(0.001, 2.0, 15))
        });
        registry.register("http_request_duration_seconds", "Time to answer, by method and route", latency.clone());
        let signatures = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "signatures",
            "Signatures taken by the sign forms, by outcome (mail_queued, already_mailed, already_confirmed)",
            signatures.clone(),
        );
        let confirmations = Counter::default();
        registry.register("confirmations", "Signatures confirmed from their mail's link", confirmations.clone());
        let mail_jobs = Family::<StatusLabels, Gauge>::default();
        registry.register(
            "mail_jobs",
            "Mail jobs queued, being sent and failed (read at scrape time)",
            mail_jobs.clone(),
        );
        let mail_oldest_due = Seconds::default();
        registry.register(
            "mail_oldest_due_seconds",
            "How long the mail due longest has waited past its due time (0: none waits)",
            mail_oldest_due.clone(),
        );
        let count_lag = Seconds::default();
        registry.register(
            "count_lag_seconds",
            "Seconds since this process last refreshed the public counts (absent where another process counts)",
            count_lag.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            signatures,
            confirmations,
            mail_jobs,
            mail_oldest_due,
            count_lag,
            last_count: Arc::default(),
        }
    }

    /// One answered request; `route` is the pattern that matched, `-` when none did.
    pub fn request(&self, method: &'static str, route: &str, status: u16, elapsed: Duration) {
        let route = route.to_string();
        self.requests.get_or_create(&RequestLabels { method, route: route.clone(), status }).inc();
        self.latency.get_or_create(&RouteLabels { method, route }).observe(elapsed.as_secs_f64());
    }

    pub fn signed(&self, outcome: &SignOutcome) {
        let outcome = match outcome {
            SignOutcome::MailQueued => "mail_queued",
            SignOutcome::AlreadyMailed => "already_mailed",
            SignOutcome::AlreadyConfirmed => "already_confirmed",
        };
        self.signatures.get_or_create(&OutcomeLabels { outcome }).inc();
    }

    pub fn confirmed(&self) {
        self.confirmations.inc();
    }

    /// The text a scrape receives, with the queue's figures read now.
    pub async fn render(&self, db: &impl ConnectionTrait) -> Result<String, DbErr> {
        let now = crate::domain::now();
        for (status, n) in queue::depths(db).await? {
            self.mail_jobs.get_or_create(&StatusLabels { status }).set(n);
        }
        self.mail_oldest_due.set(seconds(queue::oldest_due_age(db, now).await?));
        let lag = self.last_count.get().map(|at| seconds(now - at));
        self.count_lag.set(lag.unwrap_or(0.0));
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)
            .map_err(|e| DbErr::Custom(format!("cannot encode the metrics: {e}")))?;
        // The lag exists only where this process counts; elsewhere its lines are left out.
        if lag.is_none() {
            text = without_metric(&text, "rustition_count_lag_seconds");
        }
        Ok(text)
    }
}

fn seconds(d: chrono::Duration) -> f64 {
    d.num_milliseconds().max(0) as f64 / 1000.0
}

/// `text` without the lines of metric `name` (its HELP, TYPE and samples).
fn without_metric(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let sample = line.strip_prefix(name).is_some_and(|rest| rest.starts_with([' ', '{']));
        let meta = [format!("# HELP {name} "), format!("# TYPE {name} "), format!("# UNIT {name} ")];
        if !sample && !meta.iter().any(|m| line.starts_with(m.as_str())) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_metric_left_out_loses_its_help_type_and_samples_and_nothing_else() {
        let text = "# HELP a_lag x\n# TYPE a_lag gauge\na_lag 1.0\n# HELP a_lag_more y\na_lag_more 2\n# EOF\n";
        assert_eq!(without_metric(text, "a_lag"), "# HELP a_lag_more y\na_lag_more 2\n# EOF\n");
    }
}
