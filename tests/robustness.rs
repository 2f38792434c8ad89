//! Randomized robustness tests over every parser a visitor or a file can feed and every
//! engine behind them: the route (URL fragment), formulas, the bundled data form, the
//! scenario URL codec, the scenario engine with the charts drawn from it, the ratio engine
//! over damaged datasets, stored settings and the exports: 135,000 cases in total, each must
//! end in a value or a typed error, never a panic. Inputs come from the model's seeded
//! SplitMix64, so a failure reproduces from its seed. (Property-test style without the
//! proptest crate: the generators are the few lines below.)
#![cfg(not(target_arch = "wasm32"))]

use iij_explorer::model::dataset::BUNDLED_TSV;
use iij_explorer::model::formula;
use iij_explorer::model::monte_carlo::Rng;
use iij_explorer::charts::{self, data};
use iij_explorer::export::{csv, plain_number, Sheet};
use iij_explorer::i18n::{period, tr, trf, Lang};
use iij_explorer::model::ratios::{compute, CATALOGUE};
use iij_explorer::model::scenario::{decode, goal_seek, preset, project, Base, Driver, Lever, Metric, Plan, Preset, Presets, YEARS};
use iij_explorer::settings::{read_stored, Theme};
use rust_decimal::Decimal;
use iij_explorer::model::Dataset;
use iij_explorer::route::{percent_decode, Route};

/// Characters that make parsers work hard: separators, escapes, digits, operators, non-ASCII.
const ALPHABET: &[char] = &[
    '#', '/', '?', '&', '=', '%', '+', '~', '.', ',', '-', '(', ')', '*', ' ', '\t', '\n', '0', '1', '9', 'a', 'e', 'z', 'A', 'F', '_',
    'g', 'p', 'c', 'é', '日', '\u{0}', '\u{FFFD}', '∞',
];

fn junk(rng: &mut Rng, max: usize) -> String {
    let len = (rng.next_u64() % (max as u64 + 1)) as usize;
    (0..len).map(|_| ALPHABET[(rng.next_u64() % ALPHABET.len() as u64) as usize]).collect()
}

#[test]
fn it_can_parse_60000_random_fragments() {
    let mut rng = Rng::new(1);
    let views = ["#/overview", "#/statements?", "#/scenarios?preset=", "#/sources?fact=", "#/ratios?g="];
    for i in 0..60_000 {
        let prefix = if i % 2 == 0 { views[(rng.next_u64() % views.len() as u64) as usize] } else { "" };
        let text = format!("{prefix}{}", junk(&mut rng, 40));
        let route = Route::parse(&text);
        // Writing the route back and reading it again gives the same route.
        assert_eq!(Route::parse(&route.to_string()), route, "{text:?}");
        let _ = percent_decode(&text);
    }
}

#[test]
fn it_can_parse_30000_random_formulas() {
    let mut rng = Rng::new(2);
    let ds = Dataset::bundled().unwrap();
    let ids = ["cis.revenue", "cbs.total_assets", "cis.income_tax", "pct(", "growth(", "cagr(", "1", "0", "(", ")", ",", "+", "-", "*", "/"];
    for _ in 0..30_000 {
        let n = (rng.next_u64() % 12) as usize;
        let text: String = (0..n).map(|_| ids[(rng.next_u64() % ids.len() as u64) as usize]).collect::<Vec<_>>().join(" ");
        if let Ok(expr) = formula::parse(&text) {
            let resolved = expr.resolve(&mut |name: String| ds.index_of(&name).ok_or(name));
            if let Ok(e) = resolved {
                let _ = e.eval(&|i: &usize| ds.facts[*i].interval());
            }
        }
    }
}

#[test]
fn it_can_refuse_3000_damaged_data_files_without_panicking() {
    let mut rng = Rng::new(3);
    let bytes: Vec<char> = BUNDLED_TSV.chars().collect();
    for n in 0..3_000 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + rng.next_u64() % 4 {
            let at = (rng.next_u64() % damaged.len() as u64) as usize;
            match rng.next_u64() % 3 {
                0 => damaged[at] = ALPHABET[(rng.next_u64() % ALPHABET.len() as u64) as usize],
                1 => {
                    damaged.remove(at);
                }
                _ => damaged.insert(at, '\t'),
            }
        }
        let text: String = damaged.into_iter().collect();
        // Either it still loads (a harmless edit, e.g. inside a label) or it says why; the
        // checks of one load in fifty are evaluated too (the slow part).
        if let Ok(ds) = Dataset::from_tsv(&text) {
            if n % 50 == 0 {
                let _ = ds.evaluate_all();
            }
        }
    }
}

