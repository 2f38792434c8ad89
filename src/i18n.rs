//! English and Japanese. The English text is the key (as in gettext): `tr(Lang::Ja, "Revenues")`
//! looks it up in the table built from data/i18n/ja.tsv and falls back to the English. Texts
//! with figures are templates with `{0}`, `{1}` … placeholders (`trf`). Periods, amounts and
//! units follow each language's conventions: FY2007 is 2008年3月期, JPY 66.8 billion is
//! 668億円. Plain Rust, tested on the host: a test lists every text the app shows and
//! requires a translation for each.
//!
//! Why not leptos_i18n: most of the text is data (statement lines, ratio names and
//! definitions, fact labels, errata), known at run time from the dataset rather than as
//! compile-time keys, and the model, charts and exports (plain Rust, no Leptos) need it too.
//! One lookup by English text serves all of them.

use rust_decimal::Decimal;

use crate::number::group;
pub use crate::settings::Lang;
use crate::text_table::{sorted_by, TextTable};

// The hosted release build (`--cfg iij_split`, scripts/build.sh) leaves the Japanese table out
// of the wasm: the page fetches it when Japanese is chosen and installs it with `install_ja`.
#[cfg(not(iij_split))]
include!(concat!(env!("OUT_DIR"), "/ja.rs"));
#[cfg(not(iij_split))]
const BUNDLED: Option<&str> = Some(JA_LINES);
#[cfg(iij_split)]
const BUNDLED: Option<&str> = None;

/// The (English, Japanese) pairs, sorted by the English text.
static JA: TextTable<(&str, &str)> = TextTable::new(BUNDLED, parse_ja, "the file is not the table of Japanese texts");

/// Splits "English\tJapanese\n" lines into pairs; `None` if a line has no tab or the lines
/// are not sorted (a damaged or wrong file).
fn parse_ja(text: &'static str) -> Option<Vec<(&'static str, &'static str)>> {
    sorted_by(text.lines().map(|line| line.split_once('\t')).collect::<Option<_>>()?, |p| p.0)
}

fn ja_table() -> &'static [(&'static str, &'static str)] {
    JA.entries()
}

/// The Japanese table as built into this binary, if it is (the prerender step publishes it).
pub fn ja_text() -> Option<&'static str> {
    JA.bundled()
}

/// Installs the Japanese table fetched at run time; `Err` says why a text cannot be used.
pub fn install_ja(text: String) -> Result<(), &'static str> {
    JA.install(text)
}

/// Whether Japanese can be shown (the table is there).
pub fn ja_ready() -> bool {
    JA.ready()
}

/// Marks a text for translation where it is defined (a static table of labels) and returns
/// it unchanged; it is translated where it is shown. The coverage test finds it by name.
pub const fn n_(en: &str) -> &str {
    en
}

/// `en` in `lang`: the translation if there is one, else `en` itself.
pub fn tr(lang: Lang, en: &str) -> &str {
    match lang {
        Lang::En => en,
        Lang::Ja => {
            let table = ja_table();
            table.binary_search_by(|(k, _)| (*k).cmp(en)).ok().and_then(|i| table.get(i)).map_or(en, |(_, ja)| ja)
        }
    }
}

/// Whether `en` has a Japanese translation.
pub fn has_ja(en: &str) -> bool {
    ja_table().binary_search_by(|(k, _)| (*k).cmp(en)).is_ok()
}

