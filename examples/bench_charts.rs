//! Native timing of building and drawing the scenario charts (the work a driver change adds).
//! `cargo run --release --example bench_charts`
use std::time::Instant;

use iij_explorer::charts::{self, data};
use iij_explorer::i18n::Lang;
use iij_explorer::model::scenario::{preset, project, Base, Plan, Preset};
use iij_explorer::model::Dataset;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn main() {
    let ds = Dataset::bundled().expect("dataset");
    let base = Base::from_dataset(&ds).expect("base");
    let plan = Plan::from_dataset(&ds).expect("plan");
    let s = preset(Preset::CompanyPlan, &base, &plan).expect("preset");
    let years = project(&base, &s).expect("projection");
    let targets = (plan.target_revenue, plan.target_operating_income);
    let (mut build, mut draw, mut bytes) = (Vec::new(), Vec::new(), 0);
    for _ in 0..500 {
        let t0 = Instant::now();
        let p = data::projection(Lang::En, &ds, &years, targets, 2, None).expect("projection chart");
        let b = data::bridge(Lang::En, &base, &s.years[0], &years[0], "scenario").expect("bridge chart");
        let t1 = Instant::now();
        let svg = charts::render(&p, 640, "p").expect("draw") + &charts::render(&b, 640, "b").expect("draw");
        let t2 = Instant::now();
        bytes = svg.len();
        build.push((t1 - t0).as_secs_f64() * 1e3);
        draw.push((t2 - t1).as_secs_f64() * 1e3);
    }
    println!("projection + bridge: build p50 {:.3} ms, draw p50 {:.3} ms, {bytes} bytes of SVG (500 runs)", median(build), median(draw));
}
