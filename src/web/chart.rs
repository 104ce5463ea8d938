//! The daily signatures chart as SVG geometry: stacked bars (confirmed below, pending above)
//! that the `dashboard/chart.html` template draws, for a petition's statistics and the
//! instance's. No script; the numbers are also in a table.
use serde::Serialize;

use crate::domain::petition::stats::Stats;

pub const WIDTH: f64 = 720.0;
pub const HEIGHT: f64 = 240.0;
/// Room for the axis labels.
const LEFT: f64 = 48.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

#[derive(Debug, Serialize)]
pub struct Bar {
    pub x: f64,
    pub width: f64,
    pub confirmed_y: f64,
    pub confirmed_height: f64,
    pub pending_y: f64,
    pub pending_height: f64,
    pub date: String,
    pub confirmed: i64,
    pub pending: i64,
}

#[derive(Debug, Serialize)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub baseline: f64,
    pub top: f64,
    pub max: i64,
    pub bars: Vec<Bar>,
    pub first_date: String,
    pub last_date: String,
}

/// Rounds to one decimal, so the SVG stays small and diffable.
fn r(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

pub fn chart(stats: &Stats) -> Chart {
    let max = stats.days.iter().map(|d| d.confirmed + d.pending).max().unwrap_or(0).max(1);
    let baseline = HEIGHT - BOTTOM;
    let plot_height = baseline - TOP;
    let n = stats.days.len().max(1) as f64;
    let slot = (WIDTH - LEFT) / n;
    let width = (slot * 0.8).max(0.5);
    let scale = plot_height / max as f64;
    let bars = stats
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let confirmed_height = d.confirmed as f64 * scale;
            let pending_height = d.pending as f64 * scale;
            Bar {
                x: r(LEFT + i as f64 * slot + (slot - width) / 2.0),
                width: r(width),
                confirmed_y: r(baseline - confirmed_height),
                confirmed_height: r(confirmed_height),
                pending_y: r(baseline - confirmed_height - pending_height),
                pending_height: r(pending_height),
                date: d.date.to_string(),
                confirmed: d.confirmed,
                pending: d.pending,
            }
        })
        .collect();
    let date = |d: Option<&crate::domain::petition::stats::Day>| d.map(|d| d.date.to_string()).unwrap_or_default();
    Chart {
        width: WIDTH,
        height: HEIGHT,
        left: LEFT,
        baseline,
        top: TOP,
        max,
        bars,
        first_date: date(stats.days.first()),
        last_date: date(stats.days.last()),
    }
}
