//! What a run found, printed for people (one block per run), as named figures (so several runs
//! reduce to medians), and as markdown tables for docs/benchmarks.md.
use std::collections::BTreeMap;
use std::time::Duration;

use crate::check::Check;
use crate::client::Failure;
use crate::stats::{Stats, Summary, median};

const ALL: &str = "all requests";

#[derive(Debug)]
pub struct Report {
    pub scenario: &'static str,
    pub connections: usize,
    pub elapsed: Duration,
    pub requests: u64,
    /// `("signatures", n)` or `("confirmations", n)` for the scenarios that write.
    pub operations: Option<(&'static str, u64)>,
    /// Per request kind, then all requests together.
    pub latency: Vec<(&'static str, Summary)>,
    pub failures: BTreeMap<Failure, u64>,
    pub peak_rss_kib: Option<u64>,
    /// CPU seconds used during the measured phase, by the server and by this harness.
    pub server_cpu: Option<f64>,
    pub client_cpu: Option<f64>,
    pub check: Option<Check>,
    /// Crash scenario: from SIGKILL to /ping answering again.
    pub restart: Option<Duration>,
    /// Lines the server logged at warn level or above.
    pub server_log: Vec<String>,
    pub notes: Vec<String>,
    /// Confirm scenario: the longest the page's count stayed behind the database.
    pub count_lag: Option<Duration>,
}

impl Report {
    pub fn new(scenario: &'static str, connections: usize, elapsed: Duration, stats: &Stats) -> Report {
        let mut latency: Vec<(&'static str, Summary)> =
            stats.latencies.iter().map(|(label, samples)| (*label, Summary::of(samples))).collect();
        if latency.len() > 1 {
            let all: Vec<u32> = stats.latencies.values().flatten().copied().collect();
            latency.push((ALL, Summary::of(&all)));
        }
        Report {
            scenario,
            connections,
            elapsed,
            requests: stats.successful_requests(),
            operations: None,
            latency,
            failures: stats.failures.clone(),
            peak_rss_kib: None,
            server_cpu: None,
            client_cpu: None,
            check: None,
            restart: None,
            server_log: Vec::new(),
            notes: Vec::new(),
            count_lag: None,
        }
    }

    fn per_second(&self, n: u64) -> f64 {
        n as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Every figure by name, in print order; several runs are reduced figure by figure.
    pub fn figures(&self) -> Figures {
        let mut f = vec![("requests/s".to_string(), self.per_second(self.requests))];
        if let Some((what, n)) = self.operations {
            f.push((format!("{what}/s"), self.per_second(n)));
        }
        for (label, s) in &self.latency {
            f.push((format!("{label} p50 ms"), s.p50));
            f.push((format!("{label} p99 ms"), s.p99));
            f.push((format!("{label} max ms"), s.max));
        }
        f.push(("errors".into(), self.failures.values().sum::<u64>() as f64));
        if let Some(kib) = self.peak_rss_kib {
            f.push(("peak RSS MiB".into(), kib as f64 / 1024.0));
        }
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        if let Some(cpu) = self.server_cpu {
            f.push(("server CPU %".into(), cpu / secs * 100.0));
        }
        if let Some(cpu) = self.client_cpu {
            f.push(("client CPU %".into(), cpu / secs * 100.0));
        }
        if let Some(c) = &self.check {
            f.push(("acknowledged".into(), c.acknowledged as f64));
            f.push(("missing".into(), c.missing() as f64));
            f.push(("without mail".into(), c.without_mail() as f64));
        }
        if let Some(restart) = self.restart {
            f.push(("serving again after ms".into(), restart.as_secs_f64() * 1000.0));
        }
        f
    }

    pub fn print(&self, run: usize, runs: usize) {
        let of = if runs > 1 { format!(" (run {run}/{runs})") } else { String::new() };
        println!("== {}{of}: {:.1} s, {} connections", self.scenario, self.elapsed.as_secs_f64(), self.connections);
        println!("requests/s      {:.1}  ({} successful requests)", self.per_second(self.requests), self.requests);
        if let Some((what, n)) = self.operations {
            println!("{:<15} {:.1}  ({n})", format!("{what}/s"), self.per_second(n));
        }
        for (label, s) in &self.latency {
            println!(
                "  {label:<22} p50 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms  (n={})",
                s.p50, s.p99, s.max, s.count
            );
        }
        let errors: Vec<String> = self.failures.iter().map(|(f, n)| format!("{f}: {n}")).collect();
        println!("errors          {}", if errors.is_empty() { "none".to_string() } else { errors.join(", ") });
        if let Some(kib) = self.peak_rss_kib {
            println!("peak RSS        {:.1} MiB (server VmHWM)", kib as f64 / 1024.0);
        }
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        if let (Some(server), Some(client)) = (self.server_cpu, self.client_cpu) {
            let (server, client) = (server / secs * 100.0, client / secs * 100.0);
            println!("CPU             server {server:.0}%, load client {client:.0}% (100% = one core)");
        }
        if let Some(c) = &self.check {
            let what = if c.confirmations { "confirmations: signatures with confirmed_at set" } else { "signatures" };
            println!("database check  {what}");
            println!("acknowledged {}, stored {}, missing {}", c.acknowledged, c.stored, c.missing());
            println!(
                "mail_queue rows for {} of {} acknowledged addresses, without a row {}",
                c.with_mail,
                c.acknowledged,
                c.without_mail()
            );
        }
        if let Some(restart) = self.restart {
            println!("serving again after {} ms", restart.as_millis());
        }
        match self.server_log.len() {
            0 => println!("server log      no warnings"),
            n => {
                println!("server log      {n} warning/error lines:");
                for (count, message) in group_log_lines(&self.server_log).iter().take(5) {
                    println!("    {count}× {message}");
                }
            }
        }
        for note in &self.notes {
            println!("note: {note}");
        }
        println!();
    }
}

/// Log lines without their timestamp, counted and most frequent first.
fn group_log_lines(lines: &[String]) -> Vec<(usize, &str)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for line in lines {
        let message = line.split_once(' ').map_or(line.as_str(), |(_, rest)| rest.trim_start());
        *counts.entry(message).or_default() += 1;
    }
    let mut grouped: Vec<(usize, &str)> = counts.into_iter().map(|(m, n)| (n, m)).collect();
    grouped.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    grouped
}

/// Median of each figure over runs, in the first run's order.
pub fn medians(reports: &[Report]) -> Figures {
    let Some(first) = reports.first() else { return Vec::new() };
    let all: Vec<Figures> = reports.iter().map(Report::figures).collect();
    first
        .figures()
        .into_iter()
        .filter_map(|(name, _)| {
            let values: Vec<f64> =
                all.iter().filter_map(|f| f.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)).collect();
            median(&values).map(|m| (name, m))
        })
        .collect()
}

pub fn print_medians(scenario: &str, figures: &[(String, f64)], runs: usize) {
    println!("== {scenario}: median of {runs} runs");
    for (name, value) in figures {
        println!("  {name:<34} {}", format_figure(name, *value));
    }
    println!();
}

fn format_figure(name: &str, value: f64) -> String {
    if name.ends_with(" ms") {
        format!("{value:.2}")
    } else if name.ends_with("/s") || name.ends_with("MiB") {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    }
}

fn get(figures: &[(String, f64)], name: &str) -> Option<f64> {
    figures.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

/// Named figures, in print order.
pub type Figures = Vec<(String, f64)>;

/// One scenario's medians, as a row of the summary table.
pub struct Row {
    pub scenario: &'static str,
    pub connections: usize,
    pub figures: Figures,
}

/// One row per scenario (medians), then per-request latencies, as markdown.
pub fn markdown_tables(rows: &[Row]) -> String {
    let hello = rows.iter().find(|r| r.scenario == "hello").and_then(|r| get(&r.figures, "requests/s"));
    let cell = |v: Option<f64>, decimals: usize| v.map_or("–".to_string(), |v| format!("{v:.decimals$}"));
    let mut out = String::from(
        "| scenario | connections | requests/s | vs hello | signatures or confirmations/s | p50 ms | p99 ms | max ms \
         | errors | peak RSS MiB | server CPU % | acknowledged | missing |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for Row { scenario, connections, figures: f } in rows {
        let rps = get(f, "requests/s");
        let ops = get(f, "signatures/s").or_else(|| get(f, "confirmations/s"));
        let overall = |what: &str| get(f, &format!("{ALL} {what}")).or_else(|| single_latency(f, what));
        let ratio = match (rps, hello) {
            (Some(r), Some(h)) if h > 0.0 => format!("{:.2}×", r / h),
            _ => "–".into(),
        };
        out.push_str(&format!(
            "| {scenario} | {connections} | {} | {ratio} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            cell(rps, 0),
            cell(ops, 0),
            cell(overall("p50 ms"), 2),
            cell(overall("p99 ms"), 2),
            cell(overall("max ms"), 1),
            cell(get(f, "errors"), 0),
            cell(get(f, "peak RSS MiB"), 1),
            cell(get(f, "server CPU %"), 0),
            cell(get(f, "acknowledged"), 0),
            cell(get(f, "missing"), 0),
        ));
    }
    out.push_str("\n| scenario | request | p50 ms | p99 ms | max ms |\n|---|---|---:|---:|---:|\n");
    for Row { scenario, figures: f, .. } in rows {
        for (name, p50) in f.iter().filter(|(n, _)| n.ends_with(" p50 ms") && !n.starts_with(ALL)) {
            let label = name.trim_end_matches(" p50 ms");
            out.push_str(&format!(
                "| {scenario} | `{label}` | {p50:.2} | {} | {} |\n",
                cell(get(f, &format!("{label} p99 ms")), 2),
                cell(get(f, &format!("{label} max ms")), 1),
            ));
        }
    }
    out
}

/// For scenarios with one request kind, its latency stands for all requests.
fn single_latency(figures: &[(String, f64)], what: &str) -> Option<f64> {
    let matching: Vec<f64> = figures.iter().filter(|(n, _)| n.ends_with(&format!(" {what}"))).map(|f| f.1).collect();
    (matching.len() == 1).then(|| matching[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(rps_requests: u64, p50_us: u32) -> Report {
        let mut stats = Stats::default();
        stats.latencies.insert("GET /ping", vec![p50_us; rps_requests as usize]);
        Report::new("hello", 4, Duration::from_secs(1), &stats)
    }

    #[test]
    fn log_lines_are_grouped_without_timestamps() {
        let lines: Vec<String> =
            ["2026-01-01T00:00:01Z ERROR a", "2026-01-01T00:00:02Z ERROR a", "2026-01-01T00:00:03Z WARN b"]
                .map(String::from)
                .to_vec();
        assert_eq!(group_log_lines(&lines), vec![(2, "ERROR a"), (1, "WARN b")]);
    }

    #[test]
    fn medians_are_taken_figure_by_figure() {
        let reports = [report(100, 1000), report(300, 3000), report(200, 2000)];
        let m = medians(&reports);
        assert_eq!(get(&m, "requests/s"), Some(200.0));
        assert_eq!(get(&m, "GET /ping p50 ms"), Some(2.0));
        assert_eq!(get(&m, "errors"), Some(0.0));
    }

    #[test]
    fn table_compares_with_hello() {
        let hello = medians(&[report(1000, 500)]);
        let mut page = medians(&[report(250, 4000)]);
        page.push(("signatures/s".into(), 12.0));
        let rows = [
            Row { scenario: "hello", connections: 32, figures: hello },
            Row { scenario: "page", connections: 32, figures: page },
        ];
        let table = markdown_tables(&rows);
        assert!(table.contains("| hello | 32 | 1000 | 1.00× | – | 0.50 |"), "{table}");
        assert!(table.contains("| page | 32 | 250 | 0.25× | 12 | 4.00 |"), "{table}");
        assert!(table.contains("| page | `GET /ping` | 4.00 |"), "{table}");
    }
}
