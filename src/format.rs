//! Number formatting for display: thousands separators, rounding at display only, one sign
//! convention. Plain Rust, tested on the host; the data is never rounded, only its text.

use rust_decimal::Decimal;

pub use crate::number::group;
use crate::model::fact::{Dimension, Fact};
use crate::model::interval::Interval;
use crate::model::statements::Cell;

/// The unit money is shown in; the notice prints thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyUnit {
    Thousands,
    Millions,
    /// 100 million yen (億円), the usual unit of Japanese reporting.
    HundredMillions,
    Billions,
}

impl MoneyUnit {
    /// Every unit, in the order of the switch.
    pub const ALL: [MoneyUnit; 4] = [MoneyUnit::Thousands, MoneyUnit::Millions, MoneyUnit::HundredMillions, MoneyUnit::Billions];

    /// The spelling in the URL (`unit=m`).
    pub fn code(self) -> &'static str {
        match self {
            MoneyUnit::Thousands => "k",
            MoneyUnit::Millions => "m",
            MoneyUnit::HundredMillions => "oku",
            MoneyUnit::Billions => "b",
        }
    }

    pub fn from_code(code: &str) -> Option<MoneyUnit> {
        MoneyUnit::ALL.into_iter().find(|u| u.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Thousands => "JPY thousands",
            MoneyUnit::Millions => "JPY millions",
            MoneyUnit::HundredMillions => "JPY 100 millions (oku)",
            MoneyUnit::Billions => "JPY billions",
        }
    }

    /// Yen in one unit.
    pub fn factor(self) -> Decimal {
        match self {
            MoneyUnit::Thousands => Decimal::from(1_000),
            MoneyUnit::Millions => Decimal::from(1_000_000),
            MoneyUnit::HundredMillions => Decimal::from(100_000_000),
            MoneyUnit::Billions => Decimal::from(1_000_000_000),
        }
    }

    /// Decimals shown: billions get one, as the presentation prints them.
    pub fn decimals(self) -> u32 {
        match self {
            MoneyUnit::Billions | MoneyUnit::HundredMillions => 1,
            _ => 0,
        }
    }
}

/// How negative amounts are written: `-1,234`, `(1,234)`, or `△1,234` as Japanese
/// statements print them (the triangle marks negative percentages too; parentheses only
/// amounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Negatives {
    Minus,
    Parentheses,
    Triangle,
}

impl Negatives {
    pub const ALL: [Negatives; 3] = [Negatives::Minus, Negatives::Parentheses, Negatives::Triangle];

    /// The URL's code (`neg=`).
    pub fn code(self) -> &'static str {
        match self {
            Negatives::Minus => "minus",
            Negatives::Parentheses => "paren",
            Negatives::Triangle => "tri",
        }
    }

    pub fn from_code(code: &str) -> Option<Negatives> {
        Negatives::ALL.into_iter().find(|n| n.code() == code)
    }

    /// A negative figure written this way, as the switch shows it.
    pub fn example(self) -> &'static str {
        match self {
            Negatives::Minus => "-1,234",
            Negatives::Parentheses => "(1,234)",
            Negatives::Triangle => "△1,234",
        }
    }
}

/// A statement cell as text in `unit`, and whether it is approximate in that unit (printed
/// more coarsely than the unit shows, e.g. a figure in JPY millions shown in thousands).
pub fn cell(c: &Cell, unit: MoneyUnit, negatives: Negatives) -> (String, bool) {
    let (value, dp, approx) = match c.dimension {
        Dimension::Yen => {
            let step = unit.factor() / Decimal::from(10u32.pow(unit.decimals()));
            let v = c.value.checked_div(unit.factor()).unwrap_or(c.value);
            // Approximate when the printed precision leaves more than one displayed step of doubt.
            (v, unit.decimals(), c.half_width > step)
        }
        Dimension::Percent | Dimension::Points => (c.value, 1, false),
        _ => (c.value, decimals_of_width(c.half_width).min(2), false),
    };
    let text = group(value, dp);
    let text = match (c.dimension, negatives, text.strip_prefix('-')) {
        (_, Negatives::Triangle, Some(abs)) => format!("△{abs}"),
        (Dimension::Percent | Dimension::Points, Negatives::Parentheses, _) => text,
        (_, Negatives::Parentheses, Some(abs)) => format!("({abs})"),
        _ => text,
    };
    (text, approx)
}