#[test]
fn it_can_read_10000_random_scenario_links() {
    let ds = Dataset::bundled().unwrap();
    let (base, plan) = (Base::from_dataset(&ds).unwrap(), Plan::from_dataset(&ds).unwrap());
    let presets = Presets::new(&base, &plan).unwrap();
    let mut rng = Rng::new(4);
    for _ in 0..10_000 {
        let text = format!("#/scenarios?{}", junk(&mut rng, 60));
        let Route::View { params, .. } = Route::parse(&text) else { continue };
        let (_, s, _) = decode(&params, &presets);
        project(&base, &s).expect("whatever a link holds, the scenario read from it projects");
    }
}

/// A decimal anywhere from tiny to huge, either sign, often a plausible driver value.
fn decimal(rng: &mut Rng) -> Decimal {
    match rng.next_u64() % 6 {
        0 => Decimal::ZERO,
        1 => Decimal::new((rng.next_u64() % 20_000) as i64 - 10_000, 2),
        2 => Decimal::new(rng.next_u64() as i64 >> 1, (rng.next_u64() % 29) as u32),
        3 => Decimal::MAX,
        4 => -Decimal::new((rng.next_u64() % 1_000_000) as i64, 1),
        _ => Decimal::new((rng.next_u64() % 6_000) as i64, 2),
    }
}

#[test]
fn it_can_run_20000_random_scenarios_through_the_engine_and_the_charts() {
    let ds = Dataset::bundled().unwrap();
    let (base, plan) = (Base::from_dataset(&ds).unwrap(), Plan::from_dataset(&ds).unwrap());
    let mut rng = Rng::new(5);
    for n in 0..20_000 {
        let mut s = preset(Preset::ALL[n % 4], &base, &plan).unwrap();
        for _ in 0..1 + rng.next_u64() % 6 {
            let d = Driver::ALL[(rng.next_u64() % Driver::ALL.len() as u64) as usize];
            let y = (rng.next_u64() % 5) as usize;
            // Out-of-bounds values are refused with a typed error and leave the year as it was.
            let _ = d.set(&mut s.years[y], decimal(&mut rng), YEARS[y]);
        }
        let Ok(years) = project(&base, &s) else { continue };
        if n % 10 == 0 {
            let lang = if n % 20 == 0 { Lang::Ja } else { Lang::En };
            if let Ok(c) = data::bridge(lang, &base, &s.years[0], &years[0], "scenario") {
                charts::render(&c, 200 + (rng.next_u64() % 1200) as u32, "b").expect("a built chart draws");
            }
            if let Ok(c) = data::projection(lang, &ds, &years, (plan.target_revenue, plan.target_operating_income), 1 + n % 4, None) {
                charts::render(&c, 360, "p").expect("a built chart draws");
            }
        }
        if n % 40 == 0 {
            let lever = [Lever::UniformGrowth { from: 0 }, Lever::OperatingMargin { from: 1 }, Lever::SegmentGrowth(1), Lever::SegmentGrossMargin(0)][n / 40 % 4];
            let _ = goal_seek(&base, &s, lever, if n % 80 == 0 { Metric::Revenue } else { Metric::OperatingIncome }, n / 40 % 5, decimal(&mut rng));
        }
    }
}

#[test]
fn it_can_compute_every_ratio_over_2000_damaged_datasets() {
    let clean = Dataset::bundled().unwrap();
    let mut rng = Rng::new(6);
    for _ in 0..2_000 {
        let mut ds = clean.clone();
        for _ in 0..1 + rng.next_u64() % 40 {
            let i = (rng.next_u64() % ds.facts.len() as u64) as usize;
            if let Some(f) = ds.facts.get_mut(i) {
                f.value = decimal(&mut rng);
            }
        }
        for r in CATALOGUE {
            // A value or a typed reason (division by zero, overflow, non-positive base).
            let _ = compute(&ds, r);
        }
    }
}

#[test]
fn it_can_take_10000_random_settings_texts_and_exports() {
    let mut rng = Rng::new(7);
    for _ in 0..10_000 {
        let text = junk(&mut rng, 30);
        let (theme, problem) = read_stored(Some(&text), Theme::System, Theme::from_code);
        assert!(problem.is_some() || Theme::from_code(&text) == Some(theme));
        let _ = period(Lang::Ja, &text);
        let _ = tr(Lang::Ja, &text);
        let _ = trf(Lang::Ja, &text, &[&text, "x"]);
        let _ = plain_number(&text);
        let sheet = Sheet { title: text.clone(), columns: vec![text.clone()], rows: vec![(text.clone(), vec![text.clone(), junk(&mut rng, 10)])] };
        assert!(csv(&sheet).starts_with('\u{feff}'));
    }
}
