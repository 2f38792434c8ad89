//! Native timings of the scenario engine, medians over repeated runs:
//! `cargo run --release --example bench_scenario`.
use std::time::{Duration, Instant};

use iij_explorer::model::monte_carlo::{run, Settings};
use iij_explorer::model::scenario::{goal_seek, preset, project, Base, Lever, Metric, Plan, Preset};
use iij_explorer::model::Dataset;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    median((0..runs).map(|_| { let t = Instant::now(); f(); t.elapsed() }).collect())
}

fn main() {
    let ds = Dataset::bundled().expect("dataset");
    let (base, plan) = (Base::from_dataset(&ds).expect("base"), Plan::from_dataset(&ds).expect("plan"));
    let s = preset(Preset::CompanyPlan, &base, &plan).expect("preset");
    let targets = (plan.target_revenue, plan.target_operating_income);
    println!("projection (5 years):        {:?} median of 2000", time(2000, || { std::hint::black_box(project(&base, &s).ok()); }));
    println!("goal seek (growth, FY2010):  {:?} median of 50", time(50, || { std::hint::black_box(goal_seek(&base, &s, Lever::UniformGrowth { from: 1 }, Metric::Revenue, 2, plan.target_revenue).ok()); }));
    println!("target-met preset:           {:?} median of 50", time(50, || { std::hint::black_box(preset(Preset::TargetMet, &base, &plan).ok()); }));
    println!("Monte Carlo, 10,000 paths:   {:?} median of 21", time(21, || { std::hint::black_box(run(&base, &s, targets, Settings::default()).ok()); }));
}
