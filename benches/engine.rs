//! Native benchmark of the engine: medians over repeated runs of the projection, goal seek,
//! the target-met preset (two goal seeks), 10,000 Monte Carlo paths, the sensitivity grid,
//! the ratio catalogue and drawing the scenario charts. A small harness (std::time, medians,
//! warm-up) rather than criterion, to keep the test command's compile time down; run by
//! `cargo bench --bench engine` in scripts/test.sh. Writes target/bench-native.json and fails
//! when a figure exceeds its budget (the browser budgets, which the native figures must
//! clear by a wide margin).
use std::time::{Duration, Instant};

use iij_explorer::charts::{self, data};
use iij_explorer::i18n::Lang;
use iij_explorer::model::monte_carlo::{run, Settings};
use iij_explorer::model::ratios::{compute, CATALOGUE};
use iij_explorer::model::scenario::{goal_seek, preset, project, sensitivity, steps, Base, Lever, Metric, Plan, Preset};
use iij_explorer::model::Dataset;
use rust_decimal::Decimal;

/// Median of `runs` timed calls, after `runs / 10 + 1` untimed warm-up calls.
fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    for _ in 0..runs / 10 + 1 {
        f();
    }
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let ds = Dataset::bundled().expect("dataset");
    let (base, plan) = (Base::from_dataset(&ds).expect("base"), Plan::from_dataset(&ds).expect("plan"));
    let s = preset(Preset::CompanyPlan, &base, &plan).expect("preset");
    let targets = (plan.target_revenue, plan.target_operating_income);
    let years = project(&base, &s).expect("projection");
    let g = steps(Decimal::ZERO, Decimal::from(20), 11).expect("steps");
    let m = steps(Decimal::from(4), Decimal::from(14), 11).expect("steps");
    // (name, median, budget)
    let rows: Vec<(&str, Duration, Duration)> = vec![
        ("projection, 5 years", time(2000, || { std::hint::black_box(project(&base, &s).ok()); }), Duration::from_millis(1)),
        ("goal seek, growth for FY2010 revenues", time(50, || { std::hint::black_box(goal_seek(&base, &s, Lever::UniformGrowth { from: 1 }, Metric::Revenue, 2, plan.target_revenue).ok()); }), Duration::from_millis(16)),
        ("target-met preset (two goal seeks)", time(50, || { std::hint::black_box(preset(Preset::TargetMet, &base, &plan).ok()); }), Duration::from_millis(16)),
        ("Monte Carlo, 10,000 paths", time(21, || { std::hint::black_box(run(&base, &s, targets, Settings::default()).ok()); }), Duration::from_millis(300)),
        ("sensitivity grid, 11 x 11", time(50, || { std::hint::black_box(sensitivity(&base, &s, (Lever::UniformGrowth { from: 0 }, &g), (Lever::OperatingMargin { from: 0 }, &m), Metric::OperatingIncome, 2).ok()); }), Duration::from_millis(100)),
        ("ratio catalogue, 76 ratios", time(50, || { for r in CATALOGUE { std::hint::black_box(compute(&ds, r)); } }), Duration::from_millis(16)),
        ("projection and bridge charts, built and drawn", time(200, || {
            let p = data::projection(Lang::En, &ds, &years, targets, 2, None).expect("chart");
            let b = data::bridge(Lang::En, &base, &s.years[0], &years[0], "scenario").expect("chart");
            std::hint::black_box((charts::render(&p, 640, "p").ok(), charts::render(&b, 640, "b").ok()));
        }), Duration::from_millis(16)),
    ];
    let mut json = String::from("{\n");
    let mut over = Vec::new();
    for (i, (name, median, budget)) in rows.iter().enumerate() {
        println!("{name:<48} {:>12.3} µs median   (budget {:?})", median.as_secs_f64() * 1e6, budget);
        json.push_str(&format!("  \"{name}\": {{ \"median_us\": {:.3}, \"budget_us\": {} }}{}\n", median.as_secs_f64() * 1e6, budget.as_micros(), if i + 1 < rows.len() { "," } else { "" }));
        if median > budget {
            over.push(*name);
        }
    }
    json.push_str("}\n");
    let _ = std::fs::create_dir_all("target");
    let _ = std::fs::write("target/bench-native.json", json);
    assert!(over.is_empty(), "over budget: {over:?}");
}
