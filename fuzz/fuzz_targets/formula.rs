//! Formulas (the checks', ratios' and statements' arithmetic over fact ids): any text parses or
//! says why; a parsed formula resolves against the bundled facts and evaluates to a value or a
//! typed error.
#![no_main]
use std::sync::OnceLock;

use iij_explorer::model::{formula, Dataset};
use libfuzzer_sys::fuzz_target;

fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| Dataset::bundled().expect("the bundled dataset loads"))
}

fuzz_target!(|text: &str| {
    let ds = dataset();
    if let Ok(expr) = formula::parse(text) {
        if let Ok(e) = expr.resolve(&mut |name: String| ds.index_of(&name).ok_or(name)) {
            let _ = e.eval(&|i: &usize| ds.facts[*i].interval());
        }
    }
});
