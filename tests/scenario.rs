//! Host tests of the scenario engine. Expected values were computed independently with
//! Python's `decimal` module (40 digits) from the inputs stated in each test.
#![cfg(not(target_arch = "wasm32"))]

use std::str::FromStr;

use iij_explorer::model::scenario::{
    self, decode, encode, goal_seek, preset, project, sensitivity, steps, Base, Driver, Lever, Metric, Plan, Preset, Presets, Scenario, ScenarioError,
    YearDrivers, YEARS,
};
use iij_explorer::model::Dataset;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn setup() -> (Base, Plan) {
    let ds = Dataset::bundled().unwrap();
    (Base::from_dataset(&ds).unwrap(), Plan::from_dataset(&ds).unwrap())
}

fn billions(x: Decimal) -> Decimal {
    x / d("1000000000")
}

#[test]
fn it_can_reproduce_the_fy2008_forecast_with_the_company_plan() {
    let (base, plan) = setup();
    let s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    let y = project(&base, &s).unwrap()[0];
    // The presentation's forecast, JPY billion printed to 0.1: within ±0.05 of each.
    for (got, printed) in [(y.total_revenue, "78.5"), (y.operating_income, "5.2"), (y.pretax, "4.7"), (y.net_income, "5.2")] {
        assert!((billions(got) - d(printed)).abs() <= d("0.05"), "{} against {printed}", billions(got));
    }
    // EPS: 5.2 billion / 206,478 shares = JPY 25,184.2, printed JPY 25,184.
    assert_eq!(y.eps.round(), d("25184"));
    assert_eq!(y.dps, d("2000"));
}

#[test]
fn it_can_project_a_simple_scenario_as_computed_by_hand() {
    let (base, _) = setup();
    let year = YearDrivers {
        growth: [d("10"); 3],
        gross_margin: [d("20"); 3],
        opex: [d("5"), d("5"), d("0")],
        other_income: d("-500000000"),
        tax_rate: d("40"),
        minority_and_equity: Decimal::ZERO,
        shares: d("200000"),
        dps: d("1000"),
    };
    let r = project(&base, &Scenario { years: [year; 5] }).unwrap();
    // From 66,835,299 thousand growing 10% a year; 20% gross margin, 10% opex, -0.5 billion
    // other, 40% tax, 200,000 shares (Python decimal).
    let expected = [
        ("73518828900", "7351882890", "4111129734", "20555.6487", "4.8648"),
        ("80870711790", "8087071179", "4552242707.4", "22761.2135", "4.3934"),
        ("88957782969", "8895778296.9", "5037466978.14", "25187.3349", "3.9702"),
        ("97853561265.9", "9785356126.59", "5571213675.954", "27856.0684", "3.5899"),
        ("107638917392.49", "10763891739.249", "6158335043.5494", "30791.6752", "3.2476"),
    ];
    for (y, (rev, oi, ni, eps, payout)) in r.iter().zip(expected) {
        assert_eq!(y.total_revenue, d(rev), "revenue FY{}", y.year);
        assert_eq!(y.operating_income, d(oi), "operating income FY{}", y.year);
        assert_eq!(y.net_income, d(ni), "net income FY{}", y.year);
        assert_eq!(y.eps.round_dp(4), d(eps), "EPS FY{}", y.year);
        assert_eq!(y.payout.unwrap().round_dp(4), d(payout), "payout FY{}", y.year);
        assert_eq!(y.operating_margin, d("10"));
    }
}

#[test]
fn it_can_solve_a_target_by_goal_seek() {
    let (base, plan) = setup();
    let s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    // Growth from FY2009 so that FY2010 revenue reaches 100 billion from the forecast's 78.5:
    // (100 / 78.5)^(1/2) - 1 = 12.8665296% (Python decimal).
    let r = goal_seek(&base, &s, Lever::UniformGrowth { from: 1 }, Metric::Revenue, 2, plan.target_revenue).unwrap();
    let g = r.value.unwrap();
    assert_eq!(g.round_dp(3), d("12.867"));
    let mut t = s;
    Lever::UniformGrowth { from: 1 }.apply(&base, &mut t, g).unwrap();
    assert!(project(&base, &t).unwrap()[2].total_revenue >= plan.target_revenue);
    // Just below the answer the target is missed.
    Lever::UniformGrowth { from: 1 }.apply(&base, &mut t, g - d("0.001")).unwrap();
    assert!(project(&base, &t).unwrap()[2].total_revenue < plan.target_revenue);
    // An impossible target says so, with the best case.
    let none = goal_seek(&base, &s, Lever::SegmentGrossMargin(2), Metric::OperatingIncome, 2, d("1000000000000")).unwrap();
    assert_eq!(none.value, None);
    assert!(none.best < d("1000000000000"));
}

