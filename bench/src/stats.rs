//! What the virtual users count: latencies per request kind (exact, every sample kept: a run
//! makes at most a few million), failures by kind, and the signatures the server acknowledged.
use std::collections::BTreeMap;
use std::time::Instant;

use crate::client::Failure;

#[derive(Debug, Default)]
pub struct Stats {
    /// Microseconds per successful request, by request label (`GET /p/1`, …).
    pub latencies: BTreeMap<&'static str, Vec<u32>>,
    pub failures: BTreeMap<Failure, u64>,
    /// Operations that completed: signatures acknowledged, confirmations shown.
    pub operations: u64,
    /// E-mail addresses whose signature (or confirmation) the server acknowledged.
    pub acknowledged: Vec<String>,
}

impl Stats {
    /// A successful request of kind `label` that started at `started`.
    pub fn ok(&mut self, label: &'static str, started: Instant) {
        let micros = u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX);
        self.latencies.entry(label).or_default().push(micros);
    }

    pub fn fail(&mut self, failure: Failure) {
        *self.failures.entry(failure).or_default() += 1;
    }

    pub fn merge(&mut self, other: Stats) {
        for (label, mut samples) in other.latencies {
            self.latencies.entry(label).or_default().append(&mut samples);
        }
        for (failure, n) in other.failures {
            *self.failures.entry(failure).or_default() += n;
        }
        self.operations += other.operations;
        self.acknowledged.extend(other.acknowledged);
    }

    pub fn successful_requests(&self) -> u64 {
        self.latencies.values().map(|v| v.len() as u64).sum()
    }
}

/// Latency figures of one set of samples, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

impl Summary {
    pub fn of(samples: &[u32]) -> Summary {
        let mut sorted = samples.to_vec();
        sorted.sort_unstable();
        let ms = |micros: Option<&u32>| micros.map_or(0.0, |&m| f64::from(m) / 1000.0);
        Summary {
            count: sorted.len(),
            p50: ms(percentile(&sorted, 50.0)),
            p99: ms(percentile(&sorted, 99.0)),
            max: ms(sorted.last()),
        }
    }
}

/// Nearest-rank percentile of sorted samples.
pub fn percentile(sorted: &[u32], pct: f64) -> Option<&u32> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (pct / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1)
}

/// The median of several runs' figures (the mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 { v[mid] } else { (v[mid - 1] + v[mid]) / 2.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<u32> = (1..=100).collect();
        assert_eq!(percentile(&samples, 50.0), Some(&50));
        assert_eq!(percentile(&samples, 99.0), Some(&99));
        assert_eq!(percentile(&samples, 100.0), Some(&100));
        assert_eq!(percentile(&[5], 99.0), Some(&5));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn summary_in_milliseconds() {
        let s = Summary::of(&[3000, 1000, 2000]);
        assert_eq!((s.count, s.p50, s.p99, s.max), (3, 2.0, 3.0, 3.0));
    }

    #[test]
    fn merging_adds_up() {
        let mut a = Stats::default();
        a.latencies.insert("GET /ping", vec![1, 2]);
        a.fail(Failure::Connect);
        let mut b = Stats::default();
        b.latencies.insert("GET /ping", vec![3]);
        b.fail(Failure::Connect);
        b.fail(Failure::Status(500));
        b.operations = 2;
        b.acknowledged.push("x@example.org".into());
        a.merge(b);
        assert_eq!(a.successful_requests(), 3);
        assert_eq!(a.failures[&Failure::Connect], 2);
        assert_eq!(a.failures[&Failure::Status(500)], 1);
        assert_eq!((a.operations, a.acknowledged.len()), (2, 1));
    }
}
