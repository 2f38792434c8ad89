//! A scenario link's query, or a saved scenario (local storage holds its query): whatever it
//! holds, the scenario read from it projects, and a problem is reported in both languages.
#![no_main]
use std::sync::OnceLock;

use iij_explorer::i18n::Lang;
use iij_explorer::model::scenario::{decode_in, project, Base, Plan, Presets};
use iij_explorer::model::Dataset;
use iij_explorer::route::parse_query;
use libfuzzer_sys::fuzz_target;

fn setup() -> &'static (Base, Presets) {
    static SETUP: OnceLock<(Base, Presets)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let ds = Dataset::bundled().expect("the bundled dataset loads");
        let base = Base::from_dataset(&ds).expect("its base year");
        let presets = Presets::new(&base, &Plan::from_dataset(&ds).expect("its plan")).expect("the presets");
        (base, presets)
    })
}

fuzz_target!(|text: &str| {
    let (base, presets) = setup();
    let params = parse_query(text.trim_start_matches('?'));
    let (_, s, problems) = decode_in(Lang::En, &params, presets);
    let (_, s_ja, problems_ja) = decode_in(Lang::Ja, &params, presets);
    assert_eq!(s, s_ja);
    assert_eq!(problems.len(), problems_ja.len());
    project(base, &s).expect("whatever a link holds, the scenario read from it projects");
});