#[test]
fn it_can_meet_both_targets_with_the_target_met_preset() {
    let (base, plan) = setup();
    let s = preset(Preset::TargetMet, &base, &plan).unwrap();
    let r = project(&base, &s).unwrap();
    let fy2010 = r[2];
    assert_eq!(fy2010.year, 2010);
    assert!(fy2010.total_revenue >= plan.target_revenue);
    assert!(fy2010.operating_income >= plan.target_operating_income);
    // Met, not overshot: within 0.01% of each target.
    assert!(fy2010.total_revenue <= plan.target_revenue * d("1.0001"));
    assert!(fy2010.operating_income <= plan.target_operating_income * d("1.0001"));
    // FY2008 is still the forecast.
    assert!((billions(r[0].total_revenue) - d("78.5")).abs() <= d("0.05"));
}

#[test]
fn it_can_build_a_sensitivity_grid_whose_corners_match_direct_runs() {
    let (base, plan) = setup();
    let s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    let growth = steps(d("0"), d("20"), 11).unwrap();
    let margin = steps(d("4"), d("14"), 11).unwrap();
    assert_eq!(growth.len(), 11);
    assert_eq!(growth[5], d("10"));
    let (gl, ml) = (Lever::UniformGrowth { from: 1 }, Lever::OperatingMargin { from: 1 });
    let grid = sensitivity(&base, &s, (gl, &growth), (ml, &margin), Metric::OperatingIncome, 2).unwrap();
    for (ri, ci) in [(0, 0), (0, 10), (10, 0), (10, 10)] {
        let mut t = s;
        gl.apply(&base, &mut t, growth[ri]).unwrap();
        ml.apply(&base, &mut t, margin[ci]).unwrap();
        assert_eq!(grid.cells[ri][ci], project(&base, &t).unwrap()[2].operating_income);
    }
    // 20% growth at a 14% margin: 78.5 x 1.2^2 x 14% = 15.83 billion (by hand).
    assert_eq!(billions(grid.cells[10][10]).round_dp(2), d("15.83"));
}

#[test]
fn it_can_refuse_drivers_out_of_bounds() {
    let (base, plan) = setup();
    let mut s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    s.years[3].tax_rate = d("250");
    match project(&base, &s) {
        Err(ScenarioError::OutOfBounds { driver: Driver::TaxRate, year: 2011, .. }) => {}
        other => panic!("expected an out-of-bounds tax rate, got {other:?}"),
    }
    let mut y = s.years[0];
    assert!(Driver::Growth(1).set(&mut y, d("101"), 2008).is_err());
    assert!(Driver::Growth(1).set(&mut y, d("100"), 2008).is_ok());
}

#[test]
fn it_can_round_trip_a_scenario_through_the_url() {
    let (base, plan) = setup();
    let mut s = preset(Preset::Trend, &base, &plan).unwrap();
    Driver::Growth(1).set(&mut s.years[2], d("3.5"), 2010).unwrap();
    Driver::Dps.set(&mut s.years[0], d("2500"), 2008).unwrap();
    let presets = Presets::new(&base, &plan).unwrap();
    let params = encode(Preset::Trend, &s, &presets);
    assert_eq!(params[0], ("preset".to_owned(), "trend".to_owned()));
    let (p, back, problems) = decode(&params, &presets);
    assert_eq!(p, Preset::Trend);
    assert!(problems.is_empty(), "{problems:?}");
    for (a, b) in s.years.iter().zip(back.years.iter()) {
        for driver in Driver::ALL {
            assert_eq!(driver.get(a).normalize(), driver.get(b).normalize(), "{}", driver.key());
        }
    }
}

#[test]
fn it_can_read_a_hand_edited_url_keeping_what_it_can() {
    let (base, plan) = setup();
    let params: Vec<(String, String)> = [("preset", "nope"), ("g_si", "abc"), ("tax", "500"), ("g_cvas", "1~2"), ("gm_si", "30"), ("dps", "1~2~3~4~5")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let (p, s, problems) = decode(&params, &Presets::new(&base, &plan).unwrap());
    assert_eq!(p, Preset::CompanyPlan);
    let plan_s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems[0].contains("no preset “nope”"));
    // Unreadable and out-of-bounds values keep the preset's; readable ones are kept.
    assert_eq!(s.years[0].growth[1], plan_s.years[0].growth[1]);
    assert_eq!(s.years[0].tax_rate, plan_s.years[0].tax_rate);
    assert_eq!(s.years[0].growth[0], plan_s.years[0].growth[0]);
    assert!(s.years.iter().all(|y| y.gross_margin[1] == d("30")));
    assert_eq!(s.years.iter().map(|y| y.dps).collect::<Vec<_>>(), [d("1"), d("2"), d("3"), d("4"), d("5")]);
    assert_eq!(YEARS[4], 2012);
    let _ = scenario::SEGMENTS;
}

mod monte_carlo {
    use super::*;
    use iij_explorer::model::monte_carlo::{run, Rng, Run, Settings};

