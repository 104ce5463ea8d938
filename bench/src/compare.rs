//! Scenarios that compare two runs made one after the other on the same machine, so that both
//! saw the same noise: `durability` (signing with SQLite's `synchronous` at `normal`, then at
//! `full`, the default) and `overload` (signing at `sign`'s connections, then at ten times them,
//! against the server's load shedding, by a crowd that retries at once and by one that waits the
//! `Retry-After`). Each prints a markdown table of the ratios.
use crate::client::Failure;
use crate::report::{Figures, Report};
use crate::scenarios::{self, Kind, Options};
use crate::stats::median;

fn figure(figures: &Figures, name: &str) -> f64 {
    figures.iter().find(|(n, _)| n == name).map_or(f64::NAN, |(_, v)| *v)
}

fn passed(report: &Report) -> bool {
    report.check.as_ref().is_none_or(|c| c.passed())
}

/// `sign` with `synchronous = normal`, then with `full`, `runs` times, alternately.
pub async fn durability(options: &Options, runs: usize) -> Result<bool, String> {
    let mut ok = true;
    let mut rows = Vec::new();
    for run in 1..=runs {
        let mut pair = Vec::new();
        for mode in ["normal", "full"] {
            let mut settings = options.settings.clone();
            settings.push(("RUSTITION_DATABASE__SQLITE_SYNCHRONOUS".into(), mode.into()));
            let options = Options { settings, ..options.clone() };
            let report = scenarios::run_once(Kind::Sign, &options, run).await?;
            println!("-- synchronous = {mode}");
            report.print(run, runs);
            ok &= passed(&report);
            pair.push(report.figures());
        }
        rows.push(pair);
    }
    println!(
        "| run | normal: signatures/s | full: signatures/s | full / normal | normal POST p99 ms | full POST p99 ms | missing |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    for (i, pair) in rows.iter().enumerate() {
        let (normal, full) = (&pair[0], &pair[1]);
        let ratio = figure(full, "signatures/s") / figure(normal, "signatures/s");
        ratios.push(ratio);
        println!(
            "| {} | {:.0} | {:.0} | {ratio:.2} | {:.1} | {:.1} | {} |",
            i + 1,
            figure(normal, "signatures/s"),
            figure(full, "signatures/s"),
            figure(normal, "POST /p/1/sign p99 ms"),
            figure(full, "POST /p/1/sign p99 ms"),
            figure(normal, "missing") + figure(full, "missing"),
        );
    }
    if let Some(m) = median(&ratios) {
        println!("| median | | | **{m:.2}** | | | |");
    }
    Ok(ok)
}

/// `sign` at its connections, then `overload` and `patient` at ten times them, `runs` times, in turn.
pub async fn overload(options: &Options, runs: usize) -> Result<bool, String> {
    let base = options.connections.unwrap_or(Kind::Sign.default_connections()).max(1);
    let mut ok = true;
    let mut rows = Vec::new();
    for run in 1..=runs {
        let normal = Options { connections: Some(base), ..options.clone() };
        let sign = scenarios::run_once(Kind::Sign, &normal, run).await?;
        sign.print(run, runs);
        ok &= passed(&sign);
        let mut crowds = Vec::new();
        // The crowd that retries at once (the worst case), then one that waits as told.
        for kind in [Kind::Overload, Kind::Patient] {
            let crowd = Options { connections: Some(base * 10), ..options.clone() };
            let over = scenarios::run_once(kind, &crowd, run).await?;
            over.print(run, runs);
            ok &= passed(&over);
            // Every acknowledged signature stored, and nothing but 503s among the errors.
            let other_errors: u64 =
                over.failures.iter().filter(|(f, _)| **f != Failure::Status(503)).map(|(_, n)| *n).sum();
            let shed = over.failures.get(&Failure::Status(503)).copied().unwrap_or(0);
            crowds.push((kind.name(), over.figures(), shed, other_errors, over.notes.clone()));
        }
        rows.push((sign.figures(), crowds));
    }
    println!(
        "| run | crowd | connections | signatures/s | vs sign | POST p99 ms (accepted) | GET p99 ms | 503 answers | 503 p99 ms | other errors | peak RSS MiB | missing |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (i, (sign, crowds)) in rows.iter().enumerate() {
        let first = ("sign", sign, base, 0, 0);
        let rest = crowds.iter().map(|(name, f, shed, other, _)| (*name, f, base * 10, *shed, *other));
        for (label, f, conns, shed, other) in std::iter::once(first).chain(rest) {
            println!(
                "| {} | {label} | {conns} | {:.0} | {:.2}× | {:.1} | {:.1} | {shed} | {} | {other} | {:.1} | {:.0} |",
                i + 1,
                figure(f, "signatures/s"),
                figure(f, "signatures/s") / figure(sign, "signatures/s"),
                figure(f, "POST /p/1/sign p99 ms"),
                figure(f, "GET /p/1 p99 ms"),
                match figure(f, "503 turned away p99 ms") {
                    v if v.is_nan() => "–".to_string(),
                    v => format!("{v:.1}"),
                },
                figure(f, "peak RSS MiB"),
                figure(f, "missing"),
            );
        }
    }
    for (i, (_, crowds)) in rows.iter().enumerate() {
        for (name, .., notes) in crowds {
            for note in notes {
                println!("run {} ({name}): {note}", i + 1);
            }
        }
    }
    Ok(ok)
}

/// Two scenarios run alternately `runs` times, and the ratio of `what` (second / first) in
/// each pair, with its median: how two things compare on a machine whose speed drifts from one
/// minute to the next (both halves of a pair saw the same drift).
async fn pairs(
    (first, first_options, first_label): (Kind, &Options, &str),
    (second, second_options, second_label): (Kind, &Options, &str),
    what: &str,
    runs: usize,
) -> Result<bool, String> {
    let mut ok = true;
    let mut rows = Vec::new();
    for run in 1..=runs {
        let a = scenarios::run_once(first, first_options, run).await?;
        println!("-- {first_label}");
        a.print(run, runs);
        let b = scenarios::run_once(second, second_options, run).await?;
        println!("-- {second_label}");
        b.print(run, runs);
        ok &= passed(&a) && passed(&b) && figure(&a.figures(), what) > 0.0 && figure(&b.figures(), what) > 0.0;
        rows.push((figure(&a.figures(), what), figure(&b.figures(), what)));
    }
    println!("| run | {first_label}: {what} | {second_label}: {what} | {second_label} / {first_label} |");
    println!("|---|---:|---:|---:|");
    let mut ratios = Vec::new();
    for (i, (a, b)) in rows.iter().enumerate() {
        ratios.push(b / a);
        println!("| {} | {a:.0} | {b:.0} | {:.2} |", i + 1, b / a);
    }
    if let Some(m) = median(&ratios) {
        println!("| median | | | **{m:.2}** |");
    }
    Ok(ok)
}

/// `hello` then `page` (on `--database` when given), alternately: the page against the bare
/// server's ceiling.
pub async fn ceiling(options: &Options, runs: usize) -> Result<bool, String> {
    pairs((Kind::Hello, options, "hello"), (Kind::Page, options, "page"), "requests/s", runs).await
}

/// `sign` on a fresh SQLite file, then on `--database` (PostgreSQL), alternately.
pub async fn backends(options: &Options, runs: usize) -> Result<bool, String> {
    if options.database.is_none() {
        return Err("backends compares SQLite with --database postgres://…".into());
    }
    let sqlite = Options { database: None, ..options.clone() };
    pairs((Kind::Sign, &sqlite, "SQLite"), (Kind::Sign, options, "PostgreSQL"), "signatures/s", runs).await
}
