//! Randomized robustness tests over every parser a visitor or a file can feed: the route
//! (URL fragment), formulas, the bundled data form, and the scenario URL codec: 103,000
//! cases in total, each must end in a value or a typed error, never a panic. Inputs come
//! from the model's seeded SplitMix64, so a failure reproduces from its seed.
#![cfg(not(target_arch = "wasm32"))]

use iij_explorer::model::dataset::BUNDLED_TSV;
use iij_explorer::model::formula;
use iij_explorer::model::monte_carlo::Rng;
use iij_explorer::model::scenario::{decode, project, Base, Plan, Presets};
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