/// An exact value in base units with its unit, unrounded (up to 10 decimals):
/// `JPY 13,952,678,000`, `7.1210230% `, `206,478 shares`.
pub fn base_amount(value: Decimal, dimension: Dimension) -> String {
    let v = group(value, value.normalize().scale().min(10));
    match dimension {
        Dimension::Yen => format!("JPY {v}"),
        Dimension::YenPerShare => format!("JPY {v} per share"),
        Dimension::Dollars => format!("USD {v}"),
        Dimension::Percent => format!("{v}%"),
        Dimension::Points => format!("{v} points"),
        Dimension::Shares => format!("{v} shares"),
        Dimension::Persons => format!("{v} persons"),
        Dimension::Years => format!("{v} years"),
        Dimension::Times => format!("{v} times"),
        Dimension::Count => v,
    }
}

/// A ratio value at its display rounding, with its unit: `20.9%`, `1.19x`, `66.9 days`,
/// `JPY 4,562 million`, `JPY 25,100`.
pub fn ratio(value: Decimal, unit: crate::model::ratios::RatioUnit, decimals: u32) -> String {
    use crate::model::ratios::RatioUnit;
    match unit {
        RatioUnit::Percent => format!("{}%", group(value, decimals)),
        RatioUnit::Times => format!("{}x", group(value, decimals)),
        RatioUnit::Days => format!("{} days", group(value, decimals)),
        RatioUnit::Yen => format!("JPY {} million", group(value.checked_div(Decimal::from(1_000_000)).unwrap_or(value), 0)),
        RatioUnit::YenPerShare => format!("JPY {}", group(value, decimals)),
    }
}

