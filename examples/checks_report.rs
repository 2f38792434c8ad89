//! Prints every reconciliation check with its status: `cargo run --example checks_report`.
//! Add `fails` to print only the checks that neither pass nor are explained by an erratum.
use iij_explorer::model::{Dataset, Status};

fn main() {
    let only_fails = std::env::args().any(|a| a == "fails");
    let ds = match Dataset::bundled() {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("cannot load the dataset: {e}");
            std::process::exit(1);
        }
    };
    let mut counts = std::collections::BTreeMap::new();
    for r in ds.evaluate_all() {
        *counts.entry(r.status.label()).or_insert(0) += 1;
        let failing = matches!(r.status, Status::Fails | Status::Error(_) | Status::Erratum { holds: false, .. });
        if only_fails && !failing {
            continue;
        }
        let c = &ds.checks[r.check];
        println!("{:<28} {:<40} {} {} {}  lhs={:?} rhs={:?}", r.status.label(), c.id, c.lhs_text, c.relation.symbol(), c.rhs_text, r.lhs.map(|i| (i.lo, i.hi)), r.rhs.map(|i| (i.lo, i.hi)));
    }
    println!("{} facts, {} checks, {} errata: {counts:?}", ds.facts.len(), ds.checks.len(), ds.errata.len());
}
