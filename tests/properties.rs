//! Property tests (issue 27) with proptest: shrinking to the smallest failing case, and failing
//! cases saved in `tests/properties.proptest-regressions` and run first thereafter. Properties beyond "no
//! panic": the route and the scenario link round-trip for every valid state, and anything else
//! is reported naming the bad part; interval arithmetic contains the exact result; a CSV reads
//! back to the same cells; the formatter rounds every amount half away from zero in every unit
//! and every style of negatives.
//!
//! `cargo test --test properties` runs 256 cases a property (the suite); the robustness run
//! takes `PROPTEST_CASES`: `PROPTEST_CASES=200000 cargo test --release --test properties` is
//! 1,400,000 cases over the seven properties (docs/testing.md).
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use iij_explorer::export::{csv, plain_number, Sheet};
use iij_explorer::format::{cell, MoneyUnit, Negatives};
use iij_explorer::model::fact::Dimension;
use iij_explorer::model::interval::Interval;
use iij_explorer::model::scenario::{decode, encode, Base, Driver, Plan, Preset, Presets, Scenario};
use iij_explorer::model::statements::{Cell, Source};
use iij_explorer::model::Dataset;
use iij_explorer::route::{Route, View};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rust_decimal::Decimal;

fn presets() -> &'static Presets {
    static PRESETS: OnceLock<Presets> = OnceLock::new();
    PRESETS.get_or_init(|| {
        let ds = Dataset::bundled().unwrap();
        Presets::new(&Base::from_dataset(&ds).unwrap(), &Plan::from_dataset(&ds).unwrap()).unwrap()
    })
}

fn view() -> impl Strategy<Value = View> {
    prop::sample::select(View::ALL.to_vec())
}

/// Any text at all, separators, escapes and non-ASCII included.
fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("(.|[#/?&=%+~ \t\n日é\u{0}\u{FFFD}]){0,24}").unwrap()
}

/// A decimal with up to `dp` places in [lo, hi].
fn decimal(lo: i64, hi: i64, dp: u32) -> impl Strategy<Value = Decimal> {
    let scale = 10i64.pow(dp);
    (lo * scale..=hi * scale).prop_map(move |n| Decimal::new(n, dp))
}

fn preset() -> impl Strategy<Value = Preset> {
    prop::sample::select(vec![Preset::CompanyPlan, Preset::Trend, Preset::TargetMet, Preset::Cautious])
}

/// A valid scenario: every driver of every year within its bounds, to the precision a visitor
/// types (two places; shares whole).
fn scenario() -> impl Strategy<Value = (Preset, Scenario)> {
    let values = prop::collection::vec(0u64..u64::MAX, Driver::ALL.len() * 5);
    (preset(), values).prop_map(|(p, seeds)| {
        let mut s = presets().get(p);
        for (i, d) in Driver::ALL.iter().enumerate() {
            let (lo, hi) = d.bounds();
            let dp = if matches!(d, Driver::Shares) { 0 } else { 2 };
            let steps = ((hi - lo) * Decimal::from(10i64.pow(dp))).trunc();
            let steps = u64::try_from(steps.mantissa()).unwrap_or(1).max(1) + 1;
            for (y, year) in s.years.iter_mut().enumerate() {
                // Some drivers keep the preset's value, so the link leaves them out.
                let seed = seeds[i * 5 + y];
                if seed % 3 == 0 {
                    continue;
                }
                let v = lo + Decimal::new(i64::try_from(seed % steps).unwrap(), dp);
                d.set(year, v, 2008 + y as u16).unwrap();
            }
        }
        (p, s)
    })
}