/// Decimals implied by a half-width: ±0.005 → 2, ±0.05 → 1, ±0.5 or exact → 0.
fn decimals_of_width(half_width: Decimal) -> u32 {
    if half_width.is_zero() {
        0
    } else {
        decimals_of(half_width * Decimal::TWO)
    }
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

/// A number a visitor typed: surrounding spaces and thousands separators are ignored, so
/// "1,234.5" reads as it is shown on the page. `None` when it is not a number.
pub fn typed_decimal(text: &str) -> Option<Decimal> {
    text.trim().replace(',', "").parse().ok()
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
    fn it_can_read_a_typed_number_as_shown() {
        assert_eq!(typed_decimal(" 1,234.5 "), Some(d("1234.5")));
        assert_eq!(typed_decimal("-3"), Some(d("-3")));
        assert_eq!(typed_decimal("10,000"), Some(d("10000")));
        assert_eq!(typed_decimal("many"), None);
        assert_eq!(typed_decimal(""), None);
        assert_eq!(typed_decimal("1.2.3"), None);
    }

    #[test]
    fn it_can_read_decimals_from_a_precision() {
        assert_eq!(decimals_of(d("0.1")), 1);
        assert_eq!(decimals_of(d("0.01")), 2);
        assert_eq!(decimals_of(d("1")), 0);
        assert_eq!(decimals_of(d("100000")), 0);
        assert_eq!(decimals_of(d("0.10")), 1);
    }

    fn cell_of(value: &str, half: &str, dimension: Dimension) -> Cell {
        Cell { id: "x".into(), value: d(value), half_width: d(half), dimension, source: crate::model::statements::Source::Fact(0) }
    }

    #[test]
    fn it_can_show_a_cell_in_each_unit() {
        // Revenues, 66,835,299 thousand exactly.
        let revenue = cell_of("66835299000", "500", Dimension::Yen);
        assert_eq!(cell(&revenue, MoneyUnit::Thousands, Negatives::Minus), ("66,835,299".into(), false));
        assert_eq!(cell(&revenue, MoneyUnit::Millions, Negatives::Minus), ("66,835".into(), false));
        assert_eq!(cell(&revenue, MoneyUnit::Billions, Negatives::Minus), ("66.8".into(), false));
        // Cash at March 31, 2007, printed 13,555 million: approximate when shown in thousands.
        let cash = cell_of("13555000000", "500000", Dimension::Yen);
        assert_eq!(cell(&cash, MoneyUnit::Thousands, Negatives::Minus), ("13,555,000".into(), true));
        assert_eq!(cell(&cash, MoneyUnit::Millions, Negatives::Minus), ("13,555".into(), false));
        // The accumulated deficit, both ways.
        let deficit = cell_of("-19555489000", "500", Dimension::Yen);
        assert_eq!(cell(&deficit, MoneyUnit::Thousands, Negatives::Parentheses).0, "(19,555,489)");
        assert_eq!(cell(&deficit, MoneyUnit::Thousands, Negatives::Minus).0, "-19,555,489");
        // Per-share data keeps its printed decimals; percentages show one.
        assert_eq!(cell(&cell_of("18964.62", "0.005", Dimension::YenPerShare), MoneyUnit::Billions, Negatives::Minus).0, "18,964.62");
        assert_eq!(cell(&cell_of("7.1210", "0", Dimension::Percent), MoneyUnit::Millions, Negatives::Parentheses).0, "7.1");
        assert_eq!(cell(&cell_of("-4.31", "0", Dimension::Percent), MoneyUnit::Millions, Negatives::Parentheses).0, "-4.3");
        // With a triangle, as Japanese statements print: the accumulated deficit, and a
        // negative percentage too; a positive figure is unmarked.
        assert_eq!(cell(&deficit, MoneyUnit::Thousands, Negatives::Triangle).0, "△19,555,489");
        assert_eq!(cell(&deficit, MoneyUnit::Millions, Negatives::Triangle).0, "△19,555");
        assert_eq!(cell(&cell_of("-4.31", "0", Dimension::Percent), MoneyUnit::Millions, Negatives::Triangle).0, "△4.3");
        assert_eq!(cell(&revenue, MoneyUnit::Thousands, Negatives::Triangle).0, "66,835,299");
        for n in Negatives::ALL {
            assert_eq!(Negatives::from_code(n.code()), Some(n));
        }
        assert_eq!(Negatives::from_code("red"), None);
    }

    #[test]
    fn it_can_show_ratios_in_their_units() {
        use crate::model::ratios::RatioUnit;
        assert_eq!(ratio(d("20.8763"), RatioUnit::Percent, 1), "20.9%");
        assert_eq!(ratio(d("1.1906"), RatioUnit::Times, 2), "1.19x");
        assert_eq!(ratio(d("66.93"), RatioUnit::Days, 1), "66.9 days");
        assert_eq!(ratio(d("4561605000"), RatioUnit::Yen, 0), "JPY 4,562 million");
        assert_eq!(ratio(d("-906000000"), RatioUnit::Yen, 0), "JPY -906 million");
        assert_eq!(ratio(d("25100"), RatioUnit::YenPerShare, 0), "JPY 25,100");
    }

    #[test]
    fn it_can_show_an_unrounded_amount_with_its_unit() {
        assert_eq!(base_amount(d("13952678000"), Dimension::Yen), "JPY 13,952,678,000");
        assert_eq!(base_amount(d("7.12100"), Dimension::Percent), "7.121%");
        assert_eq!(base_amount(d("-1.5"), Dimension::Points), "-1.5 points");
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