/// The template `en` in `lang` with `{0}`, `{1}` … replaced by `args`.
pub fn trf(lang: Lang, en: &str, args: &[&str]) -> String {
    let mut out = tr(lang, en).to_owned();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// A period as each language writes it. Fiscal years end on March 31 of the next calendar
/// year: FY2007 is 2008年3月期; FY2008F (forecast) is 2009年3月期(予想); 4Q FY2007 is
/// 2008年3月期第4四半期; "March 31, 2008" is 2008年3月31日. Anything else is translated as text.
pub fn period(lang: Lang, en: &str) -> String {
    if lang == Lang::En {
        return en.to_owned();
    }
    let fy = |s: &str| -> Option<u16> { s.strip_prefix("FY").filter(|y| y.len() == 4).and_then(|y| y.parse::<u16>().ok()) };
    if let Some(y) = fy(en) {
        return format!("{}年3月期", y + 1);
    }
    if let Some(y) = en.strip_suffix('F').and_then(fy) {
        return format!("{}年3月期(予想)", y + 1);
    }
    if let Some((q, y)) = en.split_once("Q FY").and_then(|(q, y)| Some((q.parse::<u8>().ok()?, y.parse::<u16>().ok()?))) {
        return format!("{}年3月期第{q}四半期", y + 1);
    }
    if let Some((a, b)) = en.split_once('→') {
        return format!("{}→{}", period(lang, a), period(lang, b));
    }
    if let Some((m, d, y)) = date(en) {
        return format!("{y}年{m}月{d}日");
    }
    tr(lang, en).to_owned()
}

/// Fiscal year `y` (the year to March `y + 1`) in `lang`: "FY2007", "2008年3月期".
pub fn fiscal_year(lang: Lang, y: u16) -> String {
    period(lang, &format!("FY{y}"))
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// "June 9, 2008" as (month, day, year).
fn date(en: &str) -> Option<(usize, u8, u16)> {
    let (month, rest) = en.split_once(' ')?;
    let (day, year) = rest.split_once(", ")?;
    let m = MONTHS.iter().position(|x| *x == month)? + 1;
    Some((m, day.parse().ok()?, year.parse().ok()?))
}

/// An amount in yen as a bare number in each language's unit: JPY billions to `dp` decimals,
/// or 億円 to one decimal fewer (the same precision).
pub fn amount(lang: Lang, yen: Decimal, dp: u32) -> String {
    match lang {
        Lang::En => group(yen.checked_div(Decimal::from(1_000_000_000)).unwrap_or_default(), dp),
        Lang::Ja => group(yen.checked_div(Decimal::from(100_000_000)).unwrap_or_default(), dp.saturating_sub(1)),
    }
}

/// An amount in yen as prose: "66.8 billion" (JPY implied by the sentence) or "668億円".
pub fn money(lang: Lang, yen: Decimal, dp: u32) -> String {
    match lang {
        Lang::En => format!("{} billion", amount(lang, yen, dp)),
        Lang::Ja => format!("{}億円", amount(lang, yen, dp)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_translate_with_an_english_fallback() {
        assert_eq!(tr(Lang::En, "Overview"), "Overview");
        assert_eq!(tr(Lang::Ja, "Overview"), "概要");
        assert_eq!(tr(Lang::Ja, "no such text"), "no such text");
        assert!(ja_table().windows(2).all(|w| w[0].0 < w[1].0), "sorted, no duplicates");
        assert_eq!(ja_table().len(), JA_LINES.lines().count(), "every line has a tab");
    }

    #[test]
    fn it_refuses_a_damaged_japanese_table() {
        assert_eq!(parse_ja("Overview\t概要\nRatios\t指標\n").map(|p| p.len()), Some(2));
        assert_eq!(parse_ja(""), None);
        assert_eq!(parse_ja("<!DOCTYPE html>\n<p>not found</p>"), None, "an error page has no tabs");
        assert_eq!(parse_ja("b\tx\na\ty"), None, "not sorted");
        assert!(install_ja("junk".to_owned()).is_ok(), "the bundled table stays");
        assert!(ja_ready());
    }

    #[test]
    fn it_can_write_periods_the_japanese_way() {
        assert_eq!(fiscal_year(Lang::Ja, 2007), "2008年3月期");
        assert_eq!(fiscal_year(Lang::En, 2007), "FY2007");
        let cases = [("FY2007", "2008年3月期"), ("FY2008F", "2009年3月期(予想)"), ("4Q FY2007", "2008年3月期第4四半期"), ("March 31, 2008", "2008年3月31日"), ("June 9, 2008", "2008年6月9日"), ("FY2007→FY2010", "2008年3月期→2011年3月期")];
        for (en, ja) in cases {
            assert_eq!(period(Lang::Ja, en), ja);
            assert_eq!(period(Lang::En, en), en);
        }
    }

    #[test]
    fn it_can_write_amounts_in_oku_yen() {
        let yen = Decimal::from(66_835_299_000u64);
        assert_eq!(money(Lang::En, yen, 1), "66.8 billion");
        assert_eq!(money(Lang::Ja, yen, 1), "668億円");
        assert_eq!(money(Lang::Ja, Decimal::from(108_290_000_000u64), 2), "1,082.9億円");
    }
}