    #[test]
    fn it_can_reproduce_a_run_from_its_seed_and_differ_for_another() {
        let (base, plan) = setup();
        let s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
        let targets = (plan.target_revenue, plan.target_operating_income);
        let a = run(&base, &s, targets, Settings::default()).unwrap();
        let b = run(&base, &s, targets, Settings::default()).unwrap();
        assert_eq!(a, b);
        let c = run(&base, &s, targets, Settings { seed: 7, ..Settings::default() }).unwrap();
        assert_ne!(a, c);
        assert_eq!(a.paths, 10_000);
        for band in a.revenue.iter().chain(a.operating_income.iter()) {
            assert!(band.p10 <= band.p50 && band.p50 <= band.p90, "{band:?}");
        }
        assert!((0.0..=1.0).contains(&a.p_both) && a.p_both <= a.p_revenue.min(a.p_operating_income));
    }

    #[test]
    fn it_can_collapse_to_the_deterministic_projection_without_spread() {
        let (base, plan) = setup();
        let s = preset(Preset::TargetMet, &base, &plan).unwrap();
        let targets = (plan.target_revenue, plan.target_operating_income);
        let out = run(&base, &s, targets, Settings { growth_spread: 0.0, margin_spread: 0.0, paths: 50, ..Settings::default() }).unwrap();
        let det = project(&base, &s).unwrap();
        for (band, y) in out.revenue.iter().zip(det.iter()) {
            let exact = y.total_revenue.to_string().parse::<f64>().unwrap();
            assert!((band.p50 - exact).abs() / exact < 1e-9, "{} vs {exact}", band.p50);
            assert_eq!(band.p10, band.p90);
        }
    }

    #[test]
    fn it_can_run_in_chunks_with_the_same_result() {
        let (base, plan) = setup();
        let s = preset(Preset::Trend, &base, &plan).unwrap();
        let targets = (plan.target_revenue, plan.target_operating_income);
        let settings = Settings { paths: 2_500, ..Settings::default() };
        let mut r = Run::new(&base, &s, targets, settings).unwrap();
        while !r.done() {
            r.step(700);
        }
        assert_eq!(r.outcome(), run(&base, &s, targets, settings).unwrap());
    }

    #[test]
    fn it_can_draw_normal_numbers_with_the_right_moments() {
        let mut rng = Rng::new(1);
        let xs: Vec<f64> = (0..100_000).map(|_| rng.normal()).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.02, "variance {var}");
    }
}

mod robustness {
    use super::*;
    use iij_explorer::model::monte_carlo::Rng;

    /// A random string from characters a hand-edited URL might hold.
    fn junk(rng: &mut Rng, max: usize) -> String {
        const CHARS: &[char] = &['0', '1', '5', '9', '.', '-', '~', 'e', 'E', '+', ',', ' ', 'a', 'z', '%', '日', '\u{0}', '∞', 'N'];
        let len = (rng.next_u64() % (max as u64 + 1)) as usize;
        (0..len).map(|_| CHARS[(rng.next_u64() % CHARS.len() as u64) as usize]).collect()
    }

    #[test]
    fn it_can_read_any_url_without_panicking() {
        let (base, plan) = setup();
        let presets = Presets::new(&base, &plan).unwrap();
        let mut rng = Rng::new(42);
        let keys: Vec<&str> = Driver::ALL.iter().map(|d| d.key()).chain(["preset", "x", ""]).collect();
        for _ in 0..3_000 {
            let n = (rng.next_u64() % 6) as usize;
            let params: Vec<(String, String)> = (0..n)
                .map(|_| (keys[(rng.next_u64() % keys.len() as u64) as usize].to_owned(), junk(&mut rng, 30)))
                .collect();
            let (_, s, _) = decode(&params, &presets);
            // Whatever was read is within bounds, so it projects.
            project(&base, &s).expect("a decoded scenario projects");
        }
    }

    #[test]
    fn it_can_take_any_driver_values_without_panicking() {
        let (base, plan) = setup();
        let mut rng = Rng::new(7);
        let mut ok = 0;
        for _ in 0..3_000 {
            let mut s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
            for y in s.years.iter_mut() {
                for driver in Driver::ALL {
                    // Values from far inside to far outside the bounds, some extreme.
                    let v = Decimal::from(rng.next_u64() % 400_000) / d("1000") - d("200") ;
                    let _ = driver.set(y, v, 2008);
                }
                if rng.next_u64().is_multiple_of(10) {
                    y.tax_rate = Decimal::MAX;
                }
            }
            match project(&base, &s) {
                Ok(_) => ok += 1,
                Err(ScenarioError::OutOfBounds { .. } | ScenarioError::Overflow) => {}
                Err(other) => panic!("unexpected error {other:?}"),
            }
        }
        assert!(ok > 100, "most in-bounds scenarios project ({ok})");
    }
}
