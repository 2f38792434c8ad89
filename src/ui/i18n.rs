//! The page's language for the UI code: set by the app before it renders (the whole page is
//! rebuilt when the language changes, so views read it once, without a signal), and helpers
//! that translate through `crate::i18n`.

use std::cell::Cell;

use rust_decimal::Decimal;

use crate::i18n::{self, Lang};

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the page is being drawn in.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

pub fn set_lang(l: Lang) {
    LANG.with(|c| c.set(l));
}

/// `en` in the page's language.
pub fn t(en: &str) -> String {
    i18n::tr(lang(), en).to_owned()
}

/// The template `en` in the page's language, placeholders filled.
pub fn tf(en: &str, args: &[&str]) -> String {
    i18n::trf(lang(), en, args)
}

/// A period label in the page's language.
pub fn p(en: &str) -> String {
    i18n::period(lang(), en)
}

/// Fiscal year `y` in the page's language ("FY2007", "2008年3月期").
pub fn fy(y: u16) -> String {
    i18n::fiscal_year(lang(), y)
}

/// A fact's value with its unit, in the page's language ("66,835,299 JPY thousands",
/// "66,835,299 千円").
pub fn fact_with_unit(f: &crate::model::Fact) -> String {
    match lang() {
        Lang::En => crate::format::fact_with_unit(f),
        Lang::Ja => format!("{} {}", crate::format::fact_value(f), t(f.unit.label())),
    }
}

/// An amount in yen as a bare number in the page's unit for amounts (see `i18n::amount`).
pub fn amount(yen: Decimal, en_dp: u32) -> String {
    i18n::amount(lang(), yen, en_dp)
}

/// A ratio's value with its unit, in the page's language (7.1%, 1.25x / 1.25倍, 45 days / 45日,
/// JPY 1,234 million / 1,234百万円, JPY 25,100 / 25,100円).
pub fn ratio(value: Decimal, unit: crate::model::ratios::RatioUnit, decimals: u32) -> String {
    use crate::format::group;
    use crate::model::ratios::RatioUnit;
    match (lang(), unit) {
        (Lang::En, _) | (_, RatioUnit::Percent) => crate::format::ratio(value, unit, decimals),
        (Lang::Ja, RatioUnit::Times) => format!("{}倍", group(value, decimals)),
        (Lang::Ja, RatioUnit::Days) => format!("{}日", group(value, decimals)),
        (Lang::Ja, RatioUnit::Yen) => format!("{}百万円", group(value.checked_div(Decimal::from(1_000_000)).unwrap_or(value), 0)),
        (Lang::Ja, RatioUnit::YenPerShare) => format!("{}円", group(value, decimals)),
    }
}