/// The cases a property runs (`PROPTEST_CASES`, 256 by default), its failures saved beside this
/// file (`tests/properties.proptest-regressions`) and run first from then on.
fn config() -> ProptestConfig {
    ProptestConfig { failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))), ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    /// parse(write(route)) == route for every view and any parameters.
    #[test]
    fn route_round_trips(v in view(), params in prop::collection::vec(("[a-z_]{1,8}", text()), 0..6)) {
        let route = Route::View { view: v, params };
        prop_assert_eq!(Route::parse(&route.to_string()), route);
    }

    /// A path that names no view is kept, whole, as the route's bad part.
    #[test]
    fn an_unknown_path_is_named(path in "[a-zA-Z0-9_ .~%日-]{1,20}") {
        let route = Route::parse(&format!("#/{path}"));
        let decoded = iij_explorer::route::percent_decode(path.trim_matches('/'));
        match View::from_slug(&decoded.to_ascii_lowercase()) {
            Some(v) => prop_assert_eq!(route.view(), Some(v)),
            None => {
                prop_assert_eq!(&route, &Route::NotFound { path: decoded });
                prop_assert_eq!(Route::parse(&route.to_string()), route);
            }
        }
    }

    /// decode(encode(scenario)) is the same scenario, with no problem reported.
    #[test]
    fn a_scenario_link_round_trips((p, s) in scenario()) {
        let params = encode(p, &s, presets());
        let (p2, s2, problems) = decode(&params, presets());
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(p2, p);
        prop_assert_eq!(s2, s);
    }

    /// One driver's value damaged: that driver keeps the preset's values, every other driver
    /// is read, and the one problem names the driver and the text.
    #[test]
    fn a_damaged_scenario_link_names_the_bad_part((p, s) in scenario(), which in 0..Driver::ALL.len(), junk in prop_oneof!["[a-z!?]{1,6}", Just("1e999".to_owned()), Just("99999999".to_owned())]) {
        let d = Driver::ALL[which];
        let mut params = encode(p, &s, presets());
        params.retain(|(k, _)| k != d.key());
        params.push((d.key().to_owned(), junk.clone()));
        let (_, got, problems) = decode(&params, presets());
        prop_assert_eq!(problems.len(), 1, "{:?}", problems);
        prop_assert!(problems[0].contains(&d.name()) || problems[0].contains(&junk), "{}", problems[0]);
        let preset = presets().get(p);
        for (y, (a, b)) in got.years.iter().zip(s.years.iter()).enumerate() {
            for other in Driver::ALL {
                let want = if other == d { other.get(&preset.years[y]) } else { other.get(b) };
                prop_assert_eq!(other.get(a), want, "{:?} in year {}", other, y);
            }
        }
    }

    /// For x in a and y in b, x op y is in a op b, for + - * / (b not holding zero).
    #[test]
    fn interval_arithmetic_contains_the_exact_result(
        a in decimal(-1_000_000, 1_000_000, 3), ra in decimal(0, 1000, 3), ta in -1000i64..=1000,
        b in decimal(-1_000_000, 1_000_000, 3), rb in decimal(0, 1000, 3), tb in -1000i64..=1000,
    ) {
        let (ia, ib) = (Interval::around(a, ra).unwrap(), Interval::around(b, rb).unwrap());
        // A point of each interval: the centre moved by t/1000 of the half width.
        let x = a + ra * Decimal::new(ta, 3);
        let y = b + rb * Decimal::new(tb, 3);
        let within = |i: Interval, v: Decimal| i.lo <= v && v <= i.hi;
        prop_assert!(within(ia.add(&ib).unwrap(), x + y));
        prop_assert!(within(ia.sub(&ib).unwrap(), x - y));
        prop_assert!(within(ia.mul(&ib).unwrap(), x * y));
        if ib.lo > Decimal::ZERO || ib.hi < Decimal::ZERO {
            let q = ia.div(&ib).unwrap();
            // The quotient is exact to 28 significant digits: allow the last one.
            let slack = (x / y).abs() * Decimal::new(1, 26) + Decimal::new(1, 26);
            prop_assert!(q.lo - slack <= x / y && x / y <= q.hi + slack, "{:?} / {:?}: {} not in {:?}", ia, ib, x / y, q);
        }
    }

    /// A CSV reads back (RFC 4180) to the cells it was written from, whatever they hold (the
    /// figures made plain, as the export does: `1,234` is `1234`, `△5` is `-5`).
    #[test]
    fn a_csv_reads_back_to_its_cells(title in text(), columns in prop::collection::vec(text(), 1..5), rows in prop::collection::vec((text(), prop::collection::vec(text(), 0..5)), 0..6)) {
        let sheet = Sheet { title, columns, rows };
        let read = read_csv(csv(&sheet).strip_prefix('\u{feff}').unwrap());
        let mut want = vec![vec![sheet.title.clone()], sheet.columns.clone()];
        for (label, cells) in &sheet.rows {
            want.push(std::iter::once(label.clone()).chain(cells.iter().map(|c| plain_number(c))).collect());
        }
        prop_assert_eq!(read, want);
    }

    /// An amount shown in any unit and any style of negatives is the value rounded half away
    /// from zero to the unit's places (worked here in integers), never the other way, and the
    /// three styles show the same digits.
    #[test]
    fn the_formatter_rounds_half_away_from_zero_in_every_unit(units in -10_000_000_000_000i64..10_000_000_000_000, dp in 0u32..4) {
        let value = Decimal::new(units, dp);
        let c = Cell { id: "x".into(), value, half_width: Decimal::ZERO, dimension: Dimension::Yen, source: Source::Derived { formula: String::new(), inputs: vec![] } };
        for unit in [MoneyUnit::Thousands, MoneyUnit::Millions, MoneyUnit::HundredMillions, MoneyUnit::Billions] {
            let shown: Vec<Decimal> = [Negatives::Minus, Negatives::Parentheses, Negatives::Triangle]
                .into_iter()
                .map(|n| plain_number(&cell(&c, unit, n).0).parse::<Decimal>().unwrap())
                .collect();
            prop_assert!(shown.iter().all(|s| *s == shown[0]), "{:?}", shown);
            // value / factor to `places`, half away from zero, in integers: value * 10^places / factor.
            let places = unit.decimals();
            let num = value.mantissa() * 10i128.pow(places);
            let den = 10i128.pow(value.scale()) * i128::try_from(unit.factor().mantissa()).unwrap() / 10i128.pow(unit.factor().scale());
            let (q, r) = (num / den, num % den);
            let q = if 2 * r.abs() >= den { q + num.signum() } else { q };
            prop_assert_eq!(shown[0], Decimal::from_i128_with_scale(q, places), "{} in {:?}", value, unit);
        }
    }
}

/// An RFC 4180 reader: fields split by commas, rows by CRLF, quoted fields with `""` for `"`.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
