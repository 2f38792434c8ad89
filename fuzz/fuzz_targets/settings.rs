//! Stored settings (theme, language, as local storage holds them): any text is a setting or a
//! reported problem, and a text that reads as a setting is that setting.
#![no_main]
use iij_explorer::settings::{read_stored, Lang, Theme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (theme, problem) = read_stored(Some(text), Theme::System, Theme::from_code);
    assert!(problem.is_some() || Theme::from_code(text) == Some(theme));
    let (lang, problem) = read_stored(Some(text), Lang::En, Lang::from_code);
    assert!(problem.is_some() || Lang::from_code(text) == Some(lang));
});
