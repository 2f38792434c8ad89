//! The dataset reader (the tab-separated form the app reads, bundled or fetched): any text
//! loads or says why; a text that loads has facts whose checks can be evaluated.
#![no_main]
use iij_explorer::model::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(ds) = Dataset::from_tsv(text) {
        if ds.facts.len() < 2_000 {
            let _ = ds.evaluate_all();
        }
    }
});
