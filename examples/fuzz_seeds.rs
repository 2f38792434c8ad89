//! Writes the fuzz targets' seed inputs (scripts/fuzz.sh runs it once, before the first run):
//! real inputs of each parser, from which libFuzzer's mutations start. `fuzz/corpus/TARGET/`
//! then keeps what the runs found (minimized, committed).
//!
//!     cargo run --example fuzz_seeds -- fuzz/corpus

use std::fs;
use std::path::Path;

use iij_explorer::model::dataset::BUNDLED_TSV;
use iij_explorer::model::ratios::CATALOGUE;
use iij_explorer::model::scenario::{encode, Base, Plan, Preset, Presets};
use iij_explorer::model::Dataset;
use iij_explorer::route::{Route, View};

fn write(dir: &Path, target: &str, seeds: &[String]) -> std::io::Result<()> {
    let d = dir.join(target);
    fs::create_dir_all(&d)?;
    for (i, s) in seeds.iter().enumerate() {
        fs::write(d.join(format!("seed-{i:03}")), s)?;
    }
    println!("{target}: {} seeds", seeds.len());
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "fuzz/corpus".to_owned());
    let dir = Path::new(&out);
    let err = |e: &dyn std::fmt::Debug| format!("{e:?}");
    let ds = Dataset::bundled().map_err(|e| err(&e))?;
    let base = Base::from_dataset(&ds).map_err(|e| err(&e))?;
    let presets = Presets::new(&base, &Plan::from_dataset(&ds).map_err(|e| err(&e))?).map_err(|e| err(&e))?;

    let mut fragments: Vec<String> = View::ALL.iter().map(|v| v.href()).collect();
    fragments.extend(
        [
            "#/statements?s=balance&unit=m&cs=1&fig=cbs.cash",
            "#/ratios?g=plan&r=target_revenue_cagr&p=FY2007%E2%86%92FY2010",
            "#/scenarios?preset=plan&gm_si=30&ty=2011&lang=ja",
            "#/sources?q=revenue&fact=cis.revenue&status=erratum",
            "#/selftest/panic",
            "#main-content",
            "#/nope?x=%ZZ&y=+a+b",
        ]
        .map(str::to_owned),
    );
    write(dir, "fragment", &fragments)?;

    write(dir, "settings", &["dark", "light", "system", "en", "ja", "Dark", ""].map(str::to_owned))?;

    let mut links: Vec<String> = Vec::new();
    for p in Preset::ALL {
        let params = encode(p, &presets.get(p), &presets);
        links.push(Route::View { view: View::Scenarios, params }.to_string().trim_start_matches("#/scenarios").to_owned());
    }
    links.push("?preset=plan&g_si=10~12~14~16~18&tax=40.5&shares=206478&dps=2500&ty=2012".to_owned());
    write(dir, "scenario_link", &links)?;

    write(dir, "dataset", &[BUNDLED_TSV.to_owned()])?;

    let mut formulas: Vec<String> = CATALOGUE.iter().flat_map(|r| r.periods.iter().map(|(_, f)| (*f).to_owned())).collect();
    formulas.extend(ds.checks.iter().flat_map(|c| [c.lhs_text.clone(), c.rhs_text.clone()]));
    formulas.sort();
    formulas.dedup();
    write(dir, "formula", &formulas)?;
    Ok(())
}
