//! Number formatting for display: thousands separators, rounding at display only, one sign
//! convention. Plain Rust, tested on the host; the data is never rounded, only its text.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::fact::{Dimension, Fact};
use crate::model::interval::Interval;

/// `d` rounded half away from zero to `dp` decimals, with `,` between thousands and a
/// leading `-` for negatives: `group(-1234567.891, 2)` is `-1,234,567.89`.
pub fn group(d: Decimal, dp: u32) -> String {
    let rounded = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", dp as usize, rounded.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The number of decimals a printed precision calls for (0.1 → 1, 1 → 0, 100 → 0).
pub fn decimals_of(precision: Decimal) -> u32 {
    precision.normalize().scale()
}

/// A fact's value at its printed precision, without unit: `-19,555,489`, `17.1`.
pub fn fact_value(f: &Fact) -> String {
    group(f.value, decimals_of(f.precision))
}

/// A fact's value with its unit: `11,470,980 JPY thousands`, `17.1%`.
pub fn fact_with_unit(f: &Fact) -> String {
    let v = fact_value(f);
    match f.unit.dimension() {
        Dimension::Percent => format!("{v}%"),
        _ => format!("{v} {}", f.unit.label()),
    }
}

/// A check side in base units: its midpoint, and `± radius` when the printed precision
/// leaves room. Yen amounts are shown in JPY thousands with three decimals at most.
pub fn interval(i: &Interval, yen: bool) -> String {
    let (Ok(c), Ok(r)) = (i.center(), i.radius()) else {
        return "overflow".to_owned();
    };
    let (c, r, unit) = if yen {
        let k = Decimal::from(1000);
        (c.checked_div(k).unwrap_or(c), r.checked_div(k).unwrap_or(r), " JPY thousands")
    } else {
        (c, r, "")
    };
    let dp = |d: Decimal| d.normalize().scale().min(3);
    let places = dp(c).max(dp(r));
    if r.is_zero() {
        format!("{}{unit}", group(c, places))
    } else {
        format!("{} ± {}{unit}", group(c, places), group(r, places))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn it_can_group_thousands_and_round_at_display() {
        let table = [
            ("0", 0, "0"),
            ("999", 0, "999"),
            ("1000", 0, "1,000"),
            ("-19555489", 0, "-19,555,489"),
            ("66835.299", 1, "66,835.3"),
            ("2.5", 0, "3"),
            ("-2.5", 0, "-3"),
            ("-0.04", 1, "0.0"),
            ("115449.63", 2, "115,449.63"),
            ("17.1", 1, "17.1"),
            ("123456789012", 0, "123,456,789,012"),
        ];
        for (input, dp, expected) in table {
            assert_eq!(group(d(input), dp), expected, "{input} at {dp}");
        }
    }

    #[test]
    fn it_can_read_decimals_from_a_precision() {
        assert_eq!(decimals_of(d("0.1")), 1);
        assert_eq!(decimals_of(d("0.01")), 2);
        assert_eq!(decimals_of(d("1")), 0);
        assert_eq!(decimals_of(d("100000")), 0);
        assert_eq!(decimals_of(d("0.10")), 1);
    }

    #[test]
    fn it_can_show_a_check_side_with_its_rounding() {
        let exact = Interval::exact(d("4759364000"));
        assert_eq!(interval(&exact, true), "4,759,364 JPY thousands");
        let rounded = Interval::around(d("66800000000"), d("50000000")).unwrap();
        assert_eq!(interval(&rounded, true), "66,800,000 ± 50,000 JPY thousands");
        let pct = Interval::around(d("17.1"), d("0.05")).unwrap();
        assert_eq!(interval(&pct, false), "17.10 ± 0.05");
    }
}
